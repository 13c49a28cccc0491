"""The brand carries its own fonts: PDFs embed them, Office files name a metric twin, no system path is read."""
from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest

from iwpacks.errors import ContentError
from iwpacks.model import FONT_FACES
from iwpacks.pack.check import check_pdf
from iwpacks.renderers.course_spec import CourseSpecRenderer
from iwpacks.renderers.outline import OutlineRenderer
from iwpacks.source.brand import font_panose, load_brand

ARIAL_PANOSE = "020B0604020202020204"


def test_the_brand_fonts_ship_in_the_brand_folder_with_their_licence(brand):
    for family in (brand.heading_font, brand.body_font):
        for face in FONT_FACES:
            path = brand.font_file(family, face)
            assert path.is_file() and path.is_relative_to(brand.folder)
    assert "SIL OPEN FONT LICENSE Version 1.1" in (brand.folder / "fonts" / "OFL.txt").read_text()
    assert brand.fallback_font == "Arial"


def test_a_brand_missing_a_font_face_is_a_located_error(brand, tmp_path):
    copy = tmp_path / "brand"
    shutil.copytree(brand.folder, copy, ignore=shutil.ignore_patterns("*.py"))
    (copy / "fonts" / "LiberationSans-Italic.ttf").unlink()
    with pytest.raises(ContentError, match=r"brand\.yaml:\d+: fonts: .*LiberationSans-Italic\.ttf not found"):
        load_brand(copy)


def test_a_font_folder_outside_the_brand_is_refused(brand, tmp_path):
    copy = tmp_path / "brand"
    shutil.copytree(brand.folder, copy, ignore=shutil.ignore_patterns("*.py"))
    yaml = copy / "brand.yaml"
    yaml.write_text(yaml.read_text().replace("folder: fonts", "folder: ../../fonts"))
    with pytest.raises(ContentError, match=r"fonts\.folder: expected a folder inside the brand folder"):
        load_brand(copy)


@pytest.fixture(scope="module")
def pdfs(plans, brand):
    plan = plans["caf-practitioners"]
    return {"course-specification.pdf": CourseSpecRenderer().render(plan, brand),
            "course-outline.pdf": OutlineRenderer().render(plan, brand)}


@pytest.mark.office
def test_every_font_in_the_pdfs_is_embedded(pdfs, tmp_path):
    for name, data in pdfs.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert [f for f in check_pdf(path, name) if "font" in f.message] == []
        rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        fonts = rows.splitlines()[2:]
        assert fonts and all("LiberationSans" in row for row in fonts), rows
        assert all(row.split()[-5:-3] == ["yes", "yes"] for row in fonts), rows  # emb and sub


def test_office_templates_name_the_metric_twin_for_machines_without_the_font(brand):
    assert font_panose(brand.font_file("Liberation Sans", "Regular")) == ARIAL_PANOSE
    font_table = zipfile.ZipFile(brand.document_template).read("word/fontTable.xml").decode()
    assert '<w:font w:name="Liberation Sans"><w:altName w:val="Arial"/>' in font_table
    assert f'<w:panose1 w:val="{ARIAL_PANOSE}"/>' in font_table
    theme = zipfile.ZipFile(brand.deck_template).read("ppt/theme/theme1.xml").decode()
    assert theme.count(f'<a:latin typeface="Liberation Sans" panose="{ARIAL_PANOSE}"') == 2


def test_a_brand_with_no_fonts_mapping_is_a_located_error(brand, tmp_path):
    copy = tmp_path / "brand"
    shutil.copytree(brand.folder, copy, ignore=shutil.ignore_patterns("*.py"))
    yaml = copy / "brand.yaml"
    text = yaml.read_text()
    yaml.write_text(text[:text.index("fonts:")] + "fonts: ~\n" + text[text.index("logo:"):])
    with pytest.raises(ContentError, match=r"brand\.yaml:\d+: fonts: expected a mapping, found nothing \(null\)"):
        load_brand(copy)
