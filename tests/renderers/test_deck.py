"""deck.pptx: reopened with python-pptx for every course; one converted by LibreOffice."""
from __future__ import annotations

import io
import re
import shutil

import pytest
from pptx import Presentation
from pptx.util import Pt
from pypdf import PdfReader

from iwpacks.errors import TemplateError
from iwpacks.pack.office import to_pdf
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._words import objective_item
from iwpacks.renderers.deck import DeckRenderer
from iwpacks.source.brand import load_brand

NO_NOTES_NEEDED = ("Title", "Section", "Closing")


def slides_of(data: bytes):
    return list(Presentation(io.BytesIO(data)).slides)


def slide_text(slide) -> str:
    """A slide's text, its non-breaking spaces (which keep a title's last words together) read as spaces."""
    return " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame).replace("\u00a0", " ")


def title_text(slide) -> str:
    return slide.shapes.title.text.replace("\u00a0", " ")


def test_every_slide_has_a_unique_title_first_in_reading_order(decks):
    for cid, data in decks.items():
        titles = []
        for slide in slides_of(data):
            title = slide.shapes.title
            assert title is not None and title.text_frame.text.strip(), cid
            assert list(slide.shapes)[0].shape_id == title.shape_id
            titles.append(title.text_frame.text)
        assert len(titles) == len(set(titles)), (cid, [t for t in titles if titles.count(t) > 1])


def test_every_content_slide_has_speaker_notes_with_timing_where_it_teaches(decks):
    for cid, data in decks.items():
        for slide in slides_of(data):
            if slide.slide_layout.name in NO_NOTES_NEEDED:
                continue
            notes = slide.notes_slide.notes_text_frame.text
            assert len(notes.split()) >= 8, (cid, slide.shapes.title.text_frame.text)


def test_every_objective_of_every_module_is_in_the_deck(decks, plans):
    for cid, data in decks.items():
        text = " ".join(slide_text(s) for s in slides_of(data))
        for module in plans[cid].modules:
            for objective in module.objectives_read:  # a slide drops the list's "; and" and capitalises
                assert objective_item(objective.replace("..", ".")) in text, (cid, module.ref, objective)


def test_objective_slides_drop_the_strategys_list_punctuation(decks, plans):
    """The review: objectives and recap slides kept the strategy's "; and" endings, which read as a
    list's punctuation on a slide of separate bullets."""
    for cid, plan in plans.items():
        for s in slides_of(decks[cid]):
            title = s.shapes.title.text if s.shapes.title is not None else ""
            if title.endswith(": objectives") or title.startswith("Recap: "):
                body = [p.text for sh in s.shapes if sh.has_text_frame and sh != s.shapes.title
                        for p in sh.text_frame.paragraphs if p.text]
                assert not [t for t in body if t.endswith(("; and", ";"))], (cid, title)


def test_an_objective_the_content_corrects_reads_corrected_on_the_slides(decks, programme):
    """IS02's fifth objective lacks a word in the strategy ("the information key principles")."""
    text = " ".join(slide_text(s) for s in slides_of(decks["is-practitioners"]))
    assert "apply the information sharing key principles" in text
    assert "apply the information key principles" not in text
    assert "information key principles" in programme.modules["IS02"].objectives[4]  # the seed's words are kept


def test_every_common_message_uses_the_one_standard_wording(decks, programme):
    for cid, data in decks.items():
        text = " ".join(slide_text(s) + s.notes_slide.notes_text_frame.text for s in slides_of(data))
        for message in programme.common_messages.values():
            assert message.title in text, (cid, message.id)
            assert (message.points and all(p in text for p in message.points)) or message.wording in text


def test_no_placeholder_junk_and_body_text_at_least_18pt(decks):
    for cid, data in decks.items():
        for slide in slides_of(data):
            for shape in slide.shapes:
                if shape.is_placeholder and shape.has_text_frame:
                    assert shape.text_frame.text.strip(), (cid, shape.name)  # no empty placeholder
                if not shape.has_text_frame:
                    continue
                for bad in ("None", "{{", "TODO", "lorem"):
                    assert bad not in shape.text_frame.text, (cid, bad)
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.size is None or run.font.size >= Pt(18)


def test_template_carries_the_brand_not_the_office_theme(brand):
    prs = Presentation(str(brand.deck_template))
    theme = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob.decode()
    assert 'name="Office Theme"' not in theme and "Calibri" not in theme
    assert brand.colours["primary"] in theme and "Liberation Sans" in theme
    assert [layout.name for layout in prs.slide_layouts] == [
        "Title", "Title and Content", "Section", "Two Content", "Exercise", "Closing"]


def test_master_placeholders_show_in_unfilled_slots(decks):
    text = " ".join(slide_text(s) for s in slides_of(decks["lp-practitioners"]))
    assert "Your LA adds: local safeguarding contacts" in text


def test_pending_course_says_draft_on_every_slide(programme, brand):
    data = DeckRenderer().render(plan_course(programme, "isi-practitioners"), brand)
    for slide in slides_of(data):
        assert "DRAFT" in slide_text(slide)


def test_two_renders_are_byte_identical(plans, brand, decks):
    assert DeckRenderer().render(plans["caf-practitioners"], brand) == decks["caf-practitioners"]


