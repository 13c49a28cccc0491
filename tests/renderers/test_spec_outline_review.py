"""The review of the Northmoor course specifications and outlines (is-advisors, iw-practitioners, caf-trainers,
is-trainers): a table's total row alone at the top of a page, times written two ways, a structure row that read
as the build's wording, a run-on sentence under the structure, and an outline set below 9 pt."""
from __future__ import annotations

import io
import re

import pypdf
import pytest
from artefact_text import pdf_page_texts

import iwpacks
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._facts import course_facts, held_after_modules, section_time, time_note
from iwpacks.renderers.course_spec import CourseSpecRenderer
from iwpacks.renderers.outline import OutlineRenderer

REVIEWED = ("is-advisors", "iw-practitioners", "caf-trainers", "is-trainers")
# A time as the packs write it: "5 h", "5 h 30 min", "45 min"; never "5h", "5hrs", "45 mins" or "45m".
MISWRITTEN_TIME = re.compile(r"\b\d+(?:h|hrs?|m|mins?)\b|\b\d+ (?:hrs?|mins)\b")


def _flat(value: str) -> str:
    return " ".join(value.split())


@pytest.fixture(scope="module")
def northmoor_plans():
    master = iwpacks.load_programme()
    local = apply_overlay(master, load_overlay(master, "northmoor"))
    return {cid: plan_course(local, cid, release=True) for cid in REVIEWED}


@pytest.fixture(scope="module")
def specs(northmoor_plans, plans, brand):
    """The Northmoor specifications of the reviewed courses, and every course's master specification."""
    local = {f"northmoor {cid}": (plan, CourseSpecRenderer().render(plan, brand))
             for cid, plan in northmoor_plans.items()}
    return {**local, **{cid: (plan, CourseSpecRenderer().render(plan, brand)) for cid, plan in plans.items()}}


def test_a_tables_total_row_goes_over_a_page_break_with_the_two_rows_before_it(specs):
    """The review: is-advisors' course structure ended page 1, and "Course total" stood alone on page 2 under
    the repeated header."""
    checked = 0
    for name, (plan, data) in specs.items():
        facts = course_facts(plan)
        totals = {"Course total": [title for title, _time in facts.sections[-2:]]}
        if not plan.release:  # the policy team's table of the strategy's durations; a release pack has none
            totals["Total Whole course"] = [part.name for part in facts.timed_parts[-2:]]
        for page in pdf_page_texts(data):
            for total, before in totals.items():
                if total in page:
                    head = page[:page.index(total)]
                    assert all(_flat(row) in head for row in before), (name, total, before)
                    checked += 1
    assert checked == sum(1 if plan.release else 2 for plan, _data in specs.values())


def test_every_time_in_the_specification_is_written_one_way(specs):
    """The review: "5h" beside "5 h 30 min". The seed's own words for a duration ("5 hours (2 x 2.5 hours)")
    stay as it writes them."""
    for name, (plan, data) in specs.items():
        text = " ".join(pdf_page_texts(data))
        for module in course_facts(plan).modules:  # the strategy's words: "60 mins", as it writes them
            text = text.replace(_flat(module.duration_text), "")
        assert not MISWRITTEN_TIME.search(text), (name, MISWRITTEN_TIME.search(text))


