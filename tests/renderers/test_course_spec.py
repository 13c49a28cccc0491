"""The course specification PDF, reopened with pypdf for every course that is not pending."""
from __future__ import annotations

import io
import re

import pypdf
import pytest
from reportlab.lib.rl_accel import fp_str

from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.plan import plan_course
from iwpacks.planning.timetable import clock
from iwpacks.renderers._facts import course_facts
from iwpacks.renderers.course_spec import CourseSpecRenderer

FORBIDDEN = re.compile(r"\bNone\b|\{\{|\}\}|TODO|lorem", re.I)


def _flat(value: str) -> str:
    """Whitespace collapsed, so text that reportlab wrapped over lines still matches."""
    return " ".join(value.split())


def _pages(data: bytes) -> list[str]:
    return [_flat(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="session")
def specs(plans, brand):
    """Every ready course's specification, rendered once."""
    return {cid: CourseSpecRenderer().render(plan, brand) for cid, plan in plans.items()}


@pytest.fixture(scope="session")
def draft_spec(programme, brand):
    return CourseSpecRenderer().render(plan_course(programme, "isi-practitioners"), brand)


def test_every_learning_objective_appears_verbatim(specs, plans):
    missing = []
    for cid, data in specs.items():
        text = " ".join(_pages(data))
        for module in course_facts(plans[cid]).modules:
            missing += [f"{cid} {module.ref}: {o}" for o in module.objectives if _flat(o) not in text]
    assert not missing, "\n".join(missing)
    assert sum(len(m.objectives) for p in plans.values() for m in course_facts(p).modules) > 100


def test_title_durations_and_module_content(specs, plans):
    for cid, data in specs.items():
        facts, text = course_facts(plans[cid]), " ".join(_pages(data))
        for expected in (facts.title, facts.total_range, facts.total_planned, facts.audience, facts.process):
            assert _flat(expected) in text, f"{cid}: {expected!r} missing"
        for module in facts.modules:
            assert f"{module.ref} {_flat(module.name)}" in text, cid
            assert all(_flat(topic) in text for topic in module.content), f"{cid} {module.ref} content"
            assert _flat(module.delivery) in text and _flat(module.responsibility) in text, cid


def test_metadata_and_language(specs, plans, brand):
    for cid, data in specs.items():
        reader = pypdf.PdfReader(io.BytesIO(data))
        meta = reader.metadata
        assert meta.title == f"Course specification: {plans[cid].course.title}"
        assert meta.author == brand.name
        assert "learning objectives" in meta.subject
        assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_one_bookmark_per_section(specs, plans):
    for cid, data in specs.items():
        outline = pypdf.PdfReader(io.BytesIO(data)).outline
        top = [entry.title for entry in outline if not isinstance(entry, list)]
        plan = plans[cid]
        modules = [f"{m.ref} {m.name}" for m in plan.modules]
        in_brief = [s.title for s in plan.sections if s.awareness and not s.omitted]
        assert top == ["Course summary", "Course structure", "Timetable", "Timings", *modules, *in_brief,
                       "Local training contacts"], cid
        children = [entry for entry in outline if isinstance(entry, list)]
        days = [[f"Day {d}: {clock(a)}\u2013{clock(b)}" for d, (a, b) in enumerate(plan.timetable.day_hours, 1)]]
        assert [[c.title for c in group] for group in children] == (days if plan.timetable.days > 1 else []) + [
            [f"{ref} learning objectives", f"{ref} content", f"{ref} delivery and requirements"]
            for ref in (m.ref for m in plan.modules)]


def test_page_numbers_and_labels(specs):
    for cid, data in specs.items():
        reader = pypdf.PdfReader(io.BytesIO(data))
        n = len(reader.pages)
        assert n >= 2, cid
        assert reader.page_labels == [str(i) for i in range(1, n + 1)]
        for i, text in enumerate(_pages(data), start=1):
            assert f"Page {i} of {n}" in text, f"{cid} page {i}"


def test_no_stray_words(specs, draft_spec):
    for cid, data in {**specs, "isi-practitioners": draft_spec}.items():
        for i, text in enumerate(_pages(data), start=1):
            assert not FORBIDDEN.search(text), f"{cid} page {i}: {FORBIDDEN.search(text)}"


def test_ready_course_is_not_marked_draft(specs):
    assert not any("DRAFT" in text for data in specs.values() for text in _pages(data))


def test_pending_course_says_draft_on_every_page_and_to_be_defined(draft_spec, programme):
    pages = _pages(draft_spec)
    assert all("DRAFT" in text for text in pages)
    text = " ".join(pages)
    for ref in programme.courses["isi-practitioners"].modules:
        assert f"{ref} {programme.modules[ref].name}" in text
    assert text.count("To be defined") >= 4


def test_unfilled_slot_is_visible_in_the_accent_colour(specs, brand):
    data = specs["is-trainers"]
    reader = pypdf.PdfReader(io.BytesIO(data))
    page = next(p for p in reader.pages if "Your LA adds: local training contacts" in _flat(p.extract_text()))
    accent = fp_str(*(c / 255 for c in brand.rgb("accent")))
    assert f"{accent} rg".encode() in page.get_contents().get_data()


def test_same_input_gives_identical_bytes(specs, plans, brand):
    assert CourseSpecRenderer().render(plans["is-trainers"], brand) == specs["is-trainers"]


def test_the_specification_is_laid_out_once_for_page_n_of_m(plans, brand, monkeypatch):
    from iwpacks.renderers import course_spec

    calls = []
    story = course_spec._story
    monkeypatch.setattr(course_spec, "_story", lambda *args: calls.append(1) or story(*args))
    data = CourseSpecRenderer().render(plans["caf-trainers"], brand)
    pages = _pages(data)
    assert calls == [1] and len(pages) > 2
    assert all(f"Page {i} of {len(pages)}" in text for i, text in enumerate(pages, 1))


def test_a_course_that_runs_a_modules_optional_exercise_says_its_planned_time_includes_it(plans):
    """The review: 'Range 30 min', 'Planned 50 min' and 'Optional extras: optional discussion and exercise'
    for an exercise iw-practitioners runs in its planned time."""
    runs = next(m for m in course_facts(plans["iw-practitioners"]).modules if m.ref == "IW01")
    assert runs.optional_extra == "including its discussion and exercise"
    offers = next(m for m in course_facts(plans["caf-practitioners"]).modules if m.ref == "CAF01")
    assert offers.optional_extra == "plus an optional discussion and exercise (20 min), if time allows"


def test_a_seed_lead_in_with_nothing_after_it_reads_as_a_topic_where_a_course_lists_it(specs, plans, brand):
    """The review: "During the CAF master training:" dangled in the specification, the outline and the guide."""
    from artefact_text import artefact_text

    from iwpacks.renderers.outline import OutlineRenderer
    from iwpacks.renderers.trainer_guide import TrainerGuideRenderer

    plan = plans["caf-trainers"]
    texts = {"spec": _flat(" ".join(_pages(specs["caf-trainers"]))),
             "outline": artefact_text(OutlineRenderer().render(plan, brand), ".pdf"),
             "guide": artefact_text(TrainerGuideRenderer().render(plan, brand), ".docx")}
    for name, words in texts.items():
        assert "How this module runs" in words, name
        # Only the policy team's notes about the decision quote the seed's item, in quotation marks.
        assert not re.search(r"During the CAF master training:(?![\"'\u201d\u2019])", words), name
    module = next(mp.module for s in plan.sections for mp in s.modules if mp.module.ref == "CAF03")
    assert module.content[1] == "During the CAF master training:"


def test_a_release_specification_gives_one_total_and_no_strategy_timings(programme, plans, brand):
    """The review: an LA's specification showed an "In the strategy" column, and "Total time: 11 h 50 min ·
    planned: 12 h", two totals for one course."""
    release = plan_course(programme, "caf-trainers", release=True)
    facts = course_facts(release)
    pages = _pages(CourseSpecRenderer().render(release, brand))
    words = " ".join(pages)
    assert f"Total time: {facts.total_planned} over {facts.days}" in pages[0]
    assert facts.total_range != facts.total_planned
    assert not re.search(re.escape(facts.total_range) + r"(?! \d)", words)  # "12 h", not "12 h 10 min"
    assert "In the strategy" not in words and "Range" not in words and "planned:" not in words
    assert "Time in this course" in words
    master = " ".join(_pages(CourseSpecRenderer().render(plans["caf-trainers"], brand)))
    assert "In the strategy" in master and "planned:" not in master  # the policy team's, with one total too


def test_the_structure_puts_the_welcome_back_after_the_opening_and_only_where_there_is_a_later_day(specs, plans,
                                                                                                 brand):
    """The review: "Welcome back" was listed after "Close", and a one-day course said "a later day opens with a
    welcome back". The welcome back comes where day 1 ends (the trainers' review: after the introduction, it was out
    of the delivery order); only a course of several days has it or says it.
    A later review: unnumbered among numbered sections it read as a gap, so it is numbered in sequence (2), in
    the specification and in the guide's structure table alike."""
    from docx import Document

    from iwpacks.renderers.trainer_guide import TrainerGuideRenderer
    from iwpacks.renderers._facts import WELCOME_BACK_ROW

    seen = set()
    for cid, data in specs.items():
        plan, text = plans[cid], " ".join(_pages(data))
        several = plan.timetable.days > 1
        seen.add(several)
        intro = plan.guide_text["course.structure_days" if several else "course.structure"][0]
        assert _flat(intro) in text, cid
        assert ("welcome back" in intro) == several and ("later day" in text) == several, cid
        close = next(s.title for s in plan.sections if s.kind == "close")
        structure = text[text.index("Course structure"):text.index("Course total")]
        assert (WELCOME_BACK_ROW in structure) == several, cid
        if several:
            first = plan.sections[0].title
            assert structure.index(first) < structure.index(WELCOME_BACK_ROW) < structure.index(close), cid
            # Numbered in sequence where day 1 ends (the trainers' review: second, after the introduction, under
            # "in this order", it was out of the delivery order), and the next section numbered after it.
            at = re.search(rf"(\d+) {re.escape(WELCOME_BACK_ROW)} {format_minutes(plan.timetable.welcome_back_minutes)}"
                           rf" (\d+) ", structure)
            assert at and int(at.group(2)) == int(at.group(1)) + 1 and int(at.group(1)) > 2, cid
        if cid not in ("caf-trainers", "iw-practitioners"):
            continue
        guide = Document(io.BytesIO(TrainerGuideRenderer().render(plan, brand)))
        table = next(t for t in guide.tables if [c.text for c in t.rows[0].cells][1:] == ["Section", "What it covers",
                                                                                          "Time"])
        numbers = [r.cells[0].text for r in table.rows[1:]]
        assert numbers == [str(n) for n in range(1, len(numbers) + 1)], cid
        assert any(r.cells[1].text == WELCOME_BACK_ROW for r in table.rows[3:]) == several, cid
    assert seen == {True, False}


def test_the_timings_table_has_an_optional_extras_column_only_where_a_module_has_one(specs, plans):
    """The review: an "Optional extras" column holding only dashes."""
    for cid, data in specs.items():
        facts = course_facts(plans[cid])
        timings = next(p for p in _pages(data) if "Timings" in p)
        assert ("Optional extras" in timings) == bool(facts.optional_extras), cid
    assert any(not course_facts(p).optional_extras for p in plans.values())
    assert any(course_facts(p).optional_extras for p in plans.values())
