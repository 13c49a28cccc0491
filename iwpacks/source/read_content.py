"""Reads a content folder into one Programme, collecting every problem before giving up."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from iwpacks.errors import ContentError, Problem
from iwpacks.model import (
    ARTEFACTS,
    COPIES_PER,
    MESSAGE_ROLES,
    PRINCIPLE_ROLES,
    PRINTABLE_READERS,
    PRINTABLE_STYLES,
    SECTION_ROLES,
    SLOT_ROLES,
    SLOT_TYPES,
    ArtefactUse,
    Audience,
    AudienceSlide,
    CommonMessage,
    DeliveryPrinciple,
    DistributionRoute,
    FrozenMap,
    GlossaryTerm,
    LocalSlot,
    MaterialType,
    Module,
    Printable,
    PrintableVariant,
    PrintableSection,
    Process,
    Programme,
    SlotPart,
    Source,
    StructureSection,
    TrainingDay,
    by_id,
    content_keys,
)
from iwpacks.source.fields import ID_PATTERN, REF_PATTERN, Fields
from iwpacks.source.located_yaml import LocatedData, read_yaml
from iwpacks.source.read_courses import read_courses
from iwpacks.source.read_knowledge import attach_knowledge_checks
from iwpacks.source.read_selfstudy import attach_self_study
from iwpacks.source.read_material import attach_material
from iwpacks.source.read_modules import read_module, read_source
from iwpacks.source.read_wording import read_guide_text
from iwpacks.source.records import Origin, Origins, unique_records
from iwpacks.source.training_day import read_training_day

# Installed: the package carries content/ as iwpacks/content. Source checkout: the repo's content/.
_PACKAGED = Path(__file__).parent.parent / "content"
BUNDLED_CONTENT = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).parent.parent.parent / "content"

AWARENESS_MINUTES = (5, 15)  # an awareness segment is real but short


_TOPIC_PLACE = re.compile(r"^[A-Z]+[0-9]+\.[1-9][0-9]*$")  # "IS01.2": a module's second topic


def _audience_slide(f: Fields) -> AudienceSlide:
    after = f.text_list("after")
    for i, place in enumerate(after):
        if not _TOPIC_PLACE.match(place):
            f.report(f.path + ("after", i), f'expected a topic as MODULE.n, e.g. "IS01.2"; got "{place}"')
    return AudienceSlide(title=f.text("title"), after=[a for a in after if _TOPIC_PLACE.match(a)],
                         points=f.text_list("points"), notes=f.text("notes"))


def _awareness(f: Fields) -> dict[str, Any]:
    """A process's awareness segment: what a course that only raises awareness of it says, and for how long."""
    minutes = f.integer("awareness_minutes", minimum=AWARENESS_MINUTES[0])
    if minutes is not None and minutes > AWARENESS_MINUTES[1]:
        f.report(f.path + ("awareness_minutes",), f"an awareness segment takes {AWARENESS_MINUTES[0]}-"
                                                  f"{AWARENESS_MINUTES[1]} minutes; this one is {minutes}")
    return {"introduced_by": f.text("introduced_by"), "awareness_points": f.text_list("awareness_points"),
            "awareness_notes": f.text("awareness_notes"), "awareness_minutes": minutes or 10,
            "awareness_slots": f.id_list("awareness_slots", what="slot id")}


