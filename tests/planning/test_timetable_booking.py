"""Every bundled course's timetable as a training officer books it: the review of caf-trainers, is-advisors
and iw-practitioners (lunch stretched to 55 minutes, a 5-minute key message closing a day, a break half an
hour after lunch, IW01 rows at 09:37 and 09:57)."""
from __future__ import annotations

import attrs
import pytest

from iwpacks.planning.plan import plan_course
from iwpacks.planning.timetable import CLOSE_STRETCH, DAY_END_MIN, LUNCH_EARLIEST, LUNCH_STRETCH, clock
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


def test_iw01_is_one_half_hour_of_teaching_with_its_exercise_after_the_topics_it_practises_in_iw_practitioners():
    """The exercise follows topic 6, the topics it practises; topic 7 (other sources of information) comes after
    it, five minutes that close the module, where it once came before the exercise."""
    iw01 = [(clock(r.start), r.minutes, r.kind, r.topics) for r in _rows("iw-practitioners") if r.module_ref == "IW01"]
    assert iw01 == [("09:20", 25, "teaching", (1, 2, 3, 4, 5, 6)), ("09:45", 20, "exercise", ()),
                    ("10:05", 5, "teaching", (7,))]


def test_a_key_message_after_the_days_last_topic_closes_the_day_with_it_not_the_next_morning():
    """is-advisors' IS02 ends day 1; its key message is said straight after it, not after the night and the
    welcome back, where it stood alone (and held day 2's break off the quarter hour)."""
    rows = _rows("is-advisors")
    day_one = [r for r in rows if r.day == 1]
    assert day_one[-3].label.startswith("IS02 ") and day_one[-2].label == "Key message: Use resources from your own service"
    assert day_one[-1].label == "Day 1: close" and day_one[-1].end <= DAY.end
    day_two = [r.label for r in rows if r.day == 2]
    assert day_two[0] == "Day 2: welcome back, recap and energiser" and day_two[1].startswith("IS03 ")


def test_iw_practitioners_says_record_information_well_straight_after_iw01_before_the_break():
    rows = _rows("iw-practitioners")
    message = next(i for i, r in enumerate(rows) if r.label == "Key message: Record information well")
    assert rows[message - 1].module_ref == "IW01"
    pause = next(i for i, r in enumerate(rows) if r.kind == "break")
    assert message < pause and clock(rows[pause].start) in ("10:00", "10:15", "10:30"), clock(rows[pause].start)


@pytest.mark.parametrize("course_id", COURSES)
def test_each_day_but_the_last_ends_with_a_close_of_its_own(course_id):
    """The review: caf-trainers' day 1 ended at 16:05 with its close squeezed into the last topic, and
    is-advisors' with a 5-minute key message alone. Each day before the last now ends with "Day N: close", of
    the content's time (a few minutes more only to end the day on the quarter hour), said straight after the
    day's teaching, never after a break, and the whole day ends on time."""
    rows = _rows(course_id)
    days = max(r.day for r in rows)
    for day in range(1, days):
        today = [r for r in rows if r.day == day]
        close = today[-1]
        assert (close.label, close.place) == (f"Day {day}: close", ("day", day, "close")), (day, close.label)
        assert DAY.day_close_minutes <= close.minutes <= DAY.day_close_minutes + CLOSE_STRETCH, close.minutes
        assert close.minutes == DAY.day_close_minutes or close.end % 15 == 0, clock(close.end)
        assert not today[-2].is_break and close.end <= DAY.end, (day, clock(close.end))
        assert sum(r.label.endswith(": close") for r in today) == 1  # one close a day, in the day's last row
    assert not any(r.place[:1] == ("day",) and r.place[2:] == ("close",) for r in rows if r.day == days)


@pytest.mark.parametrize("course_id, ends", [("caf-trainers", "16:30"), ("is-advisors", "16:30")])
def test_the_reviewed_first_days_end_on_the_hour_after_their_close(course_id, ends):
    day_one = [r for r in _rows(course_id) if r.day == 1]
    assert day_one[-1].label == "Day 1: close" and clock(day_one[-1].end) == ends
    assert day_one[-2].kind != "break"


