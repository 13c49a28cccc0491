"""The distribution register against a pack: which bodies hold an out-of-date copy, and recording a new one."""
from __future__ import annotations

import datetime
import json
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path

import attrs

from iwpacks.errors import ContentError, UsageError
from iwpacks.model import Programme
from iwpacks.source.read_register import Dispatch, read_register, version_key

MANIFEST = "manifest.json"
MOST_MANIFEST = 20_000_000  # a pack's manifest is tens of KB; a zip member claiming more is not one


@attrs.frozen
class Edition:
    """What copies are measured against: a content version and the courses it holds."""

    version: str
    courses: tuple[str, ...]
    source: str  # "content" or the pack's path, for the report's first line


@attrs.frozen
class Holding:
    """What one recipient holds now, by their latest copies, and how it compares with the edition."""

    to: str
    kind: str
    latest: Dispatch                    # the last copy sent to them
    versions: tuple[str, ...]           # every version they hold, oldest first
    outdated: tuple[str, ...]           # courses of the edition they hold in an older version
    newer: tuple[str, ...]              # courses they hold in a newer version than the edition's
    missing: tuple[str, ...]            # courses of the edition they were never sent (only for partial copies)

    @property
    def status(self) -> str:
        return "out of date" if self.outdated else "newer" if self.newer else "current"


def edition_of_content(programme: Programme) -> Edition:
    """The bundled (or given) content's version and its buildable courses."""
    courses = tuple(c.id for c in programme.courses.values() if not c.is_pending)
    return Edition(programme.version, courses, "content")


def edition_of_pack(path: Path) -> Edition:
    """A built pack's version and courses, from its manifest.json: a pack folder or its zip."""
    manifest = _read_manifest(path)
    try:
        version = manifest["content_version"]
        courses = tuple(c["id"] for c in manifest["courses"])
        if not isinstance(version, str) or not all(isinstance(c, str) for c in courses):
            raise TypeError
    except (KeyError, TypeError):
        raise UsageError(f"{path}: its {MANIFEST} has no content_version and courses; give a pack that "
                         "`iwpacks build` wrote") from None
    return Edition(version, courses, str(path))


