"""Where the data shipped with the package (rules/) is."""

from __future__ import annotations

from pathlib import Path

from .errors import E_RULES_DIR, RulesError


def bundled_rules_dir() -> Path:
    """The rules folder shipped with the package (or the checkout's rules/)."""
    package = Path(__file__).resolve().parent  # src/danvan_extract
    inside = package / "rules"
    if inside.is_dir():
        return inside
    checkout = package.parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise RulesError(E_RULES_DIR.format(path=inside))
