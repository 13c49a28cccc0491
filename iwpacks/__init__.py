"""iwpacks: one content model of integrated working training, rendered into trainer packs.

The public API, in the order of the road: load_programme -> (load_overlay, apply_overlay) -> plan_course ->
render / build_pack. Everything here is importable from `iwpacks` itself; the submodules are internals.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from iwpacks.errors import ContentError, IwpacksError, Problem, UsageError
from iwpacks.model import (
    Audience,
    Brand,
    CommonMessage,
    Contact,
    Course,
    CourseSection,
    Duration,
    Exercise,
    Localisation,
    LocalSource,
    Material,
    Module,
    Process,
    Programme,
    Protocol,
    Source,
    Topic,
)
from iwpacks.source.load import load_programme
from iwpacks.source.validate import validate

__version__ = "0.2.0"

if TYPE_CHECKING:
    from iwpacks.overlay.layers import apply_overlay, load_overlay
    from iwpacks.pack.build import PackResult, build_pack, render
    from iwpacks.pack.export import export_programme, import_programme
    from iwpacks.pack.national import build_national, merge_shards
    from iwpacks.planning.plan import CoursePlan
    from iwpacks.source.brand import load_brand

# Names that pull in the renderers, reportlab or the Office libraries load on first use, so `import iwpacks`
# and `iwpacks --version` stay quick.
_LAZY = {"load_brand": "source.brand", "export_programme": "pack.export", "import_programme": "pack.export",
         "apply_overlay": "overlay.layers", "load_overlay": "overlay.layers", "PackResult": "pack.build",
         "build_pack": "pack.build", "render": "pack.build", "CoursePlan": "planning.plan",
         "build_national": "pack.national", "merge_shards": "pack.national"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"iwpacks.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'iwpacks' has no attribute {name!r}")


def plan_course(programme: Programme, course_id: str, *, release: bool = False) -> CoursePlan:
    """Lay out one course: sections, planned minutes and the timetable by day.

    `release` plans it for trainers, without review notes (always so for a programme with an LA overlay).
    Raises ContentError if the programme (perhaps edited with attrs.evolve) breaks a content rule, so no
    renderer meets a model it cannot draw, and UsageError for an unknown course.
    """
    from iwpacks.planning.plan import plan_course as plan
    from iwpacks.source.validate import check_programme

    check_programme(programme)
    return plan(programme, course_id, release=release)


__all__ = [
    "Audience", "Brand", "CommonMessage", "Contact", "ContentError", "Course", "CoursePlan", "CourseSection",
    "Duration", "Exercise", "IwpacksError", "LocalSource", "Localisation", "Material", "Module", "PackResult",
    "Problem", "Process", "Programme", "Protocol", "Source", "Topic", "UsageError", "__version__",
    "apply_overlay", "build_national", "build_pack", "export_programme", "import_programme", "load_brand", "load_overlay",
    "load_programme", "merge_shards", "plan_course", "render", "validate",
]
