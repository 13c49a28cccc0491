"""Comparing texts by their content words, for checks that one text does not give away another."""
from __future__ import annotations

import re

_SMALL_WORDS = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been it its this that these those "
    "you your he she his her him they them their we our i my me do does did not no so if than then there here "
    "what which who whom when where why how all any some more most other into over after before about up down "
    "out off again very can will just also only own same such too".split())
_ENDINGS = ("ing", "ed", "es", "s")


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[:-len(ending)]
    return word


def content_words(text: str, run: int = 3) -> set[tuple[str, ...]]:
    """Every run of `run` content words in the text, small words dropped and endings cut ("looks" = "looking")."""
    words = [_stem(w) for w in re.findall(r"[a-z']+", text.lower()) if w not in _SMALL_WORDS]
    return {tuple(words[i:i + run]) for i in range(len(words) - run + 1)}
