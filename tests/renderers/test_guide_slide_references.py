"""The trainer guide's slide numbers, as a trainer reviewing three Northmoor packs checked them against the deck:
a reference never takes in a break's slide, a message said on a slide of another title names that slide, and the
introduction is timed part by part with its slides."""
from __future__ import annotations

import io
import re

import pytest
from docx import Document
from pptx import Presentation

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers.deck import DeckRenderer
from iwpacks.renderers.trainer_guide import TrainerGuideRenderer

COURSES = ("iw-practitioners", "iw-senior-managers", "caf-trainers")
REFERENCE = re.compile(r"slides? (\d+(?:-\d+)?(?:(?:, | and )\d+(?:-\d+)?)*)")


@pytest.fixture(scope="module")
def packs(programme, brand):
    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    plans = {cid: plan_course(local, cid, release=True) for cid in COURSES}
    return {cid: (Document(io.BytesIO(TrainerGuideRenderer().render(plan, brand))),
                  [s.shapes.title.text.replace("\u00a0", " ") if s.shapes.title else ""
                   for s in Presentation(io.BytesIO(DeckRenderer().render(plan, brand))).slides])
            for cid, plan in plans.items()}


def _numbers(span: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r", | and ", span):
        first, _, last = part.partition("-")
        out += range(int(first), int(last or first) + 1)
    return out


def _references(doc) -> list[tuple[str, list[int]]]:
    texts = [p.text for p in doc.paragraphs]
    return [(text, _numbers(m.group(1))) for text in texts for m in REFERENCE.finditer(text)]


@pytest.mark.parametrize("course", COURSES)
def test_no_slide_reference_takes_in_a_break(packs, course):
    """Review: "(slides 54-56)" for a topic the afternoon break cuts took in the break's slide 55."""
    doc, titles = packs[course]
    refs = _references(doc)
    assert refs
    for text, numbers in refs:
        for n in numbers:
            assert not re.search(r"\b(break|lunch)\b", titles[n - 1], re.I), (text, titles[n - 1])


@pytest.mark.parametrize("course", COURSES)
def test_a_message_said_on_another_slide_names_it(packs, course):
    """Review: "Sources of further information (slide 32)", yet slide 32 is "Your hopes for this course": the
    guide names the slide it is said on."""
    doc, titles = packs[course]
    heading = next(p.text for p in doc.paragraphs if p.text.startswith("Sources of further information ("))
    number = _numbers(REFERENCE.search(heading).group(1))[0]
    assert titles[number - 1] == "Your hopes for this course"
    assert f"\u201c{titles[number - 1]}\u201d" in heading


@pytest.mark.parametrize("course", COURSES)
def test_every_heading_reference_is_to_slides_of_its_part(packs, course):
    """Each heading's slides are that part's: the first is titled as the topic, exercise or message (or the
    reference quotes the title), and the others carry it on or show its picture."""
    doc, titles = packs[course]
    for p in doc.paragraphs:
        if not p.style.name.startswith("Heading") or not (m := REFERENCE.search(p.text)):
            continue
        numbers = _numbers(m.group(1))
        first = titles[numbers[0] - 1]
        assert first in p.text or first.split(" (")[0] in p.text or first.startswith("Exercise: ") \
            or first.startswith("Key message: "), (p.text, first)


@pytest.mark.parametrize("course", COURSES)
def test_the_introduction_is_timed_by_part_with_its_slides(packs, course):
    """Review: the introduction's 20 min was not broken down anywhere, and the guide never said to agree the
    ground rules."""
    doc, titles = packs[course]
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Part of the introduction")
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert [r[0].split(":")[0] for r in rows] == ["Welcome, register and housekeeping", "About the course",
                                                 "Introductions", "Ground rules"]
    assert sum(int(r[2].split()[0]) for r in rows) == 20
    assert titles[int(rows[0][1]) - 1] == titles[0]
    assert "About this course" in [titles[n - 1] for n in _numbers(rows[1][1])]
    assert titles[int(rows[2][1]) - 1] == "Getting to know each other"
    assert titles[int(rows[3][1]) - 1] == "How we will work together"
    steps = [p.text for p in doc.paragraphs]
    assert any(s.startswith("Agree the ground rules with the group") for s in steps)
