"""The trainers' review of the Northmoor course specifications and outlines (iw-practitioners,
iw-senior-managers): a short timings table split over two pages, a one-row requirements block, notes that read
as software describing itself, an optional exercise counted as timed; an outline with no blanks for the date and
venue, a jargon heading out of the day's order, and a timetable without its breaks."""
from __future__ import annotations

import re

import pytest
from artefact_text import pdf_page_texts

import iwpacks
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.planning.timetable import clock
from iwpacks.renderers._words import items, say
from iwpacks.renderers.course_spec import CourseSpecRenderer
from iwpacks.renderers.outline import OutlineRenderer

REVIEWED = ("iw-practitioners", "iw-senior-managers", "is-advisors", "caf-trainers")


def _flat(value: str) -> str:
    return " ".join(value.split())


@pytest.fixture(scope="module")
def northmoor_plans():
    master = iwpacks.load_programme()
    local = apply_overlay(master, load_overlay(master, "northmoor"))
    return {cid: plan_course(local, cid, release=True) for cid in REVIEWED}


@pytest.fixture(scope="module")
def specs(northmoor_plans, plans, brand):
    """The reviewed Northmoor specifications and every course's master specification, as page texts."""
    built = {f"northmoor {cid}": (plan, pdf_page_texts(CourseSpecRenderer().render(plan, brand)))
             for cid, plan in northmoor_plans.items()}
    return {**built, **{cid: (plan, pdf_page_texts(CourseSpecRenderer().render(plan, brand))) for cid, plan in plans.items()}}


@pytest.fixture(scope="module")
def outlines(northmoor_plans, plans, brand):
    """The reviewed Northmoor outlines and every course's master outline, as page texts."""
    built = {f"northmoor {cid}": (plan, pdf_page_texts(OutlineRenderer().render(plan, brand)))
             for cid, plan in northmoor_plans.items()}
    return {**built, **{cid: (plan, pdf_page_texts(OutlineRenderer().render(plan, brand))) for cid, plan in plans.items()}}


def _kept_tables(plan) -> list[tuple[str, str]]:
    """Each short table the specification keeps whole, as (what stands over it, what its last row says): the
    policy team's timings, whose total ends it; the timetable, a table a day, the first with the line over it."""
    tables = []
    if not plan.release:
        key = "course.timings_strategy" if all(m.from_strategy for m in plan.modules) else "course.timings_own"
        tables.append((_flat(say(plan, key))[:40], "Whole course"))
    several = plan.timetable.days > 1
    for day, (start, end) in enumerate(plan.timetable.day_hours, start=1):
        heading = say(plan, "course.timetable_day", day=str(day), hours=f"{clock(start)}\u2013{clock(end)}")
        last = [r for r in plan.timetable.rows if r.day == day][-1]
        ends = f"{clock(last.start)}\u2013{clock(last.end)}"
        if day == 1:
            tables.append((_flat(say(plan, "course.timetable_intro_days" if several else "course.timetable_intro")),
                           _flat(heading) if several else ends))
        if several:
            tables.append((_flat(heading), ends))
    return tables


def test_a_short_table_is_whole_on_one_page_or_splits_with_its_heading_and_rows_on_both(specs):
    """The review: iw-practitioners' timings table began at the foot of page 1 and ended on page 2. A table is
    whole on a page, or, where keeping it whole would push the rest of the specification onto a page of its
    own, it runs on with its heading and at least four rows on the first page and its column heads again on the
    next (a later review found the whole table moved to page 2 and the contacts left alone on a page 3)."""
    split = 0
    for name, (plan, pages) in specs.items():
        for over, last in _kept_tables(plan):
            starts = [i for i, page in enumerate(pages) if over in page]
            assert len(starts) == 1, (name, over)
            page = pages[starts[0]]
            if last in page[page.index(over):]:
                continue  # heading, rows and last row on one page
            split += 1
            assert len(re.findall(r"\d\d:\d\d\u2013\d\d:\d\d", page[page.index(over):])) >= 4, (name, over)
            after = pages[starts[0] + 1]
            head = _flat(items(plan, "course.timetable_columns")[-1])
            assert head in after and last in after, (name, over)
    assert not any("Timings" in page for page in specs["northmoor iw-practitioners"][1])
    assert split, "no table here runs on: the test would not see a split without its heads"


