"""The trainer guide's course specification (3.1) and its timed session plan."""
from __future__ import annotations

from typing import TYPE_CHECKING

from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.timetable import clock
from iwpacks.renderers._deck_order import TOPIC_SPAN, in_deck_order
from iwpacks.renderers._deck_slides import slide_numbers
from iwpacks.renderers._docx import add_heading, bullets, keep_with_next, labelled, numbered, table
from iwpacks.renderers._facts import WELCOME_BACK_ROW, delivered_after
from iwpacks.renderers._words import say, tidy_punctuation

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docx.document import Document as DocumentObject
    from docx.text.paragraph import Paragraph

    from iwpacks.planning.plan import CoursePlan
    from iwpacks.planning.timetable import Row, Timetable
    from iwpacks.renderers._facts import CourseFacts, ModuleFacts

TO_BE_DEFINED = "To be defined: the strategy names this module but does not yet define it."
SESSION_PLAN_HEADER = ("Day", "Time", "Mins", "Activity")  # a course of one day leaves out the Day column


def specification(doc: DocumentObject, plan: CoursePlan, facts: CourseFacts) -> None:
    """Content, every learning objective in the strategy's words (punctuation tidied), timings, audience, delivery, prerequisites, responsibility."""
    add_heading(doc, "Course specification", 1)
    doc.add_paragraph(f"The course specification for \u201c{facts.title}\u201d: what the course "
                      "covers, what attendees will learn, how long it takes, who it is for and how it is delivered.")
    _content(doc, plan, facts)
    add_heading(doc, "Learning objectives", 2)
    slides = slide_numbers(plan)
    for m in facts.modules:
        add_heading(doc, f"{m.ref} {m.name}", 3)
        if m.pending:
            doc.add_paragraph(TO_BE_DEFINED)
            continue
        doc.add_paragraph(m.objectives_lead)
        bullets(doc, [tidy_punctuation(o) for o in m.objectives])  # the specification keeps the seed's slips
        for note in m.objective_notes:  # the slides and forms read the objective corrected: say why
            doc.add_paragraph(note)
    _timings(doc, facts, plan.release)
    add_heading(doc, "Target audience", 2)
    doc.add_paragraph(facts.audience_line)
    audiences = [m for m in facts.modules if m.audience]
    if audiences:
        keep_with_next(doc.add_paragraph(say(plan, "course.audience_lead")))
    for m in audiences:  # the strategy's "All" reads as it means, the other audiences in its words
        labelled(doc, f"{m.ref} {m.name}", "all audiences" if m.audience == "All" else m.audience,
                 style="List Bullet")
    add_heading(doc, "Delivery", 2)
    doc.add_paragraph(say(plan, "course.delivery") + ".")
    if not plan.release:  # for the policy team: each module's mechanism as the strategy gives it
        for m in facts.modules:
            labelled(doc, f"{m.ref} in the strategy" if m.from_strategy else f"{m.ref} delivery",
                     m.delivery or "To be defined", style="List Bullet")
    add_heading(doc, "Prerequisites and entry requirements", 2)
    entry = "; ".join(facts.entry_requirements)
    keep_with_next(doc.add_paragraph(f"Before this course, attendees should have completed: {entry}." if entry else
                                     "This course has no entry requirements beyond the attendees' own experience."))
    rows = [[m.ref, _delivered_after(facts, m), m.entry_requirements or "No entry requirements"]
            for m in facts.modules if not m.pending]
    if rows:
        table(doc, ["Module", "Delivered after", "Entry requirements"], rows, widths=(2.2, 7.4, 7.4))
    if not plan.release:  # who writes the material: the policy team's concern, not the trainer's
        add_heading(doc, "Development responsibility", 2)
        for m in facts.modules:
            labelled(doc, m.ref, m.responsibility or "To be defined", style="List Bullet")
    if facts.notes:
        add_heading(doc, "Notes on this course", 2)
        bullets(doc, facts.notes)


def _delivered_after(facts: CourseFacts, m: ModuleFacts) -> str:
    """What a module follows (see delivered_after); "No prerequisites" only for the first."""
    return delivered_after(facts.modules, m) or "No prerequisites"


