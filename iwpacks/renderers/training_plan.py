"""training-plan.pdf, at the root of every pack: the strategy's Appendix 1 and its lost pictures, drawn.

The seed's "integrated programme" and its three "Suggested training routes" survive only as headings. This
draws them from the content as vector diagrams (real text, searchable): the programme as a matrix of
processes and audiences, each route from the courses' entry requirements, with courses that build on the same
earlier course side by side as branches; then the catalogue of every course with its length.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from iwpacks.model import Diagram, MatrixRow
from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.plan import plan_course
from iwpacks.planning.routes import training_route
from iwpacks.planning.timetable import clock
from iwpacks.renderers._diagram_layout import Figure, Target, lay_out
from iwpacks.renderers._diagram_pdf import FigureFlowable
from iwpacks.renderers._facts import course_facts
from iwpacks.renderers._local import CoverIdentity
from iwpacks.renderers._slots import describe_value
from iwpacks.renderers._pdf import (
    CONTENT_W,
    Heading,
    PageDecor,
    PdfInfo,
    build_pdf,
    colour,
    cover_block,
    grid,
    paragraph_styles,
    text,
)

if TYPE_CHECKING:

    from iwpacks.model import Audience, Brand, Course, Process, Programme
    from iwpacks.planning.plan import CoursePlan
    from iwpacks.planning.routes import RouteStep

FILENAME = "training-plan.pdf"
# Short enough to follow the cover and its panel on page one; the cells' module lists still fit at 8.5 pt.
MATRIX = Target(CONTENT_W, 316, 10, 8.5, 7)
# Routes on the page: boxes wide enough for a course's name on one line ("The Common Assessment Framework"), so
# a box holds two lines, name and length, and stacks close; the routes and the catalogue then fill four pages
# of an LA's plan, not five with the last a third full.
ROUTE = Target(CONTENT_W, 100, 11, 10, 7.5, route_width=0.42, stack_gap=5)
TABLE_START = 150  # points: room for a table's heading, its intro, its header row and first rows


def render_training_plan(programme: Programme, brand: Brand, release: bool = False) -> bytes:
    """The training plan as PDF bytes: a pure function of the programme, the brand and `release`.

    A release pack (every LA pack) names only the courses it can deliver; the policy team's master shows the
    courses still to be defined too, marked so.
    """
    release = release or programme.localisation is not None
    local = programme.localisation
    identity = CoverIdentity(local.display_name, local.logo_image) if local is not None else CoverIdentity(None, None)
    label = _say(programme, "training_plan.label")
    # The plan's own title: the review found the strategy's ("Supporting integrated working: ...") on an LA's
    # plan, as if it were the DfES document; the intro names the strategy as its source.
    title = _say(programme, "training_plan.title")
    decor = PageDecor(brand=brand, label=label, title=title, draft=False, local=identity)
    info = PdfInfo(title=title, author=brand.name,
                   subject="The training programme by audience, suggested training routes and the course catalogue",
                   keywords=("training plan", "training routes", "course catalogue"))
    courses = [c for c in programme.courses.values() if not (release and c.is_pending)]
    data, _pages = build_pdf(lambda: _story(programme, brand, courses, identity, release), decor, info,
                             show_outline=True)
    return data


def booking_contact(programme: Programme) -> str:
    """The LA's booking contacts as one line (the slot the closing slide and the outline show), or "" in the
    master pack, which has no LA to book with."""
    local = programme.localisation
    slot_id = next((s.id for s in programme.slots.values() if s.role == "booking"), None)
    value = local.slots.get(slot_id) if local is not None and slot_id is not None else None
    if not value:
        return ""
    if isinstance(value, str):
        return value
    # The cover names the first few; a list as long as the limits allow would push the plan off its cover.
    shown = value if len(value) <= PLAN_CONTACTS + 1 else value[:PLAN_CONTACTS]
    more = ([_say(programme, "course.more_contacts", count=str(len(value) - len(shown)))]
            if len(shown) < len(value) else [])
    return "; ".join([*(describe_value(item) for item in shown), *more])


PLAN_CONTACTS = 2


def _say(programme: Programme, key: str, **values: str) -> str:
    return programme.guide_text[key][0].format_map(values)


def _later(programme: Programme, release: bool) -> str:
    """How a module or course not yet defined is marked: a training officer reading a release pack needs to
    know it is not available yet, not that the strategy still has to define it."""
    return _say(programme, "training_plan.in_development")


def _story(programme: Programme, brand: Brand, courses: list[Course], identity: CoverIdentity,
           release: bool = False) -> list[Flowable]:
    s = paragraph_styles(brand)
    lines = [text(_say(programme, "training_plan.for_la", name=identity.name) if identity.name
                  else _say(programme, "training_plan.for_master"))]
    booking = booking_contact(programme)
    if booking:  # the plan travels on its own: whoever reads it can book from it
        lines.append(text(_say(programme, "training_plan.booking", contact=booking)))
    # The band at the head of every page names the plan; the cover block leaves its kicker out, not to say it twice.
    story: list[Flowable] = [cover_block("", _say(programme, "training_plan.title"), lines, s, brand),
                             Spacer(1, 10), Paragraph(text(_say(programme, "training_plan.intro", source=programme.source_document)), s["body"]),
                             _how_to_use(programme, brand, s)]
    story += _programme(programme, brand, courses, s, release)
    story += _routes(programme, brand, s, release)
    story += _catalogue(programme, brand, courses, s)
    return story


def _how_to_use(programme: Programme, brand: Brand, s: dict[str, ParagraphStyle]) -> Flowable:
    """Who the plan is for and how to read it, in a tinted panel under the cover: with the programme matrix
    after it, page one carries the plan itself, not a cover alone."""
    cells = [[Paragraph(_lead_in_bold(_say(programme, key)), s["cell"])] for key in ("training_plan.audience",
                                                                                        "training_plan.reading")]
    panel = grid(cells, s, colWidths=[CONTENT_W])
    panel.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colour(brand, "tint")),
                               ("LINEBEFORE", (0, 0), (0, -1), 3, colour(brand, "primary")),
                               ("LEFTPADDING", (0, 0), (-1, -1), 9), ("TOPPADDING", (0, 0), (-1, -1), 3),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return panel


def _lead_in_bold(words: str) -> str:
    """'Who it is for: ...' as markup with its lead-in, up to the first colon, in bold."""
    lead, colon, rest = words.partition(": ")
    return f"<b>{text(lead)}:</b> {text(rest)}" if colon else text(words)


def _programme(programme: Programme, brand: Brand, courses: list[Course], s: dict[str, ParagraphStyle],
               release: bool = False) -> list[Flowable]:
    processes = list(programme.processes.values())
    # Every course of Appendix 1, also one not in this pack yet: the plan is the whole programme.
    by_cell = {(c.audience, c.process): c for c in programme.courses.values() if c.in_appendix}  # not one beyond it
    later = _later(programme, release)
    names = "; ".join(f"{p.name} ({p.short_name})" for p in processes)  # spelled out before the columns use them
    rows = [MatrixRow(label=a.name, cells=[_cell(programme, by_cell.get((a.id, p.id)), later)
                                           + _overview(programme, a.id, p, by_cell.get((a.id, p.id)))
                                           for p in processes])
            for a in programme.audiences.values()]
    diagram = Diagram(kind="matrix", title=_say(programme, "training_plan.programme_heading"),
                      columns=[p.short_name for p in processes], rows=rows)
    heading = Heading(diagram.title, s["h1"])
    intro = Paragraph(text(_say(programme, "training_plan.programme_intro", processes=names)), s["lead_in"])
    return [heading, intro, FigureFlowable(lay_out(diagram, brand, MATRIX), brand), *_local_note(programme, s),
            *_beyond_appendix(programme, s, release), *_module_key(programme, brand, s, release)]


def _local_note(programme: Programme, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Under the matrix, the courses the LA adds: they have no cell in Appendix 1, so the grid alone left a
    reader of the routes and the catalogue to wonder where "CAF for school staff" came from."""
    local = programme.localisation
    own = [c for c in programme.courses.values() if c.is_local and not c.is_pending]
    if local is None or not own:
        return []
    courses = "; ".join(_say(programme, "training_plan.local_course", title=c.title, modules=", ".join(c.modules),
                             audience=in_sentence(programme.audiences[c.audience].name)) for c in own)
    return [Paragraph(text(_say(programme, "training_plan.local_note", la=local.display_name, courses=courses)),
                      s["body"])]


