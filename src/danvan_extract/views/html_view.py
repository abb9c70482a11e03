"""An HTML view of one article with every fact highlighted by type.

The renderer is self-contained (``html.escape``, no template engine), in
the spirit of displaCy's span visualizer but able to carry each fact's
fields: every fact is drawn as one or more ``<mark class="fact">`` elements
with ``data-fact-id`` (its index), ``data-fact-type`` and a ``title``
listing its fields (shown on hover).  Facts may overlap (a ``person_role``
can contain a number): the text is cut at every fact boundary and each
piece is wrapped in one nested ``<mark>`` per fact covering it, outermost
(longest) first, so the text of all ``<mark>`` elements with the same
``data-fact-id`` joined in page order is exactly the fact's ``text``.
Beside the article a table lists every fact with its fields as JSON, and a
legend gives the colour and count of each type.

>>> from danvan_extract import extract
>>> text = "Huyện có 285 mô hình, chiếm 73,53%."
>>> page = render_page(text, extract(text))
>>> page.count('class="fact fact-first"')
2
"""

from __future__ import annotations

import json
from collections import Counter
from html import escape
from typing import Iterable, Optional, Sequence

from ..records import FactBase
from ..registry import ROWS

# One colour per type (the registry's); the graded types first, then the ungraded helpers.
COLORS = {row.name: row.colour for row in ROWS}
_FALLBACK = "#cccccc"
_COMMON = ("type", "start", "end", "text", "rule")

_PAGE_CSS = """
body { font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; margin: 0; color: #222; }
header { padding: 12px 20px; border-bottom: 1px solid #ddd; background: #fafafa; }
header h1 { font-size: 18px; margin: 0 0 8px 0; }
.legend span { display: inline-block; margin: 2px 10px 2px 0; padding: 1px 8px; border-radius: 4px; font-size: 13px; }
main { display: flex; gap: 20px; padding: 16px 20px; align-items: flex-start; }
article { flex: 1 1 55%; white-space: pre-wrap; line-height: 2.0; font-size: 15px; }
aside { flex: 1 1 45%; font-size: 12px; max-height: 95vh; overflow: auto; position: sticky; top: 0; }
aside table { border-collapse: collapse; width: 100%; table-layout: fixed; }
aside col.n { width: 26px; } aside col.t { width: 130px; } aside col.x { width: 28%; } aside col.o { width: 72px; }
aside th, aside td { border-bottom: 1px solid #eee; padding: 3px 5px; text-align: left; vertical-align: top; }
.by-context h2 { font-size: 14px; margin: 0 0 6px 0; }
.by-context .group { margin: 0 0 10px 0; }
.by-context h3 { font-size: 12px; margin: 0; padding: 2px 4px; background: #f2f2f2; }
.by-context ul { margin: 2px 0 0 0; padding-left: 16px; }
.by-context li span { padding: 0 3px; border-radius: 3px; }
aside td.fields { font-family: ui-monospace, monospace; font-size: 11px; overflow-wrap: anywhere; }
aside .rule { display: block; color: #777; font-size: 10px; margin-top: 2px; overflow-wrap: anywhere; }
td.type span { padding: 0 5px; border-radius: 3px; }
"""
_MARK_CSS = """
.legend span { display: inline-block; margin: 2px 10px 2px 0; padding: 1px 8px; border-radius: 4px; font-size: 13px; }
.danvan-article { white-space: pre-wrap; line-height: 2.0; }
mark.fact { background: var(--c); border-bottom: 3px solid var(--c); padding: 1px 0; border-radius: 2px; color: inherit; }
mark.fact mark.fact { background: var(--c); }
mark.fact[data-fact-type="person_role"] { background: transparent; border-bottom: 3px solid var(--c); }
mark.fact-first::before { content: attr(data-fact-type); font-size: 9px; font-weight: 600; vertical-align: super;
  color: #333; background: var(--c); border-radius: 3px; padding: 0 3px; margin-right: 2px; }
mark.fact:hover { outline: 2px solid #333; }
"""


def color_of(fact_type: str) -> str:
    """The highlight colour of a fact type."""
    return COLORS.get(fact_type, _FALLBACK)


def fact_fields(fact: FactBase) -> dict:
    """The type-specific fields of ``fact`` (no offsets, text, type or rule), ``None`` left out."""
    data = fact.model_dump(mode="json", exclude_none=True)
    return {k: _plain(v) for k, v in data.items() if k not in _COMMON}


def _plain(value):
    """A float as people write it: 12 significant digits, no binary noise
    (3.6618, not 3.6618000000000004)."""
    return float(f"{value:.12g}") if isinstance(value, float) else value


def place_label(place: Optional[dict]) -> str:
    """"Mường Khương (huyện, Lào Cai)" for a location dict; "—" for none."""
    if not place:
        return "—"
    inside = ", ".join(str(x) for x in (place.get("level"), place.get("province")) if x and x != place.get("name"))
    return f"{place['name']} ({inside})" if inside else str(place["name"])


def period_label(period: Optional[dict]) -> str:
    """"2022" for a one-year period, "2016 – 2020", "… – 2023-06-30"; "—" for none."""
    if not period:
        return "—"
    start, end = period.get("start"), period.get("end")
    if start and start == end:
        return str(start)
    return f"{start or '…'} – {end or '…'}"


