"""Course plans: sections in the standard order and a session plan that adds up."""
from __future__ import annotations

import re

import pytest

from iwpacks.errors import UsageError
from iwpacks.model import TrainingDay
from iwpacks.planning.plan import plan_course
from iwpacks.planning.timetable import BREAK_SPLIT, CLOSE_STRETCH, HALF_DAY, WELCOME_STRETCH, clock

SESSION_LIMIT = TrainingDay().session_limit


def test_each_exercise_slot_follows_the_topic_it_practises_in_the_session_plan(plans):
    """In the timetable's rows (and so the deck and the guide, which follow them), each exercise comes straight
    after the teaching of its topic, or after another exercise on the same topic; a break may fall between."""
    for cid, plan in plans.items():
        steps = {mp.module.ref: mp.steps for s in plan.sections for mp in s.modules}
        rows = [r for r in plan.timetable.rows if not r.is_break]
        for i, row in enumerate(rows):
            if row.kind != "exercise" or len(row.place) != 4:
                continue  # a scenarios section's own exercise, after its modules
            topic = steps[row.module_ref][row.place[3]].exercise.topic
            before = next(r for r in rows[i - 1::-1] if r.kind != "exercise"
                          or steps[r.module_ref][r.place[3]].exercise.topic != topic)
            assert before.kind == "teaching" and before.module_ref == row.module_ref, (cid, row.label, before.label)
            assert before.topics[-1] == topic, (cid, row.label, before.label)


def test_every_ready_course_plans_in_the_standard_order(plans, programme):
    order = list(programme.course_structure)
    for plan in plans.values():
        kinds = [s.kind for s in plan.sections]
        assert kinds[0] == "introduction" and kinds[-2:] == ["recap", "close"]
        assert set(kinds) == set(order)


def test_session_plan_adds_up_to_the_planned_total(plans, programme):
    for cid, plan in plans.items():
        table = plan.timetable
        assert table.training_minutes == plan.planned_minutes, cid
        # The close's few minutes to end the last day on the quarter hour are room time, beyond the strategy's
        # length for the course, as a later day's welcome back is.
        close = next(s for s in plan.sections if s.role == "close")
        own = next(s.minutes for s in plan.course.sections if s.kind == close.kind)
        over = close.minutes - (programme.course_structure[close.kind].minutes if own is None else own)
        assert 0 <= over <= CLOSE_STRETCH, cid
        sections = plan.planned_minutes - table.welcome_back_minutes - over
        assert plan.min_minutes <= sections <= plan.max_minutes, cid
        rows = table.rows
        for before, after in zip(rows, rows[1:]):
            if after.day == before.day:
                assert after.start == before.end, (cid, before, after)  # the clock runs on without gaps
        for session in range(1, table.sessions + 1):
            taught = sum(r.minutes for r in rows if r.session == session and not r.is_break)
            assert taught <= max(SESSION_LIMIT, HALF_DAY), (cid, session)  # a half day is one session


def test_long_course_is_split_into_sessions_with_breaks_and_lunch(plans):
    table = plans["caf-trainers"].timetable
    assert table.sessions >= 2 and table.days == 2  # 12 hours: two full training days, not three short ones
    kinds = [r.kind for r in table.rows]
    assert "break" in kinds and "lunch" in kinds
    assert clock(table.rows[0].start) == "09:00"  # content's training day
    assert any(r.label.startswith("CAF02 Using the CAF in Practice: topics ") for r in table.rows)  # rows name topics


def test_a_course_of_two_half_days_has_a_break_each_morning_and_no_lunch(plans):
    """CAF02 is '2 x 2.5 hours': with CAF01 and the course's own sections it takes two mornings, not two days
    with a lunch that leaves an hour of teaching after it."""
    table = plans["caf-practitioners"].timetable
    assert table.days == 2
    for day in (1, 2):
        rows = [r for r in table.rows if r.day == day]
        assert [r.kind for r in rows if r.is_break] == ["break"], day
        assert rows[-1].end <= 13 * 60, day


def test_short_course_is_one_session_without_breaks(plans):
    from iwpacks.planning.timetable import BREAK_AFTER

    short = [p for p in plans.values() if 0 < p.planned_minutes <= SESSION_LIMIT]
    assert short
    for plan in short:
        table = plan.timetable
        assert table.sessions == 1, plan.course.id
        assert any(r.is_break for r in table.rows) == (plan.planned_minutes > BREAK_AFTER), plan.course.id


