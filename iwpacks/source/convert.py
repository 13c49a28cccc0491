"""One cattrs converter for the model: plain data out, and back in with every type checked and located.

The attrs classes in model.py are the schema; nothing here lists their fields again. Text, numbers and
booleans are taken strictly (cattrs would otherwise turn None into "None"), unknown keys are refused, and
every mistake is reported as a Problem with its key path, never as a third-party exception.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, TypeVar, get_args

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.v import transform_error

from iwpacks.errors import IN_MEMORY, ContentError, Problem
from iwpacks.model import (
    SLOT_TYPES,
    Arrangements,
    Course,
    FrozenMap,
    Localisation,
    LocalSlide,
    LogoImage,
    Module,
    TrainingDay,
    by_id,
)
from iwpacks.source.fields import describe

T = TypeVar("T")
# Slot values in plain data: one key saying what the value is.
_SLOT_KINDS = {t.name: t.item for t in SLOT_TYPES.values() if t.item not in (None, Arrangements)}  # lists


def _strict(kind: type, name: str):
    def structure(value: Any, _: type) -> Any:
        # bool is an int to Python, but a yes/no where a number belongs is a mistake in content.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ValueError(f"expected {name}, found {describe(value)}")
        return value
    return structure


def _frozen_map_hooks(converter: cattrs.Converter) -> None:
    """A FrozenMap of records is a list in plain data, in order, keyed by `ref` or `id`; of other values, a dict."""
    def unstructure(value: FrozenMap) -> list | dict:
        if all(attrs.has(type(item)) for item in value.values()):
            return [converter.unstructure(item) for item in value.values()]
        return {key: converter.unstructure(item) for key, item in value.items()}

    def structure(value: Any, cls: Any) -> FrozenMap:
        (item_type,) = get_args(cls) or (Any,)
        if attrs.has(item_type) or (value == [] and not isinstance(value, dict)):
            items = converter.structure(value, list[item_type])  # type: ignore[valid-type]
            return by_id(items, "ref" if item_type is Module else "id")
        return FrozenMap(converter.structure(value, dict[str, item_type]))  # type: ignore[valid-type]

    def is_frozen_map(t: Any) -> bool:
        return t is FrozenMap or getattr(t, "__origin__", None) is FrozenMap

    converter.register_unstructure_hook_func(is_frozen_map, unstructure)
    converter.register_structure_hook_func(is_frozen_map, structure)


def _localisation_hooks(converter: cattrs.Converter) -> None:
    """A localisation's slot values and local notes are untyped maps in the model; here each says its kind."""
    def unstructure(local: Localisation) -> dict:
        slots: dict[str, Any] = {}
        for slot_id, value in local.slots.items():
            if isinstance(value, str):
                slots[slot_id] = {"text": value}
            elif isinstance(value, Arrangements):
                slots[slot_id] = {"arrangements": converter.unstructure(value)}
            else:
                kind = next(k for k, cls in _SLOT_KINDS.items() if value and isinstance(value[0], cls))
                slots[slot_id] = {kind: [converter.unstructure(item) for item in value]}
        notes = {ref: [{"topic": index, "notes": text, "slides": [converter.unstructure(s) for s in slides]}
                       for index, (text, slides) in topics.items()] for ref, topics in local.local_notes.items()}
        return {"id": local.id, "name": local.name, "organisation": local.organisation,
                "logo": str(local.logo) if local.logo else None, "slots": slots, "local_notes": notes,
                "layers": [list(layer) for layer in local.layers],
                "training_day": converter.unstructure(local.training_day) if local.training_day else None,
                "modules": converter.unstructure(local.modules), "courses": converter.unstructure(local.courses)}

    def structure(data: Any, _: type) -> Localisation:
        plain = converter.structure(data, _PlainLocalisation)
        slots: dict[str, Any] = {}
        for slot_id, value in plain.slots.items():
            if set(value) == {"text"}:
                slots[slot_id] = converter.structure(value["text"], str)
            elif set(value) == {"arrangements"}:
                slots[slot_id] = converter.structure(value["arrangements"], Arrangements)
            elif len(value) == 1 and next(iter(value)) in _SLOT_KINDS:
                kind, items = next(iter(value.items()))
                slots[slot_id] = tuple(converter.structure(items, list[_SLOT_KINDS[kind]]))  # type: ignore[valid-type]
            else:
                raise ValueError(f"slots.{slot_id}: expected one of text, arrangements, {', '.join(_SLOT_KINDS)}")
        notes = {ref: {n.topic: (n.notes, n.slides) for n in entries} for ref, entries in plain.local_notes.items()}
        logo = Path(plain.logo) if plain.logo else None
        return Localisation(id=plain.id, name=plain.name, organisation=plain.organisation,
                            logo=logo, logo_image=_logo_image(logo), slots=FrozenMap(slots),
                            local_notes=FrozenMap(notes), layers=tuple(tuple(layer) for layer in plain.layers),
                            training_day=plain.training_day, modules=by_id(plain.modules, "ref"),
                            courses=by_id(plain.courses))

    converter.register_unstructure_hook(Localisation, unstructure)
    converter.register_structure_hook(Localisation, structure)


