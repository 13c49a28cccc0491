"""Writes a folder all at once: build in a temporary sibling, then swap it into place under a lock."""
from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from iwpacks.errors import BuildLockedError, UsageError

# What a build leaves beside its target while it runs, each named with the building process's id.
_SCRATCH = re.compile(r"\.(?P<name>.+)\.(?:building|old|tmp)-(?P<pid>[0-9]+)")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - another user's live process
        return True
    return True


def check_output_folder(target: Path) -> None:
    """Refuse an output that a build must not replace: an existing file, or the current folder or one of its
    parents (replacing those would pull the ground from under the shell, and `.` has no name to stage beside)."""
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file; the output must be a folder (replaced whole) or a path that "
                         "does not exist yet. Choose another --out; the file was left as it was")
    for parent in target.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(f"{parent} is a file, so it cannot hold the output folder {target}; "
                                 "choose another --out")
            break
    here, where = Path.cwd().resolve(), target.absolute().resolve()
    if where == here or here.is_relative_to(where):
        raise UsageError(f"{target} is the current folder or one of its parents, and a build replaces its output "
                         "folder whole; give a new folder, e.g. --out dist/pack")
    if target.is_dir() and not _replaceable(target):
        raise UsageError(f"{target} is a folder that holds other files, not a pack this tool built, and a build "
                         "replaces its output folder whole; give a new or empty folder, e.g. --out dist/pack "
                         "(nothing was changed)")


def _replaceable(folder: Path) -> bool:
    """Whether a build may replace `folder`: it is empty, or it is a pack (its manifest says so). An overlay's
    folder, the content folder or someone's documents are neither, and are never deleted."""
    import json

    try:
        entries = list(folder.iterdir())
        if not entries:
            return True
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and "files" in manifest and "content_version" in manifest


def check_zip_path(zip_path: Path, out: Path) -> None:
    """Refuse a zip the swap could not write beside the pack: a folder, or a path inside the pack itself."""
    if zip_path.is_dir():
        raise UsageError(f"--zip {zip_path} is a folder; give the zip's file name, e.g. {zip_path / 'pack.zip'}")
    if zip_path.absolute().resolve().is_relative_to(out.absolute().resolve()):
        raise UsageError(f"--zip {zip_path} is inside the output folder {out}, which the build replaces whole; "
                         "write the zip beside it")


def clear_leftovers(target: Path, *names: str) -> None:
    """Remove what builds killed before they could tidy up left beside `target` (and beside each of `names`
    in the same folder): staging folders and half-written files whose process is gone."""
    wanted = {target.name, *names}
    with contextlib.suppress(OSError):
        for entry in target.parent.iterdir():
            match = _SCRATCH.fullmatch(entry.name)
            if match and match["name"] in wanted and not _alive(int(match["pid"])):
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)


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
def staged_folder(target: Path, companion: Path | None = None,
                  companion_bytes: Callable[[Path], bytes] | None = None) -> Iterator[Path]:
    """Yield an empty temporary folder; on success it replaces `target`, on failure it is removed.

    The previous `target` stays untouched until the new one is complete, so a failed or interrupted
    build never leaves a half-written pack where the last good one was. A `companion` file (the pack's zip)
    is written from the finished stage by `companion_bytes(stage)` before anything is swapped, then swapped
    in straight after the folder: a full disk or a crash while it is written leaves the old folder and the
    old zip together, never a new folder beside an old zip.
    """
    stage = target.parent / f".{target.name}.building-{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    temp = None if companion is None else companion.parent / f".{companion.name}.tmp-{os.getpid()}"
    try:
        yield stage
        if temp is not None and companion_bytes is not None:
            temp.write_bytes(companion_bytes(stage))
    except BaseException as exc:
        shutil.rmtree(stage, ignore_errors=True)
        if temp is not None:
            temp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno and not exc.filename:  # a write says what failed, not where
            raise OSError(exc.errno, exc.strerror, str(target)) from exc
        raise
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists() or target.is_symlink():
        os.replace(target, old)
    os.replace(stage, target)
    if temp is not None and companion is not None:
        os.replace(temp, companion)
    if old.is_symlink():  # --out named a symlink: it is replaced by the folder, and the link itself removed
        old.unlink()
    else:
        shutil.rmtree(old, ignore_errors=True)


def replace_file(target: Path, data: bytes) -> None:
    """Write `data` to `target` atomically (temporary file, then rename)."""
    temp = target.parent / f".{target.name}.tmp-{os.getpid()}"
    try:
        temp.write_bytes(data)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