def test_unknown_course_is_a_usage_error(programme):
    with pytest.raises(UsageError, match='unknown course "caf-practitioner" \\(did you mean "caf-practitioners"\\?\\)'):
        plan_course(programme, "caf-practitioner")


def test_pending_course_plans_as_draft(programme):
    plan = plan_course(programme, "isi-practitioners")
    assert plan.draft
    assert not plan_course(programme, "iw-practitioners").draft


def test_exercises_and_short_blocks_are_never_cut_across_a_break_or_a_night(plans):
    cut = []
    for cid, plan in plans.items():
        for row in plan.timetable.rows:
            if "(part " in row.label and (row.kind == "exercise" or row.minutes < BREAK_SPLIT):
                cut.append((cid, row.label, row.minutes))
    assert not cut


def test_each_exercise_runs_straight_after_the_topic_it_practises(plans):
    """Issue: 170 minutes of CAF02 slides came before its first exercise; then IW01's exercise came after its
    topic 7 (references to other sources), not the topics it practises. Now each follows its topic."""
    from iwpacks.planning.plan import ExerciseItem, TopicStep

    for cid, plan in plans.items():
        for mp in (mp for s in plan.sections for mp in s.modules):
            last_topic = 0
            for step in mp.steps:
                if isinstance(step, TopicStep):
                    last_topic = step.number
                elif isinstance(step, ExerciseItem) and step.exercise is not None:
                    assert step.exercise.topic == last_topic, (cid, step.title)
            written = [e for e in (mp.module.material.exercises if mp.module.material else ())]
            assert [e.exercise for e in mp.exercises] == written, cid
    rows = [r.label for r in plans["caf-practitioners"].timetable.rows if not r.is_break]
    first_exercise = next(i for i, label in enumerate(rows) if label.startswith("Exercise: Kyle"))
    assert re.match(r"CAF02 Using the CAF in Practice: topics? (\d+-)?4\b", rows[first_exercise - 1])  # ends at topic 4
    assert all(not s.exercises or s.exercises[0].exercise is None for s in plans["caf-practitioners"].sections)


def test_each_modules_exercises_run_before_the_next_module_is_taught(plans):
    """2.5: scenarios and exercises are interspersed at relevant points, not saved up for the end."""
    for cid, plan in plans.items():
        order = [m.ref for m in plan.modules]
        taught_so_far: list[str] = []
        for row in plan.timetable.rows:
            if row.kind == "teaching" and row.module_ref and row.module_ref not in taught_so_far:
                taught_so_far.append(row.module_ref)
            if row.kind == "exercise" and row.module_ref in order:
                later = order[order.index(row.module_ref) + 1:]
                assert not [r for r in taught_so_far if r in later], (cid, row.label, taught_so_far)


def test_the_plan_is_closed_it_carries_what_renderers_need(plans, programme):
    plan = plans["caf-practitioners"]
    assert not hasattr(plan, "programme")
    assert plan.version == programme.version
    assert plan.sources == tuple(programme.sources.values())
    assert plan.principles == tuple(programme.delivery_principles.values())
    assert [m.ref for m in plan.entry_modules] == ["IW01"]
    aware = [a for s in plan.sections for a in s.awareness]
    assert [(a.process.id, a.full_course.id) for a in aware] == [("is", "is-practitioners"), ("lp", "lp-practitioners")]
    assert all(s.seed_text == programme.course_structure[s.kind].seed_text for s in plan.sections)
    assert {e.module_name for e in plan.exercises} <= {m.name for m in plan.modules}


def test_roles_come_from_content_not_from_ids(plans, programme):
    plan = plans["caf-trainers"]
    assert plan.is_train_the_trainer and not plans["caf-practitioners"].is_train_the_trainer
    assert {s.role for s in plan.sections} <= {"opening", "background", "modules", "exercises", "awareness", "recap", "close"}
    assert (plan.slot_for("booking"), plan.slot_for("network"), plan.slot_for("local-sources")) == (
        "training-contacts", "practitioner-network", "local-sources")


