"""A content-addressed cache of rendered courses: a course whose inputs are unchanged is read back, not drawn.

A course's key is a sha256 over everything its files are drawn from: its CoursePlan (walked field by field,
never through repr, which hides a logo's bytes), the brand (its fields and the bytes of its files), the
renderer (iwpacks' own source and the versions of the libraries that write the files) and the render options.
An entry holds the files and an index of each file's sha256 and size; it is written whole or not at all, and
an entry that does not match its index when read is a miss, never returned.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any

import attrs

from iwpacks.model import Brand
from iwpacks.pack.check import Finding

ENTRY_FORMAT = "2"  # the layout of an entry on disk; a change makes every old entry a miss
INDEX = "index.json"
_ENTRIES = f"v{ENTRY_FORMAT}"
# The libraries whose output is in the files (and the text read back from them for the glossary and checks).
_LIBRARIES = ("python-pptx", "python-docx", "reportlab", "rl-accel", "pillow", "lxml", "pypdf", "arabic-reshaper",
              "python-bidi")
ENV_VAR = "IWPACKS_CACHE"  # the command line's cache folder, where set (the tests point it at a scratch folder)


def default_dir() -> Path:
    """The command line's cache folder: $IWPACKS_CACHE, else the user's cache folder for iwpacks."""
    where = os.environ.get(ENV_VAR)
    if where:
        return Path(where)
    import platformdirs

    return Path(platformdirs.user_cache_dir("iwpacks"))


# -- keys ------------------------------------------------------------------------------------------------------

def _walk(value: Any, out: Any, memo: dict[int, tuple[Any, bytes]] | None = None) -> None:
    """Feed a canonical, typed encoding of `value` to the hash `out`. An unknown type is an error: a value
    the key cannot see would let a changed course come back from the cache unchanged. With `memo`, each attrs
    record or map is walked once and stands for its digest after (the plans of one build share most of them)."""
    if isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
        out.update(b"s%d:" % len(data) + data)
    elif value is None:
        out.update(b"N")
    elif isinstance(value, bool):
        out.update(b"T" if value else b"F")
    elif isinstance(value, Enum):
        out.update(b"E%s." % type(value).__qualname__.encode())
        _walk(value.value, out)
    elif isinstance(value, int):
        out.update(b"i%d;" % value)
    elif isinstance(value, float):
        out.update(b"f" + repr(value).encode() + b";")
    elif isinstance(value, (tuple, list)):
        out.update(b"(%d:" % len(value))
        for item in value:
            _walk(item, out, memo)
        out.update(b")")
    elif isinstance(value, (bytes, bytearray)):
        out.update(b"b" + hashlib.sha256(value).digest())
    elif isinstance(value, Path):
        out.update(b"p")
        _walk(str(value), out)
    elif memo is not None and (attrs.has(type(value)) or isinstance(value, Mapping)):
        seen = memo.get(id(value))
        if seen is None:
            inner = hashlib.sha256()
            _walk_record(value, inner, memo)
            seen = memo[id(value)] = (value, inner.digest())  # the value is kept, so its id is not reused
        out.update(b"#" + seen[1])
    elif attrs.has(type(value)) or isinstance(value, Mapping):
        _walk_record(value, out, memo)
    elif isinstance(value, (set, frozenset)):
        items = sorted(_digest(item) for item in value)
        out.update(b"<%d:" % len(items) + b"".join(items) + b">")
    else:
        raise TypeError(f"the cache key cannot read a {type(value).__qualname__}: {value!r}")


def _walk_record(value: Any, out: Any, memo: dict[int, tuple[Any, bytes]] | None) -> None:
    """An attrs record (its class and each field by name) or a map (each key and value, in order)."""
    if isinstance(value, Mapping):
        out.update(b"{%d:" % len(value))
        for key, item in value.items():  # in order: the order of a map is the order things are drawn in
            _walk(key, out, memo)
            _walk(item, out, memo)
        out.update(b"}")
        return
    cls = type(value)
    out.update(b"A%s.%s{" % (cls.__module__.encode(), cls.__qualname__.encode()))
    for field in attrs.fields(cls):
        _walk(field.name, out)
        _walk(getattr(value, field.name), out, memo)
    out.update(b"}")


def _digest(value: Any, memo: dict[int, tuple[Any, bytes]] | None = None) -> bytes:
    out = hashlib.sha256()
    _walk(value, out, memo)
    return out.digest()


def value_digest(value: Any) -> str:
    """The sha256 of the canonical walk of `value` (attrs classes, tuples, maps, text, numbers, paths, bytes)."""
    return _digest(value).hex()


# Each file's sha256 by (path, size, mtime): a process reads each brand file once, and again only if it changes.
_FILE_HASHES: dict[tuple[str, int, int], str] = {}


def _file_sha(path: Path) -> str:
    stat = path.stat()
    memo = (str(path), stat.st_size, stat.st_mtime_ns)
    if memo not in _FILE_HASHES:
        _FILE_HASHES[memo] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _FILE_HASHES[memo]


def brand_digest(brand: Brand) -> str:
    """The brand's fields and the bytes of every file in its folder, its font folder and its logo."""
    out = hashlib.sha256()
    _walk(brand, out)
    folders = [brand.folder] + ([brand.font_folder] if brand.font_folder is not None else [])
    files = [brand.logo] + [p for folder in folders if folder.is_dir() for p in sorted(folder.rglob("*"))]
    for path in files:
        if path.is_file():
            _walk((str(path), _file_sha(path)), out)
    return out.hexdigest()


