"""The reviewers' contact sheet: every slide and page of a pack has its image in preview.html."""
from __future__ import annotations

import html.parser
import subprocess
import sys

import pytest
from pypdf import PdfReader

from iwpacks.model import ARTEFACTS
from iwpacks.pack.build import build_pack
from iwpacks.pack.office import to_pdf
from iwpacks.pack.preview import build_preview


class _Images(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.sources.append(dict(attrs)["src"])


@pytest.mark.office
def test_preview_has_an_image_for_every_slide_and_page(programme, brand, tmp_path):
    pack = tmp_path / "master"
    build_pack(programme, brand, pack, ["iw-practitioners"])
    steps = []
    page = build_preview(pack, progress=lambda done, total, step: steps.append((done, total, step)))
    office_files = sum(1 for p in (pack / "iw-practitioners").iterdir() if p.suffix in (".pptx", ".docx"))
    # Every Office artefact but the cascade plan, which only a train-the-trainer course has.
    assert office_files == sum(1 for a in ARTEFACTS if a.filename.endswith((".pptx", ".docx"))) - 1
    assert steps == [(0, 1, f"LibreOffice: converting {office_files} Office files"), (1, 1, "iw-practitioners")]
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8"))
    course = pack / "iw-practitioners"
    office = sorted(p for p in course.iterdir() if p.suffix in (".pptx", ".docx"))
    pdfs = to_pdf(office, tmp_path / "pdf")
    expected = sum(len(PdfReader(str(pdf)).pages) for pdf in pdfs.values())
    expected += sum(len(PdfReader(str(p)).pages) for p in course.glob("*.pdf"))
    plan_pages = len(PdfReader(str(pack / "training-plan.pdf")).pages)  # the programme's own document, first
    assert len(parser.sources) == expected + plan_pages
    assert all("training-plan-" in s for s in parser.sources[:plan_pages])
    for source in parser.sources:
        assert (pack / source).is_file() and (pack / source).stat().st_size > 0
    deck_images = [s for s in parser.sources if "--deck-" in s]
    from pptx import Presentation

    assert len(deck_images) == len(Presentation(str(course / "deck.pptx")).slides)


def test_preview_without_libreoffice_says_how_to_install(tmp_path, monkeypatch):
    (tmp_path / "pack" / "c").mkdir(parents=True)
    (tmp_path / "pack" / "c" / "deck.pptx").write_bytes(b"x")
    result = subprocess.run([sys.executable, "-m", "iwpacks", "preview", str(tmp_path / "pack")],
                            capture_output=True, text=True, env={"PATH": "/nonexistent"})
    assert result.returncode == 4
    assert result.stderr == ("preview: LibreOffice is not installed; install it with: apt-get install "
                             "libreoffice-impress libreoffice-writer poppler-utils\n")
