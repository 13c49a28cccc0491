"""The course forms: evaluation form, attendance register, action plan, certificate, pre-course questionnaire
and cascade plan, reopened for every course and for an LA's pack."""
from __future__ import annotations

import io

import pytest
from docx import Document
from pypdf import PdfReader

import iwpacks
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._forms import course_objectives
from iwpacks.renderers._slots import slot_text
from iwpacks.renderers._words import cascade_target
from iwpacks.renderers.action_plan import ACTIONS, ActionPlanRenderer
from iwpacks.renderers.attendance_register import SPARE_ROWS, AttendanceRegisterRenderer, register_rows
from iwpacks.renderers.cascade_plan import SESSIONS, CascadePlanRenderer
from iwpacks.renderers.certificate import CertificateRenderer
from iwpacks.renderers.evaluation_form import EvaluationFormRenderer
from iwpacks.renderers.questionnaire import QuestionnaireRenderer


@pytest.fixture(scope="module")
def northmoor():
    master = iwpacks.load_programme()
    return plan_course(apply_overlay(master, load_overlay(master, "northmoor")), "caf-trainers", release=True)


def _doc(data: bytes):
    return Document(io.BytesIO(data))


def _text(doc) -> str:
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_evaluation_form_rates_every_objective_of_the_course_before_and_after(plans, brand, programme):
    words = programme.guide_text
    for cid, plan in plans.items():
        doc = _doc(EvaluationFormRenderer().render(plan, brand))
        confidence = next(t for t in doc.tables if t.rows[0].cells[0].text == words["evaluation.confidence_header"][0])
        assert [r.cells[0].text for r in confidence.rows[1:]] == course_objectives(plan), cid
        assert course_objectives(plan), cid
        ratings = next(t for t in doc.tables if t.rows[0].cells[0].text == words["evaluation.ratings_header"][0])
        assert [r.cells[0].text for r in ratings.rows[1:]] == list(words["evaluation.ratings"]), cid
        text = _text(doc)
        assert all(q in text for q in words["evaluation.questions"]), cid
        assert all(a in text.replace("\u00a0", " ") for a in words["register.agency_types"]), cid


def test_the_evaluation_form_of_an_la_pack_names_the_la_and_its_training_contact(northmoor, brand):
    text = _text(_doc(EvaluationFormRenderer().render(northmoor, brand)))
    contact = slot_text(northmoor, northmoor.slot_for("booking"))
    assert contact.filled and contact.lines[0] in text
    assert "Northmoor Borough Council keeps these forms" in text


def test_the_register_has_a_consent_column_and_room_for_a_full_course(plans, brand, programme):
    header = list(programme.guide_text["register.header"])
    for cid, plan in plans.items():
        doc = _doc(AttendanceRegisterRenderer().render(plan, brand))
        grid = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == header)
        rows = register_rows(plan.group_size + SPARE_ROWS)  # each attendee, the spares, and enough to fill the page
        assert len(grid.rows) == rows + 1 and rows > plan.group_size + SPARE_ROWS, cid
        assert "contact list" in header[-1]
        assert plan.timetable.span in _text(doc), cid  # the length is filled in; date and venue are left to write
        days = plan.timetable.days
        assert (f"Day ____ of {days}" in _text(doc)) == (days > 1), cid


