"""A subject expert's accuracy review of the caf-trainers, is-advisors and iw-practitioners packs against the 2006
guidance: each finding checked in the artefacts a trainer hands out, reopened and read as text."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from yaml import safe_load

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers.course_spec import CourseSpecRenderer
from iwpacks.renderers.deck import DeckRenderer
from iwpacks.renderers.glossary import GlossaryRenderer
from iwpacks.renderers.handouts import HandoutsRenderer, handout_blocks
from iwpacks.renderers.knowledge_check import KnowledgeCheckAnswersRenderer
from iwpacks.renderers.trainer_guide import TrainerGuideRenderer
from iwpacks.renderers.training_plan import render_training_plan
from tests.artefact_text import artefact_text, diagram_figures

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
            title = slide.shapes.title.text.replace("\u00a0", " ") if slide.shapes.title is not None else ""
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
    assert complex_zone in slides[("caf-trainers", "The CAF as part of a continuum")]
    assert complex_zone in slides[("iw-practitioners", "Continuum of needs and services")]
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
    slide = slides[("caf-trainers", "The CAF and the lead professional")]
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
    assert "the Education and Inspections Act 2006 (section 4) is to make this a duty" in glossary
    assert "designated senior member of staff" in glossary
    assert "designated senior member of staff" in pack_text[("caf-trainers", "deck")]  # Kyle's evening care


def test_the_caf_element_keeps_communications(pack_text, slides):
    """Finding 5: the element is 'speech, language and communications development'; the matrix dropped it."""
    assert "speech, language and communications" in slides[("caf-trainers", "The CAF assessment groups and elements")]
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
        # Said to the trainer: no "fifth objective" or "the specification keeps", the editors' record.
        assert "The slides, handouts and forms say what it means: \u201cthe information sharing key principles" in text
        assert "fifth objective" not in text and "the specification keeps" not in text, name
    assert "apply the information sharing key principles" in pack_text[("is-advisors", "deck")]


def test_the_decision_flow_asks_do_you_have_consent(slides, programme):
    """Finding 8: the guide asks 'Do you have consent?'; the chain still leads on by one answer."""
    deck = slides[("is-advisors", "Applying the decision making process")]
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
    # Each course stands under its audience (the catalogue's rows were grouped so, the audience out of its column).
    assert "Information sharing 2 half days: 09:00\u201313:00 and 09:00\u201312:45 7 h 15 min" in catalogue
    # The CAF courses' closes run to one o'clock, where their half days ended at 12:50 and 12:55.
    assert "2 half days: 09:00\u201313:00 and 09:00\u201313:00 7 h 30 min" in catalogue
    assert "(7 h 15 min)" not in catalogue
    iw = [plan_course(northmoor, cid).planned_minutes for cid in ("iw-practitioners", "iw-advisors")]
    assert iw[0] == iw[1]


# The second review (information sharing and the glossary), against Information sharing: Practitioners' guide (2006).

EXCEPTIONS = ("unjustified delay", "serious harm", "serious crime")  # the guide's grounds not to seek consent


def _content_texts(*folders: str, skip: tuple[str, ...] = ("review_note",)) -> list[tuple[str, str]]:
    """Every string in the content files of `folders` (or files), with where it is: what attendees and trainers
    read, the review notes for the policy team apart."""
    from iwpacks.source.read_content import content_root

    root = Path(content_root(None))
    out: list[tuple[str, str]] = []

    def walk(value, where):
        if isinstance(value, str):
            out.append((where, value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in skip:
                    walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for n, item in enumerate(value):
                walk(item, f"{where}[{n}]")

    for name in folders:
        paths = sorted((root / name).glob("*.yaml")) if (root / name).is_dir() else [root / name]
        for path in paths:
            walk(safe_load(path.read_text(encoding="utf-8")), path.name)
    return out


IS_TEXTS = ("material", "knowledge-checks", "printables.yaml", "common-messages.yaml", "glossary.yaml")


def test_not_seeking_consent_gives_the_guides_grounds(pack_text, slides):
    """Second review, 1: the guide says not to seek consent where that would put a child at risk of significant
    harm or an adult at risk of serious harm, prejudice the prevention or detection of a serious crime, or lead
    to unjustified delay in enquiries about significant harm; 'crime' alone and 'delay' alone misstate it."""
    text = _all(pack_text)
    for wrong in ("prejudice the detection of crime or cause delay", "or undermine the prevention or detection of "
                  "serious crime", "at increased risk of harm, or could undermine a police investigation"):
        assert wrong not in text, wrong
    sheet = pack_text[("is-advisors", "handouts")]
    sheet = sheet[sheet.index("Key principles sheet: information sharing"):sheet.index("What goes in the referral?")]
    assert all(ground in sheet for ground in EXCEPTIONS), sheet
    flow = slides[("is-advisors", "Consent and who can give or refuse it")]
    assert "Would seeking consent increase the risk of harm, prejudice a serious crime inquiry or cause " \
           "unjustified delay?" in flow
    deck = pack_text[("is-advisors", "deck")]
    assert "lead to unjustified delay in making enquiries about allegations of significant harm" in deck
    answers = pack_text[("is-advisors", "knowledge-check-answers")]
    assert "put an adult at increased risk of serious harm" in answers
    assert "When the need is pressing and there is no time to explain it to the family" not in answers
    # wherever content names a ground not to seek consent or agreement, it names the guide's, with 'serious'
    for where, value in _content_texts(*IS_TEXTS):
        for sentence in re.split(r"(?<=[.;])\s", value):
            if re.search(r"(not|without) seek(ing)? (their )?(consent|agreement)|seek (their )?agreement, unless",
                         sentence) and "crime" in sentence:
                assert "serious crime" in sentence, (where, sentence)


def test_sharing_without_consent_rests_on_evidence_or_reasonable_cause(pack_text):
    """Second review, 1: the guide's test is evidence, or reasonable cause to believe, that a child is suffering
    or at risk of suffering significant harm; and to prevent significant harm or serious harm, or a serious
    crime."""
    guide = pack_text[("is-advisors", "trainer-guide")]
    assert "Where there is evidence that a child is suffering, or is at risk of suffering, significant harm, " \
           "or reasonable cause to believe that they may be" in guide
    assert "where there is evidence, or reasonable cause to believe, that a child is suffering or is at risk of " \
           "suffering significant harm, or where sharing is needed to prevent significant harm to a child or " \
           "serious harm to an adult, or to prevent or detect a serious crime" in guide
    assert "Where there is concern that a child may be suffering" not in guide


def test_section_47_enquiries_carry_their_threshold(pack_text, slides):
    """Second review, 1: section 47 enquiries are made where there is reasonable cause to suspect that a child
    is suffering, or is likely to suffer, significant harm; every mention says so."""
    mentions = [(w, v) for w, v in _content_texts(*IS_TEXTS) if re.search(r"section 47|s\.? ?47\b", v)]
    assert mentions
    for where, value in mentions:
        assert "reasonable cause to suspect" in value and "significant harm" in value, (where, value)
    guide = pack_text[("is-advisors", "trainer-guide")]
    assert "reasonable cause to suspect that a child in its area is suffering, or is likely to suffer, " \
           "significant harm" in guide
    matrix = slides[("is-advisors", "Exploring the legal basis for sharing information")]
    assert "enquiries where there is reasonable cause to suspect significant harm" in matrix


def test_the_decision_questions_start_as_the_guide_does(slides, pack_text, programme):
    """Second review, 1: the guide's questions begin 'Is there a legitimate purpose...?' and 'Does the
    information enable a living person to be identified?'; IS01's slide left the second out."""
    second = "Does the information enable a living person to be identified?"
    topic = next(t for t in programme.modules["IS01"].topics if t.title == "Information sharing decision making")
    assert topic.points[0].startswith("Is there a clear and legitimate purpose")
    assert topic.points[1] == second
    assert second in slides[("is-advisors", "Information sharing decision making")]
    flow = next(t.diagram for t in programme.modules["IS02"].topics if t.title == "Applying the decision making process")
    assert [q.question for q in flow.questions][:2] == ["Is there a clear and legitimate purpose for sharing?", second]
    questions = next(s for s in programme.printables["is-key-principles"].sections
                     if s.heading == "Decision-making questions").prompts
    assert questions[1] == second
    assert second in pack_text[("is-advisors", "handouts")]
    assert "Does the information identify a living person?" not in _all(pack_text)


HINDSIGHT = re.compile(r"\b(in|by|from|until|since|after) (19|20)\d\d\b|\b(was|were|became|formerly|later|"
                       r"at the time|would become|led the|used to be)\b", re.IGNORECASE)


def test_every_glossary_entry_reads_as_written_in_2006(programme, pack_text):
    """Second review, 2: CME and 'Designated person' spoke of 2006 from later ('in 2006 meant', 'from February
    2007'); every entry is written in the present of England in 2006."""
    for term in programme.glossary:
        assert not HINDSIGHT.search(term.meaning), (term.term, term.meaning)
    glossary = pack_text[("is-advisors", "glossary")]
    assert "who in 2006 meant" not in glossary and "In 2006, guidance" not in glossary
    assert "not the designated teacher, who is the teacher for looked-after children" in glossary


def test_each_figure_in_the_handouts_has_its_lead_in_above_it(northmoor, brand):
    """Second review, 3: the handouts' figures had only a 'Figure: <title>' caption. Each now follows one or two
    sentences saying what it shows and how to use it, kept on its page; a reference sheet's figure follows the
    sheet's intro (the one to keep, where no exercise of the course uses the sheet)."""
    from docx import Document

    lead_ins: dict[str, set[str]] = {}  # by title: two modules' pictures can share one
    for m in northmoor.modules.values():
        for t in m.topics:
            if t.diagram is not None:
                lead_ins.setdefault(t.diagram.title, set()).add(t.diagram.lead_in)
    intros = {p.figure.title: p.intro for p in northmoor.printables.values() if p.figure is not None}
    kept = {p.figure.title: p.keep_intro for p in northmoor.printables.values() if p.figure is not None}
    for cid in COURSES:
        plan = plan_course(northmoor, cid)
        paragraphs = Document(io.BytesIO(HandoutsRenderer().render(plan, brand))).paragraphs
        figures = diagram_figures(paragraphs)
        for k, title in figures:
            above = paragraphs[k - 1]
            assert above.text in lead_ins[title] | {intros.get(title), kept.get(title)}, (cid, title, above.text)
            assert 40 <= len(above.text) <= 300 and above.text.count(". ") <= 2, (cid, title)
            if above.text in lead_ins[title]:
                assert above.paragraph_format.keep_with_next, (cid, title)
        assert len(figures) >= 2, cid
        # every module diagram the course draws in its handouts has its lead-in in the blocks
        drawn = [b for b in handout_blocks(plan, brand) if type(b).__name__ == "Figure"]
        assert len(drawn) == len(figures), cid


def test_a_draft_build_keeps_the_editors_record_of_the_is02_slip(programme, brand):
    """The editors' note ("The strategy's fifth objective reads ...") stays in draft builds, for the policy team."""
    plan = plan_course(programme, "is-advisors")
    assert not plan.release
    text = artefact_text(CourseSpecRenderer().render(plan, brand), ".pdf")
    assert "fifth objective" in re.sub(r"\s+", " ", text)
