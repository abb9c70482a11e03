"""Anchored scanning finds exactly what a full scan finds, for every bundled
pattern that makes an anchor promise; and the time budget is enforced."""

import dataclasses
import tomllib

import pytest
import regex
from hypothesis import given, settings, strategies as st

from danvan_extract import Pipeline
from danvan_extract.scan import characters, document
from danvan_extract.scan.promises import WORD_CLASSES, Anchors, ScanPattern
from danvan_extract.errors import ExtractionTimeout
from danvan_extract.extractors.base.context import Context
from danvan_extract.text import normalize

from .test_corpus import CORPUS_DIR
from .conftest import GOLD

_PIPELINE = Pipeline()


@pytest.fixture(autouse=True)
def _always_anchored(monkeypatch):
    # short generated texts are dense in anchors; test the anchored path itself
    monkeypatch.setattr(document, "_DENSE", 10**9)


def _anchored_patterns() -> list[ScanPattern]:
    return [p for p in _PIPELINE.scan_patterns if not p.anchors.anywhere]


ANCHORED = _anchored_patterns()


def _spans_both_ways(text: str, pattern: ScanPattern):
    ctx = Context(normalize(text).text, _PIPELINE.rules, _PIPELINE.anchor_index)
    anchored = [m.span() for m in ctx.scan(pattern)]
    full = [m.span() for m in ctx.scan(dataclasses.replace(pattern, anchors=Anchors()))]
    return anchored, full


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt"))]
    for path in sorted(CORPUS_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        texts += [case["text"] for kind in ("example", "negative") for case in data.get(kind, [])]
    return texts


def test_there_are_anchored_patterns_of_each_kind():
    assert any(p.anchors.words for p in ANCHORED)
    assert any(p.anchors.line for p in ANCHORED)
    assert any(p.anchors.number and p.anchors.after for p in ANCHORED)
    assert any(p.anchors.number and "letter" in p.anchors.after for p in ANCHORED)
    assert any(p.anchors.line and p.anchors.after for p in ANCHORED)
    assert any(p.anchors.digit and p.anchors.after for p in ANCHORED)


@pytest.mark.parametrize("text, kept", [
    ("Thu 4,22 tỷ đồng.", ["4,22"]),                # past the multiplier
    ("Từ 80 đến 150 triệu đồng.", ["80", "150"]),      # through the range, and itself
    ("Có 5 - 7 người, chi 9 đồng.", ["9"]),            # no currency after this range
    ("Lãi 5\n đồng.", ["5"]),                         # white space includes a line break
    ("Có 12 hộ, 3 xã.", []),
])
def test_number_anchors_with_after_keep_the_numbers_a_currency_follows(text, kept):
    money = next(p for p in _PIPELINE.rules.patterns["money"] if p.name == "money")
    ctx = Context(normalize(text).text, _PIPELINE.rules, _PIPELINE.anchor_index)
    starts = ctx.anchors.positions(money.anchors)
    assert [ctx.text[s:].split()[0].rstrip(".,") for s in starts] == kept


@pytest.mark.parametrize("text, kept", [
    ("Có 12 hộ, 3 xã.", ["12", "3"]),
    ("Thu 4 tỷ.", ["4"]),                          # the multiplier is the letter after the digits
    ("Từ 5 - 7 triệu.", ["5", "7"]),                 # and so in a range
    ("Từ 5 đến 7.", ["5"]),                          # a range's word is a letter too
    ("Đạt 12%, 3/4, 7.", []),
])
def test_number_anchors_with_after_letter_keep_the_numbers_a_letter_may_follow(text, kept):
    counts = next(p for p in ANCHORED if p.name == "count.digits")
    ctx = Context(normalize(text).text, _PIPELINE.rules, _PIPELINE.anchor_index)
    starts = ctx.anchors.positions(counts.anchors)
    assert [ctx.text[s:].split()[0].rstrip(".,%") for s in starts] == kept


def test_number_anchors_without_after_equal_full_scan():
    """No bundled rule is anchored on numbers alone any more: the plain
    number anchors, tried with a rule that was."""
    counts = next(p for p in ANCHORED if p.name == "count.digits")
    plain = dataclasses.replace(counts, anchors=Anchors.of(number=True))
    for text in _texts():
        anchored, full = _spans_both_ways(text, plain)
        assert anchored == full, text[:80]


@pytest.mark.parametrize("pattern", ANCHORED, ids=lambda p: p.name)
def test_anchored_equals_full_scan_on_gold_and_corpora(pattern):
    for text in _texts():
        anchored, full = _spans_both_ways(text, pattern)
        assert anchored == full, text[:80]


# Text made of the words the patterns are built from, in any case, glued by
# spaces, digits and punctuation: the places an anchor promise could break.
_WORDS = sorted({w for p in ANCHORED for w in p.anchors.words | p.anchors.after | p.anchors.word_after}
                - {"digit", *WORD_CLASSES}) + sorted(
    # the first syllables of a longer anchor word, which is its key ("chính trị" of "chính trị viên")
    {" ".join(w.split()[:n]) for p in ANCHORED for w in p.anchors.words for n in (1, 2) if len(w.split()) > n}) + [
    "Ban", "ủy", "số", "ngày", "tháng", "năm", "2020", "25-NQ/TW", "12", "3,5", "/", "-", ":", ";", "(", ")",
    "Nguyễn", "Văn", "An", "mô hình", "hộ", "ha", "%", "đồng", "tỷ",
    # numbers, multipliers, ranges and what may follow a number
    "3.980", "08", "18,912,473", "1,5", "73,53", "triệu", "nghìn tỷ", "rưỡi", "đến", "–", "dưới", "~",
    "USD", "m2", "km", "phần trăm", "điểm", "giờ", "người",
    # numerals that are not decimal digits: no letter, so a word may start after them
    "km²", "½", "Ⅻ",
    # names and words after an anchor word that wants a capital or a letter next
    "Đức", "ĐỨC", "Ánh", "nguyễn", "A", "Ơ", "H'Hen",
]
_piece = st.sampled_from(_WORDS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.capitalize()]))
_glue = st.sampled_from([" ", "  ", "\n", ", ", ". ", "", ": "])
_text = st.lists(st.tuples(_piece, _glue), max_size=25).map(lambda ps: "".join(a + b for a, b in ps))


