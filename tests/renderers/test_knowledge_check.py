"""The knowledge check sheets, reopened: attendees see every question and option and no answer; the trainer's
sheet gives each right option and why."""
from __future__ import annotations

import io
import re

from docx import Document

from iwpacks.renderers.knowledge_check import (
    BOX,
    LETTERS,
    RIGHT,
    KnowledgeCheckAnswersRenderer,
    KnowledgeCheckRenderer,
    checked_modules,
)


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def test_the_attendee_sheet_asks_every_question_of_every_module_and_gives_no_answer(plans, brand):
    for cid, plan in plans.items():
        assert [m.ref for m in checked_modules(plan)] == list(dict.fromkeys(m.ref for m in plan.modules)), cid
        lines = _paragraphs(KnowledgeCheckRenderer().render(plan, brand))
        text = "\n".join(lines)
        number = 0
        for module in checked_modules(plan):
            assert module.name in lines, (cid, module.ref)
            for q in module.knowledge_check.asked_of(plan.audience.id):
                number += 1
                assert f"{number}. {q.question}" in lines, (cid, q.question)
                for letter, option in zip(LETTERS, q.options):
                    assert any(line.endswith(f"{letter}  {option}") for line in lines), (cid, option)
                assert q.explanation not in text, (cid, q.question)


def test_the_answer_sheet_gives_each_right_option_and_why(plans, brand):
    for cid, plan in plans.items():
        lines = _paragraphs(KnowledgeCheckAnswersRenderer().render(plan, brand))
        number, keys = 0, []
        for module in checked_modules(plan):
            for q in module.knowledge_check.asked_of(plan.audience.id):
                number += 1
                at = lines.index(f"{number}. {q.question}")
                shown = lines[at + 1:at + 1 + len(q.options)]
                marked = [line for line in shown if line.startswith(RIGHT)]
                assert marked == [f"{RIGHT}  {LETTERS[q.answer - 1]}  {q.right_option}"], (cid, q.question)
                assert len(shown) == len(q.options) and all(o in "".join(shown) for o in q.options)
                assert lines[at + 1 + len(q.options)] == f"Why: {q.explanation}", (cid, q.question)
            asked = module.knowledge_check.asked_of(plan.audience.id)
            keys.append("Answers at a glance: " + " \u00b7 ".join(
                f"{n}\u00a0{LETTERS[q.answer - 1]}" for n, q in enumerate(asked, number - len(asked) + 1)))
        assert [line for line in lines if line.startswith("Answers at a glance")] == keys, cid


def test_each_course_asks_the_questions_written_for_its_audience(plans, brand):
    """The review: senior managers were asked practitioners' cases ("A family support worker...", "At collection
    time a father arrives drunk..."); those questions name the audiences that ask them, and senior managers get
    their own in their place."""
    senior = "\n".join(_paragraphs(KnowledgeCheckRenderer().render(plans["iw-senior-managers"], brand)))
    practitioners = "\n".join(_paragraphs(KnowledgeCheckRenderer().render(plans["iw-practitioners"], brand)))
    for case in ("A family support worker wants", "At collection time a father", "A health visitor agrees"):
        assert case not in senior and (case in practitioners or case.startswith("A health visitor agrees"))
    assert "One of your staff tells you she is worried" in senior
    assert "One of your staff tells you she is worried" not in practitioners


def test_the_right_answer_shows_in_black_and_white_and_sections_stand_clear(plans, brand):
    """The second review: the right option was marked by an arrow and bold alone, hard to see printed in black
    and white; and a module's heading sat tight under the last option before it ("Train-the-Trainer for CAF"
    against Q17). The right option's box is filled in (the others' left empty, as on the questions sheet) and its
    words are bold; every module heading after the first has space above it."""
    for cid, plan in plans.items():
        doc = Document(io.BytesIO(KnowledgeCheckAnswersRenderer().render(plan, brand)))
        options = [p for p in doc.paragraphs if p.text[:1] in (RIGHT, BOX)]
        right = [p for p in options if p.text.startswith(RIGHT)]
        questions = [p for p in doc.paragraphs if re.match(r"\d+\. ", p.text)]
        assert RIGHT != BOX and len(right) == len(questions) > 0, cid
        assert all(all(r.bold for r in p.runs) for p in right), cid
        assert not any(r.bold for p in options if p not in right for r in p.runs), cid
        for sheet in (doc, Document(io.BytesIO(KnowledgeCheckRenderer().render(plan, brand)))):
            headings = [p for p in sheet.paragraphs if p.style.name == "Heading 1"]
            assert headings and all(h.paragraph_format.space_before.pt >= 12 for h in headings), cid
            assert not any(h.paragraph_format.page_break_before for h in headings), cid
