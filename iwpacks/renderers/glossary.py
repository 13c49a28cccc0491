"""Renders glossary.docx: each acronym the course's texts use, what it stands for and what it means."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfmetrics import stringWidth

from iwpacks.renderers import register
from iwpacks.renderers._docx import finish, open_template, table
from iwpacks.renderers._forms import form_heading
from iwpacks.renderers._pdf import register_family
from iwpacks.renderers._words import items, say

if TYPE_CHECKING:
    from iwpacks.model import Brand
    from iwpacks.planning.plan import CoursePlan

TEXT_WIDTH = 17.0  # cm between an A4 page's 2 cm margins
TABLE_TEXT_PT = 9.5  # the template's Table Text size
CELL_PADDING = 0.3  # cm: the IW Table's left and right cell margins, 85 twips each
WRAP_SLACK = 1.15  # a text wrapped onto n lines needs a little more than 1/n of its width: words break unevenly
# A term is what a reader scans for: at most two lines. What an acronym stands for may take three.
TERM_LINES, STANDS_FOR_LINES = 2, 3
TERM_RANGE, STANDS_FOR_RANGE = (2.4, 4.2), (2.4, 4.6)  # cm; the meaning, the longest text, takes the rest


class GlossaryRenderer:
    """Renders glossary.docx for one course plan: its `glossary`, which render_course narrows to the terms
    the course's other files use."""

    name = "glossary"
    filename = "glossary.docx"

    def render(self, plan: CoursePlan, brand: Brand) -> bytes:
        doc = open_template(brand)
        kind = say(plan, "glossary.title")
        form_heading(doc, plan, brand, kind)
        doc.add_paragraph(say(plan, "glossary.intro"))
        header = items(plan, "glossary.header")
        rows = [[t.term, t.stands_for, t.meaning] for t in plan.glossary]
        table(doc, header, rows, widths=column_widths(brand, header, rows))
        return finish(doc, plan, brand, kind)


def column_widths(brand: Brand, header: Sequence[str], rows: Sequence[Sequence[str]]
                  ) -> tuple[float, float, float]:
    """The Term and Stands-for columns sized to their texts, so no word breaks and a term wraps at most once;
    the meaning takes what is left of the text width."""
    font = register_family(brand, brand.body_font)
    term = _fitted(font, [header[0], *(r[0] for r in rows)], TERM_LINES, TERM_RANGE)
    stands_for = _fitted(font, [header[1], *(r[1] for r in rows if r[1])], STANDS_FOR_LINES, STANDS_FOR_RANGE)
    return term, stands_for, round(TEXT_WIDTH - term - stands_for, 2)


def _fitted(font: str, texts: Iterable[str], lines: int, bounds: tuple[float, float]) -> float:
    """The narrowest column (cm) that holds every word of `texts` whole and the longest text in `lines` lines."""
    texts = list(texts)
    widest_word = max(_cm(font, word) for text in texts for word in text.split())
    widest_text = max(_cm(font, text) for text in texts)
    needed = max(widest_word, widest_text / lines * WRAP_SLACK) + CELL_PADDING
    return round(min(max(needed, bounds[0]), bounds[1]), 2)


def _cm(font: str, text: str) -> float:
    return stringWidth(text, font, TABLE_TEXT_PT) / 72 * 2.54


register(GlossaryRenderer())
