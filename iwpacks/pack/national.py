"""National builds: every LA overlay under one folder into a pack of its own, optionally one shard of them.

A national build is many ordinary LA builds (iwpacks.pack.build.build_pack) with three promises of its own: one
bad overlay does not stop the others, the summary names each failure with its located error, and a build can be
split into shards (`--shard I/N`) that a CI matrix or batch scheduler runs on separate machines, with no
scheduler of ours. `merge_shards` then checks that the shards' summaries cover every pack once.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from iwpacks.errors import ContentError, IwpacksError, Problem, UsageError, os_error_line
from iwpacks.model import Brand, Programme
from iwpacks.pack.workers import worker_pool

OVERLAY = "overlay.yaml"
ORGANISATIONS = "organisations"  # an LA folder's organisation overlays, each also built (as `--org` does)
SUMMARY = "national.json"
_SUMMARY_FORMAT = 1
_SHARD = re.compile(r"(?P<index>[0-9]+)/(?P<count>[0-9]+)")


@attrs.frozen
class Unit:
    """One pack of a national build: an LA's overlay folder, and the organisation overlay layered over it."""

    id: str  # the pack's folder name: the LA's folder name, with the organisation's after a hyphen
    la: Path
    org: Path | None = None


@attrs.frozen
class Outcome:
    """What building one unit gave: its files and warnings, or the one-line error that stopped it."""

    id: str
    error: str | None = None
    files: int = 0
    warnings: tuple[str, ...] = ()
    zip_name: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@attrs.frozen
class NationalResult:
    """A national build (or one shard of it): every unit under the LAs' folder, and what this shard built."""

    folder: Path
    units: tuple[str, ...]  # every unit of the whole build, in order; the shard built those in `outcomes`
    shard: tuple[int, int]
    outcomes: tuple[Outcome, ...]
    summary: Path

    @property
    def built(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.ok)

    @property
    def failed(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.ok)


def find_units(las: Path) -> list[Unit]:
    """Each folder under `las` holding an overlay.yaml, by name, each followed by its organisation overlays."""
    las = Path(las)
    if not las.is_dir():
        raise UsageError(f"--las {las}: expected a folder holding one folder per LA, each with an {OVERLAY}")
    units = []
    for folder in sorted(p for p in las.iterdir() if p.is_dir() and (p / OVERLAY).is_file()):
        units.append(Unit(folder.name, folder))
        orgs = folder / ORGANISATIONS
        if orgs.is_dir():
            units += [Unit(f"{folder.name}-{org.name}", folder, org)
                      for org in sorted(p for p in orgs.iterdir() if p.is_dir() and (p / OVERLAY).is_file())]
    if not units:
        raise UsageError(f"--las {las}: no LA folders found (each needs an {OVERLAY}, e.g. {las}/northmoor/{OVERLAY})")
    return units


def parse_shard(text: str) -> tuple[int, int]:
    """`I/N` as (I, N), 1 <= I <= N; UsageError otherwise."""
    match = _SHARD.fullmatch(text.strip())
    if match is None or not 1 <= int(match["index"]) <= int(match["count"]):
        raise UsageError(f"--shard {text}: expected I/N with 1 <= I <= N, e.g. --shard 2/4")
    return int(match["index"]), int(match["count"])


def shard_units(units: Sequence[Unit], shard: tuple[int, int]) -> list[Unit]:
    """Shard I of N takes every Nth unit from the Ith: the shards' sizes differ by one at most, and an LA's
    organisation packs, next to it in the order, spread over the shards instead of loading one."""
    index, count = shard
    return list(units[index - 1::count])


def summary_name(shard: tuple[int, int]) -> str:
    return SUMMARY if shard == (1, 1) else f"national-{shard[0]}-of-{shard[1]}.json"


