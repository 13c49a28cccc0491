"""The self-study courses as content and files: which modules have one, what each part is written from, the
checks on content/selfstudy/ (file, line and key), deterministic files, and text a learner may read."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from content_copy import broken_content
from release_words import BUILD_WORDS

from iwpacks.errors import UsageError
from iwpacks.selfstudy import course_files, scorm_name, self_study_modules, selfstudy_files
from iwpacks.selfstudy.build import check_questions


def test_every_module_appendix_2_says_may_be_studied_alone_has_a_course(programme):
    alone = [m.ref for m in programme.modules.values() if {"self-study", "cbt"} & set(m.delivery_modes)]
    assert alone == ["IW01", "IS01", "IS03", "IS04"]
    assert [m.ref for m in self_study_modules(programme)] == alone


def test_each_course_covers_its_modules_topics_in_order_and_its_activities_follow_their_pages(programme):
    for module in self_study_modules(programme):
        study = module.self_study
        topics = [t for p in study.pages for t in (p.topic, *p.also_topics)]
        assert topics == list(range(1, len(module.material.topics) + 1)), module.ref
        exercises = {e.id for e in module.material.exercises}
        practised = {a.from_exercise for a in study.activities} | {d.from_exercise for d in study.decisions}
        assert practised <= exercises and practised, module.ref
        assert len(check_questions(module)) >= 5, module.ref
    decisions = programme.modules["IS03"].self_study.decisions
    scenarios = {e.id for e in programme.modules["IS03"].material.exercises if e.kind == "scenario"}
    assert {d.from_exercise for d in decisions} == scenarios  # CBT "as interactive exercises": every scenario
    assert all(sum(c.best for c in step.choices) == 1 for d in decisions for step in d.steps)


def _text(html: bytes) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode("utf-8")))


def test_the_page_shows_every_part_in_order_with_its_pictures(programme, brand):
    module = programme.modules["IW01"]
    files = course_files(programme, brand, "IW01")
    html = files["index.html"].decode("utf-8")
    ids = re.findall(r'<section class="part" id="([^"]+)"', html)
    pages = [f"page-{n}" for n in range(1, len(module.self_study.pages) + 1)]
    assert ids[0] == "intro" and ids[-2:] == ["check", "finish"]
    assert [i for i in ids if i.startswith("page-")] == pages
    for n, activity in enumerate(module.self_study.activities, start=1):
        # straight after the page it practises (and any other activity after that page)
        before = ids[ids.index(f"activity-{n}") - 1]
        assert before == f"page-{activity.after_page}" or before.startswith("activity-")
    figures = [p for p in files if p.startswith("assets/figure-")]
    drawn = sum(1 for p in module.self_study.pages for t in (p.topic, *p.also_topics)
                if module.material.topics[t - 1].diagram is not None)
    assert len(figures) == drawn > 0 and all(files[p].startswith(b"\x89PNG") for p in figures)
    for path in figures:
        assert re.search(rf'<img src="{re.escape(path)}" alt="[^"]{{20,}}"', html), path  # each with alt text
    text = _text(files["index.html"])
    for page in module.self_study.pages:
        assert page.paragraphs[0][:60] in text.replace("&#39;", "'").replace("&quot;", '"')


def test_a_learner_reads_no_build_words_and_the_master_course_invents_no_local_contact(programme, brand):
    files = selfstudy_files(programme, brand)
    for path, data in files.items():
        if path.endswith(".html"):
            text = _text(data)
            found = [m.group(0) for m in BUILD_WORDS.finditer(text) if m.group(0).lower() != "self-study"]
            assert not found, (path, found)
            assert "Your LA adds" not in text and ">None<" not in data.decode("utf-8") and "{{" not in text, path
            assert "ask your local authority's training contact" in text.replace("&#39;", "'"), path


def test_the_northmoor_course_shows_the_las_contacts_for_the_modules_topics(programme, brand):
    from iwpacks.overlay.layers import apply_overlay, load_overlay

    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    text = _text(course_files(local, brand, "IS01")["index.html"])
    assert "Where to get help in Northmoor" in text
    advice = local.localisation.slots["information-sharing-advice"]
    assert advice[0].name in text


def test_the_same_inputs_give_the_same_bytes_and_the_scorm_zip_holds_the_course(programme, brand):
    first, again = selfstudy_files(programme, brand, ["IS04"]), selfstudy_files(programme, brand, ["IS04"])
    assert first == again
    with zipfile.ZipFile(io.BytesIO(first[scorm_name("IS04")])) as package:
        names = package.namelist()
        assert names[0] == "imsmanifest.xml"
        for name in names[1:]:
            assert package.read(name) == first[f"IS04/{name}"], name
        manifest = package.read("imsmanifest.xml").decode("utf-8")
    assert "<schemaversion>1.2</schemaversion>" in manifest
    assert 'adlcp:scormtype="sco"' in manifest and 'href="index.html"' in manifest
    assert f"<adlcp:masteryscore>{programme.modules['IS04'].self_study.pass_mark}</adlcp:masteryscore>" in manifest


def test_a_module_without_a_course_is_refused_by_name(programme, brand):
    with pytest.raises(UsageError, match='no self-study course for "CAF02"; the modules with one: IW01, IS01, IS03, IS04'):
        course_files(programme, brand, "CAF02")


@pytest.mark.parametrize(("name", "old", "new", "found"), [
    ("IS01.yaml", "- topic: 1\n", "- topic: 40\n", r"IS01\.yaml:\d+: pages\[0\]\.topic: expected a topic of the material, 1 to \d+, found 40"),
    ("IS01.yaml", "pass_mark: 80", "pass_mark: 180", r"IS01\.yaml:\d+: pass_mark: expected a per cent, 1 to 100, found 180"),
    ("IS01.yaml", "from_exercise: is01-pieces-of-the-picture", "from_exercise: is01-pieces",
     r'IS01\.yaml:\d+: activities\[0\]\.from_exercise: no exercise "is01-pieces" in the module\'s material'),
    ("IS01.yaml", "  paragraphs:", "  paragraph:", r"IS01\.yaml:\d+: pages\[0\]\.paragraph: unknown key"),
    ("IS03.yaml", "      best: false", "      best: true", r"IS03\.yaml:\d+: decisions\[0\]\.steps\[0\]\.choices: expected exactly one choice with best: true, found 2"),
    ("IW01.yaml", "ref: IW01", "ref: IW02", r"IW01\.yaml:\d+: ref: IW02's delivery .* does not include self-study or CBT"),
])
def test_a_slip_in_a_self_study_file_is_reported_with_file_line_and_key(tmp_path, name, old, new, found):
    message = broken_content(tmp_path, f"selfstudy/{name}", old, new)
    assert re.search(found, message), message
