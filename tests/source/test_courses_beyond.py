"""Courses beyond Appendix 1 (2.2): no cell, modules of the policy team's own, and the sources each cites."""
from __future__ import annotations

import pytest
from content_copy import content_beyond

import iwpacks
from iwpacks.errors import ContentError
from iwpacks.planning.plan import plan_course


@pytest.fixture(scope="module")
def beyond(tmp_path_factory):
    return iwpacks.load_programme(content_beyond(tmp_path_factory.mktemp("beyond")))


def _problems(tmp_path, relative: str, old: str, new: str) -> str:
    with pytest.raises(ContentError) as caught:
        iwpacks.load_programme(content_beyond(tmp_path, (relative, old, new)))
    return str(caught.value)


def test_a_course_outside_appendix_1_needs_no_cell(beyond):
    course = beyond.courses["caf-school-staff"]
    assert course.appendix_cell == () and not course.in_appendix
    assert course.modules == ("IW01", "CAF01", "CFP01")
    assert course.added_modules == ()  # not measured against a cell it does not have
    assert beyond.modules["CFP01"].origin == "programme" and not beyond.modules["CFP01"].from_strategy
    assert beyond.modules["CAF01"].from_strategy  # the strategy's modules say nothing and are the strategy's


def test_every_standard_section_is_still_checked(tmp_path):
    message = _problems(tmp_path, "courses.yaml", "    exercises_from: [CAF01, CFP01]\n    messages: [worried-about-abuse]\n"
                        "  - kind: awareness\n    processes: [is, lp]\n",
                        "    exercises_from: [CAF01, CFP01]\n    messages: [worried-about-abuse]\n")
    assert 'courses.yaml:' in message and 'missing standard section "awareness"' in message


def test_beyond_appendix_is_for_a_course_with_a_cell(tmp_path):
    message = _problems(tmp_path, "courses.yaml", "  title: CAF for school staff\n",
                        "  title: CAF for school staff\n  beyond_appendix: it adds a module\n")
    assert "courses.yaml:" in message
    assert "beyond_appendix: a course with no Appendix 1 cell is not measured against Appendix 1" in message


def test_a_module_of_its_own_needs_material(tmp_path):
    content = content_beyond(tmp_path)
    (content / "material" / "CFP01.yaml").unlink()
    with pytest.raises(ContentError) as caught:
        iwpacks.load_programme(content)
    assert "modules/CFP01.yaml:2: ref: CFP01 is not a module of the strategy, so it needs its core material" \
        in str(caught.value)


def test_an_own_modules_topic_is_checked_against_its_own_content_not_the_seed(tmp_path):
    message = _problems(tmp_path, "material/CFP01.yaml", "- title: What the panel decides",
                        "- title: What the panel said")
    assert "material/CFP01.yaml:" in message
    assert "expected CFP01's content item 3 verbatim" in message and "seed" not in message


def test_an_unknown_origin_is_a_located_error(tmp_path):
    message = _problems(tmp_path, "modules/CFP01.yaml", "origin: programme", "origin: local")
    assert 'modules/CFP01.yaml:5: origin: expected one of strategy, programme, found "local"' in message


def test_sources_of_modules_and_course_are_added_to_the_programmes_once(beyond):
    plan = plan_course(beyond, "caf-school-staff")
    assert plan.sources == tuple(beyond.sources.values())  # Appendix 3, as every course
    # The module's own first (delivery order), then the course's; panel-terms, cited by both, once.
    assert [s.id for s in plan.course_sources] == ["panel-terms", "panel-guide"]
    other = plan_course(beyond, "caf-practitioners")
    assert other.course_sources == ()  # a course cites only what its own modules and itself cite


def test_a_source_id_cited_with_other_words_is_a_located_error(tmp_path):
    message = _problems(tmp_path, "courses.yaml", "    description: What the panel decides and how\n",
                        "    description: Something else\n")
    assert "courses.yaml:" in message
    assert 'sources[1].id: source "panel-terms" is already in module CFP01 with other words' in message
    message = _problems(tmp_path / "b", "modules/CFP01.yaml", "- id: panel-terms", "- id: caf")
    assert 'modules/CFP01.yaml:' in message and 'source "caf" is already in sources.yaml with other words' in message


def test_an_exported_programme_with_its_own_modules_imports_equal(beyond):
    assert iwpacks.import_programme(iwpacks.export_programme(beyond)) == beyond
