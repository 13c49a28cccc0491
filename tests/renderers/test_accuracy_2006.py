"""A subject expert's accuracy review of the caf-trainers, is-advisors and iw-practitioners packs against the 2006
guidance: each finding checked in the artefacts a trainer hands out, reopened and read as text."""
from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers.course_spec import CourseSpecRenderer
from iwpacks.renderers.deck import DeckRenderer
from iwpacks.renderers.glossary import GlossaryRenderer
from iwpacks.renderers.handouts import HandoutsRenderer
from iwpacks.renderers.knowledge_check import KnowledgeCheckAnswersRenderer
from iwpacks.renderers.trainer_guide import TrainerGuideRenderer
from iwpacks.renderers.training_plan import render_training_plan
from tests.artefact_text import artefact_text

COURSES = ("caf-trainers", "is-advisors", "iw-practitioners")
RENDERERS = {"deck": (DeckRenderer, ".pptx"), "handouts": (HandoutsRenderer, ".docx"),
             "trainer-guide": (TrainerGuideRenderer, ".docx"), "glossary": (GlossaryRenderer, ".docx"),
             "knowledge-check-answers": (KnowledgeCheckAnswersRenderer, ".docx"),
             "course-specification": (CourseSpecRenderer, ".pdf")}


@pytest.fixture(scope="module")
def slides(northmoor, brand):
    """Each reviewed deck's slides as {(course, title): every word on the slide, drawn diagrams included}."""
    out = {}
    for cid in COURSES:
        deck = Presentation(io.BytesIO(DeckRenderer().render(plan_course(northmoor, cid), brand)))
        for slide in deck.slides:
            title = slide.shapes.title.text if slide.shapes.title is not None else ""
            out.setdefault((cid, title), " ".join(" ".join(_shape_words(slide.shapes)).split()))
    return out


def _shape_words(shapes) -> list[str]:
    words = []
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            words += _shape_words(shape.shapes)
        elif shape.has_text_frame:
            words.append(shape.text_frame.text)
    return words


@pytest.fixture(scope="module")
def northmoor(programme):
    return apply_overlay(programme, load_overlay(programme, "northmoor"))


@pytest.fixture(scope="module")
def pack_text(northmoor, brand):
    """Every reviewed artefact of the three courses' Northmoor packs, as text: {(course, artefact): text}."""
    out = {}
    for cid in COURSES:
        plan = plan_course(northmoor, cid)
        for name, (renderer, suffix) in RENDERERS.items():
            out[(cid, name)] = artefact_text(renderer().render(plan, brand), suffix)
    return out


def _all(pack_text) -> str:
    return " ".join(pack_text.values())


def test_the_continuum_says_one_thing_everywhere(pack_text, slides):
    """Finding 1: the CAF is for additional needs, early; a lead professional wherever several services are
    involved (additional or complex needs, a team around the child); statutory or specialist assessment for
    the most complex needs and for protection. The old wordings said the CAF and the lead professional were 'mainly' for one stage,
    and complex needs went only to statutory services."""
    text = _all(pack_text)
    for contradiction in ("designed mainly for the additional needs stage", "work mainly with additional and complex",
                          "complex needs that call for statutory or specialist services",
                          "Statutory and specialist assessments; the CAF can inform them",
                          "help most at the additional needs stage"):
        assert contradiction not in text, contradiction
    complex_zone = "A team around the child with a lead professional; a statutory or specialist assessment"
    assert complex_zone in slides[("caf-trainers", "CAF01: The CAF as part of a continuum")]
    assert complex_zone in slides[("iw-practitioners", "IW01: Continuum of needs and services")]
    for (cid, title), words in slides.items():
        assert "Statutory and specialist assessments" not in words, (cid, title)
    handouts = pack_text[("caf-trainers", "handouts")]                  # the reference sheet and the diagrams
    assert "the most complex needs, and a child in need of protection, call for a statutory or specialist assessment" in handouts
    assert "The CAF is used early, for additional needs; a lead professional co-ordinates wherever several " \
           "services are involved" in handouts
    answers = pack_text[("iw-practitioners", "knowledge-check-answers")]
    assert "The CAF early, for additional needs; a lead professional wherever several services are involved" in answers


def test_kyles_team_around_the_child_has_no_connexions_adviser(slides):
    """Finding 2: Kyle is 11; Connexions serves 13 to 19. His team shows his school's learning mentor."""
    slide = slides[("caf-trainers", "CAF02: The CAF and the lead professional")]
    assert "Connexions personal adviser" not in slide
    assert "Learning mentor" in slide


