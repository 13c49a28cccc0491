"""Lays out a content diagram as boxes and arrows on a canvas, before any drawing.

One layout feeds three painters: native shapes on a slide (_diagram_pptx), a print-resolution picture in Word
documents (_diagram_png) and vector drawings in PDFs (_diagram_pdf), so the picture is the same everywhere.
Coordinates are points from the canvas's top left. Text is wrapped and sized here, measured with the brand's
own font files, so a painter only places what fits: a label too long even at the smallest size is listed in
`Figure.overflow`, and the build warns rather than clipping it.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

import attrs
from reportlab.pdfbase.pdfmetrics import stringWidth

from iwpacks.model import Brand, Diagram, DiagramItem, Module
from iwpacks.renderers._contrast import contrast_ratio
from iwpacks.renderers._fonts import register_family

LEADING = 1.2  # line height as a multiple of the text size
SAFETY = 0.94  # wrap a little short of the box, so Office's own line breaking never needs one more line


@attrs.frozen
class Target:
    """Where a diagram goes: the canvas in points and the text sizes (largest first choice, smallest allowed)."""

    width: float
    height: float
    label_size: float
    detail_size: float
    min_size: float
    centred: bool = False  # a slide centres the figure in its area; a page takes only the depth it needs
    # A route's boxes: their width, as a share of the canvas at most, and the gap between boxes one above the
    # other. A slide keeps the defaults; the training plan's page, where depth is dear, sets its own.
    route_width: float = 0.3
    stack_gap: float = 12


SLIDE = Target(12.13 * 72, 4.95 * 72, 22, 18, 12, centred=True)  # the body area of "Title and Content"
SLIDE_BESIDE = Target(5.87 * 72, 4.95 * 72, 18, 14, 12, centred=True)  # the right-hand column of "Two Content"
PAGE = Target(6.3 * 72, 3.1 * 72, 12, 10.5, 8.5)  # the text width of an A4 document, for print


_DEFAULT_PAD = (5.0, 3.0, 5.0, 3.0)  # text insets in points: left, top, right, bottom


@attrs.frozen
class Box:
    """A shape with text: rect, rounded, chevron, pentagon (first of a row of chevrons), ellipse, or text alone."""

    shape: str
    x: float
    y: float
    w: float
    h: float
    text: str
    lines: tuple[str, ...]
    size: float
    fill: str  # hex colour, "" for none
    colour: str  # the text's hex colour
    line: str = ""  # the outline's hex colour, "" for none
    bold: bool = False
    pad: tuple[float, float, float, float] = _DEFAULT_PAD
    top: bool = False  # text from the top of the box, not centred in it
    point: float = 0  # a chevron's or pentagon's point depth
    bold_lines: int = 0  # of a bold box, how many lines are its label: the lines after them are its detail

    def outline(self) -> list[tuple[float, float]]:
        """The corners of a chevron (notched at the back) or a pentagon (flat at the back), clockwise."""
        x, y, w, h, p = self.x, self.y, self.w, self.h, self.point
        back = [(x + p, y + h / 2)] if self.shape == "chevron" else []
        return [(x, y), (x + w - p, y), (x + w, y + h / 2), (x + w - p, y + h), (x, y + h), *back]


@attrs.frozen
class Arrow:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 1.75
    head: bool = True  # an arrowhead at (x2, y2)
    both: bool = False  # and at (x1, y1)
    # The boxes each end touches, by their place in Figure.boxes (None: a free end), so a slide can glue the
    # arrow to them and it follows a box a trainer moves.
    begin_box: int | None = None
    end_box: int | None = None

    def heads(self) -> list[list[tuple[float, float]]]:
        """The triangle of each arrowhead, its tip at the line's end, for painters with no line ends of their own."""
        ends = [(self.x1, self.y1, self.x2, self.y2)] if self.head else []
        if self.both:
            ends.append((self.x2, self.y2, self.x1, self.y1))
        size, out = 4.5 * self.width, []
        for ax, ay, bx, by in ends:
            angle = math.atan2(by - ay, bx - ax)
            out.append([(bx, by), *((bx - size * math.cos(angle + turn), by - size * math.sin(angle + turn))
                                    for turn in (-0.45, 0.45))])
        return out


