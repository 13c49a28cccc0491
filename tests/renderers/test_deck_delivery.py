"""The deck a trainer delivers tomorrow, read back from the Northmoor decks' deck.pptx: the findings of the
review of caf-trainers, iw-practitioners and is-advisors (issue 12)."""
from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers.deck import DeckRenderer

REVIEWED = ("caf-trainers", "iw-practitioners", "is-advisors")


@pytest.fixture(scope="module")
def northmoor(programme):
    return apply_overlay(programme, load_overlay(programme, "northmoor"))


@pytest.fixture(scope="module")
def reviewed(northmoor, brand):
    """The reviewed courses' Northmoor decks, reopened with python-pptx."""
    return {cid: list(Presentation(io.BytesIO(DeckRenderer().render(plan_course(northmoor, cid, release=True),
                                                                     brand))).slides)
            for cid in REVIEWED}


def _title(slide) -> str:
    return slide.shapes.title.text.replace("\u00a0", " ") if slide.shapes.title else ""


def _paragraphs(slide) -> list:
    return [p for ph in slide.placeholders if ph.placeholder_format.idx != 0
            for p in ph.text_frame.paragraphs if p.text.strip()]


def _texts(slide) -> list[str]:
    return [p.text for p in _paragraphs(slide)]


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


def _at(slides, title: str) -> int:
    return next(i for i, s in enumerate(slides) if _title(s) == title)


def test_the_trainers_day_two_morning_has_an_exercise_after_issues_and_assumptions(reviewed, northmoor):
    slides = reviewed["caf-trainers"]
    issues = _at(slides, "Issues and assumptions")
    after = _title(slides[issues + 1])
    assert after.startswith("Exercise: ") and "assumptions" in after, after
    morning = " ".join(_texts(slides[_at(slides, "Day 2: welcome back")]))
    assert "exercise \u201cA course that does not fit the assumptions\u201d" in morning, "not in the morning agenda"
    # Within CAF03's own time: the module and both days keep their lengths.
    plan = plan_course(northmoor, "caf-trainers", release=True)
    module = next(mp for s in plan.sections for mp in s.modules if mp.module.ref == "CAF03")
    assert sum(t.minutes for t in module.topics) + sum(e.minutes for e in module.exercises) == 330
    assert _texts(slides[_at(slides, "Train-the-Trainer for CAF")]) == ["5 h 30 min"]
    assert _texts(slides[1])[0] == "Over 2 days: day 1 09:00-16:30; day 2 09:00-16:30"


def test_a_topic_taken_up_after_a_break_says_where_the_group_got_to_not_the_same_slide(every_northmoor_deck):
    resumed = 0
    for name, slides in every_northmoor_deck.items():
        for i, slide in enumerate(slides):
            title = _title(slide)
            if not title.endswith(" (continued)") or title.startswith("Exercise"):
                continue
            first = next(s for s in reversed(slides[:i]) if _title(s) == title.removesuffix(" (continued)"))
            if not _texts(first):  # a picture before the break: its points after it
                continue
            resumed += 1
            assert _texts(slide) != _texts(first), (name, title)
            texts = _texts(slide)
            assert "Still to cover" in texts, (name, title, texts)
            left = texts[texts.index("Still to cover") + 1:]
            points = [t for t in _texts(first) if not t.endswith(" in your handouts")]  # not a local block's pointer
            assert left and points[-len(left):] == left, (name, title)  # the topic's last points
            assert all(point in _notes(slide) for point in left), (name, title)
    assert resumed


@pytest.fixture(scope="module")
def every_northmoor_deck(northmoor, brand):
    ids = [cid for cid in northmoor.courses if not plan_course(northmoor, cid).draft]
    return {cid: list(Presentation(io.BytesIO(DeckRenderer().render(plan_course(northmoor, cid, release=True),
                                                                    brand))).slides) for cid in ids}


