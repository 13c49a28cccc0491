"""Times decks and trainer guides against pandoc on the same text (issue target S1: at least 3x pandoc per document).

Run from the repository root: `python benchmarks/pandoc_bench.py [--course ID ...] [--keep DIR]`. It builds the
decks and trainer guides of the master pack with one process, no render cache and every check (build_pack with
artefacts deck and trainer-guide), then reads the words back from the built files (slide titles, bullets and
notes; the guide's headings, paragraphs and tables) as one Markdown file per document, and times pandoc turning
each into a .pptx or .docx, one pandoc process per document as a user would run it. It prints both times, the
documents counted and the ratio of iwpacks' documents per second to pandoc's, by the clock and by processor time
(the processor time of this process, and of the pandoc processes: steadier than the clock on a machine that is busy
with other work). Without pandoc on the PATH it says so and prints only the iwpacks figure. `--keep DIR` leaves the built pack and the Markdown there to look at.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout without installing

ARTEFACTS = ("deck", "trainer-guide")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--course", action="append", help="only this course (repeatable; default: every course)")
    parser.add_argument("--keep", type=Path, help="leave the pack and the Markdown in this folder")
    args = parser.parse_args()
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.keep, args.course)
        return
    with tempfile.TemporaryDirectory() as tmp:
        run(Path(tmp), args.course)


def run(folder: Path, courses: list[str] | None) -> None:
    import iwpacks
    from iwpacks.pack.build import build_pack
    from iwpacks.source.brand import load_brand

    programme = iwpacks.load_programme()
    brand = load_brand()
    pack = folder / "pack"
    start, start_cpu = time.perf_counter(), time.process_time()
    result = build_pack(programme, brand, pack, courses, artefacts=list(ARTEFACTS), jobs=1)
    ours, ours_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    documents = sorted(pack / path for path, _, _ in result.files if path.endswith((".pptx", ".docx")))
    _line("iwpacks: decks + trainer guides, checks included", ours, ours_cpu, len(documents))
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc is not installed (apt-get install pandoc): no comparison")
        return
    sources = folder / "markdown"
    sources.mkdir(exist_ok=True)
    jobs = []
    for document in documents:
        stem = f"{document.parent.name}-{document.stem}"
        text = deck_markdown(document) if document.suffix == ".pptx" else document_markdown(document)
        source = sources / f"{stem}.md"
        source.write_text(text, encoding="utf-8")
        jobs.append((source, sources / f"{stem}{document.suffix}"))
    start, start_cpu = time.perf_counter(), _children_cpu()
    for source, target in jobs:
        subprocess.run([pandoc, "--from", "markdown", "--output", str(target), str(source)], check=True)
    theirs, theirs_cpu = time.perf_counter() - start, _children_cpu() - start_cpu
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    _line(f"{version}: the same text as Markdown", theirs, theirs_cpu, len(jobs))
    # Documents per second over documents per second; both count the same documents.
    print(f"{'ratio, iwpacks over pandoc per document (target 3)':<52} {theirs / ours:8.2f}    "
          f"by processor time {theirs_cpu / ours_cpu:.2f}")


def _line(label: str, seconds: float, cpu: float, documents: int) -> None:
    print(f"{label:<52} {seconds:8.2f} s  ({cpu:.2f} s processor)  {documents} documents  "
          f"{documents / seconds:6.2f} docs/s")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def deck_markdown(path: Path) -> str:
    """A deck's words as pandoc slides: a second-level heading per slide, its paragraphs as bullets (indented by
    level), its notes in a notes block."""
    from pptx import Presentation

    lines = []
    for slide in Presentation(str(path)).slides:
        title = slide.shapes.title
        lines += [f"## {_inline(title.text_frame.text) if title is not None else ''}", ""]
        for shape in slide.shapes:
            if shape == title or not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                if paragraph.text.strip():
                    lines.append(f"{'  ' * paragraph.level}- {_inline(paragraph.text)}")
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip():
            lines += ["", "::: notes", *(_inline(p) for p in slide.notes_slide.notes_text_frame.text.split("\n")),
                      ":::"]
        lines.append("")
    return "\n".join(lines)


def document_markdown(path: Path) -> str:
    """A Word document's body in order: headings by their level, paragraphs, and tables as pipe tables."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    blocks = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, doc)
            text = _inline(paragraph.text)
            if not text:
                continue
            style = paragraph.style.name if paragraph.style is not None else ""
            level = int(style[-1]) if style.startswith("Heading ") and style[-1].isdigit() else 0
            blocks.append(f"{'#' * level} {text}" if level else text)
        elif tag == "tbl":
            rows = [[_inline(cell.text).replace("|", "\\|") for cell in row.cells] for row in Table(child, doc).rows]
            if rows:
                width = max(len(row) for row in rows)
                rows = [row + [""] * (width - len(row)) for row in rows]
                blocks.append("\n".join([_row(rows[0]), _row(["---"] * width), *(_row(row) for row in rows[1:])]))
    return "\n\n".join(blocks) + "\n"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _inline(text: str) -> str:
    """One line of text, with the characters Markdown would read as markup escaped."""
    text = " ".join(text.split())
    for char in "\\*_`[]<>#":
        text = text.replace(char, "\\" + char)
    return text


if __name__ == "__main__":
    main()
