"""The folders that hold a file per module (material/, knowledge-checks/): each file read, with its module."""
from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path

from iwpacks.errors import Problem
from iwpacks.model import Module
from iwpacks.source.fields import REF_PATTERN, Fields
from iwpacks.source.located_yaml import LocatedData, read_yaml


def module_files(root: Path, root_name: str, folder: str, keys: tuple[str, ...], modules: list[Module],
                 problems: list[Problem], what: str, protected: Collection[str] = ()
                 ) -> Iterator[tuple[LocatedData, Fields, int]]:
    """Each YAML file of `folder` (optional) that reads, with its fields and the index in `modules` of the
    module its `ref` names; a file naming no known module is reported as what it would attach (`what`), and
    one naming a `protected` module (an LA layer's file for a master module) as a change it cannot make."""
    path = root / folder
    if not path.is_dir():
        return
    by_ref = {m.ref: i for i, m in enumerate(modules)}
    for file in sorted(path.iterdir()):
        if file.suffix not in (".yaml", ".yml") or file.name.startswith("."):
            continue
        doc, found = read_yaml(file, f"{root_name}/{folder}/{file.name}")
        problems.extend(found)
        if doc is None:
            continue
        f = Fields(doc, (), doc.data, keys, problems)
        if not f.ok:
            continue
        ref = f.identifier("ref", REF_PATTERN, "module ref")
        if ref in protected:
            f.report(("ref",), f"{ref} is a module of the master content, which an LA cannot change; add "
                               "local_notes to its topics in overlay.yaml instead")
            continue
        if ref not in by_ref:
            if ref:
                f.report(("ref",), f'no module "{ref}" to attach this {what} to')
            continue
        yield doc, f, by_ref[ref]
