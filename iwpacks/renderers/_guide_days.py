"""The trainer guide's turn of the day in a course of several days: the close of one day and the welcome back
that opens the next, written where the running order reaches the night (CoursePlan.day_openings)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.timetable import clock
from iwpacks.renderers._deck_slides import plan_slides
from iwpacks.renderers._docx import add_heading, bullets, keep_with_next, labelled
from iwpacks.renderers._words import items, say

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from iwpacks.planning.plan import CoursePlan

# The deck opens each later day with a section slide of this title (its welcome back); the guide points to it.
_OPENER_TITLE = re.compile(r"Day (\d+): welcome back")


def opener_slides(plan: CoursePlan) -> dict[int, int]:
    """The deck's slide number of each later day's welcome back, by day."""
    return {int(match.group(1)): number for number, slide in enumerate(plan_slides(plan), 1)
            if not slide.ref and (match := _OPENER_TITLE.fullmatch(slide.title))}


def day_turn(doc: DocumentObject, plan: CoursePlan, day: int, level: int, slide: int | None) -> None:
    """The close of the day before `day`, then the welcome back that opens `day`, as headings of `level` (the
    level of what follows, so the outline reads on)."""
    _close(doc, plan, day - 1, level)
    _welcome(doc, plan, day, level, slide)


def _close(doc: DocumentObject, plan: CoursePlan, day: int, level: int) -> None:
    """Recap the day, say what the next one holds, set the evening's reading, open the car park."""
    start, end, covered = _day(plan, day)
    next_start, _, coming = _day(plan, day + 1)
    add_heading(doc, say(plan, "facilitation.day_close_heading", day=str(day)), level)
    keep_with_next(doc.add_paragraph(say(plan, "facilitation.day_close_lead", end=clock(end))))
    bullets(doc, [say(plan, "facilitation.day_close_covered", covered=covered),
                  say(plan, "facilitation.day_close_tomorrow", next=coming, start=clock(next_start)),
                  *items(plan, "facilitation.day_close")])


def _welcome(doc: DocumentObject, plan: CoursePlan, day: int, level: int, slide: int | None) -> None:
    """Energiser, recap of the day before, the car park's questions and today's plan, in the plan's time."""
    _, end, today = _day(plan, day)
    add_heading(doc, say(plan, "facilitation.day_welcome_heading", day=str(day)), level)
    minutes = sum(r.minutes for r in plan.timetable.rows if r.place == ("day", day))
    time = ([format_minutes(minutes)] if minutes else []) + ([f"slide {slide}"] if slide else [])
    if time:  # as a topic gives its time and slides
        keep_with_next(labelled(doc, say(plan, "facilitation.topic_time"), " \u00b7 ".join(time)))
    rows = [r for r in plan.timetable.rows if r.day == day]
    breaks = sum(r.kind == "break" for r in rows)
    pauses = ("facilitation.day_welcome_lunch" if any(r.kind == "lunch" for r in rows)
              else "facilitation.day_welcome_breaks" if breaks > 1 else "facilitation.day_welcome_break" if breaks
              else "")
    plan_today = say(plan, "facilitation.day_welcome_today", today=today, end=clock(end))
    bullets(doc, [*items(plan, "facilitation.day_welcome"),
                  f"{plan_today} {say(plan, pauses)}" if pauses else plan_today])


def _day(plan: CoursePlan, day: int) -> tuple[int, int, str]:
    """A day's start and end, and what it teaches in order: each module once, and each section with time of its
    own."""
    rows = [r for r in plan.timetable.rows if r.day == day]
    names = {mp.module.ref: f"{mp.module.ref} {mp.module.name}" for s in plan.sections for mp in s.modules}
    opening = {s.kind for s in plan.sections if s.role == "opening"}
    taught: list[str] = []
    for row in rows:
        if row.place[:1] not in (("module",), ("section",)) or row.section in opening:
            continue  # exercises and key messages belong to what is named; the introductions teach nothing new
        name = names.get(row.module_ref, row.label) if row.place[:1] == ("module",) else row.label
        if name not in taught:
            taught.append(name)
    return rows[0].start, rows[-1].end, "; ".join(taught)
