"""Runs LibreOffice and poppler: Office files to PDF, PDF pages to PNG."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from iwpacks.errors import IwpacksError, ToolMissingError
from iwpacks.source.brand import BUNDLED_BRAND

INSTALL_HINT = "apt-get install libreoffice-impress libreoffice-writer poppler-utils"
CONVERT_TIMEOUT = 600


def soffice() -> str:
    """The LibreOffice command; ToolMissingError says how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise ToolMissingError(f"LibreOffice is not installed; install it with: {INSTALL_HINT}")
    return found


def to_pdf(files: list[Path], out_dir: Path, fonts: Path | None = None) -> dict[Path, Path]:
    """Convert Office files to PDF in one LibreOffice run; returns {source: pdf}.

    A private profile folder lets several conversions run at once without LibreOffice's profile lock.
    LibreOffice also sees the fonts in `fonts` (default: the bundled brand's), so a machine without the
    brand's font family installed draws the pages as the brand intends.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    if not files:
        return {}
    # A deck's hidden slides (its optional exercises) are still slides of the pack: LibreOffice leaves them out
    # of a PDF unless told, which would put every later slide under the wrong number. Its filter options are
    # Impress's own, so decks go in a run of their own.
    decks = [f for f in files if f.suffix == ".pptx"]
    others = [f for f in files if f.suffix != ".pptx"]
    converted: dict[Path, Path] = {}
    for batch, target in ((decks, DECK_PDF), (others, "pdf")):
        if batch:
            converted |= _convert(batch, target, out_dir, fonts)
    return {f: converted[f] for f in files}


DECK_PDF = 'pdf:impress_pdf_Export:{"ExportHiddenSlides":{"type":"boolean","value":"true"}}'


def _convert(files: list[Path], target: str, out_dir: Path, fonts: Path | None) -> dict[Path, Path]:
    with tempfile.TemporaryDirectory(prefix="iwpacks-lo-") as profile:
        env = {**os.environ, "FONTCONFIG_FILE": _fontconfig(Path(profile), fonts or BUNDLED_BRAND / "fonts")}
        result = subprocess.run(
            [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
             "--outdir", str(out_dir), *map(str, files)],
            capture_output=True, text=True, timeout=CONVERT_TIMEOUT, env=env)
    converted = {f: out_dir / f"{f.stem}.pdf" for f in files}
    missing = [f.name for f, pdf in converted.items() if not pdf.is_file()]
    if missing:
        raise IwpacksError(f"LibreOffice could not convert {', '.join(missing)}: {result.stderr.strip()[:300]}")
    return converted


def _fontconfig(profile: Path, fonts: Path) -> str:
    """A fontconfig file that adds `fonts` to the machine's own configuration; returns its path."""
    conf = profile / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
                    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f"<dir>{escape(str(fonts.resolve()))}</dir>"
                    f"<cachedir>{escape(str(profile / 'fontconfig'))}</cachedir></fontconfig>\n", encoding="utf-8")
    return str(conf)


def pdf_to_pngs(pdf: Path, prefix: Path, resolution: int = 50) -> list[Path]:
    """Each page of `pdf` as `<prefix>-<n>.png`, in page order."""
    if not shutil.which("pdftoppm"):
        raise ToolMissingError(f"pdftoppm (poppler) is not installed; install it with: {INSTALL_HINT}")
    subprocess.run(["pdftoppm", "-r", str(resolution), "-png", str(pdf), str(prefix)], check=True,
                   capture_output=True, timeout=CONVERT_TIMEOUT)
    pages = list(prefix.parent.glob(f"{prefix.name}-*.png"))
    return sorted(pages, key=lambda p: int(p.stem.rsplit("-", 1)[1]))
