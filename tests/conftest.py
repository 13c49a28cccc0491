"""Shared fixtures: the bundled programme, the brand and course plans, loaded once per session."""
from __future__ import annotations

import os

import pytest
from hypothesis import settings

import iwpacks
from iwpacks.planning.plan import plan_course
from iwpacks.source.brand import load_brand


# The property tests run the same examples on every machine, so a clean run stays clean: CI never fails on an
# example no one has seen. `HYPOTHESIS_PROFILE=explore make test-fast` searches afresh, to look for new ones.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


def pytest_collection_modifyitems(config, items):
    """`make test-fast` skips the office tests by name, so its summary line counts them; `make test` never does."""
    if os.environ.get("IWPACKS_SKIP_OFFICE") != "1":
        return
    skip = pytest.mark.skip(reason="office test: LibreOffice/poppler/qpdf not used in `make test-fast`")
    for item in items:
        if "office" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _scratch_render_cache(tmp_path_factory, monkeypatch):
    """Every test's `iwpacks build` (in this process or a child) caches into a folder of its own, never the user's
    cache folder, and no test's build is served what another test's build stored."""
    monkeypatch.setenv("IWPACKS_CACHE", str(tmp_path_factory.mktemp("render-cache")))


@pytest.fixture(scope="session")
def programme():
    return iwpacks.load_programme()


@pytest.fixture(scope="session")
def brand():
    return load_brand()


@pytest.fixture(scope="session")
def ready_course_ids(programme):
    return [c.id for c in programme.courses.values() if not c.is_pending]


@pytest.fixture(scope="session")
def plans(programme, ready_course_ids):
    """A CoursePlan for every course that is not pending."""
    return {cid: plan_course(programme, cid) for cid in ready_course_ids}
