"""A build replaces its output folder whole or not at all, and two builds cannot share a folder."""
from __future__ import annotations

import json
import os
import zipfile

import pytest

import iwpacks.pack.build as pack
from iwpacks.errors import BuildLockedError, PendingCourseError
from iwpacks.pack.atomic import output_lock
from iwpacks.pack.build import build_pack, select_courses


@pytest.fixture
def fake_render(monkeypatch):
    """Renderers stand-in: small deterministic files, so these tests are about the folder, not the artefacts."""
    calls = []

    def render(programme, brand, course_id, artefacts=None, release=False, attendees=(), group_size=None):
        calls.append(course_id)
        return {"notes.txt": f"{course_id}\n".encode()}

    monkeypatch.setattr(pack, "render_course", render)
    monkeypatch.setattr(pack, "check_pack", lambda folder, brand, **checks: [])
    return calls


def test_build_writes_folder_manifest_and_deterministic_zip(programme, brand, tmp_path, fake_render):
    out = tmp_path / "dist" / "master"
    result = build_pack(programme, brand, out, ["iw-practitioners", "caf-practitioners"], make_zip=True)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["content_version"] == programme.version
    assert [f["path"] for f in manifest["files"]] == ["training-plan.pdf", "iw-practitioners/notes.txt",
                                                        "caf-practitioners/notes.txt"]
    assert result.zip_path == tmp_path / "dist" / "iwpacks-master.zip"
    first = result.zip_path.read_bytes()
    names = zipfile.ZipFile(result.zip_path).namelist()
    assert names == sorted(names) and "master/manifest.json" in names
    build_pack(programme, brand, out, ["iw-practitioners", "caf-practitioners"], make_zip=True)
    assert result.zip_path.read_bytes() == first


def test_failure_midway_leaves_the_previous_pack_intact(programme, brand, tmp_path, fake_render, monkeypatch):
    out = tmp_path / "dist" / "master"
    build_pack(programme, brand, out, ["iw-practitioners"])
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def failing(stage_folder, brand, **checks):
        # By now every artefact is written into the staging folder: fail exactly mid-build.
        assert any(stage_folder.rglob("notes.txt"))
        raise RuntimeError("power cut")

    monkeypatch.setattr(pack, "check_pack", failing)
    with pytest.raises(RuntimeError, match="power cut"):
        build_pack(programme, brand, out, ["caf-practitioners", "lp-practitioners"])
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["master"]  # no staging folder, no lock left


def test_interrupt_midway_leaves_no_partial_files(programme, brand, tmp_path, monkeypatch):
    out = tmp_path / "dist" / "master"
    count = 0

    def render(programme, brand, course_id, artefacts=None, release=False, attendees=(), group_size=None):
        nonlocal count
        count += 1
        if count == 2:
            raise KeyboardInterrupt
        return {"notes.txt": b"x"}

    monkeypatch.setattr(pack, "render_course", render)
    with pytest.raises(KeyboardInterrupt):
        build_pack(programme, brand, out, ["iw-practitioners", "caf-practitioners"])
    assert not out.exists()
    assert list(out.parent.iterdir()) == []


def test_a_second_build_into_the_same_folder_is_refused(programme, brand, tmp_path, fake_render):
    out = tmp_path / "dist" / "master"
    with output_lock(out):
        with pytest.raises(BuildLockedError, match=f"another build \\(process {os.getpid()}\\) is writing"):
            build_pack(programme, brand, out, ["iw-practitioners"])
    build_pack(programme, brand, out, ["iw-practitioners"])  # the lock is released afterwards


def test_a_stale_lock_from_a_dead_build_is_taken_over(programme, brand, tmp_path, fake_render):
    out = tmp_path / "dist" / "master"
    out.parent.mkdir(parents=True)
    (out.parent / ".master.lock").write_text("999999999")
    build_pack(programme, brand, out, ["iw-practitioners"])
    assert (out / "manifest.json").is_file()


def test_pending_course_is_refused_without_allow_draft(programme):
    with pytest.raises(PendingCourseError, match="isi-practitioners is pending: ISI01, ISI02, ISI03, ISI04 not yet "
                                                 "defined; add --allow-draft"):
        select_courses(programme, ["isi-practitioners"], allow_draft=False)
    assert select_courses(programme, ["isi-practitioners"], allow_draft=True) == ["isi-practitioners"]


def test_default_selection_is_every_course_that_is_not_pending(programme):
    chosen = select_courses(programme, None, allow_draft=False)
    assert len(chosen) == 17 and not any(programme.courses[c].is_pending for c in chosen)


def test_every_renderer_is_found_whatever_was_imported_first():
    import iwpacks.renderers.handouts  # noqa: F401  (a caller importing one renderer directly)
    from iwpacks.renderers import renderers

    assert list(renderers()) == ["deck", "handouts", "course-specification", "trainer-guide", "course-outline",
                                 "evaluation-form", "attendance-register", "action-plan", "certificate",
                                 "pre-course-questionnaire", "glossary", "knowledge-check", "knowledge-check-answers",
                                 "cascade-plan"]
    assert [r.filename for r in renderers().values()] == [
        "deck.pptx", "handouts.docx", "course-specification.pdf", "trainer-guide.docx", "course-outline.pdf",
        "evaluation-form.docx", "attendance-register.docx", "action-plan.docx", "certificate.pdf",
        "pre-course-questionnaire.docx", "glossary.docx", "knowledge-check.docx", "knowledge-check-answers.docx",
        "cascade-plan.docx"]
