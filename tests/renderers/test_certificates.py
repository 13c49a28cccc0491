"""Certificates filled from an attendees CSV: a page per name, each name whole on its page; bad rows located."""
from __future__ import annotations

import io
import re
import subprocess
import sys

import attrs
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from iwpacks.errors import ContentError, UsageError
from iwpacks.planning.plan import plan_course
from iwpacks.renderers._scripts import has_arabic, has_right_to_left, visual_word_order
from iwpacks.renderers.certificate import CertificateRenderer
from iwpacks.source.read_attendees import read_attendees

NAMES = ["Siân Llŷr", "Ŵyn ap Gwŷn", "Eluned Prys-Jones", "Dafydd ap Gruffudd", "Gwenllïan Morgan",
         "Alexandra Konstantinopoulou-Featherstonehaugh-Worthington Sm",  # 60 characters
         "Jo Bloggs", "Mary O'Neill", "Zoë Brontë", "Bronwen Ellis", "Chidi Okafor", "Priya Raman",
         "Tomasz Wiśniewski", "Aoife Ní Bhriain", "Seán Ó Briain", "Hana Novák", "José Álvarez",
         "Ingrid Åström", "Kwame Mensah", "Li Wei", "فاطمة حسين", "يوسف أحمد", "Grace Williams",
         "Ruth Evans", "Owain Glyndŵr"]


def test_a_certificate_is_printed_for_each_attendee_on_a_page_of_their_own(plans, brand):
    assert len(NAMES) == 25 and len(NAMES[5]) == 60
    plan = attrs.evolve(plans["caf-trainers"], attendees=tuple(NAMES))
    reader = PdfReader(io.BytesIO(CertificateRenderer().render(plan, brand)))
    assert len(reader.pages) == len(NAMES)
    for page, name in zip(reader.pages, NAMES):
        lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
        assert plan.course.title in " ".join(lines)
        if has_arabic(name):  # its letters joined, from the Arabic font's bold face
            fonts = [f.get_object()["/BaseFont"] for f in page["/Resources"]["/Font"].values()]
            assert any(f.endswith("+NotoSansArabic-Bold") for f in fonts), name
        if has_right_to_left(name):  # set in visual order; pdftotext reads it back (tests/e2e/test_scripts.py)
            continue
        assert name in lines, name  # whole, on one line: it fits
        assert sum(other in lines for other in NAMES) == 1, name
    assert [o.title for o in reader.outline] == NAMES  # a bookmark for each attendee


def test_an_arabic_name_is_shaped_in_a_font_that_has_every_letter_and_set_right_to_left(brand):
    import uharfbuzz as hb

    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(brand.font_file(brand.arabic_font, "Bold")))))
    for name in ("فاطمة حسين", "يوسف أحمد", "Amira Haddad أميرة حداد"):
        buffer = hb.Buffer()
        buffer.add_str(name)
        buffer.guess_segment_properties()
        hb.shape(font, buffer)
        assert all(info.codepoint != 0 for info in buffer.glyph_infos), name  # no missing glyph
    # The words of a right-to-left name are set right to left; a left-to-right one keeps its order.
    assert visual_word_order("فاطمة حسين") == "حسين فاطمة"
    assert visual_word_order("Amira Haddad أميرة حداد") == "Amira Haddad حداد أميرة"
    assert visual_word_order("Siân Llŷr") == "Siân Llŷr"


def test_the_attendees_file_is_read_with_its_bom_and_blank_rows(tmp_path):
    path = tmp_path / "attendees.csv"
    path.write_bytes("\ufeffOrganisation,Name\nHealth,Siân Llŷr\n,\nSchools,  Jo   Bloggs \n".encode())
    assert read_attendees(path) == ("Siân Llŷr", "Jo Bloggs")


@pytest.mark.parametrize(("data", "message"), [
    (b"nom\nJo\n", r"attendees\.csv:1: expected a header row with a \"name\" column, found 'nom'"),
    (b"name,role\nJo,x\n,trainer\n", r"attendees\.csv:3: name: expected a name, found an empty cell"),
    (b"name\n" + b"x" * 121 + b"\n", r"attendees\.csv:2: name: a name is at most 120 characters, found 121"),
    (b"name\nJo\n\xff\xfe\n", r"attendees\.csv:3: expected UTF-8 text"),
    (b"name\n\n", r"attendees\.csv:1: expected at least one attendee's name"),
])
def test_a_bad_attendees_file_gives_a_located_error(tmp_path, data, message):
    path = tmp_path / "attendees.csv"
    path.write_bytes(data)
    with pytest.raises(ContentError, match=message):
        read_attendees(path)


