"""The knowledge check sheets, reopened: attendees see every question and option and no answer; the trainer's
sheet gives each right option and why."""
from __future__ import annotations

import io

from docx import Document

from iwpacks.renderers.knowledge_check import (
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
