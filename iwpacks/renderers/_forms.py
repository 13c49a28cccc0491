"""What the course forms share: a compact heading with the logos, and the course's objectives as items."""
from __future__ import annotations

from typing import TYPE_CHECKING

from docx.shared import Cm, Pt

from iwpacks.renderers._docx import add_heading, labelled, logo_line
from iwpacks.renderers._local import cover_identity
from iwpacks.renderers._slots import slot_text
from iwpacks.renderers._words import objective_item, tidy_punctuation

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.text.paragraph import Paragraph

    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan

BRAND_LOGO_WIDTH = Cm(5.0)  # smaller than a cover's: a form keeps its page for the questions
WRITE_IN = "_" * 40  # a detail the trainer fills in on the day
COMPACT_TITLE_BEFORE = Pt(12)
QUESTION_SIZE = Pt(11)
QUESTION_SPACING = (Pt(8), Pt(3))  # above and below
SECTION_BEFORE = Pt(12)  # above a form's section heading, so it stands clear of the answers before it


def form_heading(doc: DocumentObject, plan: CoursePlan, brand: Brand, title: str,
                 details: tuple[tuple[str, str], ...] = (), compact: bool = False) -> None:
    """The logos (the brand's and the LA's), the form's title, the course it belongs to and its details. A
    `compact` heading sets the title close under the logos (the Title style's space above is a cover's), so a
    two-page form keeps the room for its questions."""
    logo_line(doc, plan, brand, BRAND_LOGO_WIDTH, "form")
    identity = cover_identity(plan)
    heading = doc.add_paragraph(title, style="Title")
    if compact:
        heading.paragraph_format.space_before = COMPACT_TITLE_BEFORE
    doc.add_paragraph(plan.course.title, style="Subtitle")
    if identity.name:
        details = (("Local authority", identity.name), *details)
    for label, value in details:
        labelled(doc, label, value or WRITE_IN, style="Cover Detail")


def course_objectives(plan: CoursePlan) -> list[str]:
    """Every learning objective of the course's defined modules, each as a stand-alone item put to the
    attendee who reads it (the specification keeps the seed's words)."""
    return [objective_item(tidy_punctuation(o)) for o in plan.attendee_objectives]


def contact_line(plan: CoursePlan, role: str) -> str:
    """The slot with this role as one line ("Workforce Development Team, ..."), or what the LA adds."""
    return "; ".join(slot_text(plan, plan.slot_for(role)).lines)


def form_question(doc: DocumentObject, question: str) -> Paragraph:
    """A question to answer: a Heading 2 (a level under the form's sections, as an outline must run), set
    closer and a size smaller than a guide's, so a two-page form keeps its room to write."""
    heading = add_heading(doc, question, 2)
    heading.paragraph_format.space_before, heading.paragraph_format.space_after = QUESTION_SPACING
    for run in heading.runs:
        run.font.size = QUESTION_SIZE
    return heading


def form_section(doc: DocumentObject, title: str) -> None:
    """A first-level heading that keeps to the page: the template starts each Heading 1 on a new page, which
    suits a guide's chapters but would spread a one-page form over four. It takes SECTION_BEFORE above it,
    which the template's Heading 1 leaves to its page break."""
    heading = add_heading(doc, title, 1)
    heading.paragraph_format.page_break_before = False
    heading.paragraph_format.space_before = SECTION_BEFORE


def footer_note(doc: DocumentObject, text: str) -> None:
    """A small line in the footer of every page, under the form's label and page number: a note on the form
    that is not its content (whom it is for and when it comes), so it neither shouts nor takes the body's room."""
    footer = doc.sections[0].footer
    footer.add_paragraph(text, style=footer.paragraphs[0].style)  # one border above the pair
