"""A trainer-reviewer's findings on the training plan, the trainer guide and the course specification."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.renderers._diagram_layout import LEADING
from iwpacks.renderers.training_plan import render_training_plan


@pytest.fixture(scope="module")
def northmoor(programme):
    return apply_overlay(programme, load_overlay(programme, "northmoor"))


def _pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def test_a_release_plan_reads_caf01_with_a_footnote_and_a_draft_keeps_sic(programme, northmoor, brand):
    """The review: the release pack's plan printed "CA01 [sic: CAF01]"."""
    release = _pdf_text(render_training_plan(northmoor, brand))
    assert "[sic" not in release
    assert "after IS01, CAF01* and LP01" in release
    assert "* Printed \u201cCA01\u201d in the strategy: a misprint for CAF01." in release
    draft = _pdf_text(render_training_plan(programme, brand))
    assert "CA01 [sic: CAF01]" in draft and "CAF01*" not in draft


def test_every_course_in_the_plans_routes_is_named_in_one_size(northmoor, brand, monkeypatch):
    """The review: the CAF course's box in the practitioners' route was shrunk far below its neighbours'."""
    from iwpacks.renderers import training_plan

    captured = []
    original = training_plan.route_figures

    def spy(diagrams, brand):
        figures = original(diagrams, brand)
        captured.extend(figures)
        return figures

    monkeypatch.setattr(training_plan, "route_figures", spy)
    render_training_plan(northmoor, brand)
    assert len(captured) >= 3 and max(len(f.boxes) for f in captured) >= 5
    assert {b.size for f in captured for b in f.boxes} == {captured[0].boxes[0].size}
    assert captured[0].boxes[0].size >= 8
    assert all(f.overflow == () for f in captured)
    caf = [b for f in captured for b in f.boxes if b.text.startswith("The Common Assessment Framework")]
    assert caf and all(len(b.lines) * b.size * LEADING <= b.h for b in caf)


def _printing_rows(data: bytes, programme) -> list[list[str]]:
    from docx import Document

    header = list(programme.guide_text["materials.header"])
    grid = next(t for t in Document(io.BytesIO(data)).tables if [c.text for c in t.rows[0].cells] == header)
    return [[c.text for c in row.cells] for row in grid.rows[1:]]


def test_the_printing_list_names_every_exercises_role_cards_and_sheets_with_copies(northmoor, brand):
    """The review: role cards were missing from the guide's printing list. Every exercise with role cards has a
    row with copies for the group; the handouts' row names the sheets the exercises use, which it holds."""
    from iwpacks.planning.plan import plan_course
    from iwpacks.renderers.trainer_guide import TrainerGuideRenderer

    carded = 0
    for cid, course in northmoor.courses.items():
        if course.is_pending:
            continue
        plan = plan_course(northmoor, cid, release=True)
        rows = _printing_rows(TrainerGuideRenderer().render(plan, brand), northmoor)
        for item in plan.exercises:
            e = item.exercise
            if e is not None and e.role_briefs:
                carded += 1
                row = next(r for r in rows if f"role cards for \u201c{e.title}\u201d" in r[2])
                assert row[1] == "trainer-guide.docx"
                # A page of cards for each group (a later review: the cards go to a group's players, not to
                # every attendee): enough pages for the groups the attendees make.
                size = int(re.match(r"\d+", e.group_size).group()) if e.group_size[:1].isdigit() else len(e.role_briefs)
                assert int(row[3]) * size >= plan.group_size, (cid, e.title)
            for sheet in plan.sheets.get(e.id, ()) if e is not None else ():
                if sheet.reader != "attendees":
                    assert any(r[1] == "trainer-guide.docx" and sheet.title in r[2] for r in rows), (cid, sheet.title)
        # The handouts' row counts the attendees' sheets it holds (a later review: their titles in full made the
        # cell a paragraph).
        handed = sum(sheet.reader != "trainer" for item in plan.exercises if item.exercise is not None
                     for sheet in plan.sheets.get(item.exercise.id, ()))
        if handed:
            [handouts] = [r for r in rows if r[1] == "handouts.docx"]
            assert f"{handed} worksheet" + ("s" if handed > 1 else "") in handouts[2], (cid, handouts[2])
    assert carded >= 3


def test_the_guide_names_each_topic_as_its_slide_does_with_its_number_and_the_specification_adds_none(northmoor, brand):
    """The review: the specification quotes the strategy's topic names, the slides and guide head them shorter,
    and a trainer could not match the two. A later review: the slide's title after each topic was more than a
    reader of those lists needs. The strategy's words stay; the specification adds nothing, and the guide's list
    gives each topic's slide number, "(slide N)", as the deck numbers it."""
    from docx import Document

    from iwpacks.planning.plan import plan_course
    from iwpacks.renderers._deck_slides import slide_numbers
    from iwpacks.renderers._guide_spec import slide_span
    from iwpacks.renderers.course_spec import CourseSpecRenderer
    from iwpacks.renderers.trainer_guide import TrainerGuideRenderer

    plan = plan_course(northmoor, "is-advisors", release=True)
    spec = _pdf_text(CourseSpecRenderer().render(plan, brand))
    guide = [p.text for p in Document(io.BytesIO(TrainerGuideRenderer().render(plan, brand))).paragraphs]
    assert "slide: \u201c" not in spec and not any("slide: \u201c" in p for p in guide)  # no slide titles
    slides = slide_numbers(plan)
    shown = 0
    for section in plan.sections:
        for mp in section.modules:
            for topic, words in zip(mp.topics, mp.module.content_read):
                assert words in spec  # the strategy's words, verbatim
                numbers = slides.get(("topic", mp.module.ref, topic.title), ())
                if numbers:
                    shown += 1
                    # A break's slide between two of the topic's is left out: "(slides 82 and 84-85)".
                    span = str(numbers[0]) if len(numbers) == 1 else f"slides {slide_span(numbers)}"
                    where = f"(slide {span})" if len(numbers) == 1 else f"({span})"
                    # Named as the slide names it (the fourth review), the strategy's words in the specification.
                    named = topic.slide_title or topic.title
                    assert f"{named} {where}" in guide, (named, where)
    assert shown >= 3
