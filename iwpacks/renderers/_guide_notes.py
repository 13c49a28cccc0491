"""The trainer guide's facilitation notes, section by section in the order the course runs."""
from __future__ import annotations

import re
from contextvars import ContextVar, copy_context
from typing import TYPE_CHECKING

from iwpacks.model import CONTACTS_PART, PART_MARK, Arrangements, Contact
from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.plan import TopicStep
from iwpacks.planning.timetable import Row, clock
from iwpacks.renderers._deck_slides import (
    CLOSE_MINUTES,
    activity_shares,
    awareness_activity,
    plan_slides,
    points_shown,
    slide_numbers,
)
from iwpacks.renderers._doc_blocks import Heading, draw
from iwpacks.renderers._docx import (
    add_heading,
    bullets,
    diagram_figure,
    keep_with_next,
    labelled,
    numbered,
    table,
)
from iwpacks.renderers._guide_days import day_turn, opener_slides
from iwpacks.renderers._guide_spec import TO_BE_DEFINED, slide_span
from iwpacks.renderers._printables import printable_blocks
from iwpacks.renderers._slots import slot_text
from iwpacks.renderers.handouts import handout_blocks
from iwpacks.renderers._words import as_on_slides, items, say

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from iwpacks.model import Brand, CommonMessage, Exercise, Topic
    from iwpacks.planning.plan import AwarenessItem, CoursePlan, ExerciseItem, ModulePlan, PlanSection

# The deck's slide numbers for each topic, exercise and key message, while facilitation() writes one guide.
_SLIDES: ContextVar[dict[tuple[str, ...], tuple[int, ...]]] = ContextVar("guide_slides", default={})
_BRAND: ContextVar[Brand] = ContextVar("guide_brand")  # the diagrams are drawn in the brand's fonts and colours
# Where each later day begins and is still to be written ({place: (day, minutes of it done)}), and the deck's
# slide of each day's welcome back.
_OPENINGS: ContextVar[dict[tuple, tuple[int, int]]] = ContextVar("guide_openings", default={})
_OPENER_SLIDES: ContextVar[dict[int, int]] = ContextVar("guide_opener_slides", default={})
# Each break and lunch still to be marked, by the place it comes before (see CoursePlan.pauses).
_PAUSES: ContextVar[dict[tuple, list[tuple[int, Row]]]] = ContextVar("guide_pauses", default={})
# Each slide's title by its number, so a message said on a slide of another title is named by that title.
_SLIDE_TITLES: ContextVar[dict[int, str]] = ContextVar("guide_slide_titles", default={})
# The handouts' headings of their exercises and sheets, so the notes name each as attendees see it there.
_HANDOUT_HEADINGS: ContextVar[tuple[str, ...]] = ContextVar("guide_handout_headings", default=())


def facilitation(doc: DocumentObject, plan: CoursePlan, brand: Brand) -> None:
    """Per section: what to do and say; per module its topics; per exercise how to run it."""
    add_heading(doc, say(plan, "facilitation.heading"), 1)
    doc.add_paragraph(say(plan, "facilitation.intro"))
    context = copy_context()  # what one guide sets here stays out of the next guide's notes
    context.run(_facilitation, doc, plan, brand)


def _facilitation(doc: DocumentObject, plan: CoursePlan, brand: Brand) -> None:
    _SLIDES.set(slide_numbers(plan))
    _SLIDE_TITLES.set({number: slide.title for number, slide in enumerate(plan_slides(plan), 1)})
    _BRAND.set(brand)
    _OPENINGS.set(dict(plan.day_openings))
    _PAUSES.set({place: list(found) for place, found in plan.pauses.items()})
    _OPENER_SLIDES.set(opener_slides(plan))
    _HANDOUT_HEADINGS.set(tuple(b.text for b in handout_blocks(plan, brand) if isinstance(b, Heading) and b.level == 2))
    for index, section in enumerate(plan.sections):
        _section(doc, plan, section, index)


def _pause(doc: DocumentObject, plan: CoursePlan, place: tuple, elapsed: int = 0) -> None:
    """The break or lunch that falls before `place`, once `elapsed` of its minutes are done; once only. The
    third review: the notes ran on through both breaks and lunch, and the trainer turned back to the session
    plan to find where each fell."""
    waiting = _PAUSES.get().get(place, [])
    while waiting and waiting[0][0] <= elapsed:
        row = waiting.pop(0)[1]
        labelled(doc, row.label, say(plan, "facilitation.pause", start=clock(row.start), end=clock(row.end)),
                 style="Panel")


