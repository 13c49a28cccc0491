"""The review of the Northmoor iw-practitioners specification and outline: a 35-minute section of processes in
brief with no content, a timings table that repeated the structure table, a key message and abbreviations left
unexplained; an outline in the build's words ("Key message after IW01"), a timetable that named one module as
the whole morning, and a booking contact run together on one line."""
from __future__ import annotations

import io

import pytest
from artefact_text import pdf_page_texts
from pypdf import PdfReader

import iwpacks
from iwpacks.model import GlossaryTerm
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.glossary import abbreviations_in
from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.plan import plan_course
from iwpacks.planning.timetable import clock
from iwpacks.renderers.course_spec import CourseSpecRenderer
from iwpacks.renderers.outline import OutlineRenderer

COURSES = ("iw-practitioners", "caf-trainers", "iw-senior-managers", "caf-practitioners")
DASH = "\u2013"


@pytest.fixture(scope="module")
def northmoor():
    master = iwpacks.load_programme()
    local = apply_overlay(master, load_overlay(master, "northmoor"))
    return {cid: plan_course(local, cid, release=True) for cid in COURSES}


@pytest.fixture(scope="module")
def specs(northmoor, brand):
    return {cid: CourseSpecRenderer().render(plan, brand) for cid, plan in northmoor.items()}


@pytest.fixture(scope="module")
def outlines(northmoor, brand):
    return {cid: OutlineRenderer().render(plan, brand) for cid, plan in northmoor.items()}


def _text(data: bytes) -> str:
    return " ".join(pdf_page_texts(data))


def _lines(data: bytes) -> list[str]:
    """The PDF's lines as pypdf reads them, each stripped: where a line breaks is what a test of stacking needs."""
    return [line.strip() for page in PdfReader(io.BytesIO(data)).pages for line in (page.extract_text() or "").splitlines()]


def test_the_specification_describes_the_processes_covered_in_brief(northmoor, specs):
    for cid, plan in northmoor.items():
        text = _text(specs[cid])
        for section in (s for s in plan.sections if s.awareness and not s.omitted):
            after_modules = text.split(plan.modules[-1].name)[-1]  # the section follows the module sections
            assert section.title in after_modules, cid
            from iwpacks.renderers._deck_slides import activity_shares

            for item, share in zip(section.awareness, activity_shares(section.awareness)):  # as the deck times it
                said = f"{item.process.name} ({format_minutes(item.minutes - share)}): {item.process.summary}"
                assert " ".join(said.split()) in text, (cid, item.process.name)
    practitioners = _text(specs["iw-practitioners"])
    assert "Information Sharing Index (5 min)" in practitioners
    assert "In 35 min, a short segment on each" in practitioners


def test_the_specification_gives_the_day_by_the_clock_with_its_breaks(northmoor, specs):
    for cid, plan in northmoor.items():
        text = _text(specs[cid])
        assert "Timetable" in text and "Timings" not in text, cid  # no second table of the structure's times
        for row in (r for r in plan.timetable.rows if r.is_break):
            assert f"{clock(row.start)}{DASH}{clock(row.end)} {row.label}" in text, (cid, row)
    practitioners = _text(specs["iw-practitioners"])
    for part in ("09:00–09:20 Introduction to the course", "09:20–10:05 IW01 Introduction to Integrated Working",
                 "10:05–10:10 Common message: Record information well",
                 "10:10–10:15 IW01 Introduction to Integrated Working (continued)", "10:15–10:30 Break",
                 "11:15–11:30 Close: action plan, evaluation and certificates"):
        assert part in practitioners
    caf = _text(specs["caf-trainers"])
    assert "Day 1: 09:00–16:30" in caf and "Day 2: 09:00–16:30" in caf
    assert "12:00–12:45 Lunch" in caf and "CAF02 Using the CAF in Practice (continued)" in caf
    # A module that goes on from the day before says so on the new day's first row of it.
    assert ("Day 2: welcome back, recap and energiser 09:10–11:00 CAF02 Using the CAF in Practice (continued)"
            in _text(specs["caf-practitioners"]))


