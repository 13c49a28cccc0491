"""Renderers: each turns one CoursePlan and a Brand into the bytes of one artefact."""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from iwpacks.model import ARTEFACTS

if TYPE_CHECKING:
    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan


class Renderer(Protocol):
    """What every renderer module provides: a CLI name, an output file name and a pure render()."""

    name: str
    filename: str

    def render(self, plan: CoursePlan, brand: Brand) -> bytes: ...


_REGISTRY: dict[str, Renderer] = {}


def register(renderer: Renderer) -> Renderer:
    """Add a renderer; one not in model.ARTEFACTS, or a second with the same name or file name, is a bug."""
    if {a.name: a.filename for a in ARTEFACTS}.get(renderer.name) != renderer.filename:
        raise ValueError(f"renderer {renderer.name!r} ({renderer.filename}) is not in model.ARTEFACTS")
    for other in _REGISTRY.values():
        if other.name == renderer.name or other.filename == renderer.filename:
            raise ValueError(f"renderer {renderer.name!r} ({renderer.filename}) is registered twice")
    _REGISTRY[renderer.name] = renderer
    return renderer


def renderers() -> dict[str, Renderer]:
    """Every renderer by name, in artefact order; importing here keeps CLI start-up light.

    Always import all of them: a caller may have imported one renderer module directly already.
    """
    from iwpacks.renderers import (  # noqa: F401  (they register)
        action_plan,
        attendance_register,
        cascade_plan,
        certificate,
        course_spec,
        deck,
        evaluation_form,
        glossary,
        handouts,
        knowledge_check,
        outline,
        questionnaire,
        trainer_guide,
    )

    return {a.name: _REGISTRY[a.name] for a in ARTEFACTS}