def fact_title(fact: FactBase) -> str:
    """The hover text of ``fact``: type, fields (context in words), rule and offsets."""
    parts = [fact.type]
    for key, value in fact_fields(fact).items():
        if key == "location":
            value = place_label(value)
        elif key == "period":
            value = period_label(value)
        value = ", ".join(value) if isinstance(value, list) else value
        parts.append(f"{key}: {value}")
    parts.append(f"rule: {fact.rule}")
    parts.append(f"[{fact.start}:{fact.end}]")
    return "\n".join(parts)


def render_article(text: str, facts: Sequence[FactBase]) -> str:
    """The article as HTML with every fact wrapped in ``<mark class="fact">`` elements."""
    cuts = sorted({0, len(text)} | {f.start for f in facts} | {f.end for f in facts})
    # outermost first: longer facts wrap shorter ones
    order = sorted(range(len(facts)), key=lambda i: (-(facts[i].end - facts[i].start), facts[i].start, i))
    seen: set[int] = set()
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        covering = [i for i in order if facts[i].start <= a and b <= facts[i].end]
        piece = escape(text[a:b])
        for i in reversed(covering):
            fact = facts[i]
            first = i not in seen
            seen.add(i)
            cls = "fact fact-first" if first else "fact"
            anchor = f' id="f{i}"' if first else ""
            piece = (
                f'<mark class="{cls}"{anchor} data-fact-id="{i}" data-fact-type="{escape(fact.type)}" '
                f'style="--c: {color_of(fact.type)}" title="{escape(fact_title(fact))}">{piece}</mark>'
            )
        out.append(piece)
    return "".join(out)


def render_table(facts: Sequence[FactBase]) -> str:
    """A table of every fact: index, type and rule, text, offsets, fields (one ``key: JSON value`` a line)."""
    rows = []
    for i, fact in enumerate(facts):
        fields = "<br>".join(
            f"{escape(k)}: {escape(json.dumps(v, ensure_ascii=False))}" for k, v in fact_fields(fact).items()
        )
        rows.append(
            f'<tr data-row-fact-id="{i}"><td><a href="#f{i}">{i}</a></td>'
            f'<td class="type"><span style="background: {color_of(fact.type)}">{escape(fact.type)}</span>'
            f'<span class="rule">{escape(fact.rule or "")}</span></td>'
            f'<td class="text">{escape(fact.text)}</td><td>{fact.start}–{fact.end}</td>'
            f'<td class="fields">{fields}</td></tr>'
        )
    head = "<tr><th>#</th><th>type / rule</th><th>text</th><th>offsets</th><th>fields</th></tr>"
    cols = '<colgroup><col class="n"><col class="t"><col class="x"><col class="o"><col class="f"></colgroup>'
    return f'<table class="facts">{cols}<thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


NUMERIC_TYPES = ("percentage", "count", "ratio", "area", "money")


def render_by_context(facts: Sequence[FactBase]) -> str:
    """The figures grouped by place and period: one block per (place,
    period), each figure with its subject and a link to it in the article."""
    groups: dict[tuple[str, str], list[tuple[int, FactBase]]] = {}
    for i, fact in enumerate(facts):
        if fact.type not in NUMERIC_TYPES:
            continue
        data = fact.model_dump(mode="json")
        key = (place_label(data.get("location")), period_label(data.get("period")))
        groups.setdefault(key, []).append((i, fact))
    blocks = []
    for (place, period), items in groups.items():
        rows = "".join(
            f'<li><a href="#f{i}"><span style="background: {color_of(f.type)}">{escape(f.text)}</span></a> '
            f'{escape(getattr(f, "subject", None) or "—")}</li>'
            for i, f in items
        )
        blocks.append(f'<section class="group"><h3>{escape(place)} · {escape(period)}</h3><ul>{rows}</ul></section>')
    return f'<div class="by-context"><h2>Figures by place and period</h2>{"".join(blocks)}</div>'


def render_legend(facts: Iterable[FactBase]) -> str:
    """One coloured chip per fact type present, with its count."""
    counts = Counter(f.type for f in facts)
    order = [t for t in COLORS if t in counts] + sorted(t for t in counts if t not in COLORS)
    chips = "".join(
        f'<span data-legend-type="{escape(t)}" style="background: {color_of(t)}">{escape(t)} {counts[t]}</span>'
        for t in order
    )
    return f'<div class="legend">{chips}</div>'


def render_page(text: str, facts: Sequence[FactBase], title: Optional[str] = None) -> str:
    """A standalone HTML page: legend, highlighted article, and beside it the
    figures grouped by place and period, then the table of every fact."""
    facts = list(facts)
    name = escape(title or "danvan-extract")
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f"<title>{name} — danvan-extract</title><style>{_PAGE_CSS}{_MARK_CSS}</style></head><body>"
        f"<header><h1>{name}: {len(facts)} facts</h1>{render_legend(facts)}</header>"
        f'<main><article id="article">{render_article(text, facts)}</article>'
        f"<aside>{render_by_context(facts)}{render_table(facts)}</aside></main></body></html>\n"
    )


class FactView:
    """Jupyter display of an article with its facts (``_repr_html_``)."""

    def __init__(self, text: str, facts: Sequence[FactBase]):
        self.text = text
        self.facts = list(facts)

    def __repr__(self) -> str:
        counts = Counter(f.type for f in self.facts)
        return f"FactView({len(self.text)} characters, " + ", ".join(f"{t} {n}" for t, n in sorted(counts.items())) + ")"

    def _repr_html_(self) -> str:
        return (
            f"<style>{_MARK_CSS}</style>{render_legend(self.facts)}"
            f'<div class="danvan-article">{render_article(self.text, self.facts)}</div>'
        )
