"""`iwpacks national`: every LA under a folder into packs of their own, and `national merge` of its shards."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Callable

from iwpacks.errors import EXIT_CONTENT, EXIT_OK, UsageError


def add_parser(command: Callable[..., argparse.ArgumentParser]) -> None:
    national = command("national", "build every LA overlay under a folder, one pack each; or merge its shards", True)
    national.add_argument("action", nargs="?", choices=("merge",),
                          help="merge: check that the shard folders given cover every LA once")
    national.add_argument("shards", nargs="*", metavar="SHARD_DIR", help="with merge: each shard's --out folder")
    national.add_argument("--las", metavar="DIR", help="a folder of LA folders, each with an overlay.yaml (and "
                                                       "optionally organisations/<org>/overlay.yaml)")
    national.add_argument("--out", metavar="DIR", default="dist/national",
                          help="folder for the packs, one folder per LA, and the summary (default: dist/national)")
    national.add_argument("--course", action="append", metavar="ID",
                          help="build only this course for every LA (repeatable; default: every course)")
    national.add_argument("--shard", metavar="I/N", default="1/1",
                          help="build only shard I of N (every Nth LA from the Ith), e.g. one per CI machine")
    national.add_argument("--jobs", type=int, default=0, metavar="N", help="LAs built at once (default: all cores)")
    national.add_argument("--zip", action="store_true", help="also write iwpacks-<la>.zip beside each LA's folder")
    national.add_argument("--strict", action="store_true", help="fail an LA whose courses use an empty slot")
    national.add_argument("--brand", metavar="PATH", help="brand folder (default: the bundled brand)")
    national.add_argument("--cache", metavar="DIR", help="the render cache (as `iwpacks build`)")
    national.add_argument("--no-cache", action="store_true", help="draw every course, and store nothing")


def run(args: argparse.Namespace, cache: Path | None) -> int:
    if args.action == "merge":
        if not args.shards:
            raise UsageError("national merge: give each shard's output folder, e.g. "
                             "iwpacks national merge out-1 out-2 out-3")
        return _merge(args)
    if args.shards:
        raise UsageError(f"national: unexpected {' '.join(args.shards)}; did you mean `iwpacks national merge`?")
    if not args.las:
        raise UsageError("national: --las DIR is required (a folder holding one folder per LA)")
    return _build(args, cache)


def _build(args: argparse.Namespace, cache: Path | None) -> int:
    import os

    from iwpacks.cli.main import progress_printer, show_progress
    from iwpacks.pack.national import build_national, parse_shard
    from iwpacks.source.brand import load_brand
    from iwpacks.source.load import load_programme

    shard = parse_shard(args.shard)
    if args.jobs < 0:
        raise UsageError(f"--jobs {args.jobs}: expected a number of processes, 1 or more")
    programme = load_programme(args.content)
    result = build_national(programme, load_brand(args.brand), Path(args.las), Path(args.out), shard=shard,
                            jobs=args.jobs or os.cpu_count() or 1, make_zip=args.zip, cache=cache,
                            strict=args.strict, courses=args.course, 
                            progress=progress_printer(_outcome_line) if show_progress(args) else None)
    if args.json:
        from iwpacks.cli.main import _print_json

        _print_json(_as_json(result))
    else:
        if not args.quiet:
            for outcome in result.built:
                for warning in outcome.warnings:
                    print(f"warning: {outcome.id}: {warning}", file=sys.stderr)
        for outcome in result.failed:
            print(f"failed: {outcome.id}: {outcome.error}", file=sys.stderr)
        if not args.quiet:
            where = f" (shard {shard[0]}/{shard[1]} of {len(result.units)})" if shard != (1, 1) else ""
            warned = sum(1 for o in result.built if o.warnings)
            print(f"built {len(result.built)} of {len(result.outcomes)} packs{where} into {result.folder}"
                  + (f", {len(result.failed)} failed" if result.failed else "")
                  + (f"; {warned} with warnings" if warned else "") + f"; summary in {result.summary}")
    return EXIT_CONTENT if result.failed else EXIT_OK


def _as_json(result: Any) -> dict:
    import json

    return json.loads(result.summary.read_text(encoding="utf-8"))


def _merge(args: argparse.Namespace) -> int:
    from iwpacks.pack.national import merge_shards

    merged = merge_shards([Path(s) for s in args.shards])
    if args.json:
        from iwpacks.cli.main import _print_json

        _print_json({"units": list(merged.units), "shards": merged.shards, "built": list(merged.built),
                     "failed": list(merged.failed)})
    else:
        for entry in merged.failed:
            print(f"failed: {entry['id']}: {entry['error']}", file=sys.stderr)
        if not args.quiet:
            print(f"merged {merged.shards} shard{'s' if merged.shards != 1 else ''}: every one of the "
                  f"{len(merged.units)} packs is reported once; {len(merged.built)} built, {len(merged.failed)} failed")
    return EXIT_CONTENT if merged.failed else EXIT_OK


def _outcome_line(outcome: Any) -> str:
    return f"{outcome.id} {'built' if outcome.ok else 'FAILED'}"
