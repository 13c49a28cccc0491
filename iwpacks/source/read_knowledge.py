"""Reads content/knowledge-checks/<REF>.yaml: a defined module's knowledge check, questions with answers."""
from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import attrs

from iwpacks.errors import Problem
from iwpacks.model import KnowledgeCheck, Module, Question, content_keys
from iwpacks.source.fields import Fields
from iwpacks.source.module_files import module_files
from iwpacks.source.records import Origin, Origins
from iwpacks.source.words import content_words

FOLDER = "knowledge-checks"
CHECK_STATUSES = ("draft", "reviewed")
FEWEST, MOST = 5, 10      # questions per module: enough to cover its objectives, few enough for a recap
OPTIONS = (2, 4)          # two for true or false, at most four to read on a sheet
QUESTION_CHARS = 220      # two lines of the attendee sheet
OPTION_CHARS = 120        # one line beside its tick box
_KEYS = content_keys(KnowledgeCheck, "ref")
_QUESTION_KEYS = content_keys(Question)


def attach_knowledge_checks(root: Path, root_name: str, modules: list[Module], origins: Origins,
                            problems: list[Problem], protected: Collection[str] = ()) -> list[Module]:
    """Return `modules` with each one's knowledge check attached; the folder is optional (a `protected`
    module's file is refused, as attach_material does)."""
    out = list(modules)
    for doc, f, index in module_files(root, root_name, FOLDER, _KEYS, modules, problems, "knowledge check",
                                      protected):
        module = out[index]
        if module.material is None:
            f.report(("ref",), f"{module.ref} has no material yet: a knowledge check asks what its material "
                               "teaches")
            continue
        check = _knowledge_check(f, module)
        origins.add("knowledge check", module.ref, Origin(doc, ()))
        if check is not None:
            out[index] = attrs.evolve(module, knowledge_check=check)
    return out


def _knowledge_check(f: Fields, module: Module) -> KnowledgeCheck | None:
    status = f.choice("status", CHECK_STATUSES)
    records = f.records("questions", _QUESTION_KEYS)
    questions = [q for q in (_question(q) for q in records) if q is not None]
    if f.has("questions") and isinstance(f.data["questions"], list):
        _check_counts(f, module, questions if len(questions) == len(records) else [], len(f.data["questions"]))
    _check_secrets(f, module, questions)
    if len(questions) != len(records):
        return None
    return KnowledgeCheck(status=status, questions=tuple(questions))


def _question(q: Fields) -> Question | None:
    text = q.text("question")
    options = q.text_list("options")
    answer = q.integer("answer", minimum=1)
    explanation = q.text("explanation")
    ok = bool(text and options and answer and explanation)
    if len(text) > QUESTION_CHARS:
        q.report(q.path + ("question",), f"a question is at most {QUESTION_CHARS} characters, found {len(text)}")
    if options and not OPTIONS[0] <= len(options) <= OPTIONS[1]:
        q.report(q.path + ("options",), f"expected {OPTIONS[0]} to {OPTIONS[1]} options, found {len(options)}")
        ok = False
    for i, option in enumerate(options):
        if len(option) > OPTION_CHARS:
            q.report(q.path + ("options", i), f"an option is at most {OPTION_CHARS} characters, found {len(option)}")
        if option in options[:i]:
            q.report(q.path + ("options", i), f'"{option}" is listed twice')
            ok = False
    if answer and options and answer > len(options):
        q.report(q.path + ("answer",), f"expected the position of the right option, 1 to {len(options)}, "
                                       f"found {answer}")
        ok = False
    if not ok:
        return None
    assert answer is not None  # ok says so
    return Question(question=text, options=options, answer=answer, explanation=explanation,
                    audiences=q.id_list("audiences", what="audience id"))


def _check_counts(f: Fields, module: Module, questions: list[Question], listed: int) -> None:
    """Each audience a question names asks FEWEST to MOST of the module's questions (validation checks the
    courses of other audiences, which ask the questions that name none). Where a question could not be read,
    or none names an audience, the file's count of questions must be in range."""
    named = sorted({a for q in questions for a in q.audiences})
    if not named:
        if not FEWEST <= listed <= MOST:
            f.report(("questions",), f"expected {FEWEST} to {MOST} questions, found {listed}")
        return
    for audience in named:
        asked = sum(1 for q in questions if q.asked_of(audience))
        if not FEWEST <= asked <= MOST:
            f.report(("questions",), f"expected {FEWEST} to {MOST} questions, found {asked} that a course for "
                                     f"{audience} asks")
            return


def _check_secrets(f: Fields, module: Module, questions: list[Question]) -> None:
    """Attendees read the questions: none may tell what only a role card tells its player."""
    assert module.material is not None  # attach_knowledge_checks says so
    secrets = [(card.role, content_words(card.brief)) for e in module.material.exercises for card in e.role_briefs]
    for i, question in enumerate(questions):
        public = content_words(" ".join((question.question, *question.options, question.explanation)))
        for role, secret in secrets:
            shared = secret & public
            if shared:
                f.report(("questions", i), f'shows what only {role}\'s role card should tell '
                                           f'("{" ".join(sorted(shared)[0])}"); leave it to the card')
