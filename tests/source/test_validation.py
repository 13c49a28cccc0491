"""Each content mistake is caught with its file:line message, all in one run, with no traceback."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import FIXTURES

import iwpacks
from iwpacks.errors import ContentError

MINIMAL = FIXTURES / "minimal"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A fresh copy of the minimal content tree, named 'content' so messages read content/...:line."""
    root = tmp_path / "content"
    shutil.copytree(MINIMAL, root)
    return root


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        iwpacks.load_programme(root)
    return [str(p) for p in caught.value.problems]


def test_minimal_fixture_is_valid():
    programme = iwpacks.load_programme(MINIMAL)
    assert list(programme.modules) == ["IW01", "IS01", "IS02", "ISI01"]


CASES = [
    # (case, file, old text, new text, the exact problem expected)
    ("yaml syntax", "modules/IS02.yaml", "ref: IS02\n", "ref: [IS02\n",
     "content/modules/IS02.yaml:2: YAML syntax error: expected ',' or ']', but got ':'"),
    ("unknown key with suggestion", "modules/IS02.yaml", "responsibility:", "responsability:",
     'content/modules/IS02.yaml:21: responsability: unknown key (did you mean "responsibility"?)'),
    ("missing key", "modules/IS02.yaml", "responsibility: Information Sharing Policy Team\n", "",
     'content/modules/IS02.yaml:1: missing required key "responsibility"'),
    ("wrong type: list for text", "modules/IS02.yaml", "name: Information Sharing in Practice",
     "name: [Information, Sharing]", "content/modules/IS02.yaml:2: name: expected text, found a list"),
    ("wrong type: text for list", "modules/IS02.yaml", "  - Understand the key issues in relation to information sharing",
     "  - [nested]", "content/modules/IS02.yaml:13: objectives.items[0]: expected text, found a list"),
    ("unreadable duration", "modules/IS02.yaml", "duration: 5 hours (2 x 2.5 hours)", "duration: a long afternoon",
     'content/modules/IS02.yaml:20: duration: cannot read duration "a long afternoon": expected e.g. '
     '"30 minutes", "2-3 hours" or "5 hours (2 x 2.5 hours)"'),
    ("unknown module reference", "modules/IS02.yaml", "  - [IS01]", "  - [IS1]",
     'content/modules/IS02.yaml:24: prerequisites.after[0][0]: unknown module "IS1" (did you mean "IS01"?)'),
    ("unknown module reference (well formed)", "modules/IS02.yaml", "  - [IS01]", "  - [IS09]",
     'content/modules/IS02.yaml:24: prerequisites.after[0][0]: unknown module "IS09" (did you mean "IS02"?)'),
    ("unknown audience", "modules/IS02.yaml", "  ids: [practitioners]", "  ids: [practitioner]",
     'content/modules/IS02.yaml:9: audience.ids[0]: unknown audience "practitioner" (did you mean "practitioners"?)'),
    ("unknown process", "modules/IS02.yaml", "process: is", "process: iss",
     'content/modules/IS02.yaml:4: process: unknown process "iss" (did you mean "is"?)'),
    ("unknown common message", "courses.yaml", "messages: [consent]", "messages: [consnt]",
     'content/courses.yaml:16: courses[0].sections[3].messages[0]: unknown common message "consnt" '
     '(did you mean "consent"?)'),
    ("duplicate id in a list", "audiences.yaml", "- id: practitioners\n  name: Practitioners\n  appendix_label: Pract\n"
     "  includes: [Front-line practitioners]\n",
     "- id: practitioners\n  name: Practitioners\n  appendix_label: Pract\n  includes: [Front-line practitioners]\n"
     "- id: practitioners\n  name: Again\n  appendix_label: Pract\n  includes: [Again]\n",
     'content/audiences.yaml:6: audiences[1].id: duplicate audience id "practitioners" (first at item 0)'),
    ("duplicate key", "modules/IS02.yaml", "status: defined\n", "status: defined\nstatus: pending\n",
     "content/modules/IS02.yaml:4: status: duplicate key (first given on line 3)"),
    ("prerequisite cycle", "modules/IW01.yaml", "responsibility: IW Policy Teams\n",
     "responsibility: IW Policy Teams\nprerequisites:\n  after:\n  - [IS02]\n",
     "content/modules/IS01.yaml:22: prerequisites.after: prerequisite cycle: IW01 -> IS02 -> IS01 -> IW01"),
    ("course order breaks a prerequisite", "courses.yaml", "  entry_requirements: [IW01]\n", "",
     "content/courses.yaml:12: courses[0].sections[2].modules[0]: IS01 is designed to be delivered after IW01; "
     "deliver it earlier in the course or list it under entry_requirements"),
    ("course missing a standard section", "courses.yaml", "  - kind: recap\n", "",
     'content/courses.yaml:8: courses[0].sections: missing standard section "recap" (Recap); '
     "add it, or add it with omitted: <reason>"),
    ("course missing a common message", "courses.yaml", "    messages: [consent]\n", "",
     'content/courses.yaml:8: courses[0].sections: missing common message "consent"; '
     "every course presents every common message of 3.2"),
    ("section out of order", "courses.yaml", "  - kind: introduction\n  - kind: ecm-background\n    messages: [duties]\n",
     "  - kind: ecm-background\n    messages: [duties]\n  - kind: introduction\n",
     'content/courses.yaml:11: courses[0].sections[1].kind: section "introduction" is out of order; '
     "the standard order is introduction, ecm-background, process-introduction, detailed-training, recap, close"),
    ("empty section without a reason", "courses.yaml", "    processes: [iw]\n", "",
     'content/courses.yaml:19: courses[0].sections[5]: empty "awareness" section: give it processes, '
     "or say why it is left out with omitted: <reason>"),
    ("appendix cell module missing from course", "courses.yaml", "    modules: [IS02]\n", "    modules: []\n",
     "content/courses.yaml:6: courses[0].appendix_cell: Appendix 1 lists IS02 but the course does not deliver it"),
    ("course adds a module without saying why", "courses.yaml",
     "  appendix_cell: [Intro to Info Sharing (IS01), Info Sharing in Practice (IS02)]\n",
     "  appendix_cell: [Intro to Info Sharing (IS01)]\n",
     "content/courses.yaml:6: courses[0].appendix_cell: the course delivers IS02, which Appendix 1 does not list: "
     "say why with beyond_appendix: <reason>"),
    ("a reason for adding with nothing added", "courses.yaml", "  entry_requirements: [IW01]\n",
     "  beyond_appendix: Added for a reason.\n  entry_requirements: [IW01]\n",
     "content/courses.yaml:7: courses[0].beyond_appendix: the course delivers only the modules Appendix 1 lists: "
     "remove beyond_appendix"),
    ("unknown slot in material", None, None, None,
     'content/material/IS02.yaml:7: topics[0].slots[0]: unknown slot "escalation-contact" '
     '(did you mean "escalation-contacts"?)'),
    ("material topic not verbatim", None, None, None,
     "content/material/IS02.yaml:10: topics[1].title: expected the seed's content item 2 verbatim: "
     '"Consent and who can give or refuse it"'),
    ("material minutes outside the duration", None, None, None,
     "content/material/IS02.yaml:4: topics: topic and exercise minutes add up to 90, outside IS02's duration "
     '"5 hours (2 x 2.5 hours)" (300-300 minutes)'),
    ("file name and ref disagree", "modules/IS02.yaml", "ref: IS02", "ref: IS03",
     'content/modules/IS02.yaml:1: ref: ref "IS03" does not match the file name "IS02.yaml"'),
    ("not UTF-8", None, None, None, "content/sources.yaml:1: not UTF-8 text (invalid start byte at byte 0)"),
]