@pytest.mark.parametrize("text", ["km²bác sĩ ", "½ông Nguyễn Văn An", "Ⅻ ngày 3/2", "km²achar "])
def test_a_word_after_a_numeral_that_is_no_digit_is_anchored(text):
    _assert_anchored_equals_full(text, ANCHORED)
    ctx = Context(normalize(text).text, _PIPELINE.rules, _PIPELINE.anchor_index)
    assert ctx.anchors.words() == _words_by_look_behind(ctx.lower)


def test_the_anchor_scan_takes_every_non_letter_for_a_word_boundary():
    """The word scan's separator class (stdlib ``re``) is exactly "not a
    letter" as the rules' ``\\p{L}`` (``regex``) reads it, over every code
    point this Python's Unicode database assigns (``regex`` may know a newer
    Unicode, whose new letters the standard library cannot tell)."""
    import re
    import sys
    import unicodedata

    from danvan_extract.scan.characters import _NOT_LETTER

    separator, letter = re.compile(_NOT_LETTER), regex.compile(r"\p{L}")
    wrong = [hex(c) for c in range(sys.maxunicode + 1)
             if unicodedata.category(chr(c)) != "Cn"
             and (separator.match(chr(c)) is None) != (letter.match(chr(c)) is not None)]
    assert wrong == []


@settings(max_examples=150, deadline=None)
@given(_text)
def test_anchored_equals_full_scan_on_generated_text(text):
    _assert_anchored_equals_full(text, ANCHORED)


def _reader_both_ways(text: str):
    """The number reader's numbers (with their multiplier and range) read at
    the runs of digits, and by a full scan."""
    reader = _PIPELINE.rules.number_reader
    ctx = Context(normalize(text).text, _PIPELINE.rules, _PIPELINE.anchor_index)

    def read(pattern):
        return [(m.span(), m.span("m1"), m.span("range")) for m in ctx.scan(pattern)]

    return read(reader), read(dataclasses.replace(reader, anchors=Anchors()))


