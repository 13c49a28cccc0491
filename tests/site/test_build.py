"""Building the site: a pack's downloads, the same bytes every time, atomic output, the zip and the command line."""
from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import sys
import zipfile

import attrs
import pytest
from html_reading import read
from paths import EXAMPLES, REPO

from iwpacks.errors import ContentError, UsageError
from iwpacks.model import FrozenMap
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.renderers._contrast import contrast_ratio
from iwpacks.site import build_site, links, site_files
from iwpacks.site.colours import site_colours, text_pairs


def test_a_course_page_links_each_pack_file_with_its_size_and_sha256_and_a_zip_of_the_course(
        programme, brand, one_course_pack):
    files = site_files(programme, brand, one_course_pack)
    manifest = json.loads((one_course_pack / "manifest.json").read_text(encoding="utf-8"))
    page = read(files, links.course_page("caf-practitioners"))
    for entry in manifest["files"]:
        site_path = f"{links.DOWNLOADS}/{entry['path']}"
        assert files[site_path] == (one_course_pack / entry["path"]).read_bytes()
        if entry["path"].startswith("caf-practitioners/"):
            assert f"../{site_path}" in page.links
            assert entry["sha256"] in page.visible
    archive = zipfile.ZipFile(io.BytesIO(files[f"{links.DOWNLOADS}/caf-practitioners.zip"]))
    assert sorted(archive.namelist()) == sorted(e["path"] for e in manifest["files"] if "/" in e["path"])
    assert "../downloads/caf-practitioners.zip" in page.links
    assert "Download the trainer pack for this course" in page.visible
    other = read(files, links.course_page("iw-practitioners"))  # not in the pack: its files are named, not linked
    assert not any(h.startswith("../downloads/") for h in other.links) and "deck.pptx" in other.visible
    assert "../downloads/training-plan.pdf" not in page.links
    assert "downloads/training-plan.pdf" in read(files, links.HOME).links


def test_a_pack_built_for_another_la_is_refused_in_one_line(northmoor, brand, one_course_pack, tmp_path):
    with pytest.raises(UsageError) as caught:
        site_files(northmoor, brand, one_course_pack)
    assert str(caught.value) == (f"--pack {one_course_pack} is the master pack, and this is the site for northmoor; "
                                 "give a pack built with the same --la")
    with pytest.raises(UsageError, match="not a pack folder"):
        site_files(northmoor, brand, tmp_path)


def test_the_same_inputs_give_the_same_bytes_and_the_same_zip(programme, brand, master_site, tmp_path):
    assert site_files(programme, brand) == master_site
    first = build_site(programme, brand, tmp_path / "a" / "site", zip_path=tmp_path / "a" / "site.zip")
    second = build_site(programme, brand, tmp_path / "b" / "site", zip_path=tmp_path / "b" / "site.zip")
    assert (tmp_path / "a" / "site.zip").read_bytes() == (tmp_path / "b" / "site.zip").read_bytes()
    assert first.files == second.files
    written = {p.relative_to(first.folder).as_posix() for p in first.folder.rglob("*") if p.is_file()}
    assert written == set(master_site)
    names = zipfile.ZipFile(tmp_path / "a" / "site.zip").namelist()
    assert "site/index.html" in names and "site/assets/search-index.js" in names


def test_the_manifest_lists_every_file_with_its_sha256(master_site):
    manifest = json.loads(master_site["manifest.json"])
    listed = {e["path"]: e["sha256"] for e in manifest["files"]}
    assert listed == {p: hashlib.sha256(d).hexdigest() for p, d in master_site.items() if p != "manifest.json"}