def _day_turn(doc: DocumentObject, plan: CoursePlan, place: tuple, level: int) -> None:
    """The close of the day and the next day's welcome back, if a day begins at `place`; once only. A break
    that falls just before `place` is marked first."""
    _pause(doc, plan, place)
    opening = _OPENINGS.get().pop(place, None)
    if opening is not None:
        day_turn(doc, plan, opening[0], level, _OPENER_SLIDES.get().get(opening[0]))


def _first_place(section: PlanSection, index: int) -> tuple:
    """The place of the section's first block (see timetable.Block): a day that begins there begins before the
    section's heading."""
    if section.own_minutes:
        return ("section", index)
    if section.modules:
        mp = section.modules[0]
        done = _OPENINGS.get().get(("module", index, mp.module.ref), (0, 0))[1]
        return ("module", index, mp.module.ref) if done == 0 else ("none",)
    return ("exercise", index, 0) if section.exercises else ("messages", index)


def _slides(*ref: str, form: str = " \u00b7 {}") -> str:
    """'slides 25-27' (or 'slide 25') in `form`, for what the deck shows on those slides; '' if it shows nothing."""
    numbers = _SLIDES.get().get(ref, ())
    if not numbers:
        return ""
    return form.format(f"slide{'s' if len(numbers) > 1 else ''} {slide_span(numbers)}")


def _short_close(doc: DocumentObject, plan: CoursePlan, section: PlanSection) -> None:
    """A close with less time than its steps need (5 minutes in a train-the-trainer course): what is written
    before it (the planning exercise, or the recap's last minutes), what is done in the room, and what attendees
    take away, so the close fits its time (the review: five steps and a cascade check in 5 minutes)."""
    doc.add_paragraph(say(plan, "close.short_lead", minutes=format_minutes(section.minutes)))
    before = say(plan, "close.short_before_cascade" if plan.is_train_the_trainer else "close.short_before")
    bullets(doc, (before, *items(plan, "close.short_steps")))


def _opening_parts(doc: DocumentObject, plan: CoursePlan, section: PlanSection) -> None:
    """The introduction's time by part, each with its slides: the welcome on the title slide, the course's
    content and timetable on the slides before the introductions, then the introductions and the ground rules
    (the last two opening slides). The introductions take what the others leave of the section's time."""
    titles = _SLIDE_TITLES.get()
    rules = next((n for n, title in titles.items() if title == say(plan, "ground_rules.title")), 0)
    if rules < 4:
        return
    spans = [(1,), tuple(range(2, rules - 1)), (rules - 1,), (rules,)]
    minutes = [int(m) for m in items(plan, "facilitation.opening_minutes")]
    minutes[2] += section.minutes - sum(minutes)
    rows = [[part, say(plan, "facilitation.opening_slides", slides=slide_span(span)), format_minutes(length)]
            for part, span, length in zip(items(plan, "facilitation.opening_parts"), spans, minutes)]
    table(doc, items(plan, "facilitation.opening_header"), rows, widths=(10.0, 3.5, 3.5))


def _more_on(plan: CoursePlan, aware: AwarenessItem) -> str:
    """Where attendees meet an associated process in full: the course on it, by its title, as the deck's notes
    name it; the sources of information where that course is not yet available."""
    full = aware.full_course
    if full and not full.is_pending:
        return say(plan, "facilitation.awareness_course", course=full.title)
    if full:
        return say(plan, "deck.awareness_pending_course", title=full.title)
    return say(plan, "facilitation.awareness_sources")


def _message_slides(plan: CoursePlan, message: CommonMessage) -> str:
    """' (slide 23)' after a message's heading; where the deck says it on a slide of another title (the recap's
    hopes), ' (on slide 32, “Your hopes for this course”)', so the trainer looks for that slide."""
    numbers = _SLIDES.get().get(("message", message.id), ())
    title = _SLIDE_TITLES.get().get(numbers[0], "") if numbers else ""
    if not numbers or message.title.lower() in title.lower():
        return _slides("message", message.id, form=" ({})")
    return " " + say(plan, "facilitation.message_on_slide", slides=_slides("message", message.id, form="{}"),
                     title=title)


