"""Turns returned evaluation forms into a summary per course: confidence before and after, ratings, agencies."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs

from iwpacks.errors import ContentError, Problem
from iwpacks.model import EvaluationReturn, Programme
from iwpacks.planning.plan import CoursePlan, plan_course


@attrs.frozen
class Scores:
    """The answers to one question: how many gave each score from 1 to 5, and their mean."""

    counts: tuple[int, int, int, int, int]

    @property
    def answered(self) -> int:
        return sum(self.counts)

    @property
    def mean(self) -> float | None:
        """The mean score, None if nobody answered."""
        if not self.answered:
            return None
        return sum(score * n for score, n in enumerate(self.counts, 1)) / self.answered


@attrs.frozen
class EvaluationSummary:
    """What one course's returned forms say, ready to draw."""

    plan: CoursePlan
    returns: int
    before: tuple[Scores, ...]   # per objective, in the form's order (plan.objectives)
    after: tuple[Scores, ...]
    ratings: tuple[tuple[str, Scores], ...]  # (the form's statement, its scores)
    agencies: tuple[tuple[str, int], ...]    # (agency type, returns), most first
    changes: tuple[str, ...]                 # what attendees will do differently, as written
    better: tuple[str, ...]


def _scores(values: Sequence[int | None]) -> Scores:
    counts = Counter(v for v in values if v is not None)
    return Scores((counts[1], counts[2], counts[3], counts[4], counts[5]))


def summarise(programme: Programme, returns: Sequence[EvaluationReturn]) -> tuple[EvaluationSummary, ...]:
    """A summary per course, in content order; ContentError (file:line) for a return that answers an objective
    its course does not have."""
    by_course: dict[str, list[EvaluationReturn]] = {}
    for r in returns:
        by_course.setdefault(r.course, []).append(r)
    problems, out = [], []
    statements = programme.guide_text["evaluation.ratings"]
    for cid in (c for c in programme.courses if c in by_course):
        plan = plan_course(programme, cid, release=True)
        count = len(plan.objectives)
        rows = by_course[cid]
        for r in rows:
            extra = [n for n in range(count, len(r.before)) if r.before[n] is not None or r.after[n] is not None]
            if extra:
                problems.append(Problem(r.file, r.line, f"before_{extra[0] + 1}",
                                        f"{cid} has {count} learning objectives; this answers objective {extra[0] + 1}"))

        def column(values: list[tuple[int | None, ...]], n: int) -> Scores:
            return _scores([v[n] if n < len(v) else None for v in values])

        agencies = Counter(r.agency for r in rows if r.agency)
        out.append(EvaluationSummary(
            plan=plan, returns=len(rows),
            before=tuple(column([r.before for r in rows], n) for n in range(count)),
            after=tuple(column([r.after for r in rows], n) for n in range(count)),
            ratings=tuple((text, column([r.ratings for r in rows], n)) for n, text in enumerate(statements)),
            agencies=tuple(sorted(agencies.items(), key=lambda kv: (-kv[1], kv[0]))),
            changes=tuple(r.change for r in rows if r.change), better=tuple(r.better for r in rows if r.better)))
    if problems:
        raise ContentError(problems)
    return tuple(out)
