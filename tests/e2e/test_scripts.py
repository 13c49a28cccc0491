"""Every script in every PDF: an LA's names and contacts in Arabic, Hebrew, Chinese, Japanese, Korean, emoji and
accents typed as combining marks come back from pdftotext exactly as written (in NFC)."""
from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
import yaml
from paths import EXAMPLES

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.pack.build import build_pack

LA_NAME = "Northmoor مجلس نورثمور"
CONTACTS = [  # (name, role): each short enough to stay on one line of the narrowest column
    ("فاطمة الزهراء", "Booking officer"),
    ("שרה לוי", "Training lead"),
    ("王小明", "北京市 liaison"),
    ("佐藤 花子", "東京 team"),
    ("김민준", "서울 office"),
    ("Jo 🙂 Bloggs", "Bookings ✓"),
    ("Sio\u0302n Llyr", "Cafe\u0301 manager"),  # NFD: the overlay is read in NFC
]


def _reading_order(text: str) -> str:
    """pdftotext's text without the embedding marks it puts round a right-to-left run."""
    return "".join(c for c in text if c not in "\u202a\u202b\u202c\u202d\u202e")


@pytest.fixture(scope="module")
def pack(programme, brand, tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("scripts")
    folder = tmp / "la"
    shutil.copytree(EXAMPLES / "northmoor", folder, ignore=shutil.ignore_patterns("organisations"))
    data = yaml.safe_load((folder / "overlay.yaml").read_text(encoding="utf-8"))
    data["name"] = LA_NAME
    data["slots"]["training-contacts"] = [{"name": n, "role": r, "organisation": "Northmoor", "phone": "01632 960 130"}
                                          for n, r in CONTACTS]
    (folder / "overlay.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    local = apply_overlay(programme, load_overlay(programme, folder))
    names = tuple(n for n, _ in CONTACTS)
    build_pack(local, brand, tmp / "pack", ["iw-practitioners"], attendees=names)
    return tmp / "pack"


def _pdf_text(path: Path) -> str:
    run = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return _reading_order(run.stdout)


@pytest.mark.office
@pytest.mark.parametrize("name", ["iw-practitioners/course-specification.pdf", "iw-practitioners/course-outline.pdf",
                                  "training-plan.pdf"])
def test_every_name_and_contact_comes_back_from_the_pdf_as_written(pack, name):
    text = _pdf_text(pack / name)
    assert unicodedata.normalize("NFC", LA_NAME) in text
    shown = CONTACTS[:1] if name.endswith("outline.pdf") else CONTACTS[:2]  # a one-page document names the first
    if name.endswith("specification.pdf"):
        shown = CONTACTS
    for person, role in shown:
        assert unicodedata.normalize("NFC", person) in text, person
        assert unicodedata.normalize("NFC", role) in text, role


@pytest.mark.office
def test_every_attendee_name_comes_back_from_its_certificate(pack):
    pages = _pdf_text(pack / "iw-practitioners" / "certificate.pdf").split("\f")
    for page, (person, _) in zip(pages, CONTACTS):
        assert unicodedata.normalize("NFC", person) in page, person


@pytest.mark.office
def test_no_pdf_draws_a_missing_glyph(pack):
    """pdffonts lists each embedded font; a character no font had would have fallen to the body font's
    .notdef box, which pdftotext reads as nothing: the checks above would have caught it, and this one checks
    every font is embedded."""
    for path in pack.rglob("*.pdf"):
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(" yes " in row for row in rows), (path.name, fonts)


@pytest.mark.office
def test_a_contact_line_with_a_hebrew_organisation_keeps_its_order(programme, brand, tmp_path):
    """A booking contact whose organisation is in Hebrew, followed by its phone: it reads back in its
    order (name, role, organisation, then the phone), the Hebrew right to left inside it."""
    folder = tmp_path / "la"
    shutil.copytree(EXAMPLES / "northmoor", folder, ignore=shutil.ignore_patterns("organisations"))
    data = yaml.safe_load((folder / "overlay.yaml").read_text(encoding="utf-8"))
    data["slots"]["training-contacts"] = [{"name": "שרה כהן", "role": "Bookings and feedback",
                                           "organisation": "שירותי ילדים", "phone": "01632 960 130"}]
    (folder / "overlay.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    build_pack(apply_overlay(programme, load_overlay(programme, folder)), brand, tmp_path / "pack",
               ["iw-practitioners"], artefacts=["course-specification"])
    text = " ".join(_pdf_text(tmp_path / "pack" / "iw-practitioners" / "course-specification.pdf").split())
    # The specification stacks a contact: who they are on one line, how to reach them below it.
    assert "שרה כהן, Bookings and feedback, שירותי ילדים 01632 960 130" in text
