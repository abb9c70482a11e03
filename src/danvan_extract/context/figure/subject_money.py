"""The subject of an amount of money: what it pays for, funds or sums
("tổng kinh phí", "hỗ trợ … cho"), the holder of a sum, a gift.
"""

from __future__ import annotations

from typing import Optional

import regex

from ..subjects.vocabulary import CLASSIFIERS, MAX_RATE_WORDS, MAX_WORDS
from ..subjects.edges import stripped
from ..subjects.verbs import SUPPORT_VERB, TENSE_WORDS, before_predicate, states_figure
from ..subjects.rightward import list_end, right_phrase, size_before
from ..subjects.leftward import left_phrase
from ..subjects.money import (drop_generic_head, generic_sum, money_noun_after, names_sum, priced_item, sum_names,
                              support_verb)
from ...extractors.base.matching import last_match
from ...grammar.lazy import deferred, settle
from ...grammar.levels import VIETNAMESE_CLASSED, written_pattern
from .clauses import (CLAUSE_BREAK, DIGIT, SUM_THEN_WORDS, TIMES_THEN_LEVEL, WINDOW, last_break,
                      plain_clause_start)
from .period import SENTENCE_STOP
from .place import LIST_GAP
from .subject_count import CHANGE_ONLY, FIGURE_HEAD, gift_before, topic_before, yielded_name
from .subject_labels import person_agent


def level_after_factor(text, c, s_start, holes) -> list:
    """"thu nhập bình quân đầu người tăng 1,6 lần, đạt 52 triệu đồng", "Số hộ
    được hỗ trợ tăng gấp 2 lần so với năm trước, lên 840 hộ": the level after
    a change written as a factor (no figure of its own, so no figure before
    the level to follow) is of what changed, the noun phrase before the
    change; [] when there is none."""
    times = TIMES_THEN_LEVEL.search(text, max(s_start, c.start - 90), c.start)
    if not times:
        return []
    return left_phrase(text, plain_clause_start(text, s_start, times.start()), times.start(), holes)


def _sum_across_comma(text: str, s_start: int, clause_start: int) -> bool:
    """The sentence opens with a sum's name ("Tổng kinh phí", "Giá trị", "Số
    tiền") whose phrase runs up to the comma before ``clause_start`` with no
    figure and no stating verb ("Tổng kinh phí bồi thường, hỗ trợ là …",
    "Tổng giá trị các công trình, phần việc …"): the comma joins its items."""
    if clause_start <= s_start or clause_start - s_start > 80 or not text[s_start:clause_start].rstrip().endswith(","):
        return False  # (the cheap tests first)
    m = SUM_THEN_WORDS.match(text, s_start, clause_start)
    return m is not None and bool(m.group("words").strip()) and not states_figure(text, *m.span("words"))
# a generic name of a sum right before the amount ("trị giá", "với tổng kinh phí"), or "với"
# (a kind of capital, "vốn đăng ký", names its sum alone: generic only as a total, "tổng vốn đăng ký")
_OF_PREVIOUS = deferred(lambda: rf"(?:(?:với\s+)?(?:tổng\s+(?:số\s+)?(?:{sum_names()})|(?!vốn)(?:{sum_names()}))|với)"
                        r"\s*(?:là|hơn|trên|gần|khoảng|ước)?\s*$", regex.I)
# (a number's grouping dot is no stop: "… cho 1.200 hộ đồng bào …")
# (a verb of building or buying right after the amount is its purpose without "để":
# "huy động 78 tỷ đồng xây dựng nông thôn mới")
# ("huy động 35 tỷ đồng từ xã hội hóa để làm đường": the source before the purpose is passed over)
_PURPOSE = deferred(r"\s*(?:từ[^\S\n]+[^\n,.;:()\d]{1,40}?[^\S\n]+(?=(?:để|nhằm)[^\S\n]))?"
                    r"(?P<link>để|nhằm|dành\s+cho|cho|ủng\s+hộ|hỗ\s+trợ"
                    r"|đầu\s+tư|xây\s+dựng|xây\s+mới|sửa\s+chữa|nâng\s+cấp|mua\s+sắm|mua|tặng\s+quà"
                    # ("góp 620 triệu đồng làm 3 cầu treo": a count of what is built stays, its number dropped)
                    r"|(?:làm|xây)(?=\s+(?:\d[\d.]*\s+)?(?:căn\s+)?(?:nhà|đường|cầu|trường|phòng|bể|giếng)(?![\p{L}])))\s+"
                    r"(?P<what>(?:[^\n,.;:()]|(?<=\d)[.,](?=\d)){1,80})", regex.I)
