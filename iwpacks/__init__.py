"""iwpacks: one content model of integrated working training, rendered into trainer packs.

The public API, in the order of the road: load_programme -> (load_overlay, apply_overlay) -> plan_course ->
render / build_pack. Everything here is importable from `iwpacks` itself; the submodules are internals.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ContentError, IwpacksError, Problem, UsageError
from .loading import load_programme
from .model import (Audience, CommonMessage, Contact, Course, CourseSection, Duration, Exercise, LocalSource,
                    Localisation, Material, Module, Process, Programme, Protocol, Source, Topic)
from .validate import validate

__version__ = "0.2.0"

if TYPE_CHECKING:
    from .brand import Brand, load_brand
    from .export import export_programme, import_programme
    from .overlay import apply_overlay, load_overlay
    from .pack import PackResult, build_pack, render
    from .plan import CoursePlan, plan_course

# Names that pull in the renderers, reportlab or the Office libraries load on first use, so `import iwpacks`
# and `iwpacks --version` stay quick.
_LAZY = {"Brand": "brand", "load_brand": "brand", "export_programme": "export", "import_programme": "export",
         "apply_overlay": "overlay", "load_overlay": "overlay", "PackResult": "pack", "build_pack": "pack",
         "render": "pack", "CoursePlan": "plan", "plan_course": "plan"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'iwpacks' has no attribute {name!r}")


__all__ = [
    "Audience", "Brand", "CommonMessage", "Contact", "ContentError", "Course", "CoursePlan", "CourseSection",
    "Duration", "Exercise", "IwpacksError", "LocalSource", "Localisation", "Material", "Module", "PackResult",
    "Problem", "Process", "Programme", "Protocol", "Source", "Topic", "UsageError", "__version__",
    "apply_overlay", "build_pack", "export_programme", "import_programme", "load_brand", "load_overlay",
    "load_programme", "plan_course", "render", "validate",
]
