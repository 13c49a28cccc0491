"""The course specification PDF of 3.1: content, learning objectives, timings and target audiences."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from iwpacks.planning.glossary import abbreviations_in
from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.timetable import clock
from iwpacks.renderers import register
from iwpacks.renderers._deck_order import day_parts
from iwpacks.renderers._deck_slides import activity_shares
from iwpacks.renderers._facts import (
    WITHIN_MODULES,
    CourseFacts,
    ModuleFacts,
    audience_lines,
    course_facts,
    delivered_after,
    held_after_modules,
    mid_sentence,
    section_time,
)
from iwpacks.renderers._local import cover_identity
from iwpacks.renderers._pdf import (
    CONTENT_W,
    Heading,
    PageDecor,
    PdfInfo,
    build_without_stub,
    bullets,
    colour,
    cover_block,
    grid,
    keep_times,
    paragraph_styles,
    slot_flowable,
    text,
    total_text,
)
from iwpacks.renderers._slots import slot_text
from iwpacks.renderers._words import items, say

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

    from iwpacks.model import Brand, Module
    from iwpacks.planning.plan import CoursePlan, PlanSection

LABEL = "Course specification"
PENDING = "To be defined"
NONE_TEXT = "\u2013"  # an en dash marks an empty cell on purpose; never the word "None"
TIMING_COLUMNS = (("Module", 17), ("Name", 44), ("In the strategy", 37), ("Range", 29), ("Planned", 20),
                  ("Optional extras", 27))
# A course with modules beyond the strategy: their duration is their own, not the strategy's.
OWN_TIMING_COLUMNS = (("Module", 17), ("Name", 44), ("Duration", 37), ("Range", 29), ("Planned", 20),
                      ("Optional extras", 27))


class CourseSpecRenderer:
    """Renders course-specification.pdf for one course plan."""

    name = "course-specification"
    filename = "course-specification.pdf"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        """The specification as PDF bytes; identical plans and brands give identical bytes."""
        facts = course_facts(plan)
        decor = PageDecor(brand=brand, label=LABEL, title=facts.title, draft=facts.draft,
                          local=cover_identity(plan))
        info = PdfInfo(title=f"{LABEL}: {facts.title}", author=brand.name,
                       subject=(f"Course specification for {mid_sentence(facts.audience)} ({facts.process}): content, "
                                "learning objectives, timings and target audiences"),
                       keywords=(facts.course_id, facts.process, facts.audience, "course specification",
                                 f"content version {plan.version}"))
        data, _pages = build_without_stub(lambda size: _story(plan, facts, brand, size), decor, info,
                                          show_outline=True)
        return data


def _story(plan: CoursePlan, facts: CourseFacts, brand: Brand, size: float) -> list[Flowable]:
    s = paragraph_styles(brand, size)
    total = keep_times(facts.total_planned)  # one total: the plan's
    cover = [f"<b>Target audience:</b> {text(facts.audience)} \u00b7 <b>Process:</b> {text(facts.process)}",
             f"<b>Total time:</b> {text(total)} over {text(facts.days)}"]
    if facts.optional_extras:
        cover.append(f"<b>Optional extras:</b> {text(keep_times('; '.join(facts.optional_extras)))}")
    owner = cover_identity(plan).name
    if owner:
        cover.append(f"<b>Local authority:</b> {text(owner)}")
    story: list[Flowable] = [cover_block(LABEL, facts.title, cover, s, brand), Spacer(1, 4 * mm)]
    story += _summary(plan, facts, s, brand)
    story += _structure(plan, facts, s, brand)
    # The day by the clock: the structure table already gives each part's time, so a release pack shows no
    # second table of the same times (the review: "Timings" repeated "Course structure"). The policy team's
    # master keeps its table of the strategy's durations and ranges, which the structure does not give.
    story += _timetable(plan, s, brand)
    if not plan.release:
        story += _timings(plan, facts, s, brand)
    models = {m.ref: m for m in plan.modules}
    for module in facts.modules:
        story += _module(module, models[module.ref], plan, s, brand, delivered_after(facts.modules, module))
    for section in (x for x in plan.sections if x.awareness and not x.omitted):
        story += _in_brief(plan, section, s)
    slot = slot_text(plan, plan.slot_for("booking"), stacked=True)  # name and role, phone, e-mail: a line each
    story += [CondPageBreak(40 * mm), Heading(slot.heading, s["h1"]),
              Paragraph(text(say(plan, "course.booking_intro")), s["body"]),
              slot_flowable(slot, s, brand, CONTENT_W)]
    return story


def _summary(plan: CoursePlan, facts: CourseFacts, s: dict[str, ParagraphStyle], brand: Brand) -> list[Flowable]:
    timing = f"{facts.total_planned}, over {facts.days}"
    if not plan.release and facts.total_planned != facts.total_range:  # for the policy team: the strategy's range
        timing += f" ({facts.range_source}: {total_text(facts)})"
    if facts.optional_extras:
        timing += "; if time allows, the optional " + "; ".join(facts.optional_extras)
    entry = "; ".join(facts.entry_requirements) if facts.entry_requirements else "No entry requirements"
    rows = [("Target audience", [facts.audience_line]),
            ("Process or tool", [facts.process]),
            ("Delivery", [say(plan, "course.delivery")]),
            ("Total timing", [keep_times(timing)]),
            ("Entry requirements", [f"Attendees complete {entry} first" if facts.entry_requirements else entry]),
            ("Prerequisites", [_prerequisites(facts)])]
    if facts.notes:
        rows.append(("Notes", list(facts.notes)))
    return [Heading("Course summary", s["h1"]), _key_values(rows, s, brand)]


def _prerequisites(facts: CourseFacts) -> str:
    named = [f"{m.ref}: after {m.prerequisites}" for m in facts.modules if m.prerequisites]
    return "; ".join(named) if named else "No module prerequisites"


def _structure(plan: CoursePlan, facts: CourseFacts, s: dict[str, ParagraphStyle], brand: Brand) -> list[Flowable]:
    # A row's section cell may stack two paragraphs, its title and what its time holds.
    rows: list[list[Flowable | list[Flowable]]] = [[Paragraph(h, s["cell_head"]) for h in ("", "Section", "Time")]]
    said = _what_sections_hold(plan)
    for number, (title, time) in enumerate(structure_rows(plan, facts), 1):
        # The welcome back, which opens each later day, is numbered in sequence with the sections (the review: an
        # unnumbered row among numbered ones read as a gap).
        holds, own_time = said.get(title, ("", time))
        # What the section's time holds besides its module, in the row itself: a sentence under the table
        # ("Detailed training on information sharing: IS02, 5 h 5 min: IS02 (5 h), then ...") ran on.
        named: list[Flowable] = [Paragraph(text(title), s["cell"])]
        named += [Paragraph(text(keep_times(holds)), s["cell"])] if holds else []
        rows.append([Paragraph(str(number), s["cell"]), named,
                     Paragraph(text(keep_times(own_time)), s["cell"])])
    rows.append([Paragraph("", s["cell"]), Paragraph("Course total", s["cell_bold"]),
                 Paragraph(text(keep_times(facts.total_planned)), s["cell_bold"])])
    table = grid(rows, s, colWidths=[10 * mm, CONTENT_W - 52 * mm, 42 * mm], repeatRows=1)
    table.setStyle(_grid(brand, total_row=True))
    intro = Paragraph(text(say(plan, "course.structure_days" if plan.timetable.days > 1 else "course.structure")),
                      s["body"])
    note = [Paragraph(text(keep_times(line)), s["body"]) for line in [exercises_note(plan)] if line]
    return [*_table_start(), Heading("Course structure", s["h1"]), intro, table, *note]


def structure_rows(plan: CoursePlan, facts: CourseFacts) -> list[tuple[str, str]]:
    """The structure's rows: every section with time of its own, in delivery order; a section of scenarios
    and exercises run inside the modules has no row (the review: "Scenarios and exercises ... Included in
    CAF02" rows among timed ones), as exercises_note says once."""
    inside = {s.title for s in plan.sections if s.role == "exercises" and not s.minutes}
    return [(title, time) for title, time in facts.sections if not (title in inside and time == WITHIN_MODULES)]


def exercises_note(plan: CoursePlan) -> str:
    """One line under the structure: the exercises run inside the modules' time, and which modules have them."""
    if not any(s.role == "exercises" and not s.minutes and not s.omitted for s in plan.sections):
        return ""
    refs = [mp.module.ref for s in plan.sections if not s.omitted for mp in s.modules]
    return say(plan, "course.exercises_note", where=_where_exercises_run(plan, refs))


def _what_sections_hold(plan: CoursePlan) -> dict[str, tuple[str, str]]:
    """By section title, what the structure's row says under the title and in its time cell, where that is more
    than the title and the section's time: a module section whose time holds key messages said after its
    modules ("IS02 (5 h), then the key message “Use resources from your own service” (5 min)"), and a section
    of scenarios and exercises, which has no time of its own because its exercises run inside the modules
    before it, straight after the topics they practise ("Included in IS01 and IS02")."""
    said: dict[str, tuple[str, str]] = {}
    since: list[str] = []  # the modules since the last section of exercises: the ones whose exercises these are
    for section in plan.sections:
        if section.omitted:
            continue
        since += [mp.module.ref for mp in section.modules]
        if section.modules and (holds := held_after_modules(plan, section, words="course")):
            said.setdefault(section.title, (holds, section_time(plan, section)))
        if section.role == "exercises":
            if not section.minutes:
                said.setdefault(section.title, ("", _where_exercises_run(plan, since)))
            since = []
    return said


def _where_exercises_run(plan: CoursePlan, refs: list[str]) -> str:
    """"Included in IW02 and IW04; IW01: optional, if time allows": the modules whose exercises the course
    times, then those whose only exercise is optional (the review: "Included in IW01", where IW01's one exercise
    ran only if time allowed, misled). Modules without exercises are not named, unless no module has any."""
    timed = {e.module_ref for e in plan.exercises if not e.optional}
    optional = {e.module_ref for e in plan.exercises if e.optional} - timed
    runs = [ref for ref in refs if ref in timed]
    spare = [ref for ref in refs if ref in optional]
    if not runs and not spare:
        return say(plan, "course.exercises_time", modules=_and(refs))
    parts = [say(plan, "course.exercises_time", modules=_and(runs))] if runs else []
    parts += [say(plan, "course.exercises_optional", modules=_and(spare))] if spare else []
    return "; ".join(parts)


def _and(refs: list[str]) -> str:
    """"IS01", "IS01 and IS02", "IS01, IS02 and IS03"; an empty list, the modules in general."""
    if not refs:
        return "the modules"
    return " and ".join(filter(None, (", ".join(refs[:-1]), refs[-1])))


def _table_start(room: float = 48 * mm) -> list[Flowable]:
    """Room for a heading, its one-line intro and the first rows of the table after them, else a new page. Not
    keep-with-next: that holds the whole table to its heading, and a table a little longer than what is left
    of the page then moves over whole and leaves half a page empty."""
    return [CondPageBreak(room)]


def _timetable(plan: CoursePlan, s: dict[str, ParagraphStyle], brand: Brand) -> list[Flowable]:
    """Each day by the clock, from the session plan: when each part of the course starts and ends, and the
    breaks and lunch between them; a course of several days has a table a day, under the day's hours."""
    timetable = plan.timetable
    days = timetable.days
    intro = say(plan, "course.timetable_intro_days" if days > 1 else "course.timetable_intro")
    # The heading and its line go over with the first rows of the first day's table (the review found a heading
    # alone at a foot), and the table runs on to the next page where it must: kept whole, a table a little too
    # long for what is left of page 1 took the page's last quarter with it and pushed the contacts to a page 3.
    lead: list[Flowable] = [Heading(say(plan, "course.timetable_heading"), s["h1"]), Paragraph(text(intro), s["body"])]
    out: list[Flowable] = []
    for day, (start, end) in enumerate(timetable.day_hours, start=1):
        head = [Paragraph(text(h), s["cell_head"]) for h in items(plan, "course.timetable_columns")]
        rows = [head] + [[Paragraph(f"{clock(a)}\u2013{clock(b)}", s["cell_bold" if pause else "cell"]),
                          Paragraph(text(what), s["cell_bold" if pause else "cell"])]
                         for a, b, what, pause in day_parts(plan, day)]
        table = grid(rows, s, colWidths=[32 * mm, CONTENT_W - 32 * mm], repeatRows=1)
        table.setStyle(_grid(brand, total_row=False))
        hours = f"{clock(start)}\u2013{clock(end)}"
        heading = [Heading(say(plan, "course.timetable_day", day=str(day), hours=hours), s["h2"], level=1)]
        # Room for the heading and at least four rows, a row taking two lines: a table that runs on shows some.
        out += [*_table_start(62 * mm), *(lead if day == 1 else []), *(heading if days > 1 else []), table]
    return out


def _in_brief(plan: CoursePlan, section: PlanSection, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The section that covers associated processes and tools in brief, after the modules: what it covers, and
    each process with its time and what it is (the review: the structure gave it 35 minutes and no content)."""
    intro = say(plan, "course.in_brief_intro", minutes=section_time(plan, section))
    given = activity_shares(section.awareness)  # the deck's pairs question at the end takes minutes of them
    lines = [say(plan, "course.in_brief_item", name=a.process.name, minutes=format_minutes(a.minutes - share),
                 summary=a.process.summary) for a, share in zip(section.awareness, given)]
    if any(given):
        lines.append(say(plan, "course.in_brief_activity", minutes=format_minutes(sum(given))))
    return [CondPageBreak(50 * mm), Heading(section.title, s["h1"]), Paragraph(text(intro), s["body"]),
            *bullets([keep_times(line) for line in lines], s["bullet"])]


def _timings(plan: CoursePlan, facts: CourseFacts, s: dict[str, ParagraphStyle], brand: Brand) -> list[Flowable]:
    """The policy team's table of each module's duration in the strategy, its range and its planned time."""
    columns: tuple[tuple[str, int], ...] = TIMING_COLUMNS if facts.all_from_strategy else OWN_TIMING_COLUMNS
    extras = "; ".join(facts.optional_extras)
    if not extras:  # a column of dashes says nothing: the name takes its width
        columns = tuple((h, w + columns[-1][1] if h == "Name" else w) for h, w in columns[:-1])
    rows = [[Paragraph(h, s["cell_head"]) for h, _ in columns]]
    for part in facts.timed_parts:  # the modules and the parts around them: the rows add up to the total
        if (m := part.module) is None:
            cells = ("", part.name, "", "", part.planned, "")
            rows.append([Paragraph(text(keep_times(c)), s["cell"]) for c in cells])
            continue
        cells = (m.ref, m.name, m.duration_text, m.duration_range, m.planned, m.optional_extra)
        style = s["placeholder_cell"] if m.pending else s["cell"]
        rows.append([Paragraph(text(keep_times(c or NONE_TEXT)),
                               s["cell_bold"] if i == 0 else style if i > 1 else s["cell"])
                     for i, c in enumerate(cells)])
    total = ("Total", "Whole course", "", total_text(facts), facts.total_planned, extras)
    rows.append([Paragraph(text(keep_times(c or NONE_TEXT)), s["cell_bold"]) for c in total])
    rows = [row[:len(columns)] for row in rows]
    table = grid(rows, s, colWidths=[w * mm for _, w in columns], repeatRows=1)
    table.setStyle(_grid(brand, total_row=True))
    columns_said = say(plan, "course.timings_strategy" if facts.all_from_strategy else "course.timings_own")
    note = f"{columns_said} {say(plan, 'course.timings_planned')}"
    # Kept whole where it fits a page: the review found a short table split over pages 1 and 2. KeepTogether
    # moves it to the next page only when the rest of this one cannot hold it, and splits it only when it is
    # taller than a page.
    return [*_table_start(), KeepTogether([Heading("Timings", s["h1"]), Paragraph(text(note), s["body"]), table])]


def _module(m: ModuleFacts, module: Module, plan: CoursePlan, s: dict[str, ParagraphStyle],
            brand: Brand, after: str = "") -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(60 * mm), Heading(f"{m.ref} {m.name}", s["h1"])]
    if m.pending:
        why = module.note or "The strategy names this module but does not define it yet."
        return out + [Paragraph(f"{PENDING}. {text(why)}", s["placeholder"])]
    if plan.release and m.planned:  # the time it takes here; the strategy's duration is the policy team's
        timing = f"<b>Time in this course:</b> {text(keep_times(m.planned))}"
    else:
        timing = f"<b>Duration:</b> {text(m.duration_text)} \u00b7 <b>range:</b> {text(keep_times(m.duration_range))}"
        if m.planned:
            timing += f" \u00b7 <b>planned in this course:</b> {text(keep_times(m.planned))}"
    if m.optional_extra:
        timing += f" \u00b7 <b>{text(m.optional_extra)}</b>"
    out.append(Paragraph(timing, s["body"]))
    rows = _requirements(m, module, plan, after)
    thin = plan.release and len(rows) == 1 and rows[0][0] == "Intended audience" and len(rows[0][1]) == 1
    if thin:  # a heading over a one-row table said only this: a line under the module's heading says it
        out.append(Paragraph(text(say(plan, "course.audience_line", audience=_audience_said(plan, rows[0][1][0]))),
                             s["body"]))
    objectives = [Paragraph(text(m.objectives_lead), s["body"])] if m.objectives_lead else []
    out += [Heading("Learning objectives", s["h2"], level=1, outline=f"{m.ref} learning objectives"),
            *objectives, *bullets(m.objectives, s["bullet"])]
    topics = _topics(m, s) + _abbreviations(m, plan, s)
    # The last content lines go with the delivery block, so a page break never leaves that block alone at the
    # top of a page, cut off from the module it belongs to (the review read it as an orphan).
    kept = topics[-2:]
    out += [Heading("Content", s["h2"], level=1, outline=f"{m.ref} content"), *topics[:len(topics) - len(kept)]]
    if thin:
        return out + kept
    # Named with the ref: this block may be pushed to the top of a page, away from its module heading.
    details = [Heading(f"{m.ref} delivery and requirements", s["h2"], level=1),
               _key_values(rows, s, brand)]
    return out + [KeepTogether([*kept, *details])]


def _requirements(m: ModuleFacts, module: Module, plan: CoursePlan, after: str = "") -> list[tuple[str, list[str]]]:
    """The rows of a module's delivery and requirements block: its audience, what comes before it (the
    strategy's prerequisite, or the modules before it in this course, `after`: the review found CAF03 alone
    without the block its neighbours have), and for the policy team the strategy's delivery and ownership; a
    release pack's notes for trainers."""
    rows = [("Intended audience", audience_lines(module.audience_text, plan.release) or [NONE_TEXT])]
    after = after or m.prerequisites
    rows += [("Prerequisites", [f"Taken after {after}"])] if after else []
    rows += [("Entry requirements", [m.entry_requirements])] if m.entry_requirements else []
    if not plan.release:  # for the policy team: the strategy's delivery and ownership; the course says its own
        rows += [("Delivery in the strategy" if m.from_strategy else "Delivery", [m.delivery or PENDING]),
                 ("Development responsibility", [m.responsibility or PENDING])]
    if notes := _editorial_notes(module, plan):  # trainers read them as notes; the policy team as its decisions
        rows.append(("Notes" if plan.release else "Editorial notes", notes))
    return rows


def _audience_said(plan: CoursePlan, audience: str) -> str:
    """The seed's one audience as the line under a module's heading says it: its "All" as every audience."""
    return say(plan, "course.audience_all") if audience.strip().rstrip(".").lower() == "all" else audience


def _topics(m: ModuleFacts, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The module's content in the strategy's words (the guide gives each topic's slide number; a reader of
    the specification needs no slide titles)."""
    return [Paragraph(text(item), s["bullet"], bulletText="\u2022") for item in m.content]


def _abbreviations(m: ModuleFacts, plan: CoursePlan, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """A line after the module's content saying what the abbreviations in its objectives and content stand for
    (the glossary's): the strategy's words stay verbatim, and "CA 2004" or "CYP&F" are not plain to every
    reader."""
    terms = abbreviations_in(plan.glossary, (*m.objectives, *m.content))
    if not terms:
        return []
    said = " \u00b7 ".join(say(plan, "course.abbreviation", term=t.term, stands_for=t.stands_for) for t in terms)
    return [Paragraph(text(say(plan, "course.abbreviations", terms=said)), s["small"])]


def _editorial_notes(module: Module, plan: CoursePlan) -> list[str]:
    """The content's recorded decisions about this module: notes, corrected slips, substitutions."""
    notes = [module.note] if module.note else []
    # How the content reads a slip in the strategy: the policy team's record, and a trainer's too where the
    # slides and forms word an objective otherwise than the specification quotes it.
    corrections = module.corrections if not plan.release else module.objective_corrections
    notes += [c.note_for(plan.release) for c in corrections]
    if module.substitutes:
        sub = module.substitutes
        who = " and ".join(mid_sentence(plan.audience_names[a]) for a in sub.audiences)
        notes.append(f"Can be delivered in place of {', '.join(sub.replaces)} for {who}. {sub.note}".strip())
    return notes


def _key_values(rows: list[tuple[str, list[str]]], s: dict[str, ParagraphStyle], brand: Brand) -> Table:
    """A two-column label/value table; several values stack in one cell."""
    data = [[Paragraph(text(label), s["label"]),
             [Paragraph(text(v), s["placeholder_cell"] if v == PENDING else s["cell"]) for v in values]]
            for label, values in rows]
    table = grid(data, s, colWidths=[46 * mm, CONTENT_W - 46 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (0, -1), colour(brand, "tint")),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.5, colour(brand, "background")),
                               ("LINEBELOW", (1, 0), (1, -2), 0.5, colour(brand, "tint")),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                               ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    return table


def _grid(brand: Brand, total_row: bool) -> TableStyle:
    """Header row in the primary colour, pale banding, and a ruled total row."""
    commands: list[tuple[Any, ...]]  # the commands differ in length and types, so no narrower list type fits
    commands = [("BACKGROUND", (0, 0), (-1, 0), colour(brand, "primary")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colour(brand, "background"), colour(brand, "tint")]),
                ("LINEBELOW", (0, -1), (-1, -1), 1, colour(brand, "primary")),
                ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
    if total_row:
        commands += [("LINEABOVE", (0, -1), (-1, -1), 1, colour(brand, "primary")),
                     ("BACKGROUND", (0, -1), (-1, -1), colour(brand, "background")),
                     # A page break never leaves the total alone at the top of a page: it goes over with the
                     # two rows before it, so the reader sees what it totals.
                     ("NOSPLIT", (0, -3), (-1, -1))]
    return TableStyle(commands)


register(CourseSpecRenderer())
