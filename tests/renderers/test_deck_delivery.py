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
    assert _texts(slides[1])[0] == "Day 1, 09:00\u201316:30"


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
                listed += bool(re.search(r"; \d\d:\d\d exercise \u201c", para.text))
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
    earlier today or on day 1, and that is where the block is: before or after, on which day, which half.
    The second review (caf-trainers slides 22, 28, 63, 83, 85, 93): as a bullet it was filler to attendees, so
    the trainer says it, from the notes."""
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
            assert not any(t.endswith(", and in your handouts") for t in _texts(slide)), (name, _title(slide))
            for said in re.finditer(r"Say where to find the facts on (.+?): (on the next slide|later today|on day \d|as covered "
                                    r"(?:earlier today|this morning|on day \d)), and in their handouts\.",
                                    _notes(slide)):
                heading, where = said.groups()
                # A part of a block (how completed forms are stored) is a line of the whole block, after its label.
                home = next(i for i, s in enumerate(slides) if any(
                    t.lower() == heading.lower() or t.lower().startswith(heading.lower() + ":") for t in _texts(s)))
                expected = ("on the next slide" if home == number + 1
                            else ("later today" if when[home][0] == when[number][0] else f"on day {when[home][0]}")
                            if home > number
                            else f"as covered on day {when[home][0]}" if when[home][0] != when[number][0]
                            else "as covered this morning" if when[number][1] and not when[home][1]
                            else "as covered earlier today")
                assert where == expected, (name, _title(slide), said.group(0), _title(slides[home]))
                checked += 1
    assert checked > 20


# The second review (iw-senior-managers 7/10, caf-trainers 8/10): the notes as a trainer would write them, the
# contacts line only where a contact is shown, no filler bullets, even body sizes, module names not codes.

def _slide(slides, title: str):
    return next(s for s in slides if _title(s) == title)


def test_a_continued_slides_notes_read_as_a_trainer_writes_them(every_northmoor_deck):
    """The review: "Continued from the slide before: Local information sharing protocols (ISPs); Local advice
    on information sharing, going on with Northmoor ...; Helen Okafor, ...": fragments glued together."""
    carried = 0
    for name, slides in every_northmoor_deck.items():
        for slide in slides:
            notes = _notes(slide)
            assert "Continued from the slide before" not in notes and "going on with" not in notes, (name, _title(slide))
            carried += notes.startswith("Carry on from the last slide")
    assert carried > 20
    notes = _notes(_slide(every_northmoor_deck["iw-senior-managers"], "Overview of information sharing (2 of 2)"))
    # Each block by its heading, with what its lines are: a sentence a block.
    assert notes.startswith("Carry on from the last slide with the local details. Local information sharing "
                            "protocols (ISPs): Northmoor Children's Services Information Sharing Protocol. Local "
                            "advice on information sharing: Helen Okafor, Information Sharing Officer and Dr James "
                            "Lister, Caldicott Guardian. Take each in turn"), notes


CONTACT = re.compile(r"\d{5}\u00a0\d{3}\u00a0\d{3}")  # a contact's phone as a slide shows it, never broken
CONTACTS_LINE = "Contacts show name, role and phone"


def test_the_contacts_line_is_in_the_notes_only_of_slides_that_show_a_contact(every_northmoor_deck, northmoor,
                                                                             brand):
    """The review (iw-senior-managers slide 28, "References to other sources of information"): "Contacts show
    name, role and phone; ... in the contact list in their handouts" on a slide of web sites, pointing to the
    blank networking sheet. Said only where a contact shows, it names the handouts' page of them."""
    from docx import Document

    from iwpacks.renderers.handouts import HandoutsRenderer

    said = 0
    for name, slides in every_northmoor_deck.items():
        showing = [s for s in slides if "Show the local details on this slide." in _notes(s)
                   and any(CONTACT.search(t) for t in _texts(s))]
        told = [s for s in slides if CONTACTS_LINE in _notes(s)]
        # Once a deck, at the first slide that shows a contact (the fourth review: the same line on four).
        assert told == showing[:1], (name, [_title(s) for s in told])
        for slide in slides:
            if CONTACTS_LINE in _notes(slide):
                said += 1
                assert any(CONTACT.search(t) for t in _texts(slide)), (name, _title(slide))
                assert "under \u201cLocal contacts\u201d in their handouts" in _notes(slide), (name, _title(slide))
            assert "in full in the contact list" not in _notes(slide), (name, _title(slide))  # the blank sheet
    assert said >= 10
    slides = every_northmoor_deck["iw-senior-managers"]
    sources = _slide(slides, "References to other sources of information")
    assert "Show the local details on this slide." in _notes(sources) and CONTACTS_LINE not in _notes(sources)
    assert CONTACTS_LINE not in _notes(_slide(slides, "Supporting integrated working"))  # said before it
    # The handouts have the page by that heading, with the slide's contacts in full.
    handouts = Document(io.BytesIO(HandoutsRenderer().render(plan_course(northmoor, "iw-senior-managers",
                                                                         release=True), brand)))
    body = [el for el in handouts.element.body.iterchildren()]
    texts = ["".join(t.text or "" for t in el.iter() if t.tag.endswith("}t")) for el in body]
    at = texts.index("Local contacts")
    assert "priya.shah@northmoor.example.org" in " ".join(texts[at:]).lower()


