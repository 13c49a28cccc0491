"""Who a pack is for: the LA (and organisation) whose name and logo go on every cover and title slide."""
from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from iwpacks.model import LogoImage

if TYPE_CHECKING:
    from iwpacks.planning.plan import CoursePlan


@attrs.frozen
class CoverIdentity:
    """The localised pack's owner; both None in a master pack."""

    name: str | None
    logo: LogoImage | None

    @property
    def alt_text(self) -> str:
        return f"Logo of {self.name}" if self.name else ""


def cover_identity(plan: CoursePlan) -> CoverIdentity:
    """The LA's display name ('Northmoor Borough Council: Northmoor Community Health Trust') and logo."""
    local = plan.localisation
    if local is None:
        return CoverIdentity(None, None)
    return CoverIdentity(local.display_name, local.logo_image)
