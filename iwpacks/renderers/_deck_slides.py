"""Decides the slides of a deck from a course plan: titles, text, notes and layouts, before any drawing.

Text is split across slides by a conservative estimate of what fits its box, so nothing overflows.
"""
from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Sequence
from contextvars import ContextVar

import attrs

from iwpacks.model import PART_MARK, CommonMessage, Diagram, Module, Topic
from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.plan import (
    AwarenessItem,
    CoursePlan,
    ExerciseItem,
    ModulePlan,
)
from iwpacks.planning.timetable import Row, clock
from iwpacks.renderers._facts import course_facts, mid_sentence, section_time
from iwpacks.renderers._local import cover_identity
from iwpacks.renderers._slots import slot_text
from iwpacks.renderers._words import as_on_slides, items, objective_item, say

# What fits a body box at the template's sizes (26 pt first level): characters a line, lines a box.
FULL = (66, 10)
SMALL = 20  # the size for long reading text (scenarios, exercise tasks): still above the 18 pt floor
FULL_SMALL = (88, 14)
HALF = (30, 10)  # the left column of "Two Content", beside a diagram
HALF_SMALL = (42, 12)
TITLE_CHARS = 90  # two lines at the smaller title size; longer titles are shortened on the slide
SCENARIO_PARAGRAPH = 260  # a scenario reads in short paragraphs of a few sentences, not as one block
RUNNING_SPACE = 0.4  # the space after a paragraph of running text, in lines (deck.RUNNING_SPACE_PT)


@attrs.frozen
class Para:
    """One paragraph of slide text: level 0 or 1; `placeholder` marks a local slot to fill."""

    text: str
    level: int = 0
    placeholder: bool = False
    bold: bool = False
    keep_with_next: bool = False  # a heading stays on the slide of the line it introduces
    shows: str = ""  # the local slot whose full block this heading opens
    points_to: str = ""  # the local slot whose full block this line points to, by the title of its slide
    contact: bool = False  # a contact, by name, role and phone: the handouts give it in full


@attrs.frozen
class SlideSpec:
    """One slide to draw."""

    layout: str
    title: str
    body: tuple[Para, ...] = ()
    right: tuple[Para, ...] = ()
    headings: tuple[str, str] = ("", "")
    subtitle: tuple[Para, ...] = ()
    notes: str = ""
    size: int | None = None  # body text size in points, where the template's size would not fit
    diagram: Diagram | None = None  # drawn as native shapes in the body area (beside `body` on "Two Content")
    ref: tuple[str, ...] = ()  # what the slide presents: ("topic", ref, title), ("exercise", ref, title),
    #                            ("message", id); the trainer guide gives these slides' numbers
    hidden: bool = False  # hidden in PowerPoint until the trainer unhides it (an optional exercise)
    turn: str = ""  # "day" on a later day's first slide, "lunch" or "break" on a pause's: where in the day a slide is


def slide_numbers(plan: CoursePlan) -> dict[tuple[str, ...], tuple[int, ...]]:
    """The numbers of the slides that present each topic, exercise and key message, for the trainer guide."""
    numbers: dict[tuple[str, ...], tuple[int, ...]] = {}
    for number, slide in enumerate(plan_slides(plan), 1):
        if slide.ref:
            numbers[slide.ref] = (*numbers.get(slide.ref, ()), number)
    return numbers


def _tagged(ref: tuple[str, ...], slides: Iterator[SlideSpec]) -> Iterator[SlideSpec]:
    return (attrs.evolve(slide, ref=ref) for slide in slides)


def _lines(para: Para, width: int) -> float:
    """Lines a paragraph takes; second-level text is smaller (22 pt against 26 pt), so more fits. A third-level
    line (an agenda row's topics) is counted whole: its bullet's spacing takes what its smaller type saves.
    A pointer to a local block takes none: it goes to the speaker notes (_point_to_homes)."""
    if para.points_to:
        return 0.0
    if para.level > 1:
        return float(_wrapped(para.text, int(width * 1.15)))
    if para.level > 0:
        return 0.75 * _wrapped(para.text, int(width * 1.15))
    return _wrapped(para.text, width) + (RUNNING_SPACE if para.level < 0 else 0)


def _wrapped(text: str, width: int) -> int:
    """Lines `text` takes wrapped at word breaks, `width` characters a line: a long e-mail address or web
    address moves to a line of its own, which a count of characters alone misses."""
    lines, column = 0, 0
    for line in text.split("\n"):
        lines, column = lines + 1, 0
        for word in line.split():
            if column and column + 1 + len(word) <= width:
                column += 1 + len(word)
                continue
            if column:
                lines += 1
            lines += (len(word) - 1) // width  # a word longer than a line breaks where it must
            column = len(word) % width or width
    return max(1, lines)


def chunk(paras: Sequence[Para], box: tuple[int, int]) -> list[tuple[Para, ...]]:
    """Split paragraphs into slide-sized groups of about equal length; a paragraph never breaks across slides.

    As few slides as fit, then evened out, so a list never ends on a near-empty slide ("Recap: 10 min" alone).
    """
    groups = _fill_slides(paras, box)
    if len(groups) > 1:
        balanced = _balanced(paras, box, len(groups))
        if balanced is not None:
            return balanced
        width, height = box
        total = sum(_lines(p, width) for p in paras)
        for even_height in range(math.ceil(total / len(groups)), height):
            even = _fill_slides(paras, (width, even_height))
            if len(even) <= len(groups):
                return even
    return groups


def _balanced(paras: Sequence[Para], box: tuple[int, int], count: int) -> list[tuple[Para, ...]] | None:
    """The paragraphs in `count` slides as even as the runs kept together allow: the fullest slide as short as
    it can be, then the emptiest as full as it can be, so a continued slide never holds a line or two while
    the slide before it is full. None where a run kept together is too long for one slide."""
    width, height = box
    runs: list[list[Para]] = [[]]
    for para in paras:
        runs[-1].append(para)
        if not para.keep_with_next:
            runs.append([])
    runs = [run for run in runs if run]
    sizes = [sum(_lines(p, width) for p in run) for run in runs]
    if max(sizes) > height:
        return None
    # A slide that opens on a sub-point under a heading repeats that heading (see _split): a line more.
    headed = [i > 0 and run[0].level > 0 and any(p.bold and p.level == 0 for r in runs[:i] for p in r)
              for i, run in enumerate(runs)]

    def lines(first: int, end: int) -> float:
        return sum(sizes[first:end]) + (1 if headed[first] else 0)

    # best[(end, k)]: (fullest, -emptiest, -starts, starts) for runs[:end] over k slides, each within the box;
    # of splits as even, the one with the fuller first slides (-starts), as a list reads best.
    best: dict[tuple[int, int], tuple[float, float, tuple[int, ...], tuple[int, ...]]] = {
        (0, 0): (0.0, -math.inf, (), ())}
    for k in range(1, count + 1):
        for end in range(k, len(runs) + 1):
            options = []
            for first in range(k - 1, end):
                before = best.get((first, k - 1))
                size = lines(first, end)
                if before is None or size > height:
                    continue
                options.append((max(before[0], size), max(before[1], -size), (*before[2], -first),
                                (*before[3], first)))
            if options:
                best[(end, k)] = min(options)
    found = best.get((len(runs), count))
    if found is None:
        return None
    bounds = (*found[3], len(runs))
    return [tuple(p for run in runs[a:b] for p in run) for a, b in zip(bounds, bounds[1:])]


def _fill_slides(paras: Sequence[Para], box: tuple[int, int]) -> list[tuple[Para, ...]]:
    """Fill each slide up to the box's height in lines before starting the next."""
    width, height = box
    groups: list[list[Para]] = [[]]
    used = 0.0
    for index, para in enumerate(paras):
        need = _kept_lines(paras, index, width)
        if groups[-1] and used + need > height:
            groups.append([])
            used = 0
        groups[-1].append(para)
        used += _lines(para, width)
    return [tuple(g) for g in groups if g]


def _kept_lines(paras: Sequence[Para], index: int, width: int) -> float:
    """Lines from paras[index] to the end of the run it keeps with: a heading with its first line, a short
    list of contacts with all of it."""
    need = _lines(paras[index], width)
    while paras[index].keep_with_next and index + 1 < len(paras):
        index += 1
        need += _lines(paras[index], width)
    return need


def _chunk_uniform(paras: Sequence[Para], box: tuple[int, int]) -> list[tuple[Para, ...]]:
    """chunk for text set in one size throughout: a sub-point is as tall a line as a point, so each is
    measured as a point, and the groups hold the paragraphs themselves, in order."""
    groups = chunk([attrs.evolve(p, level=0) if p.level > 0 else p for p in paras], box)
    starts = list(itertools.accumulate((len(g) for g in groups), initial=0))
    return [tuple(paras[a:b]) for a, b in zip(starts, starts[1:])]


NBSP = "\u00a0"


def _numbered(title: str, index: int, count: int) -> str:
    """"Title (1 of 2)": the count never breaks over a line, and takes the title's last word with it, so a
    wrapped title never ends on a line holding "2)" or "(1 of 2)" alone."""
    if count == 1:
        return title
    head, _, last = title.rpartition(" ")
    return f"{head} {last}".lstrip() + f"{NBSP}({index}{NBSP}of{NBSP}{count})"


# The long local facts (several lines) the deck has shown so far, while plan_slides draws one deck, and the
# topic each is shown in full at: the first that gives itself time to present them (a three-minute pointer to
# sources is not the place for the local CAF arrangements); every other slide that needs them points there.
_SHOWN: ContextVar[set[str] | None] = ContextVar("shown_slots", default=None)
_HOMES: ContextVar[dict[str, tuple[str, str]]] = ContextVar("slot_homes", default={})
LONG_SLOT = 3  # lines
HOME_MINUTES = 10  # a topic this long has time to present a long local fact


def _slot_homes(plan: CoursePlan) -> dict[str, tuple[str, str]]:
    """For each slot a topic uses: (module ref, topic title) of the topic that shows it in full."""
    uses = [(slot_id, (mp.module.ref, t.title), t.minutes or 0) for s in plan.sections for mp in s.modules
            for t in mp.topics for slot_id in t.slots]
    homes: dict[str, tuple[str, str]] = {}
    for slot_id, where, minutes in uses:
        if minutes >= HOME_MINUTES:
            homes.setdefault(slot_id, where)
    for slot_id, where, _ in uses:
        homes.setdefault(slot_id, where)
    return homes


SHORT_LIST = 4  # lines: a list this short is never split over two slides


def _slot_paras(plan: CoursePlan, slot_ids: Sequence[str], here: tuple[str, str] | None = None,
                again: bool = False, later: Sequence[str] = ()) -> list[Para]:
    """Each slot's block in full where the course first teaches it (a long one with the topic that has
    time for it), and elsewhere a one-line pointer to that slide. `again`: the one place besides its home
    where the seed asks for the block itself (what to do if you are worried a child is being abused).
    `later`: slots the key message straight after shows, so the topic points there rather than repeat it."""
    out = []
    seen = _SHOWN.get()
    homes = _HOMES.get()
    for slot_id in slot_ids:
        shown = slot_text(plan, slot_id, brief=True)
        home = homes.get(slot_id)
        elsewhere = home is not None and here is not None and home != here and len(shown.lines) >= LONG_SLOT
        whole = slot_id.partition(PART_MARK)[0]  # a part of an arrangements slot is shown with the whole
        if seen is not None and not again and (slot_id in seen or whole in seen or elsewhere or slot_id in later):
            out.append(Para(f"{shown.heading}: {POINTED}", points_to=slot_id))
            continue
        if seen is not None:
            seen.add(slot_id)
        short = len(shown.lines) <= SHORT_LIST
        out.append(Para(shown.heading, bold=True, keep_with_next=True, shows=slot_id))
        out += [Para(line, 1, placeholder=not shown.filled, keep_with_next=short and i + 1 < len(shown.lines),
                     contact=shown.contacts[i] if i < len(shown.contacts) else False)
                for i, line in enumerate(shown.lines)]
    return out


