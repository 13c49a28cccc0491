"""Paints a laid-out diagram as a print-resolution PNG for Word documents, in the brand's own font files.

Word documents get a picture rather than shapes: a figure of Word drawing shapes moves with every edit of the
text around it, and LibreOffice and Word place them differently. The picture carries the same alt text.
"""
from __future__ import annotations

import functools
import io
import math

from PIL import Image, ImageDraw, ImageFont

from iwpacks.model import Brand
from iwpacks.renderers._diagram_layout import LEADING, Box, Figure
from iwpacks.renderers._scripts import has_right_to_left, visual_letters

DPI = 220  # print resolution for a figure at most the text width of A4


def figure_png(figure: Figure, brand: Brand) -> bytes:
    """The figure as PNG bytes; the same figure and brand give the same bytes."""
    scale = DPI / 72
    image = Image.new("RGB", (math.ceil(figure.width * scale), math.ceil(figure.height * scale)), "#FFFFFF")
    draw = ImageDraw.Draw(image)
    for arrow in figure.arrows:
        _arrow(draw, arrow, scale)
    for box in figure.boxes:
        _box(draw, box, scale, brand)
    buffer = io.BytesIO()
    # zlib level 3: under half level 6's time for about a seventh more bytes, on every figure of every build.
    image.save(buffer, "PNG", dpi=(DPI, DPI), compress_level=3)
    return buffer.getvalue()


def _hex(value: str) -> str:
    return "#" + value


def _arrow(draw: ImageDraw.ImageDraw, arrow, scale: float) -> None:
    x1, y1, x2, y2 = (v * scale for v in (arrow.x1, arrow.y1, arrow.x2, arrow.y2))
    width = max(1, round(arrow.width * scale))
    draw.line((x1, y1, x2, y2), fill=_hex(arrow.colour), width=width)
    for head in arrow.heads():
        draw.polygon([(x * scale, y * scale) for x, y in head], fill=_hex(arrow.colour))


def _box(draw: ImageDraw.ImageDraw, box: Box, scale: float, brand: Brand) -> None:
    x, y, w, h = (v * scale for v in (box.x, box.y, box.w, box.h))
    fill = _hex(box.fill) if box.fill else None
    line = _hex(box.line) if box.line else None
    width = max(1, round(1.25 * scale))
    if box.shape in ("chevron", "pentagon"):
        draw.polygon([(px * scale, py * scale) for px, py in box.outline()], fill=fill, outline=line)
    elif box.shape == "rounded":
        draw.rounded_rectangle((x, y, x + w, y + h), radius=min(w, h) / 6, fill=fill, outline=line, width=width)
    elif box.shape == "ellipse":
        draw.ellipse((x, y, x + w, y + h), fill=fill, outline=line, width=width)
    elif box.shape == "rect":
        draw.rectangle((x, y, x + w, y + h), fill=fill, outline=line, width=width)
    _text(draw, box, scale, brand)


def _text(draw: ImageDraw.ImageDraw, box: Box, scale: float, brand: Brand) -> None:
    if not box.lines:
        return
    bold = _font(str(brand.font_file(brand.body_font, "Bold")), box.size * scale)
    plain = _font(str(brand.font_file(brand.body_font, "Regular")), box.size * scale)
    line_height = box.size * LEADING * scale
    left, top, right, bottom = (v * scale for v in box.pad)
    x0, y0, w, h = box.x * scale + left, box.y * scale + top, box.w * scale - left - right, box.h * scale - top - bottom
    start = y0 if box.top else y0 + (h - line_height * len(box.lines)) / 2
    centred = not (box.top and box.shape == "text")
    for n, line in enumerate(box.lines):
        font = bold if box.bold and n < box.bold_lines else plain
        shown = visual_letters(line) if has_right_to_left(line) else line
        width = draw.textlength(shown, font=font)
        x = x0 + (w - width) / 2 if centred else (x0 + w - width if has_right_to_left(line) else x0)
        # The line's middle, a little above half its height: text sits on a baseline, with room below for
        # descenders.
        draw.text((x, start + n * line_height + line_height / 2), shown, font=font, fill=_hex(box.colour),
                  anchor="lm")


@functools.cache
def _font(path: str, size: float) -> ImageFont.FreeTypeFont:
    # Basic layout, not Raqm: the same pixels on every machine, whether or not it has FriBiDi; right-to-left
    # lines are put in visual order first.
    return ImageFont.truetype(path, round(size), layout_engine=ImageFont.Layout.BASIC)
