"""Renders action-plan.docx: what each attendee will do differently, by when, with whom, and how they will know."""
from __future__ import annotations

from typing import TYPE_CHECKING

from iwpacks.renderers import register
from iwpacks.renderers._docx import finish, keep_with_next, open_template, slot_block, table, writing_lines
from iwpacks.renderers._forms import form_heading, form_section
from iwpacks.renderers._slots import slot_text
from iwpacks.renderers._words import cascade_target, items, say

if TYPE_CHECKING:
    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan

ACTIONS = 4       # rows of the plan
ROW_HEIGHT = 2.6  # cm: room to write two or three lines in each cell


class ActionPlanRenderer:
    """Renders action-plan.docx for one course plan."""

    name = "action-plan"
    filename = "action-plan.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        doc = open_template(brand)
        kind = say(plan, "action_plan.title")
        form_heading(doc, plan, brand, kind, tuple((label, "") for label in items(plan, "action_plan.blanks")))
        doc.add_paragraph(say(plan, "action_plan.intro"))
        table(doc, items(plan, "action_plan.header"), [[""] * 4] * ACTIONS, widths=(6.2, 2.6, 3.8, 4.4),
              height=ROW_HEIGHT)
        if plan.is_train_the_trainer:
            form_section(doc, say(plan, "action_plan.cascade_heading"))
            keep_with_next(doc.add_paragraph(say(plan, "action_plan.cascade_intro", target=cascade_target(plan))))
            for prompt in items(plan, "action_plan.cascade_prompts"):
                keep_with_next(doc.add_paragraph(prompt))
                writing_lines(doc, 2)
        form_section(doc, say(plan, "action_plan.review_heading"))
        keep_with_next(doc.add_paragraph(say(plan, "action_plan.review")))
        if plan.is_train_the_trainer:  # page two holds the getting-ready prompts: a few lines fit below them
            writing_lines(doc, 3)
        else:  # page two is the review's: a row for each action, where three lines left the page two-thirds empty
            table(doc, items(plan, "action_plan.review_header"), [[""] * 3] * ACTIONS, widths=(5.8, 5.6, 5.6),
                  height=ROW_HEIGHT)
        form_section(doc, say(plan, "action_plan.network_heading"))
        keep_with_next(doc.add_paragraph(say(plan, "action_plan.network")))
        # The section's heading says what the slot is: its own label under it read as the heading twice.
        slot_block(doc, slot_text(plan, plan.slot_for("network")))
        return finish(doc, plan, brand, kind)


register(ActionPlanRenderer())
