"""trainer-guide.docx: reopened with python-docx for every course; LibreOffice converts one."""
from __future__ import annotations

import io
import re

import attrs
import pytest
from artefact_text import artefact_text
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from iwpacks.model import Exercise, FrozenMap, Material
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._guide_spec import SESSION_PLAN_HEADER
from iwpacks.renderers._words import tidy_punctuation
from iwpacks.renderers.trainer_guide import KIND, TrainerGuideRenderer


@pytest.fixture(scope="session")
def planted_plan(programme):
    """iw-practitioners with one exercise whose every part is marked, to follow where each part goes."""
    iw01 = programme.modules["IW01"]
    exercise = Exercise(id="planted", title="Planted exercise", kind="role-play", topic=1, minutes=10,
                        group_size="3", scenario="Planted scenario text.", instructions=("Planted instruction.",),
                        questions=("Planted question one?", "Planted question two?"),
                        facilitation=("Planted answer that only the trainer sees.",))
    material = Material(status="draft-core-material", review_note="Planted review note.", topics=iw01.topics,
                        exercises=(exercise,))
    modules = FrozenMap({**programme.modules, "IW01": attrs.evolve(iw01, material=material)})
    return plan_course(attrs.evolve(programme, modules=modules), "iw-practitioners")


def open_doc(data: bytes):
    return Document(io.BytesIO(data))