_WITH_VALUE = deferred(r"(?<![\p{L}])với\s+(?:(?:tổng\s+)?giá\s+trị|kinh\s+phí)\s*(?:(?:là|khoảng|trên|hơn|gần|ước)\s*)?$", regex.I)
_A_LETTER = deferred(r"\p{L}")
# the links of _PURPOSE that give the money ("ủng hộ đồng bào bị thiên tai")
_GIVING_LINKS = frozenset({"ủng hộ", "hỗ trợ"})
# the verb that gives a counted recipient its money ("cho vay 1.200 hộ nghèo với số tiền ...")
_GIVEN_TO = deferred(r"(?<![\p{L}])(?P<verb>cho\s+vay|hỗ\s+trợ|trợ\s+cấp|tặng\s+quà|tặng|trao\s+tặng)"
                          r"(?:\s+(?:cho|đối\s+với))?\s*(?:(?:khoảng|trên|hơn|gần)\s+)?$", regex.I)
# the verb that gives, takes or trades land, right before its area
_LAND_GIVEN = deferred(r"(?<![\p{L}])(?P<verb>hiến\s+tặng|hiến|tặng|giao|thu\s+hồi|chuyển\s+nhượng|mua|bán)"
                       r"(?:\s+(?:khoảng|trên|hơn|gần))?\s*$", regex.I)
_AND_BEFORE = deferred(r"[^\S\n]*(?:,[^\S\n]*)?và[^\S\n]+(?:(?:khoảng|trên|hơn|gần)[^\S\n]+)?", regex.I)
_COPULA = deferred(r"(?<![\p{L}])là\s*$", regex.I)


def money_subject(text, c, clause_start, clause_end, holes, prior, subject_of, s_start, label) -> list:
    """What an amount is paid, raised, lent or earned for: the item it
    prices ("2 căn nhà (70 triệu đồng/căn)", "34 căn nhà, trị giá 1,8 tỷ
    đồng"), the verb and its purpose ("hỗ trợ 137 tỷ đồng để đầu tư ..." →
    "hỗ trợ để đầu tư ..."), else the noun phrase before it."""
    if prior is not None and CHANGE_ONLY.search(text, max(s_start, c.start - 30), c.start) and subject_of.get(id(prior)):
        return subject_of[id(prior)]  # "..., tăng 1,5 triệu đồng so với năm 2020": the same quantity
    bracket = text.rfind("(", max(s_start, c.start - 4), c.start)
    limit = clause_end if clause_end > c.end else c.end + 100
    item = priced_item(text, s_start, c.start, c.fields.get("per")) if bracket >= 0 else None
    # (from the mark that opens the clause)
    each = (_EACH_ITEM.search(text, max(s_start, clause_start - 3, c.start - 30), c.start)
            if not item and "ỗ" in text[clause_start:c.start] else None)
    if each and each.group("holds"):
        # "mỗi suất gồm 1 triệu đồng tiền mặt và …": a part of each, named after the amount
        named = money_noun_after(text, c.end, limit)
        if named:
            return [named]
    if each:
        # "200 suất quà, mỗi suất 500.000 đồng": the price of each item counted before, as "500.000 đồng/suất";
        # else "… được hỗ trợ tiền ăn, mỗi em 936.000 đồng": each one's share of what the clause before gives
        item = (priced_item(text, s_start, each.start(), each.group("per"))
                or _named_item(each) or _given_before(text, s_start, each.start()))
    named = item or money_noun_after(text, c.end, limit)
    if named:
        return [named]
    of_previous = _OF_PREVIOUS.search(text, max(s_start, c.start - 40), c.start) if bracket < 0 else None
    if of_previous and prior is not None and "giá" in of_previous.group():
        gift = gift_before(text, s_start, prior.start, holes)
        if gift:
            return [gift]
    if (prior is not None and of_previous and prior.type == "area" and "giá" in of_previous.group()
            and subject_of.get(id(prior)) and not DIGIT.search(text, prior.end, of_previous.start())):
        # "hiến 1.500 m2 đất, trị giá khoảng 300 triệu đồng" → "hiến đất": the value of the land given, with its verb
        given = _LAND_GIVEN.search(text, max(s_start, prior.start - 20), prior.start)
        return ([given.span("verb")] if given else []) + subject_of[id(prior)]
    if prior is not None and (bracket >= 0 or of_previous):
        if prior.type in ("count", "ratio"):
            head = FIGURE_HEAD.match(text, prior.start, prior.end)
            start = head.end() if head else prior.start
            if start < prior.end:
                if bracket >= 0 or not subject_of.get(id(prior)):
                    return [(start, prior.end)]
                # "cho vay 1.200 hộ nghèo với số tiền 45 tỷ đồng" → "cho vay hộ nghèo"
                given = _GIVEN_TO.search(text, max(s_start, prior.start - 30), prior.start)
                return ([given.span("verb")] if given else []) + subject_of[id(prior)]
    value_of = _WITH_VALUE.search(text, max(clause_start, c.start - 30), c.start) if of_previous else None
    if (value_of and (prior is None or prior.end <= clause_start)
            and _measure_before(text, s_start, of_previous.start(), holes) is None):  # (a measured sum: below)
        # "Ngân sách tỉnh hỗ trợ xi măng với giá trị 1,1 tỷ đồng", "xã làm nhà văn hóa với kinh phí 4,6 tỷ đồng":
        # the value or cost of what the clause gives or builds (a generic word for a sum, as "trị giá", is no subject)
        given = left_phrase(text, clause_start, value_of.start(), holes, max_words=MAX_RATE_WORDS)
        if given:
            return given
    # "Tổng kinh phí bồi thường, hỗ trợ là 86 tỷ đồng": a comma inside the sum's own phrase (as long as a rate's)
    pieces = (left_phrase(text, s_start, c.start, holes, max_words=MAX_RATE_WORDS)
              if _sum_across_comma(text, s_start, clause_start) else left_phrase(text, clause_start, c.start, holes))
    after_figure = clause_start > s_start and not CLAUSE_BREAK.match(text, clause_start - 1)
    if after_figure and (not pieces or _COPULA.search(text, max(clause_start, c.start - 8), c.start)):
        # "định mức hỗ trợ 1 nhà ở là 50 triệu đồng": the noun phrase before "là"
        # reaches back past a figure inside it
        pieces = left_phrase(text, plain_clause_start(text, s_start, c.start), c.start, holes)
    pieces = _holder_of_sum(text, clause_start, c.start, holes) or drop_generic_head(text, pieces)
    pieces = yielded_name(text, pieces)
    person = person_agent(text, pieces)
    pieces = person or pieces
    if (prior is not None and prior.type in ("area", "count") and pieces and pieces[0][0] >= prior.end
            and _AND_BEFORE.fullmatch(text, pieces[-1][1], c.start)):
        # "trả lại cho công dân 1.250 m2 đất và 86,4 triệu đồng": the noun is the land's; the amount
        # listed after it shares the verb (of giving land: "hiến 240 m2 đất và 70 triệu đồng" → "hiến")
        given = _LAND_GIVEN.search(text, max(s_start, prior.start - 20), prior.start)
        verb = given.span("verb") if given else support_verb(
            text, left_phrase(text, plain_clause_start(text, s_start, prior.start), prior.start, holes))
        pieces = [verb] if verb else []
    pieces = _priced_before(text, clause_start, holes, pieces)
    measured = (_measure_before(text, s_start, of_previous.start(), holes)
                if of_previous and not prior and (not pieces or _GENERIC_SUM.fullmatch(text, pieces[0][0], pieces[-1][1]))
                else None)
    if measured is not None:
        # "Các tuyến đường … có tổng chiều dài 45 km với kinh phí 22 tỷ đồng", "… là 45 km, với tổng kinh phí
        # 28 tỷ đồng": a sum named only generically right after a measure is the sum of what was measured
        topic = topic_before(text, s_start, measured, holes)
        if topic:
            return topic
    purpose = _PURPOSE.match(text, c.end, limit)
    # "để phát triển kinh tế, xã hội vùng ...": a list of nouns goes on past the comma
    what_end = list_end(text, purpose.start("what"), purpose.end("what"), limit) if purpose else 0
    if purpose:
        what_end = _before_next_amount(text, purpose.start("what"), what_end)
        if not _A_LETTER.search(text, purpose.start("what"), what_end):
            purpose = None  # "chi trả 820 tỷ đồng cho 1,26 triệu lượt …": a link to another figure, no purpose
    if purpose:
        shared = _shared_verb(text, c, prior, subject_of)
        if shared is not None:
            return shared + _without_numbers(text, purpose.start("link"), what_end, holes)
    verb = support_verb(text, _unlimited(text, clause_start, c.start, holes, pieces))
    if verb and purpose:
        return [verb] + _without_numbers(text, purpose.start("link"), what_end, holes)
    if verb:
        return [verb]
    if purpose and support_verb(text, pieces, any_head=True):
        # "Ngân sách tỉnh chi 120 tỷ đồng cho giáo dục": the fund's verb and its purpose
        return pieces + _without_numbers(text, purpose.start("link"), what_end, holes)
    link = " ".join(purpose.group("link").lower().split()) if purpose else ""
    if link in _GIVING_LINKS:
        # "tiếp nhận 2,1 tỷ đồng ủng hộ đồng bào bị thiên tai": what the money is given for
        given = _without_numbers(text, purpose.start("link"), what_end, holes)
        return (pieces if pieces and names_sum(text, pieces) else []) + given
    if pieces:
        # "Chị … được vay 50 triệu đồng để nuôi lợn" → "được vay để nuôi lợn"
        return pieces + (_without_numbers(text, purpose.start("link"), what_end, holes) if person and purpose else [])
    if purpose:
        # ("650 tỷ đồng cho vay ưu đãi hộ nghèo": "cho vay" is the verb "lend", its "cho" no link)
        w = purpose.start("what")
        lends = link == "cho" and text[w:w + 3].lower() == "vay" and not text[w + 3:w + 4].isalpha()
        # ("làm đường", "xây nhà", "xây dựng trường học", "đầu tư hạ tầng": a verb of building or investing with
        # its object is the purpose, the verb kept; only a preposition ("để", "nhằm", "cho") is left out)
        keep_link = lends or link not in _PURPOSE_PREPOSITIONS
        purpose_pieces = _without_numbers(text, purpose.start("link") if keep_link else w, what_end, holes)
        listed = _listed_verb(text, c, prior, s_start, holes) if not label else None
        # ("đóng góp … 1.500 ngày công, 2,3 tỷ đồng làm đường": the verb shared with the figure listed before)
        return ([listed] if listed else []) + purpose_pieces
    passive = _PASSIVE.match(text, c.end, limit) if not pieces and not label else None
    if passive:
        # "Gần 50 tỷ đồng được bố trí để xây dựng trường học": an amount that opens its clause is what the verb
        # after "được" does with it
        used = _used_for(text, passive.end(), limit, holes)
        if used:
            return used
    by_agent = _BY_AGENT.match(text, c.end, limit) if not pieces and not label and not passive else None
    if by_agent:
        # "Số tiền còn lại khoảng 700 triệu đồng do nhân dân tự nguyện đóng góp": who gives it and the giving
        # verb (a "do" that gives a cause, "do giá giảm", has no verb of giving)
        given = right_phrase(text, by_agent.end(), limit)
        tense = _TENSE_INSIDE.search(text, *given) if given else None
        # ("… do các nhà hảo tâm ủng hộ đã được trao cho 50 hộ": the next predicate's tense word ends the agent's clause)
        given = (given[0], tense.start()) if tense else given
        if SUPPORT_VERB.search(text, *given):
            return [given]
    changed = level_after_factor(text, c, s_start, holes) if not pieces and not label else []
    if changed:
        return changed
    level = prior is not None and prior.type == "percentage" and _LEVEL_ONLY.fullmatch(text, prior.end, c.start)
    if level and level.group("left") and not _DECREASE_BEFORE.search(text, max(s_start, prior.start - 30), prior.start):
        level = None  # ("…, còn …" is the level left only after a decrease: "giảm 0,05%, còn 380 triệu đồng")
    if level and (level.group("verb") or _APPROX_AT.match(text, c.start)):
        # "Kim ngạch xuất khẩu tăng 15% so với cùng kỳ, đạt 320 triệu USD": the level of what changed
        return subject_of.get(id(prior)) or []
    if not pieces and not prior and _WITH_SUM.match(text, s_start, c.start):
        # "Với tổng kinh phí 12 tỷ đồng, công trình gồm …": the sum of what the sentence goes on about
        comma = CLAUSE_BREAK.search(text, c.end, c.end + 4)
        holder = right_phrase(text, comma.end() + 1, limit + WINDOW) if comma and comma.group() == "," else None
        if holder:
            return [before_predicate(text, holder)]
    if (not pieces and of_previous and clause_start > s_start
            and not text[clause_start:of_previous.start()].strip(" ,")):
        if not prior:
            # "Xây dựng 12 km đường bê tông, tổng kinh phí 18 tỷ đồng": the sum of what the clause before builds
            return topic_before(text, s_start, clause_start, holes)
        if prior.type == "percentage" and prior.start >= plain_clause_start(text, s_start, clause_start - 1):
            # "Tỉnh hỗ trợ 50% lãi suất tiền vay cho các hợp tác xã, tổng số tiền 1,2 tỷ đồng": the sum the
            # clause before gives as a share, that clause without its share
            given = left_phrase(text, plain_clause_start(text, s_start, clause_start - 1), clause_start - 1, holes,
                                max_words=MAX_RATE_WORDS)
            if given and SUPPORT_VERB.search(text, given[0][0], given[-1][1]):
                return given  # (only a share given: "giải ngân đạt 85% kế hoạch, tổng số vốn …" is no share given)
    if (not label and prior is not None and prior.type == "money" and subject_of.get(id(prior))
            and (bracket >= 0 or not SENTENCE_STOP.search(text, prior.end, c.start)
                 or _SUM_ONLY.fullmatch(text, clause_start, c.start)
                 or _PART_ONLY.fullmatch(text, clause_start, c.start)
                 # ("…; năm 2025: 56 triệu đồng/người": the clause opens after the time's colon)
                 or clause_start > prior.end and _PART_ONLY.fullmatch(text, prior.end, c.start))):
        # "đạt 32 triệu đồng, thấp hơn bình quân chung toàn huyện (38 triệu đồng)",
        # "… của huyện đạt 32 triệu đồng, của xã A đạt 28 triệu đồng": an amount whose
        # clause names no quantity of its own measures the one before it
        return subject_of[id(prior)]
    shared = _item_after_semicolon(text, c, prior, subject_of, clause_end, holes) if not pieces else None
    if shared:
        # "hỗ trợ 30 triệu đồng/người cho …; 5 triệu đồng/hộ có nhà bị ngập sâu …": a list's later
        # item opened by its amount takes the list's verb and its own words
        return shared
    if not label:
        # "ủng hộ 500 kg gạo và 20 triệu đồng", "giúp nhau 320 ngày công, 150 triệu đồng": an amount
        # listed after another figure with no words of its own shares that figure's verb
        verb = _listed_verb(text, c, prior, s_start, holes)
        return [verb] if verb else []
    # ("Số tiền: 45.000.000 VNĐ": a generic name of a sum as the line's label says nothing of it)
    return [] if generic_sum(text, label) else [label]
