"""The catalogue site as the tests read it: its files in memory, for the master programme and for Northmoor."""
from __future__ import annotations

import pytest

from iwpacks.overlay.layers import apply_overlay, load_overlay
from iwpacks.site import site_files


@pytest.fixture(scope="session")
def northmoor(programme):
    return apply_overlay(programme, load_overlay(programme, "northmoor"))


@pytest.fixture(scope="session")
def master_site(programme, brand):
    return site_files(programme, brand)


@pytest.fixture(scope="session")
def northmoor_site(northmoor, brand):
    return site_files(northmoor, brand)


@pytest.fixture(scope="session")
def one_course_pack(tmp_path_factory, programme, brand):
    """The master pack of one course, to put on the site (no render cache: a session fixture outlives the
    scratch cache each test gets)."""
    from iwpacks.pack.build import build_pack

    out = tmp_path_factory.mktemp("pack") / "master"
    build_pack(programme, brand, out, ["caf-practitioners"])
    return out
