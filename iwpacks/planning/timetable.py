"""Turns a course's blocks of teaching and exercises into a timed session plan with breaks, lunch and days."""
from __future__ import annotations

from collections.abc import Sequence

import attrs

from iwpacks.model import TrainingDay

# The day's times, lunch, breaks and longest session come from content (model.TrainingDay); these are rules.
BREAK_AFTER = 90              # a session longer than this gets a mid-session break
SESSIONS_PER_DAY = 2
MIN_PART = 15                 # no part of a split block is shorter than this
BREAK_SPLIT = 10              # a break may cut teaching where at least this much falls on each side
KEEP_WHOLE = 30               # a teaching block this short is never cut in two; exercises never are
AFTERNOON_MIN = 45            # an afternoon session shorter than this is not worth coming back from lunch for


@attrs.frozen
class Block:
    """A stretch of the course that takes time: a section's own time, a module's teaching or an exercise."""

    minutes: int
    kind: str    # "teaching" or "exercise"
    label: str
    section: str = ""     # the section kind it belongs to
    module_ref: str = ""
    place: tuple = ()     # where the plan holds it: ("section", i), ("module", i, ref) or ("exercise", i, j)


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
    place: tuple = ()  # the block's place in the plan (see Block)

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


def _keep_whole(minutes: int, kind: str, session_limit: int) -> bool:
    """A group cannot stop an exercise overnight and pick it up next day; a short block reads as one."""
    return minutes <= session_limit and (kind == "exercise" or minutes <= KEEP_WHOLE)


def _fill(blocks: Sequence[Block], limit: int, session_limit: int) -> list[list[Block]]:
    """Fill parts (days or sessions) up to `limit` minutes, splitting a long teaching block that would overrun.

    An exercise or a short block that does not fit in what is left of a part starts the next one.
    """
    parts: list[list[Block]] = [[]]
    used = 0
    for block in blocks:
        if _keep_whole(block.minutes, block.kind, session_limit):  # whole, in a part of its own if it must: never cut
            if parts[-1] and used + block.minutes > limit:
                parts.append([])
                used = 0
            parts[-1].append(block)
            used += block.minutes
            continue
        remaining = block.minutes
        while remaining > 0:
            room = limit - used
            if room < MIN_PART and remaining > room:  # too little time left to start on it
                parts.append([])
                used, room = 0, limit
            take = min(room, remaining)
            if 0 < remaining - take < MIN_PART:  # leave the next part a real piece, not a few minutes
                take = max(remaining - MIN_PART, min(take, MIN_PART))
            parts[-1].append(attrs.evolve(block, minutes=take))
            used += take
            remaining -= take
    return [p for p in parts if p]


def _minutes(blocks: Sequence[Block]) -> int:
    return sum(b.minutes for b in blocks)