# file name -> (top-level key, record kind, record keys, builder from Fields)
_LISTS: dict[str, tuple[str, str, tuple[str, ...], Callable[[Fields], Any]]] = {
    "processes.yaml": ("processes", "process", content_keys(Process),
                       lambda f: Process(id=f.identifier("id"), name=f.text("name"), short_name=f.text("short_name"),
                                         appendix_heading=f.text("appendix_heading"), summary=f.text("summary"),
                                         in_titles=f.text("in_titles"),
                                         **_awareness(f))),
    "audiences.yaml": ("audiences", "audience", content_keys(Audience),
                       lambda f: Audience(id=f.identifier("id"), name=f.text("name"),
                                          appendix_label=f.text("appendix_label"), includes=f.text_list("includes"),
                                          summary=f.text("summary", required=False),
                                          cascades=f.boolean("cascades"),
                                          route_heading=f.text("route_heading", required=False),
                                          route_ours=f.boolean("route_ours"),
                                          questionnaire=f.text_list("questionnaire", required=False),
                                          slides=[_audience_slide(r) for r in f.records(
                                              "slides", content_keys(AudienceSlide), required=False)])),
    "common-messages.yaml": ("messages", "message",
                             content_keys(CommonMessage),
                             lambda f: CommonMessage(id=f.identifier("id"), title=f.text("title"),
                                                     seed_text=f.text("seed_text"), wording=f.text("wording"),
                                                     note=f.text("note", required=False),
                                                     points=f.text_list("points", required=False),
                                                     notes=f.text("notes", required=False),
                                                     slots=f.id_list("slots", what="slot id"),
                                                     role=f.choice("role", MESSAGE_ROLES, required=False),
                                                     minutes=f.integer("minutes", required=False, minimum=1) or 5)),
    "slots.yaml": ("slots", "slot", content_keys(LocalSlot),
                   lambda f: _local_slot(f)),
    "course-structure.yaml": ("sections", "section",
                              content_keys(StructureSection),
                              lambda f: StructureSection(id=f.identifier("id"), title=f.text("title"),
                                                         seed_text=f.text("seed_text", required=False) or "",
                                                         summary=f.text("summary", required=False) or "",
                                                         repeatable=f.boolean("repeatable"),
                                                         interspersed=f.boolean("interspersed"),
                                                         minutes=f.integer("minutes", required=False) or 0,
                                                         role=f.choice("role", SECTION_ROLES),
                                                         trainer_steps=f.text_list("trainer_steps", required=False))),
    "delivery-principles.yaml": ("principles", "principle",
                                 content_keys(DeliveryPrinciple),
                                 lambda f: DeliveryPrinciple(id=f.identifier("id"), title=f.text("title"),
                                                             seed_text=f.text("seed_text"),
                                                             instruction=f.text("instruction", required=False),
                                                             applies_to=f.choice("applies_to", ("all", "train-the-trainer"),
                                                                                 required=False, default="all"),
                                                             role=f.choice("role", PRINCIPLE_ROLES, required=False))),
    "material-types.yaml": ("materials", "material", content_keys(MaterialType),
                            lambda f: MaterialType(id=f.identifier("id"), title=f.text("title"),
                                                   seed_text=f.text("seed_text", required=False),
                                                   artefacts=_artefact_uses(f))),
    "sources.yaml": ("sources", "source", content_keys(Source),
                     read_source),
    "printables.yaml": ("printables", "printable", content_keys(Printable), lambda f: _printable(f)),
    "distribution-routes.yaml": ("routes", "route", content_keys(DistributionRoute),
                                 lambda f: DistributionRoute(id=f.identifier("id"), seed_text=f.text("seed_text"),
                                                               name=f.text("name"), media=f.text_list("media", False),
                                                               recipients=f.text_list("recipients"))),
}
def _local_slot(f: Fields) -> LocalSlot:
    """A local slot; one of type arrangements names the parts an LA describes, and only it has parts."""
    slot_type = f.choice("type", tuple(SLOT_TYPES))
    parts = tuple(SlotPart(id=p.identifier("id"), label=p.text("label"))
                  for p in f.records("parts", content_keys(SlotPart), required=slot_type == "arrangements"))
    if parts and slot_type != "arrangements":
        f.report(f.path + ("parts",), f"only a slot of type arrangements has parts; this one is {slot_type}")
    reserved = [p.id for p in parts if p.id == "contacts"]
    if reserved:
        f.report(f.path + ("parts",), 'a part cannot be called "contacts": every arrangements slot has contacts')
    return LocalSlot(id=f.identifier("id"), label=f.text("label"), type=slot_type,
                     description=f.text("description"), every_course=f.boolean("every_course"),
                     role=f.choice("role", tuple(SLOT_ROLES), required=False), parts=parts)


PRINTABLE_TITLE_CHARS = 70
MAX_WRITING_LINES = 8


def _printable(f: Fields) -> Printable:
    """A sheet or form for the room: its sections, each prompt with writing lines, a tick box, or to read."""
    title = f.text("title")
    if len(title) > PRINTABLE_TITLE_CHARS:
        f.report(f.path + ("title",), f"a printable's title is at most {PRINTABLE_TITLE_CHARS} characters; "
                                      f"this one is {len(title)}")
    sections = _printable_sections(f)
    variants = [PrintableVariant(audiences=v.id_list("audiences", what="audience id"), intro=v.text("intro", False),
                                 keep_intro=v.text("keep_intro", False), note=v.text("note", False),
                                 sections=tuple(_printable_sections(v, required=False)))
                for v in f.records("variants", content_keys(PrintableVariant), required=False)]
    processes = f.id_list("processes", what="process id")
    modules = f.id_list("modules", REF_PATTERN, "module ref")
    # A sheet is printed for the exercises that use it, or for what it summarises: it needs one or the other.
    used_by = f.id_list("used_by", what="exercise id", required=not (processes or modules))
    return Printable(id=f.identifier("id"), title=title, reader=f.choice("for", PRINTABLE_READERS),
                     used_by=used_by, intro=f.text("intro"), note=f.text("note"), sections=tuple(sections),
                     diagram_of=f.text("diagram", False), for_processes=processes, for_modules=modules,
                     slot=f.text("slot", False), keep_intro=f.text("keep_intro", False), variants=tuple(variants),
                     local_note=_local_note(f), local_slot=f.text("local_slot", required=f.has("local_note")))