def test_the_registers_consent_note_is_under_its_instructions_and_each_day_has_its_date(plans, brand, programme):
    """The review: the consent note ran onto a page of its own after the table, "Agency type" was too narrow to
    write "Voluntary or community sector" in, and a two-day course's register had one "Date(s)" for both days.
    The note is under the instructions, before the table; a copy for one of several days asks which day and
    its date; agency type is as wide as the name columns, near enough."""
    from iwpacks.renderers.attendance_register import WIDTHS

    words = programme.guide_text
    header = list(words["register.header"])
    assert WIDTHS[header.index("Agency type")] >= 2.8 and abs(sum(WIDTHS) - 17.0) < 0.01
    for cid, plan in plans.items():
        doc = _doc(AttendanceRegisterRenderer().render(plan, brand))
        body = [child for child in doc.element.body.iterchildren() if child.tag.endswith(("}p", "}tbl"))]
        texts = ["".join(t.text or "" for t in child.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
                 for child in body]
        table = next(i for i, child in enumerate(body) if child.tag.endswith("}tbl"))
        note = texts.index(words["register.consent_note"][0])
        assert texts.index(words["register.intro"][0]) < note < table and not any(texts[table + 1:]), cid
        days = plan.timetable.days
        dated = f"Day ____ of {days}, date: " if days > 1 else "Date: "
        assert any(t.startswith(dated) and t.endswith("____") for t in texts), cid
        assert not any("Date(s)" in t for t in texts), cid


def test_the_register_has_a_row_for_each_attendee_the_course_expects(plans, brand, programme):
    import attrs

    header = list(programme.guide_text["register.header"])
    doc = _doc(AttendanceRegisterRenderer().render(attrs.evolve(plans["iw-practitioners"], group_size=31), brand))
    grid = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == header)
    assert len(grid.rows) == register_rows(31 + SPARE_ROWS) + 1 >= 31 + SPARE_ROWS + 1


def test_the_questionnaire_asks_confidence_in_each_objective_and_about_the_courses_it_builds_on(plans, brand,
                                                                                                 programme):
    words = programme.guide_text
    for cid, plan in plans.items():
        doc = _doc(QuestionnaireRenderer().render(plan, brand))
        confidence = next(t for t in doc.tables
                          if t.rows[0].cells[0].text == words["questionnaire.confidence_header"][0])
        assert [r.cells[0].text for r in confidence.rows[1:]] == course_objectives(plan), cid
        text = _text(doc)
        assert all(q in text for q in words["questionnaire.questions"]), cid
        assert all(q in text for q in words["questionnaire.trainer_questions"]) == plan.is_train_the_trainer, cid
        assert all(m.name in text for m in plan.entry_modules + plan.prerequisite_modules), cid
        assert (words["questionnaire.entry_heading"][0] in text) == bool(plan.entry_modules
                                                                         + plan.prerequisite_modules), cid
    assert any(plan.entry_modules for plan in plans.values())  # the entry question is tested somewhere


def test_the_questionnaire_asks_each_audience_its_own_questions_and_about_the_modules_it_builds_on(plans, brand,
                                                                                                   programme):
    """The review: is-advisors' questionnaire asked nothing about the advisory role or IS01 and IS02, the modules
    IS03 is delivered after. Each audience's questions come from content, asked first; every module a course's
    modules are delivered after is there to tick, apart from those the course itself teaches."""
    words = programme.guide_text
    assert all(a.questionnaire for a in programme.audiences.values())  # written for every audience
    for cid, plan in plans.items():
        doc = _doc(QuestionnaireRenderer().render(plan, brand))
        asked = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
        own = [q.replace("{process}", plan.process.in_titles) for q in plan.audience.questionnaire]
        assert asked[:len(own)] == own and asked[len(own)] == words["questionnaire.questions"][0], cid
        # The review: "this course's process or tool" is the pack's jargon; the question names it ("the CAF").
        assert not any("{" in q or "process or tool" in q for q in asked), cid
    trainers = [p.text for p in _doc(QuestionnaireRenderer().render(plans["caf-trainers"], brand)).paragraphs]
    assert "How well do you know the CAF already, from your own practice or from training others?" in trainers
    doc = _doc(QuestionnaireRenderer().render(plans["is-advisors"], brand))
    texts = [p.text for p in doc.paragraphs]
    assert any("advisory role" in t for t in texts)
    # Each lead-in and its boxes are one paragraph that cannot split, a line each; two, so the first can end a
    # page the second would not fit on (caf-trainers' first page), the heading kept with the first.
    heading = texts.index(words["questionnaire.entry_heading"][0])
    entry, within = doc.paragraphs[heading + 1], doc.paragraphs[heading + 2]
    assert entry.paragraph_format.keep_together and within.paragraph_format.keep_together
    assert doc.paragraphs[heading].paragraph_format.keep_with_next
    assert [line.strip() for line in entry.text.split("\n")] == [words["questionnaire.entry_lead"][0],
                                                                  "\u25a1  IW01 Introduction to Integrated Working"]
    assert [line.strip() for line in within.text.split("\n")] == [words["questionnaire.within_lead"][0],
                                                                   "\u25a1  IS01 Introduction to Information Sharing",
                                                                   "\u25a1  IS02 Information Sharing in Practice"]
    # The review: caf-trainers asked about CAF01 only, not CAF02, which attendees may have done elsewhere.
    doc = _doc(QuestionnaireRenderer().render(plans["caf-trainers"], brand))
    text = "\n".join(p.text for p in doc.paragraphs)
    within = text.split(words["questionnaire.within_lead"][0])[1]
    assert "CAF01 Introduction to CAF" in within and "CAF02 Using the CAF in Practice" in within
    assert "CAF03" not in within


