"""An LA's content layer: its own modules, material and courses beside overlay.yaml, checked with the master."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import EXAMPLES

import iwpacks
from iwpacks.errors import ContentError
from iwpacks.overlay.layers import apply_overlay, load_overlay

COURSE = "caf-school-staff"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(programme, folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_overlay(programme, folder)
    return [str(p) for p in caught.value.problems]


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_the_example_las_own_course_and_module_are_local(programme):
    local = load_overlay(programme, "northmoor")
    assert list(local.modules) == ["NMC01"] and list(local.courses) == [COURSE]
    northmoor = apply_overlay(programme, local)
    course, module = northmoor.courses[COURSE], northmoor.modules["NMC01"]
    assert course.is_local and module.is_local and not module.from_strategy
    assert course.modules == ("CAF01", "NMC01") and not course.in_appendix
    assert module.material is not None and len(module.material.topics) == len(module.content)
    assert not northmoor.modules["CAF01"].is_local and not northmoor.courses["caf-practitioners"].is_local
    # The master is unchanged, and another LA does not see Northmoor's course.
    assert "NMC01" not in programme.modules and COURSE not in programme.courses
    assert COURSE not in apply_overlay(programme, load_overlay(programme, "eastbrook")).courses
    assert iwpacks.validate(northmoor) == []
    assert iwpacks.import_programme(iwpacks.export_programme(northmoor)) == northmoor


def test_a_module_that_shadows_a_master_ref_is_refused(programme, la):
    shutil.copy(la / "modules" / "NMC01.yaml", la / "modules" / "CAF01.yaml")
    edit(la / "modules" / "CAF01.yaml", "ref: NMC01", "ref: CAF01")
    found = problems(programme, la)
    line = line_of(la / "modules" / "CAF01.yaml", "ref: CAF01")
    assert any(p.startswith(f"{la}/modules/CAF01.yaml:{line}: ref: CAF01 is a module of the master content, "
                            "which an LA cannot change or replace") for p in found), found


def test_material_for_a_master_module_is_refused(programme, la):
    shutil.copy(la / "material" / "NMC01.yaml", la / "material" / "CAF02.yaml")
    edit(la / "material" / "CAF02.yaml", "ref: NMC01", "ref: CAF02")
    found = problems(programme, la)
    line = line_of(la / "material" / "CAF02.yaml", "ref: CAF02")
    assert f"{la}/material/CAF02.yaml:{line}: ref: CAF02 is a module of the master content, which an LA cannot " \
           "change; add local_notes to its topics in overlay.yaml instead" in found, found


def test_a_course_that_loops_through_prerequisites_is_refused(programme, la):
    # A second module of the LA's, delivered after NMC01, which is now delivered after it: a loop.
    second = la / "modules" / "NMC02.yaml"
    shutil.copy(la / "modules" / "NMC01.yaml", second)
    edit(second, "ref: NMC01", "ref: NMC02")
    edit(second, "after: [[CAF01]]", "after: [[NMC01]]")
    edit(second, "- id: northmoor-caf-panel", "- id: northmoor-caf-panel-2")
    material = la / "material" / "NMC02.yaml"
    shutil.copy(la / "material" / "NMC01.yaml", material)
    edit(material, "ref: NMC01", "ref: NMC02")
    edit(material, "- id: nmc01-panel-referral", "- id: nmc02-panel-referral")
    edit(la / "modules" / "NMC01.yaml", "after: [[CAF01]]", "after: [[NMC02]]")
    edit(la / "courses.yaml", "    modules: [NMC01]", "    modules: [NMC01, NMC02]")
    found = problems(programme, la)
    cycle = [p for p in found if "prerequisites.after: prerequisite cycle:" in p]
    assert len(cycle) == 1 and cycle[0].startswith(f"{la}/modules/NMC0"), found
    assert cycle[0].endswith(("NMC01 -> NMC02 -> NMC01", "NMC02 -> NMC01 -> NMC02")), cycle
    # And the course's order: each of the two is delivered before the other that it needs.
    assert any(f"{la}/courses.yaml:" in p and "is designed to be delivered after" in p for p in found), found


def test_a_module_with_no_material_is_refused(programme, la):
    (la / "material" / "NMC01.yaml").unlink()
    found = problems(programme, la)
    assert f"{la}/modules/NMC01.yaml:{line_of(la / 'modules' / 'NMC01.yaml', 'ref: NMC01')}: ref: NMC01 is not a " \
           "module of the strategy, so it needs its core material: write material/NMC01.yaml" in found, found


def test_a_course_that_takes_a_master_id_is_refused(programme, la):
    edit(la / "courses.yaml", "- id: caf-school-staff", "- id: caf-practitioners")
    found = problems(programme, la)
    line = line_of(la / "courses.yaml", "- id: caf-practitioners")
    assert f'{la}/courses.yaml:{line}: courses[0].id: "caf-practitioners" is a course of the master content, which ' \
           "an LA cannot change; give the LA's course an id of its own" in found, found


def test_a_course_with_an_unknown_module_or_a_missing_section_is_located(programme, la):
    edit(la / "courses.yaml", "    modules: [NMC01]", "    modules: [NMC10]")
    edit(la / "courses.yaml", "  - kind: recap\n    messages: [further-information]\n", "")
    found = problems(programme, la)
    line = line_of(la / "courses.yaml", "modules: [NMC10]")
    assert f'{la}/courses.yaml:{line}: courses[0].sections[3].modules[0]: unknown module "NMC10" (did you mean ' \
           '"NMC01"?)' in found, found
    assert any('missing standard section "recap"' in p for p in found), found


def test_an_la_module_cannot_claim_to_be_the_strategys(programme, la):
    edit(la / "modules" / "NMC01.yaml", "status: defined", "status: defined\norigin: strategy")
    found = problems(programme, la)
    assert any(p.startswith(f"{la}/modules/NMC01.yaml:") and "origin: an LA's own module is local" in p
               for p in found), found


def test_a_layer_folder_that_leads_outside_is_refused(programme, la, tmp_path):
    outside = tmp_path / "elsewhere"
    shutil.move(str(la / "modules"), outside)
    (la / "modules").symlink_to(outside)
    found = problems(programme, la)
    assert f"{la}/modules:1: leads outside the overlay folder; keep the LA's modules, material and courses " \
           "inside it" in found, found


def test_an_overlay_without_a_layer_adds_nothing(programme):
    local = load_overlay(programme, "eastbrook")
    assert not local.modules and not local.courses


def test_a_layer_file_over_the_overlay_limit_is_refused_before_it_is_read(programme, la):
    path = la / "modules" / "NMC01.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# " + "x" * 300_000 + "\n", encoding="utf-8")
    found = problems(programme, la)
    size = path.stat().st_size // 1024
    assert found == [f"{la}/modules/NMC01.yaml:1: the file is {size} KB; the limit is 256 KB"], found


def test_a_layer_file_that_links_outside_is_refused(programme, la, tmp_path):
    outside = tmp_path / "NMC01.yaml"
    shutil.move(str(la / "material" / "NMC01.yaml"), outside)
    (la / "material" / "NMC01.yaml").symlink_to(outside)
    found = problems(programme, la)
    assert found == [f"{la}/material/NMC01.yaml:1: leads outside the overlay folder; keep the LA's modules, material "
                     "and courses inside it"], found


def test_an_organisation_layer_adds_no_modules_or_courses(programme, tmp_path):
    org = tmp_path / "org"
    shutil.copytree(EXAMPLES / "northmoor" / "organisations" / "northmoor-community-health", org)
    (org / "courses.yaml").write_text("courses: []\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_overlay(programme, "northmoor", org)
    assert [str(p) for p in caught.value.problems] == [
        f"{org}/courses.yaml:1: an organisation overlay adds no modules or courses; put them in the LA's folder, "
        "beside its overlay.yaml"]
