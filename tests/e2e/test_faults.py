"""Faults of the machine, not the input: each is one line on stderr and a known exit code, never a traceback,
and never a lost or mixed-up pack."""
from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from iwpacks.errors import UsageError
from iwpacks.pack import build as build_module
from iwpacks.pack.build import build_pack

SMALL = ("--course", "iw-practitioners", "--artefact", "course-outline")


def iwpacks(*args: str, cwd: Path | None = None, preexec=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "iwpacks", *args], capture_output=True, text=True, cwd=cwd,
                          preexec_fn=preexec, timeout=300, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})


def one_line(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_out_naming_an_existing_file_is_refused_and_the_file_kept(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("my notes")
    result = iwpacks("build", *SMALL, "--out", str(target))
    assert result.returncode == 2
    assert one_line(result).startswith(f"usage: {target} is a file; the output must be a folder")
    assert target.read_text() == "my notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("out", [".", "..", "../.."])
def test_out_naming_the_current_folder_or_a_parent_is_refused(tmp_path, out):
    here = tmp_path / "a" / "b"
    here.mkdir(parents=True)
    result = iwpacks("build", *SMALL, "--out", out, cwd=here)
    assert result.returncode == 2
    assert "is the current folder or one of its parents" in one_line(result)
    assert list(here.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["a"]


def test_out_under_a_file_is_refused(tmp_path):
    (tmp_path / "file").write_text("x")
    result = iwpacks("build", *SMALL, "--out", str(tmp_path / "file" / "pack"))
    assert result.returncode == 2
    assert one_line(result) == (f"usage: {tmp_path / 'file'} is a file, so it cannot hold the output folder "
                                f"{tmp_path / 'file' / 'pack'}; choose another --out")


def test_a_read_only_output_folder_is_one_line_that_says_what_to_do(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() == 0:  # root writes through permissions: make the folder truly read-only with a mount
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "none", str(folder)]).returncode:
            pytest.fail("as root this test mounts a read-only tmpfs; mount failed")
        expected = "io: Read-only file system: "
    else:
        folder.chmod(0o555)
        expected = "io: Permission denied: "
    try:
        result = iwpacks("build", *SMALL, "--out", str(folder / "pack"))
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(folder)])
        folder.chmod(0o755)
    assert result.returncode == 4
    line = one_line(result)
    assert line.startswith(expected) and str(folder) in line and "; choose" in line


def _file_size_limit(limit: int):
    def set_limit() -> None:  # a disk that fills: writes past `limit` bytes fail with EFBIG instead of a signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return set_limit


def test_a_disk_that_fills_mid_pack_keeps_the_previous_pack_and_names_the_pack(tmp_path):
    out = tmp_path / "pack"
    assert iwpacks("build", *SMALL, "--out", str(out), "--zip").returncode == 0
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    # The deck is larger than this, so the build fails while writing the pack.
    result = iwpacks("build", "--course", "iw-practitioners", "--out", str(out), "--zip",
                     preexec=_file_size_limit(200_000))
    assert result.returncode == 4
    line = one_line(result)
    assert line.startswith("io: File too large: ") and str(out) in line and "; " in line
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_a_zip_that_cannot_be_written_leaves_the_folder_and_zip_that_agree(programme, brand, tmp_path, monkeypatch):
    out, zip_path = tmp_path / "pack", tmp_path / "pack.zip"
    build_pack(programme, brand, out, ["iw-practitioners"], zip_path=zip_path, artefacts=["course-outline"])
    old_folder = sorted(str(p.relative_to(tmp_path)) for p in out.rglob("*"))
    old_zip = zip_path.read_bytes()

    def full_disk(folder, root=None):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(build_module, "zip_folder", full_disk)
    with pytest.raises(OSError) as caught:
        build_pack(programme, brand, out, ["iw-practitioners"], zip_path=zip_path, artefacts=["course-outline", "deck"])
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == str(out)
    assert sorted(str(p.relative_to(tmp_path)) for p in out.rglob("*")) == old_folder
    assert zip_path.read_bytes() == old_zip
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack", "pack.zip"]  # no staging, no half zip


