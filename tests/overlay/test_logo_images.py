"""LA logos: decoded in full when the overlay loads, normalised, and placed keeping their shape in every artefact."""
from __future__ import annotations

import io
import shutil
import zlib
from pathlib import Path

import pytest
from docx import Document
from PIL import Image
from pptx import Presentation
from pptx.util import Inches
from pypdf import PdfReader

from iwpacks.errors import ContentError
from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.pack.build import render_course
from iwpacks.source.images import MAX_ASPECT, read_logo
from paths import EXAMPLES


def la_folder(tmp: Path) -> Path:
    folder = tmp / "testshire"
    shutil.copytree(EXAMPLES / "northmoor", folder, ignore=shutil.ignore_patterns("organisations"))
    return folder


def _problems(programme, folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_overlay(programme, folder)
    return [str(p) for p in caught.value.problems]


def _png_with_cut_pixels(path: Path) -> None:
    """A PNG whose header is whole but whose pixel data stops half way: a header-only check passes it."""
    buffer = io.BytesIO()
    Image.effect_noise((300, 120), 80).convert("RGB").save(buffer, format="PNG")
    data = buffer.getvalue()
    idat = data.index(b"IDAT")
    length = int.from_bytes(data[idat - 4:idat], "big")
    body = data[idat + 4: idat + 4 + length // 2]
    chunk = (len(body)).to_bytes(4, "big") + b"IDAT" + body + zlib.crc32(b"IDAT" + body).to_bytes(4, "big")
    path.write_bytes(data[:idat - 4] + chunk + data[data.index(b"IEND") - 4:])


def test_a_png_with_cut_pixel_data_is_a_located_error(programme, tmp_path):
    folder = la_folder(tmp_path)
    _png_with_cut_pixels(folder / "logo.png")
    with Image.open(folder / "logo.png") as header_only:
        header_only.verify()  # what a header check sees: nothing wrong
    found = _problems(programme, folder)
    assert any('overlay.yaml:' in p and 'logo: "logo.png": the image data is damaged or cut short' in p
               for p in found), found


@pytest.mark.parametrize("mode, fmt, extra", [("CMYK", "JPEG", {}), ("I;16", "PNG", {}), ("P", "PNG", {}),
                                              ("LA", "PNG", {}), ("L", "JPEG", {})])
def test_unusual_colour_models_become_an_8_bit_srgb_png(tmp_path, mode, fmt, extra):
    path = tmp_path / f"logo.{fmt.lower()}"
    image = Image.new("RGB", (240, 80), (11, 85, 99))
    image = image.convert(mode) if mode != "I;16" else Image.new("I;16", (240, 80), 40000)
    image.save(path, format=fmt, **extra)  # Pillow's CMYK JPEG carries no JFIF header, as Photoshop's do not
    logo = read_logo(path)
    with Image.open(io.BytesIO(logo.png)) as normal:
        assert normal.format == "PNG" and normal.mode in ("RGB", "RGBA") and normal.size == (240, 80)
    assert (logo.width, logo.height) == (240, 80)


@pytest.mark.parametrize("size, shape", [((4000, 200), "wide"), ((200, 4000), "tall")])
def test_a_logo_too_extreme_to_read_is_refused(programme, tmp_path, size, shape):
    folder = la_folder(tmp_path)
    Image.new("RGB", size, "navy").save(folder / "logo.png")
    found = _problems(programme, folder)
    assert any(f"logo is {size[0]}x{size[1]} pixels, more than {MAX_ASPECT:g} times as {shape}" in p for p in found), found


@pytest.mark.parametrize("size", [(1600, 200), (200, 1600), (400, 400)])
def test_every_artefact_keeps_the_logo_in_its_box_and_its_shape(programme, brand, tmp_path, size):
    folder = la_folder(tmp_path)
    Image.new("RGB", size, (179, 64, 11)).save(folder / "logo.png")
    local = apply_overlay(programme, load_overlay(programme, folder))
    files = render_course(local, brand, "iw-practitioners", ["deck", "handouts", "course-outline"])
    aspect = size[0] / size[1]
    deck = Presentation(io.BytesIO(files["deck.pptx"]))
    placed = [s for slide in deck.slides for s in slide.shapes if s.name == "LA logo"]
    assert placed
    for shape in placed:
        assert shape.width <= Inches(3.0) + 36000 and shape.height <= Inches(0.6) + 36000
        assert shape.width / shape.height == pytest.approx(aspect, rel=0.01)
        assert shape.left + shape.width <= deck.slide_width
    doc = Document(io.BytesIO(files["handouts.docx"]))
    pictures = [s for s in doc.inline_shapes if "Logo of" in s._inline.docPr.get("descr", "")]
    assert pictures
    for shape in pictures:
        assert shape.width / shape.height == pytest.approx(aspect, rel=0.01)
        assert shape.height <= shape.width or shape.height <= 2.5 * 360000 + 1  # half of its 5 cm box
    pdf = PdfReader(io.BytesIO(files["course-outline.pdf"]))
    assert pdf.pages[0].images  # drawn from the normalised PNG


def test_the_logo_is_decoded_once_per_file(programme, tmp_path):
    folder = la_folder(tmp_path)
    assert read_logo(folder / "logo.png") is read_logo(folder / "logo.png")


def test_the_logo_boxes_come_from_the_brand(programme, brand, tmp_path):
    """A designer who gives the slide a smaller logo box in brand.yaml gets it on every slide."""
    import attrs

    folder = la_folder(tmp_path)
    Image.new("RGB", (400, 100), (179, 64, 11)).save(folder / "logo.png")
    local = apply_overlay(programme, load_overlay(programme, folder))
    from iwpacks.model import FrozenMap

    small = attrs.evolve(brand, logo_boxes=FrozenMap({**brand.logo_boxes, "slide": (20.0, 10.0), "cover": (20.0, 10.0)}))
    files = render_course(local, small, "iw-practitioners", ["deck", "handouts"])
    for shape in (s for slide in Presentation(io.BytesIO(files["deck.pptx"])).slides for s in slide.shapes
                  if s.name == "LA logo"):
        assert shape.width <= 20 * 36000 + 1 and shape.height <= 10 * 36000 + 1
    doc = Document(io.BytesIO(files["handouts.docx"]))
    logos = [s for s in doc.inline_shapes if "Logo of" in s._inline.docPr.get("descr", "")]
    assert logos and all(s.width <= 20 * 36000 + 1 for s in logos)


def test_a_brand_logo_box_out_of_range_is_a_located_error(tmp_path):
    import shutil as _shutil

    from iwpacks.source.brand import BUNDLED_BRAND, load_brand

    folder = tmp_path / "brand"
    _shutil.copytree(BUNDLED_BRAND, folder)
    path = folder / "brand.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("slide: [76.2, 15.24]", "slide: [0, 15]"),
                    encoding="utf-8")
    with pytest.raises(ContentError, match=r"brand.yaml:\d+: logo_boxes.slide: expected \[width, height\]"):
        load_brand(folder)