def _section(doc: DocumentObject, plan: CoursePlan, section: PlanSection, index: int) -> None:
    # A section the course does not run is no part of the trainer's running order: the course specification
    # gives the reason for leaving it out, where the policy team reads it.
    if section.omitted:
        return
    if not (section.modules or section.exercises or section.awareness or section.messages
            or section.own_minutes or section.trainer_steps):
        return  # its exercises run inside the modules, straight after their topics: nothing of its own to say
    time = f" ({format_minutes(section.minutes)})" if section.minutes else ""
    _day_turn(doc, plan, _first_place(section, index), 2)
    add_heading(doc, f"{section.title}{time}", 2)
    if not plan.release:  # for the policy team: what the strategy asks of this part (trainers need only the plan)
        keep_with_next(doc.add_paragraph(say(plan, "facilitation.strategy_words", words=section.seed_text),
                                         style="Quote"))
    if section.role == "close" and section.minutes < CLOSE_MINUTES:
        _short_close(doc, plan, section)
    elif section.trainer_steps:
        cascade = (say(plan, "close.cascade_step"),) if section.role == "close" and plan.is_train_the_trainer else ()
        bullets(doc, (*section.trainer_steps, *cascade))
    if section.role == "opening":
        _opening_parts(doc, plan, section)
    # In the deck's order: a section of messages opens with them; elsewhere they follow what it teaches, or come
    # just before its last module's closing topic, where the deck says them there.
    first = section.role in ("background", "recap")
    for message in section.messages if first else ():
        _message(doc, plan, message)
    early = () if first else _before_closing_topic(section)
    for number, mp in enumerate(section.modules, 1):
        _module(doc, plan, mp, index, early if number == len(section.modules) else ())
    for number, item in enumerate(section.exercises):
        _day_turn(doc, plan, ("exercise", index, number), 3)
        exercise_notes(doc, plan, item)
    if section.messages and not first:
        _day_turn(doc, plan, ("messages", index), 3)
    for message in () if first else section.messages:
        if message not in early:
            _message(doc, plan, message)
    if section.awareness:
        doc.add_paragraph(say(plan, "facilitation.awareness_note"))
    # The deck's pairs question at the end takes its minutes from the segments: each is timed as the deck times it.
    given = activity_shares(section.awareness)
    for aware, share in zip(section.awareness, given):
        add_heading(doc, say(plan, "facilitation.awareness_heading", process=aware.process.name,
                            minutes=format_minutes(aware.minutes - share)), 3)
        bullets(doc, aware.process.awareness_points)
        doc.add_paragraph(f"{aware.process.awareness_notes} {_more_on(plan, aware)}")
        _slot_blocks(doc, plan, aware.process.awareness_slots)
    if any(given):
        title, points, notes = awareness_activity(plan, section, given)
        add_heading(doc, say(plan, "facilitation.activity_heading", title=title, minutes=format_minutes(sum(given))), 3)
        bullets(doc, points)
        # Not a "Set-up:" line: the guide keeps those for exercises on handout pages, which they name.
        said = notes.removeprefix("Set-up: ")
        doc.add_paragraph(said[:1].upper() + said[1:])


def _before_closing_topic(section: PlanSection) -> tuple[CommonMessage, ...]:
    """The section's key messages the deck shows before its last module's last topic (its closing pointer to
    sources): the slide numbers say so, so the notes follow the deck without deciding it again."""
    last = section.modules[-1] if section.modules else None
    if last is None or not last.steps or not isinstance(last.steps[-1], TopicStep):
        return ()
    closing = _SLIDES.get().get(("topic", last.module.ref, last.steps[-1].topic.title), ())
    return tuple(m for m in section.messages
                 if closing and (said := _SLIDES.get().get(("message", m.id), ())) and min(said) < min(closing))


def _message(doc: DocumentObject, plan: CoursePlan, message: CommonMessage, level: int = 3) -> None:
    """A message said on its own slide; at `level` 4, inside a module, before the topic that follows it."""
    title = message.title if level == 3 else say(plan, "facilitation.message_heading", title=message.title)
    add_heading(doc, title + _message_slides(plan, message), level)
    keep_with_next(doc.add_paragraph(say(plan, "facilitation.message_lead")))
    doc.add_paragraph(message.wording, style="Panel")  # the slide's points are on the slide; the guide says it
    rest = _beyond(message.notes, message.wording)
    if rest:
        doc.add_paragraph(rest)
    _slot_blocks(doc, plan, message.slots)


