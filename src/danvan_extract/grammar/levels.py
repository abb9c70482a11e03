"""The level words of administrative units (``rules/levels.toml``): the one
registry the place, location, subject, count and person rules take their
level words, ranks, classes and short forms from."""

from __future__ import annotations

from types import MappingProxyType

from ..bundled import bundled_rules_dir
from .pattern_cache import parsed_toml


def _read() -> dict:
    return parsed_toml(bundled_rules_dir() / "levels.toml")


_DATA = _read()
_ENTRIES = tuple(_DATA["level"])

# level word → rank (0 village … 5 nation)
RANK = MappingProxyType({e["word"]: e["rank"] for e in _ENTRIES})
# level word → the class it compares by ("tỉnh", "huyện", "xã")
LEVEL_CLASS = MappingProxyType({e["word"]: e["class"] for e in _ENTRIES if "class" in e})
# short form → the level word it stands for ("tx." → "thị xã")
SHORT = MappingProxyType(dict(_DATA["short"]))
# every word written before a unit's name, full forms first, in the file's order
WRITTEN = tuple(e["word"] for e in _ENTRIES if e.get("written", True)) + tuple(SHORT)
# the short forms that are one letter and a dot, like a person's initial
INITIALS = tuple(s for s in SHORT if len(s) == 2 and s.endswith("."))
# the full words of Vietnamese units (no foreign level, no nation)
VIETNAMESE_UNITS = tuple(e["word"] for e in _ENTRIES if e.get("written", True) and not e.get("foreign"))
# those of them that are no common word as well: read alone, each is a unit
PLAIN_UNITS = tuple(e["word"] for e in _ENTRIES if e["word"] in VIETNAMESE_UNITS and not e.get("common"))
# the levels whose units may be named by a number ("thôn 3", "phường 5")
NUMBERED = frozenset(e["word"] for e in _ENTRIES if e.get("numbered"))
# the level words of Vietnamese units that have a class (communes and up)
VIETNAMESE_CLASSED = tuple(w for w in VIETNAMESE_UNITS if w in LEVEL_CLASS)


def written_pattern(words) -> str:
    """A regex alternation of ``words`` as written: a space is any white
    space, a dot a dot."""
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in words)
