"""Load, validate and compile the rules folder once.

The bundled rules live in ``danvan_extract/rules`` inside the installed
package (``rules/`` in a source checkout).  A user folder passed as
``rules_dir`` is read on top: a TOML file of the same name replaces the
bundled tables it defines, a lexicon of the same name adds entries.
"""

# (no postponed annotations: pydantic would evaluate each model field's
# annotation from its text, a cold start cost)

import importlib.util
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal, Optional

import regex
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .. import numbers
from .alternation import alternation, word_alternation
from .pattern_cache import parsed_toml
from .levels import NUMBERED, VIETNAMESE_UNITS
from ..scan.promises import AFTER_CLASSES, WORD_CLASSES, Anchors, PatternSource, ScanPattern
from ..bundled import bundled_rules_dir
from ..errors import (E_LEXICON_READ, E_RULES_AFTER, E_RULES_AFTER_CLASS, E_RULES_AFTER_WORD, E_RULES_HOLDS, E_RULES_NUMBER_WORDS, E_LEXICON_UTF8, E_QUALIFIER_KIND, E_RULES_ANCHOR_LIST, E_RULES_DIR, E_RULES_FILE,
                     E_RULES_GROUPS, E_RULES_LINK, E_RULES_NOT_DIR, E_RULES_PATTERN_MISSING, E_RULES_REFERENCE, E_RULES_REGEX, E_RULES_TOO_LONG, E_RULES_TYPE,
                     RulesError)
from ..registry import ROWS, RULE_SECTIONS
from .pattern_cache import compile_regex


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- schemas of the TOML files -------------------------------------------


class QualifiersFile(_Strict):
    class Tren(_Strict):
        place_nouns: list[str]
        quantity_verbs: list[str]
        per_one_words: list[str] = []
        every_words: list[str] = []

    class Margin(_Strict):
        follow_words: list[str]
        window_words: int
        comparatives: list[str] = []

    class Clause(_Strict):
        reach_words: list[str] = []
        copulas: list[str] = []
        stop_words: list[str] = []

    qualifiers: dict[str, list[str]]
    trailing: dict[str, list[str]]
    preposition_tren: Tren
    margin: Margin
    clause: Clause = Clause()
    symbols: dict[str, list[str]] = {}

    @field_validator("qualifiers", "trailing", "symbols")
    @classmethod
    def _known(cls, v: dict) -> dict:
        bad = set(v) - {"exact", "over", "under", "approx", "nearly"}
        if bad:
            raise ValueError(E_QUALIFIER_KIND.format(kinds=sorted(bad)))
        return v


class UnitsFile(_Strict):
    class AreaUnit(_Strict):
        unit: str
        forms: list[str]
        hectares: float
        requires_next: list[str] = []
        not_unit: list[str] = []

    class Currency(_Strict):
        code: str
        forms: list[str]
        not_currency: list[str] = []

    class Measure(_Strict):
        forms: list[str]

    class Factor(_Strict):
        nouns: list[str]
        occurrences: list[str] = []

    class Time(_Strict):
        nouns: list[str]
        counted_exceptions: list[str]
        exception_breakers: list[str] = []

    area: list[AreaUnit]
    currency: list[Currency]
    measure: Measure
    factor: Factor
    time: Time


class NamedPattern(_Strict):
    """A named pattern of a rules file with its anchor promise
    (rules/README.md, "Anchors"): chrome lines, numeric rules, grammars."""

    name: str
    pattern: str
    # Where every match starts: "digit", "number", "line", "{words_ref}" or
    # a literal word.  A promise that lets the engine skip the full scan;
    # leave it out when unsure.
    anchor: list[str] = []
    # With anchor "number", "digit" or "line": what follows the number
    # (past its multiplier and white space, or past the second number of a
    # range: "5 - 7 triệu đồng"), the digits or the line start a match
    # starts at: words, "{words_ref}", "digit" or "letter" (numeric.toml's header).
    after: list[str] = []
    # With anchor words: what follows the anchor word a match starts with,
    # past white space (the same kinds of entries as ``after``, and "capital"
    # or "letter": an upper-case letter, any letter).
    after_word: list[str] = []
    # With anchor "line": a pattern found (any case, ``$`` at a line's end)
    # on every matching line; the rule is tried at those lines only.
    holds: str = ""