def test_a_missing_layout_is_a_clear_error(plans, brand, tmp_path):
    folder = tmp_path / "brand"
    shutil.copytree(brand.folder, folder)
    prs = Presentation(str(folder / "deck-template.pptx"))
    for layout in prs.slide_layouts:
        if layout.name == "Exercise":
            layout.name = "Activity"
    prs.save(str(folder / "deck-template.pptx"))
    with pytest.raises(TemplateError, match='brand/deck-template.pptx: missing slide layout "Exercise" '
                                            r'\(found: Title, Title and Content, Section, Two Content, Activity'):
        DeckRenderer().render(plans["iw-practitioners"], load_brand(folder))


@pytest.mark.office
def test_libreoffice_opens_the_deck_with_one_page_per_slide(decks, tmp_path):
    for cid in ("caf-practitioners", "iw-senior-managers"):
        path = tmp_path / f"{cid}.pptx"
        path.write_bytes(decks[cid])
        pdf = to_pdf([path], tmp_path / "pdf")[path]
        assert len(PdfReader(str(pdf)).pages) == len(slides_of(decks[cid]))


def test_changing_a_common_message_once_changes_every_deck(tmp_path, brand):
    import iwpacks
    from iwpacks.source.read_content import content_root

    content = tmp_path / "content"
    shutil.copytree(content_root(None), content)
    path = content / "common-messages.yaml"
    old = "Families do not have to tell their story again and again"
    new = "Families tell their story once, to people who listen"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1  # written once, in one file
    path.write_text(text.replace(old, new), encoding="utf-8")
    edited = iwpacks.load_programme(content)
    for cid in ("caf-trainers", "caf-practitioners", "lp-trainers"):  # iw-practitioners says it in IW01's notes
        text = " ".join(slide_text(s) for s in slides_of(DeckRenderer().render(plan_course(edited, cid), brand)))
        assert new in text and old not in text, cid


def _titles_and_notes(data: bytes) -> list[tuple[str, str]]:
    return [(title_text(s), s.notes_slide.notes_text_frame.text) for s in slides_of(data)]


def test_a_long_seed_topic_title_uses_its_short_slide_title_and_keeps_the_words_in_the_notes(decks, programme):
    topic = next(t for t in programme.modules["IW01"].material.topics if t.slide_title)
    slides = _titles_and_notes(decks["iw-practitioners"])
    title, notes = next((t, n) for t, n in slides if t == topic.slide_title)
    assert topic.title in notes and "\u2026" not in title
    for cid, data in decks.items():
        assert not [t for t, _ in _titles_and_notes(data) if t.endswith("\u2026")], cid  # nothing cut short


def test_the_recap_is_one_slide_spoken_to_the_room_with_the_objectives_in_its_notes(decks, plans):
    """The review: the recap re-read the objectives' "By the end of this module, attendees will:" at the end,
    then (three recap slides of caf-trainers and the senior managers' course) pasted each module's objectives
    again in the third person ("Have clarified any questions and issues that they have") while addressing the
    room. Now one slide of what the course worked through, in the second person, the objectives in its notes."""
    from iwpacks.renderers._words import objective_item

    for cid, data in decks.items():
        plan = plans[cid]
        slides = slides_of(data)
        title = plan.guide_text["recap.title"][0]
        recap = [s for s in slides if title_text(s).startswith(title)]
        assert len(recap) == 1, (cid, [title_text(s) for s in recap])
        text, notes = slide_text(recap[0]), recap[0].notes_slide.notes_text_frame.text
        assert plan.guide_text["recap.ask"][0] in text, cid
        # The third review: a lead-in line ("In this course you have worked through:") sat at the modules' bullet
        # level, and IW01's headlines were its first topic and "References to other sources of information",
        # which the next slide covers. The title leads the list, and a topic pointing to sources is no headline.
        body = [p.text for shape in recap[0].placeholders if shape.placeholder_format.idx != 0
                for p in shape.text_frame.paragraphs if p.text]
        assert body[0] in {m.name for m in plan.modules}, (cid, body[0])
        assert "References to other sources of information" not in text, cid
        assert " you " in f" {text} " and not re.search(r"\b(they|their)\b", text), (cid, text)
        for m in plan.modules:
            if not m.is_pending:
                assert m.objectives_lead not in text and m.name in text, (cid, m.ref)
                first = objective_item(m.objectives_read[0])
                assert first[1:] in notes, (cid, m.ref)  # the trainer goes back over the objectives
        assert not [t for t in map(title_text, slides) if t.startswith("Recap: ") and t != title_text(recap[0])], cid


def test_opening_notes_are_instructions_and_optional_exercises_show_their_time(decks, programme, plans):
    slides = _titles_and_notes(decks["iw-practitioners"])
    notes = dict(slides)["Getting to know each other"]
    principle = programme.delivery_principles["get-to-know-each-other"]
    assert principle.instruction in notes and principle.seed_text not in notes
    agenda = slide_text(slides_of(decks["iw-practitioners"])[1])
    # Its written exercise runs after its topic, and the message on abuse goes with IW01's section.
    # (the review: an agenda line with no time) so the agenda does not list the scenarios section at all
    assert "Scenarios and exercises" not in agenda and "optional" not in agenda
    titles = [title for title, _ in slides]
    # iw-practitioners runs IW01's optional exercise in its time (run_optional); iw-operational-managers not.
    ran = next(i for i, t in enumerate(titles) if t == "Exercise: One family, many services")
    # Straight after topic 6, the topics it practises; topic 7, the references, closes IW01 after it.
    assert titles[ran - 1].startswith("ECM guiding principles")
    assert not any(t.startswith("References to other sources") for t in titles[:ran])
    assert any(t.startswith("References to other sources") for t in titles[ran + 1:ran + 4])
    assert any(r.label == "Exercise: One family, many services" for r in plans["iw-practitioners"].timetable.rows)
    managers = [title_text(s) for s in slides_of(decks["iw-operational-managers"])]
    assert "Exercise: One family, many services (optional)" in managers


