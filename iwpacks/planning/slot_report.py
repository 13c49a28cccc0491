"""Which local slots each course uses and which an LA has filled; the build's localisation warnings."""
from __future__ import annotations

from collections.abc import Sequence

import attrs

from iwpacks.model import Programme
from iwpacks.planning.plan import plan_course


@attrs.frozen
class SlotUse:
    """One slot used by one course, and whether the LA filled it."""

    course: str
    slot: str
    label: str
    filled: bool


def slot_uses(programme: Programme, course_ids: Sequence[str]) -> tuple[SlotUse, ...]:
    """Every (course, slot) pair for the given courses, with the filled state under the programme's overlay."""
    local = programme.localisation
    uses = []
    for cid in course_ids:
        for slot_id in plan_course(programme, cid).slots_used:
            filled = bool(local is not None and local.slots.get(slot_id))
            uses.append(SlotUse(cid, slot_id, programme.slots[slot_id].label, filled))
    return tuple(uses)


def unfilled_warnings(uses: Sequence[SlotUse]) -> list[str]:
    """One warning per empty slot, naming the courses whose packs show its placeholder."""
    courses: dict[str, list[str]] = {}
    for use in uses:
        if not use.filled:
            courses.setdefault(use.slot, []).append(use.course)
    return [f'slot "{slot}" is empty; the placeholder shows in {len(ids)} course'
            f"{'s' if len(ids) != 1 else ''} ({', '.join(ids)})" for slot, ids in courses.items()]


def report_text(programme: Programme, uses: Sequence[SlotUse]) -> str:
    """The localisation report: per course, each slot it uses and whether it is filled."""
    local = programme.localisation
    lines = [f"Localisation report for {local.display_name if local else 'the master pack (no LA overlay)'}"]
    current = None
    for use in uses:
        if use.course != current:
            current = use.course
            lines += ["", f"{use.course}: {programme.courses[use.course].title}"]
        lines.append(f"  [{'filled' if use.filled else 'MISSING'}] {use.slot}: {use.label}")
    missing = sorted({u.slot for u in uses if not u.filled})
    lines += ["", f"{len({u.slot for u in uses})} slots used; "
              + (f"{len(missing)} missing: {', '.join(missing)}" if missing else "all filled")]
    return "\n".join(lines)
