"""A contact sheet for reviewers: every slide and page of a pack as a thumbnail in preview.html."""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from iwpacks.errors import UsageError
from iwpacks.model import ARTEFACTS
from iwpacks.pack.office import pdf_to_pngs, to_pdf

ARTEFACT_ORDER = tuple(a.filename for a in ARTEFACTS)
PREVIEW_HTML = "preview.html"
PREVIEW_DIR = "preview"
TRAINING_PLAN = "training-plan.pdf"  # renderers.training_plan.FILENAME, without importing the renderers

_TEMPLATE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Preview: {{ pack }}</title>
<style>
body { font-family: "Liberation Sans", Arial, sans-serif; color: #1F2933; margin: 2rem; }
h1 { color: #0B5563; } h2 { color: #0B5563; border-bottom: 2px solid #0B5563; margin-top: 2.5rem; }
h3 { color: #2E3A59; margin-bottom: .4rem; }
.sheet { display: flex; flex-wrap: wrap; gap: .8rem; }
figure { margin: 0; } img { border: 1px solid #52606D; max-width: 320px; } figcaption { font-size: .8rem; }
</style></head>
<body><h1>Preview: {{ pack }}</h1>
<p>{{ total }} pages and slides in {{ courses|length }} courses.</p>
{% if plan %}<section><h2>The programme</h2><h3>{{ plan.name }} ({{ plan.pages|length }})</h3>
<div class="sheet">{% for page in plan.pages %}<figure><img src="{{ page.src }}" loading="lazy"
 alt="{{ plan.name }}, page {{ loop.index }}"><figcaption>page {{ loop.index }}</figcaption></figure>{% endfor %}</div>
</section>{% endif %}
{% for course in courses %}<section><h2>{{ course.id }}</h2>
{% for artefact in course.artefacts %}<h3>{{ artefact.name }} ({{ artefact.pages|length }})</h3>
<div class="sheet">{% for page in artefact.pages %}<figure><img src="{{ page.src }}" loading="lazy"
 alt="{{ artefact.name }} of {{ course.id }}, {{ artefact.unit }} {{ loop.index }}"><figcaption>{{ artefact.unit }}
 {{ loop.index }}</figcaption></figure>{% endfor %}</div>
{% endfor %}</section>
{% endfor %}</body></html>
"""


def build_preview(pack: Path, progress: Callable[[int, int, str], None] | None = None) -> Path:
    """Render every artefact of `pack` to PNG thumbnails and write `pack/preview.html`; return its path.

    `progress(done, total, step)` is called when LibreOffice starts and as each course's pages are drawn.
    """
    pack = Path(pack)
    if not pack.is_dir():
        raise UsageError(f"not a pack folder: {pack}")
    courses = sorted(p for p in pack.iterdir() if p.is_dir() and p.name != PREVIEW_DIR
                     and any((p / a).is_file() for a in ARTEFACT_ORDER))
    images = pack / PREVIEW_DIR
    shutil.rmtree(images, ignore_errors=True)
    images.mkdir()
    model: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="iwpacks-preview-") as tmp:
        work = Path(tmp)
        office, pdfs = [], {}
        for course in courses:
            for artefact in ARTEFACT_ORDER:
                source = course / artefact
                if not source.is_file():
                    continue
                # Unique names: LibreOffice writes <stem>.pdf, and every course has a deck.pptx.
                copy = work / f"{course.name}--{source.stem}{source.suffix}"
                shutil.copy(source, copy)
                if source.suffix == ".pdf":
                    pdfs[(course.name, artefact)] = copy
                else:
                    office.append(((course.name, artefact), copy))
        if progress is not None:
            progress(0, len(courses), f"LibreOffice: converting {len(office)} Office files")
        converted = to_pdf([copy for _, copy in office], work / "pdf")
        for key, copy in office:
            pdfs[key] = converted[copy]
        for course in courses:
            artefacts = []
            for artefact in ARTEFACT_ORDER:
                if (course.name, artefact) not in pdfs:
                    continue
                stem = f"{course.name}--{Path(artefact).stem}"
                pages = pdf_to_pngs(pdfs[(course.name, artefact)], images / stem)
                artefacts.append({"name": artefact, "unit": "slide" if artefact.endswith(".pptx") else "page",
                                  "pages": [{"src": f"{PREVIEW_DIR}/{p.name}"} for p in pages]})
            model.append({"id": course.name, "artefacts": artefacts})
            if progress is not None:
                progress(len(model), len(courses), course.name)
    plan = None
    if (pack / TRAINING_PLAN).is_file():  # the programme-level document, before the courses
        pages = pdf_to_pngs(pack / TRAINING_PLAN, images / Path(TRAINING_PLAN).stem)
        plan = {"name": TRAINING_PLAN, "pages": [{"src": f"{PREVIEW_DIR}/{p.name}"} for p in pages]}
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    html = env.from_string(_TEMPLATE).render(
        pack=pack.name, courses=model, plan=plan,
        total=sum(len(a["pages"]) for c in model for a in c["artefacts"]) + (len(plan["pages"]) if plan else 0))
    out = pack / PREVIEW_HTML
    out.write_text(html, encoding="utf-8")
    return out
