"""trainer-guide.docx as its review read it: rows and headings that name what the slides show, boilerplate that
fits the course it is in, and each local contact or arrangement given once in full."""
from __future__ import annotations

import io
import re

import pytest
from artefact_text import artefact_text
from docx import Document
from pptx import Presentation

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers.trainer_guide import TrainerGuideRenderer


def _doc(data: bytes):
    return Document(io.BytesIO(data))


def _activities(doc) -> list[str]:
    """The session plan's Activity column."""
    table = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Activity")
    return [row.cells[-1].text for row in table.rows[1:]]


def _topics(plan):
    return [(mp.module.ref, step) for s in plan.sections for mp in s.modules for step in mp.topic_steps]


@pytest.fixture(scope="module")
def northmoor_guides(programme, brand):
    """LA guides as trainers get them: released, with Northmoor's local facts."""
    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    return {cid: TrainerGuideRenderer().render(plan_course(local, cid, release=True), brand)
            for cid in ("caf-trainers", "iw-practitioners", "is-practitioners")}


def test_each_session_plan_row_names_the_topics_it_teaches_as_the_notes_head_them(guides, plans):
    """The review: a row said "CAF02 Using the CAF in Practice: topics 3-4", which told the trainer nothing."""
    for cid, data in guides.items():
        doc = _doc(data)
        headings = {p.text.split(" \u00b7 ")[0] for p in doc.paragraphs if p.style.name == "Heading 4"}
        activities = _activities(doc)
        assert not [a for a in activities if re.search(r"topics? \d", a)], cid
        for ref, step in _topics(plans[cid]):
            named = f"{step.number}. {step.topic.slide_title or step.topic.title}"
            assert named in headings, (cid, named)  # the notes head the topic as the row names it
        for activity in (a for a in activities if re.match(r"[A-Z]+\d+ [^:]+: \d+\. ", a)):  # part of a module
            for part in activity.split(": ", 1)[1].split("; "):  # a topic a break cuts is named in each part
                part = re.sub(r" \(part \d+ of \d+\)$", "", part)
                assert part in headings, (cid, part)


def test_topic_headings_are_the_decks_slide_titles_and_the_draft_adds_the_strategys(guides, decks, plans, programme,
                                                                                    brand):
    """The review: the guide headed a topic in the strategy's long words, the deck by a short slide title."""
    words = programme.guide_text["facilitation.strategy_topic"][0]
    retitled = 0
    for cid, data in guides.items():
        slides = {re.sub(r" \(\d+ of \d+\)$", "", s.shapes.title.text.replace("\u00a0", " "))  # "(1 of 2)"
                  for s in Presentation(io.BytesIO(decks[cid])).slides if s.shapes.title}
        paragraphs = _doc(data).paragraphs
        texts = [p.text for p in paragraphs]
        for ref, step in _topics(plans[cid]):
            title = step.topic.slide_title or step.topic.title
            assert title in slides, (cid, title)  # the deck's own title for it
            at = texts.index(f"{step.number}. {title}")
            if step.topic.slide_title:
                retitled += 1
                assert texts[at + 1] == words.format(title=step.topic.title), (cid, title)
    assert retitled >= 10
    release = artefact_text(TrainerGuideRenderer().render(plan_course(programme, "caf-trainers", release=True), brand),
                            ".docx")
    assert "The strategy calls this topic" not in release and "3. Aims of this train-the-trainer module" not in release
    assert "1. Aims of this train-the-trainer module" in release


def test_notes_name_a_topic_by_its_slide_title(guides, plans):
    """The review: "Link back to 'T4T Activity – Planning for local delivery'", where the slide says
    "Planning for local delivery"."""
    for cid, data in guides.items():
        text = artefact_text(data, ".docx")
        for _, step in _topics(plans[cid]):
            if step.topic.slide_title:
                assert f"'{step.topic.title}'" not in text, (cid, step.topic.title)
    text = artefact_text(guides["caf-trainers"], ".docx")
    assert "Link back to 'Planning for local delivery' and the delivery principles" in text
    assert "Link back to 'Reviewing the content, section by section'" in text