def test_the_number_reader_at_digit_runs_reads_what_a_full_scan_reads():
    assert _PIPELINE.rules.number_reader.anchors.digit
    for text in _texts():
        anchored, full = _reader_both_ways(text)
        assert anchored == full, text[:80]


@settings(max_examples=150, deadline=None)
@given(_text)
def test_the_number_reader_at_digit_runs_reads_what_a_full_scan_reads_on_generated_text(text):
    anchored, full = _reader_both_ways(text)
    assert anchored == full


def _assert_anchored_equals_full(text: str, patterns) -> None:
    for pattern in patterns:
        anchored, full = _spans_both_ways(text, pattern)
        assert anchored == full, pattern.name


def test_a_pattern_over_budget_raises_extraction_timeout():
    slow = ScanPattern("test.slow", regex.compile(r"(?:a|aa)+c"))  # exponential
    ctx = Context("a" * 40, _PIPELINE.rules, _PIPELINE.anchor_index, budget=0.05)
    with pytest.raises(ExtractionTimeout, match="test.slow"):
        list(ctx.scan(slow))


def test_a_timed_out_document_gets_an_error_not_a_crash(monkeypatch):
    pipeline = Pipeline(time_budget=1e-9)
    doc = pipeline.extract_document("Có 285 mô hình, chiếm 73,53%.", "x")
    assert doc.facts == [] and "ExtractionTimeout" in doc.errors[0]
    with pytest.raises(ExtractionTimeout):
        pipeline.extract("Có 285 mô hình.")


def test_the_context_stage_stops_at_the_documents_budget(monkeypatch):
    """A context step that runs long (here: each figure's subject made slow)
    stops the document at its budget, naming the stage, instead of holding
    the caller or a worker until it ends."""
    import time

    from danvan_extract.context import figure

    text = " ".join(f"Xã số {i} có {100 + i} hộ nghèo." for i in range(40))
    assert len(Pipeline(time_budget=5).extract(text)) == 40  # the same text, the stage at its own pace
    real = figure.subject._subject

    def slow(*args, **kwargs):
        time.sleep(0.02)
        return real(*args, **kwargs)

    monkeypatch.setattr(figure.subject, "_subject", slow)  # 40 figures: 0.8 s of subjects at least
    pipeline = Pipeline(time_budget=0.3)
    with pytest.raises(ExtractionTimeout, match=r"\[E077\] the context stage \(subject of a figure\)"):
        pipeline.extract(text)
    doc = pipeline.extract_document(text, "slow")
    assert doc.facts == [] and "E077" in doc.errors[0]
    # without context, the stage is not run and the same budget holds
    assert len(Pipeline(time_budget=0.3, context=False).extract(text)) == 40


def test_the_context_stage_does_not_count_first_uses(monkeypatch):
    """Compiling a pattern, loading the gazetteer or importing the stage on
    first use is the rules' cost: a stage's clock moves its deadline past
    the time they took, as the pattern scans do."""
    import time

    from danvan_extract.grammar.lazy import FirstUse, deferred, first_use, settle
    from danvan_extract.scan.budget import StageClock

    passed = StageClock(time.monotonic() - 1.0, 5.0)  # the deadline passed a second ago
    with pytest.raises(ExtractionTimeout, match=r"\[E077\] the context stage \(step\)"):
        passed.check("step")
    loading = StageClock(time.monotonic() - 1.0, 5.0)
    monkeypatch.setattr(FirstUse, "seconds", FirstUse.seconds + 60.0)  # a minute of loading since it was set
    loading.check("step")  # not raised: the deadline moved by that minute
    before = FirstUse.seconds
    namespace = {"_X": deferred(r"(?:một|hai)\s+\d+")}
    settle(namespace)
    assert namespace["_X"].match("hai 3") and FirstUse.seconds > before  # its compiling was counted

    calls = []

    @first_use
    def inner():
        calls.append(FirstUse.seconds)
        time.sleep(0.01)

    @first_use
    def outer():
        inner()
        inner()

    before = FirstUse.seconds
    outer()
    assert calls == [before, before]  # (nested calls add nothing of their own)
    assert FirstUse.seconds - before >= 0.02  # the outer call's time


