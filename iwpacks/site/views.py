"""What each page shows, worked out from the programme and the course plans: plain data for the templates.

Texts here are the content's and the overlay's own words, never markup: the templates escape every one.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from iwpacks.model import ARTEFACTS, Audience, Module, Programme
from iwpacks.planning.minutes import format_minutes, format_range
from iwpacks.planning.plan import CoursePlan
from iwpacks.planning.routes import training_route
from iwpacks.planning.timetable import clock
from iwpacks.renderers._facts import WITHIN_MODULES, mid_sentence, module_facts, section_time
from iwpacks.renderers._slots import slot_text
from iwpacks.site import links
from iwpacks.site.downloads import Download, PackFiles


@attrs.frozen
class Link:
    href: str  # from the site's root; templates make it relative to the page they are on
    text: str


@attrs.frozen
class Contacts:
    """A local slot the LA filled (who books places, how attendees keep in touch): its heading and lines."""

    heading: str
    lines: tuple[str, ...]


@attrs.frozen
class TimetableRow:
    start: str
    end: str
    label: str
    minutes: str
    is_break: bool


@attrs.frozen
class TimetableDay:
    number: int
    rows: tuple[TimetableRow, ...]


@attrs.frozen
class Material:
    """One file of a course's pack: what trainers call it, and its download where the pack is on the site."""

    title: str
    filename: str
    download: Download | None


@attrs.frozen
class RouteStep:
    course: Link
    duration: str
    after: tuple[Link, ...]
    current: bool = False


def local_contacts(plan: CoursePlan) -> tuple[Contacts, ...]:
    """The booking and network contacts an LA gave; none in the master catalogue, whose reader has no LA."""
    found = []
    for role in ("booking", "network"):
        text = slot_text(plan, plan.slot_for(role))
        if text.filled:
            found.append(Contacts(text.heading, text.lines))
    return tuple(found)


def course_link(plan: CoursePlan) -> Link:
    return Link(links.course_page(plan.course.id), plan.course.title)


def module_link(module: Module) -> Link:
    return Link(links.module_page(module.ref), f"{module.ref} {module.name}")


def duration(plan: CoursePlan) -> str:
    """"6 h 20 min, 1 day": the time the course takes and the days the session plan spreads it over."""
    return f"{unbroken(format_range(plan.min_minutes, plan.max_minutes))}, {plan.timetable.span}"


def unbroken(time: str) -> str:
    """"5 h 10 min - 6 h 10 min" with no-break spaces inside each time, so a narrow card never wraps "6 / h 10"."""
    return re.sub(r"(?<=\d) (?=h|min)|(?<=h) (?=\d)", "\u00a0", time)


def day_hours(plan: CoursePlan) -> tuple[str, ...]:
    return tuple(f"Day {n}: {clock(start)} to {clock(end)}"
                 for n, (start, end) in enumerate(plan.timetable.day_hours, start=1))


def timetable_days(plan: CoursePlan) -> tuple[TimetableDay, ...]:
    rows = plan.timetable.rows
    days = []
    for day in range(1, plan.timetable.days + 1):
        days.append(TimetableDay(day, tuple(
            # A row's label already names the topics of a module split across rows ("...: topics 1-3").
            TimetableRow(clock(r.start), clock(r.end), r.label, format_minutes(r.minutes), r.is_break)
            for r in rows if r.day == day)))
    return tuple(days)


def outline(plan: CoursePlan) -> tuple[tuple[str, str, tuple[Link, ...]], ...]:
    """Each part of the course, in order: its title, its time and the modules it teaches."""
    return tuple((s.title, section_time(plan, s) if s.minutes else WITHIN_MODULES,
                  tuple(module_link(mp.module) for mp in s.modules))
                 for s in plan.sections if not s.omitted)


def materials(plan: CoursePlan, pack: PackFiles | None) -> tuple[Material, ...]:
    return tuple(Material(a.title, a.filename, pack.file(plan.course.id, a.filename) if pack else None)
                 for a in ARTEFACTS if plan.holds(a))


def route(programme: Programme, audience: Audience, plans: Mapping[str, CoursePlan],
          current: str = "") -> tuple[RouteStep, ...]:
    """The audience's suggested route through the courses the site lists (pending courses are not offered)."""
    steps = []
    for step in training_route(programme, audience.id):
        plan = plans.get(step.course.id)
        if plan is None:
            continue
        after = tuple(course_link(plans[cid]) for cid in step.after if cid in plans)
        steps.append(RouteStep(course_link(plan), duration(plan), after, step.course.id == current))
    return tuple(steps)


def modules_offered(plans: Mapping[str, CoursePlan]) -> tuple[Module, ...]:
    """Every defined module a listed course teaches, in the order the courses first teach them."""
    seen: dict[str, Module] = {}
    for plan in plans.values():
        for module in plan.modules:
            if not module.is_pending:
                seen.setdefault(module.ref, module)
    return tuple(seen.values())


def courses_teaching(ref: str, plans: Mapping[str, CoursePlan]) -> tuple[Link, ...]:
    return tuple(course_link(p) for p in plans.values() if any(m.ref == ref for m in p.modules))


def module_prerequisites(module: Module) -> str:
    return module_facts(module, 0, release=True).prerequisites


def by_process(programme: Programme, plans: Mapping[str, CoursePlan]) -> tuple[tuple[str, tuple[CoursePlan, ...]], ...]:
    """The courses grouped by the process they teach, in Appendix 1's order; a process with none is left out."""
    groups = []
    for process in programme.processes.values():
        courses = tuple(p for p in plans.values() if p.course.process == process.id)
        if courses:
            groups.append((process.name, courses))
    return tuple(groups)


def entry_links(plan: CoursePlan) -> tuple[Link, ...]:
    return tuple(module_link(m) for m in plan.entry_modules)


def prerequisite_links(plan: CoursePlan) -> tuple[Link, ...]:
    """The modules to have taken before this course: its modules' prerequisites that it does not teach itself
    (CAF02 comes after CAF01, which a CAF course teaches first, so a reader need not have done it)."""
    taught = {m.ref for m in plan.modules}
    return tuple(module_link(m) for m in plan.prerequisite_modules if m.ref not in taught)


def objectives(plan: CoursePlan) -> tuple[tuple[Link, str, tuple[str, ...]], ...]:
    """Each defined module's objectives, as attendees read them, under its lead-in."""
    return tuple((module_link(m), m.objectives_lead, m.objectives_read) for m in plan.modules
                 if not m.is_pending and m.objectives_read)


def whole_download(plan: CoursePlan, pack: PackFiles | None) -> Download | None:
    return pack.course_zip(plan.course.id) if pack else None


def for_whom(audience: Audience) -> str:
    """"For practitioners.": the audience's name as it reads mid-sentence ("IS officers" keeps its capitals)."""
    return f"For {mid_sentence(audience.name)}."
