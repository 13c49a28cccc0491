"""The trainer guide's printing list, as trainers reviewing the Northmoor packs read it: the handouts' row in two
short sentences, role cards counted per group, and for a train-the-trainer course the packs its attendees
cascade and the training plan for the pairs task."""
from __future__ import annotations

import io

import pytest
from docx import Document

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers.trainer_guide import TrainerGuideRenderer

COURSES = ("iw-practitioners", "iw-senior-managers", "caf-trainers")


@pytest.fixture(scope="module")
def lists(programme, brand):
    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    out = {}
    for cid in COURSES:
        doc = Document(io.BytesIO(TrainerGuideRenderer().render(plan_course(local, cid, release=True), brand)))
        table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Material")
        out[cid] = [[c.text for c in r.cells] for r in table.rows[1:]]
    return out


@pytest.mark.parametrize("course", COURSES)
def test_the_handouts_row_is_two_short_sentences(lists, course):
    """Review: "Every page, stapled, plus spares. They hold the sheets the exercises use: Reference sheet: ...
    And the reference sheets: ..." ran to a paragraph in a table cell."""
    [row] = [r for r in lists[course] if r[1] == "handouts.docx"]
    assert row[2].startswith("Every page, stapled, plus 2 spares. Includes ")
    assert "reference sheet" in row[2] and row[2].count(".") == 2 and len(row[2]) < 120


def test_role_cards_are_counted_per_group(lists):
    """Review: "10 ... 2 to a page, cut out, one for each attendee", yet the two cards go to the Nicola and Kyle
    players of each group of four: one page a group, five pages for twenty."""
    [row] = [r for r in lists["caf-trainers"] if "role cards" in r[2]]
    assert "one page of 2 cards for each group of 4" in row[2] and "each attendee" not in row[2]
    assert row[3] == "5"


def test_a_train_the_trainer_course_prints_the_packs_it_cascades_and_the_training_plan(lists):
    """Review: slide 71 walks through the CAF01/CAF02 packs and slide 73's pairs work from the course outlines,
    yet the printing list had neither: a set of each for every pair of the twenty."""
    rows = {r[0]: r for r in lists["caf-trainers"]}
    cascade = rows["Course packs to cascade"]
    assert "CAF01 Introduction to CAF and CAF02 Using the CAF in Practice" in cascade[2]
    assert all(part in cascade[2] for part in ("course outline", "deck printed with the notes", "trainer guide",
                                               "handouts"))
    assert cascade[3] == "10" and rows["Training plan"][3] == "10"
    assert rows["Training plan"][2].startswith("training-plan.pdf") and rows["Training plan"][1] == ""
    assert not any(r[0] == "Course packs to cascade" for r in lists["iw-practitioners"])