def test_a_first_use_in_another_thread_is_counted_while_one_is_under_way():
    import threading
    import time

    from danvan_extract.grammar.lazy import FirstUse, first_use

    entered, release = threading.Event(), threading.Event()

    @first_use
    def slow_load():
        entered.set()
        release.wait(5)

    @first_use
    def other_load():
        time.sleep(0.03)

    loader = threading.Thread(target=slow_load)
    loader.start()
    entered.wait(5)
    before = FirstUse.seconds
    other_load()  # another thread's first use while the loader's is under way
    counted = FirstUse.seconds - before
    release.set()
    loader.join()
    assert counted >= 0.03


def test_check_anchors_catches_a_broken_promise_in_a_user_rule(tmp_path):
    import shutil

    from danvan_extract.errors import RulesError
    from tests.rules_copy import rules_with

    # a user rule that claims to start at "tháng" but can start at "quý" too
    rules_with(tmp_path, "numeric.toml", 'anchor = ["tháng", "quý"]', 'anchor = ["tháng"]')
    text = "Đến quý 3/2024, xã đạt chuẩn."
    assert [f.type for f in Pipeline(tmp_path, check_anchors=False).extract(text)] == []  # silently lost
    with pytest.raises(RulesError, match="date.month_year"):
        Pipeline(tmp_path, check_anchors=True).extract(text)
    # the bundled rules keep their promises
    assert Pipeline(check_anchors=True).extract(text)
    shutil.rmtree(tmp_path)


def test_compiling_a_pattern_on_first_use_is_not_the_documents_time(monkeypatch):
    from danvan_extract.grammar.lazy import FirstUse
    from danvan_extract.scan.document import DocumentAnchors
    from danvan_extract.scan.index import AnchorIndex
    from danvan_extract.scan.promises import PatternSource

    pattern = ScanPattern("test.lazy", PatternSource(r"\d+"))
    assert "regex" not in vars(pattern)  # not compiled yet
    doc = DocumentAnchors("12 ab 34", "12 ab 34", AnchorIndex([pattern]), 5.0)
    before = doc.deadline
    # as if a grammar pattern had taken 2 s to compile since the document began
    monkeypatch.setattr(FirstUse, "seconds", FirstUse.seconds + 2.0)
    assert [m.group() for m in doc.finditer(pattern)] == ["12", "34"]
    assert doc.deadline >= before + 2.0
    assert isinstance(pattern.regex, regex.Pattern)


@pytest.mark.parametrize("written, broken, error", [
    ('anchor = ["number"]\nafter = ["/"]', 'after = ["/"]', r"E072.*ratio"),  # after, no number anchor
    ('anchor = ["trong", "trên"]\n', 'anchor = ["number"]\n', r"E074.*ratio.words"),  # after_word, no word
])
def test_a_user_rule_whose_after_keys_lack_their_anchor_is_refused(tmp_path, written, broken, error):
    from danvan_extract.errors import RulesError
    from tests.rules_copy import rules_with

    rules_with(tmp_path, "numeric.toml", written, broken)
    with pytest.raises(RulesError, match=error):
        Pipeline(tmp_path)


def test_after_word_keeps_the_anchor_words_one_of_its_words_follows():
    (ratio,) = [p for p in ANCHORED if p.name == "ratio.words"]
    text = "Có 5 xã trong số 16 xã; trong năm, trên 3 huyện và trong\n 20 thôn."
    ctx = Context(normalize(text).text, _PIPELINE.rules, _PIPELINE.anchor_index)
    every = sorted(p for part in ctx.anchors.word_starts(dataclasses.replace(ratio.anchors, word_after=frozenset()))
                   for p in part)
    kept = ctx.anchors.positions(ratio.anchors)
    assert [ctx.text[p:p + 8] for p in every] == ["trong số", "trong nă", "trên 3 h", "trong\n 2"]
    assert kept == [every[0], every[2], every[3]]


