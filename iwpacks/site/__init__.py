"""The course catalogue site: static HTML pages of the programme, its courses, audiences and modules.

Drawn from the same plans as the packs (iwpacks.planning), with jinja2 templates shipped in the package; it
works served over HTTP and opened from disk, so it can go on a web server, a CD-ROM or in an e-mail zip.
"""
from __future__ import annotations

from iwpacks.site.build import SiteResult, build_site, site_files

__all__ = ["SiteResult", "build_site", "site_files"]
