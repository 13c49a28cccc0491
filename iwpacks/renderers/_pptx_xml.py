"""The raw DrawingML edits python-pptx does not expose, or makes slowly, one function each."""
from __future__ import annotations

from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement

_P_PR = qn("a:pPr")
# What may follow a:pPr in an a:p: python-pptx puts a new a:pPr before the first of them.
_AFTER_P_PR = frozenset(qn(tag) for tag in ("a:r", "a:br", "a:fld", "a:endParaRPr"))


def no_bullet(paragraph) -> None:
    """Drop the bullet and hanging indent of one paragraph (a:pPr marL, indent, a:buNone)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", "0")
    ppr.set("indent", "0")
    for old in ppr.findall(qn("a:buNone")):
        ppr.remove(old)
    ppr.insert(0, ppr.makeelement(qn("a:buNone"), {}))


def set_level(paragraph, level: int) -> None:
    """Set a paragraph's outline level (a:pPr lvl; none for 0), adding its a:pPr where it has none, as
    python-pptx's `level` does, without its search for where the a:pPr goes on every call."""
    p = paragraph._p
    ppr = p.find(_P_PR)
    if ppr is None:
        ppr = OxmlElement("a:pPr")
        following = next((child for child in p if child.tag in _AFTER_P_PR), None)
        if following is None:
            p.append(ppr)
        else:
            following.addprevious(ppr)
    if level:
        ppr.set("lvl", str(level))
    elif "lvl" in ppr.attrib:  # 0 is the default, which python-pptx writes as no attribute
        del ppr.attrib["lvl"]