POINTED = "\0pointed"  # where a pointer says where its block is shown, once the deck's slides are known


def _point_to_homes(plan: CoursePlan, slides: list[SlideSpec]) -> list[SlideSpec]:
    """Each pointer to a local block, said in the slide's notes as a trainer would say it: "on the next slide",
    "as covered this morning", "later today", "on day 2". Never a slide's number (slides carry none on screen,
    and a printout without the hidden slides numbers them differently), nor a quoted title, which reads as a
    cross-reference in a document. Not on the slide: a bullet that only says where something was shown is
    filler to attendees, and the trainer says it."""
    homes: dict[str, int] = {}
    for number, slide in enumerate(slides):
        for para in slide.body:
            if para.shows:
                homes.setdefault(para.shows, number)
    when = _times_of_day(slides)

    def pointer(number: int, para: Para) -> str:
        home = homes.get(para.points_to, homes.get(para.points_to.partition(PART_MARK)[0]))
        heading = mid_sentence(slot_text(plan, para.points_to).heading)
        return say(plan, _pointer_key(number, home, when), heading=heading,
                   day=str(when[home][0] if home is not None else ""))

    out = []
    for number, slide in enumerate(slides):
        said = [pointer(number, p) for p in slide.body if p.points_to]
        if said:
            slide = attrs.evolve(slide, body=tuple(p for p in slide.body if not p.points_to),
                                 notes=" ".join((slide.notes, *said)).strip())
        out.append(slide)
    return out


def _times_of_day(slides: Sequence[SlideSpec]) -> list[tuple[int, bool]]:
    """Each slide's day, and whether it comes after that day's lunch."""
    day, afternoon, out = 1, False, []
    for slide in slides:
        if slide.turn == "day":
            day, afternoon = day + 1, False
        elif slide.turn == "lunch":
            afternoon = True
        out.append((day, afternoon))
    return out


def _pointer_key(number: int, home: int | None, when: Sequence[tuple[int, bool]]) -> str:
    """Which of the deck's pointer texts says where the block at slide `home` is, from slide `number`."""
    if home is None:
        return "deck.pointer_handouts"
    if home == number + 1:
        return "deck.pointer_next"
    (day, afternoon), (home_day, home_afternoon) = when[number], when[home]
    if home > number:
        return "deck.pointer_later" if home_day == day else "deck.pointer_later_day"
    if home_day != day:
        return "deck.pointer_day"
    return "deck.pointer_morning" if afternoon and not home_afternoon else "deck.pointer_earlier"


def _unnumbered(title: str) -> str:
    """A slide's title as a pointer names it: without the "(1 of 2)" of a list split over slides."""
    return re.sub(f"{NBSP}\\(\\d+{NBSP}of{NBSP}\\d+\\)$", "", title).replace(NBSP, " ")


def _topic_title(plan: CoursePlan, where: tuple[str, str] | None) -> str:
    """The title a topic has on its slide."""
    for mp in (mp for s in plan.sections for mp in s.modules):
        for t in mp.topics:
            if where == (mp.module.ref, t.title):
                return t.slide_title or t.title
    return ""


def _split(layout: str, title: str, paras: Sequence[Para], notes: str, box=FULL,
           size: int | None = None) -> list[SlideSpec]:
    """The paragraphs over as many slides as they need. A slide that continues a headed list repeats its
    heading, so it never opens on a stray sub-point; the notes are given once, on the first slide."""
    fit = _chunk_uniform if size else chunk
    groups = fit(paras, box) or [()]
    if len(groups) > 1 and any(p.bold and p.level == 0 for p in paras):  # a repeated heading needs a line free
        groups = fit(paras, (box[0], box[1] - 1))
    slides = []
    heading: Para | None = None
    for i, group in enumerate(groups, 1):
        if i > 1 and group and group[0].level > 0 and heading is not None:
            text = heading.text.removesuffix(" (continued)")
            group = (attrs.evolve(heading, text=f"{text} (continued)", keep_with_next=False), *group)
        for para in group:
            if para.level == 0:
                heading = para if para.bold else None
        slides.append(SlideSpec(layout, _numbered(title, i, len(groups)), group, size=size,
                                notes=notes if i == 1 else CONTINUED + notes))
    return slides


CONTINUED = "\0continued"  # a continued slide's notes, written once the deck's slides are known (_continued_notes)
_TIMING = re.compile(r"Timing: (?:about )?((?:\d+ h)?(?: ?\d+ min(?:utes)?)?)(?=\.|,| in all| for)")


def _continued_notes(plan: CoursePlan, slides: list[SlideSpec]) -> list[SlideSpec]:
    """A slide that continues the one before gets notes of its own: the points it shows, and its timing as part
    of the time the first slide's notes give. A topic's slide that shows a local block in full says so, and
    where it shows a contact, where attendees find the contact in full."""
    out: list[SlideSpec] = []
    first_title = ""  # the title of the slide the continued ones go on from, whose notes give the time
    told = False  # where attendees find a contact in full, said at the first slide that shows one
    for slide in slides:
        notes = slide.notes
        if not notes.startswith(CONTINUED):
            if slide.layout != "Section":  # a break's slide may fall between a slide and the one it continues
                first_title = _unnumbered(slide.title)
        else:
            timing = _TIMING.search(notes)
            notes = _carry_on(plan, slide) + " " + (
                say(plan, "deck.continued_timing", minutes=timing.group(1).strip(), title=first_title)
                if timing and timing.group(1).strip() else say(plan, "deck.continued_untimed"))
        if slide.ref[:1] == ("topic",) and any(p.shows for p in slide.body):
            notes += " " + say(plan, "deck.local_details")
            if any(p.contact for p in slide.body) and not told:  # once: the fourth review found it on four
                notes += " " + say(plan, "deck.local_contacts")
                told = True
        out.append(attrs.evolve(slide, notes=notes))
    # A topic whose local block starts on its next slide says so on its first.
    for i, slide in enumerate(out[:-1]):
        after = out[i + 1]
        if (slide.ref[:1] == ("topic",) and slide.ref == after.ref and slides[i + 1].notes.startswith(CONTINUED)
                and not any(p.shows for p in slide.body) and any(p.shows for p in after.body)):
            out[i] = attrs.evolve(slide, notes=f"{slide.notes} {say(plan, 'deck.local_details_next')}")
    return out


def _carry_on(plan: CoursePlan, slide: SlideSpec) -> str:
    """What a continued slide's notes say it shows, as a trainer would write it: its points as one sentence,
    or, where it goes on with a local block, each block's heading with what its lines are."""
    # Its lines, without a heading repeated from the slide before; of a local block, its heading only: the
    # block's lines are the local details the notes point to. A pointer goes to the notes (_point_to_homes).
    local = any(p.shows for p in slide.body)
    points = [p.text.removesuffix(" (continued)").rstrip(":") for p in slide.body
              if p.level >= 0 and not p.points_to and not (local and p.level > 0)
              and not (p.text.endswith(" (continued)") and not p.shows)]
    headings = [p.text.removesuffix(" (continued)") for p in slide.body if p.level == 0 and p.bold]
    if local and points == headings and headings:  # only local blocks: say what each block's lines are
        details = " ".join(say(plan, "deck.continued_local_block", heading=heading, lines=spoken_list(lines))
                           if lines else say(plan, "deck.continued_local_heading", heading=heading)
                           for heading, lines in _local_blocks(plan, slide.body))
        return say(plan, "deck.continued_local", details=details)
    if points:
        return say(plan, "deck.continued", points=spoken_list(points).rstrip("."))
    return say(plan, "deck.continued_reading")


def _local_blocks(plan: CoursePlan, body: Sequence[Para]) -> list[tuple[str, list[str]]]:
    """Each local block's heading on a slide, with the labels of the lines under it."""
    blocks: list[tuple[str, list[tuple[str, bool]]]] = []
    for para in body:
        if para.level == 0 and para.bold:
            blocks.append((para.text.removesuffix(" (continued)"), []))
        elif para.level > 0 and blocks:
            label = _line_label(para.text)
            if label:
                blocks[-1][1].append((label, para.contact))
    # Among arrangements, a contact is named as one, not listed as if it were one more arrangement (the fourth
    # review: "...; Agreeing and recording a lead professional; and Sarah Bennett, CAF Coordinator").
    return [(heading, [say(plan, "deck.continued_contact", name=label)
                       if contact and not all(c for _, c in lines) else label for label, contact in lines])
            for heading, lines in blocks]


def spoken_list(parts: Sequence[str]) -> str:
    """"a; b; and c": points that hold commas of their own, as one sentence."""
    if len(parts) < 2:
        return "".join(parts)
    if len(parts) == 2:
        return f"{parts[0]} and {parts[1]}"
    return "; ".join(parts[:-1]) + f"; and {parts[-1]}"


LABEL = 80  # characters: a local line's label before its colon, short enough to name it in the notes


def _line_label(text: str) -> str:
    """What a local line is, for the notes: its label ("Forms, and where to get them"), or a contact's name
    and role ("Sarah Bennett, CAF Coordinator")."""
    label, colon, _ = text.partition(": ")
    label = label.split(" (")[0]
    if colon and len(label) <= LABEL:
        return label
    contact = ", ".join(text.split(", ")[:2])
    return contact if len(contact) <= LABEL else ""  # a line of running text: its heading names it


def _sentences(text: str, limit: int) -> list[str]:
    """Break a long paragraph at sentence ends into pieces of at most about `limit` characters."""
    pieces, current = [], ""
    for sentence in text.replace(". ", ".\n").split("\n"):
        if current and len(current) + len(sentence) + 1 > limit:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    return pieces + ([current] if current else [])


def plan_slides(plan: CoursePlan) -> list[SlideSpec]:
    """Every slide of the course in the standard order of 2.5, titles made unique.

    The last few plans' slides are kept, by the plan itself (frozen, so its slides never change): the deck
    draws them and the trainer guide numbers them in five places, and planning them is most of a guide's time
    outside python-docx. Holding the plan keeps its id from being reused by another while it is kept.
    """
    for seen, slides in _RECENT:
        if seen is plan:
            return list(slides)
    token, homes = _SHOWN.set(set()), _HOMES.set(_slot_homes(plan))
    try:
        planned = _all_slides(plan)
    finally:
        _SHOWN.reset(token)
        _HOMES.reset(homes)
    _RECENT.insert(0, (plan, tuple(planned)))
    del _RECENT[_KEPT:]
    return planned


_KEPT = 4  # plans: a course's artefacts are drawn one after another from one plan
_RECENT: list[tuple[CoursePlan, tuple[SlideSpec, ...]]] = []


def _all_slides(plan: CoursePlan) -> list[SlideSpec]:
    slides = list(_opening(plan))
    turns = _turns(plan)
    for index, section in enumerate(plan.sections):
        if section.omitted:
            continue
        slides += list(_section(plan, section, index, turns))
    slides += list(_closing(plan))
    # Notes that quote a topic by the strategy's heading quote the title its slide shows, as the guide's do.
    slides = [attrs.evolve(s, notes=_as_on_slides(plan, s.notes)) if s.notes else s for s in slides]
    slides = _continued_notes(plan, _unique_titles(_day_recaps(plan, slides)))
    return _name_next(_largest_sizes(_point_to_homes(plan, slides)))


RECAP = "\0recap"  # a later day's recap of the day before, filled in once the deck's topic slides are known
COURSE_RECAP = "\0course"  # the course's recap at its end: every module, filled in the same way


