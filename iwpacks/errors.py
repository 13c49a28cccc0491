"""Problems found in content or overlays, and the exception that carries them."""
from __future__ import annotations

import attrs


@attrs.frozen(order=True)
class Problem:
    """One mistake, located as `file:line: key.path: message`."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        # Line 0: a model built or edited in memory, which has no lines to point at.
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class IwpacksError(Exception):
    """Base of every error the CLI reports as `category: message` without a traceback."""

    category = "error"
    exit_code = 1  # the command line's exit code for this kind of failure (see the README)


class ContentError(IwpacksError):
    """Content failed validation; `problems` lists every mistake found in one run."""

    category = "content"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(IwpacksError):
    """The caller asked for something that does not exist (an unknown id, a missing folder)."""

    category = "usage"
    exit_code = 2
