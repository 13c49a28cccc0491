"""Hostile input: whatever a hand-edited content tree or overlay holds, a clear error or a correct result.

Each case asserts the exact outcome. Never a traceback, never a hang.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from artefact_text import artefact_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import EXAMPLES, FIXTURES

import iwpacks
from iwpacks.errors import ContentError, IwpacksError
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.pack.build import build_pack
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._slots import slot_text


def content_copy(tmp: Path) -> Path:
    root = tmp / "content"
    shutil.copytree(FIXTURES / "minimal", root)
    return root


def la_copy(tmp: Path) -> Path:
    folder = tmp / "testshire"
    shutil.copytree(EXAMPLES / "northmoor", folder, ignore=shutil.ignore_patterns("organisations"))
    return folder


def errors_for_content(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        iwpacks.load_programme(root)
    return [str(p) for p in caught.value.problems]


# (case id, file, text to write in place of the file (or a callable on the old text), expected problem)
CONTENT_CASES = [
    ("malformed yaml: unclosed quote", "modules/IW01.yaml", lambda t: t.replace("name: Introduction",
     'name: "Introduction'), "YAML syntax error"),
    ("malformed yaml: tab indentation", "audiences.yaml", lambda t: t.replace("  name:", "\tname:"),
     "content/audiences.yaml:3: YAML syntax error"),
    ("malformed yaml: list where a mapping is due", "audiences.yaml", "- just\n- a list\n",
     "content/audiences.yaml:1: expected a mapping, found a list"),
    ("malformed yaml: scalar document", "sources.yaml", "just words\n",
     "content/sources.yaml:1: expected a mapping, found text"),
    ("wrong type: number for text", "modules/IW01.yaml", lambda t: t.replace("name: Introduction to Integrated Working",
     "name: 42"), "content/modules/IW01.yaml:2: name: expected text, found a number"),
    ("wrong type: bool for list", "modules/IW01.yaml", lambda t: t.replace("content:\n- ECM background, agenda, outcomes "
     "and targets", "content: true"), "content/modules/IW01.yaml:14: content: expected a list of text, found true/false"),
    ("wrong type: null for required text", "modules/IW01.yaml", lambda t: t.replace("responsibility: IW Policy Teams",
     "responsibility:"), "content/modules/IW01.yaml:20: responsibility: expected text, found nothing (null)"),
    ("wrong type: mapping for id", "courses.yaml", lambda t: t.replace("- id: is-practitioners",
     "- id: {a: 1}"), "content/courses.yaml:2: courses[0].id: expected text, found a mapping"),
    ("wrong type: text for minutes", "course-structure.yaml", lambda t: t.replace("minutes: 10", "minutes: ten", 1),
     "content/course-structure.yaml:5: sections[0].minutes: expected a whole number, found text"),
    ("wrong type: negative minutes", "course-structure.yaml", lambda t: t.replace("minutes: 10", "minutes: -5", 1),
     "content/course-structure.yaml:5: sections[0].minutes: expected a number of at least 0, found -5"),
    ("100,000-character string", "modules/IW01.yaml", lambda t: t.replace("name: Introduction to Integrated Working",
     "name: " + "x" * 100_000), "content/modules/IW01.yaml:2: name: a title is at most 200 characters; this one is 100000"),
    ("300-character course title", "courses.yaml", lambda t: t.replace("title: ", "title: " + "x" * 290, 1),
     "a title is at most 200 characters; this one is"),
    ("raw control character", "modules/IW01.yaml", lambda t: t.replace("name: Introduction", "name: Intro\x07duction"),
     "content/modules/IW01.yaml:2: character U+0007 is not allowed in YAML; remove it"),
    ("escaped control character", "modules/IW01.yaml", lambda t: t.replace("name: Introduction to Integrated Working",
     'name: "Intro\\x0bduction"'), "content/modules/IW01.yaml:2: name: text contains the control character U+000B at "
     "position 6; remove it"),
    ("escaped lone surrogate", "modules/IW01.yaml", lambda t: t.replace("name: Introduction to Integrated Working",
     'name: "Intro\\ud800"'), "content/modules/IW01.yaml:2: name: text contains the character U+D800"),
    ("NUL byte", "modules/IW01.yaml", lambda t: t.replace("name: Introduction", "name: Intro\x00"),
     "content/modules/IW01.yaml:2: character U+0000 is not allowed in YAML; remove it"),
    ("YAML alias bomb", "sources.yaml", "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: [*b, *b, *b, *b, *b, *b, *b, *b]\n", "b[0]: YAML aliases (*name) are not supported here; write the value out"),
    ("recursive alias", "sources.yaml", "sources: &s [*s]\n",
     "content/sources.yaml:1: sources[0]: YAML aliases (*name) are not supported here; write the value out"),
    ("deep nesting", "sources.yaml", "sources: " + "[" * 20000 + "]" * 20000 + "\n",
     "content/sources.yaml:1: YAML is nested too deeply to be content"),
    ("duplicate ids", "modules/IS01.yaml", lambda t: t.replace("ref: IS01", "ref: IW01"),
     'content/modules/IS01.yaml:1: ref: ref "IW01" does not match the file name "IS01.yaml"'),
    ("prerequisite cycle", "modules/IW01.yaml", lambda t: t + "prerequisites:\n  after:\n  - [IS01]\n",
     "prerequisite cycle: IW01 -> IS01 -> IW01"),
    ("self prerequisite", "modules/IW01.yaml", lambda t: t + "prerequisites:\n  after:\n  - [IW01]\n",
     "prerequisite cycle: IW01 -> IW01"),
    ("not UTF-8", "sources.yaml", b"sources: \xe9t\xe9\n", "content/sources.yaml:1: not UTF-8 text"),
    ("binary garbage", "audiences.yaml", bytes(range(256)), "content/audiences.yaml:1: not UTF-8 text"),
    ("empty file", "courses.yaml", "", "content/courses.yaml:1: expected a mapping, found nothing (null)"),
    ("an explicit tag", "sources.yaml", "sources: !!python/object:os.system echo\n",
     'content/sources.yaml:1: sources: unsupported YAML tag "tag:yaml.org,2002:python/object:os.system"; '
     "write plain text"),
    ("a key that is a list", "audiences.yaml", "? [a, b]\n: c\naudiences: []\n",
     "content/audiences.yaml:1: keys must be plain text"),
]


@pytest.mark.parametrize("case, file, change, expected", CONTENT_CASES, ids=[c[0] for c in CONTENT_CASES])
def test_hostile_content(tmp_path, case, file, change, expected):
    root = content_copy(tmp_path)
    path = root / file
    if callable(change):
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    elif isinstance(change, bytes):
        path.write_bytes(change)
    else:
        path.write_text(change, encoding="utf-8")
    found = errors_for_content(root)
    assert any(expected in p for p in found), found


def test_hostile_content_through_the_cli_is_one_line_per_problem_and_no_traceback(tmp_path):
    root = content_copy(tmp_path)
    (root / "modules" / "IW01.yaml").write_bytes(b"\xff\xfe\x00garbage")
    result = subprocess.run([sys.executable, "-m", "iwpacks", "validate", str(root)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/modules/IW01.yaml:1: not UTF-8 text (invalid start byte at byte 0)" in result.stderr.splitlines()


OVERLAY_CASES = [
    ("xml specials", 'practitioner-network: "Join', 'practitioner-network: "<b>&amp; > \\" \' Join', None,
     "<b>&amp; > \" ' Join"),
    ("right-to-left text", 'practitioner-network: "Join', 'practitioner-network: "انضم إلى المنتدى Join', None,
     "انضم إلى المنتدى Join"),
    ("welsh", 'practitioner-network: "Join', 'practitioner-network: "Ymunwch â\'r fforwm: ŵ ŷ Join', None,
     "Ymunwch â'r fforwm: ŵ ŷ Join"),
    ("emoji", 'practitioner-network: "Join', 'practitioner-network: "🙂 👪 Join', None, "🙂 👪 Join"),
    ("template syntax", 'practitioner-network: "Join', 'practitioner-network: "{{ 7*7 }} {% include x %} Join', None,
     "{{ 7*7 }} {% include x %} Join"),
    ("100,000-character value", 'practitioner-network: "Join', 'practitioner-network: "' + "y" * 100_000 + " Join",
     "characters long; the limit is 2000", None),
    ("control character", 'practitioner-network: "Join', 'practitioner-network: "\\x1b[31m Join',
     "slots.practitioner-network: text contains the control character U+001B", None),
    ("C1 control character", 'practitioner-network: "Join', 'practitioner-network: "\\x85 Join',
     "slots.practitioner-network: text contains the control character U+0085 at position 1", None),
    ("DEL", 'practitioner-network: "Join', 'practitioner-network: "Jo\\x7fin',
     "slots.practitioner-network: text contains the control character U+007F at position 3", None),
    ("noncharacter", 'practitioner-network: "Join', 'practitioner-network: "Join \\uFDD0',
     "slots.practitioner-network: text contains the character U+FDD0 at position 6", None),
    ("noncharacter in a high plane", 'practitioner-network: "Join', 'practitioner-network: "\\U0010FFFF Join',
     "slots.practitioner-network: text contains the character U+10FFFF at position 1", None),
    ("id with a trailing newline", "id: northmoor", 'id: "northmoor\\n"',
     'id: "northmoor\n" is not a valid LA id', None),
    ("a name over two lines", "name: Northmoor Borough Council", 'name: "Northmoor\\nBorough"',
     "name: a title or name is one line; this one has a line break at position 10", None),
    ("decomposed accents", 'practitioner-network: "Join', 'practitioner-network: "Cafe\u0301 Ysgol Gymraeg Join', None,
     "Caf\u00e9 Ysgol Gymraeg Join"),
    ("duplicate key", "  practitioner-network:", "  local-sources: []\n  practitioner-network:",
     "slots.local-sources: duplicate key", None),
    ("wrong type for a slot", "  local-sources:\n", "  local-sources: just a string\n  unused:\n",
     "slots.local-sources: expected a list of sources, found text", None),
    ("unknown slot", "  escalation-contacts:", "  escalation-contactz:",
     'slots.escalation-contactz: unknown key (did you mean "escalation-contacts"?)', None),
    ("contact with neither phone nor email", '      phone: "01632 960 120"\n      email: caf@northmoor.example.org\n', "",
     "slots.caf-process.contacts[0]: a contact needs a phone or an email", None),
    ("arrangements without a part", '    storage: "Keep completed', '    storag: "Keep completed',
     'slots.caf-process.storag: unknown key (did you mean "storage"?)', None),
    ("arrangements given as a list", "  caf-process:                        # arrangements: a sentence or two on each "
     "part, and contacts\n", "  caf-process: []\n  unused:\n", "slots.caf-process: expected a mapping, found ", None),
    ("absolute path", "logo: logo.png", "logo: /etc/hostname", 'logo: "/etc/hostname" is outside the overlay folder',
     None),
    ("dotdot path", "logo: logo.png", "logo: ../../../../etc/hostname",
     'logo: "../../../../etc/hostname" is outside the overlay folder', None),
    ("seed change attempt", "id: northmoor", "id: northmoor\nduration: 1 hour",
     "duration: an overlay cannot change the seed's module definitions", None),
    ("local notes on a pending module", "local_notes:\n", "local_notes:\n  ISI01:\n    x: {notes: hi}\n",
     "local_notes.ISI01: ISI01 is pending and has no topics to add notes to", None),
]


@pytest.mark.parametrize("case, old, new, error, literal", OVERLAY_CASES, ids=[c[0] for c in OVERLAY_CASES])
def test_hostile_overlay(programme, tmp_path, case, old, new, error, literal):
    folder = la_copy(tmp_path)
    path = folder / "overlay.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if error:
        with pytest.raises(ContentError) as caught:
            load_overlay(programme, folder)
        found = [str(p) for p in caught.value.problems]
        assert any(error in p for p in found), found
    else:  # a correct pack: the text rendered literally in every artefact that shows the slot
        localised = apply_overlay(programme, load_overlay(programme, folder))
        shown = slot_text(plan_course(localised, "iw-practitioners"), "practitioner-network")
        assert shown.filled and shown.lines[0].startswith(literal)
        from iwpacks.source.brand import load_brand

        build_pack(localised, load_brand(), tmp_path / "pack", ["iw-practitioners"])
        for name in ("deck.pptx", "handouts.docx", "trainer-guide.docx"):
            assert " ".join(literal.split()) in artefact_text(tmp_path / "pack" / "iw-practitioners" / name), name


def test_corrupt_logo(programme, tmp_path):
    folder = la_copy(tmp_path)
    (folder / "logo.png").write_bytes((folder / "logo.png").read_bytes()[:200])  # a truncated PNG
    with pytest.raises(ContentError, match='"logo.png": the image data is damaged or cut short'):
        load_overlay(programme, folder)


def test_symlinked_overlay_file_out_of_the_folder(programme, tmp_path):
    folder = la_copy(tmp_path)
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4")
    (folder / "isp.pdf").symlink_to(secret)
    path = folder / "overlay.yaml"
    path.write_text(path.read_text().replace("    link: https://www.northmoor.example.org/childrens-trust/isp",
                                             "    file: isp.pdf"), encoding="utf-8")
    with pytest.raises(ContentError, match='"isp.pdf" is outside the overlay folder'):
        load_overlay(programme, folder)


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_TEXT)
def test_any_overlay_text_is_shown_literally_or_refused_clearly(programme, tmp_path_factory, value):
    folder = la_copy(tmp_path_factory.mktemp("hyp"))
    path = folder / "overlay.yaml"
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["slots"]["practitioner-network"] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        localised = apply_overlay(programme, load_overlay(programme, folder))
    except ContentError as exc:  # the only acceptable failure: a located, one-line problem
        assert all(str(p).count("\n") == 0 for p in exc.problems)
        assert all("overlay.yaml:" in str(p) for p in exc.problems)
        return
    shown = slot_text(plan_course(localised, "iw-practitioners"), "practitioner-network")
    # YAML itself folds some characters (U+0085 becomes a space); compare with what the file says, in the
    # composed form (NFC) every text is read in.
    written = yaml.safe_load(path.read_text(encoding="utf-8"))["slots"]["practitioner-network"]
    assert shown.lines == (unicodedata.normalize("NFC", written),) and shown.filled


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400))
def test_any_bytes_in_a_content_file_give_a_clear_error_or_a_programme(tmp_path_factory, text):
    root = content_copy(tmp_path_factory.mktemp("hyp"))
    (root / "sources.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        iwpacks.load_programme(root)
    except IwpacksError as exc:
        assert isinstance(exc, ContentError)
        assert all(p.file == "content/sources.yaml" for p in exc.problems), exc