@attrs.frozen
class Figure:
    title: str
    alt: str
    width: float
    height: float
    boxes: tuple[Box, ...]  # in reading order
    arrows: tuple[Arrow, ...]
    overflow: tuple[str, ...] = ()  # texts that do not fit their box even at the smallest size


class _Text:
    """Wraps and sizes text in the brand's body font."""

    def __init__(self, brand: Brand, target: Target) -> None:
        base = register_family(brand, brand.body_font)
        self.fonts = {False: base, True: base + "-Bold"}
        self.target = target
        self.overflow: list[str] = []

    def wrap(self, text: str, width: float, size: float, bold: bool) -> list[str]:
        font = self.fonts[bold]
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split():
                trial = f"{line} {word}" if line else word
                if stringWidth(trial, font, size) <= width:
                    line = trial
                    continue
                if line:
                    lines.append(line)
                line = word
                while stringWidth(line, font, size) > width and len(line) > 1:  # a word wider than the box
                    cut = len(line) - 1
                    while cut > 1 and stringWidth(line[:cut], font, size) > width:
                        cut -= 1
                    lines.append(line[:cut])
                    line = line[cut:]
            lines.append(line)
        return lines

    def fits(self, text: str, w: float, h: float, size: float, bold: bool) -> bool:
        """Whether the text fits at this size with every word whole (a word broken across lines does not fit)."""
        lines = self.wrap(text, w * SAFETY, size, bold)
        words = sum(len(paragraph.split()) for paragraph in text.split("\n"))
        whole = sum(len(line.split()) for line in lines) == words and len(lines) <= words + text.count("\n")
        return whole and len(lines) * size * LEADING <= h

    def best_size(self, text: str, w: float, h: float, largest: float, bold: bool) -> float | None:
        """The largest size, in half points down to the target's smallest, at which the text fits; None if none."""
        size = largest
        while not self.fits(text, w, h, size, bold):
            size -= 0.5
            if size < self.target.min_size:
                return None
        return size


@attrs.define
class _Canvas:
    """Collects a figure's boxes; texts of one role share a size, so a diagram's labels match each other."""

    text: _Text
    brand: Brand
    pending: list[tuple[dict, str]] = attrs.Factory(list)
    arrows: list[Arrow] = attrs.Factory(list)

    def box(self, role: str, **kw: object) -> None:
        self.pending.append((kw, role))

    def arrow(self, x1: float, y1: float, x2: float, y2: float, **kw: object) -> None:
        self.arrows.append(Arrow(x1, y1, x2, y2, colour=self.brand.colours["muted"], **kw))  # type: ignore[arg-type]

    def boxes(self) -> tuple[Box, ...]:
        target = self.text.target
        largest = {"label": target.label_size, "detail": target.detail_size, "small": target.detail_size,
                   "outcome": target.detail_size, "satellite": target.detail_size}
        best = [self.text.best_size(str(kw["text"]), *_room(kw), largest[role], role != "detail") if kw["text"]
                else largest[role] for kw, role in self.pending]
        # One size for each role, the smallest any of its texts needs; a text that fits at no size does not
        # shrink the rest, but takes the smallest size and is reported.
        sizes = {role: min([b for b, (_, r) in zip(best, self.pending) if r == role and b is not None],
                           default=self.text.target.min_size) for _, role in self.pending}
        if "small" in sizes:  # a branch's "Yes" or an end's name is never bigger than the boxes it labels
            sizes["small"] = min(sizes["small"], *(v for k, v in sizes.items() if k != "small"))
        out = []
        for (kw, role), own in zip(self.pending, best):
            w, h = _room(kw)
            size = sizes[role] if own is not None else self.text.target.min_size
            if own is None:
                self.text.overflow.append(str(kw["text"]))
            bold = role != "detail"
            lines = tuple(self.text.wrap(str(kw["text"]), w * SAFETY, size, bold)) if kw["text"] else ()
            lead = str(kw["text"]).split("\n")[0]
            heading = len(self.text.wrap(lead, w * SAFETY, size, bold)) if "\n" in str(kw["text"]) else len(lines)
            out.append(Box(lines=lines, size=size, bold=bold, bold_lines=heading, **kw))
        return _shrink_to_text(out)