@pytest.mark.office
def test_the_courses_done_heading_shares_a_page_with_its_boxes_in_libreoffice(programme, brand, tmp_path):
    """The review: in is-advisors' questionnaire (Northmoor's) LibreOffice left "Courses you have done" and its
    lead-in at the foot of page 1 and the boxes overleaf, a chain of keep-with-next paragraphs notwithstanding.
    The heading stays with the first list's boxes, and each list is whole on one page (the second list may
    start the next page)."""
    import subprocess

    from iwpacks.pack.office import to_pdf

    words = programme.guide_text
    la = apply_overlay(programme, load_overlay(programme, "northmoor"))
    for name, source in (("master", programme), ("northmoor", la)):
        path = tmp_path / name / "pre-course-questionnaire.docx"
        path.parent.mkdir()
        path.write_bytes(QuestionnaireRenderer().render(plan_course(source, "is-advisors", release=True), brand))
        pages = subprocess.run(["pdftotext", "-layout", str(to_pdf([path], tmp_path / name)[path]), "-"],
                               capture_output=True, text=True, check=True).stdout.split("\f")
        page_of = {text: [i for i, page in enumerate(pages) if text in " ".join(page.split())]
                   for text in (words["questionnaire.entry_heading"][0], "\u25a1 IW01", "\u25a1 IS01", "\u25a1 IS02",
                                words["questionnaire.within_lead"][0][:40])}
        assert all(len(where) == 1 for where in page_of.values()), (name, page_of)
        first, second = list(page_of.values())[:2], list(page_of.values())[2:]
        assert len({tuple(w) for w in first}) == 1 and len({tuple(w) for w in second}) == 1, (name, page_of)


def test_the_questionnaire_of_an_la_pack_says_where_to_return_it(northmoor, brand):
    contact = slot_text(northmoor, northmoor.slot_for("booking"))
    assert contact.filled and contact.lines[0] in _text(_doc(QuestionnaireRenderer().render(northmoor, brand)))


def test_the_cascade_plan_plans_the_courses_an_attendee_will_deliver_and_the_follow_up_call(northmoor, brand,
                                                                                             programme):
    words = programme.guide_text
    doc = _doc(CascadePlanRenderer().render(northmoor, brand))
    sessions = next(t for t in doc.tables
                    if [c.text for c in t.rows[0].cells] == list(words["cascade_plan.sessions_header"]))
    assert len(sessions.rows) == SESSIONS + 1
    text = _text(doc)
    assert all(step in text for step in words["cascade_plan.preparation"])
    assert words["cascade_plan.follow_up"][0] in text
    assert slot_text(northmoor, northmoor.slot_for("booking")).lines[0] in text


def test_only_a_train_the_trainer_course_has_a_cascade_plan(programme, brand):
    from iwpacks.errors import UsageError
    from iwpacks.pack.build import render_course

    ready = [c for c in programme.courses.values() if not c.is_pending]
    for course in ready:
        files = render_course(programme, brand, course.id, ["cascade-plan", "action-plan"])
        cascades = programme.audiences[course.audience].cascades
        assert ("cascade-plan.docx" in files) == cascades, course.id
        assert "action-plan.docx" in files, course.id
    assert {programme.audiences[c.audience].cascades for c in ready} == {True, False}
    other = next(c.id for c in ready if not programme.audiences[c.audience].cascades)
    with pytest.raises(UsageError, match="not a train-the-trainer course"):
        iwpacks.render(programme, brand, other, "cascade-plan")


