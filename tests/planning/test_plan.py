"""Course plans: sections in the standard order and a session plan that adds up."""
from __future__ import annotations

import pytest

from iwpacks.errors import UsageError
from iwpacks.planning.plan import plan_course
from iwpacks.planning.timetable import SESSION_LIMIT, clock


def test_every_ready_course_plans_in_the_standard_order(plans, programme):
    order = list(programme.course_structure)
    for plan in plans.values():
        kinds = [s.kind for s in plan.sections]
        assert kinds[0] == "introduction" and kinds[-1] == "recap"
        assert set(kinds) == set(order)


def test_session_plan_adds_up_to_the_planned_total(plans):
    for cid, plan in plans.items():
        table = plan.timetable
        assert table.training_minutes == plan.planned_minutes, cid
        assert plan.min_minutes <= plan.planned_minutes <= plan.max_minutes, cid
        rows = table.rows
        for before, after in zip(rows, rows[1:]):
            if after.day == before.day:
                assert after.start == before.end, (cid, before, after)  # the clock runs on without gaps
        for session in range(1, table.sessions + 1):
            taught = sum(r.minutes for r in rows if r.session == session and not r.is_break)
            assert taught <= SESSION_LIMIT, (cid, session)


def test_long_course_is_split_into_sessions_with_breaks_and_lunch(plans):
    table = plans["caf-practitioners"].timetable
    assert table.sessions >= 2
    kinds = [r.kind for r in table.rows]
    assert "break" in kinds and "lunch" in kinds
    assert clock(table.rows[0].start) == "09:30"
    assert any("(part 1 of" in r.label for r in table.rows)


def test_short_course_is_one_session_without_breaks(plans):
    table = plans["iw-practitioners"].timetable
    assert table.sessions == 1 and all(not r.is_break for r in table.rows)


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
            if "(part " in row.label and (row.kind == "exercise" or row.minutes < 15):
                cut.append((cid, row.label, row.minutes))
    assert not cut
    caf = [r for r in plans["caf-practitioners"].timetable.rows if r.label.startswith("Exercise: Kyle")]
    assert len(caf) == 3 and len({(r.day, r.session) for r in caf}) == 1  # the three steps run together


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
    assert {s.role for s in plan.sections} <= {"opening", "background", "modules", "exercises", "awareness", "recap"}
    assert (plan.slot_for("booking"), plan.slot_for("network"), plan.slot_for("local-sources")) == (
        "training-contacts", "practitioner-network", "local-sources")