def _shrink_to_text(boxes: list[Box]) -> tuple[Box, ...]:
    """Text read from the top (the details under steps and zones) needs only as deep a box as its longest text:
    all such boxes take that one depth, so they still line up."""
    tops = [b for b in boxes if b.top]
    if not tops:
        return tuple(boxes)
    depth = max(len(b.lines) * b.size * LEADING + b.pad[1] + b.pad[3] + b.size * 0.4 for b in tops)
    return tuple(attrs.evolve(b, h=min(b.h, depth)) if b.top else b for b in boxes)


def _extent(figure: Figure) -> tuple[float, float]:
    """The top and bottom of what the figure draws."""
    top = min([b.y for b in figure.boxes] + [min(a.y1, a.y2) for a in figure.arrows])
    bottom = max([b.y + b.h for b in figure.boxes] + [max(a.y1, a.y2) for a in figure.arrows])
    return top, bottom


def _moved_down(figure: Figure, shift: float, height: float) -> Figure:
    return attrs.evolve(figure, height=height,
                        boxes=tuple(attrs.evolve(b, y=b.y + shift) for b in figure.boxes),
                        arrows=tuple(attrs.evolve(a, y1=a.y1 + shift, y2=a.y2 + shift) for a in figure.arrows))


def _centred(figure: Figure) -> Figure:
    """The figure moved to the middle of its canvas, where its boxes leave room above or below."""
    top, bottom = _extent(figure)
    shift = (figure.height - bottom - top) / 2
    return figure if abs(shift) < 1 else _moved_down(figure, shift, figure.height)


def _trimmed(figure: Figure) -> Figure:
    """The figure with the empty bands above and below its boxes cut off, for a page where space is dear."""
    top, bottom = _extent(figure)
    return _moved_down(figure, 1 - top, bottom - top + 2)


def _room(kw: dict) -> tuple[float, float]:
    pad = kw.get("pad", _DEFAULT_PAD)
    return kw["w"] - pad[0] - pad[2], kw["h"] - pad[1] - pad[3]


# On a page a figure can be taller than on a slide: these kinds read better with the room.
PAGE_DEPTH = {"decision": 1.6, "hub": 1.25, "cycle": 1.15, "matrix": 1.3}


def lay_out(diagram: Diagram, brand: Brand, target: Target) -> Figure:
    """The diagram laid out on `target`'s canvas."""
    if target is PAGE:
        target = attrs.evolve(target, height=target.height * PAGE_DEPTH.get(diagram.kind, 1))
    canvas = _Canvas(_Text(brand, target), brand)
    _LAYOUTS[diagram.kind](diagram, canvas, target.width, target.height)
    boxes = canvas.boxes()
    place = _centred if target.centred else _trimmed
    return place(Figure(title=diagram.title, alt=diagram.alt_text(), width=target.width, height=target.height,
                        boxes=boxes, arrows=_attached(canvas.arrows, boxes), overflow=tuple(canvas.text.overflow)))


ATTACH_REACH = 6.0  # an arrow's end this near a box (points) belongs to it: the layouts stop 1-4 pt short


def _attached(arrows: Sequence[Arrow], boxes: Sequence[Box]) -> tuple[Arrow, ...]:
    """Each arrow with the boxes its ends touch. Text alone (a branch's "Yes", an end's name) is a label beside
    an arrow, never what it joins."""
    def touching(x: float, y: float) -> int | None:
        near = [(max(b.x - x, x - b.x - b.w, b.y - y, y - b.y - b.h), k) for k, b in enumerate(boxes)
                if b.shape != "text"]
        near = [(gap, k) for gap, k in near if gap <= ATTACH_REACH]
        return min(near)[1] if near else None

    return tuple(attrs.evolve(a, begin_box=touching(a.x1, a.y1), end_box=touching(a.x2, a.y2)) for a in arrows)


# Colours -----------------------------------------------------------------------------------------------------


def _on(brand: Brand, fill: str) -> str:
    """The brand's light or dark text colour, whichever reads better on `fill`."""
    light, dark = brand.colours["background"], brand.colours["text"]
    return light if contrast_ratio(light, fill) >= contrast_ratio(dark, fill) else dark


