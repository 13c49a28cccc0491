"""Makes Office files byte-identical across builds: fixed zip timestamps and document dates."""
from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.opc.coreprops import CoreProperties
    from pptx.parts.coreprops import CorePropertiesPart

# A fixed moment for every date an artefact carries, so two builds of the same input are identical.
FIXED_DATETIME = _dt.datetime(2006, 1, 1, 0, 0, 0)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# The parts whose runs a reader reads: Word's body, headers and footers; PowerPoint's slides and notes.
_TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml|ppt/(slides/slide|notesSlides/notesSlide)\d+\.xml")


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip (pptx, docx) with fixed entry timestamps and attributes, keeping entry order; each text
    part that holds right-to-left letters has its right-to-left runs marked (_rtl_runs)."""
    from iwpacks.renderers._rtl_runs import has_rtl, mark_drawing_part, mark_word_part

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            part = src.read(item.filename)
            if _TEXT_PARTS.fullmatch(item.filename) and has_rtl(part):
                part = (mark_word_part if item.filename.startswith("word/") else mark_drawing_part)(part)
            dst.writestr(info, part)
    return out.getvalue()


def fix_core_properties(core_properties: CoreProperties | CorePropertiesPart, title: str, subject: str, author: str,
                        version: str = "", language: str = "en-GB") -> None:
    """Set title/subject/author/language and the content version; pin created/modified/printed dates.

    The content version lives here and in the manifest, not in any text a trainer reads.
    """
    props = core_properties
    if version:  # the brand's templates have none
        props.version = version
    props.title = title
    props.subject = subject
    props.author = author
    props.last_modified_by = author
    props.language = language
    props.created = FIXED_DATETIME
    props.modified = FIXED_DATETIME
    props.last_printed = FIXED_DATETIME
    props.revision = 1
