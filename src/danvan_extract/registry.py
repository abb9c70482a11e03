"""One registry of fact types: one row per type, read by every module that
treats types differently (overlaps, records, scoring, the HTML view,
tables, the rules loader, the extractor list).

A new fact type is its model in :mod:`records`, one row here, its extractor
module in ``extractors/`` and its corpus file in ``extractors/corpus/``.

This module is plain data and imports nothing from the package, so every
layer may read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

# How a key field is compared in scoring: numbers within a relative
# tolerance, document numbers without spaces or dashes, text case-folded.
KeyKind = Literal["number", "code", "text"]


@dataclass(frozen=True)
class Grammar:
    """The named patterns an extractor reads from the ``[grammar]`` of its
    rules ``file``: each pattern's name with the named groups the extractor
    reads from its matches (the loader refuses a pattern without them)."""

    file: str
    patterns: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class FactType:
    """What the package knows of one fact type.

    ``model``: the class name in :mod:`records`.  ``priority``: lower wins an
    overlap; ``layer``: candidates of different layers never compete.
    ``graded``: scored against gold (FACTS.md); ``numeric``: a figure with a
    qualifier and a context (subject, location, period).  ``keys``: the key
    fields scoring compares, each with how.  ``as_written``: text fields
    taken from the caller's string as written; ``as_written_lower``: the
    same, lower-cased.  ``colour``: in the HTML view.  ``rules``: the
    section of ``numeric.toml`` whose patterns find it (None: the extractor
    has its own), ``ignore_case``: those patterns compile case-insensitive.
    ``extractor``: ``module:Class`` in ``extractors/`` (a package's module
    dotted: ``person_role.extractor``; None: another type's extractor
    emits it).  ``groups``: the named groups every rule of
    the ``rules`` section must define (the extractor reads them).
    ``grammar``: the extractor's named patterns in its own rules file.
    """

    name: str
    model: str
    priority: int
    colour: str
    extractor: Optional[str]
    layer: int = 0
    graded: bool = False
    numeric: bool = False
    keys: tuple[tuple[str, KeyKind], ...] = ()
    as_written: tuple[str, ...] = ()
    as_written_lower: tuple[str, ...] = ()
    rules: Optional[str] = None
    ignore_case: bool = False
    groups: tuple[str, ...] = ()
    grammar: Optional[Grammar] = None


_DOCUMENT_GRAMMAR = Grammar("documents.toml", (
    ("with_word", ("tw", "so", "ref")), ("bare", ("ref",)), ("more", ("ref",)),
    ("date_after", ("d", "m", "y", "d2", "m2", "y2")), ("year_after", ("y",)), ("term", ()),
    ("and_part", ()), ("issuer_stop", ()), ("issuer_word", ()), ("issuer_after", ()), ("plenum_after", ()),
    ("list_head", ("who",)), ("list_bullet", ()), ("title_after", ("t",)), ("ve_inside_title", ("t",)), ("open_title_after", ("t",)),
    ("verb_before", ()), ("clause_date", ("d", "m", "y")), ("clause_date_inner", ("d", "m", "y")),
    ("header_date", ("d", "m", "y")), ("number_split", ()), ("list_joiner", ()), ("year", ()),
    ("four_digits", ()), ("lower_syllable", ()), ("last_syllable", ()), ("number_label", ()), ("motto", ()),
))
_PERSON_GRAMMAR = Grammar("persons.toml", (
    ("name", ()), ("name_sep", ()), ("acronym", ()), ("name_after_role", ("name",)), ("role_sep", ()), ("comma_only", ()),
    ("term", ()), ("next_word", ("w",)), ("paren_acronym", ()), ("last_word", ()), ("abbrev_dot", ()),
    ("item_sep", ()), ("aside", ()), ("bullet", ()), ("head_words", ()), ("org_head_unit", ()),
    ("title", ("title",)), ("honorific_name", ("hon", "name", "sep")), ("hon_before", ("hon",)),
    ("hon_at", ("hon",)), ("name_dash", ("name", "sep")), ("name_dash_opening", ("name", "sep")),
    ("byline", ("label", "name")), ("byline_bare", ("label", "name")), ("byline_bare_opening", ("label", "name")),
    ("list", ("hon",)), ("list_colon", ()), ("role_then_hon", ("hon", "name")),
    ("list_opener", ()), ("list_predicates", ()), ("name_comma_before", ("name",)), ("named_after", ()),
    ("dash_head", ()), ("org_role", ("head",)), ("masthead", ()), ("dash_org", ("head",)),
    ("sector_tail", ("w",)), ("dash_sector", ("w",)), ("post_object", ()),
))


# Graded types first, in the order reports list them; then the ungraded
# helpers that own their characters (dates, durations, measures).
# Priorities: dates and document numbers own their digits; graded numeric
# types beat ungraded measures, which beat counts.
ROWS: tuple[FactType, ...] = (
    FactType("percentage", "Percentage", 2, "#f4a259", "percentage:PercentageExtractor", graded=True, numeric=True,
             keys=(("value", "number"),), rules="percentage"),
    FactType("count", "Count", 5, "#7fc8f8", "count:CountExtractor", graded=True, numeric=True,
             keys=(("value", "number"),), as_written_lower=("noun",), rules="count", ignore_case=True),
    FactType("ratio", "Ratio", 3, "#b892ff", "ratio:RatioExtractor", graded=True, numeric=True,
             keys=(("numerator", "number"), ("denominator", "number")), as_written_lower=("noun",), rules="ratio"),
    FactType("area", "Area", 2, "#8bd17c", "area:AreaExtractor", graded=True, numeric=True,
             keys=(("hectares", "number"),), as_written=("unit",), rules="area"),
    FactType("money", "Money", 2, "#ffd23f", "money:MoneyExtractor", graded=True, numeric=True,
             keys=(("amount", "number"),), as_written=("unit",), rules="money", groups=("per",)),
    FactType("document_ref", "DocumentRef", 0, "#ff8fab", "document_ref.extractor:DocumentRefExtractor", graded=True,
             keys=(("number", "code"),), as_written=("issuer", "title"), grammar=_DOCUMENT_GRAMMAR),
    FactType("person_role", "PersonRole", 6, "#5ec2b7", "person_role.extractor:PersonRoleExtractor", layer=1, graded=True,
             keys=(("person", "text"),), as_written=("person", "roles"), grammar=_PERSON_GRAMMAR),
    FactType("date", "Extra", 1, "#d9d9d9", "dates:DateExtractor", rules="date"),
    FactType("year", "Extra", 1, "#e6e6e6", None),
    FactType("duration", "Extra", 4, "#cfcfcf", "quantities:DurationExtractor", rules="duration", ignore_case=True),
    FactType("measure", "Extra", 3, "#c9c1b1", "quantities:MeasureExtractor", rules="measure"),
)

TYPES: dict[str, FactType] = {row.name: row for row in ROWS}
GRADED_TYPES: tuple[str, ...] = tuple(row.name for row in ROWS if row.graded)
NUMERIC_TYPES: tuple[str, ...] = tuple(row.name for row in ROWS if row.numeric)
# The types recorded with the catch-all Extra model.
EXTRA_TYPES: tuple[str, ...] = tuple(row.name for row in ROWS if row.model == "Extra")
# numeric.toml sections, each compiled for the type(s) that read it
RULE_SECTIONS: tuple[str, ...] = tuple(dict.fromkeys(row.rules for row in ROWS if row.rules))
UNKNOWN_PRIORITY = 9
# Overlap priority (lower wins; types not listed: UNKNOWN_PRIORITY) and
# layer (0 when not listed) of each type.
PRIORITIES: dict[str, int] = {row.name: row.priority for row in ROWS}
LAYERS: dict[str, int] = {row.name: row.layer for row in ROWS}
