"""Turns a course's blocks of teaching and exercises into a timed session plan with breaks, lunch and days."""
from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

import attrs

from iwpacks.model import TrainingDay

# The day's times, lunch, breaks and longest session come from content (model.TrainingDay); these are rules.
BREAK_AFTER = 90              # a session longer than this gets a mid-session break
SESSIONS_PER_DAY = 2
MARK = 5                      # every row starts on a five-minute mark: no timetable says 09:37
MIN_PART = 15                 # no part of a split block is shorter than this
BREAK_SPLIT = 10              # a break may cut teaching where at least this much falls on each side
LONG_STRETCH = 120            # minutes of teaching in a row that a break should not leave on either side of it
KEEP_WHOLE = 30               # a teaching block this short is never cut in two; exercises never are
AFTERNOON_MIN = 45            # an afternoon session shorter than this is not worth coming back from lunch for
HALF_DAY = 225                # a day with no more teaching than this is a half day: one session, a break, no lunch
DAY_END_MIN = 10              # a day does not end on an item shorter than this: it is no way to close a day
DAY_STUB = 60                 # a module split over a night keeps at least this much on each side of it
LUNCH_STRETCH = 5             # lunch may run this much over the content's, to start the afternoon on the quarter hour
LUNCH_EARLIEST = 60           # lunch starts no more than this before the middle of the day's hours
BREAK_STRETCH = 5             # a morning break may run this much over the content's, to start lunch on the quarter hour
WELCOME_BACK = "Day {day}: welcome back, recap and energiser"
WELCOME_STRETCH = 10          # a welcome back may run this much over the content's, to put the day on the quarter hour
DAY_CLOSE = "Day {day}: close"
CLOSE_STRETCH = 14            # a close (a day's, or the course's at the end of the last) may run this much over the
                              # content's to end the day on the quarter hour: under a quarter of an hour always reaches
                              # one, and a training officer books a room to the quarter hour (not until 12:50)


@attrs.frozen
class Block:
    """A stretch of the course that takes time: a section's own time, a module's teaching or an exercise."""

    minutes: int
    kind: str    # "teaching" or "exercise"
    label: str
    section: str = ""     # the section kind it belongs to
    module_ref: str = ""
    place: tuple = ()     # where the plan holds it: ("section", i), ("module", i, ref) or ("exercise", i, j)
    cuts: tuple[int, ...] = ()  # where teaching may be cut: its topic boundaries, in minutes from its start
    glued: bool = False   # an exercise that must run straight after the teaching before it (its topic)
    topics: tuple[int, ...] = ()  # the topic numbers it teaches, one per stretch between its cuts
    topic_count: int = 0  # how many topics its module has: a row names its topics unless it holds them all
    closing: bool = False  # the course's close (forms, certificates): it ends the last day, so it may run over

    @property
    def row_label(self) -> str:
        """"CAF02 Using the CAF in Practice: topics 5-9" for part of a module; the plain label for the rest."""
        if not self.topics or self.topics == tuple(range(1, self.topic_count + 1)):
            return self.label
        first, last = self.topics[0], self.topics[-1]
        return f"{self.label}: topic {first}" if first == last else f"{self.label}: topics {first}-{last}"


def _piece(block: Block, start: int, length: int) -> Block:
    """Part of a block: `length` minutes from `start`, with the topic boundaries and topics inside it."""
    bounds = (0, *block.cuts, block.minutes)
    topics = tuple(t for t, a, b in zip(block.topics, bounds, bounds[1:]) if a < start + length and b > start)
    return attrs.evolve(block, minutes=length, cuts=tuple(c - start for c in block.cuts if start < c < start + length),
                        topics=topics)