def test_the_recap_ends_on_the_hopes_with_the_sources_message_in_one_line(decks):
    """The review: a "Sources of further information" slide took "about 10 min" of a 10-minute recap."""
    slides = slides_of(decks["caf-practitioners"])
    titles = [title_text(s) for s in slides]
    at = titles.index("Your hopes for this course")
    assert titles[at - 1].startswith("Recap: ") and "Sources of further information" not in titles
    assert sum(t.startswith("Sources of further information: ") for t in slide_text(slides[at]).split("\n")) == 1
    assert titles[at + 1:] == ["Close: action plan, evaluation and certificates", "Thank you"]


def test_sources_close_the_course_on_one_slide_that_points_to_the_handouts(plans):
    """The review: is-advisors closed on "Sources of further information" and "Key sources (1 of 2)/(2 of 2)".
    (The trainers' course on information sharing has a topic of that title too, taught in its module.)"""
    from iwpacks.renderers._deck_slides import plan_slides

    for cid, plan in plans.items():
        titles = [s.title for s in plan_slides(plan) if s.ref[:1] != ("topic",)]
        ending = [t for t in titles if t.startswith(("Sources of further information", "Key sources of information",
                                                     "Your hopes for this course"))]
        assert len(ending) == 1, (cid, ending)


def test_an_audience_that_starts_with_an_acronym_keeps_its_capitals(decks):
    from iwpacks.renderers._facts import mid_sentence

    assert mid_sentence("Practitioners") == "practitioners"
    assert mid_sentence("IS officers, professional advisors") == "IS officers, professional advisors"
    title_slide = slides_of(decks["caf-advisors"])[0]
    # The title names the audience (the subtitle no longer repeats it): mid-sentence, its acronym kept.
    assert "for IS officers" in slide_text(title_slide) and "is officers" not in slide_text(title_slide)


def test_a_renderer_outside_the_artefact_registry_is_refused():
    from iwpacks.renderers import register

    class Poster:
        name, filename = "poster", "poster.pdf"

        def render(self, plan, brand) -> bytes:
            return b""

    with pytest.raises(ValueError, match="renderer 'poster' \\(poster.pdf\\) is not in model.ARTEFACTS"):
        register(Poster())


def test_an_la_deck_has_the_la_logo_on_the_title_and_closing_slides(programme, brand):
    from iwpacks.overlay.layers import apply_overlay, load_overlay

    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    prs = Presentation(io.BytesIO(DeckRenderer().render(plan_course(local, "lp-practitioners"), brand)))
    with_logo = [i for i, slide in enumerate(prs.slides) if any(s.name == "LA logo" for s in slide.shapes)]
    assert with_logo == [0, len(prs.slides) - 1]
    assert prs.slides[-1].slide_layout.name == "Closing"


def test_the_about_slide_says_how_many_days_and_mentions_breaks_only_where_there_are_some(decks, plans):
    for cid in ("iw-practitioners", "caf-practitioners"):
        prs = Presentation(io.BytesIO(decks[cid]))
        about = next(s for s in prs.slides if s.shapes.title is not None and title_text(s) == "About this course")
        body = " ".join(sh.text_frame.text for sh in about.placeholders if sh.has_text_frame)
        notes = about.notes_slide.notes_text_frame.text
        days = plans[cid].timetable.days
        assert ("Half a day, 09:00\u2013" in body) == (cid == "iw-practitioners"), (cid, body)
        assert ("Day 2, 09:00\u2013" in body) == (days > 1), (cid, body)
        rows = plans[cid].timetable.rows
        # A course of several days points out its breaks on each day's agenda, which follows.
        assert ("Point out the break" in notes) == (days == 1 and any(r.kind == "break" for r in rows)), cid
        assert ("lunch" in notes) == (days == 1 and any(r.kind == "lunch" for r in rows)), cid


def test_a_list_split_over_slides_never_leaves_a_near_empty_slide(plans):
    from iwpacks.renderers._deck_slides import plan_slides

    thin = [(cid, s.title) for cid, plan in plans.items() for s in plan_slides(plan)
            if s.layout == "Title and Content" and re.search(r"\(\d+\W+of\W+\d+\)$", s.title) and len(s.body) < 2]
    assert thin == []


def test_an_exercise_task_too_long_for_two_columns_gives_its_questions_a_slide_of_their_own(plans):
    """The review: '...your task (2)' slides held two bullets beside an empty column."""
    from iwpacks.renderers._deck_slides import plan_slides

    split = 0
    for cid, plan in plans.items():
        slides = plan_slides(plan)
        for i, slide in enumerate(slides):
            assert not (slide.layout == "Exercise" and slide.title.endswith(")")), (cid, slide.title)
            if slide.title.endswith((": questions", "\u2013 questions")):
                split += 1
                task = slides[i - 1]
                # a task whose two columns hold one list shows it as one list (Title and Content)
                assert task.title.endswith((": your task", "\u2013 your task")) and task.layout in ("Exercise", "Title and Content"), (
                    cid, task.title)
                hidden = "Hidden: unhide it if the group is ahead of time.\n"  # an optional exercise's slides
                notes, task_notes = slide.notes.removeprefix(hidden), task.notes.removeprefix(hidden)
                assert notes.startswith("Debrief") and not task_notes.startswith("Debrief"), cid
    assert split  # the long tasks (Kyle step 2, the teach-back) take this shape


