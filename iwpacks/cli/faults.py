"""What the command line says when the machine, not the input, is at fault: one line, never a traceback."""
from __future__ import annotations

import contextlib
import errno
import signal
from collections.abc import Iterator

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


class Stopped(BaseException):
    """The build was asked to stop (Ctrl-C or SIGTERM). A BaseException, like KeyboardInterrupt, so that
    cleanup on the way out runs and no `except Exception` swallows it."""

    def __init__(self, name: str, exit_code: int) -> None:
        super().__init__(name)
        self.name, self.exit_code = name, exit_code


@contextlib.contextmanager
def stopped_by_signals() -> Iterator[None]:
    """Turn Ctrl-C and SIGTERM into Stopped (exit 130 and 143, as shells count them) while the command runs."""
    def on_term(signum: int, frame: object) -> None:
        raise Stopped("SIGTERM", 128 + signal.SIGTERM)

    previous = None
    with contextlib.suppress(ValueError):  # not the main thread (a library caller's worker): leave signals be
        previous = signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    except KeyboardInterrupt:
        raise Stopped("Ctrl-C", 128 + signal.SIGINT) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
