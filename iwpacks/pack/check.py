"""Accessibility checks on a built pack, after the Office Accessibility Checker and GOV.UK guidance."""
from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs

from iwpacks.errors import UsageError
from iwpacks.model import Brand
from iwpacks.renderers._contrast import contrast_ratio

if TYPE_CHECKING:  # pypdf is imported where a PDF is checked, not at start-up
    from pypdf.generic import DictionaryObject

MIN_BODY_PT = 18
NORMAL_TEXT_RATIO = 4.5
LARGE_TEXT_RATIO = 3.0
# Placeholders that carry page furniture, not content: exempt from the body text size rule.
_FURNITURE = {"FOOTER", "SLIDE_NUMBER", "DATE"}


@attrs.frozen
class Finding:
    """One accessibility problem: an error fails the build, a warning goes to the build report."""

    severity: str  # "error" or "warning"
    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.file}: {self.message}"


def check_pack(path: Path, brand: Brand | None = None, glossary: Collection[str] | None = None,
               acronyms: bool = True, content_glossary: Callable[[], Collection[str]] | None = None,
               known: Mapping[str, Sequence[Finding]] | None = None) -> list[Finding]:
    """Check every artefact in a pack folder or zip, and the brand's colour pairs.

    An acronym is explained by `glossary` (the content's terms, as a build knows them, also where it builds
    only some files), or else by the glossary.docx beside the file, or, for a course built without one
    (`build --artefact deck`), by `content_glossary()`. A build that has checked the acronyms where it
    rendered the files passes `acronyms=False`. `known` gives the findings of files checked already (by their
    path in the pack), as a build that read a course back from its render cache has them; they are not read again.
    """
    path = Path(path)
    if path.is_file() and zipfile.is_zipfile(path):
        with tempfile.TemporaryDirectory() as tmp:
            with zipfile.ZipFile(path) as archive:
                archive.extractall(tmp)  # names come from our own builder; checked below all the same
            return check_pack(Path(tmp), brand, glossary, acronyms, content_glossary, known)
    if not path.is_dir():
        raise UsageError(f"not a pack folder or zip: {path}")
    findings: list[Finding] = []
    for file in sorted(path.rglob("*")):
        name = file.relative_to(path).as_posix()
        findings += known[name] if known is not None and name in known else check_file(file, name)
    local = _local_acronyms(path)
    for course in sorted({f.parent for f in path.rglob("*") if f.suffix in _DOCUMENTS} if acronyms else ()):
        if glossary is None and not (course / GLOSSARY_FILE).is_file() and content_glossary is not None:
            findings += check_acronyms(course, path, content_glossary(), local)
        else:
            findings += check_acronyms(course, path, glossary, local)
    if brand is not None:
        findings += check_brand(brand)
    return findings


def check_file(file: Path, name: str) -> list[Finding]:
    """The accessibility findings of one file of a pack, named `name` in them; none for a file of another kind."""
    if file.suffix == ".pptx":
        return check_deck(file, name)
    if file.suffix == ".docx":
        return check_document(file, name)
    if file.suffix == ".pdf":
        return check_pdf(file, name)
    return []


_DOCUMENTS = (".pptx", ".docx", ".pdf")
GLOSSARY_FILE = "glossary.docx"
# A certificate's words beyond the other files' are attendees' names, often in capitals: neither acronyms
# to check nor glossary terms to list.
NAMES_ONLY = ("certificate.pdf",)


def _local_acronyms(pack: Path) -> frozenset[str]:
    """The acronyms of the LA's own names and contacts, as its pack's manifest records them."""
    import json

    try:
        manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
        return frozenset(manifest["overlay"]["acronyms"])
    except (OSError, ValueError, KeyError, TypeError):
        return frozenset()


def check_acronyms(course: Path, pack: Path, glossary: Collection[str] | None = None,
                   local: Collection[str] = ()) -> list[Finding]:
    """Every acronym a course's files use is in the glossary (`glossary`, or else its glossary.docx), is one
    of the LA's own (`local`), or is spelt out at its first use in that file."""
    known = set(glossary) if glossary is not None else glossary_terms(course / GLOSSARY_FILE)
    known |= set(local)
    files = {f.name: f.read_bytes() for f in sorted(course.iterdir()) if f.suffix in _DOCUMENTS}
    return acronym_findings(files, course.relative_to(pack).as_posix(), known)


def acronym_findings(files: Mapping[str, bytes], folder: str, known: Collection[str]) -> list[Finding]:
    """The acronym check on one course's files as bytes ({file name: bytes}), reported under `folder`: a build
    runs it where it rendered them, and their text is already read."""
    from iwpacks.pack.glossary import unexplained_acronyms
    from iwpacks.pack.text import artefact_text

    out = []
    for name in sorted(files):
        if not name.endswith(_DOCUMENTS) or name in NAMES_ONLY:
            continue
        for word in unexplained_acronyms(artefact_text(name, files[name]), known):
            out.append(Finding("error", name if folder in ("", ".") else f"{folder}/{name}",
                               f'uses the acronym {word} without explaining it: add it to the glossary '
                               f'(content/glossary.yaml), or spell it out where it is first used, as '
                               f'"Full Name ({word})"'))
    return out


