"""A trainer's review of iw-senior-managers (IW01, IW02, IW04) for Northmoor: each finding checked in the pack's
own artefacts, reopened and read as text."""
from __future__ import annotations

import io

import pytest
from docx import Document
from pptx import Presentation

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.pack.build import render_course
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._forms import course_objectives
from tests.artefact_text import artefact_text

COURSE = "iw-senior-managers"
# IW02's topics 1-4 are the overviews of information sharing, the CAF, the lead professional and the IS Index:
# every course that holds it gives their time to IW02's exercise instead of repeating them as short segments.
WITH_IW02 = ("iw-senior-managers", "iw-operational-managers", "iw-trainers", "iw-admin-staff")
RYAN = "Exercise: Where the processes and tools fit for one young person"
GOVERNANCE = ("Director of Children's Services (DCS)", "Lead Member for children's services", "sections 18 and 19",
              "children's trust arrangements", "Joint Area Reviews (JAR)", "Annual Performance Assessment (APA)",
              "Common Core of Skills and Knowledge for the Children's Workforce (2005)")


@pytest.fixture(scope="module")
def northmoor(programme):
    return apply_overlay(programme, load_overlay(programme, "northmoor"))


@pytest.fixture(scope="module")
def pack(northmoor, brand):
    """The course's Northmoor pack as a build writes it: {file name: bytes}, its glossary narrowed to its texts."""
    return render_course(northmoor, brand, COURSE, release=True)


def _deck(pack) -> list[tuple[str, str]]:
    deck = Presentation(io.BytesIO(pack["deck.pptx"]))
    return [(s.shapes.title.text.replace("\u00a0", " "), s.notes_slide.notes_text_frame.text if s.has_notes_slide
             else "") for s in deck.slides]


@pytest.mark.parametrize("cid", WITH_IW02)
def test_a_course_with_iw02_runs_ryan_in_its_time_and_no_awareness_segments(northmoor, cid):
    plan = plan_course(northmoor, cid, release=True)
    [awareness] = [s for s in plan.sections if s.kind == "awareness"]
    assert awareness.omitted and not awareness.awareness and awareness.minutes == 0, cid
    labels = [r.label for r in plan.timetable.rows]
    assert RYAN in labels and "Associated processes and tools" not in labels, cid
    assert plan.timetable.days == 1, cid


def test_the_senior_managers_deck_shows_ryan_as_planned_and_no_in_brief_slides(pack):
    titles = [title for title, _ in _deck(pack)]
    assert RYAN in titles and f"{RYAN} (optional)" not in titles
    assert not any(t.endswith(": in brief") or t == "Associated processes and tools" for t in titles), titles
    # Straight after the topic it practises, IW02's sixth ("Positioning of key processes and tools").
    assert titles[titles.index(RYAN) - 1].startswith("Positioning of key processes and tools")


def test_the_2006_governance_reaches_the_deck_notes_and_the_trainer_guide(pack):
    notes = " ".join(" ".join(n.split()) for _, n in _deck(pack))
    guide = artefact_text(pack["trainer-guide.docx"], ".docx")
    for words in GOVERNANCE:
        assert words in notes, words
        assert words in guide, words


def test_the_glossary_explains_the_governance_terms_and_reads_ca_plainly(pack):
    rows = {r.cells[0].text: r.cells[-1].text for r in Document(io.BytesIO(pack["glossary.docx"])).tables[0].rows}
    for term in ("DCS", "Lead Member", "Relevant partner", "MI", "JAR", "APA", "Children's social care",
                 "Designated or named person"):
        assert term in rows, term
    assert "As in CA 2004" not in rows["CA"] and "Children Act 2004" in rows["CA"]


def test_the_pack_names_the_2006_child_protection_contact_and_plan(pack):
    text = " ".join(artefact_text(data, name[name.rindex("."):]) for name, data in pack.items())
    assert "safeguarding lead" not in text.lower()
    message = [s for s in Presentation(io.BytesIO(pack["deck.pptx"])).slides  # one slide, or two with the contacts
               if s.shapes.title.text.startswith("Key message: What to do if you are worried")]
    assert 1 <= len(message) <= 2
    words = " ".join(" ".join(sh.text_frame.text for s in message for sh in s.shapes if sh.has_text_frame).split())
    assert "Talk to your designated or named person for child protection, or children's social care" in words
    assert "subject to a child protection plan" not in text and "the subject of a child protection plan" in text
    assert "service delivery" not in text.lower()


def test_the_forms_speak_to_managers_and_list_each_objective_once(pack, northmoor):
    action_plan = artefact_text(pack["action-plan.docx"], ".docx")
    assert "network of practitioners" not in action_plan
    objectives = course_objectives(plan_course(northmoor, COURSE, release=True))
    assert len(objectives) == len(set(objectives))
    further = [o for o in objectives if "further information" in o]
    assert len(further) == 2 and "training on each of these processes and tools" in further[1], further
