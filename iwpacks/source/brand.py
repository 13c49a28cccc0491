"""Reads brand/brand.yaml: colours, fonts, logo and the Office templates every artefact uses."""
from __future__ import annotations

import struct
from pathlib import Path

from iwpacks.errors import ContentError, UsageError
from iwpacks.model import ARABIC_FACES, FONT_FACES, LOGO_BOXES, Brand, FrozenMap
from iwpacks.source.fields import Fields
from iwpacks.source.located_yaml import read_yaml

# The brand ships inside the installed package (iwpacks/brand), or sits beside it in a checkout (brand/).
_PACKAGED = Path(__file__).parent.parent / "brand"
BUNDLED_BRAND = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).parent.parent.parent / "brand"
COLOUR_NAMES = ("primary", "secondary", "accent", "text", "background", "tint", "muted")


def load_brand(path: str | Path | None = None) -> Brand:
    """Load brand.yaml from `path` (default: the bundled brand); ContentError lists its problems."""
    folder = Path(path) if path is not None else BUNDLED_BRAND
    if not folder.is_dir():
        raise UsageError(f"brand folder not found: {folder}")
    doc, problems = read_yaml(folder / "brand.yaml", f"{folder.name}/brand.yaml")
    if doc is None:
        raise ContentError(problems)
    f = Fields(doc, (), doc.data, ("name", "colours", "fonts", "logo", "pairs", "logo_boxes"), problems)
    colours = f.mapping("colours", COLOUR_NAMES, required=True)
    fonts = f.mapping("fonts", ("heading", "body", "fallback", "arabic", "scripts", "folder"), required=True)
    values = {}
    for role in COLOUR_NAMES:
        value = colours.text(role) if colours else ""
        if value and (len(value) != 6 or any(c not in "0123456789abcdefABCDEF" for c in value)):
            assert colours is not None  # value is "" without a colours mapping
            colours.report(colours.path + (role,), f'expected a hex colour like "0B5563", found "{value}"')
            value = ""
        values[role] = value.upper()
    logo = folder / f.text("logo")
    if not logo.is_file():
        f.report(("logo",), f"logo file not found: {logo.name}")
    font_folder = _font_folder(folder, fonts) if fonts else None
    pairs = []
    raw_pairs = f.data.get("pairs", [])
    for i, pair in enumerate(raw_pairs if isinstance(raw_pairs, list) else []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(p in COLOUR_NAMES for p in pair)):
            f.report(("pairs", i), "expected [foreground, background] colour roles")
            continue
        pairs.append((pair[0], pair[1]))
    for key, section in (("colours", colours), ("fonts", fonts)):
        if section is None and not any(p.path.startswith(key) for p in problems):  # `fonts: ~`
            f.report((key,), "expected a mapping, found nothing (null)")
    boxes = _logo_boxes(f)
    if problems or fonts is None:
        raise ContentError(problems)
    return Brand(name=f.text("name"), colours=FrozenMap(values), heading_font=fonts.text("heading"),
                 body_font=fonts.text("body"), logo=logo, folder=folder, pairs=tuple(pairs),
                 fallback_font=fonts.text("fallback", required=False), font_folder=font_folder,
                 arabic_font=fonts.text("arabic", required=False),
                 script_fonts=fonts.text_list("scripts", required=False), logo_boxes=FrozenMap(boxes))


def _logo_boxes(f: Fields) -> dict[str, tuple[float, float]]:
    """brand.yaml's logo boxes, each [width, height] in millimetres; a box not given keeps its default."""
    boxes = dict(LOGO_BOXES)
    sub = f.mapping("logo_boxes", tuple(LOGO_BOXES))
    if sub is None:
        return boxes
    for where, value in sub.data.items():
        if where not in LOGO_BOXES:
            continue  # reported as an unknown key
        if not (isinstance(value, list) and len(value) == 2 and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and 5 <= v <= 200 for v in value)):
            sub.report(sub.path + (where,), "expected [width, height] in millimetres, each from 5 to 200")
            continue
        boxes[where] = (float(value[0]), float(value[1]))
    return boxes


def font_panose(path: Path) -> str:
    """The PANOSE class of a TTF (ten bytes of its OS/2 table) as hex; Office matches a missing font by it.

    Returns an empty string if the file has no OS/2 table.
    """
    data = path.read_bytes()
    (count,) = struct.unpack(">H", data[4:6])
    for i in range(count):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        if tag == b"OS/2":
            return data[offset + 32:offset + 42].hex().upper()
    return ""


def _font_folder(folder: Path, fonts: Fields) -> Path | None:
    """The brand's fonts folder, checked to hold the four faces of each family the brand names."""
    font_folder = _inside(folder, fonts.text("folder", required=False) or "fonts")
    if font_folder is None:
        fonts.report(fonts.path + ("folder",), "expected a folder inside the brand folder")
        return None
    for family in dict.fromkeys((fonts.text("heading"), fonts.text("body"))):
        stem = family.replace(" ", "")
        missing = [f"{stem}-{face}.ttf" for face in FONT_FACES if family and not (font_folder / f"{stem}-{face}.ttf").is_file()]
        if missing:
            fonts.report(fonts.path, f'font "{family}": {", ".join(missing)} not found in '
                         f"{font_folder.name}/ (a brand ships the four TTF faces of each font it names)")
    arabic = fonts.text("arabic", required=False)
    stem = arabic.replace(" ", "")
    missing = [f"{stem}-{face}.ttf" for face in ARABIC_FACES if arabic and not (font_folder / f"{stem}-{face}.ttf").is_file()]
    if missing:
        fonts.report(fonts.path + ("arabic",), f'font "{arabic}": {", ".join(missing)} not found in '
                     f"{font_folder.name}/ (a brand ships the Regular and Bold faces of its Arabic font)")
    for i, family in enumerate(fonts.text_list("scripts", required=False)):
        regular = f"{family.replace(' ', '')}-Regular.ttf"
        if family and not (font_folder / regular).is_file():
            fonts.report(fonts.path + ("scripts", i), f'font "{family}": {regular} not found in {font_folder.name}/ '
                                                      "(a script font ships at least its Regular face)")
    return font_folder


def _inside(folder: Path, relative: str) -> Path | None:
    """`relative` resolved under `folder`, or None where it leads outside it."""
    target = (folder / relative).resolve()
    return target if target.is_relative_to(folder.resolve()) else None
