"""Checks that span records and files: references, prerequisite cycles and course layout."""
from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from iwpacks.errors import IN_MEMORY, ContentError, Problem, did_you_mean
from iwpacks.model import (
    GUIDE_TEXT,
    MESSAGE_ROLES,
    CONTACTS_PART,
    PART_MARK,
    PRINCIPLE_ROLES,
    SECTION_ROLES,
    SLOT_ROLES,
    Course,
    CourseSection,
    Exercise,
    Module,
    Programme,
    Topic,
)
from iwpacks.source.fields import MAX_TEXT, MAX_TITLE, TITLE_KEYS, text_problem
from iwpacks.source.located_yaml import LocatedData, format_path
from iwpacks.source.read_wording import wording_problems
from iwpacks.source.records import Origin, Origins


def validate(programme: Programme) -> list[Problem]:
    """Every problem in a programme built or edited in memory: types, text limits and cross-references.

    The same rules as content read from YAML; each Problem names the key path from the programme
    ("courses[3].title"), with file "programme" and no line. Returns [] for a valid programme.
    """
    from iwpacks.source.convert import structure, unstructure

    if not isinstance(programme, Programme):
        return [Problem(IN_MEMORY, 0, "", f"expected a Programme, found {type(programme).__name__}")]
    try:
        structure(unstructure(programme), Programme)
    except ContentError as exc:
        return exc.problems
    except (AttributeError, TypeError, ValueError, StopIteration) as exc:  # a record swapped for something else
        return [Problem(IN_MEMORY, 0, "", f"not a valid model: {exc}")]
    problems = _text_problems(programme, (), IN_MEMORY) + _wording_problems(programme)
    return problems or validate_programme(programme, MemoryOrigins(IN_MEMORY))


def _wording_problems(programme: Programme) -> list[Problem]:
    """The trainer guide's words: every key of GUIDE_TEXT given, and each text fills in only what it can."""
    out = []
    for key in programme.guide_text:
        if key not in GUIDE_TEXT:
            out.append(Problem(IN_MEMORY, 0, f"guide_text.{key}", "unknown key" + did_you_mean(key, GUIDE_TEXT)))
    for key in GUIDE_TEXT:
        items = programme.guide_text.get(key)
        found = ["missing"] if items is None else wording_problems(key, items)
        out += [Problem(IN_MEMORY, 0, f"guide_text.{key}", message) for message in found]
    return out


# Programmes already found valid, by id: a frozen model cannot change, so each is checked once however many
# courses and artefacts are built from it. A weak reference drops the entry when the programme goes.
_checked: dict[int, weakref.ref] = {}


def check_programme(programme: Programme) -> None:
    """Raise ContentError if `programme` (perhaps edited with attrs.evolve) breaks a content rule."""
    key = id(programme)
    ref = _checked.get(key)
    if ref is not None and ref() is programme:
        return
    problems = validate(programme)
    if problems:
        raise ContentError(problems)
    _checked[key] = weakref.ref(programme, lambda _: _checked.pop(key, None))


def _text_problems(value: Any, path: tuple, file: str, required: bool = True) -> list[Problem]:
    """The reader's text rules on a model: required text present, no unwritable characters, length limits."""
    out = []
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.eq:  # `source` (eq=False) names a local file, not content
                out += _text_problems(getattr(value, field.name), path + (field.name,), file,
                                      field.default is attrs.NOTHING)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            out += _text_problems(item, path + (key,), file)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            out += _text_problems(item, path + (i,), file)
    elif isinstance(value, str) and (value or required):  # "" is how an optional text says "none"
        problem = text_problem(value, MAX_TEXT, MAX_TITLE if path and path[-1] in TITLE_KEYS else None)
        if problem:
            out.append(Problem(file, 0, format_path(path), problem))
    return out


