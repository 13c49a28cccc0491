"""The iwpacks command line: thin argument parsing over the library."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from iwpacks import __version__
from iwpacks.errors import (
    EXIT_CHECK,
    EXIT_CONTENT,
    EXIT_IO,
    EXIT_OK,
    ContentError,
    IwpacksError,
    UsageError,
)
from iwpacks.cli.faults import Stopped, os_error_line, stopped_by_signals
from iwpacks.model import ARTEFACTS

if TYPE_CHECKING:
    from iwpacks.model import Brand

LISTABLE = ("modules", "courses", "audiences", "processes")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="iwpacks", description="Build integrated working trainer packs.",
                                     epilog="Exit codes: 0 ok, 1 bad content, overlay or brand, 2 usage, "
                                            "3 the built pack failed its checks, 4 locked, I/O or a missing tool.")
    parser.add_argument("--version", action="version", version=f"iwpacks {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--content", metavar="PATH", default=argparse.SUPPRESS,
                        help="content folder (default: the bundled content)")
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="print only errors")
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="print each step, even when the output is not a terminal")
    for option in common._actions:  # the same options before the command, where they are usual too
        parser._add_action(option)
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="machine-readable output (shapes in the README)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, text: str, json_output: bool = False) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=text, description=text, parents=[common] + ([as_json] if json_output else []))

    v = command("validate", "check a content folder and report every problem", True)
    v.add_argument("path", nargs="?", help="content folder (default: --content or the bundled content)")
    ls = command("list", "list modules, courses, audiences or processes", True)
    ls.add_argument("what", choices=LISTABLE, help="what to list: " + ", ".join(LISTABLE))
    show = command("show", "describe a module, course, audience or process", True)
    show.add_argument("id", help="a module ref (IW01), course id (caf-practitioners), audience or process id")
    command("export", "write the whole model as JSON on stdout")
    routes = command("routes", "the suggested training route for an audience", True)
    routes.add_argument("audience", help="an audience id, e.g. practitioners (see `iwpacks list audiences`)")
    check = command("check", "accessibility checks on a built pack folder or zip", True)
    check.add_argument("pack", help="a pack folder (dist/master) or its zip")
    check.add_argument("--brand", metavar="PATH", help="brand folder whose colour pairs to check (default: bundled)")
    preview = command("preview", "thumbnails of every slide and page in PACK/preview.html")
    preview.add_argument("pack", help="a built pack folder")
    report = command("localisation-report", "per course, the local slots used, filled and missing", True)
    _add_la(report)
    report.add_argument("--course", action="append", metavar="ID", help="only this course (repeatable)")
    evaluation = command("evaluation", "summarise returned evaluation forms: a PDF per course, with a chart")
    evaluation.add_argument("action", choices=("summarise",), help="summarise: the only action")
    evaluation.add_argument("returns", nargs="+", metavar="FILE.csv",
                            help="returned forms, a row each (columns in the README, \"Evaluation returns\")")
    evaluation.add_argument("--out", metavar="DIR", default="dist/evaluation",
                            help="folder for <course-id>-evaluation-summary.pdf (default: dist/evaluation)")
    _add_la(evaluation)
    build = command("build", "build trainer packs (default: every course that is not pending)")
    build.add_argument("--course", action="append", metavar="ID", help="build only this course (repeatable)")
    build.add_argument("--out", metavar="DIR",
                       help="output folder, replaced whole (default: dist/master, or dist/<la-id> with --la)")
    _add_la(build)
    build.add_argument("--strict", action="store_true", help="fail if a slot the courses use is empty")
    build.add_argument("--zip", nargs="?", const="", metavar="FILE",
                       help="also write the pack as a zip: FILE, or iwpacks-<folder name>.zip beside the output "
                            "folder (the default for --la without --out)")
    build.add_argument("--allow-draft", action="store_true", help="build pending courses, marked DRAFT")
    build.add_argument("--release", action="store_true",
                       help="a pack for trainers: no review notes or content version in its text (LA packs always)")
    build.add_argument("--artefact", action="append", metavar="NAME",
                       help=f"build only this artefact: {', '.join(a.name for a in ARTEFACTS)} (repeatable)")
    build.add_argument("--attendees", metavar="N|FILE",
                       help="how many attend (the printing list's copies; default 20), or a CSV FILE with a 'name' "
                            "column: a certificate for each name, a page each (with one --course)")
    build.add_argument("--brand", metavar="PATH", help="brand folder (default: the bundled brand)")
    build.add_argument("--jobs", type=int, default=0, metavar="N", help="parallel workers (default: all cores)")
    build.add_argument("--cache", metavar="DIR",
                       help="the render cache: courses unchanged since they were stored there are read back, not "
                            "drawn (default: $IWPACKS_CACHE, else the user's cache folder; see `iwpacks cache info`)")
    build.add_argument("--no-cache", action="store_true", help="draw every course, and store nothing in the cache")
    from iwpacks.cli.national import add_parser as add_national

    add_national(command)
    from iwpacks.cli.distribution import add_parser as add_distribution

    add_distribution(command)
    site = command("site", "the course catalogue: a static site that works from a web server, a CD-ROM or a zip")
    site.add_argument("--out", metavar="DIR",
                      help="output folder, replaced whole (default: dist/site, or dist/site-<la-id> with --la)")
    _add_la(site)
    site.add_argument("--pack", metavar="DIR",
                      help="a pack folder built for the same LA (or the master pack): its files and a zip per "
                           "course go on the site, linked from each course page")
    site.add_argument("--zip", nargs="?", const="", metavar="FILE",
                      help="also write the site as a zip: FILE, or iwpacks-<folder name>.zip beside the folder")
    site.add_argument("--brand", metavar="PATH", help="brand folder (default: the bundled brand)")
    study = command("selfstudy", "self-study courses (HTML and SCORM 1.2) of the modules Appendix 2 says may be "
                                 "studied alone or by computer")
    study.add_argument("--out", metavar="DIR",
                       help="output folder, replaced whole (default: dist/selfstudy, or dist/selfstudy-<la-id> "
                            "with --la)")
    _add_la(study)
    study.add_argument("--module", action="append", metavar="REF",
                       help="only this module (repeatable; default: every module with a self-study course)")
    study.add_argument("--brand", metavar="PATH", help="brand folder (default: the bundled brand)")
    cache = command("cache", "the render cache: where it is and what it holds, or empty it")
    cache.add_argument("action", choices=("info", "clear"), help="info: where it is, entries and size; clear: empty it")
    cache.add_argument("--cache", metavar="DIR", help="the cache folder (default: as `iwpacks build` uses)")
    return parser


def _add_la(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--la", metavar="LA",
                        help="an overlay folder, or an LA id looked up in ./examples/la and then in the example "
                             "LAs shipped with iwpacks (northmoor, eastbrook)")
    parser.add_argument("--org", metavar="PATH", help="an organisation overlay layered over the LA's")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    for name in ("content", "quiet", "verbose"):
        setattr(args, name, getattr(args, name, None if name == "content" else False))
    try:
        with stopped_by_signals():
            return _run(args)
    except Stopped as stop:  # staging was removed on the way out; the previous pack is as it was
        print(f"stopped ({stop.name}): nothing was changed", file=sys.stderr)
        return stop.exit_code
    except ContentError as exc:
        if getattr(args, "json", False) and args.command == "validate":
            _print_json({"ok": False, "problems": [_problem(p) for p in exc.problems]})
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems)
        print(f"content: {count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        return EXIT_CONTENT
    except IwpacksError as exc:
        print(f"{exc.category}: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # e.g. `iwpacks export | head`
        return EXIT_OK
    except OSError as exc:
        print(f"io: {os_error_line(exc)}", file=sys.stderr)
        return EXIT_IO


def _run(args: argparse.Namespace) -> int:
    from iwpacks.source.load import load_programme

    if args.command == "check":
        return _check(args)
    if args.command == "cache":
        return _cache(args)
    if args.command == "national":
        from iwpacks.cli.national import run as national

        return national(args, _cache_dir(args))
    if args.command == "distribution":
        from iwpacks.cli.distribution import run as distribution

        return distribution(args)
    if args.command == "preview":
        from iwpacks.pack.preview import build_preview

        page = build_preview(args.pack, progress=progress_printer() if show_progress(args) else None)
        _say(args, f"wrote {page}")
        return EXIT_OK
    if args.command == "evaluation":
        from iwpacks.cli.evaluation import summarise_returns

        for path in summarise_returns(_localised(load_programme(args.content), args), args.returns, args.out):
            _say(args, f"wrote {path}")
        return EXIT_OK
    if args.command == "validate":
        from iwpacks.source.validate import audience_warnings

        from iwpacks.renderers._diagram_layout import fit_warnings
        from iwpacks.source.brand import load_brand

        programme = load_programme(args.path or args.content)
        warnings = audience_warnings(programme) + fit_warnings(programme.modules.values(),
                                                               load_brand(getattr(args, "brand", None)))
        if args.json:
            _print_json({"ok": True, "modules": len(programme.modules), "courses": len(programme.courses),
                         "version": programme.version, "problems": [], "warnings": warnings})
        else:
            for warning in warnings:
                print(f"warning: {warning}", file=sys.stderr)
            _say(args, f"ok: {len(programme.modules)} modules, {len(programme.courses)} courses "
                       f"(content version {programme.version})"
                       + (f", {len(warnings)} warning{'s' if len(warnings) != 1 else ''}" if warnings else ""))
        return EXIT_OK
    programme = load_programme(args.content)
    if args.command == "list":
        _list(programme, args.what, args.json)
    elif args.command == "show":
        _show(programme, args.id, args.json)
    elif args.command == "export":
        from iwpacks.pack.export import export_programme

        json.dump(export_programme(programme), sys.stdout, indent=2, ensure_ascii=False)
        print()
    elif args.command == "build":
        _build(programme, args)
    elif args.command == "site":
        _site(programme, args)
    elif args.command == "selfstudy":
        _selfstudy(programme, args)
    elif args.command == "localisation-report":
        _localisation_report(programme, args)
    elif args.command == "routes":
        _routes(programme, args.audience, args.json)
    return EXIT_OK


def _say(args: argparse.Namespace, line: str) -> None:
    if not args.quiet:
        print(line)


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    print()


def _problem(problem: Any) -> dict:
    return {"file": problem.file, "line": problem.line, "path": problem.path, "message": problem.message}


def _check(args: argparse.Namespace) -> int:
    import functools
    from pathlib import Path

    from iwpacks.pack.check import check_pack
    from iwpacks.source.brand import load_brand

    def content_glossary() -> list[str]:  # a partial pack's files have no glossary.docx beside them
        from iwpacks.source.load import load_programme

        return [t.term for t in load_programme(args.content).glossary]

    findings = check_pack(Path(args.pack), load_brand(args.brand), content_glossary=functools.cache(content_glossary))
    errors = sum(1 for f in findings if f.severity == "error")
    if args.json:
        _print_json({"pack": args.pack, "errors": errors, "warnings": len(findings) - errors,
                     "findings": [{"severity": f.severity, "file": f.file, "message": f.message} for f in findings]})
    else:
        for finding in findings:
            if finding.severity == "error" or not args.quiet:
                print(finding, file=sys.stderr)
        _say(args, f"check: {errors} error{'s' if errors != 1 else ''}, {len(findings) - errors} warnings "
                   f"in {args.pack}")
    return EXIT_CHECK if errors else EXIT_OK


def _localised(programme, args: argparse.Namespace):
    if args.la is None:
        if args.org is not None:
            raise UsageError("--org needs --la: an organisation overlay layers over its LA's overlay")
        return programme
    from iwpacks.overlay.layers import apply_overlay, load_overlay

    return apply_overlay(programme, load_overlay(programme, args.la, args.org))


def _localisation_report(programme, args: argparse.Namespace) -> None:
    from iwpacks.pack.build import select_courses
    from iwpacks.planning.slot_report import report_text, slot_uses

    programme = _localised(programme, args)
    uses = slot_uses(programme, select_courses(programme, args.course, True))
    if args.json:
        local = programme.localisation
        _print_json({"overlay": local.id if local else None,
                     "uses": [{"course": u.course, "slot": u.slot, "label": u.label, "filled": u.filled}
                              for u in uses]})
    else:
        print(report_text(programme, uses))


LARGEST_GROUP = 500  # attendees of one course: beyond it, a mistyped number rather than a group


def _attendees(value: str | None, brand: Brand) -> tuple[int | None, tuple[str, ...]]:
    """`--attendees`: a number is how many attend; anything else is the CSV file of their names, each checked
    to print in the brand's fonts."""
    from functools import partial
    from pathlib import Path

    from iwpacks.renderers.certificate import unprintable
    from iwpacks.source.read_attendees import read_attendees

    if not value:
        return None, ()
    if value.strip().isdigit():
        count = int(value)
        if not 1 <= count <= LARGEST_GROUP:
            raise UsageError(f"--attendees {value}: expected a number of attendees from 1 to {LARGEST_GROUP}, "
                             "or a CSV file of their names")
        return count, ()
    return None, read_attendees(Path(value), partial(unprintable, brand))


