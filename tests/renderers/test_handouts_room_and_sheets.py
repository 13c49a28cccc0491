"""The trainer's review of iw-senior-managers' handouts (Northmoor's): room to write where the course runs the
exercise, an optional one printed compactly; one-page reference sheets on information sharing, the CAF, the
lead professional and the escalation route wherever a course covers them, counted in the guide's printing
list; and no page left more than about half empty but the last. Each reopened from the rendered docx (and,
for the layout, from LibreOffice's PDF)."""
from __future__ import annotations

import io

import attrs
import pytest
from docx import Document

from iwpacks.model import FrozenMap
from iwpacks.planning.plan import plan_course
from iwpacks.renderers.handouts import LINES_PER_OPTIONAL_QUESTION, HandoutsRenderer

COURSE = "iw-senior-managers"
REVIEWED = (COURSE, "iw-practitioners")
ASKED_FOR = ("is-key-principles", "caf-three-steps", "lead-professional-functions", "escalation-route")


@pytest.fixture(scope="module")
def local(programme):
    from iwpacks.overlay.layers import apply_overlay, load_overlay

    return apply_overlay(programme, load_overlay(programme, "northmoor"))


@pytest.fixture(scope="module")
def reviewed(local):
    return {cid: plan_course(local, cid, release=True) for cid in REVIEWED}


def _doc(plan, brand):
    return Document(io.BytesIO(HandoutsRenderer().render(plan, brand)))


def _answer_lines(doc) -> dict[str, list[int]]:
    """Each exercise's heading, with the writing lines under each of its questions, as the docx has them."""
    out: dict[str, list[int]] = {}
    current, in_questions = "", False
    for p in doc.paragraphs:
        style = p.style.name
        if style in ("Heading 1", "Heading 2"):
            current, in_questions = p.text, False
        elif style.startswith("Heading"):
            in_questions = p.text == "Questions"
        elif in_questions and style == "List Number":
            out.setdefault(current, []).append(0)
        elif in_questions and style == "Writing Line" and current in out:
            out[current][-1] += 1
    return out


def _heading(item) -> str:
    return f"{item.title} (optional)" if item.optional else item.title


def test_the_exercises_the_course_runs_get_the_room_to_write_and_optional_ones_are_compact(reviewed, brand):
    """Review 1: iw-senior-managers' two optional exercises (IW01's and IW02's) took four pages with 7 to 9
    lines a question, the two it runs 3. Now an optional one has at most two lines a question and fits one page,
    and every question of a timetabled exercise has more room than any optional one's."""
    from iwpacks.renderers._sheet_fit import _sheets, sheet_pages
    from iwpacks.renderers.handouts import handout_blocks

    plan = reviewed[COURSE]
    written = [x for x in plan.exercises if x.exercise is not None]
    assert {x.module_ref for x in written if x.optional} == {"IW01"}  # IW02's it runs (run_optional)
    lines = _answer_lines(_doc(plan, brand))
    optional = [n for x in written if x.optional for n in lines[_heading(x)]]
    running = [n for x in written if not x.optional for n in lines[_heading(x)]]
    assert optional and running
    assert max(optional) <= LINES_PER_OPTIONAL_QUESTION
    # A timetabled question keeps at least the two lines its sheet shrinks to, to stay on one page (IW02's
    # long exercise does); on average it has more room than an optional one's.
    assert min(running) >= 2 and sum(running) / len(running) > sum(optional) / len(optional), (running, optional)
    sheets = {s[0].text: s for s in _sheets(handout_blocks(plan, brand))}
    for x in written:
        sheet = next(s for s in sheets.values() if any(getattr(b, "text", "") == _heading(x) for b in s))
        assert sheet_pages(sheet) == 1, x.title  # an optional one compact, a timetabled one filling its page


def test_the_same_exercise_gets_the_room_where_a_course_runs_it(reviewed, brand):
    """IW01's exercise is optional in iw-senior-managers and run in iw-practitioners (`run_optional`): the rule
    follows the course's plan, not the module's flag."""
    title = next(x.title for x in reviewed[COURSE].exercises if x.module_ref == "IW01" and x.exercise is not None)
    compact = _answer_lines(_doc(reviewed[COURSE], brand))[f"{title} (optional)"]
    roomy = _answer_lines(_doc(reviewed["iw-practitioners"], brand))[title]
    assert min(roomy) > max(compact), (roomy, compact)


