"""The command line: list, show, export and routes, through the real entry point."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from paths import REPO

from iwpacks.cli.main import main
from iwpacks.pack.export import import_programme


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "iwpacks", *args], capture_output=True, text=True)


def test_list_modules_in_appendix_order(capsys):
    assert main(["list", "modules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 26
    assert lines[0].split()[:3] == ["IW01", "defined", "iw"]
    assert lines[-1].split()[:2] == ["LP03", "pending"] or lines[-1].split()[:2] == ["ISI10", "pending"]


@pytest.mark.parametrize("what, count", [("courses", 24), ("audiences", 6), ("processes", 5)])
def test_list(capsys, what, count):
    assert main(["list", what]) == 0
    assert len(capsys.readouterr().out.splitlines()) == count


def test_show_course_has_sections_modules_and_duration_range(capsys):
    assert main(["show", "iw-operational-managers"]) == 0
    out = capsys.readouterr().out
    # IW02's topics are the overviews, so no awareness segments; their time runs IW02's 30-minute exercise
    # (run_optional). IW01's and IW02's topics deliver every message.
    assert "total duration: 5 h 5 min - 6 h 5 min" in out  # with the close after the recap and a 20-minute introduction
    assert "modules: IW01, IW02, IW03" in out
    for title in ("Introduction to the course", "Background and context within Every Child Matters (ECM)", "Detailed training on integrated working", "Recap",
                  "Close: action plan, evaluation and certificates"):
        assert title in out


def test_show_module_is_readable(capsys):
    assert main(["show", "IS02"]) == 0
    out = capsys.readouterr().out
    assert "duration: 5 hours (2 x 2.5 hours) (5 h in 2 sessions)" in out
    assert "after: IS01" in out


def test_show_pending_course_says_what_is_not_counted(capsys):
    assert main(["show", "isi-practitioners"]) == 0
    assert "not counting pending modules ISI01, ISI02, ISI03, ISI04" in capsys.readouterr().out


def test_show_unknown_id_is_one_clear_line():
    result = run("show", "IW1")
    assert result.returncode == 2
    assert result.stderr == ('usage: unknown id "IW1" (did you mean "IW01"?); try `iwpacks list modules` '
                             "or `iwpacks list courses`\n")


def test_export_is_complete_and_loads_back(programme):
    result = run("export")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["modules"]) == 26 and len(data["courses"]) == 24
    for module in data["modules"]:
        assert {"ref", "name", "status", "process", "description", "audience_text", "audiences", "objectives",
                "content", "delivery_text", "duration", "responsibility", "prerequisites", "material"} <= set(module)
    for course in data["courses"]:
        assert {"id", "title", "process", "audience", "status", "sections"} <= set(course)
    assert data["derived"]["courses"]["iw-operational-managers"]["modules"] == ["IW01", "IW02", "IW03"]
    assert import_programme(data) == programme


def test_routes_order_courses_by_their_prerequisites():
    result = run("routes", "practitioners")
    assert result.returncode == 0
    lines = [line for line in result.stdout.splitlines() if line[:1].isdigit()]
    assert [line.split(":")[0].split(". ")[1] for line in lines] == [
        "iw-practitioners", "is-practitioners", "caf-practitioners", "lp-practitioners", "isi-practitioners"]
    assert "[pending]" in lines[-1]


def test_routes_unknown_audience_lists_the_known_ones():
    result = run("routes", "teachers")
    assert result.returncode == 2
    assert result.stderr.startswith('usage: unknown audience "teachers"; known: practitioners, trainers')


def test_console_script_is_declared():
    import tomllib

    data = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert data["project"]["scripts"]["iwpacks"] == "iwpacks.cli:main"


def test_version():
    import iwpacks

    result = run("--version")
    assert (result.returncode, result.stdout) == (0, f"iwpacks {iwpacks.__version__}\n")


def test_content_is_accepted_after_the_command_too(tmp_path):
    before = run("--content", "tests/fixtures/minimal", "list", "courses")
    after = run("list", "courses", "--content", "tests/fixtures/minimal")
    assert before.returncode == after.returncode == 0
    assert before.stdout == after.stdout and before.stdout.startswith("is-practitioners")


@pytest.mark.parametrize("args, shape", [
    (["validate", "--json"], {"ok": True, "modules": 26, "courses": 24}),
    (["list", "courses", "--json"], None),
    (["show", "IW03", "--json"], {"kind": "module"}),
    (["routes", "practitioners", "--json"], {"audience": "practitioners"}),
    (["localisation-report", "--la", "eastbrook", "--course", "iw-practitioners", "--json"],
     {"overlay": "eastbrook"}),
])
def test_json_output(args, shape):
    result = run(*args)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    if shape is None:
        assert data[0]["id"] == "iw-practitioners" and set(data[0]) == {"id", "title", "status", "process", "audience"}
    else:
        assert shape.items() <= data.items()


def test_validate_json_lists_problems_with_their_location(tmp_path):
    import shutil

    content = shutil.copytree("tests/fixtures/minimal", tmp_path / "content")
    (content / "courses.yaml").write_text((content / "courses.yaml").read_text().replace("title:", "titel:", 1))
    result = run("validate", str(content), "--json")
    assert result.returncode == 1
    problems = json.loads(result.stdout)["problems"]
    assert {"file": "content/courses.yaml", "path": "courses[0].titel"}.items() <= problems[-1].items()


def test_validate_warns_of_words_written_for_another_audience(tmp_path):
    import shutil

    import yaml

    content = shutil.copytree(REPO / "content", tmp_path / "content")
    path = content / "material" / "IW01.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["topics"][0]["addressed_to"] = ["practitioners"]
    data["topics"][0].pop("variants", None)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = run("validate", str(content))
    assert result.returncode == 0
    topic = data["topics"][0]["title"]
    assert (f'warning: iw-trainers: IW01 topic "{topic}" is written for practitioners; add a variant for trainers'
            in result.stderr.splitlines()), result.stderr
    assert "warning" in result.stdout  # the summary counts them
    warnings = json.loads(run("validate", str(content), "--json").stdout)["warnings"]
    assert any(w.startswith("iw-senior-managers: IW01 topic ") for w in warnings)


@pytest.mark.parametrize("args, code, stderr", [
    (["build", "--course", "nope"], 2, "usage: unknown course"),
    (["build", "--course", "isi-practitioners"], 2, "build: isi-practitioners is pending"),
    (["build", "--la", "nowhere"], 2, 'usage: unknown LA "nowhere"'),
    (["frobnicate"], 2, "usage: iwpacks"),
])
def test_exit_codes_tell_failures_apart(args, code, stderr, tmp_path):
    result = run(*args, "--out", str(tmp_path / "out")) if args[0] == "build" else run(*args)
    assert result.returncode == code
    assert result.stderr.startswith(stderr), result.stderr


def test_a_failed_pack_check_exits_3(tmp_path):
    (tmp_path / "pack" / "c").mkdir(parents=True)
    from docx import Document

    Document().save(str(tmp_path / "pack" / "c" / "handouts.docx"))  # no title, no language
    result = run("check", str(tmp_path / "pack"), "--json")
    assert result.returncode == 3
    assert json.loads(result.stdout)["errors"] >= 1


def test_build_writes_the_zip_only_where_asked_and_shows_progress_with_v(tmp_path):
    out = tmp_path / "packs" / "mine"
    result = run("build", "--la", "eastbrook", "--course", "iw-practitioners", "--out", str(out), "-v")
    assert result.returncode == 0, result.stderr
    assert not list(tmp_path.rglob("*.zip"))
    assert "[1/1] iw-practitioners" in result.stderr
    zipped = run("build", "--course", "iw-practitioners", "--out", str(out), "--zip", str(tmp_path / "z.zip"), "-q")
    assert (zipped.returncode, zipped.stdout, zipped.stderr) == (0, "", "")
    assert (tmp_path / "z.zip").is_file()
