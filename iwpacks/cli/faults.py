"""What the command line says when the machine, not the input, is at fault: one line, never a traceback."""
from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

from iwpacks.errors import os_error_line  # noqa: F401  (the command line's name for it)


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
