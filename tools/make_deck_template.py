"""Builds brand/deck-template.pptx: a 16:9 slide master with the named layouts the deck renderer uses.

Run `python tools/make_deck_template.py` after changing brand.yaml. The .pptx is committed: designers may
restyle it in PowerPoint (colours, fonts, positions, backgrounds) without touching code, as long as the
layout names stay: Title, Section, Title and Content, Two Content, Exercise, Closing.
"""
from __future__ import annotations

import copy
import io
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches

REPO = Path(__file__).resolve().parent.parent
BRAND = REPO / "brand"
sys.path.insert(0, str(REPO))
from iwpacks.renderers._determinism import normalise_zip  # noqa: E402
from iwpacks.source.brand import font_panose, load_brand  # noqa: E402  (the script runs from a checkout)

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
W, H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
# Default layouts of python-pptx's template, by index, and the names our renderer asks for.
KEEP = {0: "Title", 2: "Section", 1: "Title and Content", 3: "Two Content", 4: "Exercise", 7: "Closing"}


def q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def set_theme(prs: Presentation, brand) -> None:
    """Theme colours and fonts from the brand, and a theme name that is ours, not 'Office Theme'."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    root.set("name", "Integrated Working")
    c = brand.colours
    scheme = {"dk1": c["text"], "lt1": c["background"], "dk2": c["secondary"], "lt2": c["tint"],
              "accent1": c["primary"], "accent2": c["accent"], "accent3": c["secondary"], "accent4": c["muted"],
              "accent5": "3E7C87", "accent6": "8A5A44", "hlink": c["primary"], "folHlink": c["secondary"]}
    clr = root.find(f".//{q(A, 'clrScheme')}")
    clr.set("name", "Integrated Working")
    for name, value in scheme.items():
        slot = clr.find(q(A, name))
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, q(A, "srgbClr"), val=value)
    fonts = root.find(f".//{q(A, 'fontScheme')}")
    fonts.set("name", "Integrated Working")
    for kind, face in (("majorFont", brand.heading_font), ("minorFont", brand.body_font)):
        latin = fonts.find(q(A, kind)).find(q(A, "latin"))
        latin.set("typeface", face)
        # PowerPoint has no font table: on a machine without the family it picks the installed font whose
        # PANOSE class is closest, which for Liberation Sans is its metric twin Arial (brand.yaml's fallback).
        latin.set("panose", font_panose(brand.font_file(face, "Regular")))
        latin.set("pitchFamily", "34")  # variable pitch, sans serif (swiss)
        latin.set("charset", "0")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def set_text_styles(prs: Presentation, brand) -> None:
    """Master title and body styles: brand colours, body text never below 18 pt."""
    styles = prs.slide_master.element.find(q(P, "txStyles"))
    sizes = {"titleStyle": [3600], "bodyStyle": [2600, 2200, 2000, 1800, 1800, 1800, 1800, 1800, 1800]}
    for style_name, sz in sizes.items():
        style = styles.find(q(P, style_name))
        for level, ppr in enumerate(p for p in style if p.tag.startswith(f"{{{A}}}lvl")):
            rpr = ppr.find(q(A, "defRPr"))
            rpr.set("sz", str(sz[min(level, len(sz) - 1)]))
            if style_name == "titleStyle":
                rpr.set("b", "1")
                ppr.set("algn", "l")
            fill = rpr.find(q(A, "solidFill"))
            if fill is not None:
                rpr.remove(fill)
            fill = etree.Element(q(A, "solidFill"))
            etree.SubElement(fill, q(A, "schemeClr"), val="accent1" if style_name == "titleStyle" else "tx1")
            rpr.insert(0, fill)


def no_autofit(master) -> None:
    """Our renderer splits text to fit; autofit would let LibreOffice and PowerPoint shrink it unevenly."""
    for fit in master.element.iter(q(A, "normAutofit")):
        parent = fit.getparent()
        parent.replace(fit, etree.Element(q(A, "noAutofit")))


def logo_band(layout, brand, colour: str) -> None:
    """A white band along the foot of a full-colour layout, carrying the logo (alt text set)."""
    from pptx.oxml.shapes.picture import CT_Picture

    tree = layout.shapes._spTree
    band_h = Inches(1.0)
    band = copy.deepcopy(_BAR_XML)
    band.nvSpPr.cNvPr.set("name", "Logo band")
    band.nvSpPr.cNvPr.set("id", "92")
    off, ext = band.spPr.xfrm.off, band.spPr.xfrm.ext
    off.x, off.y, ext.cx, ext.cy = 0, H - band_h, W, band_h
    band.spPr.find(q(A, "solidFill")).find(q(A, "srgbClr")).set("val", colour)
    _part, r_id = layout.part.get_or_add_image_part(str(brand.logo))
    height = Inches(0.6)
    pic = CT_Picture.new_pic(93, "Brand logo", f"{brand.name} logo", r_id, MARGIN, H - band_h + Inches(0.2),
                             int(height * 5), height)
    tree.insert(2, pic)
    tree.insert(2, band)


_BAR_XML = None


def place(shape, left, top, width, height) -> None:
    shape.left, shape.top, shape.width, shape.height = Emu(left), Emu(top), Emu(width), Emu(height)


def fill_background(layout_or_master, hex_colour: str) -> None:
    fill = layout_or_master.background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor.from_string(hex_colour)


def text_colour(placeholder, hex_colour: str, size: int | None = None, bold: bool | None = None) -> None:
    """Give a layout placeholder its own first-level text colour (and size) through lstStyle."""
    body = placeholder.text_frame._txBody
    lst = body.find(q(A, "lstStyle"))
    for child in list(lst):
        lst.remove(child)
    lvl = etree.SubElement(lst, q(A, "lvl1pPr"))
    rpr = etree.SubElement(lvl, q(A, "defRPr"))
    if size:
        rpr.set("sz", str(size * 100))
    if bold is not None:
        rpr.set("b", "1" if bold else "0")
    fill = etree.SubElement(rpr, q(A, "solidFill"))
    etree.SubElement(fill, q(A, "srgbClr"), val=hex_colour)


def no_bullets(placeholder) -> None:
    lvl = placeholder.text_frame._txBody.find(q(A, "lstStyle")).find(q(A, "lvl1pPr"))
    lvl.set("marL", "0")
    lvl.set("indent", "0")
    etree.SubElement(lvl, q(A, "buNone"))
    lvl.insert(0, lvl[-1])


def remove_other_layouts(prs: Presentation) -> None:
    master = prs.slide_master
    id_list = master.element.find(q(P, "sldLayoutIdLst"))
    for index, layout in enumerate(list(master.slide_layouts)):
        if index in KEEP:
            continue
        for entry in list(id_list):
            r_id = entry.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            if master.part.related_part(r_id) is layout.part:
                id_list.remove(entry)
                master.part.drop_rel(r_id)


def brand_master(prs: Presentation, brand) -> None:
    master = prs.slide_master
    fill_background(master, brand.colours["background"])
    # MasterShapes cannot add shapes: draw the bar on a scratch slide and move its XML to the master.
    scratch = prs.slides.add_slide(prs.slide_layouts[6])
    bar = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, W, Inches(0.14))
    bar.fill.solid()
    bar.fill.fore_color.rgb = RGBColor.from_string(brand.colours["primary"])
    bar.line.fill.background()
    global _BAR_XML
    bar_xml = copy.deepcopy(bar._element)
    _BAR_XML = copy.deepcopy(bar_xml)
    bar_xml.nvSpPr.cNvPr.set("name", "Brand bar")
    bar_xml.nvSpPr.cNvPr.set("id", "90")
    slide_ids = prs.slides._sldIdLst
    r_id = slide_ids[-1].rId
    slide_ids.remove(slide_ids[-1])
    prs.part.drop_rel(r_id)
    _image_part, image_rid = master.part.get_or_add_image_part(str(brand.logo))
    from pptx.oxml.shapes.picture import CT_Picture

    height = Inches(0.42)
    width = int(height * 5)  # the logo is 5:1
    pic = CT_Picture.new_pic(91, "Brand logo", f"{brand.name} logo", image_rid, MARGIN, H - Inches(0.62),
                             width, height)
    tree = master.shapes._spTree
    for element in (pic, bar_xml):  # behind the placeholders, so reading order starts with the title
        tree.insert(2, element)
    for ph in master.placeholders:
        kind = ph.placeholder_format.type.name
        if kind == "TITLE":
            place(ph, MARGIN, Inches(0.35), W - 2 * MARGIN, Inches(1.0))
        elif kind == "BODY":
            place(ph, MARGIN, Inches(1.55), W - 2 * MARGIN, Inches(4.95))
        elif kind == "DATE":
            place(ph, Inches(4.2), H - Inches(0.55), Inches(2.0), Inches(0.35))
        elif kind == "FOOTER":
            place(ph, Inches(3.4), H - Inches(0.55), Inches(7.4), Inches(0.35))
        elif kind == "SLIDE_NUMBER":
            place(ph, W - MARGIN - Inches(1.2), H - Inches(0.55), Inches(1.2), Inches(0.35))


def layout_positions(prs: Presentation, brand) -> None:
    c = brand.colours
    layouts = {layout.name: layout for layout in prs.slide_master.slide_layouts}
    by_index = dict(zip(sorted(KEEP), [layouts[n] for n in
                                       ("Title Slide", "Title and Content", "Section Header", "Two Content",
                                        "Comparison", "Content with Caption")]))
    for index, layout in by_index.items():
        layout.name = KEEP[index]
        for ph in list(layout.placeholders):
            if ph.placeholder_format.type.name in ("DATE", "FOOTER", "SLIDE_NUMBER"):
                ph._element.getparent().remove(ph._element)  # the renderer writes its own footer text
    body_top, body_h = Inches(1.55), Inches(4.95)
    full_w = W - 2 * MARGIN
    for layout in prs.slide_master.slide_layouts:
        ph = {p.placeholder_format.idx: p for p in layout.placeholders}
        if layout.name == "Title":
            fill_background(layout, c["primary"])
            place(ph[0], MARGIN, Inches(1.3), full_w, Inches(2.2))
            place(ph[1], MARGIN, Inches(3.6), full_w, Inches(2.4))
            text_colour(ph[0], c["background"], 40, True)
            text_colour(ph[1], c["background"], 22)
            no_bullets(ph[1])
            layout.element.set("showMasterSp", "0")
            logo_band(layout, brand, c["background"])
        elif layout.name == "Section":
            fill_background(layout, c["secondary"])
            place(ph[0], MARGIN, Inches(2.2), full_w, Inches(1.6))
            place(ph[1], MARGIN, Inches(3.9), full_w, Inches(1.8))
            text_colour(ph[0], c["background"], 36, True)
            text_colour(ph[1], c["background"], 22)
            no_bullets(ph[1])
            layout.element.set("showMasterSp", "0")
        elif layout.name == "Title and Content":
            place(ph[0], MARGIN, Inches(0.35), full_w, Inches(1.0))
            place(ph[1], MARGIN, body_top, full_w, body_h)
        elif layout.name == "Two Content":
            half = (full_w - Inches(0.4)) // 2
            place(ph[0], MARGIN, Inches(0.35), full_w, Inches(1.0))
            place(ph[1], MARGIN, body_top, half, body_h)
            place(ph[2], MARGIN + half + Inches(0.4), body_top, half, body_h)
        elif layout.name == "Exercise":
            half = (full_w - Inches(0.4)) // 2
            place(ph[0], MARGIN, Inches(0.35), full_w, Inches(1.0))
            place(ph[1], MARGIN, body_top, half, Inches(0.5))
            place(ph[2], MARGIN, body_top + Inches(0.55), half, body_h - Inches(0.55))
            place(ph[3], MARGIN + half + Inches(0.4), body_top, half, Inches(0.5))
            place(ph[4], MARGIN + half + Inches(0.4), body_top + Inches(0.55), half, body_h - Inches(0.55))
            for idx in (1, 3):
                text_colour(ph[idx], c["accent"], 20, True)
                no_bullets(ph[idx])
        elif layout.name == "Closing":
            fill_background(layout, c["primary"])
            place(ph[0], MARGIN, Inches(0.9), full_w, Inches(1.2))
            place(ph[1], MARGIN, Inches(2.2), full_w, Inches(2.3))
            place(ph[2], MARGIN, Inches(4.6), full_w, Inches(1.6))
            text_colour(ph[0], c["background"], 40, True)
            text_colour(ph[2], c["background"], 22)
            text_colour(ph[1], c["background"], 20)
            no_bullets(ph[2])
            no_bullets(ph[1])
            layout.element.set("showMasterSp", "0")
            logo_band(layout, brand, c["background"])


def main() -> None:
    brand = load_brand(BRAND)
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    set_theme(prs, brand)
    set_text_styles(prs, brand)
    brand_master(prs, brand)
    remove_other_layouts(prs)
    layout_positions(prs, brand)
    no_autofit(prs.slide_master)
    prs.core_properties.title = f"{brand.name} slide template"
    prs.core_properties.author = brand.name
    buffer = io.BytesIO()
    prs.save(buffer)
    # Fixed zip timestamps: regenerating an unchanged template leaves the committed file byte-identical.
    (BRAND / "deck-template.pptx").write_bytes(normalise_zip(buffer.getvalue()))


if __name__ == "__main__":
    main()
