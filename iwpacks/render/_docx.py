"""Shared helpers for the Word artefacts; every raw OOXML edit they need lives here."""
from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ._determinism import fix_core_properties, normalise_zip
from ._local import cover_identity
from ._slots import SlotText

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from ..brand import Brand
    from ..plan import CoursePlan


def open_template(brand: Brand) -> DocumentObject:
    """A new document on the brand's Word template, with its body emptied."""
    doc = Document(str(brand.document_template))
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def cover(doc: DocumentObject, plan: CoursePlan, brand: Brand, kind: str, lines: Sequence[str]) -> None:
    """Logo(s), title, subtitle and key lines; DRAFT in the header of every page for a pending course."""
    logo = doc.add_paragraph()
    picture(logo.add_run(), str(brand.logo), Cm(6.5), f"{brand.name} logo")
    identity = cover_identity(plan)
    if identity.logo is not None:
        logo.add_run("    ")
        picture(logo.add_run(), str(identity.logo), Cm(6.5), identity.alt_text)
    doc.add_paragraph(plan.course.title, style="Title")
    doc.add_paragraph(kind, style="Subtitle")
    if identity.name:
        doc.add_paragraph(f"Prepared for {identity.name}", style="Subtitle")
    for line in lines:
        doc.add_paragraph(line)
    if plan.draft:
        mark_draft(doc, brand)


def picture(run, path: str, width, alt_text: str) -> None:
    """An inline picture with alt text (wp:docPr descr) and a stable name."""
    run.add_picture(path, width=width)
    doc_pr = run._r.xpath(".//wp:docPr")[0]
    doc_pr.set("descr", alt_text)
    doc_pr.set("name", alt_text[:60])


def mark_draft(doc: DocumentObject, brand: Brand) -> None:
    """'DRAFT: not for delivery' in the header of every page (w:hdr of the section)."""
    header = doc.sections[0].header
    paragraph = header.paragraphs[0]
    run = paragraph.add_run("DRAFT: not for delivery. Modules still to be defined.")
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(brand.colours["accent"])


def bullets(doc: DocumentObject, items: Sequence[str], style: str = "List Bullet") -> None:
    for item in items:
        doc.add_paragraph(item, style=style)


def slot_block(doc: DocumentObject, slot: SlotText, brand: Brand) -> None:
    """A local slot: the LA's lines, or a placeholder in bold italic accent colour."""
    for line in slot.lines:
        paragraph = doc.add_paragraph(style="List Bullet" if slot.filled else None)
        run = paragraph.add_run(line)
        if not slot.filled:
            run.bold = run.italic = True
            run.font.color.rgb = RGBColor.from_string(brand.colours["accent"])


def table(doc: DocumentObject, header: Sequence[str], rows: Sequence[Sequence[str]], brand: Brand,
          widths: Sequence[float] | None = None, height: float | None = None):
    """A table whose first row is a repeating header row (w:tblHeader), shaded in the brand colour."""
    grid = doc.add_table(rows=1, cols=len(header))
    grid.style = doc.styles["Table Grid"]
    for cell, text in zip(grid.rows[0].cells, header):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.color.rgb = RGBColor.from_string(brand.colours["background"])
        shade(cell, brand.colours["primary"])
    mark_header_row(grid.rows[0])
    for values in rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
        if height:
            grid.rows[-1].height = Cm(height)
    if widths:  # both the grid (w:gridCol, read by LibreOffice) and each cell (w:tcW, read by Word)
        grid.autofit = False
        for column, width in zip(grid.columns, widths):
            column.width = Cm(width)
        for row in grid.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = Cm(width)
    return grid


def mark_header_row(row) -> None:
    """Mark a table row as the header row that repeats on every page (w:trPr/w:tblHeader)."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def shade(cell, hex_colour: str) -> None:
    """Fill a table cell (w:tcPr/w:shd)."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_colour)
    cell._tc.get_or_add_tcPr().append(shd)


def ruled_lines(doc: DocumentObject, count: int, brand: Brand) -> None:
    """Room to write: empty paragraphs ruled below (w:pPr/w:pBdr bottom and between).

    Word and LibreOffice draw one box around a run of paragraphs with the same borders, so the
    'between' border is what draws a line under each of them.
    """
    for _ in range(count):
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(14)
        paragraph.paragraph_format.space_after = Pt(0)
        borders = OxmlElement("w:pBdr")
        for side in ("w:bottom", "w:between"):
            line = OxmlElement(side)
            for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"),
                               ("w:color", brand.colours["muted"])):
                line.set(qn(key), value)
            borders.append(line)
        paragraph._p.get_or_add_pPr().append(borders)


def page_break(doc: DocumentObject) -> None:
    doc.add_page_break()


def finish(doc: DocumentObject, plan: CoursePlan, brand: Brand, kind: str) -> bytes:
    """Document properties pinned (title, language, dates) and a byte-stable zip."""
    fix_core_properties(doc.core_properties, title=f"{plan.course.title}: {kind.lower()}",
                        subject=f"{kind} for {plan.audience.name.lower()}", author=brand.name)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalise_zip(buffer.getvalue())
