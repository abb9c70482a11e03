"""Compiled patterns kept between processes (grammar/pattern_cache.py):
a kept pattern is the pattern, a damaged or unwritable cache costs only
time, and a warm cache changes no fact."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan_extract.grammar import pattern_cache
from danvan_extract.grammar.alternation import alternation
from danvan_extract.grammar.pattern_cache import PatternStore, cache_dir

ROOT = Path(__file__).resolve().parent.parent

REGEX_PATTERNS = [
    (r"(?P<n>\d+(?:[.,]\d{3})*)\s*(?:triệu|tỷ)\s+đồng", 0),
    (r"(?<![\p{L}])xã\s+(?P<name>\p{Lu}\p{Ll}+)", regex.IGNORECASE),
    (r"[,;:.!?()\n]|\p{N}", regex.REVERSE),
    (r"(?i:giữa)\s{1,3}(?P<a>\d+)(?P<b>/\d+)?", regex.V0 | regex.MULTILINE),
]
STD_PATTERNS = [
    (r"[^\W\d_](?=(chi\s+hội|chủ\s+tịch|bí\s+thư))", 0),
    (r"(?P<first>[^\t\r\n]*?)\t[^\r\n]*", re.IGNORECASE),
    (r"\r(?=\n)|[\u200b\u00ad]", 0),
]
TEXTS = ["Xã Hòa Bình có 12 tỷ đồng, 3.500 triệu đồng (2024).",
         "giữa 3/4 và 5; CHI HỘI trưởng, chủ tịch xã\tô 2", "\r\n\u200bbí thư Chi bộ"]


def _behaviour(p):
    return (p.pattern, p.flags, p.groups, dict(p.groupindex),
            [[m.span() for m in p.finditer(t)] for t in TEXTS])


def _filled(folder: Path) -> PatternStore:
    first = PatternStore(folder)
    for pattern, flags in REGEX_PATTERNS:
        first.regex(pattern, flags)
    for pattern, flags in STD_PATTERNS:
        first.std(pattern, flags)
    first.save()
    return PatternStore(folder)


def test_kept_patterns_are_built_without_compiling(tmp_path, monkeypatch):
    store = _filled(tmp_path)
    monkeypatch.setattr(pattern_cache.regex, "compile", _must_not_compile)
    monkeypatch.setattr(pattern_cache.re, "compile", _must_not_compile)
    monkeypatch.setattr(pattern_cache, "_std_arguments", _must_not_compile)
    built = [store.regex(p, f) for p, f in REGEX_PATTERNS] + [store.std(p, f) for p, f in STD_PATTERNS]
    monkeypatch.undo()
    compiled = [regex.compile(p, f) for p, f in REGEX_PATTERNS] + [re.compile(p, f) for p, f in STD_PATTERNS]
    assert [_behaviour(b) for b in built] == [_behaviour(c) for c in compiled]
    assert [type(b) for b in built] == [type(c) for c in compiled]


def _must_not_compile(*args, **kwargs):
    raise AssertionError("compiled although the cache holds the pattern")


def test_the_same_pattern_with_other_flags_is_another_entry(tmp_path):
    store = _filled(tmp_path)
    plain = store.regex(REGEX_PATTERNS[0][0], 0)
    folded = store.regex(REGEX_PATTERNS[0][0], regex.IGNORECASE)
    assert plain.flags != folded.flags
    assert folded.search("12 TỶ ĐỒNG") and not plain.search("12 TỶ ĐỒNG")


@pytest.mark.parametrize("damage", [b"", b"not marshal data", b"\xe3" * 40, None])
def test_a_damaged_or_missing_file_only_costs_time(tmp_path, damage):
    if damage is not None:
        _filled(tmp_path)
        (path,) = tmp_path.iterdir()
        path.write_bytes(damage)
    store = PatternStore(tmp_path)
    got = [store.regex(p, f) for p, f in REGEX_PATTERNS] + [store.std(p, f) for p, f in STD_PATTERNS]
    want = [regex.compile(p, f) for p, f in REGEX_PATTERNS] + [re.compile(p, f) for p, f in STD_PATTERNS]
    assert [_behaviour(g) for g in got] == [_behaviour(w) for w in want]
    store.save()  # and the file is whole again
    assert len(PatternStore(tmp_path)._read()) == len(REGEX_PATTERNS) + len(STD_PATTERNS)


def test_an_unwritable_folder_keeps_nothing_and_raises_nothing(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    store = PatternStore(blocker / "cache")  # its parent is a file: no folder can be made
    assert store.regex(*REGEX_PATTERNS[0]).search("có 12 tỷ đồng")
    store.save()
    assert not (blocker / "cache").exists()


def test_a_bad_pattern_raises_the_engines_own_error(tmp_path):
    store = PatternStore(tmp_path)
    with pytest.raises(regex.error):
        store.regex(r"(?P<n>\d+")
    with pytest.raises(re.error):
        store.std(r"(?P<n>\d+")
    assert store.std_keepable  # (a bad pattern says nothing about the interpreter)


@pytest.mark.parametrize("setting", ["off", "", "0", "OFF"])
def test_caching_can_be_turned_off(monkeypatch, setting):
    monkeypatch.setenv("DANVAN_CACHE_DIR", setting)
    assert cache_dir() is None
    store = PatternStore(cache_dir())
    store.regex(*REGEX_PATTERNS[0])
    assert store.path is None and not store._new


def test_a_named_folder_is_used(monkeypatch, tmp_path):
    monkeypatch.setenv("DANVAN_CACHE_DIR", str(tmp_path / "kept"))
    assert cache_dir() == tmp_path / "kept"


def test_kept_texts_are_built_once(tmp_path):
    built = []

    def build(words):
        built.append(words)
        return "|".join(sorted(words))

    first = PatternStore(tmp_path)
    assert first.text("alternation", frozenset({"xã", "huyện"}), build) == "huyện|xã"
    first.save()
    second = PatternStore(tmp_path)
    assert second.text("alternation", frozenset({"huyện", "xã"}), build) == "huyện|xã"
    assert second.text("alternation", frozenset({"huyện", "tỉnh"}), build) == "huyện|tỉnh"
    assert len(built) == 2  # the first words once, the new words once


words = st.lists(st.text(alphabet="abcđêôơưáàảãạ HTX", min_size=1, max_size=8), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(words, st.randoms())
def test_an_alternation_does_not_depend_on_the_order_of_its_words(items, rnd):
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert alternation(items) == alternation(shuffled)


_RUN = """
import json, sys
sys.path.insert(0, {benchmarks!r})
from speed import texts
from danvan_extract import Pipeline
from danvan_extract.grammar.pattern_cache import store
p = Pipeline()
facts = [[f.model_dump(mode="json") for f in p.extract(t)] for t in texts()]
print(json.dumps({{"misses": store().misses, "facts": facts}}))
"""


def test_a_warm_cache_changes_no_fact_and_misses_nothing_under_another_hash_seed(tmp_path):
    code = _RUN.format(benchmarks=str(ROOT / "benchmarks"))
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "DANVAN_CACHE_DIR": str(tmp_path), "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True)
        runs.append(json.loads(out.stdout))
    cold, warm = runs
    assert cold["misses"] > 100  # the first process compiled its patterns
    assert warm["misses"] == 0  # the second built every one from the file (the same texts in any process)
    assert warm["facts"] == cold["facts"]


def test_a_kept_rules_file_is_not_parsed_again_and_each_caller_gets_its_own_copy(tmp_path, monkeypatch):
    rules = tmp_path / "rules.toml"
    rules.write_text('[[money]]\nname = "xa\u0303"\nwords = ["Hòa", "bình"]\n', encoding="utf-8")  # "xã" in NFD
    monkeypatch.setattr(pattern_cache, "_STORE", PatternStore(tmp_path / "kept"))
    first = pattern_cache.parsed_toml(rules)
    assert first == {"money": [{"name": "xã", "words": ["Hòa", "bình"]}]}  # in NFC
    first["money"].clear()  # a caller's copy
    pattern_cache.store().save()
    monkeypatch.setattr(pattern_cache, "_STORE", PatternStore(tmp_path / "kept"))
    monkeypatch.setattr(pattern_cache.tomllib, "loads", _must_not_compile)
    assert pattern_cache.parsed_toml(rules) == {"money": [{"name": "xã", "words": ["Hòa", "bình"]}]}
    rules.write_text('[[money]]\nname = "huyện"\n', encoding="utf-8")  # an edited file is parsed again
    monkeypatch.undo()
    monkeypatch.setattr(pattern_cache, "_STORE", PatternStore(tmp_path / "kept"))
    assert pattern_cache.parsed_toml(rules) == {"money": [{"name": "huyện"}]}


def test_a_rules_file_with_a_date_is_read_and_not_kept(tmp_path, monkeypatch):
    rules = tmp_path / "rules.toml"
    rules.write_text("since = 2025-07-01\n", encoding="utf-8")
    monkeypatch.setattr(pattern_cache, "_STORE", PatternStore(tmp_path / "kept"))
    assert str(pattern_cache.parsed_toml(rules)["since"]) == "2025-07-01"
    assert not pattern_cache.store()._new


def test_a_file_made_by_other_code_is_not_read_and_is_replaced(tmp_path, monkeypatch):
    _filled(tmp_path)
    (old,) = tmp_path.iterdir()
    monkeypatch.setattr(pattern_cache, "_makers_digest", lambda: "000000000000")  # the trie builder changed
    store = PatternStore(tmp_path)
    assert store.path != old and not store._entries()
    store.regex(*REGEX_PATTERNS[0])
    store.save()
    assert [p.name for p in tmp_path.iterdir()] == [store.path.name]


_BATCH = """
import sys
from pathlib import Path
from danvan_extract.engines.local import run_batch
run_batch(Path(sys.argv[1]), Path(sys.argv[2]), workers=2)
"""

_AGAIN = """
import sys
from pathlib import Path
from danvan_extract import Pipeline
from danvan_extract.grammar.pattern_cache import store
p = Pipeline()
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    p.extract(path.read_text(encoding="utf-8"))
print(store().misses)
"""


def _seed_articles(folder: Path) -> Path:
    """``folder`` holding a copy of the seed articles."""
    folder.mkdir()
    for seed in sorted((ROOT / "gold" / "seeds").glob("*.txt")):
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the local engine forks its workers where it can")
def test_what_batch_workers_compiled_is_kept_for_the_next_process(tmp_path):
    # A forked worker ends without running the interpreter's exit hooks, so
    # the patterns only the workers compiled (the parent warms up on one
    # short text) must be saved another way, or every batch compiles them again.
    env = {**os.environ, "DANVAN_CACHE_DIR": str(tmp_path / "cache")}
    articles = _seed_articles(tmp_path / "articles")
    subprocess.run([sys.executable, "-c", _BATCH, str(articles), str(tmp_path / "out.jsonl")],
                   check=True, env=env, capture_output=True, text=True)
    again = subprocess.run([sys.executable, "-c", _AGAIN, str(articles)], check=True, env=env,
                           capture_output=True, text=True)
    assert int(again.stdout) == 0


def test_what_dask_workers_compiled_is_kept_for_the_next_process(tmp_path):
    # Dask's workers are spawned by a nanny, not forked: they must keep what
    # they compiled through their own exit, which the nanny lets run.
    pytest.importorskip("distributed")
    env = {**os.environ, "DANVAN_CACHE_DIR": str(tmp_path / "cache")}
    articles = _seed_articles(tmp_path / "articles")
    subprocess.run([sys.executable, "-m", "danvan_extract.views.cli", "extract", str(articles), "-o",
                    str(tmp_path / "out.jsonl"), "--engine", "dask", "--workers", "2", "--no-progress"],
                   check=True, env=env, capture_output=True, text=True, timeout=600)
    again = subprocess.run([sys.executable, "-c", _AGAIN, str(articles)], check=True, env=env,
                           capture_output=True, text=True)
    assert int(again.stdout) == 0
