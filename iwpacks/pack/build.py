"""Builds a pack: plans each course, runs every renderer, writes the folder, manifest and zip."""
from __future__ import annotations

import hashlib
import unicodedata
import io
import json
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from iwpacks.errors import (
    AccessibilityError,
    PendingCourseError,
    UnfilledSlotsError,
    UsageError,
)
from iwpacks.model import ARTEFACTS, Brand, Programme
from iwpacks.pack.atomic import check_output_folder, check_zip_path, clear_leftovers, output_lock, staged_folder
from iwpacks.pack.cache import RenderCache, course_key
from iwpacks.pack.check import NAMES_ONLY, Finding, acronym_findings, check_file, check_pack
from iwpacks.pack.glossary import local_acronyms, terms_used
from iwpacks.pack.text import artefact_text
from iwpacks.pack.workers import die_with_parent, worker_pool
from iwpacks.planning.plan import DEFAULT_GROUP, CoursePlan, plan_course
from iwpacks.source.fields import nfc

MANIFEST = "manifest.json"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@attrs.frozen
class PackResult:
    """What a build wrote: the folder, each file (relative path -> sha256) and the zip, if any."""

    folder: Path
    files: tuple[tuple[str, str, int], ...]  # (relative path, sha256, size)
    zip_path: Path | None
    courses: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    # The modules whose material is not yet reviewed (the manifest's material_status), in the courses' order.
    draft_material: tuple[str, ...] = ()
    # The courses drawn by this build, and those read back from the render cache instead (build_pack's `cache`).
    rendered: tuple[str, ...] = ()
    cached: tuple[str, ...] = ()


def select_courses(programme: Programme, course_ids: Sequence[str] | None, allow_draft: bool) -> list[str]:
    """The courses to build: the given ids (checked) or every course that is not pending."""
    if not course_ids:
        return [c.id for c in programme.courses.values() if not c.is_pending]
    chosen = []
    for cid in course_ids:
        course = programme.courses.get(cid)
        if course is None:
            from iwpacks.errors import did_you_mean

            raise UsageError(f'unknown course "{cid}"{did_you_mean(cid, programme.courses)}; '
                             "see `iwpacks list courses`")
        if course.is_pending and not allow_draft:
            pending = [r for r in course.modules if programme.modules[r].is_pending]
            raise PendingCourseError(f"{cid} is pending: {', '.join(pending)} not yet defined; "
                                     "add --allow-draft to build it marked DRAFT")
        if cid not in chosen:
            chosen.append(cid)
    return chosen


def render(programme: Programme, brand: Brand, course_id: str, artefact: str, *, release: bool = False) -> bytes:
    """One artefact ("deck", "handouts", "course-specification", "trainer-guide", "course-outline") as bytes.

    The bytes are what a build writes; nothing touches the disk. ContentError if the programme breaks a
    content rule, UsageError for an unknown course or artefact.
    """
    from iwpacks.source.validate import check_programme

    check_programme(programme)
    outputs = render_course(programme, brand, course_id, [artefact], release=release)
    if not outputs:
        why = _NOT_HELD[ARTEFACT_BY_NAME[artefact].needs]
        raise UsageError(f"{course_id} {why}: its pack holds no {artefact}")
    return next(iter(outputs.values()))


def render_course(programme: Programme, brand: Brand, course_id: str, artefacts: Sequence[str] | None = None,
                  release: bool = False, attendees: Sequence[str] = (), group_size: int | None = None
                  ) -> dict[str, bytes]:
    """Every artefact of one course as {file name: bytes}; a pure function of its inputs. `attendees` names
    the people the certificate is printed for, a page each; `group_size` (default: as many as are named, or
    20) is how many attend, for the printing list and the register."""
    from iwpacks.renderers import renderers

    plan = course_plan(programme, course_id, release, attendees, group_size)
    every = {name: r for name, r in renderers().items() if plan.holds(ARTEFACT_BY_NAME[name])}
    wanted = list(every)
    if artefacts:
        unknown = [a for a in artefacts if a not in ARTEFACT_BY_NAME]
        if unknown:
            raise UsageError(f"unknown artefact {', '.join(unknown)}; known: {', '.join(ARTEFACT_BY_NAME)}")
        wanted = [name for name in every if name in artefacts]
    out = {name: every[name].render(plan, brand) for name in wanted if name != GLOSSARY}
    if GLOSSARY in wanted:
        # The glossary holds the terms the course's other files use, so it is drawn from them, last.
        others = {**{name: every[name].render(plan, brand) for name in every if name not in out and name != GLOSSARY},
                  **out}
        terms = terms_used(plan.glossary, (artefact_text(every[name].filename, data)
                                           for name, data in others.items()
                                           if every[name].filename not in NAMES_ONLY))
        if terms:
            out[GLOSSARY] = every[GLOSSARY].render(attrs.evolve(plan, glossary=terms), brand)
    return {every[name].filename: out[name] for name in every if name in out}


