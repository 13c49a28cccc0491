"""Fixtures for the overlay tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import EXAMPLES


@pytest.fixture
def la(tmp_path: Path) -> Path:
    """A copy of Northmoor's folder, its overlay and content layer, to break (its organisations left out)."""
    folder = tmp_path / "testshire"
    shutil.copytree(EXAMPLES / "northmoor", folder, ignore=shutil.ignore_patterns("organisations"))
    return folder