def test_every_exercise_task_slide_has_the_two_column_layout_at_one_size_and_no_empty_half(plans):
    """The review: caf-trainers' long tasks were plain 20 pt bullets on half-empty "Title and Content" slides,
    the short ones two-column "Exercise" slides."""
    from iwpacks.renderers._deck_slides import plan_slides

    tasks = 0
    for cid, plan in plans.items():
        for slide in plan_slides(plan):
            if slide.title.startswith("Exercise: ") and ("your task" in slide.title
                                                         or slide.title.endswith("questions")):
                tasks += 1
                assert slide.size == 20, (cid, slide.title)
                if slide.layout == "Title and Content":  # one list that would have run on over both columns
                    assert not slide.right, (cid, slide.title)
                    continue
                assert slide.layout == "Exercise", (cid, slide.title)
                assert slide.body and slide.right, (cid, slide.title)  # both halves hold something
    assert tasks > 50


def test_a_short_scenario_reads_at_the_templates_size_not_in_small_type(plans):
    """The review: Kyle's step 2 scenario filled half its slide in 20 pt type."""
    from iwpacks.renderers._deck_slides import plan_slides

    step2 = next(s for s in plan_slides(plans["caf-trainers"])
                 if s.title == "Exercise: Kyle's family, step 2: the discussion")
    assert step2.size is None and step2.layout == "Title and Content"


def test_each_day_after_the_first_opens_with_a_welcome_back_slide(plans, decks):
    for cid, plan in plans.items():
        titles = [title_text(s) for s in Presentation(io.BytesIO(decks[cid])).slides if s.shapes.title is not None]
        openers = [t for t in titles if t.endswith(": welcome back")]
        assert openers == [f"Day {d}: welcome back" for d in range(2, plan.timetable.days + 1)], cid


def test_a_woven_message_follows_its_topic_and_awareness_is_a_segment(decks, programme):
    titles = [title_text(s) for s in slides_of(decks["caf-practitioners"])]
    at = titles.index("Key message: Obtain consent")
    assert titles[at - 1].startswith("Information sharing for the CAF")
    assert titles[at + 1] == "Key message: Share information"
    assert sum(t.startswith("Obtain consent") or t.endswith(": Obtain consent") for t in titles) == 1
    assert "Messages every course repeats" not in titles and "Scenarios and exercises" not in titles
    brief = next(s for s in slides_of(decks["caf-practitioners"])
                 if title_text(s) == "Information sharing: in brief")
    assert programme.processes["is"].awareness_points[0] in slide_text(brief)


def test_exercise_notes_set_up_listen_for_and_debrief_without_repeats(decks, plans):
    from iwpacks.renderers._words import as_on_slides

    for cid in ("caf-practitioners", "is-trainers"):
        slides = _titles_and_notes(decks[cid])
        for (title, notes), (next_title, next_notes) in zip(slides, slides[1:]):
            if next_title.startswith(re.split(r": your task| \u2013 your task", title)[0]) and "your task" in next_title:
                assert notes != next_notes, (cid, next_title)  # the review: "your task (2)" repeated its notes
        for item in plans[cid].exercises:
            e = item.exercise
            if e is None:
                continue
            mine = " ".join(n for t, n in slides if t.startswith(f"Exercise: {e.title.rstrip('?!.')}"))
            said = [as_on_slides(plans[cid], text) for text in (e.setup, e.listen_for[0], e.debrief[-1])]
            assert all(text in mine for text in said), (cid, e.id)


def test_content_slides_share_one_title_size_and_hold_at_least_two_lines(decks, plans):
    """The review: titles jumped between 24, 28 and 32 pt; split slides held a single line."""
    import math

    from pptx.util import Pt

    from iwpacks.renderers._deck_slides import plan_slides
    from iwpacks.renderers.deck import CONTENT_TITLE_PT

    for cid, data in decks.items():
        for slide in slides_of(data):
            if slide.slide_layout.name in ("Title and Content", "Two Content", "Exercise"):
                sizes = {r.font.size for p in slide.shapes.title.text_frame.paragraphs for r in p.runs}
                assert sizes == {Pt(CONTENT_TITLE_PT)}, (cid, title_text(slide))
        for spec in plan_slides(plans[cid]):
            if spec.layout in ("Title and Content", "Two Content", "Exercise") and spec.diagram is None:
                width = 66 if spec.layout == "Title and Content" else 40
                lines = sum(max(1, math.ceil(len(p.text) / width)) for p in (*spec.body, *spec.right))
                assert lines >= 2, (cid, spec.title)


def test_a_slide_tidies_the_seeds_double_full_stop_the_specification_keeps_it(decks, plans):
    caf02 = next(m for m in plans["caf-practitioners"].modules if m.ref == "CAF02")
    assert any(o.endswith("own context..") for o in caf02.objectives)  # the seed's slip, kept in content
    text = "\n".join(slide_text(s) for s in slides_of(decks["caf-practitioners"]))
    assert "own context." in text and "own context.." not in text


