"""The course outline PDF of 3.1 ("1 pager describing course content, objective and target audiences"): one A4
page where the course fits it in type of 9 pt or more, else both sides of one sheet, never more."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from iwpacks.errors import IwpacksError
from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.timetable import Row, clock
from iwpacks.renderers import register
from iwpacks.renderers._deck_slides import activity_shares
from iwpacks.renderers._facts import (
    WITHIN_MODULES,
    CourseFacts,
    ModuleFacts,
    course_facts,
    mid_sentence,
)
from iwpacks.renderers._local import cover_identity
from iwpacks.renderers._words import items, objective_item, say
from iwpacks.renderers._pdf import (
    CONTENT_W,
    STUB,
    Bookmark,
    PageDecor,
    PdfInfo,
    build_pdf_measured,
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
from iwpacks.renderers._slots import SlotText, slot_text

if TYPE_CHECKING:
    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan

LABEL = "Course outline"
PENDING = "To be defined"
MAIN_W = CONTENT_W * 0.61
SIDE_W = CONTENT_W - MAIN_W
PAD = 8


@attrs.frozen
class Fit:
    """One step of the shrink ladder: body size in points, how many pages the layout may take (1: the main
    column beside the side column on one page; 2: the same blocks one after another, over both sides of the
    sheet), how many topics a module lists (0: all) and how many booking contacts the page names (the contact
    sheet in the handouts has them all)."""

    size: float
    pages: int = 1
    max_topics: int = 0
    max_contacts: int = 3
    structure_in_main: bool = False  # one page: what takes time besides the modules under the content
    # One page laid out as the two-page layout is: the content across the page and the practicalities in a
    # two-column panel straight after it, for a course whose side column would run longer than its content.
    flowing: bool = False
    # The lines a booking contact takes: 3, who, then phone, then e-mail (the review: a comma-run line was hard
    # to read); 2, the phone and e-mail on one line under who; 1, all on one line, only where a page needs it.
    contact_lines: int = 3


MIN_PT = 9.0  # no text of the outline is smaller: the review found is-trainers' set in 8 pt and less

# One page while the type can stay at 9 pt or more with every topic (the side column, the taller, giving the
# course structure to the main column if need be; then the content across the page with the practicalities
# in a panel under it, which holds the same facts in less height); else two pages, largest type first, so
# the second page is full rather than a stub; only then condense the topic lists, and a booking list as long
# as the limits allow names one contact.
_ONE_PAGE = (Fit(10), Fit(10, structure_in_main=True), Fit(9.5), Fit(9.5, structure_in_main=True),
             Fit(9), Fit(9, structure_in_main=True),
             Fit(10, flowing=True), Fit(9.5, flowing=True), Fit(9, flowing=True))
# A contact on fewer lines keeps a course on one page before the outline takes two.
LADDER = (*_ONE_PAGE, *(attrs.evolve(f, contact_lines=2) for f in _ONE_PAGE),
          *(attrs.evolve(f, contact_lines=1) for f in _ONE_PAGE),
          Fit(11, 2), Fit(10.5, 2), Fit(10, 2), Fit(9.5, 2), Fit(9, 2),
          Fit(9, 2, 8), Fit(9, 2, 6), Fit(9, 2, 4), Fit(9, 2, 4, 1))


class OutlineRenderer:
    """Renders course-outline.pdf: one A4 page where the course fits it, else both sides of one sheet."""

    name = "course-outline"
    filename = "course-outline.pdf"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        """The outline as PDF bytes: the first step of LADDER that fits its pages without a stub last page (or,
        if every step that fits leaves one, the first that fits); IwpacksError if none fits two pages."""
        facts = course_facts(plan)
        # The guide has the trainer send the outline with the date, times and venue: the timetable gives the
        # times, and page one has blanks for the date and venue.
        decor = PageDecor(brand=brand, label=LABEL, title=facts.title, draft=facts.draft,
                          local=cover_identity(plan), blanks=items(plan, "course.outline_blanks"))
        info = PdfInfo(title=f"{LABEL}: {facts.title}", author=brand.name,
                       subject=(f"Outline for {mid_sentence(facts.audience)} ({facts.process}): content, "
                                "objective and target audience"),
                       keywords=(facts.course_id, facts.process, facts.audience, "course outline",
                                 f"content version {plan.version}"))
        stubbed: bytes | None = None
        for fit in LADDER:
            try:
                data, pages, fill = build_pdf_measured(lambda: _story(plan, facts, brand, fit), decor, info,
                                                       show_outline=fit.pages > 1)
            except LayoutError:  # one block taller than the page: try the next, smaller step
                continue
            if pages > fit.pages:
                continue
            if pages == 1 or fill >= STUB:
                return data
            stubbed = stubbed or data
        if stubbed is not None:
            return stubbed
        raise IwpacksError(f"course outline for {facts.course_id} does not fit two A4 pages even at "
                           f"{LADDER[-1].size} pt with {LADDER[-1].max_topics} topics a module; "
                           "shorten its module names or topics")


IN_COLUMN = 8  # objectives the main column holds; more go across the page, in two columns, above it
# The most objectives the page lists: past this, the first of them and a pointer to the specification. No course
# of the content comes near it (the longest has 17); a course composed of many modules might.
MAX_OBJECTIVES = 24


def _story(plan: CoursePlan, facts: CourseFacts, brand: Brand, fit: Fit) -> list[Flowable]:
    s = _styles(brand, fit.size)
    total = f"<b>Total time:</b> {text(keep_times(_planned(facts)))} over {text(facts.days)}"
    owner = cover_identity(plan).name
    # Two lines of facts under the title: a page that must hold a course gives the band no more than it needs.
    lines = [f"<b>For:</b> {text(facts.audience)} \u00b7 <b>Process:</b> {text(facts.process)}",
             total + (f" \u00b7 <b>Local authority:</b> {text(owner)}" if owner else "")]
    # No kicker: the page's band already says "Course outline".
    story: list[Flowable] = [cover_block("", facts.title, lines, s, brand), Spacer(1, 3 * mm)]
    if fit.pages > 1 or fit.flowing:
        return story + _flowing(plan, facts, s, brand, fit)
    if len(_objectives(facts)) > IN_COLUMN:
        story += _objectives_across(plan, facts, s)
    items = _practicalities(plan, facts)
    when, structure = _headed(items[:-1], s), _headed(items[-1:], s, first=False)
    booking = _booking(plan, s, brand, fit, SIDE_W - 2 * PAD)
    main = _main(plan, facts, s, fit.max_topics)
    side = when + booking
    if fit.structure_in_main:
        main += structure
    else:
        side = [*when, *structure, *booking]
    body = grid([[main, side]], s, colWidths=[MAIN_W, SIDE_W])
    body.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("BACKGROUND", (1, 0), (1, 0), colour(brand, "tint")),
                              ("LEFTPADDING", (0, 0), (0, 0), 0), ("RIGHTPADDING", (0, 0), (0, 0), 14),
                              ("TOPPADDING", (0, 0), (0, 0), PAD),
                              ("LEFTPADDING", (1, 0), (1, 0), PAD), ("RIGHTPADDING", (1, 0), (1, 0), PAD),
                              ("TOPPADDING", (1, 0), (1, 0), PAD), ("BOTTOMPADDING", (1, 0), (1, 0), PAD)]))
    return story + [body]


def _flowing(plan: CoursePlan, facts: CourseFacts, s: dict[str, ParagraphStyle], brand: Brand,
             fit: Fit) -> list[Flowable]:
    """The layout across the page: the objectives and the content, then the facts of the side column in a
    tinted box of two columns, on page one where it fits (`fit.flowing`), else over on the second page whole,
    so that page is never a stub."""
    # Two pages need bookmarks (the pack's accessibility check): one for each block a reader may look for.
    across = len(_objectives(facts)) > IN_COLUMN
    out: list[Flowable] = [Bookmark("Objectives")]
    out += _objectives_across(plan, facts, s) if across else []
    main = _main(plan, facts, s, fit.max_topics, with_objectives=not across)
    content = next(i for i, f in enumerate(main) if isinstance(f, Paragraph) and f.getPlainText() == "Content")
    out += [*main[:content], Bookmark("Content"), *main[content:]]
    half = CONTENT_W / 2
    # Each fact under a run-in heading, so the panel takes a few lines across the page's foot: who, when and
    # how in the first column; what comes before it and around its modules, and whom to book with in the
    # second, which come out about as long.
    items = _practicalities(plan, facts)
    first: list[Flowable] = [_run_in(label, lines, s, brand) for label, lines in items[:4]]
    second: list[Flowable] = [_run_in(label, lines, s, brand) for label, lines in items[4:]]
    second += _booking(plan, s, brand, fit, half - 2 * PAD, run_in=True)
    box = grid([[first, second]], s, colWidths=[half, half])
    box.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, -1), colour(brand, "tint")),
                             ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                             ("TOPPADDING", (0, 0), (-1, -1), PAD), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD)]))
    return [*out, Spacer(1, 3 * mm), Bookmark("Audience, times and booking"), box]


def _styles(brand: Brand, size: float) -> dict[str, ParagraphStyle]:
    """The PDF styles at `size`, none smaller than MIN_PT: the outline's notes and topics stay readable."""
    return {name: _at_least(style, MIN_PT) for name, style in paragraph_styles(brand, size).items()}


