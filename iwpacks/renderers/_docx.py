"""Shared helpers for the Word artefacts; every raw OOXML edit they need lives here."""
from __future__ import annotations

import functools
import io
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

from docx import Document
from docx.oxml import OxmlElement
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.text.run import Run
from docx.shared import Cm, Mm, Pt

from iwpacks.errors import TemplateError
from iwpacks.renderers._determinism import document_bytes, fix_core_properties
from iwpacks.renderers._docx_xml import fast_paragraphs, keep_next, new_run, set_number, set_style
from iwpacks.renderers._facts import mid_sentence
from iwpacks.renderers._local import cover_identity
from iwpacks.renderers._slots import SlotText

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.table import Table, _Row
    from docx.text.paragraph import Paragraph

    from iwpacks.model import Brand, Diagram
    from iwpacks.planning.plan import CoursePlan

LOGO_WIDTH = Cm(7.0)
NBSP = "\u00a0"
# Styles the template defines; a template without one of them fails here, loudly, not in the output.
REQUIRED_STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "List Bullet",
                   "List Number", "Quote", "Caption", "Cover Detail", "Table Text", "Table Heading", "Table Note",
                   "Local Slot", "Placeholder", "Panel", "Writing Line", "IW Table")


def open_template(brand: Brand) -> DocumentObject:
    """A new document on the brand's Word template, its body emptied; TemplateError names a missing style."""
    doc = Document(str(brand.document_template))
    names = {style.name for style in doc.styles}
    missing = [name for name in REQUIRED_STYLES if name not in names]
    if missing:
        raise TemplateError(f"{brand.document_template}: the template has no style {', '.join(map(repr, missing))}; "
                            "regenerate it with tools/make_document_template.py")
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _remember_style_ids(doc)
    fast_paragraphs(doc)
    return doc


def _remember_style_ids(doc: DocumentObject) -> None:
    """Look each style name up once per document instead of once per paragraph.

    python-docx scans every style in styles.xml, twice, for each paragraph given a style by name; in a
    trainer guide of a thousand paragraphs that was two thirds of the build. The styles do not change
    while a document is written, so the answer for a (name, type) pair never changes either. The memo
    lives on this document's part only.
    """
    part = doc.part
    lookup = part.get_style_id
    known: dict = {}

    def get_style_id(style_or_name, style_type):
        key = (style_or_name if isinstance(style_or_name, str) or style_or_name is None
               else style_or_name.style_id, style_type)
        if key not in known:
            known[key] = lookup(style_or_name, style_type)
        return known[key]

    # An instance attribute shadows the class's method for this part alone. setattr, because mypy refuses
    # an assignment to a method, and shadowing the method is the point.
    setattr(part, "get_style_id", get_style_id)


def cover(doc: DocumentObject, plan: CoursePlan, brand: Brand, kind: str,
          details: Sequence[tuple[str, str]]) -> None:
    """Logo(s), course title, the document's kind and labelled details; a draft says so in red on the cover."""
    logo_line(doc, plan, brand)
    identity = cover_identity(plan)
    doc.add_paragraph(plan.course.title, style="Title")
    doc.add_paragraph(kind, style="Subtitle")
    if identity.name:
        details = [("Local authority", identity.name), *details]
    for label, value in details:
        labelled(doc, label, value, style="Cover Detail")
    if plan.draft:
        paragraph = doc.add_paragraph(style="Cover Detail")
        paragraph.add_run("DRAFT: not for delivery. ", style="Placeholder")
        paragraph.add_run("This course needs modules the strategy names but does not yet define; "
                          "they are marked \u201cto be defined\u201d inside.")
        mark_draft(doc, "DRAFT: not for delivery. Modules still to be defined.")


def logo_line(doc: DocumentObject, plan: CoursePlan, brand: Brand, width: Cm = LOGO_WIDTH,
              la_box: str = "cover") -> None:
    """One paragraph with the brand's logo and, in an LA's pack, the LA's beside it."""
    logos = doc.add_paragraph()
    picture(logos.add_run(), str(brand.logo), width, f"{brand.name} logo")
    identity = cover_identity(plan)
    if identity.logo is not None:
        logo = identity.logo
        # Inside the brand's box for this place: a tall logo is not a column down the cover.
        logo_w, logo_h = (int(v) for v in logo.fit(*(Mm(v) for v in brand.logo_box(la_box))))
        logos.add_run("\u2003")
        picture(logos.add_run(), logo.stream(), logo_w, identity.alt_text, height=logo_h)


