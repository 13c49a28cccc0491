"""training-plan.pdf: in every pack, with Appendix 1 and the three suggested routes drawn as vector diagrams."""
from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

import iwpacks
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.renderers.training_plan import FILENAME, render_training_plan

ROUTE_HEADINGS = ("Suggested sequencing of training for practitioners",
                  "Suggested sequencing of training for Operational Managers",
                  "Suggested sequencing of training for Middle, Senior and Strategic Managers")


@pytest.fixture(scope="module")
def master_plan(programme, brand):
    return render_training_plan(programme, brand)


@pytest.fixture(scope="module")
def la_plan(programme, brand):
    return render_training_plan(apply_overlay(programme, load_overlay(programme, "northmoor")), brand)


def _text(data: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages)


def _route_page(data: bytes):
    reader = PdfReader(io.BytesIO(data))
    return next(page for page in reader.pages if ROUTE_HEADINGS[0] in " ".join((page.extract_text() or "").split()))


def test_the_three_routes_are_vector_drawings_with_the_course_names_as_text(master_plan):
    page = _route_page(master_plan)
    text = " ".join((page.extract_text() or "").split())
    for heading in ROUTE_HEADINGS:  # the strategy's headings, quoted under the routes (which run over a page)
        assert f"\u201c{heading}\u201d" in _text(master_plan)
    for name in ("Integrated working", "Information sharing", "The Common Assessment Framework",
                 "The lead professional"):
        assert name in text, name
    # Drawn, not pasted: the page's only pictures are the logo; the boxes and arrows are filled paths.
    images = [name for name, obj in (page["/Resources"].get("/XObject") or {}).items()
              if obj.get_object().get("/Subtype") == "/Image"]
    assert len(images) <= 1, images
    operators = re.findall(r"(?m)\b([a-zA-Z*]{1,2})\s*$", page.get_contents().get_data().decode("latin-1"))
    assert sum(op in ("l", "c", "re") for op in operators) > 30  # box outlines, corners and arrows
    assert sum(op in ("f", "f*", "B", "B*") for op in operators) > 10  # filled boxes and arrowheads


def test_the_programme_matrix_gives_each_audiences_modules(master_plan, programme):
    text = _text(master_plan)
    assert "The integrated programme" in text
    for audience in programme.audiences.values():
        assert audience.name.split(",")[0] in text, audience.name
    for course in programme.courses.values():
        assert ", ".join(course.modules[:2]) in text, course.id


def test_the_catalogue_lists_every_course_with_its_length(master_plan, programme):
    text = _text(master_plan)
    assert "Course catalogue" in text
    # Each course under its audience, named as in its route: "Integrated working" under "Practitioners".
    assert "Practitioners Integrated working half a day" in text
    assert "(in development)" in text  # the master shows the IS Index courses, marked as an LA's plan marks them


def test_an_la_pack_names_the_la_and_only_the_courses_it_can_deliver(la_plan, programme):
    text = _text(la_plan)
    assert "For Northmoor Borough Council" in text
    pending = [c.title for c in programme.courses.values() if c.is_pending]
    assert pending and not any(title in text for title in pending)  # not in its routes or catalogue
    # The programme itself is whole: Appendix 1's cells for courses not yet defined, marked so, and every
    # module reference with its name.
    assert "ISI01, ISI02" in text and "(in development)" in text
    for module in programme.modules.values():
        assert f"{module.ref} {module.name}" in text, module.ref


def test_every_pack_carries_it_in_its_manifest_and_it_is_deterministic(programme, brand, tmp_path, master_plan):
    result = iwpacks.build_pack(programme, brand, tmp_path / "pack", course_ids=["iw-practitioners"],
                                artefacts=["deck"])
    assert (result.folder / FILENAME).read_bytes() == master_plan
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert FILENAME in [f["path"] for f in manifest["files"]]
    assert render_training_plan(programme, brand) == master_plan


def test_it_explains_its_own_abbreviations_as_it_goes_out_alone(master_plan, la_plan):
    from iwpacks.pack.check import acronym_findings

    for data in (master_plan, la_plan):  # no glossary: every acronym is spelled out where it is first used
        assert acronym_findings({FILENAME: data}, "", []) == []
    assert "Case management system (CMS)" in _text(master_plan)


