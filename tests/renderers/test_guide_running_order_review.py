"""trainer-guide.docx as a trainer reads it, from the trainers' review: no headings for the sections a course does
not run, no doubled full stops, and the audiences without the strategy's numbering."""
from __future__ import annotations

import io

import pytest
from artefact_text import artefact_text
from docx import Document

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._facts import audience_lines, audience_text
from iwpacks.renderers.trainer_guide import TrainerGuideRenderer

COURSES = ("iw-practitioners", "iw-senior-managers", "caf-trainers")


@pytest.fixture(scope="module")
def local(programme):
    return apply_overlay(programme, load_overlay(programme, "northmoor"))


@pytest.fixture(scope="module")
def released(local, brand):
    """The LA's guides as trainers get them, with the plans they were rendered from."""
    plans = {cid: plan_course(local, cid, release=True) for cid in COURSES}
    return {cid: (plan, TrainerGuideRenderer().render(plan, brand)) for cid, plan in plans.items()}


def _headings(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs if p.style.name.startswith("Heading")]


def test_a_section_the_course_does_not_run_has_no_heading_or_rationale_in_the_guide(released, programme, brand):
    """The review: iw-senior-managers headed "Associated processes and tools" with the content's reason for
    leaving it out ("... that this section would repeat"); iw-practitioners "Background and context within ECM"
    and "Detailed training on integrated working". A trainer follows only what the course runs."""
    seen = 0
    for cid, (plan, data) in released.items():
        headings, text = _headings(data), artefact_text(data, ".docx")
        for section in (s for s in plan.sections if s.omitted):
            seen += 1
            named = [h for h in headings if h == section.title or h.startswith(f"{section.title} (")]
            assert not named, (cid, named)
            assert section.omitted not in text, cid
        assert "would repeat" not in text and "covered once, there" not in text, cid
    assert seen >= 3
    # The policy team's draft leaves them out too: the reason stays in the content, not in the running order.
    draft = plan_course(programme, "iw-senior-managers")
    [omitted] = [s for s in draft.sections if s.omitted and s.kind == "awareness"]
    assert omitted.omitted not in artefact_text(TrainerGuideRenderer().render(draft, brand), ".docx")


def test_no_sentence_in_the_guide_ends_in_two_full_stops(released):
    """The review: the printing list read "...needs and services.. And the reference sheets" and "locally..
    And"; the seed's objective "...within their own context.." is tidied in the guide (only the course
    specification keeps the seed's punctuation)."""
    for cid, (_plan, data) in released.items():
        text = artefact_text(data, ".docx").replace("...", "\u2026")
        assert ".." not in text, (cid, text[max(0, text.find("..") - 80):text.find("..") + 20])
    handouts_row = artefact_text(released["caf-trainers"][1], ".docx")
    assert "plus 2 spares. Includes 8 exercises (1 optional), 5 worksheets and 2 reference sheets." in handouts_row
    assert "within their own context." in handouts_row


def test_the_guide_lists_each_modules_audiences_without_the_strategys_numbers(released, programme, brand):
    """The review: the guide printed "4. Strategic & Senior Managers 5. Middle Managers" (IW04) and "1.
    Operational Managers 2. ..." (IW02), numbers of a list the trainer does not have; the course specification
    already dropped them in a release pack, and the guide now does the same."""
    text = artefact_text(released["iw-senior-managers"][1], ".docx")
    assert "IW04 Supporting Integrated Working: Strategic & Senior Managers, Middle Managers. Although" in text
    assert ("IW02 Overview of Integrated Working Processes and Tools: Operational Managers, Middle Managers, "
            "Strategic & Senior Managers. Although") in text
    assert "4. Strategic" not in text and "1. Operational Managers" not in text
    # The policy team's master keeps the seed's numbering, in the guide as in the specification.
    lines = programme.modules["IW04"].audience_text
    assert audience_lines(lines, release=False) == list(lines)
    assert audience_lines(lines, release=True)[:2] == ["Strategic & Senior Managers", "Middle Managers"]
    assert audience_text(lines, release=False).startswith("4. Strategic & Senior Managers 5. Middle Managers")
    draft = artefact_text(TrainerGuideRenderer().render(plan_course(programme, "iw-senior-managers"), brand), ".docx")
    assert "4. Strategic & Senior Managers 5. Middle Managers" in draft