def _same_item(a: Block, b: Block) -> bool:
    return (a.kind, a.label, a.place, a.module_ref) == (b.kind, b.label, b.place, b.module_ref)


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
    topics: tuple[int, ...] = ()  # the topic numbers it teaches (see Block), for a plan that names them
    closing: bool = False  # the course's close (see Block)

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

    @property
    def span(self) -> str:
        """How long the course runs, as a booking says it: "1 day", "3 days", "half a day", "2 half days"."""
        half = all(not any(r.kind == "lunch" for r in self.rows if r.day == d) for d in range(1, self.days + 1))
        if half:
            return "half a day" if self.days == 1 else f"{self.days} half days"
        return f"{self.days} day{'s' if self.days != 1 else ''}"

    @property
    def day_hours(self) -> tuple[tuple[int, int], ...]:
        """Each day's (start, end), breaks and lunch included: what a booking says beside the span, so "2 days"
        with a lunch and "2 half days" without one read as the hours they are."""
        return tuple((min(r.start for r in rows), max(r.end for r in rows))
                     for rows in ([r for r in self.rows if r.day == d] for d in range(1, self.days + 1)) if rows)

    def section_minutes(self, index: int) -> int:
        """The time the session plan gives the plan's section `index`: its own time, its modules' teaching and
        exercises and the key messages said after them, wherever breaks and days fall. Every artefact that
        gives a section's time takes it from here, so none can disagree with the session plan."""
        return sum(r.minutes for r in self.rows
                   if not r.is_break and r.place[:1] != ("day",) and r.place[1:2] == (index,))

    def module_minutes(self, ref: str) -> int:
        """The time the session plan gives module `ref`: its teaching and exercises, not its section's key
        messages (said after it, in rows of their own)."""
        return sum(r.minutes for r in self.rows if not r.is_break and r.module_ref == ref)

    @property
    def welcome_back_minutes(self) -> int:
        """The time each day after the first gives its welcome back, and each day before the last its close
        ("Day 1: close"): in the plan, beyond the sections'."""
        return sum(r.minutes for r in self.rows if r.place[:1] == ("day",))


def clock(minutes: int) -> str:
    """Minutes after midnight as HH:MM."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _keep_whole(minutes: int, kind: str, session_limit: int) -> bool:
    """A group cannot stop an exercise overnight and pick it up next day; a short block reads as one."""
    return minutes <= session_limit and (kind == "exercise" or minutes <= KEEP_WHOLE)


def _fill(blocks: Sequence[Block], limit: int, session_limit: int, in_topics: bool = False,
          closing: int = 0) -> list[list[Block]]:
    """Fill parts (days or sessions) up to `limit` minutes, splitting a long teaching block that would overrun.

    Teaching is cut at a topic boundary where it has them. An exercise or a short block that does not fit in
    what is left of a part starts the next one, and an exercise takes the topic it practises with it. Every
    second part (an afternoon, when parts are sessions paired into days) leaves `closing` minutes for the
    day's close.
    """
    parts: list[list[Block]] = [[]]
    used = 0

    def cap() -> int:
        return limit - (closing if len(parts) % SESSIONS_PER_DAY == 0 else 0)

    for block in blocks:
        if _keep_whole(block.minutes, block.kind, session_limit):  # whole, in a part of its own if it must: never cut
            # A key message is said with the teaching it follows, a few minutes over the part's length, never
            # alone at the start of the next part (after lunch or the night).
            if parts[-1] and used + block.minutes > cap() and not _is_message(block):
                carried = _topic_before(parts[-1], block)
                parts.append(carried)
                used = _minutes(carried)
            parts[-1].append(block)
            used += block.minutes
            continue
        piece = block
        while piece.minutes > 0:
            room = cap() - used
            if piece.minutes <= room:
                parts[-1].append(piece)
                used += piece.minutes
                break
            take = _cut_within(piece, room, used, in_topics)
            if take is None:  # nothing worth starting here: the next part begins with it
                if not parts[-1]:  # a part of its own still cannot hold it: cut where the part is full
                    take = max(MARK, room - room % MARK)
                else:
                    parts.append([])
                    used = 0
                    continue
            parts[-1].append(_piece(piece, 0, take))
            parts.append([])
            used = 0
            piece = _piece(piece, take, piece.minutes - take)
    return [p for p in parts if p]


def _cut_within(piece: Block, room: int, used: int = 0, in_topics: bool = False) -> int | None:
    """Where to cut a teaching piece to fill `room` minutes of a part with `used` minutes in it already: the last
    topic boundary that fits, or (a block with no boundaries, or `in_topics`) as much of the room as ends the
    part on a five-minute mark, leaving each side a real piece; None where nothing worth starting fits."""
    if piece.cuts and not in_topics:
        fitting = [c for c in _on_marks(piece.cuts) if MIN_PART <= c <= room and piece.minutes - c >= MIN_PART // 3]
        return fitting[-1] if fitting else None
    if room < MIN_PART:
        return None
    take = room - (used + room) % MARK
    if piece.minutes - take < MIN_PART:  # leave the next part a real piece, not a few minutes
        take = piece.minutes - MIN_PART
    return take if take >= MIN_PART else None


def _on_marks(cuts: tuple[int, ...]) -> tuple[int, ...]:
    """The topic boundaries a block may be cut at: those on a five-minute mark, so every row starts on one."""
    return tuple(c for c in cuts if c % MARK == 0)


def _topic_before(part: list[Block], exercise: Block) -> list[Block]:
    """What of `part` must move with an exercise to the next part: the topic it practises, taught just before."""
    if not exercise.glued or len(part) < 2:
        return []
    before = part[-1]
    if before.kind != "teaching" or before.module_ref != exercise.module_ref:
        return []
    marks = _on_marks(before.cuts)
    start = marks[-1] if marks else 0
    if start == 0 and before.minutes > KEEP_WHOLE:
        return []  # a long stretch with no topic boundary: the exercise goes alone
    if start:
        part[-1] = _piece(before, 0, start)
        return [_piece(before, start, before.minutes - start)]
    part.pop()
    return [before]


def _minutes(blocks: Sequence[Block]) -> int:
    return sum(b.minutes for b in blocks)


def _sessions_of_day(blocks: list[Block], day: TrainingDay) -> list[list[Block]] | None:
    """See _laid_day: the same, as fresh lists a caller may change."""
    laid = _laid_day(tuple(blocks), day)
    return None if laid is None else [list(session) for session in laid]


@functools.lru_cache(maxsize=4096)
def _laid_day(blocks: tuple[Block, ...], day: TrainingDay) -> tuple[tuple[Block, ...], ...] | None:
    """Cached: the search for a day's days tries the same day many times over, and each try lays it out."""
    laid = _split_day(list(blocks), day)
    return None if laid is None else tuple(tuple(session) for session in laid)


