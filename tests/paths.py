"""Where the tests find the checkout, its fixtures and the example LAs, from whichever test folder."""
from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
EXAMPLES = REPO / "examples" / "la"