def test_the_boilerplate_fits_a_half_day_course_with_no_lunch_or_role_cards(guides, plans, programme):
    """The review: "each day of the course" in a half day, role cards in a course with none, diets and lunch
    where there is no lunch."""
    words = programme.guide_text
    half = artefact_text(guides["iw-practitioners"], ".docx")
    assert plans["iw-practitioners"].timetable.span == "half a day"
    for wrong in ("each day", "role card", "dietary", "lunch", "the breaks"):
        assert wrong not in half.lower(), wrong
    assert words["preparation.print"][0] in half and words["preparation.needs"][0] in half
    assert "2 h 15 min, the break not included." in half
    assert programme.guide_text["materials.one_set"][0] in half  # the register: one set, for the one day


def test_the_boilerplate_of_a_long_course_speaks_of_its_lunch_days_and_role_cards(guides, plans, programme):
    words = programme.guide_text
    long = artefact_text(guides["caf-trainers"], ".docx")
    assert words["preparation.needs_lunch"][0] in long
    carded = [i.title for i in plans["caf-trainers"].exercises if i.exercise is not None and i.exercise.role_briefs]
    assert carded and words["preparation.print_role_cards"][0].format(
        exercises="; ".join(f"\u201c{t}\u201d" for t in carded)) in long
    assert words["facilitation.day_welcome_lunch"][0] in long and "breaks and lunch not included." in long
    assert words["facilitation.day_welcome"][0] in long  # each later day's register, at its welcome back
    # Two half days: a day's welcome back points out its break, and no lunch.
    halves = artefact_text(guides["is-practitioners"], ".docx")
    assert plans["is-practitioners"].timetable.span == "2 half days"
    assert words["facilitation.day_welcome_break"][0] in halves and "lunch" not in halves.lower()
    assert words["facilitation.day_welcome"][0] in halves


@pytest.mark.parametrize("cid", ["caf-trainers", "iw-practitioners", "is-practitioners"])
def test_each_local_block_is_given_once_in_full_and_pointed_back_to(cid, northmoor_guides, programme):
    """The review: the same contacts printed in full at every topic that used them, and again at the end."""
    paragraphs = _doc(northmoor_guides[cid]).paragraphs
    chapters = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    heading = programme.guide_text["local_information.heading"][0]
    assert chapters.index(heading) < chapters.index(programme.guide_text["facilitation.heading"][0])
    lines = [p.text for p in paragraphs if p.style.name == "Local Slot"]
    assert lines and len(lines) == len(set(lines)), [x for x in lines if lines.count(x) > 1]
    start = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1" and p.text == heading)
    end = next(i for i, p in enumerate(paragraphs) if i > start and p.style.name == "Heading 1")
    assert all(start < i < end for i, p in enumerate(paragraphs) if p.style.name == "Local Slot")
    blocks = {p.text for p in paragraphs[start:end] if p.runs and p.runs[0].bold}  # each block's heading
    # Later, a topic that uses a block names what it holds, by name: never the block's lines again in full.
    pointers = [p.text for p in paragraphs[end:] if p.text.split(": ", 1)[0] in blocks]
    assert pointers, cid
    assert not [p for p in pointers if any(line in p for line in lines)], cid


def test_a_local_block_and_the_session_plans_day_totals_are_never_split_over_a_page(northmoor_guides):
    """Rendered, a block of two contacts broke over a page, and the Day 1 total sat a page before Day 2's."""
    paragraphs = _doc(northmoor_guides["caf-trainers"]).paragraphs
    pairs = list(zip(paragraphs, paragraphs[1:]))
    held = [a.paragraph_format.keep_with_next for a, b in pairs
            if a.style.name == "Local Slot" and b.style.name == "Local Slot"]
    assert held and all(held)
    days = [p for p in paragraphs if re.match(r"Day \d+: \d\d:\d\d to ", p.text)]
    assert len(days) == 2 and all(p.paragraph_format.keep_with_next for p in days)
