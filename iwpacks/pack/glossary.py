"""Which glossary terms a course's texts use, and which acronyms a text uses that no glossary explains."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from iwpacks.model import FrozenMap, GlossaryTerm, Localisation

# An acronym: a capital, then one to five capitals, digits or "&" (CAF, LSCB, T4T, CYP&F), with an optional
# plural "s"; module refs (IW01, ISI10) are names, not acronyms.
ACRONYM = re.compile(r"(?<![\w&])([A-Z][A-Z0-9&]{1,5})s?(?![\w&])")
MODULE_REF = re.compile(r"[A-Z]{2,4}\d{2}")
PAPER_SIZE = re.compile(r"[AB]\d")  # A4, A3: sizes, not acronyms
# Words our own renderers set in capitals that are not acronyms: the outline's heading, a draft's mark, the
# training plan's page band.
CAPITALISED_WORDS = frozenset({"COURSE", "DRAFT", "PLAN"})


def _pattern(term: GlossaryTerm) -> re.Pattern:
    """An acronym as written (CAF, not "caf" in an address); a key term in any case ("Lead professional" at the
    start of a sentence, "the lead professional" inside one). An acronym's words alone do not list it: a
    course that says "the Children Act 2004" and never "CA" has no use for "CA" in its glossary, unless the
    acronym's words are a term of their own (`by_words`: "team around the child" lists TAC). A key term's
    other wordings (`also`) list it too."""
    if term.stands_for:
        acronym = r"(?<![\w&])" + re.escape(term.term) + r"s?(?![\w&])"
        if not term.by_words:
            return re.compile(acronym)
        return re.compile(acronym + r"|(?i:(?<![\w&])" + _phrase(term.stands_for) + r"s?(?![\w&]))")
    wordings = "|".join(_phrase(words) for words in (term.term, *term.also))
    return re.compile(r"(?<![\w&])(?:" + wordings + r")(?:e?s)?(?![\w&])", re.I)


def _phrase(text: str) -> str:
    """The words of `text`, with either apostrophe and any space between them."""
    return r"\s+".join(re.escape(w).replace("'", "['\u2019]") for w in text.split())


def terms_used(glossary: Sequence[GlossaryTerm], texts: Iterable[str]) -> tuple[GlossaryTerm, ...]:
    """The terms the texts use (the term, or what an acronym stands for), in glossary order, with any term a
    used term's explanation needs."""
    corpus = "\n".join(texts)
    patterns = {t.term: _pattern(t) for t in glossary}
    used = {t.term for t in glossary if patterns[t.term].search(corpus)}
    while True:  # a term's meaning may use another ("PCT: the local NHS body"): the reader needs that one too
        explained = "\n".join(f"{t.stands_for} {t.meaning}" for t in glossary if t.term in used)
        more = {t.term for t in glossary if t.term not in used and patterns[t.term].search(explained)}
        if not more:
            return tuple(t for t in glossary if t.term in used)
        used |= more


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
