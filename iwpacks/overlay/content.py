"""An LA's content layer: its own modules, material, knowledge checks and courses beside overlay.yaml.

They are in the master content's formats and are checked with the master: an LA module may not take a master
ref (the master's modules stay the policy team's), and an LA course may use master and LA modules alike.
"""
from __future__ import annotations

from pathlib import Path

import attrs

from iwpacks.errors import IN_MEMORY, Problem
from iwpacks.model import Course, FrozenMap, Module, Programme
from iwpacks.overlay.read import MAX_OVERLAY_BYTES, inside
from iwpacks.source.located_yaml import LocatedData, read_yaml
from iwpacks.source.read_content import read_module_folder
from iwpacks.source.read_courses import read_courses
from iwpacks.source.read_knowledge import attach_knowledge_checks
from iwpacks.source.read_selfstudy import attach_self_study
from iwpacks.source.read_material import attach_material
from iwpacks.source.records import Origin, Origins
from iwpacks.source.validate import MemoryOrigins, validate_programme

LAYER_PARTS = ("modules", "material", "knowledge-checks", "courses.yaml")
COURSES_FILE = "courses.yaml"


class _LayerOrigins(Origins):
    """The LA layer's records where they are written; the master's, already checked, by collection and id."""

    def of(self, kind: str, ident: str) -> Origin:
        found = self.by_key.get((kind, ident))
        if found is not None:
            return found
        return MemoryOrigins(IN_MEMORY).of(kind, ident)  # the master's records are checked already


def _yaml_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()) if path.is_dir() else []


def read_layer(folder: Path, display: str, programme: Programme,
               problems: list[Problem]) -> tuple[FrozenMap[Module], FrozenMap[Course]]:
    """The LA's modules (each with its material and any knowledge check) and courses, marked local and checked
    with the master content; every problem located in the LA's files."""
    # Every folder and file inside the LA's folder (no symlink out of it), and each file within the overlay's own
    # limit, checked before any is parsed: a pasted spreadsheet is refused at once.
    outside = [part for part in LAYER_PARTS if (folder / part).exists() and inside(folder, part) is None]
    files = [path for part in LAYER_PARTS if part not in outside for path in _yaml_files(folder / part)]
    outside += [path.relative_to(folder).as_posix() for path in files
                if inside(folder, path.relative_to(folder).as_posix()) is None]
    for part in outside:
        problems.append(Problem(f"{display}/{part}", 1, "", "leads outside the overlay folder; keep the LA's "
                                                            "modules, material and courses inside it"))
    large = [path for path in files if path.stat().st_size > MAX_OVERLAY_BYTES]
    for path in large:
        problems.append(Problem(f"{display}/{path.relative_to(folder).as_posix()}", 1, "",
                                f"the file is {path.stat().st_size // 1024} KB; the limit is "
                                f"{MAX_OVERLAY_BYTES // 1024} KB"))
    if outside or large:
        return FrozenMap(), FrozenMap()
    origins = _LayerOrigins()
    modules = read_module_folder(folder, display, origins, problems, local=True)
    for module in list(modules):
        if module.ref in programme.modules:
            problems.append(origins.of("module", module.ref).problem(
                ("ref",), f"{module.ref} is a module of the master content, which an LA cannot change or replace; "
                          "give the LA's module a ref of its own"))
            modules.remove(module)
    master = tuple(programme.modules)
    modules = attach_material(folder, display, modules, origins, problems, protected=master)
    modules = attach_knowledge_checks(folder, display, modules, origins, problems, protected=master)
    modules = attach_self_study(folder, display, modules, origins, problems, protected=master)
    courses: list[Course] = []
    if (folder / COURSES_FILE).is_file():
        doc, found = read_yaml(folder / COURSES_FILE, f"{display}/{COURSES_FILE}")
        problems.extend(found)
        if doc is not None:
            courses = _local_courses(doc, programme, modules, origins, problems)
    local_modules: FrozenMap[Module] = FrozenMap((m.ref, m) for m in modules)
    local_courses: FrozenMap[Course] = FrozenMap((c.id, c) for c in courses)
    problems.extend(validate_programme(with_layer(programme, local_modules, local_courses), origins))
    return local_modules, local_courses


def _local_courses(doc: LocatedData, programme: Programme, modules: list[Module], origins: Origins,
                   problems: list[Problem]) -> list[Course]:
    out = []
    pending = {ref for ref, m in programme.modules.items() if m.is_pending}
    for course in read_courses(doc, origins, problems):
        if course.id in programme.courses:
            problems.append(origins.of("course", course.id).problem(
                ("id",), f'"{course.id}" is a course of the master content, which an LA cannot change; give the '
                         "LA's course an id of its own"))
            continue
        status = "pending" if pending.intersection(course.modules) else course.status
        out.append(attrs.evolve(course, origin="local", status=status))
    return out


def with_layer(programme: Programme, modules: FrozenMap[Module], courses: FrozenMap[Course]) -> Programme:
    """The programme with an LA's own modules and courses after the master's."""
    if not modules and not courses:
        return programme
    return attrs.evolve(programme, modules={**programme.modules, **modules}, courses={**programme.courses, **courses})