def test_the_zip_is_the_folder(programme, brand, tmp_path):
    out = tmp_path / "pack"
    result = build_pack(programme, brand, out, ["iw-practitioners"], make_zip=True, artefacts=["course-outline"])
    with zipfile.ZipFile(result.zip_path) as archive:
        names = sorted(archive.namelist())
        assert names == sorted(f"pack/{p.relative_to(out).as_posix()}" for p in out.rglob("*") if p.is_file())
        assert all(archive.read(n) == (tmp_path / n).read_bytes() for n in names)


def test_leftovers_of_killed_builds_are_cleared_by_the_next(programme, brand, tmp_path):
    dead = 2 ** 22 + 12345  # above Linux's default pid_max: never a live process
    (tmp_path / f".pack.building-{dead}" / "x").mkdir(parents=True)
    (tmp_path / f".pack.old-{dead}").mkdir()
    (tmp_path / f".iwpacks-pack.zip.tmp-{dead}").write_bytes(b"half")
    (tmp_path / f".other.building-{dead}").mkdir()  # another target's: not this build's to clear
    (tmp_path / f".pack.building-{os.getpid()}-not").mkdir()  # not a staging name
    build_pack(programme, brand, tmp_path / "pack", ["iw-practitioners"], make_zip=True, artefacts=["course-outline"])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["pack", "iwpacks-pack.zip", f".other.building-{dead}", f".pack.building-{os.getpid()}-not"])


def test_the_library_refuses_an_out_that_is_a_file(programme, brand, tmp_path):
    (tmp_path / "f").write_text("keep")
    with pytest.raises(UsageError, match="is a file"):
        build_pack(programme, brand, tmp_path / "f", ["iw-practitioners"])
    assert (tmp_path / "f").read_text() == "keep"


def _build_then_stop(tmp_path: Path, how: signal.Signals) -> tuple[subprocess.Popen, float, str, str]:
    out = tmp_path / "pack"
    marker = str(out)
    assert iwpacks("build", *SMALL, "--out", marker).returncode == 0
    # A test run in the background inherits an ignored SIGINT, as shells set it for background jobs; an
    # operator's build in a terminal has Ctrl-C, so the build under test gets it back.
    proc = subprocess.Popen([sys.executable, "-m", "iwpacks", "build", "--jobs", "2", "-q", "--out", marker],
                            stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(_processes_building(marker)) < 3:  # the build and its 2 workers
        time.sleep(0.1)
    time.sleep(1.0)  # well into rendering
    proc.send_signal(how)
    stopped = time.monotonic()
    _, stderr = proc.communicate(timeout=30)
    return proc, time.monotonic() - stopped, marker, stderr


def _processes_building(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how, code, name", [(signal.SIGINT, 130, "Ctrl-C"), (signal.SIGTERM, 143, "SIGTERM")])
def test_a_stopped_build_exits_quietly_and_leaves_the_previous_pack(tmp_path, how, code, name):
    proc, took, marker, stderr = _build_then_stop(tmp_path, how)
    assert proc.returncode == code
    assert stderr == f"stopped ({name}): nothing was changed\n"
    assert took < 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]  # no staging, no lock
    assert sorted(p.name for p in (tmp_path / "pack").iterdir()) == ["iw-practitioners", "manifest.json",
                                                                     "training-plan.pdf"]
    time.sleep(0.5)
    assert _processes_building(marker) == []  # its workers went with it


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers die with their parent through prctl")
def test_workers_die_with_a_killed_build_and_the_next_build_cleans_up(tmp_path):
    proc, _, marker, _ = _build_then_stop(tmp_path, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while _processes_building(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_building(marker) == []
    assert iwpacks("build", *SMALL, "--out", marker).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]
