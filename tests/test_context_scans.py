"""The context's scans at their opening words find exactly what full scans
find, and deferred patterns behave as compiled ones."""

from __future__ import annotations

import bisect
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings, strategies as st

from danvan_extract import dateline
from danvan_extract.context import figure, periods
from danvan_extract.context.gazetteer import gazetteer
from danvan_extract.context.places import find as place_find, names as place_names, patterns as place_patterns
from danvan_extract.context.places import provinces as place_provinces, record as place_record, starts as place_starts
from danvan_extract.context.subjects import (clauses, distinctions, edges, land, leftward, lists, money, rightward, verbs,
                                             vocabulary)
from danvan_extract.grammar import levels
from danvan_extract.grammar.alternation import word_alternation
from danvan_extract.grammar.lazy import Deferred, deferred, settle
from danvan_extract.context.words import (Openers, finditer_at, finditer_found, holds_letter, lowered, may_end_with,
                                          may_hold)

GOLD = Path(__file__).resolve().parent.parent / "gold"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*/*.txt"))[:12]]
ODD = "ſóc Xã Kiến Sơn, TỈNH Yên Bái, CẢ NƯỚC và İ; thị  xã Nghĩa Lộ, Thị ủy Nghĩa Lộ"
BRANCH = "chi nhánh Yên Thế, Bố Hạ và Lục Nam; Chi  Nhánh\tYên Bái; chinhánh Tây; chi\nnhánh Hà Nam"
COOPERATIVE = "Hợp tác xã Tân Tiến, HỢP  TÁC\tXÃ A, hợp\ntác xã, hợptác xã, nhợp tác xã, hợp tác xãx, hợp tác  xã"
NATION = "cả  nước, TRÊN TOÀN\tQUỐC, toàn quốc, nước ta, ở Việt Nam, của\nViệt Nam, tại Việt  Nam, trêntoàn quốc"
NULLS = ("hiện nay, HIỆN TẠI, mỗi  năm, hằng năm, Hàng năm, nhiệm kỳ qua, những năm qua, thời gian qua, thực hiện các, "
         "hiện đang, từ ngày 16 - 18/5, Từ  ngày 1-3/7, ngày 2 đến 4/9, nhiệm\tkỳ  qua, thời gianqua, Trải  qua 10 năm thực hiện, "
         "sau 5 năm triển khai, qua hai năm thi hành, năm nay, NĂM\tQUA, trong  năm 2024, Trong năm, tháng vừa qua, Năm gần đây, "
         "tháng qua, 3 năm qua, nămnay, trongnăm, năm\n\nnay, trong\t năm, TÍNH  ĐẾN nay, tới nay, tính tới\nnay, "
         "tính đến thời điểm này, tínhđến nay")
SCANS = [(place_patterns.NAMED, lambda o: place_starts.level_starts(o).named),
         (place_patterns.BARE, lambda o: place_starts.level_starts(o).bare),
         (place_patterns.COMMITTEE, lambda o: place_starts.level_starts(o).committee),
         (place_patterns.COOPERATIVE, lambda o: place_starts.level_starts(o).cooperative),
         (place_patterns.NATION, place_starts.nation_starts), (place_patterns.BRANCH, place_starts.branch_starts),
         (periods.undated.NULL_RE, periods.starts.null_starts),
         (periods.undated.DAY_RANGE_NO_YEAR, periods.starts.day_range_starts),
         (periods.undated.SINCE_ANCHOR, periods.starts.since_starts),
         (periods.undated.RELATIVE_RE, periods.starts.relative_starts),
         (periods.undated.PROGRESS_RE, periods.starts.progress_starts)]


@pytest.mark.parametrize("pattern,starts", SCANS)
@pytest.mark.parametrize("variant", [str, str.upper, str.lower, str.title])
def test_scan_at_openers_equals_full_scan(pattern, starts, variant):
    for text in TEXTS + [ODD, NATION, NULLS, BRANCH, COOPERATIVE]:
        text = variant(text)
        got = [m.span() for m in finditer_at(pattern, text, starts(Openers(text)))]
        assert got == [m.span() for m in pattern.finditer(text)]


def test_odd_case_folds_scan_in_full():
    # "ſ" matches "s" in a case-insensitive pattern but lowers to itself;
    # "İ" lowers to two characters: offsets would shift
    assert lowered("ſóc") is None and lowered("İ") is None
    assert lowered("Xã ĐÔNG") == "xã đông"
    assert [m.span() for m in Openers("ſóc Trăng").finditer(place_patterns.NAMED, ("sóc",))] == [(0, 9)]


def test_deferred_pattern_takes_its_place_on_first_use():
    namespace = {"_X": deferred(r"a\d", regex.I)}
    settle(namespace)
    assert isinstance(namespace["_X"], Deferred)
    assert namespace["_X"].search("xA1").span() == (1, 3)
    assert isinstance(namespace["_X"], regex.Pattern) and namespace["_X"].flags & regex.I


def test_a_deferred_pattern_imported_by_a_second_module_takes_its_place_in_both():
    own = {"_X": deferred(r"b+")}
    settle(own)
    reader = {"_X": own["_X"], "_Y": 1}  # ("from .own import _X", then settle(globals()))
    settle(reader)
    assert reader["_X"].match("bbc").end() == 2  # first use from the second module
    assert isinstance(own["_X"], regex.Pattern) and reader["_X"] is own["_X"]


DATED = ("Giai đoạn 2016 - 2020, từ năm 2021 đến nay, TỪ NGÀY 1/7/2025; quý II/2024 (2023), Tết Giáp Thìn 2024, "
         "so với cùng kỳ năm 2022, năm 2019, 2020 và 2021; 6 tháng đầu năm 2023, tính đến hết 30 tháng 6 năm 2024, "
         "kết thúc năm 2018, ſo với năm 2017; ngày 5 / 6 / 2020, ngày 5.6. 2020, đến 5-6-2020, 5/6/  2020, "
         "từ ngày 16 - 18/5/2025, tính đến ngày 30/6/2023; 2016-2020, 2016 đến năm 2020, năm 2019 và năm 2020, "
         "2016 -  2020, 2016    -2020, năm 2019,2020")


# the widest days and months before a year, and the widest white space before a span
SPACED = "x 15 / 06 / 2020, (15 / 06 /2021); 1 - 2 - 2022 ;   2016 - 2020, Năm   2019-2020, 7/8/2023"


def _forms_at_openings_as_over_every_window(text):
    # a window without a form's words or years is skipped, and a form is
    # tried only where it can open: the same matches as every form over every window
    windows = periods.windows.YearWindows(text, lowered(text))
    forms = periods.forms.dated_forms()
    got = [(forms.index(form), m.span()) for form, m in windows.matches(Openers(text))]
    # (the text after a window stays visible to each form's look-aheads, as
    # it is to the forms matched backwards from a year: "2020" of "20201" is
    # no year, though a window that ends after its "2020" would cut it so)
    assert got == [(i, m.span()) for s, e in windows.spans for i, form in enumerate(forms)
                   for m in form.pattern.finditer(text, s, len(text)) if m.end() <= e]
    assert ([m.span() for m in windows.ranges_of_days(text)]
            == [m.span() for s, e in windows.spans for m in periods.windows._DATES_RANGE.finditer(text, s, e)])


@pytest.mark.parametrize("variant", [str, str.upper, str.lower, str.title])
def test_dated_forms_in_the_windows_that_hold_their_words(variant):
    for text in TEXTS + [DATED, DATED.replace("ſ", "s"), ODD, FORMS, HALVES, SPACED]:
        _forms_at_openings_as_over_every_window(variant(text))


_DATED_PARTS = ["ngày", "Ngày", "từ", "năm", "tháng", "Giai đoạn", "Sáu", "mười một", "quý I", "đến", "tới hết", "so với",
                "tết", "12", "5", "2020", "1999", "20201", "/", "-", ".", " ", "  ", "\t", "(", ")", ",", "và", "x", "đầu",
                "kết thúc", "có hiệu lực", "Với cùng kỳ", "trong những năm", "ſo", "İ", "các năm", "niên  độ", "nhiệm kỳ",
                "xnăm", "   ", "đến ngày", "tới", "16 - 18/5/", "1/7", "5.6. ", "cuối năm", "Đầu năm học", "tháng 6/",
                "5 tháng 6 năm", "ngày 5/6/", "cùng kỳ năm", "dự báo", "tính đến", "6 tháng cuối năm", "quý III"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATED_PARTS), max_size=16), st.sampled_from(["", " "]))
def test_dated_forms_at_their_openings_as_over_every_window(parts, gap):
    _forms_at_openings_as_over_every_window(gap.join(parts))


def _span(m):
    return m and m.span()


# how a year can end a form
_YEAR_ENDS = ["2020", "5/6/2020", "5 / 6 /2020", "30 tháng 6 năm 2024", "6/2020", "tháng 6 - 2020", "năm 2020", "II/2020",
              "năm học 2020", "2016 - 2020", "2016 đến năm 2020", "năm 2019, 2020", "2019 và năm 2020",
              "các năm 2016 - 2020", "trong những năm 2016-2020", "từ năm 2016 đến 2020", "cuối năm 2020", "đến hết năm 2020"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_DATED_PARTS), max_size=8), st.sampled_from(["", " "]), st.sampled_from(_YEAR_ENDS))
def test_forms_matched_backwards_start_leftmost(parts, gap, last):
    # a form matched backwards from a year's end gives the leftmost match
    # that ends there; the backward match for a range's day (where it must end) finds one as the forward search does
    text = gap.join(parts + [last])
    wholes = [(regex.compile(f"(?:{form.pattern.pattern})\\Z", regex.I | regex.V0), form.backward)
              for form in periods.forms.dated_forms() if form.backward]
    ranged = regex.compile(periods.windows._RANGED_BEFORE.pattern, regex.I | regex.V0)
    for start, end in periods.windows._years(text):
        for lo in {0, max(0, start - 10)}:
            for fwd, bwd in wholes:
                assert _span(fwd.search(text, lo, end)) == _span(bwd.match(text, lo, end))
            assert bool(ranged.search(text, lo, start)) == bool(periods.windows._RANGED_BEFORE.match(text, lo, start))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="1290x/ \u0661\u0969\U00010d40", max_size=14))
def test_years_as_the_year_pattern(text):
    year = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
    assert periods.windows._years(text) == [m.span() for m in year.finditer(text)]


_TRAIL_WORDS = ["đạt", "tỷ lệ", "với tổng số", "ước thực hiện", "mới", "xây mới", "khoảng", "Đã", "LÀ", "hộ", "ſố", "İ",
                "nghèo", "2", ",", ":", " ", "  ", "\n", "-", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TRAIL_WORDS), max_size=14))
def test_trailing_words_searched_from_their_earliest_start(parts):
    # the search for the stating words at a phrase's end starts after the last
    # word that is none of theirs: the same match as a search from the start
    seg = " ".join(parts[: len(parts) // 2]) + "".join(parts[len(parts) // 2:])
    full = edges._TRAILING.search(seg)
    assert (full and full.span()) == ((m := edges._TRAILING.search(seg, edges._trailing_from(seg))) and m.span())


@pytest.mark.parametrize("variant", [str, str.upper, str.lower])
def test_words_found_from_their_first_syllable_as_over_the_text(variant):
    words = ("thị xã", "thành phố", "thị  trấn", "tổ dân phố", "tp.")
    for text in TEXTS + [ODD, "thị xã, thị xãx, thịxã, thị\txã, thị thị xã, TP.HCM, tp. Huế, tp, tpx."]:
        text = variant(text)
        heads_first = Openers(text)
        heads_first.starts(("thị", "thành", "tổ", "tp"))
        assert heads_first.starts(words) == Openers(text).starts(words)


_LINES = ["Kết quả thực hiện chương trình", "Kết quả thực hiện chương trình,", "Tin tức  ", "Huyện đạt 5%.", "",
          "  ", "Ảnh: Văn Hùng", "Một tiêu đề khá dài về kinh tế xã hội |", "Mục tiêu: giảm nghèo", "Ba ngày…",
          "Tiêu đề có dấu. Ở giữa dòng", " Đ" + "a" * 91, "Đ" + "a" * 91 + "\x1c ", "Đ" + "a" * 92, "\x1cĐ" + "ab " * 31]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=12))
def test_lines_ending_unlike_a_heading_hold_none(lines):
    text = "\n".join(lines)
    starts = figure.clauses.line_starts(text)
    for i, pos in enumerate(starts):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        if figure.sections._unlike_heading(text, pos, end):
            assert figure.sections._HEADING.match(text, pos) is None


@pytest.mark.parametrize("variant", [str, str.upper, str.lower])
def test_compared_times_found_alike_with_the_lowered_text(variant):
    for text in TEXTS + [DATED, "tăng 5% SO VỚI nhu cầu của giai đoạn 2021-2025", "ſo với kế hoạch năm 2020"]:
        text = variant(text)
        for t in periods.find.find_times(text):
            assert periods.comparisons.compared(text, t, lowered(text)) == periods.comparisons.compared(text, t)


_SITE_PARTS = ["Trang chủ", "TRANG 2 / 5", "page 3 of 9", "Hotline", "hotlines", "email:", "Đăng nhập", "theo",
               "Theo dõi", "@", "Kinh tế", "tin tức", "—", " ", "|", ":", "Huyện", "ſkip to", "skip  to", "Download", "2",
               "CỔNG THÔNG TIN ĐIỆN TỬ", "BÁO", "ĐIỆN TỬ", "Văn hóa"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SITE_PARTS), max_size=8), st.sampled_from(["", " ", "  "]))
def test_site_line_as_its_one_pattern(parts, gap):
    # the site line's patterns, its end test and its cheap word tests: as the one pattern they split (on a
    # stripped line, as the headline's search reads it)
    from danvan_extract.context import document_info as di

    site_end = r":\s*$|\|\s*$"
    whole = regex.compile("|".join((di._SITE_WORDS.pattern, site_end, di._SITE_START.pattern)), regex.I)
    line = gap.join(parts).strip()
    # (a site's name in capitals and a menu between bars are the two tests beside the one pattern)
    beside = (line.isupper() and di._SITE_NAME.match(line)) or ("|" in line and di._MENU.fullmatch(line))
    assert di._site_line(line) == bool(whole.search(line) or beside)


_BODY_PARTS = ["Ngày 3/10", "sáng  18", "TỐI ngày 5", "Ảnh", "nguồn :", "NGUỒN:", "12. ", "1.", ".", "…", " ", "\x1c",
               "\t", "Huyện", "2", ":", "ngày", "ſáng 2"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_BODY_PARTS), max_size=8))
def test_body_line_as_its_one_pattern(parts):
    # a body line's end test, start pattern and caption pattern: as the one pattern they split (stripped line)
    from danvan_extract.context import document_info as di

    whole = regex.compile(r"[.…]\s*$|^(?:ngày|sáng|chiều|tối|trưa)\s+(?:ngày\s+)?\d|(?:ảnh|nguồn)\s*:|^\d+\.\s", regex.I)
    line = "".join(parts).strip()
    assert di._body_line(line) == bool(whole.search(line))


HALVES = ("6 tháng đầu năm, Sáu  tháng cuối năm; mười một tháng đầu năm, 12 tháng đầu năm 2024, x9 tháng đầu năm, "
          "9\ttháng cuối năm, 123 tháng đầu năm, tháng đầu năm, ba tháng  đầu năm")


@pytest.mark.parametrize("variant", [str, str.upper, str.lower, str.title])
def test_counts_of_months_found_before_their_halves(variant):
    for text in TEXTS + [HALVES, HALVES + " ſáu tháng đầu năm"]:
        text = variant(text)
        openers = Openers(text)
        halves = [m.start() for m in openers.finditer(periods.undated.HALF_YEAR, ("tháng",))]
        got = [m.span() for m in finditer_at(periods.undated.MONTHS_NO_YEAR, text,
                                             periods.starts.counts_before(openers, halves))]
        assert got == [m.span() for m in periods.undated.MONTHS_NO_YEAR.finditer(text)]


_CLAUSE_PARTS = ["a", "A", "1", " ", "\n", "-", ",", ";", "(", ")", "|", ":", "ư", "Ư", "\t", " - ", "\n- ", " -\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_PARTS), max_size=16), st.integers(0, 3), st.integers(0, 3))
def test_last_clause_break_found_from_the_end_as_by_a_scan(parts, cut, cut_end):
    text = "".join(parts)
    start = min(cut, len(text))
    end = max(start, len(text) - cut_end)
    breaks = [m.end() for m in figure.clauses.CLAUSE_BREAK.finditer(text, start, end)]
    assert figure.clauses.last_break(text, start, end) == (breaks[-1] if breaks else start)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1 \t\n\u00a0\u2003\x1c.", max_size=12))
def test_space_before_as_the_white_space_pattern(text):
    from danvan_extract.context.words import space_before

    for pos in range(len(text) + 1):
        j = pos
        while j and regex.match(r"\s", text[j - 1]):
            j -= 1
        assert space_before(text, pos) == j


_DAY_PARTS = ["ngày", "Sáng", "ĐÊM", "chiều", " ", "\t", "12", "3", "/", ".", "-", " / ", "2024", "x", "ngàyx", "tính đến"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_DAY_PARTS), max_size=14))
def test_days_without_year_tried_after_day_words_as_by_a_scan(parts):
    # the matches a day word stands right before: the same from the words as from a scan of the text
    text = "".join(parts)

    def after_word(m):
        return periods.undated.DAY_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None

    scanned = [m.span() for m in periods.undated.NO_YEAR.finditer(text) if after_word(m)]
    starts = periods.starts.after_day_word_starts(Openers(text))
    assert [m.span() for m in finditer_at(periods.undated.NO_YEAR, text, starts) if after_word(m)] == scanned


_LEAD_PARTS = _TRAIL_WORDS + ["trong đó", "Hiện nay", "-", "•", "tỷ", "\t", "\xa0", "\x1c", "*", "+", "“", "của", "Ở",
                              "\n", "\u2003", "ſ", "İ", "5", "hộ"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_LEAD_PARTS), max_size=8), st.sampled_from(["", " ", ", "]))
def test_leading_and_trailing_words_as_their_patterns_find_them(parts, gap):
    # _leading_end answers for marks before no word of the pattern without it; _trailing_start, for a run of marks
    seg = gap.join(parts)
    lead = edges._LEADING.match(seg)
    assert edges.leading_end(seg) == (lead.end() if lead else 0)
    trail = edges._TRAILING.search(seg)
    assert edges._trailing_start(seg) == (trail.start() if trail else None)


_FORM_PARTS = ["Giai đoạn", "nhiệm kỳ", "từ", "TỪ NĂM", "năm", "các năm", "ngày", "Ngày", "tháng", "quý II", "/", "-", ".",
               " ", "  ", "đến", "tới hết", "cuối", "Đầu", "kết thúc", "so với", "Với cùng kỳ", "sáu", "Mười một", "tết",
               "Giáp Thìn", "2020", "1/7", "12", "(", ")", "và", ",", "kể từ", "có hiệu lực", "học", "ſo"]


FORMS = (", 2016 - 2020;  2019-2020 và (2021) ngày 1/7/2020, 12/5/2021, có hiệu lực từ ngày 1/7/2025, kể từ tháng 5/2024, "
         "tính từ năm 2020, quý I/2024, hết năm 2023, kết thúc năm 2022, cuối năm 2021, đầu năm 2020, Tết Giáp Thìn 2024, "
         "mười một tháng đầu năm 2024, Ba tháng cuối năm 2019, đến ngày 5 tháng 6 năm 2020, ngày 5 tháng 6 năm 2020, "
         "hết tháng 5/2021, so với năm 2020, với cùng kỳ năm 2019, các năm 2019 và 2020, nhiệm kỳ 2020-2025, "
         "thời kỳ 2011 - 2020, niên độ 2021-2022, trong những năm 2016 - 2020, từ 2020 đến nay, so với dự báo năm 2022, "
         "bốn tháng đầu năm 2023, chín tháng đầu năm 2023, tám tháng đầu năm 2023, bảy tháng đầu năm 2023")


def _same_matches_without_first_characters(text):
    for form in [periods.forms.SAME_TIME_BEFORE] + periods.forms.dated_forms():
        bare = regex.compile(form.pattern.pattern.replace(f"(?=[{form.first}])", "", 1), regex.I | regex.V0)
        assert [m.span() for m in form.pattern.finditer(text)] == [m.span() for m in bare.finditer(text)]


@pytest.mark.parametrize("variant", [str, str.upper, str.lower])
def test_first_characters_of_the_forms_change_no_match_on_texts(variant):
    # each form's look-ahead for its first character: the same matches as without it
    for text in TEXTS + [DATED, HALVES, FORMS]:
        _same_matches_without_first_characters(variant(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FORM_PARTS), max_size=14), st.sampled_from(["", " "]))
def test_first_characters_of_the_forms_change_no_match(parts, gap):
    _same_matches_without_first_characters(gap.join(parts))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=6),
       st.lists(st.tuples(st.integers(-5, 35), st.integers(-5, 35)), max_size=10))
def test_span_mask_free_as_no_taken_character(takes, queries):
    from danvan_extract.context.spans import SpanMask

    mask = SpanMask(30)
    for s, e in takes:
        mask.take(s, max(s, e))
    for s, e in queries:
        assert mask.free(s, e) == (not any(mask._mask[s:e]))


_PLACE_PARTS = ["xã", "Xã", "XÃ", "tỉnh", "Huyện", "thị", "thành", "xã hội", "phố", "trấn", "ủy", "Uỷ", "đạt", "hộix", "Yên Bái",
                "Lào Cai", "Lào", "Thái Lan", "Hà Nam", "Nam Định", "Hồ Chí Minh", "TP", "tp.", "Tp", "HCM", "toàn",
                "của", "cấp", "cả", "nước", "quốc", "Việt", "Nam", "1", "Ⅻ", "ǅ", "x", "Ꞌ", " ", "  ", "\t", "\n",
                "\u00a0", "\u2003", ",", "-", ".", "ſ", "Cộng hòa", "Hàn Quốc", "Anh", "Ý", "chi", "CHI", "nhánh", "Nhánh", "và",
                "Đảng", "ĐẢNG", "quận", "tổ dân phố"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_PARTS), max_size=14), st.sampled_from(["", " "]))
def test_place_scans_at_their_openers_as_over_the_text(parts, gap):
    # the level words' cheap tests of what follows them, "ủy" found first, the
    # names' stdlib scans: the same matches as the full scans
    from danvan_extract.context.countries import _countries
    from danvan_extract.context.gazetteer import gazetteer
    from danvan_extract.context.words import finditer_found

    text = gap.join(parts)
    for pattern, starts in SCANS[:5]:
        got = [m.span() for m in finditer_at(pattern, text, starts(Openers(text)))]
        assert got == [m.span() for m in pattern.finditer(text)]
    gaz, countries = gazetteer(), _countries()
    assert ([m.span() for m in gaz.find_provinces(text)]
            == [m.span() for m in gaz.province_pattern().finditer(text)])
    assert ([m.span() for m in finditer_found(countries.named, text, countries.finder)]
            == [m.span() for m in countries.named.finditer(text)])
    _names_found_by_one_scan_as_by_two(text)


def _names_found_by_one_scan_as_by_two(text):
    # the one scan for both lists of names: the same provinces and countries as a scan for each
    from danvan_extract.context.countries import find_countries
    from danvan_extract.context.gazetteer import gazetteer

    from danvan_extract.context.countries import _countries, _named

    gaz, countries = gazetteer(), _countries()
    province_starts, country_starts = place_starts.name_starts(gaz)(text)
    assert ([m.span() for m in gaz.find_provinces(text, province_starts)]
            == [m.span() for m in gaz.province_pattern().finditer(text)])
    assert ([m.span() for m in _named(text, countries, country_starts)]
            == [m.span() for m in countries.named.finditer(text)])
    assert list(find_countries(text, country_starts)) == list(find_countries(text))



@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_PARTS + ["Ngày", "Ủy", "Hội", " - "]), max_size=8))
def test_names_cleaned_once_as_each_time(parts):
    # _clean_name is remembered: the same name as the plain function gives
    name = " ".join(parts)
    assert place_names.clean_name(name) == place_names.clean_name.__wrapped__(name) == place_names.clean_name(name)

@pytest.mark.parametrize("variant", [str, str.upper, str.title])
def test_names_found_by_one_scan_as_by_two_on_texts(variant):
    for text in TEXTS + [ODD, BRANCH, "Lào Cai, Lào, Nam Phi, Hà Nam Định, Cộng hòa Nam Phi, Thái Lan, Thái Bình"]:
        _names_found_by_one_scan_as_by_two(variant(text))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_names_that_open_other_names_found_by_one_scan(data):
    # names run together ("Lào" + "Lào Cai"), cut and glued: each list's starts as its own scan finds them
    from danvan_extract.context.gazetteer import gazetteer

    every = place_starts.name_starts(gazetteer())._lists
    # the names that open with another name, and those they open with
    pool = sorted({n[:k] for n in every for k in range(1, len(n) + 1) if n[:k] in every and len(n) > k}
                  | {n for n in every if any(n[:k] in every for k in range(1, len(n)))})
    names = data.draw(st.lists(st.sampled_from(pool), max_size=6))
    gaps = data.draw(st.lists(st.sampled_from(["", " ", " ", ", ", "-", "x", "X"]), min_size=6, max_size=6))
    _names_found_by_one_scan_as_by_two("".join(n + g for n, g in zip(names, gaps)))


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 99), st.sampled_from([None, "Yên Bái"]), st.booleans(), st.booleans(), st.booleans())
def test_mentions_made_without_init_equal_the_dataclass(start, name, bare, written, several):
    # every field set, equal and hashed alike, replace() still works
    from dataclasses import fields, replace

    made = place_record.mention(start, start + 5, "xã", name, name, "01", bare=bare, written=written, new_code="02",
                                several=several)
    plain = place_record.PlaceMention(start, start + 5, "xã", name, name, "01", bare=bare, written=written,
                                      new_code="02", several=several)
    assert set(vars(made)) == {f.name for f in fields(place_record.PlaceMention)}
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert replace(made, office=True) == replace(plain, office=True)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(gazetteer().province_names()) + ["Yên  Bái", "Vĩnh", "xã", ""]))
def test_province_units_remembered_as_looked_up(name):
    # a province's unit and 2025 code, remembered by name: as the plain look-up gives them
    gaz = gazetteer()
    units = gaz.lookup(name, "tỉnh")
    assert place_provinces._province_unit(gaz, name) == ((units[0], gaz.new_code(units[0])) if units else (None, None))


@given(st.lists(st.sampled_from(["Thị", "xã", " ", "  ", "\t", "TỈNH", "phố", "\n"]), max_size=4))
def test_level_words_remembered_as_written_once(parts):
    written = "".join(parts)
    assert place_names.level_word(written) == place_names.level_word.__wrapped__(written) == " ".join(written.lower().split())


@given(st.sampled_from(place_starts._NAMED_OPENERS), st.sampled_from([str.lower, str.upper, str.title, str.capitalize]))
def test_named_levels_remembered_as_written_once(word, case):
    written = case(word)
    assert place_names.named_level(written) == place_names.named_level.__wrapped__(written)
    assert place_names.named_level(written) is None or place_names.named_level(written) in levels.WRITTEN + ("thành phố",)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.characters(), max_size=20))
def test_char_classes_answer_as_their_patterns(chars):
    from danvan_extract.context.words import CharClass

    for pattern in (r"\p{Lu}", r"[\p{Lu}\d]|[^\S\n]", r"\s"):
        remembered = CharClass(pattern)
        for ch in chars + chars:
            assert remembered[ch] == bool(regex.match(pattern, ch))


_GATE_PARTS = ["Các", "các", "CÁC", "số", "SỐ", "mỗi", "nhiều", "một  số", "Lê", "A", "l'A", "tỉnh", "Yên", "có", "vùng",
               "cao", "285", " ", "  ", "\n", "\t", "\u00a0", ",", "'", "x", "İ", "ǅ"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_GATE_PARTS), max_size=10))
def test_place_gates_turn_away_no_match(parts):
    # each cheap test before a place pattern says False only where the pattern finds nothing
    text = "".join(parts)
    for pos in range(len(text) + 1):
        if not place_starts.may_follow_capital(text, pos):
            assert place_find._CAPITAL_BEFORE.search(text, max(0, pos - 20), pos) is None
        if not place_starts.may_describe(text, pos):
            assert place_patterns.DESCRIBED.match(text, pos, pos + 80) is None
        if not place_starts.may_be_several(text, pos):
            assert place_patterns.SEVERAL.search(text, max(0, pos - 12), pos) is None


_CELLS = ["* Công tác Mặt trận", "- Đại học", "Dân số", "   ", "\t", " ", "\n", "(", ")", "(A, B và C)", "05/29 vị",
          "12", "\x1c", "\xa0", ":", "của tỉnh", "“Dân vận khéo”", "tỷ lệ", "TỈ LỆ", "ſ"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CELLS), max_size=12), st.integers(0, 200), st.integers(0, 200))
def test_tests_before_patterns_drop_no_match(parts, a, b):
    # each cheap test before a pattern fails only where the pattern finds nothing
    text = "".join(parts)
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert ((m := figure.place._bracket_first(text, start, end)) and m.span()) == (
        (m := figure.place._BRACKET_FIRST.match(text, start, end)) and m.span())
    if not figure.period.opens_bracket(text, start, b):  # (an end past the text's: as the pattern reads it)
        assert figure.period._BRACKET_TIME.match(text, start, b) is None
    line_start = text.rfind("\n", 0, end) + 1
    if not figure.subject_labels._gap_before(text, end):
        assert figure.subject_labels._BULLET_LABEL.match(text, line_start, end) is None
    seg = text[start:end]
    if not leftward.rate_word_in(text, start, end):
        assert leftward._PROPORTION.search(seg) is None
    if '"' not in seg and "“" not in seg:
        assert rightward._QUOTED.search(seg) is None


_SENTENCE_END = regex.compile(r"[.!?…]+(?=\s+[\p{Lu}\d“\"(-])|\n(?!\p{Ll})")
_FULL_STOP = regex.compile(r"[.!?…]+(?=\s+[\p{Lu}\d“\"(-])|\n[^\S\n]*\n")
_PROSE = [".", "…", "?!", "\n", " \n", "\n\n", "\t", " ", "\x0b", "\x1c", "huyện", "Tỉnh", "đạt", "12", "“", "(", "-",
          "ß", ". ", "\n \n", "\n\t\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PROSE), max_size=16))
def test_bounds_from_one_scan_as_from_two(parts):
    # sentence starts and full sentence ends from the stop marks and the lines: as each pattern's scan finds them
    text = "".join(parts)
    sentences, lines, full_stops = figure.clauses.sentence_bounds(text)
    assert sentences == [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    assert lines == figure.clauses.line_starts(text)
    assert full_stops == [m.end() for m in _FULL_STOP.finditer(text)]


_SYLLABLE_PARTS = ["đạt", "Đạt", "ĐẠT", "có", "là", "mô", "hình", "tỷ", "lệ", "trong", "đó", " ", ",", ":", "-", "2", "²",
                   "ſ", "İ", "\u0301", "\x1c", "“"]
_LETTERS = regex.compile(r"\p{L}+")
_LETTERS_BACK = regex.compile(r"\p{L}+", regex.REVERSE)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SYLLABLE_PARTS), max_size=10))
def test_stretches_of_letters_read_as_by_the_letters_pattern(parts):
    # _trailing_from walks the letters (\p{L}) itself: as from the pattern's matches
    seg = "".join(parts)
    whole = lowered(seg)
    ends = [m.end() for m in _LETTERS_BACK.finditer(seg) if whole is not None
            and whole[m.start():m.end()] not in edges._TRAILING_SYLLABLES]
    assert edges._trailing_from(seg) == (ends[0] if ends else 0)


_WORD_PARTS = ["bình", "BÌNH", "Bình", "bìNH", "quân", "trung", "số", "SỐ", "Số", "ſố", "İ", "tổng", "xã", " ", ",", "là", "o"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PARTS), max_size=10))
def test_patterns_find_nothing_where_their_word_cannot_be(parts):
    # holds_letter: a test before a case-insensitive pattern that needs the word
    seg = "".join(parts)
    if not holds_letter(seg, 0, len(seg), "ì"):
        assert distinctions._AVERAGE.search(seg) is None
    if not holds_letter(seg, 0, len(seg), "ố"):
        assert figure.subject_count._number_of_noun("xã").search(seg) is None
    if not may_hold(seg, "số"):
        assert figure.subject_count._NUMBER_PHRASE.match(seg) is None
        assert figure.subject_count._NUMBER_PHRASE.search(seg) is None


def test_time_mentions_made_without_init_equal_the_dataclass():
    made = periods.values.time(3, 9, ("2020-01", None), "base")
    plain = periods.values.TimeMention(3, 9, ("2020-01", None), "base")
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert periods.values.time(1, 2, None, named=True) == periods.values.TimeMention(1, 2, None, named=True)


_ENDS = st.one_of(st.none(), st.sampled_from(["-1", "2020", "1999"]),
                  st.builds("{}-{:02d}".format, st.sampled_from(["2019", "2021"]), st.integers(0, 19)),
                  st.builds("{}-{:02d}-{:02d}".format, st.sampled_from(["2020", "2024"]), st.integers(0, 19),
                            st.integers(0, 39)))


@given(st.tuples(_ENDS, _ENDS))
def test_valid_periods_remembered_as_worked_out(period):
    assert periods.values.valid(period) == periods.values.valid.__wrapped__(period)


_HEAD_PARTS = ["Cập nhật:", "Thứ sáu,", "ngày", "6/1/2023", "2023-01-06", "date", "| 7:46", "Sóc Trăng,", "30", "tháng",
               "05", "năm", "2023", "1999", "•", "x" * 40, "Trong giai đoạn", ",", "-", " ", "  ", "\t"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_HEAD_PARTS), max_size=14), st.integers(0, 11))
def test_head_lines_skipped_untried_hold_no_date(parts, i):
    from danvan_extract import dateline

    line = " ".join(parts).strip()
    if not dateline._may_be_dated(line, i):
        assert dateline.date_line_match(line) is None or (i >= dateline._HEAD_LINES and len(line) > 90)
        assert len(line) > dateline._DATE_LINE_MAX or not dateline._PLACE_DATE.match(line)


_SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)).map(lambda t: (t[0], t[0] + t[1])), max_size=12)


@settings(max_examples=300, deadline=None)
@given(_SPANS, st.integers(-5, 35), st.integers(-5, 35), st.tuples(st.integers(0, 30), st.integers(0, 36)))
def test_holes_near_a_figure_by_bisection_as_by_a_filter(spans, lo, hi, own):
    # the spans starting in [lo, hi] less the figure's own: by bisection as by filtering the slice
    holes = sorted(spans)
    starts = [h[0] for h in holes]
    i, j = bisect.bisect_left(starts, lo), bisect.bisect_right(starts, hi)
    assert figure.clauses.holes_near(holes, starts, lo, hi, own) == [h for h in holes[i:j] if h != own]


@pytest.mark.parametrize("noun", ["huyện", "Xã", " tổ dân phố ", "xã, phường", "hộ", "", "thôn,", "thị xã, thị trấn"])
def test_level_word_of_a_count_remembered_as_read(noun):
    plain = noun.split(",")[0].strip().lower()
    for _ in range(2):  # (the second time from the cache)
        assert figure.place._level_word(noun) == (plain if plain in figure.place._RANK else "")


_CENTRAL_PARTS = ["Quốc hội", "Thủ tướng Chính phủ", "Chính phủ", "Bộ Chính trị", "Ban Bí thư", "cả nước", "toàn  quốc",
                  "toàn quốcx", "xcả nước", "Trung ương Đảng", "Tổng Bí thư", "Mặt trận Tổ quốc Việt Nam", "quốc hội", " ",
                  "theo ", "của ", "Ngân hàng Chính sách xã hội", "Chủ tịch nước", "Ban Chấp hành Trung ương", "ſ"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CENTRAL_PARTS), max_size=10))
def test_central_bodies_found_at_their_first_words_as_by_a_full_scan(parts):
    from danvan_extract.context import document_info as di

    text = "".join(parts)
    found = [m.span() for m in finditer_found(di.CENTRAL_BODY, text, di._CENTRAL_OPENERS)]
    assert found == [m.span() for m in di.CENTRAL_BODY.finditer(text)]


def _places_by_find(low, words):
    found = {}
    for w in words:
        p = low.find(w)
        while p >= 0:
            found.setdefault(w, []).append(p)
            p = low.find(w, p + 1)
    return found


_HEAD_TEXT_PARTS = list(place_starts._HEADS) + ["t", "x", "b", "h", "p", "tỉnhuyện", "thànhuyện", "tphường", "ấphường", "tpp",
                                          "xãxóm", "tổ dân", "thịthị", " ", "\n", ".", "T", "Xã", "uyện"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_HEAD_TEXT_PARTS), max_size=16), st.sampled_from(["", " "]))
def test_level_words_found_by_their_letter_scans_as_by_find(parts, gap):
    # one stdlib scan per shared first letter: the places a find per word gives
    low = gap.join(parts).lower()
    assert place_starts._HEAD_FINDER(low) == _places_by_find(low, place_starts._HEADS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abx", min_size=1, max_size=4), min_size=1, max_size=5, unique=True),
       st.text(alphabet="abx ", max_size=30))
def test_words_found_by_letter_scans_as_by_find(words, text):
    # words that open others or hold their first letter again are left to find
    assert place_starts._WordFinder(tuple(words))(text) == _places_by_find(text, words)


_NAMED_PARTS = ["Tết", "tết", "Giáp", "Thìn", "tháng", "Tháng", "Thanh", "niên", "năm", "Năm", "Du lịch", "ngày  hội", "Lễ Hội",
                "hội thi", "Liên hoan", "FESTIVAL", "(", "-", ",", "x", "12", "İ", "ſ", "ϒ", "\t", "\n", "  "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NAMED_PARTS), max_size=12), st.sampled_from(["", " "]))
def test_named_event_test_before_its_scan(parts, gap):
    # the cheap test before _NAMED_BEFORE says "maybe" wherever it finds a name
    text = gap.join(parts) + " 2024"
    start = len(text) - 4
    found = periods.find._NAMED_BEFORE.search(text, max(0, start - periods.find._NAMED_REACH), start)
    assert not found or periods.find._may_be_named(text, lowered(text), start)


@settings(max_examples=200, deadline=None)
@given(st.frozensets(st.sampled_from(periods.windows._WORDS + sorted(periods.forms.WAYS))))
def test_forms_of_a_window_remembered_as_worked_out(held):
    # the forms a window's words and years allow, remembered per set: as
    # every form whose needs (one word of each "a|b", each way) it holds
    forms = [form for form in periods.forms.dated_forms()
             if all(not held.isdisjoint(need.split("|")) for need in form.needs)]
    assert list(periods.windows._forms_for(held)) == forms == list(periods.windows._forms_for.__wrapped__(held))


# The patterns as written before their words were compiled as tries.
# _RIGHT_STOP with its stop words as a plain alternation instead of a trie
# (what the pattern is built from, so the two cannot drift apart)
assert word_alternation(rightward._RIGHT_STOP_WORDS) in rightward._RIGHT_STOP_INLINE_SOURCE
_PLAIN_RIGHT_STOP = regex.compile(
    r"\n(?!(?-i:\p{Ll}))|\s-\s(?=(?-i:\p{Lu})|\d)|" + rightward._RIGHT_STOP_INLINE_SOURCE.replace(
        word_alternation(rightward._RIGHT_STOP_WORDS),
        "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in rightward._RIGHT_STOP_WORDS)),
    regex.I | regex.V0)
_PLAIN_TRAILING = regex.compile(edges._TRAILING_SOURCE, regex.I | regex.V0)
_STOP_PARTS = ["của", "CỦA", "trên", "trên địa bàn", "trên  địa\tbàn", "so với", "với", "với tổng số", "tổng", "số tiền",
               "và", "và 2", "và số", "thực hiện", "hiện", "giúp", "giúp nhau", "cùng sinh sống", "chung sống", "đạt tỷ lệ",
               "ước thực hiện", "xây mới", "mới", "xã", "hộ nghèo", "Năm", "/", "-", " - ", "A", "2", ",", ":", "\n", " ",
               "ſo", "İ", "ước", "đạt được", "nhưngx", "trênđịa", "\t", "(", "!", "—", "–", "giữa"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_STOP_PARTS), max_size=10), st.sampled_from(["", " "]), st.integers(0, 30))
def test_word_tries_find_the_starts_of_the_plain_alternations(parts, gap, start):
    # _RIGHT_STOP and _TRAILING hold their plain words as tries: the same
    # match starts (all their callers read); so does _RIGHT_STOP_INLINE
    # where no line break nor hyphen stands
    seg = gap.join(parts)
    plain, trie = _PLAIN_RIGHT_STOP.search(seg), rightward._RIGHT_STOP.search(seg)
    assert (plain and plain.start()) == (trie and trie.start())
    if "\n" not in seg and "-" not in seg:
        assert (plain and plain.start()) == ((inline := rightward._RIGHT_STOP_INLINE.search(seg)) and inline.start())
    start = min(start, len(seg))
    plain, trie = _PLAIN_TRAILING.search(seg, start), edges._TRAILING.search(seg, start)
    assert (plain and plain.span()) == (trie and trie.span())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_STOP_PARTS + ["gồm", "CÓ", "là ", "tại\n", "Ở", "toàn", "cả"]), max_size=8))
def test_end_words_needed_by_patterns_that_end_with_them(parts):
    # may_end_with passes every text these patterns match (they end at $)
    seg = " ".join(parts)
    for pattern, ends in ((edges.PLACE_LINK, edges.PLACE_LINK_ENDS),
                          (rightward._RIGHT_TRAILING, rightward._RIGHT_TRAILING_ENDS)):
        if pattern.search(seg):
            assert may_end_with(seg, ends)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([" ", "a", "xã", "\x1c", "\x1f", "\t", "\n", "\xa0", "2", "  "]), max_size=30),
       st.integers(0, 30), st.integers(0, 12))
def test_few_words_counted_as_the_word_pattern(parts, cut, most):
    # _limit counts words with str.split() before listing them with \S+
    text = "".join(parts)
    cut = min(cut, len(text))
    pieces = [(0, cut), (cut, len(text))]
    words = sum(1 for s, e in pieces for _ in edges._NON_SPACE.finditer(text[s:e]))
    few = edges._few_words(text, pieces, most)
    assert not few or words <= most
    if not any(ch in text for ch in edges._SPLIT_ONLY):
        assert few == (words <= most)


_WRAP_PARTS = ["tăng trưởng toàn cầu năm nay được dự báo sẽ chậm lại so với cùng kỳ năm trước đó", "\n", "2023 đạt",
               " - ", "-", " -\n", ",", "(", ")", ";", "A", "b", "2", " ", "\n\n", "1/2/2024", "Hà Nội"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WRAP_PARTS), max_size=14), st.integers(0, 400), st.integers(0, 400))
def test_plain_clause_start_from_the_end_as_over_all_breaks(parts, s_start, pos):
    # _plain_clause_start takes the last break found from the end unless it
    # is a wrapped line's: as the last of all breaks that cut a clause
    text = "".join(parts) + "5"  # (a figure starts at ``pos``)
    pos = min(pos, len(text) - 1)
    s_start = min(s_start, pos)
    lo = max(s_start, pos - figure.clauses.WINDOW)
    breaks = [m.end() for m in figure.clauses.CLAUSE_BREAK.finditer(text, lo, pos)
              if m.group() != "\n" or figure.clauses.unwrapped_start(text, m.end()) == m.end()]
    assert figure.clauses.plain_clause_start(text, s_start, pos) == (breaks[-1] if breaks else lo)


_LABEL_PARTS = ["Dân số", "Học vấn", "Cá nhân", ":", ": ", " :", "\n", "\n\n", ";", ".", "- ", "* ", "   ", "\t", "\x1c",
                "16/29 vị", "540.000 người", "đại biểu " * 8, "tổng số hộ nghèo trên địa bàn " * 3, "Tập thể"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LABEL_PARTS), max_size=10), st.integers(0, 300), st.integers(0, 300))
def test_label_pre_test_passes_every_label(parts, lo, pos):
    # _may_label drops no match of _LABEL
    text = "".join(parts)
    pos = min(pos, len(text))
    lo = min(lo, pos)
    if figure.subject_labels._LABEL.search(text, lo, pos):
        assert figure.subject_labels._may_label(text, lo, pos)


@pytest.mark.parametrize("phrase", ["Tổng số", "TỔNG  KINH PHÍ", "ſố tiền", "Con số này", "trị giá", "số\ttiền"])
def test_generic_phrases_open_with_a_first_letter_of_theirs(phrase):
    assert money.GENERIC.match(phrase) and money.GENERIC_FIRST[phrase[0]]


_VERB_PARTS = ["giải quyết", "Xây  dựng", "XÂY MỚI", "hỗ trợ", "cho vay", "tái định cư", "trồng", "hộ", "đất", "cho",
               "ſửa chữa", "İ", " ", ", ", "2", "kiểm tra", "d", "i", "công", "CẤP", "ch", "o", "khám"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_VERB_PARTS), max_size=8))
def test_verb_heads_found_where_a_verb_opens_a_phrase(parts):
    # distinguishing_verb reads no phrase in a clause that holds none of its verbs' first syllables
    seg = " ".join(parts)
    for start in range(len(seg)):
        if verbs.VERB_START.match(seg[start:]):
            assert may_hold(seg, *verbs._VERB_HEADS)
    assert verbs.may_hold_verb_head(seg) == may_hold(seg, *verbs._VERB_HEADS)


def test_an_area_before_a_line_break_names_no_land_there():
    # the phrase after "ha" is only the line break (found by test_offsets' fragments)
    text = "29,168 ha \ntrên 4,22 tỷ đồng"
    assert not land.names_land(text, (10, 11))
    from danvan_extract import Pipeline

    assert [f.type for f in Pipeline().extract("29,168 ha\xa0\r\ntrên 4,22 tỷ đồng")] == ["area", "money"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab;:, \n", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_item_start_after_the_last_semicolon_or_colon(text, s_start, pos):
    pos = min(pos, len(text))
    s_start = min(s_start, pos)
    lo = max(s_start, pos - figure.clauses.WINDOW)
    breaks = [m.end() for m in regex.finditer(r"[;:]", text[lo:pos])]
    assert figure.subject_count._semicolon_start(text, s_start, pos) == (lo + breaks[-1] if breaks else lo)


_KNOWN_NAME_PARTS = ["Hòa", "Trung", "Phiêng", "Ban", "Công", "Đoàn", "Dân", "vận", "Hà", "Nội", "Bantrung", "5", " ", ",", ".",
                     ")", "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_KNOWN_NAME_PARTS), max_size=10), st.sampled_from(["xã ", "thôn ", "huyện ", "phường "]))
def test_known_name_as_plain_path(parts, level):
    # the cut of a name without a word of _NAME_SYLLABLES: as the full path gives it
    text = level + "".join(parts)
    gaz = gazetteer()
    for m in place_patterns.NAMED.finditer(text):
        found, lv = m.group("name"), place_names.named_level(m.group("level"))
        if lv is None:
            continue
        closed = place_names._CLOSING.match(text, m.end("name")) is not None
        plain = place_names._longer_known(place_names.clean_name(found, closed), found, lv, gaz)
        assert place_names.known_name(text, m, found, lv, gaz) == plain


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="tTốỐiI đaĐAthiểuỂ\u1e97", max_size=14))
def test_bound_word_opens_with_a_t(text):
    # _with_bound_word tries its pattern only at a "t" or "T"
    if figure.subject._BOUND_WORD.match(text):
        assert text[0] in "tT"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)), max_size=12), st.lists(st.integers(0, 50), max_size=10))
def test_spans_without_figure_starts_as_by_bisect(spans, starts):
    # one walk through the sorted spans and starts: what a bisect per span keeps
    spans = sorted((s, s + n) for s, n in spans)
    starts = sorted(starts)

    def start_within(span):
        i = bisect.bisect_right(starts, span[0])
        return i < len(starts) and starts[i] < span[1]
    assert figure.clauses.without_starts_within(spans, starts) == [h for h in spans if not start_within(h)]


def test_date_line_match_remembered_as_worked_out():
    # the remembered match of a head line: the one the patterns give
    for text in TEXTS:
        for _, line in dateline.lines_with_offsets(text):
            line = line.strip()
            got, plain = dateline.date_line_match(line), dateline.date_line_match.__wrapped__(line)
            assert (got and (got.span(), got.groupdict())) == (plain and (plain.span(), plain.groupdict()))


_ITEM_PARTS = ["cán bộ", "Công chức", "CÔNG NHÂN", "hộ", "đảng viên", "viên", "xã", ",", ", ", " ,", "\n", "\t", "\xa0",
               "(", ";", ".", "ſ", "İ", "Σ", "tổng số", "12"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ITEM_PARTS), max_size=10), st.integers(0, 80))
def test_list_item_pre_test_passes_every_counted_item(parts, cut):
    # _may_end_list_item fails only where no counted noun's item ends before the start
    text = "".join(parts)
    start = min(cut, len(text))
    item = lists._ITEM_BEFORE.search(text, max(0, start - 40), start)
    if item and item.group("item").lower() in vocabulary.counted_nouns():
        assert lists._may_end_list_item(text, start)


def test_holes_reach_the_subject_scans_sorted(monkeypatch):
    # cut and _skip_named walk the holes in order, without sorting them (each
    # patched where it is called: leftward and clauses)
    from danvan_extract import Pipeline

    seen = []
    for module, name in ((leftward, "cut"), (clauses, "_skip_named")):
        plain = getattr(module, name)

        def check(text, start, end, holes, plain=plain):
            seen.append(list(holes) == sorted(holes))
            return plain(text, start, end, holes)

        monkeypatch.setattr(module, name, check)
    pipeline = Pipeline(context=True)
    for text in TEXTS:
        pipeline.extract(text)
    assert seen and all(seen)
