"""A holiday named by its year of the sexagenary cycle without the year's
number: "Tết Nguyên đán Ất Tỵ", "Tết Bính Ngọ", "đón Xuân Giáp Thìn".

The ten stems and twelve branches name each year of a 60-year cycle
(1984 is Giáp Tý): the name gives the year, the one nearest the
article's year, else the one of the cycle that began in 1984.  Tết opens
the lunar year in late January or February, so the holiday lies in that
solar year (FACTS.md: a holiday with its year gives that year).
"""

from __future__ import annotations

from typing import Iterator, Optional

import regex

from .words import Openers, finditer_at
from ..grammar.pattern_cache import compile_regex

_STEMS = ("giáp", "ất", "bính", "đinh", "mậu", "kỷ", "canh", "tân", "nhâm", "quý")
_BRANCHES = ("tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi", "thân", "dậu", "tuất", "hợi")
_BRANCH_SPELLINGS = {"tí": "tý", "mẹo": "mão", "tị": "tỵ"}
_CYCLE_START = 1984  # Giáp Tý
_LUNAR_YEAR = compile_regex(
    r"(?:tết(?:\s+(?:nguyên\s+đán|cổ\s+truyền))?|xuân)\s+(?=(?-i:\p{Lu}))(?P<stem>" + "|".join(_STEMS) + r")\s+"
    r"(?P<branch>" + "|".join(_BRANCHES + tuple(_BRANCH_SPELLINGS)) + r")(?!\w)"
    r"(?:\s{0,3}(?:năm\s+)?(?P<y>(?:19|20)\d\d)(?!\d))?",  # ("Xuân Quý Mão 2023": the year written wins)
    regex.I)


def _year(stem: str, branch: str, near: Optional[str]) -> Optional[int]:
    s, b = _STEMS.index(stem.lower()), _BRANCHES.index(_BRANCH_SPELLINGS.get(branch.lower(), branch.lower()))
    if (s - b) % 2:
        return None  # (a stem and a branch of different parity name no year)
    offset = next(k for k in range(60) if k % 10 == s and k % 12 == b)
    year = _CYCLE_START + offset
    if near:
        year += round((int(near) - year) / 60) * 60
    return year


def lunar_years(text: str, year_of_article: Optional[str], openers: Openers) -> Iterator[tuple[int, int, str]]:
    """(start, end, year) of each holiday in ``text`` named by its cyclic
    year (with the year's number, when written, taken as written)."""
    for m in finditer_at(_LUNAR_YEAR, text, openers.starts(("tết", "xuân"))):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        year = m.group("y") or _year(m.group("stem"), m.group("branch"), year_of_article)
        if year:
            yield m.start(), m.end(), str(year)
