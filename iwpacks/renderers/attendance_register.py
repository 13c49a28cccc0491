"""Renders attendance-register.docx: who came, from which agency, and who agrees to the contact list."""
from __future__ import annotations

from typing import TYPE_CHECKING

from iwpacks.renderers import register
from iwpacks.renderers._docx import finish, keep_with_next, open_template, table
from iwpacks.renderers._facts import course_facts
from iwpacks.renderers._forms import form_heading
from iwpacks.renderers._words import items, say

if TYPE_CHECKING:
    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan

SPARE_ROWS = 2    # for those who come without booking
ROW_HEIGHT = 1.0  # cm: room for a signature
# Rows of ROW_HEIGHT that fit below the register's heading block on page one, on a page of its own below the
# repeated header row, and the room the consent note takes on page one, as Word and LibreOffice lay the template
# out.
FIRST_PAGE_ROWS, PAGE_ROWS, NOTE_ROWS = 10, 23, 1
# cm; "Agency type" wide enough to write "Voluntary or community sector" in, the signature column to sign in
WIDTHS = (3.0, 2.9, 2.8, 2.9, 3.4, 2.0)


def register_rows(people: int) -> int:
    """Rows for `people` (the group and its spares), rounded up to fill the last page: a register printed with
    its second page two-thirds empty gave a trainer fewer lines than the paper had room for."""
    rows = FIRST_PAGE_ROWS - NOTE_ROWS
    while rows < people:
        rows += PAGE_ROWS
    return rows


class AttendanceRegisterRenderer:
    """Renders attendance-register.docx for one course plan."""

    name = "attendance-register"
    filename = "attendance-register.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        doc = open_template(brand)
        kind = say(plan, "register.title")
        facts = course_facts(plan)
        days = plan.timetable.days
        # A copy is printed for each day of a course of several: which day it is, with that day's date.
        dated = say(plan, "register.day", days=str(days)) if days > 1 else say(plan, "register.date")
        form_heading(doc, plan, brand, kind, (
            (say(plan, "register.course_label"), f"{facts.total_planned} over {facts.days}"),
            *((label, "") for label in (dated, *items(plan, "register.blanks")))))
        doc.add_paragraph(say(plan, "register.intro"))
        # Under the instructions it explains, not after the table: there it ran onto a page of its own.
        doc.add_paragraph(say(plan, "register.consent_note"), style="Caption")
        keep_with_next(doc.add_paragraph(say(plan, "register.agency_key") + " "
                                         + "; ".join(items(plan, "register.agency_types")) + ".", style="Caption"))
        rows = [[""] * 6] * register_rows(plan.group_size + SPARE_ROWS)
        table(doc, items(plan, "register.header"), rows, widths=WIDTHS, height=ROW_HEIGHT)
        return finish(doc, plan, brand, kind)


register(AttendanceRegisterRenderer())
