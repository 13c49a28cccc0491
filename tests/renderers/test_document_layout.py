"""The trainer's review of the Word and PDF documents, reopened: headings kept with what follows them, a
glossary whose Term column fits its terms, an answer sheet kept back until the check is done, and a training
plan that says where to book."""
from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

import iwpacks
from iwpacks.model import ARTEFACTS
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers import renderers
from iwpacks.renderers._pdf import register_family
from iwpacks.renderers.glossary import CELL_PADDING, TABLE_TEXT_PT, TEXT_WIDTH, GlossaryRenderer
from iwpacks.renderers.knowledge_check import KnowledgeCheckAnswersRenderer, KnowledgeCheckRenderer
from iwpacks.renderers.training_plan import render_training_plan
from iwpacks.renderers.trainer_guide import TrainerGuideRenderer

COURSES = ("caf-trainers", "is-advisors", "iw-practitioners")


@pytest.fixture(scope="module")
def northmoor_programme():
    master = iwpacks.load_programme()
    return apply_overlay(master, load_overlay(master, "northmoor"))


@pytest.fixture(scope="module")
def northmoor_plans(northmoor_programme):
    return {cid: plan_course(northmoor_programme, cid, release=True) for cid in COURSES}


def _word_documents(plan, brand):
    """Every .docx the course's pack holds, reopened."""
    held = {a.name for a in ARTEFACTS if plan.holds(a)}
    for name, renderer in renderers().items():
        if renderer.filename.endswith(".docx") and name in held:
            yield name, Document(io.BytesIO(renderer.render(plan, brand)))


def _keeps_with_next(paragraph) -> bool:
    return paragraph.paragraph_format.keep_with_next is True


def test_every_heading_of_every_word_document_keeps_with_what_follows(northmoor_plans, brand):
    """Review: headings stranded at the foot of a page (glossary, questionnaire, handouts). Each heading now
    carries w:keepNext itself, whatever the template's heading styles say."""
    for cid, plan in northmoor_plans.items():
        for name, doc in _word_documents(plan, brand):
            headings = [p for p in doc.paragraphs if (p.style.style_id or "").startswith("Heading")]
            assert headings or name in ("attendance-register", "glossary"), (cid, name)
            loose = [p.text for p in headings if not _keeps_with_next(p)]
            assert not loose, (cid, name, loose[:3])


def test_a_table_keeps_its_lead_in_its_header_and_its_last_rows_together(northmoor_plans, brand):
    """The paragraph before a table, the header row with the first row, and the last row with the one before."""
    for cid, plan in northmoor_plans.items():
        for name, doc in _word_documents(plan, brand):
            body = list(doc.element.body)
            for table in doc.tables:
                before = body[body.index(table._tbl) - 1]
                if before.tag == qn("w:p"):
                    assert before.pPr is not None and before.pPr.keepNext_val, (cid, name)
                rows = table.rows
                if len(rows) > 1:
                    assert all(_keeps_with_next(p) for c in rows[0].cells for p in c.paragraphs), (cid, name)
                if len(rows) > 3:
                    assert all(_keeps_with_next(p) for c in rows[-2].cells for p in c.paragraphs), (cid, name)


