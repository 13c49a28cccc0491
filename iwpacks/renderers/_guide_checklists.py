"""The trainer guide's practical sections: delivery principles, follow-up plan, materials and local slots."""
from __future__ import annotations

from typing import TYPE_CHECKING

from iwpacks.model import ARTEFACTS, SLOT_TYPES, ArtefactUse
from iwpacks.renderers._docx import bullets, keep_with_next, numbered, slot_block, table
from iwpacks.renderers._slots import slot_text

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from iwpacks.planning.plan import CoursePlan

CALL_LOG_HEADER = ("Attendee", "Date of call", "Cascading started?", "Notes", "Next call date")
CALL_LOG_ROWS = 12



def principles(doc: DocumentObject, plan: CoursePlan) -> None:
    """The delivery principles of 2.10 as things to do, each with the strategy's words."""
    doc.add_heading("Running the course", 1)
    doc.add_paragraph("The strategy's key principles for delivery (2.10), and what each means for you on the day.")
    for principle in plan.principles:
        if principle.applies_to == "train-the-trainer" and not plan.is_train_the_trainer:
            continue
        doc.add_heading(principle.title, 2)
        if principle.instruction:
            doc.add_paragraph(principle.instruction)
        if principle.applies_to == "train-the-trainer":
            doc.add_paragraph("The follow-up plan and call log are at the end of this guide.")
        doc.add_paragraph(f"The strategy: \u201c{principle.seed_text}\u201d", style="Quote")


def follow_up(doc: DocumentObject, plan: CoursePlan) -> None:
    """For a train-the-trainer course: the two-week follow-up calls and a call log to fill in."""
    doc.add_heading("Follow-up plan", 1)
    doc.add_paragraph("This is a train-the-trainer course: its attendees cascade the training to their colleagues. "
                      "Follow each of them up until they have.")
    numbered(doc, ("Before attendees leave, check you have a phone number and email for each of them.",
                   "Two weeks after the course, call each attendee. Ask how the materials are being received by "
                   "their colleagues, and whether they have started delivering the training.",
                   "If they have not started, ask what is in the way and what help they need, and agree a date "
                   "for the next call, about two weeks later.",
                   "Call again on that date. Repeat until the training is being cascaded, then close their line "
                   "in the log."))
    principle = next((p for p in plan.principles if p.role == "follow-up"), None)
    if principle is not None:
        doc.add_paragraph(f"The strategy: \u201c{principle.seed_text}\u201d", style="Quote")
    doc.add_heading("Call log", 2)
    keep_with_next(doc.add_paragraph("One line per call; an attendee called three times has three lines."))
    table(doc, CALL_LOG_HEADER, [[""] * 5] * CALL_LOG_ROWS, widths=(3.6, 2.4, 2.6, 6.0, 2.4), height=1.0)


def materials(doc: DocumentObject, plan: CoursePlan) -> None:
    """The materials of 3.1 as the files of this pack, with printing counts, and what else the room needs."""
    doc.add_heading("Materials checklist", 1)
    keep_with_next(doc.add_paragraph("Every course has the materials of the strategy (3.1). In this pack they are "
                                     "these files; tick each one when it is printed or ready."))
    rows = []
    files = {a.name: a.filename for a in ARTEFACTS}
    for material in plan.material_types:
        for use in material.artefacts or (ArtefactUse("", "As the strategy describes"),):
            rows.append([material.title, files.get(use.artefact, ""), use.copies, ""])
    table(doc, ["Material (3.1)", "File in this pack", "Copies", "Ready"], rows, widths=(4.2, 4.4, 6.8, 1.6))
    doc.add_heading("In the room", 2)
    bullets(doc, ("A projector and screen for the slides, and a laptop that opens deck.pptx.",
                  "Tables for mixed groups of four to six, with flipchart paper and pens for group work.",
                  "Name badges showing each attendee's name and organisation.",
                  "The contact list sheet (in the handouts) to pass round, and your LA's evaluation forms."))
    doc.add_heading("What the strategy asks for", 2)
    bullets(doc, [m.seed_text for m in plan.material_types], style="Quote")


def local_slots(doc: DocumentObject, plan: CoursePlan) -> None:
    """Every local slot this course uses: what a localiser must give, and what the pack shows now."""
    doc.add_heading("Local information", 1)
    keep_with_next(doc.add_paragraph(
        "Facts only your local authority can supply. Give them in your LA's overlay and rebuild the pack; until "
        "then each shows as a placeholder naming what your LA adds, in the accent colour, wherever the course "
        "uses it."))
    shown = [slot_text(plan, slot_id) for slot_id in plan.slots_used]
    rows = []
    for slot_id, text in zip(plan.slots_used, shown):
        slot = plan.slots[slot_id]
        rows.append([text.heading, SLOT_TYPES[slot.type].description, slot.description,
                     "Added" if text.filled else "To add"])
    table(doc, ["Slot", "Type", "What to give", "Status"], rows, widths=(3.6, 3.6, 8.0, 1.8))
    doc.add_heading("What the pack shows now", 2)
    for text in shown:
        slot_block(doc, text, label=text.heading)
