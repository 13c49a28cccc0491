"""A trainer's review of the decks' wording and speaker notes: checked on every course, in the deck as drawn."""
from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation

import iwpacks
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.minutes import format_minutes
from iwpacks.planning.plan import plan_course
from iwpacks.planning.timetable import clock
from iwpacks.renderers.deck import DeckRenderer


@pytest.fixture(scope="module")
def local_decks(brand):
    """Every ready course's Northmoor (release) deck, reopened: (plan, slides)."""
    master = iwpacks.load_programme()
    programme = apply_overlay(master, load_overlay(master, "northmoor"))
    out = {}
    for course in programme.courses.values():
        if course.is_pending:
            continue
        plan = plan_course(programme, course.id, release=True)
        out[course.id] = (plan, list(Presentation(io.BytesIO(DeckRenderer().render(plan, brand))).slides))
    return out


def _words(slide) -> list[str]:
    return [p.text for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs if p.text]


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


def _title(slide) -> str:
    return slide.shapes.title.text_frame.text.replace("\u00a0", " ")


def test_every_slide_has_notes_of_its_own_with_a_timing(local_decks):
    """The review: continued slides' notes only pointed back ("its notes and timing cover this one"); the title,
    a day's close and the thank-you slide gave no timing; a diagram's notes ended "What it shows: ...: a table."."""
    for cid, (_, slides) in local_decks.items():
        for number, slide in enumerate(slides, 1):
            notes = _notes(slide)
            assert "previous slide" not in notes and "{" not in notes, (cid, number)
            if notes.startswith("Carry on from the last slide"):
                assert "Timing: " in notes, (cid, number)
            assert "What it shows:" not in notes and ": a table." not in notes, (cid, number)
        for number in (1, len(slides)):
            assert "Timing: " in _notes(slides[number - 1]), (cid, number)
        for slide in slides:
            if re.fullmatch(r"Day \d+: close", _title(slide)):
                assert "Timing: " in _notes(slide), cid


def test_a_continued_slide_says_what_it_shows_and_takes_its_time_from_the_slide_before(local_decks):
    _, slides = local_decks["caf-trainers"]
    at = next(i for i, s in enumerate(slides)
              if _notes(s).startswith("Carry on from the last slide with the local details. "))
    first, second = _notes(slides[at - 1]), _notes(slides[at])
    minutes = re.search(r"Timing: (\d+ min)\.", first).group(1)
    # Notes of its own: what its lines are and how to take them, not the block's heading again.
    assert "Take each in turn" in second
    # Its time in a trainer's words: the time the slide before gives, named by that slide's title.
    title = _title(slides[at - 1]).split(" (")[0]
    assert f"Timing: {minutes} in all for \u201c{title}\u201d, this slide included." in second
    # Where to find a contact in full is said once a deck, at its first slide showing one (the fourth review):
    # this one is later, so it says only that it shows the local details.
    assert second.endswith("Show the local details on this slide.")
    assert "Sarah Bennett, CAF Coordinator" not in second or "the contact Sarah Bennett" in second
    # The first slide says so too where the block starts on it.
    starts = "How the CAF and lead professional arrangements work locally" in _words(slides[at - 1])
    assert ("Show the local details on this slide." in first) == starts


def test_a_slide_points_to_local_details_only_where_they_are(local_decks):
    """The review (iw-practitioners slide 18): "listed below" above a list on the next slide, and notes saying
    "Show the local details on the slide." on a slide without them."""
    from iwpacks.renderers._deck_slides import plan_slides

    for cid, (plan, slides) in local_decks.items():
        for number, (slide, spec) in enumerate(zip(slides, plan_slides(plan), strict=True), 1):
            assert not any("listed below" in w for w in _words(slide)), (cid, number)
            # The notes say so exactly where a local block's heading opens on the slide.
            shows = [p.text for p in spec.body if p.shows]
            assert ("Show the local details on this slide." in _notes(slide)) == (
                bool(shows) and spec.ref[:1] == ("topic",)), (cid, number)
            assert all(heading in _words(slide) for heading in shows), (cid, number)
    # A topic whose local block opens its next slide says so on its first, and the next slide shows them.
    ahead = [(cid, number) for cid, (_, slides) in local_decks.items() for number, slide in enumerate(slides[:-1])
             if _notes(slide).endswith("The local details follow on the next slide.")]
    assert ahead
    for cid, number in ahead:
        assert "Show the local details on this slide." in _notes(local_decks[cid][1][number + 1]), (cid, number)


def test_optional_exercises_are_hidden_and_say_so(local_decks):
    """The review (is-advisors slides 20-21): optional exercises sat in the main flow."""
    seen = 0
    for cid, (plan, slides) in local_decks.items():
        optional = {i.title for s in plan.sections for i in (*s.exercises, *(e for mp in s.modules
                                                                               for e in mp.exercises)) if i.optional}
        for slide in slides:
            hidden = slide._element.get("show") == "0"
            assert hidden == _notes(slide).startswith("Hidden: unhide it if the group is ahead of time."), (
                cid, _title(slide))
            if hidden:
                seen += 1
                assert any(t in _title(slide) for title in optional for t in (title.rstrip("?!."),
                                                                                 title.lower())), (
                    cid, _title(slide))
            elif _title(slide).startswith("Exercise: "):
                assert "(optional)" not in _title(slide), (cid, _title(slide))
    assert seen  # is-advisors' "Pieces of the picture", for one