class MemoryOrigins(Origins):
    """Origins for a model with no files behind it: each record is located by its collection and id."""

    _COLLECTIONS = {"module": "modules", "course": "courses", "message": "common_messages", "material": "modules",
                    "slot": "slots", "section": "course_structure", "principle": "delivery_principles"}

    def __init__(self, file: str) -> None:
        super().__init__()
        self._doc = LocatedData(file, None, {(): 0})

    def of(self, kind: str, ident: str) -> Origin:
        if kind == "list":
            return Origin(self._doc, (ident,))
        path = (self._COLLECTIONS.get(kind, kind), ident) + (("material",) if kind == "material" else ())
        return Origin(self._doc, path)


def validate_programme(programme: Programme, origins: Origins) -> list[Problem]:
    """Every cross-reference and layout problem in the programme."""
    problems: list[Problem] = []
    for module in programme.modules.values():
        problems += _module_references(programme, module, origins.of("module", module.ref))
    problems += _prerequisite_cycles(programme, origins)
    problems += _slot_references(programme, origins)
    problems += _introducing_modules(programme, origins)
    problems += _printable_uses(programme, origins)
    problems += _roles(programme, origins)
    problems += _audience_slide_places(programme, origins)
    problems += _own_modules(programme, origins)
    problems += _cited_sources(programme, origins)
    for course in programme.courses.values():
        origin = origins.of("course", course.id)
        problems += _course_references(programme, course, origin)
        problems += _course_layout(programme, course, origin)
        problems += _course_order(programme, course, origin)
        problems += _knowledge_check_sizes(programme, course, origin)
    return problems


def _knowledge_check_sizes(programme: Programme, course: Course, origin: Origin) -> list[Problem]:
    """A course asks each of its modules enough questions: where a module's questions are written for some
    audiences only, a course for another audience may be left with too few."""
    from iwpacks.source.read_knowledge import FEWEST

    out = []
    refs = {ref for section in course.sections for ref in section.modules}
    for ref in sorted(refs):
        module = programme.modules.get(ref)
        check = module.knowledge_check if module is not None else None
        if check is not None and any(q.audiences for q in check.questions):
            asked = len(check.asked_of(course.audience))
            if asked < FEWEST:
                out.append(origin.problem(("audience",), f"{ref}'s knowledge check asks a course for "
                                                         f"{course.audience} only {asked} questions; expected at "
                                                         f"least {FEWEST}"))
    return out


def _own_modules(programme: Programme, origins: Origins) -> list[Problem]:
    """A module that is not the strategy's has its own material: there are no seed topics to fall back on."""
    return [origins.of("module", m.ref).problem(("ref",), f"{m.ref} is not a module of the strategy, so it needs its "
                                                          f"core material: write material/{m.ref}.yaml")
            for m in programme.modules.values() if not m.from_strategy and m.material is None]


def _cited_sources(programme: Programme, origins: Origins) -> list[Problem]:
    """A source a module or course cites is one source wherever it is named: an id that Appendix 3 or another
    module already uses must carry the same title, description and address (or be a new id)."""
    first: dict[str, Any] = dict(programme.sources)
    where = {sid: "sources.yaml" for sid in programme.sources}
    out = []
    cited = [("module", m.ref, m.sources) for m in programme.modules.values()]
    cited += [("course", c.id, c.sources) for c in programme.courses.values()]
    for kind, ident, sources in cited:
        for i, source in enumerate(sources):
            known = first.get(source.id)
            if known is None:
                first[source.id], where[source.id] = source, f"{kind} {ident}"
            elif known != source:
                out.append(origins.of(kind, ident).problem(
                    ("sources", i, "id"), f'source "{source.id}" is already in {where[source.id]} with other words; '
                                          "cite it with the same title, description and url, or give it a new id"))
    return out


