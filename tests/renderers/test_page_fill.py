"""The trainer's review of page fill in the Northmoor packs of three courses: no page but the last mostly empty,
no last page holding a stub, and page furniture that fits. The PDFs are measured with pypdf; the Word files
through LibreOffice's PDF of them."""
from __future__ import annotations

import pytest
from page_fill import body_depths

import iwpacks
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers.course_spec import CourseSpecRenderer

COURSES = ("caf-trainers", "is-advisors", "iw-practitioners")
FULL = 0.6    # a page before the last holds text at least this far down its body
STUB = 0.25   # a last page holds more than a tail


@pytest.fixture(scope="module")
def northmoor_plans():
    master = iwpacks.load_programme()
    local = apply_overlay(master, load_overlay(master, "northmoor"))
    return {cid: plan_course(local, cid, release=True) for cid in COURSES}


def _mostly_empty(depths: list[float]) -> dict[int, float]:
    """Pages (numbered from 1) that fall short: any but the last under FULL, the last under STUB."""
    return {n: round(d, 2) for n, d in enumerate(depths, 1) if d < (STUB if n == len(depths) else FULL)}


@pytest.mark.parametrize("cid", COURSES)
def test_the_course_specification_has_no_stub_page_and_no_half_empty_one(cid, northmoor_plans, brand):
    """The review: caf-trainers' last page held one table row and the contacts (it is set a touch smaller now,
    and the tail joins the page before); is-advisors' page 1 was half empty, its course structure kept whole
    with its heading (a heading now needs room for only its first rows)."""
    depths = body_depths(CourseSpecRenderer().render(northmoor_plans[cid], brand))
    assert not _mostly_empty(depths), depths


@pytest.mark.parametrize("cid", COURSES)
def test_the_answer_sheets_footer_gives_the_course_title_whole(cid, northmoor_plans, brand):
    """The review: "The Common Assessment Framework… ·" and "Integrated working for… ·" in the answers' footer."""
    import io

    from docx import Document

    from iwpacks.renderers.knowledge_check import KnowledgeCheckAnswersRenderer

    plan = northmoor_plans[cid]
    footer = Document(io.BytesIO(KnowledgeCheckAnswersRenderer().render(plan, brand))).sections[0].footer
    label = footer.paragraphs[0].text
    assert plan.course.title in label and "\u2026" not in label, label


def _register(plan, brand) -> bytes:
    from iwpacks.renderers.attendance_register import AttendanceRegisterRenderer

    return AttendanceRegisterRenderer().render(plan, brand)


@pytest.mark.parametrize("cid", COURSES)
def test_the_register_fills_its_pages_and_has_room_to_sign(cid, northmoor_plans, brand):
    """The review: 22 rows left page 2 two-thirds empty, and the signature column was narrow."""
    import io

    from docx import Document

    plan = northmoor_plans[cid]
    grid = Document(io.BytesIO(_register(plan, brand))).tables[0]
    header = [cell.text for cell in grid.rows[0].cells]
    signature = grid.columns[header.index("Signature")].cells[1].width
    assert len(grid.rows) - 1 >= plan.group_size + 2 + 8  # the page's worth of rows beyond the group
    assert signature.cm >= 3.4 and signature == max(c.cells[1].width for c in grid.columns)


@pytest.mark.office
@pytest.mark.parametrize("cid", ["caf-trainers", "is-advisors"])
def test_the_registers_last_page_is_full_as_laid_out(cid, northmoor_plans, brand, tmp_path, monkeypatch):
    """Two pages, the second full of rows: one row more runs onto a third (the consent note, once the last
    line of page 2, is on page 1 now, so no text marks the page's foot)."""
    from pypdf import PdfReader

    from iwpacks.pack.office import to_pdf
    from iwpacks.renderers import attendance_register

    source, more = tmp_path / "attendance-register.docx", tmp_path / "one-more" / "attendance-register.docx"
    source.write_bytes(_register(northmoor_plans[cid], brand))
    rows = attendance_register.register_rows
    monkeypatch.setattr(attendance_register, "register_rows", lambda people: rows(people) + 1)
    more.parent.mkdir()
    more.write_bytes(_register(northmoor_plans[cid], brand))
    pdfs = {**to_pdf([source], tmp_path / "pdf"), **to_pdf([more], tmp_path / "one-more" / "pdf")}
    assert [len(PdfReader(pdfs[path]).pages) for path in (source, more)] == [2, 3]


def _action_plan(plan, brand) -> bytes:
    from iwpacks.renderers.action_plan import ActionPlanRenderer

    return ActionPlanRenderer().render(plan, brand)