def picture(run: Run, path: str | io.BytesIO, width: Cm | Pt | int, alt_text: str, name: str = "",
            height: Cm | Pt | int | None = None) -> None:
    """An inline picture whose wp:docPr carries alt text (descr) and a stable name (the alt text's start)."""
    run.add_picture(path, width=width, height=height)
    doc_pr = run._r.xpath(".//wp:docPr")[-1]
    doc_pr.set("descr", alt_text)
    doc_pr.set("name", name or alt_text[:60])


FIGURE_SHARE_OF_PAGE = 0.45  # a figure and its caption take at most this much of the text's height


def diagram_figure(doc: DocumentObject, diagram: Diagram, brand: Brand) -> None:
    """A content diagram as a picture the width of the text, kept with its caption ("Figure: <title>") below it.

    A picture too tall for the room left on a page moves to the next with its caption and leaves a gap: one at
    most `FIGURE_SHARE_OF_PAGE` of the page deep (scaled down to it where its layout is deeper) never leaves a
    page more than half empty before it."""
    width, height, alt, png = _figure_picture(diagram, brand)
    section = doc.sections[-1]
    # The template sets the page and its margins; A4 with 2 cm margins where it does not.
    page, top, bottom = section.page_height or Cm(29.7), section.top_margin or Cm(2), section.bottom_margin or Cm(2)
    scale = _figure_scale(height, (page - top - bottom) / EMU_PER_POINT)
    holder = keep_with_next(doc.add_paragraph())
    holder.paragraph_format.keep_together = True
    picture(holder.add_run(), io.BytesIO(png), Pt(width * scale), alt, name=f"Diagram: {diagram.title}")
    doc.add_paragraph(f"Figure: {diagram.title}", style="Caption")


CAPTION_DEPTH = 24  # points: a one-line caption with the space around it
EMU_PER_POINT = 12700
A4_TEXT_POINTS = (Cm(29.7) - 2 * Cm(2)) / EMU_PER_POINT  # the template's page: A4 with 2 cm margins


def _figure_scale(height: float, room: float) -> float:
    """How much diagram_figure shrinks a picture `height` points deep on a page of `room` points of text."""
    return min(1.0, (room * FIGURE_SHARE_OF_PAGE - CAPTION_DEPTH) / height)


def figure_depth(diagram: Diagram, brand: Brand, room: float = A4_TEXT_POINTS) -> float:
    """How deep diagram_figure draws a diagram's picture, in points, caption apart: for laying out a page
    before it is drawn."""
    height = _figure_picture(diagram, brand)[1]
    return height * _figure_scale(height, room)


@functools.lru_cache(maxsize=128)
def _figure_picture(diagram: Diagram, brand: Brand) -> tuple[float, float, str, bytes]:
    """A diagram's width and height in points, alt text and picture, painted once per process: the guide, the handouts and every
    course that teaches the module show the same one."""
    from iwpacks.renderers._diagram_layout import PAGE, lay_out
    from iwpacks.renderers._diagram_png import figure_png

    figure = lay_out(diagram, brand, PAGE)
    return figure.width, figure.height, figure.alt, figure_png(figure, brand)


def mark_draft(doc: DocumentObject, text: str) -> None:
    """Put `text` in the header of every page (the section's w:hdr, styled by the template's Header)."""
    doc.sections[0].header.paragraphs[0].text = text


def footer_label(doc: DocumentObject, text: str) -> None:
    """Replace the text of the footer's first run (w:ftr), which the template keeps for the document's label."""
    runs = doc.sections[0].footer.paragraphs[0].runs
    if runs:
        runs[0].text = text


FOOTER_CHARS = 80  # what fits the footer line beside "Page 10 of 36"
LINE_CHARS = 100   # what fits a footer line of its own, the full text width


def running_title(title: str, kind: str) -> str:
    """The footer's label: the course title and the document's kind on one line where they fit beside the page
    number; else the title on a line of its own above the kind, so neither is cut short mid-title (a title
    longer than a whole line, none yet, is shortened at a word)."""
    if len(title) + len(kind) + 3 <= FOOTER_CHARS:
        return f"{title} \u00b7 {kind}"
    if len(title) > LINE_CHARS:
        title = title[:LINE_CHARS - 1].rsplit(" ", 1)[0].rstrip(",") + "\u2026"
    return f"{title}\n{kind}"


