"""`make test` sets itself up: the office tests share one marker, and the set-up script explains what it cannot do."""
from __future__ import annotations

import ast
import subprocess

from paths import TESTS

# What an office test calls: LibreOffice through iwpacks.pack.office, the preview, or poppler and qpdf directly.
OFFICE_CALLS = {"to_pdf", "build_preview", "pdffonts", "pdftoppm", "qpdf", "soffice"}


def _calls(node: ast.AST) -> set[str]:
    names = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name):
            names.add(sub.func.id)
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            names.add(sub.value)
    return names


def _marked_office(func: ast.FunctionDef) -> bool:
    return any(isinstance(d, ast.Attribute) and d.attr == "office" for d in func.decorator_list)


def test_every_test_that_opens_output_in_an_office_tool_carries_the_office_marker():
    unmarked = []
    for path in sorted(TESTS.rglob("test_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                if _calls(node) & OFFICE_CALLS and not _marked_office(node):
                    unmarked.append(f"{path.relative_to(TESTS)}::{node.name}")
    assert unmarked == []


def test_the_set_up_script_names_the_packages_and_the_command_when_it_cannot_install(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_id = bin_dir / "id"  # not root, no sudo, no LibreOffice: nothing it may install
    fake_id.write_text("#!/bin/sh\necho 1000\n")
    fake_id.chmod(0o755)
    result = subprocess.run(["/bin/bash", str(TESTS / "system-tools.sh")], capture_output=True, text=True,
                            env={"PATH": str(bin_dir)})
    assert result.returncode == 1
    assert result.stderr == ("make test needs libreoffice-impress libreoffice-writer poppler-utils qpdf chromium npm; "
                             "install them with: sudo apt-get install libreoffice-impress libreoffice-writer "
                             "poppler-utils qpdf chromium npm (or run the office-free tests with: make test-fast)\n")


def test_the_set_up_script_is_silent_when_everything_is_there():
    result = subprocess.run(["/bin/bash", str(TESTS / "system-tools.sh")], capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
