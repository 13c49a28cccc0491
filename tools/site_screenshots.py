"""Screenshots of the catalogue site for the README: docs/site-home.png and docs/site-course.png.

    python tools/site_screenshots.py [SITE] [--course ID]

SITE is a built site folder (default: dist/site, as `make site` writes it); the pages are opened from disk in
Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through Playwright, at a laptop's width.
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
    parser.add_argument("site", nargs="?", default="dist/site", help="a built site folder (default: dist/site)")
    parser.add_argument("--course", default="caf-practitioners", help="the course page to show")
    args = parser.parse_args()
    site = Path(args.site).resolve()
    shots = {"site-home.png": site / "index.html", "site-course.png": site / "courses" / f"{args.course}.html"}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        for name, path in shots.items():
            page.goto(path.as_uri())
            page.screenshot(path=str(DOCS / name))
            print(f"wrote {DOCS / name}")
        browser.close()


if __name__ == "__main__":
    main()
