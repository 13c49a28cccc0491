"""Renders handouts.docx: what attendees keep: exercises with room to write, the contact list, sources."""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import attrs
from docx.image.image import Image

from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.timetable import clock
from iwpacks.renderers import register
from iwpacks.renderers._deck_order import day_parts
from iwpacks.renderers._doc_blocks import (
    Block,
    Bullets,
    Figure,
    Grid,
    Heading,
    Lines,
    Numbered,
    Para,
    Slot,
    draw,
)
from iwpacks.renderers._docx import A4_TEXT_POINTS, LOGO_WIDTH, cover, figure_depth, finish, open_template
from iwpacks.renderers._facts import course_facts, mid_sentence
from iwpacks.renderers._local import cover_identity
from iwpacks.renderers._printables import printable_blocks
from iwpacks.renderers._sheet_fit import _BODY, WRITING_LINE, fit_sheets, page_depths
from iwpacks.renderers._slots import slot_text
from iwpacks.renderers._words import items, objective_item, say, tidy_punctuation

if TYPE_CHECKING:
    from iwpacks.model import Brand, Diagram, Exercise, Printable, Source
    from iwpacks.planning.plan import AwarenessItem, CoursePlan, ExerciseItem

KIND = "Attendee handouts"
CONTACT_HEADER = ("Name", "Role", "Organisation", "Phone", "Email")
DAY_COLUMNS = (3.2, 13.8)  # "Your day": the time, the part of the course (cm, the text's width)
CONTACT_ROWS = 15  # with the heading, lead-in and how to keep in touch, a full A4 page
LINES_PER_QUESTION = 5  # under each question of an exercise, before its sheet is fitted to whole pages
LINES_PER_DISCUSSION = 12
# An exercise the course runs only if time allows prints compactly, on one page: the room to write goes to
# those it runs (the review: optional ones had 7 to 9 lines a question over two pages, the others 3). Its
# questions have two lines, one where that keeps it to its page.
LINES_PER_OPTIONAL_QUESTION = 2
LINES_PER_OPTIONAL_DISCUSSION = 4
IN_HAND = WRITING_LINE  # points kept free below a sheet that shares a page, against the estimate's error
# Slots the handouts show in their own places (the contact list, the local sources), not among "local contacts".
_PLACED_ROLES = ("network", "local-sources")


class HandoutsRenderer:
    """Renders handouts.docx for one course plan; nothing in it is for the trainer only."""

    name = "handouts"
    filename = "handouts.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        doc = open_template(brand)
        facts = course_facts(plan)
        cover(doc, plan, brand, KIND, _cover_details(plan))
        draw(doc, handout_blocks(plan, brand), brand)
        return finish(doc, plan, brand, KIND)


def _cover_details(plan: CoursePlan) -> list[tuple[str, str]]:
    facts = course_facts(plan)
    return [("For", facts.audience), ("Duration", f"{facts.total_planned} over {facts.days}")]


def handout_blocks(plan: CoursePlan, brand: Brand) -> list[Block]:
    """What the handouts say after the cover, decided here and drawn by _doc_blocks. The brand sizes the
    figures, on which the page breaks depend. The day's timetable goes on the cover where it fits the room
    left there, else under "About this course"."""
    opening: list[Block] = [
        Para("Keep these pages. They hold the course's objectives, the exercises with room for your notes, a "
             "contact list for the people you meet on the course, and where to find out more.", style="Cover Detail"),
        Lines(1, label="Your name "),
    ]
    # On the cover, under the title, the timetable's heading is a first-level one that keeps to the page.
    cover_day = _your_day(plan, level=1)
    on_cover = bool(cover_day) and _on_cover(plan, brand, opening, cover_day)
    about = _about(plan, [] if on_cover else _your_day(plan, level=2))
    blocks: list[Block] = [
        *opening,
        *(cover_day if on_cover else []),
        *about,
        *_in_brief_placed(plan, about, brand),
    ]
    if plan.exercises:
        blocks.append(Heading("Exercises", 1))
        for number, item in enumerate(plan.handed_out):
            blocks += _exercise(plan, item, new_page=number > 0)
            if item.exercise is not None:  # the sheets it needs, each on a page of its own, to hand out with it
                for sheet in plan.sheets.get(item.exercise.id, ()):
                    if sheet.reader == "attendees":
                        blocks += _sheet(plan, sheet)
    blocks += _reference_sheets(plan, brand)
    return fit_sheets(blocks, lambda d: figure_depth(d, brand)) + _contact_sheet(plan) + _sources(plan, brand)


