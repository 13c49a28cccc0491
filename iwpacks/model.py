"""The frozen content model: attrs classes only, no I/O and no rendering."""
from __future__ import annotations

import io

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs

V = TypeVar("V")


class FrozenMap(Mapping[str, V]):
    """An immutable, ordered, picklable mapping by id (MappingProxyType cannot be pickled)."""

    __slots__ = ("_data",)

    def __init__(self, items: Any = ()) -> None:
        self._data = dict(items)

    def __getitem__(self, key: str) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(tuple(self._data.items()))

    def __repr__(self) -> str:
        return f"FrozenMap({list(self._data)!r})"

    def __reduce__(self) -> tuple:
        return (FrozenMap, (list(self._data.items()),))


# The four faces every brand font family ships, as `<Family without spaces>-<face>.ttf` in the brand's fonts folder.
FONT_FACES = ("Regular", "Bold", "Italic", "BoldItalic")
ARABIC_FACES = ("Regular", "Bold")  # a brand's font for Arabic script sets names, never italic
DECK_TEMPLATE = "deck-template.pptx"
DOCUMENT_TEMPLATE = "document-template.docx"


# Roles that content gives a few records, so every pack can place them without naming a content id.
# A slot role is shown in a fixed place in every pack; each is declared by exactly one slot, of this type.
SLOT_ROLES = {"booking": "contacts",       # "to book a place": outline, specification, closing slide
              "network": "text",           # how attendees keep in touch: closing slide, handouts' contact list
              "local-sources": "sources"}  # the handouts' local sources of information
PRINCIPLE_ROLES = ("introductions",  # its instruction goes in the notes of the "getting to know each other" slide
                   "follow-up")      # its words head the follow-up plan of a train-the-trainer guide
MESSAGE_ROLES = ("handout-contacts",)  # shown again, with its local contacts, on the handouts' sources page
# What a part of the standard course structure (2.5) is, so renderers know how to present it.
SECTION_ROLES = ("opening", "background", "modules", "exercises", "awareness", "recap", "close")


def content_keys(cls: type, *extra: str) -> tuple[str, ...]:
    """The keys a content file may give for a model class: its fields' names, or the `key` in a field's metadata.

    The attrs classes are the one declaration of the schema. A field with key None is never read from content
    (it is derived, or an overlay adds it); `source` (eq=False) names the file a record came from.
    """
    keys = [a.metadata.get("key", a.name) for a in attrs.fields(cls) if a.eq]
    return tuple(k for k in keys if k) + extra


def _tuple(value: Any) -> tuple:
    return tuple(value)


def by_id(items: Any, key: str = "id") -> FrozenMap:
    """Index records by their id attribute, keeping their order."""
    return FrozenMap((getattr(item, key), item) for item in items)


@attrs.frozen
class Process:
    """A process or tool of integrated working (Appendix 1 column)."""

    id: str
    name: str
    short_name: str
    appendix_heading: str
    summary: str
    in_titles: str = ""  # the process as a section title names it: "Introduction to the CAF"
    # A course that raises awareness of the process gives it a short segment (5-15 minutes) of its own,
    # drawn from the module that introduces it (`introduced_by`): these points, these notes, this long.
    introduced_by: str = ""
    awareness_points: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    awareness_notes: str = ""
    awareness_minutes: int = 10
    awareness_slots: tuple[str, ...] = attrs.field(default=(), converter=_tuple)  # local facts the segment shows


@attrs.frozen
class Audience:
    """A training audience (Appendix 1 row)."""

    id: str
    name: str
    appendix_label: str
    includes: tuple[str, ...] = attrs.field(converter=_tuple)
    summary: str = ""
    cascades: bool = False  # attendees deliver the training onwards (train-the-trainer, with 2.10's follow-up)
    # The heading of the audience's suggested training route in Appendix 1, where the seed names one: the
    # training plan draws that route.
    route_heading: str = ""
    # The route is ours, not the strategy's: the seed keeps no heading for it, and the plan says so under it.
    route_ours: bool = False
    # What the pre-course questionnaire asks this audience besides every course's questions (our words).
    questionnaire: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    # Slides only this audience's courses show, on a part of its role no module defines (our words).
    slides: tuple[AudienceSlide, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class AudienceSlide:
    """A slide for one audience, written once and shown in each of its courses after a topic that leads into it.

    `after` names topics as "MODULE.n" (n counts from 1), in order of preference: a course shows the slide
    after the first of them it teaches, so a course that teaches none of them has no such slide.
    """

    title: str
    after: tuple[str, ...] = attrs.field(converter=_tuple)
    points: tuple[str, ...] = attrs.field(converter=_tuple)
    notes: str

    @property
    def places(self) -> tuple[tuple[str, int], ...]:
        """(module ref, topic number) for each of `after`."""
        return tuple((ref, int(number)) for ref, _, number in (a.rpartition(".") for a in self.after))


@attrs.frozen
class Duration:
    """An expected duration as the seed writes it, and what it means in minutes."""

    text: str
    min_minutes: int
    max_minutes: int
    optional_extra: str | None = None
    sessions: tuple[int, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Prerequisites:
    """Modules to deliver first: any one of `after` (each a set of refs) must be met."""

    after: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=lambda v: tuple(tuple(x) for x in v))
    recommended: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class EntryRequirements:
    """What attendees need before the module: experience, or else these modules first."""

    experience: str | None = None
    modules: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Substitution:
    """A module that may be delivered in place of others for some audiences."""

    replaces: tuple[str, ...] = attrs.field(converter=_tuple)
    audiences: tuple[str, ...] = attrs.field(converter=_tuple)
    note: str = ""


@attrs.frozen
class Correction:
    """A slip in the seed, kept verbatim in the text and read as `reading` in structured fields."""

    field: str
    seed_text: str
    reading: str
    note: str  # the policy team's record of the slip (draft builds)
    trainer_note: str = ""  # what a trainer reads where both wordings meet (release and LA packs); else `note`

    def note_for(self, release: bool) -> str:
        return self.trainer_note if release and self.trainer_note else self.note


DIAGRAM_KINDS = ("steps", "continuum", "hub", "decision", "cycle", "matrix", "route")
DIAGRAM_PLACEMENTS = ("instead", "after", "beside")  # for the points (they go to the notes), after them, or beside


@attrs.frozen
class DiagramItem:
    """One box of a diagram: a step, a zone, a satellite, a stage, a course or a decision's outcome."""

    label: str
    detail: str = ""
    id: str = ""  # only a decision's outcomes have one, for the questions' branches to name
    highlight: bool = False  # a hub's satellite drawn in the strong colour: the one of them the picture is about


@attrs.frozen
class DiagramQuestion:
    """One question of a decision flow; `yes` and `no` name the next question or an outcome."""

    id: str
    question: str
    yes: str
    no: str


@attrs.frozen
class MatrixRow:
    label: str
    cells: tuple[str, ...] = attrs.field(converter=_tuple)


@attrs.frozen
class Diagram:
    """A picture drawn from content, as editable shapes on a slide and as a figure in documents.

    Which fields a diagram fills depends on its kind: `items` (steps, zones of a continuum, satellites of a
    hub, stages of a cycle), `centre` (hub), `ends` (the two ends of a continuum), `columns` and `rows`
    (matrix), `questions` and `outcomes` (decision), `stages` (route: each stage lists its alternatives).
    """

    kind: str
    title: str
    alt: str = ""  # written alt text; where empty, alt_text() says the structure in words
    # One or two sentences the handouts print above the figure: what it shows and how to use it, since
    # attendees keep the picture without the trainer there to explain it.
    lead_in: str = ""
    placement: str = "instead"  # reviewers found a slide of points then a picture of the same points a repeat
    items: tuple[DiagramItem, ...] = attrs.field(default=(), converter=_tuple)
    centre: str = ""
    ends: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    columns: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    rows: tuple[MatrixRow, ...] = attrs.field(default=(), converter=_tuple)
    questions: tuple[DiagramQuestion, ...] = attrs.field(default=(), converter=_tuple)
    outcomes: tuple[DiagramItem, ...] = attrs.field(default=(), converter=_tuple)
    stages: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_tuple)

    def alt_text(self) -> str:
        """What a screen reader says for the diagram: the content's own words, or its structure spelled out."""
        return self.alt or f"{self.title}: {_structure_in_words(self)}"