def _build(programme, args: argparse.Namespace) -> None:
    import os
    from pathlib import Path

    from iwpacks.pack.build import build_pack
    from iwpacks.source.brand import load_brand

    programme = _localised(programme, args)
    local = programme.localisation
    out = Path(args.out) if args.out else Path("dist") / (_pack_name(local, args.org) if local else "master")
    zip_to = None
    if args.zip is not None:
        zip_to = Path(args.zip) if args.zip else out.parent / f"iwpacks-{out.name}.zip"
    elif local is not None and not args.out:  # `make pack LA=...`: the folder and its zip, both under dist/
        zip_to = out.parent / f"iwpacks-{out.name}.zip"
    jobs = args.jobs or os.cpu_count() or 1
    brand = load_brand(args.brand)
    group_size, attendees = _attendees(args.attendees, brand)
    result = build_pack(programme, brand, out, args.course, allow_draft=args.allow_draft,
                        zip_path=zip_to, artefacts=args.artefact, jobs=jobs, strict=args.strict,
                        progress=progress_printer() if show_progress(args) else None, release=args.release,
                        attendees=attendees, group_size=group_size, cache=_cache_dir(args))
    if not args.quiet:
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        if result.draft_material and (args.release or local is not None):
            # Trainers' texts never say so, so the one who hands the pack on must hear it here.
            print(f"warning: this release pack holds material not yet reviewed ({', '.join(result.draft_material)}"
                  "): see material_status in manifest.json before it is used", file=sys.stderr)
    extra = f" and {result.zip_path}" if result.zip_path else ""
    how = f" ({len(result.rendered)} rendered, {len(result.cached)} from the cache)" if result.cached else ""
    _say(args, f"built {len(result.courses)} course{'s' if len(result.courses) != 1 else ''}{how}, "
               f"{len(result.files)} files into {result.folder}{extra}")


