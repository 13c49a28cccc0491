"""`pip install .` carries the default content and brand: the package works from any folder."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).parent.parent


def test_wheel_carries_content_and_brand_and_works_from_another_folder(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels), str(REPO)], check=True, capture_output=True)
    wheel = next(wheels.glob("iwpacks-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "iwpacks/content/modules/IW01.yaml" in names
    assert "iwpacks/content/courses.yaml" in names
    assert "iwpacks/brand/brand.yaml" in names and "iwpacks/brand/logo.png" in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", "import iwpacks; print(iwpacks.__file__); print(len(iwpacks.load_programme().modules))"],
        cwd=elsewhere, capture_output=True, text=True, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    location, count = result.stdout.split()
    assert location.startswith(str(target))
    assert count == "26"
