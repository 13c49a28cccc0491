"""Renders certificate.pdf: a landscape certificate of attendance, one page per attendee (or one to fill in),
with the LA, the course, its date and length, the modules it covered (and its objectives where there are few),
inside a border in the brand's colours."""
from __future__ import annotations

import io
import unicodedata
from typing import TYPE_CHECKING, Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Paragraph, Spacer

from iwpacks.model import Contact
from iwpacks.renderers import register
from iwpacks.renderers._facts import course_facts, mid_sentence
from iwpacks.renderers._forms import course_objectives
from iwpacks.renderers._local import CoverIdentity, cover_identity
from iwpacks.renderers._pdf import (
    Heading,
    bookmark,
    bullets,
    colour,
    grid,
    la_logo_reader,
    paragraph_styles,
    register_family,
    script_fonts,
    text,
)
from iwpacks.renderers._words import items, say

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan

PAGE_W, PAGE_H = landscape(A4)
BORDER = 10 * mm      # from the page edge to the outer rule
MARGIN = 22 * mm      # from the page edge to the text, at the sides
FOOT = 20 * mm        # from the page's foot to the text: the signature labels sit just inside the border
LOGO_H = 13 * mm
LOGO_TOP = 8 * mm     # from the outer rule down to the logos
LOGO_GAP = 4 * mm     # from the logos down to the text
CONTENT_W = PAGE_W - 2 * MARGIN
NAME_LINE = "_" * 48  # where the trainer writes the attendee's name on a blank certificate
DATE_LINE = "_" * 30  # where the trainer writes the day the course ran: no course date is known at build
DAY_LINE = "_" * 18   # each day's line, where a course runs over several
NAME_LARGEST, NAME_SMALLEST = 24, 12  # points
PROBE_NAME = "Jo Bloggs"  # a short name, set at NAME_LARGEST
# A certificate names what was covered, compactly: the modules always, and the objectives only where there are
# this many or fewer. The reviewer found a course's 13 objectives too many for a certificate.
MOST_OBJECTIVES = 6
LIST_SIZE = 12                   # points, the modules and the objectives
LIST_W = CONTENT_W * 0.6         # the objectives, one column centred on the page
GAP_MOST = 20 * mm               # the most space between two groups: more would read as a blank band
SIGNATURE_W = 66 * mm            # each signature line
SIGNATURE_SIZE = 11              # points, the label under each line: legible at arm's length, as the body is
SIGNATURE_ROOM = 10 * mm         # above the line, to sign or write the date in
FRAME_TOP = PAGE_H - BORDER - LOGO_TOP - LOGO_H - LOGO_GAP
FRAME_H = FRAME_TOP - FOOT
SPREAD_SLACK = 4                 # points kept back from the spread, so rounding never pushes a page over


class CertificateRenderer:
    """Renders certificate.pdf for one course plan: a page for each attendee, or one to fill in by hand."""

    name = "certificate"
    filename = "certificate.pdf"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        facts = course_facts(plan)
        kind = say(plan, "certificate.title")
        local = cover_identity(plan)
        names = plan.attendees or (NAME_LINE,)
        meta = dict(title=f"{kind}: {facts.title}", author=local.name or brand.name,
                    subject=f"{kind} for {mid_sentence(facts.audience)}", keywords=[facts.course_id, kind.lower()])
        # The objectives where there are few enough and they fit the page, else the modules alone. A short name
        # at the largest size takes as much height as any name can (a long one is set smaller, on one line), so
        # it is the trial.
        listed = len(course_objectives(plan)) <= MOST_OBJECTIVES
        if listed and _build(brand, local, meta, _page(plan, brand, PROBE_NAME, True))[1] > 1:
            listed = False
        return _build(brand, local, meta, _pages(plan, brand, names, listed))[0]


def _build(brand: Brand, local: CoverIdentity, meta: dict, story: list[Flowable]) -> tuple[bytes, int]:
    """The PDF's bytes and its page count."""
    buffer = io.BytesIO()
    # invariant=1 pins the creation date and document id, so identical input gives identical bytes.
    doc = _CertificateDoc(buffer, brand, local, creator="iwpacks", lang="en-GB", invariant=1, displayDocTitle=True,
                          initialFontName=register_family(brand, brand.body_font), **meta)
    doc.build(story)
    return buffer.getvalue(), doc.page


class _CertificateDoc(BaseDocTemplate):
    """Landscape A4 with the certificate's border and logos on every page; each name is a bookmark."""

    def __init__(self, buffer: io.BytesIO, brand: Brand, local: CoverIdentity, **kw: Any) -> None:
        super().__init__(buffer, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=PAGE_H - FRAME_TOP, bottomMargin=FOOT, **kw)
        self._brand, self._local = brand, local
        frame = Frame(MARGIN, FOOT, CONTENT_W, FRAME_H, id="body", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="certificate", frames=[frame], onPage=self._decorate)])

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        brand = self._brand
        canv.saveState()
        canv.setStrokeColor(colour(brand, "primary"))
        canv.setLineWidth(2.2)
        canv.rect(BORDER, BORDER, PAGE_W - 2 * BORDER, PAGE_H - 2 * BORDER, stroke=1, fill=0)
        canv.setStrokeColor(colour(brand, "accent"))
        canv.setLineWidth(0.7)
        inner = BORDER + 2.5 * mm
        canv.rect(inner, inner, PAGE_W - 2 * inner, PAGE_H - 2 * inner, stroke=1, fill=0)
        top = PAGE_H - BORDER - LOGO_TOP
        canv.drawImage(str(brand.logo), MARGIN, top - LOGO_H, width=LOGO_H * 5, height=LOGO_H, mask="auto",
                       preserveAspectRatio=True, anchor="sw")
        if self._local.logo is not None:
            width, height = (v * mm for v in brand.logo_box("certificate"))
            canv.drawImage(la_logo_reader(self._local.logo), PAGE_W - MARGIN - width, top - LOGO_H, width=width,
                           height=height,
                           mask="auto", preserveAspectRatio=True, anchor="se")
        canv.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        bookmark(self, flowable)


def _pages(plan: CoursePlan, brand: Brand, names: tuple[str, ...], objectives: bool) -> list[Flowable]:
    """A certificate for each name, each on a page of its own."""
    out: list[Flowable] = []
    for index, name in enumerate(names):
        if index:
            out.append(PageBreak())
        out += _page(plan, brand, name, objectives)
    return out


def _name_style(base: ParagraphStyle, name: str) -> ParagraphStyle:
    """The attendee's name as large as fits one line, down to NAME_SMALLEST points; a longer one wraps."""
    size = NAME_LARGEST
    while size > NAME_SMALLEST and stringWidth(name, base.fontName, size) > CONTENT_W:
        size -= 1
    return ParagraphStyle("name", base, fontSize=size, leading=size * 1.25, spaceBefore=2 * mm, spaceAfter=2 * mm)


def unprintable(brand: Brand, name: str) -> str:
    """The letters of a name none of the certificate's fonts has a glyph for, as one string; empty if none."""
    covered = [chars for _, chars in script_fonts(brand)]
    return "".join(dict.fromkeys(c for c in name if not c.isspace() and not unicodedata.combining(c)
                                 and not any(ord(c) in chars for chars in covered)))


def _name(brand: Brand, base: ParagraphStyle, name: str, blank_outline: str) -> Heading:
    """The attendee's name, a bookmark too. Its letters are set as text() sets every value: Arabic joined and
    right-to-left words in reading order, and a letter the heading font lacks in the brand's script font."""
    outline = blank_outline if name == NAME_LINE else name
    return Heading(name, _name_style(base, name), outline=outline)


