"""The worked example: Northmoor's own "CAF for school staff" (CAF01 and its CAF panel module), built as
`make pack LA=northmoor` builds it, its manifest telling the LA's parts from the master's."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from artefact_text import artefact_text
from release_words import build_words

COURSE = "caf-school-staff"


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    cwd = tmp_path_factory.mktemp("la")
    # What `make pack LA=northmoor` runs, for this course only.
    # A module's fixture is set up before each test's own render cache: this build gets a scratch cache of its
    # own, so it renders, whatever the user's cache folder holds.
    env = {**os.environ, "IWPACKS_CACHE": str(tmp_path_factory.mktemp("render-cache"))}
    result = subprocess.run([sys.executable, "-m", "iwpacks", "build", "--la", "northmoor", "--course", COURSE],
                            capture_output=True, text=True, cwd=cwd, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "built 1 course, 14 files into dist/northmoor and dist/iwpacks-northmoor.zip\n"
    return cwd / "dist" / "northmoor"


def test_the_manifest_marks_the_local_parts(pack):
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    (course,) = manifest["courses"]
    assert course["id"] == COURSE and course["local"] is True
    assert course["modules"] == [{"ref": "CAF01", "local": False}, {"ref": "NMC01", "local": True}]
    assert manifest["overlay"]["local_modules"] == ["NMC01"] and manifest["overlay"]["local_courses"] == [COURSE]
    assert manifest["warnings"] == []


def test_the_local_course_speaks_only_to_trainers_and_attendees(pack):
    assert build_words(pack) == []
    for path in sorted((pack / COURSE).iterdir()):
        text = artefact_text(path)
        for word in ("strategy's", "In the strategy", "Your LA adds", "None", "{{"):
            assert word not in text, f"{path.name}: {word}"


def test_the_local_modules_source_is_in_the_handouts(pack):
    handouts = artefact_text(pack / COURSE / "handouts.docx")
    assert "Northmoor CAF panel terms of reference" in handouts
    assert "https://www.northmoor.example.org/childrens-trust/caf-panel" in handouts


def test_the_knowledge_check_asks_about_the_las_own_module_too(pack):
    """The review: all its questions were on CAF01, none on the LA's panel module, whose own check is optional
    content of the LA (knowledge-checks/NMC01.yaml)."""
    check = artefact_text(pack / COURSE / "knowledge-check.docx")
    answers = artefact_text(pack / COURSE / "knowledge-check-answers.docx")
    assert "When should a case go to the Northmoor CAF panel?" in check
    assert "Who can use the CAF to assess a child's additional needs?" in check  # CAF01's, as before
    assert "within five working days" in answers