def _audience_slide_places(programme: Programme, origins: Origins) -> list[Problem]:
    """Each topic an audience's slide follows is a topic some module's material has."""
    problems = []
    for audience in programme.audiences.values():
        for i, slide in enumerate(audience.slides):
            for j, (ref, number) in enumerate(slide.places):
                module = programme.modules.get(ref)
                topics = module.material.topics if module is not None and module.material is not None else ()
                if number > len(topics):
                    problems.append(origins.of("audience", audience.id).problem(
                        ("slides", i, "after", j), f'no topic {number} in {ref}\'s material'
                        + ("" if module is not None else did_you_mean(ref, programme.modules))))
    return problems


def _unknown(kind: str, value: str, known: Iterable[str]) -> str:
    known = list(known)
    return f'unknown {kind} "{value}"' + did_you_mean(value, known)


def _check_refs(origin: Origin, path: tuple, values: Iterable[str], known: Iterable[str], kind: str) -> list[Problem]:
    known = list(known)
    return [origin.problem(path + (i,), _unknown(kind, value, known))
            for i, value in enumerate(values) if value and value not in known]


def _module_references(programme: Programme, module: Module, origin: Origin) -> list[Problem]:
    refs, audiences = programme.modules, programme.audiences
    out = []
    if module.process and module.process not in programme.processes:
        out.append(origin.problem(("process",), _unknown("process", module.process, programme.processes)))
    out += _check_refs(origin, ("audience", "ids"), module.audiences, audiences, "audience")
    out += _check_refs(origin, ("audience", "optional"), module.optional_audiences, audiences, "audience")
    for i, option in enumerate(module.prerequisites.after):
        out += _check_refs(origin, ("prerequisites", "after", i), option, refs, "module")
    out += _check_refs(origin, ("prerequisites", "recommended"), module.prerequisites.recommended, refs, "module")
    if module.entry_requirements:
        out += _check_refs(origin, ("entry_requirements", "modules"), module.entry_requirements.modules, refs, "module")
    if module.substitutes:
        out += _check_refs(origin, ("substitutes", "replaces"), module.substitutes.replaces, refs, "module")
        out += _check_refs(origin, ("substitutes", "audiences"), module.substitutes.audiences, audiences, "audience")
    return out


def _slot_references(programme: Programme, origins: Origins) -> list[Problem]:
    """Every slot a topic or common message names is declared in slots.yaml; every message a topic delivers exists."""
    out = []
    for message in programme.common_messages.values():
        out += _check_refs(origins.of("message", message.id), ("slots",), message.slots, programme.slots, "slot")
    for process in programme.processes.values():
        out += _check_refs(origins.of("process", process.id), ("awareness_slots",), process.awareness_slots,
                           programme.slots, "slot")
    for module in programme.modules.values():
        if module.material is None:
            continue
        origin = origins.of("material", module.ref)
        for i, topic in enumerate(module.material.topics):
            out += _check_refs(origin, ("topics", i, "slots"), topic.slots, _slot_names(programme), "slot")
            for j, variant in enumerate(topic.variants):
                out += _check_refs(origin, ("topics", i, "variants", j, "slots"), variant.slots,
                                   _slot_names(programme), "slot")
            out += _check_refs(origin, ("topics", i, "messages"), topic.messages, programme.common_messages,
                               "common message")
        records: tuple[tuple[str, tuple[Topic | Exercise, ...]], ...] = (
            ("topics", module.material.topics), ("exercises", module.material.exercises))
        for kind, items in records:
            for i, record in enumerate(items):
                out += _check_refs(origin, (kind, i, "addressed_to"), record.addressed_to, programme.audiences,
                                   "audience")
                for j, audiences in enumerate(v.audiences for v in record.variants):
                    out += _check_refs(origin, (kind, i, "variants", j, "audiences"), audiences,
                                       programme.audiences, "audience")
        if module.knowledge_check is not None:
            for i, question in enumerate(module.knowledge_check.questions):
                out += _check_refs(origins.of("knowledge check", module.ref), ("questions", i, "audiences"),
                                   question.audiences, programme.audiences, "audience")
    return out