def minutes_of(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _without_slides(heading: str) -> str:
    """A guide heading without the deck's slide numbers it ends with ("... (slides 19-20)")."""
    return re.sub(r" \(slides? \d+(-\d+)?\)$", "", heading)


def session_plan_rows(doc) -> list[list[str]]:
    """Each row as [day, start, end, minutes, activity]; a one-day plan has no Day column, so day is "1"."""
    headers = (SESSION_PLAN_HEADER, SESSION_PLAN_HEADER[1:])
    tables = [t for t in doc.tables if tuple(c.text for c in t.rows[0].cells) in headers]
    assert len(tables) == 1
    rows = [[c.text for c in row.cells] for row in tables[0].rows[1:]]
    if len(tables[0].rows[0].cells) == len(SESSION_PLAN_HEADER) - 1:
        rows = [["1", *row] for row in rows]
    return [[day, *time.split("\u2013"), minutes, label] for day, time, minutes, label in rows]


def test_every_learning_objective_appears_verbatim(guides, plans):
    """In the strategy's words; the guide tidies a doubled full stop ("own context.."), as attendees' texts do."""
    for cid, data in guides.items():
        text = artefact_text(data, ".docx")
        for module in plans[cid].modules:
            for objective in module.objectives:
                assert " ".join(tidy_punctuation(objective).split()) in text, (cid, module.ref, objective)


def test_session_plan_adds_up_and_its_clock_runs_on(guides, plans):
    for cid, data in guides.items():
        rows = session_plan_rows(open_doc(data))
        assert len(rows) == len(plans[cid].timetable.rows), cid
        taught = 0
        for day, start, end, minutes, label in rows:
            assert minutes_of(end) - minutes_of(start) == int(minutes), (cid, label)
            if label not in ("Break", "Lunch"):
                taught += int(minutes)
        assert taught == plans[cid].planned_minutes, cid
        for before, after in zip(rows, rows[1:]):
            if before[0] == after[0]:
                assert before[2] == after[1], (cid, before, after)  # a row starts when the one before ends
            else:
                assert after[1] == "09:00" and int(after[0]) == int(before[0]) + 1, (cid, after)
        assert rows[0][:2] == ["1", "09:00"], cid  # content's training day starts at 09:00


def test_the_session_plan_has_a_day_column_only_for_a_course_of_several_days(guides, plans):
    """The review: a Day and a Session column that said "1" on every row; headers wrapped as "Sessio n"."""
    for cid, data in guides.items():
        headers = [tuple(c.text for c in t.rows[0].cells) for t in open_doc(data).tables]
        expected = SESSION_PLAN_HEADER if plans[cid].timetable.days > 1 else SESSION_PLAN_HEADER[1:]
        assert expected in headers, cid


def test_breaks_and_lunch_are_in_the_plan_of_a_long_course(guides):
    labels = [row[4] for row in session_plan_rows(open_doc(guides["caf-trainers"]))]
    assert "Break" in labels and "Lunch" in labels


def test_headings_never_skip_a_level(guides):
    for cid, data in guides.items():
        last = 0
        for paragraph in open_doc(data).paragraphs:
            name = paragraph.style.name
            if name.startswith("Heading "):
                level = int(name.split()[1])
                assert level <= last + 1, (cid, paragraph.text)
                last = level
        assert last, cid


def test_every_table_has_a_repeating_header_row(guides):
    for cid, data in guides.items():
        for table in open_doc(data).tables:
            tr_pr = table.rows[0]._tr.trPr
            assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None, (cid, table.rows[0].cells[0].text)


def test_properties_logo_and_no_junk(guides, plans):
    for cid, data in guides.items():
        doc = open_doc(data)
        assert doc.core_properties.title.startswith(plans[cid].course.title), cid
        assert doc.core_properties.language == "en-GB"
        pictures = list(doc.element.body.iter(qn("wp:docPr")))
        assert pictures and all(p.get("descr") for p in pictures), cid
        text = artefact_text(data, ".docx")
        for junk in ("None", "{{", "TODO", "lorem"):
            assert junk not in text, (cid, junk)


def test_train_the_trainer_guides_have_the_follow_up_plan_and_call_log(guides, plans):
    assert plans["is-trainers"].is_train_the_trainer and plans["caf-trainers"].is_train_the_trainer
    assert not plans["iw-practitioners"].is_train_the_trainer
    for cid, data in guides.items():
        doc = open_doc(data)
        headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
        header = plans[cid].guide_text["follow_up.call_log_header"]
        logs = [t for t in doc.tables if tuple(c.text for c in t.rows[0].cells) == header]
        expected = plans[cid].is_train_the_trainer
        assert ("Follow-up plan" in headings) == expected == bool(logs), cid
        if expected:
            assert len(logs[0].rows) > 10
            assert "two weeks after the course" in artefact_text(data, ".docx")


def test_delivery_principles_are_instructions(guides, plans, programme):
    text = artefact_text(guides["iw-practitioners"], ".docx")
    for principle in programme.delivery_principles.values():
        shown = principle.applies_to != "train-the-trainer"
        assert (principle.seed_text in text) == shown, principle.id
        if shown and principle.instruction:
            assert principle.instruction in text


def test_facilitation_notes_cover_each_written_exercise(guides, plans):
    from iwpacks.renderers._words import as_on_slides

    for cid, data in guides.items():
        text = artefact_text(data, ".docx")
        for item in plans[cid].exercises:
            assert item.title in text, (cid, item.title)
            if item.exercise is not None:
                e = item.exercise
                for point in (*e.facilitation, e.setup, *e.timing, *e.listen_for, *e.debrief):
                    # a topic it quotes is named as its slide is
                    assert " ".join(as_on_slides(plans[cid], point).split()) in text, (cid, point)


def test_each_exercise_sits_in_the_guide_right_after_its_topic(guides, plans):
    doc = open_doc(guides["caf-practitioners"])
    headings = [_without_slides(p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    at = headings.index("Exercise: Kyle's family, step 1: preparation")
    assert headings[at - 1] == "4. The three key steps: preparation, discussion, delivery"  # as its slide
    assert headings[at + 1:at + 3] == ["Timing", "Scenario"]


def test_a_planted_exercise_and_review_note_land_where_they_belong(planted_plan, brand):
    doc = open_doc(TrainerGuideRenderer().render(planted_plan, brand))
    texts = [p.text for p in doc.paragraphs]
    cover = " ".join(texts[:texts.index("Course specification")])
    cover += " ".join(c.text for t in doc.tables[:1] for row in t.rows for c in row.cells)
    assert "Planted review note." in cover  # issue 4: the material's status and review note on the cover
    body = " ".join(texts)
    for part in ("Planted scenario text.", "Planted instruction.", "Planted question two?",
                 "Planted answer that only the trainer sees."):
        assert part in body, part
    assert texts.index("What good answers cover") < texts.index("Planted answer that only the trainer sees.")


def test_specification_facts_and_materials_checklist(guides, plans):
    text = artefact_text(guides["caf-trainers"], ".docx")
    for heading in ("Course content", "Learning objectives", "Timings", "Target audience", "Delivery",
                    "Prerequisites and entry requirements", "Development responsibility"):
        assert heading in text
    for file in ("deck.pptx", "handouts.docx", "course-specification.pdf", "course-outline.pdf",
                 "trainer-guide.docx"):
        assert file in text


def _printing_list(guide: bytes, header: list[str]) -> dict[str, str]:
    """The guide's printing list as {file: copies}: each file's own row, the first that names it (the role
    cards' rows after it name the guide that holds them)."""
    doc = open_doc(guide)
    grid = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == header)
    listed: dict[str, str] = {}
    for row in grid.rows[1:]:
        if row.cells[1].text:
            listed.setdefault(row.cells[1].text, row.cells[3].text)
    return listed


@pytest.mark.parametrize("cid", ["caf-trainers", "iw-practitioners"])
def test_the_printing_list_names_every_file_of_the_pack_with_copies_for_the_group(cid, programme, brand):
    from iwpacks.pack.build import render_course

    files = render_course(programme, brand, cid, group_size=24)
    header = list(programme.guide_text["materials.header"])
    listed = _printing_list(files["trainer-guide.docx"], header)
    assert set(listed) == set(files)  # every file of the pack, and no file it does not hold
    days = plan_course(programme, cid).timetable.days
    assert listed["handouts.docx"] == "26"  # one each and two spares
    assert listed["evaluation-form.docx"] == listed["certificate.pdf"] == "26"
    assert listed["attendance-register.docx"] == str(days)
    assert listed["trainer-guide.docx"] == "1 per trainer" and listed["deck.pptx"] == "0"  # projected
    assert listed["knowledge-check.docx"] == listed["glossary.docx"] == "26"
    intro = "for 24 attendees over " + plan_course(programme, cid).timetable.span
    assert intro in artefact_text(files["trainer-guide.docx"], ".docx")


def test_the_printing_list_counts_twenty_unless_told_and_as_many_as_are_named(programme, brand):
    from iwpacks.pack.build import render_course

    header = list(programme.guide_text["materials.header"])
    plain = render_course(programme, brand, "is-advisors", ["trainer-guide"])
    assert _printing_list(plain["trainer-guide.docx"], header)["action-plan.docx"] == "22"
    named = render_course(programme, brand, "is-advisors", ["trainer-guide"], attendees=["A", "B", "C"])
    assert _printing_list(named["trainer-guide.docx"], header)["action-plan.docx"] == "5"


def test_every_local_slot_is_listed_and_styled_as_a_placeholder(guides, plans, programme, brand):
    for cid, data in guides.items():
        doc = open_doc(data)
        table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Local fact")
        listed = [row.cells[2].text for row in table.rows[1:]]
        assert listed == [programme.slots[s].description for s in plans[cid].slots_used], cid
        placeholders = [r for p in doc.paragraphs for r in p.runs if r.text.startswith("Your LA adds:")]
        assert placeholders and all(r.style.name == "Placeholder" for r in placeholders), cid
    assert doc.styles["Placeholder"].font.color.rgb == brand.rgb("accent")  # type: ignore[comparison-overlap]


def test_pending_course_says_draft_on_the_cover_and_every_page(programme, brand):
    doc = open_doc(TrainerGuideRenderer().render(plan_course(programme, "isi-practitioners"), brand))
    assert doc.sections[0].header.paragraphs[0].text.startswith("DRAFT")
    assert not doc.sections[0].different_first_page_header_footer
    assert any(p.text.startswith("DRAFT") for p in doc.paragraphs[:12])


def test_the_renderer_is_registered():
    from iwpacks.renderers import renderers

    assert isinstance(renderers()["trainer-guide"], TrainerGuideRenderer)


def test_two_renders_are_byte_identical(plans, brand, guides):
    assert TrainerGuideRenderer().render(plans["caf-trainers"], brand) == guides["caf-trainers"]


@pytest.mark.office
def test_libreoffice_converts_the_guide(guides, tmp_path):
    from iwpacks.pack.office import to_pdf

    source = tmp_path / "trainer-guide.docx"
    source.write_bytes(guides["caf-trainers"])
    pdf = to_pdf([source], tmp_path / "pdf")[source]
    pages = PdfReader(str(pdf)).pages
    assert len(pages) > 5
    # No page that holds only the running footer (a table that filled a page used to push one out).
    blank = [i + 1 for i, page in enumerate(pages) if len(page.extract_text().split()) <= 16]
    assert not blank


def _breaks_before(paragraph) -> bool:
    """Whether a paragraph starts a new page: its own setting, else its style's (Heading 1 does, in the template)."""
    own = paragraph.paragraph_format.page_break_before
    return paragraph.style.paragraph_format.page_break_before if own is None else own


def test_only_the_first_chapter_starts_a_new_page(guides):
    """The review: a session plan two lines longer than its page, then a chapter on a new page, left a page
    holding just those two lines. Chapters now follow on, each heading kept with its intro."""
    for cid, data in guides.items():
        paragraphs = open_doc(data).paragraphs
        chapters = [p for p in paragraphs if p.style.name == "Heading 1"]
        assert chapters[0].text == "Course specification"
        # In the policy team's draft the contents line opens the first chapter's page, kept with its heading.
        before = paragraphs[[p._p for p in paragraphs].index(chapters[0]._p) - 1]
        opens = _breaks_before(chapters[0]) or before.text.startswith("Contents: ") and _breaks_before(before)
        assert [opens] + [_breaks_before(p) for p in chapters[1:]] == [True] + [False] * (len(chapters) - 1), cid
        assert all(p.paragraph_format.space_before for p in chapters[1:]), cid


# Words of a page's body, its footer left out.
STUB_WORDS = 90    # a page between the cover and the last holds at least this many, but for a form to copy
LAST_WORDS = 80    # the last page: a list's last rows together, never two alone


@pytest.fixture(scope="module")
def guide_pages(programme, brand, tmp_path_factory):
    """The text of each page of every course's release guide in every example LA, as LibreOffice lays it out,
    with the guide's chapter headings (one LibreOffice run for them all)."""
    from iwpacks.overlay.layers import apply_overlay, load_overlay
    from iwpacks.pack.office import to_pdf
    from tests.paths import EXAMPLES

    folder = tmp_path_factory.mktemp("guides")
    sources, chapters = {}, {}
    for la in sorted(p.name for p in EXAMPLES.iterdir() if (p / "overlay.yaml").is_file()):
        local = apply_overlay(programme, load_overlay(programme, la))
        for cid, course in local.courses.items():
            if course.is_pending:
                continue
            data = TrainerGuideRenderer().render(plan_course(local, cid, release=True), brand)
            sources[(la, cid)] = folder / f"{la}-{cid}.docx"
            sources[(la, cid)].write_bytes(data)
            chapters[(la, cid)] = [p.text for p in open_doc(data).paragraphs if p.style.name == "Heading 1"]
    pdfs = to_pdf(list(sources.values()), folder / "pdf")
    return {key: ([page.extract_text() for page in PdfReader(str(pdfs[path])).pages], chapters[key])
            for key, path in sources.items()}


def _body(text: str) -> str:
    """A page's text without its footer: the running title (on one line or two) and "Page n of m"."""
    lines = text.splitlines()
    if lines and re.search(r"Page \d+ of \d+$", lines[-1]):
        two = lines[-1].startswith(KIND) and len(lines) > 1  # the course title on the line above
        lines = lines[:-2] if two else lines[:-1]
    return "\n".join(lines)


def _words_after(text: str, heading: str) -> int | None:
    """The words on a page after the line that is `heading`, or None where no line of the page is it."""
    lines = text.splitlines()
    at = [n for n, line in enumerate(lines) if line.strip() == heading]
    return len(" ".join(lines[at[-1] + 1:]).split()) if at else None


def stub_pages(pages: list[str], chapters: list[str], form: str) -> list[str]:
    """Pages a reader would call stubs: a near-empty page (but a form to copy holding only itself: the call log
    with no chapter starting below it) and a last page of a line or two."""
    found = []
    for n, page in enumerate(pages[1:], start=2):
        text = _body(page)
        words = len(text.split())
        is_form = text.lstrip().startswith(form) and not any(_words_after(text, c) is not None for c in chapters)
        if n < len(pages) and words < STUB_WORDS and not is_form:
            found.append(f"page {n}: {words} words")
        if n == len(pages) and words < LAST_WORDS:
            found.append(f"last page {n}: {words} words")
    return found


def test_the_stub_check_finds_a_chapter_heading_alone_at_a_pages_foot():
    """The review's stub: the call log, then "Materials and printing list" with its four room items, the list
    itself overleaf. And a last page holding two rows of a table."""
    chapters = ["Follow-up plan", "Materials and printing list"]
    words = " ".join(["word"] * 120)
    page = "Call log\nOne line per call.\nMaterials and printing list\nIn the room\nA projector and screen.\n"
    assert stub_pages(["cover", words, page, words], chapters, "Call log") == ["page 3: 17 words"]
    full = page + words  # the room items and the printing list's start on the same page: no stub
    assert stub_pages(["cover", words, full, words], chapters, "Call log") == []
    assert stub_pages(["cover", words, "Call log\nAttendee Date", words], chapters, "Call log") == []
    assert stub_pages(["cover", words, "Material File\nReference two rows"], chapters, "Call log") == [
        "last page 3: 5 words"]


@pytest.mark.office
def test_no_guide_of_any_course_in_any_example_la_has_a_stub_page(guide_pages, programme):
    """The review: pages holding only a heading and a line or two before a page break. Every course's guide, in
    each example LA's pack (Eastbrook's shorter day lays its session plan out otherwise): no near-empty page
    but the call log (a form of empty rows to copy, on a page of its own), no last page of a line or two, and
    no chapter starting at a page's foot with a line or two before its text goes on overleaf."""
    form = programme.guide_text["follow_up.call_log"][0]
    assert len(guide_pages) >= 30
    found = {key: stubs for key, (pages, chapters) in guide_pages.items()
             if (stubs := stub_pages(pages, chapters, form))}
    assert found == {}


def test_the_running_title_fits_beside_the_page_number():
    """The review: "The Common Assessment Framework… · Check your knowledge: answers (trainer copy)" cut the title
    short. A title and kind too long for one line beside the page number now take two: the title whole, then
    the kind, beside the number."""
    from iwpacks.renderers._docx import FOOTER_CHARS, running_title

    title = "The Common Assessment Framework for IS officers, professional advisors and mediated access contacts"
    long = running_title(title, "Delivery and trainer guide")
    assert long == f"{title}\nDelivery and trainer guide"
    answers = running_title("The Common Assessment Framework for trainers",
                            "Check your knowledge: answers (trainer copy)")
    assert answers == "The Common Assessment Framework for trainers\nCheck your knowledge: answers (trainer copy)"
    assert all(len(line) <= FOOTER_CHARS for line in answers.split("\n"))
    assert running_title("Integrated working for practitioners", "Handouts") == \
        "Integrated working for practitioners \u00b7 Handouts"


def test_the_guides_own_words_come_from_content(plans, brand, programme):
    """Edit one of the guide's texts in content and the guide says it; the values filled in stay literal."""
    import attrs

    from iwpacks.planning.plan import plan_course

    words = dict(programme.guide_text)
    words["facilitation.awareness_note"] = ("Two minutes at most on {{this}}.",)
    words["exercises.heading"] = ("Activity \u2014 {title}",)
    edited = attrs.evolve(programme, guide_text=words)
    text = artefact_text(TrainerGuideRenderer().render(plan_course(edited, "caf-practitioners"), brand), ".docx")
    assert "Two minutes at most on {this}." in text
    assert text.count("Activity \u2014 ") == len(plans["caf-practitioners"].exercises)


def test_the_guide_follows_the_decks_order(guides):
    """The review: the guide put a section's own messages before its module, the deck after it; and then after
    the module's closing topic on sources, where the deck says it just before that topic."""
    doc = open_doc(guides["iw-practitioners"])
    headings = [_without_slides(p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    # IW01's topics weave in every message but one; the one no topic raises comes before its closing topic.
    message = headings.index("Key message: Record information well")
    assert headings.index("IW01 Introduction to Integrated Working") < message
    assert message + 1 == headings.index("7. References to other sources of information")


def test_a_messages_standard_wording_is_printed_once(guides, programme):
    """The review: each standard message was printed in its box, then again word for word in the notes."""
    doc = open_doc(guides["caf-practitioners"])
    paragraphs = [" ".join(p.text.split()) for p in doc.paragraphs]
    for message in (programme.common_messages[m] for m in ("duties", "benefits")):
        first = message.wording.split(". ")[0]
        assert sum(first in p for p in paragraphs) == 1, message.id


def test_the_guide_gives_the_deck_slides_of_each_topic_exercise_and_message(guides, decks):
    """The review: the facilitation notes never said which slides they go with."""
    import io
    import re

    from pptx import Presentation

    pattern = re.compile(r"\((?:slides? )(\d+)(?:-(\d+))?\)$|\u00b7 slides? (\d+)(?:-(\d+))?$")
    for cid, data in guides.items():
        slides = list(Presentation(io.BytesIO(decks[cid])).slides)
        titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in slides]
        # The whole slide's words: the sources' pointer is a line of the recap's last slide, not a slide's title.
        words = [" ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in slides]
        found = 0
        for paragraph in open_doc(data).paragraphs:
            match = pattern.search(paragraph.text)
            if not match:
                continue
            found += 1
            first = int(match.group(1) or match.group(3))
            title = titles[first - 1]
            if paragraph.text.startswith("Exercise: "):
                name = paragraph.text.removeprefix("Exercise: ").split(" (")[0][:20]
                assert title.startswith(f"Exercise: {name}"), (cid, paragraph.text, title)
            elif paragraph.style.name.startswith("Heading"):  # a common message: its slide carries its title
                assert paragraph.text.split(" (slide")[0][:30] in words[first - 1], (cid, paragraph.text, title)
        assert found >= 5, cid


def test_the_guide_has_a_preparation_timeline_with_the_follow_up_call_for_trainers_courses(guides, plans, programme):
    """Issue 13: what to do four weeks, two weeks and the day before, on the day and after."""
    words = programme.guide_text
    for cid, data in guides.items():
        doc = open_doc(data)
        headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
        at = headings.index(words["preparation.heading"][0])
        assert headings[at + 1:at + 6] == [words[f"preparation.{w}_heading"][0] for w in
                                           ("four_weeks", "two_weeks", "day_before", "on_the_day", "after")], cid
        text = artefact_text(data, ".docx")
        assert (words["preparation.after_train_the_trainer"][0] in text) == plans[cid].is_train_the_trainer, cid


def test_the_cover_gives_the_length_as_a_booking_would(guides, plans):
    """'2 h 30 min of training, in 1 session over half a day' read oddly, and so did 'in 4 sessions over 2 days'
    (the third review): the cover gives the days and the breaks in each."""
    half = artefact_text(guides["iw-practitioners"], ".docx")
    assert "2 h 15 min of training over half a day, with a break" in half and "session" not in half.split("Total")[1][:80]
    assert "12 h 30 min of training over 2 days, each with lunch and 2 breaks" in artefact_text(
        guides["caf-trainers"], ".docx")


def test_the_topics_a_session_plan_row_names_are_numbered_where_the_guide_lists_them(guides, plans):
    """The review: the session plan said "topics 1-2", but no list of topics was numbered."""
    from iwpacks.planning.plan import TopicStep

    doc = Document(io.BytesIO(guides["caf-trainers"]))
    topics = [mp for s in plans["caf-trainers"].sections for mp in s.modules if mp.module.ref == "CAF02"][0].steps
    headings = [_without_slides(p.text) for p in doc.paragraphs if p.style.name == "Heading 4"]
    for step in (t for t in topics if isinstance(t, TopicStep)):
        assert f"{step.number}. {step.topic.slide_title or step.topic.title}" in headings, step.topic.title
    rows = [r.cells[3].text for t in doc.tables for r in t.rows if len(r.cells) == 4]
    # The row the review read as "topics 1-2" names them, numbered as the notes' headings are.
    assert any(r.startswith("CAF02 Using the CAF in Practice: 1. The potential impact of the CAF; 2. Enabling the "
                            "CAF process locally; 3. Deciding when a CAF would be helpful; 4. ") for r in rows), rows
    # The course content lists each module's topics as a numbered list, in the module's order.
    paragraphs = doc.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 3" and p.text.startswith("CAF02 "))
    listed = paragraphs[at + 1:at + 15]
    assert all(p.style.name == "List Number" for p in listed), [p.style.name for p in listed]
    # Each with the deck's slide number for it, where the trainer finds it (slide numbers, not slide titles).
    assert re.fullmatch(r"The potential impact of the CAF \(slide \d+\)", listed[0].text), listed[0].text
    assert re.fullmatch(r"Enabling the CAF process locally \(slides \d+-\d+\)", listed[1].text), listed[1].text


def _slides_cited(text: str) -> list[int]:
    """The deck slides a guide paragraph names: "(slides 25-27)", "· slide 25"."""
    match = re.search(r"slides? (\d+)(?:-(\d+))?\)?$", text)
    return [] if match is None else [int(n) for n in match.groups() if n]


def test_a_multi_day_guide_closes_each_day_and_opens_the_next_where_the_deck_does(guides, decks, plans, programme):
    """The review: nothing in the guide for the end of day 1 or the welcome back on day 2. Each later day now
    has both, in the running order at the deck's welcome-back slide, with the session plan's times."""
    from pptx import Presentation

    words = programme.guide_text
    several = [cid for cid, plan in plans.items() if plan.timetable.days > 1]
    assert {"caf-trainers", "is-advisors", "is-trainers", "caf-practitioners"} <= set(several)
    for cid in several:
        rows = session_plan_rows(open_doc(guides[cid]))
        titles = [s.shapes.title.text if s.shapes.title is not None else ""
                  for s in Presentation(io.BytesIO(decks[cid])).slides]
        notes = open_doc(guides[cid]).paragraphs
        for day in range(2, plans[cid].timetable.days + 1):
            texts = [p.text for p in notes]
            close = texts.index(words["facilitation.day_close_heading"][0].format(day=day - 1))
            welcome = texts.index(words["facilitation.day_welcome_heading"][0].format(day=day))
            assert notes[close].style.name == notes[welcome].style.name and notes[close].style.name.startswith(
                "Heading"), cid
            closing = texts[close:welcome]
            assert any(t.startswith("Open a car park") for t in closing), cid
            last_of_day = [r for r in rows if r[0] == str(day - 1)][-1][2]
            assert f"before {last_of_day}:" in texts[close + 1], cid
            welcome_row = next(r for r in rows if r[0] == str(day))
            slide = _slides_cited(texts[welcome + 1])[0]
            assert texts[welcome + 1] == f"Time: {welcome_row[3]} min \u00b7 slide {slide}", cid
            assert titles[slide - 1] == f"Day {day}: welcome back", cid
            # In the deck's order: every slide the guide cites before the close comes before the welcome slide,
            # every one after the welcome back comes after it.
            notes_start = texts.index(words["facilitation.heading"][0])  # the specification cites every slide
            before = [n for t in texts[notes_start:close] for n in _slides_cited(t)]
            after = [n for t in texts[welcome + 2:] for n in _slides_cited(t)]
            assert max(before) < slide < min(after), cid
            names = [f"{mp.module.ref} {mp.module.name}" for s in plans[cid].sections for mp in s.modules]
            taught = {n for r in rows if r[0] == str(day) for n in names if r[4].startswith(n)}
            plan_line = next(t for t in texts[welcome:] if t.startswith("Give today's plan"))
            assert taught and all(n in plan_line for n in taught), (cid, taught, plan_line)
    one_day = next(cid for cid, plan in plans.items() if plan.timetable.days == 1)
    assert "car park" not in artefact_text(guides[one_day], ".docx")


def test_a_key_message_closing_a_module_at_the_days_end_comes_before_the_day_turn_in_the_guide(guides):
    """is-advisors: the key message that closes IS02 is said at the end of day 1, straight after IS02; the
    guide's day turn (the close of day 1, then the welcome back) follows it."""
    headings = [p.text for p in Document(io.BytesIO(guides["is-advisors"])).paragraphs
                if p.style is not None and p.style.name.startswith("Heading")]
    at = next(i for i, h in enumerate(headings) if h.startswith("Use resources from your own service"))
    welcome = headings.index("Day 2: welcome back")
    assert at < welcome and not any(h.startswith("IS03") for h in headings[at:welcome]), headings[at:welcome + 1]


def test_the_guide_gives_the_advisors_slide_where_the_deck_shows_it(guides, programme):
    slide = programme.audiences["advisors"].slides[0]
    text = artefact_text(guides["is-advisors"], ".docx")
    topic = text.index("1. Information sharing as part of integrated working")  # IS01's topic headings
    assert topic < text.index(slide.title, topic) < text.index("2. Information sharing policy and practice", topic)
    assert slide.notes in text
    assert slide.title not in artefact_text(guides["is-practitioners"], ".docx")


def _run_tables(doc) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """Each "Minutes | What to do" table by the topic heading above it: (its lead-in, its rows)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    found: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    heading, before = "", None
    for element in doc.element.body:
        if element.tag == qn("w:p"):
            paragraph = Paragraph(element, doc)
            if paragraph.style.name == "Heading 4" and re.match(r"\d+\. ", paragraph.text):
                heading = paragraph.text
            before = paragraph
        elif element.tag == qn("w:tbl"):
            grid = Table(element, doc)
            if [c.text for c in grid.rows[0].cells] == ["Minutes", "What to do"]:
                assert before is not None and before.paragraph_format.keep_with_next, heading
                assert all(r.bold for r in before.runs), heading
                assert all(p.paragraph_format.keep_with_next for row in grid.rows[:-1] for cell in row.cells
                           for p in cell.paragraphs), heading  # the whole table on one page
                found[heading] = (before.text, [(r.cells[0].text, r.cells[1].text) for r in grid.rows[1:]])
    return found


def test_a_topic_with_timed_steps_gives_them_under_its_notes_as_a_table(guides, plans):
    from iwpacks.planning.plan import TopicStep

    for cid in ("caf-trainers", "caf-operational-managers", "is-trainers", "iw-admin-staff"):
        tables = _run_tables(open_doc(guides[cid]))
        expected = {}
        for mp in (mp for section in plans[cid].sections for mp in section.modules):
            for step in mp.steps:
                if isinstance(step, TopicStep) and step.topic.run:
                    heading = f"{step.number}. {step.topic.slide_title or step.topic.title}"
                    expected[heading] = ("How to run it", [(str(s.minutes), s.step) for s in step.topic.run])
                    assert sum(int(m) for m, _ in tables[heading][1]) == step.minutes, (cid, heading)
        assert tables == expected, cid
    caf03 = next(m for m in plans["caf-trainers"].modules if m.ref == "CAF03")
    titles = {t.slide_title or t.title for t in caf03.topics}
    assert len([h for h in _run_tables(open_doc(guides["caf-trainers"])) if h.split(". ", 1)[1] in titles]) == 8
    managers = _run_tables(open_doc(guides["caf-operational-managers"]))["8. The CAF assessment groups and elements"]
    assert managers[1][2][1].startswith("Pairs of managers: mark which elements your own service already assesses")


def _northmoor_guide(programme, brand, cid: str) -> bytes:
    from iwpacks.overlay.layers import apply_overlay, load_overlay

    return TrainerGuideRenderer().render(
        plan_course(apply_overlay(programme, load_overlay(programme, "northmoor")), cid, release=True), brand)


def test_the_guide_has_a_contents_list_of_its_chapters_near_the_start(programme, brand, plans):
    """The review: no contents page. A static list (no Word TOC field, which LibreOffice leaves unfilled) of the
    chapters, numbered in order, stands on a trainer's cover, before the first chapter; the policy team's draft,
    whose cover is full, has it as one line at the head of the first chapter's page."""
    doc = open_doc(_northmoor_guide(programme, brand, "caf-trainers"))
    texts = [p.text for p in doc.paragraphs]
    chapters = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert len(chapters) >= 7 and chapters[0] == "Course specification"
    start = texts.index(programme.guide_text["course.contents"][0])
    assert texts[start + 1:start + 1 + len(chapters)] == [f"{n}.\t{c}" for n, c in enumerate(chapters, 1)]
    assert texts.index(chapters[0]) == start + 1 + len(chapters)  # the last thing before the first chapter
    assert not doc.element.body.xpath(".//w:instrText") and not doc.element.body.xpath(".//w:fldSimple")
    draft = open_doc(TrainerGuideRenderer().render(plans["caf-trainers"], brand))
    line = next(p for p in draft.paragraphs if p.text.startswith("Contents: "))
    heading = next(p for p in draft.paragraphs if p.style.name == "Heading 1")
    assert line._p.getnext() is heading._p and line.paragraph_format.page_break_before
    assert "1\u00a0Course specification \u00b7 2\u00a0Session plan" in line.text


@pytest.mark.office
def test_the_contents_list_shows_on_the_cover_of_the_pdf(programme, brand, tmp_path):
    """As LibreOffice lays it out: the contents on page 1, the first chapter opening page 2, no field
    placeholder anywhere."""
    import subprocess

    from iwpacks.pack.office import to_pdf

    for cid in ("caf-trainers", "iw-practitioners"):
        source = tmp_path / f"{cid}.docx"
        source.write_bytes(_northmoor_guide(programme, brand, cid))
        pdf = to_pdf([source], tmp_path / cid)[source]
        pages = subprocess.run(["pdftotext", "-l", "2", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        assert "Contents" in pages[0] and "1. Course specification" in " ".join(pages[0].split()), cid
        assert pages[1].strip().startswith("Course specification"), cid
        assert "update field" not in pages[0].lower() and "table of contents" not in pages[0].lower(), cid


def test_the_guide_says_in_plain_words_who_each_module_is_written_for(programme, brand):
    """The review: "The strategy writes each module for:" read oddly; the words are content's, in plain English."""
    texts = [p.text for p in open_doc(_northmoor_guide(programme, brand, "caf-trainers")).paragraphs]
    lead = programme.guide_text["course.audience_lead"][0]
    assert lead == "Each module is written for:"
    assert lead in texts and not any("The strategy writes each module" in t for t in texts)
    assert texts[texts.index(lead) + 1].startswith("CAF01 Introduction to CAF: ")
