"""The import rules of docs/architecture.md: each stage imports only the stages before it on the road."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from paths import REPO

PACKAGE = REPO / "iwpacks"
# What each part of the package may import from iwpacks (besides itself). Keep in step with docs/architecture.md.
ALLOWED = {
    "errors": set(),
    "model": set(),
    "source": {"errors", "model"},
    "overlay": {"errors", "model", "source"},
    "planning": {"errors", "model"},
    "renderers": {"errors", "model", "planning"},
    "pack": {"errors", "model", "source", "overlay", "planning", "renderers"},
    "site": {"errors", "model", "source", "overlay", "planning", "renderers", "pack"},
    # Self-study shares the catalogue's colours, each held to WCAG AA.
    "selfstudy": {"errors", "model", "source", "overlay", "planning", "renderers", "pack", "site"},
    "cli": {"errors", "model", "source", "overlay", "planning", "renderers", "pack", "site", "selfstudy",
            "iwpacks"},
}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "iwpacks"


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append((node.lineno, "<relative>"))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return [(line, module) for line, module in found if module == "<relative>" or module.split(".")[0] == "iwpacks"]


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_module_imports_only_the_stages_before_it(path):
    relative = path.relative_to(PACKAGE)
    part = relative.parts[0].removesuffix(".py") if relative.parts[0] != "__main__.py" else "cli"
    allowed = ALLOWED[part] | {part}
    wrong = [f"{relative}:{line}: {module}" for line, module in _imports(path)
             if module == "<relative>" or _part(module) not in allowed]
    assert wrong == [], f"{part} may import only {sorted(allowed)}"


def test_every_part_of_the_package_has_a_rule():
    parts = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in _modules()}
    assert parts - {"__main__"} <= set(ALLOWED)



def test_renderers_never_read_the_programme_behind_the_plan():
    """A closed plan: a renderer draws from the CoursePlan's own fields, never from plan.programme."""
    reaching = []
    for path in sorted((PACKAGE / "renderers").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "programme":
                reaching.append(f"{path.name}:{node.lineno}")
    assert reaching == []


def test_renderers_name_no_content_id(programme):
    """Which slot, principle, message or section a pack shows where comes from content roles, not from ids."""
    ids = {i for collection in (programme.slots, programme.common_messages, programme.delivery_principles,
                                programme.course_structure, programme.material_types, programme.courses,
                                programme.audiences, programme.sources)
           for i in collection}
    # The renderers' own vocabulary may share a word with an id ("recap" is a role and a section's id).
    from iwpacks.model import (
        ARTEFACTS,
        MESSAGE_ROLES,
        PRINCIPLE_ROLES,
        SECTION_ROLES,
        SLOT_ROLES,
    )

    ids -= {*SECTION_ROLES, *SLOT_ROLES, *PRINCIPLE_ROLES, *MESSAGE_ROLES, *(a.name for a in ARTEFACTS)}
    found = []
    for path in sorted((PACKAGE / "renderers").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in ids:
                found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert found == []