def test_a_refusal_is_overridden_by_the_public_interest_test(pack_text, programme):
    """Finding 3: the 2006 practitioners' guide's test is the public interest: to prevent significant harm to
    a child or serious harm to an adult, or to prevent or detect serious crime."""
    text = _all(pack_text)
    assert "where a child's safety or serious crime outweighs it" not in text
    assert ("A refusal can be overridden in the public interest: significant harm to a child, serious harm to an "
            "adult, serious crime") in pack_text[("iw-practitioners", "deck")]
    consent = programme.common_messages["consent"]
    assert "serious harm to an adult" in consent.notes
    assert not any("safety or serious crime" in point for m in programme.common_messages.values() for point in m.points)


def test_glossary_cme_and_the_designated_person_read_as_in_2006(pack_text):
    """Finding 4: the CME duty (Education and Inspections Act 2006, s4) took effect in February 2007; in 2006 a
    school's child protection lead is its designated senior member of staff, and 'designated teacher' meant the
    teacher for looked-after children."""
    text = _all(pack_text)
    assert "local authorities must have arrangements to identify them" not in text
    assert "designated teacher for child protection" not in text
    glossary = pack_text[("is-advisors", "glossary")]
    assert "makes it a duty from February 2007" in glossary
    assert "designated senior member of staff" in glossary
    assert "designated senior member of staff" in pack_text[("caf-trainers", "deck")]  # Kyle's evening care


def test_the_caf_element_keeps_communications(pack_text, slides):
    """Finding 5: the element is 'speech, language and communications development'; the matrix dropped it."""
    assert "speech, language and communications" in slides[("caf-trainers", "CAF02: The CAF assessment groups and elements")]
    assert not any("speech, language;" in words for words in slides.values())
    assert "Speech, language and communications development" in pack_text[("caf-trainers", "handouts")]


def test_the_training_plan_shows_appendix_1_as_written_and_says_where_a_course_adds(northmoor, brand):
    """Finding 6: Appendix 1 gives operational managers IW01, IW03; the course adds IW02 and the plan says why."""
    text = artefact_text(render_training_plan(northmoor, brand), ".pdf")
    matrix = text[text.index("The integrated programme"):text.index("The modules")]
    assert "IW01, IW03 (the course adds IW02)" in matrix
    assert "IW01, IW02, IW03" not in matrix
    assert "Integrated working for operational managers: the course adds IW02. Appendix 1 lists IW01 and IW03." in matrix


def test_the_is02_objective_correction_is_explained_wherever_both_wordings_meet(pack_text):
    """Finding 7: the specification quotes the seed's 'information key principles'; the slides and forms read
    'information sharing key principles'. The LA pack now carries the recorded correction beside the quote."""
    for name in ("course-specification", "trainer-guide"):
        text = pack_text[("is-advisors", name)]
        assert "apply the information key principles" in text, name  # the seed's words, quoted
        assert 'the word "sharing" is missing' in text, name
    assert "apply the information sharing key principles" in pack_text[("is-advisors", "deck")]


def test_the_decision_flow_asks_do_you_have_consent(slides, programme):
    """Finding 8: the guide asks 'Do you have consent?'; the chain still leads on by one answer."""
    deck = slides[("is-advisors", "IS02: Applying the decision making process")]
    assert "Are you sharing without consent?" not in deck
    assert "Do you have consent?" in deck
    topic = next(t for t in programme.modules["IS02"].topics if t.title == "Applying the decision making process")
    questions = topic.diagram.questions
    assert [q.question for q in questions][-1] == "Do you have consent?"
    assert all(q.yes == nxt.id for q, nxt in zip(questions, questions[1:]))  # "yes" leads on at every question
    outcomes = {o.id: o.label for o in topic.diagram.outcomes}
    assert outcomes[questions[-1].no] == "Share without consent only in the public interest"


def test_the_catalogue_gives_days_with_hours_and_training_time(northmoor, brand):
    """Finding 9: '2 days (6 h 45 min)' beside '2 half days (6 h 40 min)' read as a contradiction; each row now
    gives the days with their hours and the training time in its own column, and the two IW01-only courses
    (practitioners, advisors) are the same length."""
    text = artefact_text(render_training_plan(northmoor, brand), ".pdf")
    catalogue = text[text.index("Course catalogue"):]
    assert "Days and hours Training time" in catalogue
    assert "a half day is one session with a break and no lunch" in catalogue
    # Day 2's welcome back takes 15 minutes, which puts its break on the quarter hour (10:30).
    assert "Information sharing for practitioners Practitioners 2 half days: 09:00\u201312:50 and " \
           "09:00\u201312:45 7 h 5 min" in catalogue
    assert "2 half days: 09:00\u201312:30 and 09:00\u201312:55 6 h 55 min" in catalogue
    assert "(6 h 55 min)" not in catalogue
    iw = [plan_course(northmoor, cid).planned_minutes for cid in ("iw-practitioners", "iw-advisors")]
    assert iw[0] == iw[1]
