"""Where the data shipped with the package (rules/) is."""

from __future__ import annotations

import tomllib
from functools import lru_cache
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


@lru_cache(maxsize=1)
def bundled_levels() -> dict:
    """rules/levels.toml as written: the level words of administrative
    units, their ranks and classes (read once; the context's registry,
    context/levels.py, and the extractors' coordination read it)."""
    with (bundled_rules_dir() / "levels.toml").open("rb") as fh:
        return tomllib.load(fh)