def test_managers_discuss_and_practise_their_own_role(decks):
    """The review: the lp-operational-managers deck was the lp-practitioners deck with a new title."""
    def exercise_text(cid):
        return {slide_text(s) for s in slides_of(decks[cid]) if title_text(s).startswith("Exercise:")}

    managers, practitioners = exercise_text("lp-operational-managers"), exercise_text("lp-practitioners")
    assert managers and not managers & practitioners  # no exercise slide in common
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in slides_of(decks["lp-operational-managers"]))
    assert "ask their manager for" not in notes


def test_ground_rules_come_before_any_case_is_discussed(decks, programme):
    """The review: confidentiality ground rules first came on day 3, after two days of abuse scenarios."""
    for cid, data in decks.items():
        titles = [title_text(s) for s in slides_of(data)]
        at = titles.index("How we will work together")
        assert titles[at - 1] == "Getting to know each other", cid
        assert at < min(i for i, t in enumerate(titles) if t.startswith("Exercise:")), cid
    rules = programme.guide_text["ground_rules.rules"]
    slide = next(s for s in slides_of(decks["is-advisors"]) if title_text(s) == "How we will work together")
    assert all(rule in slide_text(slide) for rule in rules)


def test_a_continued_slide_repeats_its_heading_and_not_its_notes():
    """The review: continuation slides opened with stray sub-bullets and repeated the same script."""
    import iwpacks
    from iwpacks.overlay.layers import apply_overlay, load_overlay
    from iwpacks.planning.plan import plan_course
    from iwpacks.renderers._deck_slides import plan_slides

    master = iwpacks.load_programme()  # an LA pack: its local facts make the longest lists
    local = apply_overlay(master, load_overlay(master, "northmoor"))
    slides = plan_slides(plan_course(local, "caf-trainers"))
    continued = [s for s in slides if "\u00a0(2\u00a0of" in s.title or "\u00a0(3\u00a0of" in s.title]
    assert continued
    for slide in continued:
        assert not slide.body or slide.body[0].level == 0, slide.title
        # Notes of its own: the points it shows and its timing, never a note that only points back.
        assert slide.notes.startswith("Carry on from the last slide"), slide.title
        assert "Timing: " in slide.notes and "{" not in slide.notes and "previous slide" not in slide.notes, slide.title
        # A heading repeated from the slide before is not a point of its own (its list goes on beneath it).
        points = [p for p in slide.body if p.level == 0 and not p.text.endswith(" (continued)")]
        assert any(p.text in slide.notes for p in points) or not points, slide.title
        assert not any(p.text.endswith("(continued) (continued)") for p in slide.body), slide.title
    assert any(p.text.endswith("(continued)") for s in continued for p in s.body)


def test_a_local_block_is_shown_once_and_elsewhere_a_one_line_pointer_to_its_slide():
    """The review: caf-trainers showed the safeguarding contacts on four slides; is-advisors on two slides back
    to back; a topic split from its slide to make room for them; two advice contacts split with "(continued)"."""
    import iwpacks
    from iwpacks.overlay.layers import apply_overlay, load_overlay
    from iwpacks.planning.plan import plan_course
    from iwpacks.renderers._deck_slides import plan_slides

    master = iwpacks.load_programme()
    local = apply_overlay(master, load_overlay(master, "northmoor"))
    pointed = 0
    for cid in ("caf-trainers", "is-advisors", "iw-practitioners", "caf-practitioners"):
        slides = plan_slides(plan_course(local, cid))
        full = [n for n, s in enumerate(slides, 1) if any(p.text == "Local safeguarding contacts" for p in s.body)]
        abuse = [n for n, s in enumerate(slides, 1) if s.title.endswith("worried that a child is being abused")]
        assert 1 <= len(full) <= 2 and set(full) - set(abuse) <= {full[0]}, (cid, full)  # home, and the message
        # Elsewhere the notes say where they are (a bullet saying so is filler to attendees).
        assert not any(p.text.startswith("Local safeguarding contacts: ") for s in slides for p in s.body), cid
        pointers = [found for s in slides for found in re.findall(r"Say where to find the facts on local safeguarding contacts: "
                                                                  r"[^.]*\.", s.notes)]
        said = re.compile(r"Say where to find the facts on local safeguarding contacts: (on the next slide|later today|on day \d|"
                          r"as covered (earlier today|this morning|on day \d)), and in their handouts\.")
        assert all(said.fullmatch(p) for p in pointers), (cid, pointers)
        for number, slide in enumerate(slides, 1):  # "the next slide" is the one that shows them
            if "Say where to find the facts on local safeguarding contacts: on the next slide" in slide.notes:
                assert number + 1 in full, (cid, slide.title)
        pointed += len(pointers)
        for slide in slides:
            assert not any(p.text.endswith("(continued)") and "contacts" in p.text for p in slide.body), slide.title
    assert pointed
    slides = plan_slides(plan_course(local, "is-advisors"))
    welfare = [s.title for s in slides if s.title.startswith("Sharing information when concerned")]
    assert welfare == ["Sharing information when concerned about a child's welfare"]


