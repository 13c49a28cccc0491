"""Self-study delivery (Appendix 2: IW01, IS01 and IS04 "Classroom, presentation or self-study"; IS03 "via CBT
as interactive exercises"): each such module as one HTML course a person studies alone, and as a SCORM 1.2
package for an LMS. Written from content/selfstudy/, the module's material and its knowledge check.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import attrs

from iwpacks.model import Brand, Programme
from iwpacks.selfstudy.build import course_files, scorm_package, self_study_modules

MANIFEST = "manifest.json"  # the name a pack's has, so the output folder may be replaced as a pack's is

__all__ = ["SelfStudyResult", "build_selfstudy", "course_files", "scorm_package", "scorm_name",
           "self_study_modules", "selfstudy_files"]


@attrs.frozen
class SelfStudyResult:
    folder: Path
    modules: tuple[str, ...]
    files: tuple[str, ...]


def scorm_name(ref: str) -> str:
    return f"{ref}-scorm12.zip"


def selfstudy_files(programme: Programme, brand: Brand, refs: Sequence[str] | None = None) -> dict[str, bytes]:
    """Every file of the output folder by its path: each module's course under `<REF>/`, its SCORM package
    beside it, and a manifest of them all. `refs`: the modules to build (default: every one with a course)."""
    from iwpacks.source.validate import check_programme

    check_programme(programme)
    refs = tuple(refs) if refs else tuple(m.ref for m in self_study_modules(programme))
    files: dict[str, bytes] = {}
    for ref in dict.fromkeys(refs):
        course = course_files(programme, brand, ref)
        files.update({f"{ref}/{path}": data for path, data in course.items()})
        files[scorm_name(ref)] = scorm_package(programme, brand, ref, course)
    local = programme.localisation
    manifest = {"selfstudy": True, "content_version": programme.version, "overlay": local.id if local else None,
                "modules": list(dict.fromkeys(refs)),
                "files": [{"path": p, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                          for p, d in files.items()]}
    files[MANIFEST] = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def build_selfstudy(programme: Programme, brand: Brand, out: Path,
                    refs: Sequence[str] | None = None) -> SelfStudyResult:
    """Write the self-study courses into `out`, replaced whole and at once (the previous folder stays until
    the new one is complete)."""
    from iwpacks.pack.atomic import check_output_folder, clear_leftovers, output_lock, staged_folder

    out = Path(out)
    check_output_folder(out)
    files = selfstudy_files(programme, brand, refs)
    with output_lock(out):
        clear_leftovers(out)
        with staged_folder(out) as stage:
            for path, data in files.items():
                (stage / path).parent.mkdir(parents=True, exist_ok=True)
                (stage / path).write_bytes(data)
    modules = tuple(json.loads(files[MANIFEST])["modules"])
    return SelfStudyResult(out, modules, tuple(files))