def test_a_missing_attendees_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="cannot read the attendees file"):
        read_attendees(tmp_path / "nope.csv")


def test_the_command_prints_certificates_for_one_course_only(tmp_path):
    path = tmp_path / "attendees.csv"
    path.write_text("name\nSiân Llŷr\nJo Bloggs\n", encoding="utf-8")
    run = [sys.executable, "-m", "iwpacks", "build", "-q", "--artefact", "certificate", "--attendees", str(path)]
    every = subprocess.run([*run, "--out", str(tmp_path / "all")], capture_output=True, text=True)
    assert every.returncode == 2 and "name the course with --course" in every.stderr
    one = subprocess.run([*run, "--course", "caf-trainers", "--out", str(tmp_path / "one")], capture_output=True,
                         text=True)
    assert one.returncode == 0, one.stderr
    assert len(PdfReader(tmp_path / "one" / "caf-trainers" / "certificate.pdf").pages) == 2


def test_a_number_of_attendees_sets_every_course_printing_list_and_a_bad_one_is_refused(tmp_path):
    from docx import Document

    run = [sys.executable, "-m", "iwpacks", "build", "-q", "--artefact", "trainer-guide"]
    built = subprocess.run([*run, "--attendees", "12", "--course", "iw-practitioners", "--course", "is-advisors",
                            "--out", str(tmp_path / "twelve")], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    for cid in ("iw-practitioners", "is-advisors"):
        doc = Document(tmp_path / "twelve" / cid / "trainer-guide.docx")
        assert any("for 12 attendees over" in p.text for p in doc.paragraphs), cid
    for bad in ("0", "501"):
        refused = subprocess.run([*run, "--attendees", bad, "--out", str(tmp_path / "bad")], capture_output=True,
                                 text=True)
        assert refused.returncode == 2 and "expected a number of attendees from 1 to 500" in refused.stderr, bad
        assert "Traceback" not in refused.stderr


def test_a_name_the_certificate_fonts_cannot_print_is_a_located_error(tmp_path):
    path = tmp_path / "attendees.csv"
    # The brand's script fonts cover Chinese, Korean and emoji; Tifinagh (Berber) is in none of them.
    path.write_text("name\nJo Bloggs\nשרה כהן\nⵜⴰⵎⴰⵣⵉⵖⵜ\nИван Петров\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "iwpacks", "build", "-q", "--course", "iw-practitioners",
                          "--artefact", "certificate", "--attendees", str(path), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert 'attendees.csv:4: name: the certificate\'s fonts cannot print "ⵜⴰⵎⵣⵉⵖ"' in run.stderr
    assert "Traceback" not in run.stderr and not (tmp_path / "out").exists()


def test_a_hebrew_name_is_set_right_to_left_in_the_heading_font(plans, brand):
    from iwpacks.renderers.certificate import unprintable

    assert unprintable(brand, "שרה כהן") == "" and unprintable(brand, "李伟") == ""
    plan = attrs.evolve(plans["iw-practitioners"], attendees=("שרה כהן",))
    reader = PdfReader(io.BytesIO(CertificateRenderer().render(plan, brand)))
    fonts = [f.get_object()["/BaseFont"] for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert not any("Arabic" in f for f in fonts)
    assert [o.title for o in reader.outline] == ["שרה כהן"]
    assert visual_word_order("שרה כהן") == "כהן שרה"


def test_every_certificate_has_the_course_date_and_the_trainers_name_and_signature(plans, brand, programme):
    """The review asked for the date of the course on the certificate: a plan knows no course date, so under
    the course's title each certificate has a line to write the day on (a line for each day of a course of
    several: "on ___ and ___"), then what the course was in words ("a half-day course (2 hours 15 minutes of
    training)", not "a course of 2 h 15 min over half a day"), and at its foot ruled lines for the trainer's
    signature and name and the date of issue, and who issues it; on the attendee's one page; in every course."""
    from iwpacks.renderers.certificate import DATE_LINE, DAY_LINE, course_length

    signature, name, issued = programme.guide_text["certificate.signatures"]
    assert "signature" in signature.lower() and "name" in name.lower() and "issue" in issued.lower()
    names = ("Jo Bloggs", "فاطمة حسين", "נועה כהן")
    for cid, base in plans.items():
        plan = attrs.evolve(base, attendees=names)
        days = plan.timetable.days
        dated = "on " + (DATE_LINE if days == 1 else ", ".join([DAY_LINE] * (days - 1)) + f" and {DAY_LINE}")
        reader = PdfReader(io.BytesIO(CertificateRenderer().render(plan, brand)))
        assert len(reader.pages) == len(names), cid
        for page in reader.pages:
            words = " ".join(page.extract_text().split())
            title = " ".join(plan.course.title.split())
            assert f"{title} {dated} {course_length(plan)}" in words, cid  # the date lines under the title
            assert not re.search(r"\d h\b|\d min\b| over \d", words), cid
            assert words.endswith(f"{signature} {name} {issued} Issued by Integrated Working Training"), cid
    assert course_length(plans["iw-practitioners"]) == "a half-day course (2 hours 15 minutes of training)"
    assert course_length(plans["caf-trainers"]) == "a two-day course (12 hours 30 minutes of training)"
    assert course_length(plans["is-practitioners"]).startswith("a course of two half days (")


def test_an_las_certificate_is_issued_by_its_training_team(programme, brand):
    """The review: no issuer, only the trainer's lines. An LA's certificate is issued by the training team its
    pack names (the booking contact, with its organisation)."""
    from iwpacks.overlay.layers import apply_overlay, load_overlay

    local = apply_overlay(programme, load_overlay(programme, "northmoor"))
    for cid in ("iw-practitioners", "caf-trainers"):
        plan = plan_course(local, cid, release=True)
        words = " ".join(PdfReader(io.BytesIO(CertificateRenderer().render(plan, brand)))
                         .pages[0].extract_text().split())
        assert words.endswith("Date of issue Issued by Workforce Development Team, Northmoor Borough Council"), cid


def _runs(page) -> list[tuple[str, float, float, float]]:
    """Each run of text on the page: (text, x, y, font size), in points from the bottom left."""
    runs: list[tuple[str, float, float, float]] = []

    def visit(value, cm, tm, font, size):
        if value.strip():
            runs.append((value.strip(), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], size * tm[0] * cm[0]))
    page.extract_text(visitor_text=visit)
    return runs


@pytest.mark.parametrize("la", [None, "northmoor"])
def test_a_certificate_names_the_modules_covered_and_at_most_six_objectives(la, programme, brand):
    """The review: 13 objectives are too many for a certificate, which names what was covered, compactly. Every
    course's certificate names each module it covered under "Modules covered", and lists its objectives only
    where it has six or fewer (caf-trainers, with 13, lists none; iw-practitioners, with 4, all of them); one page,
    in an LA's pack too."""
    from iwpacks.overlay.layers import apply_overlay, load_overlay
    from iwpacks.renderers._forms import course_objectives
    from iwpacks.renderers.certificate import MOST_OBJECTIVES

    if la:
        programme = apply_overlay(programme, load_overlay(programme, la))
    heading = programme.guide_text["certificate.objectives"][0]
    shown = {}
    for course in (c for c in programme.courses.values() if not c.is_pending):
        plan = plan_course(programme, course.id, release=la is not None)
        reader = PdfReader(io.BytesIO(CertificateRenderer().render(plan, brand)))
        assert len(reader.pages) == 1, course.id
        lines = [" ".join(line.split()) for line in reader.pages[0].extract_text().splitlines()]
        modules = lines.index("Modules covered")
        assert lines[modules + 1:modules + 1 + len(plan.modules)] == [m.name for m in plan.modules], course.id
        objectives = [" ".join(o.split()) for o in course_objectives(plan)]
        listed = [o for o in objectives if o[:40] in " ".join(lines)]
        shown[course.id] = len(listed)
        assert listed == (objectives if len(objectives) <= MOST_OBJECTIVES else []), course.id
        assert (heading in lines) == bool(listed), course.id
    assert shown["caf-trainers"] == 0 and shown["iw-practitioners"] == 4


@pytest.mark.parametrize("cid", ["caf-trainers", "iw-practitioners", "is-trainers", "caf-practitioners"])
def test_the_certificate_has_no_blank_band(cid, plans, brand):
    """The review found a blank band on the page: the space left over went into two or three large gaps (one of
    29 mm). Now it is shared by every group (the title, who, the course, the modules, the objectives), so no two
    lines of text down the page are 25 mm apart or more, the room to sign in above the signature labels aside,
    and the labels stand at the foot of the frame; with a name printed or a line to write it on."""
    from iwpacks.renderers.certificate import FOOT, SIGNATURE_ROOM

    for plan in (plans[cid], attrs.evolve(plans[cid], attendees=("Jo Bloggs",))):
        runs = _runs(PdfReader(io.BytesIO(CertificateRenderer().render(plan, brand))).pages[0])
        heights = sorted({round(y) for _, _, y, _ in runs}, reverse=True)
        gaps = [higher - lower for higher, lower in zip(heights, heights[1:])]
        gaps[-2] -= SIGNATURE_ROOM  # the last but one: the signature lines' writing room, then their labels
        assert max(gaps) < 25 * mm, (cid, gaps)
        assert min(heights) < FOOT + 20, cid