def _sheet(plan: CoursePlan, sheet: Printable, new_page: bool = True) -> list[Block]:
    """A sheet with its local facts; one on a process the course takes in brief says where to learn more, as
    the in-brief page, which leaves that process to it, would have."""
    brief = next((a for s in plan.sections for a in s.awareness if a.process.id in sheet.for_processes), None)
    return printable_blocks(sheet, local=slot_text(plan, sheet.slot) if sheet.slot else None, new_page=new_page,
                            more=_learn_more(plan, brief) if brief is not None else "", note=_local_note(plan, sheet))


def _local_note(plan: CoursePlan, sheet: Printable) -> str:
    """The sheet's note where the LA gives the facts it leaves to the LA and the handouts list them: where they
    are, by their heading among the local contacts (the third review: "is for your local authority to set"
    above a page that set it). Empty where the master's note stands."""
    if not sheet.local_note or sheet.local_slot not in plan.slots_used:
        return ""
    shown = slot_text(plan, sheet.local_slot)
    return sheet.local_note.replace("{heading}", shown.heading) if shown.filled else ""


def _reference_sheets(plan: CoursePlan, brand: Brand) -> list[Block]:
    """One page on each process and route the course covers that no exercise hands out (the review: a course
    for senior managers had only the continuum), after the exercises: to keep, not to work on in the room.
    The part's heading tops the first sheet that fits a page beneath it (is-advisors' CAF steps did not)."""
    if not plan.reference_sheets:
        return []
    heading = Heading(say(plan, "handouts.reference_heading"), 1)
    # No exercise of the course uses them: one whose intro speaks of the exercises has one to keep instead.
    sheets = [attrs.evolve(s, intro=s.keep_intro or s.intro) for s in plan.reference_sheets]
    lead = next((s for s in sheets if _one_page([heading, *_sheet(plan, s, new_page=False)], brand)), sheets[0])
    blocks: list[Block] = [heading]
    for number, sheet in enumerate([lead, *(s for s in sheets if s is not lead)]):
        blocks += _sheet(plan, sheet, new_page=number > 0)
    return blocks


def _one_page(blocks: list[Block], brand: Brand) -> bool:
    """Whether `blocks`, which open a page, fit it by the estimate with a writing line's depth to spare."""
    depths = page_depths(blocks, lambda d: figure_depth(d, brand), A4_TEXT_POINTS)
    return depths is not None and len(depths) == 1 and depths[0] <= A4_TEXT_POINTS - IN_HAND


def _printed_sheets(plan: CoursePlan) -> tuple[Printable, ...]:
    """Every sheet these handouts print, with an exercise or among the reference sheets."""
    with_exercises = (s for sheets in plan.sheets.values() for s in sheets if s.reader == "attendees")
    return (*with_exercises, *plan.reference_sheets)


def _about(plan: CoursePlan, day: list[Block]) -> list[Block]:
    blocks: list[Block] = [Heading("About this course", 1),
                           Para(f"{plan.course.title}: {mid_sentence(plan.audience.summary)}"
                                if plan.audience.summary else plan.course.title),
                           *day]
    # The module's pictures from the slides, to keep: the same drawing and alt text as the deck's, each once:
    # one an earlier module drew is not drawn again, nor one that draws the same picture under another title
    # (CAF01's and CAF02's three steps), and one a reference sheet in these handouts draws is shown there alone.
    shown = {_picture(s.figure) for s in _printed_sheets(plan) if s.figure is not None}
    for m in plan.modules:
        blocks.append(Heading(f"{m.ref} {m.name}", 2))
        if m.is_pending:
            blocks.append(Para("To be defined: the strategy names this module but does not yet define it."))
            continue
        # Put to the reader, in the words the outline and the forms use (the third review: "attendees will"
        # in the attendees' own pages).
        blocks += [Para(say(plan, "handouts.objectives_lead"), keep_with_next=True),
                   Bullets(tuple(objective_item(tidy_punctuation(o)) for o in m.attendee_objectives))]
        for diagram in (plan.drawn_diagram(m.ref, t) for t in m.topics):
            if diagram is not None and _picture(diagram) not in shown:
                shown.add(_picture(diagram))
                blocks += _explained(diagram)
    return blocks