MATERIAL = """ref: IS02
status: draft-core-material
review_note: Check against the guidance.
topics:
- title: The importance and the challenges of information sharing
  minutes: 60
  slots: [escalation-contact]
  points: [Why it matters]
  notes: Some words.
- title: Consent and who can {give}
  minutes: 30
"""


def _special(root: Path, case: str) -> None:
    (root / "material").mkdir(exist_ok=True)
    material = MATERIAL
    if case == "unknown slot in material":
        material = material.replace("{give}", "give or refuse it")
    elif case == "material topic not verbatim":
        material = material.replace("{give}", "give it").replace("escalation-contact]", "escalation-contacts]")
    elif case == "material minutes outside the duration":
        material = material.replace("{give}", "give or refuse it").replace("escalation-contact]", "escalation-contacts]")
    elif case == "not UTF-8":
        (root / "sources.yaml").write_bytes(b"\xff\xfe bad")
        return
    (root / "material" / "IS02.yaml").write_text(material, encoding="utf-8")


@pytest.mark.parametrize("case, file, old, new, expected", CASES, ids=[c[0] for c in CASES])
def test_each_mistake_is_reported_with_file_and_line(tree, case, file, old, new, expected):
    if file is None:
        _special(tree, case)
    else:
        edit(tree, file, old, new)
    assert expected in problems_of(tree)


