"""A trainer's review of the iw-senior-managers deck for Northmoor (7/10): repetition of the background section,
the practitioners' CAF procedure on a managers' slide, a discussion that repeated its exercise, stock diagram
notes, exercise slides without their time, and abbreviations attendees do not know. Each finding is checked in
the deck as built, reopened with python-pptx."""
from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.pack.build import render_course
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._slots import slot_text
from tests.artefact_text import artefact_text

COURSE = "iw-senior-managers"
BACKGROUND = "Background and context within Every Child Matters (ECM)"
IW01_MANAGER_SLIDES = ("The duties of the Children Act 2004", "The cost of not joining up",
                       "ECM guiding principles")
STOCK_DIAGRAM_LINE = "one box at a time"


@pytest.fixture(scope="module")
def northmoor(programme):
    return apply_overlay(programme, load_overlay(programme, "northmoor"))


@pytest.fixture(scope="module")
def pack(northmoor, brand):
    return render_course(northmoor, brand, COURSE, release=True)


@pytest.fixture(scope="module")
def operational_pack(northmoor, brand):
    return render_course(northmoor, brand, "iw-operational-managers", release=True)


def _slides(data: bytes) -> list[dict]:
    """Each slide: its title, layout, body paragraphs (every text box but the title) and notes."""
    out = []
    for slide in Presentation(io.BytesIO(data)).slides:
        title = slide.shapes.title.text.replace("\u00a0", " ") if slide.shapes.title is not None else ""
        body = [p.text.replace("\u00a0", " ").strip() for shape in slide.shapes
                if shape.has_text_frame and shape != slide.shapes.title for p in shape.text_frame.paragraphs]
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        out.append({"title": title, "layout": slide.slide_layout.name, "body": [b for b in body if b],
                    "notes": notes})
    return out


def _background_bullets(slides: list[dict]) -> set[str]:
    start = next(i for i, s in enumerate(slides) if s["title"] == BACKGROUND)
    end = next(i for i in range(start + 1, len(slides)) if slides[i]["layout"] == "Section")
    return {b for s in slides[start + 1:end] for b in s["body"]}


def test_iw01s_duties_benefits_and_principles_slides_do_not_restate_the_background_section(pack):
    """The review: slides 14, 23 and 25 restated the background section's duties, benefits and principles.
    For senior managers they say what managers do and answer for; the background slides stay as they were."""
    slides = _slides(pack["deck.pptx"])
    background = _background_bullets(slides)
    assert "Children Act 2004 section 11: key agencies safeguard and promote children's welfare" in background
    shown = {s["title"]: s["body"] for s in slides if s["title"] in IW01_MANAGER_SLIDES}
    assert set(shown) == set(IW01_MANAGER_SLIDES), list(shown)
    for title, body in shown.items():
        assert body and not set(body) & background, (title, set(body) & background)
    words = " ".join(b for body in shown.values() for b in body)
    for managers in ("children's trust arrangements", "you answer for", "Local Safeguarding Children Board",
                     "Repeat referrals", "Serious case reviews", "budget", "protocols signed"):
        assert managers in words, managers


def test_the_operational_managers_iw01_slides_keep_their_own_points(operational_pack):
    """The senior managers' points are a variant for them alone: operational managers keep theirs."""
    slides = {s["title"]: s["body"] for s in _slides(operational_pack["deck.pptx"])}
    assert "Children Act 2004: the legal basis for integrated working" in slides["The duties of the Children Act 2004"]
    assert "Intervene early: act before needs become serious" in slides["ECM guiding principles"]


def test_the_caf_overview_is_one_slide_with_who_coordinates_it_and_the_handouts_keep_the_procedure(pack):
    """The review: two dense slides of the practitioners' local CAF procedure. Managers see who coordinates the
    CAF on one slide; the handouts still give every part of the local arrangements for their staff."""
    slides = _slides(pack["deck.pptx"])
    caf = [s for s in slides if s["title"].startswith("Overview of the CAF")]
    assert [s["title"] for s in caf] == ["Overview of the CAF"]
    body = " ".join(caf[0]["body"])
    assert "Sarah Bennett, CAF Coordinator" in body
    for part in ("Checking whether a common assessment already exists", "Panels and meetings",
                 "Agreeing and recording a lead professional", "Storing and sending"):
        assert part not in body, part
    assert not any("Checking whether a common assessment already exists" in b for s in slides for b in s["body"])
    handouts = artefact_text(pack["handouts.docx"], ".docx")
    for part in ("Checking whether a common assessment already exists", "register of common assessments",
                 "Agreeing and recording a lead professional", "Sarah Bennett"):
        assert part in handouts, part


def test_an_arrangements_slots_contacts_alone_show_the_contacts_or_a_placeholder(northmoor, programme):
    filled = slot_text(plan_course(northmoor, COURSE), "caf-process.contacts", brief=True)
    assert filled.filled and filled.contacts == (True,) * len(filled.lines)
    assert filled.lines[0].startswith("Sarah Bennett, CAF Coordinator")
    assert filled.heading == slot_text(plan_course(northmoor, COURSE), "caf-process").heading
    master = slot_text(plan_course(programme, COURSE), "caf-process.contacts")
    assert not master.filled and master.lines == ("Your LA adds: contacts",)