def test_a_long_local_fact_is_shown_in_full_once_then_pointed_back_to():
    """The review: the Northmoor CAF arrangements filled eleven slides, repeated four times."""
    import iwpacks
    from iwpacks.overlay.layers import apply_overlay, load_overlay
    from iwpacks.planning.plan import plan_course
    from iwpacks.renderers._deck_slides import plan_slides

    master = iwpacks.load_programme()
    plan = plan_course(apply_overlay(master, load_overlay(master, "northmoor")), "caf-trainers")
    texts = [p.text for s in plan_slides(plan) for p in s.body]
    first_line = next(t for t in texts if t.startswith("Forms, and where to get them: "))
    assert texts.count(first_line) == 1
    # Shown in full with the topic that has time for them, not CAF01's three minutes on sources, which points on.
    slides = plan_slides(plan)
    home = next(n for n, s in enumerate(slides, 1) if any(p.text == first_line for p in s.body))
    assert slides[home - 1].title.startswith("Enabling the CAF process locally"), slides[home - 1].title
    # The pointers are the trainer's to say, in the notes; no bullet on a slide only says where the block is.
    heading = "Say where to find the facts on how the CAF and lead professional arrangements work locally: "
    pointers = [s.notes for s in slides if heading in s.notes]
    assert len(pointers) >= 2
    assert not any("and in your handouts" in t for t in texts)
    # CAF01's pointer to sources, in the morning of day 1, looks ahead to CAF02's topic; day 2 looks back.
    sources = next(s for s in slides if s.title.startswith("Other training and sources of information"))
    assert f"{heading}later today, and in their handouts." in sources.notes
    assert any(f"{heading}as covered on day 1, and in their handouts." in notes for notes in pointers)
    again = plan_slides(plan)  # a second deck of the same plan is drawn the same
    assert [s.body for s in again] == [s.body for s in plan_slides(plan)]


def test_the_about_slide_shows_every_break_and_lunch_of_every_day(decks, plans):
    from iwpacks.planning.timetable import clock

    """A course of one day gives its breaks and lunch on "About this course"; a longer one on each day's agenda."""
    for cid in ("caf-trainers", "iw-practitioners", "iw-senior-managers"):
        plan = plans[cid]
        slides = slides_of(decks[cid])
        about = next(s for s in slides if title_text(s).startswith("About this course"))
        text = slide_text(about)
        pauses = [r for r in plan.timetable.rows if r.is_break]
        assert pauses, cid
        for row in pauses:
            if plan.timetable.days == 1:
                assert f"{row.label.lower()} {clock(row.start)}\u2013{clock(row.end)}" in text.lower(), (cid, row)
            else:
                day = " ".join(slide_text(s) for s in slides if title_text(s).startswith(
                    ("Day 1: today's agenda", f"Day {row.day}: welcome back", f"Day {row.day}: this afternoon")))
                assert f"{clock(row.start)} {row.label}, {row.minutes} min" in day, (cid, row)
        assert ("Day 2, " in text) == (plan.timetable.days > 1), cid


def test_a_key_message_closing_a_module_at_the_days_end_comes_before_the_day_turn(decks, plans):
    """is-advisors: the 5-minute message closing IS02 is said straight after IS02, at the end of day 1 (no
    longer alone after the night and the welcome back), so its slide comes before the deck's day turn."""
    *_, last, close = [r for r in plans["is-advisors"].timetable.rows if r.day == 1]
    assert last.place[:1] == ("messages",) and close.label == "Day 1: close"
    titles = [title_text(s) for s in slides_of(decks["is-advisors"]) if s.shapes.title is not None]
    at = titles.index("Use resources from your own service")
    assert titles[at + 1:at + 3] == ["Day 1: close", "Day 2: welcome back"]


def test_a_recap_fits_its_one_slide_at_its_size(plans):
    """The review: IW03's recap set its objectives in smaller type and still ran into the logo band. The one
    recap slide fits its box at the size it is set in, never below the deck's smaller type."""
    from iwpacks.renderers._deck_slides import FULL, SMALL, _chunk_uniform, box_at, chunk, plan_slides

    for cid, plan in plans.items():
        recap = [s for s in plan_slides(plan) if s.title.startswith("Recap: ")]
        assert len(recap) == 1, cid
        spec = recap[0]
        assert spec.size is None or spec.size >= SMALL, (cid, spec.size)
        fits = chunk(spec.body, FULL) if spec.size is None else _chunk_uniform(spec.body, box_at(spec.size))
        assert len(fits) == 1, (cid, [p.text for p in spec.body])


def test_a_key_message_slide_shows_the_messages_points_and_is_said_once(plans, programme):
    """The review: key messages woven after a topic were one sentence on an empty slide."""
    from iwpacks.renderers._deck_slides import plan_slides

    for cid, plan in plans.items():
        slides = plan_slides(plan)
        at = [i for i, s in enumerate(slides) if s.ref[:1] == ("message",)]
        for i in at:
            message = programme.common_messages[slides[i].ref[1]]
            assert len(slides[i].body) >= 2, (cid, slides[i].title)
            if slides[i].title == "Your hopes for this course":  # the recap's sources message, in one line
                assert message.wording in slides[i].notes, (cid, message.id)
                continue
            shown = [b.text for s in slides if s.ref == slides[i].ref for b in s.body]
            assert all(point in shown for point in message.points), (cid, message.id)
            if slides[i].title.startswith("Key message: "):
                assert message.wording in slides[i].notes, (cid, message.id)  # to say word for word
        ids = [slides[i].ref[1] for i in at if i == 0 or slides[i - 1].ref != slides[i].ref]
        assert len(ids) == len(set(ids)), cid  # no message twice in one course