def test_a_course_that_runs_iw02s_exercise_gives_it_the_room_to_write(local, brand):
    """iw-senior-managers runs IW02's optional exercise in its planned time (`run_optional`), so prints it as a
    timetabled one: not marked optional, with more room under each question than the same course gives it
    where it does not run it (at least the two lines a timetabled question keeps where its sheet must shrink
    to stay on one page)."""
    plan = plan_course(local, COURSE, release=True)
    assert "IW02" in local.courses[COURSE].run_optional
    item = next(x for x in plan.exercises if x.module_ref == "IW02" and x.exercise is not None)
    assert not item.optional
    doc = _doc(plan, brand)
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert item.title in headings and f"{item.title} (optional)" not in headings
    course = attrs.evolve(local.courses[COURSE], run_optional=())
    without = plan_course(attrs.evolve(local, courses=FrozenMap({**local.courses, COURSE: course})), COURSE,
                          release=True)
    compact = _answer_lines(_doc(without, brand))[f"{item.title} (optional)"]
    roomy = _answer_lines(doc)[item.title]
    assert min(roomy) >= 2 and sum(roomy) > sum(compact), (roomy, compact)


def _covers(plan, sheet) -> bool:
    taught = {m.ref for m in plan.modules}
    processes = {m.process for m in plan.modules} | {a.process.id for s in plan.sections for a in s.awareness}
    return bool(processes & set(sheet.for_processes) or taught & set(sheet.for_modules))


def test_every_course_that_covers_a_process_hands_out_its_reference_sheet_once(plans, handouts, programme):
    """Review 2: iw-senior-managers had one reference sheet (the continuum). Every course that covers
    information sharing, the CAF or the lead professional (its modules, or in brief), or teaches the escalation
    route, prints that sheet once, with an exercise that uses it or among the reference sheets; no other does."""
    with_coverage = [p for p in programme.printables.values() if p.for_processes or p.for_modules]
    assert {p.id for p in with_coverage} >= set(ASKED_FOR)
    for cid, plan in plans.items():
        headings = [p.text for p in Document(io.BytesIO(handouts[cid])).paragraphs if p.style.name == "Heading 2"]
        used = {p.id for sheets in plan.sheets.values() for p in sheets}
        for sheet in with_coverage:
            wanted = _covers(plan, sheet) or sheet.id in used
            assert headings.count(sheet.title) == (1 if wanted else 0), (cid, sheet.id)
    assert all(_covers(plans[COURSE], programme.printables[s]) for s in ASKED_FOR)


def test_the_reference_sheets_are_one_page_each_and_the_escalation_route_is_the_las(reviewed, brand, programme):
    """Review 2: one page each, by the layout estimate; the escalation sheet shows Northmoor's escalation
    contacts from the LA's slot, between its title and its closing note."""
    from iwpacks.renderers._docx import A4_TEXT_POINTS, figure_depth
    from iwpacks.renderers._sheet_fit import _sheets, page_depths
    from iwpacks.renderers.handouts import handout_blocks

    plan = reviewed[COURSE]
    assert [s.id for s in plan.reference_sheets] == [s for s in programme.printables if s in ASKED_FOR]
    sheets = {s[0].text: s for s in _sheets(handout_blocks(plan, brand))}
    for sheet in plan.reference_sheets:
        own = next(s for s in sheets.values() if any(getattr(b, "text", "") == sheet.title for b in s))
        at = next(n for n, b in enumerate(own) if getattr(b, "text", "") == sheet.title)
        depths = page_depths(own[at:], lambda d: figure_depth(d, brand), A4_TEXT_POINTS)
        assert depths is not None and len(depths) == 1, sheet.id
    texts = [p.text for p in _doc(plan, brand).paragraphs]
    route = programme.printables["escalation-route"]
    start, end = texts.index(route.title), texts.index(route.note)
    contacts = [c.name for c in plan.localisation.slots["escalation-contacts"]]
    assert contacts and all(any(name in t for t in texts[start:end]) for name in contacts)


def test_the_in_brief_page_leaves_a_process_with_its_own_sheet_to_it(reviewed, brand, programme):
    """Review 3: the "in brief" page repeated what the pages before it showed (p6 of iw-senior-managers, which
    has since dropped the in-brief block for IW02). iw-practitioners takes all four processes in brief: the page
    holds only the processes with no reference sheet of their own (the IS Index), and runs on below the
    modules; information sharing, the CAF and the lead professional are left to their sheets."""
    plan = reviewed["iw-practitioners"]
    paragraphs = _doc(plan, brand).paragraphs
    heading = programme.guide_text["handouts.in_brief_heading"][0]
    start = next(n for n, p in enumerate(paragraphs) if p.text == heading)
    assert paragraphs[start].paragraph_format.page_break_before is False
    end = next(n for n in range(start + 1, len(paragraphs)) if paragraphs[n].style.name in ("Heading 1", "Heading 2"))
    names = [p.text for p in paragraphs[start:end] if p.style.name == "Heading 3"]
    assert names == [programme.processes["isi"].name]
    assert {programme.processes[p].name for p in ("is", "caf", "lp")}.isdisjoint(names)


