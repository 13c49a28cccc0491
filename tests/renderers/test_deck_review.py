"""A trainer's review of the decks, read back from every course's deck.pptx: master and Northmoor."""
from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.renderers.deck import DeckRenderer

PLAIN = ("Title", "Section", "Closing")


@pytest.fixture(scope="module")
def northmoor_decks(programme, brand):
    la = apply_overlay(programme, load_overlay(programme, "northmoor"))
    ids = [cid for cid in la.courses if not plan_course(la, cid).draft]
    return {cid: Presentation(io.BytesIO(DeckRenderer().render(plan_course(la, cid, release=True), brand)))
            for cid in ids}


@pytest.fixture(scope="module")
def every_deck(decks, northmoor_decks):
    master = {f"master/{cid}": Presentation(io.BytesIO(data)) for cid, data in decks.items()}
    return {**master, **{f"northmoor/{cid}": prs for cid, prs in northmoor_decks.items()}}


def _title(slide) -> str:
    return slide.shapes.title.text.replace("\u00a0", " ") if slide.shapes.title else ""


def _bodies(slide):
    return [ph for ph in slide.placeholders if ph.placeholder_format.idx != 0]


def _paras(slide) -> list[str]:
    return [p.text for ph in _bodies(slide) for p in ph.text_frame.paragraphs if p.text.strip()]


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


def test_the_decks_cover_every_northmoor_course(northmoor_decks):
    assert len(northmoor_decks) == 18


def test_a_topic_resumed_after_a_pause_says_what_is_left_and_how_long(every_deck):
    resumed = 0
    for name, prs in every_deck.items():
        for slide in prs.slides:
            title = _title(slide)
            if not title.endswith(" (continued)") or title.startswith("Exercise"):
                continue
            resumed += 1
            notes = _notes(slide)
            assert notes.strip() != title.removesuffix(" (continued)"), (name, title)
            assert "Still to cover" in notes and "left of this topic's time" in notes, (name, title, notes)
            paras = _paras(slide)  # the points still to cover, under their heading where the slide has one
            left = paras[paras.index("Still to cover") + 1] if "Still to cover" in paras else paras[0]
            assert left.rstrip(".") in notes, (name, title)
    assert resumed


def test_a_later_day_recaps_the_day_before_by_its_topics_with_questions(every_deck):
    seen = 0
    for name, prs in every_deck.items():
        slides = list(prs.slides)
        titles = [_title(s) for s in slides]
        for day in range(2, 6):
            recaps = [i for i, t in enumerate(titles) if t.startswith(f"Day {day}: looking back at day {day - 1}")]
            if f"Day {day}: welcome back" not in titles:
                assert not recaps
                continue
            assert recaps, (name, day)
            seen += 1
            close = titles.index(f"Day {day - 1}: close")
            start = titles.index(f"Day {day - 2}: close") if day > 2 else 0
            body = " ".join(" ".join(_paras(slides[i])) for i in recaps)
            shown = [t for t in titles[start:close] if t and t in body]
            assert len(shown) >= 2, (name, day)
            notes = _notes(slides[recaps[0]])
            assert notes.count("?") >= 2 and "objective" not in notes, (name, notes)
    assert seen


def test_day_one_of_a_course_of_several_days_opens_with_its_own_agenda(every_deck):
    for name, prs in every_deck.items():
        titles = [_title(s) for s in prs.slides]
        several = "Day 2: welcome back" in titles
        assert ("Day 1: today's agenda" in titles) == several, name
        if several:
            at = titles.index("Day 1: today's agenda")
            assert titles[at - 1].startswith("About this course"), name  # "(2 of 2)" where it runs to two
            assert _paras(list(prs.slides)[at])[0].startswith("Today, ")


def _diagram(slide) -> bool:
    return any(not sh.is_placeholder and sh.name not in ("LA logo", "Draft mark") for sh in slide.shapes)