def _local_note(f: Fields) -> str:
    """A sheet's note for an LA's pack: it says where the local facts are, so it names their heading."""
    note = f.text("local_note", False)
    if note and "{heading}" not in note:
        f.report(f.path + ("local_note",), "expected {heading} in it: where the handouts give the local facts")
    if f.has("local_slot") and not note:
        f.report(f.path, 'a local_slot needs a local_note: what the sheet says of its facts in an LA\'s pack')
    return note


def _printable_sections(f: Fields, required: bool = True) -> list[PrintableSection]:
    sections = []
    for sub in f.records("sections", content_keys(PrintableSection), required=required):
        style = sub.choice("style", PRINTABLE_STYLES)
        lines = sub.integer("lines", required=style == "form", minimum=1 if style == "form" else 0) or 0
        if lines > MAX_WRITING_LINES:
            sub.report(sub.path + ("lines",), f"at most {MAX_WRITING_LINES} writing lines a prompt; found {lines}")
        sections.append(PrintableSection(heading=sub.text("heading"), style=style, prompts=sub.text_list("prompts"),
                                         lines=lines))
    return sections


_TOPIC_REF = re.compile(r"^([A-Z]{2,4}[0-9]{2}) topic ([0-9]+)$")


def _with_figure(printable: Printable, modules: list[Module], origins: Origins, problems: list[Problem]) -> Printable:
    """The printable with the diagram its `diagram` names ("CAF02 topic 4"): a located problem if there is none."""
    if not printable.diagram_of:
        return printable
    match = _TOPIC_REF.fullmatch(printable.diagram_of)
    module = next((m for m in modules if match and m.ref == match.group(1)), None)
    topics = module.material.topics if module is not None and module.material is not None else ()
    number = int(match.group(2)) if match else 0
    figure = topics[number - 1].diagram if 1 <= number <= len(topics) else None
    if figure is None:
        problems.append(origins.of("printable", printable.id).problem(
            ("diagram",), f'"{printable.diagram_of}" names no topic diagram; expected "<module ref> topic <number>" '
                          "of a topic that has a diagram"))
        return printable
    return attrs.evolve(printable, figure=figure)


def _artefact_uses(f: Fields) -> tuple[ArtefactUse, ...]:
    """The pack's files that provide a material of 3.1, each with how many copies to print."""
    names = tuple(a.name for a in ARTEFACTS)
    return tuple(ArtefactUse(artefact=use.choice("artefact", names), what=use.text("what"),
                             per=use.choice("per", COPIES_PER, required=False, default="attendee"),
                             each=_or(use.integer("each", required=False), 1),  # 0: a file not printed
                             spares=_or(use.integer("spares", required=False), 0))
                 for use in f.records("artefacts", content_keys(ArtefactUse), required=False))


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


# Keys beside the list that carry prose for readers, not data.
_EXTRA_TOP_KEYS = {"course-structure.yaml": ("rules",)}


