"""The deck a trainer delivers tomorrow, read back from the Northmoor decks' deck.pptx: the findings of the
review of caf-trainers, iw-practitioners and is-advisors (issue 12)."""
from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers.deck import DeckRenderer

REVIEWED = ("caf-trainers", "iw-practitioners", "is-advisors")


@pytest.fixture(scope="module")
def northmoor(programme):
    return apply_overlay(programme, load_overlay(programme, "northmoor"))


@pytest.fixture(scope="module")
def reviewed(northmoor, brand):
    """The reviewed courses' Northmoor decks, reopened with python-pptx."""
    return {cid: list(Presentation(io.BytesIO(DeckRenderer().render(plan_course(northmoor, cid, release=True),
                                                                     brand))).slides)
            for cid in REVIEWED}


def _title(slide) -> str:
    return slide.shapes.title.text.replace("\u00a0", " ") if slide.shapes.title else ""


def _paragraphs(slide) -> list:
    return [p for ph in slide.placeholders if ph.placeholder_format.idx != 0
            for p in ph.text_frame.paragraphs if p.text.strip()]


def _texts(slide) -> list[str]:
    return [p.text for p in _paragraphs(slide)]


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


def _at(slides, title: str) -> int:
    return next(i for i, s in enumerate(slides) if _title(s) == title)


def test_the_trainers_day_two_morning_has_an_exercise_after_issues_and_assumptions(reviewed, northmoor):
    slides = reviewed["caf-trainers"]
    issues = _at(slides, "Issues and assumptions")
    after = _title(slides[issues + 1])
    assert after.startswith("Exercise: ") and "assumptions" in after, after
    morning = " ".join(_texts(slides[_at(slides, "Day 2: welcome back")]))
    assert "exercise \u201cA course that does not fit the assumptions\u201d" in morning, "not in the morning agenda"
    # Within CAF03's own time: the module and both days keep their lengths.
    plan = plan_course(northmoor, "caf-trainers", release=True)
    module = next(mp for s in plan.sections for mp in s.modules if mp.module.ref == "CAF03")
    assert sum(t.minutes for t in module.topics) + sum(e.minutes for e in module.exercises) == 330
    assert _texts(slides[_at(slides, "Train-the-Trainer for CAF")]) == ["5 h 30 min"]
    assert _texts(slides[1])[0] == "Over 2 days: day 1 09:00-16:30; day 2 09:00-16:30"


def test_a_topic_taken_up_after_a_break_says_where_the_group_got_to_not_the_same_slide(every_northmoor_deck):
    resumed = 0
    for name, slides in every_northmoor_deck.items():
        for i, slide in enumerate(slides):
            title = _title(slide)
            if not title.endswith(" (continued)") or title.startswith("Exercise"):
                continue
            first = next(s for s in reversed(slides[:i]) if _title(s) == title.removesuffix(" (continued)"))
            if not _texts(first):  # a picture before the break: its points after it
                continue
            resumed += 1
            assert _texts(slide) != _texts(first), (name, title)
            texts = _texts(slide)
            assert "Still to cover" in texts, (name, title, texts)
            left = texts[texts.index("Still to cover") + 1:]
            points = [t for t in _texts(first) if not t.endswith(" in your handouts")]  # not a local block's pointer
            assert left and points[-len(left):] == left, (name, title)  # the topic's last points
            assert all(point in _notes(slide) for point in left), (name, title)
    assert resumed


@pytest.fixture(scope="module")
def every_northmoor_deck(northmoor, brand):
    ids = [cid for cid in northmoor.courses if not plan_course(northmoor, cid).draft]
    return {cid: list(Presentation(io.BytesIO(DeckRenderer().render(plan_course(northmoor, cid, release=True),
                                                                    brand))).slides) for cid in ids}


def test_the_trainers_in_brief_segments_follow_day_one_not_the_trainers_module(reviewed):
    titles = [_title(s) for s in reviewed["caf-trainers"]]
    recap = max(i for i, t in enumerate(titles) if t.startswith("Day 2: looking back at day 1"))
    module = titles.index("Train-the-Trainer for CAF")
    for segment in ("Information sharing: in brief", "Lead professional: in brief"):
        assert recap < titles.index(segment) < module, segment


