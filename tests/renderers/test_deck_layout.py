"""deck.pptx as a reviewer reads it: plain titles, even splits, no near-empty slide, a slide at each break.

Each test reopens the rendered decks of every ready course (python-pptx) or reads the slide plan they are
drawn from.
"""
from __future__ import annotations

import io
import math
import re

import attrs
import pytest
from pptx import Presentation
from pptx.util import Pt

from iwpacks.model import FrozenMap
from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.timetable import clock
from iwpacks.renderers._deck_slides import FULL, FULL_SMALL, TITLE_CHARS, Para, _lines, chunk, plan_slides

NBSP = "\u00a0"
COUNT = re.compile(r"\((\d+)[ \u00a0]of[ \u00a0](\d+)\)")  # a split slide's "(1 of 2)", spaces of any kind
DIVIDERS = ("Title", "Section", "Closing")
NOT_DRAWN = ("Draft mark", "LA logo")  # the shapes the renderer adds to every kind of slide
BODY_PT = {0: 26, 1: 22}  # the template's body sizes by level (running text takes the first)


def _slides(data: bytes):
    return list(Presentation(io.BytesIO(data)).slides)


def _local_plans():
    """Every ready course's plan with an LA's local facts: they make the longest lists."""
    import iwpacks
    from iwpacks.overlay.layers import apply_overlay, load_overlay
    from iwpacks.planning.plan import plan_course

    master = iwpacks.load_programme()
    for la in ("northmoor", "eastbrook"):
        local = apply_overlay(master, load_overlay(master, la))
        for course in local.courses.values():
            if not course.is_pending:
                yield f"{la}/{course.id}", plan_course(local, course.id)


def test_no_slide_title_shows_a_module_code(decks, programme):
    """The review: attendees do not know the codes ("IW01: ..."); the notes and the outline keep them."""
    code = re.compile(r"\b(" + "|".join(map(re.escape, programme.modules)) + r")\b")
    # A trainers' exercise may name the module it practises delivering: the content's own title.
    named = tuple(f"Exercise: {e.title}" for m in programme.modules.values() for e in m.exercises
                  if code.search(e.title))
    for cid, data in decks.items():
        slides = _slides(data)
        coded = [t for t in (s.shapes.title.text_frame.text.replace(NBSP, " ") for s in slides) if code.search(t)
                 and not t.startswith(named)]
        assert coded == [], cid
        outline = next(s for s in slides if s.shapes.title.text_frame.text == "What this course covers")
        notes = " ".join(s.notes_slide.notes_text_frame.text for s in slides if s.has_notes_slide)
        assert code.search(" ".join(sh.text_frame.text for sh in outline.placeholders)), cid
        assert code.search(notes), cid


def test_a_split_title_keeps_its_count_and_last_word_on_one_line_and_fits_two_lines(decks):
    """The review: "... (1 of" at the end of one line and "2)" alone on the next."""
    numbered = 0
    for cid, data in decks.items():
        for slide in _slides(data):
            title = slide.shapes.title.text_frame.text
            assert len(title) <= TITLE_CHARS or slide.slide_layout.name == "Title", (cid, title)
            found = COUNT.search(title)
            if not found:
                continue
            numbered += 1
            assert found.end() == len(title), (cid, title)
            # Non-breaking spaces inside the count and before it, so it wraps only with the word before it.
            assert title[found.start() - 1] == NBSP and found.group(0) == f"({found[1]}{NBSP}of{NBSP}{found[2]})", \
                (cid, title)
    assert numbered


def test_a_wrapping_title_never_leaves_its_last_word_alone_on_a_line(decks):
    """The review: "Key message: What to do if you are worried that a child is being / abused"."""
    from iwpacks.renderers._deck_slides import WRAPS

    for cid, data in decks.items():
        for slide in _slides(data)[1:]:  # the title slide has room for three lines
            title = slide.shapes.title.text_frame.text
            if len(title) > WRAPS and " " in title:
                last_break = title.rindex(" ")
                assert NBSP in title[last_break:], (cid, title)
    abuse = [s.shapes.title.text_frame.text for s in _slides(decks["iw-practitioners"])
             if "being" in s.shapes.title.text_frame.text]
    assert abuse and all(t.endswith(f"being{NBSP}abused") for t in abuse)


