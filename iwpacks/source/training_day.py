"""Reads a training day (content's programme.yaml, or an LA overlay's change to it) and checks it is bookable."""
from __future__ import annotations

import re

import attrs

from iwpacks.model import TrainingDay
from iwpacks.source.fields import Fields

TRAINING_DAY_KEYS = ("start", "end", "lunch_minutes", "break_minutes", "session_minutes", "welcome_back_minutes",
                     "day_close_minutes")
_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
MIN_SESSION = 60  # a day that cannot hold two one-hour sessions cannot hold a course


def read_training_day(f: Fields, key: str, base: TrainingDay) -> TrainingDay | None:
    """`base` with whatever `key` sets; None when `key` is absent. Problems are reported with their line."""
    sub = f.mapping(key, TRAINING_DAY_KEYS)
    if sub is None:
        return None
    changes: dict[str, int] = {}
    for name in ("start", "end"):
        if sub.has(name):
            text = sub.text(name)
            match = _CLOCK.fullmatch(text)
            if match is None:
                sub.report(sub.path + (name,), f'expected a time of day as HH:MM (24-hour), e.g. "09:30"; got "{text}"')
            else:
                changes[name] = int(match.group(1)) * 60 + int(match.group(2))
    for name, low in (("lunch_minutes", 15), ("break_minutes", 0), ("session_minutes", MIN_SESSION),
                      ("welcome_back_minutes", 0), ("day_close_minutes", 0)):
        if sub.has(name):
            value = sub.integer(name, minimum=low)
            if value is not None:
                changes[name] = value
    day = attrs.evolve(base, **changes)
    if day.end <= day.start:
        sub.report(sub.path, f"the day ends ({_clock(day.end)}) before it starts ({_clock(day.start)})")
        return None
    if day.session_limit < MIN_SESSION:
        sub.report(sub.path, f"{_clock(day.start)}-{_clock(day.end)} with {day.lunch_minutes} min lunch and two "
                             f"{day.break_minutes} min breaks leaves sessions of {max(0, day.session_limit)} min; "
                             f"a training day needs room for two sessions of at least {MIN_SESSION} min")
        return None
    return day


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
