"""Builds brand/document-template.docx: the Word template whose styles carry the brand of brand.yaml.

Run `python tools/make_document_template.py` after changing brand.yaml or this file; the .docx is
committed so builds need no generating. A designer may also restyle the .docx in Word directly: the
renderers only name styles (Title, Heading 1, List Bullet, IW Table, Placeholder...), never colours.
"""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from iwpacks.model import Brand  # noqa: E402
from iwpacks.renderers._determinism import fix_core_properties, normalise_zip  # noqa: E402
from iwpacks.source.brand import font_panose, load_brand  # noqa: E402

A4_WIDTH, A4_HEIGHT = Cm(21.0), Cm(29.7)
MARGIN = Cm(2.0)
TEXT_WIDTH_TWIPS = 9638  # 21 cm - 2 x 2 cm margins, in twentieths of a point
_THEME_ROLES = {"accent1": "primary", "accent2": "accent", "accent3": "secondary", "accent4": "muted",
                "accent5": "primary", "accent6": "accent", "text1": "text", "dark1": "text",
                "text2": "secondary", "dark2": "secondary", "background1": "background",
                "light1": "background", "background2": "tint", "light2": "tint",
                "hyperlink": "primary", "followedHyperlink": "secondary"}
# Built-in styles rewritten in full; every other style keeps Word's definition with brand fonts/colours.
_REPLACED = ("Normal", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Heading4", "ListBullet",
             "ListNumber", "Caption", "Header", "Footer", "Quote", "Hyperlink")
_KEPT_TABLE_STYLES = ("TableNormal", "TableGrid")


