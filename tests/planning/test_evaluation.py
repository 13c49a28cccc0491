"""Returned evaluation forms: read with located errors, summarised per course, drawn as a one-page PDF."""
from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
from pypdf import PdfReader

from iwpacks.errors import ContentError
from iwpacks.planning.evaluation import summarise
from iwpacks.renderers.evaluation_summary import render_summary
from iwpacks.source.read_returns import read_returns

AGENCIES = ["Health", "Education and early years", "Social care", "Housing"]


def _returns(count: int = 40) -> list[dict[str, str]]:
    """Synthetic returns for caf-practitioners (8 objectives): figures a test can work out by hand."""
    rows = []
    for i in range(count):
        row = {"course": "caf-practitioners", "date": "2007-03-12"}
        for n in range(1, 9):
            row[f"before_{n}"], row[f"after_{n}"] = str(1 + (i + n) % 3), str(3 + (i + n) % 3)
        row.update(relevance=str(4 + i % 2), pace=str(3 + i % 3), trainer="5", venue="" if i % 10 == 0 else "4",
                   networking=str(2 + i % 4), agency=AGENCIES[i % 4],
                   change="Use the pre-assessment checklist" if i % 5 == 0 else "", better="")
        rows.append(row)
    return rows


def _write(path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_forty_returns_give_the_figures_worked_out_by_hand(programme, brand, tmp_path):
    path = tmp_path / "returns.csv"
    _write(path, _returns())
    (summary,) = summarise(programme, read_returns(programme, [path]))
    assert summary.returns == 40
    ratings = dict(summary.ratings)
    relevance = ratings["The course was relevant to my work"]
    assert relevance.counts == (0, 0, 0, 20, 20) and relevance.mean == 4.5
    assert ratings["The venue and arrangements helped me take part"].answered == 36  # four left it blank
    assert ratings["The pace was right: neither rushed nor slow"].counts == (0, 0, 14, 13, 13)
    assert summary.before[0].counts == (13, 14, 13, 0, 0) and summary.before[0].mean == 2.0
    assert summary.after[1].counts == (0, 0, 13, 13, 14) and summary.after[1].mean == 4.025
    assert dict(summary.agencies) == {a: 10 for a in AGENCIES}
    assert len(summary.changes) == 8
    reader = PdfReader(io.BytesIO(render_summary(summary, brand)))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "40 returned forms" in text
    assert "The course was relevant to my work 4.5 0 0 0 20 20 40" in text
    assert "The venue and arrangements helped me take part 4.0 0 0 0 36 0 36" in text
    assert "1 Understand the rationale for the CAF 2.0 4.0 40" in text
    fonts = {f for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert all("/FontFile2" in f.get_object()["/FontDescriptor"] for f in
               (x.get_object() for x in fonts)), "every font is embedded"


@pytest.mark.parametrize(("change", "message"), [
    ({"course": "caf-practioners"}, r'returns\.csv:4: course: unknown course "caf-practioners"'),
    ({"relevance": "6"}, r'returns\.csv:4: relevance: expected a whole number from 1 to 5 or blank, found "6"'),
    ({"agency": "Fire service"}, r'returns\.csv:4: agency: unknown agency type "Fire service"'),
])
def test_a_bad_row_is_located_by_file_and_line(programme, tmp_path, change, message):
    rows = _returns(5)
    rows[2].update(change)
    path = tmp_path / "returns.csv"
    _write(path, rows)
    with pytest.raises(ContentError, match=message):
        summarise(programme, read_returns(programme, [path]))


def test_an_unknown_column_or_an_objective_the_course_lacks_is_refused(programme, tmp_path):
    rows = _returns(3)
    path = tmp_path / "returns.csv"
    _write(path, [{**r, "releavnce": "4"} for r in rows])
    with pytest.raises(ContentError, match=r"returns\.csv:1: unknown column 'releavnce'"):
        read_returns(programme, [path])
    _write(path, [{**r, "before_9": "3"} for r in rows])
    with pytest.raises(ContentError, match=r"returns\.csv:2: before_9: caf-practitioners has 8 learning objectives"):
        summarise(programme, read_returns(programme, [path]))


def test_the_command_writes_a_summary_per_course(tmp_path):
    path = tmp_path / "returns.csv"
    _write(path, _returns(6))
    done = subprocess.run([sys.executable, "-m", "iwpacks", "evaluation", "summarise", str(path), "--out",
                           str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "caf-practitioners-evaluation-summary.pdf").is_file()
    rows = _returns(2)
    rows[1]["trainer"] = "five"
    _write(path, rows)
    bad = subprocess.run([sys.executable, "-m", "iwpacks", "evaluation", "summarise", str(path)], capture_output=True,
                         text=True)
    assert bad.returncode == 1 and "returns.csv:3: trainer: expected a whole number" in bad.stderr
    assert "Traceback" not in bad.stderr
