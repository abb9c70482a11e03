"""A document's own header: "Số: 97-QĐ/TW" opening a line, and the issuing
body written in upper case on the lines above it (the motto and table bars
left out)."""

from __future__ import annotations

from typing import Optional

from ..base.candidates import Spanned


class DocumentHeaders:
    """A document's header (a mixin of the extractor)."""

    def _is_header(self, text: str, start: int) -> bool:
        """"Số: 97-QĐ/TW" opening a line: a document header."""
        ls = text.rfind("\n", max(0, start - 40), start) + 1
        return bool(self.number_label.match(text, max(ls, start - 40), start))

    def _header_issuer(self, text: str, start: int) -> Optional[Spanned]:
        """The issuing body of a header "Số: ...": the upper-case lines above
        it, the motto and table bars left out, joined by a space."""
        ls = text.rfind("\n", 0, start) + 1
        lo = max(0, ls - 300)
        offsets = []
        pos = lo
        for line in text[lo:ls].split("\n"):
            offsets.append(pos)
            pos += len(line) + 1
        lines = text[lo:ls].split("\n")
        parts: list[Spanned] = []
        for line, at in reversed(list(zip(lines, offsets))[-6:]):
            pieces = self._header_pieces(line, at)
            flat = " ".join(pieces)
            if not flat:
                continue
            if not any(c.isalpha() for c in flat):
                continue  # "*", "-----": the rule under a party body's name
            if flat != flat.upper():
                break
            parts[:0] = pieces
        return Spanned.joined(parts) if parts else None

    def _header_pieces(self, line: str, at: int) -> list[Spanned]:
        """The words of a header line at offset ``at`` outside the motto and
        table bars, as stretches of single-spaced words."""
        out: list[Spanned] = []
        pos = 0
        cuts = [(m.start(), m.end()) for m in self.motto.finditer(line.replace("|", " "))]
        cuts += [(i, i + 1) for i, ch in enumerate(line) if ch == "|"]
        for a, b in sorted(cuts) + [(len(line), len(line))]:
            if a >= pos:
                seg = line[pos:a]
                lead = len(seg) - len(seg.lstrip())
                seg = seg.strip()
                if seg:
                    s = at + pos + lead
                    out.append(Spanned(" ".join(seg.split()), ((s, s + len(seg)),)))
            pos = max(pos, b)
        return out