_GENERIC_SUM = deferred(lambda: rf"(?:tổng\s+(?:số\s+)?)?(?:{sum_names()})", regex.I)
# (the measure's own noun, then a comma or "với": "24 km đường với kinh phí …")
_WITH_GAP = deferred(r"(?P<noun>[^\d,;.:()\n]{0,40}?)[^\S\n]*(?:,[^\S\n]*)?(?:(?<![\p{L}])với[^\S\n]+)?", regex.I)


def _measure_before(text, s_start: int, pos: int, holes) -> Optional[int]:
    """Where the words before ``pos`` that are about a measure end (the
    measure and its noun, before a comma or "với"), when the figure of the
    sentence right before ``pos`` is a measure (no graded figure: those are
    the prior); else None."""
    for hs, he in reversed(holes):
        if he <= pos:
            gap = _WITH_GAP.fullmatch(text, he, pos) if hs > s_start and text[hs].isdigit() else None
            return gap.end("noun") if gap else None
    return None


# a price's word alone ("giá", "mức giá", "giá bán") after the verb that gives it ("có", "với", "ở")
_PRICE_ONLY = deferred(r"(?:mức\s+)?giá(?:\s+(?:bán|mua|thu\s+mua|thuê))?", regex.I)
_PRICE_VERB = deferred(r"(?<![\p{L}])(?:có|với|ở)\s+$", regex.I)