def test_a_module_whose_only_requirement_is_its_audience_says_it_in_a_line(specs):
    """The review: IW01's "delivery and requirements" block held one row, "Intended audience: All"."""
    text = " ".join(specs["northmoor iw-practitioners"][1])
    assert "IW01 delivery and requirements" not in text
    assert "Intended audience: all audiences" in text
    heading = text.index("IW01 Introduction to Integrated Working Time in this course")
    assert heading < text.index("Intended audience: all audiences") < text.index("Learning objectives", heading)
    # A block with more to say keeps its table, and the policy team's master keeps the seed's words.
    managers = " ".join(specs["northmoor iw-senior-managers"][1])
    assert "IW02 delivery and requirements" in managers and "Prerequisites Taken after IW01" in managers
    assert "IW01 delivery and requirements" in " ".join(specs["iw-practitioners"][1])


def test_the_explanatory_lines_are_in_a_training_officers_words(specs):
    """The review: "The time this course's session plan gives each module, ... together they make the course
    total" read like software describing itself."""
    for name, (plan, pages) in specs.items():
        text = " ".join(pages)
        assert "session plan gives" not in text, name
        assert "together they make" not in text, name
        assert _flat(say(plan, "course.booking_intro")) in text, name
    practitioners = " ".join(specs["northmoor iw-practitioners"][1])
    assert "The day by the clock, as the trainer's session plan times it." in practitioners


def test_the_structure_names_the_modules_whose_exercises_are_timed_and_an_optional_one_apart(specs):
    """The review: iw-senior-managers' "Scenarios and exercises: Included in IW01", where IW01's one exercise
    is optional, misled."""
    managers = " ".join(specs["northmoor iw-senior-managers"][1])
    assert ("practises: they are timed within IW02 and IW04; IW01: optional, if time allows."
            in " ".join(managers.split()))
    assert "timed within IW01" not in managers
    assert "practises: they are timed within IW01." in " ".join(" ".join(specs["northmoor iw-practitioners"][1]).split())
    for name, (plan, pages) in specs.items():
        text = " ".join(pages)
        for row in re.findall(r"timed within ([A-Z0-9, and]+?)(?:;|\s\d|\s[A-Z][a-z])", text):
            timed = {e.module_ref for e in plan.exercises if not e.optional}
            assert set(re.findall(r"[A-Z]+\d\d", row)) <= timed or not plan.exercises, (name, row)


def test_the_outline_has_blanks_for_the_date_and_venue_on_its_first_page(outlines):
    """The guide has the trainer send the outline with the date, times and venue."""
    for name, (plan, pages) in outlines.items():
        assert "Date:" in pages[0] and "Venue:" in pages[0], name
        assert len(pages) == 1 or plan.timetable.days > 2, name


def test_the_outlines_parts_besides_the_modules_are_named_plainly_in_the_days_order(outlines):
    """The review: "Besides the modules" was jargon, and its key messages came after the close."""
    for name, (plan, pages) in outlines.items():
        text = " ".join(pages)
        assert "Besides the modules" not in text, name
        heading = "Also over the days" if plan.timetable.days > 1 else "Also in the day"
        assert heading in text, name
        around = text[text.index(heading):]
        # The processes in brief are under the content, with their minutes (test_fourth_review.py).
        titles = [s.title for s in plan.sections if not s.omitted and not s.modules and s.minutes and not s.awareness]
        places = [around.index(_flat(title)) for title in titles]
        assert places == sorted(places), (name, titles)
    practitioners = " ".join(outlines["northmoor iw-practitioners"][1])
    assert ("Also in the day Introduction to the course 20 min \u00b7 The common message \u201cRecord information "
            "well\u201d 5 min \u00b7 Recap 10 min") in practitioners


def test_the_outlines_timetable_gives_each_days_breaks_and_lunch(outlines):
    """The review: "09:00–11:30 · IW01" showed no break."""
    for name, (plan, pages) in outlines.items():
        text = " ".join(pages)
        for row in (r for r in plan.timetable.rows if r.is_break):
            assert f"{clock(row.start)}\u2013{clock(row.end)}" in text, (name, row.label, row.day)
    assert "09:00\u201311:30 \u00b7 break 10:15\u201310:30" in " ".join(outlines["northmoor iw-practitioners"][1])
    managers = " ".join(outlines["northmoor iw-senior-managers"][1])
    assert ("09:00\u201316:00 \u00b7 breaks 10:30\u201310:45, 14:30\u201314:45 \u00b7 lunch "
            "12:15\u201313:00") in managers
