"""A rules folder for a test: one bundled rules file with a piece changed."""

from __future__ import annotations

from pathlib import Path

from danvan_extract.grammar.rules import bundled_rules_dir


def rules_with(folder: Path, name: str, old: str, new: str) -> Path:
    """Write into ``folder`` the bundled rules file ``name`` with its (one)
    ``old`` replaced by ``new``; returns ``folder``."""
    text = (bundled_rules_dir() / name).read_text(encoding="utf-8")
    assert old in text and old != new
    (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder
