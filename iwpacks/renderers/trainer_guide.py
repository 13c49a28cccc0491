"""Renders trainer-guide.docx: specification, session plan, facilitation notes and the trainer's checklists."""
from __future__ import annotations

from typing import TYPE_CHECKING

from docx.shared import Pt

from iwpacks.renderers import register
from iwpacks.renderers._docx import cover, finish, keep_with_next, open_template, table
from iwpacks.renderers._facts import course_facts
from iwpacks.renderers._guide_checklists import (
    follow_up,
    local_slots,
    materials,
    preparation,
    principles,
)
from iwpacks.renderers._guide_notes import facilitation
from iwpacks.renderers._guide_spec import session_plan, specification
from iwpacks.renderers._words import say

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan

KIND = "Delivery and trainer guide"
MATERIAL_STATUS = {"draft-core-material": "Draft core material", "reviewed": "Reviewed"}


class TrainerGuideRenderer:
    """Renders trainer-guide.docx for one course plan."""

    name = "trainer-guide"
    filename = "trainer-guide.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        doc = open_template(brand)
        facts = course_facts(plan)
        timetable = plan.timetable
        # As a booking reads it: the days, and the breaks in them (the third review: "in 2 sessions over 1 day"
        # left the trainer to work out that a session is a morning or an afternoon).
        duration = f"{facts.total_planned} of training over {facts.days}" + _pauses_each_day(timetable)
        if not plan.release and facts.total_range != facts.total_planned:  # the policy team sees the strategy's range
            whose = "the strategy's range" if facts.all_from_strategy else "the range its modules' durations allow"
            duration += f" ({whose}: {facts.total_range})"
        details = [("Audience", facts.audience), ("Process or tool", facts.process), ("Total duration", duration)]
        if facts.optional_extras:
            details.append(("If time allows", "the optional " + "; ".join(facts.optional_extras)))
        if not plan.release:  # reviewers' details; trainers never need them
            details.append(("Content version", plan.version))
        cover(doc, plan, brand, KIND, details)
        if not plan.release:
            _material_status(doc, plan)
        specification(doc, plan, facts)
        session_plan(doc, plan)
        preparation(doc, plan)
        local_slots(doc, plan)  # checked before the day; the notes point back to it wherever a fact is used
        principles(doc, plan)
        facilitation(doc, plan, brand)
        if plan.is_train_the_trainer:
            follow_up(doc, plan)
        materials(doc, plan)
        _chapters_run_on(doc)
        _contents(doc, plan)
        return finish(doc, plan, brand, KIND)


def _contents(doc: DocumentObject, plan: CoursePlan) -> None:
    """A contents list near the start: each chapter by its heading, numbered in order; on the cover, a line
    each, in a trainer's pack; one paragraph at the head of the first chapter's page in the policy team's
    draft, whose cover is full with the material's status. Static text,
    not a Word TOC field: LibreOffice's conversion leaves a field unfilled, and a PDF would show its
    placeholder."""
    heading_id = doc.styles["Heading 1"].style_id
    chapters = [p.text for p in doc.paragraphs if p._p.style == heading_id]
    if not chapters:
        return
    first = next(p for p in doc.paragraphs if p._p.style == heading_id)
    label = doc.add_paragraph(style="Cover Detail")
    label.add_run(say(plan, "course.contents") + (":" if not plan.release else "")).bold = True
    if not plan.release:  # its cover is full: the line opens the first chapter's page, above its heading
        label.add_run(" " + " \u00b7 ".join(f"{n}\u00a0{title}" for n, title in enumerate(chapters, 1)))
        label.paragraph_format.page_break_before = True
        first.paragraph_format.page_break_before = False
        first._p.addprevious(keep_with_next(label)._p)
        return
    lines = [doc.add_paragraph(f"{n}.\t{title}", style="Cover Detail") for n, title in enumerate(chapters, 1)]
    first._p.addprevious(keep_with_next(label)._p)
    for line in lines:  # moved from the end of the document to the foot of the cover
        line.paragraph_format.left_indent = CONTENTS_INDENT
        line.paragraph_format.first_line_indent = -CONTENTS_INDENT
        first._p.addprevious(line._p)


CONTENTS_INDENT = Pt(22)  # a contents line's number hangs in it

# The space above a chapter heading that follows on mid-page, where a new page would have given it room.
CHAPTER_SPACE = Pt(30)


def _chapters_run_on(doc: DocumentObject) -> None:
    """Start only the first chapter after the cover on a new page; each later one follows on, heading kept with
    its text.

    The template starts every Heading 1 on a new page. A chapter ends wherever its content happens to (a session
    plan a few lines longer than a page, a local slot spilling over), so a forced break after it left a page
    holding only those few lines. The cover is always one page, so the break after it is safe.
    """
    paragraphs = doc.paragraphs
    # By the style's id in the XML: python-docx's p.style looks the style up afresh for every paragraph.
    heading_id = doc.styles["Heading 1"].style_id
    chapters = [n for n, p in enumerate(paragraphs) if p._p.style == heading_id]
    for n in chapters[1:]:
        heading = paragraphs[n]
        heading.paragraph_format.page_break_before = False
        heading.paragraph_format.space_before = CHAPTER_SPACE
        intro = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        if intro is not None and heading._p.getnext() is intro._p:  # not a table: its rows may split
            keep_with_next(intro)  # a chapter's heading and intro never sit alone at a page's foot


def _material_status(doc, plan: CoursePlan) -> None:
    """The status and review note of each module's core material, on the cover where reviewers look first."""
    rows = [[f"{m.ref} {m.name}", MATERIAL_STATUS.get(m.material.status, m.material.status),
             m.material.review_note or "No review note"] for m in plan.modules if m.material is not None]
    if not rows:
        doc.add_paragraph("Core material: not yet written for this course's modules.", style="Cover Detail")
        return
    others = [m.ref for m in plan.modules if m.material is None]
    table(doc, ["Module", "Core material", "Review note"], rows, widths=(4.4, 3.0, 9.6))
    if others:
        doc.add_paragraph(f"Not yet written: {', '.join(others)}; the facilitation notes list the strategy's topics "
                          "for you to prepare.", style="Cover Detail")


register(TrainerGuideRenderer())


def _pauses_each_day(timetable) -> str:
    """", with lunch and 2 breaks" (", each with ..." over several days, where every day has the same), or ""."""
    kinds = [tuple(r.kind for r in timetable.rows if r.is_break and r.day == day)
             for day in range(1, timetable.days + 1)]
    if not kinds[0] or any(k != kinds[0] for k in kinds):
        return ""
    breaks, lunch = kinds[0].count("break"), "lunch" in kinds[0]
    parts = (["lunch"] if lunch else []) + ([f"{breaks} breaks" if breaks > 1 else "a break"] if breaks else [])
    return (", each with " if timetable.days > 1 else ", with ") + " and ".join(parts)
