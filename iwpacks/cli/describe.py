"""Plain-text descriptions of modules, courses and routes for the terminal."""
from __future__ import annotations

from iwpacks.model import Course, Module, Programme
from iwpacks.planning.minutes import course_duration, format_range, section_minutes
from iwpacks.planning.routes import RouteStep


def describe_module(programme: Programme, m: Module) -> str:
    lines = [f"{m.ref}: {m.name}", f"  status: {m.status}", f"  process: {programme.processes[m.process].name}"]
    if m.is_pending:
        return "\n".join(lines + [f"  note: {m.note}"])
    lines += [f"  audience: {' '.join(m.audience_text)}",
              f"  audience ids: {', '.join(m.audiences)}"
              + (f" (optional: {', '.join(m.optional_audiences)})" if m.optional_audiences else "")]
    if m.duration:
        extra = f" + optional {m.duration.optional_extra}" if m.duration.optional_extra else ""
        split = f" in {len(m.duration.sessions)} sessions" if m.duration.sessions else ""
        lines.append(f"  duration: {m.duration.text} ({format_range(m.duration.min_minutes, m.duration.max_minutes)}"
                     f"{split}{extra})")
    lines.append(f"  delivery: {m.delivery_text} [{', '.join(m.delivery_modes)}]")
    if m.prerequisites.after:
        lines.append("  after: " + " or ".join(" + ".join(o) for o in m.prerequisites.after)
                     + (f" (recommended: {', '.join(m.prerequisites.recommended)})" if m.prerequisites.recommended else ""))
    if m.entry_requirements:
        lines.append(f"  entry: {m.entry_requirements.experience}, or first {', '.join(m.entry_requirements.modules)}")
    if m.substitutes:
        lines.append(f"  can replace {', '.join(m.substitutes.replaces)} for {', '.join(m.substitutes.audiences)}")
    lines.append(f"  responsibility: {m.responsibility}")
    lines += ["", "  Description:"] + [f"    {p}" for p in m.description]
    lines += ["", f"  {m.objectives_lead}"] + [f"    - {o}" for o in m.objectives]
    lines += ["", "  Content:"] + [f"    - {c}" for c in m.content]
    for c in m.corrections:
        lines += ["", f"  Correction ({c.field}): {c.seed_text} -> {c.reading}. {c.note}"]
    return "\n".join(lines)


def _pending_caveat(programme: Programme, c: Course) -> str:
    pending = [ref for ref in c.modules if programme.modules[ref].is_pending]
    return f" (not counting pending modules {', '.join(pending)})" if pending else ""


def describe_course(programme: Programme, c: Course) -> str:
    total = course_duration(programme, c)
    lines = [f"{c.id}: {c.title}", f"  status: {c.status}",
             f"  audience: {programme.audiences[c.audience].name}",
             f"  process: {programme.processes[c.process].name}",
             f"  total duration: {format_range(total.min_minutes, total.max_minutes)}{_pending_caveat(programme, c)}"
             + (f" plus optional extras ({'; '.join(total.optional_extras)})" if total.optional_extras else ""),
             f"  modules: {', '.join(c.modules)}"]
    if c.entry_requirements:
        lines.append(f"  entry requirements: {', '.join(c.entry_requirements)}")
    lines += ["", "  Sections:"]
    for s in c.sections:
        title = programme.course_structure[s.kind].title.replace("{process}", programme.processes[c.process].in_titles)
        low, high = section_minutes(programme, s)
        lines.append(f"    {title} ({format_range(low, high)})" if high else f"    {title}")
        if s.omitted:
            lines.append(f"      omitted: {s.omitted}")
        for ref in s.modules:
            m = programme.modules[ref]
            when = m.duration.text if m.duration else "duration to be defined"
            lines.append(f"      {ref} {m.name} [{when}]")
        for ref in s.exercises_from:
            lines.append(f"      exercises from {ref}")
        for pid in s.awareness:
            lines.append(f"      awareness: {programme.processes[pid].name}")
        for mid in s.messages:
            lines.append(f"      message: {programme.common_messages[mid].title}")
    for note in c.notes:
        lines += ["", f"  Note: {note}"]
    return "\n".join(lines)


def describe_route(programme: Programme, audience: str, steps: tuple[RouteStep, ...]) -> str:
    lines = [f"Suggested training route for {programme.audiences[audience].name}:"]
    for n, step in enumerate(steps, 1):
        total = course_duration(programme, step.course)
        flag = " [pending]" if step.course.is_pending else ""
        after = f" (after {', '.join(step.after)})" if step.after else ""
        lines.append(f"{n}. {step.course.id}: {step.course.title}{flag}{after} "
                     f"- {format_range(total.min_minutes, total.max_minutes)}{_pending_caveat(programme, step.course)}")
        lines.append("   " + " -> ".join(step.course.modules))
    return "\n".join(lines)
