"""A module's self-study course as files: one HTML page holding every part in order (the pages, each activity
and decision straight after the page it practises, the knowledge check, the close), its pictures, stylesheet
and script; and the same files with a SCORM 1.2 manifest, as the zip an LMS imports.

One page, not one per part: an LMS launches a SCORM 1.2 package's one SCO and keeps one session with it, and
the same page opens from disk with nothing to serve it. Without JavaScript every part shows in order, each
answer and feedback behind a "show" of its own; the script shows one part at a time, keeps progress, and
reports to an LMS where it finds one.
"""
from __future__ import annotations

import functools
import hashlib
import io
import zipfile
from importlib import resources

import attrs
import jinja2

from iwpacks.errors import UsageError
from iwpacks.model import PART_MARK, Brand, Decision, Diagram, Module, Programme, Question, StudyActivity, StudyPage
from iwpacks.renderers._slots import slot_text
from iwpacks.site.colours import custom_properties, site_colours
from iwpacks.selfstudy import scorm

LANGUAGE = "en-GB"
PAGE = "index.html"
ASSETS = "assets"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # a zip's entries carry no build time, so the same inputs give the same bytes
# The figure's width on the page, in CSS pixels at most: the picture is painted at print resolution (220 dpi)
# and scaled down, so it stays sharp on a high-density screen.
FIGURE_WIDTH = 720
SELF_STUDY_AUDIENCE = "practitioners"  # whose course's questions the check asks


@attrs.frozen
class Figure:
    path: str
    alt: str
    lead_in: str
    width: int
    height: int


@attrs.frozen
class Part:
    """One part of the course as the reader moves through it; `kind` picks its template block."""

    id: str
    kind: str  # intro, page, activity, decision, check, finish
    label: str  # its name in the contents
    page: StudyPage | None = None
    figures: tuple[Figure, ...] = ()
    activity: StudyActivity | None = None
    decision: Decision | None = None


@attrs.frozen
class LocalFacts:
    heading: str
    lines: tuple[str, ...]


def self_study_modules(programme: Programme) -> tuple[Module, ...]:
    """The modules with a self-study course, in the appendix's order."""
    return tuple(m for m in programme.modules.values() if m.self_study is not None)


def course_files(programme: Programme, brand: Brand, ref: str) -> dict[str, bytes]:
    """Every file of `ref`'s self-study course by its path from the course's folder, in a fixed order: the
    same inputs, the same bytes."""
    module = programme.modules.get(ref)
    if module is None or module.self_study is None:
        offered = ", ".join(m.ref for m in self_study_modules(programme)) or "none"
        raise UsageError(f'no self-study course for "{ref}"; the modules with one: {offered}')
    files: dict[str, bytes] = {}
    parts = _parts(module, brand, files)
    local = programme.localisation
    logo = local.logo_image.png if local is not None and local.logo_image is not None else brand.logo.read_bytes()
    page = _environment().get_template("course.html").render(
        lang=LANGUAGE, module=module, study=module.self_study, parts=parts, questions=check_questions(module),
        brand=brand, la_name=local.display_name if local is not None else "", facts=_local_facts(programme, module),
        logo=f"{ASSETS}/logo.png", storage_key=f"iwpacks-selfstudy:{local.id if local else 'master'}:{ref}:"
                                              f"{programme.version}",
        source=programme.source_document)
    files = {PAGE: page.encode("utf-8"), **files}
    files[f"{ASSETS}/selfstudy.css"] = _environment().get_template("selfstudy.css").render(
        custom_properties=custom_properties(site_colours(brand))).encode("utf-8")
    files[f"{ASSETS}/selfstudy.js"] = resources.files("iwpacks.selfstudy").joinpath("static/selfstudy.js").read_bytes()
    files[f"{ASSETS}/logo.png"] = logo
    return files


def scorm_package(programme: Programme, brand: Brand, ref: str, files: dict[str, bytes] | None = None) -> bytes:
    """`ref`'s course as a SCORM 1.2 zip: its files and imsmanifest.xml at the root, deterministic."""
    files = files if files is not None else course_files(programme, brand, ref)
    module = programme.modules[ref]
    assert module.self_study is not None  # course_files says so
    manifest = scorm.manifest(module, programme.version, tuple(files), module.self_study.pass_mark)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in ((scorm.MANIFEST, manifest), *files.items()):
            info = zipfile.ZipInfo(path, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def check_questions(module: Module) -> tuple[Question, ...]:
    """The knowledge check a reader alone takes: the questions a practitioners' course asks (self-study is
    for anyone who works with children; a question written for another audience's course, a senior manager's
    say, is not for them)."""
    assert module.knowledge_check is not None  # the reader attaches self-study only with a check
    return module.knowledge_check.asked_of(SELF_STUDY_AUDIENCE) or module.knowledge_check.questions


def _parts(module: Module, brand: Brand, files: dict[str, bytes]) -> tuple[Part, ...]:
    study, material = module.self_study, module.material
    assert study is not None and material is not None
    parts = [Part("intro", "intro", "Introduction")]
    for n, page in enumerate(study.pages, start=1):
        diagrams = [material.topics[t - 1].diagram for t in (page.topic, *page.also_topics)]
        figures = tuple(_figure(d, brand, files) for d in diagrams if d is not None)
        parts.append(Part(f"page-{n}", "page", page.title, page=page, figures=figures))
        parts += [Part(f"activity-{i}", "activity", f"Activity: {a.title}", activity=a)
                  for i, a in enumerate(study.activities, start=1) if a.after_page == n]
        parts += [Part(f"decision-{i}", "decision", f"Decide: {d.title}", decision=d)
                  for i, d in enumerate(study.decisions, start=1) if d.after_page == n]
    parts += [Part("check", "check", "Check what you have learnt"), Part("finish", "finish", "Finish")]
    return tuple(parts)


def _figure(diagram: Diagram, brand: Brand, files: dict[str, bytes]) -> Figure:
    width, height, alt, png = _picture(diagram, brand)
    path = f"{ASSETS}/figure-{hashlib.sha256(png).hexdigest()[:12]}.png"
    files[path] = png
    shown = min(FIGURE_WIDTH, round(width * 96 / 72))
    return Figure(path, alt, diagram.lead_in, shown, round(height * shown / width))


def _picture(diagram: Diagram, brand: Brand) -> tuple[float, float, str, bytes]:
    from iwpacks.renderers._docx import _figure_picture  # the documents' picture, painted once per process

    return _figure_picture(diagram, brand)


def _local_facts(programme: Programme, module: Module) -> tuple[LocalFacts, ...]:
    """The LA's facts for the slots the module's topics show (who to ask, local protocols); none for the master
    course, which has no LA: its pages send the reader to their local authority instead."""
    if programme.localisation is None or module.material is None:
        return ()
    used = dict.fromkeys(s.partition(PART_MARK)[0] for t in module.material.topics for s in t.slots)
    shown = [slot_text(programme, s) for s in used if s in programme.slots]
    return tuple(LocalFacts(t.heading, t.lines) for t in shown if t.filled)


@functools.cache
def _environment() -> jinja2.Environment:
    # autoescape everywhere: no content or LA text becomes markup. StrictUndefined: a misspelt name fails.
    return jinja2.Environment(loader=jinja2.PackageLoader("iwpacks.selfstudy", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)
