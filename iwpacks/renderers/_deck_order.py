"""The session plan's rows in the order the deck shows them, and a day's parts by the clock made of them, for
every document that gives the day by the clock (the trainer guide's session plan, the specification's timetable,
the handouts' "Your day"): they must agree with the slides."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from iwpacks.renderers._deck_slides import slide_numbers
from iwpacks.renderers._words import say

if TYPE_CHECKING:
    from iwpacks.planning.plan import CoursePlan, TopicStep
    from iwpacks.planning.timetable import Row

# How the timetable names the part of a module a row teaches (timetable.Block.row_label): ": topics 5-9".
TOPIC_SPAN = re.compile(r": topics? \d+(?:-\d+)?")



def in_deck_order(plan: CoursePlan) -> tuple[Row, ...]:
    """The timetable's rows in the order the deck shows them. The deck says a section's key messages before
    its last module's closing topic on sources of information (_deck_slides._section), where no break falls
    between; the timetable keeps them after the module. A trainer following the plan must be on the slide it
    names, so such a messages row moves before that topic, splitting the topic off its row where the row
    teaches more, and the clock times follow."""
    slides = slide_numbers(plan)
    rows = list(plan.timetable.rows)
    for k in range(1, len(rows)):
        row, before = rows[k], rows[k - 1]
        if row.place[:1] != ("messages",) or before.place[:1] != ("module",) or not before.topics:
            continue
        step = _step(plan, before.module_ref, before.topics[-1])
        said = [n for m in plan.sections[row.place[1]].messages for n in slides.get(("message", m.id), ())]
        topic = slides.get(("topic", before.module_ref, step.topic.title), ()) if step else ()
        if step is None or not (said and topic and min(said) < min(topic)):
            continue
        alone = len(before.topics) == 1
        rest = 0 if alone else before.minutes - step.minutes
        if not alone and rest <= 0:
            continue  # the topic is not whole in the row: leave the plan as the timetable has it
        moved = [attrs.evolve(row, start=before.start + rest)]
        closing = attrs.evolve(before, start=before.start + rest + row.minutes, minutes=before.minutes - rest,
                               topics=before.topics[-1:], label=_part_label(before, before.topics[-1:]))
        if not alone:
            moved.insert(0, attrs.evolve(before, minutes=rest, topics=before.topics[:-1],
                                         label=_part_label(before, before.topics[:-1])))
        rows[k - 1:k + 1] = [*moved, closing]
    return tuple(rows)


def _step(plan: CoursePlan, ref: str, number: int) -> TopicStep | None:
    return next((s for section in plan.sections for mp in section.modules if mp.module.ref == ref
                 for s in mp.topic_steps if s.number == number), None)


def _part_label(row: Row, topics: tuple[int, ...]) -> str:
    """The row's label for part of its module: "IW01 Introduction to Integrated Working: topics 1-6", as the
    timetable labels a part (timetable.Block.row_label), which _activity then names by the topics' titles."""
    module = TOPIC_SPAN.sub("", row.label, count=1)
    span = f"topic {topics[0]}" if len(topics) == 1 else f"topics {topics[0]}-{topics[-1]}"
    return f"{module}: {span}"


def day_parts(plan: CoursePlan, day: int) -> list[tuple[int, int, str, bool]]:
    """The day's parts as (start, end, what, is a break or lunch): the session plan's rows of one module, its
    topics and exercises, or of one section, joined into one part until a break or another part comes between;
    a module that goes on after a break, or from the day before, says so. In the deck's order, as the guide's
    session plan is: the review found the specification giving a key message five minutes after both did."""
    parts: list[tuple[int, int, str, bool]] = []
    last: object = None  # what the part before was: a module's code or a section's place
    seen = {r.module_ref for r in plan.timetable.rows if r.day < day and r.module_ref}
    for row in (r for r in in_deck_order(plan) if r.day == day):
        key = row.module_ref or row.place[:2] or row.label
        if row.is_break:
            parts.append((row.start, row.end, row.label, True))
            last = None
        elif key == last:
            first, _, what, pause = parts[-1]
            parts[-1] = (first, row.end, what, pause)
        else:
            parts.append((row.start, row.end, _part_name(plan, row, seen), False))
            last = key
            seen.add(row.module_ref)
    return parts


def _part_name(plan: CoursePlan, row: Row, seen: set[str]) -> str:
    """A part of the day as the timetable names it: a module by its code and name ("(continued)" after a
    break), common messages as what they are, anything else by its session plan row."""
    if row.place[:1] == ("messages",):
        messages = plan.sections[row.place[1]].messages
        if len(messages) == 1:
            return say(plan, "course.timetable_message", title=messages[0].title)
        return say(plan, "course.timetable_messages", titles="; ".join(m.title for m in messages))
    if not row.module_ref:
        return row.label
    name = next(f"{m.ref} {m.name}" for m in plan.modules if m.ref == row.module_ref)
    return say(plan, "course.outline_continued", ref=name) if row.module_ref in seen else name
