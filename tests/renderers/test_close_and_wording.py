"""The trainers' review of caf-trainers, is-advisors and iw-practitioners (Northmoor packs): a close of its own
after the recap, a knowledge check taken away with its answers sent after, plain times, words a trainer reads
rather than the build's, and trainer courses that name what their attendees will deliver."""
from __future__ import annotations

import pytest
from artefact_text import artefact_text

import iwpacks
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.planning.timetable import clock
from iwpacks.renderers import renderers

COURSES = ("caf-trainers", "is-advisors", "iw-practitioners")
CLOSE = "Close: action plan, evaluation and certificates"
DAY_END = 16 * 60 + 30


@pytest.fixture(scope="module")
def northmoor_plans():
    master = iwpacks.load_programme()
    programme = apply_overlay(master, load_overlay(master, "northmoor"))
    return {cid: plan_course(programme, cid, release=True) for cid in COURSES}


def _text(plan, brand, name: str) -> str:
    renderer = renderers()[name]
    suffix = "." + renderer.filename.rsplit(".", 1)[1]
    return artefact_text(renderer.render(plan, brand), suffix)


def test_every_course_closes_after_its_recap_in_a_timed_slot_and_still_ends_by_half_past_four(plans):
    for cid, plan in plans.items():
        rows = [r for r in plan.timetable.rows if not r.is_break]
        assert [r.label for r in rows[-2:]] == ["Recap", CLOSE], cid
        assert rows[-2].minutes == 10 and rows[-1].minutes >= 5, cid
        assert all(r.end <= DAY_END for r in plan.timetable.rows), (cid, clock(max(r.end for r in plan.timetable.rows)))


@pytest.mark.parametrize("cid", COURSES)
def test_the_close_shows_in_the_deck_guide_and_specification(northmoor_plans, brand, cid):
    plan = northmoor_plans[cid]
    close = plan.timetable.rows[-1]
    for name in ("deck", "trainer-guide", "course-specification"):
        assert CLOSE in _text(plan, brand, name), (cid, name)
    guide = _text(plan, brand, "trainer-guide")
    assert f"{CLOSE} ({close.minutes} min)" in guide
    assert f"{clock(close.start)}" in guide


@pytest.mark.parametrize("cid", COURSES)
def test_the_knowledge_check_is_taken_away_not_gone_through_in_the_recap(northmoor_plans, brand, cid):
    plan = northmoor_plans[cid]
    guide = _text(plan, brand, "trainer-guide")
    assert "go through it with the group" not in guide
    assert "to take away and try on their own in the week after the course" in guide
    assert "the knowledge check's answer sheet to every attendee (the follow-up)" in guide
    assert "given out in the close to take away and try" in guide  # the printing list agrees
    assert "sent with the follow-up a week after the course" in guide
    deck = _text(plan, brand, "deck")
    assert "take it away and try it on your own this week; the answer sheet comes with the follow-up" in deck
    check = _text(plan, brand, "knowledge-check")
    assert "the answer sheet comes with the follow-up" in check and "goes through the questions" not in check


@pytest.mark.parametrize("cid", COURSES)
def test_the_answer_sheet_is_for_attendees_and_the_printing_list_gives_one_each(northmoor_plans, brand, cid):
    plan = northmoor_plans[cid]
    answers = _text(plan, brand, "knowledge-check-answers")
    assert "Mark your own answers against this sheet once you have tried the check" in answers
    assert "trainer copy" not in answers.lower()
    guide = _text(plan, brand, "trainer-guide")
    row = guide.split("knowledge-check-answers.docx", 1)[1][:200]
    assert "sent with the follow-up a week after the course, once attendees have tried the check 22" in row


def test_times_are_one_plain_figure_with_the_breakdown_in_a_sentence(northmoor_plans, brand):
    plan = northmoor_plans["is-advisors"]
    for name in ("deck", "trainer-guide", "course-specification", "course-outline"):
        text = _text(plan, brand, name)
        assert "IS02 5 h + key message" not in text, name
        assert "each exercise straight after its topic" not in text, name
    spec = _text(plan, brand, "course-specification")
    assert ("Detailed training on information sharing: IS02 IS02 (5 h), then the common message "
            "\u201cUse resources from your own service\u201d (5 min), one of the messages every course gives 5 h 5 min") in spec
    assert "Total (planned)" not in spec and "Course total" in spec
    guide = _text(plan, brand, "trainer-guide")
    assert "within the modules' time" in guide
    assert "Detailed training on information sharing: IS02 (5 h 5 min)" in guide
    deck = _text(plan, brand, "deck")
    # The deck's agenda is for the room: the module by name with its own time.
    assert "Information Sharing in Practice: 5 h" in deck and "with a key message" not in deck
    for text in (spec, guide, deck):  # the review: "IS02: 5 h 5 min, with IS02 and the key message after it"
        assert "key message after it" not in text and "with IS02" not in text


def test_the_welcome_back_row_says_what_it_covers_and_one_message_is_a_key_message(northmoor_plans, brand):
    guide = _text(northmoor_plans["is-advisors"], brand, "trainer-guide")
    assert "Close of each day and welcome back the next At the end of a day: questions, and what the next day holds. " \
           "At the start of the next: a recap of the day before" in guide
    assert "with the key message \u201cShare information\u201d" in guide


@pytest.mark.parametrize("cid", COURSES)
def test_no_design_or_build_wording_reaches_the_trainer(northmoor_plans, brand, cid):
    plan = northmoor_plans[cid]
    text = " ".join(_text(plan, brand, name) for name in ("deck", "trainer-guide"))
    for phrase in ("Not in this course", "Appendix 1 gives", "gives the Every Child Matters background itself",
                   "where this course includes it", "As shown earlier in the course", "listed in the pack"):
        assert phrase not in text, (cid, phrase)


def test_a_trainer_course_names_what_its_attendees_will_deliver(northmoor_plans, brand):
    plan = northmoor_plans["caf-trainers"]
    target = "CAF01 Introduction to CAF and CAF02 Using the CAF in Practice"
    evaluation = _text(plan, brand, "evaluation-form")
    assert "Delivering this training yourself" in evaluation
    assert "deliver this course myself" not in evaluation
    action = _text(plan, brand, "action-plan")
    assert f"You will deliver {target} yourself." in action
    assert "deliver this course yourself" not in action
    guide = _text(plan, brand, "trainer-guide")
    # A 5-minute close checks it before the close, at the end of the planning exercise (the trainers' review).
    assert "heck that each attendee has their personal cascade plan" in guide
