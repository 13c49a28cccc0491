"""Knowledge checks: every defined module has 5-10 questions with one right answer and why; mistakes located."""
from __future__ import annotations

import re
import shutil

import pytest
from content_copy import broken_content

import iwpacks
from iwpacks.errors import ContentError
from iwpacks.source.read_content import content_root
from iwpacks.source.read_knowledge import FEWEST, MOST

DEFINED = ["IW01", "IW02", "IW03", "IW04", "IW05", "IS01", "IS02", "IS03", "IS04", "IS05",
           "CAF01", "CAF02", "CAF03", "LP01", "LP02"]


@pytest.mark.parametrize("ref", DEFINED)
def test_every_defined_module_has_a_knowledge_check(programme, ref):
    check = programme.modules[ref].knowledge_check
    assert check is not None, f"{ref} has no content/knowledge-checks/{ref}.yaml"
    # Each audience is asked 5-10 (a question may be written for some audiences only, as IW01's on the processes
    # and tools are for the courses that have no IW02 to ask them).
    for audience in programme.audiences:
        assert FEWEST <= len(check.asked_of(audience)) <= MOST, (ref, audience)
    for q in check.questions:
        assert 2 <= len(q.options) <= 4 and 1 <= q.answer <= len(q.options), q.question
        assert len(q.explanation.split()) >= 8, q.question
        assert not re.search(r"all of the above|none of the above", " ".join(q.options), re.I), q.question
    # The right answer is not always in the same place, or a guess would score.
    assert len({q.answer for q in check.questions}) >= 2


def _broken(tmp_path, ref: str, old: str, new: str) -> str:
    return broken_content(tmp_path, f"knowledge-checks/{ref}.yaml", old, new)


def test_an_answer_beyond_the_options_is_located(tmp_path):
    found = _broken(tmp_path, "CAF01", "  answer: 3\n", "  answer: 5\n")
    assert re.search(r"knowledge-checks/CAF01\.yaml:\d+: questions\[\d\]\.answer: expected the position of the "
                     r"right option, 1 to \d, found 5", found), found


def test_too_few_questions_and_an_unknown_key_are_located(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(content_root(None), content)
    path = content / "knowledge-checks" / "LP01.yaml"
    path.write_text('ref: LP01\nstatus: draft\nquestions:\n- question: "Who?"\n  options: ["A", "B"]\n'
                    '  answer: 1\n  explanation: "Because."\n  hint: "x"\n', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        iwpacks.load_programme(content)
    found = str(caught.value)
    assert "knowledge-checks/LP01.yaml:3: questions: expected 5 to 10 questions, found 1" in found
    assert "knowledge-checks/LP01.yaml:8: questions[0].hint: unknown key" in found


def test_a_check_for_an_unknown_module_is_located(tmp_path):
    found = _broken(tmp_path, "IW01", "ref: IW01", "ref: IW09")
    assert re.search(r'knowledge-checks/IW01\.yaml:\d+: ref: no module "IW09" to attach this knowledge check to',
                     found), found


def test_a_question_that_gives_away_a_role_card_is_refused(tmp_path):
    old = '  - "Wrong: team members may share only what the family has agreed on a signed form"'
    found = _broken(tmp_path, "IS05", old, '  - "Wrong: nothing can be shared without written consent"')
    assert re.search(r"knowledge-checks/IS05\.yaml:\d+: questions\[\d\]: shows what only Gary's role card should "
                     r"tell", found), found


def test_a_question_can_be_written_for_some_audiences_only(programme):
    """The review: a third of the senior managers' check was practitioners' cases (a family support worker, a
    health visitor, a nursery worker). Those questions name the audiences that ask them; senior managers get
    questions of their own in their place, and every audience still gets FEWEST to MOST per module."""
    iw01 = programme.modules["IW01"].knowledge_check
    senior = [q.question for q in iw01.asked_of("senior-managers")]
    practitioners = [q.question for q in iw01.asked_of("practitioners")]
    assert not any(q.startswith(("A family support worker", "A health visitor", "At collection time")) for q in senior)
    assert any(q.startswith("At collection time") for q in practitioners)
    assert any("Children and Young People's Plan" in q.right_option for q in iw01.asked_of("senior-managers"))
    assert not set(senior) - {q.question for q in iw01.questions if not q.audiences or "senior-managers" in q.audiences}
    for module in programme.modules.values():
        check = module.knowledge_check
        if check is not None:
            for audience in programme.audiences:
                assert FEWEST <= len(check.asked_of(audience)) <= MOST, (module.ref, audience)


def test_a_question_for_an_unknown_audience_is_located(tmp_path):
    found = _broken(tmp_path, "IW01", "  audiences: [senior-managers]\n", "  audiences: [senior-manager]\n")
    assert re.search(r"knowledge-checks/IW01\.yaml:\d+: questions\[\d+\]\.audiences\[0\]: unknown audience "
                     r"\"senior-manager\"", found), found


def test_too_few_questions_for_an_audience_are_located(tmp_path):
    """A file whose questions leave an audience it names with one question says so, at the file."""
    content = tmp_path / "content"
    shutil.copytree(content_root(None), content)
    question = ('- question: "Which is right, number {n}?"\n  options: ["This one", "That one"]\n  answer: 1\n'
                '  explanation: "Because the course says so in its own words, clearly."\n  audiences: [{who}]\n')
    body = "".join(question.format(n=n, who="practitioners") for n in range(5)) + question.format(n=5, who="trainers")
    (content / "knowledge-checks" / "LP01.yaml").write_text(f"ref: LP01\nstatus: draft\nquestions:\n{body}",
                                                             encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        iwpacks.load_programme(content)
    assert re.search(r"knowledge-checks/LP01\.yaml:\d+: questions: expected 5 to 10 questions, found 1 that a "
                     r"course for trainers asks", str(caught.value)), str(caught.value)


def test_a_course_left_with_too_few_questions_by_their_audiences_is_located(tmp_path):
    """Senior managers' own IW01 questions written for practitioners instead leave iw-senior-managers four."""
    content = tmp_path / "content"
    shutil.copytree(content_root(None), content)
    path = content / "knowledge-checks" / "IW01.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("  audiences: [senior-managers]\n") == 2
    path.write_text(text.replace("  audiences: [senior-managers]\n", "  audiences: [practitioners]\n"),
                    encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        iwpacks.load_programme(content)
    found = str(caught.value)
    assert re.search(r"courses\.yaml:\d+: courses\[\d+\]\.audience: IW01's knowledge check asks a course for senior-managers only "
                     r"\d questions; expected at least 5", found), found
