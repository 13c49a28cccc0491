"""trainer-guide.docx as the "deliver it tomorrow" review read it (Northmoor's packs): a session plan and notes in
the deck's order, times and extras said plainly, no build words, handouts named as they are headed, and CAF03
placed after the modules it follows."""
from __future__ import annotations

import io
import re

import pytest
from artefact_text import artefact_text
from docx import Document
from pptx import Presentation

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._deck_slides import slide_numbers
from iwpacks.renderers._deck_order import in_deck_order
from iwpacks.renderers.deck import DeckRenderer
from iwpacks.renderers.handouts import HandoutsRenderer
from iwpacks.renderers.trainer_guide import TrainerGuideRenderer

COURSES = ("caf-trainers", "iw-practitioners", "is-advisors")


@pytest.fixture(scope="module")
def local_plans(programme):
    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    return {cid: plan_course(local, cid, release=True) for cid in COURSES}


@pytest.fixture(scope="module")
def packs(local_plans, brand):
    """Each course's guide, deck and handouts as a Northmoor trainer gets them."""
    return {cid: {"guide": TrainerGuideRenderer().render(plan, brand), "deck": DeckRenderer().render(plan, brand),
                  "handouts": HandoutsRenderer().render(plan, brand)} for cid, plan in local_plans.items()}


def _doc(data: bytes):
    return Document(io.BytesIO(data))


def _activities(doc) -> list[str]:
    table = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Activity")
    return [row.cells[-1].text for row in table.rows[1:]]


def test_the_session_plan_says_the_key_message_where_the_deck_shows_it(packs):
    """The review: the deck says "Record information well" before IW01's closing sources topic; the session plan
    listed it after the module, so a trainer following the plan was on the wrong slide."""
    data = packs["iw-practitioners"]
    activities = _activities(_doc(data["guide"]))
    message = activities.index("Key message: Record information well")
    assert activities[message + 1].endswith(": 7. References to other sources of information")
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in Presentation(io.BytesIO(data["deck"])).slides]
    shown = next(n for n, t in enumerate(titles) if t.endswith("Record information well"))
    assert shown < next(n for n, t in enumerate(titles) if t.startswith("References to other sources"))
    notes = [p.text.split(" (slide")[0] for p in _doc(data["guide"]).paragraphs if p.style.name.startswith("Heading")]
    assert notes.index("Key message: Record information well") + 1 == notes.index(
        "7. References to other sources of information")


def test_every_session_plan_runs_in_the_decks_order_on_an_unbroken_clock(plans):
    """Each row's first slide comes no earlier than the row before's, and the moved rows keep the clock whole."""
    for cid, plan in plans.items():
        numbers = slide_numbers(plan)
        rows, last = in_deck_order(plan), 0
        assert sum(r.minutes for r in rows) == sum(r.minutes for r in plan.timetable.rows), cid
        for before, row in zip(rows, rows[1:]):
            assert row.start == before.end or row.day != before.day, (cid, row.label)
        for row in rows:
            if row.place[:1] == ("messages",):
                said = [n for m in plan.sections[row.place[1]].messages for n in numbers.get(("message", m.id), ())]
            elif row.place[:1] == ("module",) and row.topics:
                steps = {s.number: s.topic.title for sec in plan.sections for mp in sec.modules
                         if mp.module.ref == row.module_ref for s in mp.topic_steps}
                said = list(numbers.get(("topic", row.module_ref, steps[row.topics[0]]), ()))
            else:
                continue
            if said:
                assert min(said) >= last, (cid, row.label)
                last = min(said)