def course_plan(programme: Programme, course_id: str, release: bool = False, attendees: Sequence[str] = (),
                group_size: int | None = None) -> CoursePlan:
    """The plan render_course draws the course from, with the build's attendees and group size."""
    return attrs.evolve(plan_course(programme, course_id, release=release), attendees=tuple(attendees),
                        group_size=group_size or len(attendees) or DEFAULT_GROUP)


GLOSSARY = "glossary"
_NOT_HELD = {"cascading": "is not a train-the-trainer course", "knowledge-checks": "has no knowledge check",
             "glossary": "uses no glossary term"}
ARTEFACT_BY_NAME = {a.name: a for a in ARTEFACTS}


# Worker state for parallel builds: set once per process so the programme is not pickled per task.
_WORKER: dict = {}


def _init_worker(programme: Programme, brand: Brand, artefacts: Sequence[str] | None, release: bool,
                 attendees: Sequence[str], group_size: int | None) -> None:
    die_with_parent()
    _WORKER.update(programme=programme, brand=brand, artefacts=artefacts, release=release, attendees=attendees,
                   group_size=group_size)


def _render_in_worker(course_id: str) -> tuple[str, dict[str, bytes], list[Finding]]:
    outputs = render_course(_WORKER["programme"], _WORKER["brand"], course_id, _WORKER["artefacts"],
                            _WORKER["release"], _WORKER["attendees"], _WORKER["group_size"])
    return course_id, outputs, _acronyms(_WORKER["programme"], course_id, outputs)


def _acronyms(programme: Programme, course_id: str, outputs: dict[str, bytes]) -> list[Finding]:
    """The acronym check, run where the files were rendered: their text is read already (the glossary). The
    LA's own acronyms (in its names and contacts) are its to use."""
    from iwpacks.pack.glossary import local_acronyms

    known = [t.term for t in programme.glossary] + sorted(local_acronyms(programme.localisation))
    return acronym_findings(outputs, course_id, known)


def _unprintable(programme: Programme, brand: Brand) -> None:
    """ContentError for any letter of the LA's text that none of the brand's fonts can draw (Devanagari, Thai):
    a PDF would show a box where a name should be, and pdftotext nothing."""
    from iwpacks.errors import ContentError, Problem
    from iwpacks.renderers._pdf import script_fonts

    local = programme.localisation
    if local is None:
        return
    covered = [chars for _, chars in script_fonts(brand)]
    problems = []
    where = local.layers[0][0] if local.layers else "overlay.yaml"
    for path, value in local.texts():
        missing = "".join(dict.fromkeys(c for c in value if not c.isspace() and not unicodedata.combining(c)
                                        and ord(c) > 0x7F and not any(ord(c) in chars for chars in covered)))
        if missing:
            problems.append(Problem(where, 0, path, f'the brand\'s fonts cannot print "{missing}" '
                                    "(they cover Latin, Greek, Cyrillic, Hebrew, Arabic, Chinese, Japanese, Korean and "
                                    "emoji); write it in one of those scripts"))
    if problems:
        raise ContentError(problems)


def _diagram_warnings(programme: Programme, brand: Brand, courses: Sequence[str]) -> list[str]:
    """Diagram texts that fit no allowed size, in the modules of the courses built."""
    from iwpacks.renderers._diagram_layout import fit_warnings

    used = {ref for cid in courses for ref in programme.courses[cid].modules}
    return fit_warnings((m for ref, m in programme.modules.items() if ref in used), brand)