def _site(programme, args: argparse.Namespace) -> None:
    from pathlib import Path

    from iwpacks.site import build_site
    from iwpacks.source.brand import load_brand

    programme = _localised(programme, args)
    local = programme.localisation
    out = Path(args.out) if args.out else Path("dist") / ("site-" + _pack_name(local, args.org) if local else "site")
    zip_to = None if args.zip is None else Path(args.zip) if args.zip else out.parent / f"iwpacks-{out.name}.zip"
    result = build_site(programme, load_brand(args.brand), out, pack=Path(args.pack) if args.pack else None,
                        zip_path=zip_to)
    extra = f" and {result.zip_path}" if result.zip_path else ""
    _say(args, f"wrote the site of {len(result.courses)} course{'s' if len(result.courses) != 1 else ''}, "
               f"{len(result.files)} files into {result.folder}{extra}")


def _selfstudy(programme, args: argparse.Namespace) -> None:
    from pathlib import Path

    from iwpacks.selfstudy import build_selfstudy, scorm_name
    from iwpacks.source.brand import load_brand

    programme = _localised(programme, args)
    local = programme.localisation
    out = (Path(args.out) if args.out else
           Path("dist") / ("selfstudy-" + _pack_name(local, args.org) if local else "selfstudy"))
    result = build_selfstudy(programme, load_brand(args.brand), out, args.module)
    _say(args, f"wrote {len(result.modules)} self-study course{'s' if len(result.modules) != 1 else ''} into "
               f"{result.folder}: " + ", ".join(f"{ref}/index.html and {scorm_name(ref)}" for ref in result.modules))


