"""The largest overlay the limits allow: every list at its limit, every field at its longest. Every artefact
must lay it out (tests/overlay/test_limits.py)."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from paths import EXAMPLES

from iwpacks.overlay.read import (
    MAX_ARRANGEMENT_CONTACTS,
    MAX_CHARS,
    MAX_ITEMS,
    MAX_LOCAL_SLIDES,
    MAX_SLIDE_POINTS,
    OVERLAY_MAX_TEXT,
)
from iwpacks.model import Contact, LocalSource, Protocol

WORDS = ("Northmoor Integrated Children's Services Partnership Locality Team Early Support Family "
         "Information Sharing Safeguarding Workforce Development Primary Care Trust").split()


def words(length: int, seed: int) -> str:
    """Real-looking words, exactly `length` characters long: long fields are long sentences, not one word."""
    out, i = [], seed
    while len(" ".join(out)) < length:
        out.append(WORDS[i % len(WORDS)])
        i += 7
    return " ".join(out)[:length].rstrip() + ("x" * (length - len(" ".join(out)[:length].rstrip())))


def contact(i: int) -> dict:
    return {"name": words(MAX_CHARS["name"], i), "role": words(MAX_CHARS["role"], i + 1),
            "organisation": words(MAX_CHARS["organisation"], i + 2), "phone": f"+44 (0)1632 {960000 + i:06d}",
            "email": f"{'a' * (MAX_CHARS['email'] - 42)}.{i:03d}@northmoor-borough-council.example.org"}


def largest_overlay(tmp: Path) -> Path:
    folder = tmp / "largest"
    shutil.copytree(EXAMPLES / "northmoor", folder, ignore=shutil.ignore_patterns("organisations"))
    data = yaml.safe_load((folder / "overlay.yaml").read_text(encoding="utf-8"))
    data["name"] = words(MAX_CHARS["name"], 0)
    data["organisation"] = words(MAX_CHARS["organisation"], 3)
    slots = data["slots"]
    for key in ("escalation-contacts", "information-sharing-advice", "safeguarding-contacts", "training-contacts"):
        slots[key] = [contact(i) for i in range(MAX_ITEMS[Contact])]
    slots["information-sharing-protocols"] = [
        {"title": words(MAX_CHARS["title"], i), "version": "v" + "9" * (MAX_CHARS["version"] - 1), "date": "2006-09-01",
         "owner": words(MAX_CHARS["owner"], i), "summary": words(MAX_CHARS["summary"], i),
         "link": "https://www.northmoor.example.org/" + "p" * (MAX_CHARS["link"] - 40) + f"/{i:03d}"}
        for i in range(MAX_ITEMS[Protocol])]
    slots["local-sources"] = [
        {"title": words(MAX_CHARS["title"], i), "url": "https://www.northmoor.example.org/" + "s" * (MAX_CHARS["url"] - 40)
         + f"/{i:03d}", "description": words(MAX_CHARS["description"], i)} for i in range(MAX_ITEMS[LocalSource])]
    caf = slots["caf-process"]
    for part in [k for k in caf if k != "contacts"]:
        caf[part] = words(MAX_CHARS["part"], len(part))
    caf["contacts"] = [contact(i) for i in range(MAX_ARRANGEMENT_CONTACTS)]
    slots["practitioner-network"] = words(OVERLAY_MAX_TEXT, 5)
    data["local_notes"]["LP02"]["Local escalation processes and contact points"] = {
        "notes": words(OVERLAY_MAX_TEXT, 9),
        "slides": [{"title": words(MAX_CHARS["title"], s), "points": [words(MAX_CHARS["point"], p)
                                                                        for p in range(MAX_SLIDE_POINTS)],
                    "notes": words(OVERLAY_MAX_TEXT, s)} for s in range(MAX_LOCAL_SLIDES)]}
    (folder / "overlay.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder
