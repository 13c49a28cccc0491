"""Where each record came from, so checks across files can point at the right file and line."""
from __future__ import annotations

import attrs

from ._yaml import KeyPath, LocatedData
from .errors import Problem


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
