"""A printable sheet or form (content/printables.yaml) as document blocks: one sheet, to copy and hand out."""
from __future__ import annotations

import re

from typing import TYPE_CHECKING

from iwpacks.model import Printable, PrintableSection
from iwpacks.renderers._doc_blocks import Block, Figure, Heading, Lines, Para, Slot

if TYPE_CHECKING:
    from iwpacks.renderers._slots import SlotText

BOX = "\u25a1"  # a white square: in the brand font's character set (WGL4), so it prints everywhere
SHORT_PROMPT = 60  # a one-line answer shares its line with a prompt this short
_OPTIONS = re.compile(r"^(?P<question>.*?)\s*\((?P<options>[^()]+(?:\s/\s[^()]+)+)\)$")


def printable_blocks(printable: Printable, level: int = 2, local: SlotText | None = None,
                     new_page: bool = True, more: str = "") -> list[Block]:
    """The sheet on a page of its own (or, not `new_page`, on the page its part of the document opens): title,
    how to use it, its sections, the local facts it shows (`local`, the text of its slot), where to learn more
    (`more`), and where it comes from."""
    blocks: list[Block] = [Heading(printable.title, level, new_page=new_page), Para(printable.intro)]
    if printable.figure is not None:
        blocks.append(Figure(printable.figure))
    for section in printable.sections:
        blocks.append(Heading(section.heading, level + 1))
        blocks += _section(section)
    if local is not None:
        blocks += [Heading(local.heading, level + 1), Slot(local)]
    if more:
        blocks.append(Para(more))
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
