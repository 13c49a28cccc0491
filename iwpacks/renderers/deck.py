"""Renders deck.pptx from the brand's PowerPoint template: one slide per SlideSpec, with speaker notes."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches, Mm, Pt

from iwpacks.errors import TemplateError
from iwpacks.renderers import register
from iwpacks.renderers._deck_slides import Para, SlideSpec, no_widow, plan_slides
from iwpacks.renderers._diagram_layout import SLIDE, SLIDE_BESIDE, lay_out
from iwpacks.renderers._diagram_pptx import draw_figure
from iwpacks.renderers._determinism import fix_core_properties, presentation_bytes
from iwpacks.renderers._facts import mid_sentence
from iwpacks.renderers._local import cover_identity
from iwpacks.renderers._pptx_slides import NotesMaker, SlideMaker
from iwpacks.renderers._pptx_xml import no_bullet, set_level
from iwpacks.renderers._words import tidy_punctuation

if TYPE_CHECKING:
    from pptx.presentation import Presentation as PresentationObject

    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan

LAYOUTS = ("Title", "Section", "Title and Content", "Two Content", "Exercise", "Closing")


def template_layouts(prs: PresentationObject, template_name: str) -> dict:
    """The named layouts of the template; TemplateError names any that are missing (no silent fallback)."""
    found = {layout.name: layout for layout in prs.slide_layouts}
    missing = [name for name in LAYOUTS if name not in found]
    if missing:
        raise TemplateError(f'{template_name}: missing slide layout{"s" if len(missing) > 1 else ""} '
                            + ", ".join(f'"{m}"' for m in missing) + f" (found: {', '.join(found)})")
    return found


class DeckRenderer:
    """Renders deck.pptx for one course plan."""

    name = "deck"
    filename = "deck.pptx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        """The deck as bytes; identical plans and brands give identical bytes."""
        prs = Presentation(str(brand.deck_template))
        layouts = template_layouts(prs, f"{brand.folder.name}/{brand.deck_template.name}")
        slides, notes = SlideMaker(prs), NotesMaker()
        for spec in plan_slides(plan):
            _draw(prs, *slides.add(layouts[spec.layout]), spec, brand, plan.draft, notes)
        identity = cover_identity(plan)
        if identity.logo is not None:  # the LA's logo in the logo band of the title and closing slides
            for slide in (prs.slides[0], prs.slides[-1]):
                _la_logo(slide, identity, prs.slide_width, prs.slide_height, brand)
        fix_core_properties(prs.core_properties, title=f"{plan.course.title}: slides",
                            subject=f"Training slides for {mid_sentence(plan.audience.name)}", author=brand.name,
                            version=plan.version)
        return presentation_bytes(prs)


def _draw(prs: PresentationObject, slide, holders: dict, spec: SlideSpec, brand: Brand, draft: bool,
          notes: NotesMaker) -> None:
    title = holders.pop(0)
    # Drawn, not planned: the plan's titles stay plain text for the guide to quote.
    title.text_frame.text = spec.title if spec.layout == "Title" else no_widow(spec.title)
    if spec.layout not in ("Title", "Section", "Closing"):
        # One size for every content slide's title, so titles do not jump between neighbouring slides: two
        # lines of it hold the longest title the slide plan allows (_deck_slides.TITLE_CHARS).
        _size_runs(title.text_frame, Pt(CONTENT_TITLE_PT))
    if spec.layout in ("Title", "Section"):
        _fill(holders.pop(1), spec.subtitle, brand, dark=True)
    elif spec.layout == "Closing":
        _fill(holders.pop(2), spec.subtitle, brand, dark=True)
        _fill(holders.pop(1), spec.body, brand, dark=True)
    elif spec.layout == "Exercise":
        for heading_idx, body_idx, heading, paras in ((1, 2, spec.headings[0], spec.body),
                                                      (3, 4, spec.headings[1], spec.right)):
            if heading:
                holders.pop(heading_idx).text_frame.text = heading
            _fill(holders.pop(body_idx), paras, brand, size=spec.size)
    elif spec.diagram is not None:  # the picture takes the body area, or the right-hand column beside the points
        beside = spec.layout == "Two Content"
        if beside:
            _fill(holders.pop(1), spec.body, brand)
        area = holders.pop(2 if beside else 1)
        draw_figure(slide.shapes, lay_out(spec.diagram, brand, SLIDE_BESIDE if beside else SLIDE), area.left, area.top,
                    brand)
        area._element.getparent().remove(area._element)
    elif spec.layout == "Two Content":
        _fill(holders.pop(1), spec.body, brand)
        _fill(holders.pop(2), spec.right, brand)
    else:
        _fill(holders.pop(1), spec.body, brand, size=spec.size)
    for unused in holders.values():  # an empty placeholder shows "Click to add text" in PowerPoint
        unused._element.getparent().remove(unused._element)
    if draft:
        _draft_mark(slide, brand, prs.slide_width)
    notes.add(slide, spec.notes)
    if spec.hidden:  # out of the slide show until the trainer unhides it; still in the file, in its place
        slide._element.set("show", "0")


CONTENT_TITLE_PT = 28
RUNNING_SPACE_PT = 8  # _deck_slides.RUNNING_SPACE counts it in lines


def _fill(placeholder, paras: tuple[Para, ...], brand: Brand, dark: bool = False, size: int | None = None) -> None:
    """Write paragraphs into a placeholder; `dark` layouts show placeholders in the pale tint, for contrast."""
    frame = placeholder.text_frame
    frame.word_wrap = True
    if not paras:
        placeholder._element.getparent().remove(placeholder._element)
        return
    for index, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        if para.level < 0:  # running text, not a list: no bullet, no indent, a little space between paragraphs
            no_bullet(paragraph)
            paragraph.space_after = Pt(RUNNING_SPACE_PT)
        else:
            set_level(paragraph, para.level)
        run = paragraph.add_run()
        run.text = tidy_punctuation(para.text)
        if size:
            run.font.size = Pt(size)
        if para.bold:
            run.font.bold = True
        if para.placeholder:  # an unfilled local slot: visible, in the accent colour (tint on dark slides)
            run.font.italic = True
            run.font.bold = True
            run.font.color.rgb = RGBColor.from_string(brand.colours["tint" if dark else "accent"])


def _size_runs(frame, size) -> None:
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = size


def _la_logo(slide, identity, width, height, brand: Brand) -> None:
    """The LA's logo at the right-hand end of the logo band, keeping its shape inside the brand's slide box."""
    logo = identity.logo
    box_w, box_h = (Mm(v) for v in brand.logo_box("slide"))
    logo_w, logo_h = (int(v) for v in logo.fit(box_w, box_h))
    top = height - Inches(0.8) + (box_h - logo_h) // 2
    picture = slide.shapes.add_picture(logo.stream(), width - Inches(0.6) - logo_w, top, logo_w, logo_h)
    picture.name = "LA logo"
    picture._element.nvPicPr.cNvPr.set("descr", identity.alt_text)


def _draft_mark(slide, brand: Brand, width) -> None:
    box = slide.shapes.add_textbox(width - Inches(2.3), Inches(0.18), Inches(2.0), Inches(0.45))
    box.name = "Draft mark"
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "DRAFT"
    run.font.size = Pt(20)
    run.font.bold = True
    run.font.color.rgb = RGBColor.from_string(brand.colours["accent"])


register(DeckRenderer())
