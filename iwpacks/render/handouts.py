"""Renders handouts.docx: what attendees keep: exercises with room to write, the contact list, sources."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..duration import format_minutes
from . import register
from ._docx import bullets, cover, finish, open_template, page_break, ruled_lines, slot_block, table
from ._facts import course_facts
from ._slots import slot_text

if TYPE_CHECKING:
    from ..brand import Brand
    from ..plan import CoursePlan, ExerciseItem

KIND = "Attendee handouts"
CONTACT_ROWS = 12


class HandoutsRenderer:
    """Renders handouts.docx for one course plan (no trainer-only facilitation notes)."""

    name = "handouts"
    filename = "handouts.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        doc = open_template(brand)
        facts = course_facts(plan)
        cover(doc, plan, brand, KIND, [f"For {plan.audience.name.lower()} \u00b7 {facts.total_range}",
                                      "Keep these pages: they hold the exercises, a contact list for the people "
                                      "you meet today, and where to find out more."])
        items = [item for item in plan.exercises]
        if items:
            page_break(doc)
            doc.add_heading("Exercises", 1)
            for item in items:
                _exercise(doc, item, brand)
        page_break(doc)
        doc.add_heading("Contact list", 1)
        doc.add_paragraph("Training is a chance to build a network. Write down the people you meet today so you can "
                          "keep in touch after the course.")
        table(doc, ["Name", "Role", "Organisation", "Phone", "Email"], [[""] * 5] * CONTACT_ROWS, brand,
              widths=(3.6, 3.4, 3.6, 2.8, 3.6), height=0.9)
        doc.add_heading("Keeping in touch", 2)
        slot_block(doc, slot_text(plan, "practitioner-network"), brand)
        doc.add_heading("Key sources of information", 1)
        for source in plan.programme.sources.values():
            paragraph = doc.add_paragraph(style="List Bullet")
            paragraph.add_run(source.title).bold = True
            paragraph.add_run(f": {source.description} {source.url}")
        doc.add_heading("Local sources of information", 2)
        slot_block(doc, slot_text(plan, "local-sources"), brand)
        doc.add_heading("If you are worried that a child is being abused", 2)
        message = plan.programme.common_messages.get("worried-about-abuse")
        if message is not None:
            doc.add_paragraph(message.wording)
            for slot_id in message.slots:
                slot_block(doc, slot_text(plan, slot_id), brand)
        return finish(doc, plan, brand, KIND)


def _exercise(doc, item: ExerciseItem, brand: Brand) -> None:
    e = item.exercise
    optional = " (optional)" if item.optional else ""
    if e is None:
        doc.add_heading(f"Discussion{optional}: {item.title}", 2)
        doc.add_paragraph(f"From module {item.module_ref}. In your group, discuss the topic above: what does it "
                          "mean in your role, and what would you do differently?")
        ruled_lines(doc, 6, brand)
        return
    doc.add_heading(f"{e.title}{optional}", 2)
    doc.add_paragraph(f"{e.kind.replace('-', ' ').capitalize()} \u00b7 {item.module_ref} \u00b7 groups of "
                      f"{e.group_size} \u00b7 {format_minutes(e.minutes)}")
    doc.add_heading("Scenario", 3)
    doc.add_paragraph(e.scenario)
    doc.add_heading("What to do", 3)
    bullets(doc, e.instructions)
    doc.add_heading("Questions", 3)
    for question in e.questions:
        doc.add_paragraph(question, style="List Number")
        ruled_lines(doc, 3, brand)


register(HandoutsRenderer())