def _beyond(notes: str, wording: str) -> str:
    """The notes without the sentences the standard wording (printed just above) already says: word for word,
    or in other words (most of a sentence's words are the wording's), so the guide says each point once."""
    said = _words(wording)
    kept = [x for x in re.split(r"(?<=[.!?])\s+", notes)
            if (words := _words(x)) and len(words & said) < REPEATS * len(words)]
    return " ".join(kept).strip()


REPEATS = 0.65  # a note's sentence with this share of its words in the standard wording repeats it


def _words(text: str) -> set[str]:
    """A text's words of more than three letters, lower case: what a sentence says, without its small words."""
    return {w for w in re.findall(r"[a-z']+", text.lower()) if len(w) > 3}


def _module(doc: DocumentObject, plan: CoursePlan, mp: ModulePlan, index: int,
            early: tuple[CommonMessage, ...] = ()) -> None:
    """The module's time and its topics, each exercise after the topic it practises; a day that begins inside
    the module begins at the topic its teaching minutes reach, or at an exercise, as in the deck. The `early`
    messages come before its last topic."""
    m, place = mp.module, ("module", index, mp.module.ref)
    if _OPENINGS.get().get(place, (0, 0))[1] == 0 or m.material is None or not mp.steps:
        _day_turn(doc, plan, place, 3)
    _module_notes(doc, plan, mp, index, early)
    _day_turn(doc, plan, place, 3)  # the day begins in the module's last minutes: before what follows


def _module_notes(doc: DocumentObject, plan: CoursePlan, mp: ModulePlan, index: int,
                  early: tuple[CommonMessage, ...] = ()) -> None:
    m = mp.module
    add_heading(doc, f"{m.ref} {m.name}", 3)
    if m.is_pending:
        doc.add_paragraph(TO_BE_DEFINED)
        return
    time = format_minutes(mp.minutes) if mp.minutes else say(plan, "facilitation.within_course_time")
    exercises = sum(e.minutes for e in mp.exercises if not e.optional)
    if exercises and mp.minutes:  # say so, so the times agree with the session plan's rows
        time = say(plan, "facilitation.time_with_exercises", total=time, exercises=format_minutes(exercises))
    keep_with_next(labelled(doc, say(plan, "facilitation.planned_time"),
                            say(plan, "facilitation.time_and_delivery", time=time)))
    if m.material is None:
        keep_with_next(doc.add_paragraph(say(plan, "facilitation.no_material_yet")))
        numbered(doc, [t.title for t in mp.topics])
        return
    place, elapsed = ("module", index, m.ref), 0
    for number, step in enumerate(mp.steps):
        if isinstance(step, TopicStep):
            opening = _OPENINGS.get().get(place)
            if opening is not None and elapsed >= opening[1]:  # the first topic the new day reaches
                _day_turn(doc, plan, place, 4)
            _pause(doc, plan, place, elapsed)
            for message in early if number == len(mp.steps) - 1 else ():
                _message(doc, plan, message, level=4)
            _topic(doc, plan, step, m.ref)
            for extra in step.audience_slides:  # as the deck: after the topic, before its messages
                keep_with_next(labelled(doc, say(plan, "facilitation.audience_slide"), extra.title))
                bullets(doc, extra.points)
                doc.add_paragraph(extra.notes)
            shown = set(step.topic.slots)  # a message's local facts the topic just gave are not given twice
            for message in step.messages:
                _key_message(doc, plan, message, tuple(x for x in message.slots if x not in shown))
                shown.update(message.slots)
            elapsed += step.minutes
        else:
            _day_turn(doc, plan, ("exercise", index, m.ref, number), 3)
            exercise_notes(doc, plan, step)


def _key_message(doc: DocumentObject, plan: CoursePlan, message: CommonMessage, slots: tuple[str, ...]) -> None:
    """A common message this topic delivers: the standard wording, to say here rather than on its own, and the
    local facts it names that the topic before it has not (`slots`)."""
    keep_with_next(labelled(doc, say(plan, "facilitation.key_message"), message.title + _slides("message", message.id)))
    doc.add_paragraph(message.wording, style="Panel")
    _slot_blocks(doc, plan, slots)


def _topic(doc: DocumentObject, plan: CoursePlan, step: TopicStep, module_ref: str) -> None:
    # Headed as its slide is, so guide and deck agree; the policy team's draft also gives the strategy's words,
    # as the slide's notes do. Numbered as in the module, as the session plan's rows number it.
    topic, minutes = step.topic, step.minutes
    add_heading(doc, say(plan, "facilitation.topic_heading", number=str(step.number),
                         title=topic.slide_title or topic.title), 4)
    if topic.slide_title and not plan.release:
        keep_with_next(doc.add_paragraph(say(plan, "facilitation.strategy_topic", title=topic.title), style="Quote"))
    if minutes:
        keep_with_next(labelled(doc, say(plan, "facilitation.topic_time"),
                                format_minutes(minutes) + _slides("topic", module_ref, topic.title)))
    diagram = plan.drawn_diagram(module_ref, topic)  # once in the guide, as on the slides
    if diagram is not None and diagram.placement == "instead" and topic.points and not topic.slots:
        keep_with_next(doc.add_paragraph(say(plan, "facilitation.diagram_points")))  # the slide shows the picture
    bullets(doc, points_shown(plan, topic))  # as its slide shows them: the guide says "the same points"
    if topic.notes:
        doc.add_paragraph(as_on_slides(plan, topic.notes))
    if diagram is not None:
        diagram_figure(doc, diagram, _BRAND.get())
    if topic.run:
        _run_steps(doc, plan, topic)
    if topic.local_notes:
        labelled(doc, say(plan, "facilitation.local_note"), topic.local_notes)
    for local in topic.local_slides:
        labelled(doc, say(plan, "facilitation.local_slide"), local.title)
        bullets(doc, local.points)
        if local.notes:
            doc.add_paragraph(local.notes)
    _slot_blocks(doc, plan, topic.slots)


def _run_steps(doc: DocumentObject, plan: CoursePlan, topic: Topic) -> None:
    """The topic's minutes as timed steps, under its notes: a short table, on one page with its lead-in, so the
    trainer reads the whole run of the topic at a glance."""
    doc.add_paragraph().add_run(say(plan, "facilitation.topic_run")).bold = True
    grid = table(doc, list(items(plan, "facilitation.topic_run_header")),
                 [(str(s.minutes), as_on_slides(plan, s.step)) for s in topic.run], widths=(2.4, 14.6))
    for row in grid.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                keep_with_next(paragraph)


def _slot_blocks(doc: DocumentObject, plan: CoursePlan, slot_ids: tuple[str, ...]) -> None:
    """Where the notes use a local fact, the contacts or sources it names, by name: the Local information chapter
    before the notes gives each in full, once (the chapter's intro says so, once), rather than the same contacts
    printed again, or the same pointer to them, at every topic that uses them."""
    for slot_id in slot_ids:
        shown, block = slot_text(plan, slot_id), slot_text(plan, slot_id.split(PART_MARK)[0])
        names, chapter = "; ".join(local_names(plan, slot_id)), say(plan, "local_information.heading")
        if not shown.filled:  # not yet supplied: the chapter shows what the LA adds
            where = say(plan, "facilitation.local_missing", chapter=chapter)
        elif not names:  # the LA's own words on how things work here: given once, in the chapter
            where = say(plan, "facilitation.local_in_chapter", chapter=chapter)
        elif shown.heading == block.heading:
            where = say(plan, "facilitation.local_see", names=names)
        else:
            where = say(plan, "facilitation.local_see_part", names=names, block=block.heading)
        labelled(doc, shown.heading, where)


def local_names(plan: CoursePlan, slot_id: str) -> list[str]:
    """What a local slot holds, named as a trainer refers to it: each contact by name and phone, each source or
    protocol by title; nothing for a text or an arrangement in the LA's words (too long to name), or for a slot
    the LA has not supplied."""
    slot_id, _, part_id = slot_id.partition(PART_MARK)
    value = plan.localisation.slots.get(slot_id) if plan.localisation is not None else None
    if not value or isinstance(value, str) or part_id not in ("", CONTACTS_PART):
        return []
    if isinstance(value, Arrangements):
        return [_contact_name(c) for c in value.contacts]
    return [_contact_name(item) if isinstance(item, Contact) else item.title for item in value]


