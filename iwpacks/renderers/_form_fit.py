"""Estimates the pages a course form takes (a Word document of paragraphs, tables and ruled lines), so a form
can size its room to write to fit two pages rather than spill a few lines onto a third.

The form is measured as drawn, paragraph by paragraph and row by row, in the template's styles, the way
_sheet_fit measures a sheet: each paragraph's lines wrapped with the brand font's widths, a run kept together
(keep-with-next, a table's rows) moved to the next page whole.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import attrs
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from iwpacks.renderers._sheet_fit import (
    _BODY,
    _HEADINGS,
    LINE_HEIGHT,
    PAGE_POINTS,
    WRITING_LINE,
    _height,
    _pages,
    _paragraph,
    _Style,
    _Unit,
    text_lines,
)

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

EMU_PER_POINT = 12700
# The template's styles (tools/make_document_template.py) a form uses, in points; a heading's rule is in its
# space after.
_STYLES = {
    "Normal": _BODY,
    "Title": _Style(30, spacing=1.0, before=60, after=12 + 5),
    "Subtitle": _Style(16, after=18),
    "Cover Detail": _Style(12, after=4),
    "Caption": _Style(9, before=3, after=10),
    "Heading 1": _HEADINGS[1],
    "Heading 2": _HEADINGS[2],
    "Heading 3": _HEADINGS[3],
    "Heading 4": _HEADINGS[4],
}
LAST_PAGE_FULL = 0.9  # of the text height: an estimate a line or two out still does not spill a page
CELL_TEXT = 9.5      # Table Text and Table Heading
CELL_PADDING = 1 + 1 + 2.85 + 2.85 + 0.5  # the text's space before and after, the cell's margins, the rule
CELL_SIDES = 8.5     # the cell's left and right margins together


def fit_answer_lines(build: Callable[[int], DocumentObject], least: int, most: int) -> tuple[DocumentObject, int]:
    """The form `build` draws with `lines` ruled lines under each question, from `least` to `most`: as few
    pages as any count gives, and of those counts the largest that leaves the last page no fuller than
    LAST_PAGE_FULL (the estimate keeps a little in hand), else the largest. So a form fits two pages where
    it can, and its last page is filled with room to write rather than left with a few lines. With the
    count it was drawn with."""
    drawn = {lines: build(lines) for lines in range(least, most + 1)}
    estimates = {lines: form_estimate(doc) for lines, doc in drawn.items()}
    fewest = min(pages for pages, _ in estimates.values())
    fitting = [lines for lines, (pages, _) in estimates.items() if pages == fewest]
    roomy = [lines for lines in fitting if estimates[lines][1] <= LAST_PAGE_FULL]
    lines = max(roomy or fitting)
    return drawn[lines], lines


def form_estimate(doc: DocumentObject) -> tuple[int, float]:
    """The pages the form takes by the estimate, and how full its last page is (0-1)."""
    pages = _pages(list(_units(doc)))
    return len(pages), _height(pages[-1], first_page=len(pages) == 1) / PAGE_POINTS


def _units(doc: DocumentObject) -> Iterator[_Unit]:
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield _paragraph_unit(Paragraph(child, doc))
        elif child.tag == qn("w:tbl"):
            yield from _row_units(Table(child, doc))


def _paragraph_unit(paragraph: Paragraph) -> _Unit:
    """One paragraph: a ruled line, a line of pictures (the logos), or text in its style."""
    fmt = paragraph.paragraph_format
    name = paragraph.style.name if paragraph.style is not None else "Normal"
    keep = bool(fmt.keep_with_next) or name.startswith("Heading")
    if name == "Writing Line":
        return _Unit(WRITING_LINE, keep)
    extents = paragraph._p.xpath(".//wp:extent")
    if extents:
        return _Unit(max(int(e.get("cy")) for e in extents) / EMU_PER_POINT, keep, after=_BODY.after)
    style = _STYLES.get(name, _BODY)
    sizes = {run.font.size.pt for run in paragraph.runs if run.font.size is not None}
    if sizes:  # set on the runs (a form's questions)
        style = attrs.evolve(style, size=max(sizes))
    unit = _paragraph(paragraph.text, style, keep)
    before = style.before if fmt.space_before is None else fmt.space_before.pt
    after = style.after if fmt.space_after is None else fmt.space_after.pt
    return _Unit(unit.points, keep, before=before, after=after)


def _row_units(table: Table) -> Iterator[_Unit]:
    """Each row, as tall as its fullest cell, kept with the next where its paragraphs are (_docx.table keeps
    the header with the first rows, the last rows together, or a whole table)."""
    for index, row in enumerate(table.rows):
        lines = max(text_lines(cell.text, CELL_TEXT, _width(cell) - CELL_SIDES, bold=index == 0)
                    for cell in row.cells)
        keep = any(p.paragraph_format.keep_with_next for cell in row.cells for p in cell.paragraphs)
        yield _Unit(lines * CELL_TEXT * LINE_HEIGHT + CELL_PADDING, keep)


def _width(cell: object) -> float:
    width = getattr(cell, "width", None)
    return width / EMU_PER_POINT if width else 100.0

