"""The site's colours, from the brand: each text and background pair the stylesheet uses, held to WCAG AA."""
from __future__ import annotations

import attrs

from iwpacks.errors import ContentError, Problem
from iwpacks.model import Brand
from iwpacks.renderers._contrast import contrast_ratio

TEXT_CONTRAST = 4.5  # WCAG 2.2 AA, 1.4.3: body text
FOCUS_CONTRAST = 3.0  # WCAG 2.2 AA, 1.4.11: the focus ring against what it sits on


@attrs.frozen
class SiteColours:
    text: str
    background: str
    heading: str      # headings and links on the page background
    band: str         # the header band, with `on_band` text
    on_band: str
    panel: str        # pale panels behind text
    muted: str        # captions and the footer
    focus: str        # the focus ring, on the page and on the band


def site_colours(brand: Brand) -> SiteColours:
    c = brand.colours
    colours = SiteColours(text=c["text"], background=c["background"], heading=c["primary"], band=c["primary"],
                          on_band=c["background"], panel=c["tint"], muted=c["muted"], focus=c["accent"])
    failing = [f"{fg} on {bg}: {ratio:.2f}:1, below {need}:1" for fg, bg, need in text_pairs(colours)
               if (ratio := contrast_ratio(fg, bg)) < need]
    if failing:
        raise ContentError([Problem(str(brand.folder / "brand.yaml"), 0, "colours",
                                    "the site's colours do not reach WCAG AA: " + "; ".join(failing))])
    return colours


def text_pairs(colours: SiteColours) -> tuple[tuple[str, str, float], ...]:
    """Every (foreground, background, ratio needed) the stylesheet draws."""
    return ((colours.text, colours.background, TEXT_CONTRAST), (colours.text, colours.panel, TEXT_CONTRAST),
            (colours.heading, colours.background, TEXT_CONTRAST), (colours.heading, colours.panel, TEXT_CONTRAST),
            (colours.on_band, colours.band, TEXT_CONTRAST), (colours.muted, colours.background, TEXT_CONTRAST),
            (colours.focus, colours.background, FOCUS_CONTRAST), (colours.on_band, colours.band, FOCUS_CONTRAST))


def custom_properties(colours: SiteColours) -> str:
    """The colours as the CSS custom properties both stylesheets (the catalogue's, self-study's) draw with."""
    lines = [f"  --{field.name.replace('_', '-')}: #{getattr(colours, field.name)};" for field in attrs.fields(SiteColours)]
    return ":root {\n" + "\n".join(lines) + "\n}"
