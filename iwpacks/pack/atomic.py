"""Writes a folder all at once: build in a temporary sibling, then swap it into place under a lock."""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from iwpacks.errors import BuildLockedError


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - another user's live process
        return True
    return True


@contextlib.contextmanager
def output_lock(target: Path) -> Iterator[None]:
    """Hold `.<name>.lock` beside `target`; a second build gets a clear error, a stale lock is taken over."""
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = target.parent / f".{target.name}.lock"
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            try:
                holder = int(lock.read_text().strip() or 0)
            except (OSError, ValueError):
                holder = 0
            if holder and _alive(holder):
                raise BuildLockedError(f"another build (process {holder}) is writing {target}; "
                                       f"wait for it to finish (lock file {lock})") from None
            lock.unlink(missing_ok=True)  # left by a build that died: safe to take over
    else:  # pragma: no cover - lost a race twice
        raise BuildLockedError(f"could not lock {target} ({lock})")
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        lock.unlink(missing_ok=True)


@contextlib.contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """Yield an empty temporary folder; on success it replaces `target`, on failure it is removed.

    The previous `target` stays untouched until the new one is complete, so a failed or interrupted
    build never leaves a half-written pack where the last good one was.
    """
    stage = target.parent / f".{target.name}.building-{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(stage, target)
    shutil.rmtree(old, ignore_errors=True)


def replace_file(target: Path, data: bytes) -> None:
    """Write `data` to `target` atomically (temporary file, then rename)."""
    temp = target.parent / f".{target.name}.tmp-{os.getpid()}"
    try:
        temp.write_bytes(data)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
