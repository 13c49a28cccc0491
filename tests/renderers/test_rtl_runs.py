"""Word and PowerPoint mark right-to-left runs as such: a Hebrew or Arabic name is its own run, marked RTL, and
the English around it is not."""
from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document
from lxml import etree
from paths import EXAMPLES
from pptx import Presentation

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.pack.build import render_course
from iwpacks.renderers._rtl_runs import A, W

HEBREW, ARABIC = "שרה לוי", "فاطمة الزهراء"


@pytest.fixture(scope="module")
def files(programme, brand, tmp_path_factory):
    folder = tmp_path_factory.mktemp("rtl") / "la"
    shutil.copytree(EXAMPLES / "northmoor", folder, ignore=shutil.ignore_patterns("organisations"))
    data = yaml.safe_load((folder / "overlay.yaml").read_text(encoding="utf-8"))
    contacts = data["slots"]["escalation-contacts"]
    contacts[0]["name"] = f"{HEBREW} (Priya Shah)"
    contacts[1]["name"] = ARABIC
    (folder / "overlay.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    local = apply_overlay(programme, load_overlay(programme, folder))
    return render_course(local, brand, "lp-practitioners", ["deck", "handouts"])


def _rtl_letters(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def _latin_letters(text: str) -> bool:
    return any(unicodedata.bidirectional(c) == "L" for c in text)


def _runs(data: bytes, parts: str, ns: str) -> list[tuple[str, bool]]:
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith(parts) and name.endswith(".xml"):
                root = etree.fromstring(archive.read(name))
                for run in root.iter(f"{{{ns}}}r"):
                    text = "".join(t.text or "" for t in run.iter(f"{{{ns}}}t"))
                    marked = run.find(f"{{{ns}}}rPr/{{{ns}}}rtl") is not None
                    found.append((text, marked))
    return found


@pytest.mark.parametrize("artefact, parts, ns", [("deck.pptx", "ppt/slides/slide", A),
                                                 ("handouts.docx", "word/document", W)])
def test_right_to_left_runs_are_marked_and_nothing_else_is(files, artefact, parts, ns):
    runs = _runs(files[artefact], parts, ns)
    rtl = [text for text, marked in runs if _rtl_letters(text)]
    assert any(HEBREW in text for text in rtl) and any(ARABIC in text for text in rtl)
    for text, marked in runs:
        if _rtl_letters(text):
            assert marked and not _latin_letters(text), text  # split from the English beside it
        elif _latin_letters(text):
            assert not marked, text


def test_the_marked_files_still_open_and_read_back_whole(files):
    deck = Presentation(io.BytesIO(files["deck.pptx"]))
    shown = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert f"{HEBREW} (Priya Shah)" in shown and ARABIC in shown
    doc = Document(io.BytesIO(files["handouts.docx"]))
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        cell.text for table in doc.tables for row in table.rows for cell in row.cells)
    assert f"{HEBREW} (Priya Shah)" in text and ARABIC in text


@pytest.mark.office
def test_libreoffice_opens_the_marked_files(files, tmp_path):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        run = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                              "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / name)],
                             capture_output=True, text=True, timeout=240)
        assert (tmp_path / (Path(name).stem + ".pdf")).is_file(), run.stderr