def _grid_widths_cm(table) -> list[float]:
    return [int(col.get(qn("w:w"))) / 567 for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_the_glossary_term_column_holds_every_word_of_every_term(northmoor_plans, brand):
    """Review: the Term column (2.4 cm) broke "Pre-assessment" and "responsibility" mid-word."""
    font = register_family(brand, brand.body_font)
    for cid, plan in northmoor_plans.items():
        doc = Document(io.BytesIO(GlossaryRenderer().render(plan, brand)))
        (table,) = doc.tables
        widths = _grid_widths_cm(table)
        assert sum(widths) == pytest.approx(TEXT_WIDTH, abs=0.01), (cid, widths)
        widest_word = max(stringWidth(word, font, TABLE_TEXT_PT) / 72 * 2.54
                          for t in plan.glossary for word in t.term.split())
        assert widths[0] >= widest_word + CELL_PADDING - 0.01, (cid, widths)
        assert widths[0] > 2.4 and widths[2] >= 9.0, (cid, widths)
        assert abs(table.rows[0].cells[0].width.cm - widths[0]) < 0.01, cid  # what Word reads (w:tcW)


def test_the_answer_sheet_is_given_out_after_the_check(northmoor_plans, brand):
    """Review: attendees were told to take the answers away with the questions; then the sheet said "trainer
    copy" on every page while the printing list gave one per attendee. It says, in its title and at the head of
    every page, that it is for attendees once they have tried the check."""
    plan = northmoor_plans["caf-trainers"]
    answers = Document(io.BytesIO(KnowledgeCheckAnswersRenderer().render(plan, brand)))
    title = next(p.text for p in answers.paragraphs if p.style.name == "Title")
    assert title == "Check your knowledge: answers"
    # The second review: that line ran in orange capitals at the head of every page and again under the title;
    # it is now a small note in the footer of every page, under the label, and said once.
    note = "Mark your own answers against this sheet once you have tried the check"
    footer = [p for p in answers.sections[0].footer.paragraphs]
    assert footer[1].text == note and footer[0].style.name == "Footer" and footer[1].style.name == "Footer"
    assert "Check your knowledge: answers" in footer[0].text and "Page" in footer[0].text
    assert note not in answers.sections[0].header.paragraphs[0].text
    assert note not in [p.text for p in answers.paragraphs]
    # The review: the header spoke to the trainer ("to give out"), the intro to the attendee. Both now say who
    # the sheet is for and when it comes, as the close's step does (sent with the follow-up a week after).
    intro = next(p.text for p in answers.paragraphs if p.text.startswith("The right answer"))
    assert "the follow-up a week after the course" in intro and "you have had the week to try" in intro
    head = [p.text for p in answers.paragraphs[:[p.style.name for p in answers.paragraphs].index("Heading 1")]]
    assert not any(w in "\n".join(head).lower() for w in ("give out", "hand out", "for the trainer", "the group"))
    questions = "\n".join(p.text for p in Document(io.BytesIO(KnowledgeCheckRenderer().render(plan, brand))).paragraphs)
    assert "answer sheet you were given" not in questions
    assert "Try it on your own in the week after the course; the answer sheet comes with the follow-up" in questions


def test_the_guide_gives_out_the_check_to_take_away_and_sends_the_answers_after(northmoor_plans, brand):
    plan = northmoor_plans["caf-trainers"]
    guide = Document(io.BytesIO(TrainerGuideRenderer().render(plan, brand)))
    text = "\n".join([p.text for p in guide.paragraphs]
                     + [c.text for t in guide.tables for row in t.rows for c in row.cells])
    assert "knowledge check and its answer sheet to take away" not in text
    # caf-trainers' close has five minutes: the knowledge check goes out as attendees leave.
    check = text.index("the knowledge check, without the answers, to take away")
    assert text.index("to take away and try", check) < text.index("the answer sheet goes with the follow-up", check)
    assert "sent with the follow-up a week after the course" in text  # the printing list
    # The recap keeps the strategy's ten minutes; the close after it has its own time.
    assert [r.minutes for r in plan.timetable.rows if r.label == "Recap"] == [10]


def test_the_training_plan_of_an_la_pack_says_where_to_book(northmoor_programme, brand):
    """Review: the plan, which travels on its own, had no booking contact. An LA's plan names it on its cover;
    the master pack, with no LA, does not."""
    local = PdfReader(io.BytesIO(render_training_plan(northmoor_programme, brand))).pages[0].extract_text()
    flat = " ".join(local.split())
    assert ("To book a place, or to ask about the training: Workforce Development Team, Bookings and feedback, "
            "Northmoor Borough Council, 01632\u00a0960\u00a0130, training@northmoor.example.org") in flat.replace(
                "01632 960 130", "01632\u00a0960\u00a0130")
    master = PdfReader(io.BytesIO(render_training_plan(iwpacks.load_programme(), brand))).pages[0].extract_text()
    assert "To book a place" not in master
