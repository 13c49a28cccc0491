"""A copy of the bundled content with one edit, for the tests that check a mistake is located."""
from __future__ import annotations

import shutil

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
