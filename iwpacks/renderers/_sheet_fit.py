"""Sizes the room to write on each sheet of a document (an exercise, a form to fill in) so it fills whole pages.

A sheet starts a page and runs to the next sheet. Its writing lines are sized here, before it is drawn, from
an estimate of how Word and LibreOffice lay it out: each paragraph's lines wrapped with the brand font's
widths (Liberation Sans has Helvetica's metrics, which ReportLab knows) in the template's sizes and spacing.
A sheet that spills over shrinks its answer space where that keeps it to one page; one that needs two pages
or more shares each page's leftover room among the answers on that page, so no page is left half blank. An
exercise that fits one page gives its questions the room left there too, to fill it, an optional exercise's
only up to a few lines each (its Numbered's `most_lines`); a one-page form's lines stay as the sheet asks.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs
from reportlab.pdfbase.pdfmetrics import stringWidth

from iwpacks.renderers._doc_blocks import (
    RUN_ON_HEADING_SPACE,
    Block,
    Bullets,
    Figure,
    Grid,
    Heading,
    Lines,
    Numbered,
    Para,
    Slot,
)

if TYPE_CHECKING:
    from iwpacks.model import Diagram

# The page: A4 with the template's 2 cm margins is 728 points of text height (the footer sits in the margin),
# of which LibreOffice filled 718 to 720 on the rendered sheets; the estimate was within a point or two of
# where it put each paragraph, and a few points more are kept in hand.
PAGE_POINTS = 712
TEXT_WIDTH = 481.9     # 17 cm
WRITING_LINE = 24      # the Writing Line style: exactly 24 points
LINE_HEIGHT = 1.149    # Liberation Sans: ascent plus descent, per point of size
ANSWER_SPACE_BEFORE = 10  # the air above a question that has lines under it (_doc_blocks)
MIN_ANSWER_LINES = 2  # under a question
MIN_COMPACT_LINES = 1  # under a question of an optional exercise (one with `most_lines`), to keep it to one page
MIN_FORM_LINES = 1    # under a form's prompt, only to keep its sheet's closing note off a page of its own


@attrs.frozen
class _Style:
    """What the template (tools/make_document_template.py) gives a style, in points."""

    size: float
    spacing: float = 1.1   # w:line 264 of 240
    before: float = 0
    after: float = 6
    indent: float = 0      # left and right indents together
    bold: bool = False


_BODY = _Style(10.5)
_STYLES = {
    None: _BODY,
    "Caption": _Style(9, before=3, after=10),
    "Panel": _Style(10.5, indent=20, after=6),
    "List Bullet": _Style(10.5, after=3, indent=18),
    "List Number": _Style(10.5, after=3, indent=18),
    "Cover Detail": _Style(12, after=4),
    "Title": _Style(30, spacing=1.0, before=60, after=12 + 2.25 + 8, bold=True),  # with its rule below
    "Subtitle": _Style(16, after=18),
    "Local Slot": _Style(10.5, after=3, indent=22),  # its left rule and the space inside it count as indent
}
# A table's row (the IW Table style): its cells' Table Text, 9.5 points on single lines with a point above and
# below, inside cell margins of 2.85 points top and bottom and 4.25 each side, and its rule.
_CELL = _Style(9.5, spacing=1.0, before=1, after=1)
_CELL_MARGINS = 2 * 2.85 + 0.5
_CELL_SIDES = 2 * 4.25
_CM = 72 / 2.54
_HEADINGS = {
    1: _Style(20, spacing=1.0, after=10 + 5, bold=True),  # with its rule below
    2: _Style(14, spacing=1.0, before=16, after=6, bold=True),
    3: _Style(12, spacing=1.0, before=12, after=4, bold=True),
    4: _Style(10.5, spacing=1.0, before=10, after=3, bold=True),
}


# A page is laid out again for each way of placing a block, and courses share modules: each text is measured once.
@functools.lru_cache(maxsize=8192)
def text_lines(text: str, size: float, width: float, bold: bool = False) -> int:
    """How many lines `text` wraps to at `size` points in `width` points (greedy, at spaces)."""
    font = "Helvetica-Bold" if bold else "Helvetica"
    space = stringWidth(" ", font, size)
    lines = 0
    for part in text.split("\n"):
        lines += 1
        used = 0.0
        for word in part.split():
            w = stringWidth(word, font, size)
            if used and used + space + w > width:
                lines += 1
                used = w
            else:
                used += (space if used else 0) + w
    return max(1, lines)


@attrs.frozen
class _Unit:
    """One paragraph, or one run of writing lines, as the page sees it: its own depth and the space it asks
    for above and below (LibreOffice puts the larger of one paragraph's space below and the next one's above
    between them, as measured on the rendered sheets)."""

    points: float
    keep_with_next: bool
    answer: int | None = None  # the index of the answer space it is, among the sheet's
    before: float = 0
    after: float = 0


def _paragraph(text: str, style: _Style, keep_with_next: bool, before: float | None = None) -> _Unit:
    lines = text_lines(text, style.size, TEXT_WIDTH - style.indent, style.bold)
    return _Unit(lines * style.size * LINE_HEIGHT * style.spacing, keep_with_next,
                 before=style.before if before is None else before, after=style.after)


@attrs.frozen
class _Answer:
    """Room to write that can grow, or shrink to `least` lines to keep its sheet to one page (a question's) and
    to `floor` to keep text after it off a page of its own (a form's lines, which are as the sheet asks)."""

    lines: int
    least: int
    floor: int
    grows: bool = True   # takes a share of a page's leftover room where its sheet runs over
    fills: bool = False  # takes the leftover room of a one-page sheet too (an exercise's question)
    most: int = 0        # the most lines it grows to, 0 for no limit (an optional exercise's question)


_MEASURED = (Para, Heading, Bullets, Numbered, Lines, Grid)  # figures and slots are not


FigureDepth = Callable[["Diagram"], float]


def fit_sheets(blocks: Sequence[Block], figure_depth: FigureDepth | None = None) -> list[Block]:
    """The blocks with the writing lines of each sheet sized to whole pages (sheets it cannot measure, those
    with slots, or figures where `figure_depth` does not say how deep they are, are left as they are)."""
    out: list[Block] = []
    for sheet in _sheets(blocks):
        out += fit_sheet(sheet, figure_depth)
    return out


def fit_sheet(sheet: Sequence[Block], figure_depth: FigureDepth | None = None) -> list[Block]:
    """One sheet's blocks, its answer spaces sized: one page if they fit it at their least, the room left on it
    to its questions, else each page's leftover room shared among the answers on it. A sheet with a figure
    (a reference sheet's diagram) is measured with `figure_depth`, else left as it is."""
    if not _measurable(sheet, figure_depth is not None) or not _answers(sheet):
        return list(sheet)
    answers = _answers(sheet)
    if _page_count(sheet, [a.lines for a in answers], figure_depth) == 1:
        return _with_lines(sheet, _shared_out(sheet, [a.lines for a in answers], answers, True, figure_depth))
    for lines in range(max(a.lines for a in answers) - 1, min(a.least for a in answers) - 1, -1):
        shrunk = [max(a.least, min(a.lines, lines)) for a in answers]
        if _page_count(sheet, shrunk, figure_depth) == 1:  # and what a line less each left to those that fill
            return _with_lines(sheet, _shared_out(sheet, shrunk, answers, True, figure_depth))
    kept = _no_bare_last_page(sheet, answers, figure_depth)
    return _with_lines(sheet, _shared_out(sheet, kept, answers, False, figure_depth))


def sheet_pages(sheet: Sequence[Block], figure_depth: FigureDepth | None = None) -> int:
    """The pages a sheet takes by the estimate, as drawn."""
    return _page_count(sheet, [a.lines for a in _answers(sheet)], figure_depth)


def _sheets(blocks: Sequence[Block]) -> list[list[Block]]:
    """Blocks cut where a page starts; the first run, under the cover, does not start one and is never fitted."""
    sheets: list[list[Block]] = [[]]
    for block in blocks:
        if _is_page_start(block) and sheets[-1]:
            sheets.append([])
        sheets[-1].append(block)
    return sheets


def _is_page_start(block: Block) -> bool:
    """A heading that starts a page: one marked so, or a Heading 1, which the template starts on one."""
    return isinstance(block, Heading) and bool(block.new_page or (block.new_page is None and block.level == 1))


def _measurable(sheet: Sequence[Block], figures: bool = False) -> bool:
    kinds = (*_MEASURED, Figure) if figures else _MEASURED
    return bool(sheet) and _is_page_start(sheet[0]) and all(isinstance(b, kinds) for b in sheet)


def _answers(sheet: Sequence[Block]) -> list[_Answer]:
    answers: list[_Answer] = []
    for block in sheet:
        if isinstance(block, Numbered) and block.lines_after:
            least = MIN_COMPACT_LINES if block.most_lines else MIN_ANSWER_LINES
            answers += [_Answer(block.lines_under(i), least, least, fills=True, most=block.most_lines)
                        for i in range(len(block.items))]
        elif isinstance(block, Lines) and not block.label:
            answers.append(_Answer(block.count, block.count, min(block.count, MIN_FORM_LINES)))
    return answers


def page_depths(blocks: Sequence[Block], figure_depth: FigureDepth,
                room: float = PAGE_POINTS) -> list[float] | None:
    """How deep each page of `blocks` is by the estimate, in points, where the first block opens a page and
    a page holds `room` points; figures are as deep as `figure_depth` says, with their caption below. None
    where a block is not measured."""
    if not blocks or not all(isinstance(b, (*_MEASURED, Figure, Slot)) for b in blocks):
        return None
    units = _units(blocks, [a.lines for a in _answers(blocks)], figure_depth)
    return [_height(page, first_page=n == 0) for n, page in enumerate(_pages(units, room, room))]


def _units(sheet: Sequence[Block], lines: Sequence[int], figure_depth: FigureDepth | None = None) -> list[_Unit]:
    """The sheet as the paragraphs and line runs a page holds, with `lines` in its answer spaces in turn."""
    units: list[_Unit] = []
    answer = iter(range(len(lines)))
    for block in sheet:
        if isinstance(block, Figure) and figure_depth is not None:
            # The picture's paragraph stays with its caption (_docx.diagram_figure), in the body's spacing.
            units += [_Unit(figure_depth(block.diagram), True, after=_BODY.after),
                      _paragraph(f"Figure: {block.diagram.title}", _STYLES["Caption"], False)]
        elif isinstance(block, Grid):
            units += _grid(block)
        elif isinstance(block, Slot):  # its label and lines kept together (_docx.slot_block)
            if block.label:
                units.append(_paragraph(block.label, attrs.evolve(_BODY, bold=True), True))
            texts = block.slot.lines
            units += [_paragraph(t, _STYLES["Local Slot"], n < len(texts) or block.keep_with_next)
                      for n, t in enumerate(texts, 1)]
        elif isinstance(block, Heading):
            runs_on = block.level == 1 and block.new_page is False
            units.append(_paragraph(block.text, _HEADINGS[block.level], True, RUN_ON_HEADING_SPACE if runs_on else None))
        elif isinstance(block, Para):
            text = block.text or "".join(t for t, _ in block.runs)
            units.append(_paragraph(text, _STYLES.get(block.style, _BODY), block.keep_with_next))
        elif isinstance(block, Bullets):
            units += [_paragraph(i, _STYLES["List Bullet"], False) for i in block.items]
        elif isinstance(block, Numbered):
            for item in block.items:
                if block.lines_after:
                    n = next(answer)
                    units.append(_paragraph(item, _STYLES["List Number"], True, before=ANSWER_SPACE_BEFORE))
                    units.append(_Unit(lines[n] * WRITING_LINE, False, n))
                else:
                    units.append(_paragraph(item, _STYLES["List Number"], False))
        elif isinstance(block, Lines):
            if block.label:  # a label that wraps takes a line more each time
                wraps = text_lines(block.label, _BODY.size, TEXT_WIDTH) - 1
                units.append(_Unit((block.count + wraps) * WRITING_LINE, False))
            else:
                n = next(answer)
                units.append(_Unit(lines[n] * WRITING_LINE, False, n))
    return units


def _grid(grid: Grid) -> list[_Unit]:
    """A table as its rows, each as deep as its deepest cell (or its set height), then the empty caption-style
    paragraph _docx.table leaves below it; a `whole` table's rows kept together."""
    units = []
    for n, cells in enumerate([grid.header, *grid.rows]):
        lines = max(text_lines(c, _CELL.size, w * _CM - _CELL_SIDES, bold=n == 0) for c, w in zip(cells, grid.widths))
        depth = lines * _CELL.size * LINE_HEIGHT + _CELL.before + _CELL.after + _CELL_MARGINS
        if n and grid.height:
            depth = max(depth, grid.height * _CM)
        units.append(_Unit(depth, n == 0 or (grid.whole and n < len(grid.rows))))
    return [*units, _paragraph("", _STYLES["Caption"], False)]


def _pages(units: Sequence[_Unit], first_room: float = PAGE_POINTS, room: float = PAGE_POINTS,
           opens_page: bool = True) -> list[list[_Unit]]:
    """The units page by page: a run kept together (keep-with-next) moves to the next page whole. The first page
    has `first_room`, the others `room`; `opens_page`: the first unit starts a page and keeps its space above."""
    runs: list[list[_Unit]] = [[]]
    for unit in units:
        runs[-1].append(unit)
        if not unit.keep_with_next:
            runs.append([])
    pages: list[list[_Unit]] = [[]]
    for run in (r for r in runs if r):
        first = len(pages) == 1
        if pages[-1] and _height([*pages[-1], *run], first_page=first and opens_page) > (first_room if first else room):
            pages.append([])
        pages[-1] += run
    return pages


def _height(units: Sequence[_Unit], first_page: bool) -> float:
    """How deep the units are on a page, from the top of the text to the last one's foot. The heading that
    starts a sheet keeps its space above (LibreOffice draws it after a page break); a paragraph that the flow
    carries to the top of a later page does not."""
    if not units:
        return 0
    gaps = (max(a.after, b.before) for a, b in zip(units, units[1:]))
    return (units[0].before if first_page else 0) + sum(u.points for u in units) + sum(gaps)


def _page_count(sheet: Sequence[Block], lines: Sequence[int], figure_depth: FigureDepth | None = None) -> int:
    return len(_pages(_units(sheet, lines, figure_depth)))


def _no_bare_last_page(sheet: Sequence[Block], answers: Sequence[_Answer],
                       figure_depth: FigureDepth | None = None) -> list[int]:
    """The answers' lines, the longest on the page before giving up one at a time (to its floor) while the last
    page would hold no answer, only the text after them (a sheet's note, alone on a page of its own)."""
    lines = [a.lines for a in answers]
    while True:
        pages = _pages(_units(sheet, lines, figure_depth))
        if len(pages) < 2 or any(u.answer is not None for u in pages[-1]):
            return lines
        giving = [u.answer for u in pages[-2] if u.answer is not None and lines[u.answer] > answers[u.answer].floor]
        if not giving:
            return lines
        lines[max(giving, key=lambda n: (lines[n], -n))] -= 1


def _shared_out(sheet: Sequence[Block], lines: Sequence[int], answers: Sequence[_Answer],
                one_page: bool = False, figure_depth: FigureDepth | None = None) -> list[int]:
    """Each page's room left over, a writing line at a time, to the answers on it that take it (on a sheet of
    `one_page`, those that fill), first ones first, each up to its most."""
    grown = list(lines)
    for number, page in enumerate(_pages(_units(sheet, lines, figure_depth))):
        on_page = [u.answer for u in page if u.answer is not None
                   and (answers[u.answer].fills if one_page else answers[u.answer].grows)]
        spare = int((PAGE_POINTS - _height(page, first_page=number == 0)) // WRITING_LINE)
        while spare > 0:
            room = [n for n in on_page if not answers[n].most or grown[n] < answers[n].most]
            for n in room[:spare]:
                grown[n] += 1
            spare -= len(room[:spare])
            if not room:
                break
    return grown


def _with_lines(sheet: Sequence[Block], lines: Sequence[int]) -> list[Block]:
    out: list[Block] = []
    answer = iter(lines)
    for block in sheet:
        if isinstance(block, Numbered) and block.lines_after:
            out.append(attrs.evolve(block, lines_after=tuple(next(answer) for _ in block.items)))
        elif isinstance(block, Lines) and not block.label:
            out.append(attrs.evolve(block, count=next(answer)))
        else:
            out.append(block)
    return out
