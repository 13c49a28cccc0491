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
        if row.minutes > DAY.lunch_minutes:  # stretched only for the quarter hour: the afternoon's or its break's
            pause = next((r for r in _rows(course_id) if r.kind == "break" and r.start > row.start
                          and r.day == row.day), None)
            assert row.end % 15 == 0 or pause is not None and pause.start % 15 == 0, clock(row.end)


@pytest.mark.parametrize("course_id", COURSES)
def test_no_day_ends_on_an_item_shorter_than_ten_minutes(course_id):
    """A day ends on real teaching, never a few minutes of a module or a lone key message; the course's close
    (forms and certificates, after the recap) is the one short item that may end the last day, and a key
    message may close a day straight after the teaching it follows."""
    rows = _rows(course_id)
    for day in {r.day for r in rows}:
        own = [r for r in rows if r.day == day and r.section != "close"]
        last = own[-2] if len(own) > 1 and own[-1].place[:1] == ("messages",) else own[-1]
        assert last.minutes >= DAY_END_MIN and not last.is_break, (day, clock(last.start), last.label)


@pytest.mark.parametrize("course_id", COURSES)
def test_every_break_and_lunch_starts_on_the_quarter_hour(course_id):
    """The review: day 2's breaks fell at 10:25 and 10:50 after its ten-minute welcome back."""
    assert [(r.day, r.kind, clock(r.start)) for r in _rows(course_id) if r.is_break and r.start % 15] == []


@pytest.mark.parametrize("course_id", COURSES)
def test_a_key_message_is_said_with_the_teaching_it_follows_never_alone_after_a_pause(course_id):
    """The review: in iw-practitioners, "Key message: Record information well" sat alone after the break, five
    minutes away from IW01. A key message said after a section's modules follows them directly, in the same
    session of the same day: not after a break, lunch, the night or the welcome back."""
    rows = _rows(course_id)
    said = 0
    for before, row in zip(rows, rows[1:]):
        if row.place[:1] == ("messages",):
            said += 1
            assert not before.is_break and before.place[:1] != ("day",), (clock(row.start), row.label)
            assert (before.day, before.session, before.place[1]) == (row.day, row.session, row.place[1]), row.label
    assert rows[0].place[:1] != ("messages",)


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


def test_a_key_message_after_the_days_last_topic_closes_the_day_with_it_not_the_next_morning():
    """is-advisors' IS02 ends day 1; its key message is said straight after it, not after the night and the
    welcome back, where it stood alone (and held day 2's break off the quarter hour)."""
    rows = _rows("is-advisors")
    day_one = [r for r in rows if r.day == 1]
    assert day_one[-2].label.startswith("IS02 ") and day_one[-1].label == "Key message: Use resources from your own service"
    assert day_one[-1].end <= DAY.end
    day_two = [r.label for r in rows if r.day == 2]
    assert day_two[0] == "Day 2: welcome back, recap and energiser" and day_two[1].startswith("IS03 ")


def test_iw_practitioners_says_record_information_well_straight_after_iw01_before_the_break():
    rows = _rows("iw-practitioners")
    message = next(i for i, r in enumerate(rows) if r.label == "Key message: Record information well")
    assert rows[message - 1].module_ref == "IW01"
    pause = next(i for i, r in enumerate(rows) if r.kind == "break")
    assert message < pause and clock(rows[pause].start) in ("10:00", "10:15", "10:30"), clock(rows[pause].start)