def read_programme(root: Path) -> tuple[Programme | None, Origins, list[Problem]]:
    """Read every content file under `root`; return the programme (None if unusable) and all problems."""
    problems: list[Problem] = []
    origins = Origins()
    root_name = root.name or str(root)

    def load(relative: str) -> LocatedData | None:
        path = root / relative
        display = f"{root_name}/{relative}"
        if not path.is_file():
            problems.append(Problem(display, 1, "", "file is missing"))
            return None
        doc, found = read_yaml(path, display)
        problems.extend(found)
        return doc

    lists: dict[str, list] = {}
    for file_name, (key, kind, keys, build) in _LISTS.items():
        doc = load(file_name)
        records = []
        if doc is not None:
            top = Fields(doc, (), doc.data, (key,) + _EXTRA_TOP_KEYS.get(file_name, ()), problems)
            records = unique_records(kind, top.records(key, keys), build, origins)
            origins.add("list", key, Origin(doc, (key,)))  # where a check reports a record that is missing
        lists[key] = records

    settings = _read_settings(load("programme.yaml"), problems)
    wording_doc = load("trainer-guide.yaml")
    guide_text = read_guide_text(wording_doc, problems) if wording_doc else FrozenMap()
    modules = attach_material(root, root_name, read_module_folder(root, root_name, origins, problems), origins,
                              problems)
    modules = attach_knowledge_checks(root, root_name, modules, origins, problems)
    modules = attach_self_study(root, root_name, modules, origins, problems)
    lists["printables"] = [_with_figure(p, modules, origins, problems) for p in lists["printables"]]
    glossary_doc = load("glossary.yaml")
    glossary = _read_glossary(glossary_doc, problems) if glossary_doc else ()
    courses_doc = load("courses.yaml")
    courses = read_courses(courses_doc, origins, problems) if courses_doc else []
    pending = {m.ref for m in modules if m.is_pending}
    courses = [attrs.evolve(c, status="pending") if pending.intersection(c.modules) else c for c in courses]
    # Appendix order (IW, IS, CAF, LP, IS Index), not file-name order, so listings read like the seed.
    process_order = {p.id: i for i, p in enumerate(lists["processes"])}
    modules.sort(key=lambda m: (process_order.get(m.process, len(process_order)), m.ref))
    if settings is None:
        return None, origins, problems
    programme = Programme(
        title=settings["title"], version=settings["version"], source_document=settings["source_document"],
        notes=settings["notes"], guide_text=guide_text,
        processes=by_id(lists["processes"]), audiences=by_id(lists["audiences"]), modules=by_id(modules, "ref"),
        courses=by_id(courses), common_messages=by_id(lists["messages"]), course_structure=by_id(lists["sections"]),
        delivery_principles=by_id(lists["principles"]), material_types=by_id(lists["materials"]),
        sources=by_id(lists["sources"]), distribution_routes=by_id(lists["routes"]), slots=by_id(lists["slots"]),
        printables=by_id(lists["printables"]), training_day=settings["training_day"], glossary=glossary,
    )
    return programme, origins, problems


def _read_glossary(doc: LocatedData, problems: list[Problem]) -> tuple[GlossaryTerm, ...]:
    """The glossary's terms, each once."""
    top = Fields(doc, (), doc.data, ("terms",), problems)
    terms: list[GlossaryTerm] = []
    for f in top.records("terms", content_keys(GlossaryTerm)):
        term = GlossaryTerm(term=f.text("term"), stands_for=f.text("stands_for", required=False),
                            meaning=f.text("meaning"), by_words=f.boolean("by_words"),
                            also=f.text_list("also", required=False))
        if any(t.term == term.term for t in terms):
            f.report(f.path + ("term",), f'"{term.term}" is in the glossary twice')
        elif term.term:
            terms.append(term)
    return tuple(terms)


def _read_settings(doc: LocatedData | None, problems: list[Problem]) -> dict | None:
    if doc is None:
        return None
    f = Fields(doc, (), doc.data, ("title", "version", "source_document", "notes", "training_day"), problems)
    return dict(title=f.text("title"), version=f.text("version"), source_document=f.text("source_document"),
                notes=f.text_list("notes", required=False),
                training_day=read_training_day(f, "training_day", TrainingDay()) or TrainingDay())


def read_module_folder(root: Path, root_name: str, origins: Origins, problems: list[Problem],
                       local: bool = False) -> list:
    """Every module file of `root`/modules; an LA's layer (`local`) may have none, and its modules are local."""
    folder = root / "modules"
    if not folder.is_dir():
        if not local:
            problems.append(Problem(f"{root_name}/modules", 1, "", "folder is missing"))
        return []
    modules = []
    first_file: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml") or path.name.startswith("."):
            continue
        display = f"{root_name}/modules/{path.name}"
        doc, found = read_yaml(path, display)
        problems.extend(found)
        if doc is None:
            continue
        read = read_module(doc, problems, local)
        if read is None:
            continue
        module, origin = read
        if module.ref in first_file:
            problems.append(origin.problem(("ref",), f'duplicate module ref "{module.ref}" '
                                                     f"(also in {first_file[module.ref]})"))
            continue
        if module.ref:  # a module without a usable ref is reported already and left out
            first_file[module.ref] = display
            origins.add("module", module.ref, origin)
            modules.append(module)
    return modules


def content_root(path: str | Path | None) -> Path:
    """The folder to read: `path`, or the content bundled with the package."""
    return Path(path) if path is not None else BUNDLED_CONTENT


__all__ = ["read_programme", "content_root", "ContentError", "ID_PATTERN"]