def build_national(programme: Programme, brand: Brand, las: Path, out: Path, *, shard: tuple[int, int] = (1, 1),
                   jobs: int = 1, make_zip: bool = False, cache: Path | None = None, strict: bool = False,
                   courses: Sequence[str] | None = None,
                   progress: Callable[[int, int, Outcome], None] | None = None) -> NationalResult:
    """Build this shard's units into `out/<unit id>/` (each replaced whole, atomically, as `iwpacks build` does),
    with `out/iwpacks-<unit id>.zip` when `make_zip`, and write the shard's summary into `out`.

    `programme` is the master programme; each unit's overlay is applied to it in turn. A unit that fails (a
    bad overlay, a pack failing its checks) is recorded with its error and the others go on.
    `courses` limits every pack to those courses. `progress(done, total, outcome)` is called as each unit ends.
    """
    units = find_units(las)
    mine = shard_units(units, shard)
    out = Path(out)
    if out.absolute().resolve().is_relative_to(Path(las).absolute().resolve()):
        raise UsageError(f"--out {out} is inside --las {las}: the packs would be read as LA folders next time; "
                         "write them elsewhere, e.g. --out dist/national")
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file; give a folder for the LAs' packs")
    out.mkdir(parents=True, exist_ok=True)
    outcomes: dict[str, Outcome] = {}

    def finished(outcome: Outcome) -> None:
        outcomes[outcome.id] = outcome
        if progress is not None:
            progress(len(outcomes), len(mine), outcome)

    task = (brand, out, make_zip, cache, strict, tuple(courses or ()))
    if jobs > 1 and len(mine) > 1:
        with worker_pool(min(jobs, len(mine)), _init_worker, (programme, *task)) as pool:
            for future in [pool.submit(_build_in_worker, unit) for unit in mine]:
                finished(future.result())
    else:
        for unit in mine:
            finished(build_unit(programme, unit, *task))
    ordered = tuple(outcomes[u.id] for u in mine)
    summary = out / summary_name(shard)
    _write_json(summary, {"format": _SUMMARY_FORMAT, "las": Path(las).name, "units": [u.id for u in units],
                          "shard": {"index": shard[0], "count": shard[1]},
                          "built": [_built_entry(o) for o in ordered if o.ok],
                          "failed": [{"id": o.id, "error": o.error} for o in ordered if not o.ok]})
    return NationalResult(out, tuple(u.id for u in units), shard, ordered, summary)


def build_unit(programme: Programme, unit: Unit, brand: Brand, out: Path, make_zip: bool, cache: Path | None,
               strict: bool, courses: Sequence[str] = ()) -> Outcome:
    """One unit's pack, or the reason it could not be built; never raises for a fault of the unit's own."""
    from iwpacks.overlay.layers import apply_overlay, load_overlay
    from iwpacks.pack.build import build_pack

    zip_path = out / f"iwpacks-{unit.id}.zip" if make_zip else None
    try:
        local = apply_overlay(programme, load_overlay(programme, unit.la, unit.org))
        result = build_pack(local, brand, out / unit.id, courses or None, zip_path=zip_path, jobs=1, strict=strict, cache=cache)
    except ContentError as exc:
        return Outcome(unit.id, error=_problems_line(exc.problems))
    except IwpacksError as exc:
        return Outcome(unit.id, error=f"{exc.category}: {exc}")
    except OSError as exc:
        return Outcome(unit.id, error=f"io: {os_error_line(exc)}")
    return Outcome(unit.id, files=len(result.files), warnings=result.warnings,
                   zip_name=None if result.zip_path is None else result.zip_path.name)


def _problems_line(problems: Sequence[Problem]) -> str:
    """The first located problem, and how many more the overlay's own validation lists."""
    more = len(problems) - 1
    return f"content: {problems[0]}" + (f" (and {more} more problem{'s' if more != 1 else ''})" if more else "")


def _built_entry(outcome: Outcome) -> dict:
    entry: dict = {"id": outcome.id, "folder": outcome.id, "files": outcome.files, "warnings": list(outcome.warnings)}
    if outcome.zip_name:
        entry["zip"] = outcome.zip_name
    return entry


def _write_json(path: Path, data: dict) -> None:
    """Written beside and renamed into place, so a summary is never read half-written."""
    scratch = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    scratch.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(scratch, path)


# Worker state: the master programme and the build's options, set once per process rather than sent per unit.
_WORKER: dict = {}


def _init_worker(programme: Programme, *task: object) -> None:
    from iwpacks.pack.workers import die_with_parent

    die_with_parent()
    _WORKER.update(programme=programme, task=task)


