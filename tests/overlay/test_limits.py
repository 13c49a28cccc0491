"""Limits on an overlay: each a located error, found at once; and every artefact lays out the largest overlay
the limits allow."""
from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest
import yaml
from paths import EXAMPLES

from iwpacks.errors import ContentError
from iwpacks.model import Contact
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.overlay.read import MAX_CHARS, MAX_ITEMS, MAX_LOCAL_SLIDES, MAX_OVERLAY_BYTES
from iwpacks.pack.build import build_pack
from artefact_text import artefact_text

sys.path.insert(0, str(Path(__file__).parent))
from largest_overlay import contact, largest_overlay  # noqa: E402


def _copy(tmp: Path) -> tuple[Path, dict]:
    folder = tmp / "testshire"
    shutil.copytree(EXAMPLES / "northmoor", folder, ignore=shutil.ignore_patterns("organisations"))
    return folder, yaml.safe_load((folder / "overlay.yaml").read_text(encoding="utf-8"))


def _write(folder: Path, data: dict) -> None:
    (folder / "overlay.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _problems(programme, folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_overlay(programme, folder)
    return [str(p) for p in caught.value.problems]


def test_an_overlay_file_over_its_size_is_refused_before_it_is_parsed(programme, tmp_path):
    folder, data = _copy(tmp_path)
    data["slots"]["training-contacts"] = [contact(i) for i in range(20_000)]  # about 8 MB of YAML
    _write(folder, data)
    started = time.perf_counter()
    found = _problems(programme, folder)
    assert time.perf_counter() - started < 0.5
    assert len(found) == 1 and found[0].endswith(f"KB; the limit is {MAX_OVERLAY_BYTES // 1024} KB (a real overlay "
                                                 "is under 20 KB: is this the right file?)")
    assert "overlay.yaml:1: the file is " in found[0]


def test_a_list_over_its_limit_is_one_located_error(programme, tmp_path):
    folder, data = _copy(tmp_path)
    data["slots"]["safeguarding-contacts"] = [contact(i) for i in range(MAX_ITEMS[Contact] + 1)]
    _write(folder, data)
    found = _problems(programme, folder)
    assert found == [f"{found[0].split(':')[0]}:{found[0].split(':')[1]}: slots.safeguarding-contacts: "
                     f"{MAX_ITEMS[Contact] + 1} items; the limit is {MAX_ITEMS[Contact]}"]


def test_local_slides_over_their_limit(programme, tmp_path):
    folder, data = _copy(tmp_path)
    topic = data["local_notes"]["LP02"]["Local escalation processes and contact points"]
    topic["slides"] = [dict(topic["slides"][0]) for _ in range(MAX_LOCAL_SLIDES + 1)]
    _write(folder, data)
    assert any(f"{MAX_LOCAL_SLIDES + 1} items; the limit is {MAX_LOCAL_SLIDES}" in p for p in _problems(programme, folder))


@pytest.mark.parametrize("field", ["name", "role", "organisation"])
def test_a_contact_field_over_its_length(programme, tmp_path, field):
    folder, data = _copy(tmp_path)
    data["slots"]["escalation-contacts"][0][field] = "x" * (MAX_CHARS[field] + 1)
    _write(folder, data)
    found = _problems(programme, folder)
    assert any(f"slots.escalation-contacts[0].{field}: text is {MAX_CHARS[field] + 1} characters long; the limit is "
               f"{MAX_CHARS[field]}" in p for p in found), found


def test_the_largest_overlay_within_the_limits_loads_fast_and_every_artefact_lays_it_out(programme, brand, tmp_path):
    folder = largest_overlay(tmp_path)
    started = time.perf_counter()
    local = load_overlay(programme, folder)
    took = time.perf_counter() - started
    assert took < 1.5, f"{took:.2f} s to read the largest overlay"
    localised = apply_overlay(programme, local)
    # Two courses between them show every slot, the arrangements and the local slides.
    result = build_pack(localised, brand, tmp_path / "pack", ["iw-practitioners", "lp-practitioners"])
    outline = artefact_text(tmp_path / "pack" / "iw-practitioners" / "course-outline.pdf")
    # The outline names the first contacts its pages hold (three, or one where its two pages are full).
    assert any(f"and {MAX_ITEMS[Contact] - shown} more: see the contact sheet in the course handouts" in outline
               for shown in (1, 3))
    plan = artefact_text(tmp_path / "pack" / "training-plan.pdf")
    assert f"and {MAX_ITEMS[Contact] - 2} more: see the contact sheet" in plan
    handouts = artefact_text(tmp_path / "pack" / "iw-practitioners" / "handouts.docx")
    last = local.slots["training-contacts"][-1]
    assert last.email in handouts  # the contact sheet has them all
    assert len(result.courses) == 2
