"""The trainers' review of three Northmoor decks (iw-practitioners, iw-senior-managers, caf-trainers): agenda
times that are the session plan's, a short "About this course", merged thin slides, notes a trainer says
aloud, the 2006 wording, and an activity in the associated processes segment. Each test reopens the real
deck of every course that has the same fault."""
from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation

import iwpacks
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.planning.plan import plan_course
from iwpacks.planning.timetable import clock
from iwpacks.renderers.deck import DeckRenderer


@pytest.fixture(scope="module")
def local(brand):
    """Every ready course's Northmoor (release) deck, reopened: {id: (plan, slides)}."""
    master = iwpacks.load_programme()
    programme = apply_overlay(master, load_overlay(master, "northmoor"))
    out = {}
    for course in programme.courses.values():
        if not course.is_pending:
            plan = plan_course(programme, course.id, release=True)
            out[course.id] = (plan, list(Presentation(io.BytesIO(DeckRenderer().render(plan, brand))).slides))
    return out


def _title(slide) -> str:
    return slide.shapes.title.text.replace("\u00a0", " ") if slide.shapes.title is not None else ""


def _paras(slide) -> list[str]:
    return [p.text.replace("\u00a0", " ") for shape in slide.placeholders if shape.has_text_frame
            and shape.placeholder_format.idx != 0 for p in shape.text_frame.paragraphs if p.text.strip()]


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


AGENDA = re.compile(r"Day (\d+): (today's agenda|welcome back|this afternoon)")


def test_every_time_an_agenda_slide_gives_is_the_session_plans(local):
    """caf-trainers slide 3 read "10:45 Using the CAF in Practice: exercise 'Kyle's family, step 1'", where the
    exercise starts at 11:05: a line's time was its module's, and the exercise run inside it had none. Every
    time on a day's agenda now starts a row of that day's session plan, and an exercise named with a time
    starts at it; "About this course" gives each day's first start and last end, and a one-day course's breaks."""
    checked = 0
    for cid, (plan, slides) in local.items():
        rows = plan.timetable.rows
        for slide in slides:
            day = AGENDA.match(_title(slide))
            if day is None:
                continue
            starts = {clock(r.start) for r in rows if r.day == int(day.group(1))}
            exercises = {(clock(r.start), r.label.removeprefix("Exercise: ")) for r in rows
                         if r.day == int(day.group(1)) and r.kind == "exercise"}
            for line in _paras(slide)[1:]:
                assert line[:5] in starts, (cid, _title(slide), line)
                for at, name in re.findall(r"(\d\d:\d\d) (?:exercise )?\u201c([^\u201d]+)\u201d", line):
                    assert any(at == t and label.startswith(name) for t, label in exercises), (cid, line)
                    checked += 1
        about = next(s for s in slides if _title(s) == "About this course")
        for day, start, end in re.findall(r"(?:Day (\d+)|One day|Half a day), (\d\d:\d\d)\u2013(\d\d:\d\d)",
                                          " ".join(_paras(about))):
            times = [r for r in rows if r.day == int(day or 1)]
            assert (start, end) == (clock(times[0].start), clock(times[-1].end)), (cid, day)
        for start, end in re.findall(r"(?:break|lunch) (\d\d:\d\d)\u2013(\d\d:\d\d)", " ".join(_paras(about)).lower()):
            assert any((clock(r.start), clock(r.end)) == (start, end) for r in rows if r.is_break), cid
    assert checked > 10
    plan, slides = local["caf-trainers"]
    day1 = next(s for s in slides if _title(s) == "Day 1: today's agenda")
    assert "10:15 Using the CAF in Practice; 11:05 exercise \u201cKyle's family, step 1\u201d" in _paras(day1)


def test_about_this_course_is_days_and_hours_then_what_each_teaches(local):
    """caf-trainers' slide 2 was a 12-bullet wall of times; the senior managers' said "Over 1 day: 09:00-16:00".
    Now a day's hours ("One day, 09:00–16:00"), each module and section of teaching beneath with its time, a
    one-day course's breaks in a line: at most 8 or 9 lines. The third review: iw-practitioners' half day listed
    85 of its 135 minutes, so a one-day course also gives its introduction, and its recap and close in a line;
    a longer course leaves them to its days' agendas."""
    for cid, (plan, slides) in local.items():
        about = [s for s in slides if _title(s).startswith("About this course")]
        assert len(about) == 1, cid
        lines = _paras(about[0])
        assert len(lines) <= 9, (cid, lines)  # two days of three or four parts each
        assert not any(line.startswith(("Over ", "Recap:", "Close")) for line in lines), cid
        one_day = plan.timetable.days == 1
        assert any(line.startswith("Introduction to the course: ") for line in lines) == one_day, cid
        assert any(line.startswith("Recap, action plan and evaluation: ") for line in lines) == one_day, cid
    _, slides = local["iw-senior-managers"]
    lines = _paras(next(s for s in slides if _title(s) == "About this course"))
    assert lines[0] == "One day, 09:00\u201316:00"
    _, slides = local["caf-trainers"]
    lines = _paras(next(s for s in slides if _title(s) == "About this course"))
    assert lines == ["Day 1, 09:00\u201316:30", "Background and context within Every Child Matters (ECM): 10 min",
                     "Introduction to CAF: 30 min", "Using the CAF in Practice: 5 h", "Day 2, 09:00\u201316:30",
                     "Associated processes and tools: 20 min", "Train-the-Trainer for CAF: 5 h 30 min"]


