"""Reads a topic's `diagram:` mapping: one of a few kinds of picture, checked so that every one fits a slide.

The limits are what one slide holds at a readable size (the deck's text never goes below 12 pt), so content
that breaks them gets a located error here rather than a crowded or clipped picture later.
"""
from __future__ import annotations

from iwpacks.model import (
    DIAGRAM_KINDS,
    DIAGRAM_PLACEMENTS,
    Diagram,
    DiagramItem,
    DiagramQuestion,
    MatrixRow,
    content_keys,
)
from iwpacks.source.fields import Fields

# What each kind needs, and how many boxes of it one slide holds.
_NEEDS = {
    "steps": ("items",), "continuum": ("items",), "hub": ("centre", "items"), "cycle": ("items",),
    "matrix": ("columns", "rows"), "decision": ("questions", "outcomes"), "route": ("stages",),
}
_USES = {**_NEEDS, "continuum": ("items", "ends")}  # and what it may have as well
ITEM_RANGE = {"steps": (2, 6), "continuum": (2, 6), "hub": (3, 8), "cycle": (3, 8)}
MAX_COLUMNS, MAX_ROWS = 4, 6  # a matrix's columns after its row labels, and its rows after the headings
MAX_QUESTIONS = 5
MAX_STAGES, MAX_ALTERNATIVES = 6, 4
LABEL_CHARS = 60  # a box's label: a few words, at least 12 pt in a box a sixth of the slide wide
DETAIL_CHARS = 160  # the smaller text under or beside a label
CELL_CHARS = 110
WIDE_CELL_CHARS = 140  # the cell of a one-column matrix has the width of three or four cells: a list fits
QUESTION_CHARS = 110
ALT_CHARS = 1200
LEAD_IN_CHARS = 300  # one or two sentences above the figure
_KEYS = content_keys(Diagram)
_ITEM_KEYS = ("label", "detail", "highlight")
_OUTCOME_KEYS = ("id", "label", "detail")
_QUESTION_KEYS = content_keys(DiagramQuestion)
_ROW_KEYS = content_keys(MatrixRow)


def read_diagram(topic: Fields) -> Diagram | None:
    """The topic's diagram, or None where it has none or it is too broken to draw (problems recorded)."""
    d = topic.mapping("diagram", _KEYS)
    if d is None:
        return None
    kind = d.choice("kind", DIAGRAM_KINDS)
    title = d.text("title")
    _limit(d, ("title",), title, 70)
    alt = d.text("alt", False)
    _limit(d, ("alt",), alt, ALT_CHARS)
    lead_in = d.text("lead_in")  # required: a figure in the handouts is never left unexplained
    _limit(d, ("lead_in",), lead_in, LEAD_IN_CHARS)
    if not kind:
        return None
    for key in _KEYS:
        if key not in ("kind", "title", "alt", "lead_in", "placement") and d.has(key) and key not in _USES[kind]:
            d.report(d.path + (key,), f"a {kind} diagram does not use {key} (it uses {', '.join(_USES[kind])})")
    for key in _NEEDS[kind]:
        if not d.has(key):
            d.report(d.path, f'a {kind} diagram needs "{key}"')
    diagram = Diagram(kind=kind, title=title, alt=alt, lead_in=lead_in,
                      placement=d.choice("placement", DIAGRAM_PLACEMENTS, required=False, default="instead"),
                      items=_items(d, kind), centre=_label(d, "centre"), ends=_ends(d),
                      columns=_columns(d), rows=_rows(d), questions=_questions(d), outcomes=_outcomes(d),
                      stages=_stages(d))
    if kind == "decision":
        _check_flow(d, diagram)
    return diagram


def _limit(f: Fields, path: tuple, value: str, limit: int) -> None:
    if len(value) > limit:
        f.report(f.path + path, f"at most {limit} characters fit here; this is {len(value)}")


def _label(f: Fields, key: str) -> str:
    value = f.text(key, False)
    _limit(f, (key,), value, LABEL_CHARS)
    return value


def _items(d: Fields, kind: str) -> tuple[DiagramItem, ...]:
    if not d.has("items"):
        return ()
    records = d.records("items", _ITEM_KEYS)
    low, high = ITEM_RANGE.get(kind, (1, 99))
    if not low <= len(records) <= high:
        d.report(d.path + ("items",), f"a {kind} diagram has {low}-{high} items to fit one slide; "
                                      f"this one has {len(records)}")
    return tuple(DiagramItem(label=_label(r, "label") or r.text("label"), detail=_detail(r),
                             highlight=_highlight(r, kind)) for r in records)


def _highlight(r: Fields, kind: str) -> bool:
    """Whether a hub's satellite stands out: one of the ring (the team's lead professional), not a box apart."""
    value = r.boolean("highlight")
    if value and kind != "hub":
        r.report(r.path + ("highlight",), f"only a hub's satellites are highlighted, not a {kind}'s items")
    return value and kind == "hub"


def _detail(r: Fields) -> str:
    value = r.text("detail", False)
    _limit(r, ("detail",), value, DETAIL_CHARS)
    return value


def _ends(d: Fields) -> tuple[str, ...]:
    ends = d.text_list("ends", required=False)
    if ends and len(ends) != 2:
        d.report(d.path + ("ends",), f"a continuum has two ends (left, right); found {len(ends)}")
        return ()
    for i, end in enumerate(ends):
        _limit(d, ("ends", i), end, LABEL_CHARS)
    return ends


