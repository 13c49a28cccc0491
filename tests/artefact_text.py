"""All the words in an artefact (deck with notes, document with tables and headers, PDF), for checks and tests."""
from __future__ import annotations

import io
from pathlib import Path


def pdf_page_texts(data: bytes) -> list[str]:
    """Each page's text of a PDF, whitespace collapsed to single spaces: for checks of what falls on which page."""
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages]


def artefact_text(source: Path | bytes, suffix: str | None = None) -> str:
    """Every piece of text in a .pptx, .docx or .pdf, whitespace collapsed to single spaces."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    kind = suffix or Path(source).suffix  # type: ignore[arg-type]
    if kind == ".pptx":
        parts = _deck_text(data)
    elif kind == ".docx":
        parts = _document_text(data)
    elif kind == ".pdf":
        from pypdf import PdfReader

        parts = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    else:
        raise ValueError(f"no text reader for {kind}")
    return " ".join(" ".join(parts).split())


def _deck_text(data: bytes) -> list[str]:
    from pptx import Presentation

    parts = []
    for slide in Presentation(io.BytesIO(data)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return parts


def _document_text(data: bytes) -> list[str]:
    from docx import Document

    doc = Document(io.BytesIO(data))
    body = doc.element.body
    # Every w:t in the body (paragraphs, tables, text boxes) plus headers and footers.
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    parts = ["".join(t.text or "" for t in p.iter(f"{ns}t")) for p in body.iter(f"{ns}p")]
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if not part.is_linked_to_previous:
                parts += ["".join(t.text or "" for t in p.iter(f"{ns}t")) for p in part._element.iter(f"{ns}p")]
    return parts


def diagram_figures(paragraphs) -> list[tuple[int, str]]:
    """(index, diagram title) of each Word paragraph that holds a diagram's picture, named "Diagram: <title>"."""
    out = []
    for k, paragraph in enumerate(paragraphs):
        names = paragraph._p.xpath(".//wp:docPr/@name")
        if names and str(names[0]).startswith("Diagram: "):
            out.append((k, str(names[0])[len("Diagram: "):]))
    return out
