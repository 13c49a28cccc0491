"""A Word document decided as a list of blocks, then drawn: the docx counterpart of the deck's SlideSpec.

A renderer decides what a document says (headings, paragraphs, lists, tables, local slots, room to write)
as plain frozen blocks, which tests can read without opening Word; `draw` turns them into the brand's styles.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Union

import attrs
from docx.shared import Pt

from iwpacks.renderers._docx import (
    add_heading,
    bullets,
    diagram_figure,
    keep_with_next,
    numbered,
    slot_block,
    table,
    writing_lines,
)
from iwpacks.renderers._slots import SlotText

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from iwpacks.model import Brand, Diagram


RUN_ON_HEADING_SPACE = 12  # points above a first-level heading that runs on below the text before it


@attrs.frozen
class Heading:
    text: str
    level: int
    new_page: bool | None = None  # True: start a new sheet (an exercise handed out on its own); None: as styled


@attrs.frozen
class Para:
    """A paragraph; `runs` (text, bold) pairs replace `text` where part of it is bold."""

    text: str = ""
    style: str | None = None
    keep_with_next: bool = False
    runs: tuple[tuple[str, bool], ...] = ()


@attrs.frozen
class Bullets:
    items: tuple[str, ...]
    style: str = "List Bullet"


@attrs.frozen
class Numbered:
    """A numbered list restarting at 1; `lines_after` ruled lines under each item, for answers (one count for
    every item, or a count each). `most_lines`: the most the page fitter (_sheet_fit) gives each answer from the
    room left on its page, 0 for no limit; an optional exercise's few keep it compact."""

    items: tuple[str, ...]
    lines_after: int | tuple[int, ...] = 0
    most_lines: int = 0

    def lines_under(self, index: int) -> int:
        return self.lines_after[index] if isinstance(self.lines_after, tuple) else self.lines_after


@attrs.frozen
class Lines:
    """Room to write: ruled lines, with an optional label on the first ("Your name ")."""

    count: int
    label: str = ""


@attrs.frozen
class Slot:
    """A local slot: the LA's lines, or the placeholder naming what the LA adds."""

    slot: SlotText
    label: str | None = None
    keep_with_next: bool = False


@attrs.frozen
class Grid:
    """A table in the brand's IW Table style with a repeating header row; `bold_rows` (0-based body rows) in
    bold; a `whole` table kept on one page."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    height: float | None = None
    bold_rows: tuple[int, ...] = ()
    whole: bool = False


@attrs.frozen
class Figure:
    """A content diagram, drawn as a picture the width of the text, with its alt text and caption."""

    diagram: Diagram


Block = Union[Heading, Para, Bullets, Numbered, Lines, Slot, Grid, Figure]


def draw(doc: DocumentObject, blocks: Sequence[Block], brand: Brand | None = None) -> None:
    """Add each block to the document in the template's styles; a Figure needs the brand it is drawn in."""
    for block in blocks:
        if isinstance(block, Heading):
            heading = add_heading(doc, block.text, block.level)
            if block.new_page is not None:
                heading.paragraph_format.page_break_before = block.new_page
            if block.level == 1 and block.new_page is False:  # air above it, which a page's top gives the others
                heading.paragraph_format.space_before = Pt(RUN_ON_HEADING_SPACE)
        elif isinstance(block, Para):
            _paragraph(doc, block)
        elif isinstance(block, Bullets):
            bullets(doc, block.items, style=block.style)
        elif isinstance(block, Numbered):
            _numbered(doc, block)
        elif isinstance(block, Lines):
            writing_lines(doc, block.count, label=block.label)
        elif isinstance(block, Slot):
            slot_block(doc, block.slot, label=block.label)
            if block.keep_with_next:
                keep_with_next(doc.paragraphs[-1])
        elif isinstance(block, Grid):
            table(doc, block.header, block.rows, widths=block.widths, height=block.height, bold_rows=block.bold_rows,
                  whole=block.whole)
        elif isinstance(block, Figure):
            assert brand is not None, "a figure is drawn in a brand"
            diagram_figure(doc, block.diagram, brand)


def _paragraph(doc: DocumentObject, block: Para) -> None:
    if block.runs:
        paragraph = doc.add_paragraph(style=block.style)
        for text, bold in block.runs:
            run = paragraph.add_run(text)
            if bold:  # setting bold=None would still write an empty w:rPr
                run.bold = True
    else:
        paragraph = doc.add_paragraph(block.text, style=block.style)
    if block.keep_with_next:
        keep_with_next(paragraph)


def _numbered(doc: DocumentObject, block: Numbered) -> None:
    if not block.lines_after:
        numbered(doc, block.items)
        return

    counts = (block.lines_under(i) for i in range(len(block.items)))

    def room_to_write(item) -> None:  # the item stays with its lines, with a little air above it
        keep_with_next(item).paragraph_format.space_before = Pt(10)
        writing_lines(doc, next(counts))

    numbered(doc, block.items, after_each=room_to_write)
