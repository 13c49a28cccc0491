"""A built pack put on the site: each course's files and a zip of the course, with their sizes and sha256."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import attrs

from iwpacks.errors import UsageError
from iwpacks.site import links


@attrs.frozen
class Download:
    href: str    # from the site's root
    size: int    # bytes
    sha256: str

    @property
    def size_text(self) -> str:
        """"48 KB", "1.2 MB": as a download link says how big the file is (a no-break space: never split)."""
        if self.size < 1_000_000:
            return f"{max(1, round(self.size / 1000))}\u00a0KB"
        return f"{self.size / 1_000_000:.1f}\u00a0MB"


@attrs.frozen
class PackFiles:
    """The pack's files as the site holds them, by path from the site's root."""

    files: dict[str, bytes] = attrs.field(eq=False)
    by_course: dict[str, dict[str, Download]] = attrs.field(eq=False)
    zips: dict[str, Download] = attrs.field(eq=False)
    plan: Download | None = None  # the programme's training plan, which every pack carries beside its courses

    def file(self, course_id: str, filename: str) -> Download | None:
        return self.by_course.get(course_id, {}).get(filename)

    def course_zip(self, course_id: str) -> Download | None:
        return self.zips.get(course_id)


def _download(path: str, data: bytes) -> Download:
    return Download(path, len(data), hashlib.sha256(data).hexdigest())


def read_pack(folder: Path, overlay_id: str | None) -> PackFiles:
    """The pack in `folder` (a folder `iwpacks build` wrote), which must be built for the same LA as the site,
    so an LA's catalogue never links the master pack's files, nor another LA's."""
    from iwpacks.pack.build import MANIFEST, zip_folder

    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        listed = [entry["path"] for entry in manifest["files"]]
        courses = [course["id"] for course in manifest["courses"]]
    except (OSError, ValueError, KeyError, TypeError):
        raise UsageError(f"--pack {folder}: not a pack folder (no readable {MANIFEST}); "
                         "give a folder that `iwpacks build` wrote") from None
    built_for = (manifest.get("overlay") or {}).get("id")
    if built_for != overlay_id:
        def who(la: str | None, what: str) -> str:
            return f"the {what} for {la}" if la else f"the master {what}"
        raise UsageError(f"--pack {folder} is {who(built_for, 'pack')}, and this is {who(overlay_id, 'site')}; "
                         "give a pack built with the same --la")
    files: dict[str, bytes] = {}
    by_course: dict[str, dict[str, Download]] = {}
    plan = None
    for path in listed:
        data = (folder / path).read_bytes()
        site_path = f"{links.DOWNLOADS}/{path}"
        files[site_path] = data
        course, _, name = path.rpartition("/")
        if course:
            by_course.setdefault(course, {})[name] = _download(site_path, data)
        else:
            plan = _download(site_path, data)
    zips = {}
    for course in courses:
        data = zip_folder(folder / course, course)
        site_path = f"{links.DOWNLOADS}/{course}.zip"
        files[site_path] = data
        zips[course] = _download(site_path, data)
    return PackFiles(files, by_course, zips, plan)