def in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: "Practitioners" -> "practitioners"; one that starts with an
    abbreviation keeps it ("IS officers, ...")."""
    first = name.split(" ", 1)[0]
    return name[:1].lower() + name[1:] if first[1:] == first[1:].lower() else name


def _marked(programme: Programme, name: str, local: bool) -> str:
    """An LA's own course or module marked so wherever the plan names it: "CAF for school staff (local)"."""
    return _say(programme, "training_plan.local_mark", name=name) if local else name


def _overview(programme: Programme, audience: str, process: Process, course: Course | None) -> str:
    """Under a dash, the module of the audience's other courses that gives an overview of the process
    ("Overview of the CAF" is a topic of IW02): a senior manager reading a row of dashes otherwise takes it
    that the programme never mentions the CAF to them."""
    if course is not None:
        return ""
    topic = f"overview of {process.in_titles}".lower()
    for other in programme.courses.values():
        if other.audience != audience or not other.in_appendix:
            continue
        for ref in (r for section in other.sections for r in section.modules):
            if any(item.lower() == topic for item in programme.modules[ref].content_read):
                return "\n" + _say(programme, "training_plan.cell_overview", ref=ref)
    return ""


def _cell(programme: Programme, course: Course | None, later: str) -> str:
    """The cell as Appendix 1 writes it (the plan presents the strategy's table), marked where the course
    delivers more, which the note under the table explains."""
    if course is None:
        return "\u2013"
    cell = ", ".join(course.appendix_modules)
    if course.added_modules:
        cell += "\n" + _say(programme, "training_plan.cell_differs", added=", ".join(course.added_modules))
    return cell + (f"\n{later}" if course.is_pending else "")


