"""The trainer guide's own words (content/trainer-guide.yaml), as the plan carries them."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iwpacks.planning.plan import CoursePlan


def say(plan: CoursePlan, key: str, **values: str) -> str:
    """One text with its {names} filled in. The values go in as they are: never read as a template themselves."""
    return plan.guide_text[key][0].format_map(values)


def items(plan: CoursePlan, key: str) -> tuple[str, ...]:
    """The items of a list: bullets, steps or a table's column headings."""
    return plan.guide_text[key]


_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def tidy_punctuation(text: str) -> str:
    """What attendees read may tidy the seed's punctuation ("own context.." reads as a typo); the course
    specification keeps the seed's words exactly."""
    return _DOUBLE_STOP.sub(".", text)


def objective_item(objective: str) -> str:
    """An objective as a stand-alone item: no list punctuation ('; and'), first letter capitalised."""
    value = objective.strip()
    for tail in ("; and", " and", ";", ".", ","):
        if value.endswith(tail):
            value = value[: -len(tail)].rstrip()
    return value[:1].upper() + value[1:]


def cascade_target(plan: CoursePlan) -> str:
    """What a trainer goes on to deliver, as a sentence names it: "CAF01 Introduction to CAF and CAF02 Using the
    CAF in Practice"; "this training" where the course has no module other audiences are taught."""
    names = [f"{m.ref} {m.name}" for m in plan.cascade_modules]
    if not names:
        return "this training"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_QUOTES = (("'", "'"), ("\u2018", "\u2019"), ("\u201c", "\u201d"), ('"', '"'))


def as_on_slides(plan: CoursePlan, text: str) -> str:
    """`text` with each topic it quotes by the strategy's heading ("Link back to 'T4T Activity – Planning for
    local delivery'") quoted by the shorter title its slide shows instead, so the trainer finds the slide named."""
    for mp in (mp for section in plan.sections for mp in section.modules):
        for topic in mp.topics:
            if topic.slide_title and topic.title in text:
                for left, right in _QUOTES:
                    text = text.replace(f"{left}{topic.title}{right}", f"{left}{topic.slide_title}{right}")
    return text