def _split_day(blocks: list[Block], day: TrainingDay) -> list[list[Block]] | None:
    """A day as one session, or a morning and an afternoon, none over the session limit; None if it cannot be.

    Of the splits whose afternoon keeps at least AFTERNOON_MIN and which end by the day's end, the one taken
    has lunch within the hour before the middle of the day, then on the quarter hour (so the afternoon starts
    on it too, after the content's lunch), then the longest morning.
    """
    total, most = _minutes(blocks), day.session_limit
    if total <= max(most, HALF_DAY):  # a lunch that leaves an hour's teaching after it is not a day's shape
        return [blocks]
    # Lunch within a topic is tried too: where the afternoon's exercises would leave its break no quarter hour,
    # a lunch a few minutes into a topic moves the afternoon's clock onto it.
    # Where topics and exercises will not split into two sessions of the usual length, one may run longer (up
    # to a half day's) so long as the day still ends on time: better than an exercise a lunch away from its topic,
    # or than a lunch or break off the quarter hour.
    best: list[list[Block]] | None = None
    for longest in (most, max(most, HALF_DAY)):
        tried = (_two_sessions(blocks, limit, longest, in_topics) for in_topics in (False, True)
                 for limit in range(min(longest, total - AFTERNOON_MIN), max(0, total - longest) - 1, -5))
        # Many limits fill the same morning: each split is weighed once, in the order first found.
        unique = {tuple(map(tuple, s)): s for s in tried if s is not None and _ends_by(s, day)}
        if unique:
            found = min(unique.values(), key=lambda s: _split_cost(s, day))
            if best is None or _split_cost(found, day)[:3] < _split_cost(best, day)[:3]:
                best = found
            if not any(_split_cost(best, day)[:3]):
                break
    return best


def _two_sessions(blocks: list[Block], limit: int, most: int, in_topics: bool = False) -> list[list[Block]] | None:
    """A morning filled up to `limit` (cut within a topic if `in_topics`) and the rest as the afternoon, if the
    afternoon is a real session that is no longer than `most`; None otherwise."""
    parts = _fill(blocks, limit, most, in_topics)
    if len(parts) < SESSIONS_PER_DAY:
        return None
    morning, afternoon = parts[0], _merged([b for part in parts[1:] for b in part])
    if not AFTERNOON_MIN <= _minutes(afternoon) <= most:
        return None
    return [morning, afternoon]