def test_a_later_days_agenda_opens_with_a_look_back_in_plain_words(local):
    """caf-trainers slide 61: "09:00 Welcome back, and day 1 looked back on"."""
    _, slides = local["caf-trainers"]
    day2 = next(s for s in slides if _title(s) == "Day 2: welcome back")
    assert "09:00 Welcome back, and a look back at day 1" in _paras(day2)
    assert not any("looked back on" in p for _, (_, ss) in local.items() for s in ss for p in _paras(s))


def _texts(slides) -> list[tuple[str, str, str]]:
    """Each slide's title, its body text and its notes."""
    return [(_title(s), " ".join(_paras(s)), _notes(s)) for s in slides]


def test_a_key_message_that_fits_one_slide_in_smaller_type_is_not_split_in_two(local):
    """caf-trainers 32-33 (and iw-practitioners 16-17): "Key message: What to do if you are worried that a
    child is being abused (1 of 2)" and "(2 of 2)", two half-empty slides, the second's notes "Carry on from
    the last slide: Child in immediate danger? ..."."""
    for cid, (_, slides) in local.items():
        titles = [t for t, _, _ in _texts(slides)]
        assert not [t for t in titles if t.startswith("Key message: What to do if you are worried") and " of " in t], cid
        for _, _, notes in _texts(slides):
            assert "Carry on from the last slide: Child in immediate danger" not in notes, cid
    _, slides = local["caf-trainers"]
    worried = next(body for t, body, _ in _texts(slides) if t.startswith("Key message: What to do if you are worried"))
    assert "Child in immediate danger? Call the police" in worried and "01632 960 000" in worried


def test_no_exercise_task_slide_holds_only_a_bullet_or_two(local):
    """caf-trainers 81: "Exercise: Teach-back: delivering a section: your task" held two bullets, the rest on
    82 "What to do (continued)". The task and its questions now share one slide where they fit it."""
    for cid, (_, slides) in local.items():
        for slide in slides:
            if "your task" in _title(slide):
                assert len(_paras(slide)) >= 3, (cid, _title(slide), _paras(slide))
    plan, slides = local["caf-trainers"]
    teach = [s for s in slides if _title(s).startswith("Exercise: Teach-back: delivering a section \u2013 your task")]
    assert len(teach) == 1
    exercise = next(e.exercise for s in plan.sections for mp in s.modules for e in mp.exercises
                    if e.exercise is not None and e.exercise.title.startswith("Teach-back"))
    assert all(line in _paras(teach[0]) for line in (*exercise.instructions, *exercise.questions))


def test_a_modules_objectives_are_not_repeated_by_the_slide_after_them(local):
    """caf-trainers 67-68: the objectives, then "Aims of this train-the-trainer module" with the same five
    points in other words."""
    for cid, (_, slides) in local.items():
        for i, slide in enumerate(slides[:-1]):
            if _title(slide).endswith(": objectives"):
                objectives = {w for p in _paras(slide)[1:] for w in re.findall(r"[a-z]{5,}", p.lower())}
                # A point says an objective again when most of its longer words are the objectives' own.
                again = [point for point in _paras(slides[i + 1])
                         if (words := set(re.findall(r"[a-z]{5,}", point.lower())))
                         and 2 * len(words & objectives) >= len(words)]
                assert len(again) < 3, (cid, _title(slides[i + 1]), again)


def test_the_senior_managers_slides_say_what_they_show_and_name_the_2006_guides(local):
    """iw-senior-managers: slide 23's costs under a "Benefits" title; slides 29 and 43 "Managers' guides on
    information sharing, ..." (in 2006 information sharing had a practitioners' guide only; the CAF and the
    lead professional had managers' guides, as Appendix 3 lists them), and 43 repeating 29's addresses."""
    _, slides = local["iw-senior-managers"]
    texts = _texts(slides)
    assert any(t == "The cost of not joining up" and "Repeat referrals" in body for t, body, _ in texts)
    assert any("Information sharing practitioners' guide; CAF and lead professional managers' guides" in body
               for _, body, _ in texts)
    urls = [set(re.findall(r"www\.[\w./-]+", body)) for _, body, _ in texts]
    for i, shown in enumerate(urls):
        for later in urls[i + 1:]:
            assert not (shown & later), shown & later  # each address on one slide only
    for cid, (_, slides) in local.items():
        for _, body, notes in _texts(slides):
            assert "managers' guides on information sharing" not in f"{body} {notes}".lower(), cid
            assert "guides for information sharing" not in f"{body} {notes}".lower(), cid