def _priced_before(text, clause_start, holes, pieces) -> list:
    """"Mỗi cây sâm giống có giá 150 nghìn đồng/cây" → "cây sâm giống giá":
    a price's word alone after "có"/"với" is the price of the noun phrase
    before that verb, which joins it; ``pieces`` unchanged otherwise."""
    if len(pieces) != 1 or not _PRICE_ONLY.fullmatch(text, *pieces[0]):
        return pieces
    verb = _PRICE_VERB.search(text, max(clause_start, pieces[0][0] - 8), pieces[0][0])
    item = left_phrase(text, clause_start, verb.start(), holes) if verb else []
    return item + pieces


_BUILDING_LINKS = frozenset({"làm", "xây"})
# "… đồng (đã) được trao …", "… đồng được Công ty trao …": the passive after an amount
# ("5 tỷ đã giải ngân": the passive's "được" left out after a tense word)
_PASSIVE = deferred(r"[^\S\n]+(?=(?:đã|sẽ|vừa|được)[^\S\n])(?:(?:đã|sẽ|vừa|đang|cũng|đều)[^\S\n]+)*(?:được[^\S\n]+)?(?=\p{L})",
                    regex.I)

_TENSE_INSIDE = deferred(rf"[^\S\n]+(?:{TENSE_WORDS})(?![\p{{L}}])", regex.I)
# "… đồng do nhân dân đóng góp": the agent of the passive after an amount
_BY_AGENT = deferred(r"[^\S\n]+do[^\S\n]+(?=\p{L})", regex.I)