def test_the_closing_discussion_does_not_repeat_the_exercise_that_follows(pack):
    """The review: the discussion slide asked the questions the strategies exercise asks straight after. It is
    now the exercise's lead-in, on how the work is judged, and asks nothing the exercise asks."""
    slides = _slides(pack["deck.pptx"])
    [at] = [i for i, s in enumerate(slides) if s["title"].startswith("Discussion:")]
    exercise = [s for s in slides[at + 1:] if s["title"].startswith("Exercise: Strategies")]
    assert exercise, [s["title"] for s in slides[at + 1:at + 4]]
    discussion = set(slides[at]["body"])
    assert not discussion & {b for s in exercise for b in s["body"]}
    assert any("Joint Area Reviews (JAR)" in b for b in discussion)
    assert not any(b.startswith("Which strategies") or b.startswith("What will you do differently")
                   for b in discussion)


def test_ryans_task_and_questions_share_one_two_column_slide(pack):
    """The review: Ryan's task and questions were on two plain slides, where every other exercise has one
    two-column slide."""
    slides = _slides(pack["deck.pptx"])
    ryan = [s for s in slides if s["title"].startswith("Exercise: Where the processes and tools fit")]
    assert [s["layout"] for s in ryan] == ["Title and Content", "Exercise"], [(s["title"], s["layout"]) for s in ryan]
    assert {"What to do", "Questions"} <= set(ryan[1]["body"])


def test_about_this_course_gives_each_module_its_own_time(pack):
    """The review: "Overview of ... and Supporting Integrated Working: 4 h" read as one long module."""
    [about] = [s for s in _slides(pack["deck.pptx"]) if s["title"] == "About this course"]
    assert "Overview of Integrated Working Processes and Tools: 1 h 30 min" in about["body"]
    assert "Supporting Integrated Working: 2 h 30 min" in about["body"]
    assert not any(" and Supporting Integrated Working" in line for line in about["body"])


def test_every_diagram_slides_notes_lead_with_its_own_boxes(decks, plans):
    """The review: every diagram's notes opened with the same stock line. They now say how to take the picture,
    naming its own first box, before its time and the picture in words."""
    for cid, data in decks.items():
        for slide in _slides(data):
            assert STOCK_DIAGRAM_LINE not in slide["notes"], (cid, slide["title"])
    for cid in ("iw-senior-managers", "iw-practitioners"):
        if cid not in decks:
            continue
        notes = {s["title"]: s["notes"] for s in _slides(decks[cid])}
        if "The CAF in three steps" in notes:
            assert notes["The CAF in three steps"].startswith(
                "Take the steps in turn: Preparation, then Discussion, then Delivery."), notes["The CAF in three steps"]


def test_the_senior_managers_diagram_notes_name_each_picture(pack):
    notes = {s["title"]: s["notes"] for s in _slides(pack["deck.pptx"])}
    assert notes["The team around the child"].startswith(
        "Start with child and family at the centre, then take each around it in turn: family support worker;")
    assert notes["Pre-empting and resolving disputes between agencies"].startswith(
        "Take the steps in turn: Agree in advance, then Line manager, then Service managers, then Senior managers.")


def test_every_exercise_slide_gives_the_exercises_time(decks):
    """The review: exercise task slides' notes gave no time, where every other slide's do. A scenario that runs
    on to a second slide says that it is within the first's time; every other exercise slide gives minutes."""
    for cid, data in decks.items():
        for slide in _slides(data):
            if slide["title"].startswith("Exercise:") or slide["layout"] == "Exercise":
                assert "Timing:" in slide["notes"], (cid, slide["title"])
                if not re.search(r"\((?!1 of)\d+ of \d+\)$", slide["title"]):
                    assert re.search(r"Timing: [^.]*\d+ (min|h)", slide["notes"]), (cid, slide["title"])


def test_no_slide_shows_cypf_or_ca_2004_to_attendees(decks, pack):
    """The review: "CYP&F" and "CA 2004" on slides. The seed's own words stay verbatim in the specification;
    what attendees read on a slide is written out."""
    for cid, data in {**decks, COURSE: pack["deck.pptx"]}.items():
        for slide in _slides(data):
            shown = " ".join([slide["title"], *slide["body"]])
            assert "&F" not in shown and "CA 2004" not in shown, (cid, slide["title"])


def test_exercise_notes_speak_to_the_trainer_not_of_the_strategy(decks, pack):
    """The review: "Good answers cover" opened with a grouping instruction quoting "the strategy"."""
    for cid, data in {**decks, COURSE: pack["deck.pptx"]}.items():
        for slide in _slides(data):
            if slide["title"].startswith("Exercise:") or slide["layout"] == "Exercise":
                assert not re.search(r"the strategy (says|suggests)", slide["notes"], re.I), (cid, slide["title"])


def test_a_diagrams_lead_keeps_the_capitals_of_names_it_reads_on_in_a_sentence(decks):
    """A hub's or a table's boxes read on in the lead's sentence ("teacher; health visitor"), but a name with
    capitals of its own stays as the picture writes it."""
    leads = [s["notes"].split(" Timing:")[0] for data in decks.values() for s in _slides(data)
             if s["notes"].startswith(("Take the table a row at a time:", "Start with "))]
    assert any("family support worker; teacher" in lead for lead in leads), leads
    table = [lead for lead in leads if lead.startswith("Take the table")]
    assert table and all("caldicott" not in lead and "information Sharing" not in lead for lead in table), table