def test_a_broken_after_promise_is_caught_by_the_anchor_check(tmp_path):
    from danvan_extract.errors import RulesError
    from danvan_extract.grammar.rules import bundled_rules_dir

    # a money rule that claims only "USD" follows its number
    src = (bundled_rules_dir() / "numeric.toml").read_text(encoding="utf-8")
    rule = 'name = "money"\n'
    at = src.index(rule)
    block = src[at:src.index("\n\n", at)]
    broken = src.replace(block, block.replace('after = ["{currency}", "rưỡi"]', 'after = ["USD"]'))
    assert broken != src
    (tmp_path / "numeric.toml").write_text(broken, encoding="utf-8")
    text = "Hỗ trợ 5 triệu đồng."
    assert not [f for f in Pipeline(tmp_path, check_anchors=False).extract(text) if f.type == "money"]  # silently lost
    with pytest.raises(RulesError, match="money"):
        Pipeline(tmp_path, check_anchors=True).extract(text)



def _words_by_look_behind(lower: str) -> dict[str, list[int]]:
    """The anchor words' scan as the rules read a word start: a look-behind
    for no letter (``\\p{L}``) at every character."""
    from danvan_extract.grammar.alternation import word_alternation

    trie = word_alternation(sorted(_PIPELINE.anchor_index.prefixes_of))
    found: dict[str, list[int]] = {}
    for m in regex.finditer(f"(?<!\\p{{L}})(?=({trie}))", lower):
        found.setdefault(" ".join(m.group(1).split()), []).append(m.start())
    return found


@settings(max_examples=150, deadline=None)
@given(st.one_of(_text, st.text(alphabet="ab2_ .\n\u00e0\u0300-Đ²½", max_size=40).map(lambda t: t + " bí thư")))
def test_the_anchor_words_scan_equals_the_look_behind_scan(text):
    ctx = Context(normalize(text).text, _PIPELINE.rules, _PIPELINE.anchor_index)
    assert ctx.anchors.words() == _words_by_look_behind(ctx.lower)


def test_the_anchor_words_scan_equals_the_look_behind_scan_on_gold_and_corpora():
    for text in _texts():
        ctx = Context(normalize(text).text, _PIPELINE.rules, _PIPELINE.anchor_index)
        assert ctx.anchors.words() == _words_by_look_behind(ctx.lower), text[:80]


@settings(max_examples=200, deadline=None)
@given(_text)
def test_a_character_that_cannot_open_an_after_word_never_starts_a_follower_match(text):
    index = _PIPELINE.anchor_index
    for promise in {p.anchors for p in ANCHORED if p.anchors.after}:
        follower, opens = index.follower(promise), index.opens(promise)
        for i in range(len(text) + 1):
            if follower.match(text, i):
                assert opens[text[i:i + 1]], (promise.after, text[i:i + 10])


_DECIDED = sorted({p.anchors.after for p in ANCHORED if p.anchors.after
                   and _PIPELINE.anchor_index.opens(p.anchors).decides}, key=sorted)


def test_there_are_after_sets_the_character_alone_decides():
    assert _DECIDED and any("letter" in after for after in _DECIDED)


@settings(max_examples=200, deadline=None)
@given(st.one_of(_text, st.text(alphabet="aH1/-.:%,\n ²½à", max_size=20)))
def test_where_the_character_decides_it_is_the_follower_answer(text):
    index = _PIPELINE.anchor_index
    for after in _DECIDED:
        promise = Anchors(number=True, after=after)
        follower, opens = index.follower(promise), index.opens(promise)
        for i in range(len(text) + 1):
            assert opens[text[i:i + 1]] == (follower.match(text, i) is not None), (after, text[i:i + 10])


def _assert_plainly_none_means_none(text: str) -> None:
    ctx = Context(normalize(text).text, _PIPELINE.rules, _PIPELINE.anchor_index)
    for p in ANCHORED:
        if ctx.anchors._plainly_none(_PIPELINE.anchor_index.promise(p.anchors)):
            assert ctx.anchors._promised(p.anchors) == [], (p.name, text[:80])


