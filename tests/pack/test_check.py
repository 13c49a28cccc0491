"""The accessibility checker fails what it should: missing titles, skipped headings, low contrast."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import attrs
from docx import Document
from pptx import Presentation
from pptx.util import Pt
from reportlab.pdfgen import canvas

from iwpacks.model import FrozenMap
from iwpacks.pack.check import check_brand, check_deck, check_document, check_pdf


def _deck(tmp_path: Path, titles: list[str], size: float | None = None) -> Path:
    prs = Presentation()
    for title in titles:
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        body.text = "Body text"
        if size:
            body.paragraphs[0].runs[0].font.size = Pt(size)
    path = tmp_path / "deck.pptx"
    prs.save(path)
    return path


def test_deck_with_a_missing_title_fails(tmp_path):
    findings = check_deck(_deck(tmp_path, ["One", ""]), "deck.pptx")
    assert [str(f) for f in findings] == ["error: deck.pptx: slide 2 has no title"]


def test_deck_with_a_repeated_title_fails(tmp_path):
    findings = check_deck(_deck(tmp_path, ["One", "One"]), "deck.pptx")
    assert [f.message for f in findings] == ['slide 2 repeats the title "One" of slide 1']


def test_deck_with_small_body_text_fails(tmp_path):
    findings = check_deck(_deck(tmp_path, ["One"], size=12), "deck.pptx")
    assert [f.message for f in findings] == ['slide 1: text "Body text" is 12 pt; body text needs 18 pt']


def test_deck_picture_without_alt_text_fails(tmp_path):
    from PIL import Image

    Image.new("RGB", (10, 10)).save(tmp_path / "p.png")
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Picture"
    slide.shapes.add_picture(str(tmp_path / "p.png"), 0, 0)
    prs.save(tmp_path / "d.pptx")
    assert [f.message for f in check_deck(tmp_path / "d.pptx", "d")] == ['slide 1: picture "Picture 2" has no alt text']


def test_good_deck_passes(tmp_path):
    assert check_deck(_deck(tmp_path, ["One", "Two"], size=20), "deck.pptx") == []


def _document(tmp_path: Path, levels: list[int], header_row: bool = True) -> Path:
    doc = Document()
    doc.core_properties.title = "A guide"
    doc.core_properties.language = "en-GB"
    for level in levels:
        doc.add_heading(f"Heading at {level}", level)
    table = doc.add_table(rows=2, cols=2)
    if header_row:
        from docx.oxml import OxmlElement

        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
    path = tmp_path / "guide.docx"
    doc.save(path)
    return path


def test_document_with_a_skipped_heading_level_fails(tmp_path):
    findings = check_document(_document(tmp_path, [1, 3]), "guide.docx")
    assert [f.message for f in findings] == ['heading "Heading at 3" is level 3 after level 1: a level is skipped']


def test_document_table_without_header_row_fails(tmp_path):
    findings = check_document(_document(tmp_path, [1, 2], header_row=False), "guide.docx")
    assert [f.message for f in findings] == ["table 1 has no header row"]


def test_document_without_title_or_language_fails(tmp_path):
    path = _document(tmp_path, [1])
    doc = Document(str(path))
    doc.core_properties.title = ""
    doc.core_properties.language = ""
    doc.save(path)
    assert [f.message for f in check_document(path, "g")] == ["document title is not set",
                                                              "document language is not set"]


def test_good_document_passes(tmp_path):
    assert check_document(_document(tmp_path, [1, 2, 3, 2]), "guide.docx") == []


def test_pdf_without_title_language_or_bookmarks_fails(tmp_path):
    path = tmp_path / "spec.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.drawString(100, 700, "page one")
    c.showPage()
    c.drawString(100, 700, "page two")
    c.save()
    assert [f.message for f in check_pdf(path, "spec.pdf")] == [
        "PDF title is not set", "PDF language (/Lang) is not set", "PDF has no bookmarks",
        "PDF font not embedded: Helvetica"]


def test_low_contrast_brand_colour_fails(brand):
    pale = attrs.evolve(brand, colours=FrozenMap({**brand.colours, "primary": "9FD3DC"}))
    findings = check_brand(pale)
    assert any(f.severity == "error" and f.message.startswith("background on primary has contrast 1.")
               for f in findings), findings
    assert check_brand(brand) == []


def test_check_command_exits_3_on_errors(tmp_path):
    pack = tmp_path / "pack" / "course"
    pack.mkdir(parents=True)
    _deck(pack, ["One", ""])
    result = subprocess.run([sys.executable, "-m", "iwpacks", "check", str(tmp_path / "pack")],
                            capture_output=True, text=True)
    assert result.returncode == 3
    assert "error: course/deck.pptx: slide 2 has no title" in result.stderr
    assert "check: 1 error, 0 warnings" in result.stdout