def _rpr(brand: Brand, colour: str = "text", size: float | None = None, bold: bool = False,
         italic: bool = False, caps: bool = False) -> str:
    font = brand.heading_font if bold else brand.body_font
    parts = [f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>']
    parts += ["<w:b/><w:bCs/>"] if bold else []
    parts += ["<w:i/><w:iCs/>"] if italic else []
    parts += ["<w:caps/>"] if caps else []
    parts.append(f'<w:color w:val="{brand.colours[colour]}"/>')
    if size:
        half = int(size * 2)
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def _style(kind: str, style_id: str, name: str, ppr: str = "", rpr: str = "", based_on: str = "Normal",
           next_id: str = "", priority: int = 10) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on and style_id != based_on else ""
    nxt = f'<w:next w:val="{next_id}"/>' if next_id else ""
    custom = "" if style_id in _REPLACED else ' w:customStyle="1"'
    custom += ' w:default="1"' if style_id == "Normal" else ""  # paragraphs without a style are Normal
    return (f'<w:style {nsdecls("w")} w:type="{kind}"{custom} w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'{based}{nxt}<w:uiPriority w:val="{priority}"/><w:qFormat/>{ppr}{rpr}</w:style>')


def _heading(brand: Brand, level: int, size: float, colour: str, before: int, after: int,
             extra_ppr: str = "") -> str:
    ppr = (f'<w:pPr><w:keepNext/><w:keepLines/>{extra_ppr}<w:spacing w:before="{before}" w:after="{after}" '
           f'w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="{level - 1}"/></w:pPr>')
    return _style("paragraph", f"Heading{level}", f"heading {level}", ppr, _rpr(brand, colour, size, bold=True),
                  next_id="Normal", priority=9)


def _border(side: str, colour: str, size: int = 4, space: int = 0) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{colour}"/>'


def paragraph_styles(brand: Brand) -> list[str]:
    """The brand's paragraph and character styles, as w:style XML."""
    c = brand.colours
    return [
        _style("paragraph", "Normal", "Normal",
               '<w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>',
               _rpr(brand, "text", 10.5), based_on="", priority=0),
        _style("paragraph", "Title", "Title",
               f'<w:pPr><w:pBdr>{_border("bottom", c["accent"], 18, 8)}</w:pBdr>'
               '<w:spacing w:before="1200" w:after="240" w:line="240" w:lineRule="auto"/></w:pPr>',
               _rpr(brand, "primary", 30, bold=True), next_id="Subtitle"),
        _style("paragraph", "Subtitle", "Subtitle", '<w:pPr><w:spacing w:after="360"/></w:pPr>',
               _rpr(brand, "secondary", 16), next_id="Normal", priority=11),
        _heading(brand, 1, 20, "primary", 0, 200,
                 f'<w:pageBreakBefore/><w:pBdr>{_border("bottom", c["primary"], 8, 4)}</w:pBdr>'),
        _heading(brand, 2, 14, "secondary", 320, 120),
        _heading(brand, 3, 12, "primary", 240, 80),
        _heading(brand, 4, 10.5, "text", 200, 60),
        _style("paragraph", "ListBullet", "List Bullet",
               '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/></w:pPr>', priority=36),
        _style("paragraph", "ListNumber", "List Number",
               '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr><w:spacing w:after="60"/></w:pPr>', priority=37),
        _style("paragraph", "Caption", "caption", '<w:pPr><w:spacing w:before="60" w:after="200"/></w:pPr>',
               _rpr(brand, "muted", 9, italic=True), next_id="Normal", priority=35),
        _style("paragraph", "Header", "header",
               f'<w:pPr><w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH_TWIPS}"/></w:tabs>'
               '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>',
               _rpr(brand, "accent", 10, bold=True, caps=True), priority=99),
        _style("paragraph", "Footer", "footer",
               f'<w:pPr><w:pBdr>{_border("top", c["tint"], 6, 4)}</w:pBdr><w:tabs>'
               f'<w:tab w:val="right" w:pos="{TEXT_WIDTH_TWIPS}"/></w:tabs>'
               '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>',
               _rpr(brand, "muted", 8.5), priority=99),
        _style("paragraph", "Quote", "Quote",
               f'<w:pPr><w:pBdr>{_border("left", c["muted"], 12, 8)}</w:pBdr>'
               '<w:ind w:left="284" w:right="284"/></w:pPr>',
               _rpr(brand, "muted", 10, italic=True), next_id="Normal", priority=29),
        # Custom styles the renderers name; restyle them here or in Word.
        _style("paragraph", "CoverDetail", "Cover Detail", '<w:pPr><w:spacing w:after="80"/></w:pPr>',
               _rpr(brand, "text", 12), priority=12),
        _style("paragraph", "TableText", "Table Text",
               '<w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>',
               _rpr(brand, "text", 9.5), priority=40),
        _style("paragraph", "TableHeading", "Table Heading",
               '<w:pPr><w:keepNext/><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>',
               _rpr(brand, "background", 9.5, bold=True), based_on="TableText", priority=40),
        _style("paragraph", "TableNote", "Table Note",
               '<w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>',
               _rpr(brand, "muted", 9.5, italic=True), based_on="TableText", priority=40),
        _style("paragraph", "LocalSlot", "Local Slot",
               f'<w:pPr><w:pBdr>{_border("left", c["accent"], 18, 8)}</w:pBdr>'
               '<w:spacing w:after="60"/><w:ind w:left="284"/></w:pPr>', _rpr(brand, "text", 10.5), priority=41),
        _style("character", "Placeholder", "Placeholder", rpr=_rpr(brand, "accent", None, bold=True),
               based_on="DefaultParagraphFont", priority=41),
        # A tinted panel for text attendees read as a whole: scenarios, the standard wording of a message.
        _style("paragraph", "Panel", "Panel",
               f'<w:pPr><w:pBdr>{_border("left", c["primary"], 24, 8)}</w:pBdr>'
               f'<w:shd w:val="clear" w:color="auto" w:fill="{c["tint"]}"/>'
               '<w:ind w:left="284" w:right="113"/></w:pPr>',
               _rpr(brand, "text", 10.5), priority=42),
        # A ruled line to write on: a right tab across the text width with an underline leader.
        _style("paragraph", "WritingLine", "Writing Line",
               f'<w:pPr><w:tabs><w:tab w:val="right" w:leader="underscore" w:pos="{TEXT_WIDTH_TWIPS}"/></w:tabs>'
               '<w:spacing w:before="0" w:after="0" w:line="480" w:lineRule="exact"/></w:pPr>',
               _rpr(brand, "muted", 10.5), priority=43),
        _style("character", "Hyperlink", "Hyperlink", rpr='<w:rPr><w:color w:val="%s"/><w:u w:val="single"/></w:rPr>'
               % c["primary"], based_on="DefaultParagraphFont", priority=99),
    ]


def table_style(brand: Brand) -> str:
    """IW Table: light rules, a header row in the primary colour, banded rows in the tint."""
    c = brand.colours
    rule = c["muted"]
    borders = "".join(_border(side, rule, 4) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="IWTable"><w:name w:val="IW Table"/>'
            '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
            '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f'{_rpr(brand, "text", 9.5)}'
            f'<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>{borders}</w:tblBorders>'
            '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
            '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
            '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/>'
            f'<w:color w:val="{c["background"]}"/></w:rPr><w:trPr><w:tblHeader/></w:trPr>'
            f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{c["primary"]}"/></w:tcPr></w:tblStylePr>'
            f'<w:tblStylePr w:type="band2Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{c["tint"]}"/>'
            '</w:tcPr></w:tblStylePr></w:style>')


def _rebrand_styles(styles_el, brand: Brand) -> None:
    """Drop Office's table styles, give Word's other styles brand fonts and colours, then add ours in full."""
    for el in list(styles_el.findall(qn("w:style"))):
        sid = el.get(qn("w:styleId"))
        if sid in _REPLACED or (el.get(qn("w:type")) == "table" and sid not in _KEPT_TABLE_STYLES):
            styles_el.remove(el)
    font = brand.body_font
    for rfonts in styles_el.iter(qn("w:rFonts")):
        for attr in list(rfonts.attrib):
            if attr.endswith("Theme") or attr.endswith("theme"):
                del rfonts.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            if rfonts.get(qn(attr)) not in ("Symbol", "Wingdings", "Courier New"):
                rfonts.set(qn(attr), font)
    for tag, attr in (("w:color", "w:val"), ("w:shd", "w:fill")):
        theme_attr = "w:themeColor" if tag == "w:color" else "w:themeFill"
        for el in styles_el.iter(qn(tag)):
            role = _THEME_ROLES.get(el.get(qn(theme_attr), ""))
            if role:
                el.set(qn(attr), brand.colours[role])
            for a in list(el.attrib):
                if "theme" in a:
                    del el.attrib[a]
    # Ours last, so the pass above leaves their fonts (a brand may set a heading font apart) as they are.
    for xml in paragraph_styles(brand) + [table_style(brand)]:
        styles_el.append(parse_xml(xml))
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr = defaults.find(f'{qn("w:rPrDefault")}/{qn("w:rPr")}')
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-GB")
    lang.set(qn("w:eastAsia"), "en-GB")
    for sz in ("w:sz", "w:szCs"):
        rpr.find(qn(sz)).set(qn("w:val"), "21")


def _list_level(brand: Brand, fmt: str, text: str, style: str) -> str:
    """One w:lvl: bullets as a dot in the body font, numbers bold; both in the primary colour, 0.6 cm in."""
    return (f'<w:lvl {nsdecls("w")} w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:pStyle w:val="{style}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:tabs><w:tab w:val="num" w:pos="340"/></w:tabs><w:ind w:left="340" w:hanging="340"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{brand.body_font}" w:hAnsi="{brand.body_font}"/><w:b/>'
            f'<w:color w:val="{brand.colours["primary"]}"/></w:rPr></w:lvl>')


def _rebrand_numbering(numbering_el, brand: Brand) -> None:
    """Give List Bullet (numId 1) and List Number (numId 5) the brand's markers in place of Word's."""
    by_id = {n.get(qn("w:numId")): n.find(qn("w:abstractNumId")).get(qn("w:val"))
             for n in numbering_el.findall(qn("w:num"))}
    for num_id, fmt, text, style in (("1", "bullet", "\u2022", "ListBullet"), ("5", "decimal", "%1.", "ListNumber")):
        abstract = next(a for a in numbering_el.findall(qn("w:abstractNum"))
                        if a.get(qn("w:abstractNumId")) == by_id[num_id])
        old = abstract.find(qn("w:lvl"))
        old.addprevious(parse_xml(_list_level(brand, fmt, text, style)))
        abstract.remove(old)


def _rebrand_theme(blob: bytes, brand: Brand) -> bytes:
    """The theme's colours and fonts become the brand's, so Word's own galleries offer the brand too."""
    text = blob.decode("utf-8")
    for slot, role in (("dk2", "secondary"), ("lt2", "tint"), ("accent1", "primary"), ("accent2", "accent"),
                       ("accent3", "secondary"), ("accent4", "muted"), ("accent5", "primary"), ("accent6", "accent"),
                       ("hlink", "primary"), ("folHlink", "secondary")):
        text = re.sub(rf"(<a:{slot}>\s*<a:srgbClr val=\")[0-9A-F]{{6}}", rf"\g<1>{brand.colours[role]}", text)
    text = re.sub(r'<a:clrScheme name="[^"]*"', f'<a:clrScheme name="{brand.name}"', text)
    text = re.sub(r'<a:fontScheme name="[^"]*"', f'<a:fontScheme name="{brand.name}"', text)
    text = re.sub(r'(<a:majorFont>\s*<a:latin typeface=")[^"]*', rf"\g<1>{brand.heading_font}", text)
    text = re.sub(r'(<a:minorFont>\s*<a:latin typeface=")[^"]*', rf"\g<1>{brand.body_font}", text)
    return text.encode("utf-8")


def _font_table(brand: Brand) -> bytes:
    """Word's font table names the fonts a document uses; Office's lists Calibri and Cambria, ours the brand's.

    Each brand font names brand.yaml's fallback, a font with the same metrics, as its alternative, and its PANOSE
    class: Word on a machine without Liberation Sans then uses Arial and keeps the line breaks drawn on Linux.
    """
    entries = []
    for name in dict.fromkeys((brand.heading_font, brand.body_font)):
        alt = f'<w:altName w:val="{brand.fallback_font}"/>' if brand.fallback_font else ""
        entries.append(f'<w:font w:name="{name}">{alt}'
                       f'<w:panose1 w:val="{font_panose(brand.font_file(name, "Regular"))}"/>'
                       '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>')
    entries.append('<w:font w:name="Symbol"><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>')
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<w:fonts {nsdecls('w')}>{''.join(entries)}"
            "</w:fonts>").encode("utf-8")


def _page_setup(doc: docx.document.Document, brand: Brand) -> None:
    """A4, 2 cm margins, an empty header (renderers mark drafts there) and a footer with the page number."""
    section = doc.sections[0]
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = Cm(1.0)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].style = doc.styles["Header"]
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.style = doc.styles["Footer"]
    # Renderers replace the first run's text with the document's own label.
    p.add_run(brand.name)
    p.add_run("\tPage ")
    p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    p.add_run(" of ")
    p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def build_template(brand: Brand) -> bytes:
    """The bytes of document-template.docx for `brand`; identical for identical input."""
    doc = docx.Document()
    package = doc.part.package
    # Word's stale preview picture and the Word 2010 style copy would show Office's look, not ours.
    for rels, reltype in ((package.rels, "thumbnail"), (doc.part.rels, "stylesWithEffects")):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(reltype):
                rels.pop(rid)
    _rebrand_styles(doc.styles.element, brand)
    _rebrand_numbering(doc.part.numbering_part.element, brand)
    for part in package.iter_parts():
        if str(part.partname).startswith("/word/theme/"):
            part._blob = _rebrand_theme(part.blob, brand)  # a plain Part: its XML lives in _blob
        elif str(part.partname) == "/word/fontTable.xml":
            part._blob = _font_table(brand)
    settings = doc.settings.element
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), "en-GB")
    _page_setup(doc, brand)
    body = doc.element.body
    for p in list(body.findall(qn("w:p"))):
        body.remove(p)
    fix_core_properties(doc.core_properties, f"{brand.name} document template", "Word template", brand.name)
    out = io.BytesIO()
    doc.save(out)
    return normalise_zip(out.getvalue())


def main() -> None:
    brand = load_brand(Path(__file__).resolve().parent.parent / "brand")
    target = brand.document_template
    target.write_bytes(build_template(brand))
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