def _structure_in_words(d: Diagram) -> str:
    def item(i: DiagramItem) -> str:
        return f"{i.label} ({i.detail})" if i.detail else i.label

    if d.kind == "steps":
        return f"{len(d.items)} steps in order: " + "; ".join(f"{n}. {item(i)}" for n, i in enumerate(d.items, 1)) + "."
    if d.kind == "continuum":
        ends = f" from {d.ends[0]} to {d.ends[-1]}" if d.ends else ""
        return f"a scale{ends} in {len(d.items)} zones: " + "; ".join(item(i) for i in d.items) + "."
    if d.kind == "hub":
        return f"{d.centre} at the centre, linked to " + "; ".join(item(i) for i in d.items) + "."
    if d.kind == "cycle":
        return (f"a cycle of {len(d.items)} stages: " + ", then ".join(item(i) for i in d.items)
                + f", then back to {d.items[0].label}." if d.items else "an empty cycle.")
    if d.kind == "matrix":
        return "a table. " + " ".join(
            f"{row.label}: " + "; ".join(f"{c}: {v}" for c, v in zip(d.columns, row.cells)) + "." for row in d.rows)
    if d.kind == "decision":
        outcomes = {o.id: o.label for o in d.outcomes}
        questions = {q.id: q.question for q in d.questions}

        def goes(target: str) -> str:
            return outcomes.get(target) or f"go to \u201c{questions.get(target, target)}\u201d"

        return "a decision flow. " + " ".join(f"{q.question} Yes: {goes(q.yes)}. No: {goes(q.no)}."
                                              for q in d.questions)
    return "a route: " + "; then ".join(" or ".join(stage) for stage in d.stages) + "."


@attrs.frozen
class Topic:
    """Core material for one seed content item: slide points, speaker notes and planned minutes.

    `title` is the seed's content item, verbatim, or as a correction in the module reads it (content_read).
    `slide_title` is a shorter heading for a slide where the seed's wording is too long to fit one. `slots`
    name local facts the topic needs (filled by an LA overlay). A topic with no written material has only
    its title.
    """

    title: str
    points: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    notes: str = ""
    minutes: int | None = None
    slots: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    # Of the points, those that only say what the local facts will cover ("Where to get the forms"): a slide
    # whose slots all carry an LA's values shows the facts, under their own headings, without them.
    local_prompts: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    # Added by an LA overlay, never written in content (key None: not a content key).
    local_notes: str = attrs.field(default="", metadata={"key": None})
    local_slides: tuple[LocalSlide, ...] = attrs.field(default=(), converter=_tuple, metadata={"key": None})
    slide_title: str = ""
    # Common messages (ids) this topic delivers: a course that carries one says it here, in the topic's
    # own context, instead of on a slide of its own (2.5: "interspersed at relevant points").
    messages: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    # Of those, the ones this topic's own points already make: the deck gives the message's standard wording
    # in the topic's notes, to say, rather than a second slide that repeats the first.
    messages_in_notes: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    # Who the words are written for (audience ids; empty: anyone), and versions for other audiences: a
    # course for an audience a variant names gets the variant's points and notes instead.
    addressed_to: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    variants: tuple[TopicVariant, ...] = attrs.field(default=(), converter=_tuple)
    diagram: Diagram | None = None  # a picture of the topic's subject, drawn in the deck and the documents
    # How the trainer runs the topic's minutes: timed steps (talk, pairs, feedback...) adding up to them.
    run: tuple[RunStep, ...] = attrs.field(default=(), converter=_tuple)

    def for_audience(self, audience: str) -> Topic:
        """The topic as a course for `audience` presents it."""
        return _apply_variant(self, audience)


@attrs.frozen
class TopicVariant:
    """A topic's points, notes, steps and local slots written for other audiences (empty fields keep the
    topic's own). `slots` lets a course for managers show one or two parts of a local procedure on its slide
    where practitioners see all of it; the handouts give every slot a course uses in full either way."""

    audiences: tuple[str, ...] = attrs.field(converter=_tuple)
    points: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    notes: str = ""
    run: tuple[RunStep, ...] = attrs.field(default=(), converter=_tuple)
    slots: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    slide_title: str = ""  # the slide's title for these audiences, where their points say something else


@attrs.frozen
class RunStep:
    """One timed step of a topic: what the trainer and the group do for so many minutes."""

    minutes: int
    step: str


def _apply_variant(record: Any, audience: str) -> Any:
    """`record` with the fields its first variant for `audience` sets; the variants themselves dropped."""
    variant = next((v for v in record.variants if audience in v.audiences), None)
    if variant is None:
        return record
    changes = {f.name: getattr(variant, f.name) for f in attrs.fields(type(variant))
               if f.name != "audiences" and getattr(variant, f.name)}
    return attrs.evolve(record, **changes, variants=(), addressed_to=variant.audiences)


@attrs.frozen
class LocalSlide:
    """A slide an LA overlay adds at the end of a module topic."""

    title: str
    points: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    notes: str = ""


@attrs.frozen
class RoleBrief:
    """What one player in a role play knows; the trainer hands it only to that player."""

    role: str
    brief: str


@attrs.frozen
class ExerciseVariant:
    """An exercise rewritten for other audiences: any field set replaces the exercise's own; the minutes stay."""

    audiences: tuple[str, ...] = attrs.field(converter=_tuple)
    title: str = ""
    group_size: str = ""
    scenario: str = ""
    instructions: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    questions: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    facilitation: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    role_briefs: tuple[RoleBrief, ...] = attrs.field(default=(), converter=_tuple)
    setup: str = ""
    timing: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    listen_for: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    debrief: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Exercise:
    """A scenario, discussion or role play that attendees do, with the trainer's facilitation notes."""

    id: str
    title: str
    kind: str
    topic: int = attrs.field(metadata={"key": "after_topic"})  # the topic (1-based) it follows
    minutes: int
    group_size: str
    scenario: str
    instructions: tuple[str, ...] = attrs.field(converter=_tuple)
    questions: tuple[str, ...] = attrs.field(converter=_tuple)
    facilitation: tuple[str, ...] = attrs.field(converter=_tuple)
    optional: bool = False
    role_briefs: tuple[RoleBrief, ...] = attrs.field(default=(), converter=_tuple)
    # The trainer's notes for running it in the room: how to set it up, what to say when, what to listen
    # for while groups work, and how to draw it together at the end.
    setup: str = ""
    timing: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    listen_for: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    debrief: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    addressed_to: tuple[str, ...] = attrs.field(default=(), converter=_tuple)  # as Topic.addressed_to
    variants: tuple[ExerciseVariant, ...] = attrs.field(default=(), converter=_tuple)

    def for_audience(self, audience: str) -> Exercise:
        """The exercise as a course for `audience` runs it (its minutes never change)."""
        return _apply_variant(self, audience)

    @property
    def groups(self) -> str:
        """The grouping as a phrase: "groups of 4-6, mixed agencies", but "threes: ..." as written."""
        return f"groups of {self.group_size}" if self.group_size[:1].isdigit() else self.group_size


PRINTABLE_STYLES = ("form", "checklist", "reference")  # writing lines, tick boxes, or points to read
PRINTABLE_READERS = ("attendees", "trainer")            # in the handouts, or in the trainer guide


@attrs.frozen
class PrintableSection:
    """One part of a printable: prompts with writing lines (form), with tick boxes (checklist), or to read."""

    heading: str
    style: str
    prompts: tuple[str, ...] = attrs.field(converter=_tuple)
    lines: int = 0  # writing lines under each prompt of a form


@attrs.frozen
class Printable:
    """A sheet or form an exercise needs in the room (content/printables.yaml), printed once per course
    with the first exercise that uses it: in the handouts for attendees, in the trainer guide for the trainer.
    A reference sheet can also be for the processes or modules it summarises: a course that covers one of them
    and runs no exercise that uses it hands it out among the handouts' reference sheets."""

    id: str
    title: str
    reader: str = attrs.field(metadata={"key": "for"})
    used_by: tuple[str, ...] = attrs.field(converter=_tuple)  # exercise ids
    intro: str
    note: str
    sections: tuple[PrintableSection, ...] = attrs.field(converter=_tuple)
    # Process ids: a course covers one where it teaches a module of it or takes it in brief (an awareness item).
    for_processes: tuple[str, ...] = attrs.field(default=(), converter=_tuple, metadata={"key": "processes"})
    for_modules: tuple[str, ...] = attrs.field(default=(), converter=_tuple, metadata={"key": "modules"})  # refs
    # A local slot the sheet shows after its sections, as the LA gives it (the escalation route's contacts).
    slot: str = ""
    # The note in a pack whose LA gives `local_slot`'s facts, which the handouts list among the local contacts:
    # where to find them ({heading}), in place of `note`'s "your local authority sets how this works".
    local_note: str = ""
    local_slot: str = ""
    # A reference sheet can show a module topic's diagram ("CAF02 topic 4"), drawn after its intro.
    diagram_of: str = attrs.field(default="", metadata={"key": "diagram"})
    figure: Diagram | None = attrs.field(default=None, metadata={"key": None})  # that diagram, found when read
    # The intro of a sheet handed out to keep, where no exercise of the course uses it ("to keep, for after the
    # course"); none: the intro serves both.
    keep_intro: str = ""
    # Versions for other audiences (managers: where their services sit, not a child to place): a course for an
    # audience a variant names hands the sheet out in the variant's words.
    variants: tuple[PrintableVariant, ...] = attrs.field(default=(), converter=_tuple)
    addressed_to: tuple[str, ...] = attrs.field(default=(), converter=_tuple, metadata={"key": None})

    def for_audience(self, audience: str) -> Printable:
        """The sheet as a course for `audience` hands it out: its first variant for it, whose sections take the
        place of the sheet's own of the same styles (its form, say), where the first of those stood."""
        variant = next((v for v in self.variants if audience in v.audiences), None)
        if variant is None or not variant.sections:
            return _apply_variant(self, audience)
        styles = {s.style for s in variant.sections}
        at = next(n for n, s in enumerate(self.sections) if s.style in styles) if any(
            s.style in styles for s in self.sections) else len(self.sections)
        kept = [s for s in self.sections if s.style not in styles]
        before = [s for s in self.sections[:at] if s.style not in styles]
        sections = (*before, *variant.sections, *kept[len(before):])
        return attrs.evolve(_apply_variant(self, audience), sections=sections)


