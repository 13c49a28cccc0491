"""Reads content/modules/*.yaml: one module of Appendix 2 per file, or a pending one."""
from __future__ import annotations

from typing import Any

from iwpacks.errors import Problem
from iwpacks.model import (
    Correction,
    EntryRequirements,
    Module,
    Prerequisites,
    Source,
    Substitution,
    content_keys,
)
from iwpacks.source.fields import REF_PATTERN, Fields
from iwpacks.source.located_yaml import LocatedData
from iwpacks.source.records import Origin
from iwpacks.source.seed_duration import DurationSyntaxError, parse_duration

STATUSES = ("defined", "pending")
DELIVERY_MODES = ("classroom", "presentation", "self-study", "workshop", "facilitated-discussion",
                  "exercises", "role-play", "cbt")
_DEFINED_KEYS = ("ref", "name", "status", "process", "description", "audience", "objectives", "content",
                 "delivery", "duration", "responsibility", "prerequisites", "entry_requirements",
                 "substitutes", "corrections", "note", "origin", "sources")
# Master content says where a module comes from; an LA's own module is always local and need not say so.
MASTER_ORIGINS = ("strategy", "programme")
LOCAL_ORIGIN = "local"
_PENDING_KEYS = ("ref", "name", "status", "process", "note")


def _for_attendees(objectives: Fields) -> tuple[str, ...]:
    """The objectives put to attendees: one for each of the seed's items, in its order, or none at all."""
    put = objectives.text_list("for_attendees", required=False)
    items = objectives.text_list("items")
    if put and len(put) != len(items):
        objectives.report(objectives.path + ("for_attendees",),
                          f"{len(put)} objectives for attendees for {len(items)} objectives; give one for each")
        return ()
    return put


def read_source(f: Fields) -> Source:
    """A source of information (Appendix 3's, or one a module or course cites)."""
    return Source(id=f.identifier("id"), title=f.text("title"), description=f.text("description"), url=f.text("url"),
                  seed_title=f.text("seed_title", required=False), note=f.text("note", required=False))


def read_sources(f: Fields) -> tuple[Source, ...]:
    """The optional `sources` a module or course cites, each id once."""
    out: list[Source] = []
    for i, sub in enumerate(f.records("sources", content_keys(Source), required=False)):
        source = read_source(sub)
        if any(s.id == source.id for s in out):
            sub.report(sub.path + ("id",), f'source "{source.id}" is listed twice')
        elif source.id:
            out.append(source)
    return tuple(out)


def read_module(doc: LocatedData, problems: list[Problem], local: bool = False) -> tuple[Module, Origin] | None:
    """Build one Module from its file; return None if the file is too broken to name a module. An LA's own
    module (`local`) is defined, and local: it cannot claim to be the strategy's."""
    status = doc.data.get("status") if isinstance(doc.data, dict) else None
    known = _PENDING_KEYS if status == "pending" and not local else _DEFINED_KEYS
    f = Fields(doc, (), doc.data, known, problems)
    if not f.ok:
        return None
    if local:
        if status != "defined":
            f.report(("status",), f'an LA\'s own module is written in full: status: defined, found "{status}"')
        if f.has("origin") and f.data["origin"] != LOCAL_ORIGIN:
            f.report(("origin",), "an LA's own module is local; leave origin out (only the master content holds the "
                                  "strategy's modules)")
        origin = LOCAL_ORIGIN
    else:
        origin = f.choice("origin", MASTER_ORIGINS, required=False, default="strategy") or "strategy"
    ref = f.identifier("ref", REF_PATTERN, "module ref (e.g. IW01)")
    stem = doc.file.rsplit("/", 1)[-1].removesuffix(".yaml")
    if ref and ref != stem:
        f.report(("ref",), f'ref "{ref}" does not match the file name "{stem}.yaml"')
    common: dict[str, Any] = dict(ref=ref, name=f.text("name"), status=f.choice("status", STATUSES),
                                  origin=origin,
                                  process=f.text("process"), note=f.text("note", required=False), source=doc.file)
    if common["status"] != "defined":
        return Module(**common), Origin(doc, ())
    audience = f.mapping("audience", ("text", "ids", "optional"), required=True)
    objectives = f.mapping("objectives", ("lead", "items", "for_attendees"), required=True)
    delivery = f.mapping("delivery", ("text", "modes"), required=True)
    duration_text = f.text("duration")
    duration = None
    if duration_text:
        try:
            duration = parse_duration(duration_text)
        except DurationSyntaxError as exc:
            f.report(("duration",), str(exc))
    modes = delivery.text_list("modes") if delivery else ()
    for i, mode in enumerate(modes):
        if mode and mode not in DELIVERY_MODES:
            assert delivery is not None  # modes is empty without a delivery mapping
            delivery.report(delivery.path + ("modes", i), f'unknown delivery mode "{mode}"; expected one of '
                            + ", ".join(DELIVERY_MODES))
    module = Module(
        **common,
        description=f.text_list("description", single_ok=True),
        audience_text=audience.text_list("text", single_ok=True) if audience else (),
        audiences=audience.id_list("ids", required=True, what="audience id") if audience else (),
        optional_audiences=audience.id_list("optional", what="audience id") if audience else (),
        objectives_lead=objectives.text("lead") if objectives else "",
        objectives=objectives.text_list("items") if objectives else (),
        objectives_for_attendees=_for_attendees(objectives) if objectives else (),
        content=f.text_list("content"),
        delivery_text=delivery.text("text") if delivery else "",
        delivery_modes=modes,
        duration=duration,
        responsibility=f.text("responsibility"),
        prerequisites=_prerequisites(f),
        entry_requirements=_entry_requirements(f),
        substitutes=_substitution(f),
        corrections=tuple(Correction(field=c.text("field"), seed_text=c.text("seed_text"),
                                     reading=c.text("reading"), note=c.text("note"),
                                     trainer_note=c.text("trainer_note", required=False))
                          for c in f.records("corrections", ("field", "seed_text", "reading", "note", "trainer_note"),
                                             False)),
        sources=read_sources(f),
    )
    return module, Origin(doc, ())


def _prerequisites(f: Fields) -> Prerequisites:
    sub = f.mapping("prerequisites", ("after", "recommended"))
    if sub is None:
        return Prerequisites()
    options = []
    raw = sub.data.get("after", [])
    if not isinstance(raw, list):
        sub.report(sub.path + ("after",), "expected a list of module lists, e.g. [[IW02], [IS01, CAF01, LP01]]")
        raw = []
    for i, option in enumerate(raw):
        if not isinstance(option, list) or not all(isinstance(x, str) for x in option):
            sub.report(sub.path + ("after", i), "expected a list of module refs, e.g. [IS01, CAF01]")
            continue
        options.append(option)
    return Prerequisites(after=options, recommended=sub.id_list("recommended", REF_PATTERN, "module ref"))


def _entry_requirements(f: Fields) -> EntryRequirements | None:
    sub = f.mapping("entry_requirements", ("experience", "modules"))
    if sub is None:
        return None
    return EntryRequirements(experience=sub.optional_text("experience"),
                             modules=sub.id_list("modules", REF_PATTERN, "module ref"))


def _substitution(f: Fields) -> Substitution | None:
    sub = f.mapping("substitutes", ("replaces", "audiences", "note"))
    if sub is None:
        return None
    return Substitution(replaces=sub.id_list("replaces", REF_PATTERN, "module ref", required=True),
                        audiences=sub.id_list("audiences", what="audience id", required=True),
                        note=sub.text("note", required=False))
