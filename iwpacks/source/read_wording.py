"""Reads content/trainer-guide.yaml, the guide's own words, and checks each text against model.GUIDE_TEXT."""
from __future__ import annotations

import string

from iwpacks.errors import Problem
from iwpacks.model import GUIDE_TEXT, FrozenMap
from iwpacks.source.fields import Fields
from iwpacks.source.located_yaml import LocatedData


def read_guide_text(doc: LocatedData, problems: list[Problem]) -> FrozenMap[tuple[str, ...]]:
    """Every key of GUIDE_TEXT, as a tuple (one text, or a list's items); missing or wrong keys are problems."""
    groups: dict[str, list[str]] = {}
    for key in GUIDE_TEXT:
        group, name = key.split(".", 1)
        groups.setdefault(group, []).append(name)
    top = Fields(doc, (), doc.data, tuple(groups), problems)
    out = {}
    for group, names in groups.items():
        sub = top.mapping(group, tuple(names), required=True)
        if sub is None:
            continue
        for name in names:
            key = f"{group}.{name}"
            spec = GUIDE_TEXT[key]
            if isinstance(spec, int):
                items = sub.text_list(name)
            else:
                text = sub.text(name)
                items = (text,) if text else ()
            for problem in wording_problems(key, items):
                sub.report(sub.path + (name,), problem)
            out[key] = items
    return FrozenMap(out)


def wording_problems(key: str, items: tuple[str, ...]) -> list[str]:
    """What is wrong with the words given for one GUIDE_TEXT key: a name it cannot fill in, a wrong length."""
    spec = GUIDE_TEXT[key]
    if isinstance(spec, int):
        if spec and len(items) != spec:
            return [f"expected a list of {spec} items (the columns of a table), found {len(items)}"]
        return [] if items else ["expected a list with at least one item"]
    if len(items) != 1:
        return ["expected one text"]
    try:
        fields = [(name, spec_, conversion) for _, name, spec_, conversion in string.Formatter().parse(items[0])
                  if name is not None]
    except ValueError as exc:  # a lone brace
        return [f"{exc}; write {{{{ or }}}} for a literal brace"]
    allowed = ", ".join("{" + n + "}" for n in spec) or "none"
    return [f'"{{{name}}}" is not a value this text can show (it can show: {allowed})'
            for name, format_spec, conversion in fields if name not in spec or format_spec or conversion]
