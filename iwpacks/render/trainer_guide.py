"""Renders trainer-guide.docx: specification, session plan, facilitation notes and the trainer's checklists."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..duration import format_minutes
from . import register
from ._docx import bullets, cover, finish, open_template, page_break, slot_block, table
from ._facts import course_facts
from ._guide_spec import session_plan, specification
from ._slots import slot_text

if TYPE_CHECKING:
    from ..brand import Brand
    from ..plan import CoursePlan

KIND = "Delivery and trainer guide"
ARTEFACTS = (("Slides with speaker notes", "deck.pptx", "Check the local slides before the day"),
             ("Attendee handouts", "handouts.docx", "One copy per attendee"),
             ("Course specification", "course-specification.pdf", "For the trainer and organisers"),
             ("Course outline", "course-outline.pdf", "For publicity and booking"),
             ("This guide", "trainer-guide.docx", "One copy per trainer"))


class TrainerGuideRenderer:
    """Renders trainer-guide.docx for one course plan."""

    name = "trainer-guide"
    filename = "trainer-guide.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        doc = open_template(brand)
        facts = course_facts(plan)
        lines = [f"For {plan.audience.name.lower()} \u00b7 {facts.total_range} ({facts.total_planned} planned)"]
        for m in plan.modules:
            if m.material is not None and m.material.review_note:
                lines.append(f"{m.ref} core material: {m.material.status}. Review note: {m.material.review_note}")
        cover(doc, plan, brand, KIND, lines)
        page_break(doc)
        specification(doc, plan, facts, brand)
        page_break(doc)
        session_plan(doc, plan, brand)
        _principles(doc, plan)
        page_break(doc)
        _facilitation(doc, plan, brand)
        if plan.is_train_the_trainer:
            _follow_up(doc, plan, brand)
        _materials(doc, plan, brand)
        _local_details(doc, plan, brand)
        return finish(doc, plan, brand, KIND)


def _principles(doc, plan: CoursePlan) -> None:
    doc.add_heading("Delivery principles", 1)
    doc.add_paragraph("The strategy's delivery principles (2.10), and what they mean on the day:")
    for principle in plan.programme.delivery_principles.values():
        if principle.applies_to == "train-the-trainer" and not plan.is_train_the_trainer:
            continue
        doc.add_heading(principle.title, 2)
        doc.add_paragraph(principle.instruction or principle.seed_text)
        doc.add_paragraph(f"The strategy: \u201c{principle.seed_text}\u201d", style="Quote")


def _facilitation(doc, plan: CoursePlan, brand: Brand) -> None:
    doc.add_heading("Facilitation notes", 1)
    for section in plan.sections:
        for mp in section.modules:
            m = mp.module
            doc.add_heading(f"{m.ref} {m.name}", 2)
            if m.is_pending:
                doc.add_paragraph("To be defined: this module is named in the strategy but not yet defined.")
                continue
            doc.add_paragraph(f"Planned time: {format_minutes(mp.minutes)}. Delivery: {m.delivery_text}.")
            for topic in mp.topics:
                doc.add_heading(topic.title, 3)
                if topic.minutes:
                    doc.add_paragraph(f"Time: {format_minutes(topic.minutes)}")
                bullets(doc, topic.points)
                doc.add_paragraph(topic.notes or f"Present this topic and link it to the objectives of {m.ref}; "
                                                 "ask attendees for an example from their own work.")
                if topic.local_notes:
                    doc.add_paragraph(f"Local note: {topic.local_notes}")
                for local in topic.local_slides:
                    doc.add_paragraph(f"Local slide: {local.title}. {local.notes}".strip())
                for slot_id in topic.slots:
                    slot_block(doc, slot_text(plan, slot_id), brand)
    exercises = plan.exercises
    if exercises:
        doc.add_heading("Exercises", 2)
    for item in exercises:
        e = item.exercise
        optional = " (optional)" if item.optional else ""
        doc.add_heading(f"{item.title}{optional}", 3)
        if e is None:
            doc.add_paragraph(f"A discussion from {item.module_ref}, within the module's time. Mix agencies in each "
                              "group, draw on attendees' experience and take feedback from every group.")
            continue
        doc.add_paragraph(f"{e.kind.replace('-', ' ').capitalize()} from {item.module_ref}; groups of {e.group_size}; "
                          f"{format_minutes(e.minutes)}.")
        doc.add_paragraph("Instructions to give:")
        bullets(doc, e.instructions)
        doc.add_paragraph("What good answers cover:")
        bullets(doc, e.facilitation)


def _follow_up(doc, plan: CoursePlan, brand: Brand) -> None:
    doc.add_heading("Follow-up plan", 1)
    principle = plan.programme.delivery_principles.get("follow-up-call")
    doc.add_paragraph("This is a train-the-trainer course. Call each attendee two weeks after the course to ask how "
                      "the materials are being received by their colleagues. If cascading has not started, call "
                      "again until it has.")
    if principle is not None:
        doc.add_paragraph(f"The strategy: \u201c{principle.seed_text}\u201d", style="Quote")
    doc.add_heading("Call log", 2)
    table(doc, ["Attendee", "Date of call", "Cascading started?", "Notes", "Next call date"], [[""] * 5] * 10,
          brand, widths=(3.6, 2.6, 2.8, 5.4, 2.6), height=0.9)


def _materials(doc, plan: CoursePlan, brand: Brand) -> None:
    doc.add_heading("Materials checklist", 1)
    doc.add_paragraph("The materials of a core training course (3.1), as files in this pack:")
    rows = [[title, file, note, "[ ]"] for title, file, note in ARTEFACTS]
    table(doc, ["Material", "File", "Notes", "Ready"], rows, brand, widths=(4.4, 4.6, 6.4, 1.6))
    doc.add_paragraph("Also: a contact list sheet (in the handouts), flipchart and pens for group work, name "
                      "badges, and evaluation forms.")
    doc.add_heading("What the strategy asks for", 2)
    bullets(doc, [m.seed_text for m in plan.programme.material_types.values()])


def _local_details(doc, plan: CoursePlan, brand: Brand) -> None:
    doc.add_heading("Local details to fill", 1)
    doc.add_paragraph("These facts only your local authority can supply. In a localised pack they are filled from "
                      "the LA's overlay; anything still missing shows as \u201cYour LA adds\u201d.")
    rows = []
    for slot_id in plan.slots_used:
        slot = plan.programme.slots[slot_id]
        shown = slot_text(plan, slot_id)
        rows.append([slot.label[0].upper() + slot.label[1:], slot.type, slot.description,
                     "Filled" if shown.filled else "Missing"])
    table(doc, ["Slot", "Type", "What to give", "Status"], rows, brand, widths=(4.0, 2.2, 8.8, 2.0))
    for slot_id in plan.slots_used:
        shown = slot_text(plan, slot_id)
        doc.add_heading(shown.heading, 2)
        slot_block(doc, shown, brand)


register(TrainerGuideRenderer())