def test_a_section_of_scenarios_says_which_modules_its_time_is_part_of(northmoor_plans, brand):
    """The review: "Scenarios and exercises: IS01, IS02 · within the modules' time" read as the build's words. A
    later review: rows of scenarios among the timed sections, under "in this order", read as parts of the day;
    one line under the structure says where the exercises run, for all the course's modules."""
    # A module whose only exercise is optional is named apart (the trainers' review: see
    # test_spec_outline_trainer_review.py).
    lead = ("The scenarios and exercises run inside the modules' time, each straight after the topic it "
            "practises: ")
    expected = {"is-advisors": "they are timed within IS02 and IS03; IS01: optional, if time allows.",
                "iw-practitioners": "they are timed within IW01.",
                "caf-trainers": "they are timed within CAF02 and CAF03; CAF01: optional, if time allows.",
                "is-trainers": "they are timed within IS02, IS03 and IS05; IS01: optional, if time allows."}
    for cid, where in expected.items():
        text = " ".join(" ".join(pdf_page_texts(CourseSpecRenderer().render(northmoor_plans[cid], brand))).split())
        assert "within the modules" not in text, cid
        assert "Scenarios and exercises: " not in text and "Scenarios and exercises Included" not in text, cid
        assert lead + where in text, (cid, where)


def test_what_a_sections_time_holds_is_said_in_its_row_not_in_a_sentence_after_the_table(specs):
    """The review: "Detailed training on information sharing: IS02, 5 h 5 min: IS02 (5 h), then the key message
    ..." ran on under the table. The row says it under the section's title, beside the section's one time."""
    seen = 0
    for name, (plan, data) in specs.items():
        text = " ".join(pdf_page_texts(data))
        for section in (s for s in plan.sections if s.modules and s.message_minutes):
            assert time_note(plan, section) not in text, (name, section.title)
            row = f"{section.title} {held_after_modules(plan, section, words='course')} {section_time(plan, section)}"
            assert _flat(row) in text, (name, row)
            seen += 1
        assert not re.search(r": [A-Z]+\d\d, \d+ (?:h|min)\b.*?: ", text), name  # "...: IS02, 5 h 5 min: IS02"
    assert seen >= 4


@pytest.fixture(scope="module")
def outlines(northmoor_plans, plans, brand):
    """The Northmoor outlines of the reviewed courses, and every course's master outline."""
    local = {f"northmoor {cid}": (plan, OutlineRenderer().render(plan, brand)) for cid, plan in northmoor_plans.items()}
    return {**local, **{cid: (plan, OutlineRenderer().render(plan, brand)) for cid, plan in plans.items()}}


def _text_sizes(data: bytes) -> list[tuple[float, str]]:
    """(size in points, text) of every run of text inside the page body, between the band and the footer."""
    runs: list[tuple[float, str]] = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        def visit(text: str, cm: list, tm: list, font: object, size: float) -> None:
            y = tm[5] * cm[3] + cm[5] if cm[3] else tm[5]
            if text.strip() and FOOTER_TOP < y < float(page.mediabox.height) - BAND_BOTTOM:
                runs.append((round(size * tm[0] * (cm[0] or 1), 2), text))
        page.extract_text(visitor_text=visit)
    return runs


FOOTER_TOP = 14 * 72 / 25.4    # the footer's rule, 12 mm up, and a margin: the page furniture is not body text
BAND_BOTTOM = 9 * 72 / 25.4    # the band across the top


def test_no_text_of_any_outline_is_under_9_pt(outlines):
    """The review: is-trainers' outline was set in 8.5 pt and its topics smaller still."""
    for name, (_plan, data) in outlines.items():
        runs = _text_sizes(data)
        assert runs, name
        small = [(size, words) for size, words in runs if size < 9]
        assert not small, (name, small[:3])


def test_an_outline_takes_at_most_two_pages_and_a_second_page_is_no_stub(outlines):
    """A course that does not fit one page at 9 pt takes both sides of the sheet, its second page well filled."""
    from page_fill import body_depths

    two = []
    for name, (_plan, data) in outlines.items():
        depths = body_depths(data)
        assert len(depths) <= 2, name
        if len(depths) == 2:
            two.append(name)
            assert depths[1] >= 0.25, (name, depths)
            assert pypdf.PdfReader(io.BytesIO(data)).outline, name  # two pages need bookmarks
    # The longest trainer course takes two pages; a two-day course of two modules, once its structure no longer
    # repeats the modules' times, fits one.
    assert "northmoor is-trainers" in two
    assert not {"northmoor iw-practitioners", "northmoor is-advisors"} & set(two)