def _used_for(text, start, limit, holes) -> list:
    """The verb phrase after the passive's "được" that says what an amount is
    used for ("bố trí để xây dựng trường học vùng cao", "trao cho Quỹ khuyến
    học"), its purpose after the phrase included; [] when none."""
    phrase = right_phrase(text, start, limit)
    if phrase is None:
        return []
    purpose = _PURPOSE.match(text, phrase[1], limit)
    if purpose and purpose.group("link").lower() in _PURPOSE_PREPOSITIONS:
        what_end = _before_next_amount(text, purpose.start("what"), purpose.end("what"))
        return [phrase] + _without_numbers(text, purpose.start("link"), what_end, holes)
    return [phrase]
_PURPOSE_PREPOSITIONS = frozenset({"để", "nhằm", "cho"})


def _listed_verb(text, c, prior, s_start, holes) -> Optional[tuple[int, int]]:
    """The verb of giving of the figure listed right before the amount ``c``
    (not an amount: "giúp nhau 320 ngày công, 150 triệu đồng" → "giúp"), or None."""
    if prior is None or prior.type == "money" or not LIST_GAP.fullmatch(text, prior.end, c.start):
        return None
    return support_verb(text, left_phrase(text, plain_clause_start(text, s_start, prior.start),
                                                            prior.start, holes))


def _unlimited(text, clause_start, pos, holes, pieces) -> list:
    """The noun phrase before ``pos`` read further back than the window when
    ``pieces`` fill it ("ngân hàng giải ngân cho vay nước sạch và vệ sinh môi
    trường nông thôn": the verb that opens its last words)."""
    if not pieces or sum(text.count(" ", s, e) + 1 for s, e in pieces) < MAX_WORDS:
        return pieces  # (fewer words than the window holds: read whole; a count of spaces tells)
    return left_phrase(text, clause_start, pos, holes, max_words=MAX_RATE_WORDS)


# "… có tổng mức đầu tư 18 tỷ đồng": a generic name of a sum after the verb that gives it its holder
# ("Dự án nhà máy may có vốn đầu tư 15 triệu USD": the investment's generic name without "tổng" too)
_HAS_SUM = deferred(r"(?<![\p{L}])có[^\S\n]+(?:tổng[^\S\n]+(?:(?:số|nguồn)[^\S\n]+)?(?:vốn|kinh[^\S\n]+phí|tiền|mức[^\S\n]+đầu[^\S\n]+tư)"
                    r"|số[^\S\n]+tiền|vốn[^\S\n]+đầu[^\S\n]+tư|mức[^\S\n]+đầu[^\S\n]+tư)(?:[^\S\n]+(?:đầu[^\S\n]+tư|đăng[^\S\n]+ký))?"
                    r"(?:[^\S\n]+(?:là|khoảng|trên|hơn|gần|ước|dự\s+kiến))*[^\S\n]*$", regex.I)


def _holder_of_sum(text, clause_start, pos, holes) -> list:
    """"Dự án xây dựng cầu dân sinh có tổng mức đầu tư 18 tỷ đồng" → "Dự án
    xây dựng cầu dân sinh": a sum named only generically is the sum of what
    has it (FACTS.md: "tổng kinh phí", "tổng số tiền" never are a subject)."""
    lo = max(clause_start, pos - 40)
    low = text[lo:pos].lower()
    if "có " not in low or "tổng" not in low and "tiền" not in low and "đầu tư" not in low:
        return []  # (the cheap test first)
    has = _HAS_SUM.search(text, lo, pos)
    return left_phrase(text, clause_start, has.start(), holes) if has else []


# "…; tổng kinh phí 1,5 tỷ đồng": a clause that names only a sum is the sum of the amounts before it
# "…, đạt 320 triệu USD" after a change: the new level, with no words of its own
# ("…, tương đương 56 tỷ đồng", "(tương ứng 25 tỷ đồng)" after a share, or after "45% tổng kinh phí": the same
# quantity in money; "…, khoảng 48 tỷ đồng": the estimate's word opens the amount's span, _APPROX_AT)
# ("Đã chi trả 96% số tiền bồi thường, tương đương 120 tỷ đồng": any base of the share, no figure in it)
_LEVEL_ONLY = deferred(r"[^\S\n]*(?:[^,;.\d\n]{0,40})?[,(][^\S\n]*(?P<verb>(?:(?:ước[^\S\n]+)?(?:đạt|lên|ở[^\S\n]+mức)|(?P<left>còn)(?![^\S\n]+lại)"
                       r"|tương[^\S\n]+(?:đương|ứng)(?:[^\S\n]+với)?)(?:[^\S\n]+(?:khoảng|trên|hơn|gần))?[^\S\n]*)?", regex.I)
