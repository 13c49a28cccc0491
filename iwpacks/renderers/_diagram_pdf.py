"""Paints a laid-out diagram into a PDF as vector drawing: paths for the boxes and arrows, real text for labels.

A reader can search and copy every label, and the picture stays sharp at any zoom or print size.
"""
from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from iwpacks.model import Brand
from iwpacks.renderers._diagram_layout import LEADING, Arrow, Box, Figure
from iwpacks.renderers._pdf import register_family
from iwpacks.renderers._scripts import has_right_to_left, visual_letters


class FigureFlowable(Flowable):
    """A figure as a platypus flowable, its width and height those of the layout's canvas."""

    def __init__(self, figure: Figure, brand: Brand) -> None:
        super().__init__()
        self.figure, self.brand = figure, brand
        self.width, self.height = figure.width, figure.height
        self.font = register_family(brand, brand.body_font)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        # The layout measures from the top left; PDF from the bottom left.
        canvas.translate(0, self.height)
        canvas.scale(1, -1)
        for arrow in self.figure.arrows:
            _arrow(canvas, arrow)
        for box in self.figure.boxes:
            _box(canvas, box)
        canvas.restoreState()
        canvas.saveState()
        for box in self.figure.boxes:
            self._text(canvas, box)
        canvas.restoreState()

    def _text(self, canvas, box: Box) -> None:
        left, top, right, _ = box.pad
        x0, width = box.x + left, box.w - left - right
        line_height = box.size * LEADING
        room = box.h - box.pad[1] - box.pad[3]
        first = box.y + top + (0 if box.top else (room - line_height * len(box.lines)) / 2)
        centred = not (box.top and box.shape == "text")
        canvas.setFillColor(HexColor("#" + box.colour))
        for n, line in enumerate(box.lines):
            font = self.font + ("-Bold" if box.bold and n < box.bold_lines else "")
            shown = visual_letters(line) if has_right_to_left(line) else line
            # The baseline sits about 0.3 of a line below the line's middle.
            baseline = self.height - (first + n * line_height + line_height / 2 + box.size * 0.33)
            canvas.setFont(font, box.size)
            if centred:
                canvas.drawCentredString(x0 + width / 2, baseline, shown)
            elif has_right_to_left(line):
                canvas.drawRightString(x0 + width, baseline, shown)
            else:
                canvas.drawString(x0, baseline, shown)


def _arrow(canvas, arrow: Arrow) -> None:
    colour = HexColor("#" + arrow.colour)
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineWidth(arrow.width)
    canvas.line(arrow.x1, arrow.y1, arrow.x2, arrow.y2)
    for head in arrow.heads():
        _polygon(canvas, head, stroke=False, fill=True)


def _box(canvas, box: Box) -> None:
    if box.shape == "text":
        return
    fill, stroke = bool(box.fill), bool(box.line)
    if fill:
        canvas.setFillColor(HexColor("#" + box.fill))
    if stroke:
        canvas.setStrokeColor(HexColor("#" + box.line))
        canvas.setLineWidth(1)
    if box.shape == "rect":
        canvas.rect(box.x, box.y, box.w, box.h, stroke=int(stroke), fill=int(fill))
    elif box.shape == "rounded":
        canvas.roundRect(box.x, box.y, box.w, box.h, min(box.w, box.h) / 6, stroke=int(stroke), fill=int(fill))
    elif box.shape == "ellipse":
        canvas.ellipse(box.x, box.y, box.x + box.w, box.y + box.h, stroke=int(stroke), fill=int(fill))
    else:
        _polygon(canvas, box.outline(), stroke, fill)


def _polygon(canvas, points: list[tuple[float, float]], stroke: bool, fill: bool) -> None:
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.close()
    canvas.drawPath(path, stroke=int(stroke), fill=int(fill))