def _page(plan: CoursePlan, brand: Brand, name: str, objectives: bool) -> list[Flowable]:
    """One certificate: the kind, who, the course, its date and length, the modules it covered, its
    objectives if `objectives`, and the signatures; each a group, spaced evenly down the page."""
    facts = course_facts(plan)
    s = paragraph_styles(brand)
    centre = {key: ParagraphStyle(f"{key}_centre", s[key], alignment=TA_CENTER) for key in ("h1", "h2")}
    # The lines between the title, the name and the course at the list's size: at body size they read as small
    # print on a landscape page.
    centre["body"] = ParagraphStyle("body_centre", paragraph_styles(brand, LIST_SIZE)["body"], alignment=TA_CENTER)
    big = ParagraphStyle("certificate_title", centre["h1"], fontSize=28, leading=32, spaceBefore=0, spaceAfter=0)
    course = ParagraphStyle("course", centre["h1"], fontSize=18, leading=22, spaceBefore=1 * mm)
    who: list[Flowable] = [Paragraph(text(say(plan, "certificate.lead")), centre["body"]),
                           # A heading, so a PDF of many certificates has a bookmark for each attendee.
                           _name(brand, centre["h1"], name, say(plan, "certificate.title"))]
    what: list[Flowable] = [Paragraph(text(say(plan, "certificate.attended")), centre["body"]),
                            Paragraph(text(facts.title), course),
                            # The day or days it ran, then what it was, as a certificate says it.
                            Paragraph(text(say(plan, "certificate.date", date=date_lines(plan))), centre["body"]),
                            Paragraph(text(course_length(plan)), centre["body"])]
    local = cover_identity(plan)
    if local.name:
        what.append(Paragraph(text(say(plan, "certificate.provider", la=local.name)), centre["body"]))
    groups: list[list[Flowable]] = [[Paragraph(text(say(plan, "certificate.title")), big)], who, what,
                                    _modules(plan, brand, s)]
    if objectives:
        groups.append(_objectives(plan, brand, s))
    return _spread([*groups, [_signatures(plan, brand, s)]])


def date_lines(plan: CoursePlan) -> str:
    """A line to write each day on: "___" for one day, "___ and ___" for two, "___, ___ and ___" for three."""
    days = plan.timetable.days
    if days <= 1:
        return DATE_LINE
    return f'{", ".join([DAY_LINE] * (days - 1))} {say(plan, "certificate.and")} {DAY_LINE}'


def course_length(plan: CoursePlan) -> str:
    """What the course was, in words: "a half-day course (2 hours 15 minutes of training)", "a two-day course
    (12 hours 30 minutes of training)"; a course of half days (no lunch on any day) says so."""
    days = plan.timetable.days
    numbers = items(plan, "certificate.numbers")
    count = numbers[days - 1] if 0 < days <= len(numbers) else str(days)
    if any(row.kind == "lunch" for row in plan.timetable.rows):
        course = say(plan, "certificate.days", days=count)
    else:
        course = say(plan, "certificate.half_day") if days <= 1 else say(plan, "certificate.half_days", days=count)
    return say(plan, "certificate.duration", course=course, time=_spoken_time(plan, plan.planned_minutes))


def _spoken_time(plan: CoursePlan, minutes: int) -> str:
    """135 -> "2 hours 15 minutes", 60 -> "1 hour", 45 -> "45 minutes"."""
    hours, rest = divmod(minutes, 60)
    parts = [f"{n} {words[0] if n == 1 else words[1]}"
             for n, words in ((hours, items(plan, "certificate.hours")), (rest, items(plan, "certificate.minutes")))
             if n]
    return " ".join(parts)


def issuer(plan: CoursePlan, brand: Brand) -> str:
    """Who issues the certificate: the LA's training team where its pack names one (the booking contact, with
    its organisation), else the LA, else the programme."""
    local = plan.localisation
    value = local.slots.get(plan.slot_for("booking")) if local is not None else None
    team = next((item for item in value if isinstance(item, Contact)), None) if isinstance(value, tuple) else None
    if team is not None:
        return ", ".join(x for x in (team.name, team.organisation) if x)
    return cover_identity(plan).name or brand.name


