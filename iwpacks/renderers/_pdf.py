"""Shared reportlab pieces for the PDF artefacts: fonts, brand styles, the branded page and the build."""
from __future__ import annotations

import contextvars
import functools
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

import attrs
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFPageLabel
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from iwpacks.errors import IwpacksError
from iwpacks.model import LogoImage
from iwpacks.renderers._fonts import register_family
from iwpacks.renderers._local import CoverIdentity
from iwpacks.renderers._scripts import has_right_to_left, visual_text
from iwpacks.renderers._slots import SlotText

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from iwpacks.model import Brand
    from iwpacks.renderers._facts import CourseFacts

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
BAND_H = 7 * mm          # the primary-colour band across the top of every page
LOGO_H = 11 * mm
FRAME_TOP = 30 * mm      # from the top edge: band, logo and a gap
FRAME_BOTTOM = 18 * mm
CONTENT_W = PAGE_W - 2 * MARGIN
FRAME_H = PAGE_H - FRAME_TOP - FRAME_BOTTOM


def colour(brand: Brand, role: str) -> colors.Color:
    """The brand colour of `role` as a reportlab colour."""
    return colors.HexColor("#" + brand.colours[role])


def _unicode_of(code: int) -> str:
    """What a glyph stands for, for search and copying: a joined Arabic letter's presentation form (the initial
    form of beh, say) stands for the letter itself, as it was written."""
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return unicodedata.normalize("NFKC", chr(code)) or chr(code)
    if code == 0xA0:  # the no-break space that holds a right-to-left name together is, to a reader, a space
        return " "
    return chr(code)


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap, with each character written as UTF-16 (as the PDF reference asks: reportlab
    writes a character beyond U+FFFF, an emoji, as odd-length hex, and readers and search get it wrong), and a
    shaped Arabic glyph mapped to the letter it shapes."""
    def utf16(code: int) -> str:
        return _unicode_of(code).encode("utf-16-be").hex().upper()
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange", f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(code)}>" for i, code in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # used when each embedded subset is written


# The fonts the text of the PDF being built falls back to: set from the brand by paragraph_styles (where every
# PDF's story starts) and build_pdf, since the renderers call text() on each value without a brand to hand.
_SCRIPTS: contextvars.ContextVar[tuple[tuple[str, frozenset[int]], ...]] = contextvars.ContextVar("scripts",
                                                                                                    default=())


_TIME = re.compile(r"\b\d+ h(?: \d+ min)?\b|\b\d+ min\b")


def keep_times(value: str) -> str:
    """Each time ("5 h 5 min", "45 min") held together by no-break spaces: a line never ends inside one,
    leaving "5 h 5" above and "min" below."""
    return _TIME.sub(lambda m: m.group().replace(" ", "\u00a0"), value)


def text(value: str, bold: bool = False) -> str:
    """Content as Paragraph markup: escaped (seed text may hold '&' or '<'); each run of characters the body
    font lacks set in the brand's first script font that has them (Chinese, Korean, emoji...); and a line that
    holds right-to-left words set as it reads (see _scripts.visual_text)."""
    if value.isascii():
        return escape(value)
    if has_right_to_left(value):
        value = visual_text(value)
    # A font tag names a face, and so sets its weight: `bold` (a bold style's text) asks for the Bold face.
    return "".join(escape(chars) if not font else f'<font face="{_face(font, bold)}">{escape(chars)}</font>'
                   for font, chars in _font_runs(value))


def _face(font: str, bold: bool) -> str:
    return font + "-Bold" if bold and font + "-Bold" in pdfmetrics.getRegisteredFontNames() else font


def _font_runs(value: str) -> list[tuple[str, str]]:
    """The value as runs of (font name, or "" for the body font; the characters it draws)."""
    chain = _SCRIPTS.get()
    if not chain or value.isascii():
        return [("", value)]
    body = chain[0][1]
    runs: list[tuple[str, str]] = []
    for char in value:
        code = ord(char)
        font = "" if code in body or char.isspace() or unicodedata.combining(char) else next(
            (name for name, chars in chain[1:] if code in chars), "")
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def draw_text(canv: Canvas, x: float, y: float, value: str, font: str, size: float, anchor: str = "left") -> None:
    """Draw one line on the canvas as text() sets it in a paragraph: right-to-left words in reading order, and
    each character the body font lacks in the first script font that has it."""
    shown = visual_text(value) if has_right_to_left(value) else value
    runs = [(run_font or font, chars) for run_font, chars in _font_runs(shown)]
    width = sum(canv.stringWidth(chars, f, size) for f, chars in runs)
    x -= width if anchor == "right" else width / 2 if anchor == "centre" else 0
    for f, chars in runs:
        canv.setFont(f, size)
        canv.drawString(x, y, chars)
        x += canv.stringWidth(chars, f, size)
    canv.setFont(font, size)


def text_width(canv: Canvas, value: str, font: str, size: float) -> float:
    """The width draw_text gives the value."""
    shown = visual_text(value) if has_right_to_left(value) else value
    return sum(canv.stringWidth(chars, run_font or font, size) for run_font, chars in _font_runs(shown))


def script_fonts(brand: Brand) -> tuple[tuple[str, frozenset[int]], ...]:
    """The body font, then each of the brand's script fonts, registered, with the characters each can draw."""
    body = register_family(brand, brand.body_font)
    chain = [(body, _characters(brand.font_file(brand.body_font, "Regular")))]
    for family in brand.script_fonts:
        chain.append((_register_script(brand.font_file(family, "Regular").parent, family),
                      _characters(brand.font_file(family, "Regular"))))
    return tuple(chain)


