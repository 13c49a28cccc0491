"""A wheel installed into a fresh venv outside the checkout builds packs, with the machine's fonts hidden."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from paths import REPO
from pypdf import PdfReader

from iwpacks.model import ARTEFACTS


def _hide_system_fonts(script: str) -> list[str]:
    """Run `script` where /usr/share/fonts is empty: in a mount namespace as root, else as it is."""
    if os.geteuid() == 0 and shutil.which("unshare"):
        return ["unshare", "-m", "sh", "-c", f"mount -t tmpfs none /usr/share/fonts && {script}"]
    return ["sh", "-c", script]  # without root the fonts stay visible; iwpacks never looks there anyway


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The path of a fresh venv, outside the checkout, with the wheel and its dependencies installed."""
    tmp = tmp_path_factory.mktemp("wheel")
    wheels = tmp / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels), str(REPO)], check=True, capture_output=True)
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    str(next(wheels.glob("iwpacks-*.whl")))], check=True, capture_output=True)
    return venv


@pytest.mark.office
def test_wheel_builds_a_master_course_and_la_packs_by_id_and_by_path_without_system_fonts(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    overlay = shutil.copytree(REPO / "examples" / "la" / "eastbrook", tmp_path / "my-la")
    iwpacks = installed / "bin" / "iwpacks"
    script = " && ".join((f"{iwpacks} build --course caf-practitioners --out master",
                          f"{iwpacks} build --la northmoor --course lp-practitioners --out northmoor",
                          f"{iwpacks} build --la {overlay} --course is-practitioners --out eastbrook"))
    result = subprocess.run(_hide_system_fonts(script), cwd=elsewhere, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    for folder, course in (("master", "caf-practitioners"), ("northmoor", "lp-practitioners"),
                           ("eastbrook", "is-practitioners")):
        built = sorted(p.name for p in (elsewhere / folder / course).iterdir())
        assert built == sorted(a.filename for a in ARTEFACTS if a.needs != "cascading")
        for pdf in (elsewhere / folder / course).glob("*.pdf"):
            fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
            assert all(" yes yes " in row for row in fonts.splitlines()[2:]), fonts
    outline = PdfReader(str(elsewhere / "northmoor" / "lp-practitioners" / "course-outline.pdf"))
    assert "Northmoor Borough Council" in outline.pages[0].extract_text()


def test_wheel_carries_content_brand_fonts_and_example_las(installed):
    site = next((installed / "lib").glob("python3*/site-packages/iwpacks"))
    for part in ("content/modules/IW01.yaml", "content/knowledge-checks/IW01.yaml", "brand/brand.yaml", "brand/fonts/LiberationSans-Bold.ttf",
                 "brand/fonts/OFL.txt", "examples/la/northmoor/overlay.yaml", "examples/la/northmoor/logo.png",
                 "examples/la/northmoor/organisations/northmoor-community-health/overlay.yaml", "py.typed",
                 "site/templates/base.html", "site/templates/site.css", "site/static/search.js"):
        assert (site / part).is_file(), part
    result = subprocess.run([str(installed / "bin" / "python"), "-c",
                             "import iwpacks; print(len(iwpacks.load_programme().modules))"],
                            cwd=installed, capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "26\n"), result.stderr