class GrammarSection(_Strict):
    """``[grammar]`` of a rules file: named parts (``refs``) and the named
    patterns its extractor reads, composed from the parts by ``{name}``."""

    class Pattern(NamedPattern):
        flags: list[Literal["ignorecase", "multiline"]] = []

    refs: dict[str, str] = {}
    pattern: list[Pattern]


class DocumentsFile(_Strict):
    class TypeRules(_Strict):
        bare_number_types: list[str]
        bare_with_issuer_types: list[str] = []
        generic_words: list[str]

    class TTParty(_Strict):
        doc_type: str
        issuers: list[str]

    class Issuers(_Strict):
        codes: list[str]

    class IssuerCfg(_Strict):
        inner_words: list[str]
        stop_words: list[str]
        issue_verbs: list[str]
        body_heads: list[str] = []
        plural_words: list[str] = []
        instrument_verbs: list[str] = []
        instrument_words: list[str] = []
        area_words: list[str] = []
        upper_levels: list[str] = []
        level_words: list[str] = []
        name_asides: list[str] = []
        relay_codes: list[str] = []
        date_bounds: list[str] = []
        honorifics: list[str] = []
        joint_codes: list[str] = []
        joint_words: list[str] = []
        list_openers: list[str] = []
        list_openers_after_of: list[str] = []

        def name_words(self) -> list[str]:
            """The lower-case words allowed inside a body's name:
            ``inner_words`` and the syllables of every unit's level word
            (levels.toml): the bodies of a village and of a special zone
            issue documents too ("Chi bộ thôn Bản Mới", "Ban Công tác Mặt
            trận khu phố Đông", "UBND đặc khu Côn Đảo")."""
            levels = [s for w in VIETNAMESE_UNITS for s in w.split()]
            return list(dict.fromkeys(self.inner_words + levels))

    types: dict[str, str]
    type_rules: TypeRules
    codes: dict[str, str]
    tt_party: TTParty
    issuers: Issuers
    issuer: IssuerCfg
    grammar: GrammarSection


class ChromeFile(_Strict):
    line: list[NamedPattern]


class NumericFile(_Strict):
    refs: dict[str, str]
    words: dict[str, list[str]] = {}
    # The number reader: one pass over a text finds every number written in
    # digits (groups n1/m1: digits, multiplier; range: a range after it).
    reader: str
    # Where every match of the reader starts: "digit" (at a run of digits)
    # or, left empty, anywhere (a full scan).
    reader_anchor: list[Literal["digit"]] = []
    percentage: list[NamedPattern]
    money: list[NamedPattern]
    area: list[NamedPattern]
    ratio: list[NamedPattern]
    count: list[NamedPattern]
    measure: list[NamedPattern]
    duration: list[NamedPattern]
    date: list[NamedPattern]


class PersonsFile(_Strict):
    class Bylines(_Strict):
        labels: list[str]
        bare_labels: list[str] = []
        not_credits: list[str] = []
        not_credit_heads: list[str] = []

    titles: list[str]
    title_prefixes: list[str]
    org_heads: list[str]
    org_words: list[str]
    honorifics: dict[str, str]
    list_honorifics: list[str]
    list_predicates: list[str] = []
    masthead_cues: list[str] = []
    org_role_heads: list[str] = []
    personal_titles: list[str] = []
    named_after: list[str] = []
    bylines: Bylines
    not_names: list[str]
    name_stop_words: list[str]
    place_before: list[str]
    numbered_names: list[str] = []
    area_numbered_names: list[str] = []
    org_phrases: list[str] = []
    bare_not_posts: list[str] = []
    grammar: GrammarSection


SCHEMAS: dict[str, type[BaseModel]] = {
    "qualifiers.toml": QualifiersFile,
    "units.toml": UnitsFile,
    "documents.toml": DocumentsFile,
    "chrome.toml": ChromeFile,
    "numeric.toml": NumericFile,
    "persons.toml": PersonsFile,
}
LEXICONS = ("counted_nouns", "not_nouns", "designators", "date_cues", "surnames", "classifiers", "modifiers", "capitalised_nouns")


# --- locating the folders -------------------------------------------------


