"""The whole model as plain JSON-ready data for other tooling, and back again, LA localisation included."""
from __future__ import annotations

from typing import Any

from iwpacks.errors import ContentError, Problem
from iwpacks.model import Programme
from iwpacks.planning.minutes import course_duration
from iwpacks.source.convert import structure, unstructure

EXPORT_FORMAT = 2
_FILE = "export"  # what a Problem names for mistakes in exported data


def export_programme(programme: Programme) -> dict:
    """The programme as JSON-ready data: every model field, plus `derived` facts other tooling wants.

    `modules`, `courses` and the other collections are lists in content order. `derived` (each course's
    modules and messages in delivery order, and its total duration) is computed from the rest and ignored
    by import_programme.
    """
    data: dict[str, Any] = {"format": EXPORT_FORMAT, **unstructure(programme)}
    data["derived"] = {"courses": {cid: _duration(programme, cid) for cid in programme.courses}}
    return data


def _duration(programme: Programme, course_id: str) -> dict:
    total = course_duration(programme, programme.courses[course_id])
    course = programme.courses[course_id]
    return {"modules": list(course.modules), "messages": list(course.messages),
            "duration": {"min_minutes": total.min_minutes, "max_minutes": total.max_minutes,
                         "optional_extras": list(total.optional_extras)}}


def import_programme(data: Any) -> Programme:
    """Rebuild a Programme from export_programme's data; ContentError names each mistake with its key path.

    The result is checked as the model's types require, not validated as content: call iwpacks.source.validate
    for the rules that span records (references, course layout).
    """
    if not isinstance(data, dict):
        raise ContentError([Problem(_FILE, 0, "", "expected a mapping from export_programme")])
    if data.get("format") != EXPORT_FORMAT:
        raise ContentError([Problem(_FILE, 0, "format", f"expected {EXPORT_FORMAT} (this version's export format), "
                                                        f"found {data.get('format')!r}")])
    body = {k: v for k, v in data.items() if k not in ("format", "derived")}
    return structure(body, Programme, _FILE)
