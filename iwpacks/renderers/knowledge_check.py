"""Renders knowledge-check.docx, the attendees' questions on each module of the course, and
knowledge-check-answers.docx, each answer and why it is right, which the trainer sends each attendee with the
follow-up a week after the course, once they have had the week to try the questions."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs
from docx.shared import Pt

from iwpacks.renderers import register
from iwpacks.renderers._docx import finish, keep_with_next, open_template
from iwpacks.renderers._forms import SECTION_BEFORE, footer_note, form_heading, form_section
from iwpacks.renderers._printables import BOX
from iwpacks.renderers._sheet_fit import _BODY, _HEADINGS, _height, _pages, _paragraph, _Style, _Unit
from iwpacks.renderers._words import say

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.text.paragraph import Paragraph

    from iwpacks.model import Brand, Module, Question
    from iwpacks.planning.plan import CoursePlan

# The right option's box filled in and its words in bold, the others' boxes left empty, as an attendee marks the
# questions sheet: a mark that prints in black and white (an arrow beside bold was missed). The brand font has
# both squares (WGL4); it has no tick.
RIGHT, NOT_RIGHT = "\u25a0", BOX
LETTERS = "ABCD"
OPTION_INDENT = Pt(18)
HANGING = Pt(30)  # the box or arrow and the letter before an option's words
# The space above each question (each question and its options read as one block) and below each option, in
# points, tried in turn until the sheet's last page is no stub: as set, then tighter (the tail joins the page
# before), then looser (more questions reach the last page).
SPACINGS = ((8, 2), (5, 1), (3, 0), (12, 3), (16, 4), (20, 6))
# The last page's fill, of its text height, that the estimate aims at: more than a question or two, and short of
# full, so that an estimate a little out neither leaves a stub nor spills a question onto a page of its own.
LAST_PAGE_AIM = (0.35, 0.85)
FIRST_PAGE_HEAD = 190   # points the logos, title, course, details and lead-in take on the first page (estimated)
FOOTER_NOTE = 11        # the answer sheet's note in the footer, a line the body gives up on every page
PAGE_ROOM = 724         # points of text height LibreOffice fills on a page of questions (of 728: a few in hand)


def checked_modules(plan: CoursePlan) -> tuple[Module, ...]:
    """The course's modules that have a knowledge check, in course order, each once."""
    seen: dict[str, Module] = {}
    for module in plan.modules:
        if module.knowledge_check is not None and module.ref not in seen:
            seen[module.ref] = module
    return tuple(seen.values())


def _numbered_questions(plan: CoursePlan) -> list[tuple[Module, list[tuple[int, Question]]]]:
    """Each module with its questions, numbered through the sheet so a trainer can say "question 12"."""
    out, number = [], 0
    for module in checked_modules(plan):
        assert module.knowledge_check is not None  # checked_modules says so
        numbered = []
        for question in module.knowledge_check.asked_of(plan.audience.id):
            number += 1
            numbered.append((number, question))
        out.append((module, numbered))
    return out


def _question_line(doc: DocumentObject, number: int, text: str, space: Pt) -> None:
    paragraph = keep_with_next(doc.add_paragraph())
    paragraph.paragraph_format.space_before = space
    paragraph.add_run(f"{number}. ").bold = True
    paragraph.add_run(text).bold = True


def _sheet(plan: CoursePlan, brand: Brand, title_key: str, intro_key: str,
           draw: Callable[[DocumentObject, Question, Pt], None],
           lead: Callable[[DocumentObject, list[tuple[int, Question]]], None] | None = None,
           note_key: str | None = None) -> bytes:
    """A sheet of the course's questions, module by module (each opened by `lead`, if any), each question's
    number and words, then `draw` (given the space below each option); a `note` goes in the footer of every
    page. The spacing is chosen so the last page is no stub (_spacing)."""
    doc = open_template(brand)
    kind = say(plan, title_key)
    form_heading(doc, plan, brand, kind)
    doc.add_paragraph(say(plan, intro_key))
    if note_key is not None:
        footer_note(doc, say(plan, note_key))
    above, below = _spacing(plan, answers=note_key is not None)
    for module, questions in _numbered_questions(plan):
        form_section(doc, module.name)
        if lead is not None:
            lead(doc, questions)
        for number, question in questions:
            _question_line(doc, number, question.question, Pt(above))
            draw(doc, question, Pt(below))
    return finish(doc, plan, brand, kind)


def _estimated_pages(plan: CoursePlan, answers: bool, spacing: tuple[float, float]) -> tuple[int, float]:
    """How many pages the sheet takes with this spacing, and how full its last page is (0-1)."""
    room = PAGE_ROOM - (FOOTER_NOTE if answers else 0)
    pages = _pages(_units(plan, answers, *spacing), room - FIRST_PAGE_HEAD, room, opens_page=False)
    return len(pages), _height(pages[-1], first_page=False) / room