def _dictionary_path() -> Optional[Path]:
    """underthesea's word list (Viet74K), found without importing the package."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    for rel in ("corpus/data/Viet74K.txt", "transformer/Viet74K.txt"):
        if (root / rel).is_file():
            return root / rel
    return None


def read_lexicon(path: Path, lower: bool = False) -> list[str]:
    """One entry a line, ``#`` comments and blank lines skipped, NFC
    (with ``lower``, lower-cased: the whole file at once)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RulesError(E_LEXICON_UTF8.format(path=path, byte=exc.start)) from None
    except OSError as exc:
        raise RulesError(E_LEXICON_READ.format(path=path, reason=exc.strerror or exc)) from None
    # NFC once for the file (a line break composes with nothing, so this is
    # NFC line by line), and only when needed: the dictionary has 74 000 lines
    if not unicodedata.is_normalized("NFC", text):
        text = nfc(text)
    lines = (text.lower() if lower else text).splitlines()
    if "#" in text:
        lines = [line.split("#", 1)[0] for line in lines]
    return [line for line in map(str.strip, lines) if line]


def _inside(path: Path, folder: Optional[Path]) -> Path:
    """``path``, refused when it is a link (or in a linked folder) that leads
    out of the user's rules ``folder`` (a lexicon linked to /etc/passwd)."""
    if folder is not None:
        real, root = path.resolve(), folder.resolve()
        if real != root and root not in real.parents:
            raise RulesError(E_RULES_LINK.format(path=path, real=real, root=root))
    return path


def _load_toml(path: Path) -> dict:
    """A rules file parsed, its strings in NFC (kept between processes)."""
    try:
        return parsed_toml(path)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(E_RULES_FILE.format(path=path, problem=exc)) from exc


# --- the compiled rules ---------------------------------------------------


@dataclass
class Rules:
    """Everything the extractors need, validated and compiled."""

    qualifiers: QualifiersFile
    units: UnitsFile
    documents: DocumentsFile
    chrome: ChromeFile
    numeric: NumericFile
    persons: PersonsFile
    lexicons: dict[str, frozenset[str]]
    # underthesea's word list (None: not installed), read by :attr:`dictionary`
    dictionary_path: Optional[Path]
    patterns: dict[str, list[ScanPattern]] = field(default_factory=dict)
    number_reader: Optional[ScanPattern] = None
    chrome_patterns: list[ScanPattern] = field(default_factory=list)
    # per fact type, its extractor's named patterns (``[grammar]``)
    grammars: dict[str, dict[str, ScanPattern]] = field(default_factory=dict)

    def grammar(self, type_name: str) -> dict[str, ScanPattern]:
        """The named patterns of ``type_name``'s extractor, by name."""
        return self.grammars[type_name]

    def lexicon(self, name: str) -> frozenset[str]:
        return self.lexicons.get(name, frozenset())

    @cached_property
    def dictionary(self) -> frozenset[str]:
        """The entries of two or three syllables of underthesea's word list
        (lower-cased) and of the counted nouns; read on first use (74 000
        lines: a cold start cost, which a text whose nouns the counted
        nouns list does not pay)."""
        path = self.dictionary_path
        words = frozenset([w for w in (read_lexicon(path, lower=True) if path else []) if 0 < w.count(" ") < 3])
        return words | {w for w in self.lexicon("counted_nouns") if " " in w}


def _compose(template: str, parts: dict[str, str], where: str) -> str:
    def sub(m: regex.Match) -> str:
        key = m.group(1)
        if key not in parts:
            raise RulesError(E_RULES_REFERENCE.format(path=where, key=key))
        return parts[key]

    # Expand references repeatedly so parts may refer to other parts; a
    # pattern that grows past MAX_PATTERN_CHARS (references used many times
    # over, nested: exponential) is refused before it takes the memory.
    for _ in range(6):
        new = regex.sub(r"\{([a-z_][a-z0-9_]*)\}", sub, template)
        if new == template:
            break
        if len(new) > MAX_PATTERN_CHARS:
            raise RulesError(E_RULES_TOO_LONG.format(path=where, limit=MAX_PATTERN_CHARS))
        template = new
    return template


# A composed pattern longer than this is refused (the bundled ones are under 1 000).
MAX_PATTERN_CHARS = 200_000


