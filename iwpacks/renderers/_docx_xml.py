"""Paragraphs, runs and paragraph properties written into a Word document's XML directly, where python-docx pays
per call: the elements python-docx would make, in the places it would put them.

python-docx finds where a new child goes by looking, one by one, for each element the schema allows after it
(some thirty for a paragraph's properties), and writes a run's text a character at a time; a trainer guide
makes ten thousand paragraphs that way. The elements here are python-docx's own classes (made by its parser), so
its objects work on them as before.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from docx.text.paragraph import Paragraph

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

_P_PR, _P_STYLE, _KEEP_NEXT, _SECT_PR = qn("w:pPr"), qn("w:pStyle"), qn("w:keepNext"), qn("w:sectPr")
_VAL, _SPACE, _NUM_PR, _NUM_ID = qn("w:val"), qn("xml:space"), qn("w:numPr"), qn("w:numId")
_SPECIAL = re.compile(r"([\t\r\n])")  # python-docx writes a tab as w:tab, a line end as w:br
_W = {"w": nsmap["w"]}


def element(tag: str):
    """A new w: element, as python-docx's OxmlElement makes it, without parsing the prefixed tag each time."""
    return oxml_parser.makeelement(_clark(tag), nsmap=_W)


@functools.lru_cache(maxsize=None)
def _clark(tag: str) -> str:
    return qn(f"w:{tag}")


def fast_paragraphs(doc: DocumentObject) -> None:
    """Make `doc.add_paragraph` (and so `doc.add_heading`) build its paragraph here; the same XML as before.

    An instance attribute shadows the class's method for this document alone, as _docx's style memo does.
    """
    body, container, part = doc.element.body, doc._body, doc.part

    def add_paragraph(text: str | None = "", style=None) -> Paragraph:
        p = element("p")
        if text:
            p.append(new_run(text))
        if style:
            set_style(p, part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH))
        last = body[-1] if len(body) else None
        if last is not None and last.tag == _SECT_PR:  # the body's section properties stay its last child
            last.addprevious(p)
        else:
            body.append(p)
        return Paragraph(p, container)

    setattr(doc, "add_paragraph", add_paragraph)


def new_run(text: str):
    """A w:r holding `text`: w:t for the words (space preserved where it starts or ends one), w:tab, w:br."""
    r = element("r")
    for piece in _SPECIAL.split(text):
        if piece == "\t":
            r.append(element("tab"))
        elif piece in ("\r", "\n"):
            r.append(element("br"))
        elif piece:
            t = element("t")
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(_SPACE, "preserve")
            r.append(t)
    return r


def properties(p):
    """The paragraph's w:pPr, added as its first child where it has none."""
    ppr = p.find(_P_PR)
    if ppr is None:
        ppr = element("pPr")
        p.insert(0, ppr)
    return ppr


def set_style(p, style_id: str | None) -> None:
    """Give a w:p the paragraph style `style_id` (w:pStyle, first in w:pPr); None: the default style."""
    ppr = properties(p)
    old = ppr.find(_P_STYLE)
    if style_id is None:
        if old is not None:
            ppr.remove(old)
        return
    if old is None:
        old = element("pStyle")
        ppr.insert(0, old)
    old.set(_VAL, style_id)


def keep_next(p) -> None:
    """Keep a w:p on the page of the next (w:keepNext, after any w:pStyle in w:pPr)."""
    ppr = properties(p)
    keep = ppr.find(_KEEP_NEXT)
    if keep is None:
        keep = element("keepNext")
        ppr.insert(1 if len(ppr) and ppr[0].tag == _P_STYLE else 0, keep)
    elif _VAL in keep.attrib:  # on by default, as python-docx writes it
        del keep.attrib[_VAL]


# What comes before w:numPr in a w:pPr, in the schema's order.
_BEFORE_NUM_PR = frozenset(qn(f"w:{tag}") for tag in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr",
                                                      "widowControl"))


def set_number(p, num_id: int) -> None:
    """Number a w:p in the list `num_id` (w:numPr/w:numId, in its place in w:pPr)."""
    ppr = properties(p)
    num_pr = ppr.find(_NUM_PR)
    if num_pr is None:
        num_pr = element("numPr")
        ppr.insert(sum(1 for child in ppr if child.tag in _BEFORE_NUM_PR), num_pr)
    num = num_pr.find(_NUM_ID)
    if num is None:
        num = element("numId")
        num_pr.append(num)  # after any w:ilvl, as the schema orders them
    num.set(_VAL, str(num_id))