def test_every_common_message_is_presented_once_woven_where_a_topic_raises_it(plans, programme):
    """2.5: messages 'interspersed at relevant points'; the review found consent presented twice."""
    for cid, plan in plans.items():
        own = [m.id for s in plan.sections for m in s.messages]
        woven = [m.id for s in plan.sections for mp in s.modules for t in mp.topic_steps for m in t.messages]
        carried = [m for s in plan.course.sections for m in s.messages]
        assert sorted(own + woven) == sorted(carried), cid  # each once, none lost
    caf = plans["caf-practitioners"]
    steps = {(mp.module.ref, t.number): [m.id for m in t.messages]
             for s in caf.sections for mp in s.modules for t in mp.topic_steps if t.messages}
    assert steps[("CAF02", 10)] == ["consent", "sharing-information"]
    detailed = next(s for s in caf.sections if s.kind == "detailed-training")
    assert not detailed.messages  # all four are raised by CAF02's own topics
    background = next(s for s in caf.sections if s.kind == "ecm-background")
    assert [m.id for m in background.messages] == ["duties", "benefits", "holistic-view", "be-proactive"]


def test_each_associated_process_is_a_short_segment_of_its_own(plans):
    for cid, plan in plans.items():
        for section in plan.sections:
            if section.awareness and not section.omitted:
                assert all(5 <= a.minutes <= 15 and a.process.awareness_points for a in section.awareness), cid
                assert section.minutes == sum(a.minutes for a in section.awareness), cid


def test_a_course_teaches_each_topic_and_exercise_in_its_audiences_version(programme):
    """Issue: the lp-operational-managers deck was the lp-practitioners deck with a new title."""
    import attrs

    from iwpacks.model import ExerciseVariant, TopicVariant
    from iwpacks.source.validate import audience_warnings

    lp02 = programme.modules["LP02"]
    topic = attrs.evolve(lp02.material.topics[0], addressed_to=("practitioners",), variants=(
        TopicVariant(audiences=("operational-managers",), notes="Managers: planted notes."),))
    exercise = attrs.evolve(lp02.material.exercises[0], addressed_to=("practitioners",), variants=(
        ExerciseVariant(audiences=("operational-managers",), questions=("Planted question for managers?",)),))
    material = attrs.evolve(lp02.material, topics=(topic, *lp02.material.topics[1:]),
                            exercises=(exercise, *lp02.material.exercises[1:]))
    edited = attrs.evolve(programme, modules={**programme.modules, "LP02": attrs.evolve(lp02, material=material)})

    def lp02_of(course_id):
        plan = plan_course(edited, course_id)
        return next(mp for s in plan.sections for mp in s.modules if mp.module.ref == "LP02")

    managers, practitioners = lp02_of("lp-operational-managers"), lp02_of("lp-practitioners")
    assert managers.topics[0].notes == "Managers: planted notes." and practitioners.topics[0].notes == topic.notes
    assert managers.exercises[0].exercise.questions == ("Planted question for managers?",)
    assert managers.exercises[0].exercise.instructions == exercise.instructions  # the rest stays as written
    assert practitioners.exercises[0].exercise.questions == exercise.questions
    assert managers.exercises[0].minutes == practitioners.exercises[0].minutes
    warned = [w for w in audience_warnings(edited) if "LP02" in w and w.split(":")[0] in ("lp-advisors", "lp-trainers")]
    assert any(w.startswith("lp-trainers: LP02 topic ") and "is written for practitioners; add a variant for trainers"
               in w for w in warned), warned
    mine = f'LP02 topic "{topic.title}"'
    assert not [w for w in audience_warnings(edited)
                if w.startswith(("lp-practitioners:", "lp-operational-managers:")) and mine in w]


def test_no_lunch_or_night_comes_between_an_exercise_and_the_topic_it_practises(plans):
    """The review: exercises sat a lunch or a night away from their topics."""
    for cid, plan in plans.items():
        rows = plan.timetable.rows
        for i, row in enumerate(rows):
            if row.kind != "exercise":
                continue
            j = i - 1
            while j >= 0 and (rows[j].is_break or rows[j].place[:1] == ("day",)):
                j -= 1
            if j >= 0 and rows[j].kind == "teaching" and rows[j].module_ref == row.module_ref:
                between = rows[j + 1:i]
                assert rows[j].day == row.day and not any(r.kind == "lunch" for r in between), (cid, row.label)


def test_each_later_day_opens_with_a_timed_welcome_back(plans):
    for cid, plan in plans.items():
        table = plan.timetable
        for day in range(2, table.days + 1):
            first = next(r for r in table.rows if r.day == day)
            # The content's 10 minutes, or up to WELCOME_STRETCH more where that puts the day on the quarter hour.
            assert first.label == f"Day {day}: welcome back, recap and energiser", cid
            assert 10 <= first.minutes <= 10 + WELCOME_STRETCH and first.end % 5 == 0, cid
        assert table.welcome_back_minutes == sum(r.minutes for r in table.rows if r.place[:1] == ("day",)), cid


