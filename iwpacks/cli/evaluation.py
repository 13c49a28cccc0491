"""`iwpacks evaluation summarise`: returned forms in, a summary PDF per course out."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from iwpacks.model import Programme
from iwpacks.planning.evaluation import summarise
from iwpacks.renderers.evaluation_summary import render_summary
from iwpacks.source.brand import load_brand
from iwpacks.source.read_returns import read_returns


def summarise_returns(programme: Programme, files: Sequence[str], out: str) -> list[Path]:
    """Read every file, then write `<course-id>-evaluation-summary.pdf` per course into `out`; nothing is
    written if any row is wrong (ContentError lists them all)."""
    summaries = summarise(programme, read_returns(programme, [Path(f) for f in files]))
    brand = load_brand(None)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for summary in summaries:
        path = folder / f"{summary.plan.course.id}-evaluation-summary.pdf"
        path.write_bytes(render_summary(summary, brand))
        written.append(path)
    return written
