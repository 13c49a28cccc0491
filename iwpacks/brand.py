"""Reads brand/brand.yaml: colours, fonts, logo and the Office templates every artefact uses."""
from __future__ import annotations

from pathlib import Path

import attrs

from ._fields import Fields
from ._yaml import read_yaml
from .errors import ContentError, UsageError
from .model import FrozenMap

_PACKAGED = Path(__file__).parent / "brand"
BUNDLED_BRAND = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).parent.parent / "brand"
COLOUR_NAMES = ("primary", "secondary", "accent", "text", "background", "tint", "muted")
DECK_TEMPLATE = "deck-template.pptx"
DOCUMENT_TEMPLATE = "document-template.docx"


@attrs.frozen
class Brand:
    """A brand: hex colours by role (no '#'), font names and the paths of its logo and templates."""

    name: str
    colours: FrozenMap[str]
    heading_font: str
    body_font: str
    logo: Path
    folder: Path
    pairs: tuple[tuple[str, str], ...] = ()

    @property
    def deck_template(self) -> Path:
        return self.folder / DECK_TEMPLATE

    @property
    def document_template(self) -> Path:
        return self.folder / DOCUMENT_TEMPLATE

    def rgb(self, role: str) -> tuple[int, int, int]:
        """The colour of `role` as an (r, g, b) tuple of 0-255 ints."""
        value = self.colours[role]
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def load_brand(path: str | Path | None = None) -> Brand:
    """Load brand.yaml from `path` (default: the bundled brand); ContentError lists its problems."""
    folder = Path(path) if path is not None else BUNDLED_BRAND
    if not folder.is_dir():
        raise UsageError(f"brand folder not found: {folder}")
    doc, problems = read_yaml(folder / "brand.yaml", f"{folder.name}/brand.yaml")
    if doc is None:
        raise ContentError(problems)
    f = Fields(doc, (), doc.data, ("name", "colours", "fonts", "logo", "pairs"), problems)
    colours = f.mapping("colours", COLOUR_NAMES, required=True)
    fonts = f.mapping("fonts", ("heading", "body"), required=True)
    values = {}
    for role in COLOUR_NAMES:
        value = colours.text(role) if colours else ""
        if value and (len(value) != 6 or any(c not in "0123456789abcdefABCDEF" for c in value)):
            colours.report(colours.path + (role,), f'expected a hex colour like "0B5563", found "{value}"')
            value = ""
        values[role] = value.upper()
    logo = folder / f.text("logo")
    if not logo.is_file():
        f.report(("logo",), f"logo file not found: {logo.name}")
    pairs = []
    raw_pairs = f.data.get("pairs", [])
    for i, pair in enumerate(raw_pairs if isinstance(raw_pairs, list) else []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(p in COLOUR_NAMES for p in pair)):
            f.report(("pairs", i), "expected [foreground, background] colour roles")
            continue
        pairs.append((pair[0], pair[1]))
    if problems:
        raise ContentError(problems)
    return Brand(name=f.text("name"), colours=FrozenMap(values), heading_font=fonts.text("heading"),
                 body_font=fonts.text("body"), logo=logo, folder=folder, pairs=tuple(pairs))
