"""Money: "4,22 tỷ đồng", "32,5 triệu đồng/năm", "từ 80 đến 150 triệu đồng"."""

from __future__ import annotations

from typing import Iterator

from .base import Candidate, Context, Lexicons
from .numeric import bounds, qualify


class MoneyExtractor:
    name = "money"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.patterns = lex.rules.patterns["money"]
        self.currency_of = {f.lower(): c.code for c in lex.rules.units.currency for f in c.forms}

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        for pat in self.patterns:
            rule = pat.name
            for m in ctx.scan(pat):
                v1, v2, s1, s2 = bounds(m)
                cur = m.group("cur")
                mult = m.group("m2") or m.group("m1") if v2 is not None else m.group("m1")
                unit = f"{mult} {cur}" if mult else cur
                per = "/".join(p.strip() for p in m.group("per").split("/") if p.strip()) or None
                qualifier, start = qualify(ctx, self.lex, m.start(), m.end())
                yield Candidate(
                    "money", start, m.end(), rule,
                    {
                        "value": float(v1),
                        "value_max": None if v2 is None else float(v2),
                        "unit": unit,
                        "amount": float(s1),
                        "amount_max": None if s2 is None else float(s2),
                        "currency": self.currency_of.get(cur.lower(), cur.upper()),
                        "per": per,
                        "qualifier": qualifier,
                    },
                )
