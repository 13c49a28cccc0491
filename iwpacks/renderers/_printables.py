"""A printable sheet or form (content/printables.yaml) as document blocks: one sheet, to copy and hand out."""
from __future__ import annotations

import re

from iwpacks.model import Printable, PrintableSection
from iwpacks.renderers._doc_blocks import Block, Figure, Heading, Lines, Para

BOX = "\u25a1"  # a white square: in the brand font's character set (WGL4), so it prints everywhere
SHORT_PROMPT = 60  # a one-line answer shares its line with a prompt this short
_OPTIONS = re.compile(r"^(?P<question>.*?)\s*\((?P<options>[^()]+(?:\s/\s[^()]+)+)\)$")


def printable_blocks(printable: Printable, level: int = 2) -> list[Block]:
    """The sheet on a page of its own: title, how to use it, its sections, and where it comes from."""
    blocks: list[Block] = [Heading(printable.title, level, new_page=True), Para(printable.intro)]
    if printable.figure is not None:
        blocks.append(Figure(printable.figure))
    for section in printable.sections:
        blocks.append(Heading(section.heading, level + 1))
        blocks += _section(section)
    return blocks + [Para(printable.note, style="Caption")]


def _section(section: PrintableSection) -> list[Block]:
    if section.style == "form":
        out: list[Block] = []
        for prompt in section.prompts:
            if section.lines == 1 and len(prompt) <= SHORT_PROMPT:  # "General health ______" on one line
                out.append(Lines(1, label=f"{prompt} "))
            else:
                out += [Para(prompt, keep_with_next=True), Lines(section.lines)]
        return out
    if section.style == "checklist":
        return [Para(_ticked(prompt)) for prompt in section.prompts]
    return [Para(prompt, style="List Bullet") for prompt in section.prompts]


def _ticked(prompt: str) -> str:
    """"Is the child healthy? (yes / no / not sure)" -> the question, then a box before each answer."""
    match = _OPTIONS.match(prompt)
    if match is None:
        return f"{BOX}  {prompt}"
    options = "   ".join(f"{BOX} {option.strip()}" for option in match.group("options").split("/"))
    return f"{match.group('question')}\u2003{options}"