POINTER = re.compile(r"(?::|, and) in your handouts$")


def test_no_bullet_only_says_where_a_local_block_was_covered(every_northmoor_deck):
    """The review (caf-trainers slides 22, 28, 63, 83, 85, 93): "...: as covered on day 1, and in your
    handouts" as a bullet is filler to attendees. The trainer says it: the pointer lives in the notes."""
    for name, slides in every_northmoor_deck.items():
        for slide in slides:
            assert not any(POINTER.search(t) for t in _texts(slide)), (name, _title(slide))
    slides = every_northmoor_deck["caf-trainers"]
    notes = _notes(_slide(slides, "Your hopes for this course"))
    assert re.search(r"Say where to find the facts on local sources of information: as covered (on day 1|earlier today|this "
                     r"morning), and in their handouts\.", notes), notes
    assert sum("Say where to find the facts on " in _notes(s) for s in slides) >= 5


def _sizes(slide) -> set[float | None]:
    return {r.font.size.pt if r.font.size else None for p in _paragraphs(slide) for r in p.runs}


def test_a_half_empty_slide_is_never_set_in_the_smallest_type(every_northmoor_deck, northmoor):
    """The review (iw-senior-managers slides 31, 39, 47, 50, 51): body text at 20 pt on half-empty slides
    beside slides at the template's 26 pt. A slide takes the largest of the deck's sizes its text fits."""
    from iwpacks.renderers._deck_slides import FULL, SMALL, STEPS, _chunk_uniform, _lines, box_at, plan_slides

    slides = every_northmoor_deck["iw-senior-managers"]
    for title in ("Overview of information sharing (1 of 2)", "Supporting integrated working",
                  "Review of the typical support requirements for IW",
                  "Information sharing protocols and other integrated working policies",
                  "Management roles, support structures and escalation"):
        assert 20 not in _sizes(_slide(slides, title)), title
    checked = 0
    for cid in every_northmoor_deck:
        for spec in plan_slides(plan_course(northmoor, cid, release=True)):
            if spec.layout != "Title and Content" or spec.ref[:1] == ("exercise",) or spec.diagram:
                continue
            assert spec.size in (None, SMALL, *STEPS), (cid, spec.title)
            lines = sum(_lines(p, FULL[0]) for p in spec.body)
            if lines <= FULL[1] / 2:  # near-empty at the template's size: never set small
                assert spec.size is None or spec.size > SMALL, (cid, spec.title, spec.size)
            if spec.size == SMALL:  # the smallest only where the next size up would not take it
                checked += 1
                width, height = box_at(STEPS[-1])
                assert len(_chunk_uniform(spec.body, (width, height - 1))) > 1, (cid, spec.title)
    assert checked


MODULE_CODE = re.compile(r"\b(IW|IS|CAF|LP|ISI)\d\d\b")


def test_a_topic_slide_names_modules_not_their_codes(every_northmoor_deck, northmoor):
    """The review (iw-senior-managers): "Next in this course: the overview of processes and tools, and IW04":
    attendees do not know the codes. A trainers' course teaches them, so its slides may use them."""
    from iwpacks.renderers._deck_slides import plan_slides

    for cid in every_northmoor_deck:
        plan = plan_course(northmoor, cid, release=True)
        if plan.is_train_the_trainer:
            continue
        for spec in plan_slides(plan):
            if spec.ref[:1] == ("topic",):
                assert not any(MODULE_CODE.search(p.text) for p in spec.body), (cid, spec.title)
    sources = _slide(every_northmoor_deck["iw-senior-managers"], "References to other sources of information")
    assert ("Next in this course: the overview of processes and tools, and Supporting Integrated Working"
            in _texts(sources))
