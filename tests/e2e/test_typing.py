"""The package type-checks clean, so tooling that imports iwpacks (it ships py.typed) can rely on its hints."""
from __future__ import annotations

import subprocess
import sys

from paths import REPO


def test_mypy_finds_no_errors_in_the_package():
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found")