def test_the_action_plan_has_its_rows_and_points_to_the_practitioner_network(northmoor, brand, programme):
    doc = _doc(ActionPlanRenderer().render(northmoor, brand))
    header = list(programme.guide_text["action_plan.header"])
    grid = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == header)
    assert len(grid.rows) == ACTIONS + 1
    network = slot_text(northmoor, northmoor.slot_for("network"))
    assert network.filled and network.lines[0] in _text(doc)
    # The second review: the plan asked for "up to four things" where the close's slide asks for at least one;
    # it asks for both, as many as its rows.
    assert "at least one thing" in " ".join(programme.guide_text["close.points"])
    assert "note at least one, and up to four, things you will do differently" in _text(doc)
    # The review: "Keep in touch" was followed at once by the slot's label, "Keeping in touch after the course".
    texts = [p.text for p in doc.paragraphs]
    heading = texts.index(programme.guide_text["action_plan.network_heading"][0])
    assert network.heading not in texts and texts[heading + 2] == network.lines[0]


def test_the_certificate_is_one_page_with_the_course_its_time_and_objectives(plans, brand, northmoor):
    from iwpacks.renderers.certificate import course_length

    for cid, plan in [*plans.items(), ("northmoor", northmoor)]:
        reader = PdfReader(io.BytesIO(CertificateRenderer().render(plan, brand)))
        assert len(reader.pages) == 1, cid
        text = " ".join(reader.pages[0].extract_text().split())
        assert " ".join(plan.course.title.split()) in text, cid
        assert course_length(plan) in text, cid  # "a two-day course (12 hours 30 minutes of training)"
        # The modules covered always; the objectives only where there are few (test_certificates.py).
        assert "Modules covered" in text and all(m.name in text for m in plan.modules), cid
    assert "Northmoor Borough Council" in text


def test_a_course_with_few_objectives_lists_them_all_on_its_certificate(plans, brand):
    text = " ".join(PdfReader(io.BytesIO(CertificateRenderer().render(plans["iw-practitioners"], brand)))
                    .pages[0].extract_text().split())
    assert all(" ".join(o.split())[:40] in text for o in course_objectives(plans["iw-practitioners"]))


def test_what_an_attendee_reads_puts_each_objective_to_them_not_about_them(northmoor, brand):
    """The review: the forms and certificate read "within their own context", "questions ... that they have",
    objectives about attendees rather than to the attendee reading them; the specification keeps the seed's."""
    import re

    from artefact_text import artefact_text

    from iwpacks.renderers.course_spec import CourseSpecRenderer

    third_person = re.compile(r"\b(their|them|themselves|that they)\b", re.I)  # "as they apply": the issues
    forms = {"evaluation": EvaluationFormRenderer().render(northmoor, brand),
             "questionnaire": QuestionnaireRenderer().render(northmoor, brand)}
    for name, data in forms.items():
        doc = _doc(data)
        listed = [r.cells[0].text for t in doc.tables for r in t.rows[1:]
                  if r.cells[0].text in course_objectives(northmoor)]
        assert len(listed) == len(northmoor.objectives), name
        assert not [o for o in listed if third_person.search(o)], name
        assert "Apply CAF specific knowledge to undertake an effective common assessment within your own context" \
            in listed, name
    # caf-trainers' certificate lists no objectives (too many for it): its modules say what was covered.
    certificate = artefact_text(CertificateRenderer().render(northmoor, brand), ".pdf")
    assert "Using the CAF in Practice" in certificate and not third_person.search(certificate)
    spec = artefact_text(CourseSpecRenderer().render(northmoor, brand), ".pdf")
    assert "within their own context.." in spec  # the seed's words, verbatim


def test_objectives_for_attendees_give_one_for_each_of_the_seeds(tmp_path):
    from content_copy import broken_content

    message = broken_content(tmp_path, "modules/CAF03.yaml", '  - "Be aware of sources of further information"\n', "")
    assert "objectives.for_attendees: 4 objectives for attendees for 5 objectives" in message, message