def test_each_days_agenda_takes_its_times_from_the_timetable_with_its_breaks(local_decks):
    """The review: day 2's agenda said "Exercises: Jordan says no, then 5 more" and left out the breaks and
    lunch. Every line's time is a row's start in the timetable; every break and lunch of the day is there."""
    checked = 0
    for cid, (plan, slides) in local_decks.items():
        for day in range(2, plan.timetable.days + 1):
            opener = [s for s in slides if _title(s).removesuffix(", continued") in (f"Day {day}: welcome back",
                                                                                    f"Day {day}: this afternoon")]
            lines = [w for s in opener for w in _words(s)[1:] if re.match(r"\d\d:\d\d ", w)]
            rows = [r for r in plan.timetable.rows if r.day == day]
            starts = {clock(r.start) for r in rows}
            assert lines and all(line[:5] in starts for line in lines), (cid, lines)
            for row in rows:
                if row.is_break:
                    assert f"{clock(row.start)} {row.label}, {format_minutes(row.minutes)}" in lines, (cid, row)
                if row.kind == "exercise":  # named briefly: "Kyle's family, step 1" of "...: preparation"
                    name = re.split(r"(?<=\?) |: ", row.label.removeprefix("Exercise: "), maxsplit=1)[0]
                    assert any(name in line for line in lines), (cid, name)
            assert not any(" more" in line for line in lines), cid
            checked += 1
    assert checked


def test_the_agenda_says_a_modules_own_time(local_decks):
    """The review: "IS02: 5 h 5 min, with IS02 and the key message after it"; then "with a key message: 55
    min", meaningless to attendees. A module's line gives the module's own time that day."""
    _, slides = local_decks["is-advisors"]
    about = next(s for s in slides if _title(s) == "About this course")
    assert "Information Sharing in Practice: 5 h" in _words(about)
    assert not any("key message" in w for w in _words(about))
    for cid, (_, slides) in local_decks.items():
        assert not any("key message after it" in w for s in slides for w in _words(s)), cid


def test_a_pointer_to_a_local_block_is_for_attendees_and_on_its_topic(local_decks):
    """The review (caf-trainers): "...: see slide N and your handouts" on slides whose topic is not the block's
    (the training materials, delivery issues)."""
    for cid, (_, slides) in local_decks.items():
        for slide in slides:
            assert not any("see slide" in w for w in _words(slide)), (cid, _title(slide))
    _, slides = local_decks["caf-trainers"]
    # The pointer is the trainer's to say, in the notes of the slide whose topic needs the block.
    pointer = re.compile(r"Say where to find the facts on .+?: (on the next slide|later today|on day \d|as covered [a-z\d ]+), "
                         r"and in their handouts\.")
    for title in ("The materials for CAF training", "Delivery issues to consider"):
        slide = next(s for s in slides if _title(s) == title)
        assert not pointer.search(_notes(slide)), title
    sources = next(s for s in slides if _title(s) == "Other training and sources of information")
    assert pointer.search(_notes(sources))


def test_a_localised_deck_does_not_ask_to_be_localised_or_repeat_a_line(local_decks):
    """The review (caf-trainers slides 25 and 57)."""
    for cid, (_, slides) in local_decks.items():
        for slide in slides:
            assert "This part of the module must be localised" not in _notes(slide), cid
    _, slides = local_decks["caf-trainers"]
    slide = next(s for s in slides if _title(s) == "Improving multi-agency working locally")
    assert "Keep in touch after this course" not in _words(slide)
    assert "Keeping in touch after the course" in _words(slide)


def test_a_topics_notes_claim_nothing_the_course_does_not_do(local_decks):
    """The review (iw-practitioners slide 16): "came earlier in the course" where it did not, and an
    "optional exercise" the plan times as core."""
    for cid, (_, slides) in local_decks.items():
        for slide in slides:
            assert "came earlier in the course" not in _notes(slide), cid
            if _title(slide).startswith("Benefits for children, families"):
                assert "optional exercise" not in _notes(slide), cid


@pytest.mark.office
def test_the_preview_keeps_a_decks_hidden_slides_so_its_numbers_match(local_decks, brand, tmp_path):
    """LibreOffice leaves hidden slides out of a PDF by default: the preview's thumbnails would then be numbered
    wrong from the first optional exercise on."""
    from pypdf import PdfReader

    from iwpacks.pack.office import to_pdf

    plan, slides = local_decks["is-advisors"]
    assert any(s._element.get("show") == "0" for s in slides)
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(DeckRenderer().render(plan, brand))
    assert len(PdfReader(to_pdf([deck], tmp_path / "pdf")[deck]).pages) == len(slides)