def labelled(doc: DocumentObject, label: str, value: str, style: str | None = None) -> Paragraph:
    """A paragraph 'Label: value' with the label in bold."""
    paragraph = doc.add_paragraph(style=style)
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(value)
    return paragraph


def bullets(doc: DocumentObject, items: Sequence[str], style: str = "List Bullet") -> None:
    """One paragraph per item in a list style."""
    for item in items:
        doc.add_paragraph(item, style=style)


def numbered(doc: DocumentObject, items: Sequence[str],
             after_each: Callable[[Paragraph], None] | None = None) -> list[Paragraph]:
    """A List Number list restarting at 1 (a new w:num with a w:startOverride); `after_each` may add lines.

    What `after_each` adds sits between the items without breaking the list's count.
    """
    style = doc.styles["List Number"]
    num_pr = style.element.pPr.numPr if style.element.pPr is not None else None
    num_id = None
    if items and num_pr is not None and num_pr.numId is not None:
        numbering = doc.part.numbering_part.element
        num = numbering.add_num(numbering.num_having_numId(num_pr.numId.val).abstractNumId.val)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        num_id = num.numId
    paragraphs = []
    for item in items:
        paragraph = doc.add_paragraph(item, style=style)
        if num_id is not None:  # a restyled template without numbering still gets readable paragraphs
            set_number(paragraph._p, num_id)
        paragraphs.append(paragraph)
        if after_each is not None:
            after_each(paragraph)
    return paragraphs


def slot_block(doc: DocumentObject, slot: SlotText, label: str | None = None) -> None:
    """A local slot in the Local Slot style: the LA's lines, or its placeholder in the Placeholder style."""
    if label:  # outside the bordered block, so consecutive slots read as separate blocks
        keep_with_next(doc.add_paragraph(label)).runs[0].bold = True
    for number, line in enumerate(slot.lines, 1):
        paragraph = doc.add_paragraph(style="Local Slot")
        paragraph.add_run(line, style=None if slot.filled else "Placeholder")
        if number < len(slot.lines):  # a block of contacts is read together: never split over a page
            keep_with_next(paragraph)


def table(doc: DocumentObject, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
          height: float | None = None, quiet_rows: Collection[int] = (), bold_rows: Collection[int] = (),
          whole: bool = False, last_rows: int = 2) -> Table:
    """An IW Table with a repeating header row; `quiet_rows` (0-based body rows) use the Table Note style.

    Widths are in cm and should add up to the text width; rows never split across pages. A `whole` table (a
    form such as the call log, a set of role cards to copy) is kept on one page, moving over whole if need be;
    another ends with at least `last_rows` rows on its last page.
    """
    _keep_lead_in_with_table(doc)
    grid = doc.add_table(rows=1, cols=len(header))
    grid.style = doc.styles["IW Table"]
    grid.autofit = False
    # Both the grid (w:gridCol, read by LibreOffice) and each cell (w:tcW, read by Word). The grid first: each
    # row added after takes its cells' widths from it, as setting them one by one afterwards would.
    for column, width in zip(grid.columns, widths):
        column.width = Cm(width)
    style_id = functools.partial(doc.part.get_style_id, style_type=WD_STYLE_TYPE.PARAGRAPH)
    heads = grid.rows[0].cells
    for cell, text in zip(heads, header):
        _cell_text(cell._tc, style_id("Table Heading"), text)
    for cell, width in zip(heads, widths):
        cell.width = Cm(width)
    mark_header_row(grid.rows[0])
    for index, values in enumerate(rows):
        row = grid.add_row()
        keep_row_together(row)
        if height:
            row.height = Cm(height)
        style = style_id("Table Note" if index in quiet_rows else "Table Text")
        for tc, value in zip(row._tr.tc_lst, values):
            run = _cell_text(tc, style, value)
            if index in bold_rows:
                Run(run, None).bold = True  # type: ignore[arg-type]  # bold needs no parent
    if whole:
        for row in grid.rows[:-1]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    keep_with_next(paragraph)
    else:
        _keep_rows_at_the_ends_together(grid, last_rows)
    doc.add_paragraph(style="Caption")  # a little air below, so the next heading does not touch the table
    return grid


