"""Release packs (every LA pack, and a master pack built with --release) speak to trainers, not to us.

tests/e2e/test_full_packs.py scans every text of every release pack for build words (tests/release_words.py).
"""
from __future__ import annotations

import pytest
from artefact_text import artefact_text
from docx import Document
from release_words import build_words

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.pack.build import build_pack


def test_the_version_lives_in_the_manifest_and_the_document_properties(programme, brand, tmp_path):
    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    folder = build_pack(local, brand, tmp_path / "northmoor", ["caf-practitioners"]).folder
    assert f'"content_version": "{programme.version}"' in (folder / "manifest.json").read_text()
    guide = Document(str(folder / "caf-practitioners" / "trainer-guide.docx"))
    assert guide.core_properties.version == programme.version


def test_a_draft_build_still_shows_the_review_notes(programme, brand, tmp_path):
    folder = build_pack(programme, brand, tmp_path / "draft", ["caf-practitioners"]).folder
    text = artefact_text(folder / "caf-practitioners" / "trainer-guide.docx")
    assert "Review note" in text and f"Content version: {programme.version}" in text
    assert build_words(folder)  # the scan finds the words a draft build still shows


def test_a_release_pack_refuses_draft_courses(programme, brand, tmp_path):
    from iwpacks.errors import UsageError

    with pytest.raises(UsageError, match="a release pack holds no draft courses"):
        build_pack(programme, brand, tmp_path / "x", ["isi-practitioners"], release=True, allow_draft=True)


def test_the_public_plan_course_plans_a_release_for_trainers(programme, brand):
    import iwpacks
    from iwpacks.renderers.trainer_guide import TrainerGuideRenderer

    plan = iwpacks.plan_course(programme, "caf-practitioners", release=True)
    assert plan.release and not iwpacks.plan_course(programme, "caf-practitioners").release
    text = artefact_text(TrainerGuideRenderer().render(plan, brand), ".docx")
    assert "Review note" not in text and "Content version" not in text