def _compile_numeric(r: Rules, validate: bool) -> None:
    u = r.units
    word_lists = {
        "spelled": list(numbers.SPELLED_START),
        "spelled_word": list(numbers.SPELLED_WORDS),
        "currency": [f for c in u.currency for f in c.forms],
        "area_unit": [f for a in u.area for f in a.forms],
        "measure_unit": list(u.measure.forms),
        "time_noun": list(u.time.nouns),
        "date_cue": sorted(r.lexicon("date_cues")),
        **r.numeric.words,
    }
    builtin = {
        "num": numbers.DIGITS,
        "spelled": numbers.SPELLED,
        "spelled_word": numbers.SPELLED_WORD,
        "mult": numbers.MULT,
        "mult_word": numbers.MULT_WORD,
        "compound_order": numbers.COMPOUND_ORDER,
        "half": numbers.HALF,
        "currency": alternation(word_lists["currency"]),
        "area_unit": alternation(word_lists["area_unit"]),
        "measure_unit": alternation(word_lists["measure_unit"]),
        "time_noun": alternation(word_lists["time_noun"]),
        "date_cue": alternation(word_lists["date_cue"]),
        **{name: word_alternation(ws) for name, ws in r.numeric.words.items()},
    }
    parts = {**builtin, **r.numeric.refs}
    ignore_case = {row.rules for row in ROWS if row.rules and row.ignore_case}
    for family in RULE_SECTIONS:
        compiled = []
        for rule in getattr(r.numeric, family):
            where = f"numeric.toml [{family}] {rule.name}"
            src = _compose(rule.pattern, parts, where)
            flags = regex.IGNORECASE if family in ignore_case and not case_free(src) else 0
            rx = _compiled(src, flags, "numeric.toml", rule.name, validate)
            if validate:
                for row in ROWS:
                    if row.rules == family:
                        _check_groups(rx, row.groups, "numeric.toml", f"[{family}] {rule.name}", row.name)
            anchors = _anchors(rule, word_lists, where, validate)
            compiled.append(ScanPattern(rule.name, rx, anchors))
        r.patterns[family] = compiled
    where = "numeric.toml reader"
    rx = _compiled(_compose(r.numeric.reader, parts, where), regex.IGNORECASE, "numeric.toml", "reader", validate)
    if validate:
        _check_groups(rx, ("n1", "m1", "range"), "numeric.toml", "reader", "number")
    r.number_reader = ScanPattern("number_reader", rx, Anchors.of(digit=bool(r.numeric.reader_anchor)))
    r.chrome_patterns = []
    for line in r.chrome.line:
        where = f"chrome.toml {line.name}"
        rx = _compiled(line.pattern, regex.IGNORECASE | regex.MULTILINE, "chrome.toml", line.name, validate)
        r.chrome_patterns.append(ScanPattern(line.name, rx, _anchors(line, word_lists, where, validate)))


# Parts of a pattern no case flag changes: the escapes of character kinds,
# positions and controls, escaped punctuation, group names.
_CASE_NEUTRAL = compile_regex(r"\\[dDsSwWbBAZGtnrfv]|\\[^\w]|\(\?P<\w+>")


def case_free(src: str) -> bool:
    """Whether ``src`` matches the same with or without IGNORECASE: no cased
    character, other escape, back-reference or range (which could span
    letters) outside :data:`_CASE_NEUTRAL` (so that a family's case-blind
    pattern and another family's equal one share one scan)."""
    rest = _CASE_NEUTRAL.sub("", src)
    return "\\" not in rest and "-" not in rest and not any(
        c.isalpha() or c.lower() != c or c.upper() != c for c in rest)


def _compiled(src: str, flags: int, path: str, rule: str, validate: bool) -> regex.Pattern | PatternSource:
    """``src`` compiled (a RulesError if it is no valid pattern); without
    ``validate``, its source, compiled on first use (the bundled rules,
    which the test suite compiles and checks)."""
    if not validate:
        return PatternSource(src, flags)
    try:
        return compile_regex(src, flags)
    except regex.error as exc:
        raise RulesError(E_RULES_REGEX.format(path=path, rule=rule, problem=exc)) from exc


def _check_groups(rx: regex.Pattern, groups, path: str, rule: str, extractor: str) -> None:
    missing = [g for g in groups if g not in rx.groupindex]
    if missing:
        raise RulesError(E_RULES_GROUPS.format(path=path, rule=rule, groups=", ".join(missing), extractor=extractor))


_FLAGS = {"ignorecase": regex.IGNORECASE, "multiline": regex.MULTILINE}


