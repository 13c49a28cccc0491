"""The whole model as plain JSON-ready data for other tooling, and back again."""
from __future__ import annotations

from typing import Any

import attrs

from .model import (Audience, CommonMessage, Correction, Course, CourseSection, DeliveryPrinciple,
                    DistributionRoute, Duration, EntryRequirements, Exercise, LocalSlot, Material, MaterialType, Module, Prerequisites, Process, RoleBrief,
                    Programme, Source, StructureSection, Substitution, Topic, by_id)
from .timing import course_duration

EXPORT_FORMAT = 1
# Plain records export field by field; their class is all import needs.
_PLAIN = {"processes": Process, "audiences": Audience, "common_messages": CommonMessage,
          "course_structure": StructureSection, "delivery_principles": DeliveryPrinciple,
          "material_types": MaterialType, "sources": Source, "distribution_routes": DistributionRoute,
          "slots": LocalSlot}


def _plain(record: Any) -> dict:
    # `source` names a local file, so it is not exported (it is also left out of equality).
    return attrs.asdict(record, filter=lambda a, v: a.eq)


def export_programme(programme: Programme) -> dict:
    """The programme as JSON-ready data; `modules` and `courses` are lists in content order."""
    data: dict[str, Any] = {
        "format": EXPORT_FORMAT, "title": programme.title, "version": programme.version,
        "source_document": programme.source_document, "notes": list(programme.notes),
        "modules": [_module(m) for m in programme.modules.values()],
        "courses": [_course(programme, c) for c in programme.courses.values()],
    }
    for key in _PLAIN:
        data[key] = [_plain(r) for r in getattr(programme, key).values()]
    return data


def _module(m: Module) -> dict:
    return {
        "ref": m.ref, "name": m.name, "status": m.status, "process": m.process,
        "description": list(m.description),
        "audience": {"text": list(m.audience_text), "ids": list(m.audiences), "optional": list(m.optional_audiences)},
        "objectives_lead": m.objectives_lead, "objectives": list(m.objectives), "content": list(m.content),
        "delivery": {"text": m.delivery_text, "modes": list(m.delivery_modes)},
        "duration": _plain(m.duration) if m.duration else None,
        "responsibility": m.responsibility,
        "prerequisites": _plain(m.prerequisites),
        "entry_requirements": _plain(m.entry_requirements) if m.entry_requirements else None,
        "substitutes": _plain(m.substitutes) if m.substitutes else None,
        "corrections": [_plain(c) for c in m.corrections], "note": m.note,
        "material": _plain(m.material) if m.material else None,
    }


def _course(programme: Programme, c: Course) -> dict:
    total = course_duration(programme, c)
    return {
        "id": c.id, "title": c.title, "process": c.process, "audience": c.audience, "status": c.status,
        "modules": list(c.modules), "messages": list(c.messages), "appendix_cell": list(c.appendix_cell),
        "entry_requirements": list(c.entry_requirements), "notes": list(c.notes),
        "sections": [_plain(s) for s in c.sections],
        "duration": {"min_minutes": total.min_minutes, "max_minutes": total.max_minutes,
                     "optional_extras": list(total.optional_extras)},
    }


def import_programme(data: dict) -> Programme:
    """Rebuild a Programme from export_programme's data (no validation: export only valid models)."""
    plain = {key: by_id(cls(**r) for r in data[key]) for key, cls in _PLAIN.items()}
    modules = by_id((_module_back(m) for m in data["modules"]), "ref")
    courses = by_id(Course(id=c["id"], title=c["title"], process=c["process"], audience=c["audience"],
                           status=c["status"], appendix_cell=c["appendix_cell"],
                           entry_requirements=c["entry_requirements"], notes=c["notes"],
                           sections=[CourseSection(**s) for s in c["sections"]]) for c in data["courses"])
    return Programme(title=data["title"], version=data["version"], source_document=data["source_document"],
                     notes=data["notes"], modules=modules, courses=courses, **plain)


def _module_back(m: dict) -> Module:
    return Module(
        ref=m["ref"], name=m["name"], status=m["status"], process=m["process"], description=m["description"],
        audience_text=m["audience"]["text"], audiences=m["audience"]["ids"],
        optional_audiences=m["audience"]["optional"], objectives_lead=m["objectives_lead"],
        objectives=m["objectives"], content=m["content"], delivery_text=m["delivery"]["text"],
        delivery_modes=m["delivery"]["modes"], duration=Duration(**m["duration"]) if m["duration"] else None,
        responsibility=m["responsibility"], prerequisites=Prerequisites(**m["prerequisites"]),
        entry_requirements=EntryRequirements(**m["entry_requirements"]) if m["entry_requirements"] else None,
        substitutes=Substitution(**m["substitutes"]) if m["substitutes"] else None,
        corrections=[Correction(**c) for c in m["corrections"]], note=m["note"],
        material=_material_back(m["material"]) if m["material"] else None)


def _material_back(d: dict) -> Material:
    return Material(status=d["status"], review_note=d["review_note"], topics=[Topic(**t) for t in d["topics"]],
                    exercises=[Exercise(**{**e, "role_briefs": [RoleBrief(**r) for r in e["role_briefs"]]})
                               for e in d["exercises"]])
