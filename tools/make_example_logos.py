"""Draws the example LAs' logos (fictional councils); run it after changing it, the PNGs are committed."""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = str(Path(__file__).resolve().parent.parent / "brand" / "fonts" / "LiberationSans-Bold.ttf")
LOGOS = {
    "la/northmoor/logo.png": ("Northmoor", "Borough Council", (74, 35, 90), "hills"),
    "la/eastbrook/logo.png": ("Eastbrook", "County Council", (20, 83, 45), "wave"),
    "la/northmoor/organisations/northmoor-community-health/logo.png":
        ("Northmoor", "Community Health Trust", (0, 84, 147), "cross"),
}


def draw(path: Path, name: str, kind: str, colour: tuple[int, int, int], mark: str) -> None:
    scale = 4
    img = Image.new("RGBA", (800 * scale, 200 * scale), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    s = scale
    if mark == "hills":
        d.polygon([(10 * s, 170 * s), (80 * s, 40 * s), (150 * s, 170 * s)], fill=colour)
        d.polygon([(90 * s, 170 * s), (140 * s, 90 * s), (190 * s, 170 * s)], fill=(150, 110, 170))
    elif mark == "wave":
        for i in range(3):
            y = (60 + i * 40) * s
            d.arc((10 * s, y - 30 * s, 100 * s, y + 30 * s), 180, 360, fill=colour, width=14 * s)
            d.arc((100 * s, y - 30 * s, 190 * s, y + 30 * s), 0, 180, fill=colour, width=14 * s)
    else:
        d.rectangle((75 * s, 20 * s, 125 * s, 180 * s), fill=colour)
        d.rectangle((20 * s, 75 * s, 180 * s, 125 * s), fill=colour)
    d.text((215 * s, 35 * s), name, font=ImageFont.truetype(FONT, 70 * s), fill=colour)
    d.text((218 * s, 120 * s), kind, font=ImageFont.truetype(FONT.replace("-Bold", "-Regular"), 42 * s),
           fill=(40, 40, 40))
    img.resize((800, 200), Image.LANCZOS).save(path, optimize=True)


if __name__ == "__main__":
    here = Path(__file__).resolve().parent.parent / "examples"
    for relative, (name, kind, colour, mark) in LOGOS.items():
        draw(here / relative, name, kind, colour, mark)
