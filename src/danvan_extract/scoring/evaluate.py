"""Scoring predictions against gold, exactly as FACTS.md "Scoring" says.

One scorer for the CLI, the tests and the notebooks.  Facts are handled as
plain dicts so predictions from any JSONL file can be scored.
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import regex

from .context_scoring import ContextReport, DocumentScores, Share, row_right, score_pair
from ..errors import E_GOLD, E_GOLD_DOC, E_GOLD_EMPTY, E_GOLD_FOLDER, E_GOLD_UTF8, GoldError
from ..records import parse_fact
from ..registry import GRADED_TYPES, NUMERIC_TYPES, TYPES

MODEL_ROW = "count[mô hình]"
ATTRIBUTES = (
    "qualifier", "value_max", "noun", "unit", "currency", "per", "doc_type",
    "issuer_code", "year", "date", "issuer", "title", "honorific", "roles",
)


@dataclass
class PRF:
    """Counts of gold, predicted and true positives, with P/R/F1."""

    gold: int = 0
    pred: int = 0
    tp: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"gold": self.gold, "pred": self.pred, "tp": self.tp,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


# An attribute's accuracy: a running mean over matched pairs, like a context row.
Accuracy = Share


@dataclass
class Report:
    strict: dict[str, PRF] = field(default_factory=dict)
    lenient: dict[str, PRF] = field(default_factory=dict)
    attributes: dict[str, Accuracy] = field(default_factory=dict)
    misses: list[tuple[str, dict]] = field(default_factory=list)
    false_positives: list[tuple[str, dict]] = field(default_factory=list)
    attribute_errors: list[tuple[str, str, dict, dict]] = field(default_factory=list)
    context: ContextReport = field(default_factory=ContextReport)
    documents: DocumentScores = field(default_factory=DocumentScores)

    def rows(self) -> list[str]:
        return [t for t in (*GRADED_TYPES, MODEL_ROW, "overall") if t in self.lenient]

    def as_dict(self) -> dict:
        return {
            "strict": {k: v.as_dict() for k, v in self.strict.items()},
            "lenient": {k: v.as_dict() for k, v in self.lenient.items()},
            "attributes": {
                k: {"accuracy": None if v.value is None else round(v.value, 4), "pairs": v.total}
                for k, v in self.attributes.items()
            },
            "context": {
                k: {"value": None if v.value is None else round(v.value, 4), "pairs": v.total}
                for k, v in self.context.rows().items()
            },
            "documents": {
                k: {"value": None if v.value is None else round(v.value, 4), "pairs": v.total}
                for k, v in self.documents.rows().items()
            },
        }


# --- key comparisons --------------------------------------------------------


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _norm_text(s: Optional[str]) -> str:
    return regex.sub(r"\s+", " ", unicodedata.normalize("NFC", s or "")).strip().casefold()


def _norm_number(s: str) -> str:
    s = unicodedata.normalize("NFC", s).casefold().replace("đ", "d")
    return regex.sub(r"[\s\-\u2010-\u2015\u2212]", "", s)


def keys_agree(g: dict, p: dict) -> bool:
    """The key fields of FACTS.md agree for two facts of the same type."""
    row = TYPES.get(g["type"])
    if row is None or not row.keys:
        return False
    return all(_KEY_AGREE[kind](g.get(name), p.get(name)) for name, kind in row.keys)


_KEY_AGREE = {
    "number": _close,
    "code": lambda a, b: _norm_number(a or "") == _norm_number(b or ""),
    "text": lambda a, b: _norm_text(a) == _norm_text(b),
}


def _overlap(g: dict, p: dict) -> int:
    return min(g["end"], p["end"]) - max(g["start"], p["start"])


def match(gold: list[dict], pred: list[dict], strict: bool) -> list[tuple[dict, dict]]:
    """Pairs (gold, pred); each gold and each prediction used at most once.

    Identical spans are paired first, then the largest overlaps.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g["type"] != p["type"]:
                continue
            same = g["start"] == p["start"] and g["end"] == p["end"]
            if strict and not same:
                continue
            ov = _overlap(g, p)
            if ov <= 0 or not keys_agree(g, p):
                continue
            candidates.append((not same, -ov, gi, pi))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    return pairs


# --- attributes -------------------------------------------------------------


