"""`iwpacks distribution`: the register of copies sent out (4.1), reported against a pack, or added to."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

from iwpacks.errors import EXIT_CHECK, EXIT_OK, UsageError


def add_parser(command: Callable[..., argparse.ArgumentParser]) -> None:
    dist = command("distribution", "the distribution register: who holds an out-of-date pack, or record a copy "
                                   "sent", True)
    dist.add_argument("action", choices=("report", "record"),
                      help="report: each recipient's copies against a pack (or the content); record: add a copy "
                           "sent to the register")
    dist.add_argument("register", metavar="REGISTER.yaml", help="the register (format in the README)")
    dist.add_argument("--pack", metavar="DIR|ZIP",
                      help="a built pack, folder or zip: its manifest's version and courses (default: the content's)")
    dist.add_argument("--strict", action="store_true", help="with report: exit 3 if anyone holds an out-of-date copy")
    dist.add_argument("--to", metavar="NAME", help="with record: who it was sent to")
    dist.add_argument("--kind", metavar="KIND", help="with record: what kind of body, e.g. \"local authority\"")
    dist.add_argument("--route", metavar="ID", help="with record: download, request or forwarded")
    dist.add_argument("--medium", metavar="M", help="with record, for a route that names them: email or CD-ROM")
    dist.add_argument("--date", metavar="YYYY-MM-DD", help="with record: when (default: today)")
    dist.add_argument("--course", action="append", metavar="ID",
                      help="with record: only this course was sent (repeatable; default: the pack's courses)")
    dist.add_argument("--note", metavar="TEXT", help="with record: a note kept with the entry")


def run(args: argparse.Namespace) -> int:
    from iwpacks.pack.distribution import (edition_of_content, edition_of_pack, holdings, record, report_json,
                                           report_lines)
    from iwpacks.source.load import load_programme
    from iwpacks.source.read_register import read_register

    programme = load_programme(args.content)
    edition = edition_of_pack(Path(args.pack)) if args.pack else edition_of_content(programme)
    register = Path(args.register)
    if args.action == "record":
        missing = [f"--{name}" for name in ("to", "kind", "route") if not getattr(args, name)]
        if missing:
            raise UsageError(f"distribution record: {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} "
                             "required, e.g. --to \"Northmoor County Council\" --kind \"local authority\" "
                             "--route download --pack dist/master")
        entry = record(programme, register, edition, to=args.to, kind=args.kind, route=args.route,
                       medium=args.medium or "", date=args.date or "", courses=args.course or (),
                       note=args.note or "")
        if not args.quiet:
            what = ", ".join(entry.courses) if entry.courses else "the whole pack"
            print(f"recorded in {register}: {what} version {entry.version} to {entry.to}, {entry.date}")
        return EXIT_OK
    found = holdings(read_register(programme, register), edition)
    if args.json:
        from iwpacks.cli.main import _print_json

        _print_json(report_json(register, edition, found))
    elif not args.quiet:
        print("\n".join(report_lines(programme, register, edition, found)))
    return EXIT_CHECK if args.strict and any(h.outdated for h in found) else EXIT_OK