def _mix(a: str, b: str, t: float) -> str:
    return "".join(f"{round(int(a[i:i + 2], 16) * (1 - t) + int(b[i:i + 2], 16) * t):02X}" for i in (0, 2, 4))


def _strong(canvas: _Canvas) -> tuple[str, str]:
    fill = canvas.brand.colours["primary"]
    return fill, _on(canvas.brand, fill)


def _pale(canvas: _Canvas) -> tuple[str, str, str]:
    return canvas.brand.colours["tint"], canvas.brand.colours["text"], canvas.brand.colours["primary"]


# Kinds -------------------------------------------------------------------------------------------------------


def _steps(d: Diagram, c: _Canvas, W: float, H: float) -> None:
    if W / H < 1.6:
        _steps_down(d, c, W, H)
        return
    n = len(d.items)
    detailed = any(i.detail for i in d.items)
    ch = min(H * 0.3, 96) if detailed else min(H * 0.45, 120)
    top = 0 if detailed else (H - ch) / 2
    point, gap = ch * 0.3, 6
    cw = (W + (n - 1) * (point - gap)) / n
    fill, ink = _strong(c)
    for k, item in enumerate(d.items):
        x = k * (cw - point + gap)
        left = 6 if k == 0 else point + 4
        c.box("label", shape="pentagon" if k == 0 else "chevron", x=x, y=top, w=cw, h=ch, text=item.label,
              fill=fill, colour=ink, pad=(left, 3, point + 2, 3), point=point)
        if item.detail:
            tint, text, line = _pale(c)
            c.box("detail", shape="rounded", x=x, y=ch + 14, w=cw - point, h=H - ch - 14, text=item.detail,
                  fill=tint, colour=text, pad=(8, 8, 8, 8), top=True)


def _steps_down(d: Diagram, c: _Canvas, W: float, H: float) -> None:
    n, gap = len(d.items), 16
    rh = (H - (n - 1) * gap) / n
    detailed = any(i.detail for i in d.items)
    lw = W * 0.4 if detailed else W
    fill, ink = _strong(c)
    for k, item in enumerate(d.items):
        y = k * (rh + gap)
        c.box("label", shape="rounded", x=0, y=y, w=lw, h=rh, text=item.label, fill=fill, colour=ink)
        if item.detail:
            tint, text, _ = _pale(c)
            c.box("detail", shape="rect", x=lw + 8, y=y, w=W - lw - 8, h=rh, text=item.detail, fill=tint,
                  colour=text, pad=(8, 3, 6, 3))
        if k:
            c.arrow(lw / 2, y - gap + 1, lw / 2, y - 1)


def _continuum(d: Diagram, c: _Canvas, W: float, H: float) -> None:
    n = len(d.items)
    top = 0.0
    if d.ends:
        ends_h, ends_w = 30, W * 0.3
        c.box("small", shape="text", x=0, y=0, w=ends_w, h=ends_h, text=d.ends[0], fill="",
              colour=c.brand.colours["text"], pad=(0, 2, 4, 2))
        c.box("small", shape="text", x=W - ends_w, y=0, w=ends_w, h=ends_h, text=d.ends[1], fill="",
              colour=c.brand.colours["text"], pad=(4, 2, 0, 2))
        c.arrow(4, ends_h + 6, W - 4, ends_h + 6, both=True)
        top = ends_h + 16
    detailed = any(i.detail for i in d.items)
    bh = min((H - top) * 0.34, 90) if detailed else min((H - top) * 0.6, 130)
    gap = 3
    zw = (W - (n - 1) * gap) / n
    light, dark = c.brand.colours["tint"], c.brand.colours["secondary"]
    for k, item in enumerate(d.items):
        fill = _mix(light, dark, k / max(1, n - 1))
        x = k * (zw + gap)
        c.box("label", shape="rect", x=x, y=top, w=zw, h=bh, text=item.label, fill=fill, colour=_on(c.brand, fill))
        if item.detail:
            c.box("detail", shape="text", x=x, y=top + bh + 8, w=zw, h=H - top - bh - 8, text=item.detail, fill="",
                  colour=c.brand.colours["text"], pad=(4, 2, 4, 2), top=True)