def _compile_grammars(r: Rules, validate: bool) -> None:
    """Compose and compile each extractor's ``[grammar]``; refuse a pattern
    the extractor reads that is missing or (``validate``) lacks a named
    group it reads."""
    for row in ROWS:
        if row.grammar is None:
            continue
        path = row.grammar.file
        attr, parts_of = _GRAMMAR_FILES[path]
        data = getattr(r, attr)
        builtin, word_lists = parts_of(data)
        parts = {**builtin, **data.grammar.refs}
        found: dict[str, ScanPattern] = {}
        for pat in data.grammar.pattern:
            where = f"{path} [grammar] {pat.name}"
            src = _compose(pat.pattern, parts, where)
            flags = 0
            for flag in pat.flags:
                flags |= _FLAGS[flag]
            rx = _compiled(src, flags, path, pat.name, validate)
            found[pat.name] = ScanPattern(f"{row.name}.{pat.name}", rx, _anchors(pat, word_lists, where, validate))
        for name, groups in row.grammar.patterns:
            if name not in found:
                raise RulesError(E_RULES_PATTERN_MISSING.format(path=path, rule=name, extractor=row.name))
            if validate:
                _check_groups(found[name].regex, groups, path, name, row.name)
        r.grammars[row.name] = found


def _document_parts(d: DocumentsFile) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Parts of the document grammar built from the word lists of
    documents.toml: ``{type_word}``, ``{inner_word}``, ``{body_head}``,
    ``{issuer_stop}``, ``{issue_verb}``, ``{type_code}``, ``{area_word}``, ``{name_aside}``,
    ``{upper_level}``, ``{list_opener}``, ``{list_opener_after_of}``, ``{numbered_level}`` (levels.toml)."""
    lists = {
        "type_word": list(d.types) + [w for w in d.type_rules.generic_words if w != "Số"],
        "inner_word": d.issuer.name_words(),
        "body_head": list(d.issuer.body_heads),
        "issuer_stop": list(d.issuer.stop_words),
        "issue_verb": list(d.issuer.issue_verbs),
        "type_code": sorted(d.codes, key=len, reverse=True),
        "area_word": list(d.issuer.area_words),
        "name_aside": list(d.issuer.name_asides),
        "upper_level": list(d.issuer.upper_levels),
        "list_opener": sorted(d.issuer.list_openers, key=len, reverse=True),
        "list_opener_after_of": sorted(d.issuer.list_openers_after_of, key=len, reverse=True),
        # the levels whose units a number names ("Chi bộ thôn 3", "khu phố 4")
        "numbered_level": sorted(NUMBERED, key=len, reverse=True),
    }
    return {k: alternation(v) for k, v in lists.items()}, lists


def _person_parts(p: PersonsFile) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Parts of the person grammar built from the word lists of
    persons.toml (see the comment over its ``[grammar]``)."""
    split_heads = [h for h in p.org_heads if any(w[0].islower() for w in h.split(" ")[1:])]
    # running text writes them in lower case after a lower-case title too
    # ("giám đốc công ty TNHH …", "chi hội trưởng chi hội phụ nữ thôn …")
    split_heads += [h.lower() for h in split_heads if h[0].isupper()]
    lists = {
        "title_prefix": list(p.title_prefixes),
        "title_word": list(p.titles),
        "title_anchor": list(p.titles) + list(p.title_prefixes),
        "honorific": list(p.honorifics),
        "byline_label": list(p.bylines.labels),
        "byline_bare_label": list(p.bylines.bare_labels),
        "list_honorific": list(p.list_honorifics),
        "list_predicate": list(p.list_predicates),
        "named_after_word": list(p.named_after),
        "masthead_cue": list(p.masthead_cues),
        "org_role_head": list(p.org_role_heads),
        "org_head_capital": [h for h in p.org_heads if h[0].isupper()],
        "org_head_untitled": [h for h in p.org_heads if h[0].isupper() and h not in p.titles],
        "org_unit": split_heads + list(p.org_phrases),
        # the level words of Vietnamese units ("bản", "tổ dân phố"): an address in brackets
        "unit_level": sorted(VIETNAMESE_UNITS, key=len, reverse=True),
    }
    return {k: alternation(v) for k, v in lists.items()}, lists


# The rules files that hold a [grammar]: the Rules attribute of the file and
# the parts built from its word lists.
_GRAMMAR_FILES = {"documents.toml": ("documents", _document_parts), "persons.toml": ("persons", _person_parts)}


