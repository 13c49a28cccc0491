"""The review: "IW01 time given inconsistently". Each module's minutes in a course read the same in the
session plan, the specification, the outline, the deck and the trainer guide; a section that adds key
messages to a module's time says so, so IS02's "5 h" and its section's "5 h 5 min" are not two answers."""
from __future__ import annotations

import re

import pytest
from artefact_text import artefact_text

from iwpacks.planning.minutes import format_minutes
from iwpacks.renderers._facts import time_note, time_parts
from iwpacks.renderers.course_spec import CourseSpecRenderer
from iwpacks.renderers.outline import OutlineRenderer

REVIEWED = ("iw-practitioners", "is-advisors", "caf-trainers")


@pytest.fixture(scope="module")
def texts(plans, brand, decks, guides):
    return {cid: {"spec": artefact_text(CourseSpecRenderer().render(plans[cid], brand), ".pdf"),
                  "outline": artefact_text(OutlineRenderer().render(plans[cid], brand), ".pdf"),
                  "deck": artefact_text(decks[cid], ".pptx"), "guide": artefact_text(guides[cid], ".docx")}
            for cid in REVIEWED}


@pytest.mark.parametrize("course_id", REVIEWED)
def test_every_module_has_one_time_in_the_session_plan_and_every_document(course_id, plans, texts):
    plan, text = plans[course_id], texts[course_id]
    for mp in (mp for s in plan.sections for mp in s.modules):
        name, minutes = f"{mp.module.ref} {mp.module.name}", format_minutes(mp.minutes)
        rows = sum(r.minutes for r in plan.timetable.rows if r.module_ref == mp.module.ref and not r.is_break)
        assert rows == mp.minutes, (name, rows)
        assert re.search(re.escape(f"{name} Duration:") + r"[^·]*· range: [^·]*· planned in this course: "
                         + re.escape(minutes) + r"\b", text["spec"]), name
        assert f"{name} · {minutes}" in text["outline"], name
        assert re.search(re.escape(f"{name} {minutes}") + r"(,|\s)", text["deck"]), name  # what the course covers
        assert f"Module {mp.module.ref}. Time in this course: {minutes}" in text["deck"], name
        assert f"{name} Planned time: {minutes}" in text["guide"], name


@pytest.mark.parametrize("course_id", ("iw-practitioners", "is-advisors"))
def test_a_section_that_adds_key_messages_to_its_modules_shows_one_time_and_says_what_it_holds(course_id, plans,
                                                                                             texts):
    """The review: "5 h 5 min (IS02 5 h + key message 5 min)" read like the build's arithmetic. Each artefact
    shows the section's one time; the specification says in a sentence what it holds."""
    plan, text = plans[course_id], texts[course_id]
    shared = [s for s in plan.sections if s.modules and s.message_minutes]
    assert shared, course_id  # IW01's section with its messages; IS02's with one of 5
    for section in shared:
        total, parts = format_minutes(section.minutes), time_parts(section)
        for kind in ("spec", "outline", "deck", "guide"):
            assert f"({parts})" not in text[kind] and f": {parts}" not in text[kind], (kind, section.title)
        assert f"{section.title} ({total})" in text["guide"], section.title
        assert time_note(section) in text["spec"], section.title


def test_is02_reads_as_five_hours_and_its_section_as_five_hours_and_a_key_message(texts):
    spec = texts["is-advisors"]["spec"]
    assert "Detailed training on information sharing: IS02 5 h 5 min" in spec
    assert ("In \u201cDetailed training on information sharing: IS02\u201d, IS02 takes 5 h, and the key message "
            "after it 5 min.") in spec
