"""Turns a course's blocks of teaching and exercises into a timed session plan with breaks, lunch and days."""
from __future__ import annotations

from collections.abc import Sequence

import attrs

DAY_START = 9 * 60 + 30       # 09:30
SESSION_LIMIT = 150           # the seed's "2 x 2.5 hours": a session is at most 2.5 hours of training
BREAK_AFTER = 90              # a session longer than this gets a mid-session break
BREAK_MINUTES = 15
LUNCH_MINUTES = 45
SESSIONS_PER_DAY = 2
MIN_PART = 15                 # no part of a split block is shorter than this
KEEP_WHOLE = 30               # a teaching block this short is never cut in two; exercises never are


@attrs.frozen
class Block:
    """A stretch of the course that takes time: a section's own time, a module's teaching or an exercise."""

    minutes: int
    kind: str    # "teaching" or "exercise"
    label: str
    section: str = ""     # the section kind it belongs to
    module_ref: str = ""


@attrs.frozen
class Row:
    """One line of the session plan."""

    day: int
    session: int
    start: int  # minutes after midnight
    minutes: int
    kind: str   # "teaching", "exercise", "break", "lunch"
    label: str
    section: str = ""
    module_ref: str = ""

    @property
    def end(self) -> int:
        return self.start + self.minutes

    @property
    def is_break(self) -> bool:
        return self.kind in ("break", "lunch")


@attrs.frozen
class Timetable:
    """The timed plan; `training_minutes` excludes breaks and lunch."""

    rows: tuple[Row, ...]

    @property
    def training_minutes(self) -> int:
        return sum(r.minutes for r in self.rows if not r.is_break)

    @property
    def sessions(self) -> int:
        return max((r.session for r in self.rows), default=0)

    @property
    def days(self) -> int:
        return max((r.day for r in self.rows), default=0)


def clock(minutes: int) -> str:
    """Minutes after midnight as HH:MM."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _keep_whole(minutes: int, kind: str) -> bool:
    """A group cannot stop an exercise overnight and pick it up next day; a short block reads as one."""
    return minutes <= SESSION_LIMIT and (kind == "exercise" or minutes <= KEEP_WHOLE)


def _split_into_sessions(blocks: Sequence[Block]) -> list[list[Block]]:
    """Fill sessions up to SESSION_LIMIT, splitting a long teaching block that would overrun into parts.

    An exercise or a short block that does not fit in what is left of a session starts the next one.
    """
    sessions: list[list[Block]] = [[]]
    used = 0
    for block in blocks:
        if sessions[-1] and used + block.minutes > SESSION_LIMIT and _keep_whole(block.minutes, block.kind):
            sessions.append([])
            used = 0
        remaining = block.minutes
        while remaining > 0:
            room = SESSION_LIMIT - used
            if room < MIN_PART and remaining > room:  # too little time left to start on it
                sessions.append([])
                used, room = 0, SESSION_LIMIT
            take = min(room, remaining)
            if 0 < remaining - take < MIN_PART:  # leave the next session a real piece, not a few minutes
                take = max(remaining - MIN_PART, min(take, MIN_PART))
            sessions[-1].append(attrs.evolve(block, minutes=take))
            used += take
            remaining -= take
    return [s for s in sessions if s]


def _break_index(session: list[Block]) -> int | None:
    """Where to put the mid-session break: the block boundary nearest the middle (None if no break)."""
    total = sum(block.minutes for block in session)
    if total <= BREAK_AFTER:
        return None
    best: int | None = None
    best_gap, elapsed = float("inf"), 0
    for i, block in enumerate(session[:-1]):
        elapsed += block.minutes
        gap = abs(elapsed - total / 2)
        if gap < best_gap:
            best, best_gap = i + 1, gap
    if best is None or best_gap > total / 4:
        return -1  # no good boundary: split the longest item in the middle
    return best


def build_timetable(blocks: Sequence[Block]) -> Timetable:
    """Lay the blocks out over sessions of at most 2.5 hours, two sessions a day with lunch between."""
    rows: list[Row] = []
    day, now = 1, DAY_START
    for number, session in enumerate(_split_into_sessions(blocks), 1):
        if number > 1:
            if (number - 1) % SESSIONS_PER_DAY == 0:
                day, now = day + 1, DAY_START
            else:
                rows.append(Row(day, number - 1, now, LUNCH_MINUTES, "lunch", "Lunch"))
                now += LUNCH_MINUTES
        where = _break_index(session)
        if where == -1:  # cut teaching rather than an exercise, if the session has any
            longest = max(range(len(session)), key=lambda i: (session[i].kind != "exercise", session[i].minutes))
            block = session[longest]
            first = block.minutes // 2
            session[longest:longest + 1] = [attrs.evolve(block, minutes=first),
                                            attrs.evolve(block, minutes=block.minutes - first)]
            where = longest + 1
        for i, block in enumerate(session):
            if where is not None and i == where:
                rows.append(Row(day, number, now, BREAK_MINUTES, "break", "Break"))
                now += BREAK_MINUTES
            rows.append(Row(day, number, now, block.minutes, block.kind, block.label, block.section,
                            block.module_ref))
            now += block.minutes
    return Timetable(_number_parts(rows))


def _number_parts(rows: list[Row]) -> tuple[Row, ...]:
    """Label the pieces of an item split over breaks or sessions '(part 1 of 3)' and so on."""
    counts: dict[str, int] = {}
    for r in rows:
        if not r.is_break:
            counts[r.label] = counts.get(r.label, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for r in rows:
        if not r.is_break and counts[r.label] > 1:
            seen[r.label] = seen.get(r.label, 0) + 1
            r = attrs.evolve(r, label=f"{r.label} (part {seen[r.label]} of {counts[r.label]})")
        out.append(r)
    return tuple(out)
