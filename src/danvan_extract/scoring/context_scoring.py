"""Scoring the context of numeric facts (subject, location, period), as
FACTS.md "Scoring" says, over lenient matches."""

from __future__ import annotations

import calendar
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

import regex

from ..grammar.levels import RANK, SHORT

# every level word and short form of the registry, longest first ("thị xã" before "xã")
_LEVEL_WORDS = tuple(sorted((*RANK, *SHORT), key=len, reverse=True))
_HCM = ("hcm", "tphcm", "tp.hcm", "thành phố hồ chí minh")


@dataclass
class Share:
    """A running mean over pairs (``correct`` may be fractional)."""

    correct: float = 0.0
    total: int = 0

    @property
    def value(self) -> Optional[float]:
        return self.correct / self.total if self.total else None

    def add(self, score: float) -> None:
        self.correct += score
        self.total += 1


@dataclass
class ContextReport:
    """Subject mean F1 and share ≥ 0.5, location, province, period, full row."""

    subject_mean: Share = field(default_factory=Share)
    subject_share: Share = field(default_factory=Share)
    location: Share = field(default_factory=Share)
    province: Share = field(default_factory=Share)
    period: Share = field(default_factory=Share)
    full_row: Share = field(default_factory=Share)
    errors: list[tuple[str, str, dict, dict]] = field(default_factory=list)

    def rows(self) -> dict[str, Share]:
        return {"subject F1 mean": self.subject_mean, "subject F1≥0.5": self.subject_share,
                "location": self.location, "province": self.province, "period": self.period,
                "full row": self.full_row}


def syllables(text: Optional[str]) -> list[str]:
    """Syllables of a subject: NFC, lower-cased, punctuation and quotes dropped."""
    s = unicodedata.normalize("NFC", text or "").lower()
    s = regex.sub(r"[\p{P}\p{S}]+", " ", s)
    return s.split()


def subject_f1(gold: Optional[str], pred: Optional[str]) -> float:
    """Syllable F1 (multiset) between two subjects."""
    g, p = Counter(syllables(gold)), Counter(syllables(pred))
    tp = sum((g & p).values())
    if not tp:
        return 0.0
    prec, rec = tp / sum(p.values()), tp / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def place_name(name: Optional[str]) -> Optional[str]:
    """A place name compared as FACTS.md says: NFC, case-insensitive, a
    level word at the start dropped, "TP." = "thành phố", hyphens ignored."""
    if name is None:
        return None
    s = " ".join(unicodedata.normalize("NFC", name).lower().split())
    if s.replace(" ", "") in _HCM:
        return "hồ chí minh"
    for word in _LEVEL_WORDS:
        if s.startswith(word + " ") or (word.endswith(".") and s.startswith(word)):
            s = s[len(word):].strip()
            break
    return regex.sub(r"[\s\-\u2010-\u2015]+", " ", s).strip()


def _day(value: Optional[str], end: bool) -> Optional[str]:
    if value is None:
        return None
    parts = value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if end else f"{parts[0]}-01-01"
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        last = calendar.monthrange(y, m)[1] if 1 <= m <= 12 else 31
        return f"{parts[0]}-{parts[1]}-{last:02d}" if end else f"{parts[0]}-{parts[1]}-01"
    return value


def periods_agree(g: Optional[dict], p: Optional[dict]) -> bool:
    """Both ends agree after widening to a day (null only equals null)."""
    if not g or not p:
        return not g and not p
    return (_day(g.get("start"), False) == _day(p.get("start"), False)
            and _day(g.get("end"), True) == _day(p.get("end"), True))


def _loc(f: dict, key: str) -> Optional[str]:
    """The location's ``key`` ("name" or "province"), compared as a place name."""
    loc = f.get("location")
    return place_name(loc.get(key)) if loc else None


def score_pair(report: ContextReport, doc_id: str, g: dict, p: dict) -> None:
    """Add one lenient match of numeric facts to ``report``."""
    if g.get("subject") or p.get("subject"):
        f1 = subject_f1(g.get("subject"), p.get("subject"))
        report.subject_mean.add(f1)
        report.subject_share.add(float(f1 >= 0.5))
        if f1 < 0.5:
            report.errors.append((doc_id, "subject", g, p))
    for key, share in (("name", report.location), ("province", report.province)):
        gv, pv = _loc(g, key), _loc(p, key)
        if gv is None and pv is None:
            continue
        ok = gv == pv
        share.add(float(ok))
        if not ok:
            report.errors.append((doc_id, "location" if key == "name" else "province", g, p))
    if g.get("period") or p.get("period"):
        ok = periods_agree(g.get("period"), p.get("period"))
        report.period.add(float(ok))
        if not ok:
            report.errors.append((doc_id, "period", g, p))


def row_right(g: dict, p: Optional[dict]) -> bool:
    """A gold figure found with subject, place and period all right."""
    if p is None:
        return False
    subject_ok = (not g.get("subject") and not p.get("subject")) or subject_f1(g.get("subject"), p.get("subject")) >= 0.5
    return subject_ok and _loc(g, "name") == _loc(p, "name") and periods_agree(g.get("period"), p.get("period"))


@dataclass
class DocumentScores:
    """The article's own fields: title (one contains the other), published
    (equal), location (names agree, as for facts)."""

    title: Share = field(default_factory=Share)
    published: Share = field(default_factory=Share)
    location: Share = field(default_factory=Share)

    def rows(self) -> dict[str, Share]:
        return {"title": self.title, "published": self.published, "location": self.location}

    def add(self, gold: dict, pred: dict) -> None:
        """Score one article's gold ``.doc.json`` against the prediction."""
        g, p = gold.get("title"), pred.get("title")
        if g or p:
            a, b = " ".join((g or "").lower().split()), " ".join((p or "").lower().split())
            self.title.add(float(bool(a and b) and (a in b or b in a)))
        if gold.get("published") or pred.get("published"):
            self.published.add(float(gold.get("published") == pred.get("published")))
        gl, pl = _loc(gold, "name"), _loc(pred, "name")
        if gl is not None or pl is not None:
            self.location.add(float(gl == pl))
