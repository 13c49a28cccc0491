"""Draws a laid-out diagram on a slide as native PowerPoint shapes: one group, with the alt text on the group.

Every box is an ordinary shape with its own text, so a trainer can click one and retype it; the text wraps in
PowerPoint as the layout measured it. Shapes go in reading order, the arrows behind them.
"""
from __future__ import annotations

import copy
import math

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.shapes.shapetree import GroupShapes
from pptx.util import Pt

from iwpacks.model import Brand
from iwpacks.renderers._diagram_layout import Arrow, Box, Figure
from iwpacks.renderers._scripts import has_right_to_left

EMU_PER_POINT = 12700
_SHAPES = {"rect": MSO_SHAPE.RECTANGLE, "rounded": MSO_SHAPE.ROUNDED_RECTANGLE, "chevron": MSO_SHAPE.CHEVRON,
           "pentagon": MSO_SHAPE.PENTAGON, "ellipse": MSO_SHAPE.OVAL}
# How far in from the edge the preset geometry puts the text: (1 - cos 45°) / 2 of an ellipse's width and
# height; 0.29 of a rounded rectangle's corner radius, itself a sixth of its shorter side.
_TEXT_RECT_INSET = {"ellipse": 0.1464, "rounded": 0.0488}
DIAGRAM_PREFIX = "Diagram: "  # the group's name; iwpacks check finds diagrams by it


def draw_figure(shapes, figure: Figure, left: int, top: int, brand: Brand) -> None:
    """Add `figure` to a slide's shape tree with its top left at (left, top) in EMU.

    A diagram is drawn on the slides of every course that teaches its module. Drawn at the same place with the
    same first free shape id, its group is the same XML, so each is drawn once per process and copied after.
    """
    key = (figure, left, top, shapes._next_shape_id, id(brand))
    drawn = _DRAWN.get(key)
    if drawn is not None and drawn[0] is brand:
        shapes._spTree.insert_element_before(copy.deepcopy(drawn[1]), "p:extLst")  # where add_group_shape puts it
        return
    group = _draw_group(shapes, figure, left, top, brand)
    if len(_DRAWN) >= _KEPT:
        _DRAWN.clear()
    _DRAWN[key] = (brand, copy.deepcopy(group._element))  # the brand held, so its id stays its own


_KEPT = 256  # drawn groups: a build's diagrams, at the places slides put them
_DRAWN: dict[tuple, tuple[Brand, object]] = {}


def _draw_group(shapes, figure: Figure, left: int, top: int, brand: Brand):
    group = shapes.add_group_shape()
    group.name = DIAGRAM_PREFIX + figure.title
    group._element.nvGrpSpPr.cNvPr.set("descr", figure.alt)
    members = _Members(group._element, group)
    lines = [_arrow(members, arrow, left, top) for arrow in figure.arrows]
    shapes = [_box(members, box, left, top, brand, number) for number, box in enumerate(figure.boxes, 1)]
    if lines or shapes:  # once all are in: the group's extents are those of its members
        group._element.recalculate_extents()
    for line, arrow in zip(lines, figure.arrows):  # glued once the boxes have ids, the lines still behind them
        _glue(line, arrow, figure.boxes, shapes)
    return group


class _Members(GroupShapes):
    """A group's shapes, adding members without python-pptx's recalculation of the group's extents from every
    member after each one (which grew with the square of a diagram's boxes); draw_figure does it once."""

    def _recalculate_extents(self) -> None:
        pass


def _emu(value: float) -> int:
    return round(value * EMU_PER_POINT)


def _arrow(shapes, arrow: Arrow, left: int, top: int):
    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, left + _emu(arrow.x1), top + _emu(arrow.y1),
                                left + _emu(arrow.x2), top + _emu(arrow.y2))
    line.name = "Arrow" if arrow.head else "Line"
    line._element.remove(line._element.find(qn("p:style")))  # no theme shadow
    line.line.color.rgb = RGBColor.from_string(arrow.colour)
    line.line.width = Pt(arrow.width)
    ln = line.line._get_or_add_ln()
    if arrow.both:  # a:headEnd comes before a:tailEnd in the schema
        ln.append(_line_end("a:headEnd"))
    if arrow.head:
        ln.append(_line_end("a:tailEnd"))
    return line


# The connection sites of each preset shape, in the order DrawingML numbers them (its idx), as fractions of the
# shape's width and height: a rectangle's top, left, bottom and right; an ellipse's also at its diagonals.
SITE_REACH = 8.0  # points: an arrow ending this near a connection site is glued there
_DIAGONAL = (1 - 0.7071) / 2
_SITES = {
    "rect": ((0.5, 0), (0, 0.5), (0.5, 1), (1, 0.5)),
    "rounded": ((0.5, 0), (0, 0.5), (0.5, 1), (1, 0.5)),
    "ellipse": ((0.5, 0), (_DIAGONAL, _DIAGONAL), (0, 0.5), (_DIAGONAL, 1 - _DIAGONAL), (0.5, 1),
                (1 - _DIAGONAL, 1 - _DIAGONAL), (1, 0.5), (1 - _DIAGONAL, _DIAGONAL)),
}


