"""Draws one course's evaluation summary as a PDF: confidence before and after (chart and figures), the
ratings, the agencies that came, and what attendees wrote. Not a pack artefact: made from returned forms."""
from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from iwpacks.renderers._facts import mid_sentence
from iwpacks.renderers._forms import course_objectives
from iwpacks.renderers._local import cover_identity
from iwpacks.renderers._pdf import (
    CONTENT_W,
    Heading,
    PageDecor,
    PdfInfo,
    build_pdf,
    bullets,
    colour,
    grid,
    paragraph_styles,
    register_family,
    text,
)

if TYPE_CHECKING:
    from iwpacks.model import Brand
    from iwpacks.planning.evaluation import EvaluationSummary, Scores

LABEL = "Evaluation summary"
MOST_COMMENTS = 4     # of each kind: the page is a summary, the returns hold the rest
LONGEST_COMMENT = 220  # characters
BAR_MM = 2.2          # each objective's pair of bars


def render_summary(summary: EvaluationSummary, brand: Brand) -> bytes:
    """The summary as PDF bytes: one page for most courses, more only where attendees wrote a lot."""
    plan = summary.plan
    decor = PageDecor(brand=brand, label=LABEL, title=plan.course.title, draft=False, local=cover_identity(plan))
    info = PdfInfo(title=f"{LABEL}: {plan.course.title}", author=brand.name,
                   subject=f"Evaluation returns for {mid_sentence(plan.audience.name)}", keywords=(plan.course.id,))
    data, _ = build_pdf(lambda: _story(summary, brand), decor, info)
    return data


def mean_text(scores: Scores) -> str:
    """"4.3", or an en dash where nobody answered."""
    mean = scores.mean
    return "\u2013" if mean is None else f"{mean:.1f}"


def _story(summary: EvaluationSummary, brand: Brand) -> list[Flowable]:
    s = paragraph_styles(brand, 9)
    plan = summary.plan
    out: list[Flowable] = [Heading(LABEL, s["h1"]),
                           Paragraph(text(f"{plan.course.title}: {summary.returns} returned forms."), s["body"])]
    objectives = course_objectives(plan)
    if objectives:
        out += [Heading("Confidence in the learning objectives", s["h2"], level=1),
                Paragraph("Mean confidence from 1 (not at all) to 5 (very), before the course and after it.",
                          s["lead_in"]),
                _chart(summary, brand)]
        rows = [[Paragraph(h, s["cell_head"]) for h in ("", "Learning objective", "Before", "After", "Answers")]]
        rows += [[Paragraph(str(n), s["cell"]), Paragraph(text(o), s["cell"]), Paragraph(mean_text(b), s["cell"]),
                  Paragraph(mean_text(a), s["cell"]), Paragraph(str(a.answered), s["cell"])]
                 for n, (o, b, a) in enumerate(zip(objectives, summary.before, summary.after), 1)]
        out.append(_table(rows, [8 * mm, CONTENT_W - 68 * mm, 20 * mm, 20 * mm, 20 * mm], brand, s))
    rows = [[Paragraph(h, s["cell_head"]) for h in ("Statement", "Mean", "1", "2", "3", "4", "5", "Answers")]]
    rows += [[Paragraph(text(statement), s["cell"]), Paragraph(mean_text(scores), s["cell_bold"]),
              *[Paragraph(str(n), s["cell"]) for n in scores.counts], Paragraph(str(scores.answered), s["cell"])]
             for statement, scores in summary.ratings]
    out += [Heading("About the course", s["h2"], level=1),
            Paragraph("1 is strongly disagree, 5 strongly agree; the figures are how many gave each.", s["lead_in"]),
            _table(rows, [CONTENT_W - 100 * mm, 16 * mm, *[12 * mm] * 5, 24 * mm], brand, s)]
    if summary.agencies:
        out += [Heading("Who came", s["h2"], level=1),
                Paragraph(text("; ".join(f"{agency}: {n}" for agency, n in summary.agencies)), s["body"])]
    # What attendees wrote, side by side: a column each for what will change and what would be better.
    columns = []
    for title, comments in (("What attendees will do differently", summary.changes),
                            ("What would have made the course better", summary.better)):
        shown = [c if len(c) <= LONGEST_COMMENT else c[:LONGEST_COMMENT - 1].rsplit(" ", 1)[0] + "\u2026"
                 for c in comments[:MOST_COMMENTS]]
        cell: list[Flowable] = [Heading(title, s["h2"], level=1), *bullets(shown, s["bullet"])]
        if not comments:
            cell.append(Paragraph("Nobody wrote anything here.", s["small"]))
        elif len(comments) > MOST_COMMENTS:
            cell.append(Paragraph(f"And {len(comments) - MOST_COMMENTS} more in the returns.", s["small"]))
        columns.append(cell)
    written = grid([columns], s, colWidths=[CONTENT_W / 2] * 2)
    written.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)])
    out.append(written)
    return out


def _table(rows: list, widths: list[float], brand: Brand, s: dict) -> Flowable:
    from reportlab.platypus import TableStyle

    table = grid(rows, s, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), colour(brand, "primary")),
                               ("GRID", (0, 0), (-1, -1), 0.4, colour(brand, "tint")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _chart(summary: EvaluationSummary, brand: Brand) -> Drawing:
    """Before and after, a pair of bars per objective (numbered as in the table below), in the brand's colours
    and font (a chart's default Helvetica would not be embedded)."""
    font = register_family(brand, brand.body_font)
    count = len(summary.before)
    height = count * BAR_MM * mm * 2 + 18 * mm
    drawing = Drawing(CONTENT_W, height)
    setattr(drawing, "initialFontName", font)  # else the renderer opens with Helvetica, which is never embedded
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = int(12 * mm), int(12 * mm), int(CONTENT_W - 20 * mm), int(height - 14 * mm)
    # Top to bottom in objective order: the chart draws its first category at the bottom.
    chart.data = [[(s.mean or 0) for s in reversed(summary.before)], [(s.mean or 0) for s in reversed(summary.after)]]
    chart.categoryAxis.categoryNames = [str(n) for n in range(count, 0, -1)]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 5, 1
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName, axis.labels.fontSize = font, 8
    chart.bars[0].fillColor, chart.bars[1].fillColor = colour(brand, "accent"), colour(brand, "primary")
    chart.bars.strokeColor = None
    chart.barLabels.fontName = font
    legend = Legend()
    legend.x, legend.y, legend.fontName, legend.fontSize = int(12 * mm), int(3 * mm), font, 8
    legend.alignment, legend.columnMaximum, legend.deltax = "right", 1, 70
    legend.colorNamePairs = [(colour(brand, "accent"), "Before the course"), (colour(brand, "primary"), "After")]
    drawing.add(chart)
    drawing.add(legend)
    return drawing