_RANGE = re.compile("\u201c[^\u201d]+\u201d to \u201c")


def test_a_day_agenda_is_a_timed_line_a_session_part_not_a_list_of_topics(every_northmoor_deck):
    """The trainers' review: caf-trainers opened on three agenda slides, listing every topic under its module.
    A day's agenda is a line for each module or section a session takes up, with its time; its exercises
    named on it; no topic beneath it, and no range of topics."""
    listed = 0
    for name, slides in every_northmoor_deck.items():
        for slide in slides:
            paras = _paragraphs(slide)
            if not paras or not re.match(r"(Today|This afternoon), \d\d:\d\d-", paras[0].text):
                continue
            for para in paras[1:]:
                assert not _RANGE.search(para.text), (name, para.text)
                assert para.level == 1 and re.match(r"\d\d:\d\d ", para.text), (name, para.text)
                assert not para.text.endswith(":"), (name, para.text)
                listed += ": exercise \u201c" in para.text
    assert listed


def test_the_recap_of_the_day_before_is_a_bullet_a_topic_that_fits_its_slide(every_northmoor_deck):
    seen = 0
    for name, slides in every_northmoor_deck.items():
        for slide in slides:
            if not re.match(r"Day \d: looking back at day \d", _title(slide)):
                continue
            seen += 1
            paras = _paragraphs(slide)
            assert len(paras) <= 14, (name, _title(slide))  # what the body box holds at these sizes
            for para in paras:
                assert para.level in (0, 1), (name, para.text)
                assert para.level == 0 or "; " not in para.text, (name, para.text)
    assert seen


def test_the_practitioners_sources_are_one_slide_not_a_second_holding_two_links(reviewed):
    titles = [_title(s) for s in reviewed["iw-practitioners"]]
    assert not any(t.startswith("References to other sources of information (") for t in titles), titles
    slide = reviewed["iw-practitioners"][titles.index("References to other sources of information")]
    text = " ".join(_texts(slide))
    assert "www.everychildmatters.gov.uk" in text and "Local sources of information" in text


def test_every_slide_of_the_opening_gives_its_timing_in_a_trainers_words(reviewed):
    for name, slides in reviewed.items():
        notes = _notes(slides[_at(slides, "What this course covers")])
        assert re.search(r"Timing: a minute or two, part of the introduction's \d+ min\.", notes), (name, notes)
        for slide in slides:
            assert not re.search(r"Timing: part of the .* above", _notes(slide)), (name, _title(slide))
            match = re.search(r"Timing: (\d+ min) in all for \u201c([^\u201d]+)\u201d, this slide included",
                              _notes(slide))
            if match:  # the slide it names is the one whose notes give that time
                named = next(s for s in slides if _title(s) in (match.group(2), f"{match.group(2)} (1 of 2)",
                                                                 f"{match.group(2)} (1 of 3)"))
                assert f"Timing: {match.group(1)}" in _notes(named), (name, _title(slide))


def test_a_days_close_says_everything_the_next_day_holds(reviewed):
    """caf-trainers' day 2 opens with two short segments, then CAF03 fills it: the day-1 close names both."""
    [close] = [s for s in reviewed["caf-trainers"] if _title(s) == "Day 1: close"]
    [tomorrow] = [t for t in _texts(close) if t.startswith("Tomorrow, from ")]
    assert "Associated processes and tools" in tomorrow and "Train-the-Trainer for CAF" in tomorrow
    assert "Exercise" not in tomorrow  # exercises go with the teaching they follow


def test_the_course_opens_on_its_about_slide_one_agenda_for_the_day_and_its_modules(reviewed):
    """The trainers' review: caf-trainers opened on five slides before the introductions, three of them day 1's
    agenda topic by topic. A trainer wants the course's days, hours and breaks, day 1's agenda on one slide,
    and the modules."""
    titles = [_title(s) for s in reviewed["caf-trainers"]]
    assert titles[1:titles.index("Getting to know each other")] == [
        "About this course", "Day 1: today's agenda", "What this course covers"]