def _beyond_appendix(programme: Programme, s: dict[str, ParagraphStyle], release: bool = False) -> list[Flowable]:
    """Under the table, for each course that delivers modules its cell does not list: what it adds and why,
    under a heading of its own (a paragraph of reasons with none read as if it had strayed from elsewhere)."""
    notes: list[Flowable] = []
    for c in programme.courses.values():
        if not c.added_modules:
            continue
        reason, slips = _read_sic(c.beyond_appendix) if release else (c.beyond_appendix, [])
        notes.append(Paragraph(text(_say(programme, "training_plan.beyond_appendix", course=c.title,
                                         added=", ".join(c.added_modules), reason=reason)), s["lead_in"]))
        notes += [Paragraph(text(_say(programme, "training_plan.sic_note", printed=printed, reading=reading)),
                            s["small"]) for printed, reading in slips]
    return [Heading(_say(programme, "training_plan.beyond_heading"), s["h2"], level=1), *notes] if notes else []


SIC = re.compile(r"(\S+) \[sic: ([^\]]+)\]")  # "CA01 [sic: CAF01]": the strategy's slip, and what it means


def _read_sic(words: str) -> tuple[str, list[tuple[str, str]]]:
    """A release plan's reader reads the module meant ("CAF01*"), with a footnote for each slip: a draft keeps
    the editors' "[sic: ...]" (the review: "CA01 [sic: CAF01]" in a training officer's plan)."""
    slips = [(m.group(1), m.group(2)) for m in SIC.finditer(words)]
    return SIC.sub(lambda m: f"{m.group(2)}*", words), slips