@attrs.frozen
class PrintableVariant:
    """A sheet's words for other audiences: any field set replaces the sheet's own, but its sections, which
    replace the sheet's sections of the same styles."""

    audiences: tuple[str, ...] = attrs.field(converter=_tuple)
    intro: str = ""
    keep_intro: str = ""
    note: str = ""
    sections: tuple[PrintableSection, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Question:
    """One question of a knowledge check: the options attendees choose from and why the right one is right."""

    question: str
    options: tuple[str, ...] = attrs.field(converter=_tuple)
    answer: int  # the 1-based position of the right option
    explanation: str
    # The audiences whose courses ask it; none: every course. A practitioner's scenario is not a question for
    # senior managers, who take the same module (the review: a third of their check was practitioners' cases).
    audiences: tuple[str, ...] = attrs.field(default=(), converter=_tuple)

    @property
    def right_option(self) -> str:
        return self.options[self.answer - 1]

    def asked_of(self, audience: str) -> bool:
        return not self.audiences or audience in self.audiences


@attrs.frozen
class KnowledgeCheck:
    """A module's knowledge check (content/knowledge-checks/<REF>.yaml): attendees answer it, the trainer
    goes through the answers; self-study reuses it."""

    status: str
    questions: tuple[Question, ...] = attrs.field(converter=_tuple)

    def asked_of(self, audience: str) -> tuple[Question, ...]:
        """The questions a course for `audience` asks, in order."""
        return tuple(q for q in self.questions if q.asked_of(audience))


@attrs.frozen
class StudyPage:
    """One page of a self-study course: a topic (or two neighbours) written for a reader alone."""

    topic: int  # the material topic it is written from, 1-based; its diagram is shown on the page
    title: str
    paragraphs: tuple[str, ...] = attrs.field(converter=_tuple)
    key_points: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    also_topics: tuple[int, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class StudyActivity:
    """An exercise of the material reworked for one person: a task, questions to write to, and what a good
    answer covers, shown once the reader has had a go."""

    after_page: int
    from_exercise: str
    title: str
    task: str
    questions: tuple[str, ...] = attrs.field(converter=_tuple)
    reflection: str


@attrs.frozen
class DecisionChoice:
    text: str
    best: bool
    feedback: str


@attrs.frozen
class DecisionStep:
    question: str
    choices: tuple[DecisionChoice, ...] = attrs.field(converter=_tuple)


@attrs.frozen
class Decision:
    """A scenario of the material as an interactive exercise (Appendix 2: IS03 "via CBT as interactive
    exercises"): the reader decides at each step and reads feedback on the choice."""

    from_exercise: str
    after_page: int
    title: str
    scenario: str
    steps: tuple[DecisionStep, ...] = attrs.field(converter=_tuple)


@attrs.frozen
class SelfStudy:
    """A module's self-study course (content/selfstudy/<REF>.yaml), for a module Appendix 2 says may be studied
    alone; the module's knowledge check follows its pages."""

    status: str
    minutes: int
    introduction: str
    pass_mark: int  # the knowledge check's pass mark, per cent: the SCORM package's mastery score
    pages: tuple[StudyPage, ...] = attrs.field(converter=_tuple)
    activities: tuple[StudyActivity, ...] = attrs.field(default=(), converter=_tuple)
    decisions: tuple[Decision, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Material:
    """The core training material written for a module (content/material/<REF>.yaml)."""

    status: str
    review_note: str
    topics: tuple[Topic, ...] = attrs.field(converter=_tuple)
    exercises: tuple[Exercise, ...] = attrs.field(default=(), converter=_tuple)

    @property
    def planned_minutes(self) -> int:
        """Topic minutes plus the minutes of exercises that are not optional."""
        return (sum(t.minutes or 0 for t in self.topics)
                + sum(e.minutes for e in self.exercises if not e.optional))


# Where a module comes from: the strategy's Appendix 2, the policy team's own content beyond it, or an LA's
# content layer (set by the LA reader, never written in master content).
MODULE_ORIGINS = ("strategy", "programme", "local")


@attrs.frozen
class Module:
    """A training module of Appendix 2 (or a named but undefined one, with status pending)."""

    ref: str
    name: str
    status: str
    process: str
    description: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    audience_text: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    audiences: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    optional_audiences: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    objectives_lead: str = ""
    objectives: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    # The objectives as the forms and certificate put them to an attendee, where the seed's words speak of
    # attendees in the third person ("within their own context"); one per objective, or none.
    objectives_for_attendees: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    content: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    delivery_text: str = ""
    delivery_modes: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    duration: Duration | None = None
    responsibility: str = ""
    prerequisites: Prerequisites = Prerequisites()
    entry_requirements: EntryRequirements | None = None
    substitutes: Substitution | None = None
    corrections: tuple[Correction, ...] = attrs.field(default=(), converter=_tuple)
    note: str = ""
    material: Material | None = None
    knowledge_check: KnowledgeCheck | None = None
    self_study: SelfStudy | None = None  # content/selfstudy/<REF>.yaml, for a module that may be studied alone
    # Where the module comes from (MODULE_ORIGINS): Appendix 2 of the strategy, written by the policy team
    # beyond it (a module for another course, 2.2), or an LA's own. Only a strategy module's duration, content
    # and delivery are "the strategy's", so only the packs' words about them name it.
    origin: str = "strategy"
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)  # what the module cites, beside Appendix 3
    source: str = attrs.field(default="", eq=False)

    @property
    def from_strategy(self) -> bool:
        return self.origin == "strategy"

    @property
    def is_local(self) -> bool:
        return self.origin == "local"

    @property
    def objectives_read(self) -> tuple[str, ...]:
        """The objectives as attendees read them, each slip the content corrects ("objectives[4]") read as
        corrected; the specification keeps the seed's words and says what was corrected."""
        return self._read("objectives", self.objectives)

    @property
    def objective_corrections(self) -> tuple[Correction, ...]:
        """The corrections to objectives: the specification quotes the seed's words, every other artefact reads
        them corrected, so a pack that holds both says why they differ."""
        return tuple(c for c in self.corrections if c.field.startswith("objectives["))

    @property
    def attendee_objectives(self) -> tuple[str, ...]:
        """The objectives an attendee reads on a form or certificate: the content's words for attendees where it
        gives them, else the objectives as read."""
        return self.objectives_for_attendees or self.objectives_read

    @property
    def content_read(self) -> tuple[str, ...]:
        """The content items as a course lists them, each the content corrects ("content[1]") read as
        corrected: a seed item that is a lead-in with nothing after it reads as a topic."""
        return self._read("content", self.content)

    def _read(self, name: str, values: tuple[str, ...]) -> tuple[str, ...]:
        out = list(values)
        for c in self.corrections:
            index = c.field.removeprefix(f"{name}[").removesuffix("]")
            if c.field == f"{name}[{index}]" and index.isdigit() and int(index) < len(out):
                out[int(index)] = out[int(index)].replace(c.seed_text, c.reading)
        return tuple(out)

    @property
    def topics(self) -> tuple[Topic, ...]:
        """The material's topics, or bare topics named after the seed's content items."""
        if self.material is not None:
            return self.material.topics
        return tuple(Topic(title=item) for item in self.content)

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        return self.material.exercises if self.material is not None else ()

    def for_audience(self, audience: str) -> Module:
        """The module as a course for `audience` teaches it: each topic and exercise in that audience's version."""
        if self.material is None:
            return self
        material = attrs.evolve(self.material, topics=tuple(t.for_audience(audience) for t in self.material.topics),
                                exercises=tuple(e.for_audience(audience) for e in self.material.exercises))
        return attrs.evolve(self, material=material)

    @property
    def id(self) -> str:
        return self.ref

    @property
    def is_pending(self) -> bool:
        return self.status == "pending"


@attrs.frozen
class CommonMessage:
    """A common message of 3.2: the seed's words and the one standard wording every course uses."""

    id: str
    title: str
    seed_text: str
    wording: str
    note: str = ""
    points: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    notes: str = ""
    slots: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    role: str = ""  # one of MESSAGE_ROLES, or "" for none
    # The time it takes where it stands on its own in a section of modules or exercises (a section of
    # messages, the background and the recap, has its own time for them; a topic that delivers it, the topic's).
    minutes: int = 5


@attrs.frozen
class StructureSection:
    """One part of the standard course content of 2.5."""

    id: str
    title: str
    seed_text: str = ""  # "" for a section of ours that 2.5 does not list (the close)
    repeatable: bool = False
    interspersed: bool = False
    minutes: int = 0
    role: str = ""  # one of SECTION_ROLES (required in content)
    summary: str = ""  # what it covers, for a section with no seed text and nothing of its own to list
    trainer_steps: tuple[str, ...] = attrs.field(default=(), converter=_tuple)  # the guide's to-do list for it


@attrs.frozen
class CourseSection:
    """One section of a course: which modules, common messages and awareness topics it holds."""

    kind: str
    modules: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    messages: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    awareness: tuple[str, ...] = attrs.field(default=(), converter=_tuple, metadata={"key": "processes"})
    exercises_from: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    minutes: int | None = None
    omitted: str | None = None


@attrs.frozen
class Course:
    """A course for one audience on one process, laid out per 2.5: an Appendix 1 cell, or a course beyond it
    (2.2: modules "incorporated into other training courses"), which has no cell."""

    id: str
    title: str
    process: str
    audience: str
    sections: tuple[CourseSection, ...] = attrs.field(converter=_tuple)
    appendix_cell: tuple[str, ...] = attrs.field(default=(), converter=_tuple)  # as the seed writes it; () if none
    entry_requirements: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    status: str = attrs.field(default="ready", metadata={"key": None})  # "pending" if a module is pending
    # Modules whose optional exercises this course runs in its planned time (2.10: time for experiential
    # learning), where the course has the room the strategy's minimum leaves out.
    run_optional: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    # Why the course delivers modules its Appendix 1 cell does not list: the training plan shows the cell as
    # the strategy writes it, and says beside it what the course adds and why.
    beyond_appendix: str = ""
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)  # the course's own, beside its modules'
    # "local" for a course of an LA's content layer (set by the LA reader, never written in content).
    origin: str = attrs.field(default="programme", metadata={"key": None})
    source: str = attrs.field(default="", eq=False)

    @property
    def is_local(self) -> bool:
        return self.origin == "local"

    @property
    def in_appendix(self) -> bool:
        """Whether the course is a cell of Appendix 1 (the strategy's outline plan)."""
        return bool(self.appendix_cell)

    @property
    def modules(self) -> tuple[str, ...]:
        """Module refs in delivery order."""
        return tuple(ref for section in self.sections for ref in section.modules)

    @property
    def appendix_modules(self) -> tuple[str, ...]:
        """The module refs of the Appendix 1 cell, as the strategy lists them: "Intro to CAF (CAF01)" -> CAF01."""
        return tuple(entry[entry.rindex("(") + 1:-1] for entry in self.appendix_cell
                     if entry.endswith(")") and "(" in entry)

    @property
    def added_modules(self) -> tuple[str, ...]:
        """Modules the course delivers that its Appendix 1 cell does not list, in delivery order (none for a course
        with no cell: it is not measured against Appendix 1)."""
        if not self.appendix_cell:
            return ()
        return tuple(ref for ref in self.modules if ref not in self.appendix_modules)

    @property
    def messages(self) -> tuple[str, ...]:
        """Common message ids in the order the course presents them."""
        return tuple(mid for section in self.sections for mid in section.messages)

    @property
    def is_pending(self) -> bool:
        return self.status == "pending"


@attrs.frozen
class DeliveryPrinciple:
    """A delivery principle of 2.10; `applies_to` narrows it (e.g. to train-the-trainer courses)."""

    id: str
    title: str
    seed_text: str
    applies_to: str = "all"
    instruction: str = ""
    role: str = ""  # one of PRINCIPLE_ROLES, or "" for none


@attrs.frozen
class ArtefactUse:
    """A file of the pack that provides a material of 3.1, and how many copies to print: `each` per
    attendee, per trainer or per day of the course, plus `spares`; "projected" is shown, not printed."""

    artefact: str  # an artefact name from ARTEFACTS
    what: str      # what to print from the file, for the printing list ("Every page", "The notes pages")
    per: str = "attendee"  # one of COPIES_PER
    each: int = 1
    spares: int = 0

    def copies(self, attendees: int, days: int) -> int | None:
        """How many to print for a group of `attendees` over `days`; None per trainer (the guide says so)."""
        if self.per == "trainer":
            return None
        return self.each * {"attendee": attendees, "day": days, "course": 1}[self.per] + self.spares


COPIES_PER = ("attendee", "trainer", "day", "course")


@attrs.frozen
class MaterialType:
    """A material every course needs (3.1), and the artefacts of the pack that provide it."""

    id: str
    title: str
    seed_text: str = ""  # empty for a material we add beyond 3.1's list
    artefacts: tuple[ArtefactUse, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Source:
    """A key source of information (Appendix 3)."""

    id: str
    title: str
    description: str
    url: str
    # Where the seed's own title has a slip, `title` is the corrected one, `seed_title` the seed's words.
    seed_title: str = ""
    note: str = ""


@attrs.frozen
class DistributionRoute:
    """A route by which training materials reach LAs (4.1), and what a distribution register may say of it."""

    id: str
    seed_text: str
    name: str = ""  # a register's and a report's words for the route: "download from the website"
    media: tuple[str, ...] = attrs.field(default=(), converter=_tuple)  # how it is sent, where the seed says
    recipients: tuple[str, ...] = attrs.field(default=(), converter=_tuple)  # the kinds of body it reaches


@attrs.frozen
class LocalSlot:
    """A fact only a local authority can supply; master packs show `label` as a placeholder."""

    id: str
    label: str
    type: str
    description: str
    every_course: bool = False
    role: str = ""  # one of SLOT_ROLES, or "" for none
    parts: tuple[SlotPart, ...] = attrs.field(default=(), converter=_tuple)  # an arrangements slot's parts


PART_MARK = "."  # "caf-process.storage": one part of an arrangements slot, where a topic needs only that
# "caf-process.contacts": an arrangements slot's contacts alone (who coordinates it), for a course that shows
# a manager who to ask rather than the whole local procedure, which its handouts still give in full.
CONTACTS_PART = "contacts"


@attrs.frozen
class SlotPart:
    """One thing an arrangements slot asks the LA to say ("Forms, and where to get them")."""

    id: str
    label: str


@attrs.frozen
class Arrangements:
    """How a local process works: each part the slot names, in the LA's words, and who to contact."""

    parts: FrozenMap[str] = attrs.field(converter=FrozenMap)  # part id -> text
    contacts: tuple[Contact, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Contact:
    """A local contact: who, in which role and organisation, and how to reach them."""

    name: str
    role: str
    organisation: str
    phone: str = ""
    email: str = ""


@attrs.frozen
class Protocol:
    """A local information sharing protocol (ISP)."""

    title: str
    version: str
    date: str
    owner: str
    summary: str
    link: str = ""
    file: str = ""


@attrs.frozen
class LocalSource:
    """A local source of information."""

    title: str
    url: str
    description: str = ""


@attrs.frozen
class SlotType:
    """What an overlay gives for a slot of this type: text, or a list of records of one class."""

    name: str
    item: type | None  # the model class of each item; None for a text slot
    description: str   # what to give, as the trainer guide's local information table says it


# The one declaration of slot types: content, overlays, the converter and the guide all read it.
SLOT_TYPES = {t.name: t for t in (
    SlotType("contacts", Contact, "Contacts: name, role, organisation, phone, email"),
    SlotType("protocols", Protocol, "Protocols: title, version, date, owner, link or file, summary"),
    SlotType("sources", LocalSource, "Sources: title, web address, description"),
    SlotType("text", None, "Text"),
    SlotType("arrangements", Arrangements, "Arrangements: a sentence or two on each part, and contacts"),
)}


@attrs.frozen
class TrainingDay:
    """The day a course is booked into: times in minutes after midnight, lunch and breaks in minutes.

    Content sets it (programme.yaml `training_day`); an LA overlay may change any part of it. A session
    is at most `session_minutes` (the seed's "2 x 2.5 hours"), and two sessions with lunch between them
    and a break in each must end by `end`.
    """

    start: int = 9 * 60
    end: int = 16 * 60 + 30
    lunch_minutes: int = 45
    break_minutes: int = 15
    session_minutes: int = 190
    welcome_back_minutes: int = 10  # each day after the first opens with a recap and an energiser
    day_close_minutes: int = 10  # each day before the last ends with questions and what the next day holds

    @property
    def session_limit(self) -> int:
        """The longest session this day allows: two of them, lunch and two breaks fit between start and end."""
        room = (self.end - self.start - self.lunch_minutes - 2 * self.break_minutes) // 2
        return min(self.session_minutes, room - room % 5)


def _texts(value: Any, path: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield ".".join(path), value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts(item, (*path, str(key)))
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _texts(item, (*path, str(i)))
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _texts(getattr(value, field.name), (*path, field.name))


@attrs.frozen
class LogoImage:
    """An LA's logo as the overlay reader decoded it: an 8-bit RGB or RGBA PNG, and its size in pixels."""

    png: bytes = attrs.field(repr=False)
    width: int
    height: int

    def stream(self) -> io.BytesIO:
        return io.BytesIO(self.png)

    def fit(self, box_width: float, box_height: float) -> tuple[float, float]:
        """The largest (width, height) inside the box that keeps the logo's shape, in the box's units."""
        scale = min(box_width / self.width, box_height / self.height)
        return self.width * scale, self.height * scale


@attrs.frozen
class Localisation:
    """One LA's localisation (with any organisation overlay merged in): its name, logo and slot values.

    `slots` maps slot id to a tuple of Contact, Protocol or LocalSource, or to text; a slot that is
    absent is unfilled. `layers` names the overlay files applied, each with its sha256.
    """

    id: str
    name: str
    organisation: str = ""
    logo: Path | None = None
    logo_image: LogoImage | None = None  # the logo decoded and normalised, for the renderers
    slots: FrozenMap = FrozenMap()
    local_notes: FrozenMap = FrozenMap()  # module ref -> {topic index: (notes, local slides)}
    training_day: TrainingDay | None = None  # the LA's own day, where it books courses differently
    layers: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_tuple)
    # The LA's own content layer (modules/, material/, courses.yaml beside overlay.yaml), origin "local":
    # apply_overlay adds it to the programme beside the master's, which it cannot change.
    modules: FrozenMap[Module] = attrs.field(default=FrozenMap(), converter=FrozenMap)
    courses: FrozenMap[Course] = attrs.field(default=FrozenMap(), converter=FrozenMap)

    @property
    def display_name(self) -> str:
        return f"{self.name}: {self.organisation}" if self.organisation else self.name

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every text the LA wrote, with where it is ("slots.training-contacts.0.name"): its names, slot values
        and local notes, not the files it names."""
        yield from _texts(attrs.evolve(self, layers=(), logo=None, logo_image=None), ())


@attrs.frozen
class Programme:
    """The whole training programme: every process, audience, module and course.

    The collections are read-only maps by id; a plain dict given to attrs.evolve is frozen on the way in.
    """

    title: str
    version: str
    source_document: str
    processes: FrozenMap[Process] = attrs.field(converter=FrozenMap)
    audiences: FrozenMap[Audience] = attrs.field(converter=FrozenMap)
    modules: FrozenMap[Module] = attrs.field(converter=FrozenMap)
    courses: FrozenMap[Course] = attrs.field(converter=FrozenMap)
    common_messages: FrozenMap[CommonMessage] = attrs.field(converter=FrozenMap)
    course_structure: FrozenMap[StructureSection] = attrs.field(converter=FrozenMap)
    delivery_principles: FrozenMap[DeliveryPrinciple] = attrs.field(converter=FrozenMap)
    material_types: FrozenMap[MaterialType] = attrs.field(converter=FrozenMap)
    sources: FrozenMap[Source] = attrs.field(converter=FrozenMap)
    distribution_routes: FrozenMap[DistributionRoute] = attrs.field(converter=FrozenMap)
    slots: FrozenMap[LocalSlot] = attrs.field(default=FrozenMap(), converter=FrozenMap)
    printables: FrozenMap[Printable] = attrs.field(default=FrozenMap(), converter=FrozenMap)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    localisation: Localisation | None = None
    training_day: TrainingDay = TrainingDay()
    # The trainer guide's words by GUIDE_TEXT key; each a tuple: one text, or the items of a list.
    guide_text: FrozenMap[tuple[str, ...]] = attrs.field(default=FrozenMap(), converter=FrozenMap)
    glossary: tuple[GlossaryTerm, ...] = attrs.field(default=(), converter=_tuple)  # in content order


@attrs.frozen
class GlossaryTerm:
    """An acronym the courses use, or a key term (content/glossary.yaml): what it means, and for an acronym
    what it stands for."""

    term: str
    meaning: str
    stands_for: str = ""
    # An acronym whose words are a term in their own right (the team around the child): a course that says
    # them and never the acronym still lists it. Most are not: "the Children Act 2004" has no use for "CA".
    by_words: bool = False
    # Other wordings a course's texts use for a key term, each of which lists it: "designated person" for the
    # designated or named person, one entry for both.
    also: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


# Where an LA's logo goes, and its box there in millimetres: the right-hand end of a slide's logo band, beside
# the brand's logo on a Word cover and on a form, and in the header of a PDF page and of a certificate.
LOGO_BOXES: dict[str, tuple[float, float]] = {"slide": (76.2, 15.24), "cover": (50.0, 25.0), "form": (35.0, 17.5),
                                              "page": (44.0, 11.0), "certificate": (52.0, 13.0)}


@attrs.frozen
class Brand:
    """A brand: hex colours by role (no '#'), font names and the paths of its logo, fonts and templates.

    The fonts are the brand's own files (never the machine's), so a PDF looks the same everywhere;
    `fallback_font` is a font with the same metrics that Office uses where the family is not installed.
    """

    name: str
    colours: FrozenMap[str]
    heading_font: str
    body_font: str
    logo: Path
    folder: Path
    pairs: tuple[tuple[str, str], ...] = ()
    fallback_font: str = ""
    font_folder: Path | None = None
    arabic_font: str = ""  # for text in Arabic script, which the heading and body fonts lack (Regular, Bold)
    # Fonts the PDFs take a character from where the body font has no glyph for it, in order (Regular; Bold
    # where it ships): other scripts, emoji and symbols in an LA's names and contacts.
    script_fonts: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    # The box an LA's logo fits inside on each kind of artefact, (width, height) in millimetres; the logo keeps
    # its shape inside it. brand.yaml's `logo_boxes` may change any of them.
    logo_boxes: FrozenMap[tuple[float, float]] = FrozenMap(LOGO_BOXES)

    def logo_box(self, where: str) -> tuple[float, float]:
        return self.logo_boxes.get(where) or LOGO_BOXES[where]

    def font_file(self, family: str, face: str) -> Path:
        """The TTF file of one face ("Regular", "Bold", "Italic", "BoldItalic") of a brand font family."""
        folder = self.font_folder if self.font_folder is not None else self.folder / "fonts"
        return folder / f"{family.replace(' ', '')}-{face}.ttf"

    @property
    def deck_template(self) -> Path:
        return self.folder / DECK_TEMPLATE

    @property
    def document_template(self) -> Path:
        return self.folder / DOCUMENT_TEMPLATE

    def rgb(self, role: str) -> tuple[int, int, int]:
        """The colour of `role` as an (r, g, b) tuple of 0-255 ints."""
        value = self.colours[role]
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


@attrs.frozen
class Artefact:
    """One file of a course pack: its name on the command line, its file name and what trainers call it."""

    name: str
    filename: str
    title: str
    # What a course needs for its pack to hold the file (CoursePlan.holds): nothing, attendees who cascade
    # the training (a train-the-trainer course), a module with a knowledge check, or a glossary term it uses.
    needs: str = ""  # "", "cascading", "knowledge-checks" or "glossary"


@attrs.frozen
class EvaluationReturn:
    """One returned evaluation form, a row of the feedback CSV: answers 1-5, None where left blank."""

    course: str
    before: tuple[int | None, ...]   # confidence in the course's Nth objective before the course
    after: tuple[int | None, ...]    # and now
    ratings: tuple[int | None, ...]  # in the form's order (the pack's words: evaluation.rating_columns)
    agency: str = ""
    change: str = ""                 # what they will do differently
    better: str = ""                 # what would have made the course better
    file: str = ""
    line: int = 0


# Every artefact of a course pack, in pack order: the build, the preview, the guide's checklist and the CLI
# all read this one list.
ARTEFACTS = (
    Artefact("deck", "deck.pptx", "Slide deck"),
    Artefact("handouts", "handouts.docx", "Handouts"),
    Artefact("course-specification", "course-specification.pdf", "Course specification"),
    Artefact("trainer-guide", "trainer-guide.docx", "Trainer guide"),
    Artefact("course-outline", "course-outline.pdf", "Course outline"),
    Artefact("evaluation-form", "evaluation-form.docx", "Evaluation form"),
    Artefact("attendance-register", "attendance-register.docx", "Attendance register"),
    Artefact("action-plan", "action-plan.docx", "Action plan"),
    Artefact("certificate", "certificate.pdf", "Certificate of attendance"),
    Artefact("pre-course-questionnaire", "pre-course-questionnaire.docx", "Pre-course questionnaire"),
    Artefact("glossary", "glossary.docx", "Glossary", needs="glossary"),
    Artefact("knowledge-check", "knowledge-check.docx", "Knowledge check", needs="knowledge-checks"),
    Artefact("knowledge-check-answers", "knowledge-check-answers.docx", "Knowledge check answers",
             needs="knowledge-checks"),
    Artefact("cascade-plan", "cascade-plan.docx", "Cascade plan", needs="cascading"),
)


# The pack's own words (content/trainer-guide.yaml), key by key: a tuple names the values a text may
# fill in ({reason}); a number means a list (0: any number of items; N: exactly N, the columns of a table).
_PAUSE = ("label", "label_lower", "day", "length", "back", "next")
GUIDE_TEXT: dict[str, tuple[str, ...] | int] = {
    "training_plan.label": (),
    "training_plan.title": (),  # the plan's own title: the strategy it follows is its source, not its name
    "training_plan.for_la": ("name",),
    "training_plan.for_master": (),  # the master plan's line under its title, where an LA's names the LA
    "training_plan.booking": ("contact",),
    "training_plan.intro": ("source",),
    "training_plan.audience": (),
    "training_plan.reading": (),
    "training_plan.programme_heading": (),
    "training_plan.programme_intro": ("processes",),
    "training_plan.cell_overview": ("ref",),  # under a dash: the module that gives the audience an overview
    "training_plan.cell_differs": ("added",),  # a cell whose course delivers more than Appendix 1 lists
    "training_plan.local_note": ("la", "courses"),  # under the matrix: the courses an LA adds, with no cell
    "training_plan.local_course": ("title", "modules", "audience"),  # one of them, in that note
    "training_plan.local_mark": ("name",),  # an LA's own course or module wherever the plan names it
    "training_plan.beyond_heading": (),
    "training_plan.sic_note": ("printed", "reading"),  # a release plan's footnote to a slip it reads corrected
    "training_plan.beyond_appendix": ("course", "added", "reason"),
    "training_plan.modules_heading": (),
    "training_plan.modules_intro": (),
    "training_plan.modules_columns": 2,
    "training_plan.abbreviations": ("terms",),
    "training_plan.routes_heading": (),
    "training_plan.routes_intro": (),
    "training_plan.route_ours": (),  # under a route the strategy does not give (audiences.yaml `route_ours`)
    "training_plan.route_source": ("heading",),  # under a route's heading: the strategy's, quoted
    "training_plan.in_development": (),
    "training_plan.modules_in_development": ("modules",),
    "training_plan.catalogue_heading": (),
    "training_plan.catalogue_intro": (),
    "training_plan.length": ("span", "hours"),  # a catalogue row's length: span, each day's hours
    "training_plan.catalogue_columns": 4,  # course, days and hours, training time, modules: under each audience
    "training_plan.group_continued": ("audience",),  # an audience's row repeated where its courses go over a page
    "course.more_contacts": ("count",),  # where a one-page document lists the first few of a long contact list
    "course.exercises_note": ("where",),  # the line under the structure in place of the scenarios' rows
    "course.exercises_time": ("modules",),  # the structure's time for scenarios run inside the modules before
    "course.outline_day": ("day", "hours"),  # the outline's timetable: a day of a course of several
    "course.outline_continued": ("ref",),  # a module that goes on from the day before
    "course.exercises_optional": ("modules",),  # and the modules before it whose only exercise is optional
    "course.timings_strategy": (),  # the master's: its strategy columns, or the modules' own durations
    "course.timings_own": (),
    "course.timings_planned": (),  # and what its planned column adds up to
    "course.booking_intro": (),  # above the specification's local training contacts
    "course.audience_line": ("audience",),  # a module's only requirement, its audience, under its heading
    "course.audience_all": (),  # the seed's "All" as that line says it
    "course.outline_activity": (),  # the pairs question after the processes in brief, as the outline names it
    "course.outline_objectives": (),  # the outline's lead-in to the objectives, put to the reader as the forms do
    "course.outline_structure": (),  # the outline's heading over what takes time besides the modules
    "course.outline_structure_days": (),  # the same, for a course of several days
    "course.outline_message": ("titles",),  # the common message a module's section adds after its modules
    "course.outline_messages": ("titles",),
    "course.with_message": ("modules", "titles", "minutes"),  # the specification's structure: a section's modules,
    "course.with_messages": ("modules", "titles", "minutes"),  # then the common messages said after them
    "course.timetable_heading": (),  # the specification's clock timetable
    "course.timetable_intro": (),
    "course.timetable_intro_days": (),
    "course.timetable_day": ("day", "hours"),
    "course.timetable_columns": 2,
    "course.timetable_message": ("title",),  # a row of common messages said after a section's modules
    "course.timetable_messages": ("titles",),
    "course.in_brief_intro": ("minutes",),  # the specification's section on the processes covered in brief
    "course.in_brief_item": ("name", "minutes", "summary"),
    "course.in_brief_activity": ("minutes",),
    "course.abbreviations": ("terms",),  # under a module's content: what its abbreviations stand for
    "course.abbreviation": ("term", "stands_for"),
    "course.outline_pause": ("pause", "hours"),  # a break or lunch on the outline's timetable line
    "course.outline_pauses": ("pause", "hours"),  # several of one kind in a day: "breaks 10:30–10:45, 14:30–14:45"
    "course.outline_blanks": 2,  # the fields the trainer fills in before sending the outline: date, venue
    "agenda.module_time": ("name", "ref", "time"),  # a module section whose time holds key messages after it
    "agenda.with_message": ("modules", "titles", "minutes"),  # the section's modules, then its messages by title
    "agenda.with_messages": ("modules", "titles", "minutes"),
    "agenda.deck_one_day": ("hours",),  # the deck's "About this course": each day's hours
    "agenda.deck_half_day": ("hours",),
    "agenda.deck_day": ("day", "hours"),
    "agenda.deck_part": ("name", "time"),  # and what it teaches, with its time that day
    "agenda.deck_continued": ("name",),  # a module begun the day before
    "agenda.deck_recap_close": (),  # a one-day course's recap and close, as one line of "About this course"
    "agenda.time_note": ("section", "total", "parts"),  # the specification's and guide's sentence on it
    "deck.continued": ("points",),  # the notes of a slide that continues the one before
    "deck.continued_reading": (),
    "deck.continued_local": ("details",),  # a slide that goes on with local blocks
    "deck.continued_contact": ("name",),  # a contact among a local block's lines, as the notes say it
    "deck.continued_local_block": ("heading", "lines"),  # each block: its heading and what its lines are
    "deck.continued_local_heading": ("heading",),  # a block whose lines have no label to name them by
    "deck.continued_timing": ("minutes", "title"),
    "deck.covers_timing": ("minutes",),  # "What this course covers": part of the introduction
    "deck.resumed_done": (),  # a topic resumed after a pause: the points covered before it
    "deck.resumed_left": (),  # and those still to cover
    "deck.continued_untimed": (),
    "deck.local_details": (),  # a topic's slide that shows a local block in full
    "deck.local_contacts": (),  # and where it shows a contact, where the handouts give it in full
    "deck.local_details_next": (),
    # The notes' pointer to the slide that shows a local block, by where it comes in the course: straight after,
    # later today, on a later day, earlier today, this morning, on an earlier day; or to the handouts alone.
    "deck.pointer_next": ("heading",),
    "deck.pointer_later": ("heading",),
    "deck.pointer_later_day": ("heading", "day"),
    "deck.pointer_earlier": ("heading",),
    "deck.pointer_morning": ("heading",),
    "deck.pointer_day": ("heading", "day"),
    "deck.pointer_handouts": ("heading",),
    "deck.diagram_notes": ("lead", "minutes"),  # a diagram's own slide: how to take the picture, then its time
    # The lead of those notes, by the diagram's kind, naming its own boxes in the order to take them.
    "deck.diagram_lead_steps": ("labels", "first", "last", "centre"),
    "deck.diagram_lead_continuum": ("labels", "first", "last", "centre"),
    "deck.diagram_lead_hub": ("labels", "first", "last", "centre"),
    "deck.diagram_lead_cycle": ("labels", "first", "last", "centre"),
    "deck.diagram_lead_matrix": ("labels", "first", "last", "centre"),
    "deck.diagram_lead_decision": ("labels", "first", "last", "centre"),
    "deck.diagram_lead_route": ("labels", "first", "last", "centre"),
    "deck.task_timing": ("minutes",),  # an exercise's task slides: the exercise's time
    "deck.diagram_said": ("what",),
    "deck.covers_notes": (),
    "deck.covers_notes_one": (),
    "deck.awareness_timing_given": ("minutes", "total"),  # processes in brief, ending on a pairs question
    "deck.activity_title": (),
    "deck.activity_points": 0,
    "deck.activity_notes": ("minutes", "taken"),
    "deck.awareness_course": ("title",),
    "deck.awareness_no_course": (),
    "deck.awareness_pending_course": ("title",),  # the audience's course on it is still being written
    "deck.diagram_shows": ("title", "what"),
    "deck.diagram_words": ("what",),
    "deck.title_notes": ("total", "days", "minutes"),
    "deck.day_close_notes": ("day", "start", "end", "length"),
    "deck.closing_notes": (),
    "deck.split_timing": ("minutes", "before", "pause", "after"),  # a topic a break cuts, on its first slide
    "deck.split_day": ("day",),
    "deck.hidden": (),  # an optional exercise's slides, hidden until the trainer unhides them
    "course.on_slide": ("number",),  # a topic's slide number in the guide, after the strategy's words for it
    "course.on_slides": ("number",),  # the same, for a topic over several slides ("12-13")
    "course.audience_lead": (),
    "course.contents": (),  # the heading of the trainer guide's contents list  # above the audience each module is written for
    "course.structure": (),  # the course specification's line above its structure table
    "course.structure_days": (),  # the same, for a course of several days: their welcome back, after the opening
    "course.delivery": (),  # how every course is delivered (2.10), where the strategy lists each module's mechanism
    "facilitation.heading": (),
    "facilitation.diagram_points": (),
    "facilitation.intro": (),
    "facilitation.strategy_words": ("words",),
    "facilitation.message_lead": (),
    "facilitation.message_heading": ("title",),  # a section's message said inside its last module
    "facilitation.message_on_slide": ("slides", "title"),  # one said on a slide of another title
    "facilitation.opening_header": 3,  # the introduction's parts: each with its slides and time
    "facilitation.opening_parts": 4,
    "facilitation.opening_minutes": 4,
    "facilitation.opening_slides": ("slides",),
    "facilitation.awareness_heading": ("process", "minutes"),
    "facilitation.awareness_note": (),
    "facilitation.awareness_course": ("course",),  # after a process's notes: the course on it in full
    "facilitation.awareness_sources": (),
    "facilitation.activity_heading": ("title", "minutes"),
    "facilitation.planned_time": (),
    "facilitation.within_course_time": (),
    "facilitation.time_with_exercises": ("total", "exercises"),
    "facilitation.key_message": (),
    "facilitation.time_and_delivery": ("time",),
    "facilitation.no_material_yet": (),
    "facilitation.pause": ("start", "end"),  # a break or lunch, where the notes reach it
    "facilitation.topic_time": (),
    "facilitation.topic_run": (),  # the lead-in to a topic's timed steps, and their table's two columns
    "facilitation.topic_run_header": 2,
    "facilitation.topic_heading": ("number", "title"),
    "facilitation.strategy_topic": ("title",),  # the draft's strategy words for a topic its slide retitles
    "facilitation.local_note": (),
    "facilitation.local_slide": (),
    "facilitation.local_see": ("names",),  # a local fact the notes use, named: its chapter gives it in full
    "facilitation.local_see_part": ("names", "block"),
    "facilitation.local_missing": ("chapter",),  # one the LA has not supplied yet
    "facilitation.local_in_chapter": ("chapter",),  # one in the LA's own words, too long to name
    "facilitation.audience_slide": (),
    "facilitation.day_close_heading": ("day",),  # a course of several days: the close of each day but the last
    "facilitation.day_close_lead": ("end",),
    "facilitation.day_close_covered": ("covered",),
    "facilitation.day_close_tomorrow": ("next", "start"),
    "facilitation.day_close": 0,
    "facilitation.day_welcome_heading": ("day",),  # and the welcome back that opens the next day
    "facilitation.day_welcome": 0,
    "facilitation.day_welcome_today": ("today", "end"),
    "facilitation.day_welcome_lunch": (),  # then the day's breaks and lunch, as it has them
    "facilitation.day_welcome_breaks": (),
    "facilitation.day_welcome_break": (),
    "exercises.heading": ("title",),
    "exercises.optional_mark": (),
    "exercises.optional_note": (),
    "exercises.optional_handout_note": (),  # under an optional exercise in the handouts, printed in its place
    "exercises.discussion": ("title", "module"),
    "exercises.discussion_steps": 0,
    "exercises.set_up_label": (),
    "exercises.set_up": ("kind", "module", "groups", "minutes", "heading"),  # heading: as the handouts head it
    "exercises.scenario": (),
    "exercises.instructions": (),
    "exercises.questions": (),
    "exercises.good_answers": (),
    "exercises.timing": (),
    "exercises.listen_for": (),
    "exercises.debrief": (),
    "exercises.sheets": (),
    "exercises.good_answers_note": (),
    "exercises.role_cards": (),
    "exercises.role_cards_note": (),
    "exercises.role_cards_header": 2,
    "handouts.objectives_lead": (),  # each module's objectives in the handouts, put to the attendee
    "handouts.in_brief_heading": (),  # the handouts' sheet on the processes a course covers in brief
    "handouts.in_brief_intro": (),
    "handouts.in_brief_course": ("title",),  # where to learn more: this audience's course on the process
    "handouts.in_brief_sources": (),  # or the sources, where the audience has none
    "handouts.in_brief_sheet": ("title",),  # a process with a reference sheet of its own in the handouts
    "handouts.reference_heading": (),  # the handouts' reference sheets for what the course covers
    "handouts.day_heading": (),  # the handouts' timetable of a one-day course
    "handouts.days_heading": (),  # of a course of several days
    "handouts.day_intro": ("start", "end"),
    "handouts.days_intro": (),
    "facilitation.welcome_back_covers": (),  # the course content table's row for each later day's opening
    "close.points": 0,  # the close's slide, after the recap
    "close.cascade_point": (),  # train-the-trainer courses only: the slide's line on the cascade plan
    "close.cascade_step": (),   # and the guide's step for it
    "close.short_lead": ("minutes",),  # the guide's close where it is shorter than its steps need
    "close.short_before_cascade": (),  # what is written before it: a train-the-trainer course's planning exercise
    "close.short_before": (),  # or another course's recap
    "close.short_steps": 2,  # then in the room, and as attendees leave
    "close.tight": ("minutes",),  # the close's notes where its time is short for its steps
    "recap.title": (),  # the recap at the end of the course: one slide, every module looked back on
    "recap.in_brief": (),  # on it, the heading over the processes taken in brief
    "recap.ask": (),
    "recap.notes": ("objectives", "minutes", "total"),
    "recap.hopes_title": (),  # then the hopes attendees gave at the start, and the sources in one line
    "recap.hopes": 0,
    "recap.sources": ("title",),
    "recap.hopes_notes": ("wording", "minutes", "total"),
    "ground_rules.title": (),
    "ground_rules.rules": 0,
    "ground_rules.notes": (),
    "day_turn.covered": (),  # the close of a day: what it covered, what the next day holds
    "day_turn.tomorrow": ("start", "first"),
    "day_turn.agenda": ("start", "end"),  # the welcome back: the day's agenda
    "day_turn.exercise": ("title",),
    "day_turn.exercises": ("titles",),
    "day_turn.with_exercise": ("what", "time", "title"),  # a line of a module with the exercises run inside it
    "day_turn.with_exercise_short": ("what", "time", "title"),
    "day_turn.with_exercises": ("what", "titles"),
    "day_turn.module_part": ("module", "topic"),  # a module's line like one before it: the topic it takes up at
    "day_turn.and_last": ("items", "last"),
    "day_turn.timed": ("time", "what"),  # an exercise in a day's agenda line, by its own start  # the last of several exercises named in a line
    "day_turn.welcome_row": ("before",),  # a later day's first line: its welcome back
    "day_turn.close_row": (),  # the last line of a day before another
    "day_turn.pause": ("label", "length"),
    "day_turn.afternoon_title": ("day",),
    "day_turn.afternoon": ("start", "end"),
    "pause.title": _PAUSE,  # the deck's slide at each break and lunch
    "pause.title_day": _PAUSE,  # the same over a course of several days
    "pause.next": _PAUSE,
    "pause.notes": _PAUSE,
    "pause.resume_notes": ("pause", "title", "points", "length"),  # a topic the break cuts, resumed after it
    "pause.resume_pause": ("label_lower",),  # what it was cut by: a break or lunch
    "pause.resume_day": ("day",),  # or the end of a day
    "day_turn.first_title": (),  # day 1 of a course of several days: its own agenda
    "day_turn.first_notes": ("minutes",),
    "day_turn.welcome_notes": ("day", "before", "minutes"),  # a later day's welcome back
    "day_turn.recap_title": ("day", "before"),  # and its recap of the day before, by slide title
    "day_turn.recap_notes": ("before", "first", "last"),
    "principles.heading": (),
    "principles.intro": (),
    "principles.follow_up_pointer": (),
    "principles.strategy_words": ("words",),
    "preparation.heading": (),
    "preparation.intro": (),
    "preparation.four_weeks_heading": (),
    "preparation.four_weeks": 0,
    "preparation.two_weeks_heading": (),
    "preparation.two_weeks": 0,
    "preparation.needs": (),  # two weeks before, first: a course with a lunch asks about diets too
    "preparation.needs_lunch": (),
    "preparation.print": (),  # the day before, first: and the role cards, where an exercise has them
    "preparation.print_role_cards": ("exercises",),
    "preparation.day_before_heading": (),
    "preparation.day_before": 0,
    "preparation.on_the_day_heading": (),
    "preparation.on_the_day": 0,
    "preparation.after_heading": (),
    "preparation.after": 0,
    "preparation.after_train_the_trainer": (),
    "follow_up.heading": (),
    "follow_up.intro": (),
    "follow_up.steps": 0,
    "follow_up.call_log": (),
    "follow_up.call_log_note": (),
    "follow_up.call_log_header": 5,
    "materials.heading": (),
    "materials.intro": ("attendees", "days"),
    "materials.no_artefact": (),
    "materials.header": 5,
    "materials.per_trainer": (),
    "materials.one_set": (),  # a file printed each day, in a course of one day
    "materials.per_trainer_spares": ("spares",),
    "materials.exercise_material": (),
    "materials.role_cards": ("exercise", "roles", "size"),
    "materials.trainer_sheet": ("sheet", "exercise"),
    "materials.handouts": ("spares",),  # the handouts' row: every page, then its sheets counted
    "materials.handouts_hold": ("parts",),
    "materials.exercise": ("count",),
    "materials.exercises": ("count",),
    "materials.optional": ("count",),
    "materials.sheet": ("count",),
    "materials.sheets": ("count",),
    "materials.reference": ("count",),
    "materials.references": ("count",),
    "materials.cascade_title": (),  # train-the-trainer: the packs of the courses cascaded, and the training plan
    "materials.cascade_what": ("target",),
    "materials.plan_title": (),
    "materials.plan_what": (),
    "materials.room": (),
    "materials.printing": (),
    "materials.room_items": 0,
    "materials.strategy_asks": (),
    "session_plan.total_lunch": ("time",),  # the session plan's total, breaks and lunch left out as it has them
    "session_plan.total_breaks": ("time",),
    "session_plan.total_break": ("time",),
    "session_plan.total": ("time",),
    "session_plan.intro": ("total", "span", "pauses", "later", "starts", "start"),  # its opening lines
    "session_plan.pauses_lunch": (),  # the day's pauses: a break each side of lunch, or as the plan shows them
    "session_plan.pauses_lunch_day": (),
    "session_plan.pauses_shown": (),
    "session_plan.pauses_break": (),
    "session_plan.pauses_mornings": (),
    "session_plan.later_days": (),
    "session_plan.starts_days": (),
    "session_plan.starts_course": (),
    "local_information.heading": (),
    "local_information.intro": (),
    "local_information.header": 4,
    "local_information.added": (),
    "local_information.to_add": (),
    "local_information.shown_now": (),
    "local_information.release_intro": (),
    "evaluation.title": (),
    "evaluation.details_label": (),
    "evaluation.intro": (),
    "evaluation.confidence_heading": (),
    "evaluation.confidence_lead": (),
    "evaluation.confidence_header": 3,
    "evaluation.ratings_heading": (),
    "evaluation.ratings_lead": (),
    "evaluation.ratings_header": 6,
    "evaluation.ratings": 6,
    "evaluation.rating_columns": 6,  # the feedback CSV's column for each rating, in the same order
    "evaluation.agency_heading": (),
    "evaluation.questions": 0,
    "evaluation.cascade_heading": (),  # train-the-trainer courses only: ready to deliver it yourself?
    "evaluation.cascade_ratings": 0,
    "evaluation.cascade_questions": 0,
    "evaluation.privacy": ("la", "contact"),
    "evaluation.no_la": (),
    "register.title": (),
    "register.course_label": (),
    "register.blanks": 0,
    "register.date": (),  # a course of one day: its date
    "register.day": ("days",),  # a course over several days: which day this copy is for, and its date
    "register.intro": (),
    "register.agency_key": (),
    "register.agency_types": 0,
    "register.header": 6,
    "register.consent_note": (),
    "action_plan.title": (),
    "action_plan.blanks": 0,
    "action_plan.intro": (),
    "action_plan.header": 4,
    "action_plan.review_heading": (),
    "action_plan.review": (),
    "action_plan.review_header": 3,  # the two-week review as a table, where the plan has a page for it
    "action_plan.network_heading": (),
    "action_plan.network": (),
    "action_plan.cascade_heading": (),  # train-the-trainer courses only: getting ready to deliver
    "action_plan.cascade_intro": ("target",),
    "action_plan.cascade_prompts": 0,
    "questionnaire.title": (),
    "questionnaire.blanks": 0,
    "questionnaire.intro": (),
    "questionnaire.confidence_heading": (),
    "questionnaire.confidence_lead": (),
    "questionnaire.confidence_header": 2,
    "questionnaire.entry_heading": (),  # only where the course has entry requirements
    "questionnaire.entry_lead": (),
    "questionnaire.within_lead": (),  # modules of this course that its later modules are delivered after
    "questionnaire.questions": 0,
    "questionnaire.trainer_questions": 0,  # a train-the-trainer course asks these too
    "questionnaire.needs_heading": (),
    "questionnaire.needs": (),
    "questionnaire.needs_lunch": (),  # a course with a lunch asks about diets too
    "questionnaire.return_to": ("contact",),
    "glossary.title": (),
    "glossary.intro": (),
    "glossary.header": 3,
    "knowledge.title": (),
    "knowledge.intro": (),
    "knowledge.answers_title": (),
    "knowledge.answers_intro": (),
    "knowledge.answers_hand_out": (),
    "knowledge.why_label": (),
    "knowledge.key": (),
    "cascade_plan.title": (),
    "cascade_plan.blanks": 0,
    "cascade_plan.intro": ("target",),  # names what the attendee goes on to deliver
    "cascade_plan.sessions_heading": (),
    "cascade_plan.sessions_header": 5,
    "cascade_plan.preparation_heading": (),
    "cascade_plan.preparation_header": 3,
    "cascade_plan.preparation": 0,
    "cascade_plan.support_heading": (),
    "cascade_plan.support": (),
    "cascade_plan.follow_up_heading": (),
    "cascade_plan.follow_up": (),
    "cascade_plan.sign_off": 3,
    "cascade_plan.contact": ("contact",),
    "certificate.title": (),
    "certificate.lead": (),
    "certificate.attended": (),
    "certificate.date": ("date",),
    "certificate.and": (),  # between the last two days' lines
    "certificate.duration": ("course", "time"),
    "certificate.half_day": (),
    "certificate.days": ("days",),
    "certificate.half_days": ("days",),
    "certificate.numbers": 0,  # one, two, three...: a course's days in words
    "certificate.hours": 2,  # one, more than one
    "certificate.minutes": 2,
    "certificate.provider": ("la",),
    "certificate.objectives": (),
    "certificate.modules": (),  # where the objectives would not fit the page
    "certificate.signatures": 3,
    "certificate.issuer": ("by",),
}
