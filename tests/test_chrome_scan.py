"""Page-chrome lines found through the anchor promises (``after``,
``holds``) are exactly those a plain full scan of each chrome pattern finds,
on the gold articles, the example corpora and generated lines."""

import pytest
import regex
from hypothesis import given, settings, strategies as st

from danvan_extract import Pipeline
from danvan_extract.errors import RulesError
from danvan_extract.extractors.base.context import Context
from danvan_extract.scan import document
from danvan_extract.scan.characters import LINE_WHITE
from danvan_extract.scan.document import DocumentAnchors
from danvan_extract.scan.promises import Anchors
from danvan_extract.text import normalize

from .test_anchors import _texts

_PIPELINE = Pipeline()
_CHROME = _PIPELINE.rules.chrome_patterns


def _plain_chrome(text: str) -> list[tuple[int, int]]:
    """The chrome lines by a full scan of every pattern, line by line."""
    lines = set()
    for pattern in _CHROME:
        for m in pattern.regex.finditer(text):
            start = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.end())
            lines.add((start, end if end >= 0 else len(text)))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(lines):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _chrome(text: str) -> tuple[list, list]:
    norm = normalize(text).text
    return Context(norm, _PIPELINE.rules, _PIPELINE.anchor_index).chrome_spans(), _plain_chrome(norm)


@pytest.mark.parametrize("dense", [False, True])
def test_chrome_equals_the_plain_scan_on_gold_and_corpora(monkeypatch, dense):
    if dense:  # the anchored path itself, not the full scan short texts fall back to
        monkeypatch.setattr(document, "_DENSE", 10**9)
    for text in _texts():
        got, want = _chrome(text)
        assert got == want, text[:80]


_PIECES = ["ảnh", "Hình 1", "photo_2024", "a-b", "(1)", ".", "..", ".png", ".PNG", ".jpg", ".Jpeg", ".gif", ".webp",
           ".svg", ".tif", ".TIFF", ".bmp", "png", "jpg", " ", "  ", "\t", "\u00a0", "\u3000", ":", ",", "/",
           "Lượt xem: 12", "Hôm nay: 3", "12:30", "Facebook | Zalo", "Cập nhật: 5", "Chủ nhật, 1/2/2024 08:00",
           "tổng số điểm của bài viết", "ſvg", "K", "1.234",
           "- ", "• ", "* ", "Thứ hai - 3/4/2024 10:15 12", "Đang online: 7", "IN", "E-mail", "Ngày đăng:", "Tweet",
           "Tổng biên tập:", "Phó ", "Địa chỉ:", "Điện thoại: ", "1.200 máy", "Giấy phép số ", "12/GP-BTTTT", "GP",
           "500/500 ký tự", "Hà Nội", "27°C", "Từ khóa:", "Tags ", "© 2024", "(12 bình luận)", "Trang 2/15",
           "Hôm nay: ", "15/04/2024", "Có 5 người đang xem", "12 lượt thích", "Tìm thấy 25 kết quả", "|"]
_GLUE = ["", "", " ", "\n", "\n\n", " \n", "\t\n"]
_lines = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GLUE)), max_size=30).map(
    lambda ps: "".join(a + b for a, b in ps))


@settings(max_examples=300, deadline=None)
@given(_lines)
def test_chrome_equals_the_plain_scan_on_generated_lines(text):
    got, want = _chrome(text)
    assert got == want


@settings(max_examples=200, deadline=None)
@given(_lines)
def test_holds_keeps_every_line_the_pattern_matches(text):
    held_rules = [p for p in _CHROME if p.anchors.holds]
    assert len(held_rules) > 1
    ctx = Context(text, _PIPELINE.rules, _PIPELINE.anchor_index)
    for rule in held_rules:
        held = set(ctx.anchors.positions(rule.anchors))
        assert {m.start() for m in rule.regex.finditer(text)} <= held, rule.name


def _chrome_rules_with(tmp_path, old: str, new: str) -> None:
    """Load a rules folder whose chrome.toml has ``old`` replaced by ``new``."""
    from tests.rules_copy import rules_with

    Pipeline(rules_with(tmp_path, "chrome.toml", old, new))


def test_holds_without_a_line_anchor_is_refused(tmp_path):
    with pytest.raises(RulesError, match=r"E076.*image_file_name"):
        _chrome_rules_with(tmp_path, 'anchor = ["line"]\nholds', "holds")


def test_an_invalid_holds_pattern_is_refused_at_load(tmp_path):
    with pytest.raises(RulesError, match="image_file_name"):
        _chrome_rules_with(tmp_path, "holds = '", "holds = '(")


def test_line_white_is_the_rules_white_space_on_one_line():
    import re

    every = "".join(map(chr, range(0x110000)))
    assert re.findall(f"[{LINE_WHITE}]", every) == regex.findall(r"[^\S\n]", every)


@settings(max_examples=200, deadline=None)
@given(_lines)
def test_one_search_finds_the_opening_lines_of_every_line_promise(text):
    index = _PIPELINE.anchor_index
    assert len(index.line_afters) > 1
    doc = DocumentAnchors(text, text.lower(), index, 10.0)
    for after in index.line_afters:
        follower = index.follower(Anchors(after=after)).match
        one_by_one = [s for s in [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
                      if follower(text, regex.match(r"[^\S\n]*", text[s:]).end() + s)]
        assert doc.opening_lines(Anchors(line=True, after=after)) == one_by_one


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n", max_size=60), st.sampled_from([r"a", r"a[\s\S]{0,6}?b", r"\n", r"(?m)$", r"b*"]))
def test_match_lines_equal_the_line_index(text, pattern):
    from danvan_extract.extractors.base.context import _match_lines

    doc = DocumentAnchors(text, text, _PIPELINE.anchor_index, 10.0)
    matches = list(regex.finditer(pattern, text))
    assert _match_lines(text, matches) == [(doc.line_start(m.start()), doc.line_end(m.end())) for m in matches]


@pytest.mark.parametrize("in_session", [False, True])
def test_a_runaway_holds_pattern_is_stopped_by_the_budget(in_session):
    from danvan_extract.errors import ExtractionTimeout
    from danvan_extract.scan.alarm import alarm_session
    from danvan_extract.scan.promises import ScanPattern

    slow = ScanPattern("test.holds", regex.compile(r"^a"), Anchors.of(line=True, holds=r"(?:a|aa)+c"))
    ctx = Context("a" * 40, _PIPELINE.rules, _PIPELINE.anchor_index, budget=0.05)
    with pytest.raises(ExtractionTimeout, match="test.holds"):
        if in_session:
            with alarm_session():
                ctx.scan(slow)
        else:
            ctx.scan(slow)
