"""The patterns a place mention is found by: a level word and the name it
opens ("xã A", :data:`NAME`), a committee ("Huyện ủy A"), a level word
alone ("toàn tỉnh"), the whole country ("cả nước"), an office's branch;
and the words around a unit that change what it names: the gap of an
address chain (:data:`CHAIN_GAP`), a comparison's frame
(:func:`compared_with`), several units ("các xã").
"""

from __future__ import annotations

import regex

from ...grammar.levels import SHORT, WRITTEN, written_pattern
from ...grammar.pattern_cache import compile_regex

_LEVEL_ALT = "|".join(regex.escape(level) for level in sorted(WRITTEN, key=len, reverse=True))
_SYL = r"(?:[\p{Lu}][\p{L}']*|\d{1,3}(?!\d|[.,/]\d))"
# (transliterated names join lower-case syllables by hyphens: "Phông-sa-lỳ")
# (a name stays on its line: "tỉnh Điện Biên\nHuyện Tuần Giáo" names two units)
NAME = rf"{_SYL}(?:(?:[^\S\n]|[^\S\n]?-[^\S\n]?){_SYL}|-\p{{Ll}}[\p{{L}}']*){{0,4}}"
# a name follows its level word on the same line
# ("Tổ dân phố số 5", "Thôn số 3": "số" before a unit's number is no part of its name)
NAMED = compile_regex(rf"(?<![\p{{L}}])(?P<level>(?i:{_LEVEL_ALT}))[^\S\n]*(?:(?i:số)[^\S\n]+(?=\d))?(?P<name>{NAME})",
                      regex.V0)
# a description after a level word, then the name (matched from the level word's end)
# (no level word in the description: "huyện miền núi tỉnh Quảng Ngãi" names the province)
DESCRIBED = compile_regex(rf"(?:[^\S\n]+(?!(?:{_LEVEL_ALT}|thị|thành|tổ)(?![\p{{L}}]))\p{{Ll}}+){{1,3}}[^\S\n]+(?P<name>{NAME})",
                          regex.V0)
# the level words a committee's unit may be written with after it ("Thành ủy TP Hồ Chí Minh",
# "Thành ủy TP. Cần Thơ", "Thị ủy TX. Sơn Tây"): those of the committees' own levels, full and short
_COMMITTEE_UNIT_LEVELS = ("tỉnh", "huyện", "thành phố", "thị xã", "quận")
_COMMITTEE_WRITTEN = written_pattern(sorted((w for w in WRITTEN if SHORT.get(w, w) in _COMMITTEE_UNIT_LEVELS),
                                            key=len, reverse=True))
# ("Huyện đoàn X", "Tỉnh đoàn X": a Youth Union's committee of that unit; not "Đảng đoàn")
COMMITTEE = compile_regex(rf"(?<![\p{{L}}])(?P<org>(?i:tỉnh|huyện|thành|thị|quận|đảng))\s+(?i:ủy|uỷ|(?<!(?i:đảng)\s+)đoàn)"
                          rf"\s+(?:(?P<written>(?i:{_COMMITTEE_WRITTEN}))(?:(?<=\.)|[^\S\n])[^\S\n]*)?"
                          rf"(?P<name>{NAME})", regex.V0)
# "Việt Nam" alone is mostly part of a name ("Hội Nông dân Việt Nam"): only
# the phrases that speak of the whole country count.
# ("khách quốc tế đến Việt Nam", "đầu tư vào Việt Nam": arrivals and investment the country receives)
NATION = compile_regex(r"(?<![\p{L}])(?:cả\s+nước|toàn\s+quốc|trên\s+toàn\s+quốc|nước\s+ta|(?:tại|ở|của|đến|vào)\s+Việt\s+Nam)(?![\p{L}])",
                       regex.I | regex.V0)
# "Việt Nam" as a clause's subject, a verb after it ("Năm 2023, Việt Nam có ..."):
# the country, not part of a name ("Hội Nông dân Việt Nam")
NATION_SUBJECT = compile_regex(r"(?<=(?:^|[,.;:!?\n(])[^\S\n]*)Việt[^\S\n]+Nam(?=[^\S\n]+\p{Ll})", regex.V0)
# words after a level word that make it no unit's ("Tỉnh ủy", "xã hội", "xã đạt chuẩn")
BARE_NOT_NAMED = ("ủy", "uỷ", "đoàn", "đội", "lộ", "trưởng", "đạt", "nông", "điểm", "viên", "hội", "giao")
BARE = compile_regex(rf"(?<![\p{{L}}])(?i:toàn\s+|của\s+|trong\s+|cấp\s+)?(?P<level>(?i:tỉnh|huyện|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn))"
                     rf"(?!\s*(?:{_SYL}|(?i:{'|'.join(BARE_NOT_NAMED)})))(?![\p{{L}}])", regex.V0)
