"""The render cache: a rebuild reads unchanged courses back, byte for byte what a build without it writes."""
from __future__ import annotations

import shutil
from pathlib import Path

import attrs
import pytest

import iwpacks
from iwpacks.cli.main import main
from iwpacks.model import FrozenMap, LogoImage
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.pack.build import build_pack, course_plan
from iwpacks.pack.cache import RenderCache, course_key, value_digest
from iwpacks.source.read_content import content_root

# Three courses, and a module's material that only one of them teaches (nor names as a prerequisite).
COURSES = ["iw-practitioners", "lp-practitioners", "caf-practitioners"]
EDITED = ("material/LP02.yaml", "Start with skills.", "Begin with skills.")


def pack_bytes(folder: Path) -> dict[str, bytes]:
    """Every file of a built pack, manifest included, by its path inside the pack."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def cold(tmp_path_factory, programme, brand):
    """The three courses built without a cache: what every cached build must equal."""
    out = tmp_path_factory.mktemp("cold") / "pack"
    build_pack(programme, brand, out, COURSES)
    return pack_bytes(out)


@pytest.fixture(scope="module")
def filled(tmp_path_factory, programme, brand):
    """A cache that a first build of the three courses filled, and that build's result and files."""
    root = tmp_path_factory.mktemp("filled")
    result = build_pack(programme, brand, root / "pack", COURSES, cache=root / "cache")
    return root / "cache", result, pack_bytes(root / "pack")


def test_a_cold_build_renders_every_course_and_stores_it_unchanged(cold, filled):
    cache, result, files = filled
    assert (result.rendered, result.cached) == (tuple(COURSES), ())
    assert files == cold
    assert len(RenderCache(cache).entries()) == len(COURSES)


def test_a_cached_rebuild_is_byte_identical_to_a_build_without_the_cache(tmp_path, cold, filled, programme, brand):
    cache, _, _ = filled
    # In parallel too: the parent reads the cache and only the courses it misses go to the workers.
    for jobs in (1, 2):
        result = build_pack(programme, brand, tmp_path / f"pack{jobs}", COURSES, cache=cache, jobs=jobs)
        assert (result.rendered, result.cached) == ((), tuple(COURSES))
        assert pack_bytes(tmp_path / f"pack{jobs}") == cold


def test_editing_one_modules_material_renders_only_the_courses_that_teach_it(tmp_path, cold, filled, brand):
    # A copy of the content keys as the bundled content does, so the filled cache serves it until it is edited.
    cache = shutil.copytree(filled[0], tmp_path / "cache")
    content = shutil.copytree(content_root(None), tmp_path / "content")
    relative, old, new = EDITED
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    edited = iwpacks.load_programme(content)
    result = build_pack(edited, brand, tmp_path / "again", COURSES, cache=cache, jobs=2)
    teaching = {cid for cid in COURSES if "LP02" in edited.courses[cid].modules}
    assert teaching == {"lp-practitioners"}
    assert set(result.rendered) == teaching
    assert set(result.cached) == set(COURSES) - teaching
    again = pack_bytes(tmp_path / "again")
    build_pack(edited, brand, tmp_path / "uncached", ["lp-practitioners"])
    uncached = pack_bytes(tmp_path / "uncached")
    for course in COURSES:
        files = {p: data for p, data in again.items() if p.startswith(f"{course}/")}
        assert files == {p: data for p, data in (uncached if course in teaching else cold).items()
                         if p.startswith(f"{course}/")}
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in _deck(tmp_path / "again", "lp-practitioners")
                      .slides if s.has_notes_slide)
    assert "Begin with skills." in notes and "Start with skills." not in notes


def _deck(pack: Path, course: str):
    from pptx import Presentation

    return Presentation(str(pack / course / "deck.pptx"))


def _entry_files(cache: Path, programme, brand, course: str) -> Path:
    key = course_key(course_plan(programme, course), brand, None, False, (), None)
    entry = next(e for e in RenderCache(cache).entries() if e.name == key)
    return entry


@pytest.mark.parametrize("damage", ["truncated", "altered", "index removed", "file removed", "index garbled",
                                    "index edited"])