def _at_least(style: ParagraphStyle, points: float) -> ParagraphStyle:
    if style.fontSize >= points:
        return style
    grow = points / style.fontSize
    return ParagraphStyle(style.name, style, fontSize=points, leading=style.leading * grow)


def _objectives(facts: CourseFacts) -> list[str]:
    return [objective_item(o) for m in facts.modules for o in m.attendee_objectives]


def _objective_flowables(plan: CoursePlan, facts: CourseFacts, s: dict[str, ParagraphStyle]) -> tuple[list[Flowable], list[Flowable]]:
    """The lead-in and the bullets of every objective up to MAX_OBJECTIVES, then what says where the rest are."""
    every = _objectives(facts)
    shown = every[:MAX_OBJECTIVES]
    if not shown:
        return [Paragraph("To be defined: the modules of this course are not defined yet.", s["placeholder"])], []
    rest: list[Flowable] = []
    if len(every) > len(shown):
        rest.append(Paragraph(f"And {len(every) - len(shown)} more: see the course specification, which lists every "
                              "objective of every module.", s["small"]))
    return [Paragraph(text(say(plan, "course.outline_objectives")), s["body"]), *bullets(shown, s["bullet"])], rest


def _objectives_across(plan: CoursePlan, facts: CourseFacts, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Many objectives: the page's width, in two columns (read down the first, then the second), so every one
    fits without pushing the content off the page."""
    bullet = s["bullet"]  # set a little closer than the column's bullets: the width makes most one line
    small = max(MIN_PT, bullet.fontSize * 0.9)
    compact = ParagraphStyle("objective", bullet, fontSize=small, leading=small * 1.24, spaceAfter=small * 0.13)
    listed, rest = _objective_flowables(plan, facts, {**s, "bullet": compact})
    lead, items = listed[0], listed[1:]
    half = (len(items) + 1) // 2
    columns = grid([[items[:half], items[half:]]], s, colWidths=[CONTENT_W / 2, CONTENT_W / 2])
    columns.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (0, 0), 10), ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    return [Paragraph("Objectives", _flush(s["h2"])), lead, columns, *rest, Spacer(1, 2 * mm)]


def _main(plan: CoursePlan, facts: CourseFacts, s: dict[str, ParagraphStyle], max_topics: int,
          with_objectives: bool | None = None) -> list[Flowable]:
    out: list[Flowable] = []
    if with_objectives is None:  # few: in the main column, beside the audience; else above it
        with_objectives = len(_objectives(facts)) <= IN_COLUMN
    if with_objectives:
        listed, rest = _objective_flowables(plan, facts, s)
        out += [Paragraph("Objectives", _flush(s["h2"])), *listed, *rest]
    out.append(Paragraph("Content", s["h2"] if out else _flush(s["h2"])))
    # Each topic as its slide heads it: an attendee sees these titles on the day, not the strategy's headings.
    topics = {mp.module.ref: tuple(t.slide_title or t.title for t in mp.topics)
              for section in plan.sections for mp in section.modules}
    for m in facts.modules:
        out += _module(m, topics.get(m.ref) or m.content, s, max_topics)
    # Each process with the minutes the deck and the guide give it, and the pairs question that takes a few of
    # them (the fourth review: 10, 10, 10 and 5 here against 8, 8, 9, 5 and a 5-minute question there).
    parts = []
    for section in (s for s in plan.sections if s.awareness and not s.omitted):
        given = activity_shares(section.awareness)
        parts += [f"{a.process.in_titles} ({format_minutes(a.minutes - share)})"
                  for a, share in zip(section.awareness, given)]
        if any(given):
            parts.append(f"{say(plan, 'course.outline_activity')} ({format_minutes(sum(given))})")
    if parts:
        out.append(Paragraph(f"<b>Also, in brief:</b> {text(keep_times(', '.join(parts)))}", s["small"]))
    return out


def _module(m: ModuleFacts, topics: Sequence[str], s: dict[str, ParagraphStyle], max_topics: int) -> list[Flowable]:
    # The name first, for the attendee; the code after it, as the joining instructions and certificate cite it.
    head = f"<b>{text(m.name)}</b> ({text(m.ref)})"
    if m.pending:
        return [Paragraph(head, s["body"]), Paragraph(PENDING, s["placeholder"]), Spacer(1, 4)]
    head += f" \u00b7 {text(keep_times(m.planned or m.duration_range))}"
    return [Paragraph(head, s["lead_in"]), Paragraph(text(_topics(topics, max_topics)), s["small"]), Spacer(1, 5)]


def _topics(content: Sequence[str], limit: int) -> str:
    """Topics on one line; with a limit, the first `limit` and a count of the rest."""
    if not limit or len(content) <= limit:
        return " \u00b7 ".join(content)
    return " \u00b7 ".join(content[:limit]) + f" \u00b7 and {len(content) - limit} more topics"


def _planned(facts: CourseFacts) -> str:
    """What a booker needs: the time this course takes (a draft says what it cannot count yet)."""
    pending = total_text(facts) != facts.total_range
    return facts.total_planned + (" plus the modules still to be defined" if pending else "")


def _practicalities(plan: CoursePlan, facts: CourseFacts) -> list[tuple[str, list[str]]]:
    """The facts a booker needs, each a label and its lines as markup: who the course is for, its time, its
    days, its delivery, what comes before it, and (last) what takes time besides its modules."""
    entry = "; ".join(facts.entry_requirements) or "No entry requirements"
    time = f"{_planned(facts)} of training over {facts.days}"
    if facts.optional_extras:
        time += f". If time allows, the course adds the optional {'; '.join(facts.optional_extras)}."
    around = " \u00b7 ".join(f"{text(title)} <b>{text(keep_times(minutes))}</b>"
                              for title, minutes in _around_modules(plan, facts))
    return [("Target audience", [text(facts.audience_line)]), ("Time", [text(keep_times(time))]),
            ("Timetable", _days(plan)), ("Delivery", [text(say(plan, "course.delivery"))]),
            ("Before the course", [text(entry)]),
            (say(plan, "course.outline_structure_days" if plan.timetable.days > 1 else "course.outline_structure"),
             [around])]


def _headed(items: Sequence[tuple[str, list[str]]], s: dict[str, ParagraphStyle], first: bool = True) -> list[Flowable]:
    """The side column's facts, each under a heading; `first`: the first heading sits at the column's top. The
    audience is read first, in body type; the rest in small."""
    out: list[Flowable] = []
    for label, lines in items:
        out.append(Paragraph(text(label), _flush(s["h2"]) if first and not out else s["h2"]))
        style = s["body"] if label == "Target audience" else s["small"]
        out += [Paragraph(line, style) for line in lines]
    return out


def _run_in(label: str, lines: Sequence[str], s: dict[str, ParagraphStyle], brand: Brand) -> Paragraph:
    """A fact with its label run in, in the headings' colour: "Time: 5 h 45 min ..."; lines after the first
    break under it (a timetable's days)."""
    head = f'<font color="#{colour(brand, "secondary").hexval()[2:]}"><b>{text(label)}:</b></font>'
    return Paragraph(f"{head} " + "<br/>".join(lines), _panel(s))


def _panel(s: dict[str, ParagraphStyle]) -> ParagraphStyle:
    small = s["small"]
    return ParagraphStyle("panel", small, spaceAfter=small.fontSize * 0.55)


def _booking(plan: CoursePlan, s: dict[str, ParagraphStyle], brand: Brand, fit: Fit, inner: float,
             run_in: bool = False) -> list[Flowable]:
    """Whom to book with: the booking slot's first few contacts under a heading (`run_in`: a bold label), each
    on the fit's lines."""
    slot = _first_few(plan, slot_text(plan, plan.slot_for("booking"), stacked=True), fit.max_contacts)
    slot = attrs.evolve(slot, lines=tuple(_on_lines(line, fit.contact_lines) for line in slot.lines))
    if run_in and slot.filled:  # the LA's lines under the label; a placeholder keeps its box, unmistakable
        return [_run_in("To book a place", ["", *(text(line).replace("\n", "<br/>") for line in slot.lines)],
                        s, brand)]
    head = _run_in("To book a place", [], s, brand) if run_in else Paragraph("To book a place", s["h2"])
    return [head, slot_flowable(slot, s, brand, inner)]


def _around_modules(plan: CoursePlan, facts: CourseFacts) -> list[tuple[str, str]]:
    """The parts of the course that take time of their own outside its modules (the content gives each module's
    time), so that with the modules they add up to the course's time: the days' closes and welcome backs among
    them, and the common messages a module's section adds, each where it comes in the day (the review: the key
    messages listed after the close read as out of order) and by its title (the review: "Key message after
    IW01" was the build's wording, not an attendee's). A scenarios section whose exercises run inside the
    modules is the trainer's business."""
    messages = {s.title: s for s in plan.sections if s.modules and not s.omitted}
    # The processes taken in brief are given, with their minutes, under the content ("Also, in brief: ..."):
    # their section again here read as twenty more minutes (the fourth review).
    in_brief = {s.title for s in plan.sections if s.awareness and not s.omitted}
    parts: list[tuple[str, str]] = []
    for title, time in facts.sections:
        if title in in_brief:
            continue
        if (section := messages.get(title)) is None:
            parts += [(title, time)] if time != WITHIN_MODULES else []
        elif section.message_minutes:
            key = "course.outline_messages" if len(section.messages) > 1 else "course.outline_message"
            titles = " and ".join(f"\u201c{m.title}\u201d" for m in section.messages)
            parts.append((say(plan, key, titles=titles), format_minutes(section.message_minutes)))
    return parts


def _days(plan: CoursePlan) -> list[str]:
    """Each day's hours, the modules it teaches and its breaks, as markup: "<b>Day 2</b>: 09:00–15:15 · IS03 ·
    break 10:30–10:45 · lunch 12:15–13:00"; a module that began the day before says it goes on ("IS02
    (continued)"). One day: its hours and breaks alone, "09:00–11:30 · break 10:15–10:30" (the review:
    "09:00–11:30 · IW01" read as if IW01 filled the morning; the content above gives the modules)."""
    timetable = plan.timetable
    lines, seen = [], set()
    for day, (start, end) in enumerate(timetable.day_hours, start=1):
        refs = list(dict.fromkeys(r.module_ref for r in timetable.rows if r.day == day and r.module_ref))
        taught = [say(plan, "course.outline_continued", ref=ref) if ref in seen else ref for ref in refs]
        pauses = _pauses(plan, [r for r in timetable.rows if r.day == day and r.is_break])
        seen.update(refs)
        hours = f"{clock(start)}\u2013{clock(end)}"
        said = text(say(plan, "course.outline_day", day=str(day), hours=hours) if timetable.days > 1 else hours)
        parts = ([", ".join(taught)] if taught and timetable.days > 1 else []) + pauses
        lines.append(f"<b>{said}</b>" + "".join(f" \u00b7 {text(part)}" for part in parts))
    return lines


def _pauses(plan: CoursePlan, rows: Sequence[Row]) -> list[str]:
    """A day's breaks and lunch, compactly, by the time of the first of each kind: "breaks 10:30–10:45,
    14:30–14:45", "lunch 12:15–13:00" (the review: the timetable line showed none; every break on its own
    took a two-day course's outline over a page)."""
    kinds: dict[str, list[str]] = {}
    for row in rows:
        kinds.setdefault(row.label, []).append(f"{clock(row.start)}\u2013{clock(row.end)}")
    return [say(plan, "course.outline_pauses" if len(hours) > 1 else "course.outline_pause", pause=label.lower(),
                hours=", ".join(hours)) for label, hours in kinds.items()]


def _on_lines(stacked: str, most: int) -> str:
    """A stacked contact ("who\nphone\ne-mail") on at most `most` lines: the last lines joined on one."""
    lines = stacked.split("\n")
    if len(lines) <= most:
        return stacked
    keep, rest = lines[:most - 1], lines[most - 1:]
    return "\n".join([*keep, (", " if most == 1 else " \u00b7 ").join(rest)])


def _first_few(plan: CoursePlan, slot: SlotText, most: int) -> SlotText:
    """A long contact list cut to its first `most` and a pointer to the rest: the outline stays one page."""
    if not slot.filled or len(slot.lines) <= most + 1:
        return slot
    more = say(plan, "course.more_contacts", count=str(len(slot.lines) - most))
    return attrs.evolve(slot, lines=(*slot.lines[:most], more))


def _flush(style: ParagraphStyle) -> ParagraphStyle:
    """The style without space above: the first heading of a column sits at the column's top."""
    return ParagraphStyle(style.name + "_flush", style, spaceBefore=0)


register(OutlineRenderer())