def _sessions_of_day(blocks: list[Block], day: TrainingDay) -> list[list[Block]] | None:
    """A day as one session, or a morning and an afternoon, none over 2.5 hours; None if it cannot be.

    The morning runs as long as it may (lunch near midday) while the afternoon keeps at least
    AFTERNOON_MIN; among such splits, one whose morning ends on the quarter hour puts lunch there too.
    """
    total, most = _minutes(blocks), day.session_limit
    if total <= most:
        return [blocks]
    valid = []
    for limit in range(min(most, total - AFTERNOON_MIN), -(-total // SESSIONS_PER_DAY) - 1, -5):
        sessions = _fill(blocks, limit, most)
        if len(sessions) == SESSIONS_PER_DAY and _minutes(sessions[1]) <= most:
            valid.append(sessions)
    on_quarter = [s for s in valid if (day.start + _minutes(s[0]) + _break_minutes(s[0], day)) % 15 == 0]
    if on_quarter or valid:
        return (on_quarter or valid)[0]
    for limit in _limits(-(-total // SESSIONS_PER_DAY), most):
        sessions = _fill(blocks, limit, most)
        if len(sessions) <= SESSIONS_PER_DAY:
            return sessions
    return None


def _limits(low: int, high: int) -> list[int]:
    """Limits to try, from `low` up to `high` in steps of 5 minutes, `high` itself always included."""
    return [*range(low, high, 5), high] if low <= high else []


def _break_minutes(session: list[Block], day: TrainingDay) -> int:
    return day.break_minutes if _minutes(session) > BREAK_AFTER else 0


def _days(blocks: Sequence[Block], day: TrainingDay) -> list[list[list[Block]]]:
    """The fewest days that hold the course, as equal as the blocks allow, each as its sessions.

    Sessions are filled to a common length, the shortest that needs no more than two a day, and paired into
    days; each day is then re-split so its morning runs to lunch near midday. A course that fits one
    training day runs in one day; where the fewest days would leave one shorter than half another, one or
    two more days are tried.
    """
    total, most = _minutes(blocks), day.session_limit
    fewest = max(1, -(-total // (most * SESSIONS_PER_DAY)))
    fallback = None
    for count in range(fewest, fewest + 3):
        for limit in _limits(-(-total // (SESSIONS_PER_DAY * count)), most):
            sessions = _fill(blocks, limit, most)
            if len(sessions) > SESSIONS_PER_DAY * count:
                continue
            days = [sessions[i:i + SESSIONS_PER_DAY] for i in range(0, len(sessions), SESSIONS_PER_DAY)]
            days = [_sessions_of_day(_merged([b for s in one for b in s]), day) or one for one in days]
            lengths = [sum(_minutes(s) for s in day) for day in days]
            if len(days) == 1 or min(lengths) >= max(lengths) / 2:
                return days
            fallback = fallback or days
            break  # a longer limit only shortens the last day further; try one more day instead
    if fallback is not None:
        return fallback
    plain = _fill(blocks, most, most)  # every block fits a session, so this always holds the course
    return [plain[i:i + SESSIONS_PER_DAY] for i in range(0, len(plain), SESSIONS_PER_DAY)]


def _merged(blocks: list[Block]) -> list[Block]:
    """Pieces of one teaching block that a trial split left side by side, joined up again."""
    out: list[Block] = []
    for block in blocks:
        if out and block.kind == "teaching" and attrs.evolve(out[-1], minutes=block.minutes) == block:
            out[-1] = attrs.evolve(block, minutes=out[-1].minutes + block.minutes)
        else:
            out.append(block)
    return out


def _quarter_hour_break(session: list[Block], start: int) -> tuple[int, list[Block]] | None:
    """The mid-session break on the quarter hour nearest the middle, splitting teaching if it must; None if none.

    A break never falls inside an exercise, nor within half an hour of the session's start or end.
    """
    total = _minutes(session)
    best: tuple[float, int, list[Block]] | None = None
    first = start + 30 + (-(start + 30)) % 15
    for at in range(first, start + total - 30 + 1, 15):
        elapsed, offset = at - start, 0
        candidate: tuple[int, list[Block]] | None = None
        for i, block in enumerate(session):
            if offset == elapsed:
                candidate = (i, session)
                break
            if offset < elapsed < offset + block.minutes:
                before, after = elapsed - offset, offset + block.minutes - elapsed
                if block.kind == "exercise" or min(before, after) < BREAK_SPLIT:
                    candidate = None
                else:
                    candidate = (i + 1, session[:i] + [attrs.evolve(block, minutes=before),
                                                       attrs.evolve(block, minutes=after)] + session[i + 1:])
                break
            offset += block.minutes
        gap = abs(elapsed - total / 2)
        if candidate is not None and (best is None or gap < best[0]):
            best = (gap, *candidate)
    return None if best is None else (best[1], best[2])


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


def _with_break(session: list[Block], start: int) -> tuple[int | None, list[Block]]:
    """Where the session's break goes (None: no break) and the session, a block split if the break needs it."""
    if _minutes(session) <= BREAK_AFTER:
        return None, session
    on_quarter = _quarter_hour_break(session, start)
    if on_quarter is not None:
        return on_quarter
    where = _break_index(session)
    if where == -1:  # cut teaching rather than an exercise, if the session has any
        longest = max(range(len(session)), key=lambda i: (session[i].kind != "exercise", session[i].minutes))
        block = session[longest]
        first = block.minutes // 2
        session = session[:longest] + [attrs.evolve(block, minutes=first),
                                       attrs.evolve(block, minutes=block.minutes - first)] + session[longest + 1:]
        where = longest + 1
    return where, session


def build_timetable(blocks: Sequence[Block], training_day: TrainingDay = TrainingDay()) -> Timetable:
    """Lay the blocks out over as few balanced days as hold them: up to two sessions of at most 2.5 hours a
    day, lunch between them, and a break in any session over 1.5 hours, on the quarter hour where it can be."""
    rows: list[Row] = []
    number = 0
    for day, sessions in enumerate(_days(blocks, training_day), 1):
        now = training_day.start
        for index, session in enumerate(sessions):
            number += 1
            if index:  # lunch between the day's sessions; the afternoon starts on the quarter hour
                lunch = training_day.lunch_minutes + (-(now + training_day.lunch_minutes)) % 15
                rows.append(Row(day, number - 1, now, lunch, "lunch", "Lunch"))
                now += lunch
            where, session = _with_break(session, now)
            for i, block in enumerate(session):
                if where is not None and i == where:
                    rows.append(Row(day, number, now, training_day.break_minutes, "break", "Break"))
                    now += training_day.break_minutes
                rows.append(Row(day, number, now, block.minutes, block.kind, block.label, block.section,
                                block.module_ref, block.place))
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