def _cache_dir(args: argparse.Namespace):
    """The render cache folder: --cache, else the default; None with --no-cache."""
    from pathlib import Path

    from iwpacks.pack.cache import default_dir

    if getattr(args, "no_cache", False):
        return None
    return Path(args.cache) if args.cache else default_dir()


def _cache(args: argparse.Namespace) -> int:
    from iwpacks.pack.cache import RenderCache

    store = RenderCache(_cache_dir(args))
    if args.action == "clear":
        count = store.clear()
        _say(args, f"cleared {count} entr{'ies' if count != 1 else 'y'} from {store.folder}")
    else:
        count = len(store.entries())
        _say(args, f"{store.folder}: {count} entr{'ies' if count != 1 else 'y'}, {store.size() / 1e6:.1f} MB")
    return EXIT_OK


def show_progress(args: argparse.Namespace) -> bool:
    """Progress lines on a terminal, or everywhere with -v; never with -q."""
    return not args.quiet and (args.verbose or sys.stderr.isatty())


def progress_printer(line: Callable[[Any], str] = str) -> Callable[[int, int, Any], None]:
    """A callback printing one line per finished item (a course, or an LA's pack: `line` says it) on stderr,
    so stdout stays the result."""
    import time

    start = time.monotonic()

    def progress(done: int, total: int, item: Any) -> None:
        print(f"[{done}/{total}] {line(item)} ({time.monotonic() - start:.1f} s)", file=sys.stderr, flush=True)
    return progress


