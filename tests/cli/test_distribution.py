"""`iwpacks distribution`: the register of copies sent out (4.1), reported against a pack and added to."""
from __future__ import annotations

import json
import zipfile

import pytest
from paths import REPO

from iwpacks.cli.main import main

EXAMPLE = REPO / "examples" / "distribution" / "register.yaml"


def fake_pack(folder, version="2026.11.0", courses=("caf-trainers", "is-trainers")):
    """A pack folder as far as the register reads it: its manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.json").write_text(json.dumps(
        {"content_version": version, "courses": [{"id": c} for c in courses], "files": []}), encoding="utf-8")
    return folder


def report(capsys, *args):
    code = main(["distribution", "report", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_the_example_register_names_who_holds_an_out_of_date_copy(capsys):
    code, data = report(capsys, str(EXAMPLE))
    assert code == 0
    status = {r["to"]: r["status"] for r in data["recipients"]}
    # A later copy of the whole pack replaces the earlier one.
    assert status["Northmoor Borough Council"] == "current"
    assert status["Eastbrook County Council"] == "out of date"
    # A copy of some courses replaces only those: the collaborative's is-trainers is still the old one.
    midlands = next(r for r in data["recipients"] if r["to"] == "Midlands Training Collaborative")
    assert midlands["out_of_date"] == ["is-trainers"]
    assert midlands["holds"] == ["2026.09.0", "2026.11.0"]
    assert data["out_of_date"] == 2
    main(["distribution", "report", str(EXAMPLE)])
    text = capsys.readouterr().out
    assert "out of date  Eastbrook County Council (local authority): holds 2026.09.0; last sent 2026-10-02, " \
           "on request from DfES by CD-ROM" in text
    assert text.rstrip().endswith("3 current, 2 out of date")


def test_a_pack_is_checked_by_its_manifest_folder_or_zip(tmp_path, capsys):
    pack = fake_pack(tmp_path / "pack", version="2026.9.0")
    code, data = report(capsys, str(EXAMPLE), "--pack", str(pack))
    assert data["version"] == "2026.9.0" and data["courses"] == ["caf-trainers", "is-trainers"]
    # Against an older edition (2026.9.0 sorts before 2026.11.0, not after it), the newer copies say so.
    assert {r["to"]: r["status"] for r in data["recipients"]}["Northmoor Borough Council"] == "newer"
    archive = tmp_path / "iwpacks-pack.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(pack / "manifest.json", "pack/manifest.json")
    assert report(capsys, str(EXAMPLE), "--pack", str(archive))[1]["version"] == "2026.9.0"


def test_strict_fails_the_report_when_anyone_is_out_of_date(capsys, tmp_path):
    assert main(["distribution", "report", str(EXAMPLE), "--strict", "-q"]) == 3
    current = tmp_path / "current.yaml"
    current.write_text("sent:\n- to: A\n  kind: local authority\n  route: download\n  version: '2026.11.0'\n"
                       "  date: 2026-11-01\n", encoding="utf-8")
    assert main(["distribution", "report", str(current), "--strict", "-q"]) == 0


@pytest.mark.parametrize("entry, where, message", [
    ("  route: post\n", "sent[0].route", 'expected one of download, request, forwarded, found "post"'),
    ("  medium: fax\n  route: request\n", "sent[0].medium", 'expected one of email, CD-ROM, found "fax"'),
    ("  route: request\n", "sent[0]", 'missing required key "medium": the request route sends by email or CD-ROM'),
    ("  route: forwarded\n", "sent[0].kind",
     "the forwarded route reaches public training body, commercial training body, professional association, "
     "governing body, not a local authority"),
    ("  route: download\n  courses: [caf-trainer]\n", "sent[0].courses[0]", 'unknown course "caf-trainer"'),
])
def test_a_wrong_entry_is_one_located_line(tmp_path, capsys, entry, where, message):
    register = tmp_path / "register.yaml"
    register.write_text("sent:\n- to: Northmoor Borough Council\n  kind: local authority\n  version: '2026.11.0'\n"
                        "  date: 2026-11-01\n" + entry, encoding="utf-8")
    assert main(["distribution", "report", str(register)]) == 1
    err = capsys.readouterr().err
    assert f"{register}:" in err and f": {where}: {message}" in err and "Traceback" not in err


@pytest.mark.parametrize("line, message", [
    ("  version: 2026.10\n", "in quotes, found the number 2026.1"),
    ("  version: 'next'\n", 'expected a content version such as 2026.11.0'),
    ("  version: '2026.11.0'\n  date: 1/11/2026\n", 'expected a date written YYYY-MM-DD, found "1/11/2026"'),
])
def test_versions_and_dates_are_checked(tmp_path, capsys, line, message):
    register = tmp_path / "register.yaml"
    text = "sent:\n- to: A\n  kind: local authority\n  route: download\n" + line
    if "date" not in line:
        text += "  date: 2026-11-01\n"
    register.write_text(text, encoding="utf-8")
    assert main(["distribution", "report", str(register)]) == 1
    assert message in capsys.readouterr().err


def test_record_adds_a_checked_entry_and_keeps_the_file_as_written(tmp_path, capsys):
    register = tmp_path / "register.yaml"
    register.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    pack = fake_pack(tmp_path / "pack")
    assert main(["distribution", "record", str(register), "--pack", str(pack), "--to", "Eastbrook County Council",
                 "--kind", "local authority", "--route", "request", "--medium", "email", "--date", "2026-12-01"]) == 0
    assert "recorded in" in capsys.readouterr().out
    text = register.read_text(encoding="utf-8")
    assert text.startswith(EXAMPLE.read_text(encoding="utf-8"))  # comments and earlier entries kept as written
    # The pack held two courses, so the entry says which; Eastbrook now holds those two at the pack's version.
    code, data = report(capsys, str(register), "--pack", str(pack))
    eastbrook = next(r for r in data["recipients"] if r["to"] == "Eastbrook County Council")
    assert eastbrook["status"] == "current" and eastbrook["last_sent"]["medium"] == "email"
    # Against the whole content, the courses it was not sent are still the old version's.
    code, data = report(capsys, str(register))
    eastbrook = next(r for r in data["recipients"] if r["to"] == "Eastbrook County Council")
    assert "caf-trainers" not in eastbrook["out_of_date"] and "iw-practitioners" in eastbrook["out_of_date"]


def test_record_refuses_a_wrong_entry_and_leaves_the_register_as_it_was(tmp_path, capsys):
    register = tmp_path / "register.yaml"
    register.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = register.read_bytes()
    assert main(["distribution", "record", str(register), "--to", "X", "--kind", "local authority",
                 "--route", "request"]) == 1
    err = capsys.readouterr().err
    assert f"{register}:" in err and 'missing required key "medium"' in err
    assert register.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["register.yaml"]  # no staged file left behind
    assert main(["distribution", "record", str(register), "--to", "X"]) == 2
    assert "--kind, --route are required" in capsys.readouterr().err


def test_record_starts_a_register_that_does_not_exist(tmp_path, capsys):
    register = tmp_path / "new.yaml"
    assert main(["distribution", "record", str(register), "--to", "Northmoor Borough Council", "--kind",
                 "local authority", "--route", "download", "--date", "2026-12-01"]) == 0
    capsys.readouterr()
    code, data = report(capsys, str(register))
    assert [r["status"] for r in data["recipients"]] == ["current"]


def test_a_missing_register_or_pack_is_one_line(tmp_path, capsys):
    assert main(["distribution", "report", str(tmp_path / "none.yaml")]) == 2
    assert "no such register file" in capsys.readouterr().err
    assert main(["distribution", "report", str(EXAMPLE), "--pack", str(tmp_path)]) == 2
    assert "no readable manifest.json" in capsys.readouterr().err