def test_a_damaged_entry_is_a_miss_and_is_rendered_and_stored_again(tmp_path, damage, cold, filled, programme,
                                                                     brand):
    cache = shutil.copytree(filled[0], tmp_path / "cache")
    entry = _entry_files(cache, programme, brand, "lp-practitioners")
    deck = entry / "deck.pptx"
    if damage == "truncated":
        deck.write_bytes(deck.read_bytes()[:1000])
    elif damage == "altered":
        data = bytearray(deck.read_bytes())
        data[len(data) // 2] ^= 0xFF
        deck.write_bytes(bytes(data))
    elif damage == "index removed":
        (entry / "index.json").unlink()
    elif damage == "file removed":
        deck.unlink()
    elif damage == "index edited":  # the files as written, but what the index says of their checks changed
        index = entry / "index.json"
        index.write_text(index.read_text(encoding="utf-8").replace('"checks": []', '"checks": [{"severity": '
                         '"warning", "file": "x", "message": "y"}]', 1), encoding="utf-8")
    else:
        (entry / "index.json").write_text('{"key": ', encoding="utf-8")
    result = build_pack(programme, brand, tmp_path / "pack", COURSES, cache=cache)
    assert result.rendered == ("lp-practitioners",)
    assert pack_bytes(tmp_path / "pack") == cold
    again = build_pack(programme, brand, tmp_path / "again", COURSES, cache=cache)
    assert (again.rendered, again.cached) == ((), tuple(COURSES))  # the entry was replaced whole
    assert pack_bytes(tmp_path / "again") == cold


def test_a_cached_course_is_not_checked_again(tmp_path, monkeypatch, filled, programme, brand):
    import iwpacks.pack.build as build
    import iwpacks.pack.check as check

    read: list[str] = []

    def counted(file, name):
        if file.is_file():
            read.append(name)
        return check_file(file, name)

    check_file = check.check_file
    monkeypatch.setattr(check, "check_file", counted)
    monkeypatch.setattr(build, "check_file", counted)
    cache = shutil.copytree(filled[0], tmp_path / "cache")
    build_pack(programme, brand, tmp_path / "pack", COURSES, cache=cache)
    assert read == ["training-plan.pdf"]  # the programme's own document, drawn afresh by every build
    build_pack(programme, brand, tmp_path / "cold", ["iw-practitioners"], cache=tmp_path / "empty")
    assert sorted(read[1:]) == sorted(["training-plan.pdf", *(f"iw-practitioners/{p.name}" for p in
                                                                (tmp_path / "cold" / "iw-practitioners").iterdir())])


def test_the_acronym_findings_come_back_from_the_cache_with_the_files(filled):
    cache, result, _ = filled
    stored = [RenderCache(cache).get(e.name) for e in RenderCache(cache).entries()]
    assert all(entry is not None for entry in stored)
    # What the acronym check found is part of the pack's warnings, cold or cached alike.
    for entry in stored:
        assert entry is not None
        for finding in entry.findings:
            assert str(finding) in result.warnings


@pytest.fixture(scope="module")
def northmoor(programme):
    return apply_overlay(programme, load_overlay(programme, "northmoor"))


def test_a_changed_la_logo_of_the_same_size_is_another_key(northmoor, brand):
    local = northmoor.localisation
    assert local is not None and local.logo_image is not None
    logo = local.logo_image
    other = LogoImage(logo.png[:-1] + bytes([logo.png[-1] ^ 1]), logo.width, logo.height)
    assert repr(other) == repr(logo)  # the bytes are not in the repr: a key must not be built from it
    changed = attrs.evolve(northmoor, localisation=attrs.evolve(local, logo_image=other))
    keys = {course_key(course_plan(p, "lp-practitioners", True), brand, None, True, (), None)
            for p in (northmoor, changed)}
    assert len(keys) == 2


def test_a_changed_slot_value_misses_and_is_drawn_into_the_course(tmp_path, northmoor, brand):
    local = northmoor.localisation
    assert local is not None
    cache = tmp_path / "cache"
    build_pack(northmoor, brand, tmp_path / "first", ["lp-practitioners"], cache=cache)
    contacts = local.slots["escalation-contacts"]
    moved = attrs.evolve(contacts[0], phone="01632 960 999")
    changed = attrs.evolve(northmoor, localisation=attrs.evolve(
        local, slots=FrozenMap({**local.slots, "escalation-contacts": (moved, *contacts[1:])})))
    result = build_pack(changed, brand, tmp_path / "again", ["lp-practitioners"], cache=cache)
    assert result.rendered == ("lp-practitioners",)
    same = build_pack(northmoor, brand, tmp_path / "same", ["lp-practitioners"], cache=cache)
    assert same.cached == ("lp-practitioners",)  # the first entry is still there beside the new one
    assert pack_bytes(tmp_path / "same") == pack_bytes(tmp_path / "first")


def test_the_key_reads_every_value_of_a_plan_and_refuses_one_it_cannot(plans):
    assert len({value_digest(plan) for plan in plans.values()}) == len(plans)
    with pytest.raises(TypeError, match="cannot read a object"):
        value_digest((1, object()))


def test_the_command_line_caches_by_default_and_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache"
    monkeypatch.setenv("IWPACKS_CACHE", str(cache))
    build = ["build", "--course", "iw-practitioners", "--jobs", "1"]
    assert main([*build, "--out", "one"]) == 0
    assert capsys.readouterr().out == "built 1 course, 14 files into one\n"
    assert main([*build, "--out", "two"]) == 0
    assert capsys.readouterr().out == "built 1 course (0 rendered, 1 from the cache), 14 files into two\n"
    assert pack_bytes(tmp_path / "one") == pack_bytes(tmp_path / "two")
    assert main(["cache", "info"]) == 0
    info = capsys.readouterr().out
    assert info.startswith(f"{cache}: 1 entry, ") and info.endswith(" MB\n")
    assert main(["cache", "clear"]) == 0
    assert capsys.readouterr().out == f"cleared 1 entry from {cache}\n"
    assert RenderCache(cache).entries() == []
    assert main(["cache", "info"]) == 0
    assert capsys.readouterr().out == f"{cache}: 0 entries, 0.0 MB\n"


def test_no_cache_neither_reads_nor_stores_and_cache_names_another_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IWPACKS_CACHE", str(tmp_path / "default"))
    build = ["build", "--course", "iw-practitioners", "--jobs", "1"]
    assert main([*build, "--out", "one", "--cache", "mine"]) == 0
    assert main([*build, "--out", "two", "--no-cache", "--cache", "mine"]) == 0  # mine holds it, unread
    assert main([*build, "--out", "three", "--no-cache"]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == ["built 1 course, 14 files into two",
                                                          "built 1 course, 14 files into three"]
    assert len(RenderCache(tmp_path / "mine").entries()) == 1
    assert not (tmp_path / "default").exists()  # nothing stored where the default would have put it
    assert main(["cache", "info", "--cache", "mine"]) == 0
    assert capsys.readouterr().out.startswith("mine: 1 entry, ")