_DECREASE_BEFORE = deferred(r"(?<![\p{L}])giảm(?![\p{L}])", regex.I)
_APPROX_AT = deferred(r"(?:khoảng|xấp[^\S\n]+xỉ|ước|chừng)[^\S\n]", regex.I)
# a sentence that opens with "Với" and a sum before the amount
_WITH_SUM = deferred(lambda: rf"[^\S\n]*với[^\S\n]+(?:tổng[^\S\n]+(?:số[^\S\n]+)?)?(?:{sum_names()})"
                             r"(?:[^\S\n]+(?:khoảng|trên|hơn|gần|là))?[^\S\n]*$", regex.I)
_SUM_ONLY = deferred(lambda: rf"[\s;,]*(?:tổng\s+(?:số\s+)?(?:{sum_names()}|tiền)|tổng\s+cộng)"
                             r"(?:\s+(?:là|đạt|khoảng|trên|hơn|gần|ước\s+đạt|ước\s+tính))*\s*", regex.I)
# "…; riêng năm 2024 là 350 tỷ đồng": a part of the amount before, named by its time or place alone
# "…; năm 2024 đạt 42,1 triệu đồng", ". Năm 2023 tăng lên 148 tỷ đồng": the same quantity at another time, named
# by its time alone and a verb that states it
_PART_ONLY = deferred(r"[\s;,]*(?:riêng\s+(?:(?:năm|quý|tháng)\s+[\dIVXivx/.\s]+|(?:"
                      + written_pattern(VIETNAMESE_CLASSED) + r")\s+[^,;.\d\n]{2,40}?)\s*(?:là|đạt|có)?"
                      # ("…; năm 2025 ước: 56 triệu đồng/người": a time as the item's label, its colon for the verb)
                      r"|(?:năm|quý)\s+(?:\d{4}|[IV]+(?:/\d{4})?)\s*,?\s*(?:(?:ước(?:\s+(?:đạt|tính))?|đạt|là|tăng\s+lên|giảm\s+còn"
                      r"|lên|còn)(?:\s+(?:khoảng|trên|hơn|gần))?\s*:?|:))\s*", regex.I)
# "… để xây nhà và 20 triệu đồng để sửa chữa nhà": the next amount, with its own purpose
_NEXT_AMOUNT = deferred(r"(?:,[^\S\n]*|[^\S\n]+)(?:(?:và|hoặc)[^\S\n]+)?(?:(?:khoảng|hơn|trên|gần)[^\S\n]+)?\d[\d.,]*"
                        r"[^\S\n]*(?:(?:triệu|tỷ|tỉ|nghìn|ngàn)[^\S\n]+)?đồng", regex.I)
_PURPOSE_THEN_AND = deferred(r"\s*(?:để|nhằm)\s[^\n,.;:()\d]{1,80}?(?:,\s*|\s+)(?:(?:và|hoặc)\s+)?"
                             r"(?:(?:khoảng|hơn|trên|gần)\s+)?$", regex.I)
_GIVEN_WORDS = 6


def _given_before(text: str, s_start: int, end: int) -> Optional[tuple[int, int]]:
    """The verb of giving and its object that end the clause before ``end``
    ("được hỗ trợ tiền ăn" → "hỗ trợ tiền ăn"), when short and with no figure."""
    lo = last_break(text, max(s_start, end - 80), max(s_start, end - 1))
    verb = last_match(SUPPORT_VERB, text, lo, end)
    if verb is None:
        return None
    span = stripped(text, verb.start(), end)
    words = text[span[0]:span[1]].split()
    if not words or len(words) > _GIVEN_WORDS or DIGIT.search(text, *span):
        return None
    return span
# ("mỗi suất gồm 1 triệu đồng tiền mặt và …": what each one holds, a part named after it, no price)
_EACH_ITEM = deferred(r"(?:^|[,;:(][^\S\n]*)(?:mỗi|từng)[^\S\n]+(?P<per>\p{L}+(?:[^\S\n](?!(?:là|được|có|trị|(?:bao[^\S\n]+)?gồm)(?![\p{L}]))\p{L}+)?)"
                      r"[^\S\n]*(?:là|được|có|trị[^\S\n]+giá|(?P<holds>(?:bao[^\S\n]+)?gồm))?[^\S\n]*$", regex.I)


def _named_item(each) -> Optional[tuple[int, int]]:
    """"mỗi suất quà trị giá 2 triệu đồng": a classifier and its noun name the
    item priced, when no count before names it."""
    words = each.group("per").split()
    return each.span("per") if len(words) == 2 and words[0].lower() in CLASSIFIERS else None


