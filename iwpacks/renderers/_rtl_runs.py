"""Right-to-left runs in Word and PowerPoint files, marked as such.

Office lays a run out by its direction: a Hebrew or Arabic name in a run without `w:rtl` (Word) or `a:rtl`
(PowerPoint) is set as left-to-right text, so punctuation and numbers beside it land on the wrong side and
screen readers announce it in the wrong order. Each run that mixes directions is split where its direction
changes, and the right-to-left pieces are marked; a paragraph of right-to-left text only is marked too.
"""
from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Callable, Iterator

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
# Hebrew, Arabic, Syriac, Thaana, N'Ko ... and their presentation forms, as UTF-8: a quick test of a part's bytes.
_RTL_BYTES = re.compile(rb"[\xd6-\xdf][\x80-\xbf]|\xe0\xa0[\x80-\xbf]|\xef(?:[\xac-\xb7]|[\xb9-\xbb])[\x80-\xbf]")
_STRONG_RTL = ("R", "AL")
# Where w:rtl may stand in w:rPr: before these (the schema's order), else at the end.
_AFTER_RTL_IN_WORD = {f"{{{W}}}{tag}" for tag in ("cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")}


def has_rtl(part: bytes) -> bool:
    return _RTL_BYTES.search(part) is not None


def _pieces(text: str) -> list[tuple[bool, str]]:
    """The text as (right to left?, characters) pieces: a space or punctuation between two right-to-left
    letters belongs to their piece, elsewhere to the left-to-right text around it."""
    kinds = [unicodedata.bidirectional(c) for c in text]
    rtl = [k in _STRONG_RTL for k in kinds]
    for i, kind in enumerate(kinds):  # neutrals take the direction of strong letters on both sides
        if kind not in _STRONG_RTL and kind not in ("L",):
            before = next((rtl[j] for j in range(i - 1, -1, -1) if kinds[j] in _STRONG_RTL + ("L",)), False)
            after = next((rtl[j] for j in range(i + 1, len(text)) if kinds[j] in _STRONG_RTL + ("L",)), False)
            rtl[i] = before and after
    pieces: list[tuple[bool, str]] = []
    for flag, char in zip(rtl, text):
        if pieces and pieces[-1][0] == flag:
            pieces[-1] = (flag, pieces[-1][1] + char)
        else:
            pieces.append((flag, char))
    return pieces


def _all_rtl(text: str) -> bool:
    """Whether a paragraph is right-to-left text only (a name in Hebrew): one that mixes in English keeps the
    document's left-to-right order, its right-to-left runs marked."""
    kinds = {unicodedata.bidirectional(c) for c in text}
    return bool(kinds & set(_STRONG_RTL)) and "L" not in kinds


def _split_runs(root: etree._Element, ns: str, mark: Callable[[etree._Element], None]) -> None:
    """Split each run (`r` of one `t`) whose text mixes directions into a run per piece, the same properties
    on each, and `mark` the right-to-left pieces."""
    for run in list(root.iter(f"{{{ns}}}r")):
        texts = run.findall(f"{{{ns}}}t")
        if len(texts) != 1 or not texts[0].text or not any(flag for flag, _ in _pieces(texts[0].text)):
            continue
        for flag, chars in _pieces(texts[0].text):
            piece = copy.deepcopy(run)
            node = piece.find(f"{{{ns}}}t")
            node.text = chars
            if ns == W:  # Word drops a piece's edge spaces unless told to keep them
                node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            if flag:
                mark(piece)
            run.addprevious(piece)
        run.getparent().remove(run)


def _rtl_paragraphs(root: etree._Element, ns: str) -> Iterator[etree._Element]:
    """The paragraphs of right-to-left text only, each with its properties element (made where missing)."""
    for paragraph in root.iter(f"{{{ns}}}p"):
        if _all_rtl("".join(t.text or "" for t in paragraph.iter(f"{{{ns}}}t"))):
            ppr = paragraph.find(f"{{{ns}}}pPr")
            if ppr is None:
                ppr = etree.Element(f"{{{ns}}}pPr")
                paragraph.insert(0, ppr)
            yield ppr


def mark_word_part(part: bytes) -> bytes:
    """A WordprocessingML part (document, header, footer) with its right-to-left runs marked."""
    root = etree.fromstring(part)
    _split_runs(root, W, _word_rtl)
    for ppr in _rtl_paragraphs(root, W):
        if ppr.find(f"{{{W}}}bidi") is None:
            bidi = etree.Element(f"{{{W}}}bidi")
            style = ppr.find(f"{{{W}}}pStyle")
            (style.addnext(bidi) if style is not None else ppr.insert(0, bidi))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _word_rtl(run: etree._Element) -> None:
    rpr = run.find(f"{{{W}}}rPr")
    if rpr is None:
        rpr = etree.Element(f"{{{W}}}rPr")
        run.insert(0, rpr)
    mark = etree.Element(f"{{{W}}}rtl")
    later = next((child for child in rpr if child.tag in _AFTER_RTL_IN_WORD), None)
    (later.addprevious(mark) if later is not None else rpr.append(mark))


def mark_drawing_part(part: bytes) -> bytes:
    """A PresentationML part (a slide, its notes) with its right-to-left runs and paragraphs marked."""
    root = etree.fromstring(part)
    _split_runs(root, A, _drawing_rtl)
    for ppr in _rtl_paragraphs(root, A):
        ppr.set("rtl", "1")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drawing_rtl(run: etree._Element) -> None:
    rpr = run.find(f"{{{A}}}rPr")
    if rpr is None:
        rpr = etree.Element(f"{{{A}}}rPr")
        run.insert(0, rpr)
    mark = etree.Element(f"{{{A}}}rtl")
    mark.set("val", "1")
    later = rpr.find(f"{{{A}}}extLst")
    (later.addprevious(mark) if later is not None else rpr.append(mark))