def _build_in_worker(unit: Unit) -> Outcome:
    return build_unit(_WORKER["programme"], unit, *_WORKER["task"])


class ShardMergeError(IwpacksError):
    """The shards given are not one whole national build; the message names every gap and overlap."""

    category = "national merge"

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in sorted(set(problems))))


@attrs.frozen
class MergeResult:
    """The shards of one national build, checked to cover each of its units exactly once."""

    units: tuple[str, ...]
    shards: int
    built: tuple[dict, ...]
    failed: tuple[dict, ...]


def merge_shards(folders: Sequence[Path]) -> MergeResult:
    """Read each folder's shard summary and check that together they are one whole national build: the same
    units, every shard 1..N once, and each unit built or failed in exactly the shard that owns it.

    ShardMergeError names every gap and overlap, located at the summary that shows it.
    """
    problems: list[Problem] = []
    shards: dict[int, tuple[str, dict]] = {}
    units: tuple[str, ...] | None = None
    count = None
    for folder in folders:
        where, data = _read_summary(Path(folder), problems)
        if data is None:
            continue
        index, total = data["shard"]["index"], data["shard"]["count"]
        if units is None:
            units, count = tuple(data["units"]), total
        elif tuple(data["units"]) != units or total != count:
            problems.append(Problem(where, 0, "units", "this shard is from another national build: its LAs or its "
                                    "number of shards differ from the first summary's"))
            continue
        if index in shards:
            problems.append(Problem(where, 0, "shard", f"shard {index}/{total} is given twice (also in "
                                    f"{shards[index][0]})"))
            continue
        shards[index] = (where, data)
    if units is None or count is None:
        raise ShardMergeError(problems)
    first = min(shards.items())[1][0] if shards else str(folders[0])
    problems += [Problem(first, 0, "", f"shard {i}/{count} is missing: no folder given holds "
                         f"{summary_name((i, count))}") for i in range(1, count + 1) if i not in shards]
    seen: dict[str, str] = {}
    for index, (where, data) in sorted(shards.items()):
        owned = set(units[index - 1::count])
        reported = [e["id"] for e in data["built"]] + [e["id"] for e in data["failed"]]
        for uid in reported:
            if uid not in owned:
                problems.append(Problem(where, 0, uid, f"is not shard {index}/{count}'s to build"))
            elif uid in seen:
                problems.append(Problem(where, 0, uid, f"is reported twice (also in {seen[uid]})"))
            seen[uid] = where
        problems += [Problem(where, 0, uid, "is missing from this shard's summary")
                     for uid in units[index - 1::count] if uid not in reported]
    if problems:
        raise ShardMergeError(problems)
    order = {uid: i for i, uid in enumerate(units)}
    built = sorted((e for _, d in shards.values() for e in d["built"]), key=lambda e: order[e["id"]])
    failed = sorted((e for _, d in shards.values() for e in d["failed"]), key=lambda e: order[e["id"]])
    return MergeResult(units, count, tuple(built), tuple(failed))


def _read_summary(folder: Path, problems: list[Problem]) -> tuple[str, dict | None]:
    """The one shard summary in `folder`, checked for the fields the merge reads."""
    found = sorted(folder.glob("national*.json")) if folder.is_dir() else []
    where = str(folder)
    if len(found) != 1:
        problems.append(Problem(where, 0, "", "expected one national build summary (national.json or "
                                f"national-I-of-N.json) in this folder, found {len(found)}"))
        return where, None
    where = str(found[0])
    try:
        data = json.loads(found[0].read_text(encoding="utf-8"))
        shard = data["shard"]
        valid = (data.get("format") == _SUMMARY_FORMAT and isinstance(data["units"], list)
                 and all(isinstance(u, str) for u in data["units"]) and isinstance(shard["index"], int)
                 and isinstance(shard["count"], int) and 1 <= shard["index"] <= shard["count"]
                 and all(isinstance(e.get("id"), str) for e in data["built"] + data["failed"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        valid = False
    if not valid:
        problems.append(Problem(where, 0, "", "not a national build summary this version of iwpacks wrote"))
        return where, None
    return where, data
