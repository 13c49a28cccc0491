"""A copy of the bundled content with one edit, for the tests that check a mistake is located."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import iwpacks
from iwpacks.errors import ContentError
from iwpacks.source.read_content import content_root


def broken_content(tmp_path, relative: str, old: str, new: str) -> str:
    """Copy the content, replace `old` (which must be there) by `new` in `relative`, and return the message
    of the ContentError that loading it raises."""
    content = tmp_path / "content"
    shutil.copytree(content_root(None), content)
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        iwpacks.load_programme(content)
    return str(caught.value)


BEYOND = Path(__file__).parent / "fixtures" / "beyond"


def content_beyond(tmp_path, edit: tuple[str, str, str] | None = None) -> Path:
    """A copy of the content with a course outside Appendix 1 (tests/fixtures/beyond): two of the strategy's
    modules and CFP01, a module of the policy team's own. `edit` replaces (relative file, old, new) after."""
    content = tmp_path / "content"
    shutil.copytree(content_root(None), content)
    for folder in ("modules", "material"):
        for path in (BEYOND / folder).iterdir():
            shutil.copy(path, content / folder / path.name)
    courses = content / "courses.yaml"
    courses.write_text(courses.read_text(encoding="utf-8").rstrip("\n") + "\n"
                       + (BEYOND / "courses.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    if edit is not None:
        relative, old, new = edit
        path = content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return content