@functools.cache
def _characters(path: Path) -> frozenset[int]:
    return frozenset(TTFont("coverage", str(path)).face.charToGlyph)


@functools.cache
def _register_script(folder: Path, family: str) -> str:
    """A script font as a family: its Bold face where it ships one, else its Regular for bold too (a bold
    run of Chinese in a bold heading is then set regular, which is better than a box)."""
    stem = family.replace(" ", "")
    regular, bold = folder / f"{stem}-Regular.ttf", folder / f"{stem}-Bold.ttf"
    if stem in pdfmetrics.getRegisteredFontNames():  # the Arabic font, registered for certificates already
        return stem
    try:
        pdfmetrics.registerFont(TTFont(stem, str(regular)))
        if bold.is_file():
            pdfmetrics.registerFont(TTFont(stem + "-Bold", str(bold)))
    except (OSError, TTFError) as exc:
        raise IwpacksError(f'font "{family}": cannot read {regular.parent}: {exc}') from None
    heavy = stem + "-Bold" if bold.is_file() else stem
    pdfmetrics.registerFontFamily(stem, normal=stem, bold=heavy, italic=stem, boldItalic=heavy)
    return stem


def total_text(facts: CourseFacts) -> str:
    """The course's total range; a draft says its pending modules are not counted in it yet."""
    if any(m.pending for m in facts.modules):
        return f"{facts.total_range} plus the modules still to be defined"
    return facts.total_range


def la_logo_reader(logo: LogoImage):
    """The LA's logo for drawImage, from its decoded, normalised PNG: ReportLab never meets the original file,
    whatever its colour model."""
    from reportlab.lib.utils import ImageReader

    return ImageReader(logo.stream())


