"""Builds the site: every page, the stylesheet, the search script and index, the pack's downloads; written
all at once (iwpacks.pack.atomic), and as a zip with --zip."""
from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

import attrs

from iwpacks.errors import UsageError
from iwpacks.model import Brand, Programme
from iwpacks.planning.plan import CoursePlan
from iwpacks.site import links, search, views
from iwpacks.site.downloads import read_pack
from iwpacks.site.render import Site, stylesheet

MANIFEST = "manifest.json"  # the same name as a pack's, so the output folder may be replaced as a pack's is
LOGO = "logo.png"


@attrs.frozen
class SiteResult:
    folder: Path
    files: tuple[str, ...]
    zip_path: Path | None
    courses: tuple[str, ...]


def _plans(programme: Programme) -> dict[str, CoursePlan]:
    """Every course the catalogue offers (none pending), planned as trainers get it (release)."""
    from iwpacks.pack.build import select_courses
    from iwpacks.planning.plan import plan_course
    from iwpacks.source.validate import check_programme

    check_programme(programme)
    return {cid: plan_course(programme, cid, release=True) for cid in select_courses(programme, None, False)}


def _logo(programme: Programme, brand: Brand) -> bytes:
    local = programme.localisation
    if local is not None and local.logo_image is not None:
        return local.logo_image.png
    return brand.logo.read_bytes()


def site_files(programme: Programme, brand: Brand, pack: Path | None = None) -> dict[str, bytes]:
    """Every file of the site by its path from the root, in a fixed order: the same inputs, the same bytes."""
    plans = _plans(programme)
    local = programme.localisation
    downloads = read_pack(Path(pack), local.id if local else None) if pack is not None else None
    site = Site(programme, brand, plans, downloads, links.asset(LOGO))
    modules = views.modules_offered(plans)
    audiences = [a for a in programme.audiences.values() if any(p.audience.id == a.id for p in plans.values())]
    files: dict[str, bytes] = {
        links.HOME: site.page("home.html", links.HOME, programme.title, audiences=audiences, modules=modules),
        links.SEARCH: site.page("search.html", links.SEARCH, "Search"),
    }
    for plan in plans.values():
        path = links.course_page(plan.course.id)
        files[path] = site.page("course.html", path, plan.course.title, plan=plan)
    for audience in audiences:
        path = links.audience_page(audience.id)
        files[path] = site.page("audience.html", path, audience.name, audience=audience)
    for module in modules:
        path = links.module_page(module.ref)
        files[path] = site.page("module.html", path, f"{module.ref} {module.name}", module=module)
    files[links.asset("site.css")] = stylesheet(brand)
    files[links.asset("search.js")] = resources.files("iwpacks.site").joinpath("static/search.js").read_bytes()
    files[links.asset(search.INDEX_SCRIPT)] = search.index_script(search.entries(plans, modules, audiences))
    files[links.asset(LOGO)] = _logo(programme, brand)
    if downloads is not None:
        files.update(downloads.files)
    files[MANIFEST] = _manifest(programme, files)
    return files


def _manifest(programme: Programme, files: dict[str, bytes]) -> bytes:
    local = programme.localisation
    data = {"site": True, "content_version": programme.version, "programme": programme.title,
            "overlay": local.id if local else None,
            "files": [{"path": p, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for p, d in files.items()]}
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def build_site(programme: Programme, brand: Brand, out: Path, *, pack: Path | None = None,
               zip_path: Path | None = None) -> SiteResult:
    """Write the site into `out`, replaced whole and at once (the previous site stays until the new one is
    complete), and its zip at `zip_path` if given. `pack`: a pack folder built for the same LA (or the master
    pack for the master site), whose files and a zip of each course the course pages link."""
    from iwpacks.pack.atomic import (check_output_folder, check_zip_path, clear_leftovers, output_lock,
                                     staged_folder)
    from iwpacks.pack.build import zip_folder

    out = Path(out)
    check_output_folder(out)
    if zip_path is not None:
        zip_path = Path(zip_path)
        check_zip_path(zip_path, out)
    if pack is not None and Path(pack).absolute().resolve().is_relative_to(out.absolute().resolve()):
        raise UsageError(f"--pack {pack} is inside the output folder {out}, which the site replaces whole; "
                         "give the site a folder of its own, e.g. --out dist/site")
    files = site_files(programme, brand, pack)
    with output_lock(out):
        clear_leftovers(out, *(() if zip_path is None or zip_path.parent != out.parent else (zip_path.name,)))
        if zip_path is not None:
            zip_path.parent.mkdir(parents=True, exist_ok=True)
        zipped = None if zip_path is None else (lambda stage: zip_folder(stage, out.name))
        with staged_folder(out, zip_path, zipped) as stage:
            for path, data in files.items():
                (stage / path).parent.mkdir(parents=True, exist_ok=True)
                (stage / path).write_bytes(data)
    courses = tuple(p.removeprefix("courses/").removesuffix(".html") for p in files if p.startswith("courses/"))
    return SiteResult(out, tuple(files), zip_path, courses)
