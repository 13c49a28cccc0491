"""The trainer guide's facilitation notes, section by section in the order the course runs."""
from __future__ import annotations

from typing import TYPE_CHECKING

from iwpacks.planning.minutes import format_minutes
from iwpacks.renderers._docx import (
    bullets,
    keep_with_next,
    labelled,
    numbered,
    slot_block,
    table,
)
from iwpacks.renderers._guide_spec import TO_BE_DEFINED
from iwpacks.renderers._slots import slot_text

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from iwpacks.model import CommonMessage, Exercise, Topic
    from iwpacks.planning.plan import CoursePlan, ExerciseItem, ModulePlan, PlanSection

# What a trainer does in the sections that hold no module, beyond their common messages.
_SECTION_STEPS = {
    "introduction": ("Welcome attendees, cover housekeeping and say who you are.",
                     "Run the introductions activity (see \u201cRunning the course\u201d).",
                     "Pass round the contact list sheet from the handouts.",
                     "Present the course content and the learning objectives from the specification."),
    "recap": ("Go back over each module's learning objectives with the group: what has each person taken away?",
              "Revisit the hopes attendees gave in the introductions.",
              "Collect the contact list sheet and explain how it will be shared.",
              "Point attendees to the key sources of information in their handouts."),
}


def facilitation(doc: DocumentObject, plan: CoursePlan) -> None:
    """Per section: what to do and say; per module its topics; per exercise how to run it."""
    doc.add_heading("Facilitation notes", 1)
    doc.add_paragraph("The course in the order you deliver it. Times are those of the session plan; the slides "
                      "carry the same points, with speaker notes.")
    for section in plan.sections:
        _section(doc, plan, section)


def _section(doc: DocumentObject, plan: CoursePlan, section: PlanSection) -> None:
    time = f" ({format_minutes(section.minutes)})" if section.minutes else ""
    doc.add_heading(f"{section.title}{time}", 2)
    if section.omitted:
        doc.add_paragraph(f"Not in this course: {section.omitted}")
        return
    seed = section.seed_text
    keep_with_next(doc.add_paragraph(f"The strategy (2.5): \u201c{seed}\u201d", style="Quote"))
    steps = _SECTION_STEPS.get(section.kind)
    if steps:
        bullets(doc, steps)
    for message in section.messages:
        _message(doc, plan, message)
    for mp in section.modules:
        _module(doc, plan, mp)
    for item in section.exercises:
        exercise_notes(doc, item)
    for aware in section.awareness:
        doc.add_heading(f"Awareness: {aware.process.name}", 3)
        doc.add_paragraph(aware.process.summary)
        doc.add_paragraph("Keep this short: say what the process is, when attendees will meet it and where to find "
                          "out more. Attendees who need more take the course on it.")


def _message(doc: DocumentObject, plan: CoursePlan, message: CommonMessage) -> None:
    doc.add_heading(message.title, 3)
    keep_with_next(doc.add_paragraph("Use the standard wording, the same in every course:"))
    doc.add_paragraph(message.wording, style="Panel")
    bullets(doc, message.points)
    if message.notes:
        doc.add_paragraph(message.notes)
    _slot_blocks(doc, plan, message.slots)


def _module(doc: DocumentObject, plan: CoursePlan, mp: ModulePlan) -> None:
    m = mp.module
    doc.add_heading(f"{m.ref} {m.name}", 3)
    if m.is_pending:
        doc.add_paragraph(TO_BE_DEFINED)
        return
    time = format_minutes(mp.minutes) if mp.minutes else "within the course's time"
    exercise_minutes = mp.exercises_elsewhere
    if exercise_minutes > 0 and mp.minutes:  # its exercises run in a scenarios section: say so, so times agree
        time = (f"{time} for the topics here, and {format_minutes(exercise_minutes)} for its exercises in the "
                f"scenarios section: {format_minutes(mp.minutes + exercise_minutes)} in all")
    keep_with_next(labelled(doc, "Planned time", f"{time}. Delivery: {m.delivery_text}."))
    if m.material is None:
        keep_with_next(doc.add_paragraph(
            "Core material for this module is not written yet: the topics are the strategy's content items. "
            "Prepare a few points and a question for the group on each, within the planned time."))
        numbered(doc, [t.title for t in mp.topics])
        return
    for topic in mp.topics:
        _topic(doc, plan, topic)


def _topic(doc: DocumentObject, plan: CoursePlan, topic: Topic) -> None:
    doc.add_heading(topic.title, 4)
    if topic.minutes:
        keep_with_next(labelled(doc, "Time", format_minutes(topic.minutes)))
    bullets(doc, topic.points)
    if topic.notes:
        doc.add_paragraph(topic.notes)
    if topic.local_notes:
        labelled(doc, "Local note", topic.local_notes)
    for local in topic.local_slides:
        labelled(doc, "Local slide", local.title)
        bullets(doc, local.points)
        if local.notes:
            doc.add_paragraph(local.notes)
    _slot_blocks(doc, plan, topic.slots)


def _slot_blocks(doc: DocumentObject, plan: CoursePlan, slot_ids: tuple[str, ...]) -> None:
    """Each local slot as the LA filled it, or as a placeholder naming what the LA adds."""
    for slot_id in slot_ids:
        shown = slot_text(plan, slot_id)
        slot_block(doc, shown, label=shown.heading)


def exercise_notes(doc: DocumentObject, item: ExerciseItem) -> None:
    """How to run one exercise: set-up, instructions, questions and what good answers cover."""
    optional = " (optional)" if item.optional else ""
    doc.add_heading(f"Exercise: {item.title}{optional}", 3)
    if item.optional:
        doc.add_paragraph("Optional: run it only if the planned blocks finish early; it is not in the session plan.")
    e = item.exercise
    if e is None:
        doc.add_paragraph(f"A discussion on the strategy's topic \u201c{item.title}\u201d from {item.module_ref}, "
                          "within the module's time. No written exercise yet: set the question, let groups talk, "
                          "then take feedback.")
        bullets(doc, ("Mix agencies in each group, so each hears how others see the topic.",
                      "Ask each group for one example from their own work.",
                      "Take feedback from every group and link it back to the module's objectives."))
        return
    _written_exercise(doc, item, e)


def _written_exercise(doc: DocumentObject, item: ExerciseItem, e: Exercise) -> None:
    keep_with_next(labelled(doc, "Set-up", f"{e.kind.replace('-', ' ').capitalize()} from {item.module_ref}; "
                                           f"{e.groups}; {format_minutes(e.minutes)}. Attendees have it in their "
                                           "handouts."))
    doc.add_heading("Scenario", 4)
    doc.add_paragraph(e.scenario, style="Panel")
    doc.add_heading("Instructions to give", 4)
    numbered(doc, e.instructions)
    doc.add_heading("Questions", 4)
    numbered(doc, e.questions)
    doc.add_heading("What good answers cover", 4)
    keep_with_next(doc.add_paragraph("For you only: these points are not in the handouts. Draw them out of the "
                                     "groups rather than reading them."))
    bullets(doc, e.facilitation)
    if e.role_briefs:
        _role_cards(doc, e)


def _role_cards(doc: DocumentObject, e: Exercise) -> None:
    """Each player's brief, for the trainer to copy and cut out: never in the handouts everyone reads."""
    doc.add_heading("Role cards", 4)
    keep_with_next(doc.add_paragraph("Copy and cut out; give each card only to the person playing that role. "
                                     "The handouts tell attendees their trainer has the cards."))
    table(doc, ["Role", "What this player knows"], [(r.role, r.brief) for r in e.role_briefs], widths=(3.4, 13.6))
