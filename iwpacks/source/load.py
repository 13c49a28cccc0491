"""load_programme: read, then validate; one ContentError lists every problem found."""
from __future__ import annotations

from pathlib import Path

from iwpacks.errors import ContentError, UsageError
from iwpacks.model import Programme
from iwpacks.source.read_content import content_root, read_programme
from iwpacks.source.validate import validate_programme


def load_programme(path: str | Path | None = None) -> Programme:
    """Load and validate a content folder (default: the bundled content).

    Raises ContentError listing every problem, each as `file:line: key.path: message`,
    or UsageError if the folder does not exist.
    """
    root = content_root(path)
    if not root.is_dir():
        raise UsageError(f"content folder not found: {root}")
    programme, origins, problems = read_programme(root)
    if programme is not None:
        problems = problems + validate_programme(programme, origins)
    if problems or programme is None:
        raise ContentError(problems)
    return programme