def _split_cost(sessions: list[list[Block]], day: TrainingDay) -> tuple[int, int, int, int, int, bool, int]:
    """How a morning/afternoon split reads: lunch outside the hour before the middle of the day (too early or
    too late to eat) is worst, by how far; then a key message parted from the teaching it follows by lunch or
    a break; then each break or lunch off the quarter hour (the day laid out as build_timetable lays it); then
    the fewest minutes a morning break runs over to bring lunch onto the quarter hour (a break is the
    content's 15 minutes where the day allows it); then a break within a topic (a morning a few minutes longer
    can put the break between two topics, on the quarter hour still); then lunch within a topic; then a longer
    morning."""
    lunch = day.start + _minutes(sessions[0]) + _pause_minutes(sessions, 0, day.start, day)
    middle = (day.start + day.end) // 2
    outside = max(0, middle - LUNCH_EARLIEST - lunch, lunch - middle)
    rows = _day_rows(sessions, 1, 0, day)
    parted = sum(1 for pause, after in zip(rows, rows[1:]) if pause.is_break and _is_message(after))
    off = sum(1 for r in rows if r.is_break and r.start % 15)
    cut = sum(1 for before, pause, after in zip(rows, rows[1:], rows[2:]) if pause.kind == "break"
              and before.module_ref and before.module_ref == after.module_ref and before.topics
              and before.topics[-1:] == after.topics[:1])
    last, first = sessions[0][-1], sessions[1][0]
    in_topic = _same_item(last, first) and bool(last.topics) and last.topics[-1:] == first.topics[:1]
    stretched = sum(r.minutes - day.break_minutes for r in rows if r.kind == "break")
    return outside, parted, off, stretched, cut, in_topic, -_minutes(sessions[0])


def _is_message(item: Block | Row) -> bool:
    """A key message said after a section's teaching, or a day's close: it belongs with what it follows, never
    after a pause."""
    return item.place[:1] == ("messages",) or _is_close(item)


def _is_close(item: Block | Row) -> bool:
    """The close of a day before the last (questions, what the next day holds): the day's last item."""
    return item.place[:1] == ("day",) and item.place[2:] == ("close",)


def _with_closes(days: list[list[Block]], day: TrainingDay) -> list[list[Block]]:
    """Each day but the last with its close at the end, where the content gives a day's close time: a day
    ends on a close of its own, not in the middle of its last topic."""
    return [one + _close(number, day) if number < len(days) else one for number, one in enumerate(days, 1)]


def _close(number: int, day: TrainingDay) -> list[Block]:
    """Day `number`'s close, as a block to end it with (none where the content gives a day's close no time)."""
    return [Block(day.day_close_minutes, "teaching", DAY_CLOSE.format(day=number), place=("day", number, "close"))
            ] if day.day_close_minutes else []


def _ends_by(sessions: list[list[Block]], day: TrainingDay) -> bool:
    """Whether a day of these sessions, with its breaks, lunch and an afternoon on the quarter hour, ends by its end."""
    now = day.start
    for index, session in enumerate(sessions):
        rest = _minutes(session) + _pause_minutes(sessions, index, now, day)
        if index:
            now += _lunch(now, rest, day)
        now += rest
    return now <= day.end


def _lunch(now: int, afternoon: int, day: TrainingDay) -> int:
    """Lunch from `now`: the content's length, stretched by up to LUNCH_STRETCH so the afternoon starts on the
    quarter hour where that still lets the `afternoon` (its teaching and break) end by the day's end, else
    just to a five-minute mark. A longer lunch to reach the quarter hour is time the day does not have."""
    to_quarter = (-(now + day.lunch_minutes)) % 15
    if to_quarter <= LUNCH_STRETCH and now + day.lunch_minutes + to_quarter + afternoon <= day.end:
        return day.lunch_minutes + to_quarter
    return day.lunch_minutes + (-(now + day.lunch_minutes)) % 5


def _afternoon_lunch(now: int, afternoon: list[Block], day: TrainingDay) -> int:
    """Lunch from `now` before `afternoon`: as _lunch gives it, or where the afternoon's exercises leave its
    break no quarter hour after that lunch, up to LUNCH_STRETCH longer if that brings the break onto one and
    the day still ends by its end."""
    rest = _minutes(afternoon) + _break_minutes(afternoon, day)
    lunch = _lunch(now, rest, day)
    if _break_on_quarter(afternoon, now + lunch):
        return lunch
    for longer in range(lunch + MARK, day.lunch_minutes + LUNCH_STRETCH + 1, MARK):
        if now + longer + rest <= day.end and _break_on_quarter(afternoon, now + longer):
            return longer
    return lunch


def _break_on_quarter(session: list[Block], start: int) -> bool:
    """Whether the session, starting at `start`, has no break or has it on the quarter hour."""
    where, laid = _with_break(session, start)
    return where is None or (start + _minutes(laid[:where])) % 15 == 0


def _limits(low: int, high: int) -> list[int]:
    """Limits to try, from `low` up to `high` in steps of 5 minutes, `high` itself always included."""
    return [*range(low, high, 5), high] if low <= high else []


