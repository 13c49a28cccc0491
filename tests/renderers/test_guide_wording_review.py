"""The trainer guide's wording, as trainers reviewing three Northmoor packs read it: a session plan intro that
reads as a sentence, no build words, follow-on courses named by title, each standard wording said once, and the
senior managers' combined course explained where the strategy's advice to keep the levels apart is printed."""
from __future__ import annotations

import io

import pytest
from artefact_text import artefact_text
from docx import Document

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers.course_spec import CourseSpecRenderer
from iwpacks.renderers.trainer_guide import TrainerGuideRenderer

COURSES = ("iw-practitioners", "iw-senior-managers", "caf-trainers")


@pytest.fixture(scope="module")
def plans(programme):
    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    return {cid: plan_course(local, cid, release=True) for cid in COURSES}


@pytest.fixture(scope="module")
def guides(plans, brand):
    return {cid: [p.text for p in Document(io.BytesIO(TrainerGuideRenderer().render(plan, brand))).paragraphs]
            for cid, plan in plans.items()}


def _after(paragraphs: list[str], heading: str) -> str:
    return paragraphs[paragraphs.index(heading) + 1]


def test_the_session_plan_intro_says_the_pauses_in_a_sentence(guides):
    """Review: "Each session has a break and lunch separates the morning from the afternoon" read garbled."""
    assert _after(guides["iw-senior-managers"], "Session plan").startswith(
        "5 h 45 min of training over 1 day. The day has a break in the morning and one in the afternoon, with "
        "lunch between them. The course starts at 09:00")
    assert "Each day has a break in the morning and one in the afternoon, with lunch between them; each later " \
           "day opens with a welcome back. Each day starts" in _after(guides["caf-trainers"], "Session plan")
    assert "The session has a break. The course starts" in _after(guides["iw-practitioners"], "Session plan")
    assert not any("lunch separates" in p for g in guides.values() for p in g)


def test_no_build_words_on_prerequisites(guides):
    """Review: the LA guide's "(the strategy names no prerequisite of its own)" after CAF03's prerequisites."""
    assert not any("names no prerequisite" in p for g in guides.values() for p in g)


def test_the_brief_segments_name_the_courses_to_take_next(guides):
    """Review (iw-practitioners pp. 15-16): "The Introduction to CAF module covers it in full" is module-catalogue
    talk: the guide names the course attendees can take, as the deck's notes do."""
    text = " ".join(guides["iw-practitioners"])
    assert "module covers it in full" not in text and "module covers this in full" not in text
    for course in ("Information sharing for practitioners", "The Common Assessment Framework for practitioners",
                   "The lead professional for practitioners"):
        assert f"Attendees who need more can take the course \u201c{course}\u201d." in text


@pytest.mark.parametrize("course", COURSES)
def test_the_recap_speaks_of_the_course_objectives_and_the_network(guides, course):
    """Review: "each module's learning objectives" in a one-module course; "practitioner network" to managers."""
    text = guides[course]
    start = next(i for i, p in enumerate(text) if p.startswith("Recap (") and p.endswith("min)"))
    steps = text[start + 1:start + 5]
    assert steps[0] == "Go back over the course objectives with the group: what has each person taken away?"
    assert any(p.startswith("Explain how the network of attendees keeps in touch") for p in steps)
    assert not any("practitioner network" in p or "each module's learning objectives" in p for p in text[start:])


def test_each_standard_wording_is_said_once(guides):
    """Review (caf-trainers pp. 10-11): the paragraph under each standard wording box said it again."""
    text = "\n".join(guides["caf-trainers"])
    assert text.count("Take a holistic view of the child or young person's needs") == 1
    assert text.count("Notice additional needs early and act on them") == 0  # the box says "notice ... early"
    assert "For organisations, it means less duplicated assessment" not in text
    assert "Ask attendees for one example from their own work where joining up made a difference" in text


def test_the_senior_managers_course_says_why_the_levels_are_together(plans, guides, brand):
    """Review: the strategy's advice to keep strategic/senior and middle managers apart is printed, yet the course
    combines them and the LA pack never says why: the guide and the specification say so, and advise separate
    cohorts where numbers allow."""
    why = "The strategy's training plan (Appendix 1) gives them one route"
    assert any(why in p and "run separate cohorts" in p for p in guides["iw-senior-managers"])
    spec = " ".join(artefact_text(CourseSpecRenderer().render(plans["iw-senior-managers"], brand), ".pdf").split())
    assert why in spec and "run separate cohorts" in spec


def test_a_five_minute_close_does_in_the_room_only_what_fits(guides, plans):
    """Review (caf-trainers): the 5-minute close listed the knowledge check, five minutes to write the action
    plan, the evaluation, the certificates and the cascade-plan check. The plans are written in the planning
    exercise; the room does the evaluation; the rest goes with attendees as they leave."""
    [close] = [s for s in plans["caf-trainers"].sections if s.role == "close"]
    assert close.minutes == 5
    text = guides["caf-trainers"]
    start = text.index("Close: action plan, evaluation and certificates (5 min)")
    steps = text[start + 1:start + 5]
    assert steps[0].startswith("The close has 5 min, too short to write anything in")
    assert steps[1].startswith("Before the close, in the last minutes of the planning exercise")
    assert "personal cascade plan" in steps[1]
    timed = [int(step.split("(")[1].split(" min")[0]) for step in steps[2:]]
    assert sum(timed) == close.minutes
    assert not any("allow the group five minutes" in p for p in text[start:start + 6])
    # a course with the full close keeps its steps
    practitioners = guides["iw-practitioners"]
    at = practitioners.index("Close: action plan, evaluation and certificates (15 min)")
    assert practitioners[at + 2] == "Give out the action plan and allow the group five minutes to write it: at " \
                                    "least one action each."
