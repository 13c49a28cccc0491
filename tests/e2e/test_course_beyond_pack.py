"""A course with no Appendix 1 cell, two of the strategy's modules and one of its own, built whole."""
from __future__ import annotations

import re

import pytest
from artefact_text import artefact_text
from content_copy import content_beyond

import iwpacks
from iwpacks.model import ARTEFACTS
from iwpacks.pack.build import build_pack

COURSE = "caf-school-staff"
OWN = "CFP01"
# The words that name the seed or the strategy as the source of a module's duration, delivery or topics.
SEED_WORDS = re.compile(r"strateg\w*|seed\w*", re.I)


@pytest.fixture(scope="module")
def built(brand, tmp_path_factory):
    """The draft pack (the policy team's, which names the strategy where a module is the strategy's)."""
    tmp = tmp_path_factory.mktemp("beyond")
    programme = iwpacks.load_programme(content_beyond(tmp))
    build_pack(programme, brand, tmp / "pack", [COURSE])
    folder = tmp / "pack" / COURSE
    return programme, {path.name: artefact_text(path) for path in sorted(folder.iterdir())}


def test_it_builds_every_artefact(built):
    programme, texts = built
    plan_holds = {a.filename for a in ARTEFACTS if a.needs != "cascading"}
    assert set(texts) == plan_holds  # knowledge checks (CAF01, IW01) and glossary included; no cascade plan


def test_no_seed_wording_about_its_own_module(built):
    programme, texts = built
    name = programme.modules[OWN].name
    spec = texts["course-specification.pdf"]
    own_part = spec[spec.rindex(f"{OWN} {name}"):]  # the module's own section, to the booking contacts after it
    assert not SEED_WORDS.search(own_part.split("To book a place")[0]), own_part[:400]
    assert "Delivery in the strategy" in spec  # the strategy's modules keep it
    assert "In the strategy" not in spec.split("Timings")[1][:200]  # the timing table's column is "Duration"
    guide = texts["trainer-guide.docx"]
    assert f"{OWN} in the strategy" not in guide and f"{OWN} delivery" in guide
    assert "CAF01 in the strategy" in guide
    assert "Strategy's duration" not in guide and "the strategy's range" not in guide
    deck = texts["deck.pptx"]
    # The topic with a slide title of its own: the draft names no strategy words for it.
    assert "calls this topic \u201cReferring to the panel\u201d" not in deck
    for text in texts.values():
        for match in SEED_WORDS.finditer(text):
            near = text[max(0, match.start() - 40):match.end() + 40]
            assert OWN not in near and name not in near, near


def test_its_sources_include_the_modules_own(built):
    programme, texts = built
    handouts = texts["handouts.docx"]
    after = handouts.split("Sources for this course")[1]
    for source in (*programme.modules[OWN].sources, *programme.courses[COURSE].sources):
        assert source.title in after and source.url in after
    assert handouts.count("Terms of reference of the CAF panel") == 1  # cited by module and course: once
    for source in programme.sources.values():  # and the programme's, as every course
        assert source.url in handouts


def test_the_training_plan_keeps_appendix_1_as_the_strategy_writes_it(programme, brand, built):
    """The course beyond Appendix 1 joins the catalogue, and leaves the Appendix 1 cell of the course on the same
    process and audience (caf-practitioners: CAF01, CAF02) as it was."""
    from iwpacks.renderers.training_plan import render_training_plan

    beyond, _ = built
    master = artefact_text(render_training_plan(programme, brand, False), ".pdf")
    text = artefact_text(render_training_plan(beyond, brand, False), ".pdf")
    assert "CAF for school staff" in text and "CAF for school staff" not in master
    assert text.count("CAF01, CAF02") == master.count("CAF01, CAF02") > 0
