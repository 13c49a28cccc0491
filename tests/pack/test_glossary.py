"""The glossary: each course's holds exactly the terms its files use, and the check fails a pack that uses an
acronym no glossary explains and no text spells out."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from docx import Document

import iwpacks
from iwpacks.errors import AccessibilityError
from iwpacks.pack.build import render_course
from iwpacks.pack.glossary import unexplained_acronyms
from iwpacks.pack.text import artefact_text
from iwpacks.source.read_content import content_root


def _glossary(files: dict[str, bytes]) -> list[str]:
    import io

    table = Document(io.BytesIO(files["glossary.docx"])).tables[0]
    return [row.cells[0].text for row in table.rows[1:]]


def _uses(term, text: str) -> bool:
    """The acronym as written (not merely its words: the review found "CA" and "CYP&F" listed for a course that
    never uses them), or a key term, in any case."""
    text = " ".join(text.replace("\u2019", "'").split())
    if term.by_words and re.search(r"(?<![\w&])" + re.escape(term.stands_for) + r"s?(?![\w&])", text, re.I):
        return True
    wordings = (term.term,) if term.stands_for else (term.term, *term.also)  # a key term's other wordings list it
    return any(re.search(r"(?<![\w&])" + re.escape(w) + r"s?(?![\w&])", text, 0 if term.stands_for else re.I)
               for w in wordings)


@pytest.mark.parametrize("cid", ["caf-trainers", "is-advisors", "iw-practitioners"])
def test_a_course_glossary_holds_exactly_the_terms_its_files_use(programme, brand, cid):
    files = render_course(programme, brand, cid)
    texts = "\n".join(artefact_text(name, data) for name, data in files.items()
                      if name not in ("glossary.docx", "certificate.pdf"))
    listed = _glossary(files)
    terms = {t.term: t for t in programme.glossary}
    explained = " ".join(f"{terms[t].stands_for} {terms[t].meaning}" for t in listed)
    for term in terms.values():
        used = _uses(term, texts) or _uses(term, explained)
        assert (term.term in listed) == used, (cid, term.term)
    assert listed == [t.term for t in programme.glossary if t.term in listed]  # in the glossary's own order
    assert {"CAF", "ECM", "Universal services"} <= set(listed)
    if cid == "caf-trainers":
        assert not {"CA", "CYP&F"} & set(listed)
    # The review: the team around the child and information sharing protocols are taught in words, never as
    # "TAC" or "ISP", and their acronyms were missing.
    for acronym, words in (("TAC", "team around the child"), ("ISP", "information sharing protocol")):
        assert acronym in listed or not re.search(words, texts, re.I), (cid, acronym)
    assert "TAC" in listed


def test_an_acronyms_words_list_it_only_where_the_glossary_says_so(programme):
    from iwpacks.pack.glossary import terms_used

    terms = {t.term: t for t in programme.glossary}
    assert terms["TAC"].by_words and terms["ISP"].by_words and not terms["CA"].by_words
    listed = [t.term for t in terms_used(programme.glossary, ["Bring the team around the child together.",
                                                               "The Children Act 2004 applies."])]
    assert "TAC" in listed and "CA" not in listed


def test_every_bundled_acronym_is_in_the_glossary_or_spelt_out(programme, brand):
    for cid in ("caf-trainers", "lp-operational-managers"):
        files = render_course(programme, brand, cid)
        known = set(_glossary(files))
        for name, data in files.items():
            if name != "certificate.pdf":
                assert unexplained_acronyms(artefact_text(name, data), known) == [], (cid, name)


def test_an_acronym_is_explained_by_the_glossary_or_by_spelling_it_out_first():
    assert unexplained_acronyms("Ask the TAC and the CAFs.", {"CAF"}) == ["TAC"]
    assert unexplained_acronyms("The Team Around the Child (TAC) meets. The TAC agrees.", set()) == []
    assert unexplained_acronyms("Every Child Matters, or ECM, began.", set()) == []
    assert unexplained_acronyms("The TAC meets; a Team Around the Child (TAC) agrees.", set()) == ["TAC"]
    assert unexplained_acronyms("Modules IW01 and ISI10; a COURSE OUTLINE; DRAFT; print on A4.", set()) == []
    assert unexplained_acronyms("Children, young people and families (CYP&F) and T4T.", set()) == ["T4T"]


def _sneaky_content(tmp_path, point: str):
    content = tmp_path / "content"
    shutil.copytree(content_root(None), content)
    path = content / "material" / "IW01.yaml"
    text = path.read_text(encoding="utf-8")
    old = '  - "Be healthy; stay safe; enjoy and achieve"\n'
    assert old in text
    path.write_text(text.replace(old, old + f'  - "{point}"\n', 1), encoding="utf-8")
    return iwpacks.load_programme(content)


def test_a_pack_that_sneaks_in_an_unexplained_acronym_fails_the_check(tmp_path, brand):
    sneaky = _sneaky_content(tmp_path, "Ask the local CYPSP for its priorities")
    with pytest.raises(AccessibilityError, match=r"iw-practitioners/deck\.pptx: uses the acronym CYPSP without "
                                                 r"explaining it"):
        iwpacks.build_pack(sneaky, brand, tmp_path / "pack", ["iw-practitioners"])
    assert not (tmp_path / "pack").exists()  # nothing half-written


def test_an_acronym_spelt_out_at_its_first_use_passes(tmp_path, brand):
    spelt = _sneaky_content(tmp_path, "Ask the Children and Young People's Strategic Partnership (CYPSP)")
    result = iwpacks.build_pack(spelt, brand, tmp_path / "pack", ["iw-practitioners"], artefacts=["deck"])
    assert result.files


def test_the_check_command_fails_an_edited_pack(tmp_path, programme, brand):
    iwpacks.build_pack(programme, brand, tmp_path / "pack", ["iw-practitioners"],
                       artefacts=["action-plan", "glossary"])
    path = tmp_path / "pack" / "iw-practitioners" / "action-plan.docx"
    doc = Document(str(path))
    doc.add_paragraph("Send it to the QQX by Friday.")
    doc.save(str(path))
    found = subprocess.run([sys.executable, "-m", "iwpacks", "check", str(tmp_path / "pack")], capture_output=True,
                           text=True)
    assert found.returncode == 3, found.stderr
    assert "iw-practitioners/action-plan.docx: uses the acronym QQX without explaining it" in found.stdout + found.stderr


def test_the_glossary_explains_itself_without_an_acronym_it_does_not_hold(programme):
    known = {t.term for t in programme.glossary}
    for term in programme.glossary:
        assert unexplained_acronyms(f"{term.stands_for} {term.meaning}", known) == [], term.term


def test_the_check_command_explains_a_partial_pack_by_the_content_glossary(tmp_path, programme, brand):
    iwpacks.build_pack(programme, brand, tmp_path / "pack", ["caf-practitioners"], artefacts=["deck"])
    assert not (tmp_path / "pack" / "caf-practitioners" / "glossary.docx").exists()
    found = subprocess.run([sys.executable, "-m", "iwpacks", "check", str(tmp_path / "pack")], capture_output=True,
                           text=True)
    assert found.returncode == 0, found.stdout + found.stderr


def test_a_key_terms_other_wordings_list_its_one_entry(programme):
    """The review: "Designated person" and "Designated or named person" were two entries for one role. One
    entry now serves both wordings the courses use, so a course that says only "designated person" lists
    it; it is written for England in 2006."""
    from iwpacks.pack.glossary import terms_used

    terms = {t.term: t for t in programme.glossary}
    assert "Designated person" not in terms and "Named person" not in terms
    entry = terms["Designated or named person"]
    assert "Working Together to Safeguard Children, 2006" in entry.meaning
    assert "not the designated teacher" in entry.meaning
    for words in ("Talk to your designated person today.", "Your designated or named person for child protection."):
        assert "Designated or named person" in [t.term for t in terms_used(programme.glossary, [words])], words
    for words in ("A designated teacher for looked-after children.", "Sealed post to a named person."):
        assert not terms_used(programme.glossary, [words]), words


def test_the_ca_entry_speaks_to_attendees_not_of_the_strategy(programme):
    """The review: the "CA" entry began "The strategy writes...", and attendees never see the strategy."""
    for term in programme.glossary:
        assert "strategy writes" not in term.meaning.lower(), term.term
    ca = next(t for t in programme.glossary if t.term == "CA")
    assert ca.meaning.startswith("\u201cCA 2004\u201d is the Children Act 2004"), ca.meaning


def test_the_key_terms_a_newcomer_meets_are_in_the_glossaries_of_the_courses_that_use_them(programme, brand):
    """The second review: terms the courses use were missing: "serious case review", the "Common Core of Skills
    and Knowledge" and "pooled budget" (senior managers), "children missing education", "service directory" and
    "key worker" (practitioners), "common assessment" and "child protection plan" (CAF trainers); and "T4T" was
    "Training for trainers" where the course says train-the-trainer."""
    expected = {"iw-senior-managers": {"Serious case review", "Common Core", "Pooled budget"},
                "iw-practitioners": {"CME", "Service directory", "Key worker"},
                "caf-trainers": {"Common assessment", "Child protection plan", "Key worker", "T4T"}}
    terms = {t.term: t for t in programme.glossary}
    assert terms["T4T"].stands_for == "Train-the-trainer" and terms["CME"].by_words
    for cid, wanted in expected.items():
        files = render_course(programme, brand, cid)
        assert wanted <= set(_glossary(files)), (cid, wanted - set(_glossary(files)))
