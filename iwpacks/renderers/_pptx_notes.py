"""Speaker notes for every slide of a deck, without python-pptx's per-slide scans of the whole package."""
from __future__ import annotations

import copy

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart


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

    def add(self, slide, text: str) -> None:
        """Give `slide` a notes slide holding `text` (lines split at newlines, as python-pptx's text does)."""
        if self._blank is None:
            notes_part = slide.part.notes_slide.part
            self._blank = copy.deepcopy(notes_part._element)
            self._number = int(notes_part.partname.idx)
            self._master_part = notes_part.part_related_by(RT.NOTES_MASTER)
        else:
            self._number += 1
            notes_part = NotesSlidePart(PackURI(f"/ppt/notesSlides/notesSlide{self._number}.xml"),
                                        CT.PML_NOTES_SLIDE, slide.part.package, copy.deepcopy(self._blank))
            notes_part.relate_to(self._master_part, RT.NOTES_MASTER)
            notes_part.relate_to(slide.part, RT.SLIDE)
            slide.part.relate_to(notes_part, RT.NOTES_SLIDE)
        notes_part.notes_slide.notes_text_frame.text = text
