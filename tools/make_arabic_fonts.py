"""Make brand/fonts/NotoSansArabic-Regular.ttf and -Bold.ttf from Noto Sans Arabic's variable font.

reportlab embeds static TrueType faces, and Noto Sans Arabic ships as one variable font; this cuts its
weight 400 and 700 instances at full width. It needs fontTools, which iwpacks itself does not:

    python -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    /tmp/ft/bin/python tools/make_arabic_fonts.py "NotoSansArabic[wdth,wght].ttf"
"""
from __future__ import annotations

import sys
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

FONTS = Path(__file__).resolve().parent.parent / "brand" / "fonts"
WEIGHTS = {"Regular": 400, "Bold": 700}


def main(variable_font: str) -> None:
    for face, weight in WEIGHTS.items():
        font = instancer.instantiateVariableFont(TTFont(variable_font), {"wght": weight, "wdth": 100},
                                                 updateFontNames=True)
        font.save(FONTS / f"NotoSansArabic-{face}.ttf")


if __name__ == "__main__":
    main(sys.argv[1])