def test_a_sections_time_is_said_plainly_with_what_makes_it_up(packs):
    """The review: "Introduction to integrated working takes 55 min: IW01: 50 min, then a key message, 5 min"."""
    text = artefact_text(packs["iw-practitioners"]["guide"], ".docx")
    assert ("Introduction to integrated working, 55 min: IW01 (50 min), then the key message "
            "\u201cRecord information well\u201d (5 min).") in text
    assert " takes 55 min" not in text and "then a key message" not in text
    assert "Key message after IW01" not in text
    timings = next(t for t in _doc(packs["iw-practitioners"]["guide"]).tables
                   if t.rows[0].cells[-1].text == "Time in this course")
    assert ["", "Key message: Record information well", "5 min"] in [[c.text for c in r.cells] for r in timings.rows]
    content = next(t for t in _doc(packs["iw-practitioners"]["guide"]).tables
                   if t.rows[0].cells[2].text == "What it covers")  # after the section's number
    covers = next(r.cells[2].text for r in content.rows if r.cells[1].text == "Introduction to integrated working")
    assert covers.startswith("IW01 Introduction to Integrated Working, with the key messages \u201cDuties")
    assert covers.endswith("; then the key message \u201cRecord information well\u201d")


@pytest.mark.parametrize("cid", COURSES)
def test_no_build_words_and_each_local_fact_named_not_pointed_at(cid, packs):
    """The review: "No separate section on this course:", "CAF01 audience: All", "Set-up: Discussion from CAF01"
    and "in full in Local information, above." some twenty times over."""
    text = artefact_text(packs[cid]["guide"], ".docx")
    for phrase in ("No separate section on this course", " audience: All", "Key message after", " from CAF0",
                   " from IW0", " from IS0", "in full in Local information", "in full under"):
        assert phrase not in text, (cid, phrase)
    paragraphs = [p.text for p in _doc(packs[cid]["guide"]).paragraphs]
    pointers = [p for p in paragraphs if p.endswith("as given in Local information, above.")]
    assert len(pointers) <= 5, (cid, pointers)  # only the LA's own words on a process, too long to name
    named = [p for p in paragraphs if re.match(r"Local (safeguarding|training) contacts: .*\(01632\u00a0", p)]
    assert named, cid  # the contacts by name and phone, where the notes use them


def test_the_optional_extra_is_named_by_its_exercise(packs):
    """The review: "Optional extras: CAF01 discussion and exercise" named no exercise the trainer could find."""
    guide = _doc(packs["caf-trainers"]["guide"])
    text = artefact_text(packs["caf-trainers"]["guide"], ".docx")
    assert "CAF01 discussion and exercise" not in text
    cover = [p.text for p in guide.paragraphs if p.style.name == "Cover Detail"]
    assert "If time allows: the optional CAF01 exercise \u201cWould a common assessment help?\u201d (20 min)" in cover
    assert "Exercise: Would a common assessment help? (optional)" in text


@pytest.mark.parametrize("cid", COURSES)
def test_the_guide_names_each_handout_page_as_the_handouts_head_it(cid, packs):
    """The review: the guide's references to the handouts must match the handouts' own headings."""
    headings = {p.text for p in _doc(packs[cid]["handouts"]).paragraphs if p.style.name.startswith("Heading")}
    quoted = []
    for p in _doc(packs[cid]["guide"]).paragraphs:
        if p.text.startswith(("Set-up: ", "Reference sheets in the handouts for attendees to keep after this exercise")):
            quoted += re.findall(r"\u201c([^\u201d]+)\u201d", p.text)
            assert "\u201c" in p.text, p.text
    assert quoted, cid
    assert [q for q in quoted if q not in headings] == [], cid


def test_caf03_is_delivered_after_the_caf_modules_before_it(packs):
    """The review: CAF03 said "No prerequisites". The strategy names none for it (Appendix 2), but Appendix 1
    gives trainers CAF01, CAF02 and then CAF03, and this course runs them in that order."""
    guide = _doc(packs["caf-trainers"]["guide"])
    table = next(t for t in guide.tables if t.rows[0].cells[1].text == "Delivered after")
    rows = {r.cells[0].text: r.cells[1].text for r in table.rows[1:]}
    assert rows["CAF03"].startswith("CAF01 and CAF02, earlier in this course")
    assert rows["CAF02"] == "CAF01" and rows["CAF01"] == "IW01"
    iw = _doc(packs["iw-practitioners"]["guide"])
    table = next(t for t in iw.tables if t.rows[0].cells[1].text == "Delivered after")
    assert table.rows[1].cells[1].text == "No prerequisites"  # the course's first module, with none of its own
