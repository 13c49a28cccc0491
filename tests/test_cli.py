"""The command line: list, show, export and routes, through the real entry point."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from iwpacks.cli import main
from iwpacks.export import import_programme


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
    assert "total duration: 4 h 20 min - 5 h 20 min" in out
    assert "modules: IW01, IW02, IW03" in out
    for title in ("Introduction to the course", "Background and context within Every Child Matters (ECM)", "Detailed training", "Recap"):
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
    assert result.returncode == 1
    assert result.stderr == ('usage: unknown id "IW1" (did you mean "IW01"?); try `iwpacks list modules` '
                             "or `iwpacks list courses`\n")


def test_export_is_complete_and_loads_back(programme):
    result = run("export")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["modules"]) == 26 and len(data["courses"]) == 24
    for module in data["modules"]:
        assert {"ref", "name", "status", "process", "description", "audience", "objectives", "content", "delivery",
                "duration", "responsibility", "prerequisites"} <= set(module)
    for course in data["courses"]:
        assert {"id", "title", "process", "audience", "status", "modules"} <= set(course)
    course = next(c for c in data["courses"] if c["id"] == "iw-operational-managers")
    assert course["modules"] == ["IW01", "IW02", "IW03"]
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
    assert result.returncode == 1
    assert result.stderr.startswith('usage: unknown audience "teachers"; known: practitioners, trainers')


def test_console_script_is_declared():
    import tomllib
    from pathlib import Path

    data = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    assert data["project"]["scripts"]["iwpacks"] == "iwpacks.cli:main"
