"""What a renderer shows for a local slot: the LA's values, or a visible placeholder in a master pack."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol as Interface

import attrs

from iwpacks.model import CONTACTS_PART, PART_MARK, Arrangements, Contact, LocalSlot, Localisation, LocalSource, Protocol


class SlotSource(Interface):
    """What slot_text reads: the slots and the LA's values; a course plan, or a programme (self-study, which
    has no course)."""

    @property
    def slots(self) -> Mapping[str, LocalSlot]: ...

    @property
    def localisation(self) -> Localisation | None: ...


@attrs.frozen
class SlotText:
    """A slot ready to draw: `filled` is False for a placeholder, which renderers style in the accent colour."""

    slot_id: str
    heading: str
    lines: tuple[str, ...]
    filled: bool
    contacts: tuple[bool, ...] = ()  # for each line, whether it is a contact (the deck's notes say where to find it)


def slot_text(plan: SlotSource, slot_id: str, brief: bool = False, stacked: bool = False) -> SlotText:
    """The lines to show for `slot_id`: the LA's values, or 'Your LA adds: <label>' when unfilled. `brief`:
    each contact as a slide shows it (see describe_value); the handouts' contact list gives it in full.
    `stacked`: each contact in full over lines of its own, split by "\n" (see describe_value).

    Overlay values are plain text here; no renderer treats them as a template, so '{{ x }}' stays literal.
    """
    slot_id, _, part_id = slot_id.partition(PART_MARK)
    slot = plan.slots[slot_id]
    heading = slot.label[0].upper() + slot.label[1:]
    local = plan.localisation
    value = local.slots.get(slot_id) if local is not None else None
    if part_id == CONTACTS_PART:  # the slot's contacts alone, under the slot's heading: who to ask
        contacts = value.contacts if isinstance(value, Arrangements) else ()
        if not contacts:
            return SlotText(slot_id, heading, ("Your LA adds: contacts",), False)
        return SlotText(slot_id, heading, tuple(describe_value(c, brief) for c in contacts), True,
                        (True,) * len(contacts))
    if part_id:  # one part of an arrangements slot, headed by its own label
        part = next(p for p in slot.parts if p.id == part_id)
        text = value.parts.get(part_id) if isinstance(value, Arrangements) else None
        return SlotText(slot_id, part.label, (text,) if text else (f"Your LA adds: {_lower(part.label)}",),
                        bool(text))
    if not value:
        if slot.parts:  # name each thing the LA will say, so a master pack shows what is still to come
            return SlotText(slot_id, heading, tuple(f"Your LA adds: {_lower(p.label)}" for p in slot.parts)
                            + ("Your LA adds: contacts",), False)
        return SlotText(slot_id, heading, (f"Your LA adds: {slot.label}",), False)
    if isinstance(value, str):
        return SlotText(slot_id, heading, (value,), True)
    if isinstance(value, Arrangements):
        lines = [f"{part.label}: {value.parts[part.id]}" for part in slot.parts if value.parts.get(part.id)]
        return SlotText(slot_id, heading, (*lines, *(describe_value(c, brief, stacked) for c in value.contacts)), True,
                        (False,) * len(lines) + (True,) * len(value.contacts))
    return SlotText(slot_id, heading, tuple(describe_value(item, brief, stacked) for item in value), True,
                    tuple(isinstance(item, Contact) for item in value))


def describe_value(item: Contact | Protocol | LocalSource, brief: bool = False, stacked: bool = False) -> str:
    """One readable line for a contact, protocol or source. `brief`: a contact by name, role and phone only,
    as a slide shows it: the organisation and e-mail address make a line too long to read from the back of
    the room, and attendees copy them from their handouts, not the screen. `stacked`: a contact in full as a
    booking reads it, who (name, role, organisation), then the phone, then the e-mail, split by "\n"."""
    if isinstance(item, Contact):
        phone = item.phone.replace(" ", "\u00a0")  # a number never breaks across lines
        if stacked and not brief:
            who = ", ".join(x for x in (item.name, item.role, item.organisation) if x)
            return "\n".join(x for x in (who, phone, item.email) if x)
        full = (item.name, item.role, phone) if brief else (item.name, item.role, item.organisation, phone, item.email)
        return ", ".join(x for x in full if x)
    if isinstance(item, Protocol):
        where = item.link or (f"file {item.file.rsplit('/', 1)[-1]}" if item.file else "")
        return f"{item.title} (version {item.version}, {spoken_date(item.date)}; owner {item.owner}): {item.summary}" + (
            f" {where}" if where else "")
    return f"{item.title}: {item.url}" + (f" ({item.description})" if item.description else "")


def _lower(label: str) -> str:
    """"Forms, and where to get them" mid-sentence: "forms, and where to get them" (acronyms kept: "CAF")."""
    first = label.split(" ", 1)[0]
    return label if first.isupper() else label[:1].lower() + label[1:]


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def spoken_date(iso: str) -> str:
    """'2006-09-01' as people write it: '1 September 2006'. Returns the text unchanged if it is not such a date."""
    try:
        year, month, day = (int(part) for part in iso.split("-"))
        return f"{day} {_MONTHS[month - 1]} {year}" if 1 <= day <= 31 and year > 0 else iso
    except (ValueError, IndexError):
        return iso