def _slot_names(programme: Programme) -> list[str]:
    """What a topic may name: a slot, one part of an arrangements slot ("caf-process.storage"), or its contacts
    alone ("caf-process.contacts")."""
    return [*programme.slots, *(f"{s.id}{PART_MARK}{p}" for s in programme.slots.values() if s.parts
                                for p in (*(part.id for part in s.parts), CONTACTS_PART))]


def audience_warnings(programme: Programme) -> list[str]:
    """Each course that uses a topic or exercise written for other audiences, with no version for its own.

    A warning, not an error: the words still work, but a manager told to "ask their manager" notices.
    """
    out = []
    for course in programme.courses.values():
        for ref in course.modules:
            module = programme.modules.get(ref)
            if module is None or module.material is None:
                continue
            mine = module.for_audience(course.audience).material
            assert mine is not None
            named: list[tuple[str, Topic | Exercise]] = [(f'topic "{t.title}"', t) for t in mine.topics]
            named += [(f'exercise "{e.id}"', e) for e in mine.exercises]
            for what, record in named:
                if record.addressed_to and course.audience not in record.addressed_to:
                    out.append(f"{course.id}: {ref} {what} is written for {', '.join(record.addressed_to)}; add a "
                               f"variant for {course.audience}")
    return out


def _printable_uses(programme: Programme, origins: Origins) -> list[Problem]:
    """Every exercise, process, module, slot and audience a printable names exists."""
    exercises = [e.id for m in programme.modules.values() if m.material for e in m.material.exercises]
    out = []
    for p in programme.printables.values():
        origin = origins.of("printable", p.id)
        out += _check_refs(origin, ("used_by",), p.used_by, exercises, "exercise")
        out += _check_refs(origin, ("processes",), p.for_processes, programme.processes, "process")
        out += _check_refs(origin, ("modules",), p.for_modules, programme.modules, "module")
        for key, slot in (("slot", p.slot), ("local_slot", p.local_slot)):
            if slot and slot not in programme.slots:
                out.append(origin.problem((key,), _unknown("slot", slot, programme.slots)))
        for j, variant in enumerate(p.variants):
            out += _check_refs(origin, ("variants", j, "audiences"), variant.audiences, programme.audiences,
                               "audience")
    return out


def _introducing_modules(programme: Programme, origins: Origins) -> list[Problem]:
    """A process's awareness segment is drawn from a module of that process."""
    out = []
    for process in programme.processes.values():
        module = programme.modules.get(process.introduced_by)
        if module is None:
            out.append(origins.of("process", process.id).problem(
                ("introduced_by",), _unknown("module", process.introduced_by, programme.modules)))
        elif module.process != process.id and module.process in programme.processes:  # else reported already
            out.append(origins.of("process", process.id).problem(
                ("introduced_by",), f'{module.ref} is a module of "{module.process}", not of "{process.id}"'))
    return out


def _roles(programme: Programme, origins: Origins) -> list[Problem]:
    """Each record's role is one the renderers know, and each slot role is declared once, with its type."""
    out = []
    for kind, records, known in (("section", programme.course_structure, SECTION_ROLES),
                                 ("slot", programme.slots, tuple(SLOT_ROLES) + ("",)),
                                 ("principle", programme.delivery_principles, PRINCIPLE_ROLES + ("",)),
                                 ("message", programme.common_messages, MESSAGE_ROLES + ("",))):
        for record in records.values():
            if record.role not in known:
                out.append(origins.of(kind, record.id).problem(
                    ("role",), f'expected one of {", ".join(k for k in known if k)}, found "{record.role}"'))
    for role, slot_type in SLOT_ROLES.items():
        holders = [s for s in programme.slots.values() if s.role == role]
        if not holders:
            out.append(origins.of("list", "slots").problem((), f'no slot has role "{role}" (type: {slot_type}): '
                                                                "every pack shows it, so one slot must take it"))
        for extra in holders[1:]:
            out.append(origins.of("slot", extra.id).problem(("role",), f'role "{role}" is taken by slot '
                                                                       f'"{holders[0].id}"; give it to one slot'))
        if holders and holders[0].type != slot_type:
            out.append(origins.of("slot", holders[0].id).problem(
                ("type",), f'a slot with role "{role}" must be of type {slot_type}, found {holders[0].type}'))
    return out