def test_chunk_evens_out_a_list_rather_than_leaving_a_line_or_two_over():
    """Eleven one-line points in a box of ten: six and five, not ten and one."""
    paras = [Para(f"Point {n}") for n in range(11)]
    groups = chunk(paras, FULL)
    assert [len(g) for g in groups] == [6, 5]
    # A heading kept with its lines stays whole, and the split still evens out around it.
    kept = [Para(f"Point {n}") for n in range(9)] + [Para("Contacts", bold=True, keep_with_next=True),
                                                    Para("One", 1, keep_with_next=True), Para("Two", 1)]
    groups = chunk(kept, FULL)
    assert len(groups) == 2 and groups[1][0].text != "One" and len(groups[0]) < 9  # not nine, then the heading alone
    sizes = [sum(_lines(p, FULL[0]) for p in g) for g in groups]
    assert min(sizes) >= max(sizes) / 2, sizes


def _runs(slides):
    """The runs of slides one list was split over: [(title, [lines of each slide])]."""
    runs: dict[str, list[float]] = {}
    for spec in slides:
        found = COUNT.search(spec.title)
        if spec.layout != "Title and Content" or not found:
            continue
        width = (FULL_SMALL if spec.size else FULL)[0]
        runs.setdefault(spec.title[:found.start()], []).append(sum(_lines(p, width) for p in spec.body))
    return runs


def test_a_list_split_over_slides_is_split_evenly_in_master_and_local_decks(plans):
    """The review: a "(2 of 2)" slide held one or two short lines under a full "(1 of 2)"."""
    checked = 0
    for cid, plan in [*plans.items(), *_local_plans()]:
        for title, sizes in _runs(plan_slides(plan)).items():
            checked += 1
            assert min(sizes) >= 2.5 and min(sizes) >= max(sizes) / 2, (cid, title, sizes)
    assert checked


def _body_lines(slide) -> float:
    """The lines of body text a slide shows, wrapped at its box's width at the size each run is set in."""
    total = 0.0
    for shape in slide.placeholders:
        if shape.placeholder_format.idx == 0 or not shape.has_text_frame:
            continue
        for paragraph in shape.text_frame.paragraphs:
            if not paragraph.text.strip():
                continue
            size = next((r.font.size for r in paragraph.runs if r.font.size), None)
            points = size.pt if size else BODY_PT[min(paragraph.level, 1)]
            per_line = max(1, int(shape.width / Pt(points) / 0.5))  # an average character is half an em wide
            total += math.ceil(len(paragraph.text) / per_line)
    return total


def test_no_slide_holds_less_than_two_lines_of_body_text_unless_a_title_divider_or_diagram(decks):
    """The issue's rule: "No slide holds less than two lines of body text unless it is a title, divider or
    diagram slide" — over every course's master deck as drawn."""
    thin = []
    for cid, data in decks.items():
        for number, slide in enumerate(_slides(data), 1):
            if slide.slide_layout.name in DIVIDERS:
                continue
            if any(not shape.is_placeholder and shape.name not in NOT_DRAWN for shape in slide.shapes):
                continue  # a diagram, drawn in shapes
            if _body_lines(slide) < 2:
                thin.append((cid, number, slide.shapes.title.text_frame.text))
    assert thin == []


def test_no_content_slide_leaves_an_empty_placeholder(decks):
    """An empty body box shows "Click to add text" in PowerPoint."""
    for cid, data in decks.items():
        for slide in _slides(data):
            empty = [s.name for s in slide.placeholders if s.has_text_frame and not s.text_frame.text.strip()]
            assert empty == [], (cid, slide.shapes.title.text_frame.text)


def _pause_title(plan, row) -> str:
    words = {"label": row.label, "label_lower": row.label.lower(), "day": str(row.day),
             "length": format_minutes(row.minutes), "back": clock(row.end)}
    key = "pause.title_day" if plan.timetable.days > 1 else "pause.title"
    return plan.guide_text[key][0].format_map(words)


