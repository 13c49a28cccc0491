"""The seed's duration phrases read into minutes."""
from __future__ import annotations

import pytest

from iwpacks.planning.minutes import format_minutes, format_range
from iwpacks.source.seed_duration import DurationSyntaxError, parse_duration


@pytest.mark.parametrize("text, low, high, extra, sessions", [
    ("30 minutes plus optional additional discussion and exercise", 30, 30, "discussion and exercise", ()),
    ("60 mins plus optional discussion and exercise", 60, 60, "discussion and exercise", ()),
    ("30 minutes with optional additional discussion and exercise", 30, 30, "discussion and exercise", ()),
    ("2-3 hours", 120, 180, None, ()),
    ("2 -3 hours", 120, 180, None, ()),
    ("4 – 5 hours", 240, 300, None, ()),
    ("30 – 60 minutes", 30, 60, None, ()),
    ("5 hours (2 x 2.5 hours)", 300, 300, None, (150, 150)),
    ("5.5 hours", 330, 330, None, ()),
])
def test_seed_phrases(text, low, high, extra, sessions):
    d = parse_duration(text)
    assert (d.min_minutes, d.max_minutes, d.optional_extra, d.sessions) == (low, high, extra, sessions)
    assert d.text == text


@pytest.mark.parametrize("text, message", [
    ("a long afternoon", "cannot read duration"),
    ("3-2 hours", "ends before it starts"),
    ("5 hours (2 x 2 hours)", "the sessions add up to 240 minutes, not 300"),
    ("2 hours and a bit", 'cannot read "and a bit"'),
    ("0.3 minutes", "not a whole number of minutes"),
])
def test_bad_phrases_say_why(text, message):
    with pytest.raises(DurationSyntaxError, match=message):
        parse_duration(text)


def test_formatting():
    assert format_minutes(45) == "45 min"
    assert format_minutes(120) == "2 h"
    assert format_minutes(150) == "2 h 30 min"
    assert format_range(120, 180) == "2 h - 3 h"
    assert format_range(30, 30) == "30 min"
