"""Reads a distribution register: who was sent which version of the packs, when and by which route (4.1)."""
from __future__ import annotations

import re
from pathlib import Path

import attrs

from iwpacks.errors import ContentError, UsageError
from iwpacks.model import Programme
from iwpacks.source.fields import Fields
from iwpacks.source.located_yaml import read_yaml

VERSION = re.compile(r"[0-9]+(\.[0-9]+)*")
DATE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
MOST_ENTRIES = 20_000  # a national programme sends a few thousand copies; beyond this, not a register
MOST_BYTES = 4_000_000
ENTRY_KEYS = ("to", "kind", "route", "medium", "version", "date", "courses", "note")


@attrs.frozen
class Dispatch:
    """One copy sent: to whom, what kind of body, by which route (and medium), which version, when, and which
    courses (none listed: the whole pack of that version)."""

    to: str
    kind: str
    route: str
    version: str
    date: str
    medium: str = ""
    courses: tuple[str, ...] = ()
    note: str = ""
    file: str = attrs.field(default="", eq=False)
    line: int = attrs.field(default=0, eq=False)


def version_key(version: str) -> tuple[int, ...]:
    """"2026.11.0" as (2026, 11, 0), so 2026.9.0 sorts before 2026.11.0."""
    return tuple(int(part) for part in version.split("."))


def read_register(programme: Programme, path: Path) -> tuple[Dispatch, ...]:
    """Every entry of the register at `path`, in file order; ContentError lists every mistake, each located
    as file:line: key: what was expected."""
    if not path.is_file():
        raise UsageError(f"{path}: no such register file (start one from examples/distribution/register.yaml)")
    doc, problems = read_yaml(path, str(path), max_bytes=MOST_BYTES)
    if doc is None:
        raise ContentError(problems)
    top = Fields(doc, (), doc.data if doc.data is not None else {}, ("sent",), problems)
    entries = [_entry(programme, f) for f in top.records("sent", ENTRY_KEYS, required=False,
                                                          most_items=MOST_ENTRIES)]
    if problems:
        raise ContentError(problems)
    return tuple(e for e in entries if e is not None)


def _entry(programme: Programme, f: Fields) -> Dispatch | None:
    before = len(f.problems)
    routes = programme.distribution_routes
    route_id = f.choice("route", tuple(routes))
    route = routes.get(route_id)
    kinds = tuple(dict.fromkeys(k for r in routes.values() for k in r.recipients))
    kind = f.choice("kind", kinds)
    if route is not None and kind and kind not in route.recipients:
        f.report(f.path + ("kind",), f'the {route_id} route reaches {", ".join(route.recipients)}, not a {kind}')
    medium = f.text("medium", required=False)
    if route is not None and route.media and not medium:
        f.report(f.path, f'missing required key "medium": the {route_id} route sends by {" or ".join(route.media)}')
    elif route is not None and medium and medium not in route.media:
        expected = f'one of {", ".join(route.media)}' if route.media else "no medium (the route names none)"
        f.report(f.path + ("medium",), f'expected {expected}, found "{medium}"')
    version = _matching(f, "version", VERSION, "a content version such as 2026.11.0 (a pack's manifest.json "
                                               "gives it as content_version)")
    date = _matching(f, "date", DATE, "a date written YYYY-MM-DD")
    courses = f.id_list("courses")
    for i, course in enumerate(courses):
        if course and course not in programme.courses:
            f.report(f.path + ("courses", i), f'unknown course "{course}"; see `iwpacks list courses`')
    entry = Dispatch(to=f.text("to"), kind=kind, route=route_id, medium=medium, version=version, date=date,
                     courses=courses, note=f.text("note", required=False), file=f.doc.file, line=f.doc.line(f.path))
    return entry if len(f.problems) == before else None


def _matching(f: Fields, key: str, pattern: re.Pattern, expected: str) -> str:
    value = f.data.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # `version: 2026.10` reads as the number 2026.1: only quotes keep what was written
        f.report(f.path + (key,), f'expected {expected} in quotes, found the number {value}')
        return ""
    text = f.text(key)
    if text and not pattern.fullmatch(text):
        f.report(f.path + (key,), f'expected {expected}, found "{text}"')
        return ""
    return text

