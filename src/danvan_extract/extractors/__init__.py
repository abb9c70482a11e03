"""Extractor families, one module each; :func:`build_extractors` wires them."""

from __future__ import annotations

from ..rules import Rules
from .area import AreaExtractor
from .base import Candidate, Context, Lexicons
from .count import CountExtractor
from .dates import DateExtractor
from .document_ref import DocumentRefExtractor
from .money import MoneyExtractor
from .percentage import PercentageExtractor
from .person_role import PersonRoleExtractor
from .quantities import DurationExtractor, MeasureExtractor
from .ratio import RatioExtractor


def build_extractors(rules: Rules, *, person_roles: bool = True) -> list:
    """All extractors in a fixed order (the order only matters for ties)."""
    lex = Lexicons(rules)
    extractors = [
        DocumentRefExtractor(lex),
        DateExtractor(lex),
        PercentageExtractor(lex),
        MoneyExtractor(lex),
        AreaExtractor(lex),
        RatioExtractor(lex),
        MeasureExtractor(lex),
        DurationExtractor(lex),
        CountExtractor(lex),
    ]
    if person_roles:
        extractors.append(PersonRoleExtractor(lex))
    return extractors


__all__ = ["Candidate", "Context", "Lexicons", "build_extractors"]
