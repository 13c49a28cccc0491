"""The command line, thin over the library: `iwpacks` runs iwpacks.cli.main."""
from __future__ import annotations

from iwpacks.cli.main import main

__all__ = ["main"]
