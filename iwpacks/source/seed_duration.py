"""Reads the seed's duration phrases ("2 -3 hours", "5 hours (2 x 2.5 hours)") into minutes."""
from __future__ import annotations

import re

from iwpacks.model import Duration

_NUMBER = r"(\d+(?:\.\d+)?)"
_DASH = r"\s*[-–—]\s*"
_UNIT = r"(hours?|hrs?|minutes?|mins?)"
_MAIN = re.compile(rf"^{_NUMBER}(?:{_DASH}{_NUMBER})?\s*{_UNIT}", re.I)
_SPLIT = re.compile(rf"\(\s*(\d+)\s*x\s*{_NUMBER}\s*{_UNIT}\s*\)", re.I)
_EXTRA = re.compile(r"(?:plus|with)\s+optional\s+(?:additional\s+)?(.+)$", re.I)


class DurationSyntaxError(ValueError):
    """The text is not a duration this reader understands."""


def _minutes(amount: str, unit: str) -> int:
    value = float(amount) * (60 if unit.lower().startswith("h") else 1)
    if value != int(value):
        raise DurationSyntaxError(f"{amount} {unit} is not a whole number of minutes")
    return int(value)


def parse_duration(text: str) -> Duration:
    """Parse a duration phrase; raise DurationSyntaxError (with the reason) if it cannot be read.

    "30 minutes plus optional additional discussion and exercise" -> 30..30, optional extra
    "discussion and exercise"; "5 hours (2 x 2.5 hours)" -> 300..300 in sessions (150, 150).
    """
    cleaned = " ".join(text.split())
    main = _MAIN.match(cleaned)
    if not main:
        raise DurationSyntaxError(
            f'cannot read duration "{text}": expected e.g. "30 minutes", "2-3 hours" or "5 hours (2 x 2.5 hours)"')
    low, high, unit = main.groups()
    minimum = _minutes(low, unit)
    maximum = _minutes(high, unit) if high else minimum
    if maximum < minimum:
        raise DurationSyntaxError(f'duration "{text}" ends before it starts')
    rest = cleaned[main.end():].strip()
    sessions: tuple[int, ...] = ()
    split = _SPLIT.search(rest)
    if split:
        count, amount, split_unit = split.groups()
        sessions = (_minutes(amount, split_unit),) * int(count)
        if sum(sessions) != maximum:
            raise DurationSyntaxError(f'duration "{text}": the sessions add up to {sum(sessions)} minutes, not {maximum}')
        rest = (rest[:split.start()] + rest[split.end():]).strip()
    extra = _EXTRA.match(rest)
    if extra:
        rest = ""
    if rest:
        raise DurationSyntaxError(f'cannot read "{rest}" in duration "{text}"')
    return Duration(text=text, min_minutes=minimum, max_minutes=maximum,
                    optional_extra=extra.group(1) if extra else None, sessions=sessions)