def test_every_advisors_course_has_its_slide_on_mediated_access_and_no_other_course_does(plans, programme):
    """The review: the advisors' courses never said what an IS Index mediated access contact does."""
    from iwpacks.renderers._deck_slides import plan_slides

    slide = next(s for s in programme.audiences["advisors"].slides if "Mediated access" in s.title)
    for cid, plan in plans.items():
        specs = plan_slides(plan)
        shown = [i for i, s in enumerate(specs) if s.title == slide.title]
        if plan.audience.id != "advisors":
            assert not shown, cid
            continue
        assert len(shown) == 1, cid
        at = shown[0]
        assert [p.text for p in specs[at].body] == list(slide.points) and slide.notes in specs[at].notes, cid
        before = specs[at - 1].title  # straight after the topic that sets out the processes and tools
        topics = [programme.modules[ref].material.topics[n - 1] for ref, n in slide.places]
        # its slide, or the picture that follows its points (IW01's CAF in three steps)
        assert any(before in (t.slide_title or t.title, t.diagram.title if t.diagram else None) for t in topics), \
            (cid, before)


def test_seed_topics_too_long_for_a_slide_have_short_slide_titles(plans):
    """The review: 'CAF03: Status on the local context (1 of 3)', 'IS03: Group discussions / role plays based on
    attendees past experiences and outcomes' and four slides of 'Reference materials and links to ...'."""
    from iwpacks.renderers._deck_slides import plan_slides

    titles = {cid: [s.title for s in plan_slides(plans[cid])] for cid in ("caf-trainers", "is-advisors")}
    for cid, seen in titles.items():
        assert not [t for t in seen if "Status on" in t or "Group discussions /" in t or "links to further" in t
                    or "T4T" in t or "training the trainers course" in t], cid
    assert any(t.startswith("Where things stand locally") for t in titles["caf-trainers"])
    assert "Dilemmas from your own practice" in titles["is-advisors"]
    assert any(t.startswith("References and further sources") for t in titles["is-advisors"])


def test_where_advisors_turn_for_answers_is_drawn_not_an_empty_slide(decks):
    """The title dump showed no body text: the slide is a table drawn in shapes, not an empty placeholder."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    slide = next(s for s in slides_of(decks["is-advisors"])
                 if title_text(s) == "Where advisors turn for answers")
    assert not [s for s in slide.placeholders if s.placeholder_format.idx != 0]  # the body box gave way to it
    def texts(shapes):
        for shape in shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
                yield from texts(shape.shapes)
            elif shape.has_text_frame and not shape.is_placeholder:
                yield shape.text_frame.text

    drawn = " ".join(texts(slide.shapes))
    assert "Caldicott Guardian" in drawn and "Turn to it for" in drawn


def test_a_key_message_the_topic_already_makes_is_said_in_its_notes_not_on_a_second_slide(plans, programme):
    """The review: iw-practitioners' topic slides on duties, benefits and the ECM principles were each followed
    by a key-message slide saying the same."""
    from iwpacks.renderers._deck_slides import plan_slides

    slides = plan_slides(plans["iw-practitioners"])
    titles = [s.title for s in slides]
    for mid, topic in (("duties", "The duties of the Children Act 2004"),
                       ("benefits", "Benefits for children, families, practitioners and organisations"),
                       ("holistic-view", "ECM guiding principles"), ("be-proactive", "ECM guiding principles")):
        message = programme.common_messages[mid]
        assert not any(t.endswith(message.title) for t in titles), mid
        assert message.wording in slides[titles.index(topic)].notes, mid
    assert "Key message: Share information" in titles  # a message the topic does not itself make keeps its slide


def test_a_day_turn_says_what_the_day_covered_and_the_next_day_opens_on_its_agenda(plans):
    """The review: is-advisors' "Day 1: close" and "Day 2: welcome back" were near-empty section slides."""
    from iwpacks.planning.timetable import clock
    from iwpacks.renderers._deck_slides import plan_slides

    plan = plans["is-advisors"]
    slides = {s.title: s for s in plan_slides(plan)}
    close, opener = slides["Day 1: close"], slides["Day 2: welcome back"]
    assert close.layout == opener.layout == "Title and Content"
    covered = [p.text for p in close.body]
    assert covered[0] == "Today we covered" and "Information Sharing in Practice" in covered
    assert covered[-1].startswith("Tomorrow, from 09:00: ")
    day2 = [r for r in plan.timetable.rows if r.day == 2]
    # A long day goes on from lunch on a second slide, "Day 2: this afternoon".
    agenda = [p.text for p in opener.body] + [p.text for p in slides.get("Day 2: this afternoon", opener).body[1:]]
    assert agenda[0] == f"Today, {clock(day2[0].start)}-{clock(day2[-1].end)}"
    assert "15:20 Recap" in agenda and len(agenda) >= 5
    assert not any(t[:2] == "IS" and t[2:4].isdigit() for t in agenda)  # module names, not codes


