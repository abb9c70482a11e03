"""Extractor families, one module each; :func:`build_extractors` wires them."""

from __future__ import annotations

import importlib

from ..registry import ROWS
from ..grammar.rules import Rules
from .base.candidates import Candidate
from .base.context import Context
from .base.lexicons import Lexicons


def build_extractors(rules: Rules, *, person_roles: bool = True) -> list:
    """One extractor per registry row that names one (a class shared by two
    rows runs once), in the registry's order (the order only matters for
    ties); ``person_roles=False`` leaves the person_role row out."""
    lex = Lexicons(rules)
    extractors, seen = [], set()
    for row in ROWS:
        if row.extractor is None or row.extractor in seen or (row.name == "person_role" and not person_roles):
            continue
        seen.add(row.extractor)
        module, cls = row.extractor.split(":")
        extractors.append(getattr(importlib.import_module(f".{module}", __name__), cls)(lex))
    return extractors


__all__ = ["Candidate", "Context", "Lexicons", "build_extractors"]
