"""The trainer guide's course specification and session plan sections."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..schedule import clock
from ._docx import bullets, table
from ._facts import CourseFacts

if TYPE_CHECKING:
    from ..brand import Brand
    from ..plan import CoursePlan


def specification(doc, plan: CoursePlan, facts: CourseFacts, brand: Brand) -> None:
    """Course content, every learning objective verbatim, timings, audience, delivery, prerequisites."""
    doc.add_heading("Course specification", 1)
    extras = f" plus optional extras: {'; '.join(facts.optional_extras)}" if facts.optional_extras else ""
    rows = [["Target audience", f"{facts.audience}: {facts.audience_summary}"],
            ["Process or tool", facts.process],
            ["Total timing", f"{facts.total_range} ({facts.total_planned} planned in this pack){extras}"],
            ["Delivery mechanism", "; ".join(facts.delivery) or "To be defined"],
            ["Entry requirements", "; ".join(facts.entry_requirements) or "No entry requirements"],
            ["Development responsibility", "; ".join(facts.responsibility) or "To be defined"]]
    table(doc, ["Item", "Detail"], rows, brand, widths=(4.5, 12.5))
    for note in facts.notes:
        doc.add_paragraph(note)
    doc.add_heading("Course content", 2)
    table(doc, ["Section", "Time"], [[title, time] for title, time in facts.sections], brand, widths=(12.0, 5.0))
    doc.add_heading("Timings per module", 2)
    rows = [[m.ref, m.name, m.duration_text, m.duration_range, m.planned, m.optional_extra or "-"]
            for m in facts.modules]
    rows.append(["", "Course total", "", facts.total_range, facts.total_planned, "-"])
    table(doc, ["Ref", "Module", "Seed duration", "Range", "Planned", "Optional"], rows, brand,
          widths=(1.6, 5.0, 3.6, 2.6, 2.0, 2.2))
    doc.add_heading("Learning objectives", 2)
    for m in facts.modules:
        doc.add_heading(f"{m.ref} {m.name}", 3)
        if m.pending:
            doc.add_paragraph("To be defined: this module is named in the strategy but not yet defined.")
            continue
        doc.add_paragraph(m.objectives_lead)
        bullets(doc, m.objectives)
        details = [("Content", "; ".join(m.content)), ("Delivery", m.delivery), ("Prerequisites",
                   m.prerequisites or "No prerequisites"),
                   ("Entry requirements", m.entry_requirements or "No entry requirements"),
                   ("Development responsibility", m.responsibility)]
        for label, value in details:
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value)


def session_plan(doc, plan: CoursePlan, brand: Brand) -> None:
    """The timed plan with a running clock, day by day, breaks and lunch included."""
    table_rows = plan.timetable.rows
    doc.add_heading("Session plan", 1)
    doc.add_paragraph(f"{plan.timetable.sessions} session{'s' if plan.timetable.sessions != 1 else ''} over "
                      f"{plan.timetable.days} day{'s' if plan.timetable.days != 1 else ''}; "
                      f"{plan.planned_minutes} minutes of training. Sessions are at most two and a half hours, as "
                      "the strategy's '2 x 2.5 hours'; start times assume a 09:30 start.")
    for day in range(1, plan.timetable.days + 1):
        doc.add_heading(f"Day {day}", 2)
        rows = [[str(r.session) if not r.is_break else "", clock(r.start), clock(r.end), str(r.minutes), r.label]
                for r in table_rows if r.day == day]
        table(doc, ["Session", "Start", "End", "Minutes", "Activity"], rows, brand,
              widths=(2.2, 1.6, 1.6, 2.2, 9.4))
