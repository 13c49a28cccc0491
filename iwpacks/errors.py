"""Problems found in content or overlays, and the exception that carries them."""
from __future__ import annotations

import difflib
import errno
from typing import Any

import attrs

# Exit codes, so scripts can tell failures apart (documented in the README); each error class names its own.
EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_CHECK, EXIT_IO = 0, 1, 2, 3, 4
IN_MEMORY = "programme"  # the "file" a Problem names when the model was built or edited in memory


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
    exit_code = EXIT_CONTENT  # the command line's exit code for this kind of failure


class ContentError(IwpacksError):
    """Content failed validation; `problems` lists every mistake found in one run."""

    category = "content"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(IwpacksError):
    """The caller asked for something that does not exist (an unknown id, a missing folder)."""

    category = "usage"
    exit_code = EXIT_USAGE


class BuildLockedError(IwpacksError):
    """Another build is writing the same output folder."""

    category = "build"
    exit_code = EXIT_IO


class UnfilledSlotsError(IwpacksError):
    """--strict was given and some slots the built courses use are empty."""

    category = "localisation"


class ToolMissingError(IwpacksError):
    """LibreOffice or poppler is not installed."""

    category = "preview"
    exit_code = EXIT_IO


class AccessibilityError(IwpacksError):
    """The built artefacts fail an accessibility check; nothing was written."""

    category = "check"
    exit_code = EXIT_CHECK


class PendingCourseError(IwpacksError):
    """A pending course was asked for without --allow-draft."""

    category = "build"
    exit_code = EXIT_USAGE


class TemplateError(IwpacksError):
    """The brand's deck or Word template lacks a slide layout or style the renderers need."""

    category = "brand"


def did_you_mean(word: str, choices: Any) -> str:
    """Return ' (did you mean "x"?)' for the closest choice, or '' if none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


# What to do about each fault an operator meets: the OS's own words say what happened, these say what next.
_ADVICE = {
    errno.EROFS: "the file system is read-only; choose an output folder on a writable disk (--out)",
    errno.ENOSPC: "the disk is full; free some space or choose an output folder on another disk (--out); "
                  "the previous pack was left as it was",
    errno.EFBIG: "a file grew past what this disk, or the file-size limit (ulimit -f), allows; free space, "
                 "raise the limit or choose another output folder (--out); the previous pack was left as it was",
    errno.EDQUOT: "your disk quota is used up; free some space or choose another output folder (--out)",
    errno.ENOTDIR: "part of that path is a file, not a folder; choose an output folder whose parents are folders",
    errno.EISDIR: "that is a folder, where a file was expected",
    errno.EEXIST: "something already exists there that is not a folder; choose another path",
    errno.EBUSY: "the folder is in use (a mount point, or open in another program); choose another output folder",
    errno.EACCES: "permission denied; choose a folder you can write to, or ask who owns it",
    errno.EPERM: "the operation is not permitted there; choose a folder you can write to",
    errno.ENOENT: "no such file or folder; check the path",
    errno.ENAMETOOLONG: "the path is too long; choose a shorter output folder",
    errno.EMFILE: "too many open files; raise the limit (ulimit -n) or build with fewer --jobs",
    errno.ENOMEM: "out of memory; build with fewer --jobs",
}


def os_error_line(exc: OSError) -> str:
    """`<what happened>: <path>; <what to do>` for any OSError, in one line."""
    what = exc.strerror or str(exc) or type(exc).__name__
    path = f": {exc.filename}" if exc.filename else ""
    if exc.filename2:
        path += f" -> {exc.filename2}"
    advice = _ADVICE.get(exc.errno or 0)
    return f"{what}{path}" + (f"; {advice}" if advice else "")
