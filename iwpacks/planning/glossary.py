"""Which glossary terms a text uses: the glossary a course's pack holds, and the abbreviations a module's text
needs explained where it is quoted in the strategy's words."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from iwpacks.model import GlossaryTerm


def term_pattern(term: GlossaryTerm) -> re.Pattern:
    """An acronym as written (CAF, not "caf" in an address); a key term in any case ("Lead professional" at the
    start of a sentence, "the lead professional" inside one). An acronym's words alone do not list it: a
    course that says "the Children Act 2004" and never "CA" has no use for "CA" in its glossary, unless the
    acronym's words are a term of their own (`by_words`: "team around the child" lists TAC). A key term's
    other wordings (`also`) list it too."""
    if term.stands_for:
        acronym = _acronym(term)
        if not term.by_words:
            return re.compile(acronym)
        return re.compile(acronym + r"|(?i:(?<![\w&])" + _phrase(term.stands_for) + r"s?(?![\w&]))")
    wordings = "|".join(_phrase(words) for words in (term.term, *term.also))
    return re.compile(r"(?<![\w&])(?:" + wordings + r")(?:e?s)?(?![\w&])", re.I)


def _acronym(term: GlossaryTerm) -> str:
    """The acronym as written, alone or plural ("CAFs"); never inside a longer word or one joined by "&"."""
    return r"(?<![\w&])" + re.escape(term.term) + r"s?(?![\w&])"


def _phrase(text: str) -> str:
    """The words of `text`, with either apostrophe and any space between them."""
    return r"\s+".join(re.escape(w).replace("'", "['\u2019]") for w in text.split())


def terms_used(glossary: Sequence[GlossaryTerm], texts: Iterable[str]) -> tuple[GlossaryTerm, ...]:
    """The terms the texts use (the term, or what an acronym stands for), in glossary order, with any term a
    used term's explanation needs."""
    corpus = "\n".join(texts)
    patterns = {t.term: term_pattern(t) for t in glossary}
    used = {t.term for t in glossary if patterns[t.term].search(corpus)}
    while True:  # a term's meaning may use another ("PCT: the local NHS body"): the reader needs that one too
        explained = "\n".join(f"{t.stands_for} {t.meaning}" for t in glossary if t.term in used)
        more = {t.term for t in glossary if t.term not in used and patterns[t.term].search(explained)}
        if not more:
            return tuple(t for t in glossary if t.term in used)
        used |= more


def abbreviations_in(glossary: Sequence[GlossaryTerm], texts: Iterable[str]) -> tuple[GlossaryTerm, ...]:
    """The glossary's abbreviations the texts use as written ("CA" in "CA 2004", "CYP&F"), in order of first
    use: the seed's words stay verbatim, so a line after them says what each stands for. Only the acronym
    itself counts: a text that spells out "team around the child" needs no "TAC" explained."""
    corpus = "\n".join(texts)
    found: list[tuple[int, GlossaryTerm]] = []
    for term in glossary:
        if not term.stands_for:
            continue
        if match := re.search(_acronym(term), corpus):
            found.append((match.start(), term))
    return tuple(term for _, term in sorted(found, key=lambda pair: pair[0]))
