"""Renders evaluation-form.docx: confidence in each objective before and after, ratings, and what will change."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from iwpacks.renderers import register
from iwpacks.renderers._docx import add_heading, finish, keep_with_next, open_template, table, writing_lines
from iwpacks.renderers._form_fit import fit_answer_lines
from iwpacks.renderers._forms import contact_line, course_objectives, form_heading, form_question, form_section
from iwpacks.renderers._local import cover_identity
from iwpacks.renderers._printables import BOX
from iwpacks.renderers._words import items, say

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan

# Lines to write on under each question, from LEAST_LINES to MOST_LINES: as many as keep the form to its
# fewest pages (two, where it can) and fill its last page (_form_fit). The reviewer found a third page holding
# two questions and the privacy note.
LEAST_LINES, MOST_LINES = 2, 5
CONFIDENCE_WIDTHS = (12.6, 2.2, 2.2)
NBSP = "\u00a0"


class EvaluationFormRenderer:
    """Renders evaluation-form.docx for one course plan."""

    name = "evaluation-form"
    filename = "evaluation-form.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        kind = say(plan, "evaluation.title")
        doc, _ = fit_answer_lines(lambda lines: _form(plan, brand, kind, lines), LEAST_LINES, MOST_LINES)
        return finish(doc, plan, brand, kind)


def _form(plan: CoursePlan, brand: Brand, kind: str, lines: int) -> DocumentObject:
    """The evaluation form with `lines` ruled lines under each question."""
    doc = open_template(brand)
    form_heading(doc, plan, brand, kind, ((say(plan, "evaluation.details_label"), ""),), compact=True)
    doc.add_paragraph(say(plan, "evaluation.intro"))
    # Who is answering first, on the first page, where the objectives' table leaves room: at the end it took
    # the room the last questions needed on the second page.
    form_section(doc, say(plan, "evaluation.agency_heading"))
    # Each choice on one line with its box: no "Police or" at the end of a line and "youth offending" after it.
    agencies = items(plan, "register.agency_types")
    doc.add_paragraph("   ".join(BOX + NBSP + agency.replace(" ", NBSP) for agency in agencies))
    form_section(doc, say(plan, "evaluation.confidence_heading"))
    keep_with_next(doc.add_paragraph(say(plan, "evaluation.confidence_lead")))
    table(doc, items(plan, "evaluation.confidence_header"), [[o, "", ""] for o in course_objectives(plan)],
          widths=CONFIDENCE_WIDTHS)
    _ratings(doc, plan, say(plan, "evaluation.ratings_heading"), "evaluation.ratings", lead=True)
    if plan.is_train_the_trainer:  # the policy team needs to know who is ready to cascade, and what would help
        _ratings(doc, plan, say(plan, "evaluation.cascade_heading"),
                 "evaluation.cascade_ratings", lead=False)
        _questions(doc, items(plan, "evaluation.cascade_questions"), lines)
    _questions(doc, items(plan, "evaluation.questions"), lines)
    la = cover_identity(plan).name or say(plan, "evaluation.no_la")
    doc.add_paragraph(say(plan, "evaluation.privacy", la=la, contact=contact_line(plan, "booking")),
                      style="Caption")
    return doc


def _ratings(doc: DocumentObject, plan: CoursePlan, heading: str, key: str, lead: bool) -> None:
    """A section of statements to rate, a box for each point of the scale; the scale's `lead` the first time
    (the second table, just after, has the same scale and header)."""
    form_section(doc, heading)
    if lead:
        keep_with_next(doc.add_paragraph(say(plan, "evaluation.ratings_lead")))
    # Whole, on one page: a few statements split over two pages read as two tables.
    table(doc, items(plan, "evaluation.ratings_header"), [[statement, *[BOX] * 5] for statement in items(plan, key)],
          widths=(9.5, 1.5, 1.5, 1.5, 1.5, 1.5), whole=True)


def _questions(doc: DocumentObject, questions: Sequence[str], lines: int) -> None:
    for question in questions:
        form_question(doc, question)
        writing_lines(doc, lines)


register(EvaluationFormRenderer())
