"""Renders handouts.docx: what attendees keep: exercises with room to write, the contact list, sources."""
from __future__ import annotations

from typing import TYPE_CHECKING

from docx.shared import Pt

from iwpacks.planning.minutes import format_minutes
from iwpacks.renderers import register
from iwpacks.renderers._docx import (
    bullets,
    cover,
    finish,
    keep_with_next,
    numbered,
    open_template,
    slot_block,
    table,
    writing_lines,
)
from iwpacks.renderers._facts import course_facts, mid_sentence
from iwpacks.renderers._slots import slot_text

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from iwpacks.model import Brand, Exercise
    from iwpacks.planning.plan import CoursePlan, ExerciseItem

KIND = "Attendee handouts"
CONTACT_HEADER = ("Name", "Role", "Organisation", "Phone", "Email")
CONTACT_ROWS = 12
LINES_PER_QUESTION = 5
LINES_PER_DISCUSSION = 12
# Slots the handouts show in their own place; every other slot the course uses goes under local contacts.
# Slots the handouts show in their own places (the contact list, the local sources), not among "local contacts".
_PLACED_ROLES = ("network", "local-sources")


class HandoutsRenderer:
    """Renders handouts.docx for one course plan; nothing in it is for the trainer only."""

    name = "handouts"
    filename = "handouts.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        doc = open_template(brand)
        facts = course_facts(plan)
        cover(doc, plan, brand, KIND, [("For", facts.audience), ("Duration", facts.total_range)])
        doc.add_paragraph("Keep these pages. They hold the course's objectives, the exercises with room for your "
                          "notes, a contact list for the people you meet today, and where to find out more.",
                          style="Cover Detail")
        writing_lines(doc, 1, label="Your name ")
        _about(doc, plan)
        if plan.exercises:
            doc.add_heading("Exercises", 1)
            for number, item in enumerate(plan.exercises):
                _exercise(doc, item, new_page=number > 0)
        _contact_sheet(doc, plan)
        _sources(doc, plan)
        return finish(doc, plan, brand, KIND)


def _about(doc: DocumentObject, plan: CoursePlan) -> None:
    doc.add_heading("About this course", 1)
    doc.add_paragraph(f"{plan.course.title}: {mid_sentence(plan.audience.summary)}"
                      if plan.audience.summary else plan.course.title)
    for m in plan.modules:
        doc.add_heading(f"{m.ref} {m.name}", 2)
        if m.is_pending:
            doc.add_paragraph("To be defined: the strategy names this module but does not yet define it.")
            continue
        keep_with_next(doc.add_paragraph(m.objectives_lead))
        bullets(doc, m.objectives)


def _exercise(doc: DocumentObject, item: ExerciseItem, new_page: bool) -> None:
    optional = " (optional)" if item.optional else ""
    e = item.exercise
    title = item.title if e is not None or not item.optional else f"Optional discussion from {item.module_ref}"
    heading = doc.add_heading(f"{title}{optional}", 2)
    heading.paragraph_format.page_break_before = new_page  # each exercise on its own sheet, to hand out apart
    if e is None:
        topic = item.title if not item.optional else f"the topics of {item.module_ref}"
        doc.add_paragraph(f"A group discussion on {topic}. Note the main points your group makes, and one thing "
                          "you will do differently in your own work.")
        writing_lines(doc, LINES_PER_DISCUSSION)
        return
    _written_exercise(doc, item, e)


def _written_exercise(doc: DocumentObject, item: ExerciseItem, e: Exercise) -> None:
    doc.add_paragraph(f"{e.kind.replace('-', ' ').capitalize()} \u00b7 {e.groups} \u00b7 "
                      f"{format_minutes(e.minutes)} \u00b7 {item.module_ref}", style="Caption")
    doc.add_paragraph(e.scenario, style="Panel")
    if e.role_briefs:
        roles = ", ".join(r.role for r in e.role_briefs)
        doc.add_paragraph(f"Role cards ({roles}): your trainer gives each player a card with what their character "
                          "knows. Read only your own.")
    doc.add_heading("What to do", 3)
    numbered(doc, e.instructions)
    doc.add_heading("Questions", 3)

    def room_to_write(question) -> None:
        keep_with_next(question).paragraph_format.space_before = Pt(10)
        writing_lines(doc, LINES_PER_QUESTION)

    numbered(doc, e.questions, after_each=room_to_write)


def _contact_sheet(doc: DocumentObject, plan: CoursePlan) -> None:
    doc.add_heading("Contact list", 1)
    doc.add_paragraph("The course is a chance to build a network across agencies. Write down the people you meet, "
                      "so you can keep in touch and ask each other for advice after the course.")
    network = slot_text(plan, plan.slot_for("network"))
    slot_block(doc, network, label="How you keep in touch")
    keep_with_next(doc.paragraphs[-1])
    table(doc, CONTACT_HEADER, [[""] * len(CONTACT_HEADER)] * CONTACT_ROWS, widths=(3.6, 3.2, 3.6, 2.8, 3.8),
          height=1.2)


def _sources(doc: DocumentObject, plan: CoursePlan) -> None:
    doc.add_heading("Key sources of information", 1)
    doc.add_heading("National sources", 2)
    for source in plan.sources:
        paragraph = doc.add_paragraph(style="List Bullet")
        paragraph.add_run(source.title).bold = True
        paragraph.add_run(f". {source.description.rstrip(':. ')}: {source.url}")
    doc.add_paragraph("The web addresses are those the strategy gave in 2006; some may have moved.", style="Caption")
    doc.add_heading("Local sources", 2)
    slot_block(doc, slot_text(plan, plan.slot_for("local-sources")))
    message = next((m for s in plan.sections for m in s.messages if m.role == "handout-contacts"), None)
    shown_with_message = set(message.slots) if message is not None else set()
    if shown_with_message:
        assert message is not None  # shown_with_message is empty without the message
        doc.add_heading(message.title, 2)
        doc.add_paragraph(message.wording)
        for slot_id in message.slots:
            shown = slot_text(plan, slot_id)
            slot_block(doc, shown, label=shown.heading)
    placed = {plan.slot_for(role) for role in _PLACED_ROLES}
    others = [s for s in plan.slots_used if s not in placed and s not in shown_with_message]
    if others:
        doc.add_heading("Local contacts", 2)
        for slot_id in others:
            shown = slot_text(plan, slot_id)
            slot_block(doc, shown, label=shown.heading)


register(HandoutsRenderer())