def test_page_one_carries_the_plan_not_a_cover_alone(la_plan, master_plan):
    """The review: page 1 was a cover block and one paragraph, 70-80% empty. It now says who the plan is for
    and how to read it, and the programme matrix follows on it; no page but the last is mostly empty."""
    from page_fill import body_depths

    for data in (la_plan, master_plan):
        first = " ".join((PdfReader(io.BytesIO(data)).pages[0].extract_text() or "").split())
        assert "Who it is for:" in first and "How to read it:" in first
        assert "The integrated programme" in first and "Practitioner administrative staff" in first
        depths = body_depths(data)
        assert all(depth > 0.6 for depth in depths[:-1]), depths


def test_the_first_page_names_the_document_once(master_plan, la_plan, programme):
    """Review: "TRAINING PLAN" stood twice on page one, in the page's band and again over the cover title.
    The band names it on every page, so the cover block no longer repeats it."""
    label = programme.guide_text["training_plan.label"][0].upper()
    for data in (master_plan, la_plan):
        first = PdfReader(io.BytesIO(data)).pages[0].extract_text()
        assert first.count(label) == 1, first[:300]


# The trainer's review of the plan: day ends off the quarter hour, a catalogue heading stranded at the foot of a
# page with one row, small type in the catalogue, and no route for trainers.

CLOCK_SPAN = re.compile(r"(\d\d):(\d\d)\u2013(\d\d):(\d\d)")
TRAINING_TIME = re.compile(r"\b\d+ h(?: \d+ min)?\b|\b\d+ min\b")


def _catalogue_text(data: bytes) -> str:
    text = _text(data)
    return text[text.index("Course catalogue"):]


@pytest.mark.parametrize("la", [None, "northmoor", "eastbrook"])
def test_every_day_in_the_catalogue_ends_on_the_quarter_hour(la, programme, brand):
    """A training officer books a room to the quarter hour: the catalogue gave 09:00-12:50 and 09:00-15:55."""
    plan = programme if la is None else apply_overlay(programme, load_overlay(programme, la))
    spans = CLOCK_SPAN.findall(_catalogue_text(render_training_plan(plan, brand)))
    assert len(spans) >= 25
    assert [s for s in spans if int(s[3]) % 15 or int(s[1]) % 15] == []


def _catalogue_start(data: bytes) -> str:
    """The text of the page the catalogue's heading stands on, from the heading on."""
    for page in PdfReader(io.BytesIO(data)).pages:
        words = " ".join((page.extract_text() or "").split())
        if "Course catalogue" in words:
            return words[words.index("Course catalogue"):]
    raise AssertionError("no catalogue heading")


@pytest.mark.parametrize("data", ["master_plan", "la_plan"])
def test_the_catalogue_heading_starts_with_its_intro_header_and_rows(data, request):
    start = _catalogue_start(request.getfixturevalue(data))
    assert "Course Days and hours Training time Modules" in start
    assert len(TRAINING_TIME.findall(start)) >= 3, start


@pytest.mark.parametrize("room", range(160, 400, 40))
def test_the_catalogue_heading_never_stands_at_a_pages_foot_with_one_row(room, programme, brand, monkeypatch):
    """The review: the heading, its intro and one row at the foot of page 3. Wherever the routes end, the
    heading goes on with its intro, the table's header and at least three rows, or starts the next page."""
    from reportlab.platypus import PageBreak, Spacer

    from iwpacks.renderers import training_plan
    from iwpacks.renderers._pdf import FRAME_H

    # The routes as a page that leaves `room` points at its foot for the catalogue.
    monkeypatch.setattr(training_plan, "_routes", lambda *a: [PageBreak(), Spacer(1, FRAME_H - room)])
    data = render_training_plan(programme, brand)
    start = _catalogue_start(data)
    assert len(TRAINING_TIME.findall(start)) >= 3, (room, start[:300])


# The running band at the head of each page, set in its own 8.5 pt: not the catalogue's rows, where the
# catalogue runs on to a further page.
BAND = ("TRAINING PLAN", "Integrated working training plan")