def _around(n: int, W: float, H: float, bw: float, bh: float) -> list[tuple[float, float]]:
    """Centres of n boxes evenly round an ellipse that keeps them on the canvas, the first at the top."""
    rx, ry = (W - bw) / 2, (H - bh) / 2
    return [(W / 2 + rx * math.cos(a), H / 2 + ry * math.sin(a))
            for a in (-math.pi / 2 + 2 * math.pi * k / n for k in range(n))]


def _hub(d: Diagram, c: _Canvas, W: float, H: float) -> None:
    n = len(d.items)
    sw, sh = min(W * (0.32 if n <= 4 else 0.24), 260), min(H * (0.26 if any(i.detail for i in d.items) else 0.2), 96)
    centres = _around(n, W, H, sw, sh)
    cw, chh = W * 0.27, H * 0.3
    for x, y in centres:  # the spokes first, so the boxes cover their ends
        c.arrow(W / 2, H / 2, x, y, head=False)
    fill = c.brand.colours["secondary"]
    c.box("label", shape="ellipse", x=(W - cw) / 2, y=(H - chh) / 2, w=cw, h=chh, text=d.centre, fill=fill,
          colour=_on(c.brand, fill), pad=(cw * 0.14, chh * 0.14, cw * 0.14, chh * 0.14))
    tint, text, line = _pale(c)
    strong, ink = _strong(c)
    for item, (x, y) in zip(d.items, centres):  # a detail goes under its label, in plain text
        # A satellite with a detail needs a smaller size than one without: they are sized apart. A highlighted
        # one (the lead professional among the team) is in the strong colour, still one of the ring.
        c.box("outcome" if item.detail else "satellite", shape="rounded", x=x - sw / 2, y=y - sh / 2, w=sw, h=sh,
              text=f"{item.label}\n{item.detail}" if item.detail else item.label,
              fill=strong if item.highlight else tint, colour=ink if item.highlight else text,
              line=strong if item.highlight else line)


def _edge(cx: float, cy: float, hw: float, hh: float, tx: float, ty: float, margin: float = 4) -> tuple[float, float]:
    """Where the line from a box's centre towards (tx, ty) leaves the box, a little outside it."""
    dx, dy = tx - cx, ty - cy
    t = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
    length = math.hypot(dx, dy) or 1
    return cx + dx * t + dx / length * margin, cy + dy * t + dy / length * margin


def _cycle(d: Diagram, c: _Canvas, W: float, H: float) -> None:
    n = len(d.items)
    bw, bh = min(W * 0.26, 250), min(H * 0.22, 84)
    centres = _around(n, W, H, bw, bh)
    fill, ink = _strong(c)
    for k, (item, (x, y)) in enumerate(zip(d.items, centres)):
        c.box("label", shape="rounded", x=x - bw / 2, y=y - bh / 2, w=bw, h=bh, text=item.label, fill=fill,
              colour=ink)
        nx, ny = centres[(k + 1) % n]
        x1, y1 = _edge(x, y, bw / 2, bh / 2, nx, ny)
        x2, y2 = _edge(nx, ny, bw / 2, bh / 2, x, y)
        c.arrow(x1, y1, x2, y2)


def _matrix(d: Diagram, c: _Canvas, W: float, H: float) -> None:
    gap = 3
    cols, rows = len(d.columns), len(d.rows)
    hh = min(H * 0.17, 52)
    rh = (H - hh - rows * gap) / max(1, rows)
    lw = W * 0.22
    cw = (W - lw - cols * gap) / max(1, cols)
    fill, ink = _strong(c)
    tint, text, line = _pale(c)
    for j, column in enumerate(d.columns):
        c.box("label", shape="rect", x=lw + gap + j * (cw + gap), y=0, w=cw, h=hh, text=column, fill=fill, colour=ink)
    for i, row in enumerate(d.rows):
        y = hh + gap + i * (rh + gap)
        c.box("label", shape="rect", x=0, y=y, w=lw, h=rh, text=row.label, fill=tint, colour=text)
        for j, cell in enumerate(row.cells):
            c.box("detail", shape="rect", x=lw + gap + j * (cw + gap), y=y, w=cw, h=rh, text=cell,
                  fill=c.brand.colours["background"], colour=text, line=tint, pad=(6, 3, 6, 3))


