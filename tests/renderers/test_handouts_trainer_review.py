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


def _day_tables(plan, brand, programme):
    """The handouts' "Your day" tables (by their header, the specification's timetable columns), as text, and
    the paragraphs' texts before the first heading of "About this course" (the cover's)."""
    doc = Document(io.BytesIO(HandoutsRenderer().render(plan, brand)))
    header = list(programme.guide_text["course.timetable_columns"])
    tables = [[[c.text for c in row.cells] for row in t.rows[1:]] for t in doc.tables
              if [c.text for c in t.rows[0].cells] == header]
    texts = [p.text for p in doc.paragraphs]
    return tables, texts[:texts.index("About this course")]


def test_the_handouts_give_the_day_by_the_clock_in_the_decks_order(reviewed, brand, programme):
    """Review: the handouts gave no timetable. Each day's parts by the clock, with breaks and lunch in bold, from
    the session plan in the deck's order (the specification's timetable): a table a day, from the day's start
    to its end without a gap; on the cover where it fits (a one-day course), else under "About this course"."""
    from iwpacks.planning.timetable import clock
    from iwpacks.renderers._deck_order import in_deck_order

    heading = {1: programme.guide_text["handouts.day_heading"][0], 2: programme.guide_text["handouts.days_heading"][0]}
    for (cid, side), plan in reviewed.items():
        tables, cover = _day_tables(plan, brand, programme)
        timetable = plan.timetable
        assert len(tables) == timetable.days, (cid, side)
        for day, (rows, (start, end)) in enumerate(zip(tables, timetable.day_hours), start=1):
            spans = [r[0].split("\u2013") for r in rows]
            assert spans[0][0] == clock(start) and spans[-1][1] == clock(end), (cid, side, day)
            assert all(a[1] == b[0] for a, b in zip(spans, spans[1:])), (cid, side, day)  # no gap, no overlap
            starts = [clock(r.start) for r in in_deck_order(plan) if r.day == day]
            assert [s for s, _ in spans] == [s for s in dict.fromkeys(starts) if s in {a for a, _ in spans}]
            pauses = [r for r in rows if r[1] in ("Break", "Lunch")]
            assert len(pauses) == sum(1 for r in timetable.rows if r.day == day and r.is_break), (cid, side, day)
        assert (heading[min(timetable.days, 2)] in cover) == (timetable.days == 1), (cid, side)
    # the messages row comes before the module's closing topic, as the deck says them (iw-practitioners)
    rows = _day_tables(reviewed[("iw-practitioners", "la")], brand, programme)[0][0]
    parts = [what for _, what in rows]
    message = next(n for n, what in enumerate(parts) if what.startswith("Common message"))
    assert parts[message + 1].endswith("(continued)")


def test_the_days_breaks_and_lunch_are_in_bold(reviewed, brand):
    doc = Document(io.BytesIO(HandoutsRenderer().render(reviewed[("caf-trainers", "la")], brand)))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Time")
    bold = {row.cells[1].text: all(r.bold for p in row.cells[1].paragraphs for r in p.runs) for row in table.rows[1:]}
    assert bold["Break"] and bold["Lunch"] and not any(v for k, v in bold.items() if k not in ("Break", "Lunch"))


def test_the_sheets_are_worded_for_senior_managers_where_a_variant_says_so(reviewed, brand, programme):
    """Review (iw-senior-managers pp. 7 and 13): the continuum sheet asked managers "Where is this child?" with
    no child given, and the CAF sheet spoke of taking a family from preparation to delivery. A course for senior
    managers hands them out in the sheet's variant for them: its intro, and its form in place of the sheet's;
    a course for practitioners keeps the sheet's own words."""
    continuum, steps = programme.printables["continuum-of-needs"], programme.printables["caf-three-steps"]
    for side in ("master", "la"):
        managers = _texts(reviewed[("iw-senior-managers", side)], brand)
        mine = continuum.for_audience("senior-managers")
        assert mine.intro != continuum.intro and mine.intro in managers
        assert "Where do your services sit?" in managers and "Where is this child?" not in managers
        assert [s.heading for s in mine.sections][:2] == [s.heading for s in continuum.sections][:2]
        kept = steps.for_audience("senior-managers").keep_intro
        assert kept != steps.keep_intro and kept in managers and steps.keep_intro not in managers
        practitioners = _texts(reviewed[("iw-practitioners", side)], brand)
        assert continuum.intro in practitioners and "Where is this child?" in practitioners
        assert steps.keep_intro in practitioners


def test_a_checklists_answers_are_a_table_and_a_forms_labels_one_style(reviewed, brand, programme):
    """Review (caf-trainers pp. 10 and 15): the checklist's "yes / no / not sure" boxes wrapped onto the next
    line; the discussion record set most prompts as grey labels on their line, but three long ones black above
    it. The checklist is now a table, a question a row and a box under each answer, headed by its section; each
    prompt of a one-line form section is a label on its writing line, a long one wrapping onto it."""
    from iwpacks.renderers._printables import BOX

    checklist, record = programme.printables["caf-pre-assessment-checklist"], programme.printables["caf-discussion-record"]
    for side in ("master", "la"):
        doc = Document(io.BytesIO(HandoutsRenderer().render(reviewed[("caf-trainers", side)], brand)))
        section = next(s for s in checklist.sections if s.style == "checklist")
        table = next(t for t in doc.tables if t.rows[0].cells[0].text == section.heading)
        assert [c.text for c in table.rows[0].cells[1:]] == ["yes", "no", "not sure"]
        assert [r.cells[0].text for r in table.rows[1:]] == [p.rsplit(" (", 1)[0] for p in section.prompts]
        assert all(c.text == BOX for r in table.rows[1:] for c in r.cells[1:])
        assert not any(BOX in p.text and "not sure" in p.text for p in doc.paragraphs)
        paragraphs = doc.paragraphs
        for s in (s for s in record.sections if s.style == "form" and s.lines == 1):
            for prompt in s.prompts:
                at = next(n for n, p in enumerate(paragraphs) if p.text.startswith(prompt))
                assert paragraphs[at].style.name == "Writing Line", (side, prompt, paragraphs[at].style.name)
        long = [p for s in record.sections if s.lines == 1 for p in s.prompts if len(p) > 60]
        assert len(long) >= 3
