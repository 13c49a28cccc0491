"""The trainer's review of the outlines: "two pages where the strategy asks for a one-pager; p2 about 60% empty".
Strategy 3.1 asks for a "1 pager": every course of up to two days gets one page, and the page still says all a
booker needs; the course structure no longer says each module's time a second time."""
from __future__ import annotations

import io
import re

import pypdf
import pytest

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._facts import course_facts
from iwpacks.renderers._slots import slot_text
from iwpacks.renderers._words import say
from iwpacks.renderers.outline import OutlineRenderer

# A time as the outline writes it, "5 h", "5 h 30 min" or "45 min", whitespace collapsed.
TIME = re.compile(r"\b(\d+) h(?: (\d+) min)?\b|\b(\d+) min\b")


def _flat(value: str) -> str:
    return " ".join(value.split())


@pytest.fixture(scope="module")
def outlines(programme, plans, brand):
    """Every ready course's outline, as the policy team's master and as Northmoor's release builds it."""
    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    built = {cid: (plan, OutlineRenderer().render(plan, brand)) for cid, plan in plans.items()}
    for cid in plans:
        plan = plan_course(local, cid, release=True)
        built[f"northmoor {cid}"] = (plan, OutlineRenderer().render(plan, brand))
    return {name: (plan, pypdf.PdfReader(io.BytesIO(data))) for name, (plan, data) in built.items()}


def _text(reader: pypdf.PdfReader) -> str:
    return _flat(" ".join(page.extract_text() for page in reader.pages))


def test_every_course_of_up_to_two_days_has_a_one_page_outline(outlines):
    short = {name: len(reader.pages) for name, (plan, reader) in outlines.items() if plan.timetable.days <= 2}
    assert len(short) >= 30, sorted(short)  # master and Northmoor: all but the three-day trainer course
    assert {name: pages for name, pages in short.items() if pages != 1} == {}
    # The three-day is-trainers, with its 17 objectives, takes both sides of the sheet.
    assert len(outlines["northmoor is-trainers"][1].pages) == 2


def test_a_one_page_outline_still_says_all_a_booker_needs(outlines):
    """Audience, time, timetable, delivery, what comes before the course and whom to book with."""
    for name, (plan, reader) in outlines.items():
        facts, text = course_facts(plan), _text(reader)
        entry = "; ".join(facts.entry_requirements) or "No entry requirements"
        # Each contact stacked, who, phone and e-mail, or as few lines as the page needs: each part is there.
        booking = [part for line in slot_text(plan, plan.slot_for("booking"), stacked=True).lines[:3]
                   for part in line.split("\n")]
        for label, value in (("Target audience", facts.audience_line), ("Time", facts.total_planned),
                             ("Timetable", ""), ("Delivery", say(plan, "course.delivery")),
                             ("Before the course", entry), *(("To book a place", part) for part in booking)):
            assert label in text, (name, label)
            assert _flat(value) in text, (name, label, value)
    assert "01632 960 130" in _text(outlines["northmoor iw-senior-managers"][1])


def _minutes(value: str) -> int:
    return sum(int(h or 0) * 60 + int(m or 0) + int(alone or 0) for h, m, alone in TIME.findall(value))


def test_the_structure_gives_the_time_outside_the_modules_so_with_them_it_adds_up(outlines):
    """The content gives each module's time; the structure, what takes time besides (the introduction, the
    days' closes and welcome backs, the recap, the close, key messages), once each: with the modules' times
    it makes the course's total, and it names no module's section."""
    for name, (plan, reader) in outlines.items():
        text = _text(reader)
        match = re.search(r"Also (?:in the day|over the days):? (.*?) (?:To book a place|Target audience)", text)
        assert match, name
        around = match.group(1)
        modules = [mp for section in plan.sections for mp in section.modules]
        for section in (s for s in plan.sections if s.modules):
            assert section.title not in around, (name, section.title)
        assert all(f"({mp.module.ref})" not in around for mp in modules), name
        # The processes taken in brief are given once, under the content, with their minutes (the fourth
        # review: their section here too read as more time): they count there.
        brief = re.search(r"Also, in brief: (.*?)(?: Also (?:in the day|over the days)|$)", text)
        in_brief = sum(s.minutes for s in plan.sections if s.awareness and not s.omitted)
        assert (brief is not None) == bool(in_brief), name
        for section in (s for s in plan.sections if s.awareness):
            assert section.title not in around, (name, section.title)
        total = sum(mp.minutes for mp in modules) + _minutes(around) + in_brief
        assert format_minutes(total) == course_facts(plan).total_planned, (name, around)