def _columns(d: Fields) -> tuple[str, ...]:
    columns = d.text_list("columns", required=False)
    if len(columns) > MAX_COLUMNS:
        d.report(d.path + ("columns",), f"a matrix has at most {MAX_COLUMNS} columns to fit one slide; "
                                        f"this one has {len(columns)}")
    for i, column in enumerate(columns):
        _limit(d, ("columns", i), column, LABEL_CHARS)
    return columns


def _rows(d: Fields) -> tuple[MatrixRow, ...]:
    records = d.records("rows", _ROW_KEYS, required=False)
    if len(records) > MAX_ROWS:
        d.report(d.path + ("rows",), f"a matrix has at most {MAX_ROWS} rows to fit one slide; "
                                     f"this one has {len(records)}")
    width = len(d.data.get("columns") or ())
    rows = []
    for r in records:
        row = MatrixRow(label=_label(r, "label") or r.text("label"), cells=r.text_list("cells"))
        if width and len(row.cells) != width:
            r.report(r.path + ("cells",), f"expected {width} cells, one for each column; found {len(row.cells)}")
        for i, cell in enumerate(row.cells):
            _limit(r, ("cells", i), cell, WIDE_CELL_CHARS if width == 1 else CELL_CHARS)
        rows.append(row)
    return tuple(rows)


def _questions(d: Fields) -> tuple[DiagramQuestion, ...]:
    records = d.records("questions", _QUESTION_KEYS, required=False)
    if len(records) > MAX_QUESTIONS:
        d.report(d.path + ("questions",), f"a decision flow has at most {MAX_QUESTIONS} questions to fit one "
                                          f"slide; this one has {len(records)}")
    out = []
    for q in records:
        question = DiagramQuestion(id=q.identifier("id"), question=q.text("question"), yes=q.identifier("yes"),
                                   no=q.identifier("no"))
        _limit(q, ("question",), question.question, QUESTION_CHARS)
        out.append(question)
    return tuple(out)


def _outcomes(d: Fields) -> tuple[DiagramItem, ...]:
    records = d.records("outcomes", _OUTCOME_KEYS, required=False)
    return tuple(DiagramItem(id=o.identifier("id"), label=_label(o, "label") or o.text("label"), detail=_detail(o))
                 for o in records)


def _check_flow(d: Fields, diagram: Diagram) -> None:
    """A decision flow reads as one chain: each question but the last leads on to the next by one branch and
    ends in an outcome by the other; the last ends in outcomes both ways. Every branch names a real box."""
    questions = [q.id for q in diagram.questions]
    outcomes = [o.id for o in diagram.outcomes]
    for ids, key in ((questions, "questions"), (outcomes, "outcomes")):
        for i, id_ in enumerate(ids):
            if id_ in ids[:i] or (key == "outcomes" and id_ in questions):
                d.report(d.path + (key, i, "id"), f'"{id_}" names two boxes of this diagram')
    for i, q in enumerate(diagram.questions):
        following = questions[i + 1] if i + 1 < len(questions) else None
        for branch in ("yes", "no"):
            target = getattr(q, branch)
            if target and target not in questions and target not in outcomes:
                d.report(d.path + ("questions", i, branch), f'"{target}" is not a question or outcome of this '
                                                            f"diagram (questions: {', '.join(questions)}; "
                                                            f"outcomes: {', '.join(outcomes) or 'none'})")
            elif target in questions and target != following:
                d.report(d.path + ("questions", i, branch),
                         f'a branch leads on to the next question ("{following}") or to an outcome, '
                         f'not to "{target}"' if following else
                         f'the last question ends in outcomes both ways, not in "{target}"')
        if following and following not in (q.yes, q.no) and q.yes and q.no:
            d.report(d.path + ("questions", i), f'one branch leads on to the next question, "{following}"')
        if following and q.yes == q.no == following:
            d.report(d.path + ("questions", i), "one branch leads on to the next question, the other to an outcome")
    _check_one_way(d, diagram)


def _check_one_way(d: Fields, diagram: Diagram) -> None:
    """Every question leads on to the next by the same answer, so the branch that leads on is drawn the same way
    at each one ("no" always down the page, say) and a reader never has to check which way each one turns."""
    ids = [q.id for q in diagram.questions]
    onward = [(i, "yes" if q.yes == following else "no")
              for i, (q, following) in enumerate(zip(diagram.questions, ids[1:])) if following in (q.yes, q.no)]
    for i, answer in onward:
        if answer != onward[0][1]:
            d.report(d.path + ("questions", i), f'this question leads on to the next by "{answer}", the first by '
                                                f'"{onward[0][1]}": ask each so that the same answer leads on')


def _stages(d: Fields) -> tuple[tuple[str, ...], ...]:
    value = d.data.get("stages")
    if value is None:
        return ()
    if not isinstance(value, list):
        d.report(d.path + ("stages",), "expected a list of stages, each a course or a list of alternatives")
        return ()
    if len(value) > MAX_STAGES:
        d.report(d.path + ("stages",), f"a route has at most {MAX_STAGES} stages to fit one slide; "
                                       f"this one has {len(value)}")
    stages = []
    for i, stage in enumerate(value):
        names = stage if isinstance(stage, list) else [stage]
        if not 1 <= len(names) <= MAX_ALTERNATIVES:
            d.report(d.path + ("stages", i), f"a stage has 1-{MAX_ALTERNATIVES} alternatives; "
                                             f"this one has {len(names)}")
        checked = tuple(d._check_text(d.path + ("stages", i) + ((j,) if isinstance(stage, list) else ()), name)
                        for j, name in enumerate(names))
        for j, name in enumerate(checked):
            _limit(d, ("stages", i, j), name, LABEL_CHARS)
        stages.append(checked)
    return tuple(stages)
