"""handouts.docx and trainer-guide.docx: reopened with python-docx for every course; LibreOffice opens them."""
from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from iwpacks._text import artefact_text
from iwpacks.check import check_document
from iwpacks.office import to_pdf
from iwpacks.plan import plan_course
from iwpacks.render.handouts import HandoutsRenderer
from iwpacks.render.trainer_guide import TrainerGuideRenderer


@pytest.fixture(scope="session")
def guides(plans, brand):
    return {cid: TrainerGuideRenderer().render(plan, brand) for cid, plan in plans.items()}


@pytest.fixture(scope="session")
def handouts(plans, brand):
    return {cid: HandoutsRenderer().render(plan, brand) for cid, plan in plans.items()}


def open_doc(data: bytes):
    return Document(io.BytesIO(data))


def test_every_objective_is_in_the_guide(guides, plans):
    for cid, data in guides.items():
        text = artefact_text(data, ".docx")
        for module in plans[cid].modules:
            for objective in module.objectives:
                assert " ".join(objective.split()) in text, (cid, module.ref, objective)


def test_documents_pass_the_accessibility_checks(guides, handouts, tmp_path):
    for kind, docs in (("guide", guides), ("handouts", handouts)):
        for cid, data in docs.items():
            path = tmp_path / f"{cid}-{kind}.docx"
            path.write_bytes(data)
            assert check_document(path, path.name) == [], (cid, kind)


def test_train_the_trainer_guides_have_the_follow_up_plan_and_call_log(guides):
    for cid, data in guides.items():
        doc = open_doc(data)
        headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
        has_log = any(t.rows[0].cells[0].text == "Attendee" for t in doc.tables)
        trainer = cid in ("iw-trainers", "is-trainers", "caf-trainers")
        assert ("Follow-up plan" in headings) == trainer == has_log, cid


def test_handouts_hold_each_exercise_and_no_facilitation_answers(handouts, plans):
    for cid, data in handouts.items():
        text = artefact_text(data, ".docx")
        for item in plans[cid].exercises:
            if item.exercise is None:
                assert item.title in text
                continue
            for question in item.exercise.questions:
                assert " ".join(question.split()) in text, (cid, question)
            for answer in item.exercise.facilitation:
                assert " ".join(answer.split()) not in text, (cid, answer)
        assert "Contact list" in text and "Key sources of information" in text


def test_contact_sheet_has_a_header_row_and_room_for_twelve(handouts):
    doc = open_doc(handouts["caf-practitioners"])
    sheet = next(t for t in doc.tables if t.rows[0].cells[0].text == "Name")
    assert [c.text for c in sheet.rows[0].cells] == ["Name", "Role", "Organisation", "Phone", "Email"]
    assert len(sheet.rows) == 13
    assert sheet.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_core_properties_and_no_junk(guides, handouts):
    for data in [*guides.values(), *handouts.values()]:
        doc = open_doc(data)
        assert doc.core_properties.title and doc.core_properties.language == "en-GB"
        text = artefact_text(data, ".docx")
        for bad in ("None", "{{", "TODO", "lorem"):
            assert bad not in text


def test_pending_course_says_draft(programme, brand):
    for renderer in (HandoutsRenderer(), TrainerGuideRenderer()):
        doc = open_doc(renderer.render(plan_course(programme, "isi-practitioners"), brand))
        assert "DRAFT" in doc.sections[0].header.paragraphs[0].text


def test_two_renders_are_byte_identical(plans, brand, guides, handouts):
    assert TrainerGuideRenderer().render(plans["lp-practitioners"], brand) == guides["lp-practitioners"]
    assert HandoutsRenderer().render(plans["lp-practitioners"], brand) == handouts["lp-practitioners"]


def test_libreoffice_opens_both_documents_of_two_courses(guides, handouts, tmp_path):
    paths = []
    for cid in ("iw-practitioners", "caf-trainers"):
        for kind, docs in (("guide", guides), ("handouts", handouts)):
            paths.append(tmp_path / f"{cid}-{kind}.docx")
            paths[-1].write_bytes(docs[cid])
    converted = to_pdf(paths, tmp_path / "pdf")
    assert len(converted) == 4
    for pdf in converted.values():
        assert len(PdfReader(str(pdf)).pages) >= 2
