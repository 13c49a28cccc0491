"""The brand's font families, registered with reportlab for measuring and embedding.

Apart from the PDF layer (`_pdf`) so that measuring text, as `iwpacks validate` does for the diagrams, does not
import reportlab's page layout (platypus), which costs a tenth of a second at start-up.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from iwpacks.errors import IwpacksError
from iwpacks.model import FONT_FACES

if TYPE_CHECKING:
    from iwpacks.model import Brand

_SUFFIXES = ("", "-Bold", "-Italic", "-BoldItalic")  # reportlab's names for the faces of FONT_FACES


def register_family(brand: Brand, family: str) -> str:
    """Register the four TTF faces of a brand font family (e.g. 'Liberation Sans'); returns its base font name.

    The faces come from the brand's own fonts folder, never from the machine, and reportlab embeds a subset
    of each in every PDF. load_brand has checked that the files exist.
    """
    return _register(brand.font_file(family, "Regular").parent, family)


@functools.cache
def _register(folder: Path, family: str) -> str:
    stem = family.replace(" ", "")
    for face, suffix in zip(FONT_FACES, _SUFFIXES):
        path = folder / f"{stem}-{face}.ttf"
        try:
            pdfmetrics.registerFont(TTFont(stem + suffix, str(path)))
        except (OSError, TTFError) as exc:
            raise IwpacksError(f'font "{family}" ({face}): cannot read {path}: {exc}') from None
    pdfmetrics.registerFontFamily(stem, normal=stem, bold=stem + "-Bold", italic=stem + "-Italic",
                                  boldItalic=stem + "-BoldItalic")
    return stem
