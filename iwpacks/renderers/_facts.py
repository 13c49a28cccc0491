"""The facts of a course specification, worked out once for every artefact that shows them."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from iwpacks.planning.minutes import format_minutes, format_range
from iwpacks.renderers._words import say

if TYPE_CHECKING:
    from iwpacks.model import Module
    from iwpacks.planning.plan import CoursePlan, PlanSection


def mid_sentence(name: str) -> str:
    """A name as it reads after "for": "Practitioners" -> "practitioners", but "IS officers" keeps its capitals."""
    first = name.split(" ", 1)[0]
    if not name or first.isupper() or first[1:] != first[1:].lower():
        return name
    return name[0].lower() + name[1:]


def audience_lines(lines: Sequence[str], release: bool) -> list[str]:
    """The seed's audience list, one per line. The policy team's master keeps the seed's numbering (its
    audiences 1-5, sometimes two on one line: "4. Strategic & Senior Managers 5. Middle Managers"); a release
    pack lists the audiences without those numbers, which refer to a list the reader does not have."""
    if not release:
        return list(lines)
    return [part for line in lines for part in _SEED_NUMBER.split(line) if part.strip()]


_SEED_NUMBER = re.compile(r"(?:^|\s+)\d\.\s+")


def audience_text(lines: Sequence[str], release: bool) -> str:
    """The seed's audience list as one line of running text: in a release pack its numbered audiences without
    their numbers, separated by commas ("Strategic & Senior Managers, Middle Managers"), and any line of its
    own (the strategy's advice on keeping them separate) as a sentence after them; the policy team's master
    as the seed gives it."""
    if not release:
        return " ".join(lines)
    sentences: list[str] = []
    names: list[str] = []
    for line in lines:
        if _SEED_NUMBER.search(line):
            names += audience_lines([line], release)
            continue
        if names:
            sentences.append(", ".join(names))
            names = []
        sentences.append(line)
    if names:
        sentences.append(", ".join(names))
    return ". ".join(x.strip().rstrip(".") for x in sentences if x.strip())


WITHIN_MODULES = "within the modules' time"  # a section with no time of its own: its exercises follow their topics
WELCOME_BACK_ROW = "Close of each day and welcome back the next"  # the timetable's "Day N: close" and "welcome back" rows

@attrs.frozen
class ModuleFacts:
    """One module's line in the specification: timing, delivery, prerequisites, responsibility."""

    ref: str
    name: str
    pending: bool
    duration_text: str      # the seed's words, e.g. "5 hours (2 x 2.5 hours)"
    duration_range: str     # e.g. "2 h - 3 h"
    planned: str            # minutes planned in this course, e.g. "2 h 30 min"
    optional_extra: str     # e.g. "optional discussion and exercise", or ""
    delivery: str
    audience: str
    prerequisites: str      # e.g. "IW02, or IS01 + CAF01 + LP01", or ""
    entry_requirements: str
    responsibility: str
    objectives_lead: str
    objectives: tuple[str, ...]
    content: tuple[str, ...]
    # The objectives as an attendee reads them on the outline, forms and certificate: the content's words for
    # attendees where it gives them (so two modules' "further information" objectives do not repeat), else the
    # objectives as read. The specification keeps the seed's words (objectives).
    attendee_objectives: tuple[str, ...] = ()
    objective_notes: tuple[str, ...] = ()  # why the slides and forms word an objective otherwise than it is quoted
    from_strategy: bool = True  # the strategy's module: its duration and delivery are "the strategy's"


@attrs.frozen
class TimedPart:
    """One row of a timings table: a module (with its facts), or a part of the course outside the modules (the
    introduction, a section of key messages or awareness segments, the recap, the close, a day's welcome back,
    the key messages said after a section's modules). The rows, in the course's order, add up to its total."""

    name: str
    planned: str
    module: ModuleFacts | None = None


@attrs.frozen
class CourseFacts:
    """The whole specification of 3.1 for one course."""

    title: str
    course_id: str
    audience: str
    audience_summary: str
    process: str
    total_range: str        # e.g. "6 h 20 min", or "4 h 20 min - 5 h 20 min"
    days: str               # "1 day", "2 days": how many days the session plan takes
    total_planned: str
    optional_extras: tuple[str, ...]
    entry_requirements: tuple[str, ...]   # e.g. ("IW01 Introduction to Integrated Working",)
    modules: tuple[ModuleFacts, ...]
    sections: tuple[tuple[str, str], ...]  # (section title, planned time)
    time_notes: tuple[str, ...]            # what a section's time holds besides its modules, one sentence each
    notes: tuple[str, ...]
    draft: bool
    all_from_strategy: bool = True  # every module is the strategy's, so the course's range is the strategy's
    timed_parts: tuple[TimedPart, ...] = ()  # every timed part in order: the timings tables' rows

    @property
    def audience_line(self) -> str:
        """The audience's summary, led by its name where the summary does not already name it ("Strategic,
        senior and middle managers: Strategic, senior and middle managers who..." read as a slip)."""
        named = self.audience.split()[-1].lower() in self.audience_summary.lower()
        return self.audience_summary if named else f"{self.audience}: {self.audience_summary}"

    @property
    def range_source(self) -> str:
        """Whose the course's range is, as a draft names it: the strategy's, or its modules' own durations'."""
        return "the strategy" if self.all_from_strategy else "the modules' durations"


def section_time(plan: CoursePlan, section: PlanSection) -> str:
    """A section's time in the session plan, one plain figure: the key messages said after its modules are
    part of it (time_note says so in a sentence of its own, where a table needs the breakdown)."""
    return format_minutes(plan.timetable.section_minutes(plan.sections.index(section)))


def time_note(plan: CoursePlan, section: PlanSection) -> str:
    """"Introduction to integrated working, 55 min: IW01 (50 min), then the key message “Record information
    well” (5 min)." where a section's time is more than its modules'; "" otherwise."""
    parts = held_after_modules(plan, section)
    if not parts:
        return ""
    return say(plan, "agenda.time_note", section=section.title, total=section_time(plan, section), parts=parts)


def held_after_modules(plan: CoursePlan, section: PlanSection, words: str = "agenda") -> str:
    """"IW01 (50 min), then the key message “Record information well” (5 min)": a module section's time where
    it holds key messages said after its modules; "" where its modules take all of it. `words`: whose
    sentence it is, the guide's ("agenda") or the specification's ("course"), which says what a common
    message is for a reader outside the programme."""
    if not (section.modules and section.message_minutes):
        return ""
    modules = ", ".join(say(plan, "agenda.module_time", name=mp.module.name, ref=mp.module.ref,
                            time=format_minutes(mp.minutes)) for mp in section.modules if mp.minutes)
    key = f"{words}.with_message" if len(section.messages) == 1 else f"{words}.with_messages"
    titles = [f"\u201c{m.title}\u201d" for m in section.messages]
    named = " and ".join(filter(None, (", ".join(titles[:-1]), titles[-1])))
    return say(plan, key, modules=modules, titles=named, minutes=format_minutes(section.message_minutes))


def time_parts(section: PlanSection) -> str:
    """What a module section's time is made of, where it is more than its modules: "IS02 5 h + key message 5
    min"; "" where its modules take all of it."""
    if not (section.modules and section.message_minutes):
        return ""
    parts = [f"{mp.module.ref} {format_minutes(mp.minutes)}" for mp in section.modules if mp.minutes]
    said = "key messages" if len(section.messages) > 1 else "key message"
    return " + ".join([*parts, f"{said} {format_minutes(section.message_minutes)}"])


def _optional_extra(module: Module, runs_optional: bool) -> str:
    """What the module's optional extra is here: part of its time where the course runs it ("including its
    discussion and exercise"), else an extra of so many minutes (the review: "30 min · optional discussion and
    exercise" read as if the module itself were optional)."""
    d = module.duration
    if not d or not d.optional_extra:
        return ""
    if runs_optional:
        return f"including its {d.optional_extra}"
    extra = sum(e.minutes for e in module.material.exercises if e.optional) if module.material else 0
    return f"plus an optional {d.optional_extra}" + (f" ({format_minutes(extra)})" if extra else "") + \
        ", if time allows"


def module_facts(module: Module, planned_minutes: int, runs_optional: bool = False,
                 release: bool = False) -> ModuleFacts:
    """Facts for one module; a pending module says its definition is still to come. A course that runs the
    module's optional extras in its planned time says so, which is why its planned time exceeds the range."""
    if module.is_pending:
        return ModuleFacts(module.ref, module.name, True, "To be defined", "To be defined", "To be defined", "",
                           "To be defined", "", "", "", "", "", (), ())
    d = module.duration
    prereq = ", or ".join(" + ".join(option) for option in module.prerequisites.after)
    if module.prerequisites.recommended:
        prereq += (", and potentially " if prereq else "") + ", ".join(module.prerequisites.recommended)
    entry = ""
    if module.entry_requirements:
        e = module.entry_requirements
        entry = " or ".join(x for x in (e.experience, "attend " + ", ".join(e.modules) if e.modules else "") if x)
    return ModuleFacts(
        ref=module.ref, name=module.name, pending=False,
        duration_text=d.text if d else "", duration_range=format_range(d.min_minutes, d.max_minutes) if d else "",
        planned=format_minutes(planned_minutes) if planned_minutes else "",
        optional_extra=_optional_extra(module, runs_optional),
        delivery=module.delivery_text, audience=audience_text(module.audience_text, release), prerequisites=prereq,
        entry_requirements=entry, responsibility=module.responsibility, objectives_lead=module.objectives_lead,
        objectives=module.objectives, content=module.content_read, attendee_objectives=module.attendee_objectives,
        objective_notes=tuple(c.note_for(release) for c in module.objective_corrections),
        from_strategy=module.from_strategy)


def _sections(plan: CoursePlan) -> tuple[tuple[str, str], ...]:
    """Each section with its time, in the standard order; a course of several days has its later days' welcome
    back straight after the introduction, the opening it stands in for, not after the close."""
    shown = [(index, s) for index, s in enumerate(plan.sections) if not s.omitted]
    rows = [(s.title, section_time(plan, s) if s.minutes else WITHIN_MODULES) for _, s in shown]
    if plan.timetable.welcome_back_minutes:
        rows.insert(_first_day_turn(plan, [index for index, _ in shown]),
                    (WELCOME_BACK_ROW, format_minutes(plan.timetable.welcome_back_minutes)))
    return tuple(rows)


def _first_day_turn(plan: CoursePlan, indexes: Sequence[int]) -> int:
    """Where the close of day 1 and the next day's welcome back come among the sections, in the order the
    course delivers them (the review: listed second, after the introduction, under "in this order"): before
    the first section that starts on a later day, or after the section in which day 1 ends."""
    for position, index in enumerate(indexes):
        days = [r.day for r in plan.timetable.rows if not r.is_break and r.place[:1] != ("day",)
                and r.place[1:2] == (index,)]
        if days and days[0] > 1:
            return position
        if days and days[-1] > 1:
            return position + 1
    return len(indexes)


def _timed_parts(plan: CoursePlan, modules: tuple[ModuleFacts, ...]) -> tuple[TimedPart, ...]:
    """Every part of the course the session plan times, in its order: a table of the modules alone did not add
    up to the total beside it (the introduction, the key messages, the recap and the close take time too)."""
    by_ref = {m.ref: m for m in modules}
    timetable = plan.timetable
    parts: list[TimedPart] = []
    shown = [index for index, section in enumerate(plan.sections) if not section.omitted]
    turn = _first_day_turn(plan, shown)
    welcome = shown[turn] if turn < len(shown) else None  # the section the later days' welcome back comes before
    for index, section in enumerate(plan.sections):
        if section.omitted:
            continue
        if index == welcome and timetable.welcome_back_minutes:
            parts.append(TimedPart(WELCOME_BACK_ROW, format_minutes(timetable.welcome_back_minutes)))
        refs = [mp.module.ref for mp in section.modules]
        parts += [TimedPart(f"{by_ref[ref].ref} {by_ref[ref].name}", by_ref[ref].planned, by_ref[ref]) for ref in refs]
        rest = timetable.section_minutes(index) - sum(timetable.module_minutes(ref) for ref in refs)
        if rest <= 0:
            continue
        if refs:  # said after the section's modules, in rows of their own
            # Named as the session plan's row names it ("Key message: Record information well"), not by where
            # it falls ("Key message after IW01"), so the trainer finds it on the slides by its title.
            said = "Key messages" if len(section.messages) > 1 else "Key message"
            titles = "; ".join(m.title for m in section.messages)
            name = f"{said}: {titles}" if section.messages else f"{section.title}: the rest"
        else:
            name = section.title
        parts.append(TimedPart(name, format_minutes(rest)))
    if timetable.welcome_back_minutes and not any(p.name == WELCOME_BACK_ROW for p in parts):
        parts.append(TimedPart(WELCOME_BACK_ROW, format_minutes(timetable.welcome_back_minutes)))
    return tuple(parts)


def optional_extras(plan: CoursePlan) -> tuple[str, ...]:
    """The course's optional extras by the exercises that are them ("CAF01 exercise “Would a common assessment
    help?” (20 min)"), so the trainer finds each in the notes and handouts; the strategy's words ("CAF01
    discussion and exercise") only for a module whose optional extra has no written exercise yet."""
    written: dict[str, list[str]] = {}
    for item in plan.exercises:
        if item.optional and item.exercise is not None:
            written.setdefault(item.module_ref, []).append(
                f"{item.module_ref} exercise \u201c{item.title}\u201d ({format_minutes(item.minutes)})")
    extras: list[str] = []
    for extra in plan.optional_extras:  # "IW01 discussion and exercise", in the course's order
        ref = extra.split(" ", 1)[0]
        extras += written.pop(ref, []) or [extra]
    return tuple(extras) + tuple(x for named in written.values() for x in named)


def delivered_after(modules: Sequence[ModuleFacts], m: ModuleFacts) -> str:
    """What a module follows: the strategy's prerequisite, or, where it names none (CAF03), the course's modules
    before it, which Appendix 1's order for the audience puts first; "" for the first."""
    if m.prerequisites:
        return m.prerequisites
    earlier = [e.ref for e in modules[:modules.index(m)] if not e.pending]
    if not earlier:
        return ""
    listed = " and ".join(filter(None, (", ".join(earlier[:-1]), earlier[-1])))
    return f"{listed}, earlier in this course"


def course_facts(plan: CoursePlan) -> CourseFacts:
    """Everything the course specification shows, in one place for the PDF, the guide and the outline."""
    course = plan.course
    planned = {mp.module.ref: plan.timetable.module_minutes(mp.module.ref) for s in plan.sections for mp in s.modules}
    modules = tuple(module_facts(m, planned[m.ref], m.ref in plan.course.run_optional, plan.release)
                    for m in plan.modules)
    return CourseFacts(
        title=course.title, course_id=course.id, audience=plan.audience.name,
        audience_summary=plan.audience.summary, process=plan.process.name,
        total_range=format_range(plan.min_minutes, plan.max_minutes),
        days=plan.timetable.span,
        total_planned=format_minutes(plan.planned_minutes), optional_extras=optional_extras(plan),
        entry_requirements=tuple(f"{m.ref} {m.name}" for m in plan.entry_modules),
        modules=modules,
        sections=_sections(plan),
        time_notes=tuple(note for s in plan.sections if not s.omitted and (note := time_note(plan, s))),
        notes=((course.beyond_appendix,) if course.beyond_appendix else ()) + course.notes, draft=plan.draft,
        all_from_strategy=all(m.from_strategy for m in modules), timed_parts=_timed_parts(plan, modules))