def _anchors(rule: NamedPattern, word_lists: dict[str, list[str]], where: str, validate: bool) -> Anchors:
    """The anchor promise of ``rule`` (its ``anchor``, ``after``, ``after_word``
    and ``holds``, compiled here with ``validate``)."""
    spec = rule.anchor
    kinds = {"digit", "line", "number"}
    if rule.after and not kinds & set(spec):
        raise RulesError(E_RULES_AFTER.format(path=where))
    words = _word_list([item for item in spec if item not in kinds], word_lists, where)
    if rule.after_word and not words:
        raise RulesError(E_RULES_AFTER_WORD.format(path=where))
    if rule.holds and "line" not in spec:
        raise RulesError(E_RULES_HOLDS.format(path=where))
    if rule.holds and validate:
        _compiled(rule.holds, regex.IGNORECASE | regex.MULTILINE, where, rule.name, True)
    after = _word_list(rule.after, word_lists, where)
    if wrong := (WORD_CLASSES.keys() - AFTER_CLASSES.keys()) & set(after):
        raise RulesError(E_RULES_AFTER_CLASS.format(path=where, entries=sorted(wrong)))
    return Anchors.of(digit="digit" in spec, line="line" in spec, number="number" in spec, words=words,
                      after=after,
                      word_after=_word_list(rule.after_word, word_lists, where), holds=rule.holds)


def _word_list(spec, word_lists: dict[str, list[str]], where: str) -> list[str]:
    """The words of ``spec``, each "{name}" replaced by the word list ``name``."""
    words: list[str] = []
    for item in spec:
        if item.startswith("{") and item.endswith("}"):
            if item[1:-1] not in word_lists:
                raise RulesError(E_RULES_ANCHOR_LIST.format(path=where, anchor=item))
            words += word_lists[item[1:-1]]
        else:
            words.append(item)
    return words


def load_rules(rules_dir: str | Path | None = None, *, validate: Optional[bool] = None) -> Rules:
    """Load and validate the bundled rules, then ``rules_dir`` on top.

    ``validate`` (default: when there is a ``rules_dir``): compile every
    pattern now and check the named groups its extractor reads, so a bad
    rule is a RulesError here.  Without it the patterns compile on first
    use: the bundled rules alone are checked by the test suite, and a
    process that meets few of them starts faster."""
    if rules_dir is not None and not isinstance(rules_dir, (str, Path)):
        raise RulesError(E_RULES_TYPE.format(kind=type(rules_dir).__name__))
    if validate is None:
        validate = bool(rules_dir)
    return _load_rules_cached(str(Path(rules_dir).resolve()) if rules_dir else None, validate)


@lru_cache(maxsize=8)
def _load_rules_cached(rules_dir: str | None, validate: bool) -> Rules:
    base = bundled_rules_dir()
    user = Path(rules_dir) if rules_dir else None
    if user is not None and user.exists() and not user.is_dir():
        raise RulesError(E_RULES_NOT_DIR.format(path=user))
    if user is not None and not user.is_dir():
        raise RulesError(E_RULES_DIR.format(path=user))
    if user is not None and (user / "numbers.toml").exists():
        raise RulesError(E_RULES_NUMBER_WORDS.format(path=user / "numbers.toml"))
    files = {}
    for name, schema in SCHEMAS.items():
        data = _load_toml(base / name)
        if user is not None and (user / name).is_file():
            data.update(_load_toml(_inside(user / name, user)))
        try:
            files[name] = schema.model_validate(data)
        except ValidationError as exc:
            raise RulesError(E_RULES_FILE.format(path=name, problem=exc)) from exc
    lexicons = {}
    for name in LEXICONS:
        entries: list[str] = []
        for folder in (base, user):
            if folder is not None and (folder / "lexicons" / f"{name}.txt").is_file():
                path = _inside(folder / "lexicons" / f"{name}.txt", user if folder is user else None)
                entries += read_lexicon(path)
        lexicons[name] = frozenset(entries)
    rules = Rules(
        qualifiers=files["qualifiers.toml"],
        units=files["units.toml"],
        documents=files["documents.toml"],
        chrome=files["chrome.toml"],
        numeric=files["numeric.toml"],
        persons=files["persons.toml"],
        lexicons=lexicons,
        dictionary_path=_dictionary_path(),
    )
    _compile_numeric(rules, validate)
    _compile_grammars(rules, validate)
    if validate:
        rules.dictionary  # noqa: B018  (read now: a user's rules are checked at load)
    return rules
