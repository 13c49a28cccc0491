"""Renders cascade-plan.docx, for train-the-trainer courses: the courses an attendee will deliver onwards,
what they need to get ready, and the follow-up call of 2.10."""
from __future__ import annotations

from typing import TYPE_CHECKING

from iwpacks.renderers import register
from iwpacks.renderers._docx import finish, keep_with_next, open_template, table, writing_lines
from iwpacks.renderers._forms import contact_line, form_heading, form_section
from iwpacks.renderers._words import cascade_target, items, say

if TYPE_CHECKING:
    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan

SESSIONS = 6      # the first few courses: enough to plan, few enough to agree before leaving
ROW_HEIGHT = 1.6  # cm


class CascadePlanRenderer:
    """Renders cascade-plan.docx for one train-the-trainer course plan."""

    name = "cascade-plan"
    filename = "cascade-plan.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        doc = open_template(brand)
        kind = say(plan, "cascade_plan.title")
        form_heading(doc, plan, brand, kind, tuple((label, "") for label in items(plan, "cascade_plan.blanks")))
        doc.add_paragraph(say(plan, "cascade_plan.intro", target=cascade_target(plan)))
        form_section(doc, say(plan, "cascade_plan.sessions_heading"))
        table(doc, items(plan, "cascade_plan.sessions_header"), [[""] * 5] * SESSIONS,
              widths=(5.4, 1.8, 2.6, 3.6, 3.6), height=ROW_HEIGHT)
        form_section(doc, say(plan, "cascade_plan.preparation_heading"))
        doc.paragraphs[-1].paragraph_format.page_break_before = True  # page 2: getting ready, whole
        table(doc, items(plan, "cascade_plan.preparation_header"),
              [[step, "", ""] for step in items(plan, "cascade_plan.preparation")], widths=(11.6, 3.4, 2.0))
        form_section(doc, say(plan, "cascade_plan.support_heading"))
        keep_with_next(doc.add_paragraph(say(plan, "cascade_plan.support")))
        writing_lines(doc, 2)
        form_section(doc, say(plan, "cascade_plan.follow_up_heading"))
        keep_with_next(doc.add_paragraph(say(plan, "cascade_plan.follow_up")))
        writing_lines(doc, 2)
        table(doc, items(plan, "cascade_plan.sign_off"), [[""] * 3], widths=(6.0, 6.0, 5.0), height=1.4)
        doc.add_paragraph(say(plan, "cascade_plan.contact", contact=contact_line(plan, "booking")), style="Caption")
        return finish(doc, plan, brand, kind)


register(CascadePlanRenderer())