def test_a_train_the_trainer_course_asks_how_ready_attendees_are_to_deliver_it(plans, brand, programme):
    """The review: the trainers' action plan and evaluation were the practitioners', with nothing on cascading."""
    words = programme.guide_text
    for cid, plan in plans.items():
        evaluation = _text(_doc(EvaluationFormRenderer().render(plan, brand)))
        action = _text(_doc(ActionPlanRenderer().render(plan, brand)))
        asks = [words["evaluation.cascade_heading"][0],
                *words["evaluation.cascade_ratings"],
                *words["evaluation.cascade_questions"]]
        plans_for = [words["action_plan.cascade_heading"][0], *words["action_plan.cascade_prompts"]]
        if plan.is_train_the_trainer:
            assert all(a in evaluation for a in asks) and all(p in action for p in plans_for), cid
        else:
            assert not any(a in evaluation for a in asks) and not any(p in action for p in plans_for), cid
    assert any(p.is_train_the_trainer for p in plans.values())
    assert cascade_target(plans["caf-trainers"]) == "CAF01 Introduction to CAF and CAF02 Using the CAF in Practice"


def _forms(plan, brand):
    return {"questionnaire": QuestionnaireRenderer().render(plan, brand),
            "evaluation": EvaluationFormRenderer().render(plan, brand)}


@pytest.mark.parametrize("la", [None, "northmoor"])
def test_the_questionnaire_and_evaluation_form_fit_two_pages_by_the_estimate(la, programme, brand):
    """The review: each ended with a near-empty third page. Their room to write is now sized so each fits two
    pages by the layout estimate, in every course but one: is-trainers, with 17 objectives, needs three, and
    fills its third page more than halfway with room to write. No form's last page is under a third full, and
    every question keeps two lines at least."""
    from iwpacks.renderers._form_fit import form_estimate

    if la:
        programme = apply_overlay(programme, load_overlay(programme, la))
    for course in (c for c in programme.courses.values() if not c.is_pending):
        plan = plan_course(programme, course.id, release=la is not None)
        for name, data in _forms(plan, brand).items():
            doc = _doc(data)
            pages, last = form_estimate(doc)
            assert pages == (3 if course.id == "is-trainers" else 2), (course.id, name, pages)
            assert last > (0.5 if pages == 3 else 0.33), (course.id, name, round(last, 2))
            lines = [p for p in doc.paragraphs if p.style.name == "Writing Line"]
            questions = [p for p in doc.paragraphs if p.style.name == "Heading 2"]
            assert len(lines) >= 2 * len(questions), (course.id, name)


def test_a_form_question_is_a_second_level_heading_set_compact(northmoor, brand):
    """The questions stay Heading 2 under the sections (the accessibility check refuses a skipped level), set
    smaller and closer than a guide's, which is what lets caf-trainers' forms fit two pages."""
    from iwpacks.renderers._forms import QUESTION_SIZE

    for name, data in _forms(northmoor, brand).items():
        questions = [p for p in _doc(data).paragraphs if p.style.name == "Heading 2"]
        assert questions, name
        assert all(r.font.size == QUESTION_SIZE for q in questions for r in q.runs), name


@pytest.mark.office
@pytest.mark.parametrize("cid", ["caf-trainers", "iw-practitioners"])
def test_the_questionnaire_and_evaluation_form_are_two_pages_as_libreoffice_lays_them_out(cid, brand, tmp_path):
    """The same, as LibreOffice draws them, in Northmoor's pack: two pages, the second more than a third full."""
    from page_fill import body_depths

    from iwpacks.pack.office import to_pdf

    master = iwpacks.load_programme()
    plan = plan_course(apply_overlay(master, load_overlay(master, "northmoor")), cid, release=True)
    sources = []
    for name, data in _forms(plan, brand).items():
        sources.append(tmp_path / f"{name}.docx")
        sources[-1].write_bytes(data)
    pdfs = to_pdf(sources, tmp_path / "pdf")
    for source in sources:
        depths = body_depths(pdfs[source].read_bytes())
        assert len(depths) == 2 and depths[1] > 0.33, (cid, source.name, depths)