def _your_day(plan: CoursePlan, level: int) -> list[Block]:
    """The course's days by the clock (the review: the handouts gave no timetable): each day's hours, its parts
    and its breaks and lunch, in the deck's order, as the specification's timetable gives them; one table a day,
    each kept on its page."""
    timetable = plan.timetable
    if not timetable.rows:
        return []
    days = timetable.days
    start, end = timetable.day_hours[0]
    intro = (say(plan, "handouts.days_intro") if days > 1
             else say(plan, "handouts.day_intro", start=clock(start), end=clock(end)))
    blocks: list[Block] = [Heading(say(plan, "handouts.days_heading" if days > 1 else "handouts.day_heading"), level,
                                   new_page=False), Para(intro, keep_with_next=True)]
    for day, (start, end) in enumerate(timetable.day_hours, start=1):
        parts = day_parts(plan, day)
        if days > 1:
            hours = f"{clock(start)}\u2013{clock(end)}"
            blocks.append(Heading(say(plan, "course.timetable_day", day=str(day), hours=hours), level + 1))
        blocks.append(Grid(items(plan, "course.timetable_columns"),
                           tuple((f"{clock(a)}\u2013{clock(b)}", what) for a, b, what, _ in parts),
                           widths=DAY_COLUMNS, bold_rows=tuple(n for n, part in enumerate(parts) if part[3]), whole=True))
    return blocks


def _on_cover(plan: CoursePlan, brand: Brand, opening: list[Block], day: list[Block]) -> bool:
    """Whether the day's timetable fits below the cover's title, details and opening lines, by the estimate,
    with a writing line's depth to spare: the cover's logos as tall as drawn, its text in the template's styles."""
    if plan.draft:  # its cover says so at length: the timetable goes inside
        return False
    logo = _logo_height(brand)
    identity = cover_identity(plan)
    if identity.logo is not None:
        logo = max(logo, identity.logo.fit(*brand.logo_box("cover"))[1] * 72 / 25.4)
    details = [("Local authority", identity.name), *_cover_details(plan)] if identity.name else _cover_details(plan)
    cover_blocks: list[Block] = [Para(plan.course.title, style="Title"), Para(KIND, style="Subtitle"),
                                 *(Para(f"{label}: {value}", style="Cover Detail") for label, value in details),
                                 *opening, *day]
    depths = page_depths(cover_blocks, lambda d: figure_depth(d, brand), A4_TEXT_POINTS - logo)
    return depths is not None and len(depths) == 1 and depths[0] <= A4_TEXT_POINTS - logo - IN_HAND


def _logo_height(brand: Brand) -> float:
    """The brand's logo line on the cover, in points: the logo at its cover width, and the space below."""
    image = Image.from_file(str(brand.logo))
    return LOGO_WIDTH.pt * image.px_height / image.px_width + _BODY.after


def _placed(sheet: list[Block], before: list[Block], brand: Brand) -> list[Block]:
    """A sheet that runs on below `before` where it fits the room left on its last page, rather than leave
    that page part empty; else it starts a page, which it fits."""
    if not sheet:
        return []
    heading = sheet[0]
    assert isinstance(heading, Heading), "a sheet opens with its heading"
    return [attrs.evolve(heading, new_page=not _fits_below(before, sheet, brand)), *sheet[1:]]


