"""The search index: every course, module and audience page with its words, as a script the search page loads.

A script, not a JSON file the page fetches: a browser refuses fetch() from a page opened from disk (file://),
and a <script src> it loads from anywhere, so the same folder searches offline, from a CD-ROM or a web server.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import attrs

from iwpacks.model import Audience, Module
from iwpacks.planning.minutes import format_range
from iwpacks.planning.plan import CoursePlan
from iwpacks.renderers._facts import mid_sentence
from iwpacks.site import links

INDEX_SCRIPT = "search-index.js"
SNIPPET = 160  # characters of a result's summary


@attrs.frozen
class Entry:
    page: str     # from the site's root
    kind: str     # "Course", "Module" or "Audience": what the result is, shown beside it
    title: str
    summary: str  # the first words shown under its title
    text: str     # everything searched, beyond the title


def course_entry(plan: CoursePlan) -> Entry:
    words = [plan.audience.name, plan.process.name, *(f"{m.ref} {m.name}" for m in plan.modules),
             *plan.objectives, *(item for m in plan.modules for item in m.content_read)]
    # What tells one course from the next in a list of results: who it is for, how long, and what it teaches.
    summary = (f"For {mid_sentence(plan.audience.name)}, {format_range(plan.min_minutes, plan.max_minutes)}: "
               + "; ".join(f"{m.ref} {m.name}" for m in plan.modules) + ".")
    return Entry(links.course_page(plan.course.id), "Course", plan.course.title, summary,
                 " ".join([plan.audience.summary, *words]))


def module_entry(module: Module) -> Entry:
    words = [module.ref, *module.description, *module.audience_text, *module.objectives_read, *module.content_read,
             *(t.title for t in module.topics)]
    summary = " ".join(module.description) or " ".join(module.content_read)
    return Entry(links.module_page(module.ref), "Module", f"{module.ref} {module.name}", summary, " ".join(words))


def audience_entry(audience: Audience) -> Entry:
    return Entry(links.audience_page(audience.id), "Audience", audience.name, audience.summary,
                 " ".join((audience.appendix_label, *audience.includes)))


def entries(plans: Mapping[str, CoursePlan], modules: Sequence[Module], audiences: Sequence[Audience]) -> list[Entry]:
    return ([course_entry(p) for p in plans.values()] + [module_entry(m) for m in modules]
            + [audience_entry(a) for a in audiences])


def index_script(found: Sequence[Entry]) -> bytes:
    """`window.IWPACKS_SEARCH = [...]`: escaped so no text can close the script or start markup ("</script>",
    "<!--"), and ASCII only, so the bytes are the same whatever the reader's encoding."""
    rows = [{"page": e.page, "kind": e.kind, "title": e.title, "summary": _snippet(e.summary), "text": e.text}
            for e in found]
    data = json.dumps(rows, ensure_ascii=True, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"window.IWPACKS_SEARCH = {data};\n".encode("ascii")


def _snippet(text: str) -> str:
    if len(text) <= SNIPPET:
        return text
    cut = text[:SNIPPET].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "\u2026"