def _module_key(programme: Programme, brand: Brand, s: dict[str, ParagraphStyle], release: bool = False
                ) -> list[Flowable]:
    """Each module reference the matrix uses, with its name: the key a reader needs to read the codes. A
    release pack says once, under the table, which are not yet available, rather than on every such row."""
    later = "" if release else " " + _say(programme, "training_plan.in_development")
    head = [Paragraph(text(h), s["cell_head"]) for h in programme.guide_text["training_plan.modules_columns"]]
    blank: list[Paragraph | str] = ["", ""]
    cells: list[list[Paragraph | str]] = [
        [Paragraph(text(m.ref), s["cell_bold"]),
         Paragraph(text(_marked(programme, f"{m.name}{later}" if m.is_pending else m.name, m.is_local)), s["cell"])]
        for m in programme.modules.values()]
    # Two modules a row, in reference order across: the names are short, and a column of them down the page
    # took half a page of white beside it, which pushed the plan onto a fifth page.
    pairs = [[*cells[i], "", *(cells[i + 1] if i + 1 < len(cells) else blank)] for i in range(0, len(cells), 2)]
    table = grid([[*head, "", *head], *pairs], s, colWidths=[CONTENT_W * f for f in MODULE_WIDTHS], repeatRows=1)
    table.setStyle(_table_style(brand))
    table.setStyle(TableStyle([("BACKGROUND", (2, 0), (2, -1), colour(brand, "background")),
                               ("TOPPADDING", (0, 1), (-1, -1), 2), ("BOTTOMPADDING", (0, 1), (-1, -1), 2)]))
    # The plan goes out on its own, with no glossary beside it: the abbreviations in module names, spelled out.
    names = " ".join(m.name for m in programme.modules.values())
    spelled = [f"{t.stands_for} ({t.term})" for t in programme.glossary
               if t.stands_for and re.search(rf"(?<!\w){re.escape(t.term)}(?!\w)", names)]
    intro = _say(programme, "training_plan.modules_intro") + (
        " " + _say(programme, "training_plan.abbreviations", terms="; ".join(spelled)) if spelled else "")
    # Not kept with its intro (a "lead_in"): a table kept with the paragraph before it moves to the next page
    # whole wherever it does not fit, and leaves the page before part empty; it runs on, its header repeated.
    pending = [m.ref for m in programme.modules.values() if m.is_pending]
    after = ([Paragraph(text(_say(programme, "training_plan.modules_in_development",
                                  modules=", ".join(ref_runs(pending, list(programme.modules))))),
                        s["body"])] if release and pending else [])
    return [CondPageBreak(TABLE_START), Heading(_say(programme, "training_plan.modules_heading"), s["h2"], level=1),
            Paragraph(text(intro), s["body"]), table, *after]


REF = re.compile(r"([A-Z]+)(\d+)$")


def ref_runs(refs: list[str], order: list[str]) -> list[str]:
    """Module references with each run of three or more that follow each other in `order` (the programme's)
    and in number as one range: "LP03", "ISI01–ISI10" rather than ten references that took two lines."""
    out: list[list[str]] = []
    for ref in refs:
        last = out[-1][-1] if out else None
        if last is not None and _follows(last, ref, order):
            out[-1].append(ref)
        else:
            out.append([ref])
    shown: list[str] = []
    for run in out:
        shown += [f"{run[0]}\u2013{run[-1]}"] if len(run) >= 3 else run
    return shown


def _follows(last: str, ref: str, order: list[str]) -> bool:
    a, b = REF.match(last), REF.match(ref)
    return (a is not None and b is not None and a.group(1) == b.group(1) and int(b.group(2)) == int(a.group(2)) + 1
            and order.index(ref) == order.index(last) + 1)


MODULE_WIDTHS = (0.095, 0.40, 0.01, 0.095, 0.40)  # reference and name, a gap, reference and name


def _table_style(brand: Brand) -> TableStyle:
    return TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colour(brand, "primary")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colour(brand, "background"), colour(brand, "tint")]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])