def _content(doc: DocumentObject, plan: CoursePlan, facts: CourseFacts) -> None:
    add_heading(doc, "Course content", 2)
    keep_with_next(doc.add_paragraph("Every course follows the same standard structure, in this order:"))
    covers = {}
    for s in plan.sections:
        # A module section: its modules with the key messages their topics deliver, then any said on their own
        # ("IW01 Introduction to Integrated Working, with the key messages “…”; then the key message “…”").
        parts = [", ".join(f"{mp.module.ref} {mp.module.name}" for mp in s.modules)] if s.modules else []
        woven = [m.title for mp in s.modules for t in mp.topic_steps for m in t.messages]
        if woven:
            said = ", with the key messages " if len(woven) > 1 else ", with the key message "
            parts[0] += said + ", ".join(f"\u201c{t}\u201d" for t in woven)
        if s.modules and s.messages:
            said = "then the key messages " if len(s.messages) > 1 else "then the key message "
            parts.append(said + ", ".join(f"\u201c{m.title}\u201d" for m in s.messages))
        else:
            parts += [m.title for m in s.messages]
        parts += [a.process.name for a in s.awareness]
        parts += [f"{e.title} ({e.module_ref})" for e in s.exercises]
        if s.role == "exercises" and any(e.exercise is not None for e in plan.exercises):
            parts.insert(0, "Each written exercise, straight after the topic it practises in its module")
        seed = s.seed_text.rstrip(";. and")
        covers[s.title] = "; ".join(parts) or seed or s.summary
    covers[WELCOME_BACK_ROW] = say(plan, "facilitation.welcome_back_covers")
    # Numbered as the specification numbers them, the welcome back of a later day in sequence with the rest.
    table(doc, ["", "Section", "What it covers", "Time"],
          [[str(n), title, covers.get(title, ""), time] for n, (title, time) in enumerate(facts.sections, 1)],
          widths=(0.8, 4.0, 9.4, 2.8))
    for note in facts.time_notes:
        doc.add_paragraph(note)
    slides = slide_numbers(plan)
    for m in facts.modules:
        add_heading(doc, f"{m.ref} {m.name}", 3)
        if m.pending:
            doc.add_paragraph(TO_BE_DEFINED)
        # Numbered as the session plan's rows name them ("topics 1-2"), each with the deck's slide number for
        # it, so the trainer can find it there (the review: a slide's title after each topic was more than a
        # reader of the list needs). Named as the slides and the notes name them (the third review: the
        # strategy's "T4T Activity – Planning for local delivery" here, "Planning for local delivery" there);
        # the specification keeps the strategy's words.
        where = iter(_topic_slides(plan, m.ref, slides))
        numbered(doc, _topic_names(plan, m.ref, m.content),
                 after_each=lambda paragraph: _slide_number(paragraph, next(where, "")))


def _topic_names(plan: CoursePlan, ref: str, content: Sequence[str]) -> Sequence[str]:
    """Module `ref`'s topics by the titles their slides show, where its material gives a topic for each of
    the strategy's content items; else the items themselves."""
    topics = next((mp.topics for section in plan.sections for mp in section.modules if mp.module.ref == ref), ())
    if len(topics) != len(content):
        return content
    return [topic.slide_title or topic.title for topic in topics]


def _topic_slides(plan: CoursePlan, ref: str, slides: dict[tuple[str, ...], tuple[int, ...]]) -> list[str]:
    """Each topic of module `ref`, in order: "(slide 12)" or "(slides 12-13)", or "" where no slide shows it."""
    topics = next((mp.topics for section in plan.sections for mp in section.modules if mp.module.ref == ref), ())
    out = []
    for topic in topics:
        numbers = slides.get(("topic", ref, topic.title), ())
        span = slide_span(numbers)
        key = "course.on_slide" if len(numbers) == 1 else "course.on_slides"
        out.append(say(plan, key, number=span) if numbers else "")
    return out


