"""Every bundled course's timetable as a training officer books it: the review of caf-trainers, is-advisors
and iw-practitioners (lunch stretched to 55 minutes, a 5-minute key message closing a day, a break half an
hour after lunch, IW01 rows at 09:37 and 09:57)."""
from __future__ import annotations

import pytest

from iwpacks.planning.plan import plan_course
from iwpacks.planning.timetable import DAY_END_MIN, LUNCH_EARLIEST, LUNCH_STRETCH, clock
from iwpacks.source.load import load_programme

PROGRAMME = load_programme()
COURSES = [c.id for c in PROGRAMME.courses.values() if not c.is_pending]
DAY = PROGRAMME.training_day


def _rows(course_id: str):
    return plan_course(PROGRAMME, course_id).timetable.rows


def test_the_bundled_content_has_courses_to_check():
    assert len(COURSES) >= 15 and {"caf-trainers", "is-advisors", "iw-practitioners"} <= set(COURSES)


@pytest.mark.parametrize("course_id", COURSES)
def test_every_row_starts_on_a_five_minute_mark(course_id):
    assert [(clock(r.start), r.label) for r in _rows(course_id) if r.start % 5 or r.minutes % 5] == []


@pytest.mark.parametrize("course_id", COURSES)
def test_lunch_is_the_contents_length_or_at_most_five_minutes_more_and_near_midday(course_id):
    middle = (DAY.start + DAY.end) // 2
    for row in (r for r in _rows(course_id) if r.kind == "lunch"):
        assert DAY.lunch_minutes <= row.minutes <= DAY.lunch_minutes + LUNCH_STRETCH, (clock(row.start), row.minutes)
        assert middle - LUNCH_EARLIEST <= row.start <= middle, clock(row.start)  # 11:45 to 12:45 in the bundled day
        if row.minutes > DAY.lunch_minutes:  # stretched only to start the afternoon on the quarter hour
            assert row.end % 15 == 0, clock(row.end)


@pytest.mark.parametrize("course_id", COURSES)
def test_no_day_ends_on_an_item_shorter_than_ten_minutes(course_id):
    """A day ends on real teaching, never a few minutes of a module or a lone key message; the course's close
    (forms and certificates, after the recap) is the one short item that may end the last day."""
    rows = _rows(course_id)
    for day in {r.day for r in rows}:
        last = [r for r in rows if r.day == day and r.section != "close"][-1]
        assert last.minutes >= DAY_END_MIN, (day, clock(last.start), last.label)


@pytest.mark.parametrize("course_id", COURSES)
def test_every_break_falls_in_the_middle_third_of_its_session(course_id):
    """Not in the first or last third: at least half an hour from the session's start and end, and roughly
    in its middle (is-advisors day 2 had its afternoon break 30 minutes into 2 h 20 min)."""
    rows = _rows(course_id)
    for session in {r.session for r in rows}:
        own = [r for r in rows if r.session == session and r.kind != "lunch"]
        taught = sum(r.minutes for r in own if r.kind != "break")
        for pause in (r for r in own if r.kind == "break"):
            into = pause.start - own[0].start
            assert 30 <= into <= taught - 30, (session, clock(pause.start))
            assert taught / 3 <= into <= taught * 2 / 3, (session, clock(pause.start), into, taught)


@pytest.mark.parametrize("course_id", COURSES)
def test_days_still_end_on_time_and_no_day_is_shorter_than_half_the_longest(course_id):
    rows = _rows(course_id)
    taught = {d: sum(r.minutes for r in rows if r.day == d and not r.is_break) for d in {r.day for r in rows}}
    assert all(r.end <= DAY.end for r in rows)
    assert min(taught.values()) >= max(taught.values()) / 2, taught


def test_iw01_is_one_half_hour_of_teaching_then_its_exercise_in_iw_practitioners():
    """The exercise follows topic 6; the 3-minute topic 7 is taught before it rather than as a slot of its own."""
    iw01 = [(clock(r.start), r.minutes, r.kind) for r in _rows("iw-practitioners") if r.module_ref == "IW01"]
    assert iw01 == [("09:10", 30, "teaching"), ("09:40", 20, "exercise")]


def test_a_key_message_left_after_the_days_last_topic_opens_the_next_day():
    rows = _rows("is-advisors")
    day_one_last = [r for r in rows if r.day == 1][-1]
    assert day_one_last.label.startswith("IS02 ") and clock(day_one_last.end) == "16:15"
    day_two = [r.label for r in rows if r.day == 2]
    assert day_two[:2] == ["Day 2: welcome back, recap and energiser",
                           "Key message: Use resources from your own service"]
