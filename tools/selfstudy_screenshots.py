"""Screenshots of the self-study courses for the README: docs/selfstudy-page.png and docs/selfstudy-check.png.

    python tools/selfstudy_screenshots.py [FOLDER] [--module REF]

FOLDER is a built self-study folder (default: dist/selfstudy, as `make selfstudy` writes it); the course is
opened from disk in Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through Playwright, at a laptop's
width: a page with its picture, and the knowledge check with one answer checked.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent.parent / "docs"
WIDTH, HEIGHT = 1280, 900


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default="dist/selfstudy", help="a built self-study folder")
    parser.add_argument("--module", default="IW01", help="the course to show")
    parser.add_argument("--page", default="page-1", help="the part to show first")
    args = parser.parse_args()
    course = (Path(args.folder) / args.module / "index.html").resolve()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        page.goto(course.as_uri() + "#" + args.page)
        page.screenshot(path=str(DOCS / "selfstudy-page.png"))
        page.goto(course.as_uri() + "#check")
        first = page.locator(".question").first
        first.locator("input[type=radio]").nth(int(first.get_attribute("data-answer")) - 1).check()
        first.get_by_role("button", name="Check my answer").click()
        page.screenshot(path=str(DOCS / "selfstudy-check.png"))
        browser.close()
    print(f"wrote {DOCS / 'selfstudy-page.png'} and {DOCS / 'selfstudy-check.png'}")


if __name__ == "__main__":
    main()