def _spacing(plan: CoursePlan, answers: bool) -> tuple[float, float]:
    """The first of SPACINGS whose estimated last page is filled as LAST_PAGE_AIM asks (no question or two on a
    page of their own); if none, the one nearest the middle of that aim."""
    def last_fill(spacing: tuple[float, float]) -> float:
        count, fill = _estimated_pages(plan, answers, spacing)
        return 1.0 if count == 1 else fill

    low, high = LAST_PAGE_AIM
    fills = [(last_fill(spacing), spacing) for spacing in SPACINGS]
    if fills[0][0] == 1.0:  # one page
        return SPACINGS[0]
    return next((spacing for fill, spacing in fills if low <= fill <= high),
                min(fills, key=lambda f: abs(f[0] - (low + high) / 2))[1])


def _units(plan: CoursePlan, answers: bool, above: float, below: float) -> list[_Unit]:
    """The sheet below its head as the page sees it (_sheet_fit's estimate): each module's heading, then each
    question kept with its options (and, on the answer sheet, the key at the module's head and each reason)."""
    option = _Style(_BODY.size, after=below, indent=OPTION_INDENT.pt + HANGING.pt)
    why = _Style(_BODY.size, indent=OPTION_INDENT.pt)
    question_style = _Style(_BODY.size, before=above, bold=True)
    units = []
    for module, questions in _numbered_questions(plan):
        units.append(_paragraph(module.name, attrs.evolve(_HEADINGS[1], before=SECTION_BEFORE.pt), True))
        if answers:
            units.append(_paragraph(f"{say(plan, 'knowledge.key')}: " + " \u00b7 ".join(f"{n}\u00a0A" for n, _ in questions),
                                    _BODY, False))
        for number, question in questions:
            units.append(_paragraph(f"{number}. {question.question}", question_style, True))
            for i, text in enumerate(question.options):
                last = i == len(question.options) - 1
                units.append(_paragraph(text, option, not last or answers))  # the box and letter hang
            if answers:
                units.append(_paragraph(f"{say(plan, 'knowledge.why_label')}: {question.explanation}", why, False))
    return units


def _indented(doc: DocumentObject, text: str = "", hanging: bool = False) -> Paragraph:
    """A paragraph under its question; an option hangs, so a wrapped line starts under its words, not its box."""
    paragraph = doc.add_paragraph(text)
    paragraph.paragraph_format.left_indent = OPTION_INDENT + (HANGING if hanging else 0)
    if hanging:
        paragraph.paragraph_format.first_line_indent = -HANGING
    return paragraph


class KnowledgeCheckRenderer:
    """Renders knowledge-check.docx: the questions, with a box by each option, and no answers."""

    name = "knowledge-check"
    filename = "knowledge-check.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        def options(doc: DocumentObject, question: Question, below: Pt) -> None:
            for i, option in enumerate(question.options):
                line = _indented(doc, f"{BOX}  {LETTERS[i]}  {option}", hanging=True)
                line.paragraph_format.space_after = below
                if i < len(question.options) - 1:
                    keep_with_next(line)

        return _sheet(plan, brand, "knowledge.title", "knowledge.intro", options)


class KnowledgeCheckAnswersRenderer:
    """Renders knowledge-check-answers.docx: each question's right option and why, for the attendees, sent with
    the follow-up."""

    name = "knowledge-check-answers"
    filename = "knowledge-check-answers.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        def key(doc: DocumentObject, questions: list[tuple[int, Question]]) -> None:
            # With the module's first question: the third review found a heading and its key alone at a foot.
            line = keep_with_next(doc.add_paragraph())
            line.add_run(say(plan, "knowledge.key") + ": ").bold = True
            line.add_run(" \u00b7 ".join(f"{n}\u00a0{LETTERS[q.answer - 1]}" for n, q in questions))

        def answer(doc: DocumentObject, question: Question, below: Pt) -> None:
            # Every option, so a trainer can talk through why the tempting ones are wrong; the right one marked.
            for i, option in enumerate(question.options):
                line = keep_with_next(_indented(doc, hanging=True))
                line.paragraph_format.space_after = below
                right = i == question.answer - 1
                line.add_run(f"{RIGHT if right else NOT_RIGHT}  {LETTERS[i]}  {option}").bold = right
            why = _indented(doc)
            why.paragraph_format.keep_together = True  # a reason is read whole, not finished overleaf
            why.add_run(say(plan, "knowledge.why_label") + ": ").bold = True
            why.add_run(question.explanation)

        return _sheet(plan, brand, "knowledge.answers_title", "knowledge.answers_intro", answer, key,
                      note_key="knowledge.answers_hand_out")


register(KnowledgeCheckRenderer())
register(KnowledgeCheckAnswersRenderer())