@settings(max_examples=150, deadline=None)
@given(_text)
def test_a_promise_plainly_without_positions_has_none(text):
    _assert_plainly_none_means_none(text)


def test_a_promise_plainly_without_positions_has_none_on_gold_paragraphs():
    for text in _texts():
        for paragraph in [text] + text.split("\n"):
            _assert_plainly_none_means_none(paragraph)


def test_equal_promises_share_one_key_and_their_positions():
    index = _PIPELINE.anchor_index
    one, two = Anchors.of(words=["tháng"], line=True), Anchors.of(words=["tháng"], line=True)
    assert one is not two and index.promise_key(one) == index.promise_key(two)
    assert index.promise_key(one) != index.promise_key(Anchors.of(words=["tháng"]))
    ctx = Context(normalize("Tháng 5\ntháng 6 có 3 xã.").text, _PIPELINE.rules, _PIPELINE.anchor_index)
    assert ctx.anchors.positions(one) is ctx.anchors.positions(two) == [0, 8]


# The patterns whose ``after_word`` holds a kind of character ("capital",
# "letter"), and text made of phrases: one of their anchor words, any white
# space or none, a name, word or number in any case, a separator.
CLASSED = [p for p in ANCHORED if p.anchors.word_after & WORD_CLASSES.keys()]
_cased = lambda words: st.sampled_from(words).flatmap(lambda w: st.sampled_from([w, w.capitalize(), w.upper()]))
_lead = _cased(sorted({w for p in CLASSED for w in p.anchors.lead}))
_next = _cased(["Nguyễn Văn An", "Đỗ Hà", "Ánh Hồng", "Ơ Lan", "H'Hen Niê", "nguyễn văn", "2020", "mươi người",
                "trăm", "hộ", "ha", "%", "đồng", "ngày", "Đức"])
_space = st.sampled_from([" ", "", "\n", "\t", "  ", "\u00a0", "\u2003"])
_sep = st.sampled_from([", ", " - ", " (", " ", ". ", ""])
_near_text = st.lists(st.tuples(_lead, _space, _next, _sep), max_size=8).map(
    lambda ps: "".join("".join(p) for p in ps))


def test_there_are_patterns_wanting_a_capital_and_a_letter_after_their_word():
    assert {w for p in CLASSED for w in p.anchors.word_after} >= {"capital", "letter"}


@settings(max_examples=300, deadline=None)
@given(_near_text)
def test_anchored_equals_full_scan_where_a_capital_or_letter_must_follow(text):
    _assert_anchored_equals_full(text, CLASSED)


def test_after_word_capital_keeps_the_honorifics_an_upper_case_letter_follows():
    (hon,) = [p for p in ANCHORED if p.name == "person_role.honorific_name"]
    text = "Ông Nguyễn An, bà\nĐỗ Hà, ông nói; anh 2 con; đ/c  Ánh Hồng - ôngAn."
    ctx = Context(normalize(text).text, _PIPELINE.rules, _PIPELINE.anchor_index)
    kept = ctx.anchors.positions(hon.anchors)
    assert [ctx.text[p:p + 5] for p in kept] == ["Ông N", "bà\nĐỗ", "đ/c  "]


def test_a_user_rule_with_a_kind_of_character_in_after_is_refused(tmp_path):
    from danvan_extract.errors import RulesError
    from tests.rules_copy import rules_with

    rules_with(tmp_path, "numeric.toml", 'anchor = ["number"]\nafter = ["/"]', 'anchor = ["number"]\nafter = ["capital"]')
    with pytest.raises(RulesError, match=r"E075.*ratio.*capital"):
        Pipeline(tmp_path)


def test_white_is_the_rules_white_space():
    every = "".join(map(chr, range(0x110000)))
    assert sorted(characters.WHITE) == regex.findall(r"\s", every)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \n\t\u00a0\u2003\x1ca1.", max_size=12), st.integers(min_value=0, max_value=12))
def test_past_space_equals_the_white_space_pattern(text, pos):
    pos = min(pos, len(text))
    assert characters.past_space(text, pos) == characters._SPACE.match(text, pos).end()
