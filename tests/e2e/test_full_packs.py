"""Whole packs: the master and every example LA pack build, pass the checks and rebuild byte for byte."""
from __future__ import annotations

import zipfile

import pytest
from release_words import build_words

from iwpacks.model import ARTEFACTS
from iwpacks.overlay.layers import apply_overlay, known_las, load_overlay
from iwpacks.pack.build import build_pack
from iwpacks.pack.check import check_pack


@pytest.mark.parametrize("la", [None, *known_las()])
def test_every_release_pack_builds_passes_the_checks_and_speaks_to_trainers(programme, brand, tmp_path, la):
    """The master built with --release, and every example LA pack (always a release pack)."""
    source = programme if la is None else apply_overlay(programme, load_overlay(programme, la))
    result = build_pack(source, brand, tmp_path / (la or "master"), make_zip=True, jobs=2, release=True)
    cascading = sum(source.audiences[source.courses[c].audience].cascades for c in result.courses)
    # Every file for every course (the master's 17 and the LA's own), but the cascade plan only for the
    # train-the-trainer courses; and the training plan.
    own = len(source.localisation.courses) if source.localisation is not None else 0
    assert own == (1 if la == "northmoor" else 0)
    courses = 17 + own
    assert len(result.courses) == courses and len(result.files) == courses * (len(ARTEFACTS) - 1) + cascading + 1
    assert cascading >= 2
    assert check_pack(tmp_path / (la or "master"), brand) == []
    assert check_pack(result.zip_path, brand) == []  # the zip as an LA would download it
    with zipfile.ZipFile(result.zip_path) as archive:
        assert archive.testzip() is None
    assert build_words(result.folder) == []


def test_two_builds_are_byte_identical(programme, brand, tmp_path):
    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    courses = ["caf-trainers", "lp-practitioners"]
    first = build_pack(local, brand, tmp_path / "one", courses, make_zip=True)
    second = build_pack(local, brand, tmp_path / "two", courses, make_zip=True, jobs=2)
    assert first.files == second.files
    for path, _sha, _size in first.files:
        assert (tmp_path / "one" / path).read_bytes() == (tmp_path / "two" / path).read_bytes(), path
    assert (tmp_path / "one" / "manifest.json").read_bytes() == (tmp_path / "two" / "manifest.json").read_bytes()