def _routes(programme: Programme, brand: Brand, s: dict[str, ParagraphStyle], release: bool = False
            ) -> list[Flowable]:
    """Each audience's route through all its courses, as the matrix lists them: one still in development is
    marked so (the review: the trainers' route left out their lead professional course, whose LP01 and LP02
    are ready, and only its LP03 is not), not left out, which read as if the audience had no such course."""
    later = _say(programme, "training_plan.in_development")
    # The routes run on after the module key rather than from a new page, which left the page before half
    # empty: the heading and its intro keep with the first route, and each route is kept whole.
    lead: list[Flowable] = [Heading(_say(programme, "training_plan.routes_heading"), s["h1"]),
                            Paragraph(text(_say(programme, "training_plan.routes_intro")), s["body"])]
    # The strategy's routes first, in Appendix 1's order, then ours: a reader meets the strategy's own before
    # the ones the plan adds.
    routes = [(audience, steps) for audience in sorted(programme.audiences.values(), key=lambda a: a.route_ours)
              if audience.route_heading and (steps := list(training_route(programme, audience.id)))]
    drawn = [(audience.id, _route_diagram(programme, audience, steps, later)) for audience, steps in routes]
    figures = dict(zip((aid for aid, _ in drawn), route_figures([d for _, d in drawn], brand)))
    out: list[Flowable] = []
    for audience, steps in routes:
        # The audience's name heads its route, as it heads its row of the matrix and its courses in the
        # catalogue: the strategy's headings, capitalised unevenly, are quoted under it; ours says whose it is.
        # A release plan leaves out the strategy's heading: a training officer needs the route, not where the
        # strategy's words for it differ (the review: "The strategy's Appendix 1 heads this route ..." three times).
        caption = (_say(programme, "training_plan.route_ours") if audience.route_ours
                   else "" if release else _say(programme, "training_plan.route_source", heading=audience.route_heading))
        route: list[Flowable] = [Heading(audience.name, s["h2"], level=1)]
        route += [Paragraph(text(caption), s["small"])] if caption else []
        route.append(FigureFlowable(figures[audience.id], brand))
        out.append(KeepTogether([*(lead if not out else []), *route]))
    return out or lead


def _route_diagram(programme: Programme, audience: Audience, steps: list[RouteStep], later: str) -> Diagram:
    """The route as stages: each course at the depth of the longest chain of courses it builds on."""
    depth: dict[str, int] = {}
    for step in steps:  # in route order, so every course it builds on already has its depth
        depth[step.course.id] = 1 + max((depth[a] for a in step.after if a in depth), default=-1)
    stages = [tuple(_box_label(programme, step.course, later) for step in steps if depth[step.course.id] == level)
              for level in range(max(depth.values()) + 1)]
    return Diagram(kind="route", title=audience.route_heading, stages=stages)


ROUTE_BOX = 28  # the depth of a course's box in a route, in points: its name on a line and its length below
ROUTE_GAP = ROUTE.stack_gap  # between boxes one above the other (as the route layout spaces them)


def route_figures(diagrams: list[Diagram], brand: Brand) -> list[Figure]:
    """Each route laid out deep enough for its tallest stack of courses, and every course's name in one size
    across the plan's routes. The review: four courses stacked in the canvas of one left the CAF course's
    name too long for its box and shrunk to the smallest size, far smaller than its neighbours'."""
    def target(diagram: Diagram, size: float) -> Target:
        most = max(len(stage) for stage in diagram.stages)
        return attrs.evolve(ROUTE, height=max(ROUTE.height, most * ROUTE_BOX + (most - 1) * ROUTE_GAP),
                            label_size=size)

    first = [lay_out(d, brand, target(d, ROUTE.label_size)) for d in diagrams]
    size = min((b.size for f in first for b in f.boxes), default=ROUTE.label_size)
    return [lay_out(d, brand, target(d, size)) for d in diagrams]


def _short_title(programme: Programme, course: Course) -> str:
    """The course's title without " for <its audience>", where a heading above it names the audience:
    "Information sharing" under "Trainers". A title the audience's name ends in any other case loses it too
    ("... for IS officers, professional advisors ..." beside the audience's "IS officers, ...")."""
    suffix = f" for {programme.audiences[course.audience].name}"
    title = course.title
    return title[:-len(suffix)] if title.lower().endswith(suffix.lower()) else title


def _route_name(programme: Programme, course: Course) -> str:
    return _marked(programme, _short_title(programme, course), course.is_local)


def _box_label(programme: Programme, course: Course, later: str) -> str:
    """The course's name without its audience, which the route's heading gives, and its length below it; for a
    course still to be defined, `later`: "(in development)", in every plan."""
    name = _route_name(programme, course)
    if course.is_pending:
        return f"{name}\n{later}"
    return f"{name}\n{course_facts(plan_course(programme, course.id)).days}"


def _length(programme: Programme, plan: CoursePlan) -> str:
    """The course's span as a booking reads it, with each day's hours: "2 half days: 09:00-12:30 and
    09:00-12:40". The hours show what the span means (a day has a lunch, a half day none); the training time
    beside it, breaks and lunch left out, compares courses whatever their span."""
    hours = [f"{clock(start)}\u2013{clock(end)}" for start, end in plan.timetable.day_hours]
    times = hours[0] if len(hours) == 1 else ", ".join(hours[:-1]) + " and " + hours[-1]
    return _say(programme, "training_plan.length", span=plan.timetable.span, hours=times)


CATALOGUE_SIZE = 9.5  # points: the catalogue is what a training officer books from, read at arm's length
CATALOGUE_WIDTHS = (0.37, 0.30, 0.13, 0.20)  # course, days and hours, training time, modules
KEEP_ROWS = 3  # the catalogue's heading starts a page only with its intro, the header and this many rows


def _catalogue(programme: Programme, brand: Brand, courses: list[Course], s: dict[str, ParagraphStyle]
               ) -> list[Flowable]:
    """Every course with its days, hours and training time, under its audience: a training officer finds the
    audience, then its courses. The audience heads its rows rather than filling a column of its own beside
    each: the names of the longer audiences wrapped every row they stood in onto five lines."""
    cell = ParagraphStyle("catalogue", s["cell"], fontSize=CATALOGUE_SIZE, leading=CATALOGUE_SIZE * 1.25)
    bold = ParagraphStyle("catalogue_bold", cell, fontName=s["cell_bold"].fontName)
    head = ParagraphStyle("catalogue_head", bold, textColor=s["cell_head"].textColor)
    group = ParagraphStyle("catalogue_group", bold, textColor=colour(brand, "primary"))
    rows: list[list[Paragraph | str]] = [[Paragraph(text(h), head)
                                           for h in programme.guide_text["training_plan.catalogue_columns"]]]
    groups: list[int] = []
    continued: dict[int, list[Paragraph | str]] = {}  # a group's row as a later page repeats it
    for audience in programme.audiences.values():
        own = [c for c in courses if c.audience == audience.id]
        if not own:
            continue
        groups.append(len(rows))
        again = _say(programme, "training_plan.group_continued", audience=audience.name)
        continued[len(rows)] = [Paragraph(text(again), group), "", "", ""]
        rows.append([Paragraph(text(audience.name), group), "", "", ""])
        rows += [[Paragraph(text(c), bold if i == 0 else cell) for i, c in enumerate(_catalogue_row(programme, course))]
                 for course in own]
    widths = [CONTENT_W * f for f in CATALOGUE_WIDTHS]
    table = _catalogue_table(rows, groups, continued, brand, s, widths)
    heading = Heading(_say(programme, "training_plan.catalogue_heading"), s["h1"])
    intro = Paragraph(text(_say(programme, "training_plan.catalogue_intro")), s["body"])
    # The heading, its intro, the header and the first rows start the catalogue together, on the next page
    # where they do not fit; the table then runs on over the page with its header repeated.
    first = grid(rows[:1 + KEEP_ROWS + 1], s, colWidths=widths)
    first.setStyle(_catalogue_style(brand, [g for g in groups if g <= 1 + KEEP_ROWS], len(rows[:1 + KEEP_ROWS + 1])))
    return [CondPageBreak(_height([heading, intro, first])), heading, intro, table]


@attrs.frozen
class _Groups:
    """What a catalogue table needs to start a further page with the audience its rows run on under."""

    rows: list[list[Paragraph | str]]
    groups: list[int]  # the rows that head an audience's courses
    continued: dict[int, list[Paragraph | str]]  # each of those rows as a later page repeats it
    brand: Brand
    styles: dict[str, ParagraphStyle]
    widths: list[float]


def _catalogue_table(rows: list[list[Paragraph | str]], groups: list[int],
                     continued: dict[int, list[Paragraph | str]], brand: Brand, styles: dict[str, ParagraphStyle],
                     widths: list[float]) -> CatalogueTable:
    table = CatalogueTable(rows, colWidths=widths, repeatRows=1,
                           catalogue=_Groups(rows, groups, continued, brand, styles, widths))
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles["body"].fontName)]))
    table.setStyle(_catalogue_style(brand, groups, len(rows)))
    return table


class CatalogueTable(Table):
    """The catalogue's table, which runs on over the page with its header repeated and, where a page breaks
    inside an audience's courses, that audience's row again ("Practitioners (continued)"): a page of courses
    with no audience above them left the reader to turn back. An audience's row never stands alone at a
    page's foot (NOSPLIT in its style). reportlab makes the parts of a split with this class and Table's own
    arguments: those parts have no `catalogue` and split as a Table does."""

    def __init__(self, *args: object, catalogue: _Groups | None = None, **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.catalogue = catalogue

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        own = self.catalogue
        if own is None or len(parts) != 2:
            return parts
        n = len(parts[0]._cellvalues)  # type: ignore[attr-defined]  # the rows on this page, the header among them
        # The next page starts with an audience's own row, or with the row of the audience it runs on under.
        group = max(g for g in own.groups if g <= n)
        lead = [] if group == n else [own.continued[group]]
        offset = 1 + len(lead) - n  # where a row of this table stands in the rest
        continued = {g + offset: row for g, row in own.continued.items() if g >= n}
        if lead:
            continued[1] = own.continued[group]
        rest = [own.rows[0], *lead, *own.rows[n:]]
        # The rest is a catalogue table too, so that where it goes over a further page it does the same.
        return [parts[0], _catalogue_table(rest, sorted(continued), continued, own.brand, own.styles, own.widths)]


def _catalogue_row(programme: Programme, course: Course) -> tuple[str, str, str, str]:
    """A course's row under its audience: its name without the audience (as its route's box gives it), its
    days and hours, its training time and its modules."""
    name = _route_name(programme, course)
    if course.is_pending:
        return name, _say(programme, "training_plan.in_development"), "", ", ".join(course.modules)
    plan = plan_course(programme, course.id)
    return name, _length(programme, plan), format_minutes(plan.planned_minutes), ", ".join(course.modules)


def _catalogue_style(brand: Brand, groups: list[int], count: int) -> TableStyle:
    """The header in the brand's colour, each audience's row tinted across the table, a rule under each course."""
    style = TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colour(brand, "primary")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, colour(brand, "tint")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
    for row in groups:
        style.add("SPAN", (0, row), (-1, row))
        style.add("BACKGROUND", (0, row), (-1, row), colour(brand, "tint"))
        style.add("TOPPADDING", (0, row), (-1, row), 5)
        if row + 1 < count:  # the audience's row goes over the page with its first course
            style.add("NOSPLIT", (0, row), (-1, row + 1))
    return style


def _height(flowables: list[Flowable]) -> float:
    """The points these flowables take one after the other down the page's width, their spacing included."""
    total = 0.0
    for flowable in flowables:
        total += flowable.wrap(CONTENT_W, 10_000)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total