def _contact_name(contact: Contact) -> str:
    phone = contact.phone.replace(" ", "\u00a0")  # a number never breaks across lines
    return f"{contact.name} ({phone})" if phone else contact.name


def exercise_notes(doc: DocumentObject, plan: CoursePlan, item: ExerciseItem) -> None:
    """How to run one exercise: set-up, instructions, questions and what good answers cover."""
    optional = say(plan, "exercises.optional_mark") if item.optional else ""
    add_heading(doc, say(plan, "exercises.heading", title=item.title) + optional
                    + _slides("exercise", item.module_ref, item.title, form=" ({})"), 3)
    if item.optional:
        doc.add_paragraph(say(plan, "exercises.optional_note"))
    e = item.exercise
    if e is None:
        doc.add_paragraph(say(plan, "exercises.discussion", title=item.title, module=item.module_ref))
        bullets(doc, items(plan, "exercises.discussion_steps"))
        return
    _written_exercise(doc, plan, item, e)


def _written_exercise(doc: DocumentObject, plan: CoursePlan, item: ExerciseItem, e: Exercise) -> None:
    def slides(text: str) -> str:  # a topic the notes name, named as its slide is
        return as_on_slides(plan, text)

    keep_with_next(labelled(doc, say(plan, "exercises.set_up_label"),
                            say(plan, "exercises.set_up", kind=e.kind.replace("-", " ").capitalize(),
                                module=item.module_ref, groups=e.groups, minutes=format_minutes(e.minutes),
                                heading=handout_heading(item.title))))
    if e.setup:
        doc.add_paragraph(slides(e.setup))
    if e.timing:
        add_heading(doc, say(plan, "exercises.timing"), 4)
        bullets(doc, [slides(x) for x in e.timing])
    add_heading(doc, say(plan, "exercises.scenario"), 4)
    doc.add_paragraph(e.scenario, style="Panel")
    add_heading(doc, say(plan, "exercises.instructions"), 4)
    numbered(doc, [slides(x) for x in e.instructions])
    add_heading(doc, say(plan, "exercises.questions"), 4)
    numbered(doc, [slides(x) for x in e.questions])
    if e.listen_for:
        add_heading(doc, say(plan, "exercises.listen_for"), 4)
        bullets(doc, [slides(x) for x in e.listen_for])
    add_heading(doc, say(plan, "exercises.good_answers"), 4)
    keep_with_next(doc.add_paragraph(say(plan, "exercises.good_answers_note")))
    bullets(doc, [slides(x) for x in e.facilitation])
    if e.debrief:
        add_heading(doc, say(plan, "exercises.debrief"), 4)
        numbered(doc, [slides(x) for x in e.debrief])
    if e.role_briefs:
        _role_cards(doc, plan, e)
    sheets = plan.sheets.get(e.id, ())
    handed = [f"\u201c{handout_heading(s.title)}\u201d" for s in sheets if s.reader == "attendees"]
    if handed:
        labelled(doc, say(plan, "exercises.sheets"), "; ".join(handed))
    for sheet in sheets:
        if sheet.reader == "trainer":
            draw(doc, printable_blocks(sheet, level=4), _BRAND.get())


def handout_heading(title: str) -> str:
    """The handouts' heading of the exercise or sheet `title`, word for word ("Would a common assessment help?
    (optional)"); the title itself where the handouts do not head it."""
    headings = _HANDOUT_HEADINGS.get()
    return next((h for h in headings if h == title), next((h for h in headings if h.startswith(f"{title} (")), title))


def _role_cards(doc: DocumentObject, plan: CoursePlan, e: Exercise) -> None:
    """Each player's brief, for the trainer to copy and cut out: never in the handouts everyone reads."""
    add_heading(doc, say(plan, "exercises.role_cards"), 4)
    keep_with_next(doc.add_paragraph(say(plan, "exercises.role_cards_note")))
    table(doc, list(items(plan, "exercises.role_cards_header")), [(r.role, r.brief) for r in e.role_briefs],
          widths=(3.4, 13.6), whole=True)  # copied and cut out together: both cards on one page