def test_a_session_plan_row_names_the_topics_it_holds(plans):
    """The review: rows such as 'topics 1-8 (part 4 of 5)' told a trainer nothing."""
    from iwpacks.planning.plan import TopicStep

    for cid, plan in plans.items():
        for mp in (mp for s in plan.sections for mp in s.modules):
            if not mp.steps:
                continue
            label = f"{mp.module.ref} {mp.module.name}"
            rows = [r for r in plan.timetable.rows if r.label.startswith(label)]
            minutes = {t.number: t.minutes for t in mp.steps if isinstance(t, TopicStep)}
            named = []
            for row in rows:
                rest = row.label[len(label):].split(" (part ")[0]
                if not rest:  # the whole module in one row
                    named += list(minutes)
                    continue
                numbers = rest.removeprefix(": topics ").removeprefix(": topic ").split("-")
                named += list(range(int(numbers[0]), int(numbers[-1]) + 1))
            assert sorted(set(named)) == sorted(minutes), (cid, mp.module.ref)


def test_a_course_says_how_long_it_runs_as_a_booking_would(plans):
    """The review: a 2 h 30 min morning course said "over 1 day"."""
    assert plans["iw-practitioners"].timetable.span == "half a day"
    assert plans["caf-practitioners"].timetable.span == "2 half days"
    assert plans["caf-trainers"].timetable.span == "2 days"
    assert plans["lp-practitioners"].timetable.span == "1 day"


def test_no_day_ends_or_starts_with_a_stub_of_a_module_taught_over_the_night(plans):
    """The review: caf-trainers' day 1 ended with a quarter of an hour of CAF03, which went on the next day."""
    from iwpacks.planning.timetable import DAY_STUB

    for cid, plan in plans.items():
        rows = [r for r in plan.timetable.rows if not r.is_break and r.place[:1] != ("day",)]
        for day in range(1, plan.timetable.days):
            last = [r for r in rows if r.day == day][-1]
            ref = last.module_ref
            if not ref or not any(r.module_ref == ref for r in rows if r.day == day + 1):
                continue
            sides = [sum(r.minutes for r in rows if r.day == d and r.module_ref == ref) for d in (day, day + 1)]
            assert min(sides) >= DAY_STUB, (cid, day, ref, sides)
    day_one = [r for r in plans["caf-trainers"].timetable.rows if r.day == 1 and not r.is_break
               and r.place[:1] != ("day",)]  # its teaching, before the day's close
    assert day_one[-1].module_ref == "CAF02"  # the day split falls between CAF02 and CAF03
    assert not any(r.module_ref == "CAF03" for r in day_one)


def test_no_course_saves_its_common_messages_for_a_run_at_the_end_of_a_module(plans):
    """The review: iw-practitioners and the LP courses gave five to nine key messages one after another after
    their modules; each now follows the topic its module's material says raises it."""
    for cid, plan in plans.items():
        for section in plan.sections:
            if section.role in ("modules", "exercises"):
                assert len(section.messages) <= 1, (cid, section.kind, [m.id for m in section.messages])
    iw = plans["iw-practitioners"]
    steps = {m.id: (mp.module.ref, t.topic.slide_title or t.topic.title)
             for s in iw.sections for mp in s.modules for t in mp.topic_steps for m in t.messages}
    assert steps["duties"] == ("IW01", "The duties of the Children Act 2004")
    assert steps["be-proactive"] == ("IW01", "ECM guiding principles")
    lp = plans["lp-practitioners"]
    assert [m.id for s in lp.sections for mp in s.modules for t in mp.topic_steps
            if t.topic.title == "Local escalation processes and contact points" for m in t.messages] == [
        "worried-about-abuse"]


def test_the_session_plan_is_the_one_place_a_sections_and_a_modules_time_come_from(plans):
    """Every artefact takes a section's or a module's time from the session plan (Timetable.section_minutes,
    module_minutes); they add up to the plan's sections and modules, wherever breaks, lunch and nights fall."""
    for cid, plan in plans.items():
        table = plan.timetable
        for index, section in enumerate(plan.sections):
            assert table.section_minutes(index) == section.minutes, (cid, section.title)
            for mp in section.modules:
                assert table.module_minutes(mp.module.ref) == mp.minutes, (cid, mp.module.ref)
        assert sum(table.section_minutes(i) for i in range(len(plan.sections))) + table.welcome_back_minutes \
            == table.training_minutes, cid
