"""Pins the seed: every module verbatim, every Appendix 1 cell as a course, every slip handled."""
from __future__ import annotations

import re

import pytest
from paths import FIXTURES

# ref: (objectives, content items, a verbatim objective, a verbatim content item, duration text)
MODULES = {
    "IW01": (4, 7, "understand the guiding principles that underpin ECM and IW",
             "Key benefits of integrated working for CYP&F, for practitioners and organisations",
             "30 minutes plus optional additional discussion and exercise"),
    "IW02": (3, 7, "know where to go for further information.", "Overview of the information sharing index",
             "60 mins plus optional discussion and exercise"),
    "IW03": (7, 5, "recognise the impact a manager's attitude and behaviour related to integrated working has on "
                   "their direct reports; and",
             "Potential implications of IW on capacity and workload in the different structures", "2-3 hours"),
    "IW04": (5, 6, "understand the roles of management in pre-empting or resolving disputes; and",
             "Review of the role and typical structure of ISP's and other integrated working policies", "2-3 hours"),
    "IW05": (5, 6, "have clarified any questions and issues on IW;", "Typical questions and responses related to IW",
             "2-3 hours"),
    "IS01": (4, 9, "Understand where information sharing fits within integrated working processes;",
             "Overcoming barriers to effective information sharing",
             "30 minutes with optional additional discussion and exercise"),
    "IS02": (5, 13, "Be able to apply the information key principles to support decision making",
             "Sharing information if concerned about a child's welfare and, in particular, significant harm",
             "5 hours (2 x 2.5 hours)"),
    "IS03": (3, 3, "know the key sources of further information and support on information sharing.",
             "Group discussions / role plays based on attendees past experiences and outcomes", "4 – 5 hours"),
    "IS04": (2, 2, "know where to go for advice and support on handling requests for information.",
             "Group discussion based on attendees past experience and outcomes [optional]", "30 – 60 minutes"),
    "IS05": (5, 4, "have the skills and knowledge to deliver the training to support Guidance on Information Sharing;",
             "Structure of IS training courses", "5 hours"),
    "CAF01": (3, 7, "understand where the CAF fits into integrated working processes.",
              "The CAF as part of a continuum", "30 minutes plus optional additional discussion and exercise"),
    "CAF02": (5, 14, "Apply CAF specific knowledge to undertake an effective common assessment within their own "
                     "context..", "The CAF three key steps – Preparation, Discussion and Service Delivery",
              "5 hours (2 x 2.5 hours)"),
    "CAF03": (5, 11, "understand the local implications for implementing CAF;", "T4T Activity – Planning for local delivery",
              "5.5 hours"),
    "LP01": (4, 9, "understand the visions, functions and accountabilities of the lead professional;",
             "Useful skills for lead professional", "30 – 40 minutes"),
    "LP02": (6, 6, "understand what happens if things go wrong; and", "Local escalation processes and contact points",
             "2 -3 hours"),
}
# The Appendix 1 table: (process, audience) -> the refs in the cell.
CELLS = {
    ("iw", "practitioners"): ["IW01"], ("is", "practitioners"): ["IS01", "IS02"],
    ("caf", "practitioners"): ["CAF01", "CAF02"], ("lp", "practitioners"): ["LP01", "LP02"],
    ("isi", "practitioners"): ["ISI01", "ISI02", "ISI03", "ISI04"],
    ("iw", "trainers"): ["IW01", "IW02", "IW05"], ("is", "trainers"): ["IS01", "IS02", "IS03", "IS05"],
    ("caf", "trainers"): ["CAF01", "CAF02", "CAF03"], ("lp", "trainers"): ["LP01", "LP02", "LP03"],
    ("isi", "trainers"): ["ISI01", "ISI02", "ISI03", "ISI04", "ISI10"],
    ("iw", "operational-managers"): ["IW01", "IW03"], ("is", "operational-managers"): ["IS01", "IS02", "IS03"],
    ("caf", "operational-managers"): ["CAF01", "CAF02"], ("lp", "operational-managers"): ["LP01", "LP02"],
    ("isi", "operational-managers"): ["ISI01", "ISI06"],
    ("iw", "senior-managers"): ["IW01", "IW02", "IW04"],
    ("isi", "senior-managers"): ["ISI01", "ISI07", "ISI08", "ISI09"],
    ("iw", "advisors"): ["IW01"], ("is", "advisors"): ["IS01", "IS02", "IS03"],
    ("caf", "advisors"): ["CAF01", "CAF02"], ("lp", "advisors"): ["LP01", "LP02"],
    ("isi", "advisors"): ["ISI01", "ISI05"],
    ("iw", "admin-staff"): ["IW01", "IW02", "IS04"], ("isi", "admin-staff"): ["ISI01", "ISI08", "ISI09"],
}
# A copy of the source strategy, so the verbatim check runs wherever the repository is cloned.
SEED = FIXTURES / "seed.txt"