# plural words before a level word: "các xã A, B" names several units; with
# "mỗi", "từng", "số" a level word alone ("mỗi xã") names none either
_PLURAL_WORDS = ("các", "những", "nhiều", r"một\s+số")
SEVERAL_WORDS = _PLURAL_WORDS + ("mỗi", "từng", "số")
PLURAL_BEFORE = compile_regex(rf"(?<![\p{{L}}])(?:{'|'.join(_PLURAL_WORDS)})\s+$", regex.I)
SEVERAL = compile_regex(rf"(?<![\p{{L}}])(?:{'|'.join(SEVERAL_WORDS)})\s+$", regex.I)
BRANCH = compile_regex(rf"(?<![\p{{L}}])(?i:chi\s+nhánh)[^\S\n]+(?P<names>{NAME}(?:[^\S\n]*(?:,|và)[^\S\n]*{NAME})*)", regex.V0)
LISTED = compile_regex(r"\s*(?:,|và|hoặc)\s*")
# the frame or the unit a figure is compared with or ranked in, not its place: "lớn nhất cả nước",
# "so với toàn huyện", "cao hơn huyện B", "gấp 2 lần xã B", "đứng đầu cả nước", "dẫn đầu tỉnh A",
# "xếp thứ 3 khu vực", "đứng thứ hai sau TP. Hồ Chí Minh"
_COMPARED = compile_regex(r"(?<![\p{L}])(?:nhất|so\s+với|bằng|hơn|(?:đứng|dẫn)\s+đầu|(?:đứng|xếp)\s+thứ\s+[\p{L}\d]+"
                          r"|(?:đứng|xếp|chỉ)(?:\s+thứ\s+[\p{L}\d]+)?\s+sau|gấp\s+(?:[\d,]+\s+lần|\p{L}+\s+lần|đôi|rưỡi))"
                          r"(?:\s+(?:toàn|trong))?\s+$", regex.I | regex.REVERSE)  # (tried from its end: the words before a unit)
COMPARED_REACH = 30  # (how far before a unit its comparison word is looked for)


def compared_with(text: str, start: int) -> bool:
    """The unit named at ``start`` is what a figure is compared with or
    ranked in ("cao hơn huyện B", "nhất tỉnh"), not where it holds."""
    return bool(_COMPARED.search(text, max(0, start - COMPARED_REACH), start))
# the average a figure is compared with: "bằng 65% mức bình quân cả nước", "cao gấp 7 lần bình quân chung của",
# "gấp 11 lần tỷ lệ chung của cả nước"
_AVERAGE_COMPARED = compile_regex(r"(?<![\p{L}])(?:bằng|so\s+với|gấp|hơn)(?![\p{L}])[^,.;:()\n]{0,25}?(?<![\p{L}])(?:mức\s+|t[ỷỉ]\s+lệ\s+)?"
                                  r"(?:bình\s+quân|trung\s+bình|chung)(?:\s+chung)?(?:\s+của)?\s+$", regex.I)


def average_compared(text: str, start: int, lo: int = 0) -> bool:
    """The unit at ``start`` (the country) is named for an average a figure
    is compared with ("bằng 52% bình quân cả nước"), not as a figure's place
    (``lo``: where to look back from at most)."""
    return bool(_AVERAGE_COMPARED.search(text, max(lo, start - 50), start))
# "hợp tác xã" is a cooperative: its "xã" is no level word ("Hợp tác xã Tân Tiến")
COOPERATIVE = compile_regex(r"(?<![\p{L}])hợp[^\S\n]+tác[^\S\n]+xã(?![\p{L}])", regex.I)
# between the units of an address chain ("xã A, huyện B", "phường A (TP B)", "xã A thuộc huyện B",
# "xã A (B, tỉnh C)": a bracket may list the units between without their level words)
# ("xã A (mới), tỉnh B", "xã A cũ, huyện B": the era's mark of a unit stays in its chain)
# (possessive runs: what follows them opens with a letter, and a failing gap is not retried)
# ("xã A - B - tỉnh C": the district between dashes without its level word)
CHAIN_GAP = compile_regex(rf"[\s,\-–(]*+(?:(?:[mM]ới|[cC]ũ)\)?[\s,\-–]*+)?(?:thuộc\s+|của\s+)?|\s*\(\s*(?P<between>{NAME})[^\S\n]*[,\-–][^\S\n]*"
                          rf"(?:{NAME}[^\S\n]*[,\-–][^\S\n]*)?|[^\S\n]+[-–][^\S\n]+{NAME}[^\S\n]+[-–][^\S\n]+", regex.V0)
