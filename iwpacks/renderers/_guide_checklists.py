"""The trainer guide's practical sections: delivery principles, follow-up plan, materials and local slots."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from iwpacks.model import ARTEFACTS, SLOT_TYPES, ArtefactUse
from iwpacks.renderers._docx import add_heading, bullets, hairline, keep_with_next, numbered, slot_block, table
from iwpacks.renderers._slots import slot_text
from iwpacks.renderers._words import cascade_target, items, say

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from iwpacks.planning.plan import CoursePlan

CALL_LOG_ROWS = 12



def principles(doc: DocumentObject, plan: CoursePlan) -> None:
    """The delivery principles of 2.10 as things to do, each with the strategy's words."""
    add_heading(doc, say(plan, "principles.heading"), 1)
    doc.add_paragraph(say(plan, "principles.intro"))
    for principle in plan.principles:
        if principle.applies_to == "train-the-trainer" and not plan.is_train_the_trainer:
            continue
        add_heading(doc, principle.title, 2)
        if principle.instruction:
            doc.add_paragraph(principle.instruction)
        if principle.applies_to == "train-the-trainer":
            doc.add_paragraph(say(plan, "principles.follow_up_pointer"))
        if not plan.release:  # the strategy's own words, for the policy team; trainers need the instruction
            doc.add_paragraph(say(plan, "principles.strategy_words", words=principle.seed_text), style="Quote")


def preparation(doc: DocumentObject, plan: CoursePlan) -> None:
    """The trainer's timeline: four weeks, two weeks and the day before, the day itself, and after it (with the
    follow-up calls for a train-the-trainer course)."""
    add_heading(doc, say(plan, "preparation.heading"), 1)
    doc.add_paragraph(say(plan, "preparation.intro"))
    for when in ("four_weeks", "two_weeks", "day_before", "on_the_day", "after"):
        add_heading(doc, say(plan, f"preparation.{when}_heading"), 2)
        steps = [*_first_steps(plan, when), *items(plan, f"preparation.{when}")]
        if when == "after" and plan.is_train_the_trainer:
            steps.append(say(plan, "preparation.after_train_the_trainer"))
        bullets(doc, steps)


def _first_steps(plan: CoursePlan, when: str) -> list[str]:
    """The steps that depend on the course: diets only where it has a lunch, role cards only where an exercise
    has them (a short course has neither)."""
    if when == "two_weeks":
        lunch = any(r.kind == "lunch" for r in plan.timetable.rows)
        return [say(plan, "preparation.needs_lunch" if lunch else "preparation.needs")]
    if when == "day_before":
        carded = [i.title for i in plan.exercises if i.exercise is not None and i.exercise.role_briefs]
        if not carded:
            return [say(plan, "preparation.print")]
        named = "; ".join(f"\u201c{title}\u201d" for title in carded)
        return [say(plan, "preparation.print_role_cards", exercises=named)]
    return []


def follow_up(doc: DocumentObject, plan: CoursePlan) -> None:
    """For a train-the-trainer course: the two-week follow-up calls and a call log to fill in."""
    add_heading(doc, say(plan, "follow_up.heading"), 1)
    doc.add_paragraph(say(plan, "follow_up.intro"))
    numbered(doc, items(plan, "follow_up.steps"))
    principle = next((p for p in plan.principles if p.role == "follow-up"), None)
    if principle is not None and not plan.release:
        doc.add_paragraph(say(plan, "principles.strategy_words", words=principle.seed_text), style="Quote")
    add_heading(doc, say(plan, "follow_up.call_log"), 2)
    keep_with_next(doc.add_paragraph(say(plan, "follow_up.call_log_note")))
    header = items(plan, "follow_up.call_log_header")
    table(doc, list(header), [[""] * len(header)] * CALL_LOG_ROWS, widths=(3.6, 2.4, 2.6, 6.0, 2.4), height=1.0,
          whole=True)  # a form to copy: on one page


def materials(doc: DocumentObject, plan: CoursePlan) -> None:
    """The materials of 3.1 and the course forms as the files of this pack, with what to print from each and
    how many copies for the group (build --attendees), and what else the room needs."""
    add_heading(doc, say(plan, "materials.heading"), 1)
    days = plan.timetable.days
    rows = []
    held = {a.name: a.filename for a in ARTEFACTS if plan.holds(a)}
    for material in plan.material_types:
        for use in material.artefacts or (ArtefactUse("", say(plan, "materials.no_artefact"), per="course"),):
            if use.artefact and use.artefact not in held:
                continue  # a file this course's pack does not hold (the cascade plan, but for trainers)
            # A set for each day is one set in a course of one day, and the list says so.
            what = say(plan, "materials.one_set") if use.per == "day" and days == 1 else use.what
            if use.artefact == "handouts":
                what = _with_sheets(plan, use.spares)
            rows.append([material.title, held.get(use.artefact, ""), what, _copies(plan, use, days), ""])
    rows += _exercise_rows(plan, held)
    rows += _cascade_rows(plan)
    # What the room needs: the list's last rows, ticked as the rest are. As a list of its own, before the
    # printing list its heading and four lines sat alone at a page's foot (after the call log); after it,
    # alone on the guide's last page.
    rows += [[say(plan, "materials.room"), "", line, "", ""] for line in items(plan, "materials.room_items")]
    add_heading(doc, say(plan, "materials.printing"), 2)
    keep_with_next(doc.add_paragraph(say(plan, "materials.intro", attendees=str(plan.group_size),
                                         days=plan.timetable.span)))
    table(doc, list(items(plan, "materials.header")), rows, widths=(2.8, 4.2, 6.2, 2.4, 1.4), last_rows=PRINT_TAIL)
    if plan.release:  # the guide ends here: the line of air below the list, when it fell overleaf, left a blank page
        hairline(doc.paragraphs[-1])
    if not plan.release:  # for the policy team: the strategy's list beside the pack's files
        add_heading(doc, say(plan, "materials.strategy_asks"), 2)
        bullets(doc, [m.seed_text for m in plan.material_types if m.seed_text], style="Quote")


