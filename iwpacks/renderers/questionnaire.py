"""Renders pre-course-questionnaire.docx: where each attendee starts from, what they want, what to arrange."""
from __future__ import annotations

from typing import TYPE_CHECKING

from iwpacks.renderers import register
from iwpacks.renderers._docx import (
    add_heading,
    finish,
    keep_with_next,
    open_template,
    table,
    writing_lines,
)
from iwpacks.renderers._form_fit import fit_answer_lines
from iwpacks.renderers._printables import BOX
from iwpacks.renderers._forms import contact_line, course_objectives, form_heading, form_question, form_section
from iwpacks.renderers._words import items, say

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan

# Lines to write on under each question, from LEAST_LINES to MOST_LINES: as many as keep the form to its
# fewest pages (two, where it can) and fill its last page (_form_fit). The reviewer found a third page holding
# a question and the closing lines.
LEAST_LINES, MOST_LINES = 2, 5
NEEDS_LINES = 2


class QuestionnaireRenderer:
    """Renders pre-course-questionnaire.docx for one course plan."""

    name = "pre-course-questionnaire"
    filename = "pre-course-questionnaire.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        kind = say(plan, "questionnaire.title")
        doc, _ = fit_answer_lines(lambda lines: _form(plan, brand, kind, lines), LEAST_LINES, MOST_LINES)
        return finish(doc, plan, brand, kind)


def _form(plan: CoursePlan, brand: Brand, kind: str, lines: int) -> DocumentObject:
    """The questionnaire with `lines` ruled lines under each question."""
    doc = open_template(brand)
    form_heading(doc, plan, brand, kind, tuple((label, "") for label in items(plan, "questionnaire.blanks")),
                 compact=True)
    doc.add_paragraph(say(plan, "questionnaire.intro"))
    form_section(doc, say(plan, "questionnaire.confidence_heading"))
    keep_with_next(doc.add_paragraph(say(plan, "questionnaire.confidence_lead")))
    table(doc, items(plan, "questionnaire.confidence_header"), [[o, ""] for o in course_objectives(plan)],
          widths=(14.0, 3.0))
    _courses_done(doc, plan)
    questions = audience_questions(plan) + items(plan, "questionnaire.questions")  # who they are, first
    if plan.is_train_the_trainer:
        questions += items(plan, "questionnaire.trainer_questions")
    for question in questions:
        form_question(doc, question)
        writing_lines(doc, lines)
    form_section(doc, say(plan, "questionnaire.needs_heading"))
    lunch = any(r.kind == "lunch" for r in plan.timetable.rows)  # no diets to ask about on a morning's course
    keep_with_next(doc.add_paragraph(say(plan, "questionnaire.needs_lunch" if lunch else "questionnaire.needs")))
    writing_lines(doc, NEEDS_LINES)
    doc.add_paragraph(say(plan, "questionnaire.return_to", contact=contact_line(plan, "booking")))
    return doc


def audience_questions(plan: CoursePlan) -> tuple[str, ...]:
    """What the questionnaire asks the course's audience, the course's process or tool named where a question
    names it ("How well do you know the CAF already...")."""
    return tuple(q.replace("{process}", plan.process.in_titles) for q in plan.audience.questionnaire)


def _courses_done(doc: DocumentObject, plan: CoursePlan) -> None:
    """What the course builds on, to tick: its entry requirements and the modules its own are delivered after
    that it does not teach; then the modules it teaches that later ones build on, which some attendees will have
    done on another course (the trainer pitches those parts to them)."""
    taught = {m.ref for m in plan.modules}
    before = list(plan.entry_modules) + [m for m in plan.prerequisite_modules if m.ref not in taught]
    # Every module the course teaches before its last, as well as those its later modules are delivered after:
    # each leads to what follows, and attendees may have done any on another course (caf-trainers listed CAF01
    # but not CAF02, which CAF03 builds on though the strategy names no prerequisite for it).
    earlier = {m.ref for m in plan.modules[:-1] if not m.is_pending}
    within = [m for m in plan.prerequisite_modules if m.ref in taught]
    within += [m for m in plan.modules if m.ref in earlier and m.ref not in {w.ref for w in within}]
    within.sort(key=lambda m: [p.ref for p in plan.modules].index(m.ref))
    if not (before or within):
        return
    form_section(doc, say(plan, "questionnaire.entry_heading"))
    # Each list one paragraph that cannot split, its lines broken by hand: LibreOffice drops a chain of
    # keep-with-next paragraphs this long at the foot of a page (the heading and lead-in were left there, the
    # boxes overleaf), but moves an unsplittable paragraph whole, with the heading kept to the first. Two, so
    # the first can end a page the second would not fit. A tab indents each box.
    groups = [(key, modules) for key, modules in (("questionnaire.entry_lead", before),
                                                   ("questionnaire.within_lead", within)) if modules]
    for key, modules in groups:
        group = doc.add_paragraph()
        group.paragraph_format.keep_together = True
        lines = [say(plan, key)] + [f"\t{BOX}  {m.ref} {m.name}" for m in modules]
        for k, line in enumerate(lines):
            if k:
                group.add_run().add_break()
            group.add_run(line)


register(QuestionnaireRenderer())
