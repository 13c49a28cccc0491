"""handouts.docx and its Word template: reopened with python-docx for every course; LibreOffice converts one."""
from __future__ import annotations

import importlib.util
import io
import zipfile

import attrs
import pytest
from artefact_text import artefact_text
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from paths import REPO
from pypdf import PdfReader

from iwpacks.model import Exercise, FrozenMap, Material
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._slots import slot_text
from iwpacks.renderers.handouts import CONTACT_HEADER, CONTACT_ROWS, HandoutsRenderer


@pytest.fixture(scope="session")
def planted(programme, brand):
    """Handouts of iw-practitioners with one exercise whose every part is marked."""
    iw01 = programme.modules["IW01"]
    exercise = Exercise(id="planted", title="Planted exercise", kind="scenario", topic=1, minutes=10, group_size="3",
                        scenario="Planted scenario text.", instructions=("Planted instruction.",),
                        questions=("Planted question one?", "Planted question two?"),
                        facilitation=("Planted answer that only the trainer sees.",))
    material = Material(status="draft-core-material", review_note="Planted review note.", topics=iw01.topics,
                        exercises=(exercise,))
    modules = FrozenMap({**programme.modules, "IW01": attrs.evolve(iw01, material=material)})
    plan = plan_course(attrs.evolve(programme, modules=modules), "iw-practitioners")
    return Document(io.BytesIO(HandoutsRenderer().render(plan, brand)))


def open_doc(data: bytes):
    return Document(io.BytesIO(data))


def test_each_exercise_has_its_questions_and_no_facilitation_answers(handouts, plans):
    for cid, data in handouts.items():
        text = artefact_text(data, ".docx")
        for item in plans[cid].exercises:
            if item.exercise is None:
                assert item.title in text or item.optional, (cid, item.title)
                continue
            for part in (item.exercise.scenario, *item.exercise.instructions, *item.exercise.questions):
                assert " ".join(part.split()) in text, (cid, part)
            for answer in item.exercise.facilitation:
                assert " ".join(answer.split()) not in text, (cid, answer)
        assert "What good answers cover" not in text and "review note" not in text.lower(), cid


def test_a_planted_exercise_has_room_to_write_after_each_question(planted):
    texts = [p.text for p in planted.paragraphs]
    body = " ".join(texts)
    assert "Planted scenario text." in body and "Planted instruction." in body
    assert "Planted answer" not in body and "Planted review note" not in body
    first, second = texts.index("Planted question one?"), texts.index("Planted question two?")
    between = planted.paragraphs[first + 1:second]
    assert len(between) >= 3 and all(p.style.name == "Writing Line" for p in between)
    # Both questions are items of one list that starts at 1, written lines and all.
    num_ids = {planted.paragraphs[i]._p.pPr.numPr.numId.val for i in (first, second)}
    assert len(num_ids) == 1


def test_contact_sheet_for_the_practitioner_network(handouts):
    for cid, data in handouts.items():
        doc = open_doc(data)
        sheet = [t for t in doc.tables if tuple(c.text for c in t.rows[0].cells) == CONTACT_HEADER]
        assert len(sheet) == 1, cid
        rows = sheet[0].rows
        assert len(rows) == 1 + CONTACT_ROWS and all(c.text == "" for row in rows[1:] for c in row.cells)
        assert rows[1].height >= Cm(0.9)
        text = artefact_text(data, ".docx")
        assert "Contact list" in text and "Your LA adds: keeping in touch after the course" in text


def test_key_sources_national_and_local(handouts, programme):
    for cid, data in handouts.items():
        text = artefact_text(data, ".docx")
        assert "Key sources of information" in text
        for source in programme.sources.values():
            assert source.title in text and source.url in text, (cid, source.id)
        assert "Your LA adds: local sources of information" in text, cid


def test_every_slot_the_course_uses_is_shown_as_a_styled_placeholder(handouts, plans, programme, brand):
    for cid, data in handouts.items():
        doc = open_doc(data)
        runs = [r for p in doc.paragraphs for r in p.runs if r.text.startswith("Your LA adds:")]
        shown = {r.text for r in runs}
        assert shown == {line for s in plans[cid].slots_used for line in slot_text(plans[cid], s).lines}, cid
        assert all(r.style.name == "Placeholder" for r in runs)
    assert doc.styles["Placeholder"].font.color.rgb == brand.rgb("accent")