def _in_brief_placed(plan: CoursePlan, about: list[Block], brand: Brand) -> list[Block]:
    """The in-brief page, after the modules. A process with a reference sheet of its own in these handouts is
    left to it, not summarised twice (the review: the page repeated the pages before it), but for a line
    pointing to it where the page then still runs on below the modules (caf-trainers', below CAF03); the
    page is left out where that leaves it empty."""
    pointed = _in_brief(plan, pointers=True)
    if pointed and _fits_below(about, pointed, brand):
        return _placed(pointed, about, brand)
    return _placed(_in_brief(plan, pointers=False), about, brand)


def _in_brief(plan: CoursePlan, pointers: bool) -> list[Block]:
    """A reference sheet on the processes the course covers only in brief (its awareness segments), in the
    words their segments use: what each is for, its points, and where to learn more; one with a reference sheet
    of its own its summary and the sheet's name (`pointers`), or nothing. Its heading is placed by _placed."""
    printed = _printed_sheets(plan)
    own = {a.process.id: next((s for s in printed if a.process.id in s.for_processes), None)
           for s in plan.sections for a in s.awareness}
    items = [a for s in plan.sections for a in s.awareness if pointers or own[a.process.id] is None]
    if not items:
        return []
    sheet: list[Block] = [Para(say(plan, "handouts.in_brief_intro"))]
    for item in dict((a.process.id, a) for a in items).values():
        sheet.append(Heading(item.process.name, 3))
        if (mine := own[item.process.id]) is not None:
            sheet.append(Para(f"{item.process.summary} {say(plan, 'handouts.in_brief_sheet', title=mine.title)}"))
            continue
        sheet += [Para(item.process.summary), Bullets(tuple(item.process.awareness_points)),
                  Para(_learn_more(plan, item))]
    return [Heading(say(plan, "handouts.in_brief_heading"), 2), *sheet]


def _learn_more(plan: CoursePlan, item: AwarenessItem) -> str:
    full = item.full_course
    if full is not None and not full.is_pending:
        return say(plan, "handouts.in_brief_course", title=full.title)
    return say(plan, "handouts.in_brief_sources")


def _fits_below(before: list[Block], after: list[Block], brand: Brand) -> bool:
    """Whether `after` fits whole on the last page of `before` (which opens a page), by the estimate, with a
    writing line's depth to spare. (The pages before are laid out on the whole page, as LibreOffice does.)"""
    alone = page_depths(before, lambda d: figure_depth(d, brand), A4_TEXT_POINTS)
    together = page_depths([*before, *after], lambda d: figure_depth(d, brand), A4_TEXT_POINTS)
    return (alone is not None and together is not None and len(together) == len(alone)
            and together[-1] <= A4_TEXT_POINTS - IN_HAND)


def _picture(diagram: Diagram) -> tuple:
    """What a figure shows, whatever its title and details: two diagrams of one kind with the same boxes are
    one picture to an attendee, who keeps it once."""
    return (diagram.kind, diagram.centre, diagram.ends, diagram.columns, tuple(i.label for i in diagram.items),
            tuple(r.label for r in diagram.rows), tuple(q.id for q in diagram.questions), diagram.stages)


def _explained(diagram: Diagram) -> list[Block]:
    """A figure attendees keep without the trainer there to explain it: after the lead-in that says what it
    shows and how to use it. (A reference sheet's figure has the sheet's intro just above it instead.)"""
    return [Para(diagram.lead_in, keep_with_next=True), Figure(diagram)]


def _exercise(plan: CoursePlan, item: ExerciseItem, new_page: bool) -> list[Block]:
    optional = " (optional)" if item.optional else ""
    e = item.exercise
    title = item.title if e is not None or not item.optional else f"Optional discussion from {_module_name(item)}"
    # Each exercise on its own sheet, to hand out apart.
    blocks: list[Block] = [Heading(f"{title}{optional}", 2, new_page=new_page)]
    if item.optional:  # printed in its place among the timetabled ones: say why attendees may never do it
        blocks.append(Para(say(plan, "exercises.optional_handout_note"), style="Caption"))
    if e is None:
        topic = item.title if not item.optional else f"the topics of {_module_name(item)}"
        return blocks + [Para(f"A group discussion on {topic}. Note the main points your group makes, and one "
                              "thing you will do differently in your own work."),
                         Lines(LINES_PER_OPTIONAL_DISCUSSION if item.optional else LINES_PER_DISCUSSION)]
    return blocks + _written_exercise(item, e)


