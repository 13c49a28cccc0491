"""Process pools for builds: workers that die with the build that started them and stop at once on failure.

A pack build (one LA, its courses in parallel) and a national build (many LAs in parallel) both need this, and
the details are subtle enough (Python 3.11's pool trips over cancelled work) to keep in one place.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor


def die_with_parent() -> None:
    """Ask Linux to kill this worker when the build that started it dies (even by kill -9), so no worker is left
    blocked writing to a dead pipe; Ctrl-C reaches the workers through the terminal and is ignored here, as the
    parent stops them itself. Elsewhere the workers end when the parent's pipe closes."""
    import signal
    import sys

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by the fork: just end
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG


@contextlib.contextmanager
def worker_pool(jobs: int, initializer: Callable[..., None], initargs: tuple) -> Iterator[ProcessPoolExecutor]:
    """A pool of `jobs` workers, each set up by `initializer(*initargs)` once (so large state is not pickled
    per task), that is stopped at once, its queued work dropped, when the build fails or is interrupted,
    instead of waiting for everything still queued. `initializer` should call die_with_parent first."""
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=initializer, initargs=initargs)
    try:
        yield pool
        pool.shutdown()  # inside the try: Ctrl-C while the pool shuts down must stop its workers too
    except BaseException:
        # Stop the workers first, then let the pool's own thread find them gone and fail what was queued: it
        # ends tidily, where cancelling the queue first makes it trip over the cancelled work (Python 3.11).
        workers = list(getattr(pool, "_processes", {}).values())  # no public handle on them
        for worker in workers:
            with contextlib.suppress(OSError):
                worker.terminate()
        for worker in workers:
            worker.join(timeout=5)
        pool.shutdown(wait=True)  # quick now: nothing is left to run
        raise