def test_each_day_has_its_agenda_on_one_slide_and_a_later_day_opens_on_two(every_northmoor_deck, northmoor):
    """The review: caf-trainers' day 2 opened on four slides: its agenda over two and the look back at day 1
    over two, every topic listed. Now the welcome back with the day's agenda, then one look back, each
    module with a few of its headline topics."""
    for name, slides in every_northmoor_deck.items():
        days = plan_course(northmoor, name, release=True).timetable.days
        agendas = [s for s in slides
                   if re.match(r"(Today|This afternoon), \d\d:\d\d-", (_texts(s) or [""])[0])]
        assert len(agendas) == (days if days > 1 else 0), (name, [_title(s) for s in agendas])
        titles = [_title(s) for s in slides]
        for day in range(2, days + 1):
            at = titles.index(f"Day {day}: welcome back")
            assert titles[at + 1] == f"Day {day}: looking back at day {day - 1}", (name, titles[at:at + 3])
            assert not titles[at + 2].startswith(f"Day {day}:"), (name, titles[at:at + 3])
            headlines: list[int] = []
            for para in _paragraphs(slides[at + 1]):
                if para.level == 0:
                    headlines.append(0)
                else:
                    headlines[-1] += 1
            assert headlines and all(1 <= n <= 3 for n in headlines), (name, day, headlines)


def test_a_contact_on_a_slide_is_its_name_role_and_phone_and_the_handouts_give_it_in_full(
        every_northmoor_deck, northmoor, brand):
    """The review: full contact blocks (name, title, organisation, phone, e-mail) split local slides into
    "(1 of 3)" runs. On a slide a contact is short; the handouts' contact list has the whole entry."""
    from docx import Document

    from iwpacks.renderers.handouts import HandoutsRenderer

    for name, slides in every_northmoor_deck.items():
        for slide in slides:
            for text in (_title(slide), *_texts(slide)):
                assert not re.search(r"[\w.]+@[\w-]+\.", text), (name, _title(slide), text)
            # A topic with its local details takes two slides at most.
            assert not re.search(r"\(\d+ of ([3-9]|\d\d)\)$", _title(slide)), (name, _title(slide))
    texts = [t for s in every_northmoor_deck["caf-trainers"] for t in _texts(s)]
    assert "Sarah Bennett, CAF Coordinator, 01632\u00a0960\u00a0120" in texts
    assert "Helen Okafor, Information Sharing Officer, 01632\u00a0960\u00a0110" in texts
    handouts = Document(io.BytesIO(HandoutsRenderer().render(plan_course(northmoor, "caf-trainers", release=True),
                                                             brand)))
    words = " ".join([p.text for p in handouts.paragraphs]
                     + [c.text for t in handouts.tables for r in t.rows for c in r.cells])
    assert "caf@northmoor.example.org" in words and "information.sharing@northmoor.example.org" in words


def test_a_pointer_to_a_local_block_says_when_the_group_saw_it(every_northmoor_deck):
    """The review: "see “Improving information sharing locally” and your handouts" reads as a cross-reference
    in a document. A pointer says what a trainer says: the next slide, later today, as covered this morning,
    earlier today or on day 1, and that is where the block is: before or after, on which day, which half."""
    checked = 0
    for name, slides in every_northmoor_deck.items():
        day, afternoon, when = 1, False, []
        for slide in slides:  # each slide's day, and whether after that day's lunch
            title = _title(slide)
            if re.fullmatch(r"Day \d+: welcome back", title):
                day, afternoon = day + 1, False
            elif re.match(r"(Day \d+ )?[Ll]unch: ", title):
                afternoon = True
            when.append((day, afternoon))
        for number, slide in enumerate(slides):
            for text in _texts(slide):
                said = re.fullmatch(r"(.+): (on the next slide|later today|on day \d|as covered (?:earlier today|"
                                    r"this morning|on day \d)), and in your handouts", text)
                if not said:
                    continue
                heading, where = said.groups()
                home = next(i for i, s in enumerate(slides) if heading in _texts(s))
                expected = ("on the next slide" if home == number + 1
                            else ("later today" if when[home][0] == when[number][0] else f"on day {when[home][0]}")
                            if home > number
                            else f"as covered on day {when[home][0]}" if when[home][0] != when[number][0]
                            else "as covered this morning" if when[number][1] and not when[home][1]
                            else "as covered earlier today")
                assert where == expected, (name, _title(slide), text, _title(slides[home]))
                checked += 1
    assert checked > 20
