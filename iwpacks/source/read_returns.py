"""Reads returned evaluation forms from CSV files, a row per form, every mistake located as file:line."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from iwpacks.errors import ContentError, Problem, UsageError
from iwpacks.model import EvaluationReturn, Programme

CONFIDENCE = re.compile(r"(before|after)_([1-9][0-9]?)")
TEXT_COLUMNS = ("agency", "change", "better", "date")


def read_returns(programme: Programme, paths: Sequence[Path]) -> tuple[EvaluationReturn, ...]:
    """Every row of every file, in file order; ContentError lists each bad header, course id, score or agency.

    Columns (README, "Evaluation returns"): course, before_N and after_N for the course's Nth objective, one
    column per rating (evaluation.rating_columns), agency, change, better and date; answers are 1-5 or blank.
    """
    rating_columns = programme.guide_text["evaluation.rating_columns"]
    agencies = {a.lower(): a for a in programme.guide_text["register.agency_types"]}
    out: list[EvaluationReturn] = []
    problems: list[Problem] = []
    for path in paths:
        where = str(path)
        try:
            text = Path(path).read_bytes().decode("utf-8-sig")
        except OSError as exc:
            raise UsageError(f"{path}: cannot read the returns file ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            problems.append(Problem(where, 1, "", "expected UTF-8 text (save the sheet as CSV UTF-8)"))
            continue
        rows = csv.DictReader(io.StringIO(text, newline=""))
        header = [h.strip().lower() for h in rows.fieldnames or ()]
        rows.fieldnames = header
        unknown = [h for h in header if h != "course" and h not in rating_columns and h not in TEXT_COLUMNS
                   and not CONFIDENCE.fullmatch(h)]
        if "course" not in header or unknown:
            what = f"unknown column {', '.join(repr(h) for h in unknown)}" if unknown else 'no "course" column'
            problems.append(Problem(where, 1, "", f"{what}; expected course, before_N, after_N, "
                                                  f"{', '.join(rating_columns)}, {', '.join(TEXT_COLUMNS)}"))
            continue
        for row in rows:
            line = rows.line_num
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            found = _row(programme, row, rating_columns, agencies, where, line, problems)
            if found is not None:
                out.append(found)
    if problems:
        raise ContentError(problems)
    return tuple(out)


def _row(programme: Programme, row: dict, rating_columns: Sequence[str], agencies: dict[str, str], where: str,
         line: int, problems: list[Problem]) -> EvaluationReturn | None:
    before_count = len(problems)
    course = (row.get("course") or "").strip()
    if course not in programme.courses:
        problems.append(Problem(where, line, "course", f'unknown course "{course}"; see `iwpacks list courses`'))

    def score(column: str) -> int | None:
        value = (row.get(column) or "").strip()
        if not value:
            return None
        if value not in ("1", "2", "3", "4", "5"):
            problems.append(Problem(where, line, column, f'expected a whole number from 1 to 5 or blank, found "{value}"'))
            return None
        return int(value)

    numbers = sorted({int(m[2]) for h in row if isinstance(h, str) and (m := CONFIDENCE.fullmatch(h))})
    count = max(numbers, default=0)
    before = tuple(score(f"before_{n}") for n in range(1, count + 1))
    after = tuple(score(f"after_{n}") for n in range(1, count + 1))
    ratings = tuple(score(c) for c in rating_columns)
    agency = (row.get("agency") or "").strip()
    if agency and agency.lower() not in agencies:
        problems.append(Problem(where, line, "agency", f'unknown agency type "{agency}"; expected one of '
                                                       + ", ".join(agencies.values())))
    if len(problems) > before_count:
        return None
    return EvaluationReturn(course=course, before=before, after=after, ratings=ratings,
                            agency=agencies.get(agency.lower(), ""), change=" ".join((row.get("change") or "").split()),
                            better=" ".join((row.get("better") or "").split()), file=where, line=line)
