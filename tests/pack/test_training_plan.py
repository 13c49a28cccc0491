"""training-plan.pdf: in every pack, with Appendix 1 and the three suggested routes drawn as vector diagrams."""
from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

import iwpacks
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.renderers.training_plan import FILENAME, render_training_plan

ROUTE_HEADINGS = ("Suggested sequencing of training for practitioners",
                  "Suggested sequencing of training for Operational Managers",
                  "Suggested sequencing of training for Middle, Senior and Strategic Managers")


@pytest.fixture(scope="module")
def master_plan(programme, brand):
    return render_training_plan(programme, brand)


@pytest.fixture(scope="module")
def la_plan(programme, brand):
    return render_training_plan(apply_overlay(programme, load_overlay(programme, "northmoor")), brand)


def _text(data: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages)


def _route_page(data: bytes):
    reader = PdfReader(io.BytesIO(data))
    return next(page for page in reader.pages if ROUTE_HEADINGS[0] in " ".join((page.extract_text() or "").split()))


def test_the_three_routes_are_vector_drawings_with_the_course_names_as_text(master_plan):
    page = _route_page(master_plan)
    text = " ".join((page.extract_text() or "").split())
    for heading in ROUTE_HEADINGS:
        assert heading in text
    for name in ("Integrated working", "Information sharing", "The Common Assessment Framework",
                 "The lead professional"):
        assert name in text, name
    # Drawn, not pasted: the page's only pictures are the logo; the boxes and arrows are filled paths.
    images = [name for name, obj in (page["/Resources"].get("/XObject") or {}).items()
              if obj.get_object().get("/Subtype") == "/Image"]
    assert len(images) <= 1, images
    operators = re.findall(r"(?m)\b([a-zA-Z*]{1,2})\s*$", page.get_contents().get_data().decode("latin-1"))
    assert sum(op in ("l", "c", "re") for op in operators) > 30  # box outlines, corners and arrows
    assert sum(op in ("f", "f*", "B", "B*") for op in operators) > 10  # filled boxes and arrowheads


def test_the_programme_matrix_gives_each_audiences_modules(master_plan, programme):
    text = _text(master_plan)
    assert "The integrated programme" in text
    for audience in programme.audiences.values():
        assert audience.name.split(",")[0] in text, audience.name
    for course in programme.courses.values():
        assert ", ".join(course.modules[:2]) in text, course.id


def test_the_catalogue_lists_every_course_with_its_length(master_plan, programme):
    text = _text(master_plan)
    assert "Course catalogue" in text
    assert "Integrated working for practitioners" in text and "half a day" in text
    assert "(still to be defined)" in text  # the master shows the IS Index courses, marked


def test_an_la_pack_names_the_la_and_only_the_courses_it_can_deliver(la_plan, programme):
    text = _text(la_plan)
    assert "For Northmoor Borough Council" in text
    pending = [c.title for c in programme.courses.values() if c.is_pending]
    assert pending and not any(title in text for title in pending)  # not in its routes or catalogue
    # The programme itself is whole: Appendix 1's cells for courses not yet defined, marked so, and every
    # module reference with its name.
    assert "ISI01, ISI02" in text and "(in development: not yet available)" in text
    for module in programme.modules.values():
        assert f"{module.ref} {module.name}" in text, module.ref


def test_every_pack_carries_it_in_its_manifest_and_it_is_deterministic(programme, brand, tmp_path, master_plan):
    result = iwpacks.build_pack(programme, brand, tmp_path / "pack", course_ids=["iw-practitioners"],
                                artefacts=["deck"])
    assert (result.folder / FILENAME).read_bytes() == master_plan
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert FILENAME in [f["path"] for f in manifest["files"]]
    assert render_training_plan(programme, brand) == master_plan


def test_it_explains_its_own_abbreviations_as_it_goes_out_alone(master_plan, la_plan):
    from iwpacks.pack.check import acronym_findings

    for data in (master_plan, la_plan):  # no glossary: every acronym is spelled out where it is first used
        assert acronym_findings({FILENAME: data}, "", []) == []
    assert "Case management system (CMS)" in _text(master_plan)


def test_page_one_carries_the_plan_not_a_cover_alone(la_plan, master_plan):
    """The review: page 1 was a cover block and one paragraph, 70-80% empty. It now says who the plan is for
    and how to read it, and the programme matrix follows on it; no page but the last is mostly empty."""
    from page_fill import body_depths

    for data in (la_plan, master_plan):
        first = " ".join((PdfReader(io.BytesIO(data)).pages[0].extract_text() or "").split())
        assert "Who it is for:" in first and "How to read it:" in first
        assert "The integrated programme" in first and "Practitioner administrative staff" in first
        depths = body_depths(data)
        assert all(depth > 0.6 for depth in depths[:-1]), depths


def test_the_first_page_names_the_document_once(master_plan, la_plan, programme):
    """Review: "TRAINING PLAN" stood twice on page one, in the page's band and again over the cover title.
    The band names it on every page, so the cover block no longer repeats it."""
    label = programme.guide_text["training_plan.label"][0].upper()
    for data in (master_plan, la_plan):
        first = PdfReader(io.BytesIO(data)).pages[0].extract_text()
        assert first.count(label) == 1, first[:300]
