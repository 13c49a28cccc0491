"""Words about how packs are made, which a trainer or attendee should never read in a release pack."""
from __future__ import annotations

import re
from pathlib import Path

from artefact_text import artefact_text

# Words about how packs are made, which a trainer or attendee should never read. "Draft" as a verb is fine
# ("Draft, in two or three sentences, ..."); DRAFT in capitals is the mark of a draft build.
BUILD_WORDS = re.compile(r"\b(master packs?|overlays?|slots?|seeds?|rebuild\w*|content version|review notes?|"
                         r"draft core material|placeholders?|localis\w+ report|"
                         # the strategy's own fields about modules, not about this course (the review)
                         r"development responsibility|self-study|delivery mechanism|strategy \(3\.1\)|"
                         # a command line: the LA has built the pack already
                         r"build --\w+|"
                         # editorial notes addressed to the content's editors, not to the trainer (the review)
                         r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth) objective|"
                         r"the specification keeps|in this cell)", re.I)
DRAFT_MARK = re.compile(r"\bDRAFT\b")


def build_words(folder: Path) -> list[str]:
    """Each build word in any text of the pack, with the words around it."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".pptx", ".docx", ".pdf"):
            continue
        text = artefact_text(path)
        for match in [*BUILD_WORDS.finditer(text), *DRAFT_MARK.finditer(text)]:
            found.append(f"{path.relative_to(folder)}: ...{text[max(0, match.start() - 60):match.end() + 30]}...")
    return found