def _list_heading(plan: CoursePlan, key: str, s: dict[str, ParagraphStyle]) -> Paragraph:
    """A list's heading, centred, kept with the list."""
    return Paragraph(text(say(plan, key)), ParagraphStyle(f"{key}_centre", s["h2"], alignment=TA_CENTER,
                                                          spaceBefore=0, keepWithNext=1))


def _modules(plan: CoursePlan, brand: Brand, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The modules covered, by name, one centred line each: what an employer reading the certificate knows."""
    line = ParagraphStyle("module", paragraph_styles(brand, LIST_SIZE)["body"], alignment=TA_CENTER,
                          spaceAfter=LIST_SIZE * 0.2)
    return [_list_heading(plan, "certificate.modules", s), *(Paragraph(text(m.name), line) for m in plan.modules)]


def _objectives(plan: CoursePlan, brand: Brand, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The few objectives as one column centred on the page; the bullets inside read left-aligned, as a list
    does."""
    item = ParagraphStyle("objective", paragraph_styles(brand, LIST_SIZE)["bullet"], leading=LIST_SIZE * 1.2,
                          spaceAfter=LIST_SIZE * 0.15)
    block = grid([[bullets(course_objectives(plan), item)]], s, colWidths=[LIST_W])
    block.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6)])
    block.hAlign = "CENTER"
    return [_list_heading(plan, "certificate.objectives", s), block]


def _signatures(plan: CoursePlan, brand: Brand, s: dict[str, ParagraphStyle]) -> Flowable:
    """A ruled line for each signature (the trainer's signature, name and the date of issue), room above it to
    write, and its label centred beneath it, as a certificate's signature lines are, a gap between each; then,
    centred under them, who issues it."""
    labels = items(plan, "certificate.signatures")
    caption = ParagraphStyle("signature_caption", s["body"], fontSize=SIGNATURE_SIZE, leading=SIGNATURE_SIZE * 1.2,
                             alignment=TA_CENTER, spaceBefore=0, spaceAfter=0)
    gap = (CONTENT_W - len(labels) * SIGNATURE_W) / (len(labels) - 1)
    widths = [w for i in range(len(labels)) for w in ((gap, SIGNATURE_W) if i else (SIGNATURE_W,))]
    lined = range(0, 2 * len(labels) - 1, 2)
    rows = [[""] * len(widths), [Paragraph(text(labels[i // 2]), caption) if i in lined else "" for i in range(len(widths))]]
    by = Paragraph(text(say(plan, "certificate.issuer", by=issuer(plan, brand))), caption)
    rows.append([by] + [""] * (len(widths) - 1))
    table = grid(rows, s, colWidths=widths, rowHeights=[SIGNATURE_ROOM, None, None])
    table.setStyle([*(("LINEBELOW", (i, 0), (i, 0), 0.8, colour(brand, "text")) for i in lined),
                    ("TOPPADDING", (0, 1), (-1, 1), 3), ("SPAN", (0, 2), (-1, 2)), ("TOPPADDING", (0, 2), (-1, 2), 8)])
    return table


def _spread(groups: list[list[Flowable]]) -> list[Flowable]:
    """The groups down the page with the same space between each and the next, at most GAP_MOST so no gap
    reads as a blank band; what is left over goes above the first and below the last but one, so the text
    stands in the middle of the page and the signatures (the last group) at its foot."""
    def height(flowables: list[Flowable]) -> float:
        total = 0.0
        for f in flowables:
            total += f.wrap(CONTENT_W, FRAME_H)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        return total

    spare = max(0.0, FRAME_H - sum(height(g) for g in groups) - SPREAD_SLACK)
    gap = min(GAP_MOST, spare / max(1, len(groups) - 1))
    margin = (spare - gap * (len(groups) - 1)) / 2  # above the title and above the signatures
    out: list[Flowable] = [Spacer(0, margin)] if margin else []
    for index, group in enumerate(groups):
        if index:
            out.append(Spacer(0, gap + (margin if index == len(groups) - 1 else 0)))
        out += group
    return out


register(CertificateRenderer())
