"""The words a reader sees in an artefact, as plain text in reading order: for the acronym check and the
glossary, without opening the Office libraries (a zip and its XML are enough, and much faster)."""
from __future__ import annotations

import functools
import html
import io
import re
import zipfile

_PARAGRAPH_END = re.compile(r"</(?:w|a):p>|<w:br/>|<w:tab/>|<a:br/>")
_TAG = re.compile(r"<[^>]+>")
# The parts of a Word document a reader sees, in order; a deck's slides, each followed by its notes.
_DOCX_PARTS = re.compile(r"word/(header\d*|document|footnotes|footer\d*)\.xml$")
_SLIDE = re.compile(r"ppt/slides/slide(\d+)\.xml$")


@functools.lru_cache(maxsize=64)  # a build reads each file twice: for the glossary, then for the check
def artefact_text(filename: str, data: bytes) -> str:
    """The text of a .docx, .pptx or .pdf artefact; empty for any other file."""
    if filename.endswith(".docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = sorted((n for n in archive.namelist() if _DOCX_PARTS.match(n)),
                           key=lambda n: ("header" not in n, "footer" in n, n))
            return "\n".join(_xml_text(archive.read(n)) for n in names)
    if filename.endswith(".pptx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            slides = sorted((int(m.group(1)), n) for n in archive.namelist() if (m := _SLIDE.match(n)))
            parts = []
            for number, name in slides:
                parts.append(_xml_text(archive.read(name)))
                notes = f"ppt/notesSlides/notesSlide{number}.xml"
                if notes in archive.namelist():
                    parts.append(_xml_text(archive.read(notes)))
            return "\n".join(parts)
    if filename.endswith(".pdf"):
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    return ""


def _xml_text(xml: bytes) -> str:
    text = _PARAGRAPH_END.sub("\n", xml.decode("utf-8"))
    return html.unescape(_TAG.sub("", text))