def paragraph_styles(brand: Brand, size: float = 10.0) -> dict[str, ParagraphStyle]:
    """Paragraph styles from the brand, scaled from a body size in points."""
    body_font, head_font = register_family(brand, brand.body_font), register_family(brand, brand.heading_font)
    # Every PDF's story starts from these styles, so text() for it falls back to this brand's script fonts.
    _SCRIPTS.set(script_fonts(brand))
    ink, primary, white = colour(brand, "text"), colour(brand, "primary"), colour(brand, "background")
    base = ParagraphStyle("body", fontName=body_font, fontSize=size, leading=size * 1.3, textColor=ink,
                          alignment=TA_LEFT, spaceAfter=size * 0.4, bulletFontName=body_font)
    s = {"body": base}
    s["small"] = ParagraphStyle("small", base, fontSize=size * 0.85, leading=size * 1.1, spaceAfter=0)
    s["cell"] = ParagraphStyle("cell", base, fontSize=size * 0.9, leading=size * 1.15, spaceAfter=0)
    s["cell_bold"] = ParagraphStyle("cell_bold", s["cell"], fontName=body_font + "-Bold")
    s["cell_head"] = ParagraphStyle("cell_head", s["cell_bold"], textColor=white)
    s["label"] = ParagraphStyle("label", s["cell_bold"], textColor=primary)
    s["lead_in"] = ParagraphStyle("lead_in", base, keepWithNext=1)
    s["bullet"] = ParagraphStyle("bullet", base, leftIndent=size * 1.4, bulletIndent=size * 0.3,
                                 spaceAfter=size * 0.25)
    s["h1"] = ParagraphStyle("h1", base, fontName=head_font + "-Bold", fontSize=size * 1.6,
                             leading=size * 1.95, textColor=primary, spaceBefore=size * 1.2,
                             spaceAfter=size * 0.6, keepWithNext=1)
    s["h2"] = ParagraphStyle("h2", s["h1"], fontSize=size * 1.15, leading=size * 1.45, spaceBefore=size * 0.8,
                             spaceAfter=size * 0.3, textColor=colour(brand, "secondary"))
    s["cover_title"] = ParagraphStyle("cover_title", s["h1"], fontSize=size * 2.2, leading=size * 2.6,
                                      textColor=white, spaceBefore=0, spaceAfter=size * 0.5)
    s["cover_kicker"] = ParagraphStyle("cover_kicker", s["cell_bold"], textColor=white, fontSize=size * 0.85,
                                       spaceAfter=size * 0.3)
    s["cover_meta"] = ParagraphStyle("cover_meta", base, textColor=white, spaceAfter=size * 0.15)
    s["placeholder"] = ParagraphStyle("placeholder", base, fontName=body_font + "-BoldItalic",
                                      textColor=colour(brand, "accent"), spaceAfter=0)
    s["placeholder_cell"] = ParagraphStyle("placeholder_cell", s["placeholder"], fontSize=s["cell"].fontSize,
                                           leading=s["cell"].leading)
    return s


class Heading(Paragraph):
    """A heading paragraph that also becomes an entry in the PDF outline (bookmarks)."""

    def __init__(self, title: str, style: ParagraphStyle, level: int = 0, outline: str | None = None) -> None:
        super().__init__(text(title, bold=style.fontName.endswith("-Bold")), style)
        self.outline_title = outline or title
        self.outline_level = level


class Bookmark(Flowable):
    """An entry in the PDF outline where the page shows no heading of its own (a tinted box whose headings sit
    in its cells, where platypus never hands them to afterFlowable): takes no room, draws nothing."""

    def __init__(self, title: str, level: int = 0) -> None:
        super().__init__()
        self.outline_title = title
        self.outline_level = level

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def grid(data: list, styles: dict[str, ParagraphStyle], **kw: object) -> Table:
    """A platypus Table in the brand's font; left alone, each cell names reportlab's unembedded Helvetica."""
    table = Table(data, **kw)  # type: ignore[arg-type]
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles["body"].fontName)]))
    return table


def bullets(items: Sequence[str], style: ParagraphStyle) -> list[Flowable]:
    """One bulleted paragraph per item."""
    return [Paragraph(text(item), style, bulletText="\u2022") for item in items]


def slot_flowable(slot: SlotText, styles: dict[str, ParagraphStyle], brand: Brand, width: float) -> Flowable:
    """A local slot: the LA's lines, or an accent-bordered placeholder that cannot be mistaken for content. A
    line's own line breaks (a stacked contact's) break it in the cell."""
    if slot.filled:
        return grid([[Paragraph(text(line).replace("\n", "<br/>"), styles["body"])] for line in slot.lines], styles,
                    colWidths=[width])
    accent = colour(brand, "accent")
    box = grid([[Paragraph(text(line), styles["placeholder"])] for line in slot.lines], styles, colWidths=[width])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, accent), ("LINEBEFORE", (0, 0), (0, -1), 4, accent),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 5),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return box