def attribute_score(name: str, g: dict, p: dict) -> Optional[float]:
    """Score in [0, 1] for one attribute of a matched pair, or None when
    neither side has a value (a missing qualifier counts as "exact")."""
    gv, pv = g.get(name), p.get(name)
    if name == "qualifier":
        if not TYPES[g["type"]].numeric:
            return None
        gv, pv = gv or "exact", pv or "exact"
    if gv in (None, "", []) and pv in (None, "", []):
        return None
    if gv in (None, "", []) or pv in (None, "", []):
        return 0.0
    if name == "value_max":
        return float(_close(gv, pv))
    if name == "year":
        return float(int(gv) == int(pv))
    if name == "roles":
        return _roles_f1(gv, pv)
    a, b = _norm_text(str(gv)), _norm_text(str(pv))
    if name == "unit":
        a, b = a.replace("²", "2"), b.replace("²", "2")
    if name == "noun":
        return float(a.startswith(b) or b.startswith(a))
    if name in ("issuer", "title"):
        return float(a in b or b in a)
    return float(a == b)


def _roles_f1(gold_roles: list[str], pred_roles: list[str]) -> float:
    g = [_norm_text(r) for r in gold_roles]
    p = [_norm_text(r) for r in pred_roles]
    used, tp = set(), 0
    for pr in p:
        for i, gr in enumerate(g):
            if i not in used and (pr in gr or gr in pr):
                used.add(i)
                tp += 1
                break
    if not tp:
        return 0.0
    prec, rec = tp / len(p), tp / len(g)
    return 2 * prec * rec / (prec + rec)


# --- the report -------------------------------------------------------------


def _row(f: dict) -> Optional[str]:
    return MODEL_ROW if f["type"] == "count" and (f.get("noun") or "").startswith("mô hình") else None


def score(documents: Iterable[tuple[str, list[dict], list[dict]]],
          infos: Iterable[tuple[dict, dict]] = ()) -> Report:
    """Score ``(doc_id, gold_facts, predicted_facts)`` triples, and
    ``(gold .doc.json, predicted document fields)`` pairs when given."""
    report = Report()
    for gold_info, pred_info in infos:
        report.documents.add(gold_info, pred_info)
    for t in (*GRADED_TYPES, MODEL_ROW, "overall"):
        report.strict[t] = PRF()
        report.lenient[t] = PRF()
    for name in ATTRIBUTES:
        report.attributes[name] = Accuracy()
    for doc_id, gold, pred in documents:
        gold = [f for f in gold if f["type"] in GRADED_TYPES]
        pred = [f for f in pred if f["type"] in GRADED_TYPES]
        for mode, table in (("strict", report.strict), ("lenient", report.lenient)):
            pairs = match(gold, pred, strict=mode == "strict")
            for facts, attr in ((gold, "gold"), (pred, "pred")):
                for f in facts:
                    for key in (f["type"], _row(f), "overall"):
                        if key:
                            setattr(table[key], attr, getattr(table[key], attr) + 1)
            for g, p in pairs:
                for key in (g["type"], _row(g) if _row(p) else None, "overall"):
                    if key:
                        table[key].tp += 1
            if mode == "lenient":
                matched_g = {id(g) for g, _ in pairs}
                matched_p = {id(p) for _, p in pairs}
                report.misses += [(doc_id, g) for g in gold if id(g) not in matched_g]
                report.false_positives += [(doc_id, p) for p in pred if id(p) not in matched_p]
                by_gold = {id(g): p for g, p in pairs}
                for g in gold:
                    if g["type"] in NUMERIC_TYPES:
                        p = by_gold.get(id(g))
                        report.context.full_row.add(float(row_right(g, p)))
                        if p is not None:
                            score_pair(report.context, doc_id, g, p)
                for g, p in pairs:
                    for name in ATTRIBUTES:
                        s = attribute_score(name, g, p)
                        if s is None:
                            continue
                        acc = report.attributes[name]
                        acc.total += 1
                        acc.correct += s
                        if s < 1:
                            report.attribute_errors.append((doc_id, name, g, p))
    return report


# --- gold files -------------------------------------------------------------


