"""Slides and their speaker notes added to a deck without python-pptx redoing, for every slide, work whose
answer is the same for each: the parts, names, relationships and XML are the ones it would have made."""
from __future__ import annotations

import copy
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.shapes.placeholder import NotesSlidePlaceholder


class SlideMaker:
    """Adds slides to one presentation, each on a layout of its template.

    python-pptx builds each new slide's placeholders afresh from its layout's, placeholder by placeholder;
    a new slide on a given layout always gets the same ones (the same ids, names and properties), so here
    they are built once per layout and copied for each later slide on it. And it relates the presentation to
    each new slide only after looking through all its relationships for one to that slide, which a new slide
    cannot have.
    """

    def __init__(self, prs) -> None:
        self._prs = prs
        self._ids = prs.part._element.get_or_add_sldIdLst()
        # By layout part name: the placeholders of its first slide as they were made (all a new slide holds),
        # each with its idx and python-pptx class.
        self._placeholders: dict[str, list[tuple[object, int, type]]] = {}

    def add(self, layout) -> tuple[Any, dict[int, Any]]:
        """A new slide at the end of the deck, on `layout`, with the layout's placeholders; and those
        placeholders by their idx, in the slide's order."""
        key = str(layout.part.partname)
        if key not in self._placeholders:
            slide = self._prs.slides.add_slide(layout)
            holders: dict[int, Any] = {ph.placeholder_format.idx: ph for ph in slide.placeholders}
            self._placeholders[key] = [(copy.deepcopy(ph._element), idx, type(ph)) for idx, ph in holders.items()]
            return slide, holders
        # What Slides.add_slide does, but for the placeholders and the look for an existing relationship.
        presentation = self._prs.part
        slide_part = SlidePart.new(presentation._next_slide_partname, presentation.package, layout.part)
        rid = presentation.rels._add_relationship(RT.SLIDE, slide_part)
        slide = slide_part.slide
        shapes = slide.shapes
        holders = {}
        for element, idx, kind in self._placeholders[key]:
            holders[idx] = kind(copy.deepcopy(element), shapes)
            shapes._spTree.append(holders[idx]._element)
        self._ids.add_sldId(rid)
        return slide, holders


class NotesMaker:
    """Adds a notes slide to each slide of one presentation, in the order the slides are drawn.

    python-pptx's `slide.notes_slide` names each new part by walking every part of the package for a free
    number and clones the notes master's placeholders afresh, so a deck's notes cost grows with the square of
    its slides. Here the first notes slide is made by python-pptx itself; each later one is a copy of that
    first one as it was made (before its text), named by counting on from it. The parts, their names and
    their relationships are the ones python-pptx would have made, in the same order.
    """

    def __init__(self) -> None:
        self._blank = None  # the first notes slide's XML, before its text
        self._number = 0  # the number in the last notes slide's part name
        self._master_part = None
        self._body = 0  # where the notes placeholder is in the shape tree of each (the same in every copy)

    def add(self, slide, text: str) -> None:
        """Give `slide` a notes slide holding `text` (lines split at newlines, as python-pptx's text does)."""
        if self._blank is None:
            notes_part = slide.part.notes_slide.part
            self._blank = copy.deepcopy(notes_part._element)
            self._number = int(notes_part.partname.idx)
            self._master_part = notes_part.part_related_by(RT.NOTES_MASTER)
            body = notes_part.notes_slide.notes_placeholder
            self._body = list(notes_part.notes_slide.shapes._spTree).index(body._element)
            body.text_frame.text = text
            return
        self._number += 1
        notes_part = NotesSlidePart(PackURI(f"/ppt/notesSlides/notesSlide{self._number}.xml"),
                                    CT.PML_NOTES_SLIDE, slide.part.package, copy.deepcopy(self._blank))
        notes_part.relate_to(self._master_part, RT.NOTES_MASTER)
        notes_part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(notes_part, RT.NOTES_SLIDE)
        shapes = notes_part.notes_slide.shapes
        NotesSlidePlaceholder(shapes._spTree[self._body], shapes).text_frame.text = text