def test_a_failed_build_leaves_the_previous_site_as_it_was(programme, brand, tmp_path, monkeypatch):
    out = tmp_path / "site"
    build_site(programme, brand, out)
    before = (out / "index.html").read_bytes()
    import iwpacks.site.build as site_build

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(site_build, "site_files", lambda *a, **k: {"index.html": b"new", "x/y.html": b""})
    monkeypatch.setattr(site_build.Path, "write_bytes", broken)
    with pytest.raises(OSError):
        build_site(programme, brand, out)
    monkeypatch.undo()
    assert (out / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging folder or lock left behind


def test_a_folder_of_other_files_is_never_replaced(programme, brand, tmp_path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "letter.txt").write_text("keep me")
    with pytest.raises(UsageError, match="holds other files"):
        build_site(programme, brand, tmp_path / "documents")
    assert (tmp_path / "documents" / "letter.txt").read_text() == "keep me"


def test_the_site_refuses_to_replace_the_pack_it_puts_on_line(programme, brand, one_course_pack):
    with pytest.raises(UsageError, match="inside the output folder"):
        build_site(programme, brand, one_course_pack, pack=one_course_pack)


def test_hostile_overlay_text_shows_as_text_on_every_page(programme, brand, tmp_path):
    """Markup, template syntax and right-to-left text in an overlay reach the reader as the LA wrote them."""
    la = shutil.copytree(EXAMPLES / "northmoor", tmp_path / "testshire", ignore=shutil.ignore_patterns("organisations"))
    overlay = la / "overlay.yaml"
    hostile = "<script>alert(1)</script> {{ 7*7 }} \u05de\u05e8\u05db\u05d6 \u05d4\u05d3\u05e8\u05db\u05d4"
    text = overlay.read_text(encoding="utf-8")
    text = text.replace("name: Northmoor Borough Council", f'name: "Northmoor {hostile}"', 1)
    text = text.replace("- name: Workforce Development Team", f'- name: "Team {hostile}"', 1)
    overlay.write_text(text, encoding="utf-8")
    files = site_files(apply_overlay(programme, load_overlay(programme, la)), brand)
    for path in (p for p in files if p.endswith(".html")):
        html = files[path].decode("utf-8")
        page = read(files, path)
        assert f"Northmoor {hostile}" in page.visible, path
        assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html, path
        assert page.scripts in ([], ["assets/search-index.js", "assets/search.js"]), path
        assert "49" not in page.visible.replace("7*7", ""), path
    assert f"Team {hostile}" in read(files, links.HOME).visible
    assert 'dir="auto">Team &lt;script&gt;' in files[links.HOME].decode("utf-8")


def test_the_search_index_is_a_script_no_text_can_break_out_of(master_site, programme):
    script = master_site[links.asset("search-index.js")].decode("ascii")
    assert script.startswith("window.IWPACKS_SEARCH = ") and script.endswith(";\n")
    assert "<" not in script and ">" not in script
    rows = json.loads(script.removeprefix("window.IWPACKS_SEARCH = ").removesuffix(";\n"))
    pages = [r["page"] for r in rows]
    assert sorted(pages) == sorted(p for p in master_site if p.startswith(("courses/", "modules/", "audiences/")))
    caf = next(r for r in rows if r["page"] == links.course_page("caf-practitioners"))
    assert caf["kind"] == "Course" and "CAF02 Using the CAF in Practice" in caf["text"]


def test_every_colour_pair_the_stylesheet_draws_reaches_wcag_aa(brand, master_site):
    colours = site_colours(brand)
    for fg, bg, need in text_pairs(colours):
        assert contrast_ratio(fg, bg) >= need, (fg, bg)
    css = master_site[links.asset("site.css")].decode("utf-8")
    for value in attrs.asdict(colours).values():
        assert f"#{value};" in css
    assert ":focus-visible { outline: 3px solid var(--focus)" in css


def test_a_brand_whose_colours_fail_contrast_is_refused(brand):
    pale = attrs.evolve(brand, colours=FrozenMap({**brand.colours, "muted": "BBBBBB"}))
    with pytest.raises(ContentError, match="do not reach WCAG AA: BBBBBB on FFFFFF"):
        site_colours(pale)


def _iwpacks(*args, cwd):
    return subprocess.run([sys.executable, "-m", "iwpacks", *args], capture_output=True, text=True, cwd=cwd,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})


def test_the_command_writes_the_la_site_and_its_zip_beside_it(tmp_path):
    result = _iwpacks("site", "--la", "northmoor", "--zip", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (f"wrote the site of 18 courses, {len(list((tmp_path / 'dist' / 'site-northmoor').rglob('*.*')))}"
                             " files into dist/site-northmoor and dist/iwpacks-site-northmoor.zip\n")
    assert "Northmoor Borough Council" in (tmp_path / "dist" / "site-northmoor" / "index.html").read_text()
    assert (tmp_path / "dist" / "iwpacks-site-northmoor.zip").is_file()


def test_the_command_says_what_is_wrong_in_one_line(tmp_path):
    (tmp_path / "taken").write_text("a file")
    result = _iwpacks("site", "--out", "taken", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "taken is a file" in result.stderr
    result = _iwpacks("site", "--pack", "nowhere", "--out", "site", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == ("usage: --pack nowhere: not a pack folder (no readable manifest.json); "
                             "give a folder that `iwpacks build` wrote\n")
    assert not (tmp_path / "site").exists()