def _branches(d: Diagram) -> list[tuple[str, str]]:
    """Each question's (onward, aside) branch names: onward to the next question, aside to an outcome. Every
    question of a chain leads on by the same answer (the reader holds content to it), and the last question's
    onward branch is that same answer, so "No" (say) goes down the page at every question, the last included.
    A flow of one question goes on by "yes"."""
    first = d.questions[0] if d.questions else None
    onward = "no" if first is not None and len(d.questions) > 1 and first.no == d.questions[1].id else "yes"
    return [(onward, "yes" if onward == "no" else "no") for _ in d.questions]


def _decision(d: Diagram, c: _Canvas, W: float, H: float) -> None:
    if W / H >= 2 and len(d.questions) >= 4:  # a long chain reads left to right on a wide slide
        _decision_across(d, c, W, H)
        return
    outcomes = {o.id: o for o in d.outcomes}
    questions = list(d.questions)
    rows = len(questions) + 1
    vgap = max(20, H * 0.07)
    rh = (H - (rows - 1) * vgap) / rows
    qw, ox = W * 0.5, W * 0.62
    fill, ink = _strong(c)
    tint, text, line = _pale(c)
    beside: tuple[str, dict] | None = None  # the outcome drawn beside the question before, and its box
    for i, (q, (down, across)) in enumerate(zip(questions, _branches(d))):  # onward is down the page
        y = i * (rh + vgap)
        c.box("label", shape="rounded", x=0, y=y, w=qw, h=rh, text=q.question, fill=fill, colour=ink)
        c.arrow(qw / 2, y + rh + 1, qw / 2, y + rh + vgap - 1)
        c.box("small", shape="text", x=qw / 2 + 4, y=y + rh, w=60, h=vgap, text=down.capitalize(), fill="",
              colour=c.brand.colours["text"], pad=(2, 1, 2, 1))
        c.arrow(qw + 1, y + rh / 2, ox - 1, y + rh / 2)
        c.box("small", shape="text", x=qw + 4, y=max(0.0, y + rh / 2 - vgap), w=ox - qw - 8, h=vgap, text=across.capitalize(),
              fill="", colour=c.brand.colours["text"], pad=(2, 1, 2, 1))
        target = getattr(q, across)
        if beside is not None and beside[0] == target:  # two questions in a row end there: one box beside both
            beside[1]["h"] = y + rh - beside[1]["y"]
        else:
            box = _outcome(c, outcomes.get(target), ox, y, W - ox, rh)
            beside = (target, box) if box is not None else None
        if i == len(questions) - 1:  # the last question's onward branch ends in an outcome below it
            _outcome(c, outcomes.get(getattr(q, down)), 0, y + rh + vgap, qw, rh)


def _decision_across(d: Diagram, c: _Canvas, W: float, H: float) -> None:
    """Questions along the top, each leading on to the next; each one's other branch drops to an outcome below
    it, and the last question's onward branch ends in an outcome at the end of the row."""
    outcomes = {o.id: o for o in d.outcomes}
    n = len(d.questions)
    gap, drop = max(34, W * 0.04), max(34, H * 0.11)
    cw = (W - n * gap) / (n + 1)
    qh = H * 0.46
    fill, ink = _strong(c)
    ink_small = c.brand.colours["text"]
    for i, (q, (onward, aside)) in enumerate(zip(d.questions, _branches(d))):
        x = i * (cw + gap)
        c.box("label", shape="rounded", x=x, y=0, w=cw, h=qh, text=q.question, fill=fill, colour=ink)
        c.arrow(x + cw + 1, qh / 2, x + cw + gap - 1, qh / 2)
        c.box("small", shape="text", x=x + cw, y=qh / 2 - 24, w=gap, h=22, text=onward.capitalize(), fill="",
              colour=ink_small, pad=(1, 1, 1, 1))
        c.arrow(x + cw / 2, qh + 1, x + cw / 2, qh + drop - 1)
        c.box("small", shape="text", x=x + cw / 2 + 3, y=qh + (drop - 22) / 2, w=cw / 2 - 3, h=22,
              text=aside.capitalize(), fill="", colour=ink_small, pad=(2, 1, 2, 1))
        _outcome(c, outcomes.get(getattr(q, aside)), x, qh + drop, cw, H - qh - drop)
        if i == n - 1:
            _outcome(c, outcomes.get(getattr(q, onward)), x + cw + gap, 0, cw, qh)


