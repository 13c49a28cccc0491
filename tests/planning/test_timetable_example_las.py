"""Every course's timetable in every example LA's own training day: the review found Eastbrook's is-trainers
(09:00 to 15:30, half an hour for lunch) with a break at 13:05 on day 2."""
from __future__ import annotations

import pytest

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.planning.timetable import clock
from iwpacks.source.load import load_programme
from tests.paths import EXAMPLES

PROGRAMME = load_programme()
LAS = sorted(p.name for p in EXAMPLES.iterdir() if (p / "overlay.yaml").is_file())


@pytest.fixture(scope="module", params=LAS)
def la_programme(request):
    return request.param, apply_overlay(PROGRAMME, load_overlay(PROGRAMME, request.param))


def test_every_example_la_is_checked():
    assert {"northmoor", "eastbrook"} <= set(LAS)


def test_every_break_and_lunch_of_every_course_starts_on_the_quarter_hour_in_every_example_la(la_programme):
    la, programme = la_programme
    courses = [c.id for c in programme.courses.values() if not c.is_pending]
    assert len(courses) >= 15
    off, pauses = [], 0
    for cid in courses:
        rows = plan_course(programme, cid, release=True).timetable.rows
        pauses += sum(1 for r in rows if r.is_break)
        off += [(cid, r.day, r.kind, clock(r.start)) for r in rows if r.is_break and r.start % 15]
        day = programme.training_day
        assert all(day.start <= r.start and r.end <= day.end for r in rows), (la, cid)
    assert pauses > 40 and off == [], la


def test_eastbrooks_is_trainers_has_its_breaks_on_the_quarter_hour():
    programme = apply_overlay(PROGRAMME, load_overlay(PROGRAMME, "eastbrook"))
    assert (programme.training_day.start, programme.training_day.end) == (9 * 60, 15 * 60 + 30)
    rows = plan_course(programme, "is-trainers", release=True).timetable.rows
    day2 = [r for r in rows if r.day == 2 and r.is_break]
    assert {r.kind for r in day2} == {"break", "lunch"}
    assert [clock(r.start) for r in rows if r.is_break and r.start % 15] == []


def test_every_day_of_every_course_ends_on_the_quarter_hour_in_every_example_la(la_programme):
    """Eastbrook's shorter day too: its days ended at 11:35 and 15:05 before the closes ran to the quarter hour."""
    la, programme = la_programme
    off = [(cid, clock(end)) for cid in (c.id for c in programme.courses.values() if not c.is_pending)
           for _, end in plan_course(programme, cid, release=True).timetable.day_hours if end % 15]
    assert off == [], la
