"""A printable sheet or form (content/printables.yaml) as document blocks: one sheet, to copy and hand out."""
from __future__ import annotations

import re

from typing import TYPE_CHECKING

from iwpacks.model import Printable, PrintableSection
from iwpacks.renderers._doc_blocks import Block, Figure, Grid, Heading, Lines, Para, Slot

if TYPE_CHECKING:
    from iwpacks.renderers._slots import SlotText

BOX = "\u25a1"  # a white square: in the brand font's character set (WGL4), so it prints everywhere
TEXT_CM = 17.0      # the page's text width
ANSWER_CM = 1.9     # a checklist table's column for each answer ("not sure" on one line)
_OPTIONS = re.compile(r"^(?P<question>.*?)\s*\((?P<options>[^()]+(?:\s/\s[^()]+)+)\)$")


def printable_blocks(printable: Printable, level: int = 2, local: SlotText | None = None,
                     new_page: bool = True, more: str = "", note: str = "") -> list[Block]:
    """The sheet on a page of its own (or, not `new_page`, on the page its part of the document opens): title,
    how to use it, its sections, the local facts it shows (`local`, the text of its slot), where to learn more
    (`more`), and where it comes from (`note`, else the sheet's own)."""
    blocks: list[Block] = [Heading(printable.title, level, new_page=new_page), Para(printable.intro)]
    if printable.figure is not None:
        blocks.append(Figure(printable.figure))
    for section in printable.sections:
        grid = _ticked_grid(section)
        if grid is not None:  # the section's heading heads the table's first column
            blocks.append(grid)
            continue
        blocks.append(Heading(section.heading, level + 1))
        blocks += _section(section)
    if local is not None:
        blocks += [Heading(local.heading, level + 1), Slot(local)]
    if more:
        blocks.append(Para(more))
    return blocks + [Para(note or printable.note, style="Caption")]


def _section(section: PrintableSection) -> list[Block]:
    if section.style == "form":
        out: list[Block] = []
        for prompt in section.prompts:
            if section.lines == 1:  # "General health ______"; a long prompt, in the same style, wraps to its line
                out.append(Lines(1, label=f"{prompt} "))
            else:
                out += [Para(prompt, keep_with_next=True), Lines(section.lines)]
        return out
    if section.style == "checklist":
        return [Para(_ticked(prompt)) for prompt in section.prompts]
    return [Para(prompt, style="List Bullet") for prompt in section.prompts]


def _ticked_grid(section: PrintableSection) -> Grid | None:
    """A checklist whose prompts all offer the same answers ("(yes / no / not sure)") as a table: a question a
    row, a box under each answer (the review: the boxes wrapped onto the next line). None for another section."""
    matches = [_OPTIONS.match(p) for p in section.prompts] if section.style == "checklist" else []
    if not matches or any(m is None for m in matches):
        return None
    options = {tuple(o.strip() for o in m.group("options").split("/")) for m in matches if m is not None}
    if len(options) != 1:
        return None
    answers = options.pop()
    rest = TEXT_CM - ANSWER_CM * len(answers)
    return Grid((section.heading, *answers), tuple((m.group("question"), *(BOX,) * len(answers)) for m in matches if m),
                widths=(rest, *(ANSWER_CM,) * len(answers)), whole=True)


def _ticked(prompt: str) -> str:
    """"Is the child healthy? (yes / no / not sure)" -> the question, then a box before each answer."""
    match = _OPTIONS.match(prompt)
    if match is None:
        return f"{BOX}  {prompt}"
    options = "   ".join(f"{BOX} {option.strip()}" for option in match.group("options").split("/"))
    return f"{match.group('question')}\u2003{options}"
