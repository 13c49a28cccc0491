"""An LA's logo, decoded in full once and normalised, so every renderer gets an image it can place.

A header-only check passes a PNG whose pixel data is cut short, and a CMYK or 16-bit image that one Office
library or ReportLab cannot take; decoding every pixel when the overlay loads turns each of those into a
located error, and converting to an 8-bit sRGB PNG in memory gives every renderer the same, safe input.
"""
from __future__ import annotations

import functools
import io
import warnings
from pathlib import Path

from iwpacks.model import LogoImage

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_SIDE = 4000
# A logo wider than eight times its height (or taller than eight times its width) would be a sliver in any
# logo box: its words too small to read on a slide or a cover.
MAX_ASPECT = 8.0


class LogoProblem(ValueError):
    """Why a logo cannot be used, in words for the overlay's author."""


def read_logo(path: Path) -> LogoImage:
    """The logo at `path`, decoded and normalised; LogoProblem says what is wrong with it."""
    stat = path.stat()
    if stat.st_size > MAX_LOGO_BYTES:
        raise LogoProblem(f"logo is {stat.st_size // 1024} KB; the limit is {MAX_LOGO_BYTES // 1024} KB")
    return _decoded(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=32)
def _decoded(path: str, mtime_ns: int, size: int) -> LogoImage:
    """Decoded once per file version per process: the overlay check and each renderer share it."""
    from PIL import Image, ImageOps

    try:
        with warnings.catch_warnings():
            # Pillow warns, then refuses, past its own pixel limits: both mean "too many pixels" here.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise LogoProblem(f"logo has far too many pixels (a decompression bomb?); the limit is "
                          f"{MAX_LOGO_SIDE}x{MAX_LOGO_SIDE}") from None
    except Exception as exc:  # Pillow raises many types for a broken file; each means "not an image"
        raise LogoProblem(f"not a readable PNG or JPEG image ({type(exc).__name__})") from None
    with image:
        width, height = image.size
        if image.format not in ("PNG", "JPEG"):
            raise LogoProblem(f"logo must be a PNG or JPEG image, found {image.format}")
        if width * height > MAX_LOGO_SIDE * MAX_LOGO_SIDE or max(width, height) > MAX_LOGO_SIDE * 4:
            raise LogoProblem(f"logo is {width}x{height} pixels; the limit is {MAX_LOGO_SIDE}x{MAX_LOGO_SIDE}")
        if max(width / height, height / width) > MAX_ASPECT:
            shape = "wide" if width > height else "tall"
            raise LogoProblem(f"logo is {width}x{height} pixels, more than {MAX_ASPECT:g} times as {shape} as it is "
                              f"{'high' if shape == 'wide' else 'wide'}: it would be unreadable in a logo box; "
                              "use a version of the logo closer to its usual shape")
        try:
            image.load()  # every pixel: a truncated or corrupt file fails here, not in a renderer
            normal = _srgb(ImageOps.exif_transpose(image))
        except Exception as exc:  # noqa: BLE001 - as above: any decoder failure means a broken image
            raise LogoProblem(f"the image data is damaged or cut short ({type(exc).__name__}: {exc}); "
                              "export the logo again") from None
    out = io.BytesIO()
    normal.save(out, format="PNG")
    return LogoImage(out.getvalue(), *normal.size)


def _srgb(image):
    """An 8-bit RGB or RGBA copy: CMYK, 16-bit, greyscale and palette images all become one of the two."""
    if image.mode in ("RGB", "RGBA"):
        return image.copy()
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):  # 16-bit greyscale: scale to 8 bits, not clip
        return image.point(lambda value: value / 256).convert("L").convert("RGB")
    has_alpha = image.mode in ("LA", "PA", "La") or (image.mode == "P" and "transparency" in image.info)
    return image.convert("RGBA" if has_alpha else "RGB")
