"""Suggested training routes: an audience's courses in an order that meets every prerequisite."""
from __future__ import annotations

import attrs

from iwpacks.errors import UsageError
from iwpacks.model import Course, Programme


@attrs.frozen
class RouteStep:
    """One course on a route and the earlier courses it builds on."""

    course: Course
    after: tuple[str, ...]


def training_route(programme: Programme, audience: str) -> tuple[RouteStep, ...]:
    """Order an audience's courses so each comes after the courses that deliver its entry requirements.

    Ties keep the Appendix 1 column order (processes.yaml). Raises UsageError for an unknown audience.
    """
    if audience not in programme.audiences:
        raise UsageError(f'unknown audience "{audience}"; known: {", ".join(programme.audiences)}')
    process_order = list(programme.processes)
    courses = sorted((c for c in programme.courses.values() if c.audience == audience),
                     key=lambda c: process_order.index(c.process) if c.process in process_order else 99)
    delivered_by = {ref: c.id for c in courses for ref in c.modules}
    needs = {c.id: tuple(dict.fromkeys(delivered_by[r] for r in _needed_refs(programme, c)
                                       if r in delivered_by and delivered_by[r] != c.id)) for c in courses}
    ordered: list[RouteStep] = []
    done: set[str] = set()
    remaining = list(courses)
    while remaining:
        ready = next((c for c in remaining if set(needs[c.id]) <= done), remaining[0])
        ordered.append(RouteStep(ready, needs[ready.id]))
        done.add(ready.id)
        remaining.remove(ready)
    return tuple(ordered)


def _needed_refs(programme: Programme, course: Course) -> list[str]:
    refs = list(course.entry_requirements)
    for ref in course.modules:
        module = programme.modules[ref]
        if module.entry_requirements:
            refs += module.entry_requirements.modules
    return refs
