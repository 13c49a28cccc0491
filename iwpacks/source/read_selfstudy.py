"""Reads content/selfstudy/<REF>.yaml: a module's self-study course, written for one person reading alone.

Appendix 2 names the modules that may be studied alone (delivery "self-study") or by computer (IS03: "via CBT
as interactive exercises"); only those may have a file here. The pages are written from the module's topics,
the activities rework its exercises for one person, and a CBT module's decisions turn its scenarios into
choices with feedback. The knowledge check follows the pages, from content/knowledge-checks/.
"""
from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import attrs

from iwpacks.errors import Problem
from iwpacks.model import (Decision, DecisionChoice, DecisionStep, Module, SelfStudy, StudyActivity, StudyPage,
                           content_keys)
from iwpacks.source.fields import Fields
from iwpacks.source.module_files import module_files
from iwpacks.source.records import Origin, Origins

FOLDER = "selfstudy"
STATUSES = ("draft", "reviewed")
# The delivery modes (content/modules, from Appendix 2) under which a module may be studied alone.
ALONE_MODES = ("self-study", "cbt")
CHOICES = (2, 5)          # a decision needs an alternative; more than five is a list, not a choice
_KEYS = content_keys(SelfStudy, "ref")
_PAGE_KEYS = content_keys(StudyPage)
_ACTIVITY_KEYS = content_keys(StudyActivity)
_DECISION_KEYS = content_keys(Decision)
_STEP_KEYS = content_keys(DecisionStep)
_CHOICE_KEYS = content_keys(DecisionChoice)


def attach_self_study(root: Path, root_name: str, modules: list[Module], origins: Origins,
                      problems: list[Problem], protected: Collection[str] = ()) -> list[Module]:
    """Return `modules` with each one's self-study course attached; the folder is optional."""
    out = list(modules)
    for doc, f, index in module_files(root, root_name, FOLDER, _KEYS, modules, problems, "self-study course",
                                      protected):
        module = out[index]
        if not set(ALONE_MODES) & set(module.delivery_modes):
            f.report(("ref",), f"{module.ref}'s delivery ({module.delivery_text or 'none given'}) does not include "
                               "self-study or CBT, so it has no self-study course")
            continue
        if module.material is None or module.knowledge_check is None:
            f.report(("ref",), f"{module.ref} has no material and knowledge check yet: a self-study course is "
                               "written from them")
            continue
        course = _self_study(f, module)
        origins.add("self-study", module.ref, Origin(doc, ()))
        if course is not None:
            out[index] = attrs.evolve(module, self_study=course)
    return out


def _self_study(f: Fields, module: Module) -> SelfStudy | None:
    assert module.material is not None  # attach_self_study says so
    status = f.choice("status", STATUSES)
    minutes = f.integer("minutes", minimum=5)
    introduction = f.text("introduction")
    pass_mark = f.integer("pass_mark", minimum=1)
    if pass_mark is not None and pass_mark > 100:
        f.report(("pass_mark",), f"expected a per cent, 1 to 100, found {pass_mark}")
        pass_mark = None
    topics = len(module.material.topics)
    exercises = {e.id for e in module.material.exercises}
    pages = [_page(p, topics) for p in f.records("pages", _PAGE_KEYS)]
    covered = sorted(t for p in pages if p is not None for t in (p.topic, *p.also_topics))
    if pages and None not in pages and covered != list(range(1, topics + 1)):
        missing = sorted(set(range(1, topics + 1)) - set(covered))
        f.report(("pages",), f"expected each of the material's {topics} topics on one page, in order"
                             + (f"; topic {missing[0]} is on none" if missing else "; a topic is on two pages"))
        return None
    activities = [_activity(a, len(pages), exercises) for a in f.records("activities", _ACTIVITY_KEYS, required=False)]
    decisions = [_decision(d, len(pages), exercises) for d in f.records("decisions", _DECISION_KEYS, required=False)]
    if decisions and "cbt" not in module.delivery_modes:
        f.report(("decisions",), f"decisions are interactive exercises, for a module Appendix 2 says may be "
                                 f"delivered by CBT; {module.ref}'s delivery does not say so")
        return None
    if None in (minutes, pass_mark, *pages, *activities, *decisions) or not (status and introduction and pages):
        return None
    assert minutes is not None and pass_mark is not None
    return SelfStudy(status=status, minutes=minutes, introduction=introduction, pass_mark=pass_mark,
                     pages=tuple(p for p in pages if p is not None),
                     activities=tuple(a for a in activities if a is not None),
                     decisions=tuple(d for d in decisions if d is not None))


def _page(p: Fields, topics: int) -> StudyPage | None:
    topic = p.integer("topic", minimum=1)
    also = []
    for i, value in enumerate(p.data.get("also_topics") or ()):
        if isinstance(value, bool) or not isinstance(value, int):
            p.report(p.path + ("also_topics", i), "expected a topic's number")
            return None
        also.append(value)
    for n, path in ((topic, ("topic",)), *((v, ("also_topics", i)) for i, v in enumerate(also))):
        if n is not None and n > topics:
            p.report(p.path + path, f"expected a topic of the material, 1 to {topics}, found {n}")
            return None
    page = StudyPage(topic=topic or 0, title=p.text("title"), paragraphs=p.text_list("paragraphs"),
                     key_points=p.text_list("key_points", required=False), also_topics=tuple(also))
    return page if topic and page.title and page.paragraphs and all(page.paragraphs) else None


def _after_page(f: Fields, pages: int) -> int | None:
    after = f.integer("after_page", minimum=1)
    if after is not None and after > pages:
        f.report(f.path + ("after_page",), f"expected a page, 1 to {pages}, found {after}")
        return None
    return after


def _exercise(f: Fields, exercises: set[str]) -> str:
    name = f.text("from_exercise")
    if name and name not in exercises:
        f.report(f.path + ("from_exercise",), f'no exercise "{name}" in the module\'s material')
        return ""
    return name


def _activity(a: Fields, pages: int, exercises: set[str]) -> StudyActivity | None:
    after, name = _after_page(a, pages), _exercise(a, exercises)
    activity = StudyActivity(after_page=after or 0, from_exercise=name, title=a.text("title"), task=a.text("task"),
                             questions=a.text_list("questions"), reflection=a.text("reflection"))
    return activity if after and name and all(attrs.astuple(activity, recurse=False)) else None


def _decision(d: Fields, pages: int, exercises: set[str]) -> Decision | None:
    after, name = _after_page(d, pages), _exercise(d, exercises)
    steps = [_step(s) for s in d.records("steps", _STEP_KEYS)]
    decision = Decision(from_exercise=name, after_page=after or 0, title=d.text("title"),
                        scenario=d.text("scenario"), steps=tuple(s for s in steps if s is not None))
    ok = after and name and decision.title and decision.scenario and steps and None not in steps
    return decision if ok else None


def _step(s: Fields) -> DecisionStep | None:
    question = s.text("question")
    choices = [DecisionChoice(text=c.text("text"), best=c.boolean("best"), feedback=c.text("feedback"))
               for c in s.records("choices", _CHOICE_KEYS)]
    if choices and not CHOICES[0] <= len(choices) <= CHOICES[1]:
        s.report(s.path + ("choices",), f"expected {CHOICES[0]} to {CHOICES[1]} choices, found {len(choices)}")
        return None
    best = sum(c.best for c in choices)
    if choices and best != 1:
        s.report(s.path + ("choices",), f"expected exactly one choice with best: true, found {best}")
        return None
    if not (question and choices and all(c.text and c.feedback for c in choices)):
        return None
    return DecisionStep(question=question, choices=tuple(choices))