def _module_name(item: ExerciseItem) -> str:
    return item.module_name or item.module_ref


def _written_exercise(item: ExerciseItem, e: Exercise) -> list[Block]:
    # Attendees know a module by its name, not its reference in the strategy ("CAF02").
    blocks: list[Block] = [
        Para(f"{e.kind.replace('-', ' ').capitalize()} \u00b7 {e.groups} \u00b7 {_module_name(item)} "
             f"\u00b7 {format_minutes(e.minutes)}", style="Caption"),
        Para(e.scenario, style="Panel"),
    ]
    if e.role_briefs:
        roles = ", ".join(r.role for r in e.role_briefs)
        blocks.append(Para(f"Role cards ({roles}): your trainer gives each player a card with what their "
                           "character knows. Read only your own."))
    # `item.optional` is the plan's word: an exercise the module marks optional that this course runs in its
    # planned time (`run_optional`) is timetabled here, and gets the room to write of any other.
    questions = (Numbered(e.questions, lines_after=LINES_PER_OPTIONAL_QUESTION,
                          most_lines=LINES_PER_OPTIONAL_QUESTION) if item.optional
                 else Numbered(e.questions, lines_after=LINES_PER_QUESTION))
    return blocks + [Heading("What to do", 3), Numbered(e.instructions), Heading("Questions", 3), questions]


def _contact_sheet(plan: CoursePlan) -> list[Block]:
    return [
        Heading("Contact list", 1),
        Para("The course is a chance to build a network across agencies. Write down the people you meet, so you "
             "can keep in touch and ask each other for advice after the course. Note only the details each person "
             "is happy to give you."),
        Slot(slot_text(plan, plan.slot_for("network")), label="How you keep in touch", keep_with_next=True),
        Grid(CONTACT_HEADER, ((("",) * len(CONTACT_HEADER)),) * CONTACT_ROWS, widths=(3.6, 3.2, 3.6, 2.8, 3.8),
             height=1.2),
    ]


def _source(source: Source) -> Para:
    return Para(style="List Bullet", runs=((source.title, True),
                                           (f". {source.description.rstrip(':. ')}: {source.url}", False)))


def _sources(plan: CoursePlan, brand: Brand) -> list[Block]:
    blocks: list[Block] = [Heading("Key sources of information", 1), Heading("National sources", 2)]
    blocks += [_source(source) for source in plan.sources]
    if plan.course_sources:  # what this course's modules cite beyond the national list
        blocks += [Heading("Sources for this course", 2), *(_source(source) for source in plan.course_sources)]
    blocks += [Heading("Local sources", 2), Slot(slot_text(plan, plan.slot_for("local-sources")))]
    message = next((m for s in plan.sections for m in s.messages if m.role == "handout-contacts"), None)
    shown_with_message = set(message.slots) if message is not None else set()
    if message is not None and shown_with_message:
        blocks += [Heading(message.title, 2), Para(message.wording)]
        for slot_id in message.slots:
            shown = slot_text(plan, slot_id)
            blocks.append(Slot(shown, label=shown.heading))
    placed = {plan.slot_for(role) for role in _PLACED_ROLES}
    others = [s for s in plan.slots_used if s not in placed and s not in shown_with_message]
    if others:
        contacts: list[Block] = [Slot(shown, label=shown.heading) for shown in map(partial(slot_text, plan), others)]
        # They run on below the sources where they all fit there, rather than leave two pages part empty;
        # else they take a page of their own rather than spill a few over.
        heading = Heading("Local contacts", 2)
        blocks += [attrs.evolve(heading, new_page=not _fits_below(blocks, [heading, *contacts], brand)), *contacts]
    return blocks


register(HandoutsRenderer())
