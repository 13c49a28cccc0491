"""Reads content/courses.yaml: one course per Appendix 1 cell, and any beyond it, in the sections of 2.5."""
from __future__ import annotations

from iwpacks.errors import Problem
from iwpacks.model import Course, CourseSection, content_keys
from iwpacks.source.fields import ID_PATTERN, REF_PATTERN, Fields
from iwpacks.source.located_yaml import LocatedData
from iwpacks.source.read_modules import read_sources
from iwpacks.source.records import Origins, unique_records

_COURSE_KEYS = content_keys(Course)
_SECTION_KEYS = content_keys(CourseSection)


def read_courses(doc: LocatedData, origins: Origins, problems: list[Problem]) -> list[Course]:
    """Build every course in the file; a broken course is reported and left out."""
    top = Fields(doc, (), doc.data, ("courses",), problems)
    return unique_records("course", top.records("courses", _COURSE_KEYS), lambda f: _course(f, doc), origins)


def _course(f: Fields, doc: LocatedData) -> Course:
    return Course(
        id=f.identifier("id", ID_PATTERN, "course id (lower-case words joined by '-')"),
        title=f.text("title"),
        process=f.text("process"),
        audience=f.text("audience"),
        appendix_cell=f.text_list("appendix_cell", required=False),  # only a course of Appendix 1 has one
        sections=tuple(_section(s) for s in f.records("sections", _SECTION_KEYS)),
        entry_requirements=f.id_list("entry_requirements", REF_PATTERN, "module ref"),
        notes=f.text_list("notes", required=False),
        beyond_appendix=f.optional_text("beyond_appendix") or "",
        run_optional=f.id_list("run_optional", REF_PATTERN, "module ref"),
        sources=read_sources(f),
        source=doc.file,
    )


def _section(f: Fields) -> CourseSection:
    return CourseSection(
        kind=f.text("kind"),
        modules=f.id_list("modules", REF_PATTERN, "module ref"),
        messages=f.id_list("messages", what="common message id"),
        awareness=f.id_list("processes", what="process id"),
        exercises_from=f.id_list("exercises_from", REF_PATTERN, "module ref"),
        minutes=f.integer("minutes", required=False),
        omitted=f.optional_text("omitted"),
    )