def slide_span(numbers: Sequence[int]) -> str:
    """'12', '12-13', or '54 and 56' where a break's slide comes between: a range never takes in a slide
    of another part of the course."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _slide_number(paragraph: Paragraph, where: str) -> None:
    if where:
        paragraph.add_run(" " + where).italic = True


def _timings(doc: DocumentObject, facts: CourseFacts, release: bool = False) -> None:
    """Every timed part of the course, modules and the parts around them, so the rows add up to the total."""
    add_heading(doc, "Timings", 2)
    if release:  # for trainers: the time each part takes in this course
        keep_with_next(doc.add_paragraph("Each part of the course in the order you deliver it, with the time the "
                                         "session plan gives it; together they make the course total."))
        rows = [[p.module.ref if p.module else "", p.module.name if p.module else p.name, p.planned]
                for p in facts.timed_parts]
        rows.append(["", "Course total", facts.total_planned])
        table(doc, ["Ref", "Module or part of the course", "Time in this course"], rows, widths=(1.5, 11.5, 4.0),
              bold_rows={len(rows) - 1})
        if facts.optional_extras:
            doc.add_paragraph("If time allows, the course adds the optional " + "; ".join(facts.optional_extras) + ".")
        return
    given = ("The strategy gives each module an expected duration" if facts.all_from_strategy else
             "Each module has an expected duration (the strategy's, for a module of the strategy)")
    keep_with_next(doc.add_paragraph(f"{given}; the planned time is what this pack's session plan uses, including "
                                     "exercise time. The other rows are the parts of the course around the modules; "
                                     "the planned times add up to the course total."))
    rows = [[m.ref, m.name, m.duration_text, m.duration_range, m.planned, m.optional_extra] if (m := p.module) else
            ["", p.name, "", "", p.planned, ""] for p in facts.timed_parts]
    rows.append(["", "Course total", "", facts.total_range, facts.total_planned, "; ".join(facts.optional_extras)])
    duration = "Strategy's duration" if facts.all_from_strategy else "Duration"
    table(doc, ["Ref", "Module or part", duration, "Range", "Planned", "Optional extra"], rows,
          widths=(1.5, 4.6, 3.8, 2.6, 2.0, 2.5), bold_rows={len(rows) - 1})
    if facts.optional_extras:
        doc.add_paragraph("Optional extras, if time allows: " + "; ".join(facts.optional_extras) + ". They are not "
                          "in the planned time.")


def _activity(plan: CoursePlan, row: Row) -> str:
    """A row as the trainer needs it: part of a module names the topics it teaches, as their slides and the
    facilitation notes head them ("CAF02 Using the CAF in Practice: 1. The potential impact of the CAF; ..."),
    not their numbers alone."""
    steps = {s.number: s.topic for section in plan.sections for mp in section.modules
             if mp.module.ref == row.module_ref for s in mp.topic_steps}
    if not row.topics or not steps or not TOPIC_SPAN.search(row.label):
        return row.label
    named = "; ".join(f"{n}. {steps[n].slide_title or steps[n].title}" for n in row.topics if n in steps)
    return TOPIC_SPAN.sub(lambda _: f": {named}", row.label, count=1)


def _pauses_key(timetable: Timetable) -> str:
    """How the session plan's intro says the day's pauses: a break each side of lunch where every day has one
    before it and one after, or as the session plan shows them; a day without lunch has a break."""
    if not any(r.kind == "lunch" for r in timetable.rows):
        return "session_plan.pauses_break" if timetable.days == 1 else "session_plan.pauses_mornings"
    for day in range(1, timetable.days + 1):
        kinds = [r.kind for r in timetable.rows if r.day == day and r.is_break]
        if "lunch" not in kinds or "lunch" in kinds[:1] or "lunch" in kinds[-1:]:
            return "session_plan.pauses_shown"
    return "session_plan.pauses_lunch" if timetable.days > 1 else "session_plan.pauses_lunch_day"


def session_plan(doc: DocumentObject, plan: CoursePlan) -> None:
    """The timed plan with a running clock: every block, break and lunch, day by day."""
    timetable = plan.timetable
    add_heading(doc, "Session plan", 1)
    days = timetable.days
    keep_with_next(doc.add_paragraph(say(plan, "session_plan.intro", total=format_minutes(plan.planned_minutes),
                                         span=timetable.span, pauses=say(plan, _pauses_key(timetable)),
                                         later=say(plan, "session_plan.later_days") if days > 1 else "",
                                         starts=say(plan, "session_plan.starts_days" if days > 1
                                                    else "session_plan.starts_course"),
                                         start=clock(timetable.rows[0].start))))
    rows: list[list[str]] = []
    quiet: set[int] = set()
    for r in in_deck_order(plan):
        if r.is_break:
            quiet.add(len(rows))
        time = f"{clock(r.start)}\u2013{clock(r.end)}"
        rows.append([str(r.day), time, str(r.minutes), _activity(plan, r)][days == 1:])
    header, widths = SESSION_PLAN_HEADER[days == 1:], (1.2, 2.8, 1.4, 11.6)[days == 1:]
    table(doc, header, rows, widths=widths[:-1] + (widths[-1] + (1.2 if days == 1 else 0),), quiet_rows=quiet)
    for day in range(1, days + 1 if days > 1 else 1):
        day_rows = [r for r in timetable.rows if r.day == day]
        taught = sum(r.minutes for r in day_rows if not r.is_break)
        keep_with_next(labelled(doc, f"Day {day}", f"{clock(day_rows[0].start)} to {clock(day_rows[-1].end)}; "
                                                   f"{format_minutes(taught)} of training.", style="List Bullet"))
    breaks = sum(r.kind == "break" for r in timetable.rows)
    lunch = any(r.kind == "lunch" for r in timetable.rows)
    left_out = ("session_plan.total_lunch" if lunch else "session_plan.total_breaks" if breaks > 1
                else "session_plan.total_break" if breaks else "session_plan.total")
    labelled(doc, "Total training time", say(plan, left_out, time=format_minutes(timetable.training_minutes)))