def cover_block(kicker: str, title: str, lines: Sequence[str], styles: dict[str, ParagraphStyle],
                brand: Brand, width: float = CONTENT_W) -> Flowable:
    """The primary-colour block at the head of page one: document kind, course title and key facts."""
    # No kicker (""): the page's band already names the document kind, and saying it twice reads as a slip.
    cells = [Paragraph(text(kicker.upper()), styles["cover_kicker"])] if kicker else []
    cells.append(Paragraph(text(title), styles["cover_title"]))
    cells += [Paragraph(line, styles["cover_meta"]) for line in lines]
    block = grid([[cells]], styles, colWidths=[width])
    block.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colour(brand, "primary")),
                               ("LEFTPADDING", (0, 0), (-1, -1), 14), ("RIGHTPADDING", (0, 0), (-1, -1), 14),
                               ("TOPPADDING", (0, 0), (-1, -1), 12), ("BOTTOMPADDING", (0, 0), (-1, -1), 12)]))
    return block


@attrs.frozen
class PageDecor:
    """Draws what every page carries: top band, logo, footer with page numbers, DRAFT marks."""

    brand: Brand
    label: str                 # the document kind, e.g. "Course specification"
    title: str
    draft: bool
    total_pages: int | None = None
    local: CoverIdentity = CoverIdentity(None, None)  # the LA whose pack this is; none in a master pack
    # Labels of ruled blanks for the trainer to fill in ("Date", "Venue"), drawn on page one between the logos,
    # where they take none of the page's height. A draft, never sent out, draws its banner there instead.
    blanks: tuple[str, ...] = ()

    def __call__(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        font = register_family(self.brand, self.brand.body_font)
        page = canv.getPageNumber()
        canv.saveState()
        if page == 1:  # page labels let viewers show "1 of N" that match the printed numbers
            canv.addPageLabel(0, PDFPageLabel.ARABIC)
        canv.setFillColor(colour(self.brand, "primary"))
        canv.rect(0, PAGE_H - BAND_H, PAGE_W, BAND_H, stroke=0, fill=1)
        canv.setFillColor(colour(self.brand, "background"))
        canv.setFont(font + "-Bold", 8.5)
        base = PAGE_H - BAND_H + 2.4 * mm
        canv.drawString(MARGIN, base, self.label.upper())
        _draw_fitted(canv, self.title, font, 8.5, PAGE_W - MARGIN, base, PAGE_W * 0.55)
        logo_top = PAGE_H - BAND_H - 4 * mm
        canv.drawImage(str(self.brand.logo), MARGIN, logo_top - LOGO_H, width=LOGO_H * 5, height=LOGO_H,
                       mask="auto", preserveAspectRatio=True, anchor="sw")
        right = PAGE_W - MARGIN
        if self.local.logo is not None:  # the LA's own logo, top right, on every page of its pack
            width, height = (v * mm for v in self.brand.logo_box("page"))
            canv.drawImage(la_logo_reader(self.local.logo), right - width, logo_top - LOGO_H, width=width, height=height,
                           mask="auto", preserveAspectRatio=True, anchor="se")
            right -= width + 4 * mm
        if self.draft:
            self._banner(canv, font, logo_top - LOGO_H / 2, right)
        elif self.blanks and page == 1:
            self._blanks(canv, font, logo_top, MARGIN + LOGO_H * 5 + 8 * mm, right - 4 * mm)
        canv.setStrokeColor(colour(self.brand, "tint"))
        canv.setLineWidth(0.8)
        canv.line(MARGIN, 12 * mm, PAGE_W - MARGIN, 12 * mm)
        canv.setFillColor(colour(self.brand, "muted"))
        canv.setFont(font, 8)
        owner = f" \u00b7 {self.local.name}" if self.local.name else ""
        _draw_fitted_left(canv, f"{self.brand.name} \u00b7 {self.label}{owner}", font, 8, MARGIN, 8 * mm,
                          PAGE_W * 0.7)
        if self.total_pages:
            canv.drawRightString(PAGE_W - MARGIN, 8 * mm, f"Page {page} of {self.total_pages}")
        else:  # the total is known only at the end: the page shows a form that _NumberedCanvas fills in then
            canv.doForm(_page_number_form(page))
        canv.restoreState()

    def draw_page_number(self, canv: Canvas, page: int, total: int) -> None:
        """"Page N of M" right-aligned in the footer, as every page of the document shows it."""
        canv.setFillColor(colour(self.brand, "muted"))
        canv.setFont(register_family(self.brand, self.brand.body_font), 8)
        canv.drawRightString(PAGE_W - MARGIN, 8 * mm, f"Page {page} of {total}")

    def end_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Draw the DRAFT watermark over the finished page; nothing for a course that is not a draft."""
        if self.draft:
            self._watermark(canv, register_family(self.brand, self.brand.body_font))

    def _watermark(self, canv: Canvas, font: str) -> None:
        # Drawn last, over table backgrounds that would hide it; the low alpha keeps the text readable.
        canv.saveState()
        canv.setFillColor(colour(self.brand, "accent"), alpha=0.12)
        canv.setFont(font + "-Bold", 120)
        canv.translate(PAGE_W / 2, PAGE_H / 2)
        canv.rotate(50)
        canv.drawCentredString(0, -40, "DRAFT")
        canv.restoreState()

    def _blanks(self, canv: Canvas, font: str, top: float, left: float, right: float) -> None:
        """One blank a line, each label in bold and a rule to write on after it, the rules all starting at one
        place and running to `right`: one line of blanks between the logos left each too short to write in."""
        size = 9.5
        labels = [f"{label}:" for label in self.blanks]
        start = left + max(text_width(canv, v, font + "-Bold", size) for v in labels) + 2 * mm
        step = LOGO_H / len(labels)
        canv.setFillColor(colour(self.brand, "text"))
        canv.setStrokeColor(colour(self.brand, "text"))
        canv.setLineWidth(0.6)
        for i, label in enumerate(labels):
            base = top - step * (i + 1) + 1.5 * mm
            draw_text(canv, left, base, label, font + "-Bold", size)
            canv.line(start, base - 0.8 * mm, right, base - 0.8 * mm)

    def _banner(self, canv: Canvas, font: str, middle: float, right: float) -> None:
        words = "DRAFT \u00b7 not for delivery: modules still to be defined"
        canv.setFont(font + "-Bold", 8.5)
        w = canv.stringWidth(words, font + "-Bold", 8.5) + 6 * mm
        canv.setFillColor(colour(self.brand, "accent"))
        canv.roundRect(right - w, middle - 3.5 * mm, w, 7 * mm, 1.5 * mm, stroke=0, fill=1)
        canv.setFillColor(colour(self.brand, "background"))
        canv.drawCentredString(right - w / 2, middle - 1.1 * mm, words)


def _draw_fitted(canv: Canvas, value: str, font: str, size: float, right: float, y: float, room: float) -> None:
    """Draw right-aligned text, shrinking then truncating it so a long course title never overlaps."""
    while size > 6.5 and text_width(canv, value, font, size) > room:
        size -= 0.5
    while text_width(canv, value, font, size) > room:
        value = value[:-2].rstrip() + "\u2026"
    draw_text(canv, right, y, value, font, size, anchor="right")


def _draw_fitted_left(canv: Canvas, value: str, font: str, size: float, left: float, y: float, room: float) -> None:
    """Draw left-aligned text, truncated with an ellipsis so a long LA name never runs into the page number."""
    while text_width(canv, value, font, size) > room:
        value = value[:-2].rstrip() + "\u2026"
    draw_text(canv, left, y, value, font, size)


class _BrandedDoc(BaseDocTemplate):
    """A one-frame A4 document that turns Heading flowables into outline entries."""

    def __init__(self, buffer: io.BytesIO, decor: PageDecor, **kw: Any) -> None:
        super().__init__(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=FRAME_TOP,
                         bottomMargin=FRAME_BOTTOM, **kw)
        frame = Frame(MARGIN, FRAME_BOTTOM, CONTENT_W, FRAME_H, id="body", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decor, onPageEnd=decor.end_page)])
        self._bookmarks = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        bookmark(self, flowable)


def bookmark(doc: BaseDocTemplate, flowable: Flowable) -> None:
    """Make a Heading flowable an entry in the PDF's outline, pointing at the top of its page."""
    if isinstance(flowable, (Heading, Bookmark)):
        count = getattr(doc, "_bookmarks", 0) + 1
        setattr(doc, "_bookmarks", count)
        key = f"section-{count}"
        doc.canv.bookmarkPage(key, fit="XYZ", left=0, top=doc.pagesize[1])
        doc.canv.addOutlineEntry(flowable.outline_title, key, level=flowable.outline_level, closed=False)


@attrs.frozen
class PdfInfo:
    """Document metadata every PDF artefact carries."""

    title: str
    subject: str
    author: str
    keywords: tuple[str, ...] = ()


def build_pdf(story: Callable[[], list[Flowable]], decor: PageDecor, info: PdfInfo,
              show_outline: bool = False) -> tuple[bytes, int]:
    """Lay the story out once and return the PDF's bytes and page count (see _build)."""
    data, pages, _fill = _build(story, decor, info, show_outline)
    return data, pages


def build_pdf_measured(story: Callable[[], list[Flowable]], decor: PageDecor, info: PdfInfo,
                       show_outline: bool = False) -> tuple[bytes, int, float]:
    """build_pdf, and how far down its last page's body the text reaches (0 to 1): a caller that lays a
    document out several ways can turn down one that leaves a stub on its last page."""
    return _build(story, decor, info, show_outline)


def _build(story: Callable[[], list[Flowable]], decor: PageDecor, info: PdfInfo,
           show_outline: bool) -> tuple[bytes, int, float]:
    """Lay the story out once: the PDF's bytes, its page count and how much of its last page's body it fills.

    "Page N of M" needs M before the last page exists: each page shows a form XObject for its number, and the
    canvas defines those forms when the document ends. The story is a factory because platypus consumes and
    splits flowables while it lays them out, and a caller may build it again (the outline tries sizes).
    """
    buffer = io.BytesIO()
    # The page's initial font is the brand's, not reportlab's default Helvetica, which is never embedded.
    base_font = register_family(decor.brand, decor.brand.body_font)
    # invariant=1 pins the creation date and document id, so identical input gives identical bytes.
    doc = _BrandedDoc(buffer, decor, title=info.title, author=info.author, subject=info.subject,
                      keywords=list(info.keywords), creator="iwpacks", lang="en-GB", invariant=1,
                      displayDocTitle=True, initialFontName=base_font)
    _SCRIPTS.set(script_fonts(decor.brand))
    doc.build(story(), canvasmaker=_canvas_maker(decor, show_outline))
    # Where the last flowable left off in the last page's frame: how much of that page's body the text fills.
    cursor: float = getattr(doc.frame, "_y")  # the frame's current height, which reportlab keeps private
    last_page_fill = (FRAME_BOTTOM + FRAME_H - cursor) / FRAME_H
    return buffer.getvalue(), doc.page, last_page_fill


STUB = 0.25  # a last page whose text reaches less than this far down its body is a stub, a tail to join up
CONDENSED_SIZES = (9.6, 9.3, 9.0)  # body sizes in points to try, a touch smaller each, to pull a stub back


def build_without_stub(story_at: Callable[[float], list[Flowable]], decor: PageDecor, info: PdfInfo,
                       show_outline: bool = False, size: float = 10.0) -> tuple[bytes, int]:
    """build_pdf at the body size; if that leaves a short tail alone on a last page (a table row and a contact,
    say), build again a touch smaller, so the tail joins the page before. The first build with one page fewer
    wins; if none has, the first build stands: nothing is cut, and a stub is better than cramped type."""
    data, pages, fill = _build(lambda: story_at(size), decor, info, show_outline)
    if pages < 2 or fill >= STUB:
        return data, pages
    for smaller in CONDENSED_SIZES:
        condensed, fewer, _fill = _build(lambda: story_at(smaller), decor, info, show_outline)
        if fewer < pages:
            return condensed, fewer
    return data, pages


def _page_number_form(page: int) -> str:
    return f"iwpacks-page-{page}"


def _canvas_maker(decor: PageDecor, show_outline: bool) -> Callable[..., Canvas]:
    """A canvas class that fills in the page-number forms at the end, and may open with the bookmarks showing."""
    from reportlab.pdfgen.canvas import Canvas

    class _NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kw: Any) -> None:
            super().__init__(*args, **kw)
            if show_outline:
                self.showOutline()

        def save(self) -> None:
            total = self.getPageNumber() - 1  # the page after the last one has been started, and is empty
            if decor.total_pages is None:
                for page in range(1, total + 1):
                    self.beginForm(_page_number_form(page))
                    decor.draw_page_number(self, page, total)
                    self.endForm()
            super().save()

    return _NumberedCanvas