def _sizes_below(page, heading: str | None) -> list[float]:
    sizes: list[float] = []
    seen = [heading is None]

    def visit(words: str, cm: list, tm: list, font: object, size: float) -> None:
        if heading is not None and heading in words:
            seen[0] = True
            return
        if seen[0] and words.strip() and words.strip() not in BAND:
            sizes.append(size * (tm[0] or 1) * (cm[0] or 1))

    page.extract_text(visitor_text=visit)
    return sizes


def test_the_catalogue_is_set_at_nine_and_a_half_points_and_fits_the_page(la_plan):
    """The review: the catalogue's type was small. Its rows are set at 9.5 pt (the footer's smaller type
    aside) and every word of them stands inside the page's margins."""
    from iwpacks.renderers.training_plan import CATALOGUE_WIDTHS

    reader = PdfReader(io.BytesIO(la_plan))
    pages = [i for i, p in enumerate(reader.pages) if "Course catalogue" in (p.extract_text() or "")]
    sizes = _sizes_below(reader.pages[pages[0]], "Course catalogue")
    sizes += [s for p in reader.pages[pages[0] + 1:] for s in _sizes_below(p, None)]
    table = [s for s in sizes if s != 8.0]  # the running footer
    assert len(table) > 50 and min(table) >= 9.5 and table.count(9.5) > len(table) / 2, sorted(set(sizes))
    assert abs(sum(CATALOGUE_WIDTHS) - 1) < 1e-9
    width = float(reader.pages[0].mediabox.width)
    for page in reader.pages[pages[0]:]:
        xs: list[float] = []
        page.extract_text(visitor_text=lambda w, cm, tm, f, s: xs.append(tm[4] * (cm[0] or 1) + cm[4])
                          if w.strip() else None)
        assert min(xs) > 20 and max(xs) < width - 60, (min(xs), max(xs))


def test_the_catalogue_gives_each_audience_its_courses_under_its_name(la_plan, programme):
    """The audience heads its courses, as in the routes, rather than a column that wrapped every row."""
    text = _catalogue_text(la_plan)
    assert "Trainers Integrated working 1 day: 09:00\u201316:00 5 h 40 min IW01, IW02, IW05" in text
    assert "IS officers, professional advisors and mediated access contacts Integrated working half a day" in text


def test_the_trainers_route_follows_the_strategys_three_and_says_it_is_ours(la_plan, master_plan, programme):
    """The trainers' courses build on IW01 (their entry requirement, the seed's "Designed to be delivered after
    IW01"), so they have a route like the others; the seed keeps no heading for it, so the plan says whose it is."""
    from tests.paths import FIXTURES

    seed = (FIXTURES / "seed.txt").read_text(encoding="utf-8")  # the strategy itself
    note = programme.guide_text["training_plan.route_ours"][0]
    ours = f"Trainers {note}"  # the audience's name heads the route, as it heads the strategy's three
    assert "Suggested sequencing of training for trainers" not in seed and all(h in seed for h in ROUTE_HEADINGS)
    for data in (la_plan, master_plan):
        text = _text(data)
        # The strategy's three first (named by their audiences; an LA's plan does not quote their headings).
        assert text.index("Strategic, senior and middle managers") < text.index(ours) < text.index("Course catalogue")
        route = text[text.index(ours):text.index("Course catalogue")]
        assert "Integrated working 1 day" in route and "Information sharing 3 days" in route
        assert "The Common Assessment Framework 2 days" in route
    assert text.count(note) == 1 and "The lead professional (in development)" in route


def test_the_trainers_route_in_a_release_plan_shows_their_lead_professional_course_in_development(la_plan, programme):
    """The review: the trainers' route offered no lead professional course, though LP01 and LP02 are ready and
    only LP03 is still to be defined. The route shows every course the matrix lists, one in development marked
    as the matrix marks it, in a training officer's words."""
    later = programme.guide_text["training_plan.in_development"][0]
    text = _text(la_plan)
    ours = "Trainers " + programme.guide_text["training_plan.route_ours"][0]
    route = text[text.index(ours):text.index("Course catalogue")]
    assert f"The lead professional {later}" in route
    note = programme.guide_text["training_plan.route_ours"][0]
    assert note == ("A suggested route for trainers, added to the strategy's three: it follows the courses' entry "
                    "requirements.")
    assert "This one is ours" not in text and "Not one of the strategy's routes" not in text
    assert "The strategy prints this as" not in text
