"""Where each record came from, so checks across files can point at the right file and line."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from iwpacks.errors import Problem
from iwpacks.source.located_yaml import KeyPath, LocatedData

if TYPE_CHECKING:  # avoids an import cycle with _fields
    from iwpacks.source.fields import Fields


@attrs.frozen
class Origin:
    """The document and key path of one record."""

    doc: LocatedData
    path: KeyPath

    def problem(self, sub: KeyPath, message: str) -> Problem:
        return self.doc.problem(self.path + sub, message)


@attrs.define
class Origins:
    """Origins by (kind, id): ('module', 'IW01'), ('course', 'caf-practitioners'), ..."""

    by_key: dict = attrs.field(factory=dict)

    def add(self, kind: str, ident: str, origin: Origin) -> None:
        self.by_key[(kind, ident)] = origin

    def of(self, kind: str, ident: str) -> Origin:
        return self.by_key[(kind, ident)]


def unique_records(kind: str, items: Iterable[Fields], build: Callable[[Fields], Any], origins: Origins) -> list:
    """Build a record from each mapping, keeping the first of each id and reporting the others.

    A record without a usable id was reported when its id was read, and is left out so that checks
    across files never meet a record they cannot name.
    """
    records: list = []
    first: dict[str, int] = {}  # id -> index of its first item
    for index, f in enumerate(items):
        record = build(f)
        if not record.id:
            continue
        if record.id in first:
            f.report(f.path + ("id",), f'duplicate {kind} id "{record.id}" (first at item {first[record.id]})')
            continue
        first[record.id] = index
        records.append(record)
        origins.add(kind, record.id, Origin(f.doc, f.path))
    return records