def test_the_trainers_in_brief_segments_follow_day_one_not_the_trainers_module(reviewed):
    titles = [_title(s) for s in reviewed["caf-trainers"]]
    recap = max(i for i, t in enumerate(titles) if t.startswith("Day 2: looking back at day 1"))
    module = titles.index("Train-the-Trainer for CAF")
    for segment in ("Information sharing: in brief", "Lead professional: in brief"):
        assert recap < titles.index(segment) < module, segment


_RANGE = re.compile("\u201c[^\u201d]+\u201d to \u201c")


def test_a_day_agenda_is_a_timed_line_a_session_part_not_a_list_of_topics(every_northmoor_deck):
    """The trainers' review: caf-trainers opened on three agenda slides, listing every topic under its module.
    A day's agenda is a line for each module or section a session takes up, with its time; its exercises
    named on it; no topic beneath it, and no range of topics."""
    listed = 0
    for name, slides in every_northmoor_deck.items():
        for slide in slides:
            paras = _paragraphs(slide)
            if not paras or not re.match(r"(Today|This afternoon), \d\d:\d\d-", paras[0].text):
                continue
            for para in paras[1:]:
                assert not _RANGE.search(para.text), (name, para.text)
                assert para.level == 1 and re.match(r"\d\d:\d\d ", para.text), (name, para.text)
                assert not para.text.endswith(":"), (name, para.text)
                listed += "with exercise" in para.text
    assert listed


def test_the_recap_of_the_day_before_is_a_bullet_a_topic_that_fits_its_slide(every_northmoor_deck):
    seen = 0
    for name, slides in every_northmoor_deck.items():
        for slide in slides:
            if not re.match(r"Day \d: looking back at day \d", _title(slide)):
                continue
            seen += 1
            paras = _paragraphs(slide)
            assert len(paras) <= 14, (name, _title(slide))  # what the body box holds at these sizes
            for para in paras:
                assert para.level in (0, 1), (name, para.text)
                assert para.level == 0 or "; " not in para.text, (name, para.text)
    assert seen


def test_the_practitioners_sources_are_one_slide_not_a_second_holding_two_links(reviewed):
    titles = [_title(s) for s in reviewed["iw-practitioners"]]
    assert not any(t.startswith("References to other sources of information (") for t in titles), titles
    slide = reviewed["iw-practitioners"][titles.index("References to other sources of information")]
    text = " ".join(_texts(slide))
    assert "www.everychildmatters.gov.uk" in text and "Local sources of information" in text


def test_every_slide_of_the_opening_gives_its_timing_in_a_trainers_words(reviewed):
    for name, slides in reviewed.items():
        notes = _notes(slides[_at(slides, "What this course covers")])
        assert re.search(r"Timing: a minute or two, part of the introduction's \d+ min\.", notes), (name, notes)
        for slide in slides:
            assert not re.search(r"Timing: part of the .* above", _notes(slide)), (name, _title(slide))
            match = re.search(r"Timing: (\d+ min) in all for \u201c([^\u201d]+)\u201d, this slide included",
                              _notes(slide))
            if match:  # the slide it names is the one whose notes give that time
                named = next(s for s in slides if _title(s) in (match.group(2), f"{match.group(2)} (1 of 2)",
                                                                 f"{match.group(2)} (1 of 3)"))
                assert f"Timing: {match.group(1)}" in _notes(named), (name, _title(slide))


def test_a_days_close_says_everything_the_next_day_holds(reviewed):
    """caf-trainers' day 2 opens with two short segments, then CAF03 fills it: the day-1 close names both."""
    [close] = [s for s in reviewed["caf-trainers"] if _title(s) == "Day 1: close"]
    [tomorrow] = [t for t in _texts(close) if t.startswith("Tomorrow, from ")]
    assert "Associated processes and tools" in tomorrow and "Train-the-Trainer for CAF" in tomorrow
    assert "Exercise" not in tomorrow  # exercises go with the teaching they follow
