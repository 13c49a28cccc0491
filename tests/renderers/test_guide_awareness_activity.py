"""The re-review of iw-practitioners: the deck ends the processes in brief with a pairs question whose five minutes
come out of the segments, but the guide gave each segment its whole time and never named the question, and it
sent attendees to training on the IS Index that does not exist yet."""
from __future__ import annotations

import io

from docx import Document
from pptx import Presentation

import iwpacks
from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.plan import plan_course
from iwpacks.renderers.deck import DeckRenderer
from iwpacks.renderers.trainer_guide import TrainerGuideRenderer


def test_the_guide_times_the_segments_as_the_deck_does_and_gives_the_pairs_question(brand):
    plan = plan_course(iwpacks.load_programme(), "iw-practitioners", release=True)
    guide = "\n".join(p.text for p in Document(io.BytesIO(TrainerGuideRenderer().render(plan, brand))).paragraphs)
    deck = Presentation(io.BytesIO(DeckRenderer().render(plan, brand)))
    [activity] = [s for s in deck.slides if s.shapes.title is not None
                  and s.shapes.title.text == "Your turn: who would you contact first?"]
    assert "Your turn: who would you contact first? (5 min)" in guide
    import re
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide]
    given = [m.group(1) for n in notes if (m := re.search(r"Timing: (\d+ min) of its \d+ min; the rest goes", n))]
    headings = re.findall(r"Awareness: .*? \((\d+ min)\)", guide)
    section = next(s for s in plan.sections if s.awareness)
    assert len(headings) == len(section.awareness) and given, (given, headings)
    assert headings[:len(given)] == given  # the segments that give the question minutes come first here
    assert headings != [format_minutes(item.minutes) for item in section.awareness]  # the question takes time
    assert "Point attendees to the training on it in the sources of information" not in guide
    assert "is still being developed: until it is offered" in guide  # the IS Index course for practitioners
    assert activity.has_notes_slide


def test_the_specification_gives_the_segments_and_the_pairs_question_the_decks_times(brand):
    from artefact_text import pdf_page_texts

    from iwpacks.renderers.course_spec import CourseSpecRenderer

    plan = plan_course(iwpacks.load_programme(), "iw-practitioners", release=True)
    text = " ".join(" ".join(pdf_page_texts(CourseSpecRenderer().render(plan, brand))).split())
    assert "Information sharing (8 min)" in text and "A pairs question (5 min)" in text