def test_every_break_and_lunch_of_the_timetable_has_its_slide_where_the_timetable_has_it(decks, plans, programme):
    """The review: no slide to leave on screen at a break. One divider slide per break and lunch, in time
    order, titled with its length and when the group is back, and followed by what the timetable resumes with."""
    for cid, plan in plans.items():
        slides = _slides(decks[cid])
        titles = [s.shapes.title.text_frame.text for s in slides]
        rows = plan.timetable.rows
        pauses = [r for r in rows if r.is_break]
        assert pauses, cid
        at = [titles.index(_pause_title(plan, r)) for r in pauses]  # each one, once
        assert at == sorted(at) and len(set(at)) == len(at), cid
        for row, index in zip(pauses, at):
            assert slides[index].slide_layout.name == "Section", (cid, titles[index])
            assert f"back at {clock(row.end)}" in titles[index]
            after = next(r for r in rows if r.start >= row.end and r.day == row.day and not r.is_break)
            following = titles[index + 1].replace(NBSP, " ")
            if after.kind == "exercise":
                assert following.startswith(after.label), (cid, titles[index], following)
            elif after.module_ref and after.topics:  # the topic its teaching resumes at
                module = programme.modules[after.module_ref]
                planned = plan_slides(plan)
                mp = next(mp for sec in plan.sections for mp in sec.modules if mp.module.ref == module.ref)
                topic = ("topic", module.ref, mp.topics[after.topics[0] - 1].title)
                before = next(r for r in reversed(rows[:rows.index(row)]) if not r.is_break)
                earlier = next(s for s in reversed(planned[:index]) if s.ref[:1] != ("message",))
                if before.place == after.place and after.topics[0] in before.topics:
                    # The plan cuts the topic: the deck shows it on both sides of the break, the break among its
                    # slides or, where it has one, that slide again after the break.
                    assert planned[index + 1].ref == topic == earlier.ref, (cid, titles[index], following)
                else:
                    assert planned[index + 1].ref == topic or (following == module.name and after.topics[0] == 1), \
                        (cid, titles[index], following)
            elif after.place[:1] == ("section",) and plan.sections[after.place[1]].awareness:
                near = {titles[index - 1].replace(NBSP, " "), following}
                assert any(t.endswith(": in brief") or t == plan.sections[after.place[1]].title for t in near), \
                    (cid, titles[index], following)
            subtitle = " ".join(s.text_frame.text for s in slides[index].placeholders if s.placeholder_format.idx)
            assert subtitle.startswith("Next: "), (cid, subtitle)
            assert "Leave this slide on screen" in slides[index].notes_slide.notes_text_frame.text


@pytest.mark.parametrize("cid", ["caf-trainers"])
def test_the_break_slides_wording_is_content(plans, cid):
    """The words come from content/trainer-guide.yaml (pause.*), not from the code."""
    plan = plans[cid]
    texts = dict(plan.guide_text)
    texts["pause.title_day"] = ("Pause {day}/{label_lower}/{length}/{back}",)
    texts["pause.next"] = ("After it: {next}",)
    reworded = attrs.evolve(plan, guide_text=FrozenMap(texts))
    row = next(r for r in plan.timetable.rows if r.is_break)
    slides = plan_slides(reworded)
    pause = next(s for s in slides if s.title == f"Pause {row.day}/{row.label.lower()}/{format_minutes(row.minutes)}"
                 f"/{clock(row.end)}")
    assert pause.subtitle[0].text.startswith("After it: ")


def test_deck_notes_name_a_topic_by_its_slide_title(decks, plans):
    """The trainer guide's review point, in the speaker notes: "Link back to 'T4T Activity – Planning for local
    delivery'" where the slide says "Planning for local delivery"."""
    for cid, data in decks.items():
        notes = " ".join(s.notes_slide.notes_text_frame.text for s in _slides(data) if s.has_notes_slide)
        for mp in (mp for section in plans[cid].sections for mp in section.modules):
            for topic in mp.topics:
                if topic.slide_title and topic.title != topic.slide_title:
                    assert f"'{topic.title}'" not in notes, (cid, topic.title)
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in _slides(decks["caf-trainers"]) if s.has_notes_slide)
    assert "Link back to 'Planning for local delivery'" in notes


def test_a_days_close_slide_gives_the_close_its_session_plan_time(decks, plans):
    """The review: the plan gave day 1's close 15 minutes, the slide's notes "the last 5 minutes of the day"."""
    checked = 0
    for cid, plan in plans.items():
        slides = _slides(decks[cid])
        for row in (r for r in plan.timetable.rows if r.place[:1] == ("day",) and r.place[2:] == ("close",)):
            slide = next(s for s in slides if s.shapes.title.text_frame.text == f"Day {row.day}: close")
            notes = slide.notes_slide.notes_text_frame.text
            assert f"{clock(row.start)} to {clock(row.end)}" in notes and \
                f"Timing: {format_minutes(row.minutes)}." in notes, (cid, notes)
            checked += 1
    assert checked
