"""A trainer-reviewer's findings on the training plan, the trainer guide and the course specification."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.renderers._diagram_layout import LEADING
from iwpacks.renderers.training_plan import render_training_plan


@pytest.fixture(scope="module")
def northmoor(programme):
    return apply_overlay(programme, load_overlay(programme, "northmoor"))


def _pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def test_a_release_plan_reads_caf01_with_a_footnote_and_a_draft_keeps_sic(programme, northmoor, brand):
    """The review: the release pack's plan printed "CA01 [sic: CAF01]"."""
    release = _pdf_text(render_training_plan(northmoor, brand))
    assert "[sic" not in release
    assert "after IS01, CAF01* and LP01" in release
    assert "* The strategy prints this as \u201cCA01\u201d; it means CAF01." in release
    draft = _pdf_text(render_training_plan(programme, brand))
    assert "CA01 [sic: CAF01]" in draft and "CAF01*" not in draft


def test_every_course_in_the_plans_routes_is_named_in_one_size(northmoor, brand, monkeypatch):
    """The review: the CAF course's box in the practitioners' route was shrunk far below its neighbours'."""
    from iwpacks.renderers import training_plan

    captured = []
    original = training_plan.route_figures

    def spy(diagrams, brand):
        figures = original(diagrams, brand)
        captured.extend(figures)
        return figures

    monkeypatch.setattr(training_plan, "route_figures", spy)
    render_training_plan(northmoor, brand)
    assert len(captured) >= 3 and max(len(f.boxes) for f in captured) >= 5
    assert {b.size for f in captured for b in f.boxes} == {captured[0].boxes[0].size}
    assert captured[0].boxes[0].size >= 8
    assert all(f.overflow == () for f in captured)
    caf = [b for f in captured for b in f.boxes if b.text.startswith("The Common Assessment Framework")]
    assert caf and all(len(b.lines) * b.size * LEADING <= b.h for b in caf)