def test_no_slide_holds_fewer_than_two_lines_of_text(every_deck):
    """Title, divider, break and diagram slides aside, every slide holds at least two lines of text."""
    for name, prs in every_deck.items():
        for number, slide in enumerate(prs.slides, 1):
            if slide.slide_layout.name in PLAIN or _diagram(slide):
                continue
            paras = _paras(slide)
            lines = sum(1 + len(p) // 70 for p in paras)
            assert lines >= 2, (name, number, _title(slide), paras)


def test_every_column_of_an_exercise_slide_has_a_heading(every_deck):
    for name, prs in every_deck.items():
        for slide in prs.slides:
            if slide.slide_layout.name != "Exercise":
                continue
            held = {ph.placeholder_format.idx for ph in _bodies(slide) if ph.text_frame.text.strip()}
            for heading, body in ((1, 2), (3, 4)):
                assert body not in held or heading in held, (name, _title(slide))


_FOLLOWS = re.compile(r"(?:the next step is the module|(?:^|\. )(?:In this course,? )?)([A-Z][^.;,]*?),?"
                      r"(?: [A-Z]{2,3}\d\d,)? follows")


def test_notes_that_name_what_follows_name_the_next_module_of_that_course(every_deck, programme):
    names = {m.name for m in programme.modules.values()}
    for name, prs in every_deck.items():
        order = [t for t in (_title(s) for s in prs.slides if s.slide_layout.name == "Section") if t in names]
        current = None
        for slide in prs.slides:
            if slide.slide_layout.name == "Section" and _title(slide) in names:
                current = _title(slide)
            notes = _notes(slide)
            assert "not yet met" not in notes, (name, _title(slide))
            for match in _FOLLOWS.finditer(notes):
                module = match.group(1).strip()
                if module in names and current in order:
                    after = order[order.index(current) + 1:order.index(current) + 2]
                    assert [module] == after, (name, _title(slide), match.group(0))


def test_our_words_say_advisor(every_deck):
    for name, prs in every_deck.items():
        for slide in prs.slides:
            text = " ".join(_paras(slide)) + _title(slide) + _notes(slide)
            assert "adviser" not in text.lower(), (name, _title(slide))


def _shown(slide) -> bool:
    return slide._element.get("show") != "0"


def _without_count(title: str) -> str:
    return re.sub(r" \(\d+ of \d+\)$", "", title)


def test_no_slide_text_refers_to_a_slide_by_number(every_deck):
    """The review: "Local sources of information: slide 21, and your handouts" on slides that carry no numbers,
    where a printout without the hidden slides numbers them differently. Pointers name the slide's title."""
    pointers = 0
    for name, prs in every_deck.items():
        slides = list(prs.slides)
        titles = {_without_count(_title(s)) for s in slides}
        for slide in slides:
            for para in (*_paras(slide), _title(slide)):
                assert not re.search(r"\bslides? \d", para), (name, _title(slide), para)
                assert "see \u201c" not in para, (name, _title(slide), para)  # no cross-reference by title either
            pointers += len(re.findall(r": (?:on the next slide|later today|on day \d|as covered [a-z\d ]+), "
                                       r"and in their handouts\.", _notes(slide)))
    assert pointers > 5


def test_a_break_names_what_comes_next_by_the_slide_after_it(every_deck):
    """The review: "Next: Information Sharing in Practice" over a break inside that module."""
    breaks = 0
    for name, prs in every_deck.items():
        slides = [s for s in prs.slides if _shown(s)]
        for i, slide in enumerate(slides[:-1]):
            said = [p for p in _paras(slide) if p.startswith("Next: ")]
            if slide.slide_layout.name != "Section" or not said:
                continue
            breaks += 1
            after = _without_count(_title(slides[i + 1]))
            assert said == [f"Next: {after}"], (name, _title(slide), said, after)
            assert f"next: {after}." in _notes(slide), (name, _title(slide))
    assert breaks > 10


def _rows(slide) -> list[str]:
    """An agenda's rows: each line with the topics listed beneath it (the second level below)."""
    rows: list[str] = []
    for p in (p for ph in _bodies(slide) for p in ph.text_frame.paragraphs if p.text.strip()):
        if p.level == 2 and rows:
            rows[-1] += f" / {p.text}"
        else:
            rows.append(p.text)
    return rows


def test_a_day_agenda_names_each_row_of_a_module_under_way_by_its_topics(every_deck):
    """The review: "13:25 Providing Advice on Information Sharing", "14:20 Providing Advice ..." repeatedly."""
    days = 0
    for name, prs in every_deck.items():
        slides = list(prs.slides)
        for i, slide in enumerate(slides):
            paras = _paras(slide)
            if not paras or not re.match(r"Today, \d\d:\d\d-", paras[0]):
                continue
            days += 1
            rows = _rows(slide)[1:]
            if i + 1 < len(slides) and _title(slides[i + 1]).endswith("this afternoon"):
                rows += _rows(slides[i + 1])[1:]
            what = [re.sub(r"^\d\d:\d\d ", "", row) for row in rows]
            teaching = [w for w in what if not re.match(r"(Break|Lunch), ", w)]
            assert len(teaching) == len(set(teaching)), (name, _title(slide), what)
    assert days > 5


def test_a_topic_cut_by_a_break_gives_both_parts_of_its_time_on_its_first_slide(every_deck):
    """The review: "Timing: 30 min" before the break and "25 min left" after it, with nothing on the first
    slide to say only 5 of the 30 minutes come before the break."""
    cut = 0
    for name, prs in every_deck.items():
        slides = list(prs.slides)
        for i, slide in enumerate(slides):
            left = re.search(r"Timing: (\d+ min) left of this topic's time", _notes(slide))
            if not left:
                continue
            cut += 1
            topic = re.sub(r" \(\d+\)$", "", _title(slide).removesuffix(" (continued)"))  # a long title: "(2)"
            first = next(s for s in slides[:i] if _without_count(_title(s)) == topic)
            timing = re.search(r"Timing: ((?:\d+ h ?)?(?:\d+ min)?), (\d+ min) before the [a-z ]+ and (\d+ min) after it\.",
                               _notes(first))
            assert timing and timing.group(3) == left.group(1), (name, topic, _notes(first)[-200:])
    assert cut > 2


def _minutes(text: str) -> int:
    hours = re.search(r"(\d+) h", text)
    mins = re.search(r"(\d+) min", text)
    return (int(hours.group(1)) * 60 if hours else 0) + (int(mins.group(1)) if mins else 0)


def test_the_recap_looks_back_and_its_slides_share_its_time(every_deck):
    """The review: the recap re-read "By the end of this module, attendees will:", a sources slide took "about
    10 min" of the 10-minute recap and said sources were "listed ... at the end of this course" at its end."""
    for name, prs in every_deck.items():
        slides = list(prs.slides)
        titles = [_title(s) for s in slides]
        at = titles.index("Your hopes for this course")
        recap = int(re.search(r"of the recap's (\d+) min\.", _notes(slides[at])).group(1))
        recaps = [i for i, t in enumerate(titles) if t.startswith("Recap: ")]
        assert recaps and max(recaps) < at, name
        shares = [re.search(r"Timing: ([^.]+) of the recap's (\d+) min\.", _notes(slides[i])) for i in (*recaps, at)]
        firsts = [s for i, s in zip((*recaps, at), shares) if s and not _title(slides[i]).endswith("(2 of 2)")]
        assert all(int(s.group(2)) == recap for s in firsts), name
        assert sum(_minutes(s.group(1)) for s in firsts) == recap, (name, [s.group(0) for s in firsts])
        body = " ".join(_paras(slides[at]))
        assert "hopes" in body and "Sources of further information: " in body, name
        for i in range(recaps[0], len(slides)):
            assert "By the end of" not in " ".join(_paras(slides[i])), (name, titles[i])
            assert "at the end of this course" not in _notes(slides[i]), (name, titles[i])


def test_a_short_close_says_its_time_is_tight(every_deck):
    """The review: a 5-minute close whose notes ask for five minutes to write actions, the knowledge check,
    the evaluation and the certificates."""
    short = 0
    for name, prs in every_deck.items():
        close = next(s for s in prs.slides if _title(s).startswith("Close: "))
        minutes = int(re.search(r"Timing: (\d+) min\.$", _notes(close)).group(1))
        if minutes < 10:
            short += 1
            assert f"The close has only {minutes} min" in _notes(close), name
        assert "five minutes for each attendee" not in _notes(close), name
    assert short


def test_the_title_slide_says_the_audience_once_and_the_agenda_adds_up_to_its_total(every_deck, programme):
    """The review: "For practitioners · 2 h 15 min · half a day" under "Integrated working for practitioners";
    an agenda of "Information Sharing in Practice (IS02): 5 h, then a key message, 5 min" that left out the
    days' closes and welcome backs, so it did not add up to the total on the title slide."""
    for name, prs in every_deck.items():
        slides = list(prs.slides)
        title, subtitle = _title(slides[0]).lower(), _paras(slides[0])[0]
        assert not (subtitle.startswith("For ") and subtitle.split(" \u00b7 ")[0][4:].lower() in title), name
        total = _minutes(next(part for part in subtitle.split(" \u00b7 ") if re.search(r"\d+ (h|min)", part)))
        lines = _paras(slides[1])
        if _title(slides[2]).startswith("About this course"):
            lines += _paras(slides[2])
        # Each day's hours, less its breaks and lunch (on this slide for one day, else on each day's agenda),
        # come to the total: "Day 1, 09:00–16:30"; "Break 10:30–10:45; lunch ..." or "10:30 Break, 15 min".
        def minute(t: str) -> int:
            return int(t[:2]) * 60 + int(t[3:])
        spans = [minute(b) - minute(a) for line in lines
                 for a, b in re.findall(r"^(?:One day|Half a day|Day \d+), (\d\d:\d\d)\u2013(\d\d:\d\d)$", line)]
        pauses = [minute(b) - minute(a) for line in lines
                  for a, b in re.findall(r"(?:break|lunch) (\d\d:\d\d)\u2013(\d\d:\d\d)", line.lower())]
        agendas = [p for s in slides if re.match(r"Day \d+: (today's agenda|welcome back|this afternoon)", _title(s))
                   for p in _paras(s)]
        pauses += [_minutes(m) for p in agendas for m in re.findall(r"^\d\d:\d\d (?:Break|Lunch), (.+)$", p)]
        assert spans and sum(spans) - sum(pauses) == total, (name, total, spans, pauses)
        for line in lines:
            assert not re.search(r"\([A-Z]+\d\d\)|key message|: [A-Z]+\d\d\b", line), (name, line)
    assert "Day 1" not in " ".join(_paras(list(every_deck["northmoor/iw-practitioners"].slides)[1]))


def test_a_slide_going_on_with_local_details_has_notes_of_its_own(every_deck):
    """The review: a local block continued on a second slide had notes that only repeated its heading
    ("Points to make: How the CAF and lead professional arrangements work locally.")."""
    going_on = 0
    for name, prs in every_deck.items():
        for slide in prs.slides:
            notes = _notes(slide)
            if not notes.startswith("Carry on from the last slide"):
                continue
            headings = [p.removesuffix(" (continued)") for p in _paras(slide) if p.endswith(" (continued)")]
            said = re.match(r"Carry on from the last slide: (.*?)\. Timing", notes)
            assert not (said and said.group(1) in headings), (name, _title(slide), notes)
            going_on += notes.startswith("Carry on from the last slide with the local details. ")
    assert going_on > 3


def test_a_key_message_comes_before_the_modules_closing_pointer_to_sources(every_deck):
    """The review (iw-practitioners): "Record information well" sat after the module's "References to other
    sources of information" slides; a message said at a module's end goes before its pointer to sources."""
    for name, prs in every_deck.items():
        slides = list(prs.slides)
        for i, slide in enumerate(slides[1:], 1):
            if not _title(slide).startswith("Key message: ") and _title(slide) != "Record information well":
                continue
            before = _paras(slides[i - 1])
            assert not any(p.startswith("Local sources of information") for p in before), (name, _title(slide))
    titles = [_title(s) for s in every_deck["northmoor/iw-practitioners"].slides]
    record = titles.index("Key message: Record information well")
    assert titles[record + 1].startswith("References to other sources of information"), titles[record:record + 2]