def test_the_outline_gives_each_days_hours_and_modules(outlines):
    """The review asked for the days of the course: "Day 1: 09:00–16:30", with what each day teaches."""
    for name, (plan, data) in outlines.items():
        text = " ".join(pdf_page_texts(data))
        assert "Timetable" in text, name
        for day, (start, end) in enumerate(plan.timetable.day_hours, start=1):
            hours = f"{start // 60:02d}:{start % 60:02d}\u2013{end // 60:02d}:{end % 60:02d}"
            assert (f"Day {day}: {hours}" if plan.timetable.days > 1 else hours) in text, (name, day)
    words = {name: " ".join(pdf_page_texts(data)) for name, (_plan, data) in outlines.items()}
    assert re.search("Day 1: 09:00\u201316:30 \u00b7 IS01, IS02 \u00b7 .*Day 2: 09:00\u201315:45 \u00b7 IS03 \u00b7 ",
                     words["northmoor is-advisors"])
    # One day: its hours and break, no module named as if it filled the day (the content lists the modules).
    assert "09:00\u201311:30 \u00b7 break" in words["northmoor iw-practitioners"]
    assert "Day 1" not in words["northmoor iw-practitioners"]
    assert "CAF02 (continued)" in words["caf-practitioners"]  # a module that goes on the next day says so


def test_every_time_in_the_outline_is_written_one_way(outlines):
    for name, (_plan, data) in outlines.items():
        text = " ".join(pdf_page_texts(data))
        assert not MISWRITTEN_TIME.search(text), (name, MISWRITTEN_TIME.search(text))


def test_a_modules_delivery_block_never_starts_a_page_cut_off_from_its_content(specs):
    """The review: "IW01 delivery and requirements" stood alone at the top of page 3 of iw-senior-managers'
    specification, its module on page 2. The block keeps the module's last content lines with it."""
    checked = 0
    for name, (plan, data) in specs.items():
        modules = [m for m in course_facts(plan).modules if m.content]
        for page in pdf_page_texts(data):
            for m in modules:
                heading = f"{m.ref} delivery and requirements"
                if heading not in page:
                    continue
                head = page[:page.index(heading)]
                assert f"{m.ref} {m.name}" in head or _flat(m.content[-1])[:40] in head, (name, heading)
                checked += 1
    assert checked > 20


def test_a_release_specification_lists_audiences_without_the_strategys_numbers(brand):
    """The review: "4. Strategic & Senior Managers 5. Middle Managers" on one line refers to a numbered list the
    reader of a release pack does not have. The policy team's master keeps the strategy's words."""
    master = iwpacks.load_programme()
    release = " ".join(pdf_page_texts(CourseSpecRenderer().render(plan_course(master, "iw-senior-managers", release=True),
                                                          brand)))
    assert "Strategic & Senior Managers Middle Managers" in release
    assert not re.search(r"\b[1-5]\. (?:Strategic|Middle|Operational)", release)
    draft = " ".join(pdf_page_texts(CourseSpecRenderer().render(plan_course(master, "iw-senior-managers"), brand)))
    assert "4. Strategic & Senior Managers 5. Middle Managers" in draft


def test_the_target_audience_names_the_audience_once(specs, plans, brand):
    """The review: the specification's target audience read "Strategic, senior and middle managers: Strategic,
    senior and middle managers who sponsor and support integrated working"."""
    for cid, plan in plans.items():
        name = plan.audience.name
        for data in (specs[cid][1], OutlineRenderer().render(plan, brand)):
            text = " ".join(pdf_page_texts(data))
            summary = _flat(plan.audience.summary)
            if name.split()[-1].lower() in summary.lower():  # the summary names the audience itself
                assert f"{name}: {summary[:20]}" not in text, cid
            assert _flat(plan.audience.summary) in text, cid
