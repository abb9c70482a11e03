"""Labels that name a figure's subject from outside its clause: a line's
label ("Hộ nghèo: 120"), a list's heading, a topic lead, and agents
that are no subject (a person named, a speaker, a place).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ..subjects.vocabulary import counted_nouns
from ..subjects.tables import names_quantity
from ...grammar.lazy import deferred, settle
from ...grammar.levels import INITIALS, SHORT, VIETNAMESE_CLASSED, written_pattern
from ...grammar.rules import load_rules
from ..gazetteer import gazetteer, key
from ...extractors.person_names import is_vi_syllable
from ...grammar.pattern_cache import compile_regex


_LABEL = deferred(r"(?:^|[\n;.:]\s*|^\s*[-+•*]\s*)(?P<label>[^\n:;.]{2,60}?)\s*:\s*[^\n:]{0,80}$")
_BULLET_LABEL = deferred(r"[^\S\n]*[-+•*–][^\S\n]*(?P<label>[^\n:;.\d]{2,60}?)(?:[^\S\n]{3,}|\t)$")
# "Nhà ở được hỗ trợ<TAB>320 căn": a tabbed table's first cell labels the figure in the next
_TAB_LABEL = deferred(r"[^\S\n]*(?P<label>[^\n:;.\d\t]{2,60}?)[^\S\n]*\t$")
# (not "Về phía Hội," the agent's side, nor "Về cơ bản," "Về lâu dài," adverbs)
_TOPIC_LEAD = deferred(r"\s*[-+•*]?\s*về[^\S\n]+(?!(?:phía|cơ\s+bản|lâu\s+dài)(?![\p{L}]))(?P<topic>[^\n,:;.\d]{2,50}?)[^\S\n]*,", regex.I)


def topic_lead(text: str, s_start: int, pos: int) -> list:
    """"Về dư nợ, đến cuối năm đạt 1.320 tỷ đồng" → "dư nợ": the topic a
    sentence opens with names a figure whose clause names nothing."""
    m = _TOPIC_LEAD.match(text, s_start, pos) if "ề" in text[s_start:s_start + 8].lower() else None
    return [m.span("topic")] if m else []


def _gap_before(text: str, pos: int) -> bool:
    """A tab or three white space characters right before ``pos``: what a
    bullet's column gap ends with (a test before its pattern)."""
    return text[pos - 1:pos] == "\t" or text[pos - 3:pos].isspace()
_ITEM_MARK = deferred(r"(?:\p{Ll}|\d{1,2})\)[^\S\n]+")
_BREAKDOWN_LEAD = deferred(r"(?:trong\s+đó|cụ\s+thể)[\s,]+(?=\p{L})", regex.I)


def line_label(text: str, pos: int, s_start: int) -> Optional[tuple[int, int]]:
    """"Dân số: 540.000 người" → the label before the colon, when the figure
    follows it closely on its line."""
    line_start = text.rfind("\n", 0, pos) + 1
    lo = max(line_start - 1, pos - 100, s_start - 2, 0)
    # "* Công tác Mặt trận, đoàn thể      05/29 vị": a bullet's words set off by a column gap
    m = ((_LABEL.search(text, lo, pos) if _may_label(text, lo, pos) else None)  # in its sentence, after a colon
         or (_BULLET_LABEL.match(text, line_start, pos) or _TAB_LABEL.match(text, line_start, pos)
             if _gap_before(text, pos) else None))
    if not m:
        return None
    s, e = m.span("label")
    while s < e and text[s] in " -+•*":
        s += 1
    mark = _ITEM_MARK.match(text, s, e)
    s = mark.end() if mark else s  # ("a) Số đảng viên mới kết nạp: 86 đồng chí": the item's mark names nothing)
    # ("…; trong đó hộ nghèo dân tộc thiểu số: 986 hộ": the word opening a breakdown names nothing either)
    opener = _BREAKDOWN_LEAD.match(text, s, e) if text[s:s + 1] in "tTcC" else None
    s = opener.end() if opener else s
    # "Thu ngân sách năm 2024: 120 tỷ đồng": the label's time is the figure's period, not its name
    timed = _LABEL_TIME.search(text, s, e)
    e = timed.start() if timed and timed.start() > s else e
    words = text[s:e].split()
    if (not words or len(words) > 8 and (len(words) > _LONG_LABEL_WORDS or not _NAMES_QUANTITY.match(text, s, e))
            or any(ch.isdigit() for ch in text[s:e]) or _LEAD_IN.fullmatch(text, s, e)):
        return None
    if _names_place(words):
        return None  # "Huyện Quỳ Hợp: Năm 2023 có 2.500 lao động": the place, not what is counted
    if _speaker().fullmatch(text, s, e):
        return None  # "Ông Nguyễn Văn A: Năm 2024, huyện giảm được 620 hộ nghèo": an interview's speaker
    return s, e


