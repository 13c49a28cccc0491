"""Typed, located access to one YAML mapping: every wrong key or type becomes a Problem."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from iwpacks.errors import Problem, did_you_mean
from iwpacks.source.located_yaml import KeyPath, LocatedData

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MAX_TEXT = 5000  # longer than any real slide note or summary; stops a pasted document becoming one field
# A title or name goes on slides, covers and into Office's document properties (at most 255 characters);
# the longest in the seed, a verbatim content item, is 154.
MAX_TITLE = 200
TITLE_KEYS = ("title", "name")
# One text policy for every field: characters no reader sees but that break or silently vanish from the
# files. C0 controls except tab and newline, DEL and the C1 controls (XML 1.0 cannot hold the first; the PDFs
# drop the rest), lone surrogates, and Unicode's noncharacters (U+FDD0-U+FDEF and the last two code points
# of every plane).
_UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef"
                         + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
                                   for plane in range(17)) + "]")
# A title, name or id is one line: a tab or newline in it is a paste slip that would break a slide title.
_NOT_IN_ONE_LINE = re.compile("[\t\n\u2028\u2029]")
REF_PATTERN = re.compile(r"^[A-Z]{2,4}[0-9]{2}$")


def text_problem(value: Any, max_text: int = MAX_TEXT, max_title: int | None = None) -> str | None:
    """What is wrong with a text value, or None: not text, empty, unwritable characters, too long."""
    if not isinstance(value, str):
        return f"expected text, found {describe(value)}"
    if not value.strip():
        return "expected text, found an empty string"
    bad = _UNWRITABLE.search(value)
    if bad:
        kind = "control character" if ord(bad.group()) < 0xA0 else "character"
        return f"text contains the {kind} U+{ord(bad.group()):04X} at position {bad.start() + 1}; remove it"
    if max_title is not None and (line_break := _NOT_IN_ONE_LINE.search(value)):
        what = "a tab" if line_break.group() == "\t" else "a line break"
        return f"a title or name is one line; this one has {what} at position {line_break.start() + 1}"
    if max_title is not None and len(value) > max_title:
        return f"a title is at most {max_title} characters; this one is {len(value)}"
    if len(value) > max_text:
        return f"text is {len(value)} characters long; the limit is {max_text}"
    return None


def nfc(text: str) -> str:
    """Text in Unicode's composed form (NFC): "e" plus a combining accent typed on one machine and "é" typed on
    another become the same letter, which every font draws and every search finds."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def describe(value: Any) -> str:
    """Name a YAML value's type the way a content editor thinks of it."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):  # a tuple: a list in an edited model
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__  # pragma: no cover - YAML yields only the types above


class Fields:
    """One mapping of a YAML document, with checked getters that record problems instead of raising.

    Unknown keys are reported when the Fields is made, so a misspelt key never passes silently.
    A getter returns its default when the key is absent or wrong, so reading goes on and every
    problem in the file is found in one run.
    """

    def __init__(self, doc: LocatedData, path: KeyPath, value: Any, known: tuple[str, ...],
                 problems: list[Problem], max_text: int = MAX_TEXT) -> None:
        self.doc, self.path, self.problems, self.max_text = doc, path, problems, max_text
        self.ok = isinstance(value, dict)
        self.data: dict = value if self.ok else {}
        if not self.ok:
            self.report(path, f"expected a mapping, found {describe(value)}")
        for key in self.data:
            if key not in known:
                hint = did_you_mean(key, known) or (f" (expected one of: {', '.join(known)})" if len(known) <= 8 else "")
                self.report(path + (key,), "unknown key" + hint)

    def report(self, path: KeyPath, message: str) -> None:
        self.problems.append(self.doc.problem(path, message))

    def has(self, key: str) -> bool:
        return key in self.data

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data:
            if required and self.ok:
                self.report(self.path, f'missing required key "{key}"')
            return None
        return self.data[key]

    def text(self, key: str, required: bool = True, default: str = "", most: int | None = None) -> str:
        """A non-empty string (of at most `most` characters, where given); numbers are refused so '1.0' and 1.0
        never get confused."""
        value = self._get(key, required)
        if value is None:
            if key in self.data and required:
                self.report(self.path + (key,), "expected text, found nothing (null)")
            return default
        return self._check_text(self.path + (key,), value, default, most)

    def _check_text(self, path: KeyPath, value: Any, default: str = "", most: int | None = None) -> str:
        problem = text_problem(value, most or self.max_text, MAX_TITLE if path and path[-1] in TITLE_KEYS else None)
        if problem:
            self.report(path, problem)
            return default
        return nfc(value)

    def optional_text(self, key: str) -> str | None:
        value = self._get(key, False)
        return None if value is None else self._check_text(self.path + (key,), value) or None

    def text_list(self, key: str, required: bool = True, single_ok: bool = False, most_items: int | None = None,
                  most: int | None = None) -> tuple[str, ...]:
        """A list of non-empty strings (or one string where `single_ok`), at most `most_items` of them, each of at
        most `most` characters, where given."""
        value = self._get(key, required)
        if value is None:
            return ()
        if single_ok and isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.report(self.path + (key,), f"expected a list of text, found {describe(value)}")
            return ()
        if not self._within(key, value, most_items):
            return ()
        return tuple(self._check_text(self.path + (key, i), item, most=most) for i, item in enumerate(value))

    def _within(self, key: str, value: list, most_items: int | None) -> bool:
        """Whether a list is within its limit; one that is not is reported and left unread, so a pasted
        spreadsheet of thousands of rows is one error, found at once."""
        if most_items is not None and len(value) > most_items:
            self.report(self.path + (key,), f"{len(value)} items; the limit is {most_items}")
            return False
        return True

    def id_list(self, key: str, pattern: re.Pattern = ID_PATTERN, what: str = "id",
                required: bool = False) -> tuple[str, ...]:
        """A list of ids, each matching `pattern`; duplicates in the list are reported."""
        items = self.text_list(key, required=required)
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item and not pattern.fullmatch(item):
                self.report(self.path + (key, i), f'"{item}" is not a valid {what}')
            if item in seen:
                self.report(self.path + (key, i), f'"{item}" is listed twice')
            seen.add(item)
        return items

    def integer(self, key: str, required: bool = True, minimum: int = 0) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(self.path + (key,), f"expected a whole number, found {describe(value)}")
            return None
        if value < minimum:
            self.report(self.path + (key,), f"expected a number of at least {minimum}, found {value}")
            return None
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.report(self.path + (key,), f"expected true or false, found {describe(value)}")
            return default
        return value

    def choice(self, key: str, choices: tuple[str, ...], required: bool = True, default: str = "") -> str:
        value = self.text(key, required=required, default=default)
        if value and value not in choices:
            self.report(self.path + (key,), f'expected one of {", ".join(choices)}, found "{value}"'
                        + did_you_mean(value, choices))
            return default
        return value

    def identifier(self, key: str, pattern: re.Pattern = ID_PATTERN, what: str = "id") -> str:
        value = self.text(key)
        if value and not pattern.fullmatch(value):
            self.report(self.path + (key,), f'"{value}" is not a valid {what}')
        return value

    def mapping(self, key: str, known: tuple[str, ...], required: bool = False) -> Fields | None:
        value = self._get(key, required)
        if value is None:
            return None
        sub = Fields(self.doc, self.path + (key,), value, known, self.problems, self.max_text)
        return sub if sub.ok else None

    def records(self, key: str, known: tuple[str, ...], required: bool = True,
                most_items: int | None = None) -> list[Fields]:
        """A list of mappings (at most `most_items` of them, where given), each checked against `known` keys."""
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            self.report(self.path + (key,), f"expected a list, found {describe(value)}")
            return []
        if not self._within(key, value, most_items):
            return []
        subs = [Fields(self.doc, self.path + (key, i), item, known, self.problems, self.max_text)
                for i, item in enumerate(value)]
        return [sub for sub in subs if sub.ok]
