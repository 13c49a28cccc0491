"""Checks a merged LA overlay and turns it into a Localisation, every problem located by file and line."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from iwpacks.errors import Problem
from iwpacks.model import (
    SLOT_TYPES,
    Arrangements,
    Contact,
    FrozenMap,
    Localisation,
    LocalSlide,
    LocalSlot,
    LocalSource,
    LogoImage,
    Programme,
    Protocol,
)
from iwpacks.source.fields import ID_PATTERN, Fields, describe
from iwpacks.source.located_yaml import LocatedData
from iwpacks.source.training_day import read_training_day

OVERLAY_KEYS = ("id", "name", "organisation", "logo", "slots", "local_notes", "training_day")
_SEED_FIELDS = ("modules", "objectives", "content", "duration", "courses", "common_messages")
EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
PHONE = re.compile(r"^\+?[0-9 ()-]{10,20}$")
URL = re.compile(r"^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]+)?(/[^\s]*)?$")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
OVERLAY_MAX_TEXT = 2000  # a text slot or a local note; enough for a paragraph
# Limits no real LA meets (a real LA has fewer than 30 contacts in a slot), each a located error. They keep a
# pasted spreadsheet from hanging the build, and every artefact lays out the largest overlay within them
# (tests/overlay/test_limits.py builds it). The README lists them.
MAX_OVERLAY_BYTES = 256 * 1024
MAX_ITEMS = {Contact: 40, Protocol: 12, LocalSource: 30}  # per slot
MAX_ARRANGEMENT_CONTACTS = 12
MAX_LOCAL_SLIDES = 4   # per topic
MAX_SLIDE_POINTS = 8
# Characters, per field; a field not named here has OVERLAY_MAX_TEXT (or a pattern of its own).
MAX_CHARS = {"name": 120, "organisation": 120, "role": 100, "email": 120, "title": 200, "version": 30,
             "owner": 120, "summary": 600, "file": 200, "link": 300, "url": 300, "description": 400,
             "part": 600, "point": 300}


def read_localisation(doc: LocatedData, folder: Path, programme: Programme, problems: list[Problem], *,
                      require_identity: bool = True, trusted_paths: bool = False) -> Localisation | None:
    """Build a Localisation from one overlay layer (or from merged layers, with `trusted_paths`).

    An organisation layer need not repeat the LA's id and name (`require_identity=False`). Merged
    layers carry paths already checked and made absolute by their own layer (`trusted_paths`).
    """
    if isinstance(doc.data, dict):
        for key in _SEED_FIELDS:
            if key in doc.data:
                doc_problem = doc.problem((key,), "an overlay cannot change the seed's module definitions (name, "
                                                  "objectives, content, duration); add local_notes to a topic instead")
                problems.append(doc_problem)
    f = Fields(doc, (), doc.data, OVERLAY_KEYS + _SEED_FIELDS, problems, max_text=OVERLAY_MAX_TEXT)
    if not f.ok:
        return None
    la_id = name = ""
    if require_identity or f.has("id"):
        la_id = f.identifier("id", ID_PATTERN, "LA id (lower-case words joined by '-')")
    if require_identity or f.has("name"):
        name = f.text("name", most=MAX_CHARS["name"])
    logo = _logo(f, folder, trusted_paths) if f.data.get("logo") is not None else None
    return Localisation(id=la_id, name=name, logo_image=_decoded_logo(f, logo), organisation=f.text("organisation", required=False,
                                                                 most=MAX_CHARS["organisation"]),
                        logo=logo, slots=FrozenMap(_slots(f, programme, folder, trusted_paths,
                                                          partial=not require_identity)),
                        local_notes=FrozenMap(_local_notes(f, programme)),
                        training_day=read_training_day(f, "training_day", programme.training_day))


def inside(folder: Path, relative: str) -> Path | None:
    """`folder/relative` if it stays inside `folder` after resolving '..' and symlinks, else None."""
    if Path(relative).is_absolute():
        return None
    candidate = (folder / relative).resolve()
    return candidate if candidate.is_relative_to(folder.resolve()) else None


def _logo(f: Fields, folder: Path, trusted: bool) -> Path | None:
    relative = f.text("logo")
    if not relative:
        return None
    if trusted:
        return Path(relative)
    path = inside(folder, relative)
    if path is None:
        f.report(("logo",), f'"{relative}" is outside the overlay folder; put the logo beside overlay.yaml')
        return None
    if not path.is_file():
        f.report(("logo",), f'logo file "{relative}" not found in {folder}')
        return None
    from iwpacks.source.images import LogoProblem, read_logo

    try:
        read_logo(path)
    except LogoProblem as problem:
        f.report(("logo",), f'"{relative}": {problem}')
        return None
    return path


def _decoded_logo(f: Fields, logo: Path | None) -> LogoImage | None:
    """The logo as every renderer takes it (decoded once per file: _logo's check has done the work)."""
    from iwpacks.source.images import LogoProblem, read_logo

    if logo is None:
        return None
    try:
        return read_logo(logo)
    except (LogoProblem, OSError) as problem:  # a merged layer's logo that changed since its check
        f.report(("logo",), f'"{logo.name}": {problem}')
        return None


def _slots(f: Fields, programme: Programme, folder: Path, trusted: bool, partial: bool = False) -> dict:
    sub = f.mapping("slots", tuple(programme.slots))
    if sub is None:
        return {}
    out: dict = {}
    for slot_id, slot in programme.slots.items():
        if slot_id not in sub.data or sub.data[slot_id] is None:
            continue
        path = sub.path + (slot_id,)
        item_class = SLOT_TYPES[slot.type].item
        if item_class is None:  # a text slot
            text = sub.text(slot_id)
            if text:
                out[slot_id] = text
            continue
        value = sub.data[slot_id]
        if item_class is Arrangements:
            arrangements = _arrangements(sub, slot_id, slot, None if trusted else folder, partial)
            if arrangements is not None:
                out[slot_id] = arrangements
            continue
        if not isinstance(value, list):
            sub.report(path, f"expected a list of {slot.type}, found {describe(value)}")
            continue
        builder = _READERS[item_class]
        keys = tuple(a.name for a in attrs.fields(item_class))  # the keys are the model's fields
        items = tuple(builder(item, None if trusted else folder)
                      for item in sub.records(slot_id, keys, most_items=MAX_ITEMS[item_class]))
        if items:
            out[slot_id] = items
    return out


def _arrangements(sub: Fields, slot_id: str, slot: LocalSlot, folder: Path | None,
                  partial: bool = False) -> Arrangements | None:
    """How a local process works: a sentence or two on each part the slot names, and its contacts."""
    part_ids = tuple(p.id for p in slot.parts)
    f = sub.mapping(slot_id, part_ids + ("contacts",))
    if f is None or not f.ok:
        return None
    # Each part is required: "not yet agreed" is an answer.
    # An organisation's layer may change one part (maps merge): the merged arrangements are checked whole.
    parts = {part: f.text(part, required=not partial, most=MAX_CHARS["part"]) for part in part_ids}
    contacts = tuple(_contact(c, folder) for c in f.records("contacts", tuple(a.name for a in attrs.fields(Contact)),
                                                             required=not partial,
                                                             most_items=MAX_ARRANGEMENT_CONTACTS))
    return Arrangements(parts=parts, contacts=contacts)


def _checked(f: Fields, key: str, pattern: re.Pattern, what: str, required: bool = True) -> str:
    value = f.text(key, required=required, most=MAX_CHARS.get(key))
    if value and not pattern.fullmatch(value.strip()):
        f.report(f.path + (key,), f'"{value}" is not {what}')
        return ""
    return value


def _contact(f: Fields, folder: Path | None) -> Contact:
    phone = _checked(f, "phone", PHONE, "a phone number (digits, spaces, +, brackets; 10-20 characters)", False)
    email = _checked(f, "email", EMAIL, "an email address", False)
    if not f.has("phone") and not f.has("email"):
        f.report(f.path, "a contact needs a phone or an email")
    return Contact(name=f.text("name", most=MAX_CHARS["name"]), role=f.text("role", most=MAX_CHARS["role"]),
                   organisation=f.text("organisation", most=MAX_CHARS["organisation"]), phone=phone, email=email)


def _protocol(f: Fields, folder: Path | None) -> Protocol:
    date = _checked(f, "date", DATE, "a date written YYYY-MM-DD")
    if date:
        import datetime

        try:
            datetime.date.fromisoformat(date)
        except ValueError:  # "2006-02-30" has the shape of a date, but no such day
            f.report(f.path + ("date",), f'"{date}" is not a day of the calendar; check the month and day')
            date = ""
    link = _checked(f, "link", URL, "a web address starting http:// or https://", False)
    file = f.text("file", required=False, most=MAX_CHARS["file"])
    if folder is None or not file:
        pass  # merged layers: the file was checked, and made absolute, by its own layer
    elif inside(folder, file) is None:
        f.report(f.path + ("file",), f'"{file}" is outside the overlay folder')
        file = ""
    elif file and not (folder / file).is_file():
        f.report(f.path + ("file",), f'file "{file}" not found in {folder}')
    if not f.has("link") and not f.has("file"):
        f.report(f.path, "a protocol needs a link or a file")
    version = f.data.get("version")
    if isinstance(version, (int, float)) and not isinstance(version, bool):
        f.report(f.path + ("version",), f'write the version as text in quotes, e.g. "{version}"')
    return Protocol(title=f.text("title", most=MAX_CHARS["title"]),
                    version=f.text("version", most=MAX_CHARS["version"]) if isinstance(version, str) else str(version or ""),
                    date=date, owner=f.text("owner", most=MAX_CHARS["owner"]),
                    summary=f.text("summary", most=MAX_CHARS["summary"]), link=link, file=file)


def _source(f: Fields, folder: Path | None) -> LocalSource:
    return LocalSource(title=f.text("title", most=MAX_CHARS["title"]),
                       url=_checked(f, "url", URL, "a web address starting http:// or https://"),
                       description=f.text("description", required=False, most=MAX_CHARS["description"]))


def _local_notes(f: Fields, programme: Programme) -> dict:
    """{module ref: {topic index: (notes, slides)}}; a topic title that matches nothing is an error."""
    sub = f.mapping("local_notes", tuple(programme.modules))
    out: dict = {}
    if sub is None:
        return out
    for ref, topics in sub.data.items():
        if ref not in programme.modules:
            continue  # already reported as an unknown key, with a suggestion
        module = programme.modules[ref]
        titles = [t.title for t in module.topics]
        if module.is_pending or not titles:
            sub.report(sub.path + (ref,), f"{ref} is pending and has no topics to add notes to")
            continue
        by_topic = Fields(f.doc, sub.path + (ref,), topics, tuple(titles), f.problems, max_text=OVERLAY_MAX_TEXT)
        for title, value in by_topic.data.items():
            if title not in titles:
                continue  # reported as unknown, with the closest topic title
            entry = Fields(f.doc, by_topic.path + (title,), value, ("notes", "slides"), f.problems,
                           max_text=OVERLAY_MAX_TEXT)
            slides = tuple(LocalSlide(s.text("title", most=MAX_CHARS["title"]),
                                      s.text_list("points", required=False, most_items=MAX_SLIDE_POINTS,
                                                  most=MAX_CHARS["point"]),
                                      s.text("notes", required=False))
                           for s in entry.records("slides", ("title", "points", "notes"), required=False,
                                                  most_items=MAX_LOCAL_SLIDES))
            if entry.ok and not entry.has("notes") and not entry.has("slides"):
                entry.report(entry.path, "give notes, slides or both")
            out.setdefault(ref, {})[titles.index(title)] = (entry.text("notes", required=False), slides)
    return out


# How each kind of slot item is read and checked (phone numbers, dates, files inside the overlay folder).
_READERS: dict[type, Callable[[Fields, Path | None], Any]] = {Contact: _contact, Protocol: _protocol,
                                                              LocalSource: _source}
