"""LA overlays: find them, layer them (LA, then organisation) and apply them to the programme."""
from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

import attrs

from iwpacks.errors import ContentError, Problem, UsageError
from iwpacks.model import FrozenMap, Localisation, Material, Programme
from iwpacks.overlay.content import LAYER_PARTS, read_layer, with_layer
from iwpacks.overlay.read import MAX_OVERLAY_BYTES, read_localisation
from iwpacks.source.located_yaml import LocatedData, read_yaml

OVERLAY_FILE = "overlay.yaml"
# Where `--la <id>` looks, in order: ./examples/la of the caller, then the example LAs that ship inside the
# installed package (iwpacks/examples/la), or beside it in a checkout (examples/la).
_PACKAGED_EXAMPLES = Path(__file__).parent.parent / "examples" / "la"
_REPO_EXAMPLES = Path(__file__).parent.parent.parent / "examples" / "la"


def overlay_folders() -> list[Path]:
    """The folders searched for `<la-id>/overlay.yaml`, most specific first."""
    folders = [Path.cwd() / "examples" / "la", _PACKAGED_EXAMPLES, _REPO_EXAMPLES]
    return list(dict.fromkeys(f.resolve() for f in folders if f.is_dir()))


def known_las() -> list[str]:
    return sorted({p.parent.name for folder in overlay_folders() for p in folder.glob(f"*/{OVERLAY_FILE}")})


def find_overlay(la: str | Path) -> Path:
    """The overlay.yaml for an LA id, an overlay folder or an overlay file; UsageError lists the known LAs."""
    candidate = Path(la)
    if candidate.is_file():
        return candidate
    if (candidate / OVERLAY_FILE).is_file():
        return candidate / OVERLAY_FILE
    if "/" not in str(la):
        for folder in overlay_folders():
            if (folder / str(la) / OVERLAY_FILE).is_file():
                return folder / str(la) / OVERLAY_FILE
    known = known_las()
    raise UsageError(f'unknown LA "{la}": no {OVERLAY_FILE} found; known LAs: {", ".join(known) or "none"} '
                     "(or give the path to an overlay folder)")


def merge(base: Any, layer: Any) -> Any:
    """Layer `layer` over `base`: maps merge, lists and scalars replace, null removes the key."""
    if isinstance(base, dict) and isinstance(layer, dict):
        out = dict(base)
        for key, value in layer.items():
            if value is None:
                out.pop(key, None)
            else:
                out[key] = merge(base.get(key), value)
        return out
    return copy.deepcopy(layer)


def _absolute_paths(data: Any, folder: Path) -> Any:
    """A copy of one layer's data with its logo and protocol files as absolute paths, for merging."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    if isinstance(out.get("logo"), str):
        out["logo"] = str((folder / out["logo"]).resolve())
    slots = out.get("slots")
    if isinstance(slots, dict):
        slots = dict(slots)
        for key, value in slots.items():
            if isinstance(value, list):
                slots[key] = [dict(item, file=str((folder / item["file"]).resolve()))
                              if isinstance(item, dict) and isinstance(item.get("file"), str) else item
                              for item in value]
        out["slots"] = slots
    return out


def load_overlay(programme: Programme, la: str | Path, organisation: str | Path | None = None) -> Localisation:
    """Read, check and layer an LA overlay and an optional organisation overlay.

    Raises ContentError with every problem (file:line: key: message) or UsageError for an unknown LA.
    """
    problems: list[Problem] = []
    merged: dict = {}
    layers = []
    paths = [find_overlay(la)] + ([find_overlay(organisation)] if organisation is not None else [])
    for index, path in enumerate(paths):
        display = _display(path)
        doc, found = read_yaml(path, display, MAX_OVERLAY_BYTES)
        problems += found
        if doc is None:
            continue
        read_localisation(doc, path.parent, programme, problems, require_identity=index == 0)
        merged = merge(merged, _absolute_paths(doc.data, path.parent))
        # Named by folder, not by machine path, so the manifest is the same wherever the build runs.
        layers.append((f"{path.parent.name}/{path.name}", hashlib.sha256(path.read_bytes()).hexdigest()))
    # The LA's own modules and courses, beside its overlay.yaml. An organisation layer adds none: they would be
    # the LA's courses, built for every organisation in it.
    modules, courses = read_layer(paths[0].parent, _display(paths[0].parent), programme, problems)
    for path in paths[1:]:
        problems += [Problem(f"{_display(path.parent)}/{part}", 1, "", "an organisation overlay adds no modules or "
                             "courses; put them in the LA's folder, beside its overlay.yaml")
                     for part in LAYER_PARTS if (path.parent / part).exists()]
    if problems:
        raise ContentError(problems)
    result = read_localisation(LocatedData(_display(paths[0]), merged, {(): 1}), paths[0].parent, programme, problems,
                               trusted_paths=True)
    if problems or result is None:  # e.g. an organisation layer's null removed a required key
        raise ContentError(problems)
    return attrs.evolve(result, layers=layers, modules=modules, courses=courses)


def _display(path: Path) -> str:
    """A path for messages: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def apply_overlay(programme: Programme, localisation: Localisation) -> Programme:
    """The programme as this LA sees it: its localisation set, local notes and slides on topics, and its own
    modules and courses beside the master's.

    A pure function: the master programme is unchanged, so one loaded programme serves every LA.
    """
    modules = dict(programme.modules)
    for ref, additions in localisation.local_notes.items():
        module = modules[ref]
        topics = list(module.topics)
        for index, (notes, slides) in additions.items():
            topics[index] = attrs.evolve(topics[index], local_notes=notes, local_slides=slides)
        if module.material is None:  # seed titles only: carry the local additions on bare topics
            material = Material(status="seed-topics-only", review_note="", topics=topics)
        else:
            material = attrs.evolve(module.material, topics=topics)
        modules[ref] = attrs.evolve(module, material=material)
    programme = with_layer(programme, localisation.modules, localisation.courses)
    return attrs.evolve(programme, modules=FrozenMap({**programme.modules, **modules}), localisation=localisation,
                        training_day=localisation.training_day or programme.training_day)