def load_gold(gold_dir: str | Path) -> list[tuple[str, str, list[dict]]]:
    """(doc_id, text, facts) for every ``<name>.txt`` with a ``.facts.jsonl``."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(E_GOLD_FOLDER.format(path=gold_dir))
    docs = []
    for txt in sorted(gold_dir.rglob("*.txt")):
        facts_path = txt.with_name(txt.name[: -len(".txt")] + ".facts.jsonl")
        if not facts_path.is_file():
            continue
        try:
            text = txt.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldError(E_GOLD_UTF8.format(what="text", path=txt, problem=exc)) from exc
        facts = []
        try:
            lines = facts_path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldError(E_GOLD_UTF8.format(what="facts", path=facts_path, problem=exc)) from exc
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                facts.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise GoldError(E_GOLD.format(path=facts_path, line=n, problem=exc)) from exc
        doc_id = str(txt.relative_to(gold_dir))[: -len(".txt")]
        docs.append((doc_id, text, facts))
    if not docs:
        raise GoldError(E_GOLD_EMPTY.format(path=gold_dir))
    return docs


def load_doc_info(gold_dir: str | Path) -> dict[str, dict]:
    """doc_id → the article's gold fields (``<name>.doc.json``), where present."""
    gold_dir = Path(gold_dir)
    out = {}
    for path in sorted(gold_dir.rglob("*.doc.json")):
        doc_id = str(path.relative_to(gold_dir))[: -len(".doc.json")]
        try:
            out[doc_id] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GoldError(E_GOLD_DOC.format(path=path, problem=exc)) from exc
    return out


def check_gold_fact(text: str, fact: dict) -> list[str]:
    """Problems with one gold fact: schema, offsets and text."""
    problems = []
    try:
        parse_fact(fact)
    except Exception as exc:  # pydantic ValidationError, with the field named
        problems.append(f"schema: {exc}".splitlines()[0] + " " + " ".join(str(exc).splitlines()[1:3]))
    s, e = fact.get("start"), fact.get("end")
    if not isinstance(s, int) or not isinstance(e, int) or not 0 <= s < e <= len(text):
        problems.append(f"bad offsets {s}..{e}")
    elif text[s:e] != fact.get("text"):
        problems.append(f"text {fact.get('text')!r} != document[{s}:{e}] {text[s:e]!r}")
    return problems


def format_report(report: Report) -> str:
    """The plain-text table printed by ``danvan-extract evaluate``."""
    lines = [f"{'type':<16}{'gold':>6}{'pred':>6} | {'tp':>4}{'P':>7}{'R':>7}{'F1':>7} (strict) | "
             f"{'tp':>4}{'P':>7}{'R':>7}{'F1':>7} (lenient)"]
    for t in report.rows():
        s, l = report.strict[t], report.lenient[t]
        lines.append(f"{t:<16}{l.gold:>6}{l.pred:>6} | {s.tp:>4}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}          | "
                     f"{l.tp:>4}{l.precision:>7.3f}{l.recall:>7.3f}{l.f1:>7.3f}")
    lines.append("")
    lines.append("attribute accuracy over lenient matches:")
    for name, acc in report.attributes.items():
        if acc.total:
            lines.append(f"  {name:<12}{acc.value:>7.3f}  ({acc.total} pairs)")
    lines.append("")
    lines.append("context of numeric facts (over lenient matches; full row over all gold figures):")
    for name, share in report.context.rows().items():
        if share.total:
            lines.append(f"  {name:<16}{share.value:>7.3f}  ({share.total} pairs)")
    if any(share.total for share in report.documents.rows().values()):
        lines.append("")
        lines.append("the articles' own fields (.doc.json):")
        for name, share in report.documents.rows().items():
            if share.total:
                lines.append(f"  {name:<16}{share.value:>7.3f}  ({share.total} articles)")
    return "\n".join(lines)


def format_errors(report: Report) -> str:
    out = []
    for doc_id, g in report.misses:
        out.append(f"MISS  {doc_id} {g['type']:<13} {g['start']}:{g['end']} {g['text']!r}")
    for doc_id, p in report.false_positives:
        out.append(f"FP    {doc_id} {p['type']:<13} {p['start']}:{p['end']} {p['text']!r} rule={p.get('rule')}")
    for doc_id, name, g, p in report.attribute_errors:
        out.append(f"ATTR  {doc_id} {name:<12} {g['text']!r}: gold={g.get(name)!r} pred={p.get(name)!r}")
    for doc_id, name, g, p in report.context.errors:
        key = "location" if name == "province" else name
        out.append(f"CTX   {doc_id} {name:<12} {g['text']!r}: gold={g.get(key)!r} pred={p.get(key)!r}")
    return "\n".join(out)
