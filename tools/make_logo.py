"""Draws brand/logo.png: three linked rings (child, family, practitioners) and a word mark.

Run `python tools/make_logo.py` after changing it; the PNG is committed so builds need no drawing.
"""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

TEAL, NAVY, ORANGE = (11, 85, 99), (46, 58, 89), (179, 64, 11)
BRAND = Path(__file__).resolve().parent.parent / "brand"
SCALE = 4  # draw large, then shrink, for smooth edges


def main() -> None:
    w, h = 1000 * SCALE, 200 * SCALE
    img = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    r, stroke = 52 * SCALE, 14 * SCALE
    centres = [(80, 122), (150, 122), (115, 70)]
    for (cx, cy), colour in zip(centres, (TEAL, NAVY, ORANGE)):
        cx, cy = cx * SCALE, cy * SCALE
        d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=colour, width=stroke)
    font_path = str(BRAND / "fonts" / "LiberationSans-Bold.ttf")
    big = ImageFont.truetype(font_path, 74 * SCALE)
    small = ImageFont.truetype(font_path.replace("-Bold", "-Regular"), 40 * SCALE)
    d.text((240 * SCALE, 30 * SCALE), "Integrated Working", font=big, fill=TEAL)
    d.text((243 * SCALE, 122 * SCALE), "Training programme", font=small, fill=NAVY)
    img = img.resize((w // SCALE, h // SCALE), Image.LANCZOS)
    img.save(BRAND / "logo.png", optimize=True)


if __name__ == "__main__":
    main()
