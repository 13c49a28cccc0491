"""The course specification's structure, as trainers reviewing the Northmoor caf-trainers pack read it: the
sections in the order the course delivers them, the welcome back where day 1 ends; no rows of scenarios among
the timed sections, one line under the table instead; and the train-the-trainer module with the delivery and
requirements block its neighbours have."""
from __future__ import annotations

import pytest
from artefact_text import pdf_page_texts

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._facts import WELCOME_BACK_ROW, course_facts
from iwpacks.renderers.course_spec import CourseSpecRenderer


@pytest.fixture(scope="module")
def plan(programme):
    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    return plan_course(local, "caf-trainers", release=True)


@pytest.fixture(scope="module")
def spec(plan, brand):
    return " ".join(" ".join(pdf_page_texts(CourseSpecRenderer().render(plan, brand))).split())


def test_the_structure_lists_the_sections_in_delivery_order(plan, spec):
    """Review: "in this order", yet "Close of each day and welcome back the next" came second, before the
    background of day 1; it comes where day 1 ends, before day 2's first section."""
    titles = [title for title, _ in course_facts(plan).sections if not title.startswith("Scenarios")]
    turn = titles.index(WELCOME_BACK_ROW)
    assert titles[turn - 1] == "Detailed training on the CAF: CAF02"
    assert titles[turn + 1] == "Associated processes and tools"
    structure = spec[spec.index("Course structure"):spec.index("Course total")]
    at = [structure.index(f"{n} {title} ") for n, title in enumerate(titles, 1)]
    assert at == sorted(at) and f"{turn + 1} {WELCOME_BACK_ROW} 25 min" in structure


def test_scenarios_are_one_line_under_the_structure(spec):
    """Review: "Scenarios and exercises: CAF01, CAF02 Included in CAF02; CAF01: optional" rows among timed ones."""
    assert "Scenarios and exercises: CAF" not in spec
    assert ("Course total 12 h 30 min The scenarios and exercises run inside the modules' time, each straight "
            "after the topic it practises: they are timed within CAF02 and CAF03; CAF01: optional, if time "
            "allows.") in spec


def test_the_train_the_trainer_module_has_its_delivery_block(spec):
    """Review: CAF03 alone had no "delivery and requirements" table; it says what it follows, as the others do."""
    for ref in ("CAF01", "CAF02", "CAF03"):
        assert f"{ref} delivery and requirements Intended audience" in spec
    assert "CAF03 delivery and requirements Intended audience CAF trainers Prerequisites Taken after CAF01 and " \
           "CAF02, earlier in this course" in spec
