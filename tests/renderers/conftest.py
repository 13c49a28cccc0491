"""Every ready course rendered once per test session, shared by the renderer tests."""
from __future__ import annotations

import pytest

from iwpacks.renderers.deck import DeckRenderer
from iwpacks.renderers.handouts import HandoutsRenderer
from iwpacks.renderers.trainer_guide import TrainerGuideRenderer


@pytest.fixture(scope="session")
def decks(plans, brand):
    return {cid: DeckRenderer().render(plan, brand) for cid, plan in plans.items()}


@pytest.fixture(scope="session")
def handouts(plans, brand):
    return {cid: HandoutsRenderer().render(plan, brand) for cid, plan in plans.items()}


@pytest.fixture(scope="session")
def guides(plans, brand):
    return {cid: TrainerGuideRenderer().render(plan, brand) for cid, plan in plans.items()}
