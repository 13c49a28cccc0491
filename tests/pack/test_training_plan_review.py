"""The training plan review (7/10 in an LA pack): its own title, local courses marked, training times in one
shape, route headings that read evenly, a one-course route as a line, and four full pages."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.renderers import training_plan
from iwpacks.renderers.training_plan import render_training_plan

STRATEGY = "Supporting integrated working: Outline training strategy and plan"


@pytest.fixture(scope="module")
def northmoor(programme):
    return apply_overlay(programme, load_overlay(programme, "northmoor"))


@pytest.fixture(scope="module")
def eastbrook(programme):
    return apply_overlay(programme, load_overlay(programme, "eastbrook"))


@pytest.fixture(scope="module")
def plans(programme, northmoor, eastbrook, brand):
    """Each plan as it goes out: the two LAs' and the national release's, and the policy team's draft."""
    return {"northmoor": render_training_plan(northmoor, brand), "eastbrook": render_training_plan(eastbrook, brand),
            "release": render_training_plan(programme, brand, release=True),
            "draft": render_training_plan(programme, brand)}


def _pages(data: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages]


def _text(data: bytes) -> str:
    return " ".join(_pages(data))


def _largest_text(page) -> str:
    """The words set in the page's largest type: the cover's title on page one."""
    runs: list[tuple[float, str]] = []
    page.extract_text(visitor_text=lambda words, cm, tm, font, size: runs.append(
        (round(size * (tm[0] or 1) * (cm[0] or 1), 1), words)) if words.strip() else None)
    top = max(size for size, _ in runs)
    return " ".join(" ".join(words for size, words in runs if size == top).split())


def test_the_plan_has_its_own_title_and_cites_the_strategy_as_its_source(plans, programme):
    """The review: an LA's plan carried the DfES document's title, as if it were the strategy itself."""
    title = programme.guide_text["training_plan.title"][0]
    assert title != programme.title == STRATEGY
    for name, data in plans.items():
        reader = PdfReader(io.BytesIO(data))
        assert _largest_text(reader.pages[0]) == title, name
        assert reader.metadata.title == title
        pages = _pages(data)
        assert all(title in page for page in pages)  # the band at the head of every page names it
        # The strategy only as the intro's source, once, never as a title.
        assert _text(data).count(STRATEGY) == 1 and f"It follows {STRATEGY}" in pages[0]
    assert "For Northmoor Borough Council" in _pages(plans["northmoor"])[0]
    national = programme.guide_text["training_plan.for_master"][0]
    assert national in _pages(plans["release"])[0] and national not in _pages(plans["northmoor"])[0]


def test_an_las_own_course_and_module_are_marked_local_and_named_under_the_matrix(plans, northmoor, programme):
    """The review: Northmoor's "CAF for school staff" and its NMC01 stood in the routes, the module key and the
    catalogue like the strategy's own, and the programme grid did not say where they came from."""
    pages = _pages(plans["northmoor"])
    text = " ".join(pages)
    note = ("Northmoor Borough Council adds: CAF for school staff (CAF01, NMC01) for practitioners. Its own courses "
            "and modules are marked (local) in this plan.")
    assert note in pages[0] and text.count(note) == 1
    assert "NMC01 The Northmoor CAF panel (local)" in text  # the module key
    routes = text[text.index("Suggested training routes"):text.index("Course catalogue")]
    assert "CAF for school staff (local) half a day" in routes
    catalogue = text[text.index("Course catalogue"):]
    assert "CAF for school staff (local) half a day: 09:00\u201312:15" in catalogue
    # Only the LA's own: no master course or module is marked, and a plan without local content says nothing.
    assert text.count("(local)") == 4  # the note, the module key, the route, the catalogue
    for name in ("eastbrook", "release", "draft"):
        assert "(local)" not in _text(plans[name]) and " adds: " not in _text(plans[name]), name
    # Drawn from the overlay: the renderer names no LA.
    assert "northmoor" not in Path(training_plan.__file__).read_text(encoding="utf-8").lower()


def test_every_training_time_in_the_catalogue_is_spaced_as_the_rest_of_the_pack(plans):
    """The review read "3h" for the local course among "2 h 15 min" for every other: every time in the
    catalogue is written as the rest of the pack writes times, a space between the number and its unit."""
    for name, data in plans.items():
        catalogue = _text(data)[_text(data).index("Course catalogue"):]
        assert not re.search(r"\d(h|min)\b", catalogue), name
        times = re.findall(r"(?<![\d:])\d+ h\b(?: \d+ min)?", catalogue)
        assert len(times) >= 15 and all(re.fullmatch(r"\d+ h(?: \d+ min)?", t) for t in times), (name, times)
    assert "CAF for school staff (local) half a day: 09:00\u201312:15 3 h " in _text(plans["northmoor"])


def _outline_titles(data: bytes) -> list[str]:
    def walk(items: list) -> list[str]:
        out: list[str] = []
        for item in items:
            out += walk(item) if isinstance(item, list) else [item.title]
        return out
    return walk(PdfReader(io.BytesIO(data)).outline)