PRINT_TAIL = 5  # the printing list's last rows, kept together: never two rows alone on the guide's last page


def _with_sheets(plan: CoursePlan, spares: int) -> str:
    """The handouts' row in two short sentences: every page and the spares, then how many exercises, sheets the
    exercises use and reference sheets its pages hold (the review: the sheets' titles in full made the cell a
    paragraph; a later one found "1 exercise sheet" where the handouts held four exercises)."""
    said = [say(plan, "materials.handouts", spares=str(spares))]
    exercises = [item for item in plan.exercises if item.exercise is not None]
    parts = []
    if exercises:
        part = say(plan, "materials.exercise" if len(exercises) == 1 else "materials.exercises",
                   count=str(len(exercises)))
        if optional := sum(item.optional for item in exercises):
            part += say(plan, "materials.optional", count=str(optional))
        parts.append(part)
    if sheets := len(_handed_sheets(plan)):
        parts.append(say(plan, "materials.sheet" if sheets == 1 else "materials.sheets", count=str(sheets)))
    if references := len(plan.reference_sheets):
        parts.append(say(plan, "materials.reference" if references == 1 else "materials.references",
                         count=str(references)))
    if parts:
        listed = " and ".join(filter(None, (", ".join(parts[:-1]), parts[-1])))
        said.append(say(plan, "materials.handouts_hold", parts=listed))
    return " ".join(said)


def _cascade_rows(plan: CoursePlan) -> list[list[str]]:
    """A train-the-trainer course: a set of the materials of the courses its attendees cascade, and the
    training plan, for each pair, for the walk-through of the materials and the pairs task across audiences.
    Neither is a file of this course's pack, so the file column is left blank and the row says where each is."""
    if not plan.is_train_the_trainer:
        return []
    pairs = str(-(-plan.group_size // 2))
    return [[say(plan, "materials.cascade_title"), "", say(plan, "materials.cascade_what", target=cascade_target(plan)),
             pairs, ""],
            [say(plan, "materials.plan_title"), "", say(plan, "materials.plan_what"), pairs, ""]]


def _handed_sheets(plan: CoursePlan) -> list[str]:
    """The attendees' exercise sheets, pages of the handouts, in the order the course uses them."""
    return [sheet.title for item in plan.exercises if item.exercise is not None
            for sheet in plan.sheets.get(item.exercise.id, ()) if sheet.reader != "trainer"]


def _exercise_rows(plan: CoursePlan, held: dict[str, str]) -> list[list[str]]:
    """What the course's exercises need printed besides the handouts (which hold the attendees' sheets): each
    exercise's role cards and the trainer's sheets, from this guide (the review: role cards missing)."""
    title = say(plan, "materials.exercise_material")
    guide = held.get("trainer-guide", "")
    rows = []
    for item in plan.exercises:
        e = item.exercise
        if e is None:
            continue
        if e.role_briefs:
            roles = len(e.role_briefs)
            size = int(m.group()) if (m := re.match(r"\d+", e.group_size)) else roles
            rows.append([title, guide, say(plan, "materials.role_cards", exercise=e.title, roles=str(roles),
                                           size=str(size)),
                         str(-(-plan.group_size // size)), ""])
        for sheet in plan.sheets.get(e.id, ()):
            if sheet.reader == "trainer":
                rows.append([title, guide, say(plan, "materials.trainer_sheet", sheet=sheet.title, exercise=e.title),
                             say(plan, "materials.per_trainer"), ""])
    return rows


def _copies(plan: CoursePlan, use: ArtefactUse, days: int) -> str:
    """The printing list's count: a number for the group, or per trainer (the guide does not know how many)."""
    if not use.artefact:
        return ""
    count = use.copies(plan.group_size, days)
    if count is not None:
        return str(count)
    if use.spares:
        return say(plan, "materials.per_trainer_spares", spares=str(use.spares))
    return say(plan, "materials.per_trainer")


def local_slots(doc: DocumentObject, plan: CoursePlan) -> None:
    """Every local slot this course uses: what a localiser must give, and what the pack shows now."""
    add_heading(doc, say(plan, "local_information.heading"), 1)
    shown = [slot_text(plan, slot_id) for slot_id in plan.slots_used]
    if plan.release:  # for trainers: the local facts themselves, not what a localiser must supply
        keep_with_next(doc.add_paragraph(say(plan, "local_information.release_intro")))
        for text in shown:
            slot_block(doc, text, label=text.heading)
        return
    keep_with_next(doc.add_paragraph(say(plan, "local_information.intro")))
    rows = []
    for slot_id, text in zip(plan.slots_used, shown):
        slot = plan.slots[slot_id]
        rows.append([text.heading, SLOT_TYPES[slot.type].description, slot.description,
                     say(plan, "local_information.added" if text.filled else "local_information.to_add")])
    table(doc, list(items(plan, "local_information.header")), rows, widths=(3.6, 3.6, 8.0, 1.8))
    add_heading(doc, say(plan, "local_information.shown_now"), 2)
    for text in shown:
        slot_block(doc, text, label=text.heading)