# an infographic's label: a short line of words alone, no figure and no end mark, opened by a capital
_LABEL_LINE = deferred(r"[^\S\n]*(?P<label>\p{Lu}[^\n\d.,;:!?()|>»›/]{3,58}[^\n\d.,;:!?()|>»›/\s])[^\S\n]*")
_LABEL_LINE_WORDS = (2, 10)
_INDENT = 8  # (white space before the figure on its line, at most)
_LINE_END = deferred(r"[^\S\n]*(?:\n|$)")


def label_above(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """"Kim ngạch xuất khẩu\n385 triệu USD": a figure ``[start, end)``
    alone on its line under a line of words alone (an infographic's or a
    flattened card's label) is named by that line."""
    line_start = text.rfind("\n", max(0, start - _INDENT), start) + 1
    if line_start < 2 or (start > line_start and not text[line_start:start].isspace()) or not _LINE_END.match(text, end):
        return None
    above = text.rfind("\n", 0, line_start - 1) + 1
    m = _LABEL_LINE.fullmatch(text, above, line_start - 1)
    if m is None or not _LABEL_LINE_WORDS[0] <= len(m.group("label").split()) <= _LABEL_LINE_WORDS[1]:
        return None
    return m.span("label")


# a Vietnamese unit's level word, or its short form that is no initial
_LEVEL_FIRST = deferred(rf"(?:{written_pattern(VIETNAMESE_CLASSED)}|"
                        rf"{written_pattern(s for s, w in SHORT.items() if w in VIETNAMESE_CLASSED and s not in INITIALS)})\s+",
                        regex.I)


def _names_place(words: list[str]) -> bool:
    """A label of capitalised words that names an administrative unit ("Huyện
    Quỳ Hợp", "SƠN LA", "Mường Khương", "Xã Bắc Hà (mới)"), or an address
    chain ("Xã Nậm Xe, huyện Phong Thổ"): a headline's or a list item's place."""
    if words and words[-1].startswith("(") and len(words) > 2:
        words = words[:-1]  # ("(mới)", "(cũ)": an aside on the unit)
    name = " ".join(words)
    if "," in name:
        return all(_names_place(part.split()) for part in name.split(","))
    level = _LEVEL_FIRST.match(name)
    if level and level.end() < len(name):
        # "Huyện Quỳ Hợp", "Thành phố Hải Phòng", "huyện Phong Thổ": a level word, then a capitalised name
        return all(w[0].isupper() for w in name[level.end():].split())
    if not words or not all(w[0].isupper() for w in words):
        return False
    gaz = gazetteer()
    # (a one-word label names a unit only when it is no Vietnamese syllable: a name in a
    # minority language written as one word, "Kbang", "Đakrông")
    return ((len(words) > 1 or not is_vi_syllable(words[0]))
            and (gaz.province(name) is not None or bool(gaz.by_name.get(key(name)))))


def person_agent(text: str, pieces: list) -> list:
    """"Chị Lò Thị Hoa được vay …", "Gia đình ông Vàng A Chứ vay …": a person
    named with a form of address before the verb is who borrows or gives,
    no kind of money: the pieces past the name, else [] (none named, or
    nothing after the name)."""
    if not pieces or not text[pieces[0][0]].isupper():
        return []  # (the cheap test first: a name opens with a capital)
    named = _addressed_name().match(text, pieces[0][0], pieces[0][1])
    if not named or named.end() >= pieces[0][1]:
        return []
    return [(named.end(), pieces[0][1])] + pieces[1:]


@lru_cache(maxsize=1)
def _addressed_name() -> regex.Pattern:
    """A form of address from the persons rules' honorifics (after "Gia
    đình") and a capitalised name, with the space after it."""
    honorifics = load_rules().persons.honorifics
    return compile_regex(rf"(?:gia[^\S\n]+đình[^\S\n]+)?(?:{written_pattern(honorifics)})"
                         rf"(?:[^\S\n]+(?-i:\p{{Lu}})\p{{L}}*)+[^\S\n]+(?=\p{{Ll}})", regex.I)


@lru_cache(maxsize=1)
def _speaker() -> regex.Pattern:
    """Who speaks in an interview: a reporter's label ("PV"), or a form of
    address and a name ("Ông Nguyễn Văn A", "Đồng chí Lò Văn B"), from the
    persons rules' byline labels and honorifics; with the speaker's post
    after a comma or a dash ("Ông Lò Văn A, Chủ tịch UBND huyện")."""
    persons = load_rules().persons
    honorifics = (h[0].upper() + h[1:] for h in persons.honorifics)
    return compile_regex(rf"(?-i:{written_pattern(persons.bylines.bare_labels)}|"
                         rf"(?:{written_pattern(honorifics)})(?:[^\S\n]+\p{{Lu}}\p{{L}}*)+"
                         rf"(?:[^\S\n]*[,–-][^\S\n]*\p{{Lu}}[^\n:]*)?)")
# A report's label that names a quantity runs longer: "Số ý kiến, kiến nghị đã được giải quyết xong:",
# "Hộ được cấp giấy chứng nhận quyền sử dụng đất lần đầu:" (a "số" or "tỷ lệ" phrase, or a noun with its
# passive clause: "Tỷ lệ dân số tham gia bảo hiểm y tế:")
_NAMES_QUANTITY = deferred(r"(?:tổng\s+)?số\s|t[ỷỉ]\s+lệ\s|\p{L}+(?:\s+\p{L}+){0,2}\s+(?:được|bị)\s", regex.I)
_LONG_LABEL_WORDS = 13
_LABEL_TIME = deferred(r"[^\S\n]+(?:năm|quý|tháng|giai\s+đoạn|nhiệm\s+kỳ)[^\S\n]+[\dIVX][\dIVX/.\-–\s]*$")
# Words that open what follows, not name it: "Trong đó: nhà đại đoàn kết 25 căn",
# "Kết quả: 18/20 chỉ tiêu đạt" (the item's own words name what is counted)
_LEAD_IN = deferred(r"(?:trong\s+(?:số\s+)?đó|cụ\s+thể|kết\s+quả(?:\s+cụ\s+thể)?|bao\s+gồm|gồm(?:\s+có)?|theo\s+đó"
                         r"|tổng\s+cộng|ngoài\s+ra|riêng|đến\s+nay|hiện\s+nay|[^\n]*\s+như\s+sau"
                         # ("Hội nghị thống nhất phân bổ:", "HĐND tỉnh quyết nghị:": a body's decision opens the list)
                         r"|[^\n]*\s(?:thống\s+nhất|quyết\s+nghị)(?:\s+\p{L}+){0,2})", regex.I)


def _may_label(text: str, lo: int, pos: int) -> bool:
    """_LABEL may match in ``[lo, pos)``: after its last colon, at most 80
    characters on their line; before it, at most 60 since the last break
    (a test before the costly pattern)."""
    colon = text.rfind(":", lo, pos)
    if colon < 0:
        return False
    if text.find(")", colon, pos) >= 0 and text.rfind("(", lo, colon) > text.rfind(")", lo, colon):
        return False  # "(Ảnh: Văn Thành) … 890 hộ": a colon inside a bracket (a caption's credit) labels nothing
    after = text[colon + 1:pos].strip()
    if len(after) > 80 or "\n" in after:
        return False
    opener = max(text.rfind(ch, lo, colon) for ch in "\n;.:")
    if opener < 0:
        return lo == 0  # ("^" matches at the text's start only)
    return len(text[opener + 1:colon].strip()) <= 60
_HEADING_LINE = deferred(r"[^\S\n]*[-–+•*]?[^\S\n]*(?P<h>[^\n:;.\d]{2,40}?)[^\S\n]*:[^\S\n]*$")
_ITEM_LINE = deferred(r"[^\n]*\d")


def list_heading(text: str, label: tuple[int, int]) -> Optional[tuple[int, int]]:
    """The heading a list's items stand under ("Học vấn:" above "Đại học:
    16/29 vị"), when the item's label is only a value of it: it shares no
    word (two syllables) with the heading, and neither names a countable
    noun ("Đại biểu nữ", "Cơ cấu đại biểu:" do)."""
    words = text[label[0]:label[1]].lower().split()
    counted = counted_nouns()
    if any(" ".join(words[:n]) in counted for n in (1, 2, 3)) or names_quantity(text[label[0]:label[1]]):
        return None  # "Số hộ nghèo:", "Tỷ lệ hộ nghèo:": the label names what it measures
    end = text.rfind("\n", 0, label[0])
    for _ in range(12):  # the heading's line, above the items before this one
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        head = _HEADING_LINE.fullmatch(text, start, end)
        if head:
            h = head.group("h").lower().split()
            if h[-2:] == ["như", "sau"] or _LEAD_IN.fullmatch(head.group("h")):
                return None  # "Kết quả cụ thể như sau:", "Trong đó:": a lead-in, not what the items are kinds of
            pairs = [" ".join(h[k:k + 2]) for k in range(len(h) - 1)]
            # "Cơ cấu đại biểu:": a heading that names the counted noun has its kinds as
            # items: its noun goes with an item that names none ("Nữ: 12 người" → "đại biểu Nữ")
            if any(p in " ".join(words) for p in pairs):
                return None
            if any(p in counted for p in pairs) or counted & set(h):
                return _noun_in(text, head.span("h"), [p for p in pairs if p in counted] + [w for w in h if w in counted])
            return head.span("h")
        if text[start:end].strip() and not _ITEM_LINE.match(text, start, end):
            return None
        end = start - 1
    return None


def _noun_in(text: str, span: tuple[int, int], nouns: list[str]) -> Optional[tuple[int, int]]:
    """Where the first of ``nouns`` (lower-case) is written in ``span``."""
    low = text[span[0]:span[1]].lower()
    for noun in nouns:
        at = regex.search(rf"(?<![\p{{L}}]){regex.escape(noun)}(?![\p{{L}}])", low)
        if at:
            return span[0] + at.start(), span[0] + at.end()
    return None


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
