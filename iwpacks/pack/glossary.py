"""Which glossary terms a course's texts use, and which acronyms a text uses that no glossary explains."""
from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from iwpacks.model import FrozenMap, Localisation
from iwpacks.planning.glossary import terms_used

__all__ = ["local_acronyms", "terms_used", "unexplained_acronyms"]

# An acronym: a capital, then one to five capitals, digits or "&" (CAF, LSCB, T4T, CYP&F), with an optional
# plural "s"; module refs (IW01, ISI10) are names, not acronyms.
ACRONYM = re.compile(r"(?<![\w&])([A-Z][A-Z0-9&]{1,5})s?(?![\w&])")
MODULE_REF = re.compile(r"[A-Z]{2,4}\d{2}")
PAPER_SIZE = re.compile(r"[AB]\d")  # A4, A3: sizes, not acronyms
# Words our own renderers set in capitals that are not acronyms: the outline's heading, a draft's mark, the
# training plan's page band.
CAPITALISED_WORDS = frozenset({"COURSE", "DRAFT", "PLAN"})


def local_acronyms(localisation: Localisation | None) -> frozenset[str]:
    """The acronyms an LA's own names and contacts use (its CAMHS, its NBC): the LA's to use, and never a reason
    to refuse its pack, since an LA cannot add to the content's glossary."""
    if localisation is None:
        return frozenset()
    # Not its own modules and courses: they are content, and explain their acronyms as the master's do.
    names = attrs.evolve(localisation, modules=FrozenMap(), courses=FrozenMap())
    return frozenset(m.group(1) for _, value in names.texts() for m in ACRONYM.finditer(value))


def unexplained_acronyms(text: str, known: Iterable[str]) -> list[str]:
    """Acronyms in the text, in order of first use, that are neither `known` (the pack's glossary) nor spelt
    out at their first use, as "Team Around the Child (TAC)" or "Every Child Matters, or ECM"."""
    known = set(known) | CAPITALISED_WORDS
    seen: set[str] = set()
    out = []
    for match in ACRONYM.finditer(text):
        word = match.group(1)
        if word in seen or word in known or MODULE_REF.fullmatch(word) or PAPER_SIZE.fullmatch(word):
            continue
        seen.add(word)
        before, after = text[:match.start()], text[match.end():]
        spelt_out = (before.endswith("(") and after.startswith(")")) or before.endswith(" or ")
        if not spelt_out:
            out.append(word)
    return out
