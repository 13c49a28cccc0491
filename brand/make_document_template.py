"""Builds brand/document-template.docx: the Word styles every handout and trainer guide uses.

Run `python brand/make_document_template.py` after changing brand.yaml. The .docx is committed: a
designer may restyle it in Word (Title, Subtitle, Heading 1-3, Normal, List Bullet, List Number,
Table Grid, footer) without touching code.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from iwpacks.brand import load_brand  # noqa: E402  (the script runs from a checkout)

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def set_font(style, face: str, size: float, colour: str | None = None, bold: bool | None = None) -> None:
    font = style.font
    font.name = face
    font.size = Pt(size)
    if colour:
        font.color.rgb = RGBColor.from_string(colour)
    if bold is not None:
        font.bold = bold
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), face)


def set_theme(doc, brand) -> None:
    """Theme name and fonts from the brand, so nothing falls back to the Office theme's Calibri."""
    for part in doc.part.package.iter_parts():
        if str(part.partname).endswith("/theme/theme1.xml"):
            root = etree.fromstring(part.blob)
            root.set("name", "Integrated Working")
            for kind, face in (("majorFont", brand.heading_font), ("minorFont", brand.body_font)):
                root.find(f".//{{{A}}}{kind}").find(f"{{{A}}}latin").set("typeface", face)
            root.find(f".//{{{A}}}fontScheme").set("name", "Integrated Working")
            clr = root.find(f".//{{{A}}}clrScheme")
            clr.set("name", "Integrated Working")
            for name, role in (("accent1", "primary"), ("accent2", "accent"), ("dk2", "secondary"), ("lt2", "tint"),
                               ("hlink", "primary")):
                slot = clr.find(f"{{{A}}}{name}")
                for child in list(slot):
                    slot.remove(child)
                etree.SubElement(slot, f"{{{A}}}srgbClr", val=brand.colours[role])
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def page_number_footer(section, brand) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(f"{brand.name} \u00b7 page ")
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor.from_string(brand.colours["muted"])
    field = paragraph.add_run()
    field.font.size = Pt(9)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        field._r.append(element)


def main() -> None:
    brand = load_brand(HERE)
    c = brand.colours
    doc = Document()
    set_theme(doc, brand)
    styles = doc.styles
    set_font(styles["Normal"], brand.body_font, 11, c["text"])
    styles["Normal"].paragraph_format.space_after = Pt(6)
    styles["Normal"].paragraph_format.line_spacing = 1.15
    set_font(styles["Title"], brand.heading_font, 28, c["primary"], True)
    set_font(styles["Subtitle"], brand.heading_font, 15, c["secondary"], False)
    styles["Subtitle"].font.italic = False
    for level, (size, colour) in enumerate(((18, c["primary"]), (14, c["secondary"]), (12, c["primary"])), 1):
        style = styles[f"Heading {level}"]
        set_font(style, brand.heading_font, size, colour, True)
        style.paragraph_format.space_before = Pt(14 if level == 1 else 10)
        style.paragraph_format.space_after = Pt(4)
    for name in ("List Bullet", "List Number", "Caption", "Table Grid"):
        if name != "Table Grid":
            set_font(styles[name], brand.body_font, 11 if name != "Caption" else 9, c["text"])
    # The Title style's bottom border in the default template is blue: make it the brand's.
    title_ppr = styles["Title"].element.get_or_add_pPr()
    for border in title_ppr.iter(qn("w:bottom")):
        border.set(qn("w:color"), c["primary"])
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    page_number_footer(section, brand)
    doc.core_properties.title = f"{brand.name} document template"
    doc.core_properties.author = brand.name
    doc.core_properties.language = "en-GB"
    doc.save(str(HERE / "document-template.docx"))


if __name__ == "__main__":
    main()
