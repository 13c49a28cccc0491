"""Certificates filled from an attendees CSV: a page per name, each name whole on its page; bad rows located."""
from __future__ import annotations

import io
import subprocess
import sys

import attrs
import pytest
from pypdf import PdfReader

from iwpacks.errors import ContentError, UsageError
from iwpacks.renderers.certificate import CertificateRenderer
from iwpacks.source.read_attendees import read_attendees

NAMES = ["Siân Llŷr", "Ŵyn ap Gwŷn", "Eluned Prys-Jones", "Dafydd ap Gruffudd", "Gwenllïan Morgan",
         "Alexandra Konstantinopoulou-Featherstonehaugh-Worthington Sm",  # 60 characters
         "Jo Bloggs", "Mary O'Neill", "Zoë Brontë", "Bronwen Ellis", "Chidi Okafor", "Priya Raman",
         "Tomasz Wiśniewski", "Aoife Ní Bhriain", "Seán Ó Briain", "Hana Novák", "José Álvarez",
         "Ingrid Åström", "Kwame Mensah", "Li Wei", "Fatima Hussain", "Yusuf Ahmed", "Grace Williams",
         "Ruth Evans", "Owain Glyndŵr"]


def test_a_certificate_is_printed_for_each_attendee_on_a_page_of_their_own(plans, brand):
    assert len(NAMES) == 25 and len(NAMES[5]) == 60
    plan = attrs.evolve(plans["caf-trainers"], attendees=tuple(NAMES))
    reader = PdfReader(io.BytesIO(CertificateRenderer().render(plan, brand)))
    assert len(reader.pages) == len(NAMES)
    for page, name in zip(reader.pages, NAMES):
        lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
        assert name in lines, name  # whole, on one line: it fits
        assert sum(other in lines for other in NAMES) == 1, name
        assert plan.course.title in " ".join(lines)
    assert [o.title for o in reader.outline] == NAMES  # a bookmark for each attendee


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
