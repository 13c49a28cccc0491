"""iwpacks: one content model of integrated working training, rendered into trainer packs."""
from __future__ import annotations

from .errors import ContentError, IwpacksError, Problem, UsageError
from .loading import load_programme
from .model import (Audience, CommonMessage, Course, CourseSection, Duration, Module, Process, Programme, Source)

__all__ = [
    "Audience", "CommonMessage", "ContentError", "Course", "CourseSection", "Duration", "IwpacksError",
    "Module", "Problem", "Process", "Programme", "Source", "UsageError", "load_programme",
]
