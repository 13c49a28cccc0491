"""LA overlays: checked like content, layered LA then organisation, applied as a pure function."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import EXAMPLES
from PIL import Image

from iwpacks.errors import ContentError, UsageError
from iwpacks.overlay.layers import apply_overlay, find_overlay, load_overlay, merge
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._slots import slot_text

ORG = EXAMPLES / "northmoor" / "organisations" / "northmoor-community-health"


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / "overlay.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(programme, folder: Path, org: Path | None = None) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_overlay(programme, folder, org)
    return [str(p) for p in caught.value.problems]


def line_of(folder: Path, text: str) -> int:
    lines = (folder / "overlay.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_both_example_las_load_with_different_data(programme):
    north = load_overlay(programme, "northmoor")
    east = load_overlay(programme, "eastbrook")
    assert north.name == "Northmoor Borough Council" and east.name == "Eastbrook County Council"
    assert north.logo.read_bytes() != east.logo.read_bytes()
    assert north.slots["escalation-contacts"] != east.slots["escalation-contacts"]


@pytest.mark.parametrize("old, new, expected", [
    ("  escalation-contacts:", "  escalation-contact:",
     'slots.escalation-contact: unknown key (did you mean "escalation-contacts"?)'),
    ("    email: priya.shah@northmoor.example.org", "    email: priya.shah@",
     'slots.escalation-contacts[0].email: "priya.shah@" is not an email address'),
    ('    phone: "01632 960 101"', '    phone: "call me"',
     'slots.escalation-contacts[0].phone: "call me" is not a phone number'),
    ("    link: https://www.northmoor.example.org/childrens-trust/isp", "    link: www.northmoor/isp",
     'slots.information-sharing-protocols[0].link: "www.northmoor/isp" is not a web address'),
    ('    version: "2.1"', "    version: 2.1",
     'slots.information-sharing-protocols[0].version: write the version as text in quotes, e.g. "2.1"'),
    ('    date: "2006-09-01"', '    date: "1 Sept 2006"',
     'slots.information-sharing-protocols[0].date: "1 Sept 2006" is not a date written YYYY-MM-DD'),
    ("    role: Integrated Working Manager", "    role: [Integrated, Working]",
     "slots.escalation-contacts[0].role: expected text, found a list"),
    ("  practitioner-network: \"Join", "  practitioner-network: [\"Join", "YAML syntax error"),
    ("    \"Local escalation processes and contact points\":", "    \"Local escalation process\":",
     'local_notes.LP02.Local escalation process: unknown key (did you mean "Local escalation processes and '
     'contact points"?)'),
    ("logo: logo.png", "logo: ../logo.png", 'logo: "../logo.png" is outside the overlay folder'),
    ("logo: logo.png", "logo: /etc/passwd", 'logo: "/etc/passwd" is outside the overlay folder'),
    ("logo: logo.png", "logo: missing.png", 'logo: logo file "missing.png" not found'),
    ("id: northmoor", "id: North Moor", "id: \"North Moor\" is not a valid LA id"),
])
def test_each_overlay_mistake_has_its_message(programme, la, old, new, expected):
    edit(la, old, new)
    found = problems(programme, la)
    assert any(expected in p for p in found), found
    assert all(p.startswith(str(la / "overlay.yaml")) or p.startswith("testshire") for p in found), found


def test_problem_names_file_line_and_key(programme, la):
    edit(la, "    email: priya.shah@northmoor.example.org", "    email: nobody")
    line = line_of(la, "email: nobody")
    assert problems(programme, la) == [
        f'{la / "overlay.yaml"}:{line}: slots.escalation-contacts[0].email: "nobody" is not an email address']


def test_overlay_cannot_change_the_seed(programme, la):
    (la / "overlay.yaml").write_text((la / "overlay.yaml").read_text() + "modules:\n  IW01:\n    name: Other\n")
    assert any("an overlay cannot change the seed's module definitions" in p for p in problems(programme, la))


def test_logo_that_is_not_an_image(programme, la):
    (la / "logo.png").write_bytes(b"this is not a png")
    assert any('"logo.png": not a readable PNG or JPEG image' in p for p in problems(programme, la))


def test_logo_decompression_bomb_is_refused_by_its_header(programme, la):
    Image.new("1", (20000, 20000)).save(la / "logo.png")  # a small file with a huge pixel count
    assert any("logo has far too many pixels (a decompression bomb?)" in p for p in problems(programme, la))


def test_logo_too_many_pixels(programme, la):
    Image.new("1", (5000, 4000)).save(la / "logo.png")
    assert any("logo is 5000x4000 pixels; the limit is 4000x4000" in p for p in problems(programme, la))


def test_logo_file_too_large(programme, la):
    (la / "logo.png").write_bytes((la / "logo.png").read_bytes() + b"\0" * (3 * 1024 * 1024))
    assert any("the limit is 2048 KB" in p for p in problems(programme, la))


def test_logo_symlink_out_of_the_folder_is_refused(programme, la, tmp_path):
    outside = tmp_path / "outside.png"
    shutil.copy(la / "logo.png", outside)
    (la / "logo.png").unlink()
    (la / "logo.png").symlink_to(outside)
    assert any('"logo.png" is outside the overlay folder' in p for p in problems(programme, la))


def test_protocol_file_with_dotdot_is_refused(programme, la):
    edit(la, "    link: https://www.northmoor.example.org/childrens-trust/isp", "    file: ../../secret.pdf")
    assert any('"../../secret.pdf" is outside the overlay folder' in p for p in problems(programme, la))


def test_unknown_la_lists_the_known_ones():
    with pytest.raises(UsageError, match='unknown LA "atlantis".*known LAs: eastbrook, northmoor'):
        find_overlay("atlantis")


def test_merge_maps_merge_lists_replace_null_removes():
    base = {"a": {"x": 1, "y": [1, 2]}, "b": 2, "c": 3}
    assert merge(base, {"a": {"y": [3]}, "c": None}) == {"a": {"x": 1, "y": [3]}, "b": 2}
    assert base == {"a": {"x": 1, "y": [1, 2]}, "b": 2, "c": 3}  # the base is not changed


def test_organisation_layer_takes_precedence(programme):
    la_only = load_overlay(programme, "northmoor")
    layered = load_overlay(programme, "northmoor", ORG)
    assert layered.name == "Northmoor Borough Council"  # kept from the LA
    assert layered.organisation == "Northmoor Community Health Trust"  # added by the organisation
    assert [c.name for c in layered.slots["information-sharing-advice"]] == ["Dr Ruth Amadi"]  # list replaced
    assert layered.slots["escalation-contacts"] == la_only.slots["escalation-contacts"]  # map merged
    assert "practitioner-network" in la_only.slots and "practitioner-network" not in layered.slots  # null removes
    assert layered.logo.parent.name == "northmoor-community-health"
    assert [f for f, _ in layered.layers] == ["northmoor/overlay.yaml", "northmoor-community-health/overlay.yaml"]


def test_apply_overlay_is_pure_and_fills_slots(programme):
    local = load_overlay(programme, "northmoor")
    localised = apply_overlay(programme, local)
    assert programme.localisation is None  # master unchanged
    plan = plan_course(localised, "lp-practitioners")
    filled = slot_text(plan, "safeguarding-contacts")
    assert filled.filled and "01632\u00a0960\u00a0000" in filled.lines[0]
    master = slot_text(plan_course(programme, "lp-practitioners"), "safeguarding-contacts")
    assert not master.filled and master.lines == ("Your LA adds: local safeguarding contacts",)
    topic = localised.modules["LP02"].topics[4]
    assert topic.local_slides[0].title == "Escalation in Northmoor"
    assert programme.modules["LP02"].topics[4].local_slides == ()


def test_template_syntax_in_an_overlay_stays_literal(programme, la):
    edit(la, '  practitioner-network: "Join', '  practitioner-network: "{{ 7*7 }} {% include x %} Join')
    localised = apply_overlay(programme, load_overlay(programme, la))
    text = slot_text(plan_course(localised, "iw-practitioners"), "practitioner-network")
    assert text.lines[0].startswith("{{ 7*7 }} {% include x %} Join")


def test_localisation_report_lists_filled_and_missing():
    result = subprocess.run([sys.executable, "-m", "iwpacks", "localisation-report", "--la", "northmoor",
                             "--org", str(ORG), "--course", "iw-practitioners"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "[MISSING] practitioner-network" in result.stdout
    assert "[filled] safeguarding-contacts" in result.stdout


def test_an_la_books_courses_into_its_own_training_day(programme):
    """Eastbrook's day is 09:00-15:30 with half an hour for lunch; the master day is content's 09:30 start."""
    from iwpacks.planning.timetable import clock

    local = load_overlay(programme, "eastbrook")
    assert (local.training_day.start, local.training_day.end, local.training_day.lunch_minutes) == (540, 930, 30)
    assert local.training_day.break_minutes == programme.training_day.break_minutes  # not overridden: content's
    for course in ("caf-practitioners", "is-trainers"):
        master = plan_course(programme, course).timetable
        eastbrook = plan_course(apply_overlay(programme, local), course).timetable
        assert clock(master.rows[0].start) == "09:00" and clock(eastbrook.rows[0].start) == "09:00"
        for table, day in ((master, programme.training_day), (eastbrook, local.training_day)):
            assert all(r.end <= day.end for r in table.rows), course
            assert all(r.minutes >= day.lunch_minutes for r in table.rows if r.kind == "lunch"), course


@pytest.mark.parametrize("block, expected", [
    ('training_day:\n  start: "9.30"\n', r'training_day\.start: expected a time of day as HH:MM \(24-hour\), e\.g\. '
                                         r'"09:30"; got "9\.30"'),
    ('training_day:\n  start: "15:00"\n  end: "14:00"\n', r"training_day: the day ends \(14:00\) before it starts"),
    ('training_day:\n  end: "12:00"\n', r"training_day: 09:00-12:00 with 45 min lunch and two 15 min breaks leaves "
                                        r"sessions of 50 min; a training day needs room for two sessions of at least"),
    ('training_day:\n  lunch: 30\n', r"training_day\.lunch: unknown key \(expected one of: start, end, lunch_minutes, "),
])
def test_a_training_day_that_cannot_be_booked_is_refused_with_its_line(programme, la, block, expected):
    edit(la, "slots:\n", block + "slots:\n")
    found = problems(programme, la)
    assert any(re.search(expected, p) for p in found), found
    assert all(p.startswith(f"{la / 'overlay.yaml'}:") or "overlay.yaml:" in p for p in found)


def test_the_caf_arrangements_are_structured_local_facts(programme):
    """The review: the local CAF arrangements took only contacts, though the slide promises forms, storage,
    panels and how to check for an existing CAF."""
    slot = programme.slots["caf-process"]
    assert slot.type == "arrangements"
    assert [p.id for p in slot.parts] == ["forms", "storage", "existing", "meetings", "lead-professional"]
    master = slot_text(plan_course(programme, "caf-practitioners"), "caf-process")
    assert not master.filled
    assert master.lines[1] == "Your LA adds: storing and sending completed forms securely"
    localised = apply_overlay(programme, load_overlay(programme, "northmoor"))
    shown = slot_text(plan_course(localised, "caf-practitioners"), "caf-process")
    assert shown.filled and shown.lines[0].startswith("Forms, and where to get them: Use the Northmoor CAF form")
    assert shown.lines[-1].startswith("Sarah Bennett, CAF Coordinator")
    part = slot_text(plan_course(localised, "caf-practitioners"), "caf-process.existing")
    assert part.heading == "Checking whether a common assessment already exists" and part.filled
    assert "register of common assessments" in part.lines[0]
    assert slot_text(plan_course(programme, "caf-practitioners"), "caf-process.existing").lines == (
        "Your LA adds: checking whether a common assessment already exists",)


def test_an_la_programme_survives_export_and_import_with_its_day_and_arrangements(programme):
    from iwpacks.pack.export import export_programme, import_programme

    eastbrook = apply_overlay(programme, load_overlay(programme, "eastbrook"))
    again = import_programme(export_programme(eastbrook))
    assert again == eastbrook
    assert again.training_day.start == 540 and again.localisation.slots["caf-process"].parts["meetings"]