def _break_minutes(session: list[Block], day: TrainingDay) -> int:
    return day.break_minutes if _minutes(session) > BREAK_AFTER else 0


def _pause_minutes(sessions: list[list[Block]], index: int, start: int, day: TrainingDay) -> int:
    """The break of the day's session `index`, starting at `start`: the content's length, but a morning's runs
    up to BREAK_STRETCH longer so that lunch after it starts on the quarter hour, as the break itself does."""
    pause = _break_minutes(sessions[index], day)
    if pause and index + 1 < len(sessions):
        stretch = (-(start + _minutes(sessions[index]) + pause)) % 15
        pause += stretch if stretch <= BREAK_STRETCH else 0  # a 25-minute break is too long: lunch moves instead
    return pause


def _days(blocks: Sequence[Block], day: TrainingDay) -> list[list[list[Block]]]:
    """The fewest days that hold the course, as equal as the blocks allow, each as its sessions.

    Sessions are filled to a common length, the shortest that needs no more than two a day, and paired into
    days; each day is then re-split so its morning runs to lunch near midday. Where no such pairing lets every
    day (its close included) end on time, whole days are filled instead, each to a common length, and split
    into sessions after. A course that fits one training day runs in one day; where the fewest days would
    leave one shorter than half another, one or two more days are tried.
    """
    total, most = _minutes(blocks), day.session_limit
    fewest = max(1, -(-total // (most * SESSIONS_PER_DAY)))
    fallback = None
    for count in range(fewest, fewest + 3):
        balanced: list[list[list[list[Block]]]] = []
        for paired in _day_fills(blocks, count, day):
            flat = _with_closes(_without_short_ends(_without_stubs([_merged([b for s in one for b in s])
                                                                   for one in paired], day), day), day)
            days = [_with_opener([one], number, day) for number, one in enumerate(flat, 1)]
            if not all(_fits(one, day) for one in days):
                continue  # a day (its close included) that cannot end on time: fill the days otherwise
            lengths = [sum(_minutes(s) for s in day) for day in days]
            if len(days) == 1 or min(lengths) >= max(lengths) / 2:
                balanced.append(days)
            else:
                fallback = fallback or days
        if balanced:  # the first that puts every break and lunch on the quarter hour without a longer break
            return min(balanced, key=lambda days: _pauses_cost(days, day))
    if fallback is not None:
        return fallback
    plain = _fill(blocks, most, most)  # every block fits a session, so this always holds the course
    return [_with_opener(plain[i:i + SESSIONS_PER_DAY], i // SESSIONS_PER_DAY + 1, day)
            for i in range(0, len(plain), SESSIONS_PER_DAY)]


def _pauses_cost(days: list[list[list[Block]]], day: TrainingDay) -> tuple[int, int]:
    """How a course's days read: the breaks and lunches off the quarter hour, then the minutes breaks run over
    the content's (a 20-minute break where every other is 15)."""
    rows = [r for number, sessions in enumerate(days, 1) for r in _day_rows(sessions, number, 0, day) if r.is_break]
    return (sum(1 for r in rows if r.start % 15),
            sum(r.minutes - day.break_minutes for r in rows if r.kind == "break"))


def _fits(sessions: list[list[Block]], day: TrainingDay) -> bool:
    """Whether a day's sessions are a day's shape: at most two, none longer than the longest allowed, and
    ending by the day's end."""
    return (len(sessions) <= SESSIONS_PER_DAY and all(_minutes(s) <= max(day.session_limit, HALF_DAY) for s in sessions)
            and _ends_by(sessions, day))


def _day_fills(blocks: Sequence[Block], count: int, day: TrainingDay) -> Iterator[list[list[list[Block]]]]:
    """Ways to lay the blocks over `count` days (or fewer), each day as a list of parts, in this order: sessions
    filled to a common length and paired (an afternoon leaving room for the day's close), then whole days
    filled to a common length (leaving room for the welcome back and the close), which can fill a day to
    its end where the pairs of equal sessions cannot."""
    total, most = _minutes(blocks), day.session_limit
    for limit in _limits(-(-total // (SESSIONS_PER_DAY * count)), most):
        sessions = _fill(blocks, limit, most, closing=day.day_close_minutes)
        if len(sessions) <= SESSIONS_PER_DAY * count:
            yield [sessions[i:i + SESSIONS_PER_DAY] for i in range(0, len(sessions), SESSIONS_PER_DAY)]
    if count == 1:
        return
    room = day.end - day.start - day.lunch_minutes - SESSIONS_PER_DAY * day.break_minutes
    turn = day.day_close_minutes + day.welcome_back_minutes  # the first day has no welcome back, the last no close
    for limit in _limits(-(-total // count), room - max(day.day_close_minutes, day.welcome_back_minutes)):
        days = _fill(blocks, limit, most)
        if len(days) == count and all(_minutes(one) + turn <= room for one in days[1:-1]):
            yield [[one] for one in days]


def _without_stubs(days: list[list[Block]], day: TrainingDay) -> list[list[Block]]:
    """Days whose nights do not leave a module a stub: where a module runs over a night with less than
    DAY_STUB minutes of it (teaching and exercises) on one side, a quarter of an hour of it at the end of day
    1, that side moves to the other day, if both days still lay out and end on time and stay balanced."""
    days = [list(one) for one in days]
    for night in range(len(days) - 1):
        before, after = days[night], days[night + 1]
        ref = before[-1].module_ref
        if not ref or not any(b.module_ref == ref for b in after[:1]):
            continue
        head, tail = _run(before[::-1], ref), _run(after, ref)
        if min(_minutes(head), _minutes(tail)) >= DAY_STUB:
            continue
        if _minutes(head) <= _minutes(tail):
            trial = [before[:-len(head)], [*head[::-1], *after]]
        else:
            trial = [[*before, *tail], after[len(tail):]]
        trial = [_merged(one) for one in trial]
        if all(trial) and all(_lays_out(one, night + i + 1, day, night + i + 2 == len(days))
                              for i, one in enumerate(trial)):
            lengths = [_minutes(one) for one in (*days[:night], *trial, *days[night + 2:])]
            if min(lengths) >= max(lengths) / 2:
                days[night:night + 2] = trial
    return days


def _without_short_ends(days: list[list[Block]], day: TrainingDay) -> list[list[Block]]:
    """Days that end on a real item: a block shorter than DAY_END_MIN left at the end of a day opens the next
    day instead, after its welcome back, where both days still lay out and stay balanced. An exercise stays
    with the topic it practises, and a key message with the teaching it follows: alone after the welcome back
    it would be said a night away from what raised it."""
    days = [list(one) for one in days]
    for night in range(len(days) - 1):
        before, after = days[night], days[night + 1]
        last = before[-1]
        if len(before) < 2 or last.minutes >= DAY_END_MIN or last.glued or _is_message(last):
            continue  # an exercise stays with its topic, a key message with the teaching it follows
        trial = [before[:-1], _merged([last, *after])]
        if all(_lays_out(one, night + i + 1, day, night + i + 2 == len(days)) for i, one in enumerate(trial)):
            lengths = [_minutes(one) for one in (*days[:night], *trial, *days[night + 2:])]
            if min(lengths) >= max(lengths) / 2:
                days[night:night + 2] = trial
    return days


def _run(blocks: list[Block], ref: str) -> list[Block]:
    """The blocks of module `ref` that `blocks` starts with, and the key messages woven among them."""
    run: list[Block] = []
    for block in blocks:
        if block.module_ref != ref and block.place[:1] != ("messages",):
            break
        run.append(block)
    return run


def _lays_out(blocks: list[Block], number: int, day: TrainingDay, last: bool = True) -> bool:
    """Whether a day of these blocks (with its welcome back, and its close unless it is the `last`) splits
    into sessions that end by the day's end."""
    if not last:
        blocks = blocks + _close(number, day)
    sessions = _with_opener([blocks], number, day)
    longest = max(day.session_limit, HALF_DAY)
    return (len(sessions) <= SESSIONS_PER_DAY and all(_minutes(s) <= longest for s in sessions)
            and _ends_by(sessions, day))


def _with_opener(sessions: list[list[Block]], number: int, day: TrainingDay) -> list[list[Block]]:
    """A day's sessions, re-split so its morning runs to lunch near midday; each day after the first opens
    with its welcome back (a recap of the day before and an energiser), in the plan like any other block.

    The welcome back takes the content's time, or up to WELCOME_STRETCH more where that alone brings the
    day's breaks and lunch onto the quarter hour: its 10 minutes put everything after it on 09:10, 09:25 and
    so on, and a recap can take a few minutes more where an exercise would otherwise hold the break off it.
    """
    blocks = _merged([b for s in sessions for b in s])
    if number == 1 or not day.welcome_back_minutes:
        return _sessions_of_day(blocks, day) or sessions
    best: tuple[tuple[int, int], list[list[Block]]] | None = None
    for extra in range(0, WELCOME_STRETCH + 1, MARK):
        opener = [Block(day.welcome_back_minutes + extra, "teaching", WELCOME_BACK.format(day=number),
                        place=("day", number))]
        laid = _sessions_of_day(opener + blocks, day)
        if extra and (laid is None or not _ends_by(laid, day)):
            continue  # a longer welcome back only where the day still lays out as it should
        split = laid or [opener + sessions[0], *sessions[1:]]
        if len(split) > 1 and split[0] == opener:  # never a session of the welcome back alone
            split = [opener + split[1], *split[2:]]
        off = sum(1 for r in _day_rows(split, number, 0, day) if r.is_break and r.start % 15)
        if best is None or (off, extra) < best[0]:
            best = ((off, extra), split)
    assert best is not None  # the content's own time is always tried
    return best[1]


def _merged(blocks: list[Block]) -> list[Block]:
    """Pieces of one teaching block that a trial split left side by side, joined up again."""
    out: list[Block] = []
    for block in blocks:
        if out and block.kind == "teaching" and _same_item(out[-1], block):
            first = out[-1]
            joined = first.topics[-1:] == block.topics[:1]  # a topic cut in two is one stretch again
            out[-1] = attrs.evolve(block, minutes=first.minutes + block.minutes,
                                   cuts=(*first.cuts, *(() if joined else (first.minutes,)),
                                         *(first.minutes + c for c in block.cuts)),
                                   topics=(*first.topics, *block.topics[1 if joined else 0:]))
        else:
            out.append(block)
    return out


def _quarter_hour_break(session: list[Block], start: int) -> tuple[int, list[Block]] | None:
    """The mid-session break nearest the middle, on the quarter hour where it can be, splitting teaching if it
    must; None if none.

    A break never falls inside an exercise, nor within half an hour of the session's start or end.
    """
    total = _minutes(session)
    # A candidate is where the break goes: before item i, or (a split) `before` minutes into item i.
    best: tuple[tuple[int, bool, int, bool, bool, bool, float], int, int] | None = None
    first = start + 30 + (-(start + 30)) % 5
    for at in range(first, start + total - 30 + 1, 5):
        elapsed, offset = at - start, 0
        candidate: tuple[int, int] | None = None
        split = parted = in_topic = cramped = False
        for i, block in enumerate(session):
            if offset == elapsed:  # between two items; between a topic and its exercise only if nothing else will do
                # Never before a key message: it is said with the teaching it follows, not alone after the break.
                candidate = None if i and _is_message(block) else (i, 0)
                # An exercise after another exercise is not parted from its topic by a break before it.
                parted = block.glued and block.kind == "exercise" and i > 0 and session[i - 1].kind == "teaching"
                break
            if offset < elapsed < offset + block.minutes:
                before, after = elapsed - offset, offset + block.minutes - elapsed
                # Such as a few key messages: one item. A topic of a module is not: it may be cut on the quarter.
                short = not block.cuts and not block.topics and block.minutes <= KEEP_WHOLE
                if block.kind == "exercise" or short or min(before, after) < BREAK_SPLIT:
                    candidate = None  # never in an exercise, nor a few minutes from either end of teaching
                else:
                    candidate = (i, before)
                split = not block.cuts  # a topic boundary is as good a place as the line between two items
                # Within a topic only where no boundary lands on the quarter hour: the quarter hour comes first.
                in_topic = bool(block.cuts or block.topics) and before not in block.cuts
                # And then where the topic keeps a real part of itself on each side: not five minutes of a ten
                # minutes' talk, a break, and five more to finish it.
                lo = max((c for c in block.cuts if c < before), default=0)
                hi = min((c for c in block.cuts if c > before), default=block.minutes)
                cramped = in_topic and min(before - lo, hi - before) < BREAK_SPLIT
                break
            offset += block.minutes
        # Between two items reads better than in the middle of one: a boundary may sit a little further off.
        # First no stretch much over LONG_STRETCH, then a topic kept with its exercise, then a break in the
        # middle third of the session (one half an hour after lunch leaves the afternoon in one long run), then
        # the quarter hour (a timetable's breaks start at 10:45, not 10:50), then between topics rather than
        # within one, then nearest the middle.
        cost = (max(0, max(elapsed, total - elapsed) - LONG_STRETCH), parted, _off_middle_third(elapsed, total),
                at % 15 != 0, cramped, in_topic, abs(elapsed - total / 2) + (BREAK_SPLIT if split else 0))
        if candidate is not None and (best is None or cost < best[0]):
            best = (cost, *candidate)
    if best is None:
        return None
    i, before = best[1], best[2]
    if not before:
        return i, session
    block = session[i]  # the pieces are made only for the break taken: they cost most of the search's time
    return i + 1, session[:i] + [_piece(block, 0, before), _piece(block, before, block.minutes - before)] + session[i + 1:]


def _off_middle_third(elapsed: int, total: int) -> int:
    """How many minutes a break `elapsed` minutes into a session of `total` falls outside its middle third."""
    return max(0, -(-total // 3) - elapsed, elapsed - total * 2 // 3)


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
    where, laid = _break_laid(tuple(session), start)
    return where, list(laid)


@functools.lru_cache(maxsize=8192)
def _break_laid(session: tuple[Block, ...], start: int) -> tuple[int | None, tuple[Block, ...]]:
    """Cached: each split of a day weighed lays its sessions out, and the same session comes up again and again."""
    where, laid = _place_break(list(session), start)
    return where, tuple(laid)


def _place_break(session: list[Block], start: int) -> tuple[int | None, list[Block]]:
    if _minutes(session) <= BREAK_AFTER:
        return None, session
    on_quarter = _quarter_hour_break(session, start)
    if on_quarter is not None:
        return on_quarter
    where = _break_index(session)
    if where == -1:  # cut teaching rather than an exercise, if the session has any
        longest = max(range(len(session)), key=lambda i: (session[i].kind != "exercise", session[i].minutes))
        block = session[longest]
        before = _minutes(session[:longest])
        # Between two of its topics, the one nearest the session's middle, where it has them.
        marks = _on_marks(block.cuts)
        first = min(marks, key=lambda c: abs(before + c - _minutes(session) / 2)) if marks \
            else block.minutes // 2 - block.minutes // 2 % MARK
        session = session[:longest] + [_piece(block, 0, first),
                                       _piece(block, first, block.minutes - first)] + session[longest + 1:]
        where = longest + 1
    return where, session


def build_timetable(blocks: Sequence[Block], training_day: TrainingDay = TrainingDay()) -> Timetable:
    """Lay the blocks out over as few balanced days as hold them: up to two sessions of at most 2.5 hours a
    day, lunch between them, and a break in any session over 1.5 hours, on the quarter hour where it can be."""
    rows: list[Row] = []
    for day, sessions in enumerate(_days(blocks, training_day), 1):
        rows += _closed_on_quarter(_day_rows(sessions, day, max((r.session for r in rows), default=0), training_day),
                                   training_day)
    return Timetable(_number_parts(rows))


def _closed_on_quarter(rows: list[Row], training_day: TrainingDay) -> list[Row]:
    """A day's rows with its close, if it ends with one (the day's close, or the course's on the last day), up to
    CLOSE_STRETCH longer where that ends the day on the quarter hour (13:00, not 12:50) and still by the day's
    end. Only a close runs over: the forms, questions and goodbyes take what time the room has, where teaching
    or an exercise has the time its material plans."""
    last = rows[-1] if rows else None
    if last is None or not (_is_close(last) or last.closing):
        return rows
    stretch = -last.end % 15
    if stretch > CLOSE_STRETCH or last.end + stretch > training_day.end:
        return rows
    return [*rows[:-1], attrs.evolve(last, minutes=last.minutes + stretch)]


def _day_rows(sessions: list[list[Block]], day: int, before: int, training_day: TrainingDay) -> list[Row]:
    """One day's rows from its start: its sessions (numbered on from `before`), each with its break where it
    needs one, and lunch between them."""
    rows: list[Row] = []
    now, number = training_day.start, before
    for index, session in enumerate(sessions):
        number += 1
        if index:  # lunch between the day's sessions; the afternoon starts on the quarter hour if it can
            lunch = _afternoon_lunch(now, session, training_day)
            rows.append(Row(day, number - 1, now, lunch, "lunch", "Lunch"))
            now += lunch
        pause = _pause_minutes(sessions, index, now, training_day)
        where, session = _with_break(session, now)
        for i, block in enumerate(session):
            if where is not None and i == where:
                rows.append(Row(day, number, now, pause, "break", "Break"))
                now += pause
            rows.append(Row(day, number, now, block.minutes, block.kind, block.row_label, block.section,
                            block.module_ref, block.place, block.topics, block.closing))
            now += block.minutes
    return rows


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