@pytest.mark.parametrize("ref", MODULES)
def test_module_is_encoded_verbatim(programme, ref):
    objectives, content, objective, item, duration = MODULES[ref]
    module = programme.modules[ref]
    assert module.status == "defined"
    assert len(module.objectives) == objectives
    assert len(module.content) == content
    assert objective in module.objectives
    assert item in module.content
    assert module.duration.text == duration
    assert module.name and module.description and module.responsibility and module.delivery_text
    assert module.audience_text and module.audiences


def test_every_objective_and_content_item_is_in_the_seed(programme):
    seed = re.sub(r"<[^>]+>|•", "", SEED.read_text(encoding="utf-8")).replace("&amp;", "&")
    seed = " ".join(seed.split())
    for module in programme.modules.values():
        for text in (*module.objectives, *module.content, *module.description, module.name):
            assert " ".join(text.split()) in seed, (module.ref, text)


def test_the_whole_appendix_2_is_defined_and_nothing_else(programme):
    defined = {ref for ref, m in programme.modules.items() if not m.is_pending}
    assert defined == set(MODULES)


def test_modules_named_but_never_defined_are_pending(programme):
    pending = {ref: m.name for ref, m in programme.modules.items() if m.is_pending}
    assert pending == {
        "ISI01": "Intro to IS Index", "ISI02": "Using IS Index via CMS", "ISI03": "Using IS Index via web",
        "ISI04": "IS Index in Practice", "ISI05": "Providing Mediated Access to IS Index",
        "ISI06": "Managing the IS Index", "ISI07": "Supporting the IS Index", "ISI08": "MI from the IS Index",
        "ISI09": "Running MI Reports", "ISI10": "Train-the-Trainer on IS Index", "LP03": "Train-the-Trainer on LP"}


@pytest.mark.parametrize("cell", CELLS, ids=[f"{p}-{a}" for p, a in CELLS])
def test_every_appendix_1_cell_has_its_course(programme, cell):
    process, audience = cell
    course = programme.courses[f"{process}-{audience}"]
    assert course.process == process and course.audience == audience
    assert set(CELLS[cell]) <= set(course.modules)
    assert course.is_pending == any(programme.modules[r].is_pending for r in CELLS[cell])


def test_no_course_beyond_appendix_1(programme):
    assert set(programme.courses) == {f"{p}-{a}" for p, a in CELLS}


def test_audiences_and_processes(programme):
    assert list(programme.audiences) == ["practitioners", "trainers", "operational-managers", "senior-managers",
                                         "advisors", "admin-staff"]
    assert list(programme.processes) == ["iw", "is", "caf", "lp", "isi"]


def test_structured_fields_derived_from_the_text(programme):
    m = programme.modules
    assert m["LP02"].optional_audiences == ("operational-managers",)
    assert m["IS03"].optional_audiences == ("practitioners", "operational-managers")
    assert m["IW03"].prerequisites.after == (("IW02",), ("IS01", "CAF01", "LP01"))
    assert m["IW04"].prerequisites.recommended == ("IW02",)
    assert m["IS05"].entry_requirements.experience == "be very experienced in this area"
    assert m["IS05"].entry_requirements.modules == ("IS01", "IS02", "IS03")
    assert m["IW02"].substitutes.replaces == ("IS01", "CAF01", "LP01", "ISI01")
    assert m["IS02"].duration.sessions == (150, 150)
    assert (m["IS03"].duration.min_minutes, m["IS03"].duration.max_minutes) == (240, 300)
    assert m["CAF01"].duration.optional_extra == "discussion and exercise"
    assert "role-play" in m["LP02"].delivery_modes and "cbt" in m["IS03"].delivery_modes


def test_seed_slips_are_recorded_where_a_reader_finds_them(programme):
    iw03 = programme.modules["IW03"]
    assert "CA01" in iw03.description[2]  # the text stays verbatim
    assert [(c.seed_text, c.reading) for c in iw03.corrections] == [("CA01", "CAF01")]
    caf_advisors = programme.courses["caf-advisors"]
    assert "Using the CAF (CAF02)" in caf_advisors.appendix_cell
    assert any("Using the CAF in Practice" in note for note in caf_advisors.notes)


def test_common_messages_are_written_once_and_every_course_has_each(programme):
    ids = list(programme.common_messages)
    assert len(ids) == 10
    for course in programme.courses.values():
        assert sorted(course.messages) == sorted(ids), course.id


def test_other_seed_lists(programme):
    assert len(programme.delivery_principles) == 5
    assert len([m for m in programme.material_types.values() if m.seed_text]) == 4  # 3.1's; then our course forms
    assert len(programme.distribution_routes) == 3
    assert [s.url for s in programme.sources.values()][0] == "http://www.everychildmatters.gov.uk"
    assert len(programme.sources) == 6
