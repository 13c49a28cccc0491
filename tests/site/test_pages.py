"""The site's pages, read back as HTML: structure for assistive technology, links that resolve, the plan's facts."""
from __future__ import annotations

import posixpath
import re

import pytest
from html_reading import pages, read

from iwpacks.model import ARTEFACTS
from iwpacks.planning.routes import training_route
from iwpacks.planning.timetable import clock
from iwpacks.site import links
from iwpacks.site.build import _plans


def test_the_site_has_a_page_for_every_offered_course_audience_and_module(programme, master_site):
    ready = [c.id for c in programme.courses.values() if not c.is_pending]
    assert [p for p in master_site if p.startswith("courses/")] == [links.course_page(c) for c in ready]
    offered = {ref for c in ready for ref in programme.courses[c].modules if not programme.modules[ref].is_pending}
    assert {p for p in master_site if p.startswith("modules/")} == {links.module_page(r) for r in offered}
    audiences = {programme.courses[c].audience for c in ready}
    assert {p for p in master_site if p.startswith("audiences/")} == {links.audience_page(a) for a in audiences}
    assert not any("isi-" in p for p in master_site)  # pending courses are not offered


@pytest.mark.parametrize("site", ["master_site", "northmoor_site"])
def test_every_page_has_a_language_landmarks_a_skip_link_and_headings_in_order(site, request):
    files = request.getfixturevalue(site)
    for path in pages(files):
        page = read(files, path)
        assert page.lang == "en-GB", path
        assert set(page.landmarks) == {"header", "nav", "main", "footer"}, path
        assert page.links[1] == "#main" and "main" in page.ids, path  # after the stylesheet, the first link
        levels = [level for level, _ in page.headings]
        assert levels.count(1) == 1 and levels[0] == 1, path
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (path, page.headings)
        assert all(text for _, text in page.headings), path
        assert all(img.get("alt") for img in page.images), path


@pytest.mark.parametrize("site", ["master_site", "northmoor_site"])
def test_every_link_is_relative_and_resolves_to_a_file_of_the_site(site, request):
    """Relative links only, so the folder works from disk (a CD-ROM, an unzipped e-mail) as over HTTP."""
    files = request.getfixturevalue(site)
    for path in pages(files):
        page = read(files, path)
        for href in page.links:
            target, _, fragment = href.partition("#")
            assert not href.startswith(("/", "http:", "https:", "file:")), (path, href)
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) if target else path
            assert resolved in files, (path, href)
            if fragment:
                assert fragment in read(files, resolved).ids, (path, href)


def test_a_course_page_shows_the_plans_outline_objectives_timetable_route_and_materials(master_site, programme):
    plan = _plans(programme)["caf-trainers"]
    page = read(master_site, links.course_page("caf-trainers"))
    text = page.visible
    assert [t for level, t in page.headings if level == 2] == [
        "Outline", "Modules", "Learning objectives", "Timetable", "Route", "Materials"]
    for section in (s for s in plan.sections if not s.omitted):
        assert section.title in text
    for module in plan.modules:
        assert f"{module.ref} {module.name}" in text
        for objective in module.objectives_read:
            assert objective in text
    for row in plan.timetable.rows:  # every row of every day, at its times
        assert f"{clock(row.start)} to {clock(row.end)} {row.label}" in text
    assert "Day 1" in text and "Day 2" in text and plan.timetable.days == 2
    for artefact in ARTEFACTS:
        assert (artefact.filename in text) == plan.holds(artefact)
    route = [step.course.title for step in training_route(programme, "trainers") if not step.course.is_pending]
    drawn = text[text.index("The suggested order of courses"):]
    positions = [drawn.index(title) for title in route]
    assert positions == sorted(positions)


def test_a_module_page_shows_its_description_objectives_content_and_the_courses_teaching_it(master_site, programme):
    module = programme.modules["IW01"]
    page = read(master_site, links.module_page("IW01"))
    for words in (*module.description, *module.objectives_read, *module.content_read, module.duration.text):
        assert words in page.visible
    teaching = [c.id for c in programme.courses.values() if "IW01" in c.modules and not c.is_pending]
    assert sorted(h for h in page.links if h.startswith("../courses/")) == sorted(
        f"../{links.course_page(c)}" for c in teaching)


def test_an_audience_page_draws_its_route_in_order(master_site, programme):
    page = read(master_site, links.audience_page("practitioners"))
    steps = [f"../{links.course_page(s.course.id)}" for s in training_route(programme, "practitioners")
             if not s.course.is_pending]
    assert [h for h in page.links if h.startswith("../courses/")] == steps
    assert "Suggested sequencing of training for practitioners" in [t for _, t in page.headings]


def test_the_home_page_lists_every_course_by_process_and_every_audience(master_site, programme):
    page = read(master_site, links.HOME)
    for course in programme.courses.values():
        assert (links.course_page(course.id) in page.links) == (not course.is_pending)
    assert [t for level, t in page.headings if level == 2] == ["Courses", "Who it is for", "Modules"]
    assert "Contacts" not in page.visible  # the master catalogue's reader has no LA to call


def test_the_northmoor_site_shows_its_name_logo_and_contacts_and_no_words_about_how_it_was_made(
        northmoor_site, northmoor):
    home = read(northmoor_site, links.HOME)
    assert "Northmoor Borough Council" in home.visible
    assert northmoor_site[links.asset("logo.png")] == northmoor.localisation.logo_image.png
    assert "Workforce Development Team" in home.visible and "01632 960 130" in home.visible  # the visible text folds no-break spaces
    course = read(northmoor_site, links.course_page("caf-school-staff"))  # Northmoor's own course is offered
    assert "To book a place" in course.visible and "training@northmoor.example.org" in course.visible
    # "building" and "draft" (the verb) are the content's own words; these never are, nor the draft mark.
    made = re.compile(r"\b(?i:overlays?|slots?|seeds?|rebuild\w*|render\w*|versions?|placeholders?|your LA adds|"
                      r"content version|review notes?|draft core material)\b|\bDRAFT\b")
    for path in pages(northmoor_site):
        text = read(northmoor_site, path).visible
        found = [m.group(0) for m in made.finditer(text)]
        assert found == [], (path, found)


def test_a_course_card_never_breaks_a_time_across_lines(master_site):
    home = master_site[links.HOME].decode("utf-8")
    assert "5\u00a0h\u00a05\u00a0min - 6\u00a0h\u00a05\u00a0min, 1 day" in home  # iw-operational-managers
    assert not re.search(r"\d h\b|\d min\b|\bh \d", home.split("<h2 id=\"courses\">")[1].split("<h2")[0])


def test_the_trainers_route_says_it_is_ours_not_the_strategys(master_site, programme):
    """The seed keeps route headings for three audiences only; the trainers' route is the plan's own."""
    page = read(master_site, links.audience_page("trainers"))
    assert "Suggested sequencing of training for trainers" in [t for _, t in page.headings]
    assert programme.guide_text["training_plan.route_ours"][0] in page.visible
    practitioners = read(master_site, links.audience_page("practitioners"))
    assert "Not one of the strategy's routes" not in practitioners.visible
