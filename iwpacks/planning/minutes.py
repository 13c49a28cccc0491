"""How long a course takes: section and module minutes added up as a range."""
from __future__ import annotations

from collections.abc import Collection

import attrs

from iwpacks.model import Course, CourseSection, Programme


@attrs.frozen
class CourseDuration:
    """A course's length in minutes, as a range, and the optional extras it may add."""

    min_minutes: int
    max_minutes: int
    optional_extras: tuple[str, ...] = ()


def section_minutes(programme: Programme, section: CourseSection,
                    woven: Collection[str] = ()) -> tuple[int, int]:
    """(min, max) minutes of one section: its modules' durations plus its own fixed time."""
    structure = programme.course_structure.get(section.kind)
    fixed = section.minutes if section.minutes is not None else (structure.minutes if structure else 0)
    if section.awareness and section.minutes is None:  # a short segment for each associated process
        fixed = sum(programme.processes[p].awareness_minutes for p in section.awareness if p in programme.processes)
    if structure is not None and structure.role in ("modules", "exercises"):
        # Messages standing on their own take their time; one a topic of the course delivers takes the topic's.
        fixed += sum(programme.common_messages[m].minutes for m in section.messages
                     if m in programme.common_messages and m not in woven)
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
    woven = woven_messages(programme, course)
    for section in course.sections:
        a, b = section_minutes(programme, section, woven)
        low, high = low + a, high + b
        for ref in section.modules:
            duration = programme.modules[ref].duration
            if ref in course.run_optional:  # the course runs them: part of its time, not an extra
                run = sum(e.minutes for e in programme.modules[ref].exercises if e.optional)
                low, high = low + run, high + run
            elif duration is not None and duration.optional_extra:
                extras.append(f"{ref} {duration.optional_extra}")  # "IW01 discussion and exercise"
    return CourseDuration(low, high, tuple(extras))


def woven_messages(programme: Programme, course: Course) -> dict[str, tuple[str, int]]:
    """The course's common messages that a topic it teaches delivers: {message id: (module ref, topic number)}.

    The first topic in course order that delivers a message takes it, so no message is said twice. The
    background and recap sections present their messages as such (2.5); only the others' are woven in.
    """
    carried = {m for s in course.sections for m in s.messages
               if s.kind in programme.course_structure
               and programme.course_structure[s.kind].role not in ("background", "recap")}
    woven: dict[str, tuple[str, int]] = {}
    for ref in (r for s in course.sections for r in s.modules):
        module = programme.modules.get(ref)
        material = module.material if module is not None else None
        for number, topic in enumerate(material.topics if material else (), 1):
            for message in topic.messages:
                if message in carried:
                    woven.setdefault(message, (ref, number))
    return woven


def format_minutes(minutes: int) -> str:
    """120 -> '2 h', 150 -> '2 h 30 min', 45 -> '45 min'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"



def format_range(low: int, high: int) -> str:
    """A minutes range as text: '2 h - 3 h', or one value when the ends agree."""
    return format_minutes(low) if low == high else f"{format_minutes(low)} - {format_minutes(high)}"
