"""A line that holds Arabic script, for the PDFs: whether it does, and the order its words are set in.

reportlab lays a line's words out left to right, and HarfBuzz shapes each word, in its logical order, into
glyphs already in visual order. So a right-to-left name needs only its words reordered, as the Unicode
bidirectional algorithm orders runs on one line: a full bidi library would reorder the letters too, which
shaping must not see.
"""
from __future__ import annotations

import unicodedata

_RIGHT_TO_LEFT = ("R", "AL")


def _direction(word: str) -> str:
    """"rtl", "ltr", or "" for a word with no strongly directional letter (digits, punctuation)."""
    for char in word:
        kind = unicodedata.bidirectional(char)
        if kind in _RIGHT_TO_LEFT:
            return "rtl"
        if kind == "L":
            return "ltr"
    return ""


def has_arabic(text: str) -> bool:
    return any(unicodedata.bidirectional(c) == "AL" for c in text)


def has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in _RIGHT_TO_LEFT for c in text)


def visual_word_order(text: str) -> str:
    """The words of a one-line text in the order to set them left to right."""
    words = text.split()
    directions = [_direction(w) for w in words]
    base = next((d for d in directions if d), "ltr")
    # A neutral word takes the direction of the words on both sides where they agree, else the line's.
    for i, d in enumerate(directions):
        if not d:
            before = next((x for x in reversed(directions[:i]) if x), base)
            after = next((x for x in directions[i + 1:] if x), base)
            directions[i] = before if before == after else base
    runs: list[tuple[str, list[str]]] = []
    for word, d in zip(words, directions):
        if runs and runs[-1][0] == d:
            runs[-1][1].append(word)
        else:
            runs.append((d, [word]))
    ordered = [list(reversed(ws)) if d == "rtl" else ws for d, ws in runs]
    if base == "rtl":
        ordered.reverse()
    return " ".join(w for ws in ordered for w in ws)


def visual_letters(text: str) -> str:
    """A one-line text in the order a painter that neither shapes nor reorders sets it left to right: the words
    in visual order and the letters of each right-to-left word reversed. Right for Hebrew, whose letters do not
    join; Arabic also needs shaping, which only the PDFs do."""
    return " ".join(word[::-1] if _direction(word) == "rtl" else word for word in visual_word_order(text).split())