_RENDERER: list[str] = []  # computed once per process


def renderer_version() -> str:
    """A digest of iwpacks' own .py files, the Python that runs them and the versions of the libraries that write
    the files: a change to any of them is a change to what a course renders to."""
    if not _RENDERER:
        from importlib import metadata

        out = hashlib.sha256()
        root = Path(__file__).resolve().parent.parent  # the iwpacks package: every stage a course passes through
        for path in sorted(root.rglob("*.py")):
            _walk((path.relative_to(root).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest()), out)
        for name in _LIBRARIES:
            try:
                version = metadata.version(name)
            except metadata.PackageNotFoundError:
                version = ""
            _walk((name, version), out)
        _walk((sys.version, zlib.ZLIB_RUNTIME_VERSION), out)
        _RENDERER.append(out.hexdigest())
    return _RENDERER[0]


def course_key(plan: Any, brand: Brand, artefacts: Sequence[str] | None, release: bool,
               attendees: Sequence[str], group_size: int | None,
               memo: dict[int, tuple[Any, bytes]] | None = None) -> str:
    """The key of one course's rendered files: its plan, the brand, the renderer and the render options.

    `memo` (a dict kept for one build) lets the courses' plans share the walk of what they hold in common; the
    key is the same with or without it."""
    memo = {} if memo is None else memo
    out = hashlib.sha256()
    _walk(("iwpacks course", ENTRY_FORMAT, renderer_version(), brand_digest(brand)), out)
    _walk(plan, out, memo)
    # Which artefacts, not in what order: a course's files come out in the renderers' order whatever it is.
    _walk((None if not artefacts else tuple(sorted(set(artefacts))), release, tuple(attendees), group_size), out)
    return out.hexdigest()


# -- storage ---------------------------------------------------------------------------------------------------

@attrs.frozen
class Entry:
    """One course's files as the cache holds them, in the order they were rendered; its acronym findings; and
    each file's accessibility findings (iwpacks check), by file name."""

    files: dict[str, bytes] = attrs.field(eq=False)
    findings: tuple[Finding, ...] = ()
    checks: dict[str, tuple[Finding, ...]] = attrs.field(factory=dict)