def _pack_name(local, org: str | None) -> str:
    from pathlib import Path

    return f"{local.id}-{Path(org).resolve().name}" if org else local.id


def _list(programme, what: str, as_json: bool) -> None:
    if what == "modules":
        rows = [{"id": m.ref, "name": m.name, "status": m.status, "process": m.process}
                for m in programme.modules.values()]
        lines = [f"{m.ref:6} {m.status:8} {m.process:4} {m.name}" for m in programme.modules.values()]
    elif what == "courses":
        rows = [{"id": c.id, "title": c.title, "status": c.status, "process": c.process, "audience": c.audience}
                for c in programme.courses.values()]
        lines = [f"{c.id:28} {c.status:8} {c.title}" for c in programme.courses.values()]
    else:
        rows = [{"id": item.id, "name": item.name} for item in getattr(programme, what).values()]
        lines = [f"{item.id:22} {item.name}" for item in getattr(programme, what).values()]
    if as_json:
        _print_json(rows)
    else:
        print("\n".join(lines))


def _show(programme, ident: str, as_json: bool) -> None:
    from iwpacks.cli.describe import describe_course, describe_module

    kinds = (("module", programme.modules), ("course", programme.courses), ("audience", programme.audiences),
             ("process", programme.processes))
    for kind, records in kinds:
        if ident in records:
            record = records[ident]
            break
    else:
        from iwpacks.errors import did_you_mean

        known = [*programme.modules, *programme.courses, *programme.audiences, *programme.processes]
        raise UsageError(f'unknown id "{ident}"{did_you_mean(ident, known)}; try `iwpacks list modules` '
                         "or `iwpacks list courses`")
    if as_json:
        from iwpacks.source.convert import unstructure

        data = {"kind": kind, "record": unstructure(record)}
        if kind == "course":
            from iwpacks.planning.minutes import course_duration

            total = course_duration(programme, record)
            data["duration"] = {"min_minutes": total.min_minutes, "max_minutes": total.max_minutes}
        _print_json(data)
    elif kind == "module":
        print(describe_module(programme, record))
    elif kind == "course":
        print(describe_course(programme, record))
    else:
        print("\n".join(f"{k}: {v}" for k, v in _fields(record)))


def _routes(programme, audience: str, as_json: bool) -> None:
    from iwpacks.cli.describe import describe_route
    from iwpacks.planning.minutes import course_duration
    from iwpacks.planning.routes import training_route

    steps = training_route(programme, audience)
    if not as_json:
        print(describe_route(programme, audience, steps))
        return
    rows = []
    for step in steps:
        total = course_duration(programme, step.course)
        rows.append({"course": step.course.id, "title": step.course.title, "status": step.course.status,
                     "after": list(step.after),
                     "duration": {"min_minutes": total.min_minutes, "max_minutes": total.max_minutes}})
    _print_json({"audience": audience, "steps": rows})


def _fields(item) -> list[tuple[str, str]]:
    import attrs

    out = []
    for a in attrs.fields(type(item)):
        value = getattr(item, a.name)
        out.append((a.name, ", ".join(value) if isinstance(value, tuple) else str(value)))
    return out


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