def test_every_problem_is_reported_in_one_run(tree):
    edit(tree, "modules/IS02.yaml", "responsibility:", "responsability:")
    edit(tree, "modules/IS01.yaml", "process: is", "process: iss")
    edit(tree, "courses.yaml", "    messages: [consent]\n", "")
    found = problems_of(tree)
    assert len(found) == 4, found  # the typo also leaves "responsibility" missing
    assert any("responsability: unknown key" in p for p in found)
    assert any('unknown process "iss"' in p for p in found)
    assert any('missing common message "consent"' in p for p in found)


def test_validate_command_prints_problems_and_exits_1_without_traceback(tree):
    edit(tree, "modules/IS02.yaml", "responsibility:", "responsability:")
    result = subprocess.run([sys.executable, "-m", "iwpacks", "validate", str(tree)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == ['content/modules/IS02.yaml:1: missing required key "responsibility"',
                     'content/modules/IS02.yaml:21: responsability: unknown key (did you mean "responsibility"?)',
                     "content: 2 problems found"]


def test_validate_command_accepts_the_bundled_content():
    result = subprocess.run([sys.executable, "-m", "iwpacks", "validate"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 26 modules, 24 courses")


def test_missing_folder_is_a_one_line_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "iwpacks", "validate", str(tmp_path / "nope")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == f"usage: content folder not found: {tmp_path / 'nope'}"


def test_missing_file_is_reported(tree):
    (tree / "sources.yaml").unlink()
    assert "content/sources.yaml:1: file is missing" in problems_of(tree)


def test_empty_file_is_reported(tree):
    (tree / "sources.yaml").write_text("", encoding="utf-8")
    assert "content/sources.yaml:1: expected a mapping, found nothing (null)" in problems_of(tree)


def _minimal_with(tmp_path, file: str, old: str, new: str):
    import shutil

    content = shutil.copytree(FIXTURES / "minimal", tmp_path / "content")
    path = content / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return content


@pytest.mark.parametrize("file, old, new, expected", [
    ("slots.yaml", "  role: booking\n", "", r'content/slots.yaml:1: slots: no slot has role "booking" '
                                                r"\(type: contacts\): every pack shows it, so one slot must take it"),
    ("slots.yaml", "  role: network\n", "  role: booking\n",
     r'content/slots.yaml:\d+: slots\[\d+\]\.role: role "booking" is taken by slot "training-contacts"'),
    ("slots.yaml", "  role: network\n", "  role: netwerk\n",
     r'content/slots.yaml:\d+: slots\[\d+\]\.role: expected one of booking, network, local-sources, found "netwerk" '
     r'\(did you mean "network"\?\)'),
    ("course-structure.yaml", "  role: recap\n", "",
     r'content/course-structure.yaml:\d+: sections\[6\]: missing required key "role"'),
    ("material-types.yaml", "artefact: course-outline", "artefact: outline",
     r'content/material-types.yaml:\d+: materials\[0\]\.artefacts\[0\]\.artefact: expected one of deck, handouts, '
     r'course-specification, trainer-guide, course-outline, evaluation-form, attendance-register, action-plan, '
     r'certificate, pre-course-questionnaire, glossary, knowledge-check, knowledge-check-answers, cascade-plan, '
     r'found "outline"'),
])
def test_roles_and_artefacts_in_content_are_checked(tmp_path, file, old, new, expected):
    content = _minimal_with(tmp_path, file, old, new)
    with pytest.raises(ContentError, match=expected):
        iwpacks.load_programme(content)


def test_a_slot_role_of_the_wrong_type_is_refused(tmp_path):
    content = _minimal_with(tmp_path, "slots.yaml", "  type: text\n", "  type: contacts\n")
    with pytest.raises(ContentError, match=r'slots\[\d+\]\.type: a slot with role "network" must be of type text, '
                                           r"found contacts"):
        iwpacks.load_programme(content)


def test_the_content_keys_come_from_the_model_classes():
    from iwpacks.model import Course, CourseSection, Exercise, Topic, content_keys

    assert content_keys(Topic) == ("title", "points", "notes", "minutes", "slots", "local_prompts", "slide_title",
                                   "messages",
                                   "messages_in_notes",
                                   "addressed_to", "variants", "diagram", "run")
    assert "after_topic" in content_keys(Exercise) and "topic" not in content_keys(Exercise)
    assert "processes" in content_keys(CourseSection) and "awareness" not in content_keys(CourseSection)
    assert "status" not in content_keys(Course) and "source" not in content_keys(Course)


def test_a_field_the_overlay_adds_is_an_unknown_key_in_content(tmp_path):
    content = _minimal_with(tmp_path, "courses.yaml", "  title:", "  status: ready\n  title:")
    with pytest.raises(ContentError, match=r'courses\[0\]\.status: unknown key'):
        iwpacks.load_programme(content)


@pytest.mark.parametrize("old, new, expected", [
    ('message_heading: "Key message: {title}"', 'message_heading: "Key message: {name}"',
     r'trainer-guide.yaml:\d+: facilitation.message_heading: "\{name\}" is not a value this text can show '
     r"\(it can show: \{title\}\)"),
    ('message_heading: "Key message: {title}"', 'message_heading: "Key message: {title"',
     r"facilitation.message_heading: .*write \{\{ or \}\} for a literal brace"),
    ('header: ["Local fact", "Form", "What it covers", "Status"]', 'header: ["Local fact", "Status"]',
     r"local_information.header: expected a list of 4 items \(the columns of a table\), found 2"),
    ("  to_add: To add\n", "", r'local_information: missing required key "to_add"'),
    ("  heading: Running the course\n", "  heading: Running the course\n  footer: x\n",
     r"principles.footer: unknown key"),
])
def test_the_trainer_guides_words_are_checked(tmp_path, old, new, expected):
    content = _minimal_with(tmp_path, "trainer-guide.yaml", old, new)
    with pytest.raises(ContentError, match=expected):
        iwpacks.load_programme(content)


def test_an_edited_programme_without_one_of_the_guides_words_is_refused(programme):
    import attrs

    words = {k: v for k, v in programme.guide_text.items() if k != "materials.room"}
    words["materials.header"] = ("Material",)
    problems = [str(p) for p in iwpacks.validate(attrs.evolve(programme, guide_text=words))]
    assert problems == ["programme: guide_text.materials.header: expected a list of 5 items (the columns of a "
                        "table), found 1", "programme: guide_text.materials.room: missing"]
