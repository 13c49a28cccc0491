"""LA packs: the LA's own values everywhere a slot is used, no placeholder left; master packs show them."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from artefact_text import artefact_text
from paths import EXAMPLES

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.pack.build import build_pack
from iwpacks.renderers._slots import describe_value

COURSES = ["lp-practitioners", "caf-practitioners", "is-advisors"]
PLACEHOLDER = "Your LA adds:"


@pytest.fixture(scope="session")
def packs(programme, brand, tmp_path_factory):
    out = tmp_path_factory.mktemp("packs")
    local = load_overlay(programme, "northmoor")
    build_pack(programme, brand, out / "master", COURSES)
    build_pack(apply_overlay(programme, local), brand, out / "northmoor", COURSES, make_zip=True)
    return out


def texts(folder: Path, course: str) -> dict[str, str]:
    return {p.name: artefact_text(p) for p in sorted((folder / course).iterdir())}


def first_values(value) -> list[str]:
    """Distinctive pieces of a slot's value that must show wherever the slot is used."""
    if isinstance(value, str):
        return [value[:60]]
    first = value[0]
    return [v for v in (getattr(first, "name", ""), getattr(first, "title", ""), getattr(first, "phone", "")) if v]


@pytest.mark.parametrize("course", COURSES)
def test_filled_slots_show_the_la_values_wherever_the_master_shows_a_placeholder(programme, packs, course):
    local = load_overlay(programme, "northmoor")
    master, la = texts(packs / "master", course), texts(packs / "northmoor", course)
    used_somewhere = set()
    for artefact, text in master.items():
        for slot in programme.slots.values():
            if f"{PLACEHOLDER} {slot.label}" in text:
                used_somewhere.add(slot.id)
                for piece in first_values(local.slots[slot.id]):
                    assert " ".join(piece.split()) in la[artefact], (course, artefact, slot.id, piece)
    assert {"safeguarding-contacts", "training-contacts", "practitioner-network"} <= used_somewhere
    for artefact, text in la.items():
        assert PLACEHOLDER not in text, (course, artefact)
        assert "Northmoor Borough Council" in text, (course, artefact)


def test_master_pack_shows_a_placeholder_for_every_slot_a_course_uses(programme, packs):
    from iwpacks.planning.plan import plan_course
    from iwpacks.renderers._slots import slot_text

    for course in COURSES:
        text = " ".join(texts(packs / "master", course).values())
        plan = plan_course(programme, course)
        for slot_id in plan.slots_used:
            assert all(line in text for line in slot_text(plan, slot_id).lines), (course, slot_id)
            assert slot_text(plan, slot_id).lines[0].startswith(PLACEHOLDER)


def test_local_slides_appear_in_the_la_deck(packs):
    deck = texts(packs / "northmoor", "lp-practitioners")["deck.pptx"]
    assert "Escalation in Northmoor" in deck and "Step 2: the Integrated Working Manager (01632 960 101)" in deck


def test_manifest_records_the_overlay(programme, packs):
    manifest = json.loads((packs / "northmoor" / "manifest.json").read_text())
    assert manifest["overlay"]["id"] == "northmoor"
    layer = manifest["overlay"]["layers"][0]
    assert layer["file"] == "northmoor/overlay.yaml" and len(layer["sha256"]) == 64
    with zipfile.ZipFile(packs / "iwpacks-northmoor.zip") as archive:
        assert archive.testzip() is None
        assert "northmoor/lp-practitioners/deck.pptx" in archive.namelist()


def test_describe_value_formats_each_kind(programme):
    local = load_overlay(programme, "northmoor")
    contact = describe_value(local.slots["escalation-contacts"][0])
    # The phone number is joined by no-break spaces, so it never breaks across lines on a slide or a page.
    assert contact == ("Priya Shah, Integrated Working Manager, Northmoor Children's Services, 01632\u00a0960\u00a0101, "
                       "priya.shah@northmoor.example.org")


def test_make_pack_command_builds_the_example_la(tmp_path):
    # What `make pack LA=eastbrook` runs (here for one course): the folder and its zip, both under dist/.
    result = subprocess.run([sys.executable, "-m", "iwpacks", "build", "--la", "eastbrook", "--course",
                             "iw-practitioners"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "built 1 course, 14 files into dist/eastbrook and dist/iwpacks-eastbrook.zip\n"
    with zipfile.ZipFile(tmp_path / "dist" / "iwpacks-eastbrook.zip") as archive:
        assert archive.testzip() is None


def test_strict_fails_on_an_empty_slot(tmp_path):
    org = EXAMPLES / "northmoor/organisations/northmoor-community-health"
    result = subprocess.run([sys.executable, "-m", "iwpacks", "build", "--la", "northmoor", "--org", str(org),
                             "--strict", "--course", "iw-practitioners", "--out", str(tmp_path / "x")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith('localisation: Northmoor Borough Council: Northmoor Community Health Trust: '
                                    'slot "practitioner-network" is empty')
    assert not (tmp_path / "x").exists()
