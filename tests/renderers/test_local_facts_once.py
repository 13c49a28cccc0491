"""What a trainer found on a third read of three Northmoor packs (iw-practitioners, iw-senior-managers,
caf-trainers): an outline that listed "Know where to find further information" and "Know where to go for
further information" one after the other; local slides whose points said what the local facts would cover,
just above the facts; and a local fact (how completed forms are stored) shown in full on two slides of one
deck. Each test reopens the real artefact."""
from __future__ import annotations

import io

import pypdf
import pytest
from pptx import Presentation

import iwpacks
from iwpacks.errors import ContentError
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers.deck import DeckRenderer
from iwpacks.renderers.outline import OutlineRenderer
from iwpacks.source.words import content_words
from tests.content_copy import broken_content

COURSES = ("iw-practitioners", "iw-senior-managers", "caf-trainers", "caf-practitioners", "lp-practitioners")


@pytest.fixture(scope="module")
def northmoor():
    master = iwpacks.load_programme()
    return apply_overlay(master, load_overlay(master, "northmoor"))


def _slides(plan, brand) -> list[tuple[str, list[str], str]]:
    """(title, body paragraphs, notes) of every slide of the course's deck, reopened."""
    out = []
    for slide in Presentation(io.BytesIO(DeckRenderer().render(plan, brand))).slides:
        if slide.slide_layout.name == "Closing":  # the goodbye gives the network and booking line again, by design
            continue
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        body = [p.text.replace("\u00a0", " ") for shape in slide.placeholders if shape.has_text_frame
                and shape.placeholder_format.idx != 0 for p in shape.text_frame.paragraphs if p.text.strip()]
        out.append((title, body, slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""))
    return out


def test_no_outline_lists_the_same_objective_twice(programme, brand):
    """Two objectives whose content words mostly agree ("know where find further information", "know where
    go further information") read as one said twice; the outline puts each objective in the attendees'
    words, which say what the second module adds."""
    for cid, course in programme.courses.items():
        if course.is_pending:
            continue
        plan = plan_course(programme, cid, release=True)
        objectives = [o for m in plan.modules if not m.is_pending for o in m.attendee_objectives]
        words = [content_words(o, run=1) for o in objectives]
        for i in range(len(words)):
            for j in range(i):
                same = len(words[i] & words[j]) / max(1, len(words[i] | words[j]))
                assert same < 0.6, (cid, objectives[j], objectives[i])
    plan = plan_course(programme, "iw-senior-managers", release=True)
    text = " ".join(" ".join(p.extract_text().split())
                    for p in pypdf.PdfReader(io.BytesIO(OutlineRenderer().render(plan, brand))).pages)
    assert "By the end of the course, you will:" in text
    assert "Know where to find further information" in text
    assert "Know where to go for further information and training" in text
    assert "Know where to go for further information •" not in text


def test_an_la_slide_drops_the_points_its_local_facts_answer(programme, northmoor, brand):
    """The master slide lists what the LA will say ("Where to get the forms, and where completed assessments
    go"); the Northmoor slide gives the answer under its own heading instead, and keeps the points that are
    not prompts."""
    topic = next(t for t in programme.modules["CAF02"].material.topics if t.title == "Enabling the CAF process locally")
    assert topic.local_prompts
    master = _slides(plan_course(programme, "caf-trainers", release=True), brand)
    local = _slides(plan_course(northmoor, "caf-trainers", release=True), brand)

    def shown(slides):
        return [p for title, body, _ in slides if title.startswith("Enabling the CAF process locally") for p in body]

    for prompt in topic.local_prompts:
        assert prompt in shown(master)
        assert prompt not in shown(local)
    assert "Each local area sets up its own CAF arrangements" in shown(local)
    assert any(p.startswith("Forms, and where to get them: Use the Northmoor CAF form") for p in shown(local))


def test_a_local_fact_is_shown_in_full_once_per_deck(northmoor, brand):
    """caf-process is shown whole on "Enabling the CAF process locally"; its storage part, which "Improving
    information sharing locally" also names, is said there as a pointer in the notes, not shown again."""
    for cid in COURSES:
        slides = _slides(plan_course(northmoor, cid, release=True), brand)
        facts = [p for _, body, _ in slides for p in body if len(p) > 60 and ":" in p[:60]]
        repeated = {p for p in facts if facts.count(p) > 1}
        assert not repeated, (cid, repeated)
    slides = _slides(plan_course(northmoor, "caf-trainers", release=True), brand)
    storage = [title for title, body, _ in slides if any("locked case file" in p for p in body)]
    assert len(storage) == 1, storage
    sharing = next(notes for title, _, notes in slides if title.startswith("Improving information sharing locally"))
    assert "storing and sending completed forms securely" in sharing


def test_a_local_prompt_must_be_one_of_the_topics_points(tmp_path):
    message = broken_content(tmp_path, "material/CAF02.yaml",
                             '  local_prompts:\n  - "Who co-ordinates the CAF locally, and who to ask"',
                             '  local_prompts:\n  - "Who runs the CAF locally"')
    assert "local_prompts" in message and "Who runs the CAF locally" in message and "CAF02.yaml" in message


def test_a_break_falls_between_topics_where_a_day_allows_it(programme):
    """caf-trainers had its morning break five minutes into a ten-minute topic, and iw-senior-managers its
    afternoon break ten minutes into a quarter of an hour on capacity: the trainer stopped one talk for a
    break and finished it in five minutes after. Both days now break between two topics, still on the
    quarter hour."""
    for cid in ("caf-trainers", "iw-senior-managers", "iw-practitioners"):
        rows = plan_course(programme, cid, release=True).timetable.rows
        cut = [(r.day, r.start) for before, r, after in zip(rows, rows[1:], rows[2:]) if r.kind == "break"
               and before.module_ref and before.module_ref == after.module_ref and before.topics
               and before.topics[-1:] == after.topics[:1]]
        assert cut == [], cid
        assert [r.start for r in rows if r.is_break and r.start % 15] == [], cid


def test_the_stapled_handouts_never_tell_what_a_role_card_holds(programme, brand):
    """Step 3 of Kyle's family follows step 2 in the stapled handouts; its printed plan said "an adult will be
    with both children whenever Nicola works", which told the practitioner of step 2 what Nicola's card holds
    (Kyle minds Ellie until half past ten). The trainer now says that action aloud at step 3."""
    from docx import Document

    from iwpacks.renderers.handouts import HandoutsRenderer
    for cid in ("caf-practitioners", "caf-trainers", "caf-operational-managers"):
        plan = plan_course(programme, cid, release=True)
        document = Document(io.BytesIO(HandoutsRenderer().render(plan, brand)))
        text = " ".join(p.text for p in document.paragraphs)
        text += " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
        assert "Kyle's family, step 3" in text, cid
        for leak in ("whenever Nicola works", "evening childcare", "looks after Ellie until", "half past ten"):
            assert leak not in text, (cid, leak)


def test_a_dash_in_the_training_plan_names_the_module_that_gives_an_overview(programme, brand):
    """The senior managers' row read "–" under information sharing, the CAF and the lead professional, as if
    the programme never mentioned them; IW02, in their course, has a topic "Overview of the CAF" and the
    like. The dash stays (Appendix 1's), with the module beneath it."""
    from iwpacks.renderers.training_plan import render_training_plan

    data = render_training_plan(programme, brand)
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert text.count("(an overview in IW02)") == 6, text.count("(an overview in IW02)")  # two rows, three columns
