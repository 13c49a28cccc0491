"""The site in a real browser: Debian's chromium through Playwright, from disk (file://) and over HTTP, with axe.

Office tests (`make test-fast` skips them by the marker, and counts them as skipped): they need chromium, which
`make test` installs with the other system tools. Without it they fail, saying so; they never skip themselves.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from browser_tools import HOSTILE, browser, hostile_la, page, serving, violations  # noqa: F401 - fixtures

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.site import build_site, links

pytestmark = pytest.mark.office


@pytest.fixture(scope="module")
def master_folder(tmp_path_factory, programme, brand, one_course_pack):
    return build_site(programme, brand, tmp_path_factory.mktemp("site") / "site", pack=one_course_pack).folder


@pytest.fixture(scope="module")
def northmoor_folder(tmp_path_factory, northmoor, brand):
    return build_site(northmoor, brand, tmp_path_factory.mktemp("site") / "site-northmoor").folder


@pytest.fixture(scope="module")
def served(master_folder):
    """The master site over HTTP from a local server in a thread: its base URL."""
    with serving(master_folder) as base:
        yield base


def _base(scheme: str, folder: Path, served: str) -> str:
    return served if scheme == "http" else folder.as_uri() + "/"


def _html_pages(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


@pytest.mark.parametrize("site", ["master_folder", "northmoor_folder"])
def test_every_page_has_no_axe_violations_at_wcag_22_aa(site, request, page):
    folder = request.getfixturevalue(site)
    for path in _html_pages(folder):
        page.goto((folder / path).as_uri())
        assert violations(page) == "", path
    page.goto((folder / links.SEARCH).as_uri() + "?q=information+sharing")  # with its results drawn
    assert page.locator("#search-results li").count() > 0
    assert violations(page) == ""


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_a_course_is_found_by_search_and_its_pack_downloaded(scheme, master_folder, served, page):
    page.goto(_base(scheme, master_folder, served) + links.HOME)
    page.get_by_label("Search courses and modules").fill("common assessment practitioners")
    page.get_by_label("Search courses and modules").press("Enter")
    page.wait_for_url("**/search.html?q=common+assessment+practitioners")
    results = page.locator("#search-results li a")
    assert results.count() >= 1
    assert results.first.inner_text() == "The Common Assessment Framework for practitioners"
    assert "results for \u201ccommon assessment practitioners\u201d" in page.locator("#search-status").inner_text()
    results.first.click()
    page.wait_for_url("**/courses/caf-practitioners.html")
    with page.expect_download() as caught:
        page.get_by_role("link", name="Download the trainer pack for this course").click()
    download = caught.value
    assert download.suggested_filename == "caf-practitioners.zip"
    assert Path(download.path()).read_bytes() == (master_folder / "downloads" / "caf-practitioners.zip").read_bytes()


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_typing_narrows_the_results_as_you_go_and_a_word_matching_nothing_says_so(scheme, master_folder, served,
                                                                                   page):
    page.goto(_base(scheme, master_folder, served) + links.SEARCH)
    box = page.get_by_label("Words to find in courses, modules and audiences")
    box.fill("lead")
    wide = page.locator("#search-results li").count()
    box.fill("lead professional practice")
    narrow = page.locator("#search-results li").count()
    assert 0 < narrow < wide
    box.fill("zzzunknownword")
    assert page.locator("#search-results li").count() == 0
    assert page.locator("#search-status").inner_text() == "0 results for \u201czzzunknownword\u201d"


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_every_link_image_stylesheet_and_script_loads(scheme, master_folder, served, page):
    base = _base(scheme, master_folder, served)
    seen: set[str] = set()
    for path in _html_pages(master_folder):
        page.goto(base + path)
        assert page.evaluate("getComputedStyle(document.querySelector('.band')).backgroundColor") == \
            "rgb(11, 85, 99)", path  # the stylesheet applied: the brand's primary colour
        assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)"), path
        targets = page.evaluate("[...document.querySelectorAll('a[href], link[href], script[src], img[src]')]"
                                ".map(e => (e.href || e.src).split('#')[0])")
        seen.update(targets)
    assert all(url.startswith(base) for url in seen)
    for url in sorted(seen):
        if scheme == "http":
            assert page.request.get(url).status == 200, url
        else:
            assert Path(url.removeprefix("file://")).is_file(), url


def test_the_skip_link_is_the_first_stop_shows_its_focus_and_moves_to_the_main_content(master_folder, page):
    page.goto((master_folder / links.course_page("caf-practitioners")).as_uri())
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to main content"
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert ring == "solid"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0  # on screen while focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_a_hostile_overlay_shows_as_text_and_runs_nothing(programme, brand, tmp_path, page):
    la, hostile = hostile_la(tmp_path), HOSTILE
    folder = build_site(apply_overlay(programme, load_overlay(programme, la)), brand, tmp_path / "site").folder
    for path in (links.HOME, links.course_page("caf-practitioners"), links.SEARCH):
        page.goto((folder / path).as_uri())
        assert f"Testshire {hostile}" in page.locator(".brand-sub").inner_text(), path
        assert page.locator("img").count() == 1, path  # the logo only: the overlay's <img> is text
    # The page's `dialog` and `pageerror` listeners fail the test if anything ran.