def _prerequisite_cycles(programme: Programme, origins: Origins) -> list[Problem]:
    """Find cycles in 'designed to be delivered after' across all alternatives."""
    graph = {ref: sorted({r for option in m.prerequisites.after for r in option if r in programme.modules})
             for ref, m in programme.modules.items()}
    problems, reported = [], set()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(ref: str, path: list[str]) -> None:
        state[ref] = 1
        for nxt in graph[ref]:
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt):] + [nxt]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    problems.append(origins.of("module", ref).problem(
                        ("prerequisites", "after"), "prerequisite cycle: " + " -> ".join(cycle)))
            elif state.get(nxt) is None:
                visit(nxt, path + [nxt])
        state[ref] = 2

    for ref in graph:
        if ref not in state:
            visit(ref, [ref])
    return problems


def _course_references(programme: Programme, course: Course, origin: Origin) -> list[Problem]:
    out = []
    if course.process and course.process not in programme.processes:
        out.append(origin.problem(("process",), _unknown("process", course.process, programme.processes)))
    if course.audience and course.audience not in programme.audiences:
        out.append(origin.problem(("audience",), _unknown("audience", course.audience, programme.audiences)))
    out += _check_refs(origin, ("entry_requirements",), course.entry_requirements, programme.modules, "module")
    for i, section in enumerate(course.sections):
        at = ("sections", i)
        if section.kind and section.kind not in programme.course_structure:
            out.append(origin.problem(at + ("kind",), _unknown("section kind", section.kind, programme.course_structure)))
        out += _check_refs(origin, at + ("modules",), section.modules, programme.modules, "module")
        out += _check_refs(origin, at + ("messages",), section.messages, programme.common_messages, "common message")
        out += _check_refs(origin, at + ("processes",), section.awareness, programme.processes, "process")
        out += _check_refs(origin, at + ("exercises_from",), section.exercises_from, course.modules,
                           "module in this course")
        out += _section_shape(programme, section, origin, at)
    for ref in course.appendix_modules:
        if ref not in course.modules:
            out.append(origin.problem(("appendix_cell",), f"Appendix 1 lists {ref} but the course does not deliver it"))
    if course.added_modules and not course.beyond_appendix:
        out.append(origin.problem(("appendix_cell",), f"the course delivers {', '.join(course.added_modules)}, which "
                                                      "Appendix 1 does not list: say why with beyond_appendix: <reason>"))
    if course.beyond_appendix and not course.appendix_cell:
        out.append(origin.problem(("beyond_appendix",), "a course with no Appendix 1 cell is not measured against "
                                                        "Appendix 1: remove beyond_appendix"))
    elif course.beyond_appendix and not course.added_modules:
        out.append(origin.problem(("beyond_appendix",), "the course delivers only the modules Appendix 1 lists: "
                                                        "remove beyond_appendix"))
    seen: set[str] = set()
    for i, section in enumerate(course.sections):
        for j, ref in enumerate(section.modules):
            if ref in seen:
                out.append(origin.problem(("sections", i, "modules", j), f"module {ref} is delivered twice"))
            seen.add(ref)
    return out