@functools.cache
def converter() -> cattrs.Converter:
    """The converter, built once: strict primitives, FrozenMaps as lists, localisations with typed slots."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for kind, name in ((str, "text"), (int, "a whole number"), (bool, "yes/no")):
        conv.register_structure_hook(kind, _strict(kind, name))
    conv.register_unstructure_hook(Path, str)
    conv.register_structure_hook(Path, lambda v, _: Path(_strict(str, "a path")(v, str)))
    _frozen_map_hooks(conv)
    _localisation_hooks(conv)
    return conv


def unstructure(value: Any) -> Any:
    """The model as plain, JSON-ready data (lists, dicts, text, numbers)."""
    return converter().unstructure(value)


def structure(data: Any, cls: type[T], file: str = IN_MEMORY) -> T:
    """Build `cls` from plain data; ContentError lists every mistake with its key path."""
    try:
        return converter().structure(data, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        raise ContentError(problems_of(exc, file)) from None


def problems_of(exc: Exception, file: str) -> list[Problem]:
    """cattrs's nested errors as Problems: `courses[2].title: expected text, found nothing (null)`."""
    if not isinstance(exc, cattrs.BaseValidationError):
        return [Problem(file, 0, "", str(exc))]
    problems = []
    for line in transform_error(exc, path="", format_exception=_format):
        message, _, path = line.rpartition(" @ ")
        problems.append(Problem(file, 0, path.lstrip("."), message))
    return problems


def _format(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown key{'s' if len(exc.extra_fields) > 1 else ''} {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError):
        return "missing required key"
    if isinstance(exc, ValueError | TypeError) and str(exc).startswith(("expected", "slots.")):
        return str(exc)
    name = getattr(kind, "__name__", str(kind))
    return f"expected {name}, found something else ({exc})"


# The shape of a localisation in plain data, for cattrs to check before the hooks above rebuild the model.
@attrs.frozen
class _LocalNote:
    topic: int
    notes: str
    slides: tuple[LocalSlide, ...]


@attrs.frozen
class _PlainLocalisation:
    id: str
    name: str
    organisation: str
    logo: str | None
    slots: dict[str, dict[str, Any]]
    local_notes: dict[str, list[_LocalNote]]
    layers: list[tuple[str, str]]
    training_day: TrainingDay | None = None
    modules: tuple[Module, ...] = ()
    courses: tuple[Course, ...] = ()


def _logo_image(logo: Path | None) -> LogoImage | None:
    """The logo an exported localisation names, decoded again (the export holds its path, not its pixels)."""
    from iwpacks.source.images import LogoProblem, read_logo

    if logo is None:
        return None
    try:
        return read_logo(logo)
    except (LogoProblem, OSError) as problem:
        raise ValueError(f"logo: {logo}: {problem}") from None