class RenderCache:
    """A folder of entries, one per key: `<dir>/v1/<key[:2]>/<key>/` holding the files and index.json."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _entry_dir(self, key: str) -> Path:
        return self.folder / _ENTRIES / key[:2] / key

    def get(self, key: str) -> Entry | None:
        """The entry under `key`, every file checked against its index; None if it is absent, partial or altered."""
        where = self._entry_dir(key)
        try:
            index = json.loads((where / INDEX).read_text(encoding="utf-8"))
            if index.get("key") != key or index.pop("digest", None) != _index_digest(index):
                return None  # another key's entry, or an index altered since it was written
            files: dict[str, bytes] = {}
            checks: dict[str, tuple[Finding, ...]] = {}
            for item in index["files"]:
                name = item["name"]
                if not _plain_name(name):
                    return None
                data = (where / name).read_bytes()
                if len(data) != item["size"] or hashlib.sha256(data).hexdigest() != item["sha256"]:
                    return None
                files[name] = data
                checks[name] = _findings(item["checks"])
            if sorted(p.name for p in where.iterdir()) != sorted([*files, INDEX]):
                return None  # a file the index does not name: not an entry this cache wrote
            findings = _findings(index["findings"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return Entry(files, findings, checks)

    def put(self, key: str, files: Mapping[str, bytes], findings: Iterable[Finding] = (),
            checks: Mapping[str, Iterable[Finding]] | None = None) -> None:
        """Store the entry whole: written in a scratch folder beside it, then renamed into place, replacing any
        entry already there (one that `get` found wanting). A cache that cannot be written is skipped."""
        where = self._entry_dir(key)
        try:
            where.parent.mkdir(parents=True, exist_ok=True)
            scratch = Path(tempfile.mkdtemp(prefix=f".{key[:12]}.tmp-{os.getpid()}-", dir=where.parent))
        except OSError:
            return
        try:
            for name, data in files.items():
                if not _plain_name(name):
                    raise ValueError(f"not a file name: {name!r}")
                (scratch / name).write_bytes(data)
            index = {"key": key, "files": [{"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d),
                                            "checks": [attrs.asdict(f) for f in (checks or {}).get(n, ())]}
                                           for n, d in files.items()],
                     "findings": [attrs.asdict(f) for f in findings]}
            index["digest"] = _index_digest(index)
            (scratch / INDEX).write_text(json.dumps(index, indent=1, ensure_ascii=False), encoding="utf-8")
            if where.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{key[:12]}.old-{os.getpid()}-", dir=where.parent))
                with contextlib.suppress(OSError):
                    where.rename(old / "entry")
                shutil.rmtree(old, ignore_errors=True)
            scratch.rename(where)
        except OSError:
            pass  # another build stored it first, or the disk is full: the pack is built all the same
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def entries(self) -> list[Path]:
        """Every complete entry's folder (one with an index)."""
        root = self.folder / _ENTRIES
        if not root.is_dir():
            return []
        return sorted(p.parent for p in root.glob(f"*/*/{INDEX}") if not p.parent.name.startswith("."))

    def size(self) -> int:
        """Bytes the cache folder holds, every file in it counted."""
        if not self.folder.is_dir():
            return 0
        return sum(p.stat().st_size for p in self.folder.rglob("*") if p.is_file())

    def clear(self) -> int:
        """Remove every entry (and any scratch left by a build that was stopped); the number of entries removed."""
        count = len(self.entries())
        root = self.folder / _ENTRIES
        if root.is_dir():
            shutil.rmtree(root)
        return count


def _index_digest(index: Any) -> str:
    return hashlib.sha256(json.dumps(index, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _findings(items: Any) -> tuple[Finding, ...]:
    return tuple(Finding(str(f["severity"]), str(f["file"]), str(f["message"])) for f in items)


def _plain_name(name: Any) -> bool:
    return isinstance(name, str) and bool(name) and name not in (".", "..", INDEX) and "/" not in name \
        and "\\" not in name and not name.startswith(".")