def _glue(line, arrow: Arrow, boxes: tuple[Box, ...], shapes: list) -> None:
    """Connect the line's ends to the boxes they touch (a:stCxn, a:endCxn), at the box's connection site nearest
    the end, without moving it: the slide keeps the layout's geometry, and PowerPoint re-routes the line only
    when a trainer moves a box."""
    ends = ((arrow.begin_box, (arrow.x1, arrow.y1), (arrow.x2, arrow.y2), "a:stCxn"),
            (arrow.end_box, (arrow.x2, arrow.y2), (arrow.x1, arrow.y1), "a:endCxn"))
    props = line._element.nvCxnSpPr.cNvCxnSpPr
    for index, end, other, tag in ends:
        if index is None or boxes[index].shape not in _SITES:
            continue
        box = boxes[index]
        aim = _leaving(box, end, other)
        sites = [(box.x + fx * box.w, box.y + fy * box.h) for fx, fy in _SITES[box.shape]]
        site = min(range(len(sites)), key=lambda k: math.hypot(sites[k][0] - aim[0], sites[k][1] - aim[1]))
        if aim == end and math.hypot(sites[site][0] - end[0], sites[site][1] - end[1]) > SITE_REACH:
            continue  # an arrow meeting a box away from its sites (two rows' arrows into one box) stays free:
            # glued, LibreOffice would draw it to the site
        element = OxmlElement(tag)
        element.set("id", str(shapes[index].shape_id))
        element.set("idx", str(site))
        props.append(element)  # a:stCxn before a:endCxn, as the schema orders them


def _line_end(tag: str):
    end = OxmlElement(tag)
    for key, value in (("type", "triangle"), ("w", "med"), ("len", "med")):
        end.set(key, value)
    return end


def _leaving(box: Box, end: tuple[float, float], other: tuple[float, float]) -> tuple[float, float]:
    """Where a line from `end` towards `other` crosses the box's outline: `end` itself if it lies outside (most
    arrows stop just short of a box), else the point a spoke from the box's middle leaves it by."""
    cx, cy, hw, hh = box.x + box.w / 2, box.y + box.h / 2, box.w / 2, box.h / 2
    dx, dy = other[0] - end[0], other[1] - end[1]
    inside = abs(end[0] - cx) <= hw and abs(end[1] - cy) <= hh
    if not inside or not (dx or dy):
        return end
    if box.shape == "ellipse":  # from the middle: the ellipse's own radius in that direction
        t = 1 / math.hypot(dx / hw, dy / hh)
        return cx + dx * t, cy + dy * t
    t = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
    return cx + dx * t, cy + dy * t


def _box(shapes, box: Box, left: int, top: int, brand: Brand, number: int):
    x, y, w, h = left + _emu(box.x), top + _emu(box.y), _emu(box.w), _emu(box.h)
    if box.shape == "text":
        shape = shapes.add_textbox(x, y, w, h)
    else:
        shape = shapes.add_shape(_SHAPES[box.shape], x, y, w, h)
        if box.shape in ("chevron", "pentagon"):
            shape.adjustments[0] = box.point / min(box.w, box.h)
        style = shape._element.find(qn("p:style"))  # the theme's style would add its shadow and outline
        shape._element.remove(style)
    shape.name = f"{box.shape.capitalize()} {number}"
    if box.fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(box.fill)
    else:
        shape.fill.background()
    if box.line:
        shape.line.color.rgb = RGBColor.from_string(box.line)
        shape.line.width = Pt(1.25)
    elif box.shape != "text":
        shape.line.fill.background()
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = None
    left_pad, top_pad, right_pad, bottom_pad = box.pad
    # A chevron's text area already stops short of its notch and point, and a pentagon's halfway into its point
    # (the preset geometry's text rectangle): the layout's insets count them, so take them off here.
    if box.shape == "chevron":
        left_pad, right_pad = left_pad - box.point, right_pad - box.point
    elif box.shape == "pentagon":
        right_pad -= box.point / 2
    elif box.shape in _TEXT_RECT_INSET:  # an ellipse's text sits in its inscribed square; a rounded box's inside
        inset = _TEXT_RECT_INSET[box.shape] * (box.w if box.shape == "ellipse" else min(box.w, box.h))
        left_pad, right_pad = left_pad - inset, right_pad - inset
        inset_v = _TEXT_RECT_INSET[box.shape] * (box.h if box.shape == "ellipse" else min(box.w, box.h))
        top_pad, bottom_pad = top_pad - inset_v, bottom_pad - inset_v
    frame.margin_left, frame.margin_top, frame.margin_right, frame.margin_bottom = (
        Pt(max(0.0, p)) for p in (left_pad, top_pad, right_pad, bottom_pad))
    frame.vertical_anchor = MSO_ANCHOR.TOP if box.top else MSO_ANCHOR.MIDDLE
    for index, text in enumerate(box.text.split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        right_to_left = has_right_to_left(text)
        paragraph.alignment = PP_ALIGN.CENTER if not box.top or box.shape != "text" else (
            PP_ALIGN.RIGHT if right_to_left else PP_ALIGN.LEFT)
        if right_to_left:
            paragraph._p.get_or_add_pPr().set("rtl", "1")
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(box.size)
        run.font.bold = box.bold and not index  # a label's detail, on the lines after it, is plain
        run.font.name = brand.body_font
        run.font.color.rgb = RGBColor.from_string(box.colour)
    return shape