def test_the_action_plans_review_has_a_row_for_each_action(northmoor_plans, brand, programme):
    """The review: page 2 of the action plan held three writing lines and a contact, two-thirds empty. A course
    that is not train-the-trainer gives that page to the two-week review, a row for each action."""
    import io

    from docx import Document

    from iwpacks.renderers.action_plan import ACTIONS

    header = list(programme.guide_text["action_plan.review_header"])
    for cid, plan in northmoor_plans.items():
        tables = Document(io.BytesIO(_action_plan(plan, brand))).tables
        review = [t for t in tables if [c.text for c in t.rows[0].cells] == header]
        assert len(review) == (0 if plan.is_train_the_trainer else 1), cid
        assert all(len(t.rows) == ACTIONS + 1 for t in review), cid


@pytest.mark.office
@pytest.mark.parametrize("cid", COURSES)
def test_no_page_of_the_action_plan_is_mostly_empty_as_laid_out(cid, northmoor_plans, brand, tmp_path):
    from iwpacks.pack.office import to_pdf

    source = tmp_path / "action-plan.docx"
    source.write_bytes(_action_plan(northmoor_plans[cid], brand))
    depths = body_depths(to_pdf([source], tmp_path / "pdf")[source].read_bytes())
    assert depths[-1] > 0.6, depths


@pytest.mark.parametrize("la", [None, "northmoor"])
def test_the_training_plan_runs_on_with_no_page_part_empty(la, brand):
    """The review: pages of the training plan were part empty, a table kept with the paragraph before it
    moving to the next page whole. The module key and the catalogue now run on over the page, their headers
    repeated, so every page but the last is filled at least this far, and the last is no stub."""
    from iwpacks.renderers.training_plan import render_training_plan

    programme = iwpacks.load_programme()
    if la:
        programme = apply_overlay(programme, load_overlay(programme, la))
    depths = body_depths(render_training_plan(programme, brand))
    assert len(depths) >= 4 and all(d >= 0.72 for d in depths[:-1]) and depths[-1] > STUB, depths


def _sheets_to_measure(programme, brand, tmp_path):
    """The knowledge check, its answers and the evaluation form of every course that is not pending, in
    Northmoor's pack, as Word files."""
    from iwpacks.renderers.evaluation_form import EvaluationFormRenderer
    from iwpacks.renderers.knowledge_check import KnowledgeCheckAnswersRenderer, KnowledgeCheckRenderer

    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    sources = []
    for cid, course in local.courses.items():
        if course.is_pending:
            continue
        plan = plan_course(local, cid, release=True)
        for renderer in (KnowledgeCheckRenderer(), KnowledgeCheckAnswersRenderer(), EvaluationFormRenderer()):
            if renderer.name.startswith("knowledge") and not any(m.knowledge_check for m in plan.modules):
                continue
            source = tmp_path / f"{cid}--{renderer.filename}"
            source.write_bytes(renderer.render(plan, brand))
            sources.append(source)
    return sources


@pytest.mark.office
def test_no_knowledge_check_answer_sheet_or_evaluation_ends_on_a_stub(programme, brand, tmp_path):
    """The review: the knowledge check, its answers and the evaluation questionnaire ended on a page holding a
    line or two (caf-trainers' questions, iw-practitioners' answers). The sheets' spacing is now chosen so their
    last page holds more than a tail, in every course, as LibreOffice lays them out."""
    from iwpacks.pack.office import to_pdf

    import re

    from pypdf import PdfReader

    sources = _sheets_to_measure(programme, brand, tmp_path)
    pdfs = to_pdf(sources, tmp_path / "pdf")
    short, alone = {}, {}
    for source in sources:
        depths = body_depths(pdfs[source].read_bytes())
        if len(depths) > 1 and depths[-1] <= STUB:
            short[source.name] = round(depths[-1], 2)
        # The second review: a last question alone on the last page (the answers' Q26, Q22).
        pages = PdfReader(pdfs[source]).pages
        if "knowledge" in source.name and len(pages) > 1:
            if len(re.findall(r"(?m)^\s*\d+\. ", pages[-1].extract_text())) < 2:
                alone[source.name] = len(pages)
    assert len(sources) > 30 and not short and not alone, (short, alone)


def test_the_question_spacing_gives_way_where_the_set_spacing_would_leave_a_stub(programme):
    """The estimate behind that: caf-trainers' questions, set as before, would leave their last page a quarter
    full; the sheet takes other spacing. A course whose sheet ends well keeps the spacing as set."""
    from iwpacks.renderers import knowledge_check as kc

    last_fill = kc._estimated_pages
    caf = plan_course(programme, "caf-trainers")
    pages, fill = last_fill(caf, False, kc.SPACINGS[0])
    assert pages > 1 and fill < kc.LAST_PAGE_AIM[0]
    chosen = kc._spacing(caf, answers=False)
    assert chosen != kc.SPACINGS[0]
    assert kc.LAST_PAGE_AIM[0] <= last_fill(caf, False, chosen)[1] <= kc.LAST_PAGE_AIM[1]
    assert kc._spacing(plan_course(programme, "is-advisors"), answers=True) == kc.SPACINGS[0]
