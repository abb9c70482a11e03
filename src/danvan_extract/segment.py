"""Sentence segmentation that copes with scraped pages.

Boundaries: every line break, and ".", "!", "?", "…" followed by space and
a capital letter, a digit or an opening quote; not after an abbreviation
("TP.", "TS.", "ThS.", "PGS.TS.") or a single capital ("Đ."), and never
inside a number ("3.980").
"""

from __future__ import annotations

from .grammar.pattern_cache import compile_regex

ABBREVIATIONS = frozenset(
    "TP Tp TS ThS PGS GS BS BSCKI BSCKII KS CN ThS.BS Th.S TT Q P Ths St Mr Ms Dr NXB tr Tr".split()
)
_END = compile_regex(r"[.!?…]+[\"'”’)]*(?=\s+[\p{Lu}\d\"'“‘(])")
_ONE_CAPITAL = compile_regex(r"\p{Lu}")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty sentence of ``text``, in order."""
    spans = []
    line_start = 0
    for line in text.split("\n"):
        start = line_start
        for m in _END.finditer(line):
            token = _last_token(line, m.start())
            parts = [t for t in token.split(".") if t]
            if parts and all(t in ABBREVIATIONS or _ONE_CAPITAL.fullmatch(t) for t in parts):
                continue
            _add(spans, text, start, line_start + m.end())
            start = line_start + m.end()
        _add(spans, text, start, line_start + len(line))
        line_start += len(line) + 1
    return spans


def _last_token(line: str, end: int) -> str:
    """The run of non-space characters that ends at ``end`` ("" if a space)."""
    i = end
    while i > 0 and not line[i - 1].isspace():
        i -= 1
    return line[i:end]


def _add(spans: list, text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


