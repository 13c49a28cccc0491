"""How far down each page of a PDF its body text reaches: the measure of a page left mostly empty."""
from __future__ import annotations

import io

from pypdf import PdfReader

HEAD_PT = 30 * 72 / 25.4    # the branded band and logos at the top of every page the renderers draw
FOOT_PT = 18 * 72 / 25.4    # the footer rule, running title and page number below the body


def body_depths(data: bytes) -> list[float]:
    """For each page, the share of its body (between header and footer) that text reaches down to: 0.25 means
    the lowest line of body text stands a quarter of the way down. A Word file is measured from its PDF."""
    depths = []
    for page in PdfReader(io.BytesIO(data)).pages:
        height = float(page.mediabox.height)
        top, bottom = height - HEAD_PT, FOOT_PT
        lowest = [top]

        def visit(text: str, cm: list, tm: list, font: object, size: float) -> None:
            y = tm[5] * cm[3] + cm[5] if cm[3] else tm[5]
            if text.strip() and bottom < y < top:
                lowest.append(y)

        page.extract_text(visitor_text=visit)
        depths.append((top - min(lowest)) / (top - bottom))
    return depths
