"""Renders glossary.docx: each acronym the course's texts use, what it stands for and what it means."""
from __future__ import annotations

from typing import TYPE_CHECKING

from iwpacks.renderers import register
from iwpacks.renderers._docx import finish, open_template, table
from iwpacks.renderers._forms import form_heading
from iwpacks.renderers._words import items, say

if TYPE_CHECKING:
    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan


class GlossaryRenderer:
    """Renders glossary.docx for one course plan: its `glossary`, which render_course narrows to the terms
    the course's other files use."""

    name = "glossary"
    filename = "glossary.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        doc = open_template(brand)
        kind = say(plan, "glossary.title")
        form_heading(doc, plan, brand, kind)
        doc.add_paragraph(say(plan, "glossary.intro"))
        rows = [[t.term, t.stands_for, t.meaning] for t in plan.glossary]
        table(doc, items(plan, "glossary.header"), rows, widths=(2.4, 4.6, 10.0))
        return finish(doc, plan, brand, kind)


register(GlossaryRenderer())