def test_the_printing_list_counts_the_exercises_and_sheets_the_handouts_hold(plans, brand, programme):
    """Review 2: the guide's printing list, which the trainer prints from, says what the handouts' row holds;
    a later review found it counting one "exercise sheet" where the handouts held four exercises, one of them
    run if time allows. The row counts each kind of page as the plan holds them."""
    from iwpacks.renderers.trainer_guide import TrainerGuideRenderer

    header = list(programme.guide_text["materials.header"])
    checked = 0
    for cid in (COURSE, "is-practitioners", "lp-practitioners", "iw-senior-managers"):
        plan = plans[cid] if cid in plans else plan_course(programme, cid, release=True)
        grid = next(t for t in Document(io.BytesIO(TrainerGuideRenderer().render(plan, brand))).tables
                    if [c.text for c in t.rows[0].cells] == header)
        row = next(r for r in ([c.text for c in row.cells] for row in grid.rows[1:]) if r[1] == "handouts.docx")
        exercises = [i for i in plan.exercises if i.exercise is not None]
        optional = sum(i.optional for i in exercises)
        said = f"{len(exercises)} exercise" + ("s" if len(exercises) != 1 else "")
        assert said in row[2], (cid, row[2])
        assert (f"({optional} optional)" in row[2]) == bool(optional), (cid, row[2])
        references = len(plan.reference_sheets)
        assert f"{references} reference sheet" in row[2], (cid, row[2])
        checked += bool(optional)
    assert checked, "no course here has an optional exercise: the test would not see it counted"


@pytest.mark.office
def test_no_page_is_more_than_about_half_empty_and_each_sheet_keeps_to_its_page(reviewed, brand, tmp_path):
    """Review 1 and 3, in LibreOffice: every page but the last is filled at least about half way down (page 3
    was half empty); each timetabled exercise fills its page; an optional exercise's title and last question,
    and each reference sheet's title and closing note, are on one page."""
    from test_handouts import _ink_depths, _rendered_pages

    from iwpacks.pack.office import to_pdf

    short = {}
    for cid, plan in reviewed.items():
        source = tmp_path / cid / "handouts.docx"
        source.parent.mkdir()
        source.write_bytes(HandoutsRenderer().render(plan, brand))
        depths = _ink_depths(to_pdf([source], tmp_path / cid / "pdf")[source])
        pages, fills = _rendered_pages(source.read_bytes(), tmp_path / cid / "text")
        short |= {(cid, n + 1): round(d, 2) for n, d in enumerate(depths[:-1]) if d < 0.45}
        flat = [" ".join(page.split()) for page in pages]
        for x in (x for x in plan.exercises if x.exercise is not None):
            first = next(i for i, page in enumerate(flat) if _heading(x) in page)
            assert " ".join(x.exercise.questions[-1].split())[:50] in flat[first], (cid, x.title)
            if not x.optional:
                assert fills[first] >= 0.85, (cid, x.title, round(fills[first], 2))
        for sheet in plan.reference_sheets:
            # (the in-brief page names a sheet in quotes; the sheet's own page heads it)
            on = [i for i, page in enumerate(flat) if sheet.title in page.replace(f"\u201c{sheet.title}\u201d", "")]
            closing = {" ".join(sheet.note.split())[-40:], " ".join(sheet.local_note.split()).rpartition("}")[2].strip("\u201d, ") or "\0"}
            assert len(on) == 1 and any(end in flat[on[0]] for end in closing), (cid, sheet.id)
    assert not short, short


@pytest.mark.parametrize(("old", "new", "found"), [
    ("modules: [IW02, IW03, IW04, LP02]", "modules: [IW02, IW33]", r'modules\[1\]: unknown module "IW33"'),
    ("processes: [caf]", "processes: [cfa]", r'processes\[0\]: unknown process "cfa"'),
    ("slot: escalation-contacts", "slot: escalation-contact", r'slot: unknown slot "escalation-contact"'),
    ("  modules: [IW02, IW03, IW04, LP02]\n", "", r': missing required key "used_by"'),
    ("  - audiences: [senior-managers]\n    intro:", "  - audiences: [senior-manager]\n    intro:",
     r'variants\[0\]\.audiences\[0\]: unknown audience "senior-manager"'),
])
def test_what_a_reference_sheet_is_for_is_checked_where_it_is_written(tmp_path, old, new, found):
    """A sheet's processes, modules and slot name what exists, with file and line; one for neither an exercise
    nor anything a course covers is refused."""
    import re
    import shutil

    import iwpacks
    from iwpacks.errors import ContentError
    from iwpacks.source.read_content import content_root

    content = shutil.copytree(content_root(None), tmp_path / "content")
    path = content / "printables.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        iwpacks.load_programme(content)
    assert re.search(rf"printables\.yaml:\d+: printables\[\d+\]\.?{found}", str(caught.value)), str(caught.value)
