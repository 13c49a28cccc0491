"""What the browser tests share: Debian's chromium through Playwright, a page that fails its test if a script
throws or opens a dialog, axe-core at WCAG 2.2 AA, and a quiet local HTTP server.

Import the fixtures into a test module (`from browser_tools import browser, page`); pytest finds them there.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from paths import EXAMPLES

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# WCAG 2.0, 2.1 and 2.2 at levels A and AA: axe-core's tags for what AA conformance takes.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        pass


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """`folder` over HTTP from a local server in a thread: its base URL, ending in "/"."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=folder))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).is_file(), f"{CHROMIUM} is missing: `make system-tools` installs Debian's chromium"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    yield opened
    context.close()
    assert errors == []  # no script failed and none opened a dialog


def violations(page) -> str:
    """axe-core's report of the page as it is drawn now, at WCAG 2.2 AA; empty when there are none."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    return "" if results.violations_count == 0 else results.generate_report()


# Markup, a template expression and right-to-left text in an LA's name: each page must show it as text.
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> {{ 7*7 }} \u05de\u05e8\u05db\u05d6"


def hostile_la(tmp_path: Path) -> Path:
    """Northmoor's overlay copied as "Testshire" with HOSTILE in its name: the folder."""
    la = shutil.copytree(EXAMPLES / "northmoor", tmp_path / "testshire", ignore=shutil.ignore_patterns("organisations"))
    overlay = la / "overlay.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8").replace(
        "name: Northmoor Borough Council", f'name: "Testshire {HOSTILE}"', 1), encoding="utf-8")
    return la