def test_notes_are_what_a_trainer_says_aloud(local):
    """iw-practitioners: notes that read as alt text ("The picture, “The CAF in three steps”, shows 3 steps
    in order: 1. Preparation (...)"), a pointer to training "in the sources of information" that lists none,
    "Name each module" in a course of one module; the senior managers' "in 2006 it is still being developed"."""
    for cid, (plan, slides) in local.items():
        for title, body, notes in _texts(slides):
            assert not re.search(r"shows \d+ (steps|zones|stages) in order", notes), (cid, title)
            assert "in the sources of information." not in notes, (cid, title)
            assert "in 2006 it is still being developed" not in f"{body} {notes}", (cid, title)
        covers = next(n for t, _, n in _texts(slides) if t == "What this course covers")
        assert covers.startswith("Name the module " if len(plan.modules) == 1 else "Name each module"), cid
    _, slides = local["iw-practitioners"]
    steps = next(n for t, _, n in _texts(slides) if t == "The CAF in three steps")
    assert "Preparation: talk to the child and family; find out who else is involved" in steps
    index = next(n for t, _, n in _texts(slides) if t == "Information Sharing Index: in brief")
    assert "ask the local training contact" in index


def test_the_2006_wording_on_slides(local, decks):
    """iw-practitioners: slide 9 "at risk of harm" (the Children Act 1989's threshold is significant harm);
    slide 8 titled "...outcomes and targets" over the five outcomes alone; "co-ordinates" beside "Coordinates"."""
    _, slides = local["iw-practitioners"]
    texts = _texts(slides)
    assert any("children in need and at risk of significant harm" in body for _, body, _ in texts)
    assert not any(re.search(r"at risk of harm", body) for _, body, _ in texts)
    assert "The five Every Child Matters outcomes" in [t for t, _, _ in texts]
    for cid, data in decks.items():  # the master decks: no local names ("CAF Coordinator" is Northmoor's role)
        for title, body, notes in _texts(list(Presentation(io.BytesIO(data)).slides)):
            assert not re.search(r"\b[cC]oordinat", f"{title} {body} {notes}"), (cid, title)


def test_kyles_step_3_says_what_advice_was_given_and_step_2_gives_the_law(local):
    """caf-trainers: the role cards reveal Kyle, 11, minding Ellie, 4, in the evenings; step 3 stated the plan
    with no word of the advice step 2 asks for, and step 2's good answers gave no law on leaving a child in
    the care of someone under 16. The advice is the trainer's to say at step 3, in the notes: the handouts
    are stapled, step 3 follows step 2 in them, and a printed line on evening care would tell the practitioner
    what Nicola's role card holds before the role play."""
    _, slides = local["caf-trainers"]
    texts = _texts(slides)
    step3 = [(body, notes) for t, body, notes in texts if t.startswith("Exercise: Kyle's family, step 3: delivery")]
    advice = "on the designated person's advice, an adult will be with both children whenever Nicola works"
    assert any(advice in notes for _, notes in step3)
    assert not any("an adult will be with both children" in body or "evening childcare" in body for body, _ in step3)
    step2 = " ".join(notes for t, _, notes in texts if t.startswith("Exercise: Kyle's family, step 2"))
    assert "Children and Young Persons Act 1933" in step2 and "NSPCC" in step2


def test_three_or_more_processes_in_brief_end_on_a_pairs_question_in_their_own_time(local):
    """iw-practitioners 27-30: the associated processes in brief, 35 minutes after the break, were four slides
    of talk. They end on one pairs question, with its set-up and what to listen for; its minutes come from
    the in-brief slides before it, so the segments still add up to the section's time."""
    found = 0
    for cid, (plan, slides) in local.items():
        section = next((s for s in plan.sections if s.awareness), None)
        if section is None:
            continue
        texts = _texts(slides)
        briefs = [i for i, (t, _, _) in enumerate(texts) if t.endswith(": in brief")]
        activity = [i for i, (t, _, _) in enumerate(texts) if t == plan.guide_text["deck.activity_title"][0]]
        if len(section.awareness) < 3:
            assert not activity, cid
            continue
        found += 1
        assert activity == [briefs[-1] + 1], (cid, activity, briefs)
        notes = texts[activity[0]][2]
        assert notes.startswith("Set-up: ") and "Listen for: " in notes, cid
        minutes = [int(m) for i in (*briefs, activity[0]) for m in re.findall(r"Timing: (\d+) min", texts[i][2])]
        assert sum(minutes) == section.minutes == sum(a.minutes for a in section.awareness), (cid, minutes)
        assert "or the IS Index?" in texts[activity[0]][1], cid
    assert found == 2  # the practitioners' and the advisors' introductions to integrated working


def test_an_exercise_named_with_a_colon_joins_its_part_with_a_dash(local):
    """The re-review: "Kyle's family, step 2: the discussion: your task" had three colons."""
    _, slides = local["caf-trainers"]
    titles = [_title(s) for s in slides]
    assert "Exercise: Kyle's family, step 2: the discussion \u2013 your task" in titles
    assert not [t for t in titles if t.count(":") > 2], titles
