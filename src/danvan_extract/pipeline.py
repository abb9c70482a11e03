"""The pipeline: normalize, run every extractor, resolve overlaps, map
offsets back to the caller's string and build the fact records."""

from __future__ import annotations

import bisect
import os
import unicodedata
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .errors import E_DOCUMENT, E_INTERNAL, E_NOT_STR, DanvanError, InputError, InternalError
from .extractors import build_extractors
from .extractors.arithmetic import reread_by_arithmetic
from .scan.alarm import alarm_session
from .scan.index import AnchorIndex
from .grammar.lazy import first_use
from .scan.budget import time_budget_seconds
from .extractors.base.candidates import Candidate
from .extractors.base.context import DEFAULT_BUDGET, Context
from .records import Document, FactBase, fact_record
from .registry import GRADED_TYPES, LAYERS, NUMERIC_TYPES, TYPES
from .grammar.rules import load_rules
from .text import NormalizedText, normalize


class Pipeline:
    """Rules and extractors loaded once; call :meth:`extract` on many texts."""

    def __init__(self, rules_dir: str | Path | None = None, *, person_roles: bool = True, extras: bool = True,
                 time_budget: float = DEFAULT_BUDGET, check_anchors: Optional[bool] = None,
                 context: bool = True):
        """``time_budget``: seconds one text's pattern matching and context
        stage may take before :class:`ExtractionTimeout` is raised for it.  ``check_anchors``
        (default: the ``DANVAN_CHECK_ANCHORS`` environment variable): also
        scan every anchored rule in full and raise :class:`RulesError` where
        its anchor promise fails; for people writing rules, twice as slow.
        ``context``: give numeric facts their subject, location and period
        and documents their title, date and place (FACTS.md "Context")."""
        time_budget = time_budget_seconds(time_budget)
        self.rules = load_rules(rules_dir)
        self.extractors = build_extractors(self.rules, person_roles=person_roles)
        self.extras = extras
        self.context = bool(context)
        self._surnames = frozenset(self.rules.lexicon("surnames"))
        self.time_budget = time_budget
        # every pattern scanned over whole texts (rules files and extractors)
        self.scan_patterns = [p for family in self.rules.patterns.values() for p in family]
        self.scan_patterns += self.rules.chrome_patterns
        self.scan_patterns += [p for ex in self.extractors for p in getattr(ex, "scan_patterns", ())]
        if check_anchors is None:
            check_anchors = os.environ.get("DANVAN_CHECK_ANCHORS", "") not in ("", "0")
        self.anchor_index = AnchorIndex(self.scan_patterns, check=bool(check_anchors),
                                        number_reader=self.rules.number_reader)

    def extract(self, text: str) -> list[FactBase]:
        """All facts in ``text``, sorted by position, offsets into ``text``."""
        return self._extract(text, article=False)[0]

    def _extract(self, text: str, article: bool = True) -> tuple[list[FactBase], dict]:
        """Facts and, with ``article``, the article's title, date and place."""
        if not isinstance(text, str):
            raise InputError(E_NOT_STR.format(kind=type(text).__name__))
        try:
            return self._extract_str(text, article)
        except InputError as exc:  # the input is a str: the fault is the package's
            raise InternalError(E_INTERNAL.format(kind=type(exc).__name__, message=exc)) from exc
        except (DanvanError, MemoryError, RecursionError):
            raise
        except Exception as exc:  # e.g. an IndexError from a rule without the groups its extractor reads
            raise InternalError(E_INTERNAL.format(kind=type(exc).__name__, message=exc)) from exc

    def _extract_str(self, text: str, article: bool) -> tuple[list[FactBase], dict]:
        if not text or text.isspace():  # nothing to find: skip the scans (a batch meets many such texts)
            return [], ({"title": None, "published": None, "location": None} if self.context else {})
        norm = normalize(text)
        with alarm_session():  # one timer for the document's scans, gone when they are
            ctx = Context(norm.text, self.rules, self.anchor_index, self.time_budget)
            candidates = [c for ex in self.extractors for c in ex(ctx)]
        chrome = ctx.chrome_spans()
        if chrome:  # most texts have no page chrome: nothing to filter
            candidates = [c for c in candidates if not ctx.in_chrome(c.start)]
        chosen = resolve_overlaps(candidates)
        reread_by_arithmetic(norm.text, chosen)
        info: dict = {}
        # Context fields are a figure's: without one, only the article's
        # fields would come of the analysis (a paragraph's common case).
        if self.context and (article or any(c.type in NUMERIC_TYPES for c in chosen)):
            found = _context_stage()(norm.text, chosen, chrome, self._surnames, ctx.lower,
                                     ctx.anchors.stage_clock(self.time_budget))
            for c in chosen:
                fields = found.facts.get(id(c))
                if fields is not None:
                    c.fields = {**c.fields, **_context_fields(norm, fields)}
            if article:  # (extract() reads the facts only)
                info = {"title": _written(norm, [found.title]) if found.title else None,
                        "published": found.published, "location": _place_as_written(norm, found.location)}
        if not self.extras:  # (after the context pass, which reads dates and years)
            chosen = [c for c in chosen if c.type in GRADED_TYPES]
        return [to_record(norm, c) for c in chosen], info

    def extract_document(self, text: str, doc_id: str) -> Document:
        """Extract ``text`` into a :class:`Document` (errors recorded, not raised)."""
        try:
            facts, info = self._extract(text)
            return Document(doc_id=doc_id, facts=facts, **info)
        except Exception as exc:  # one bad document never stops a batch
            return Document(doc_id=doc_id, errors=[E_DOCUMENT.format(kind=type(exc).__name__, message=exc)])

    def extract_many(self, texts: Iterable[str]) -> Iterable[list[FactBase]]:
        """Facts of each text in turn (lazily), one list per text."""
        for text in texts:
            yield self.extract(text)


