"""What an article says of itself: its headline, its date (byline or date
line, never a site header's), the unit it is mainly about."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Optional

import regex

from ..dateline import _HEAD_LINES, _may_be_dated, body_after_stamp, date_line_match, lines_with_offsets
from .gazetteer import gazetteer, level_class
from ..grammar.rules import load_rules
from ..grammar.levels import RANK as LEVEL_RANK, VIETNAMESE_CLASSED, written_pattern
from .places.patterns import average_compared
from .places.record import PlaceMention
from .words import finditer_found, holds_letter, may_hold
from ..grammar.pattern_cache import compile_regex, compile_std

_MAX_TITLE = 300


# A site's line (menu, contact, pager, section name): one of its words, or
# a line that ends as a menu does, or opens with a section's name.
_SITE_WORDS = compile_regex(r"@|\bhotline\b|\bemail\b|skip\s+to|download|quay\s+về|theo\s+dõi|đăng\s+nhập|trang\s+chủ"
                            # ("Chuyên mục: Dân vận khéo": the page's section, as a label)
                            r"|^(?:chuyên|danh)\s+mục\s*:"
                            r"|\b(?:page|trang)\s*\d+\s*(?:of|\/)\s*\d+\s*$", regex.I)
# (each match of _SITE_WORDS but a pager's holds one of these, in lower case, and a
# pager's ends with a digit: cheap tests before its costly search)
_SITE_WORD_STARTS = ("@", "hotline", "email", "skip", "download", "quay", "dõi", "đăng", "chủ", "mục")
_PAGER_STARTS = ("page", "trang")
# (what a line ends with, past white space, when it is a menu's)
_SITE_ENDS = (":", "|")
_SITE_START = compile_regex(r"^\W*$|^(?:kinh\s+tế|xã\s+hội|chính\s+trị|thời\s+sự|tin\s+tức)[\w\s\-–|/,&]{0,25}$", regex.I)
# a menu: three short items or more between bars ("Chính trị | Kinh tế | Văn hóa"; a campaign's
# section is longer: "Bầu cử ĐBQH và HĐND các cấp")
_MENU = compile_regex(r"[^|\d\n]{1,32}(?:\|[^|\d\n]{1,32}){2,}"
                      # (five items or more, each opened by a letter: a menu even with a number in an item)
                      r"|[^\S\n]*\p{L}[^|\n]{0,29}(?:\|[^\S\n]*\p{L}[^|\n]{0,29}){4,}")
# a site's name in its header, in capitals ("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN …",
# "BÁO NGHỆ AN ĐIỆN TỬ", "TẠP CHÍ ĐIỆN TỬ CỦA BAN …")
_SITE_NAME = compile_regex(r"(?:cổng|trang)\s+(?:thông\s+tin|ttđt|tin\s+điện\s+tử)|(?:báo|tạp\s+chí)(?:\s+\S+){0,3}?\s+điện\s+tử",
                           regex.I)


# a site's or a section's own name alone on its line, in any case ("Báo Quảng
# Ninh", "Cổng thông tin điện tử tỉnh Cao Bằng"): the outlet and a name, no predicate
_OUTLET_NAME = compile_regex(r"(?i:báo|tạp\s+chí|đài(?:\s+(?:phát\s+thanh|truyền\s+hình|PT-TH|PTTH))?"
                             r"|(?:cổng|trang)\s+(?:thông\s+tin|ttđt))(?:\s+(?i:điện\s+tử))?"
                             rf"(?:\s+(?i:{written_pattern(VIETNAMESE_CLASSED)}))?(?:[\s-]+\p{{Lu}}[\p{{L}}.]*){{1,5}}"
                             r"(?:\s+(?i:điện\s+tử))?")
# a unit's name alone on its line, its province in a bracket after it
# ("Huyện Tam Nông (Phú Thọ)", "Thành phố Huế"): the page's place, no headline
_UNIT_LINE = compile_regex(rf"(?i:{written_pattern(VIETNAMESE_CLASSED)})(?:[\s-]+\p{{Lu}}[\p{{L}}]*){{1,5}}"
                           r"(?:\s*\((?:\p{Lu}[\p{L}]*[\s-]*){1,5}\))?")
_MIN_TITLE_WORDS = 4  # a section's name ("Xây dựng Đảng", "Nông thôn mới") is shorter than a headline
# a section named by two fields joined by a dash ("Dân tộc - Tôn giáo", "Văn hóa – Xã hội")
_PAIRED_SECTION = compile_regex(r"\p{Lu}\p{Ll}*\s\p{Ll}+\s[-–]\s\p{Lu}\p{Ll}*\s\p{Ll}+")


@lru_cache(maxsize=1)
def _agency_name() -> regex.Pattern:
    """An agency's or a news outlet's name alone ("Ban Dân vận Tỉnh ủy Đắk
    Lắk", "UBND HUYỆN NHƯ XUÂN", "Thanh niên Nghệ An"): an organization's
    head word or words of organization names (persons.toml), then a level
    word and a name (group ``name``), no predicate."""
    persons = load_rules().persons
    heads = written_pattern(sorted(persons.org_heads, key=lambda w: (-len(w), w)))
    words = written_pattern(sorted(set(persons.org_words), key=lambda w: (-len(w), w)))
    return compile_regex(rf"(?:(?i:{heads})(?![\p{{L}}])\s*)?(?:(?:(?i:{words})|\p{{Lu}}{{2,}})(?![\p{{L}}])(?:,|\s+[-–])?\s*){{0,6}}?"
                         rf"(?:(?i:{written_pattern(VIETNAMESE_CLASSED)})\s+)?(?P<name>\p{{Lu}}[\p{{L}}]*(?:[\s-]+\p{{Lu}}[\p{{L}}]*){{0,3}})",
                         regex.V0)


def _agency_line(line: str) -> bool:
    """The line (stripped, short) is an agency's or an outlet's name with
    the unit it serves, which the gazetteer knows: a site's header, no
    headline."""
    return _agency_unit(line) is not None


def _agency_unit(line: str) -> Optional[str]:
    """The unit's name (as :func:`_agency_line` reads it, title-cased when
    the line is in capitals) of an agency's or outlet's line, or None."""
    m = _agency_name().fullmatch(line)
    if not m:
        return None
    name = m.group("name")
    if not name.isupper():
        known = m.start("name") > 0 and bool(gazetteer().province(name) or gazetteer().lookup(name))
        return name if known else None
    # in capitals every word may open the name: the unit's name is the
    # shortest tail of the capital run past the organization's words
    # ("BAN DÂN TỘC TỈNH KON TUM", "ỦY BAN KIỂM TRA TỈNH ỦY HÒA BÌNH")
    # ("ỦY BAN KIỂM TRA TỈNH ỦY HÒA BÌNH"), every word before it an organization's
    # or a level's (a headline in capitals has a predicate: "RA MẮT … TẠI XÃ TẢ VAN")
    # (an organization's own name, "HỘI CHỮ THẬP ĐỎ", "HỘI NGƯỜI CAO TUỔI", counts as
    # its words; a name in capitals may run over the whole line: "TRUYỀN HÌNH QUẢNG BÌNH")
    words = name.title().split()
    line_words = [w.rstrip(",") for w in _org_phrases().sub(" ", line.lower()).split() if w not in ("-", "–")]
    vocabulary = _org_vocabulary()
    for i in range(len(words) - 1):
        before = line_words[:len(line_words) - (len(words) - i)]
        if before and all(w in vocabulary for w in before):
            tail = " ".join(words[i:])
            if gazetteer().province(tail) or gazetteer().lookup(tail):
                return tail
    return None


@lru_cache(maxsize=1)
def _org_phrases() -> regex.Pattern:
    """The organizations' own names of persons.toml ``org_phrases`` ("Chữ thập
    đỏ", "Người cao tuổi"), in lower case, as whole words: one word of an
    agency's name each."""
    phrases = sorted({p.lower() for p in load_rules().persons.org_phrases if " " in p}, key=lambda p: (-len(p), p))
    return compile_regex(rf"(?<![\p{{L}}])(?:{written_pattern(phrases)})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _org_vocabulary() -> frozenset:
    """The lower-case syllables of organization heads and words and of level
    words (persons.toml, grammar/levels.py)."""
    persons = load_rules().persons
    return frozenset(w for phrase in (*persons.org_heads, *persons.org_words, *VIETNAMESE_CLASSED)
                     for w in phrase.lower().split())


# a breadcrumb: short items joined by ">" or "»" ("Thời sự > Giao thông")
_BREADCRUMB = compile_regex(r"[^>»›\n]{1,30}(?:\s[>»›]\s[^>»›\n]{1,30})+")


def _name_line(line: str) -> bool:
    """The line (stripped) is no more than a name: a section's (fewer words
    than any headline), an outlet's, a unit's or a province's; or a
    document type alone ("THÔNG CÁO BÁO CHÍ"), which names no content."""
    if len(line.split()) < _MIN_TITLE_WORDS:
        return True
    if len(line) > 60 or not line[:1].isupper():
        return False
    return bool(_OUTLET_NAME.fullmatch(line) or _UNIT_LINE.fullmatch(line) or _PAIRED_SECTION.fullmatch(line)
                or _DOC_TYPE_LINE.match(line) or (line.count(" ") <= 4 and gazetteer().province(line))
                or _agency_line(line))


def site_provinces(head: list[tuple[int, str]], site: list[tuple[int, int]]) -> list[PlaceMention]:
    """The provinces that the site's lines (spans from :func:`agency_lines`)
    name without a level word ("TRUYỀN HÌNH QUẢNG BÌNH"): the units the
    site serves, which no place mention holds."""
    out = []
    for start, line in head:
        if (start, start + len(line)) in site:
            unit = _agency_unit(line.strip())
            province = gazetteer().province(unit) if unit else None
            if province:
                out.append(PlaceMention(start, start + len(line), gazetteer().province_level(province), province, province,
                                        written=False))
    return out


def agency_lines(head: list[tuple[int, str]], title: Optional[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of the lines above the headline that are an agency's or an
    outlet's name with its unit ("Hội LHPN tỉnh Đắk Lắk"): the site's,
    which names the unit it serves, not what the article reports."""
    if not title:
        return []
    return [(start, start + len(line)) for start, line in head
            if start < title[0] and line.strip() and _agency_line(line.strip())]


def _site_line(line: str) -> bool:
    """The line (stripped) is a site's, not the headline."""
    if (line.endswith(_SITE_ENDS) or _SITE_START.match(line) or (line.isupper() and _SITE_NAME.match(line))
            or ("|" in line and _MENU.fullmatch(line)) or (">" in line or "»" in line or "›" in line)
            and _BREADCRUMB.fullmatch(line)):
        return True
    hints = _SITE_WORD_STARTS + _PAGER_STARTS if line[-1:].isdigit() else _SITE_WORD_STARTS
    return may_hold(line, *hints) and bool(_SITE_WORDS.search(line))


# A body sentence, not a headline: it ends with a full stop, opens with an
# event time ("Ngày 3/10, ...", "Sáng 18/5"), or is a photo caption.
_BODY_ENDS = (".", "…", ",", ";")  # (a line that ends with a comma is wrapped body text)
_BODY_START = compile_regex(r"(?:ngày|sáng|chiều|tối|trưa)\s+(?:ngày\s+)?\d|\d+\.\s", regex.I)
_CAPTION = compile_regex(r"(?:ảnh|nguồn)\s*:", regex.I)


def _body_line(line: str) -> bool:
    """The line (stripped) is a body sentence or a photo caption."""
    return line.endswith(_BODY_ENDS) or bool(_BODY_START.match(line) or (":" in line and _CAPTION.search(line)))


def find_title(text: str, chrome: list[tuple[int, int]],
               lines: Optional[list[tuple[int, str]]] = None) -> Optional[tuple[int, int]]:
    """The headline: the first line near the top that is no page chrome, no
    date line, no site menu and no official document's header; None when
    that line is a body sentence (the page kept no headline).  ``lines``:
    :func:`lines_with_offsets` of ``text``, if known."""
    for start, line, stripped, stamp in _content_lines((lines or lines_with_offsets(text))[:_HEAD_LINES * 2]):
        if (stamp is not None or len(stripped) < 12 or any(s <= start < e for s, e in chrome)
                or _site_line(stripped) or _name_line(stripped)):
            continue
        if len(stripped) > _MAX_TITLE or stripped.startswith((">>", "•", "*")) or _body_line(stripped):
            return None
        if stripped.isupper() and "|" in stripped:
            continue
        s = start + line.index(stripped[0])
        return s, s + len(stripped)
    return None


def _content_lines(lines: list[tuple[int, str]]):
    """(start, line, stripped, date-line match) of the non-empty head lines,
    without an official document's header; the body that goes on after a
    date stamp on its line ("date 2025-09-02 Trong giai đoạn ...") is a
    line of its own."""
    official, after_type = _is_official(lines), False
    for start, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        stamp = date_line_match(stripped) if _may_be_dated(stripped) else None
        rest = body_after_stamp(stripped, stamp) if stamp is not None else ""
        if rest:
            start, line, stripped, stamp = start + line.index(rest), rest, rest, None
        if official and not after_type:
            after_type = bool(_DOC_TYPE_LINE.match(stripped))
            if after_type or _OFFICIAL_HEAD.search(stripped) or stripped.isupper():
                continue
        yield start, line, stripped, stamp


# An official document's header: the national motto, the agency, its number
# and place-date; its title is the line after the document type.
_MOTTO = compile_regex(r"CỘNG\s+HÒA\s+XÃ\s+HỘI|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc", regex.I)
_OFFICIAL_HEAD = compile_regex(r"CỘNG\s+HÒA|CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*-\s*Tự\s+do|^Số\s*:|,\s*ngày\s+\d",
                               regex.I)
_DOC_TYPE_LINE = compile_regex(r"^(?:THÔNG\s+CÁO(?:\s+BÁO\s+CHÍ)?|BÁO\s+CÁO|KẾ\s+HOẠCH|QUYẾT\s+ĐỊNH|NGHỊ\s+QUYẾT|CHỈ\s+THỊ|THÔNG\s+BÁO|TỜ\s+TRÌNH"
                               r"|HƯỚNG\s+DẪN|CHƯƠNG\s+TRÌNH|ĐỀ\s+ÁN|CÔNG\s+VĂN|THÔNG\s+TƯ|NGHỊ\s+ĐỊNH|LUẬT)\s*\|?$")


def _is_official(lines: list[tuple[int, str]]) -> bool:
    """The text opens with an official document's header (national motto)."""
    # (the motto's "CỘNG HÒA" and "Độc lập" both hold an "ộ", in one case or
    # the other: a test of each short line before the pattern)
    return any(len(line) <= _MAX_HEAD_LINE and holds_letter(line, 0, len(line), "ộ") and _MOTTO.search(line)
               for _, line in lines)


_MAX_HEAD_LINE = 120  # a header line (motto, agency, number) is short


# Bodies whose documents and figures hold for the whole country.
CENTRAL_BODY = compile_regex(r"(?<![\p{L}])(?:Quốc\s+hội|Thủ\s+tướng(?:\s+Chính\s+phủ)?|Chính\s+phủ|Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư"
                              r"|Ban\s+Chấp\s+hành\s+Trung\s+ương|Trung\s+ương\s+Đảng|Tổng\s+Bí\s+thư|Chủ\s+tịch\s+nước"
                              r"|Ngân\s+hàng\s+Chính\s+sách\s+xã\s+hội|Mặt\s+trận\s+Tổ\s+quốc\s+Việt\s+Nam|cả\s+nước|toàn\s+quốc"
                              # a ministry ("Bộ Nông nghiệp và Môi trường"; not a province's military command,
                              # "Bộ Chỉ huy Quân sự tỉnh"), the state's treasury and bank, a body of the
                              # Centre ("Ban Dân vận Trung ương", "Trung ương Hội Nông dân Việt Nam")
                              r"|Bộ\s+(?!Chỉ\s+huy|Tư\s+lệnh)\p{Lu}\p{Ll}*(?:\s+(?:và\s+)?\p{Lu}\p{Ll}*){0,5}"
                              r"|Ủy\s+ban\s+Dân\s+tộc|(?:Kho\s+bạc|Ngân\s+hàng)\s+Nhà\s+nước(?!\s+(?:khu\s+vực|chi\s+nhánh|tỉnh|huyện|thành\s+phố|Việt))"
                              r"|(?:Ban|Ủy\s+ban|Hội\s+đồng)\s+\p{Lu}\p{Ll}*(?:\s+\p{L}+){0,4}?\s+Trung\s+ương|Trung\s+ương\s+(?:Hội|Đoàn))"
                              r"(?![\p{L}])")
# (the first words of CENTRAL_BODY's names: a stdlib scan for them finds where one may start)
_CENTRAL_OPENERS = compile_std("Quốc|Thủ|Chính|Bộ|Ban|Trung|Tổng|Chủ|Ngân|Mặt|Ủy|Kho|Hội|cả|toàn")


_CITED = compile_regex(r"(?:của|theo|với|(?:chỉ\s+tiêu|kế\s+hoạch|nhiệm\s+vụ)(?:\s+(?:do|được))?)\s+(?:(?:Bộ|Thứ)\s+trưởng\s+)?$", regex.I)  # ("của Bộ trưởng Bộ Tài chính": the issuer cited)


def national_by_default(text: str, title: Optional[tuple[int, int]], places: list[PlaceMention]) -> bool:
    """A text about central bodies' decisions that names no unit in its
    headline: what it reports holds for the whole country."""
    if title and any(title[0] <= p.start < title[1] and p.level != "quốc gia" and not p.bare for p in places):
        return False
    lead = text[: (title[1] if title else 0) + 600]
    if any(p.start < len(lead) and not p.bare and p.level != "quốc gia" for p in places):
        return False  # "Bộ Chính trị chỉ định Ban Chấp hành Đảng bộ tỉnh Gia Lai": about that unit
    # the body acts or reports; "theo Chỉ thị 42 của Thủ tướng" only cites it
    return any(not _CITED.search(lead, max(0, m.start() - 26), m.start())
               for m in finditer_found(CENTRAL_BODY, lead, _CENTRAL_OPENERS))


_VENUE = compile_regex(r"(?<![\p{L}])điểm\s+cầu\s+$", regex.I)
# "Chiều 14/12, tại thành phố A, Ban Dân vận Tỉnh ủy tổ chức hội nghị …": where a
# body holds its meeting, named before the body (the lead's time, venue, organizer)
_AT = ("tại ", "Tại ")  # (the four characters before the unit)
_HOLDS_MEETING = compile_regex(r"[^\S\n]*,[^.;:\n]{3,80}?(?<![\p{L}])tổ\s+chức\s+(?:hội\s+nghị|hội\s+thảo|tọa\s+đàm"
                               r"|lễ|buổi\s+lễ|đại\s+hội|hội\s+thi|hội\s+diễn|chương\s+trình)(?![\p{L}])", regex.I)


def not_venues(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places less those named as where an online meeting is followed
    ("dự tại điểm cầu Vĩnh Phúc") or where a body holds its meeting ("tại
    thành phố A, Ban Dân vận Tỉnh ủy tổ chức hội nghị"): a venue, not what
    the article reports."""
    return [p for p in places if not (_VENUE.search(text, max(0, p.start - 12), p.start)
                                      or (text[p.start - 4:p.start] in _AT and p.start >= 4
                                          and _HOLDS_MEETING.match(text, p.end, p.end + 120)))]


def main_place(places: list[PlaceMention], title: Optional[tuple[int, int]], lead_end: int,
               posts: list[tuple[int, int]] = (), text: str = "",
               site: list[PlaceMention] = ()) -> Optional[PlaceMention]:
    """The unit the article is mainly about: named in the headline (not in
    a person's post there, ``posts`` being the spans of people's roles;
    a headline may name it without its level word, the body with it),
    else the unit named most often (the first in the lead breaks ties), if
    named at least twice or in the lead.  ``text``: the article; ``site``:
    the units of the site's lines above the headline (left out of
    ``places``), which a bare level word in the headline may refer to."""
    # ("bằng 52% bình quân cả nước": the country's average, compared with, names no place of the article)
    named = [p for p in places if p.name and not p.foreign
             and not (p.level == "quốc gia" and text and average_compared(text, p.start))]
    if not named:
        return None
    if title:
        in_title = [p for p in named if title[0] <= p.start < title[1]
                    and not any(s <= p.start < e for s, e in posts)]
        if not in_title and text:
            # "Thăng Bình đẩy mạnh …" over "Huyện Thăng Bình có …"
            in_title = [p for p in named if p.level != "quốc gia" and _written_in(text, title, p.name)]
        if in_title:
            # the most specific unit; among equals, the one the text names most
            often = Counter((p.name, p.level) for p in named)
            best = min(in_title, key=lambda p: (_rank_of(p), -often[(p.name, p.level)]))
            # "Bảo Lạc, Bảo Lâm vẫn là “lõi nghèo”": units the headline lists side by side, the
            # smallest unit that holds them all (FACTS.md: a total over several units)
            first = min((p for p in in_title if _rank_of(p) == _rank_of(best)), key=lambda p: p.start)
            return _holding_all(_listed_with(text, in_title, first), named) or best
        # "toàn tỉnh có thêm 6 xã" in the headline: the article is about the province
        # ("Nhiều tỉnh miền núi …", "các xã": several units, none of them the article's)
        bare = [p for p in places if p.bare and not p.several and title[0] <= p.start < title[1]]
        # ("Kỳ họp thứ 32 của Ủy ban Kiểm tra Tỉnh ủy": a party committee without a name is
        # the one of the unit of its level the article is about)
        committee = None if bare or not text else _NAMELESS_COMMITTEE.search(text, title[0], title[1])
        if bare or committee:
            level = bare[0].level if bare else _COMMITTEE_LEVELS[committee.group(1).lower()]
            of_level = [p for p in named if p.level == level or (level == "tỉnh" and p.level == "thành phố")]
            # ("Mặt trận tỉnh phân bổ …" under "TRUYỀN HÌNH QUẢNG BÌNH": the unit the site serves)
            of_level = of_level or [p for p in site if p.name and p.level == level]
            if of_level:
                counts_level = Counter((p.name, p.level) for p in of_level)
                return max(of_level, key=lambda p: (counts_level[(p.name, p.level)], -p.start))
    if site and title:
        # "các cấp Hội trong tỉnh đã vận động …" under "HỘI CHỮ THẬP ĐỎ TỈNH BẾN TRE": a lead that
        # names no unit and calls one by its level word alone is about the site's unit of that level
        lead = [p for p in places if title[1] <= p.start < lead_end]
        levels = {p.level for p in lead if p.bare and not p.several}
        if levels and not any(p.name for p in lead):
            of_site = [p for p in site if p.level in levels]
            if of_site:
                return of_site[0]
    if title and text:
        # "Lai Châu, Điện Biên và Sơn La đã hoàn thành …": a headline with no unit over a lead
        # that opens with a list of units is about them together
        first = next((p for p in named if title[1] <= p.start < lead_end and p.level != "quốc gia"), None)
        together = _holding_all(_listed_with(text, named, first), named) if first else None
        if together is not None:
            return together
    national = [p for p in named if p.level == "quốc gia"]
    sub = [p for p in named if p.level != "quốc gia"]
    provinces = Counter(p.province or p.name for p in sub if p.province or p.level == "tỉnh")
    # a text about the whole country: it says "cả nước" and names no unit
    # twice, or it names many provinces, none of them most of the time
    if national and not any(n >= 2 for n in Counter((p.name, p.level) for p in sub).values()):
        return national[0]
    if len(provinces) >= 4 and provinces.most_common(1)[0][1] < 0.4 * sum(provinces.values()):
        return national[0] if national else PlaceMention(0, 0, "quốc gia", "Việt Nam", None, None, written=False)
    spread = _province_of_spread_districts(sub)
    if spread is not None:
        return spread
    counts = Counter((p.name, p.level) for p in named)
    if max(counts.values()) < 2:
        # a unit named once, and else called by its level word only
        counts += _bare_references(places, named)
    # an article about a district names its province too, usually more
    # often: a lower unit named often enough is the better answer
    best = max(named, key=lambda p: (counts[(p.name, p.level)] * _WEIGHT.get(p.level, 1.0), p.start < lead_end, -p.start))
    if best.level == "tỉnh":
        # the lead names the one lower unit of that province the article is about
        lead = {(p.name, p.level): p for p in sub if p.start < lead_end and p.level != "tỉnh"}
        if len(lead) == 1:
            unit = next(iter(lead.values()))
            # named again and referred to by its level word ("trên địa bàn huyện") more than once
            if (unit.province == best.province and counts[(unit.name, unit.level)] >= 2
                    and _referred_back(places, unit) >= 2):
                return unit
    if LEVEL_RANK.get(best.level) == 1 and text:
        # "bản Sin Chải, xã Tả Ngảo (Sìn Hồ)" in the lead: the chain's head, a village of that commune
        # named as often as the commune, is the unit the article is about
        best = _village_of_lead_chain(text, named, best, lead_end, counts) or best
    # (a unit named once in the lead as one of a list, "ở các huyện A, B", is no main unit)
    if counts[(best.name, best.level)] >= 2 or (best.start < lead_end and not best.several):
        return best
    return None


_CHAIN_GAP = compile_regex(r"[^\S\n]*,[^\S\n]*")


def _village_of_lead_chain(text: str, named: list[PlaceMention], unit: PlaceMention, lead_end: int,
                           counts: Counter) -> Optional[PlaceMention]:
    """A village-level unit that heads an address chain in the lead right
    before ``unit`` ("bản A, xã B") and is named again, at least as often
    as ``unit`` (a village named once, in a person's address, is not what
    the article is about)."""
    ordered = sorted(named, key=lambda p: p.start)
    for p, q in zip(ordered, ordered[1:]):
        if q.start >= lead_end:
            break
        if ((q.name, q.level) == (unit.name, unit.level) and LEVEL_RANK.get(p.level) == 0 and p.name
                and _CHAIN_GAP.fullmatch(text, p.end, q.start) and counts[(p.name, p.level)] >= max(2, counts[(q.name, q.level)])):
            return p
    return None


# "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Thị ủy" not followed by a unit's name
_NAMELESS_COMMITTEE = compile_regex(r"(?<![\p{L}])(tỉnh|huyện|thành|thị)\s+[ủu][ỷy](?![\p{L}])(?!\s+\p{Lu})", regex.I)
_COMMITTEE_LEVELS = {"tỉnh": "tỉnh", "huyện": "huyện", "thành": "thành phố", "thị": "thị xã"}


_LIST_JOIN = compile_regex(r"[^\S\n]*(?:,|và|,[^\S\n]*và)[^\S\n]*")


def _listed_with(text: str, places: list[PlaceMention], first: PlaceMention) -> list[PlaceMention]:
    """``first`` and the units of ``places`` listed right after it ("A, B
    và C"), each of the same level class, when more than one is listed."""
    out = [first]
    for p in sorted(places, key=lambda p: p.start):
        if p.start <= out[-1].start:
            continue
        if (level_class(p.level) != level_class(first.level) or p.name == out[-1].name
                or not _LIST_JOIN.fullmatch(text, out[-1].end, p.start)):
            break
        out.append(p)
    return out if len(out) > 1 else []


def _holding_all(units: list[PlaceMention], named: list[PlaceMention]) -> Optional[PlaceMention]:
    """The smallest unit holding all ``units`` (two or more of one level):
    their province as the text names it, or the country when they lie in
    several provinces; None when there is no telling."""
    if not units:
        return None
    provinces = {p.province or (p.name if level_class(p.level) == "tỉnh" else None) for p in units}
    if None in provinces:
        return None
    if len(provinces) > 1:
        return next((p for p in named if p.level == "quốc gia" and not p.foreign),
                    PlaceMention(0, 0, "quốc gia", "Việt Nam", None, None, written=False))
    province = provinces.pop()
    if level_class(units[0].level) == "tỉnh":
        return None
    return next((p for p in named if level_class(p.level) == "tỉnh" and p.name == province and not p.bare), None)


def _written_in(text: str, span: tuple[int, int], name: str) -> bool:
    """``name`` stands as whole words in ``text[span[0]:span[1]]``."""
    i = text.find(name, span[0], span[1])
    return (i >= 0 and not (i > 0 and text[i - 1].isalpha())
            and not (i + len(name) < len(text) and text[i + len(name)].isalpha()))


def _province_of_spread_districts(sub: list[PlaceMention]) -> Optional[PlaceMention]:
    """A digest of many districts of one province, none named most of the
    time: the article is about the province."""
    named = [p for p in sub if level_class(p.level) == "huyện"]
    districts = Counter((p.name, p.level) for p in named)
    provinces = {p.province for p in named}
    if len(districts) < 4 or len(provinces) != 1 or None in provinces:
        return None
    if districts.most_common(1)[0][1] >= 0.4 * sum(districts.values()):
        return None
    province = provinces.pop()
    return PlaceMention(0, 0, "tỉnh", province, province, None, written=False)


def _bare_references(places: list[PlaceMention], named: list[PlaceMention]) -> Counter:
    """"toàn huyện", "Huyện" without a name, counted for the one unit of
    that level the text names: an article about a district may name it
    once and else say "huyện"."""
    units: dict[str, set] = {}
    for p in named:
        units.setdefault(level_class(p.level), set()).add((p.name, p.level))
    out = Counter()
    for p in places:
        if p.bare and not p.several and len(units.get(level_class(p.level), ())) == 1:
            out[next(iter(units[level_class(p.level)]))] += 1
    return out


def _referred_back(places: list[PlaceMention], unit: PlaceMention) -> int:
    """How often a bare level word ("huyện", "toàn huyện") refers to ``unit``:
    the last unit of that level named before it."""
    cls, last, n = level_class(unit.level), None, 0
    for p in places:
        if p.name and not p.bare and level_class(p.level) == cls:
            last = (p.name, p.level)
        elif p.bare and not p.several and level_class(p.level) == cls and last == (unit.name, unit.level):
            n += 1
    return n


_WEIGHT = {"huyện": 2.0, "quận": 2.0, "thị xã": 2.0, "thành phố": 1.2, "xã": 1.5, "phường": 1.5, "thị trấn": 1.5}


def _rank_of(p: PlaceMention) -> int:
    """A unit's rank; a centrally governed city ("TP HCM") ranks as a province."""
    if p.level == "thành phố" and p.province and p.name == p.province:
        return _rank("tỉnh")
    return _rank(p.level)


def _rank(level: str) -> int:
    order = ["xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh", "quốc gia"]
    return order.index(level) if level in order else 0


# the day the 2025 administrative map took effect (34 provinces, no districts)
_MERGER_DAY = "2025-07-01"


def after_merger(published: Optional[str]) -> bool:
    """The article dates from the 2025 map's time: a unit's name then means
    the unit of that map first (FACTS.md: the province as named at the time
    of the article)."""
    return bool(published) and published >= _MERGER_DAY