def glossary_terms(path: Path) -> set[str]:
    """The terms of a pack's glossary.docx, the first column of its table; none if the course has none."""
    if not path.is_file():
        return set()
    from docx import Document

    tables = Document(str(path)).tables
    return {row.cells[0].text for row in tables[0].rows[1:]} if tables else set()


def check_brand(brand: Brand) -> list[Finding]:
    """Every text/background pair the brand declares reaches 4.5:1."""
    out = []
    for fg, bg in brand.pairs:
        ratio = contrast_ratio(brand.colours[fg], brand.colours[bg])
        if ratio < NORMAL_TEXT_RATIO:
            severity = "warning" if ratio >= LARGE_TEXT_RATIO else "error"
            out.append(Finding(severity, "brand.yaml", f"{fg} on {bg} has contrast {ratio:.2f}:1; "
                                                       f"text needs {NORMAL_TEXT_RATIO}:1 (3:1 for large text only)"))
    return out


def check_deck(path: Path, name: str) -> list[Finding]:
    """Slide titles present, unique and first in reading order; pictures described; body text 18 pt+."""
    from pptx import Presentation
    from pptx.util import Pt

    out = []
    prs = Presentation(str(path))
    seen: dict[str, int] = {}
    inherited: dict = {}
    width, height = int(prs.slide_width or 0), int(prs.slide_height or 0)
    for number, slide in enumerate(prs.slides, 1):
        where = f"slide {number}"
        # The slide's shapes are made once and looked through for each check: python-pptx makes them afresh
        # for every walk, the title's included (the first placeholder of idx 0, as its `shapes.title` finds).
        shapes = list(slide.shapes)
        title_shape = next((s for s in shapes if s.is_placeholder and s.placeholder_format.idx == 0), None)
        title = title_shape.text_frame.text.strip() if title_shape is not None and title_shape.has_text_frame else ""
        if not title:
            out.append(Finding("error", name, f"{where} has no title"))
        elif title in seen:
            out.append(Finding("error", name, f'{where} repeats the title "{title}" of slide {seen[title]}'))
        else:
            seen[title] = number
        if title_shape is not None and shapes and shapes[0].shape_id != title_shape.shape_id:
            out.append(Finding("error", name, f"{where}: the title is not first in reading order"))
        for shape in _all_pictures(slide, shapes, inherited):
            if not _real_alt_text(shape._element.xpath("./*[1]/p:cNvPr/@descr")):
                out.append(Finding("error", name, f"{where}: picture \"{shape.name}\" has no alt text"))
        for shape in shapes:
            if not shape.has_text_frame or _is_furniture(shape):
                continue
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    if run.text.strip() and run.font.size is not None and run.font.size < Pt(MIN_BODY_PT):
                        out.append(Finding("error", name, f"{where}: text \"{run.text[:40]}\" is "
                                                          f"{run.font.size.pt:g} pt; body text needs {MIN_BODY_PT} pt"))
                        break
        out += _diagram_findings(shapes, where, name, width, height)
    return out


MIN_DIAGRAM_PT = 12  # a diagram's labels may be smaller than body text, never below this


def _diagram_findings(shapes: list, where: str, name: str, width: int, height: int) -> list[Finding]:
    """Each diagram (a group named "Diagram: ...") has alt text, and no box of it is small or off the slide."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE
    from pptx.util import Pt

    out = []
    for group in shapes:
        if group.shape_type != MSO_SHAPE_TYPE.GROUP or not group.name.startswith("Diagram: "):
            continue
        label = f'{where}: diagram "{group.name.removeprefix("Diagram: ")}"'
        if not _real_alt_text(group._element.xpath("./p:nvGrpSpPr/p:cNvPr/@descr")):
            out.append(Finding("error", name, f"{label} has no alt text"))
        xfrm = group._element.grpSpPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}xfrm")
        scale_x = xfrm.ext.cx / (xfrm.chExt.cx or 1)
        scale_y = xfrm.ext.cy / (xfrm.chExt.cy or 1)
        for shape in group.shapes:
            left = xfrm.off.x + (shape.left - xfrm.chOff.x) * scale_x
            top = xfrm.off.y + (shape.top - xfrm.chOff.y) * scale_y
            if left < 0 or top < 0 or left + shape.width * scale_x > width or top + shape.height * scale_y > height:
                out.append(Finding("error", name, f'{label}: "{shape.name}" lies outside the slide'))
            if not shape.has_text_frame:
                continue
            small = [r for p in shape.text_frame.paragraphs for r in p.runs
                     if r.text.strip() and r.font.size is not None and r.font.size < Pt(MIN_DIAGRAM_PT)]
            if small:
                out.append(Finding("error", name, f'{label}: text "{small[0].text[:40]}" is '
                                                  f"{small[0].font.size.pt:g} pt; a diagram needs {MIN_DIAGRAM_PT} pt"))
    return out


def _real_alt_text(values: list) -> bool:
    """True for a description a reader can use; python-pptx fills in the image's file name by default."""
    text = str(values[0]).strip() if values else ""
    return bool(text) and not text.lower().endswith((".png", ".jpg", ".jpeg", ".gif", ".emf", ".wmf"))


