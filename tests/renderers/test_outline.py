"""The course outline PDF: one A4 page where the course fits it in 9 pt type or more, else two, never a third."""
from __future__ import annotations

import io
import re

import pypdf
import pytest

from iwpacks.errors import IwpacksError
from iwpacks.planning.plan import plan_course
from iwpacks.renderers import outline
from iwpacks.renderers._facts import course_facts
from iwpacks.renderers.outline import Fit, OutlineRenderer

FORBIDDEN = re.compile(r"\bNone\b|\{\{|\}\}|TODO|lorem", re.I)


def _flat(value: str) -> str:
    return " ".join(value.split())


def _reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def _words(data: bytes) -> str:
    """The text of every page, whitespace collapsed."""
    return _flat(" ".join(page.extract_text() for page in _reader(data).pages))


@pytest.fixture(scope="session")
def outlines(plans, brand):
    """Every ready course's outline, rendered once."""
    return {cid: OutlineRenderer().render(plan, brand) for cid, plan in plans.items()}


@pytest.fixture(scope="session")
def draft_outline(programme, brand):
    return OutlineRenderer().render(plan_course(programme, "isi-practitioners"), brand)


def test_every_outline_is_one_or_two_a4_pages(outlines, draft_outline):
    counts = set()
    for cid, data in {**outlines, "isi-practitioners": draft_outline}.items():
        reader = _reader(data)
        assert len(reader.pages) in (1, 2), cid
        counts.add(len(reader.pages))
        for page in reader.pages:
            box = page.mediabox
            assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert len(_reader(outlines["iw-practitioners"]).pages) == 1  # a short course keeps to one page
    assert counts == {1, 2}


def test_outline_shows_content_objective_and_audience(outlines, plans):
    for cid, data in outlines.items():
        facts, text = course_facts(plans[cid]), _words(data)
        pages = len(_reader(data).pages)
        for expected in (facts.title, facts.audience, facts.audience_summary, facts.total_planned, "Objective",
                         "Content", "Target audience", f"Page 1 of {pages}"):
            assert _flat(expected) in text, f"{cid}: {expected!r} missing"
        for module in facts.modules:
            assert f"{_flat(module.name)} ({module.ref})" in text, cid  # the name first, for the attendee
            # The objective bullet is the module's first objective, in the attendees' words, without its list
            # punctuation.
            first = _flat(module.attendee_objectives[0])[1:].rstrip(";.,")
            assert first.removesuffix(" and").removesuffix(";") in text, f"{cid} {module.ref}"


def test_longest_course_keeps_every_topic(outlines, plans):
    text = _words(outlines["is-trainers"])
    assert "more topics" not in text
    # Each topic as its slide heads it (the strategy's heading where it has no slide title of its own).
    topics = [t.slide_title or t.title for s in plans["is-trainers"].sections for mp in s.modules for t in mp.topics]
    assert topics and all(_flat(t) in text for t in topics)


def test_metadata_and_language(outlines, plans, brand):
    for cid, data in outlines.items():
        reader = _reader(data)
        assert reader.metadata.title == f"Course outline: {plans[cid].course.title}"
        assert reader.metadata.author == brand.name
        assert "objective" in reader.metadata.subject
        assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_pending_course_outline_is_draft(draft_outline, outlines):
    text = _words(draft_outline)
    assert "DRAFT" in text and "To be defined" in text
    assert not any("DRAFT" in _words(d) for d in outlines.values())


def test_no_stray_words(outlines, draft_outline):
    for cid, data in {**outlines, "isi-practitioners": draft_outline}.items():
        text = _words(data)
        assert not FORBIDDEN.search(text), f"{cid}: {FORBIDDEN.search(text)}"


def test_too_big_a_step_falls_through_to_a_smaller_one(monkeypatch, plans, brand):
    monkeypatch.setattr(outline, "LADDER", (Fit(30), Fit(9, 2, 3)))
    data = OutlineRenderer().render(plans["is-trainers"], brand)
    assert len(_reader(data).pages) <= 2
    assert "more topics" in _words(data)


def test_never_spills_silently_to_a_third_page(monkeypatch, plans, brand):
    monkeypatch.setattr(outline, "LADDER", (Fit(30), Fit(30, 2, 2)))
    with pytest.raises(IwpacksError, match="is-trainers does not fit two A4 pages"):
        OutlineRenderer().render(plans["is-trainers"], brand)


def test_same_input_gives_identical_bytes(outlines, plans, brand):
    assert OutlineRenderer().render(plans["is-trainers"], brand) == outlines["is-trainers"]


def test_the_outline_carries_every_objective(outlines, plans):
    """Up to the stated limit, every objective of every module, however many: the page fits them by its layout."""
    for cid, data in outlines.items():
        text = _words(data)
        every = [m for m in course_facts(plans[cid]).modules for m in m.attendee_objectives]
        assert len(every) <= outline.MAX_OBJECTIVES, cid
        for objective in every:
            words = _flat(objective)[1:].rstrip(";.,").removesuffix(" and").removesuffix(";")
            assert words in text, f"{cid}: {words!r}"
        assert "see the course specification" not in text, cid


def test_past_the_limit_the_outline_points_to_the_specification(plans, brand, monkeypatch):
    monkeypatch.setattr(outline, "MAX_OBJECTIVES", 5)
    data = OutlineRenderer().render(plans["is-trainers"], brand)
    text = _words(data)
    every = [o for m in course_facts(plans["is-trainers"]).modules for o in m.attendee_objectives]
    assert f"And {len(every) - 5} more: see the course specification" in text
    assert _flat(every[4])[1:].rstrip(";.,") in text and _flat(every[5])[1:].rstrip(";.,") not in text
    assert len(_reader(data).pages) <= 2


def test_the_structure_counts_the_days_closes_and_welcome_backs_so_it_adds_up(outlines, plans):
    """The review: the outline's structure added to 11 h 25 of an 11 h 45 course, leaving out the day's close
    and the next day's welcome back."""
    from iwpacks.renderers._facts import WELCOME_BACK_ROW

    several = [cid for cid, plan in plans.items() if plan.timetable.days > 1]
    assert several
    for cid, data in outlines.items():
        page = _words(data)
        assert (_flat(WELCOME_BACK_ROW) in page) == (cid in several), cid
