"""Reads content/material/<REF>.yaml: the core training material written for a defined module."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection
from pathlib import Path

import attrs

from iwpacks.errors import Problem
from iwpacks.model import (
    PART_MARK,
    Exercise,
    ExerciseVariant,
    Material,
    Module,
    RoleBrief,
    RunStep,
    Topic,
    TopicVariant,
    content_keys,
)
from iwpacks.source.fields import Fields
from iwpacks.source.located_yaml import KeyPath
from iwpacks.source.module_files import module_files
from iwpacks.source.read_diagram import read_diagram
from iwpacks.source.records import Origin, Origins
from iwpacks.source.words import content_words

MATERIAL_STATUSES = ("draft-core-material", "reviewed")
EXERCISE_KINDS = ("discussion", "scenario", "role-play", "case-study", "activity")
_KEYS = content_keys(Material, "ref")  # `ref` names the module the material belongs to
_TOPIC_KEYS = content_keys(Topic)
SLIDE_TITLE_CHARS = 70  # with the module ref in front, two lines at the title size
_EXERCISE_KEYS = content_keys(Exercise)


def attach_material(root: Path, root_name: str, modules: list[Module], origins: Origins,
                    problems: list[Problem], protected: Collection[str] = ()) -> list[Module]:
    """Return `modules` with each one's material attached; the material folder is optional. A file for a
    `protected` module (a master module, in an LA's layer) is refused."""
    out = list(modules)
    for doc, f, index in module_files(root, root_name, "material", _KEYS, modules, problems, "material", protected):
        module = out[index]
        if module.is_pending:
            f.report(("ref",), f"{module.ref} is pending; write its module definition before its material")
            continue
        material = _material(f, module)
        origins.add("material", module.ref, Origin(doc, ()))
        if material is not None:
            out[index] = attrs.evolve(module, material=material)
    return out


_TOPIC_VARIANT_KEYS = content_keys(TopicVariant)
_EXERCISE_VARIANT_KEYS = content_keys(ExerciseVariant)


def _role_briefs(f: Fields) -> list[RoleBrief]:
    return [RoleBrief(r.text("role"), r.text("brief")) for r in f.records("role_briefs", content_keys(RoleBrief),
                                                                         required=False)]


MOST_RUN_STEPS = 8  # a longer list is more than a trainer follows at a glance in the room
RUN_STEP_CHARS = 300  # a step is an instruction, read at a glance; the notes say the rest


def _run(t: Fields, minutes: int | None) -> tuple[RunStep, ...]:
    """A topic's timed steps; they add up to its minutes exactly, so a trainer who keeps to each keeps to time."""
    steps = tuple(RunStep(minutes=s.integer("minutes", minimum=1) or 0, step=s.text("step", most=RUN_STEP_CHARS))
                  for s in t.records("run", content_keys(RunStep), required=False, most_items=MOST_RUN_STEPS))
    if not steps or not all(s.minutes for s in steps):
        return steps
    total = sum(s.minutes for s in steps)
    if minutes is None:
        t.report(t.path + ("run",), f"the steps take {total} min, but the topic gives no minutes; give it its "
                                    "minutes")
    elif total != minutes:
        t.report(t.path + ("run",), f"the steps add up to {total} min, but the topic takes {minutes} min; "
                                    "they must add up to it exactly")
    return steps


def _topic_variant(v: Fields, minutes: int | None) -> TopicVariant:
    slide_title = v.text("slide_title", False)
    if len(slide_title) > SLIDE_TITLE_CHARS:
        v.report(v.path + ("slide_title",), f"a slide title is at most {SLIDE_TITLE_CHARS} characters; "
                                            f"this one is {len(slide_title)}")
        slide_title = ""
    variant = TopicVariant(audiences=v.id_list("audiences", what="audience id", required=True),
                           points=v.text_list("points", required=False), notes=v.text("notes", False),
                           run=_run(v, minutes), slots=v.id_list("slots", SLOT_REF, what="slot id (or slot.part)"),
                           slide_title=slide_title)
    if not (variant.points or variant.notes or variant.run or variant.slots):
        v.report(v.path, "a variant gives points, notes, steps or slots for its audiences")
    return variant


def _exercise_variant(v: Fields) -> ExerciseVariant:
    variant = ExerciseVariant(
        audiences=v.id_list("audiences", what="audience id", required=True), title=v.text("title", False),
        group_size=v.text("group_size", False),
        scenario=v.text("scenario", False), instructions=v.text_list("instructions", required=False),
        questions=v.text_list("questions", required=False), facilitation=v.text_list("facilitation", required=False),
        role_briefs=_role_briefs(v),
        setup=v.text("setup", False), timing=v.text_list("timing", required=False),
        listen_for=v.text_list("listen_for", required=False), debrief=v.text_list("debrief", required=False))
    if not any(getattr(variant, f.name) for f in attrs.fields(ExerciseVariant) if f.name != "audiences"):
        v.report(v.path, "a variant rewrites at least one part of the exercise for its audiences")
    return variant


def _written_at(variant: ExerciseVariant, at: KeyPath, base: KeyPath) -> Callable[[str], KeyPath]:
    """Where a version's field is written: in the variant where it sets the field (or its cards), else the base."""
    return lambda key: at if getattr(variant, key) or variant.role_briefs else base


SLOT_REF = re.compile(rf"^[a-z0-9][a-z0-9-]*({re.escape(PART_MARK)}[a-z0-9][a-z0-9-]*)?$")  # a slot, or a part of one
_CUE = re.compile(r"^([0-9]+) min: ")


def _check_timing(e: Fields, exercise: Exercise, path: KeyPath) -> None:
    """Timing cues read "5 min: ..." and add up to the exercise's minutes, so the trainer can run to time."""
    total = 0
    for i, cue in enumerate(exercise.timing):
        match = _CUE.match(cue)
        if match is None:
            e.report(path + ("timing", i), f'a timing cue starts with its minutes, e.g. "5 min: read the scenario"; '
                                             f'got "{cue[:40]}"')
            return
        total += int(match.group(1))
    if exercise.timing and total != exercise.minutes:
        e.report(path + ("timing",), f"the timing cues add up to {total} min, but the exercise takes "
                                       f"{exercise.minutes} min")


def _check_role_cards(e: Fields, exercise: Exercise, where: Callable[[str], KeyPath]) -> None:
    """What a role card holds is for its player only: none of it may show on a slide or in a handout.

    Two texts share a fact when they share three content words in a row (word endings and small words
    ignored): "Kyle looks after Ellie" on a card and "Kyle looking after Ellie" in a question.
    """
    public = {"scenario": [exercise.scenario], "instructions": exercise.instructions, "questions": exercise.questions}
    for i, card in enumerate(exercise.role_briefs):
        secret = content_words(card.brief)
        for key, texts in public.items():
            for j, text in enumerate(texts):
                shared = secret & content_words(text)
                if shared:
                    at = where(key) + (key,) + ((j,) if key != "scenario" else ())
                    e.report(at, f'shows what only {card.role}\'s role card should tell ("{" ".join(sorted(shared)[0])}"); '
                                 "say it on the card alone")


def _local_prompts(t: Fields, points: tuple[str, ...]) -> tuple[str, ...]:
    """The points a slide drops once its local facts are given: each must be one of the topic's points."""
    prompts = t.text_list("local_prompts", required=False)
    for i, prompt in enumerate(prompts):
        if prompt not in points:
            t.report(t.path + ("local_prompts", i), f'expected one of this topic\'s points verbatim: "{prompt}"')
    if prompts and not t.has("slots"):
        t.report(t.path + ("local_prompts",), "only a topic with slots has points that its local facts replace")
    return tuple(p for p in prompts if p in points)


def _material(f: Fields, module: Module) -> Material | None:
    topics = []
    records = f.records("topics", _TOPIC_KEYS)
    for i, t in enumerate(records):
        title = t.text("title")
        expected = module.content[i] if i < len(module.content) else None
        if expected is None:
            t.report(t.path + ("title",), f"{module.ref} has only {len(module.content)} content items; "
                                          "this topic matches none of them")
        elif title and title != expected:
            whose = "the seed's content item" if module.from_strategy else f"{module.ref}'s content item"
            t.report(t.path + ("title",), f'expected {whose} {i + 1} verbatim: "{expected}"')
        slide_title = t.text("slide_title", False)
        if len(slide_title) > SLIDE_TITLE_CHARS:
            t.report(t.path + ("slide_title",), f"a slide title is at most {SLIDE_TITLE_CHARS} characters; "
                                                f"this one is {len(slide_title)}")
            slide_title = ""
        if expected is not None and title == expected:  # a lead-in the content corrects reads as a topic
            title = module.content_read[i]
        minutes = t.integer("minutes", required=False, minimum=1)
        points = t.text_list("points", required=False)
        topics.append(Topic(title=title, points=points, notes=t.text("notes", False),
                            local_prompts=_local_prompts(t, points),
                            minutes=minutes, run=_run(t, minutes),
                            slots=t.id_list("slots", SLOT_REF, what="slot id (or slot.part)"), slide_title=slide_title,
                            messages=t.id_list("messages", what="common message id"),
                            messages_in_notes=t.id_list("messages_in_notes", what="common message id"),
                            addressed_to=t.id_list("addressed_to", what="audience id"),
                            diagram=read_diagram(t),
                            variants=[_topic_variant(v, minutes) for v in t.records("variants", _TOPIC_VARIANT_KEYS,
                                                                                   required=False)]))
    if f.has("topics") and len(records) < len(module.content):
        f.report(("topics",), f"{module.ref} has {len(module.content)} content items but only "
                              f"{len(records)} topics; write one topic per content item, in order")
    exercises = []
    for e in f.records("exercises", _EXERCISE_KEYS, required=False):
        after = e.integer("after_topic", minimum=1) or 1
        if after > len(module.content):
            e.report(e.path + ("after_topic",), f"{module.ref} has only {len(module.content)} topics")
        exercises.append(Exercise(
            id=e.identifier("id"), title=e.text("title"), kind=e.choice("kind", EXERCISE_KINDS),
            topic=after, minutes=e.integer("minutes", minimum=1) or 0, group_size=e.text("group_size"),
            scenario=e.text("scenario"), instructions=e.text_list("instructions"),
            questions=e.text_list("questions"), facilitation=e.text_list("facilitation"),
            optional=e.boolean("optional"),
            role_briefs=_role_briefs(e),
            setup=e.text("setup"), timing=e.text_list("timing"), listen_for=e.text_list("listen_for"),
            debrief=e.text_list("debrief"), addressed_to=e.id_list("addressed_to", what="audience id"),
            variants=[_exercise_variant(v) for v in e.records("variants", _EXERCISE_VARIANT_KEYS, required=False)]))
        # Each audience's version is checked as the exercise it becomes, a problem named where it is written.
        base = exercises[-1]
        _check_timing(e, base, e.path)
        _check_role_cards(e, base, lambda key: e.path)
        for j, variant in enumerate(base.variants):
            if not variant.audiences:
                continue
            at = e.path + ("variants", j)
            version = base.for_audience(variant.audiences[0])
            _check_timing(e, version, at if variant.timing else e.path)
            _check_role_cards(e, version, _written_at(variant, at, e.path))
    seen: set[str] = set()
    for i, ex in enumerate(exercises):
        if ex.id in seen:
            f.report(("exercises", i, "id"), f'duplicate exercise id "{ex.id}"')
        seen.add(ex.id)
    material = Material(status=f.choice("status", MATERIAL_STATUSES), review_note=f.text("review_note"),
                        topics=topics, exercises=exercises)
    timed = [t for t in topics if t.minutes is not None]
    if timed and len(timed) == len(topics) and module.duration is not None:
        total = material.planned_minutes
        low, high = module.duration.min_minutes, module.duration.max_minutes
        if not low <= total <= high:
            f.report(("topics",), f"topic and exercise minutes add up to {total}, outside {module.ref}'s "
                                  f'duration "{module.duration.text}" ({low}-{high} minutes)')
    return material
