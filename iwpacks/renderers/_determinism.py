"""Makes Office files byte-identical across builds: fixed zip timestamps and document dates."""
from __future__ import annotations

import datetime as _dt
import io
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.opc.coreprops import CoreProperties
    from pptx.parts.coreprops import CorePropertiesPart

# A fixed moment for every date an artefact carries, so two builds of the same input are identical.
FIXED_DATETIME = _dt.datetime(2006, 1, 1, 0, 0, 0)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip (pptx, docx) with fixed entry timestamps and attributes, keeping entry order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            dst.writestr(info, src.read(item.filename))
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
