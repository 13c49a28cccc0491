"""Renders evaluation-form.docx: confidence in each objective before and after, ratings, and what will change."""
from __future__ import annotations

from typing import TYPE_CHECKING

from iwpacks.renderers import register
from iwpacks.renderers._docx import add_heading, finish, keep_with_next, open_template, table, writing_lines
from iwpacks.renderers._forms import contact_line, course_objectives, form_heading, form_section
from iwpacks.renderers._local import cover_identity
from iwpacks.renderers._printables import BOX
from iwpacks.renderers._words import cascade_target, items, say

if TYPE_CHECKING:
    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan

ANSWER_LINES = 3
NBSP = "\u00a0"


class EvaluationFormRenderer:
    """Renders evaluation-form.docx for one course plan."""

    name = "evaluation-form"
    filename = "evaluation-form.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        doc = open_template(brand)
        kind = say(plan, "evaluation.title")
        form_heading(doc, plan, brand, kind, ((say(plan, "evaluation.details_label"), ""),))
        doc.add_paragraph(say(plan, "evaluation.intro"))
        form_section(doc, say(plan, "evaluation.confidence_heading"))
        keep_with_next(doc.add_paragraph(say(plan, "evaluation.confidence_lead")))
        table(doc, items(plan, "evaluation.confidence_header"), [[o, "", ""] for o in course_objectives(plan)],
              widths=(11.0, 3.0, 3.0))
        form_section(doc, say(plan, "evaluation.ratings_heading"))
        keep_with_next(doc.add_paragraph(say(plan, "evaluation.ratings_lead")))
        table(doc, items(plan, "evaluation.ratings_header"),
              [[statement, *[BOX] * 5] for statement in items(plan, "evaluation.ratings")],
              widths=(9.5, 1.5, 1.5, 1.5, 1.5, 1.5))
        if plan.is_train_the_trainer:  # the policy team needs to know who is ready to cascade, and what would help
            form_section(doc, say(plan, "evaluation.cascade_heading", target=cascade_target(plan)))
            keep_with_next(doc.add_paragraph(say(plan, "evaluation.ratings_lead")))
            table(doc, items(plan, "evaluation.ratings_header"),
                  [[statement, *[BOX] * 5] for statement in items(plan, "evaluation.cascade_ratings")],
                  widths=(9.5, 1.5, 1.5, 1.5, 1.5, 1.5))
            for question in items(plan, "evaluation.cascade_questions"):
                add_heading(doc, question, 2)
                writing_lines(doc, ANSWER_LINES)
        form_section(doc, say(plan, "evaluation.agency_heading"))
        # Each choice on one line with its box: no "Police or" at the end of a line and "youth offending" after it.
        doc.add_paragraph("   ".join(BOX + NBSP + agency.replace(" ", NBSP) for agency in items(plan, "register.agency_types")))
        for question in items(plan, "evaluation.questions"):
            add_heading(doc, question, 2)
            writing_lines(doc, ANSWER_LINES)
        la = cover_identity(plan).name or say(plan, "evaluation.no_la")
        doc.add_paragraph(say(plan, "evaluation.privacy", la=la, contact=contact_line(plan, "booking")),
                          style="Caption")
        return finish(doc, plan, brand, kind)


register(EvaluationFormRenderer())
