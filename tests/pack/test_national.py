"""`iwpacks national`: every LA under a folder into its own pack; a bad overlay fails alone; shards merge whole."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from iwpacks.cli.main import main
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.pack.build import build_pack
import iwpacks
from iwpacks.pack.national import ShardMergeError, build_national, find_units, merge_shards, parse_shard, shard_units
from iwpacks.errors import UsageError
from tests.paths import REPO

COURSE = "iw-senior-managers"  # one short course keeps each LA's build to seconds
UNITS = ["broken", "eastbrook", "northmoor", "northmoor-northmoor-community-health"]


def pack_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def las(tmp_path_factory) -> Path:
    """The two example LAs (Northmoor with its organisation overlay) and a copy of Eastbrook broken on line 3."""
    root = tmp_path_factory.mktemp("las") / "las"
    for la in ("northmoor", "eastbrook"):
        shutil.copytree(REPO / "examples" / "la" / la, root / la)
    shutil.copytree(REPO / "examples" / "la" / "eastbrook", root / "broken")
    overlay = root / "broken" / "overlay.yaml"
    lines = overlay.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("id:"))
    lines[index] = "id: [broken\n"
    overlay.write_text("".join(lines), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def whole(las, tmp_path_factory):
    """One national build of every LA, two at a time, with zips; its exit code, output and folder."""
    out = tmp_path_factory.mktemp("national") / "out"
    code = main(["national", "-q", "--las", str(las), "--out", str(out), "--course", COURSE, "--zip", "--jobs", "2"])
    return code, out


def test_every_la_folder_and_organisation_overlay_is_one_unit_in_name_order(las):
    units = find_units(las)
    assert [u.id for u in units] == UNITS
    assert units[3].org == las / "northmoor" / "organisations" / "northmoor-community-health"


def test_a_bad_overlay_fails_alone_with_its_located_error_and_the_build_says_so(whole, las):
    code, out = whole
    assert code == 1  # some LA failed: a script must notice
    summary = json.loads((out / "national.json").read_text(encoding="utf-8"))
    assert summary["units"] == UNITS
    assert [e["id"] for e in summary["built"]] == UNITS[1:]
    [failed] = summary["failed"]
    assert failed["id"] == "broken"
    assert failed["error"].startswith("content: ") and "broken/overlay.yaml:" in failed["error"]
    assert not (out / "broken").exists()
    for unit in UNITS[1:]:
        assert (out / unit / "manifest.json").is_file() and (out / f"iwpacks-{unit}.zip").is_file()


def test_each_pack_is_byte_for_byte_the_one_iwpacks_build_writes_for_that_la(whole, las, programme, brand, tmp_path):
    _, out = whole
    org = las / "northmoor" / "organisations" / "northmoor-community-health"
    for unit, la, layer in (("eastbrook", las / "eastbrook", None), ("northmoor-northmoor-community-health",
                                                                   las / "northmoor", org)):
        alone = tmp_path / unit
        build_pack(apply_overlay(programme, load_overlay(programme, la, layer)), brand, alone, [COURSE])
        assert pack_bytes(out / unit) == pack_bytes(alone)


def test_the_summary_gives_each_packs_files_and_warnings_as_its_manifest_does(whole):
    _, out = whole
    built = json.loads((out / "national.json").read_text(encoding="utf-8"))["built"]
    for entry in built:
        manifest = json.loads((out / entry["folder"] / "manifest.json").read_text(encoding="utf-8"))
        assert (entry["files"], entry["warnings"]) == (len(manifest["files"]), manifest["warnings"])
    assert any(entry["warnings"] for entry in built)  # an empty slot somewhere, so the comparison means something


@pytest.fixture(scope="module")
def shards(las, tmp_path_factory):
    """The same build split in three shards, each into a folder of its own, as three CI machines would."""
    root = tmp_path_factory.mktemp("shards")
    for index in (1, 2, 3):
        main(["national", "-q", "--las", str(las), "--out", str(root / f"s{index}"), "--course", COURSE,
              "--shard", f"{index}/3", "--jobs", "1"])
    return root


def test_shards_split_the_units_between_them_each_once(shards):
    held = [sorted(p.name for p in (shards / f"s{i}").iterdir() if p.is_dir()) for i in (1, 2, 3)]
    assert sorted(sum(held, [])) == UNITS[1:]  # every built pack in one shard only; broken built nowhere
    assert [len(shard_units(UNITS, (i, 3))) for i in (1, 2, 3)] == [2, 1, 1]


def test_merge_accepts_shards_that_cover_every_unit_once(shards, capsys):
    merged = merge_shards([shards / f"s{i}" for i in (1, 2, 3)])
    assert merged.units == tuple(UNITS) and merged.shards == 3
    assert [e["id"] for e in merged.built] == UNITS[1:] and [e["id"] for e in merged.failed] == ["broken"]
    assert main(["national", "merge", *(str(shards / f"s{i}") for i in (3, 1, 2))]) == 1  # a failure is reported
    out = capsys.readouterr()
    assert "every one of the 4 packs is reported once; 3 built, 1 failed" in out.out
    assert "failed: broken: content: " in out.err


def test_merge_names_a_missing_or_repeated_shard(shards, capsys):
    with pytest.raises(ShardMergeError, match=r"shard 2/3 is missing: no folder given holds national-2-of-3.json"):
        merge_shards([shards / "s1", shards / "s3"])
    with pytest.raises(ShardMergeError, match=r"shard 1/3 is given twice"):
        merge_shards([shards / "s1", shards / "s1", shards / "s2", shards / "s3"])
    assert main(["national", "merge", str(shards / "s1"), str(shards / "s3")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("national merge: ") and "Traceback" not in err and err.count("\n") == 1


def test_merge_refuses_a_shard_that_reports_another_shards_unit(shards, tmp_path):
    copies = [tmp_path / f"s{i}" for i in (1, 2, 3)]
    for i, copy in enumerate(copies, 1):
        copy.mkdir()
        shutil.copy(shards / f"s{i}" / f"national-{i}-of-3.json", copy)
    summary = copies[1] / "national-2-of-3.json"
    data = json.loads(summary.read_text(encoding="utf-8"))
    data["built"].append({"id": "northmoor", "folder": "northmoor", "files": 1, "warnings": []})
    summary.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ShardMergeError, match=r"northmoor: is not shard 2/3's to build"):
        merge_shards(copies)
    summary.write_text("{not json", encoding="utf-8")
    with pytest.raises(ShardMergeError, match=r"not a national build summary"):
        merge_shards(copies)


@pytest.mark.parametrize(("argv", "message"), [
    (["--shard", "4/3"], "--shard 4/3: expected I/N with 1 <= I <= N"),
    (["--shard", "two"], "--shard two: expected I/N"),
    ([], "--las DIR is required"),
])
def test_bad_arguments_are_one_line_usage_errors(argv, message, capsys):
    assert main(["national", *argv] + (["--las", "examples/la"] if "--shard" in argv else [])) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_the_output_may_not_be_inside_the_las_folder(las, capsys):
    assert main(["national", "--las", str(las), "--out", str(las / "out")]) == 2
    assert "is inside --las" in capsys.readouterr().err
    assert not (las / "out").exists()


def test_a_folder_without_la_folders_is_refused(tmp_path):
    with pytest.raises(UsageError, match="no LA folders found"):
        find_units(tmp_path)
    assert parse_shard("2/4") == (2, 4)


def test_progress_shows_each_la_as_it_ends(las, tmp_path, capsys):
    only = tmp_path / "las"
    shutil.copytree(las / "broken", only / "broken")
    assert main(["national", "-v", "--las", str(only), "--out", str(tmp_path / "out"), "--json"]) == 1
    captured = capsys.readouterr()
    assert "[1/1] broken FAILED (" in captured.err
    assert json.loads(captured.out)["failed"][0]["id"] == "broken"  # --json: stdout is the summary alone


def test_the_library_exports_the_national_build():
    assert (iwpacks.build_national, iwpacks.merge_shards) == (build_national, merge_shards)


def test_the_readme_national_example_runs(las, tmp_path, monkeypatch, capsys):
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Library API"):readme.index("## Command line")]
    code = re.findall(r"```python\n(.*?)```", section, re.S)[1]
    for la in ("broken", "eastbrook"):
        shutil.copytree(las / la, tmp_path / "las" / la)
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "[] [('broken', \"content: las/broken/overlay.yaml:" in out and "['eastbrook'] []" in out
    assert "2 LAs: 1 built, 1 failed" in out
    assert (tmp_path / "out-2" / "eastbrook" / COURSE / "deck.pptx").is_file()