def test_a_days_agenda_names_its_exercises_and_no_key_message(plans):
    """The review: day 2's agenda read "09:35 Exercises ... 13:40 Exercises", and the day close said "Tomorrow,
    from 09:00: Key message: Use resources from your own service"."""
    from iwpacks.renderers._deck_slides import plan_slides

    specs = plan_slides(plans["is-advisors"])
    lines = [p.text for s in specs if s.title in ("Day 2: welcome back", "Day 2: this afternoon") for p in s.body]
    # Each exercise run inside IS03 named, briefly, on the line of the module's session it falls in.
    # Each with its own start, where it follows the module's teaching ("exercise" left out where the day is full).
    assert any(re.fullmatch("09:10 Providing Advice on Information Sharing; \\d\\d:\\d\\d (exercise )?\u201cJordan says no\u201d",
                            line) for line in lines), lines
    assert not any(" more" in line for line in lines)
    assert any(re.search(r"; \d\d:\d\d (exercise )?\u201cAdvising on your own cases\u201d$", line) for line in lines)
    assert not any("Key message" in line or line.endswith(" Exercises") for line in lines)
    close = next(s for s in specs if s.title == "Day 1: close")
    assert not any("Key message" in p.text for p in close.body)


def test_a_topic_with_timed_steps_gives_them_in_its_first_slides_notes_before_the_timing(decks, plans):
    from iwpacks.planning.minutes import format_minutes
    from iwpacks.planning.plan import TopicStep

    checked = set()
    for cid, data in decks.items():
        slides = _titles_and_notes(data)
        for mp in (mp for section in plans[cid].sections for mp in section.modules):
            for step in mp.steps:
                if not isinstance(step, TopicStep) or not step.topic.run:
                    continue
                topic = step.topic
                notes = next(n for t, n in slides if t.startswith(topic.slide_title or topic.title))
                said = "How to run it:\n" + "\n".join(f"{format_minutes(s.minutes)}: {s.step}" for s in topic.run)
                assert said in notes, (cid, topic.title, notes)
                assert notes.index(said) < notes.index(f"Timing: {format_minutes(step.minutes)}"), (cid, topic.title)
                checked.add((cid, mp.module.ref, topic.title))
    assert ("caf-trainers", "CAF03", "Review of content for sections") in checked
    # the operational managers hear CAF02's domains as their variant runs them
    managers = next(n for t, n in _titles_and_notes(decks["caf-operational-managers"])
                    if t.startswith("The CAF assessment groups and elements"))
    assert "6 min: Pairs of managers: mark which elements your own service already assesses well" in managers
    assert len(checked) >= 27


def test_each_slide_has_its_own_notes_slide_that_relates_back_to_it_and_holds_its_notes(decks, plans):
    """The notes slides are made by copying the first one and counting on its part name (_pptx_slides): each
    name is used once, each notes slide points back at its own slide, and each holds that slide's notes."""
    import zipfile
    from xml.etree import ElementTree

    from iwpacks.renderers._deck_slides import plan_slides

    rels_ns = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
    for cid, data in decks.items():
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            slides = sorted(n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))
            notes = [n for n in names if re.fullmatch(r"ppt/notesSlides/notesSlide\d+\.xml", n)]
            assert len(notes) == len(set(notes)) == len(slides), cid
            for slide in slides:
                rels = ElementTree.fromstring(archive.read(slide.replace("slides/", "slides/_rels/") + ".rels"))
                (target,) = [r.get("Target") for r in rels.iter(rels_ns) if r.get("Type").endswith("/notesSlide")]
                notes_part = "ppt/notesSlides/" + target.rsplit("/", 1)[-1]
                back = ElementTree.fromstring(archive.read(notes_part.replace("notesSlides/", "notesSlides/_rels/")
                                                           + ".rels"))
                assert [r.get("Target").rsplit("/", 1)[-1] for r in back.iter(rels_ns)
                        if r.get("Type").endswith("/slide")] == [slide.rsplit("/", 1)[-1]], (cid, slide)
        specs = plan_slides(plans[cid])
        opened = slides_of(data)
        assert len(opened) == len(specs), cid
        for slide, spec in zip(opened, specs):
            assert slide.notes_slide.notes_text_frame.text == spec.notes, (cid, spec.title)


def test_slides_copy_their_layouts_placeholders_and_diagram_groups_span_their_shapes(decks):
    """Later slides on a layout copy the placeholders of the first (_pptx_slides), and a diagram's group
    extents are set once all its shapes are in, a group drawn before being copied (_diagram_pptx): each
    slide's shape ids are its own, each placeholder is one its layout has, and each diagram group spans
    exactly the shapes inside it and glues its arrows to them."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    groups = 0
    for cid, data in decks.items():
        for number, slide in enumerate(slides_of(data), 1):
            ids = [shape.shape_id for shape in slide.shapes]
            assert len(ids) == len(set(ids)), (cid, number)
            layout_idx = {ph.placeholder_format.idx for ph in slide.slide_layout.placeholders}
            assert {ph.placeholder_format.idx for ph in slide.placeholders} <= layout_idx, (cid, number)
            for group in (s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP):
                groups += 1
                members = list(group.shapes)
                left, top = min(s.left for s in members), min(s.top for s in members)
                right, bottom = max(s.left + s.width for s in members), max(s.top + s.height for s in members)
                assert (group.left, group.top, group.width, group.height) == (left, top, right - left,
                                                                              bottom - top), (cid, number)
                # A group drawn once and copied to later decks (_diagram_pptx) glues its arrows to its own boxes.
                inside = {str(s.shape_id) for s in members}
                glued = group._element.xpath(".//a:stCxn/@id | .//a:endCxn/@id")
                assert set(map(str, glued)) <= inside, (cid, number)
    assert groups  # the decks draw diagrams