def test_a_training_day_with_no_close_time_gives_no_close_row():
    programme = attrs.evolve(PROGRAMME, training_day=attrs.evolve(DAY, day_close_minutes=0))
    rows = plan_course(programme, "is-advisors").timetable.rows
    assert max(r.day for r in rows) == 2
    assert not any(r.label.endswith(": close") and r.place[:1] == ("day",) for r in rows)


def test_is_advisors_breaks_are_the_contents_fifteen_minutes():
    """The review: day 2's morning break ran 10:00-10:20, putting every start after it off the quarter hour."""
    breaks = [(r.day, clock(r.start), r.minutes) for r in _rows("is-advisors") if r.kind == "break"]
    assert breaks and all(minutes == DAY.break_minutes for _, _, minutes in breaks), breaks


@pytest.mark.parametrize("course_id", COURSES)
def test_the_introduction_has_time_for_twenty_people_to_introduce_themselves(course_id):
    """The review: ten minutes held the register, the welcome, the course's content, twenty people's
    introductions ("about five minutes") and the ground rules. The session plan gives it twenty."""
    plan = plan_course(PROGRAMME, course_id)
    index = next(i for i, s in enumerate(plan.sections) if s.kind == "introduction")
    assert plan.group_size == 20 and plan.timetable.section_minutes(index) >= 20
    first = plan.timetable.rows[0]
    assert first.label == "Introduction to the course" and first.minutes >= 20


@pytest.mark.parametrize("course_id", COURSES)
def test_every_day_of_every_course_ends_on_the_quarter_hour(course_id):
    """A training officer books a room to the quarter hour: the catalogue showed days of 09:00-12:50 and
    09:00-15:55. A day ends on its close (the day's, or the course's on the last day), run a few minutes over
    the content's time to reach the quarter hour; nothing else in the day moves."""
    plan = plan_course(PROGRAMME, course_id)
    assert [clock(end) for _, end in plan.timetable.day_hours if end % 15] == []
    for day in range(1, plan.timetable.days + 1):
        last = [r for r in plan.timetable.rows if r.day == day][-1]
        assert last.closing or last.label == f"Day {day}: close", (day, last.label)
        content = DAY.day_close_minutes if last.place[:1] == ("day",) else _content_close(course_id)
        assert last.end <= DAY.end and content <= last.minutes <= content + CLOSE_STRETCH, (day, last.minutes)


@pytest.mark.parametrize("course_id", COURSES)
def test_the_course_close_has_the_same_time_in_the_plan_as_in_the_session_plan(course_id):
    """The close runs over in the session plan; the guide and deck read the section's minutes, and the
    catalogue's training time adds them up, so the section says the session plan's time."""
    plan = plan_course(PROGRAMME, course_id)
    index, close = next((i, s) for i, s in enumerate(plan.sections) if s.role == "close")
    content = _content_close(course_id)
    assert close.minutes == plan.timetable.section_minutes(index) >= content
    assert close.minutes - content <= CLOSE_STRETCH
    assert close.minutes == content or plan.timetable.rows[-1].end % 15 == 0
    assert plan.planned_minutes == plan.timetable.training_minutes


def _content_close(course_id: str) -> int:
    """The minutes the content gives the course's close: the course's own, else the course structure's."""
    own = next(s.minutes for s in PROGRAMME.courses[course_id].sections if s.kind == "close")
    return PROGRAMME.course_structure["close"].minutes if own is None else own


def test_caf_practitioners_half_days_end_at_one_not_ten_to():
    plan = plan_course(PROGRAMME, "caf-practitioners")
    assert [(clock(a), clock(b)) for a, b in plan.timetable.day_hours] == [("09:00", "13:00"), ("09:00", "13:00")]
    assert [r.minutes for r in plan.timetable.rows if r.label == "Day 1: close"] == [DAY.day_close_minutes + 10]