def test_the_policy_teams_master_keeps_its_table_of_the_strategys_durations(plans, brand):
    text = _text(CourseSpecRenderer().render(plans["iw-practitioners"], brand))
    assert "Timings" in text and "In the strategy" in text and "Timetable" in text


def test_the_common_message_is_said_as_what_it_is(specs, outlines):
    spec = _text(specs["iw-practitioners"])
    assert ("IW01 (50 min), then the common message “Record information well” (5 min), one of the messages every "
            "course gives") in spec
    assert "Key message" not in spec
    for cid, data in outlines.items():
        assert "Key message" not in _text(data), cid
    assert "The common message “Record information well” 5 min" in _text(outlines["iw-practitioners"])


def test_each_module_says_what_the_abbreviations_in_its_text_stand_for(northmoor, specs):
    text = _text(specs["iw-practitioners"])
    module = text.split("IW01 Introduction to Integrated Working Time in this course")[1]
    line = module.split("Abbreviations: ")[1].split("Associated processes")[0]
    glossary = {t.term: t.stands_for for t in northmoor["iw-practitioners"].glossary}
    for term in ("ECM", "IW", "CA", "CYP&F"):
        assert f"{term}: {glossary[term]}" in line, term
    assert line.index("CA:") < line.index("CYP&F:")  # in the order the module's text uses them


def test_abbreviations_are_the_acronyms_a_text_writes_in_the_order_it_writes_them():
    glossary = (GlossaryTerm("TAC", "x", "Team around the child", by_words=True),
                GlossaryTerm("ECM", "x", "Every Child Matters"), GlossaryTerm("CA", "x", "Children Act"),
                GlossaryTerm("Lead professional", "x"))
    found = abbreviations_in(glossary, ["Duties of CA 2004 and the ECM agenda", "the team around the child"])
    assert [t.term for t in found] == ["CA", "ECM"]
    assert abbreviations_in(glossary, ["CASE and ECMs"]) == (glossary[1],)


def test_the_outline_shows_a_days_hours_and_break_without_naming_one_module_as_the_day(outlines):
    practitioners = _text(outlines["iw-practitioners"])
    assert "Timetable 09:00–11:30 · break 10:15–10:30" in practitioners
    assert "· IW01 ·" not in practitioners
    # Several days: each day says which modules it teaches.
    assert "Day 2: 09:00–16:30 · CAF03" in _text(outlines["caf-trainers"])


def test_the_booking_contact_is_stacked_name_and_role_then_phone_then_email(northmoor, specs, outlines):
    plan = northmoor["iw-practitioners"]
    contact = plan.localisation.slots[plan.slot_for("booking")][0]
    for data in (specs["iw-practitioners"], outlines["iw-practitioners"]):
        lines = _lines(data)
        assert contact.phone.replace(" ", "\u00a0") in lines or contact.phone in lines
        assert contact.email in lines
        assert not any(contact.phone in line and contact.email in line for line in lines)


def test_the_specification_gives_each_key_message_at_the_time_the_guide_and_the_deck_give_it(northmoor, specs):
    """The deck says a section's key messages before its last topic on sources of information, and the guide's
    session plan follows the deck; the review found the specification still giving the message after that topic,
    five minutes later than both."""
    from iwpacks.renderers._deck_order import in_deck_order

    moved = 0
    for cid, plan in northmoor.items():
        text = _text(specs[cid])
        for row in (r for r in in_deck_order(plan) if r.place[:1] == ("messages",)):
            said = f"{clock(row.start)}{DASH}{clock(row.end)}"
            assert said in text, (cid, said, row.label)
            moved += row not in plan.timetable.rows
    assert moved, "no course here has a message the deck moves: the test would not see the fault"
