"""The raw DrawingML edits python-pptx does not expose, one function each."""
from __future__ import annotations

from pptx.oxml.ns import qn


def no_bullet(paragraph) -> None:
    """Drop the bullet and hanging indent of one paragraph (a:pPr marL, indent, a:buNone)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", "0")
    ppr.set("indent", "0")
    for old in ppr.findall(qn("a:buNone")):
        ppr.remove(old)
    ppr.insert(0, ppr.makeelement(qn("a:buNone"), {}))