def _before_next_amount(text: str, start: int, end: int) -> int:
    """The end of a purpose ``[start, end)`` before the next amount it runs
    into ("để xây nhà cho mỗi hộ nghèo và 20 triệu đồng để …"): that amount
    opens an item of its own."""
    found = _NEXT_AMOUNT.search(text, start, end + 30) if DIGIT.search(text, start, end) else None
    return found.start() if found and found.start() < end else end


def _shared_verb(text, c, prior, subject_of) -> Optional[list]:
    """The verb an amount shares with the amount before it when both give
    their purpose ("hỗ trợ 40 triệu đồng để xây nhà và 20 triệu đồng để sửa
    chữa nhà" → "hỗ trợ"); None when the amount follows no such one."""
    if prior is None or prior.type != "money" or not subject_of.get(id(prior)):
        return None
    if not _PURPOSE_THEN_AND.fullmatch(text, prior.end, c.start):
        return None
    return [p for p in subject_of[id(prior)] if p[1] <= prior.start]


_OWN_WORDS = deferred(r"[^.;:()\n]*")
_BOUND_BEFORE = deferred(r"(?:[^\S\n]+(?:trên|từ|dưới|hơn|khoảng|gần|tới|đến|là))*[^\S\n]*$", regex.I)
_ITEM_OPENED = deferred(r"[^\n.;]*;[^\S\n]*")


def _item_after_semicolon(text, c, prior, subject_of, clause_end, holes) -> Optional[list]:
    """The verb of the amount before, from its own subject, and the words
    after ``c`` (to its clause's end), when ``c`` opens the next item of a
    list joined by ";" ("hỗ trợ 30 triệu đồng/người …; 5 triệu đồng/hộ có nhà
    bị ngập sâu …" → "hỗ trợ", "có nhà bị ngập sâu"); else None."""
    if prior is None or prior.type != "money" or not subject_of.get(id(prior)):
        return None
    if not _ITEM_OPENED.fullmatch(text, prior.end, c.start):
        return None
    verb = subject_of[id(prior)][0]
    if verb[1] > prior.start or not SUPPORT_VERB.fullmatch(text, verb[0], verb[1]):
        return None
    # (its own words run to the next figure or mark, without a bound word left before a figure)
    end = _OWN_WORDS.match(text, c.end, max(c.end, clause_end)).end()
    nxt = next((hs for hs, _ in holes if c.end < hs < end), end)
    words = _BOUND_BEFORE.sub("", text[c.end:nxt])
    own = stripped(text, c.end, c.end + len(words))
    return [verb] + ([own] if own[1] > own[0] else [])


def _without_numbers(text: str, start: int, end: int, holes) -> list:
    """``[start, end)`` less the numbers of the figures in it ("cho 100 hộ
    nghèo" → "cho", "hộ nghèo"): a subject holds no number."""
    pieces, pos = [], start
    for hs, he in holes:
        if start <= hs < end and text[hs].isdigit():
            size = size_before(text, max(pos, hs - 8), hs)
            if size is not None:
                # "xây dựng 1 cây cầu dài 24 m": a size and its measure say how big, not what
                pieces.append((pos, size))
                pos = he
                continue
            head = FIGURE_HEAD.match(text, hs, he)
            if head and head.end() < he:
                pieces.append((pos, hs))
                pos = head.end()
    # "giải ngân 2,5 tỷ đồng cho 45 hộ vay vốn tại xã Nam Sơn": a place phrase the purpose ends with is the
    # figure's location, no part of its subject
    for hs, he in holes:
        # (a named unit only: "tại các xã vùng cao" names a part, which stays)
        if pos < hs < end and not text[hs].isdigit() and not text[hs:he].islower():
            link = _PLACE_TAIL.search(text, max(pos, hs - 24), hs)
            if link:
                end = link.start()
                break
    pieces.append((pos, end))
    pieces = [(s, e) for s, e in (stripped(text, s, e) for s, e in pieces) if e > s]
    if pieces and text[pieces[-1][1] - 1] in '"”' and not _OPENS_QUOTE.search(text, start, pieces[-1][1] - 1):
        # '"… cho vùng đồng bào dân tộc thiểu số".': the quote of the speech the purpose ends, no name's
        pieces[-1] = stripped(text, pieces[-1][0], pieces[-1][1] - 1)
    return pieces
_OPENS_QUOTE = deferred(r'[“"]')
_PLACE_TAIL = deferred(r"[^\S\n]+(?:tại|ở|trên[^\S\n]+địa[^\S\n]+bàn|thuộc)[^\S\n]+(?:(?:các|những)[^\S\n]+)?$", regex.I)


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