def build_pack(programme: Programme, brand: Brand, out: Path, course_ids: Sequence[str] | None = None, *,
               allow_draft: bool = False, make_zip: bool = False, zip_path: Path | None = None,
               artefacts: Sequence[str] | None = None, jobs: int = 1, strict: bool = False,
               progress: Callable[[int, int, str], None] | None = None, release: bool = False,
               attendees: Sequence[str] = (), group_size: int | None = None,
               cache: Path | None = None) -> PackResult:
    """Build the pack into `out` (replaced whole, atomically) and optionally a zip of it.

    `make_zip` writes `iwpacks-<out name>.zip` beside `out`; `zip_path` writes the zip there instead.
    With an LA overlay applied to `programme`, empty slots become warnings (errors with `strict`);
    the manifest records the overlay's layers and their sha256. `progress(done, total, course_id)` is
    called as each course finishes rendering. A `release` pack (and every LA pack) is for trainers: it holds
    no review notes or content version in its text, and no pending course. `attendees` (for one course only)
    prints its certificate for each of them, a page each; `group_size` is how many attend each course (for
    the guide's printing list; default: as many as `attendees` names, or 20). With `cache` (a folder), a
    course whose inputs are unchanged since a build stored it there is read back instead of drawn
    (iwpacks.pack.cache); the pack is byte for byte the one a build without the cache writes.
    """
    from iwpacks.planning.slot_report import slot_uses, unfilled_warnings
    from iwpacks.source.validate import audience_warnings, check_programme

    check_programme(programme)
    _unprintable(programme, brand)
    attendees = tuple(nfc(name) for name in attendees)  # as every text is read: one form for each letter
    release = release or programme.localisation is not None
    if release and allow_draft:
        raise UsageError("a release pack holds no draft courses: build it without --allow-draft")
    out = Path(out)
    check_output_folder(out)
    if zip_path is None and make_zip:
        zip_path = out.parent / f"iwpacks-{out.name}.zip"
    zip_path = None if zip_path is None else Path(zip_path)
    if zip_path is not None:
        check_zip_path(zip_path, out)
    courses = select_courses(programme, course_ids, allow_draft)
    if attendees and len(courses) != 1:
        raise UsageError("attendees are for one course's certificates: name the course with --course")
    local = programme.localisation
    warnings = unfilled_warnings(slot_uses(programme, courses)) if local is not None else []
    if warnings and strict:
        assert local is not None  # only an LA pack has slots to leave empty
        raise UnfilledSlotsError(f"{local.display_name}: " + "; ".join(warnings))
    warnings += [w for w in audience_warnings(programme) if w.split(":", 1)[0] in set(courses)]
    warnings += _diagram_warnings(programme, brand, courses)
    store = None if cache is None else RenderCache(Path(cache))
    with output_lock(out):
        clear_leftovers(out, *(() if zip_path is None or zip_path.parent != out.parent else (zip_path.name,)))
        if zip_path is not None:
            zip_path.parent.mkdir(parents=True, exist_ok=True)
        rendered, found, checked, keys = _from_cache(store, programme, brand, courses, artefacts, release,
                                                     attendees, group_size, progress)
        cached = tuple(rendered)

        def done(cid: str, outputs: dict[str, bytes], findings: list[Finding]) -> None:
            rendered[cid], found[cid] = outputs, findings
            if progress is not None:
                progress(len(rendered), len(courses), cid)

        to_render = [cid for cid in courses if cid not in rendered]
        if jobs > 1 and len(to_render) > 1:
            with worker_pool(jobs, _init_worker, (programme, brand, artefacts, release, tuple(attendees), group_size)) as pool:
                # submit, not map: map cancels what is queued when a course fails, and a cancelled task trips
                # the pool's thread up as worker_pool stops the workers.
                for future in [pool.submit(_render_in_worker, cid) for cid in to_render]:
                    done(*future.result())
        else:
            for cid in to_render:
                outputs = render_course(programme, brand, cid, artefacts, release, attendees, group_size)
                done(cid, outputs, _acronyms(programme, cid, outputs))
        acronyms = [f for cid in courses for f in found[cid]]
        from iwpacks.renderers.training_plan import FILENAME as PLAN_FILE, render_training_plan

        # The programme-level document every pack carries, beside the course folders.
        plan_pdf = render_training_plan(programme, brand, release)
        acronyms += _acronyms(programme, "", {PLAN_FILE: plan_pdf})
        zipped = None if zip_path is None else (lambda stage: zip_folder(stage, out.name))
        with staged_folder(out, zip_path, zipped) as stage:
            (stage / PLAN_FILE).write_bytes(plan_pdf)
            files = [(PLAN_FILE, hashlib.sha256(plan_pdf).hexdigest(), len(plan_pdf))]
            for cid in courses:
                (stage / cid).mkdir()
                for name, data in rendered[cid].items():
                    (stage / cid / name).write_bytes(data)
                    files.append((f"{cid}/{name}", hashlib.sha256(data).hexdigest(), len(data)))
            manifest = {
                "content_version": programme.version, "programme": programme.title, "brand": brand.name,
                # Local: the LA's own, from its content layer; a policy team tells them from the master's.
                "courses": [{"id": cid, "title": programme.courses[cid].title,
                             "status": programme.courses[cid].status, "local": programme.courses[cid].is_local,
                             "modules": [{"ref": ref, "local": programme.modules[ref].is_local}
                                         for ref in programme.courses[cid].modules]} for cid in courses],
                "files": [{"path": p, "sha256": h, "size": s} for p, h, s in files],
                "overlay": None if local is None else {
                    "id": local.id, "name": local.name, "organisation": local.organisation,
                    "layers": [{"file": f, "sha256": h} for f, h in local.layers],
                    "acronyms": sorted(local_acronyms(local)),
                    "local_modules": list(local.modules), "local_courses": list(local.courses)},
                "warnings": warnings, "release": release,
                "material_status": material_status(programme, courses),
            }
            # Each file drawn now is checked here; a course read back from the cache brings its files' findings.
            for cid in (cid for cid in courses if cid not in cached):
                checked[cid] = {name: tuple(check_file(stage / cid / name, f"{cid}/{name}"))
                                for name in rendered[cid]}
            known = {f"{cid}/{name}": list(found_in) for cid in courses for name, found_in in checked[cid].items()}
            findings = acronyms + check_pack(stage, brand, acronyms=False, known=known)
            errors = [f for f in findings if f.severity == "error"]
            if errors:  # raised inside the staged folder: the previous pack stays as it was
                raise AccessibilityError(f"{len(errors)} accessibility error{'s' if len(errors) != 1 else ''}: "
                                         + "; ".join(f"{e.file}: {e.message}" for e in errors[:5]))
            if store is not None:  # only a course that passed its checks is kept
                for cid in (cid for cid in courses if cid not in cached):
                    store.put(keys[cid], rendered[cid], found[cid], checked[cid])
            warnings += [str(f) for f in findings]
            manifest["warnings"] = warnings
            (stage / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    status = material_status(programme, courses)
    return PackResult(out, tuple(files), zip_path, tuple(courses), tuple(warnings),
                      tuple(ref for ref, s in status.items() if s["status"] != REVIEWED),
                      rendered=tuple(cid for cid in courses if cid not in cached), cached=cached)


def _from_cache(store: RenderCache | None, programme: Programme, brand: Brand, courses: Sequence[str],
                artefacts: Sequence[str] | None, release: bool, attendees: Sequence[str], group_size: int | None,
                progress: Callable[[int, int, str], None] | None
                ) -> tuple[dict[str, dict[str, bytes]], dict[str, list[Finding]],
                           dict[str, dict[str, tuple[Finding, ...]]], dict[str, str]]:
    """The courses the cache holds, their acronym findings and each file's accessibility findings, and every
    course's key; nothing without a cache."""
    rendered: dict[str, dict[str, bytes]] = {}
    found: dict[str, list[Finding]] = {}
    checked: dict[str, dict[str, tuple[Finding, ...]]] = {}
    keys: dict[str, str] = {}
    if store is None:
        return rendered, found, checked, keys
    memo: dict = {}  # the courses' plans share most of what they hold: each shared record is walked once
    for cid in courses:
        keys[cid] = course_key(course_plan(programme, cid, release, attendees, group_size), brand, artefacts,
                               release, attendees, group_size, memo)
        entry = store.get(keys[cid])
        if entry is not None:
            rendered[cid], found[cid], checked[cid] = entry.files, list(entry.findings), entry.checks
            if progress is not None:
                progress(len(rendered), len(courses), cid)
    return rendered, found, checked, keys


REVIEWED = "reviewed"
# A material's status as the manifest says it (content/material/<REF>.yaml `status`).
MATERIAL_STATUS_WORDS = {"draft-core-material": "draft core material", REVIEWED: "reviewed"}


def material_status(programme: Programme, courses: Sequence[str]) -> dict[str, dict[str, str]]:
    """Each module with material in the courses built, in their order: its status and, until it is reviewed,
    what the review is to check. A release pack's texts say nothing of a review (trainers read them), so the
    training officer who hands the pack on reads it here, and `iwpacks build` warns of it."""
    out: dict[str, dict[str, str]] = {}
    for ref in dict.fromkeys(ref for cid in courses for ref in programme.courses[cid].modules):
        material = programme.modules[ref].material
        if material is None:
            continue
        out[ref] = {"status": MATERIAL_STATUS_WORDS.get(material.status, material.status)}
        if material.status != REVIEWED and material.review_note:
            out[ref]["review"] = material.review_note
    return out


def zip_folder(folder: Path, root: str | None = None) -> bytes:
    """The folder as a deterministic zip: sorted entries under `<root>/` (default: the folder's name), fixed
    timestamps. A pack is zipped from its staging folder, under the name it is about to take."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{root or folder.name}/{path.relative_to(folder).as_posix()}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()
