"""How long a course takes: section and module minutes added up as a range."""
from __future__ import annotations

import attrs

from iwpacks.model import Course, CourseSection, Programme


@attrs.frozen
class CourseDuration:
    """A course's length in minutes, as a range, and the optional extras it may add."""

    min_minutes: int
    max_minutes: int
    optional_extras: tuple[str, ...] = ()


def section_minutes(programme: Programme, section: CourseSection) -> tuple[int, int]:
    """(min, max) minutes of one section: its modules' durations plus its own fixed time."""
    structure = programme.course_structure.get(section.kind)
    fixed = section.minutes if section.minutes is not None else (structure.minutes if structure else 0)
    if section.awareness and section.minutes is None:  # a short segment for each associated process
        fixed = sum(programme.processes[p].awareness_minutes for p in section.awareness if p in programme.processes)
    if section.omitted:
        fixed = 0
    low = high = fixed
    for ref in section.modules:
        duration = programme.modules[ref].duration
        if duration is not None:
            low += duration.min_minutes
            high += duration.max_minutes
    return low, high


def course_duration(programme: Programme, course: Course) -> CourseDuration:
    """Total course length; modules without a duration (pending ones) add nothing."""
    low = high = 0
    extras = []
    for section in course.sections:
        a, b = section_minutes(programme, section)
        low, high = low + a, high + b
        for ref in section.modules:
            duration = programme.modules[ref].duration
            if duration is not None and duration.optional_extra:
                extras.append(f"{ref} {duration.optional_extra}")  # "IW01 discussion and exercise"
    return CourseDuration(low, high, tuple(extras))


def format_minutes(minutes: int) -> str:
    """120 -> '2 h', 150 -> '2 h 30 min', 45 -> '45 min'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def format_range(low: int, high: int) -> str:
    """A minutes range as text: '2 h - 3 h', or one value when the ends agree."""
    return format_minutes(low) if low == high else f"{format_minutes(low)} - {format_minutes(high)}"