def _all_pictures(slide, shapes: list, inherited: dict) -> Iterator:
    """The slide's pictures (of its `shapes`), then its layout's and master's; `inherited` keeps those of each
    layout met in this deck, which every slide on the layout shows alike (walking them again for each slide
    was a third of the deck's check)."""
    yield from _pictures(shapes)
    layout = slide.slide_layout
    if layout.part.partname not in inherited:
        inherited[layout.part.partname] = [*_pictures(layout.shapes), *_pictures(layout.slide_master.shapes)]
    yield from inherited[layout.part.partname]


def _pictures(shapes) -> Iterator:
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    return (shape for shape in shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE)


def _is_furniture(shape) -> bool:
    if not shape.is_placeholder:
        return False
    return shape.placeholder_format.type is not None and shape.placeholder_format.type.name in _FURNITURE


def check_document(path: Path, name: str) -> list[Finding]:
    """Headings in order, table header rows, described pictures, title and language set."""
    from docx import Document
    from docx.oxml.ns import qn

    out = []
    doc = Document(str(path))
    style_name = _style_names(doc)
    last = 0
    for paragraph in doc.paragraphs:
        style = style_name(paragraph)
        if style.startswith("Heading ") and style[8:].isdigit() and paragraph.text.strip():
            level = int(style[8:])
            if level > last + 1:
                out.append(Finding("error", name, f'heading "{paragraph.text[:50]}" is level {level} '
                                                  f"after level {last}: a level is skipped"))
            last = level
    for index, table in enumerate(doc.tables, 1):
        first = table.rows[0]._tr if table.rows else None
        if first is None or first.trPr is None or first.trPr.find(qn("w:tblHeader")) is None:
            out.append(Finding("error", name, f"table {index} has no header row"))
    parts = [doc.element.body] + [hf._element for s in doc.sections for hf in (s.header, s.first_page_header,
                                                                                s.footer, s.first_page_footer)
                                  if not hf.is_linked_to_previous]
    for element in parts:
        for prop in element.iter(qn("wp:docPr")):
            if not _real_alt_text([prop.get("descr")] if prop.get("descr") else []):
                out.append(Finding("error", name, f'picture "{prop.get("name")}" has no alt text'))
    if not (doc.core_properties.title or "").strip():
        out.append(Finding("error", name, "document title is not set"))
    if not (doc.core_properties.language or "").strip():
        out.append(Finding("error", name, "document language is not set"))
    return out


def _style_names(doc):
    """paragraph -> its style's name, as Word resolves it (no style, or an unknown one: the default).

    Asking python-docx for `paragraph.style` scans styles.xml for every paragraph; the names are read
    once here instead, which halves the time a build spends checking its documents.
    """
    from docx.enum.style import WD_STYLE_TYPE

    names = {style.style_id: style.name for style in doc.styles if style.type == WD_STYLE_TYPE.PARAGRAPH}
    default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    fallback = default.name if default is not None else ""

    def style_name(paragraph) -> str:
        properties = paragraph._p.pPr
        style_id = properties.pStyle.val if properties is not None and properties.pStyle is not None else None
        return names.get(style_id, fallback) or ""

    return style_name


def check_pdf(path: Path, name: str) -> list[Finding]:
    """Title, language and bookmarks set (a one-page outline needs no bookmarks); every font embedded."""
    from pypdf import PdfReader

    out = []
    reader = PdfReader(str(path))
    meta: Mapping[str, Any] = reader.metadata or {}
    if str(meta.get("/Title") or "").strip().lower() in ("", "untitled"):  # reportlab's default is "untitled"
        out.append(Finding("error", name, "PDF title is not set"))
    # Indexing a pypdf dictionary resolves the reference, and the document catalogue is always a dictionary.
    root = cast("DictionaryObject", reader.trailer["/Root"])
    if not str(root.get("/Lang") or "").strip():
        out.append(Finding("error", name, "PDF language (/Lang) is not set"))
    if len(reader.pages) > 1 and not reader.outline:
        out.append(Finding("error", name, "PDF has no bookmarks"))
    missing = sorted(_unembedded_fonts(reader))
    if missing:  # a reader without the font substitutes another: wrong widths, or boxes for the letters
        out.append(Finding("error", name, f"PDF font not embedded: {', '.join(missing)}"))
    return out


def _unembedded_fonts(reader) -> set[str]:
    """The base names of the fonts any page uses without their file inside the PDF."""
    missing = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        for ref in (fonts.get_object().values() if fonts is not None else ()):
            font = ref.get_object()
            for part in [font, *[d.get_object() for d in font.get("/DescendantFonts") or []]]:
                descriptor = part.get("/FontDescriptor")
                if descriptor is not None and any(k in descriptor.get_object()
                                                  for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    break
            else:
                if font.get("/Subtype") != "/Type3":  # Type 3 glyphs are drawn inside the PDF itself
                    missing.add(str(font.get("/BaseFont", "?")).lstrip("/"))
    return missing