def _outcome(c: _Canvas, item: DiagramItem | None, x: float, y: float, w: float, h: float) -> dict | None:
    """An outcome's box; its measures, still open to change until the canvas sizes its text."""
    if item is None:  # a dangling branch, already reported by the reader
        return None
    tint, text, line = _pale(c)
    label = f"{item.label}\n{item.detail}" if item.detail else item.label
    c.box("outcome", shape="rect", x=x, y=y, w=w, h=h, text=label, fill=tint, colour=text, line=line)
    return c.pending[-1][0]


def _route(d: Diagram, c: _Canvas, W: float, H: float) -> None:
    n = len(d.stages)
    gap = max(30, W * 0.05)
    target = c.text.target
    sw = min((W - (n - 1) * gap) / n, W * target.route_width)  # a short route keeps boxes of a readable width
    between = target.stack_gap
    left = (W - n * sw - (n - 1) * gap) / 2
    fill, ink = _strong(c)
    tint, text, line = _pale(c)
    placed: list[list[tuple[float, float, float]]] = []  # per stage: (x, y, h) of each box
    for k, stage in enumerate(d.stages):
        m = len(stage)
        bh = min((H - (m - 1) * between) / m, H * 0.32)
        top = (H - (m * bh + (m - 1) * between)) / 2
        x = left + k * (sw + gap)
        boxes = []
        for j, name in enumerate(stage):
            y = top + j * (bh + between)
            alternative = m > 1
            c.box("label", shape="rounded", x=x, y=y, w=sw, h=bh, text=name, fill=tint if alternative else fill,
                  colour=text if alternative else ink, line=line if alternative else "")
            boxes.append((x, y, bh))
        placed.append(boxes)
    for before, after in zip(placed, placed[1:]):
        for x1, y1, h1 in before:
            for x2, y2, h2 in after:
                c.arrow(x1 + sw + 2, y1 + h1 / 2, x2 - 2, y2 + h2 / 2)


_LAYOUTS: dict[str, Callable[[Diagram, _Canvas, float, float], None]] = {
    "steps": _steps, "continuum": _continuum, "hub": _hub, "cycle": _cycle, "matrix": _matrix,
    "decision": _decision, "route": _route,
}


def fit_warnings(modules: Iterable[Module], brand: Brand) -> list[str]:
    """A warning for each diagram text that fits its box at no allowed size, on a slide or on a page."""
    warnings = []
    for module in modules:
        for number, topic in enumerate(module.material.topics if module.material else (), 1):
            diagram = topic.diagram
            if diagram is None:
                continue
            slide = SLIDE_BESIDE if diagram.placement == "beside" else SLIDE
            if diagram.placement == "beside" and not _fits_beside(topic.points):
                warnings.append(f'{module.ref} topic {number}: diagram "{diagram.title}" is placed beside the '
                                "points, but they need more than the half slide beside it: the diagram gets a "
                                "slide of its own after them; shorten the points or place it after them")
            for target, where in ((slide, "on its slide"), (PAGE, "in the documents")):
                for text in lay_out(diagram, brand, target).overflow:
                    short = text if len(text) <= 40 else text[:39] + "\u2026"
                    warnings.append(f'{module.ref} topic {number}: diagram "{diagram.title}": "{short}" does not '
                                    f"fit its box {where} even at {target.min_size:g} pt; shorten it"
                                    + (" or place the diagram after the points" if target is SLIDE_BESIDE else ""))
    return warnings


def _fits_beside(points: Sequence[str]) -> bool:
    """Whether the points fit the left half of the slide, beside their diagram, as the deck decides it."""
    from iwpacks.renderers._deck_slides import HALF, Para, chunk

    return len(chunk([Para(p) for p in points], HALF)) == 1