@lru_cache(maxsize=1)
@first_use
def _context_stage():
    """The context stage's entry, imported on first use (a rule-only process
    never imports it); the import is no document's time."""
    from .context import analyse

    return analyse


def _written(norm: NormalizedText, spans: Sequence[tuple[int, int]]) -> Optional[str]:
    """The caller's words at normalized ``spans``, NFC, single spaces."""
    if len(spans) == 1:  # most fields
        raw = norm.visible_slice(*spans[0])
    else:  # (NFC after the join: a space composes with nothing and blocks every composition)
        raw = " ".join([norm.visible_slice(s, e) for s, e in spans])
    text = " ".join(unicodedata.normalize("NFC", raw).split())
    return text or None


def _place_as_written(norm: NormalizedText, place: Optional[dict]) -> Optional[dict]:
    if not place:
        return None
    place = dict(place)
    span = place.pop("_name_span", None)
    if span:
        place["name"] = _written(norm, [span]) or place["name"]
    return place


def _context_fields(norm: NormalizedText, fields: dict) -> dict:
    out = {"period": fields["period"], "location": _place_as_written(norm, fields["location"])}
    spans = fields.get("subject_spans") or []
    out["subject"] = _written(norm, spans) if spans else None
    return out


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the best candidate for each stretch of text.

    Better = lower priority number, then longer span, then earlier start.
    """
    ordered = sorted(candidates, key=lambda c: (c.priority, c.start - c.end, c.start))
    kept: dict[int, tuple[list[int], list[int]]] = {}
    out = []
    layer = LAYERS.get
    for c in ordered:
        # candidates of different layers never compete for the same characters
        starts, ends = kept.setdefault(layer(c.type, 0), ([], []))
        i = bisect.bisect_left(starts, c.start)
        if i > 0 and ends[i - 1] > c.start:
            continue
        if i < len(starts) and starts[i] < c.end:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        out.append(c)
    out.sort(key=_START_END)
    return out


_START_END = attrgetter("start", "end")


# Text fields that FACTS.md wants "as written" (the registry's
# ``as_written``): extractors read them from the normalized text and return
# the spans they read them from (:class:`Spanned`); the record takes them
# from the caller's string through the offset map ("Uỷ viên" stays "Uỷ
# viên", not "Ủy viên"); ``as_written_lower`` ones lower-cased ("12 tổ hoà
# giải" → noun "tổ hoà giải").


def to_record(norm: NormalizedText, c: Candidate) -> FactBase:
    """The fact record of candidate ``c``: offsets and text from the caller's
    string, and so are the as-written fields (through their spans)."""
    start, end = norm.to_original(c.start, c.end)
    data = {"type": c.type, "start": start, "end": end, "text": norm.original[start:end], "rule": c.rule, **c.fields}
    for name, lower in _as_written_fields(c.type):
        value = data.get(name)
        if isinstance(value, list):
            data[name] = [_field_as_written(norm, v, lower) for v in value]
        elif value is not None:
            data[name] = _field_as_written(norm, value, lower)
    return fact_record(data)


@lru_cache(maxsize=None)
def _as_written_fields(type_name: str) -> tuple[tuple[str, bool], ...]:
    """(field, lower-cased?) of each as-written field of a fact type (the
    registry's rows are fixed: made once per type)."""
    row = TYPES.get(type_name)
    if row is None:
        return ()
    return tuple((name, name in row.as_written_lower) for name in row.as_written + row.as_written_lower)


def _field_as_written(norm: NormalizedText, value, lower: bool):
    """A field value as the caller's string spells it at its spans (NFC,
    invisible characters dropped, single spaces; with ``lower``,
    lower-cased); a value without spans is returned unchanged."""
    spans = getattr(value, "spans", None)
    if not spans:
        return str(value) if isinstance(value, str) else value
    written = _written(norm, spans) or str(value)
    return written.lower() if lower else written


_DEFAULT: Optional[Pipeline] = None


def extract(text: str) -> list[FactBase]:
    """Extract facts from one text with the default (bundled-rules) pipeline."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.extract(text)
