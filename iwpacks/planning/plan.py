"""Plans a course: what each section holds, in order, and how long each part takes.

Deciding what is in a course is done here, once; every renderer draws the same plan.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

import attrs

from iwpacks.errors import UsageError
from iwpacks.model import (
    PART_MARK,
    Artefact,
    Audience,
    AudienceSlide,
    CommonMessage,
    Course,
    DeliveryPrinciple,
    Diagram,
    Exercise,
    FrozenMap,
    GlossaryTerm,
    Localisation,
    LocalSlot,
    MaterialType,
    Module,
    Printable,
    Process,
    Programme,
    Source,
    Topic,
)
from iwpacks.planning.minutes import course_duration, woven_messages
from iwpacks.planning.timetable import Block, Row, Timetable, build_timetable

# Seed content items that are themselves discussion or role-play work (used when no exercise is written).
_DISCUSSION = re.compile(r"group discussion|role play|scenario|exercise|T4T Activity", re.I)


@attrs.frozen
class ExerciseItem:
    """An exercise slot in a scenarios section: a written exercise, or a seed discussion topic."""

    module_ref: str
    title: str
    minutes: int
    exercise: Exercise | None = None
    optional: bool = False
    module_name: str = ""


@attrs.frozen
class TopicStep:
    """A topic as taught in this course, with the common messages it delivers here (see Topic.messages)."""

    topic: Topic
    number: int                     # 1-based, as the module's material numbers it
    minutes: int
    messages: tuple[CommonMessage, ...] = ()
    # Slides the course's audience has after this topic (audiences.yaml `slides`), within its time.
    audience_slides: tuple[AudienceSlide, ...] = ()


@attrs.frozen
class ModulePlan:
    """A module as delivered in this course: its topics, each written exercise straight after the topic it
    practises (the exercise's `after_topic`), and the minutes all of that takes."""

    module: Module
    minutes: int                   # topics and woven exercises, optional exercises excepted
    topics: tuple[Topic, ...]
    steps: tuple[TopicStep | ExerciseItem, ...] = ()  # in teaching order; empty for a module with no material

    @property
    def exercises(self) -> tuple[ExerciseItem, ...]:
        return tuple(s for s in self.steps if isinstance(s, ExerciseItem))

    @property
    def topic_steps(self) -> tuple[TopicStep, ...]:
        return tuple(s for s in self.steps if isinstance(s, TopicStep))


@attrs.frozen
class AwarenessItem:
    """An associated process a course raises awareness of, and this audience's own course on it, if any."""

    process: Process
    full_course: Course | None = None

    @property
    def minutes(self) -> int:
        return self.process.awareness_minutes


@attrs.frozen
class PlanSection:
    """One section of the planned course, with everything it presents."""

    kind: str
    title: str
    minutes: int
    modules: tuple[ModulePlan, ...] = ()
    messages: tuple[CommonMessage, ...] = ()
    awareness: tuple[AwarenessItem, ...] = ()
    exercises: tuple[ExerciseItem, ...] = ()
    omitted: str | None = None
    seed_text: str = ""  # what the strategy (2.5) says this part of a course holds
    role: str = ""       # how packs present it: one of model.SECTION_ROLES
    trainer_steps: tuple[str, ...] = ()  # what the trainer does in it, besides its messages (the guide's list)
    summary: str = ""    # what it covers, where it has no seed text and nothing of its own to list
    own_minutes: int = 0       # the section's own time, besides its modules and exercises
    optional_minutes: int = 0  # optional exercises, run only if time allows; not in `minutes`
    message_minutes: int = 0   # its messages' own time, after its modules and exercises


DEFAULT_GROUP = 20  # attendees: four or five tables of the mixed groups of four to six the courses use


@attrs.frozen
class CoursePlan:
    """Everything a renderer needs to draw one course; built by plan_course.

    The plan is closed: a renderer draws from these fields alone, never from the programme behind them.
    """

    course: Course
    audience: Audience
    process: Process
    sections: tuple[PlanSection, ...]
    timetable: Timetable
    min_minutes: int
    max_minutes: int
    optional_extras: tuple[str, ...]
    version: str = ""                                   # the content version, for the guide's cover
    principles: tuple[DeliveryPrinciple, ...] = ()      # 2.10, in content order
    sources: tuple[Source, ...] = ()                    # Appendix 3
    # What this course's modules, then the course itself, cite beyond Appendix 3: each once, in delivery order.
    course_sources: tuple[Source, ...] = ()
    material_types: tuple[MaterialType, ...] = ()       # 3.1
    slots: FrozenMap[LocalSlot] = FrozenMap()           # every slot the content declares, by id
    localisation: Localisation | None = None            # the LA's name, logo and slot values, if any
    audience_names: FrozenMap[str] = FrozenMap()        # every audience's name, by id
    entry_modules: tuple[Module, ...] = ()              # the course's entry requirements, resolved
    # The modules this course's modules are delivered after (their prerequisites), in the course's order,
    # less the entry requirements: inside this course or not.
    prerequisite_modules: tuple[Module, ...] = ()
    guide_text: FrozenMap[tuple[str, ...]] = FrozenMap()  # the trainer guide's words, by model.GUIDE_TEXT key
    # The sheets and forms to print, by the id of the exercise that first uses each in this course.
    sheets: FrozenMap[tuple[Printable, ...]] = FrozenMap()
    # The reference sheets for what the course covers (a printable's `processes` and `modules`) that no exercise
    # of it hands out: attendees keep them with the handouts, in content order.
    reference_sheets: tuple[Printable, ...] = ()
    # A release pack goes to trainers: no review notes or content version in what they read (the version
    # stays in the manifest and the document properties). LA packs are always release packs.
    release: bool = False
    # Names to print a certificate for, one page each (build --attendees); none: one certificate to fill in.
    attendees: tuple[str, ...] = ()
    # The glossary's terms: every one in content, until render_course keeps those the course's texts use.
    glossary: tuple[GlossaryTerm, ...] = ()
    # What attendees of a train-the-trainer course go on to deliver: its modules that other audiences' courses on
    # the same process teach (CAF01 and CAF02 for CAF trainers), not the train-the-trainer module itself.
    cascade_modules: tuple[Module, ...] = ()
    # How many attend, for the printing list and the register's rows (build --attendees N, or the names').
    group_size: int = DEFAULT_GROUP

    def slot_for(self, role: str) -> str:
        """The id of the slot with this role ("booking", "network", "local-sources"); validation ensures one."""
        return next(s.id for s in self.slots.values() if s.role == role)

    @property
    def draft(self) -> bool:
        return self.course.is_pending

    @property
    def modules(self) -> tuple[Module, ...]:
        return tuple(mp.module for s in self.sections for mp in s.modules)

    def drawn_diagram(self, module_ref: str, topic: Topic) -> Diagram | None:
        """The topic's diagram, unless an earlier topic of this course draws one of the same title (two modules
        can share a picture, as IW02 and LP01 share the lead professional's functions): a deck, a guide or the
        handouts each show a picture once, where the course first teaches it."""
        if topic.diagram is None:
            return None
        first = next((m.ref, t.title) for m in self.modules for t in m.topics
                     if t.diagram is not None and t.diagram.title == topic.diagram.title)
        return topic.diagram if first == (module_ref, topic.title) else None

    @property
    def objectives(self) -> tuple[str, ...]:
        """Every learning objective of the course's defined modules, in order, as attendees read them: the
        evaluation form asks about each, and a returned form's before_N and after_N answer the Nth."""
        return tuple(o for m in self.modules if not m.is_pending for o in m.objectives_read)

    @property
    def attendee_objectives(self) -> tuple[str, ...]:
        """The same objectives, one for one, as the forms and certificate put them to an attendee."""
        return tuple(o for m in self.modules if not m.is_pending for o in m.attendee_objectives)

    @property
    def planned_minutes(self) -> int:
        """The sections' time, each later day's welcome back and each earlier day's close."""
        return sum(s.minutes for s in self.sections) + self.timetable.welcome_back_minutes

    @property
    def is_train_the_trainer(self) -> bool:
        """Attendees go on to deliver the course (audiences.yaml `cascades`), so 2.10's follow-up applies."""
        return self.audience.cascades

    def holds(self, artefact: Artefact) -> bool:
        """Whether this course's pack has the file: a cascade plan only for a train-the-trainer course, the
        knowledge check sheets only where a module has questions."""
        if artefact.needs == "cascading":
            return self.is_train_the_trainer
        if artefact.needs == "knowledge-checks":
            return any(m.knowledge_check is not None for m in self.modules)
        if artefact.needs == "glossary":
            return bool(self.glossary)
        return True

    @property
    def slots_used(self) -> tuple[str, ...]:
        """Every local slot the course uses: those every course has, then its topics' and messages'."""
        ids = [slot.id for slot in self.slots.values() if slot.every_course]
        ids += [slot for s in self.sections for m in s.messages for slot in m.slots]
        # A message a topic delivers shows its local facts there (safeguarding contacts after IW01's continuum).
        ids += [slot for s in self.sections for mp in s.modules for t in mp.topic_steps for m in t.messages
                for slot in m.slots]
        ids += [slot for mp in (mp for s in self.sections for mp in s.modules) for t in mp.topics for slot in t.slots]
        ids += [slot for s in self.sections for a in s.awareness for slot in a.process.awareness_slots]
        printed = [*(p for group in self.sheets.values() for p in group), *self.reference_sheets]
        ids += [sheet.slot for sheet in printed if sheet.slot]  # the local facts a sheet shows (escalation)
        return tuple(dict.fromkeys(slot.split(PART_MARK)[0] for slot in ids))  # a part's use is its slot's

    @property
    def exercises(self) -> tuple[ExerciseItem, ...]:
        """Every exercise in the order the course runs them: those inside modules, then a section's own."""
        return _course_exercises(self.sections)

    @property
    def handed_out(self) -> tuple[ExerciseItem, ...]:
        """The exercises as attendees get them: in the order the course runs them, an optional one in its place
        (IS01's, before IS02's, where IS01 comes first), marked as optional where it is printed."""
        return self.exercises

    @property
    def pauses(self) -> dict[tuple, tuple[tuple[int, Row], ...]]:
        """Where each break and lunch falls: {place of the block after it: ((minutes of that block already done,
        the break's row), ...)}, so the trainer guide marks it where the notes reach it."""
        out: dict[tuple, list[tuple[int, Row]]] = {}
        done: dict[tuple, int] = {}
        waiting: Row | None = None
        for row in self.timetable.rows:
            if row.is_break:
                waiting = row
                continue
            if waiting is not None and waiting.day == row.day:
                out.setdefault(row.place, []).append((done.get(row.place, 0), waiting))
            waiting = None
            done[row.place] = done.get(row.place, 0) + row.minutes
        return {place: tuple(found) for place, found in out.items()}

    @property
    def day_openings(self) -> dict[tuple, tuple[int, int]]:
        """Where each day after the first begins: {place of its first block: (day, minutes of it already done)}.

        A place is a section's own time, a module's teaching or an exercise (see timetable.Block); the minutes
        are those of the block taught on earlier days, so a module split over the night resumes at a topic.
        """
        openings: dict[tuple, tuple[int, int]] = {}
        done: dict[tuple, int] = {}
        day = 1
        for row in self.timetable.rows:
            if row.is_break or row.place[:1] == ("day",):  # the welcome back is the day's opening itself
                continue
            if row.day != day:
                day = row.day
                openings[row.place] = (day, done.get(row.place, 0))
            done[row.place] = done.get(row.place, 0) + row.minutes
        return openings


def plan_course(programme: Programme, course_id: str, *, release: bool = False) -> CoursePlan:
    """Lay out a course in the standard structure with planned minutes.

    Raises UsageError for an unknown course. It trusts the programme to be valid: iwpacks.plan_course
    checks an edited programme first (planning never reads content, so it cannot check it).
    """
    course = programme.courses.get(course_id)
    if course is None:
        from iwpacks.errors import did_you_mean

        raise UsageError(f'unknown course "{course_id}"{did_you_mean(course_id, programme.courses)}; '
                         "see `iwpacks list courses`")
    repeated = {kind for kind, count in Counter(s.kind for s in course.sections).items() if count > 1}
    woven = woven_messages(programme, course)
    for_audience = _audience_slides(programme, course)
    sections = []
    for section in course.sections:
        structure = programme.course_structure[section.kind]
        fixed = 0 if section.omitted else (section.minutes if section.minutes is not None else structure.minutes)
        modules = tuple(_module_plan(programme, programme.modules[ref].for_audience(course.audience), woven,
                                     ref in course.run_optional, for_audience) for ref in section.modules)
        # Written exercises run inside their modules; a scenarios section keeps the rest (seed discussions
        # of modules with no material yet, optional extras).
        exercises = tuple(item for ref in section.exercises_from
                          for item in _exercise_items(programme.modules[ref]) if item.exercise is None)
        awareness = tuple(_awareness(programme, course, p) for p in section.awareness)
        if awareness and section.minutes is None and not section.omitted:
            fixed = sum(a.minutes for a in awareness)  # each associated process is a short segment of its own
        messages = tuple(programme.common_messages[m] for m in section.messages if m not in woven)
        # Messages standing on their own after a section's modules or exercises take their own time.
        said_alone = sum(m.minutes for m in messages) if structure.role in ("modules", "exercises") else 0
        minutes = (fixed + said_alone + sum(m.minutes for m in modules)
                   + sum(e.minutes for e in exercises if not e.optional))
        optional = sum(e.minutes for e in exercises if e.optional)
        title = structure.title.replace("{process}", programme.processes[course.process].in_titles)
        if section.kind in repeated:  # "Scenarios and exercises: IS01, IS02" tells the repeats apart
            title += ": " + ", ".join(section.modules or section.exercises_from)
        sections.append(PlanSection(
            kind=section.kind, title=title, minutes=minutes, modules=modules,
            messages=messages, message_minutes=said_alone,
            awareness=awareness,
            exercises=exercises, omitted=section.omitted, seed_text=structure.seed_text, role=structure.role,
            own_minutes=fixed, optional_minutes=optional, trainer_steps=structure.trainer_steps,
            summary=structure.summary))
    _fold_lone_messages(sections)
    total = course_duration(programme, course)
    timetable = build_timetable(_blocks(sections), programme.training_day)
    sections = _as_timetabled(sections, timetable)
    sheets = _sheets(programme, sections, course.audience)
    return CoursePlan(sheets=sheets, reference_sheets=_reference_sheets(programme, sections, sheets, course.audience),
                      course=course, audience=programme.audiences[course.audience],
                      process=programme.processes[course.process], sections=tuple(sections),
                      timetable=timetable, min_minutes=total.min_minutes,
                      max_minutes=total.max_minutes, optional_extras=total.optional_extras,
                      version=programme.version, principles=tuple(programme.delivery_principles.values()),
                      sources=tuple(programme.sources.values()), course_sources=_course_sources(programme, course),
                      material_types=tuple(programme.material_types.values()), slots=programme.slots,
                      localisation=programme.localisation,
                      audience_names=FrozenMap((a.id, a.name) for a in programme.audiences.values()),
                      entry_modules=tuple(programme.modules[r] for r in course.entry_requirements),
                      prerequisite_modules=_prerequisites(programme, sections, course.entry_requirements),
                      guide_text=programme.guide_text, glossary=programme.glossary,
                      cascade_modules=_cascade_modules(programme, course), release=release or programme.localisation is not None)


def _as_timetabled(sections: list[PlanSection], timetable: Timetable) -> list[PlanSection]:
    """The sections with the time the session plan gives them: the course's close runs a few minutes over its
    content's time where that ends the last day on the quarter hour (timetable.CLOSE_STRETCH), and the guide
    and deck, which read a section's minutes, say the same time as the session plan."""
    out = []
    for index, section in enumerate(sections):
        extra = timetable.section_minutes(index) - section.minutes
        if section.role == "close" and extra > 0:
            section = attrs.evolve(section, minutes=section.minutes + extra, own_minutes=section.own_minutes + extra)
        out.append(section)
    return out


def _course_sources(programme: Programme, course: Course) -> tuple[Source, ...]:
    """The sources the course's modules and the course cite that Appendix 3 does not hold, each once (an id
    names one source: validation holds it to the same words wherever it is cited)."""
    cited = [s for ref in course.modules for s in programme.modules[ref].sources] + list(course.sources)
    return tuple(s for i, s in enumerate(cited)
                 if s.id not in programme.sources and all(s.id != t.id for t in cited[:i]))


def _cascade_modules(programme: Programme, course: Course) -> tuple[Module, ...]:
    """The modules a train-the-trainer course's attendees deliver onwards: those of its modules that a course on
    the same process for an audience that does not cascade also teaches."""
    if not programme.audiences[course.audience].cascades:
        return ()
    taught = {ref for other in programme.courses.values()
              if other.process == course.process and not programme.audiences[other.audience].cascades
              for s in other.sections for ref in s.modules}
    return tuple(programme.modules[ref] for s in course.sections for ref in s.modules if ref in taught)


def _fold_lone_messages(sections: list[PlanSection]) -> None:
    """A scenarios section whose exercises all run inside their modules keeps no time of its own: its
    messages go with the module section before it, so no agenda lists "Scenarios and exercises: 5 min"."""
    for i, section in enumerate(sections):
        if section.role != "exercises" or section.exercises or not section.messages or section.own_minutes:
            continue
        before = [j for j in range(i) if sections[j].role == "modules" and not sections[j].omitted]
        if not before:
            continue
        j = before[-1]
        host = sections[j]
        sections[j] = attrs.evolve(host, messages=host.messages + section.messages,
                                   message_minutes=host.message_minutes + section.message_minutes,
                                   minutes=host.minutes + section.message_minutes)
        sections[i] = attrs.evolve(section, messages=(), message_minutes=0,
                                   minutes=section.minutes - section.message_minutes)


def _prerequisites(programme: Programme, sections: Sequence[PlanSection],
                   entry: Sequence[str]) -> tuple[Module, ...]:
    """Every module that one of the course's modules is delivered after, or recommends, each once."""
    refs = [ref for s in sections for mp in s.modules
            for ref in (*(r for option in mp.module.prerequisites.after for r in option),
                        *mp.module.prerequisites.recommended)]
    return tuple(programme.modules[r] for r in dict.fromkeys(refs) if r not in entry and r in programme.modules)


def _course_exercises(sections: Sequence[PlanSection]) -> tuple[ExerciseItem, ...]:
    return tuple(e for s in sections for e in (*(x for mp in s.modules for x in mp.exercises), *s.exercises))


def _timetabled_first(exercises: Sequence[ExerciseItem]) -> tuple[ExerciseItem, ...]:
    """The timetabled exercises, then the optional ones: a sheet both use goes with one the course surely runs."""
    return tuple(e for e in exercises if not e.optional) + tuple(e for e in exercises if e.optional)


def _sheets(programme: Programme, sections: list[PlanSection], audience: str) -> FrozenMap[tuple[Printable, ...]]:
    """Each printable once, with the first exercise in the handouts that uses it: a sheet an optional exercise
    shares goes with the timetabled one; each in the words for the course's audience."""
    shown: set[str] = set()
    out: dict[str, tuple[Printable, ...]] = {}
    for item in _timetabled_first(_course_exercises(sections)):
        if item.exercise is None:
            continue
        new = tuple(p.for_audience(audience) for p in programme.printables.values()
                    if item.exercise.id in p.used_by and p.id not in shown)
        if new:
            out[item.exercise.id] = new
            shown.update(p.id for p in new)
    return FrozenMap(out)


def _reference_sheets(programme: Programme, sections: list[PlanSection],
                      sheets: FrozenMap[tuple[Printable, ...]], audience: str) -> tuple[Printable, ...]:
    """The attendees' sheets for the processes and modules the course covers, less those its exercises hand
    out: a course covers a process where it teaches a module of it or takes it in brief (IS, the CAF and the
    lead professional in a course for senior managers)."""
    taught = {mp.module.ref for s in sections for mp in s.modules}
    processes = {programme.modules[ref].process for ref in taught} | {a.process.id for s in sections for a in s.awareness}
    handed = {p.id for group in sheets.values() for p in group}
    return tuple(p.for_audience(audience) for p in programme.printables.values()
                 if p.reader == "attendees" and p.id not in handed
                 and (processes & set(p.for_processes) or taught & set(p.for_modules)))


def _awareness(programme: Programme, course: Course, process_id: str) -> AwarenessItem:
    """The process, and the first other course for this audience that trains it in full."""
    full = [c for c in programme.courses.values()
            if c.process == process_id and c.audience == course.audience and c.id != course.id]
    return AwarenessItem(programme.processes[process_id], full[0] if full else None)


def planned_module_minutes(module: Module) -> int:
    """Minutes planned for a module: its material's timings, else the top of its expected range."""
    if module.material is not None and all(t.minutes for t in module.material.topics):
        return module.material.planned_minutes
    return module.duration.max_minutes if module.duration else 0


def _audience_slides(programme: Programme, course: Course) -> dict[tuple[str, int], tuple[AudienceSlide, ...]]:
    """Each of the audience's own slides at the first topic of its `after` the course teaches: {(ref, n): slides}."""
    taught = [(ref, n) for ref in course.modules if programme.modules[ref].material is not None
              for n in range(1, len(programme.modules[ref].material.topics) + 1)]  # type: ignore[union-attr]
    placed: dict[tuple[str, int], tuple[AudienceSlide, ...]] = {}
    for slide in programme.audiences[course.audience].slides:
        place = next((p for p in slide.places if p in taught), None)
        if place is not None:
            placed[place] = (*placed.get(place, ()), slide)
    return placed


def _module_plan(programme: Programme, module: Module, woven: dict[str, tuple[str, int]],
                 run_optional: bool = False,
                 for_audience: dict[tuple[str, int], tuple[AudienceSlide, ...]] | None = None) -> ModulePlan:
    """The module's topics in order, each written exercise straight after the topic it practises; with
    `run_optional`, its optional exercises run in the planned time too."""
    if module.material is None:
        return ModulePlan(module=module, minutes=planned_module_minutes(module), topics=module.topics)
    timed = all(t.minutes for t in module.material.topics)
    share = max(1, planned_module_minutes(module) // max(1, len(module.topics))) if not timed else 0
    after: dict[int, list[ExerciseItem]] = {}
    extra = 0
    for item in _exercise_items(module):
        exercise = item.exercise
        if exercise is not None:
            if item.optional and run_optional:
                item, extra = attrs.evolve(item, optional=False), extra + item.minutes
            after.setdefault(exercise.topic, []).append(item)
    steps: list[TopicStep | ExerciseItem] = []
    for number, topic in enumerate(module.material.topics, 1):
        messages = tuple(programme.common_messages[m] for m, at in woven.items() if at == (module.ref, number))
        steps.append(TopicStep(topic, number, topic.minutes or share, messages,
                               (for_audience or {}).get((module.ref, number), ())))
        steps += after.get(number, [])
    return ModulePlan(module=module, minutes=planned_module_minutes(module) + extra, topics=module.topics,
                      steps=tuple(steps))


def _blocks(sections: list[PlanSection]) -> list[Block]:
    """Everything that takes time, in order: each section's own time, its modules' teaching, its exercises."""
    blocks = []
    for i, s in enumerate(sections):
        if s.own_minutes > 0:
            blocks.append(Block(s.own_minutes, "teaching", s.title, s.kind, place=("section", i),
                                closing=s.role == "close"))
        for mp in s.modules:
            blocks += _module_blocks(mp, s.kind, i)
        for j, e in enumerate(s.exercises):
            if e.minutes > 0 and not e.optional:
                blocks.append(Block(e.minutes, "exercise", f"Exercise: {e.title}", s.kind, e.module_ref,
                                    place=("exercise", i, j)))
        if s.message_minutes:
            blocks.append(Block(s.message_minutes, "teaching", ("Key messages: " if len(s.messages) > 1 else "Key message: ") + "; ".join(m.title for m in s.messages),
                                s.kind, place=("messages", i)))
    return blocks


def _module_blocks(mp: ModulePlan, kind: str, index: int) -> list[Block]:
    """A module's teaching between its exercises, and each exercise, as blocks in teaching order.

    Every teaching run has the module's place, so a day that opens mid-module finds its topic by the
    teaching minutes already done; an exercise has its own place. Where exercises break the teaching up,
    each run is labelled with its topics ("CAF02 Using the CAF in Practice: topics 5-9").
    """
    label, place = f"{mp.module.ref} {mp.module.name}", ("module", index, mp.module.ref)
    if not mp.steps:
        return [Block(mp.minutes, "teaching", label, kind, mp.module.ref, place=place)] if mp.minutes > 0 else []
    runs: list[list[TopicStep] | tuple[int, ExerciseItem]] = []  # an exercise keeps its index in the steps
    for number, step in enumerate(mp.steps):
        if isinstance(step, TopicStep):
            if not runs or not isinstance(runs[-1], list):
                runs.append([])
            runs[-1].append(step)  # type: ignore[union-attr]
        elif not step.optional and step.minutes > 0:
            runs.append((number, step))
    blocks: list[Block] = []
    for run in runs:
        if isinstance(run, tuple):
            number, item = run
            blocks.append(Block(item.minutes, "exercise", f"Exercise: {item.title}", kind, mp.module.ref,
                                place=("exercise", index, mp.module.ref, number), glued=True))
            continue
        ends = list(itertools.accumulate(t.minutes for t in run))
        blocks.append(Block(ends[-1], "teaching", label, kind, mp.module.ref, place=place, cuts=tuple(ends[:-1]),
                            topics=tuple(t.number for t in run), topic_count=len(mp.topic_steps)))
    return blocks


def _exercise_items(module: Module) -> tuple[ExerciseItem, ...]:
    if module.exercises:
        return tuple(ExerciseItem(module.ref, e.title, e.minutes, e, e.optional, module.name) for e in module.exercises)
    # No written exercise yet: the seed's discussion topics become untimed exercise slots (their time
    # stays in the module), and an optional extra becomes an optional one.
    items = [ExerciseItem(module.ref, t.title, 0, module_name=module.name)
             for t in module.topics if _DISCUSSION.search(t.title)]
    if module.duration and module.duration.optional_extra:
        items.append(ExerciseItem(module.ref, f"Optional {module.duration.optional_extra}", 0, optional=True,
                                  module_name=module.name))
    return tuple(items)
