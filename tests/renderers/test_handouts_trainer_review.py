"""The trainers' review of the handouts of iw-practitioners, iw-senior-managers and caf-trainers (Northmoor's and
the master): no page left nearly empty, reference sheets no exercise uses said to be kept for after the course,
the day's timetable, managers' wording, and the checklist's answers in a table. Each reopened from the rendered
docx (and, for the layout, from LibreOffice's PDF)."""
from __future__ import annotations

import io

import pytest
from docx import Document

from iwpacks.planning.plan import plan_course
from iwpacks.renderers.handouts import HandoutsRenderer

REVIEWED = ("iw-practitioners", "iw-senior-managers", "caf-trainers")


@pytest.fixture(scope="module")
def local(programme):
    from iwpacks.overlay.layers import apply_overlay, load_overlay

    return apply_overlay(programme, load_overlay(programme, "northmoor"))


@pytest.fixture(scope="module")
def reviewed(programme, local):
    """Each reviewed course's plan, the master's and Northmoor's."""
    return {(cid, side): plan_course(source, cid, release=True)
            for cid in REVIEWED for side, source in (("master", programme), ("la", local))}


def _texts(plan, brand) -> list[str]:
    return [p.text for p in Document(io.BytesIO(HandoutsRenderer().render(plan, brand))).paragraphs]


def test_a_reference_sheet_no_exercise_uses_is_to_keep_not_for_the_exercises(plans, brand, programme):
    """Review (iw-practitioners pp. 9, 10, 12): the sheets on information sharing, the CAF and the lead
    professional said "for use in the exercises" in a course none of whose exercises uses them. Every course's
    reference sheets now say they are to keep, for after the course; a sheet an exercise hands out keeps its
    intro for the exercises (caf-practitioners' three steps)."""
    checked = 0
    for cid, plan in plans.items():
        texts = _texts(plan, brand)
        for sheet in plan.reference_sheets:
            at = texts.index(sheet.title)
            intro = texts[at + 1]
            assert "exercise" not in intro.lower(), (cid, sheet.id, intro)
            if sheet.keep_intro:
                assert intro == sheet.keep_intro and "to keep, for after the course" in intro, (cid, sheet.id)
                checked += 1
    assert checked >= 6
    three_steps = programme.printables["caf-three-steps"]
    assert three_steps.intro in _texts(plans["caf-practitioners"], brand)


@pytest.mark.office
def test_no_page_of_the_reviewed_handouts_is_less_than_a_quarter_full(reviewed, brand, tmp_path):
    """Review: near-empty pages (a last question, or a sheet's "Written from..." note, alone on a page; a
    reference sheet over two pages). Measured in LibreOffice's PDF of the master's and Northmoor's handouts
    with the brand fonts, by how far down the text area anything is drawn (text, a table's rules, a figure):
    every page but the last reaches at least a quarter of the way down."""
    from test_handouts import _ink_depths

    from iwpacks.pack.office import to_pdf

    short = {}
    for (cid, side), plan in reviewed.items():
        source = tmp_path / cid / side / "handouts.docx"
        source.parent.mkdir(parents=True)
        source.write_bytes(HandoutsRenderer().render(plan, brand))
        depths = _ink_depths(to_pdf([source], source.parent / "pdf")[source])
        short |= {(cid, side, n + 1): round(d, 2) for n, d in enumerate(depths[:-1]) if d < 0.25}
    assert not short, short
