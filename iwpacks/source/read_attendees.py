"""Reads the attendees of one course from a CSV file (a `name` column), for their certificates."""
from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from iwpacks.errors import ContentError, Problem, UsageError
from iwpacks.source.fields import nfc, text_problem

NAME_COLUMN = "name"
LONGEST_NAME = 120  # characters: a certificate fits this on two lines at its smallest size
MOST_ATTENDEES = 500  # the largest group a course is printed for (`--attendees N` has the same limit)


def read_attendees(path: Path, unprintable: Callable[[str], str] | None = None) -> tuple[str, ...]:
    """The names in the file's `name` column, in file order, blank rows skipped.

    Raises UsageError if the file cannot be read, and ContentError naming file:line for a file that is not
    UTF-8, has no `name` column, or a name that is empty, too long, holds control characters or holds
    letters `unprintable` returns (those the certificate's fonts lack).
    """
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the attendees file ({exc.strerror or exc})") from None
    where = str(path)
    try:
        text = raw.decode("utf-8-sig")  # a spreadsheet's "CSV UTF-8" starts with a byte-order mark
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise ContentError([Problem(where, line, "", "expected UTF-8 text (save the sheet as CSV UTF-8)")]) from None
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, None)
    columns = [h.strip().lower() for h in header or ()]
    if NAME_COLUMN not in columns:
        found = ", ".join(repr(h) for h in (header or ())) or "nothing"
        raise ContentError([Problem(where, 1, "", f'expected a header row with a "{NAME_COLUMN}" column, found {found}')])
    at = columns.index(NAME_COLUMN)
    names: list[str] = []
    problems: list[Problem] = []
    for row in rows:
        line = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(names) + len(problems) >= MOST_ATTENDEES:  # a whole staff list, pasted: one error, found at once
            problems.append(Problem(where, line, "", f"more than {MOST_ATTENDEES} attendees; a certificate run is "
                                                     "for one course's group"))
            break
        name = nfc(" ".join(row[at].split())) if at < len(row) else ""
        problem = text_problem(name) if name else None
        if not name:
            problems.append(Problem(where, line, NAME_COLUMN, "expected a name, found an empty cell"))
        elif len(name) > LONGEST_NAME:
            problems.append(Problem(where, line, NAME_COLUMN,
                                    f"a name is at most {LONGEST_NAME} characters, found {len(name)}"))
        elif problem is not None:  # the one text policy: no control characters, noncharacters or lone surrogates
            problems.append(Problem(where, line, NAME_COLUMN, problem))
        elif unprintable is not None and (missing := unprintable(name)):
            problems.append(Problem(where, line, NAME_COLUMN, f'the certificate\'s fonts cannot print "{missing}"'))
        else:
            names.append(name)
    if problems:
        raise ContentError(problems)
    if not names:
        raise ContentError([Problem(where, 1, "", "expected at least one attendee's name")])
    return tuple(names)