def _read_manifest(path: Path) -> dict:
    try:
        if path.is_dir():
            text = (path / MANIFEST).read_bytes()
        elif zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                names = [i for i in archive.infolist() if i.filename.count("/") <= 1
                         and i.filename.rsplit("/", 1)[-1] == MANIFEST]
                if not names or names[0].file_size > MOST_MANIFEST:
                    raise KeyError(MANIFEST)
                text = archive.read(names[0])
        else:
            raise UsageError(f"{path}: not a pack folder or a pack's zip")
        data = json.loads(text.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError
        return data
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        raise UsageError(f"--pack {path}: no readable {MANIFEST}; give a pack folder or zip that "
                         "`iwpacks build` wrote") from None


def holdings(dispatches: Sequence[Dispatch], edition: Edition) -> tuple[Holding, ...]:
    """Per recipient (by name, ignoring case and spacing), what their copies add up to: a copy of the whole
    pack replaces all they held; a copy of some courses replaces those. In the order they first appear."""
    by_recipient: dict[str, list[Dispatch]] = {}
    for entry in dispatches:
        by_recipient.setdefault(" ".join(entry.to.lower().split()), []).append(entry)
    out = []
    for entries in by_recipient.values():
        ordered = sorted(entries, key=lambda e: e.date)  # stable: copies of one day keep the register's order
        whole: Dispatch | None = None
        some: dict[str, Dispatch] = {}
        for entry in ordered:
            if entry.courses:
                some.update((c, entry) for c in entry.courses)
            else:
                whole, some = entry, {}
        held = {c: d for c in edition.courses if (d := some.get(c, whole)) is not None}
        current = version_key(edition.version)
        latest = ordered[-1]
        out.append(Holding(
            to=latest.to, kind=latest.kind, latest=latest,
            versions=tuple(sorted({d.version for d in [*some.values(), *([whole] if whole else [])]},
                                  key=version_key)),
            outdated=tuple(c for c, d in held.items() if version_key(d.version) < current),
            newer=tuple(c for c, d in held.items() if version_key(d.version) > current),
            missing=tuple(c for c in edition.courses if c not in held)))
    return tuple(out)


def report_lines(programme: Programme, register: Path, edition: Edition, found: Sequence[Holding]) -> list[str]:
    """The report as text: a line per recipient (and the courses out of date under it), then the counts."""
    against = "the content" if edition.source == "content" else f"the pack {edition.source}"
    lines = [f"{register}: {len(found)} recipient{'s' if len(found) != 1 else ''}, against {against} "
             f"(version {edition.version}, {len(edition.courses)} courses)"]
    for h in found:
        route = programme.distribution_routes[h.latest.route]
        how = route.name + (f" by {h.latest.medium}" if h.latest.medium else "")
        lines.append(f"{h.status:12} {h.to} ({h.kind}): holds {', '.join(h.versions)}; last sent "
                     f"{h.latest.date}, {how}")
        if h.outdated:
            every = len(h.outdated) == len(edition.courses)
            lines.append(f"{'':12}   out of date: {'every course' if every else ', '.join(h.outdated)}")
        if h.newer:
            lines.append(f"{'':12}   newer than this edition: {', '.join(h.newer)}")
    counts = {s: sum(1 for h in found if h.status == s) for s in ("current", "out of date", "newer")}
    lines.append(", ".join(f"{n} {s}" for s, n in counts.items() if n or s != "newer"))
    return lines


def report_json(register: Path, edition: Edition, found: Sequence[Holding]) -> dict:
    return {"register": str(register), "version": edition.version, "against": edition.source,
            "courses": list(edition.courses),
            "recipients": [{"to": h.to, "kind": h.kind, "status": h.status, "holds": list(h.versions),
                            "last_sent": {"date": h.latest.date, "route": h.latest.route,
                                          "medium": h.latest.medium or None, "version": h.latest.version},
                            "out_of_date": list(h.outdated), "newer": list(h.newer),
                            "not_sent": list(h.missing)} for h in found],
            "out_of_date": sum(1 for h in found if h.outdated)}


REGISTER_HEAD = ("# Distribution register: every copy of the packs sent out (README, \"Distribution register\").\n"
                 "sent:\n")


def record(programme: Programme, register: Path, edition: Edition, *, to: str, kind: str, route: str,
           medium: str = "", date: str = "", courses: Sequence[str] = (), note: str = "") -> Dispatch:
    """Append one copy sent to the register (made if it does not exist), after checking it and the whole
    register as it would then read; the file is replaced whole, so a failed check leaves it as it was."""
    import yaml

    entry: dict = {"to": to, "kind": kind, "route": route}
    if medium:
        entry["medium"] = medium
    entry["version"] = edition.version
    entry["date"] = date or datetime.date.today().isoformat()
    whole = set(edition_of_content(programme).courses)
    chosen = list(courses) or ([] if set(edition.courses) >= whole else list(edition.courses))
    if chosen:
        entry["courses"] = chosen
    if note:
        entry["note"] = note
    old = register.read_text(encoding="utf-8") if register.is_file() else REGISTER_HEAD
    if not old.endswith("\n"):
        old += "\n"
    text = old + yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
    staged = register.with_name(f".{register.name}.tmp-{os.getpid()}")
    staged.write_text(text, encoding="utf-8")
    try:
        try:
            entries = read_register(programme, staged)
        except ContentError as exc:  # the problems name the staged file; say them of the register itself
            raise ContentError([attrs.evolve(p, file=str(register)) for p in exc.problems]) from None
        if not entries or entries[-1].to != to or entries[-1].version != edition.version:
            raise UsageError(f"{register}: could not add the entry at the end: its `sent:` list must be the "
                             "file's last key, written as a block list (one `- to: ...` per copy)")
        os.replace(staged, register)
    finally:
        staged.unlink(missing_ok=True)
    return entries[-1]