def test_structure_properties_and_no_junk(handouts, plans):
    for cid, data in handouts.items():
        doc = open_doc(data)
        last = 0
        for paragraph in doc.paragraphs:
            if paragraph.style.name.startswith("Heading "):
                level = int(paragraph.style.name.split()[1])
                assert level <= last + 1, (cid, paragraph.text)
                last = level
        for table in doc.tables:
            assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None, cid
        pictures = list(doc.element.body.iter(qn("wp:docPr")))
        assert pictures and all(p.get("descr") for p in pictures), cid
        assert doc.core_properties.title.startswith(plans[cid].course.title)
        assert doc.core_properties.language == "en-GB"
        text = artefact_text(data, ".docx")
        for junk in ("None", "{{", "TODO", "lorem"):
            assert junk not in text, (cid, junk)


def test_pending_course_says_draft_on_every_page(programme, brand):
    doc = open_doc(HandoutsRenderer().render(plan_course(programme, "isi-practitioners"), brand))
    assert doc.sections[0].header.paragraphs[0].text.startswith("DRAFT")


def test_the_renderer_is_registered():
    from iwpacks.renderers import renderers

    assert isinstance(renderers()["handouts"], HandoutsRenderer)


def test_two_renders_are_byte_identical(plans, brand, handouts):
    assert HandoutsRenderer().render(plans["is-practitioners"], brand) == handouts["is-practitioners"]