def _cell_text(tc, style_id: str | None, text: str):
    """Style a new cell's (w:tc) paragraph and give it one run of `text` (none: empty), as add_run would."""
    p = tc.p_lst[0]
    set_style(p, style_id)
    run = new_run(text or "")
    p.append(run)
    return run


def hairline(paragraph: Paragraph) -> None:
    """Make an empty paragraph a point high (its mark's own size too), so it never takes a page of its own."""
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(1)
    mark = OxmlElement("w:rPr")  # last of the paragraph's properties, as the schema orders them
    paragraph._p.get_or_add_pPr().append(mark)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    mark.append(size)


def _keep_lead_in_with_table(doc: DocumentObject) -> None:
    """The paragraph just before a table (its heading or lead-in) keeps with the table's first row."""
    last = doc.element.body[-2] if len(doc.element.body) > 1 else None  # [-1] is the section's w:sectPr
    if last is not None and last.tag == qn("w:p"):
        last.get_or_add_pPr().keepNext_val = True


FIRST_ROWS = 3  # the body rows a long table keeps on the page of its header (and the heading above it)


def _keep_rows_at_the_ends_together(grid: Table, last_rows: int = 2) -> None:
    """Keep the header row with the first body rows, and the last body row with the one before it, so a table
    never starts with its header and one row alone at the foot of a page (its heading above them) nor ends
    with one row alone overleaf (w:keepNext on a row's paragraphs, which Word and LibreOffice read as "keep
    this row with the next"). A table of more than FIRST_ROWS body rows starts with at least that many, and
    one of more than FIRST_ROWS + `last_rows` ends with that many together."""
    rows = grid.rows
    body = len(rows) - 1
    first = min(FIRST_ROWS, body - 1) if body > FIRST_ROWS else (1 if body > 0 else 0)
    kept = list(rows[:first])
    ending = last_rows if body > FIRST_ROWS + last_rows else 2
    kept += [row for row in rows[max(len(rows) - ending, 1):-1] if len(rows) > 3 and row not in kept]
    for row in kept:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                keep_with_next(paragraph)


def mark_header_row(row: _Row) -> None:
    """Mark a table row as the header row that repeats on every page (w:trPr/w:tblHeader)."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def keep_row_together(row: _Row) -> None:
    """Stop a table row splitting across a page break (w:trPr/w:cantSplit)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def writing_lines(doc: DocumentObject, count: int, label: str = "") -> None:
    """Room to write: `count` ruled lines (the Writing Line style's underscore tab leader), kept together.

    A `label` starts the first line ("Your name ________").
    """
    for n in range(count):
        # A no-break space: LibreOffice collapses a line holding only a tab to the default height.
        paragraph = doc.add_paragraph(f"{label or NBSP}\t" if n == 0 else f"{NBSP}\t", style="Writing Line")
        paragraph.paragraph_format.keep_with_next = n < count - 1


def add_heading(doc: DocumentObject, text: str, level: int) -> Paragraph:
    """A heading that never ends a page: kept with what follows it (w:keepNext) on the paragraph itself.

    The template's heading styles keep with next too, but a restyled template may not, and a heading alone at
    the foot of a page, its content overleaf, was the review's commonest complaint. Every Word renderer adds
    its headings here.
    """
    return keep_with_next(doc.add_heading(text, level))


def keep_with_next(paragraph: Paragraph) -> Paragraph:
    """Keep `paragraph` on the page of the one after it (a lead-in and its list, a question and its lines)."""
    keep_next(paragraph._p)
    return paragraph


def finish(doc: DocumentObject, plan: CoursePlan, brand: Brand, kind: str) -> bytes:
    """Footer label, pinned document properties (title, language, dates) and a byte-stable zip."""
    footer_label(doc, running_title(plan.course.title, kind))
    fix_core_properties(doc.core_properties, title=f"{plan.course.title}: {kind.lower()}",
                        subject=f"{kind} for {mid_sentence(plan.audience.name)}",
                        author=cover_identity(plan).name or brand.name,  # an LA's pack is the LA's document
                        version=plan.version)
    return document_bytes(doc)
