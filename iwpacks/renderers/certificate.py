"""Renders certificate.pdf: a one-page certificate of attendance with the course, its time and objectives."""
from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from iwpacks.renderers import register
from iwpacks.renderers._facts import course_facts, mid_sentence
from iwpacks.renderers._forms import course_objectives
from iwpacks.renderers._local import cover_identity
from iwpacks.renderers._pdf import (
    CONTENT_W,
    Heading,
    PageDecor,
    PdfInfo,
    build_pdf,
    bullets,
    grid,
    paragraph_styles,
    text,
)
from iwpacks.renderers._words import items, say

if TYPE_CHECKING:
    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan

NAME_LINE = "_" * 48  # where the trainer writes the attendee's name on a blank certificate
NAME_LARGEST, NAME_SMALLEST = 22, 12  # points
# The objectives take the room left on the page: a smaller size for a course with many of them.
OBJECTIVE_SIZES = ((8, 11), (14, 9.5), (999, 8))


class CertificateRenderer:
    """Renders certificate.pdf for one course plan: a page for each attendee, or one to fill in by hand."""

    name = "certificate"
    filename = "certificate.pdf"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        facts = course_facts(plan)
        kind = say(plan, "certificate.title")
        local = cover_identity(plan)
        names = plan.attendees or (NAME_LINE,)
        decor = PageDecor(brand=brand, label=kind, title=facts.title, draft=facts.draft, total_pages=len(names),
                          local=local, numbered=False)
        info = PdfInfo(title=f"{kind}: {facts.title}", author=local.name or brand.name,
                       subject=f"{kind} for {mid_sentence(facts.audience)}", keywords=(facts.course_id, kind.lower()))
        data, _ = build_pdf(lambda: _pages(plan, brand, names), decor, info)
        return data


def _pages(plan: CoursePlan, brand: Brand, names: tuple[str, ...]) -> list[Flowable]:
    """A certificate for each name, each on a page of its own."""
    out: list[Flowable] = []
    for index, name in enumerate(names):
        if index:
            out.append(PageBreak())
        out += _page(plan, brand, name)
    return out


def _name_style(brand: Brand, base: ParagraphStyle, name: str) -> ParagraphStyle:
    """The attendee's name as large as fits one line, down to NAME_SMALLEST points; a longer one wraps."""
    size = NAME_LARGEST
    while size > NAME_SMALLEST and stringWidth(name, base.fontName, size) > CONTENT_W:
        size -= 1
    return ParagraphStyle("name", base, fontSize=size, leading=size * 1.25, spaceBefore=4 * mm)


def _page(plan: CoursePlan, brand: Brand, name: str) -> list[Flowable]:
    """One certificate: the kind, who, the course, its time, what it covered and the signatures."""
    facts = course_facts(plan)
    objectives = course_objectives(plan)
    size = next(points for most, points in OBJECTIVE_SIZES if len(objectives) <= most)
    s = paragraph_styles(brand)
    centre = {key: ParagraphStyle(f"{key}_centre", s[key], alignment=TA_CENTER) for key in ("h1", "body", "h2")}
    big = ParagraphStyle("certificate_title", centre["h1"], fontSize=30, leading=36, spaceBefore=20 * mm)
    small = ParagraphStyle("objective", paragraph_styles(brand, size)["bullet"])
    local = cover_identity(plan)
    out: list[Flowable] = [Paragraph(text(say(plan, "certificate.title")), big), Spacer(0, 6 * mm),
                           Paragraph(text(say(plan, "certificate.lead")), centre["body"]),
                           # A heading, so a PDF of many certificates has a bookmark for each attendee.
                           Heading(name, _name_style(brand, centre["h1"], name),
                                   outline=say(plan, "certificate.title") if name == NAME_LINE else name),
                           Paragraph(text(say(plan, "certificate.attended")), centre["body"]),
                           Paragraph(text(facts.title), ParagraphStyle("course", centre["h1"], fontSize=18, leading=23)),
                           Paragraph(text(say(plan, "certificate.duration", time=facts.total_planned, days=facts.days)),
                                     centre["body"])]
    if local.name:
        out.append(Paragraph(text(say(plan, "certificate.provider", la=local.name)), centre["body"]))
    out += [Spacer(0, 4 * mm), Paragraph(text(say(plan, "certificate.objectives")), s["h2"]),
            *bullets(objectives, small), Spacer(0, 24 * mm)]
    signatures = [[Paragraph(text(f"{label}: {'_' * 26}"), s["body"]) for label in items(plan, "certificate.signatures")]]
    out.append(grid(signatures, s, colWidths=[CONTENT_W / 2] * 2))
    return out


register(CertificateRenderer())
