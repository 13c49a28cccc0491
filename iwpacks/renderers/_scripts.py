"""A line that holds Arabic script, for the PDFs: whether it does, and the order its words are set in.

reportlab lays a line's characters out left to right as given, and neither joins Arabic letters nor orders
right-to-left runs. So a line that holds right-to-left text is handed to it already joined (Unicode's
presentation forms) and in visual order (the Unicode bidirectional algorithm), see `visual_text`.
"""
from __future__ import annotations

import re
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
    return " ".join(_reversed_letters(word) if _direction(word) == "rtl" else word
                    for word in visual_word_order(text).split())


def _reversed_letters(word: str) -> str:
    """A right-to-left word's letters reversed, its leading and trailing punctuation left where it stands: the
    comma after a Hebrew name in an English line is set after the name, not before it."""
    start, end = 0, len(word)
    while start < end and unicodedata.bidirectional(word[start]) not in _STRONG:
        start += 1
    while end > start and unicodedata.bidirectional(word[end - 1]) not in _STRONG:
        end -= 1
    return word[:start] + word[start:end][::-1] + word[end:]


_STRONG = ("L", "R", "AL", "EN", "AN")


def visual_text(text: str) -> str:
    """Text for a PDF painter that neither shapes nor reorders: each line that holds right-to-left words with
    its Arabic letters in their joined forms (Unicode's presentation forms, which the Arabic font draws) and
    its characters in the order they are set, left to right, by the Unicode bidirectional algorithm. Copying or
    searching the PDF gives the text back as written: its ToUnicode map reads each joined form as its letter,
    and readers put a right-to-left run back in reading order.

    HarfBuzz shaping draws the same letters, but from glyphs that several letters share (the dots are marks
    of their own), so a PDF reader could not tell which letters they were."""
    return "\n".join(_visual_line(line) if has_right_to_left(line) and line.strip() else line
                     for line in text.split("\n"))


def _visual_line(line: str) -> str:
    # Two small, well-kept libraries, imported only for a line that needs them: joining Arabic letters is a
    # table of forms per letter and neighbour, and the bidirectional algorithm has rules for numbers,
    # brackets and punctuation between scripts that a word-by-word reversal gets wrong.
    from bidi import get_display

    if has_arabic(line):
        import arabic_reshaper

        line = arabic_reshaper.reshape(line)
    # Left to right at base, as every document is in English: a contact that starts with a Hebrew name keeps
    # its name, role and email in that order, and wraps in it, with the name itself set right to left.
    # The fields of a contact ("name, role, organisation, phone") are separate phrases: a left-to-right mark
    # after each right-to-left one keeps the comma and a phone number after it out of its run.
    line = _RTL_FIELD_END.sub("\u200e", line)
    return _RTL_SPACE.sub("\u00a0", get_display(line, base_dir="L").replace("\u200e", ""))


_RTL_FIELD_END = re.compile("(?<=[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff])(?=[,;:] )")
# A space between two right-to-left letters, once a line is in visual order: made non-breaking, so a paragraph
# that wraps the line never puts the second word of a Hebrew name on the line above the first.
_RTL_SPACE = re.compile("(?<=[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]) (?=[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff])")
