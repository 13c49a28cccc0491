"""Where each page of the site lives, and the relative links between them (so file:// works as HTTP does)."""
from __future__ import annotations

import posixpath

HOME = "index.html"
SEARCH = "search.html"
ASSETS = "assets"
DOWNLOADS = "downloads"


def course_page(course_id: str) -> str:
    return f"courses/{course_id}.html"


def audience_page(audience_id: str) -> str:
    return f"audiences/{audience_id}.html"


def module_page(ref: str) -> str:
    return f"modules/{ref}.html"


def asset(name: str) -> str:
    return f"{ASSETS}/{name}"


def relative(target: str, page: str) -> str:
    """The link from `page` to `target`, both paths from the site's root: "../courses/x.html" from a module page.
    No link starts with "/", which from disk would mean the root of the drive."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")