def test_the_committed_template_is_what_the_generator_builds(brand):
    path = REPO / "tools" / "make_document_template.py"
    spec = importlib.util.spec_from_file_location("make_document_template", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    assert module.build_template(brand) == brand.document_template.read_bytes(), \
        "brand/document-template.docx is stale: run python tools/make_document_template.py"


def test_template_carries_the_brand_not_office(brand):
    doc = Document(str(brand.document_template))
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number"):
        style = doc.styles[name]
        while style.font.name is None:  # a style without its own font inherits its base style's
            style = style.base_style
        assert style.font.name == brand.body_font, name
    assert doc.styles["Heading 1"].font.color.rgb == brand.rgb("primary")
    with zipfile.ZipFile(brand.document_template) as package:
        for name in ("word/styles.xml", "word/theme/theme1.xml", "word/fontTable.xml"):
            xml = package.read(name)
            assert b"Calibri" not in xml and b"Cambria" not in xml, name
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer


@pytest.mark.office
def test_libreoffice_converts_the_handouts(handouts, tmp_path):
    from iwpacks.pack.office import to_pdf

    source = tmp_path / "handouts.docx"
    source.write_bytes(handouts["caf-trainers"])
    pdf = to_pdf([source], tmp_path / "pdf")[source]
    assert len(PdfReader(str(pdf)).pages) >= 4


def test_role_cards_go_to_the_trainer_guide_never_the_handouts_or_the_slides(handouts, guides, decks, programme):
    exercise = next(e for e in programme.modules["CAF02"].material.exercises
                    if e.role_briefs)
    briefs = [r.brief for r in exercise.role_briefs]
    handout = artefact_text(handouts["caf-practitioners"], ".docx")
    guide = artefact_text(guides["caf-practitioners"], ".docx")
    deck = artefact_text(decks["caf-practitioners"], ".pptx")
    for brief in briefs:
        assert brief in guide
        assert brief[:60] not in handout and brief[:60] not in deck
    assert "Role cards (Nicola, Kyle)" in handout


def test_a_grouping_that_is_already_a_phrase_is_not_prefixed(handouts, decks):
    text = " ".join(artefact_text(data, ".docx") for data in handouts.values())
    assert "groups of groups" not in text and "groups of whole group" not in text and "groups of threes" not in text
    assert "groups of 4-6" in text
    slides = artefact_text(decks["caf-practitioners"], ".pptx")
    assert "Groups of 4: practitioner, Nicola, Kyle, observer \u00b7 45 min" in slides and "Groups: " not in slides


def test_word_is_told_arial_is_the_metric_twin_of_liberation_sans(handouts):
    with zipfile.ZipFile(io.BytesIO(handouts["iw-practitioners"])) as archive:
        fonts = archive.read("word/fontTable.xml").decode("utf-8")
    assert '<w:font w:name="Liberation Sans"><w:altName w:val="Arial"/>' in fonts


def test_the_handouts_are_decided_as_blocks_before_they_are_drawn(plans, brand):
    from iwpacks.renderers._doc_blocks import Grid, Heading, Numbered
    from iwpacks.renderers._sheet_fit import MIN_ANSWER_LINES
    from iwpacks.renderers.handouts import handout_blocks

    plan = plans["caf-practitioners"]
    blocks = handout_blocks(plan, brand)
    titles = {x.title for x in plan.exercises}
    sheets = [b for b in blocks if isinstance(b, Heading) and b.new_page is not None
              and b.text.removesuffix(" (optional)") in titles]
    assert [b.new_page for b in sheets] == [False] + [True] * (len(plan.exercises) - 1)
    grid = next(b for b in blocks if isinstance(b, Grid) and b.header == CONTACT_HEADER)  # after "Your day"'s
    assert len(grid.rows) == CONTACT_ROWS
    written = [x.exercise for x in plan.handed_out if x.exercise is not None]
    answered = [b for b in blocks if isinstance(b, Numbered) and b.lines_after]
    assert [b.items for b in answered] == [e.questions for e in written]
    assert all(b.lines_under(i) >= MIN_ANSWER_LINES for b in answered for i in range(len(b.items)))


def test_dates_read_as_people_write_them():
    from iwpacks.renderers._slots import spoken_date

    assert spoken_date("2006-09-01") == "1 September 2006"
    assert spoken_date("2006-12-31") == "31 December 2006"
    assert spoken_date("September 2006") == "September 2006"


def test_each_sheet_an_exercise_needs_follows_it_once(handouts, plans, programme):
    doc = open_doc(handouts["caf-practitioners"])
    headings = [p.text.removesuffix(" (optional)") for p in doc.paragraphs if p.style.name == "Heading 2"]
    for exercise_id, sheets in plans["caf-practitioners"].sheets.items():
        title = next(e.title for e in (x.exercise for x in plans["caf-practitioners"].exercises) if e and e.id == exercise_id)
        at = headings.index(title)
        assert headings[at + 1:at + 1 + len(sheets)] == [s.title for s in sheets]
    record = programme.printables["caf-discussion-record"]
    assert headings.count(record.title) == 1
    text = artefact_text(handouts["caf-practitioners"], ".docx")
    assert "General health" in text and "\u25a1" in text and "not sure" in text  # a form's prompts; a checklist's boxes
    assert sum(len(s) for s in plans["caf-practitioners"].sheets.values()) == 4
    assert [s.id for v in plans["iw-practitioners"].sheets.values() for s in v] == ["continuum-of-needs"]


def test_a_printable_naming_an_unknown_exercise_is_refused(tmp_path):
    import re
    import shutil

    import iwpacks
    from iwpacks.errors import ContentError
    from iwpacks.source.read_content import content_root

    content = shutil.copytree(content_root(None), tmp_path / "content")
    path = content / "printables.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("used_by: [caf02-case-discussion]",
                                                             "used_by: [caf02-case-discusion]", 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        iwpacks.load_programme(content)
    assert re.search(r'printables\.yaml:\d+: printables\[1\]\.used_by\[0\]: unknown exercise "caf02-case-discusion" '
                     r'\(did you mean "caf02-case-discussion"\?\)', str(caught.value)), str(caught.value)


def _rendered_pages(docx: bytes, folder) -> tuple[list[str], list[float]]:
    """The document through LibreOffice: each page's text (pdftotext -layout), and how far down its text area
    the page's text reaches (0 to 1), the footer apart."""
    import re
    import subprocess

    from iwpacks.pack.office import to_pdf

    source = folder / "handouts.docx"
    source.parent.mkdir(parents=True)
    source.write_bytes(docx)
    pdf = str(to_pdf([source], folder)[source])
    texts = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")[:-1]
    boxes = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True,
                           check=True).stdout.split("<page ")[1:]
    top, bottom = TEXT_AREA
    fills = []
    for page in boxes:
        feet = [float(y) for y in re.findall(r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)"', page)]
        fills.append((max([y for y in feet if y < bottom], default=top) - top) / (bottom - top))
    return texts, fills


TEXT_AREA = (56.7, 785.2)  # points from the top of A4: the template's 2 cm margins; the footer is below


def _sheet_spans(pages: list[str], blocks) -> list[tuple[str, list[int]]]:
    """Each fitted sheet's title and the pages it takes in the render, from its heading to the page before
    the next page-starting heading."""
    from iwpacks.renderers._sheet_fit import _answers, _measurable, _sheets

    flat = [" ".join(page.split()) for page in pages]
    starts = [next(i for i, page in enumerate(flat) if page.startswith(sheet[0].text))
              for sheet in _sheets(blocks)[1:]]
    spans = []
    for n, sheet in enumerate(_sheets(blocks)[1:]):
        end = starts[n + 1] if n + 1 < len(starts) else len(pages)
        if _measurable(sheet) and _answers(sheet):
            spans.append((sheet[0].text, list(range(starts[n], end))))
    return spans


@pytest.mark.office
def test_exercise_sheets_lay_out_to_whole_pages(handouts, plans, brand, tmp_path):
    """The review: nearly every exercise spilled onto a mostly blank second page. The answer space now shrinks
    (or grows) so an exercise fills one page, or two where its text alone needs more than one."""
    import re

    from iwpacks.renderers._sheet_fit import _sheets, sheet_pages
    from iwpacks.renderers.handouts import handout_blocks

    for cid in ("caf-practitioners", "is-trainers"):
        pages, _ = _rendered_pages(handouts[cid], tmp_path / cid)
        flat = [" ".join(page.split()) for page in pages]
        blocks = handout_blocks(plans[cid], brand)
        for e in (x.exercise for x in plans[cid].exercises if x.exercise is not None):
            sheet = next(s for s in _sheets(blocks) if any(getattr(b, "items", None) == e.questions for b in s))
            first = next(i for i, page in enumerate(pages) if re.search(rf"^\s*{re.escape(e.title)}", page, re.M))
            last = next(i for i in range(first, len(pages)) if " ".join(e.questions[-1].split())[:50] in flat[i])
            assert last - first == sheet_pages(sheet) - 1, (cid, e.id)


@pytest.mark.office
@pytest.mark.parametrize("cid", ["caf-trainers", "is-advisors", "iw-practitioners"])
def test_every_page_of_an_exercise_or_sheet_after_its_first_is_worth_turning_to(programme, brand, cid, tmp_path):
    """The review: in caf-trainers' handouts (Northmoor's), Kyle's family step 2, planning for local delivery,
    the discussion record and the cascade plan each ran onto a second page left half empty: a question moves
    overleaf with its lines, and the lines were sized for one page. Now the answers on a later page share the
    room left there, or shrink where that keeps the sheet to one page; in LibreOffice every page a sheet runs
    onto is mostly full, and its last question is on the page the estimate says."""
    from iwpacks.overlay.layers import apply_overlay, load_overlay
    from iwpacks.planning.plan import plan_course
    from iwpacks.renderers._sheet_fit import _sheets, sheet_pages
    from iwpacks.renderers.handouts import HandoutsRenderer, handout_blocks

    plan = plan_course(apply_overlay(programme, load_overlay(programme, "northmoor")), cid, release=True)
    pages, fills = _rendered_pages(HandoutsRenderer().render(plan, brand), tmp_path / cid)
    blocks = handout_blocks(plan, brand)
    fitted = {s[0].text: s for s in _sheets(blocks)}
    spans = _sheet_spans(pages, blocks)
    assert spans
    if cid == "caf-trainers":  # the four the review found half empty are among those checked
        assert {"Kyle's family, step 2: the discussion", "Planning for local delivery",
                "Common assessment discussion record (training copy)",
                "Team cascade plan: delivering the CAF training locally"} <= {title for title, _ in spans}
    for title, span in spans:
        assert len(span) == sheet_pages(fitted[title]), (cid, title, span)
        for number in span[1:]:
            assert fills[number] >= 0.6, (cid, title, number + 1, round(fills[number], 2))


def test_the_reference_sheets_print_in_the_courses_that_teach_their_subject(handouts, plans, programme):
    """Issue 13: the continuum of needs and the lead professional's functions, as one-page reference sheets;
    the functions nowhere that neither teaches the lead professional nor takes it in brief."""
    continuum = programme.printables["continuum-of-needs"].title
    functions = programme.printables["lead-professional-functions"].title
    assert continuum in artefact_text(handouts["iw-practitioners"], ".docx")
    assert continuum in artefact_text(handouts["caf-practitioners"], ".docx")
    assert functions in artefact_text(handouts["lp-practitioners"], ".docx")
    overviews = set(programme.printables["lead-professional-functions"].for_modules)  # IW02, the processes' overview
    without = [cid for cid, plan in plans.items() if all(m.process != "lp" for m in plan.modules)
               and all(a.process.id != "lp" for s in plan.sections for a in s.awareness)
               and not overviews & {m.ref for m in plan.modules}]
    for cid in without:  # every course teaches the lead professional, takes it in brief or in IW02's overview
        assert functions not in artefact_text(handouts[cid], ".docx"), cid


def test_exercises_print_in_the_order_the_course_runs_them_an_optional_one_in_its_place(handouts, plans, programme):
    """The review: IS01's exercise was printed last, after IS02's and IS03's, in courses that teach IS01 first.
    Now every exercise prints in the order of the course's plan (module by module, each after the topic it
    practises), an optional one in its place, marked and explained."""
    note = programme.guide_text["exercises.optional_handout_note"][0]
    checked = 0
    for cid, plan in plans.items():
        paragraphs = open_doc(handouts[cid]).paragraphs
        headings = [(n, p.text) for n, p in enumerate(paragraphs) if p.style.name == "Heading 2"]
        titles = {e.title: e for e in plan.exercises if e.exercise is not None}
        printed = [(n, text) for n, text in headings if text.removesuffix(" (optional)") in titles]
        ran = [f"{e.title} (optional)" if e.optional else e.title for e in plan.exercises if e.exercise is not None]
        assert [text for _, text in printed] == ran, cid
        timetabled = [f"Exercise: {text}" for _, text in printed if not text.endswith(" (optional)")]
        rows = list(dict.fromkeys(r.label for r in plan.timetable.rows if r.kind == "exercise"))
        assert timetabled == [r for r in rows if r.removeprefix("Exercise: ") in titles], cid
        for n, text in printed:
            assert (paragraphs[n + 1].text == note) == text.endswith(" (optional)"), (cid, text)
        refs = [titles[text.removesuffix(" (optional)")].module_ref for _, text in printed]
        assert refs == sorted(refs, key=[m.ref for m in plan.modules].index), cid  # module by module
        if "IS01" in refs and "IS02" in refs:
            assert refs.index("IS01") < refs.index("IS02"), cid
            checked += 1
    assert checked >= 3  # is-practitioners, is-advisors, is-operational-managers, is-trainers


def test_a_sheet_an_optional_exercise_shares_goes_with_the_timetabled_one(plans):
    """is-advisors: the key principles sheet is used by the optional IS01 exercise and by IS02's; it is printed
    once, with the first one the session plan runs."""
    plan = plans["is-advisors"]
    owner = next(e for e in plan.exercises if e.exercise is not None
                 and any(s.id == "is-key-principles" for s in plan.sheets.get(e.exercise.id, ())))
    assert not owner.optional
    assert owner == next(e for e in plan.handed_out if e.exercise is not None and not e.optional
                         and e.exercise.id in ("is02-consent-dilemma", "is02-decision-walkthrough", "is03-own-cases"))


IS_SHEET, LP_SHEET = "is-key-principles", "lead-professional-functions"


def test_every_course_that_teaches_is01_is02_or_lp01_hands_out_its_one_page_sheet(plans, handouts, programme, brand):
    """Second review, 4: the decision-questions sheet and the lead professional's functions, once each, in every
    course that teaches the modules they summarise; and nowhere else."""
    from iwpacks.renderers._sheet_fit import _measurable, _sheets, sheet_pages
    from iwpacks.renderers.handouts import handout_blocks

    wants = {IS_SHEET: {"IS01", "IS02"}, LP_SHEET: {"LP01"}}
    checked = set()
    for cid, plan in plans.items():
        taught = {m.ref for m in plan.modules}
        headings = [p.text for p in open_doc(handouts[cid]).paragraphs if p.style.name == "Heading 2"]
        handed = [s.id for sheets in plan.sheets.values() for s in sheets]
        for sheet_id, refs in wants.items():
            title = programme.printables[sheet_id].title
            if taught & refs:
                checked.add((cid, sheet_id))
                assert handed.count(sheet_id) == 1 and headings.count(title) == 1, (cid, sheet_id)
                sheet = next(s for s in _sheets(handout_blocks(plan, brand)) if s[0].text == title)
                if _measurable(sheet):  # the estimate, where the sheet has no picture to measure
                    assert sheet_pages(sheet) == 1, (cid, sheet_id)
            else:
                assert sheet_id not in handed, (cid, sheet_id)
    assert {c for c, s in checked if s == IS_SHEET} >= {"is-practitioners", "is-advisors", "is-trainers"}
    assert {c for c, s in checked if s == LP_SHEET} >= {"lp-practitioners", "lp-advisors"}


@pytest.mark.office
def test_the_is_and_lp_sheets_print_on_one_page(handouts, programme, tmp_path):
    """Second review, 4: in LibreOffice each sheet's title and its closing note are on the same page."""
    for cid, sheet_id in (("is-advisors", IS_SHEET), ("lp-practitioners", LP_SHEET)):
        sheet = programme.printables[sheet_id]
        pages, _ = _rendered_pages(handouts[cid], tmp_path / cid)
        flat = [" ".join(page.split()) for page in pages]
        on = [i for i, page in enumerate(flat) if page.startswith(sheet.title)]
        assert len(on) == 1, (cid, sheet_id)
        assert " ".join(sheet.note.split())[-40:] in flat[on[0]], (cid, sheet_id)


def test_a_picture_is_shown_once_in_a_courses_handouts_whatever_its_title(handouts, plans):
    """The review: caf-trainers' handouts showed the three steps twice, CAF01's "three steps of a common
    assessment" and CAF02's "three steps of the CAF process". A figure of the same kind with the same boxes is
    one picture to an attendee, shown where the course first teaches it, in every course."""
    from artefact_text import diagram_figures

    from iwpacks.renderers.handouts import _picture

    for cid, plan in plans.items():
        diagrams = {t.diagram.title: t.diagram for m in plan.modules for t in m.topics if t.diagram is not None}
        diagrams |= {s.figure.title: s.figure for sheets in (*plan.sheets.values(), plan.reference_sheets)
                     for s in sheets if s.figure is not None}
        titles = [title for _, title in diagram_figures(open_doc(handouts[cid]).paragraphs)]
        pictures = [_picture(diagrams[t]) for t in titles]
        assert len(pictures) == len(set(pictures)), (cid, titles)
        steps = [t for t in titles if "three steps" in t.lower()]
        assert len(steps) <= 1, (cid, steps)
        if cid == "caf-trainers":
            assert steps == ["The three steps of a common assessment"]  # CAF01's, where the course first has it


NORTHMOOR_REVIEWED = ("caf-trainers", "iw-practitioners", "is-advisors", "caf-practitioners")


@pytest.fixture(scope="module")
def northmoor(programme):
    """The Northmoor plans of the courses the review read."""
    from iwpacks.overlay.layers import apply_overlay, load_overlay

    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    return {cid: plan_course(local, cid, release=True) for cid in NORTHMOOR_REVIEWED}


def test_an_exercise_says_which_module_it_belongs_to_by_name(northmoor, brand):
    """Issue 12, 2: the line under an exercise's title ended "20 min · IW01", a reference attendees never see
    elsewhere. It names the module instead, then the time: "… · Introduction to Integrated Working · 20 min"."""
    import re

    from iwpacks.planning.minutes import format_minutes

    for cid, plan in northmoor.items():
        paragraphs = open_doc(HandoutsRenderer().render(plan, brand)).paragraphs
        written = {x.title: x for x in plan.handed_out if x.exercise is not None}
        checked = 0
        for n, p in enumerate(paragraphs):
            item = written.get(p.text.removesuffix(" (optional)")) if p.style.name == "Heading 2" else None
            if item is None:
                continue
            caption = next(q.text for q in paragraphs[n + 1:n + 3] if q.style.name == "Caption"
                           and q.text.startswith(item.exercise.kind.replace("-", " ").capitalize()))
            assert caption.endswith(f" \u00b7 {item.module_name} \u00b7 {format_minutes(item.exercise.minutes)}"), \
                (cid, caption)
            assert not re.search(r"\b(IW|IS|CAF|LP|ISI)\d\d\b", caption), (cid, caption)
            checked += 1
        assert checked == len(written), cid


def test_the_processes_a_course_covers_in_brief_have_a_reference_sheet(northmoor, brand, programme):
    """Issue 12, 1: the short "in brief" segments on information sharing, the CAF and the lead professional
    (in courses that do not take those modules) had nothing in the handouts. Each now has a sheet that says
    where to learn more: its own reference sheet where the handouts have one (the trainer's review: the in-brief
    page repeated what the pages before it said), else a place on the in-brief page of one page or less, with
    its summary and points as its segment has them."""
    from iwpacks.renderers._docx import A4_TEXT_POINTS, figure_depth
    from iwpacks.renderers._sheet_fit import page_depths
    from iwpacks.renderers.handouts import handout_blocks

    heading = programme.guide_text["handouts.in_brief_heading"][0]
    briefed = 0
    for cid, plan in northmoor.items():
        items = [a for s in plan.sections for a in s.awareness]
        assert items, cid
        printed = [*(s for sheets in plan.sheets.values() for s in sheets if s.reader == "attendees"),
                   *plan.reference_sheets]
        own = {a.process.id: next((s for s in printed if a.process.id in s.for_processes), None) for a in items}
        paragraphs = open_doc(HandoutsRenderer().render(plan, brand)).paragraphs
        texts = [p.text for p in paragraphs]
        for a in items:
            ready = a.full_course is not None and not a.full_course.is_pending
            more = (f"\u201c{a.full_course.title}\u201d" if ready  # the audience's own course on it, or the sources
                    else programme.guide_text["handouts.in_brief_sources"][0])
            sheet = own[a.process.id]
            if sheet is not None:  # on its reference sheet, between its title and its closing note
                at = texts.index(sheet.title)
                end = next(i for i in range(at, len(texts)) if texts[i] == sheet.note
                           or texts[i].startswith(sheet.local_note.split("{heading}")[0] or "\0"))
                assert any(more in t for t in texts[at:end]), (cid, a.process.id)
        left = [a for a in items if own[a.process.id] is None]
        if heading not in texts:  # every process has its own sheet, and no room below the modules to point to it
            assert not left, cid
            continue
        briefed += 1
        start = next(n for n, p in enumerate(paragraphs) if p.text == heading and p.style.name == "Heading 2")
        end = next(n for n in range(start + 1, len(paragraphs)) if paragraphs[n].style.name in ("Heading 1", "Heading 2"))
        sheet_paragraphs = paragraphs[start:end]
        names = [p.text for p in sheet_paragraphs if p.style.name == "Heading 3"]
        # each process without a sheet; those with one too, pointed to it, where the page runs on below the modules
        assert names in ([a.process.name for a in left], [a.process.name for a in items]), cid
        text = "\n".join(p.text for p in sheet_paragraphs)
        for a in items:
            if own[a.process.id] is None:
                assert a.process.summary in text and all(point in text for point in a.process.awareness_points), cid
            elif a.process.name in names:
                assert f"\u201c{own[a.process.id].title}\u201d" in text, (cid, a.process.id)
                assert not any(point in text for point in a.process.awareness_points), (cid, a.process.id)
                assert not sheet_paragraphs[0].paragraph_format.page_break_before, cid
        blocks = handout_blocks(plan, brand)
        at = next(n for n, b in enumerate(blocks) if getattr(b, "text", None) == heading)
        page = blocks[at:next(n for n in range(at + 1, len(blocks)) if getattr(blocks[n], "level", 9) <= 2)]
        assert len(page_depths(page, lambda d: figure_depth(d, brand), A4_TEXT_POINTS)) == 1, cid  # one page or less
    assert briefed
    # iw-practitioners' page, now the IS Index alone (the others have their own sheets), runs on below IW01
    # rather than take a page of its own. caf-trainers' would only point to its two sheets: below CAF03 where
    # the pointers fit the room left there, else not at all (never a page two-thirds empty).
    assert _paragraph_with(northmoor["iw-practitioners"], brand, heading).paragraph_format.page_break_before is False
    pointing = [p for p in open_doc(HandoutsRenderer().render(northmoor["caf-trainers"], brand)).paragraphs
                if p.text == heading]
    assert all(p.paragraph_format.page_break_before is False for p in pointing)


def _paragraph_with(plan, brand, text):
    return next(p for p in open_doc(HandoutsRenderer().render(plan, brand)).paragraphs if p.text == text)


def test_the_local_contacts_run_on_below_the_sources_where_they_fit(northmoor, brand):
    """Issue 12, 3: iw-practitioners' sources filled half a page and its three local contacts a third of the
    next, which they took because there were more than two. They run on now where they fit; caf-trainers'
    many contacts still take a page of their own rather than spill over."""
    starts = {cid: _paragraph_with(plan, brand, "Local contacts").paragraph_format.page_break_before
              for cid, plan in northmoor.items()}
    assert starts["iw-practitioners"] is False and starts["is-advisors"] is False
    assert starts["caf-trainers"] is True


def _ink_depths(pdf) -> list[float]:
    """How far down its text area each page of a PDF has anything drawn (text, a table's rules, a figure),
    0 to 1, the footer apart: text alone misses a page that is all table, like the contact list."""
    import subprocess

    from PIL import Image

    dpi = 36
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(pdf.with_suffix(""))], check=True)
    top, bottom = (v * dpi / 72 for v in TEXT_AREA)
    depths = []
    for png in sorted(pdf.parent.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
        image = Image.open(png).convert("L")
        inked = [y for y in range(int(top), int(bottom)) if image.crop((0, y, image.width, y + 1)).getextrema()[0] < 200]
        depths.append((max(inked, default=top) - top) / (bottom - top))
    return depths


FULL_ENOUGH = 0.4  # the two pages the review found ended a third of the way down (0.33 by _ink_depths)


@pytest.mark.office
def test_no_page_of_the_handouts_is_less_than_a_third_full(northmoor, brand, tmp_path):
    """Issue 12, 3: pages left mostly blank by a forced page break (caf-trainers' page 5, a third full under
    CAF03 before the exercises; iw-practitioners' local contacts, a third of a last page). In LibreOffice
    every page is now filled comfortably more than a third of the way down, but for the last page of a sheet
    that runs over, which is torn off with it."""
    from iwpacks.pack.office import to_pdf
    from iwpacks.renderers.handouts import handout_blocks

    short = {}
    for cid, plan in northmoor.items():
        source = tmp_path / cid / "handouts.docx"
        source.parent.mkdir()
        source.write_bytes(HandoutsRenderer().render(plan, brand))
        pdf = to_pdf([source], tmp_path / cid / "pdf")[source]
        pages, _ = _rendered_pages(source.read_bytes(), tmp_path / cid / "text")
        torn_off = {span[-1] for _, span in _sheet_spans(pages, handout_blocks(plan, brand)) if len(span) > 1}
        depths = _ink_depths(pdf)
        assert len(depths) == len(pages), cid
        short |= {(cid, n + 1): round(d, 2) for n, d in enumerate(depths) if d < FULL_ENOUGH and n not in torn_off}
    assert not short, short