def test_route_headings_read_evenly_with_the_strategys_heading_quoted(plans, programme):
    """The review: "...for practitioners", "...for Operational Managers", "...for Middle, Senior and Strategic
    Managers" (the seed's) and "...for trainers" (ours). Each route is headed by its audience's name, as the
    matrix and the catalogue name it; the strategy's heading, kept verbatim, is quoted under it in the policy
    team's draft only."""
    routed = sorted((a for a in programme.audiences.values() if a.route_heading), key=lambda a: a.route_ours)
    assert [a.name for a in routed] == ["Practitioners", "Operational managers",
                                        "Strategic, senior and middle managers", "Trainers"]
    for name, data in plans.items():
        text = _text(data)
        outline = _outline_titles(data)
        start = outline.index(programme.guide_text["training_plan.routes_heading"][0])
        assert outline[start + 1:start + 1 + len(routed)] == [a.name for a in routed], name
        for audience in routed:
            assert audience.name == audience.name[0] + audience.name[1:].lower()  # one case throughout
            quoted = f"The strategy's Appendix 1 heads this route \u201c{audience.route_heading}\u201d."
            if audience.route_ours:
                assert f"{audience.name} {programme.guide_text['training_plan.route_ours'][0]}" in text
            elif name == "draft":  # the policy team's draft quotes the strategy's heading under the audience's
                assert f"{audience.name} {quoted}" in text, (name, audience.id)
            else:  # a release plan does not (a later review: the line three times was the strategy's business)
                assert quoted not in text, (name, audience.id)


def test_every_route_is_drawn_the_senior_managers_too(northmoor, programme, brand, monkeypatch):
    """A review found the senior managers' one box and an arrow thin, and the route became a line; the trainers'
    review then found it the one route without a picture. Every route is drawn, the course still in development
    marked in its box as the matrix marks it."""
    drawn: list = []
    original = training_plan.route_figures
    monkeypatch.setattr(training_plan, "route_figures", lambda diagrams, b: drawn.extend(diagrams) or original(diagrams, b))
    for plan in (northmoor, programme):
        drawn.clear()
        text = _text(render_training_plan(plan, brand))
        senior = plan.audiences["senior-managers"]
        assert {d.title for d in drawn} == {a.route_heading for a in plan.audiences.values() if a.route_heading}
        [route] = [d for d in drawn if d.title == senior.route_heading]
        assert [list(stage) for stage in route.stages] == [["Integrated working\n1 day"],
                                                           ["The IS Index\n(in development)"]], route.stages
        assert "is the one course of this route ready to take" not in text


def test_the_plan_fills_four_pages_with_no_last_page_under_half_full(plans):
    """The review: five pages, the last a third full. The routes and the module key are closer, so an LA's plan
    and the national one take four, every page but the last near full and the last at least half."""
    from page_fill import body_depths

    for name, data in plans.items():
        depths = body_depths(data)
        assert len(depths) == 4 and all(d >= 0.72 for d in depths[:-1]) and depths[-1] >= 0.5, (name, depths)


def test_the_modules_in_development_read_as_ranges(plans):
    assert training_plan.ref_runs(["LP03", "ISI01", "ISI02", "ISI03", "ISI05"],
                                  ["LP03", "ISI01", "ISI02", "ISI03", "ISI04", "ISI05"]) == ["LP03", "ISI01\u2013ISI03",
                                                                                             "ISI05"]
    assert training_plan.ref_runs(["IS01", "IS02"], ["IS01", "IS02"]) == ["IS01", "IS02"]  # two stay two
    assert "In development and not yet available to book: LP03, ISI01\u2013ISI10." in _text(plans["northmoor"])


def test_a_catalogue_split_inside_an_audiences_courses_repeats_its_row(northmoor, brand):
    """Wherever the page breaks, the rows on the next page stand under their audience ("Trainers
    (continued)"), after the repeated header; an audience's row never ends a page alone."""
    from iwpacks.renderers._pdf import CONTENT_W, paragraph_styles

    courses = [c for c in northmoor.courses.values() if not c.is_pending]
    table = training_plan._catalogue(northmoor, brand, courses, paragraph_styles(brand))[-1]
    names = {a.name for a in northmoor.audiences.values()}
    _, total = table.wrap(CONTENT_W, 10_000)
    continued = 0
    for room in range(120, int(total), 15):
        parts = table.split(CONTENT_W, room)
        if len(parts) != 2:
            continue
        foot = table.catalogue.rows[len(parts[0]._cellvalues) - 1][0]
        assert foot.text not in names  # no audience's row alone at the foot
        rest = parts[1].catalogue.rows
        head = rest[1][0].text
        assert head in names or head.removesuffix(" (continued)") in names, head
        continued += head.endswith(" (continued)")
        again = parts[1].split(CONTENT_W, 120)  # the rest goes over a further page the same way
        if len(again) == 2:
            further = again[1].catalogue.rows[1][0].text
            assert further in names or further.removesuffix(" (continued)") in names, further
    assert continued >= 3
    pages = _pages(render_training_plan(northmoor, brand))
    assert "Course Days and hours Training time Modules Trainers (continued)" in pages[-1]