def _section_shape(programme: Programme, section: CourseSection, origin: Origin, at: tuple) -> list[Problem]:
    """What a section may hold follows from its role in the standard structure (course-structure.yaml)."""
    out = []
    structure = programme.course_structure
    role = structure[section.kind].role if section.kind in structure else ""

    def kinds(wanted: str) -> list[str]:
        return [s.id for s in structure.values() if s.role == wanted]

    if section.modules and role != "modules":
        out.append(origin.problem(at + ("modules",), f'a "{section.kind}" section holds no modules; '
                                                     f"put modules in {' or '.join(kinds('modules'))}"))
    if section.awareness and role != "awareness":
        out.append(origin.problem(at + ("processes",), f'only an "{" or ".join(kinds("awareness"))}" section '
                                                       "lists processes"))
    if section.exercises_from and role != "exercises":
        out.append(origin.problem(at + ("exercises_from",), f'only a "{" or ".join(kinds("exercises"))}" section '
                                                            "lists exercises_from"))
    has_body = section.modules or section.awareness or section.exercises_from
    if section.omitted and has_body:
        out.append(origin.problem(at + ("omitted",), "a section that is omitted cannot also hold content"))
    needs_body = {"modules": "modules", "exercises": "exercises_from", "awareness": "processes"}
    if role in needs_body and not has_body and not section.omitted:
        out.append(origin.problem(at, f'empty "{section.kind}" section: give it {needs_body[role]}, '
                                      "or say why it is left out with omitted: <reason>"))
    return out


def _course_layout(programme: Programme, course: Course, origin: Origin) -> list[Problem]:
    """Every standard section present, in the order of 2.5; every common message once."""
    out = []
    structure = list(programme.course_structure.values())
    order = {s.id: i for i, s in enumerate(structure)}
    kinds = [s.kind for s in course.sections if s.kind in order]
    for s in structure:
        count = kinds.count(s.id)
        if count == 0:
            out.append(origin.problem(("sections",), f'missing standard section "{s.id}" ({s.title}); '
                                                     "add it, or add it with omitted: <reason>"))
        elif count > 1 and not (s.repeatable or s.interspersed):
            out.append(origin.problem(("sections",), f'section "{s.id}" appears {count} times; it may appear once'))
    last = -1
    fixed = [s.id for s in structure if not s.interspersed]
    for i, section in enumerate(course.sections):
        if section.kind not in order:
            continue
        if section.kind in fixed:
            rank = fixed.index(section.kind)
            if rank < last:
                out.append(origin.problem(("sections", i, "kind"), f'section "{section.kind}" is out of order; '
                                          "the standard order is " + ", ".join(fixed)))
            last = max(last, rank)
        elif last < 1 or (fixed and last == len(fixed) - 1):
            out.append(origin.problem(("sections", i, "kind"), f'"{section.kind}" must come after '
                                      f'"{fixed[1]}" and before "{fixed[-1]}"'))
    messages = course.messages
    for mid in programme.common_messages:
        if mid not in messages:
            out.append(origin.problem(("sections",), f'missing common message "{mid}"; every course presents '
                                                     "every common message of 3.2"))
    for i, section in enumerate(course.sections):
        for j, mid in enumerate(section.messages):
            if messages.count(mid) > 1 and messages.index(mid) != _flat_index(course, i, j):
                out.append(origin.problem(("sections", i, "messages", j), f'common message "{mid}" is presented twice'))
    return out


def _flat_index(course: Course, section_index: int, message_index: int) -> int:
    return sum(len(s.messages) for s in course.sections[:section_index]) + message_index


def _course_order(programme: Programme, course: Course, origin: Origin) -> list[Problem]:
    """Each module's prerequisites are met earlier in the course or declared as entry requirements."""
    out = []
    delivered = set(course.entry_requirements)
    for i, section in enumerate(course.sections):
        for j, ref in enumerate(section.modules):
            module = programme.modules.get(ref)
            options = module.prerequisites.after if module is not None else ()
            # An unknown ref is already reported where it is written; do not report it again here.
            if options and all(r in programme.modules for option in options for r in option):
                if not any(set(option) <= delivered for option in options):
                    wanted = " or ".join("+".join(option) for option in options)
                    out.append(origin.problem(
                        ("sections", i, "modules", j),
                        f"{ref} is designed to be delivered after {wanted}; deliver it earlier in the course "
                        "or list it under entry_requirements"))
            delivered.add(ref)
    return out
