"""Reads YAML into plain Python values while remembering the line of every key path."""
from __future__ import annotations

import re

from pathlib import Path
from typing import Any

import attrs
import yaml

from iwpacks.errors import Problem

KeyPath = tuple  # of str keys and int indexes


@attrs.frozen
class LocatedData:
    """A parsed YAML document plus the 1-based line of each key path within it."""

    file: str
    data: Any
    lines: dict = attrs.field(factory=dict, eq=False)

    def line(self, path: KeyPath) -> int:
        """Return the line of `path`, or of its nearest located parent (1 if none)."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def problem(self, path: KeyPath, message: str) -> Problem:
        """A Problem located at `path` in this file."""
        return Problem(self.file, self.line(path), format_path(path), message)


def format_path(path: KeyPath) -> str:
    """Render ('objectives', 'items', 3) as 'objectives.items[3]'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _compose(text: str) -> yaml.Node | None:
    """The file's node tree, from libyaml's parser where PyYAML has it: `validate` is mostly parsing, and libyaml
    reads the content about four times as fast, with the same nodes and line numbers. A file libyaml refuses is
    parsed again by the pure-Python parser, whose messages (and limits) are the ones users see and tests know."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


# C1 controls (U+0085, NEXT LINE, among them) and the Unicode line and paragraph separators: YAML turns them
# into line breaks inside a value, so a value would lose them silently rather than be refused.
_HIDDEN_BREAK = re.compile("[\x80-\x9f\u2028\u2029]")


def read_yaml(path: Path, display: str, max_bytes: int | None = None) -> tuple[LocatedData | None, list[Problem]]:
    """Parse one YAML file; return (data, []) or (None, [problem]) for a syntax error.

    Duplicate keys, which PyYAML silently lets the last one win, are reported as problems
    alongside the data so a hand-edited file never loses a value without a word. A file over `max_bytes` is
    refused before it is parsed: the pure-Python parser takes seconds and hundreds of MB for a few MB of YAML.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [Problem(display, 1, "", f"cannot read file: {exc.strerror}")]
    if max_bytes is not None and size > max_bytes:
        return None, [Problem(display, 1, "", f"the file is {size // 1024} KB; the limit is {max_bytes // 1024} KB "
                                              "(a real overlay is under 20 KB: is this the right file?)")]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(display, 1, "", f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
    except OSError as exc:
        return None, [Problem(display, 1, "", f"cannot read file: {exc.strerror}")]
    hidden = _HIDDEN_BREAK.search(text)
    if hidden:  # YAML reads these as line breaks and folds them away: refused before it can, where they stand
        line = text.count("\n", 0, hidden.start()) + 1
        return None, [Problem(display, line, "", f"character U+{ord(hidden.group()):04X} (an invisible control or "
                                                 "line-separator character) is not allowed; remove it")]
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(display, line, "", f"YAML syntax error: {exc.problem or exc.context}")]
    except RecursionError:
        return None, [Problem(display, 1, "", "YAML is nested too deeply to be content")]
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a raw control character
        line = text.count("\n", 0, exc.position) + 1
        return None, [Problem(display, line, "", f"character U+{exc.character:04X} is not allowed in YAML; remove it")]
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for other text input
        return None, [Problem(display, 1, "", f"YAML error: {' '.join(str(exc).split())}")]
    located = LocatedData(display, None)
    problems: list[Problem] = []
    if node is None:
        return LocatedData(display, None, {(): 1}), problems
    try:
        data = _convert(node, (), located.lines, problems, display, set())
    except RecursionError:
        return None, [Problem(display, 1, "", "YAML is nested too deeply to be content")]
    return LocatedData(display, data, located.lines), problems


def _convert(node: yaml.Node, path: KeyPath, lines: dict, problems: list[Problem], display: str,
             seen: set[int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        # A node met twice is an alias (*name): refusing them stops "billion laughs" bombs and cycles.
        if id(node) in seen:
            problems.append(Problem(display, node.start_mark.line + 1, format_path(path),
                                    "YAML aliases (*name) are not supported here; write the value out"))
            return None
        seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(Problem(display, key_node.start_mark.line + 1, format_path(path),
                                        "YAML merge keys (<<) are not supported here; write the keys out"))
                continue
            try:
                key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            except yaml.constructor.ConstructorError:
                key = None
            if isinstance(key, bool):  # a key is a name: "yes:" and "no:" (YAML 1.1 booleans) mean the words
                key = key_node.value
            if not isinstance(key, str):
                problems.append(Problem(display, key_node.start_mark.line + 1, format_path(path),
                                        "keys must be plain text"))
                continue
            child = path + (key,)
            if key in out:
                problems.append(Problem(display, key_node.start_mark.line + 1, format_path(child),
                                        f"duplicate key (first given on line {lines[child]})"))
                continue
            out[key] = _convert(value_node, child, lines, problems, display, seen)
            lines[child] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), lines, problems, display, seen) for i, item in enumerate(node.value)]
    try:
        return _scalar(node)
    except yaml.constructor.ConstructorError:
        problems.append(Problem(display, node.start_mark.line + 1, format_path(path),
                                f'unsupported YAML tag "{node.tag}"; write plain text'))
        return None


# One constructor serves every scalar: building a scalar reads only the node, not the stream.
_CONSTRUCTOR = yaml.SafeLoader("")


def _scalar(node: yaml.Node) -> Any:
    """Build a scalar exactly as yaml.safe_load would (int, bool, null, float, text)."""
    if node.tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"):
        return str(node.value)  # dates stay as written, and a lone "=" is text, not YAML's value key
    build = _CONSTRUCTOR.yaml_constructors.get(node.tag, type(_CONSTRUCTOR).construct_undefined)
    return build(_CONSTRUCTOR, node)