def _day_recaps(plan: CoursePlan, slides: list[SlideSpec]) -> list[SlideSpec]:
    """Each later day's recap: the modules the day before taught, each with a few of its headline topics by
    their slides' titles, on one slide, and questions for the room in the notes. A day that presented no topic
    has no recap slide."""
    names = {m.ref: m.name for m in plan.modules}
    minutes = {(mp.module.ref, step.topic.title): step.minutes for s in plan.sections for mp in s.modules
               for step in mp.topic_steps}
    # A topic that points to the sources of information is no headline: the recap's next slide gives them.
    sources = plan.slot_for("local-sources")
    pointers = {(mp.module.ref, step.topic.title) for s in plan.sections for mp in s.modules
                for step in mp.topic_steps if sources in step.topic.slots}
    out: list[SlideSpec] = []
    # Module name: its topics' slide titles, minutes and whether each only points to sources, in order.
    covered: dict[str, list[tuple[str, int, bool]]] = {}
    course: dict[str, list[tuple[str, int, bool]]] = {}  # the same over the whole course
    for slide in slides:
        if slide.notes.startswith(COURSE_RECAP):
            # The title says what the list is: a lead-in line above it would read as one more bullet.
            ask = [Para(say(plan, "recap.ask"), bold=True)]
            # A line to spare: the question to the room must not run into the logo band.
            # The processes taken in brief are part of what the course covered: the review found a recap
            # that named three of a half day's topics and none of its last hour.
            brief = [(a.process.name, a.minutes, False) for sec in plan.sections for a in sec.awareness]
            whole = {**course, **({say(plan, "recap.in_brief"): brief} if brief else {})}
            most = max(HEADLINES, COURSE_HEADLINES // max(1, len(whole)))
            body = [*_recap_body(whole, (*ask, Para("")), most), *ask] if course else ask
            small = len(chunk(body, FULL)) > 1
            out += _split("Title and Content", slide.title, body, slide.notes.removeprefix(COURSE_RECAP),
                          box=FULL_SMALL if small else FULL, size=SMALL if small else None)
            continue
        if not slide.notes.startswith(RECAP):
            if slide.ref[:1] == ("topic",):
                title = _topic_title(plan, (slide.ref[1], slide.ref[2])) or slide.ref[2]
                for seen in (covered, course):
                    titles = seen.setdefault(names.get(slide.ref[1], slide.ref[1]), [])
                    if title not in (t for t, _, _ in titles):
                        titles.append((title, minutes.get((slide.ref[1], slide.ref[2]), 0),
                                       (slide.ref[1], slide.ref[2]) in pointers))
            out.append(slide)
            continue
        before = slide.notes.removeprefix(RECAP)
        if covered:
            body = _recap_body(covered)
            every = [p.text for p in body if p.level > 0]
            # A list to glance down, one size throughout: the smaller type where the template's would not fit.
            small = len(chunk(body, FULL)) > 1
            out += _split("Title and Content", slide.title, body,
                          say(plan, "day_turn.recap_notes", before=before, first=every[0], last=every[-1]),
                          box=FULL_SMALL if small else FULL, size=SMALL if small else None)
        covered = {}
    return out


HEADLINES = 3  # topics a module names at most in a day's recap: those the day gave most time, in course order
COURSE_HEADLINES = 8  # topics the course's recap shares among its modules, as many as the slide holds


def _recap_body(covered: dict[str, list[tuple[str, int, bool]]], around: Sequence[Para] = (),
                most_first: int = HEADLINES) -> list[Para]:
    """A day's or the course's recap: each module's name, its headline topics a bullet each beneath it, as many
    a module as one slide holds with the lines `around` them (HEADLINES at most, one at least). The headlines
    are the topics given most time, a topic pointing to sources last of all."""
    body: list[Para] = []
    for most in range(most_first, 0, -1):
        body = []
        for module, titles in covered.items():
            ranked = sorted(range(len(titles)), key=lambda i: (titles[i][2], -titles[i][1], i))[:most]
            body += [Para(module, bold=True, keep_with_next=True),
                     *(Para(titles[i][0], 1, keep_with_next=i != max(ranked)) for i in sorted(ranked))]
        if len(_chunk_uniform([*around, *body], FULL_SMALL)) == 1:
            break
    return body


_STRATEGY_CALLS = re.compile("The strategy calls this topic \u201c[^\u201d]*\u201d\\. ")


def _as_on_slides(plan: CoursePlan, notes: str) -> str:
    """as_on_slides, sparing the draft's own quotation of the strategy's heading."""
    kept = _STRATEGY_CALLS.match(notes)
    return kept.group() + as_on_slides(plan, notes[kept.end():]) if kept else as_on_slides(plan, notes)


Turns = dict[tuple, list[tuple[int, "int | Row"]]]


def _turns(plan: CoursePlan) -> Turns:
    """Where the session plan pauses: {place of the block it resumes with: [(minutes of that block already
    done, the new day's number or the break's row)]}, in time order. A place is a section's own time, a
    module's teaching or an exercise (see timetable.Block); the minutes find the topic a module resumes at.
    A day opens on its welcome back, which the day's turn presents, so a break is never before it."""
    turns: Turns = {}
    done: dict[tuple, int] = {}
    day, pause = 1, None
    for row in plan.timetable.rows:
        if row.is_break:
            pause = row
            continue
        if row.place[:1] == ("day",):
            continue
        if row.day != day:
            day = row.day
            turns.setdefault(row.place, []).append((done.get(row.place, 0), day))
        elif pause is not None:
            turns.setdefault(row.place, []).append((done.get(row.place, 0), pause))
        pause = None
        done[row.place] = done.get(row.place, 0) + row.minutes
    return turns


def _turn(plan: CoursePlan, turn: int | Row) -> Iterator[SlideSpec]:
    """The slides where the plan pauses: a day's close and the next day's welcome, or a break's slide."""
    if isinstance(turn, int):
        yield from _day_turn(plan, turn)
    else:
        yield _pause(plan, turn)


def _pause(plan: CoursePlan, row: Row) -> SlideSpec:
    """A break or lunch, as the session plan times it, for the trainer to leave on screen: how long, when the
    group starts again and with what."""
    after = [r for r in plan.timetable.rows if r.day == row.day and r.start >= row.end and not r.is_break]
    words = {"label": row.label, "label_lower": row.label.lower(), "length": format_minutes(row.minutes), "back": clock(row.end),
             "next": NEXT if after else ""}
    subtitle = (Para(say(plan, "pause.next", **words)),) if after else ()
    # Over several days a break recurs at the same time: the day keeps each slide's title its own.
    title = say(plan, "pause.title_day" if plan.timetable.days > 1 else "pause.title", day=str(row.day), **words)
    return SlideSpec("Section", title, subtitle=subtitle, notes=say(plan, "pause.notes", **words), turn=row.kind)


NEXT = "\0next"  # what a break's slide says comes next, once the deck's slides are known (_name_next)


def _name_next(slides: list[SlideSpec]) -> list[SlideSpec]:
    """A break's "Next:" names the slide the group comes back to, by its title: the next topic, exercise or
    message, or the next module's or section's divider where one starts; never the module already running."""
    out = []
    for number, slide in enumerate(slides):
        if NEXT in slide.notes:
            after = next((s for s in slides[number + 1:] if not s.hidden), None)
            name = _unnumbered(after.title) if after is not None else ""
            slide = attrs.evolve(slide, notes=slide.notes.replace(NEXT, name), subtitle=tuple(
                attrs.evolve(p, text=p.text.replace(NEXT, name)) for p in slide.subtitle))
        out.append(slide)
    return out


def _opening(plan: CoursePlan) -> Iterator[SlideSpec]:
    facts = course_facts(plan)
    owner = cover_identity(plan).name
    audience = mid_sentence(plan.audience.name)
    said = audience.lower() in plan.course.title.lower()  # "Integrated working for practitioners": said once
    subtitle = [Para(" \u00b7 ".join(([] if said else [f"For {audience}"]) + [facts.total_planned, facts.days]))]
    if owner:
        subtitle.append(Para(owner))
    if plan.draft:
        subtitle.append(Para("DRAFT: modules still to be defined", bold=True))
    yield SlideSpec("Title", plan.course.title, subtitle=tuple(subtitle),
                    notes=say(plan, "deck.title_notes", total=facts.total_planned, days=facts.days,
                              minutes=next((format_minutes(s.minutes) for s in plan.sections if s.role == "opening"),
                                           "")))
    agenda = _about_lines(plan)
    fits = len(chunk(agenda, FULL)) == 1  # the agenda reads best on one slide: a smaller size before a second
    yield from _split("Title and Content", "About this course", agenda,
                      "Walk through the course content and the timetable. "
                      + (_point_out_breaks(plan) if plan.timetable.days == 1 else "")
                      + "Timing: 5 min.", box=FULL if fits else FULL_SMALL, size=None if fits else SMALL)
    if plan.timetable.days > 1:  # each day opens with its agenda: day 1 here, later days on their welcome back
        opening = next((format_minutes(s.minutes) for s in plan.sections if s.role == "opening"), "")
        yield from _day_agenda(plan, 1, say(plan, "day_turn.first_title"),
                               say(plan, "day_turn.first_notes", minutes=opening))
    modules = []
    for mp in (mp for s in plan.sections for mp in s.modules):
        exercises = len([e for e in mp.exercises if not e.optional])
        with_exercises = f", with {exercises} exercise{'s' if exercises != 1 else ''}" if exercises else ""
        modules += [Para(f"{mp.module.ref} {mp.module.name}", bold=True, keep_with_next=True),
                    Para(f"{format_minutes(plan.timetable.module_minutes(mp.module.ref))}{with_exercises}", 1)]
    awareness = [a for s in plan.sections for a in s.awareness]
    if awareness:
        # Each process's own minutes, and the pairs question they give time to, as the outline times them (the
        # review: 10/10/10/5 here against the outline's 8/8/9/5 and 5).
        modules.append(Para(say(plan, "recap.in_brief"), bold=True, keep_with_next=True))
        for section in (s for s in plan.sections if s.awareness):
            given = activity_shares(section.awareness)
            modules += [Para(f"{a.process.name}: {format_minutes(a.minutes - g)}", 1)
                        for a, g in zip(section.awareness, given)]
            if sum(given):
                modules.append(Para(f"{say(plan, 'course.outline_activity')[:1].upper()}"
                                    f"{say(plan, 'course.outline_activity')[1:]}: {format_minutes(sum(given))}", 1))
    opening = next((format_minutes(s.minutes) for s in plan.sections if s.role == "opening"), "")
    yield from _split("Title and Content", "What this course covers", modules,
                      say(plan, "deck.covers_notes" if len(plan.modules) > 1 else "deck.covers_notes_one") + " "
                      + say(plan, "deck.covers_timing", minutes=opening))
    yield SlideSpec("Two Content", "Getting to know each other",
                    (Para("Introduce yourself to the group:"), Para("your name and role", 1),
                     Para("your organisation or service", 1), Para("one thing you hope to take away", 1)),
                    right=(Para("Sit with people from other agencies"),
                           Para("Note the people you meet in the contact list in your handouts")),
                    notes=" ".join(p.instruction or p.seed_text for p in plan.principles if p.role == "introductions")
                    + " Timing: part of the introduction.")
    yield SlideSpec("Title and Content", say(plan, "ground_rules.title"),
                    tuple(Para(rule) for rule in items(plan, "ground_rules.rules")),
                    notes=say(plan, "ground_rules.notes"))


def _about_lines(plan: CoursePlan) -> list[Para]:
    """"About this course" as a trainer reads it out: each day's hours, with what it teaches beneath (each
    module, and each section of teaching beyond the modules, with the time the session plan gives it that day);
    a course of one day then its breaks and lunch in a line, where a longer one has each day's agenda next.
    A course of one day gives the introduction, and the recap and close together, lines of their own too, so
    its times add up to the day's hours (the review: half a day's slide listed 85 of its 135 minutes); a
    longer one leaves them to its days' agendas, or the slide is a wall of times."""
    days = plan.timetable.days
    names = {m.ref: m.name for m in plan.modules}
    lines: list[Para] = []
    started: set[str] = set()  # modules begun on an earlier day: "(continued)" on the next
    lunch = any(r.kind == "lunch" for r in plan.timetable.rows)  # a day of one session without it is half a day
    for day in range(1, days + 1):
        rows = [r for r in plan.timetable.rows if r.day == day]
        if not rows:
            continue
        hours = f"{clock(rows[0].start)}\u2013{clock(rows[-1].end)}"
        key = "agenda.deck_day" if days > 1 else "agenda.deck_one_day" if lunch else "agenda.deck_half_day"
        lines.append(Para(say(plan, key, day=str(day), hours=hours), bold=True, keep_with_next=True))
        # A half day's one break goes in its place, and a key message said after a module has a line of its
        # own (the review: the break listed after the recap; lines five minutes short of the day), where that
        # splits no module in two and stays within what the slide holds. Otherwise each part is one line and
        # the breaks and lunch follow in one line.
        inline = days == 1 and sum(r.is_break for r in rows) == 1
        parts = _day_parts(plan, rows, names, started, inline) if inline else []
        if not parts or len(parts) > ABOUT_PARTS or any(p[0] != p[2] for p in parts if p[1] is not None):
            inline = False
            parts = _day_parts(plan, rows, names, started, False)
        started |= {r.module_ref for r in rows if r.module_ref}
        lines += [Para(name[:1].upper() + name[1:] if minutes is None else
                       say(plan, "agenda.deck_part", name=name, time=format_minutes(minutes)), 1)
                  for name, minutes, _ in parts]
        pauses = [_pause_words(r) for r in rows if r.is_break]
        if days == 1 and pauses and not inline:
            lines.append(Para(pauses[0][:1].upper() + pauses[0][1:] + "".join(f"; {p}" for p in pauses[1:]), 1))
    return lines


ABOUT_PARTS = 8  # a one-day course's lines beneath its hours, at most, with its break in place


def _day_parts(plan: CoursePlan, rows: list[Row], names: dict[str, str], started: set[str],
               inline: bool) -> list[list]:
    """A day's parts for "About this course", each [name shown, minutes, name]; with `inline`, its break in
    place (minutes None) and each key message a part of its own."""
    days = plan.timetable.days
    parts: list[list] = []
    for row in rows:
        if row.place[:1] == ("day",):
            continue
        if row.is_break:
            if inline:
                parts.append([_pause_words(row), None, ""])
            continue
        if row.place[:1] == ("messages",):
            if not inline:
                continue
            kind, _, title = row.label.partition(": ")  # "Key message “Record information well”: 5 min"
            name = f"{kind} \u201c{title}\u201d" if title else kind
        elif row.module_ref:
            name = names.get(row.module_ref, row.module_ref)
        elif plan.sections[row.place[1]].role in ("opening", "recap", "close"):
            if days > 1:
                continue
            role = plan.sections[row.place[1]].role
            name = row.label if role == "opening" else say(plan, "agenda.deck_recap_close")
        else:
            name = row.label
        same = [p for p in parts if p[2] == name]
        if same and (not inline or parts[-1] is same[-1]):
            same[-1][1] += row.minutes  # one line a part; in place, one line a run of it
            continue
        again = row.module_ref in started or bool(same)
        parts.append([say(plan, "agenda.deck_continued", name=name) if again else name, row.minutes, name])
    return parts


def _pause_words(row: Row) -> str:
    """A break or lunch as "About this course" lists it: "lunch 12:30\u201313:15"."""
    return f"{row.label.lower()} {clock(row.start)}\u2013{clock(row.end)}"


def _point_out_breaks(plan: CoursePlan) -> str:
    """"Point out the break and lunch.": only what this course's plan has."""
    kinds = [k for k in ("break", "lunch") if any(r.kind == k for r in plan.timetable.rows)]
    names = {"break": "the breaks" if sum(r.kind == "break" for r in plan.timetable.rows) > 1 else "the break",
             "lunch": "lunch"}
    return f"Point out {' and '.join(names[k] for k in kinds)}. " if kinds else ""


def _section_time(plan: CoursePlan, section) -> str:
    """The section's time, or what an exercises section with only optional extras costs."""
    if section.minutes:
        return section_time(plan, section)
    optional = section.optional_minutes
    if optional:
        return f"optional, {format_minutes(optional)} if time allows"
    if section.role == "exercises":
        return "straight after the topics they practise"
    return "within the modules' time"


def _day_turn(plan: CoursePlan, day: int) -> Iterator[SlideSpec]:
    """Where one day ends and the next begins: the close of the day before, then the welcome back."""
    covered = _day_items(plan, day - 1)
    tomorrow = _day_items(plan, day)
    first = next((r for r in plan.timetable.rows if r.day == day), None)
    # What the next day holds, every part of it (not only its first), so a day of one module after a short
    # segment is not announced as the segment; its exercises go with the teaching they follow.
    marks = tuple(m for m in (say(plan, key, **{name: "\x00"}).split("\x00")[0]
                              for key, name in (("day_turn.exercise", "title"), ("day_turn.exercises", "titles"))) if m)
    # What the day covered: each module and section once, then its exercises in one line, named briefly.
    taught = dict.fromkeys(label for _, label, _ in covered if not (marks and label.startswith(marks)))
    practised = list(dict.fromkeys(_brief_exercise(r.label.removeprefix("Exercise: ")) for r in plan.timetable.rows
                                   if r.day == day - 1 and r.kind == "exercise"))
    body = [Para(say(plan, "day_turn.covered"), bold=True, keep_with_next=True), *(Para(label, 1) for label in taught)]
    if practised:
        body.append(Para(say(plan, "day_turn.exercise" if len(practised) == 1 else "day_turn.exercises",
                             title=practised[0], titles="; ".join(practised)), 1))
    ahead = list(dict.fromkeys(label for _, label, _ in tomorrow if not (marks and label.startswith(marks))))
    if first is not None and ahead:
        body.append(Para(say(plan, "day_turn.tomorrow", start=clock(first.start), first="; ".join(ahead)), bold=True))
    # The close's own row of the session plan, where the content gives a day's close time; else the day's end.
    rows = [r for r in plan.timetable.rows if r.day == day - 1 and not r.is_break]
    close = next((r for r in rows if r.place[:1] == ("day",) and r.place[2:] == ("close",)), None)
    start, end = (close.start, close.end) if close else (rows[-1].end - 5, rows[-1].end) if rows else (0, 0)
    yield from _split("Title and Content", f"Day {day - 1}: close", body,
                      say(plan, "deck.day_close_notes", day=str(day - 1), start=clock(start), end=clock(end),
                          length=format_minutes(end - start)))
    yield from _day_opener(plan, day)


AgendaRow = tuple[str, str, tuple[str, ...]]  # start time, what, and the topics listed beneath it


def _day_items(plan: CoursePlan, day: int) -> list[AgendaRow]:
    """What the day teaches, in order, from the session plan: (start time, what, ()), each module and section
    once a run, and a run of exercises one line that names each. A key message of a few minutes belongs to
    the teaching around it, and a break to no line."""
    out: list[AgendaRow] = []
    run: list[str] = []  # the exercises of the run the last line names
    for row in plan.timetable.rows:
        if row.day != day or row.place[:1] in (("day",), ("messages",)) or row.is_break:
            continue
        if row.kind == "exercise":
            title = row.label.removeprefix("Exercise: ")
            if run:  # a run of exercises is one line, naming each
                if title not in run:
                    run.append(title)
                    out[-1] = (out[-1][0], say(plan, "day_turn.exercises", titles="; ".join(run)), ())
                continue
            out.append((clock(row.start), say(plan, "day_turn.exercise", title=title), ()))
            run = [title]
            continue
        run = []
        label = _readable(row.label)
        if not (out and out[-1][1] == label):
            out.append((clock(row.start), label, ()))
    return out


@attrs.define
class _Entry:
    """One line of a day's agenda as it is built: when it starts, what (a module, a section's own time, a
    pause), the module or section it stands for, and the exercises run inside it."""

    start: int
    what: str
    key: str = ""  # the module's code or the section's title a later row of the same session joins; "" for none
    exercises: list[str] = attrs.Factory(list)
    row: Row | None = None  # the session plan's first row of a module's line
    starts: list[int] = attrs.Factory(list)  # when each exercise starts, as the session plan has it


EXERCISES = "\0exercises"  # the key of a line that is a run of exercises on their own


def _agenda_lines(plan: CoursePlan, day: int, turns: bool = True, compact: bool = False) -> list[str]:
    """The day's agenda at the grain a trainer reads it out: a line for each module or section a session
    takes up, with the exercises run inside it named briefly; a line for each break and lunch, and (with
    `turns`) for the day's welcome back and close. Each line starts with its time from the session plan."""
    entries: list[_Entry] = []
    for row in (r for r in plan.timetable.rows if r.day == day and r.place[:1] != ("messages",)):
        last = entries[-1] if entries else None
        if row.is_break:
            entries.append(_Entry(row.start, say(plan, "day_turn.pause", label=row.label,
                                                 length=format_minutes(row.minutes))))
        elif row.place[:1] == ("day",):
            if not turns:
                continue
            key = "day_turn.close_row" if row.place[2:] == ("close",) else "day_turn.welcome_row"
            entries.append(_Entry(row.start, say(plan, key, before=str(day - 1))))
        elif row.kind == "exercise":
            name = _brief_exercise(row.label.removeprefix("Exercise: "))
            if last is not None and last.key and last.key in (row.module_ref, EXERCISES):
                if name not in last.exercises:
                    last.exercises.append(name)
                    last.starts.append(row.start)
            else:
                entries.append(_Entry(row.start, "", EXERCISES, [name], starts=[row.start]))
        elif not (last is not None and last.key == (row.module_ref or row.label)):
            entries.append(_Entry(row.start, _readable(row.label), row.module_ref or row.label, row=row))
    lines = [_entry_text(plan, e, compact) for e in entries]
    for k, entry in enumerate(entries):  # a module's line like one before it names where it takes up
        if entry.row is not None and lines.count(lines[k]) > 1 and lines.index(lines[k]) < k:
            lines[k] = say(plan, "day_turn.module_part", module=lines[k], topic=_first_topic(plan, entry.row))
    return [f"{clock(e.start)} {line}" for e, line in zip(entries, lines)]


def _first_topic(plan: CoursePlan, row: Row) -> str:
    """The topic a session plan row of a module takes up at, by its slide's title; "(continued)" where the
    row before of the same module ended on it, as the slide after the break is titled."""
    steps = {t.number: t.topic for s in plan.sections for mp in s.modules if mp.module.ref == row.module_ref
             for t in mp.topic_steps}
    topic = steps.get(row.topics[0]) if row.topics else None
    if topic is None:
        return ""
    earlier = [r for r in plan.timetable.rows if r.module_ref == row.module_ref and r.kind == "teaching"
               and (r.day, r.start) < (row.day, row.start)]
    title = topic.slide_title or topic.title
    return f"{title} (continued)" if earlier and earlier[-1].topics[-1:] == row.topics[:1] else title


def _entry_text(plan: CoursePlan, entry: _Entry, compact: bool = False) -> str:
    """An agenda line after its time. An exercise run inside a module's line gives its own start ("Using the
    CAF in Practice; 11:05 exercise ..."), so the line's time is never read as the exercise's; a run of
    exercises on its own starts at the line's time. `compact`: the shorter wording, for a day that would
    not otherwise fit its slide."""
    names = entry.exercises
    if entry.key == EXERCISES:
        return say(plan, "day_turn.exercise" if len(names) == 1 else "day_turn.exercises", title=names[0],
                   titles="; ".join(names))
    if not names:
        return entry.what
    if len(names) == 1:
        return say(plan, "day_turn.with_exercise_short" if compact else "day_turn.with_exercise", what=entry.what,
                   time=clock(entry.starts[0]), title=f"\u201c{names[0]}\u201d")
    quoted = [say(plan, "day_turn.timed", time=clock(start), what=f"\u201c{name}\u201d")
              for name, start in zip(names, entry.starts)]
    return say(plan, "day_turn.with_exercises", what=entry.what,
               titles=say(plan, "day_turn.and_last", items=", ".join(quoted[:-1]), last=quoted[-1]))


def _brief_exercise(title: str) -> str:
    """An exercise as a day's agenda names it: its title up to a subtitle ("Kyle's family, step 1" of "Kyle's
    family, step 1: preparation", "Who does what?" of "Who does what? Mapping local services")."""
    head = re.split(r"(?<=\?) |: ", title, maxsplit=1)[0]
    return head if len(head) >= BRIEF_EXERCISE else title


BRIEF_EXERCISE = 8  # characters: a shorter head ("Step 1") says too little to name the exercise alone


def _readable(label: str) -> str:
    """A session plan row as attendees read it: the module's name without its code or topic numbers."""
    name = label.split(": topic")[0]
    code, _, rest = name.partition(" ")
    return rest if rest and code[:1].isupper() and code[-2:].isdigit() else name


def _day_opener(plan: CoursePlan, day: int) -> Iterator[SlideSpec]:
    """The first slides of each day after the first: welcome back with the day's agenda, then the day before
    looked back on."""
    rows = [r for r in plan.timetable.rows if r.day == day]
    # Its time as the session plan gives it: the content's 10 minutes, or a few more that put the day on the
    # quarter hour.
    welcome = sum(r.minutes for r in rows if r.place == ("day", day))
    notes = say(plan, "day_turn.welcome_notes", day=str(day), before=str(day - 1), minutes=format_minutes(welcome))
    slides = list(_day_agenda(plan, day, f"Day {day}: welcome back", notes))
    yield attrs.evolve(slides[0], turn="day")
    yield from slides[1:]
    yield SlideSpec("Title and Content", say(plan, "day_turn.recap_title", day=str(day), before=str(day - 1)),
                    notes=f"{RECAP}{day - 1}")


def _day_agenda(plan: CoursePlan, day: int, title: str, notes: str) -> Iterator[SlideSpec]:
    """The day's agenda from the session plan, with its breaks and lunch, on one slide; a day too long for
    one goes on from lunch on a second."""
    rows = [r for r in plan.timetable.rows if r.day == day]
    heading = Para(say(plan, "day_turn.agenda", start=clock(rows[0].start), end=clock(rows[-1].end)), bold=True)
    lines = _agenda_lines(plan, day)
    agenda = [heading, *(Para(line, 1) for line in lines)]
    # The welcome back and the day's close go first (the slide's title says them), then the longer wording.
    for compact in (False, True):
        if not _fits_one(agenda):
            lines = _agenda_lines(plan, day, turns=False, compact=compact)
            agenda = [heading, *(Para(line, 1) for line in lines)]
    lunch = next((clock(r.start) for r in rows if r.kind == "lunch"), None)
    after = next((i + 1 for i, line in enumerate(lines) if lunch is not None and line.startswith(lunch)), len(lines))
    if _fits_one(agenda) or after == len(lines):
        yield from _agenda_slides(title, agenda, notes)
        return
    yield from _agenda_slides(title, agenda[:after + 1], notes)
    afternoon = [Para(say(plan, "day_turn.afternoon", start=lines[after][:5], end=clock(rows[-1].end)), bold=True),
                 *agenda[after + 1:]]
    yield from _agenda_slides(say(plan, "day_turn.afternoon_title", day=str(day)), afternoon, CONTINUED + notes)


def _fits_one(agenda: Sequence[Para]) -> bool:
    """Whether an agenda fits one slide, at the template's size or the smaller one. Its lines are measured as
    a point each: a list of a dozen short sub-points takes the spacing between them as well as their type."""
    return len(_chunk_uniform(agenda, FULL)) == 1 or len(_chunk_uniform(agenda, FULL_SMALL)) == 1


def _agenda_slides(title: str, agenda: list[Para], notes: str) -> list[SlideSpec]:
    """An agenda on one slide where it can be: at the template's size, or the smaller one before a second slide."""
    small = len(_chunk_uniform(agenda, FULL)) > 1 and len(_chunk_uniform(agenda, FULL_SMALL)) == 1
    slides = _split("Title and Content", title, agenda, notes, box=FULL_SMALL if small else FULL,
                    size=SMALL if small else None)
    # A day's opening slide keeps its own title ("Day 2: welcome back"), which the guide and the day's other
    # slides name; a slide the agenda runs on to says it goes on.
    return [attrs.evolve(slide, title=title if k == 0 else f"{title}, continued") for k, slide in enumerate(slides)]


def _section(plan: CoursePlan, section, index: int = 0, turns: Turns | None = None) -> Iterator[SlideSpec]:
    turns = dict(turns or {})

    def pauses(place: tuple, reached: int | None = None) -> Iterator[SlideSpec]:
        """The turns at `place`; with `reached`, only those the session plan resumes at by that minute."""
        waiting = turns.pop(place, [])
        now = [t for t in waiting if reached is None or t[0] <= reached]
        if len(now) < len(waiting):
            turns[place] = [t for t in waiting if t not in now]
        for _, turn in now:
            yield from _turn(plan, turn)

    if ("exercise", index, 0) in turns and not section.modules:  # the day opens the section: before its divider
        turns[("section", index)] = turns.get(("section", index), []) + turns.pop(("exercise", index, 0))
    # A break the session plan takes part way through the section's own time (its awareness segments) goes
    # before the segment nearest that minute.
    awareness_starts = list(itertools.accumulate((item.minutes for item in section.awareness), initial=0))
    yield from pauses(("section", index), (awareness_starts[0] + awareness_starts[1]) // 2 - 1
                      if len(section.awareness) > 1 else None)
    if section.role == "opening":  # the opening slides present it
        return
    if section.role == "close":  # its own slot after the recap: the forms, the knowledge check, the certificates
        yield from _close(plan, section)
        return
    if not (section.modules or section.exercises or section.awareness or section.messages or section.own_minutes):
        return  # its exercises run inside the modules, straight after their topics
    if section.role not in ("recap", "modules") and (section.exercises or section.awareness
                                                     or section.role == "background"):
        # Module sections open with each module's own divider; a second divider before it adds nothing.
        minutes = _section_time(plan, section)
        yield SlideSpec("Section", section.title, subtitle=(Para(minutes),),
                        notes=f"Section: {section.title}. Timing: {minutes}.")
    # Key messages said after the modules come before the last module's closing pointer to sources, where it
    # ends on one and no break falls between: a message goes with the teaching that raises it.
    early: list[SlideSpec] = []
    if section.modules and ("messages", index) not in turns and _ends_on_sources(plan, section.modules[-1]):
        early = [attrs.evolve(s, title=f"Key message: {s.title}") if len(s.title) + 13 <= TITLE_CHARS else s
                 for message in section.messages
                 for s in _tagged(("message", message.id), _message(plan, message, message.minutes))]
    for number, module_plan in enumerate(section.modules, 1):
        yield from _module(plan, module_plan, index, turns, early if number == len(section.modules) else [])
    for number, item in enumerate(section.exercises):
        yield from pauses(("exercise", index, number))
        yield from _tagged(("exercise", item.module_ref, item.title), _exercise(plan, item))
    given = activity_shares(section.awareness)
    for k, item in enumerate(section.awareness):
        if k:  # the turns nearer this segment's start than the one before
            yield from pauses(("section", index), (awareness_starts[k] + awareness_starts[k + 1]) // 2 - 1)
        yield from _awareness(plan, item, given[k])
    if any(given):
        yield _awareness_activity(plan, section, given)
    yield from pauses(("section", index))
    if section.role == "recap":  # the modules looked back on, then the hopes, with the sources message in one line
        yield from pauses(("messages", index))
        yield from _recap(plan, section)
        yield from _sources(plan)
        return
    yield from pauses(("messages", index))  # a day may open on the key messages closing the teaching before it
    for message in () if early else section.messages:  # a section of messages shares its time; one on its own
        share = section.own_minutes // len(section.messages) if section.role in ("background", "recap") else 0
        yield from _tagged(("message", message.id), _message(plan, message, share or message.minutes))


def _awareness(plan: CoursePlan, item: AwarenessItem, given: int = 0) -> Iterator[SlideSpec]:
    """A short segment on an associated process: what it is, in the words of its introductory module. `given`:
    the minutes of it the segment's pairs activity takes, at its end."""
    p = item.process
    timing = (say(plan, "deck.awareness_timing_given", minutes=format_minutes(item.minutes - given),
                  total=format_minutes(item.minutes)) if given else f"Timing: {format_minutes(item.minutes)}.")
    yield from _split("Title and Content", f"{p.name}: in brief",
                      [Para(point) for point in p.awareness_points] + _slot_paras(plan, p.awareness_slots),
                      f"{p.awareness_notes} {_awareness_notes(plan, item)} {timing}")


ACTIVITY_AFTER = 3  # processes in brief: three or more talked through in a row want the room to do something
ACTIVITY_MINUTES = 5  # the pairs question at the end, taken from the segments' own time
TALK_AT_LEAST = 5  # minutes: a segment this short gives none of its time to it


def activity_shares(items: Sequence[AwarenessItem]) -> list[int]:
    """The minutes each segment gives the activity, a minute at a time from the longest first, so the section
    keeps its time; none where the section has fewer than ACTIVITY_AFTER segments."""
    given = [0] * len(items)
    longer = sorted((k for k, item in enumerate(items) if item.minutes > TALK_AT_LEAST),
                    key=lambda k: (-items[k].minutes, k))
    if len(items) < ACTIVITY_AFTER or not longer:
        return given
    for step in range(ACTIVITY_MINUTES):
        given[longer[step % len(longer)]] += 1
    return given


def awareness_activity(plan: CoursePlan, section, given: Sequence[int]) -> tuple[str, tuple[str, ...], str]:
    """The pairs question at the end of the processes in brief as (title, points, notes): the deck's slide, and
    the guide's notes for the same five minutes."""
    said = [item.process.in_titles or _in_sentence(item.process.name) for item in section.awareness]
    names = ", ".join(said[:-1]) + f" or {said[-1]}"
    taken = ", ".join(f"{format_minutes(m)} from {name}" for name, m in zip(said, given) if m)
    points = tuple(line.format(processes=names) for line in items(plan, "deck.activity_points"))
    return (say(plan, "deck.activity_title"), points,
            say(plan, "deck.activity_notes", minutes=format_minutes(sum(given)), taken=taken))


def _awareness_activity(plan: CoursePlan, section, given: Sequence[int]) -> SlideSpec:
    """One short pairs question at the end of the processes in brief, so the segment is not all talk."""
    title, points, notes = awareness_activity(plan, section, given)
    return SlideSpec("Title and Content", title, tuple(Para(point) for point in points), notes=notes)


def _awareness_notes(plan: CoursePlan, item: AwarenessItem) -> str:
    """Where attendees meet the process in full: its course, or (none yet) who says when there is one."""
    full = item.full_course
    if full and not full.is_pending:
        return say(plan, "deck.awareness_course", title=full.title)
    if full:  # the fourth review: "no course on it yet" beside a note sending attendees on to its modules
        return say(plan, "deck.awareness_pending_course", title=full.title)
    return say(plan, "deck.awareness_no_course")


def _key_message(plan: CoursePlan, message: CommonMessage) -> Iterator[SlideSpec]:
    """A common message woven in after the topic that raises it. The slide shows the message's points, as
    the message does where it stands on its own, so it is never a lone sentence; the notes give the standard
    wording for the trainer to say word for word, the same in every course."""
    body = [Para(p) for p in message.points] or [Para(message.wording)]
    # The seed's message on abuse shows its contacts, even where an earlier topic has shown them.
    body += _slot_paras(plan, message.slots, again=message.role == "handout-contacts")
    title = f"Key message: {message.title}"
    if len(title) > TITLE_CHARS:  # the message's own title, whole, rather than one cut short
        title = message.title
    yield from _one_slide("Title and Content", title, body,
                          f"Say the standard message in these words, the same in every course: {message.wording} "
                          "Link it to the topic just covered. Timing: a minute, within the topic's time.")


def _message(plan: CoursePlan, message: CommonMessage, minutes: int) -> Iterator[SlideSpec]:
    body = [Para(p) for p in message.points] or [Para(message.wording)]
    body += _slot_paras(plan, message.slots, again=message.role == "handout-contacts")
    notes = (message.notes or message.wording) + f" Timing: about {format_minutes(max(1, minutes))}."
    yield from _one_slide("Title and Content", message.title, body, notes)


def _one_slide(layout: str, title: str, body: Sequence[Para], notes: str) -> list[SlideSpec]:
    """A message said once, on one slide: in the smaller type where the template's would take two half-empty
    slides ("(1 of 2)", "(2 of 2)") and the smaller takes it whole; else over as many as it needs."""
    if len(chunk(body, FULL)) > 1 and len(_chunk_uniform(body, FULL_SMALL)) == 1:
        return [SlideSpec(layout, title, tuple(body), notes=notes, size=SMALL)]
    return _split(layout, title, body, notes)


def _ends_on_sources(plan: CoursePlan, mp: ModulePlan) -> bool:
    """Whether the module's last step is a topic that points to the local sources of information."""
    return bool(mp.steps) and not isinstance(mp.steps[-1], ExerciseItem) and \
        plan.slot_for("local-sources") in mp.steps[-1].topic.slots


def _module(plan: CoursePlan, mp: ModulePlan, index: int, turns: Turns,
            before_sources: Sequence[SlideSpec] = ()) -> Iterator[SlideSpec]:
    """The module's divider, objectives, and its topics with each exercise straight after the topic it practises.

    A day or a break that resumes inside the module does so at the topic its teaching minutes reach, or at an
    exercise; one the module's slides cannot place (a module without topic slides) follows them.
    """
    waiting = list(turns.get(("module", index, mp.module.ref), []))
    while waiting and (waiting[0][0] == 0 or not mp.steps):  # the module starts after it, or has no topics
        yield from _turn(plan, waiting.pop(0)[1])
    yield from _module_slides(plan, mp, index, turns, waiting, before_sources)
    for _, turn in waiting:
        yield from _turn(plan, turn)


def _module_slides(plan: CoursePlan, mp: ModulePlan, index: int, turns: Turns,
                   waiting: list[tuple[int, int | Row]], before_sources: Sequence[SlideSpec] = ()) -> Iterator[SlideSpec]:
    """_module's slides; each turn in `waiting` is taken off as the topics reach it."""
    m = mp.module
    if m.is_pending:
        yield SlideSpec("Section", m.name, subtitle=(Para("DRAFT: this module is still to be defined",
                                                                       bold=True),),
                        notes=m.note or "This module is not yet defined.")
        return
    exercises = sum(e.minutes for e in mp.exercises if not e.optional)
    yield SlideSpec("Section", m.name, subtitle=(Para(format_minutes(mp.minutes)),),
                    notes=f"Module {m.ref}. Time in this course: {format_minutes(mp.minutes)}"
                          + (f", of which {format_minutes(exercises)} for its exercises, each straight after the "
                             "topic it practises" if exercises else "")
                          + ".")
    objectives = [Para(m.objectives_lead, bold=True)] + [Para(objective_item(o), 1) for o in m.objectives_read]
    yield from _split("Title and Content", f"{m.name}: objectives", objectives,
                      "Read the objectives aloud and return to them in the recap. Timing: a minute or two, taken from "
                      "the first topic's time.")
    if not any(t.points for t in mp.topics):
        yield from _bare_topics(plan, m, mp)
        return
    # Each topic's slides share its minutes; a day or a break that resumes inside the module goes at the slide
    # boundary nearest the minute the session plan resumes at, so the deck breaks where the plan does, a topic
    # the plan cuts included (its break slide between the topic's own slides).
    # (teaching minutes done where it starts, whether it is a topic's slide, its slides)
    units: list[tuple[int, bool, list[SlideSpec]]] = []
    spans: list[tuple[int, int, int, Topic]] = []  # each topic's minutes (from, to), its first unit, the topic
    elapsed = 0
    for number, step in enumerate(mp.steps):
        if isinstance(step, ExerciseItem):
            slides = [s for _, turn in turns.get(("exercise", index, m.ref, number), []) for s in _turn(plan, turn)]
            slides += _tagged(("exercise", step.module_ref, step.title), _exercise(plan, step))
            units.append((elapsed, False, slides))
            continue
        folded = [msg for msg in step.messages if msg.id in step.topic.messages_in_notes]
        shown_next = [slot for msg in step.messages if msg not in folded and msg.role == "handout-contacts"
                      for slot in msg.slots]
        topic_slides = list(_topic(plan, m, step.topic, step.minutes, later=shown_next))
        topic_slides[0] = attrs.evolve(topic_slides[0], notes=topic_slides[0].notes + "".join(
            f" Key message, {msg.title}: say it in these words, the same in every course: {msg.wording}"
            for msg in folded))
        topic_slides = list(_tagged(("topic", m.ref, step.topic.title), iter(topic_slides)))
        for extra in step.audience_slides:  # the topic taken further for this audience: one of the topic's slides
            topic_slides += _tagged(("topic", m.ref, step.topic.title), iter(_split(
                "Title and Content", extra.title, [Para(p) for p in extra.points],
                f"{extra.notes} Timing: a few minutes, within this topic's time.")))
        messages = [s for message in step.messages if message not in folded
                    for s in _tagged(("message", message.id), _key_message(plan, message))]
        spans.append((elapsed, elapsed + step.minutes, len(units), step.topic))
        for k, slide in enumerate(topic_slides):  # a key message stays with the slide it follows
            units.append((elapsed + step.minutes * k // len(topic_slides), True,
                          [slide] + (messages if k == len(topic_slides) - 1 else [])))
        elapsed += step.minutes
    if before_sources and spans:  # the section's key messages, before the module's closing pointer to sources
        at, is_topic, slides = units[spans[-1][2]]
        units[spans[-1][2]] = (at, is_topic, [*before_sources, *slides])
    starts = [(i, at) for i, (at, _, _) in enumerate(units)] + [(len(units), elapsed)]
    topic_starts = {at for at, is_topic, _ in units if is_topic}
    before: dict[int, list[int | Row]] = {}
    continued: dict[int, list[SlideSpec]] = {}
    split: dict[int, str] = {}  # a topic's first unit the plan cuts: the timing its first slide gives instead
    while waiting and waiting[0][0] < elapsed + 1:
        resume, turn = waiting.pop(0)
        cut = next(((a, b, first, topic) for a, b, first, topic in spans if a < resume < b), None)
        if cut is None:
            # The nearest boundary. On a tie: a plan resuming at a topic's start has done the exercises before it
            # (the later boundary); one resuming elsewhere has its exercises still to come (the earlier).
            late = 1 if resume in topic_starts else -1
            where = min(starts, key=lambda s: (abs(s[1] - resume), -late * s[0]))[0]
        else:  # the plan cuts a topic: the break goes among its slides, or after them with the topic resumed
            a, b, first, topic = cut
            split[first] = _split_timing(plan, turn, b - a, resume - a)
            last = next((i for i in range(first + 1, len(units)) if not units[i][1] or units[i][0] >= b), len(units))
            inside = [(i, units[i][0]) for i in range(first + 1, last)]
            if inside:
                where = min(inside, key=lambda s: abs(s[1] - resume))[0]
            else:
                where = last
                again, title = units[last - 1][2][0], topic.slide_title or topic.title
                if again.diagram is not None and topic.points:  # the picture is drawn once: its points this time
                    again = attrs.evolve(again, layout="Title and Content", diagram=None, right=(),
                                         body=tuple(Para(p) for p in topic.points))
                elif topic.points:  # the same slide again reads as a mistake: where the group got to, what is left
                    again = attrs.evolve(again, body=_resumed_body(plan, topic.points, resume - a, b - a))
                # A title too long to take the word keeps its own, numbered as a repeat (_unique_titles).
                title = f"{title} (continued)" if len(title) + 12 <= TITLE_CHARS else title
                continued.setdefault(where, []).append(attrs.evolve(
                    again, title=title, notes=_resume_notes(plan, turn, again, b - resume)))
        before.setdefault(where, []).append(turn)
    for i, timing in split.items():  # "Timing: 30 min." on a topic cut in two gives both parts
        at, is_topic, slides = units[i]
        whole = f"Timing: {format_minutes(spans[[s[2] for s in spans].index(i)][1] - at)}."
        units[i] = (at, is_topic, [attrs.evolve(slides[0], notes=slides[0].notes.replace(whole, timing, 1)),
                                   *slides[1:]])
    for i, (_, _, slides) in enumerate(units + [(elapsed, False, [])]):
        for turn in before.get(i, []):
            yield from _turn(plan, turn)
        yield from continued.get(i, [])
        yield from slides


def _split_timing(plan: CoursePlan, turn: int | Row, minutes: int, done: int) -> str:
    """"Timing: 30 min, 5 min before the break and 25 min after it.": a topic the session plan cuts."""
    pause = (say(plan, "deck.split_day", day=str(turn - 1)) if isinstance(turn, int)
             else say(plan, "pause.resume_pause", label_lower=turn.label.lower()))
    return say(plan, "deck.split_timing", minutes=format_minutes(minutes), before=format_minutes(done), pause=pause,
               after=format_minutes(minutes - done))


def _resumed_body(plan: CoursePlan, points: Sequence[str], done: int, minutes: int) -> tuple[Para, ...]:
    """A topic's points after the pause that cut it: those its minutes before the pause reached, under one
    heading, then those still to cover, under another. The points are taken as evenly spread over the topic's
    time, counting a point half done as still to cover; at least one is still to cover."""
    covered = min(len(points) - 1, len(points) * done // minutes)
    left = [Para(say(plan, "deck.resumed_left"), bold=True, keep_with_next=True),
            *(Para(p, 1) for p in points[covered:])]
    if not covered:
        return tuple(left)
    return (Para(say(plan, "deck.resumed_done"), bold=True, keep_with_next=True),
            *(Para(p, 1) for p in points[:covered]), *left)


def _resume_notes(plan: CoursePlan, turn: int | Row, slide: SlideSpec, minutes: int) -> str:
    """A topic taken up again after a break, lunch or a day's end: what is still to cover, and how long is left."""
    pause = (say(plan, "pause.resume_day", day=str(turn - 1)) if isinstance(turn, int)
             else say(plan, "pause.resume_pause", label_lower=turn.label.lower()))
    # The points under "Still to cover" where the slide has it, else every point on the slide.
    heading = next((i for i, p in enumerate(slide.body) if p.bold and p.text == say(plan, "deck.resumed_left")), -1)
    points = "; ".join(p.text for p in slide.body[heading + 1:] if p.level >= 0).rstrip(".")
    return say(plan, "pause.resume_notes", pause=pause, title=slide.title.removesuffix(" (continued)"),
               points=points, length=format_minutes(minutes))


def _minutes_each(mp: ModulePlan) -> int:
    return max(1, mp.minutes // max(1, len(mp.topics)))


def points_shown(plan: CoursePlan, topic: Topic) -> tuple[str, ...]:
    """The topic's points, less those that only say what its local facts cover once every one is given: the
    facts follow under their own headings, and the prompt would say the same thing twice."""
    if topic.local_prompts and topic.slots and all(slot_text(plan, s).filled for s in topic.slots):
        return tuple(p for p in topic.points if p not in topic.local_prompts)
    return topic.points


def _topic(plan: CoursePlan, m: Module, topic: Topic, minutes: int, later: Sequence[str] = ()) -> Iterator[SlideSpec]:
    notes = topic.notes or _prompt(m, topic)
    if topic.slide_title and not plan.release and m.from_strategy:  # the draft keeps the strategy's own words
        notes = f"The strategy calls this topic \u201c{topic.title}\u201d. {notes}"
    if topic.run:  # the topic's timed steps, a line each, so the trainer can find the next one at a glance
        notes += f"\n{say(plan, 'facilitation.topic_run')}:\n" + "\n".join(
            f"{format_minutes(s.minutes)}: {s.step}" for s in topic.run) + "\n"
    notes += ("" if topic.run else " ") + f"Timing: {format_minutes(minutes)}."
    if topic.local_notes:
        notes += f" Local note: {topic.local_notes}"
    points = points_shown(plan, topic)
    body = [Para(p) for p in points] + _slot_paras(plan, topic.slots, (m.ref, topic.title), later=later)
    title = topic.slide_title or topic.title  # attendees do not know module codes: the notes name it
    diagram = plan.drawn_diagram(m.ref, topic)  # a picture an earlier module drew is not drawn again
    if diagram is not None and diagram.placement == "beside" and len(chunk(body, HALF)) == 1:
        yield SlideSpec("Two Content", title, tuple(body), notes=notes, diagram=diagram)
    elif diagram is not None and diagram.placement == "instead" and not body[len(points):]:
        yield SlideSpec("Title and Content", title, notes=notes + _points_said(topic), diagram=diagram)
    else:
        paras = body or [Para(topic.title)]
        if _nearly_fits(paras):  # one slide in the smaller type, not a second slide holding a line or two
            yield SlideSpec("Title and Content", title, tuple(paras), notes=notes, size=SMALL)
        else:
            yield from _fewest_slides(title, paras, notes)
        if diagram is not None:  # "after", or a "beside" or "instead" whose points or local facts need the room
            lead = say(plan, "deck.diagram_notes", lead=_diagram_lead(plan, diagram), minutes=format_minutes(minutes))
            yield SlideSpec("Title and Content", diagram.title, diagram=diagram,
                            notes=f"{lead} {_diagram_words(plan, diagram)}".rstrip())
    for local in topic.local_slides:
        yield from _split("Title and Content", local.title, [Para(p) for p in local.points] or [Para(local.title)],
                          (local.notes or "A local slide added by your LA."))


STEPS = (24, 22)  # pt: the deck's body sizes between the template's 26 pt and SMALL, largest first


def _largest_sizes(slides: list[SlideSpec]) -> list[SlideSpec]:
    """Each slide set in the smaller type at the largest of the deck's sizes its text fits: a slide that
    is half empty is never in the smallest type, so body text does not swing from 26 pt to 20 pt between
    neighbouring slides. An exercise's slides keep their one size, so every exercise looks the same."""
    return [attrs.evolve(slide, size=_largest_size(slide)) if slide.size == SMALL and not slide.diagram
            and slide.layout == "Title and Content" and slide.ref[:1] != ("exercise",) else slide
            for slide in slides]


def _largest_size(slide: SlideSpec) -> int | None:
    """None (the template's sizes) where the slide's text fits them, else the largest step it fits. Every
    line is measured as a first-level one, as the smaller type was chosen (an agenda's times, a contact's
    line: sub-points in the template's 22 pt hold little less than its 26 pt)."""
    if len(_chunk_uniform(slide.body, FULL)) == 1:
        return None
    for size in STEPS:
        width, height = box_at(size)
        # A line to spare where there are sub-points: indented, a line of them holds less.
        if len(_chunk_uniform(slide.body, (width, height - any(p.level > 0 for p in slide.body)))) == 1:
            return size
    return slide.size


def box_at(size: int) -> tuple[int, int]:
    """What fits a body box with every line at `size` points, scaled from what fits at SMALL."""
    return FULL_SMALL[0] * SMALL // size, FULL_SMALL[1] * SMALL // size


FEW = 3  # paragraphs: a continued slide holding no more than this looks near-empty
MOST_SLIDES = 2  # a topic with its local details: a third slide of the same title loses the room


def _fewest_slides(title: str, paras: Sequence[Para], notes: str) -> list[SlideSpec]:
    """A topic's points and local details over as many slides as they need at the template's size, or in
    the smaller type where that size would take more than MOST_SLIDES and the smaller takes fewer."""
    slides = _split("Title and Content", title, paras, notes)
    if len(slides) > MOST_SLIDES:
        # A line to spare: a local block's lines are sub-points, indented, so a line of them holds less.
        small = _split("Title and Content", title, paras, notes, box=(FULL_SMALL[0], FULL_SMALL[1] - 1), size=SMALL)
        if len(small) < len(slides):
            return small
    return slides


def _nearly_fits(paras: Sequence[Para]) -> bool:
    """Whether a topic's points and local facts overflow one slide by so little that its second slide would
    hold a few paragraphs only, while the smaller type takes them all on one. The smaller type is set on every
    line, sub-points too, so it is measured as one size throughout."""
    groups = chunk(paras, FULL)
    return len(groups) == 2 and min(len(g) for g in groups) <= FEW and len(_chunk_uniform(paras, FULL_SMALL)) == 1


ORDERED = ("steps", "continuum", "cycle", "route")  # kinds whose boxes are taken in the picture's own order


def _diagram_lead(plan: CoursePlan, diagram: Diagram) -> str:
    """How to take the picture, naming its own boxes: "Take the steps in turn: Preparation, then Discussion,
    then Delivery." A stock line ("one box at a time") would fit any picture and tell the trainer nothing."""
    labels = _diagram_labels(diagram)
    # Boxes taken in order are named as the picture labels them; a hub's people and a table's rows read on
    # in the sentence ("then take each around it in turn: teacher; health visitor; and lead professional").
    joined = ", then ".join(labels) if diagram.kind in ORDERED else spoken_list([_in_sentence(x) for x in labels])
    return say(plan, f"deck.diagram_lead_{diagram.kind}", labels=joined, first=labels[0] if labels else "",
               last=labels[-1] if labels else "", centre=_in_sentence(diagram.centre))


def _in_sentence(label: str) -> str:
    """A box's label inside a sentence: "Teacher" -> "teacher", but a name with capitals of its own
    ("Caldicott Guardian", "Information Sharing Officer", "ISPs") as the picture writes it."""
    return label[:1].lower() + label[1:] if label[1:] == label[1:].lower() else label


def _diagram_labels(diagram: Diagram) -> list[str]:
    """The boxes a trainer names, in order: a matrix's rows, a decision's questions, a route's stages (each
    stage's alternatives with "or"), else the items."""
    if diagram.kind == "matrix":
        return [row.label for row in diagram.rows]
    if diagram.kind == "decision":
        return [q.question for q in diagram.questions]
    if diagram.kind == "route":
        return [" or ".join(stage) for stage in diagram.stages]
    return [item.label for item in diagram.items]


def _diagram_words(plan: CoursePlan, diagram: Diagram) -> str:
    """The picture in words, for a trainer to say: where the lead has named its boxes in turn, what each box
    says ("Preparation: talk to the child and family ..."), not the alt text read out; else "The picture,
    “Where advisors turn for answers”, shows a table. ..." rather than the alt text's "...: a table."."""
    told = [f"{item.label}: {item.detail[:1].lower()}{item.detail[1:]}." for item in diagram.items if item.detail]
    if diagram.kind in (*ORDERED, "hub"):  # the lead named every box: what each says, as the trainer goes
        return say(plan, "deck.diagram_said", what=" ".join(told)) if told else ""
    words = diagram.alt_text()
    if words.startswith(f"{diagram.title}: "):
        return say(plan, "deck.diagram_shows", title=diagram.title, what=words.removeprefix(f"{diagram.title}: "))
    return say(plan, "deck.diagram_words", what=words)


def _points_said(topic: Topic) -> str:
    """A diagram that stands for the topic's points: the notes keep the points, for the trainer to say."""
    return (" Points to make with the picture: " + "; ".join(topic.points) + ".") if topic.points else ""


def _bare_topics(plan: CoursePlan, m: Module, mp: ModulePlan) -> Iterator[SlideSpec]:
    """A module with the seed's topic titles only: list them, with local slots, under one heading."""
    paras = [Para(t.title) for t in mp.topics]
    paras += _slot_paras(plan, list(dict.fromkeys(s for t in mp.topics for s in t.slots)))
    notes = (f"Cover each topic in turn, linking it to the objectives of {m.ref}. Timing: "
             f"{format_minutes(mp.minutes)} for the module, about {format_minutes(_minutes_each(mp))} a topic.")
    yield from _split("Title and Content", f"{m.name}: topics", paras, notes)
    for topic in mp.topics:
        for local in topic.local_slides:
            yield from _split("Title and Content", local.title, [Para(p) for p in local.points] or [Para(local.title)],
                              (local.notes or "A local slide added by your LA."))


def _prompt(m: Module, topic: Topic) -> str:
    return (f"Present \"{topic.title}\". Link it to the objectives of {m.ref} and ask attendees for an example "
            "from their own work.")


def _exercise(plan: CoursePlan, item: ExerciseItem) -> Iterator[SlideSpec]:
    """An exercise's slides. An optional one's are hidden in PowerPoint, out of the main flow: the notes say so,
    for a trainer whose group is ahead of time to unhide them."""
    slides = _exercise_slides(plan, item)
    if not item.optional:
        yield from slides
        return
    for slide in slides:
        yield attrs.evolve(slide, hidden=True, notes=f"{say(plan, 'deck.hidden')}\n{slide.notes}")


def _exercise_slides(plan: CoursePlan, item: ExerciseItem) -> Iterator[SlideSpec]:
    e = item.exercise
    optional = " (optional)" if item.optional else ""
    if e is None and item.optional:
        yield SlideSpec("Two Content", f"{item.module_name}: {item.title.lower()}",
                        (Para("If time allows, in mixed-agency groups:"),
                         Para(f"How does {item.module_name} apply in your work?", 1)),
                        right=(Para("What will you do differently?"), Para("Who will you contact?")),
                        notes=f"Optional extra for {item.module_ref} ({item.title.lower()}). Use it when the group "
                              "has time; take one point from each group."
                              + (f" Timing: {format_minutes(item.minutes)}, if time allows." if item.minutes else ""))
        return
    if e is None:
        yield SlideSpec("Two Content", f"Discussion: {item.title}",
                        (Para("In mixed-agency groups, discuss:"), Para(item.title, 1)),
                        right=(Para("What does this mean in your role?"), Para("What would you do differently?")),
                        notes=f"Discussion from {item.module_ref}. Use attendees' own experience; take feedback "
                              "from each group. Timing: within the module's time.")
        return
    scenario = [Para(piece, level=-1) for piece in _sentences(e.scenario, SCENARIO_PARAGRAPH)]
    scenario.append(Para(f"{e.groups[:1].upper()}{e.groups[1:]} \u00b7 {format_minutes(e.minutes)}", level=-1, bold=True))
    launch = e.setup or (f"Introduce the {e.kind.replace('-', ' ')}. Read it aloud or give attendees time to read it."
                         + (" Give each player their role card from the trainer guide." if e.role_briefs else ""))
    timing = ("Timing: " + "; ".join(e.timing) + ".") if e.timing else f"Timing: {format_minutes(e.minutes)} in all."
    # A short scenario reads at the template's size; only a long one needs the smaller type to fit a slide.
    short = len(chunk(scenario, FULL)) == 1
    yield from _split("Title and Content", f"Exercise: {e.title}{optional}", scenario, f"{launch}\n{timing}",
                      box=FULL if short else FULL_SMALL, size=None if short else SMALL)
    task = [Para(i) for i in e.instructions]
    questions = [Para(q) for q in e.questions]
    # While groups work: what to listen for and what good answers cover; then the debrief. With a second
    # task slide, the debrief goes on the last one, so no two slides repeat the same notes.
    working = (_listed("Listen for", e.listen_for) + _listed("Good answers cover", e.facilitation)).strip()
    debrief = _listed("Debrief", e.debrief).strip()
    # Each task slide gives the exercise's time too, so a trainer on it knows how long the groups have.
    yield from _task_slides(e.title, task, questions, working, debrief,
                            say(plan, "deck.task_timing", minutes=format_minutes(e.minutes)))


def _task_slides(name: str, task: list[Para], questions: list[Para], working: str,
                 debrief: str, timing: str) -> Iterator[SlideSpec]:
    """An exercise's task and questions, always in the two-column "Exercise" layout at one size, so every
    exercise looks the same. Too long for one slide, they go over two columns a slide, each column a part
    of one list, so no slide is left with an empty half: the list with most to say takes the odd column."""
    columns = _columns(task, questions)
    across = [*_headed(TASK_HEADING, task), *_headed(QUESTIONS_HEADING, questions)]
    if len(columns) > 2 and len(_chunk_uniform(across, FULL_SMALL)) == 1:
        # Two columns would take two slides, one of them a bullet or two (the teach-back): the task and its
        # questions fit one slide across its width, each under its heading.
        yield SlideSpec("Title and Content", f"Exercise: {_without_stop(name)}{_part(name)}your task", tuple(across),
                        notes=f"{working}\n{debrief}\n{timing}".lstrip(), size=SMALL)
        return
    slides = [columns[i:i + 2] for i in range(0, len(columns), 2)]
    titles = _task_titles(_without_stop(name), slides, task)
    for number, (title, pair) in enumerate(zip(titles, slides), 1):
        (left_heading, left), (right_heading, right) = (*pair, ("", ()))[:2]
        if len(slides) == 1:
            notes = f"{working}\n{debrief}".strip()
        else:
            notes = working if number == 1 else debrief if number == len(slides) else \
                "Groups carry on with the task; the first task slide's notes say what to listen for."
        notes = f"{notes or 'Groups carry on with the task.'}\n{timing}"
        if right and not right_heading:  # both columns hold one list: one list, not two columns under one heading
            whole = (*left, *right)
            if len(chunk(whole, FULL_SMALL)) == 1:
                yield SlideSpec("Title and Content", title, whole, notes=notes, size=SMALL)
                continue
            right_heading = f"{left_heading.removesuffix(' (continued)')} (continued)"
        yield SlideSpec("Exercise", title, left, right=right, headings=(left_heading, right_heading),
                        notes=notes, size=SMALL)


TASK_HEADING, QUESTIONS_HEADING = "What to do", "Questions"


def _headed(heading: str, paras: Sequence[Para]) -> list[Para]:
    """A list under its heading, as sub-points, so the heading reads as one."""
    return [Para(heading, bold=True, keep_with_next=True), *(attrs.evolve(p, level=1) for p in paras)] if paras else []


def _columns(task: list[Para], questions: list[Para]) -> list[tuple[str, tuple[Para, ...]]]:
    """(heading, paragraphs) for each column: the task's columns, then the questions'. A column that goes
    on with the list of the column beside it needs no heading; one that opens a slide says "(continued)"."""
    parts = [(heading, chunk(paras, HALF_SMALL)) for heading, paras in ((TASK_HEADING, task),
                                                                         (QUESTIONS_HEADING, questions)) if paras]
    if sum(len(groups) for _, groups in parts) % 2 and len(parts) == 2:  # an odd column: the fuller list takes two
        fuller = max(range(2), key=lambda i: _column_lines(parts[i][1]) / len(parts[i][1]))
        heading, groups = parts[fuller]
        source = task if heading == TASK_HEADING else questions
        parts[fuller] = (heading, _chunk_into(source, HALF_SMALL, len(groups) + 1))
    columns: list[tuple[str, tuple[Para, ...]]] = []
    for heading, groups in parts:
        for i, group in enumerate(groups):
            opens_slide = len(columns) % 2 == 0
            columns.append((heading if i == 0 else f"{heading} (continued)" if opens_slide else "", group))
    return columns


def _column_lines(groups: Sequence[tuple[Para, ...]]) -> float:
    return sum(_lines(p, HALF_SMALL[0]) for group in groups for p in group)


def _chunk_into(paras: Sequence[Para], box: tuple[int, int], count: int) -> list[tuple[Para, ...]]:
    """The paragraphs in at most `count` groups of about equal length: the lowest column that takes them all."""
    width, height = box
    total = sum(_lines(p, width) for p in paras)
    for even_height in range(max(1, math.floor(total / count)), height + 1):
        groups = _fill_slides(paras, (width, even_height))
        if len(groups) <= count:
            return groups
    return _fill_slides(paras, box)


def _task_titles(name: str, slides: Sequence[Sequence[tuple[str, tuple[Para, ...]]]], task: list[Para]) -> list[str]:
    """"...: your task" on the slides that hold some of the task (", continued" after the first), and
    "...: questions" on a slide that holds only questions."""
    titles = []
    for pair in slides:
        holds_task = any(p in task for _, group in pair for p in group)
        if not holds_task:
            titles.append(f"Exercise: {name}{_part(name)}questions")
        else:
            titles.append(f"Exercise: {name}{_part(name)}your task" + (", continued" if titles else ""))
    return titles


def _listed(label: str, lines: Sequence[str]) -> str:
    return f"{label}:\n" + "\n".join(f"- {line}" for line in lines) + "\n" if lines else ""


def _recap(plan: CoursePlan, section) -> Iterator[SlideSpec]:
    """The recap: one slide, spoken to the room, of what the course worked through (each module's headline
    topics, as a day's recap gives them), its objectives in the notes for the trainer to go back over;
    then the hopes attendees gave at the start, with the section's messages (sources of further information)
    as a line each. The recap's minutes are shared among its slides, so their timings add up to its row."""
    modules = [m for m in plan.modules if not m.is_pending]
    total = section.minutes
    hopes = max(2, total - total * len(modules) // (len(modules) + 1)) if modules else total
    each = (total - hopes) // len(modules) if modules else 0
    hopes = total - each * len(modules)
    words = {"total": format_minutes(total)}
    if modules:  # one slide for the whole course, filled with its topics once the deck's slides are known
        objectives = " ".join(f"{m.name}: " + spoken_list([mid_sentence(objective_item(o)) for o in m.objectives_read])
                              + "." for m in modules)
        notes = say(plan, "recap.notes", objectives=objectives, minutes=format_minutes(each * len(modules)), **words)
        yield SlideSpec("Title and Content", say(plan, "recap.title"), notes=COURSE_RECAP + notes)
    body = [Para(line) for line in items(plan, "recap.hopes")]
    body += [Para(say(plan, "recap.sources", title=message.title)) for message in section.messages]
    body += _slot_paras(plan, [slot for message in section.messages for slot in message.slots])
    wording = " ".join(message.wording for message in section.messages)
    slides = _split("Title and Content", say(plan, "recap.hopes_title"), body,
                    say(plan, "recap.hopes_notes", wording=wording, minutes=format_minutes(hopes), **words))
    ref = ("message", section.messages[0].id) if section.messages else ()
    yield from (_tagged(ref, iter(slides)) if ref else slides)


def _sources(plan: CoursePlan) -> Iterator[SlideSpec]:
    # The common message "Sources of further information", just before, points to the handouts' list of
    # sources; a course without it lists the national sources here. Never both: sources are shown once.
    local_sources = plan.slot_for("local-sources")
    if not any(local_sources in m.slots for s in plan.sections if not s.omitted for m in s.messages):
        sources = [Para(f"{s.title}: {s.url}") for s in (*plan.sources, *plan.course_sources)]
        yield from _split("Title and Content", "Key sources of information", sources,
                          "Point attendees to the sources in their handouts.")


def _close(plan: CoursePlan, section) -> Iterator[SlideSpec]:
    """The close after the recap: what attendees take away and fill in before they leave, in its own time."""
    minutes = format_minutes(section.minutes)
    points = [Para(p) for p in items(plan, "close.points")]
    if plan.is_train_the_trainer:  # written in the planning exercise; the close checks each has one
        points.append(Para(say(plan, "close.cascade_point")))
    tight = f" {say(plan, 'close.tight', minutes=minutes)}" if section.minutes < CLOSE_MINUTES else ""
    yield SlideSpec("Title and Content", section.title, tuple(points),
                    notes=" ".join(section.trainer_steps) + tight + f" Timing: {minutes}.")


CLOSE_MINUTES = 10  # a close shorter than this has no time for each attendee to write an action in it


def _closing(plan: CoursePlan) -> Iterator[SlideSpec]:
    network = slot_text(plan, plan.slot_for("network"), brief=True)
    training = slot_text(plan, plan.slot_for("booking"), brief=True)
    yield SlideSpec("Closing", "Thank you", body=tuple(Para(line, placeholder=not network.filled)
                                                       for line in network.lines),
                    subtitle=tuple(Para(line, placeholder=not training.filled) for line in training.lines[:2]),
                    notes=say(plan, "deck.closing_notes"))


def _unique_titles(slides: list[SlideSpec]) -> list[SlideSpec]:
    """Shorten over-long titles and number repeats, so every title is unique and fits."""
    seen: dict[str, int] = {}
    out = []
    for slide in slides:
        title = slide.title
        if len(title) > TITLE_CHARS and slide.layout != "Title":  # the title slide has room for three lines
            title = _shortened(title)
        if title in seen:
            seen[title] += 1
            title = f"{title}{NBSP}({seen[title]})"
        seen.setdefault(title, 1)
        out.append(attrs.evolve(slide, title=title))
    return out


WRAPS = 44  # characters: a title this long may wrap, at the divider's larger size first


def no_widow(title: str) -> str:
    """A title that wraps never leaves its last word alone on the second line: the last two words are joined
    by a non-breaking space (a split title's count is joined to its last word already)."""
    if len(title) <= WRAPS or f"{NBSP}(" in title:
        return title
    head, _, last = title.rpartition(" ")
    return f"{head}{NBSP}{last}" if head and " " in head else title


def _shortened(title: str) -> str:
    """A title cut at a word to fit two lines, keeping its "(1 of 2)" whole at the end."""
    base, mark, count = title.partition(f"{NBSP}(")
    count = mark + count
    base = base[:TITLE_CHARS - 1 - len(count)].rsplit(" ", 1)[0].rstrip(" ,:;")
    return f"{base}\u2026{count}"


def _part(name: str) -> str:
    """What joins an exercise's name to the part a slide holds: a colon, or a dash where the name has a colon
    of its own (the review: "Kyle's family, step 2: the discussion: your task" read as three titles)."""
    return " \u2013 " if ":" in name else ": "


def _without_stop(title: str) -> str:
    """"Would a common assessment help?: your task" reads badly; the colon does the question mark's work."""
    return title.rstrip("?!.")
