"""Cases an independent hostile-input kit broke: each a clear error or a correct pack, never lost data."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from paths import EXAMPLES

from iwpacks.errors import ContentError
from iwpacks.overlay.layers import load_overlay

SMALL = ("--course", "iw-practitioners", "--artefact", "course-outline")


def iwpacks(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "iwpacks", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})


def la(tmp: Path, change=None, text_change=None) -> Path:
    folder = tmp / "testshire"
    shutil.copytree(EXAMPLES / "northmoor", folder, ignore=shutil.ignore_patterns("organisations"))
    path = folder / "overlay.yaml"
    if change is not None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if text_change is not None:
        path.write_text(text_change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def problems(programme, folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_overlay(programme, folder)
    return [str(p) for p in caught.value.problems]


def test_out_naming_a_folder_of_other_files_is_refused_and_nothing_is_deleted(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "precious.txt").write_text("keep")
    result = iwpacks("build", *SMALL, "--out", str(tmp_path / "mine"))
    assert result.returncode == 2 and "not a pack this tool built" in result.stderr
    assert (tmp_path / "mine" / "precious.txt").read_text() == "keep"
    folder = la(tmp_path)
    result = iwpacks("build", "--la", str(folder), *SMALL, "--out", str(folder))  # its own overlay folder
    assert result.returncode == 2 and (folder / "overlay.yaml").is_file()


def test_a_previous_pack_or_an_empty_folder_is_replaced(tmp_path):
    (tmp_path / "empty").mkdir()
    assert iwpacks("build", *SMALL, "--out", str(tmp_path / "empty")).returncode == 0
    assert iwpacks("build", *SMALL, "--out", str(tmp_path / "empty")).returncode == 0  # now a pack


def test_a_zip_path_that_is_a_folder_or_inside_the_pack_is_refused_before_anything_is_written(tmp_path):
    (tmp_path / "zips").mkdir()
    for zip_to in (tmp_path / "zips", tmp_path / "pack" / "pack.zip"):
        result = iwpacks("build", *SMALL, "--out", str(tmp_path / "pack"), "--zip", str(zip_to))
        assert result.returncode == 2, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zips"] and not list((tmp_path / "zips").iterdir())


def test_out_naming_a_symlink_leaves_nothing_behind(tmp_path):
    (tmp_path / "target").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "target")
    assert iwpacks("build", *SMALL, "--out", str(tmp_path / "link")).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "target"]


@pytest.mark.parametrize("case, text_change, expected", [
    ("yaml merge key", lambda t: t.replace("  training-contacts:\n",
                                            "  training-contacts:\n  - <<: {name: M, role: R, organisation: O}\n"
                                            "    email: m@example.org\n"),
     "YAML merge keys (<<) are not supported here"),
    ("no such day", lambda t: t.replace('date: "2006-09-01"', 'date: "2006-02-30"'),
     '"2006-02-30" is not a day of the calendar'),
    ("local notes over the overlay's limit", lambda t: t.replace(
        'notes: "In Northmoor, disagreements', 'notes: "' + "word " * 401 + 'In Northmoor, disagreements'),
     "characters long; the limit is 2000"),
    ("line separator", lambda t: t.replace("name: Northmoor Borough Council", 'name: "Northmoor\\u2028Council"'),
     "U+2028"),
    ("raw next-line character", lambda t: t.replace("name: Northmoor Borough Council",
                                                    'name: "Northmoor \x85Council"'), "U+0085"),
])
def test_hostile_overlay_text_is_a_located_error(programme, tmp_path, case, text_change, expected):
    found = problems(programme, la(tmp_path, text_change=text_change))
    assert any(expected in p and "overlay.yaml:" in p for p in found), found


def test_a_script_no_brand_font_draws_is_refused_naming_the_key(programme, tmp_path):
    folder = la(tmp_path, lambda d: d.update(name="नॉर्थमूर परिषद"))
    result = iwpacks("build", "--la", str(folder), *SMALL, "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "name: the brand's fonts cannot print" in result.stderr and not (tmp_path / "out").exists()


def test_an_las_own_acronym_is_its_to_use(programme, tmp_path):
    folder = la(tmp_path, lambda d: d["slots"]["training-contacts"][0].update(organisation="Northmoor CAMHS"))
    out = tmp_path / "out"
    result = iwpacks("build", "--la", str(folder), "--course", "iw-practitioners", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert iwpacks("check", str(out)).returncode == 0


def test_more_attendees_than_a_group_is_one_error(tmp_path):
    (tmp_path / "a.csv").write_text("name\n" + "".join(f"P {i}\n" for i in range(20_000)), encoding="utf-8")
    result = iwpacks("build", "--course", "iw-practitioners", "--attendees", str(tmp_path / "a.csv"),
                     "--artefact", "certificate", "--out", str(tmp_path / "o"))
    assert result.returncode == 1 and "a.csv:502: more than 500 attendees" in result.stderr


def test_an_organisation_layer_may_change_one_part_of_the_arrangements(programme, tmp_path):
    org = tmp_path / "org"
    org.mkdir()
    (org / "overlay.yaml").write_text('organisation: T\nslots:\n  caf-process:\n    forms: "Trust form F1."\n',
                                      encoding="utf-8")
    local = load_overlay(programme, "northmoor", org)
    caf = local.slots["caf-process"]
    assert caf.parts["forms"] == "Trust form F1." and caf.parts["storage"] and caf.contacts
