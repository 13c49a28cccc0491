"""The iwpacks command line: thin argument parsing over the library."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .errors import ContentError, IwpacksError, UsageError

LISTABLE = ("modules", "courses", "audiences", "processes")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="iwpacks", description="Build integrated working trainer packs.")
    parser.add_argument("--content", metavar="PATH", help="content folder (default: the bundled content)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    v = sub.add_parser("validate", help="check a content folder and report every problem")
    v.add_argument("path", nargs="?", help="content folder (default: --content or the bundled content)")
    ls = sub.add_parser("list", help="list modules, courses, audiences or processes")
    ls.add_argument("what", choices=LISTABLE)
    show = sub.add_parser("show", help="describe a module, course, audience or process")
    show.add_argument("id")
    sub.add_parser("export", help="write the whole model as JSON on stdout")
    routes = sub.add_parser("routes", help="the suggested training route for an audience")
    routes.add_argument("audience")
    check = sub.add_parser("check", help="accessibility checks on a built pack folder or zip")
    check.add_argument("pack")
    check.add_argument("--brand", metavar="PATH", help="brand folder whose colour pairs to check (default: bundled)")
    preview = sub.add_parser("preview", help="thumbnails of every slide and page in PACK/preview.html")
    preview.add_argument("pack")
    report = sub.add_parser("localisation-report", help="per course, the local slots used, filled and missing")
    report.add_argument("--la", metavar="LA", help="an LA id or overlay folder (default: the master pack)")
    report.add_argument("--org", metavar="PATH", help="an organisation overlay layered over the LA's")
    report.add_argument("--course", action="append", metavar="ID", help="only this course (repeatable)")
    build = sub.add_parser("build", help="build trainer packs (default: every course that is not pending)")
    build.add_argument("--course", action="append", metavar="ID", help="build only this course (repeatable)")
    build.add_argument("--out", metavar="DIR", help="output folder (default: dist/master, or dist/<la-id> with --la)")
    build.add_argument("--la", metavar="LA", help="localise for this LA: an id from examples/la, or an overlay folder")
    build.add_argument("--org", metavar="PATH", help="an organisation overlay layered over the LA's")
    build.add_argument("--strict", action="store_true", help="fail if a slot the courses use is empty")
    build.add_argument("--zip", action="store_true", help="also write the pack as iwpacks-<name>.zip beside it")
    build.add_argument("--allow-draft", action="store_true", help="build pending courses, marked DRAFT")
    build.add_argument("--artefact", action="append", metavar="NAME",
                       help="build only this artefact: deck, handouts, course-specification, trainer-guide, "
                            "course-outline (repeatable)")
    build.add_argument("--brand", metavar="PATH", help="brand folder (default: the bundled brand)")
    build.add_argument("--jobs", type=int, default=0, metavar="N", help="parallel workers (default: all cores)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems)
        print(f"content: {count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        return 1
    except IwpacksError as exc:
        print(f"{exc.category}: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `iwpacks export | head`
        return 0


def _run(args: argparse.Namespace) -> int:
    from .loading import load_programme

    if args.command == "check":
        return _check(args)
    if args.command == "preview":
        from .preview import build_preview

        print(f"wrote {build_preview(args.pack)}")
        return 0
    if args.command == "validate":
        programme = load_programme(args.path or args.content)
        print(f"ok: {len(programme.modules)} modules, {len(programme.courses)} courses "
              f"(content version {programme.version})")
        return 0
    programme = load_programme(args.content)
    if args.command == "list":
        _list(programme, args.what)
    elif args.command == "show":
        print(_show(programme, args.id))
    elif args.command == "export":
        from .export import export_programme

        json.dump(export_programme(programme), sys.stdout, indent=2, ensure_ascii=False)
        print()
    elif args.command == "build":
        _build(programme, args)
    elif args.command == "localisation-report":
        from .localise import report_text, slot_uses
        from .pack import select_courses

        programme = _localised(programme, args)
        print(report_text(programme, slot_uses(programme, select_courses(programme, args.course, True))))
    elif args.command == "routes":
        from .describe import describe_route
        from .routes import training_route

        print(describe_route(programme, args.audience, training_route(programme, args.audience)))
    return 0


def _check(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .brand import load_brand
    from .check import check_pack

    findings = check_pack(Path(args.pack), load_brand(args.brand))
    for finding in findings:
        print(finding, file=sys.stderr)
    errors = sum(1 for f in findings if f.severity == "error")
    print(f"check: {errors} error{'s' if errors != 1 else ''}, {len(findings) - errors} warnings in {args.pack}")
    return 1 if errors else 0


def _localised(programme, args: argparse.Namespace):
    if args.la is None:
        if args.org is not None:
            raise UsageError("--org needs --la: an organisation overlay layers over its LA's overlay")
        return programme
    from .overlay import apply_overlay, load_localisation

    return apply_overlay(programme, load_localisation(programme, args.la, args.org))


def _build(programme, args: argparse.Namespace) -> None:
    import os
    from pathlib import Path

    from .brand import load_brand
    from .pack import build_pack

    programme = _localised(programme, args)
    local = programme.localisation
    out = Path(args.out) if args.out else Path("dist") / (_pack_name(local, args.org) if local else "master")
    jobs = args.jobs or os.cpu_count() or 1
    result = build_pack(programme, load_brand(args.brand), out, args.course, allow_draft=args.allow_draft,
                        make_zip=args.zip or local is not None, artefacts=args.artefact, jobs=jobs,
                        strict=args.strict)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    extra = f" and {result.zip_path}" if result.zip_path else ""
    print(f"built {len(result.courses)} course{'s' if len(result.courses) != 1 else ''}, "
          f"{len(result.files)} files into {result.folder}{extra}")


def _pack_name(local, org: str | None) -> str:
    from pathlib import Path

    return f"{local.id}-{Path(org).resolve().name}" if org else local.id


def _list(programme, what: str) -> None:
    if what == "modules":
        for m in programme.modules.values():
            print(f"{m.ref:6} {m.status:8} {m.process:4} {m.name}")
    elif what == "courses":
        for c in programme.courses.values():
            print(f"{c.id:28} {c.status:8} {c.title}")
    else:
        for item in getattr(programme, what).values():
            print(f"{item.id:22} {item.name}")


def _show(programme, ident: str) -> str:
    from .describe import describe_course, describe_module

    if ident in programme.modules:
        return describe_module(programme, programme.modules[ident])
    if ident in programme.courses:
        return describe_course(programme, programme.courses[ident])
    for kind in ("audiences", "processes"):
        if ident in getattr(programme, kind):
            item = getattr(programme, kind)[ident]
            return "\n".join(f"{k}: {v}" for k, v in _fields(item))
    from ._fields import did_you_mean

    known = [*programme.modules, *programme.courses, *programme.audiences, *programme.processes]
    raise UsageError(f'unknown id "{ident}"{did_you_mean(ident, known)}; try `iwpacks list modules` '
                     "or `iwpacks list courses`")


def _fields(item) -> list[tuple[str, str]]:
    import attrs

    out = []
    for a in attrs.fields(type(item)):
        value = getattr(item, a.name)
        out.append((a.name, ", ".join(value) if isinstance(value, tuple) else str(value)))
    return out


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
