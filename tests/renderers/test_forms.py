"""The course forms: evaluation form, attendance register, action plan and certificate, reopened for every
course and for an LA's pack."""
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
from iwpacks.renderers.action_plan import ACTIONS, ActionPlanRenderer
from iwpacks.renderers.attendance_register import ROWS, AttendanceRegisterRenderer
from iwpacks.renderers.certificate import CertificateRenderer
from iwpacks.renderers.evaluation_form import EvaluationFormRenderer


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
        assert len(grid.rows) == ROWS + 1, cid
        assert "contact list" in header[-1]
        assert plan.timetable.span in _text(doc), cid  # the length is filled in; date and venue are left to write


def test_the_action_plan_has_its_rows_and_points_to_the_practitioner_network(northmoor, brand, programme):
    doc = _doc(ActionPlanRenderer().render(northmoor, brand))
    header = list(programme.guide_text["action_plan.header"])
    grid = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == header)
    assert len(grid.rows) == ACTIONS + 1
    network = slot_text(northmoor, northmoor.slot_for("network"))
    assert network.filled and network.lines[0] in _text(doc)


def test_the_certificate_is_one_page_with_the_course_its_time_and_objectives(plans, brand, northmoor):
    for cid, plan in [*plans.items(), ("northmoor", northmoor)]:
        reader = PdfReader(io.BytesIO(CertificateRenderer().render(plan, brand)))
        assert len(reader.pages) == 1, cid
        text = " ".join(reader.pages[0].extract_text().split())
        assert " ".join(plan.course.title.split()) in text, cid
        assert plan.timetable.span in text, cid
        # Every objective, or the modules' titles where a course's many objectives would not fit the page.
        objectives = all(" ".join(o.split())[:40] in text for o in course_objectives(plan))
        modules = all(f"{m.ref} {m.name}" in text for m in plan.modules)
        assert objectives or (modules and "The course's modules" in text), cid
    assert "Northmoor Borough Council" in text


def test_a_course_with_few_objectives_lists_them_all_on_its_certificate(plans, brand):
    text = " ".join(PdfReader(io.BytesIO(CertificateRenderer().render(plans["caf-practitioners"], brand)))
                    .pages[0].extract_text().split())
    assert all(" ".join(o.split())[:40] in text for o in course_objectives(plans["caf-practitioners"]))
