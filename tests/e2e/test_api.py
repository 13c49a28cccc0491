"""The library other tooling builds on: the public names, in-memory checks, the export round trip."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import attrs
import pytest
from paths import FIXTURES, REPO
from pptx import Presentation

import iwpacks
from iwpacks.errors import ContentError

NORTHMOOR_ORG = REPO / "examples" / "la" / "northmoor" / "organisations" / "northmoor-community-health"


def _with_course(programme, **changes):
    course = attrs.evolve(programme.courses["caf-practitioners"], **changes)
    return attrs.evolve(programme, courses={**programme.courses, course.id: course})


def test_the_readme_api_example_runs(tmp_path, monkeypatch, capsys):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Library API"):readme.index("## Command line")]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "dist" / "northmoor" / "caf-practitioners" / "deck.pptx").is_file()
    assert (tmp_path / "dist" / "iwpacks-northmoor.zip").is_file()
    assert "courses.caf-practitioners.title" in capsys.readouterr().out


def test_the_public_names_are_importable_from_the_package():
    for name in iwpacks.__all__:
        assert getattr(iwpacks, name) is not None, name
    assert re.fullmatch(r"\d+\.\d+\.\d+", iwpacks.__version__)
    assert (Path(iwpacks.__file__).parent / "py.typed").is_file()


@pytest.mark.parametrize("title, expected", [
    ("x" * 300, "programme: courses.caf-practitioners.title: a title is at most 200 characters; this one is 300"),
    (None, "programme: courses[2].title: expected text, found nothing (null)"),
    ("", "programme: courses.caf-practitioners.title: expected text, found an empty string"),
])
def test_an_edited_model_that_breaks_a_rule_raises_content_error_everywhere(programme, brand, tmp_path,
                                                                          title, expected):
    edited = _with_course(programme, title=title)
    assert [str(p) for p in iwpacks.validate(edited)] == [expected]
    for call in (lambda: iwpacks.plan_course(edited, "caf-practitioners"),
                 lambda: iwpacks.render(edited, brand, "caf-practitioners", "deck"),
                 lambda: iwpacks.build_pack(edited, brand, tmp_path / "out", ["caf-practitioners"])):
        with pytest.raises(ContentError) as caught:
            call()
        assert [str(p) for p in caught.value.problems] == [expected]
    assert not (tmp_path / "out").exists()


def test_an_edited_reference_is_located_by_collection_and_id(programme):
    edited = _with_course(programme, audience="nobody")
    assert [str(p) for p in iwpacks.validate(edited)] == [
        'programme: courses.caf-practitioners.audience: unknown audience "nobody"']


def test_a_valid_programme_and_an_la_programme_have_no_problems(programme):
    assert iwpacks.validate(programme) == []
    la = iwpacks.apply_overlay(programme, iwpacks.load_overlay(programme, "northmoor", NORTHMOOR_ORG))
    assert iwpacks.validate(la) == []


def test_render_gives_the_bytes_of_one_artefact(programme, brand):
    data = iwpacks.render(programme, brand, "iw-practitioners", "deck")
    assert len(Presentation(io.BytesIO(data)).slides) > 10
    with pytest.raises(iwpacks.UsageError, match="unknown artefact slides"):
        iwpacks.render(programme, brand, "iw-practitioners", "slides")


def test_export_and_import_round_trip_an_la_programme_through_json(programme):
    la = iwpacks.apply_overlay(programme, iwpacks.load_overlay(programme, "northmoor", NORTHMOOR_ORG))
    data = json.loads(json.dumps(iwpacks.export_programme(la)))
    back = iwpacks.import_programme(data)
    assert back == la
    assert back.localisation.display_name == "Northmoor Borough Council: Northmoor Community Health Trust"
    assert back.localisation.slots["escalation-contacts"][0].name == la.localisation.slots["escalation-contacts"][0].name
    assert iwpacks.import_programme(json.loads(json.dumps(iwpacks.export_programme(programme)))) == programme


@pytest.mark.parametrize("data, expected", [
    ({"format": 1}, "export: format: expected 2 (this version's export format), found 1"),
    ([], "export: expected a mapping from export_programme"),
])
def test_import_of_foreign_data_is_a_content_error(data, expected):
    with pytest.raises(ContentError) as caught:
        iwpacks.import_programme(data)
    assert [str(p) for p in caught.value.problems] == [expected]


def test_import_locates_wrong_types_unknown_and_missing_keys(programme):
    data = json.loads(json.dumps(iwpacks.export_programme(programme)))
    data["modules"][1]["objectives"] = [1]
    data["modules"][2]["bogus"] = True
    del data["courses"][0]["title"]
    with pytest.raises(ContentError) as caught:
        iwpacks.import_programme(data)
    assert [str(p) for p in caught.value.problems] == [
        "export: courses[0].title: missing required key",
        "export: modules[1].objectives[0]: expected text, found a number",
        "export: modules[2]: unknown key bogus",
    ]


def test_the_minimal_fixture_builds_every_artefact(brand, tmp_path):
    minimal = iwpacks.load_programme(FIXTURES / "minimal")
    result = iwpacks.build_pack(minimal, brand, tmp_path / "pack")
    assert sorted(path for path, _, _ in result.files) == [
        "is-practitioners/action-plan.docx", "is-practitioners/attendance-register.docx",
        "is-practitioners/certificate.pdf", "is-practitioners/course-outline.pdf",
        "is-practitioners/course-specification.pdf", "is-practitioners/deck.pptx",
        "is-practitioners/evaluation-form.docx", "is-practitioners/glossary.docx", "is-practitioners/handouts.docx",
        "is-practitioners/pre-course-questionnaire.docx", "is-practitioners/trainer-guide.docx", "training-plan.pdf"]

