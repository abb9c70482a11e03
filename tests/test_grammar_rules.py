"""The document and person grammars are data (``[grammar]`` in
documents.toml and persons.toml): the loader composes them and refuses, at
load time and naming the rule, a pattern that lacks a named group its
extractor reads (issue 10, item 4)."""

import pickle

import pytest
import regex
from hypothesis import given, settings, strategies as st

from danvan_extract import Pipeline
from danvan_extract.errors import RulesError
from danvan_extract.registry import ROWS
from danvan_extract.grammar.rules import case_free, load_rules
from tests.conftest import GOLD
from tests.rules_copy import rules_with


def test_every_pattern_an_extractor_reads_is_loaded_with_its_groups():
    rules = load_rules()
    rows = [row for row in ROWS if row.grammar]
    assert {row.name for row in rows} == {"document_ref", "person_role"}
    for row in rows:
        patterns = rules.grammar(row.name)
        for name, groups in row.grammar.patterns:
            assert set(groups) <= set(patterns[name].regex.groupindex), name


def test_a_document_pattern_without_a_group_it_reads_is_refused_naming_it(tmp_path):
    rules_with(tmp_path, "documents.toml", "(?P<so>s[ốô])", "(s[ốô])")
    with pytest.raises(RulesError, match=r"\[E070\].*documents\.toml.*with_word.*\bso\b.*document_ref"):
        Pipeline(rules_dir=tmp_path)


def test_a_person_pattern_without_a_group_it_reads_is_refused_naming_it(tmp_path):
    rules_with(tmp_path, "persons.toml", "(?P<label>{byline_bare_label})", "({byline_bare_label})")
    with pytest.raises(RulesError, match=r"\[E070\].*persons\.toml.*byline_bare.*label"):
        Pipeline(rules_dir=tmp_path)


def test_a_missing_pattern_is_refused_naming_it(tmp_path):
    rules_with(tmp_path, "documents.toml", 'name = "motto"', 'name = "national_motto"')
    with pytest.raises(RulesError, match=r"\[E071\].*documents\.toml.*\bmotto\b"):
        Pipeline(rules_dir=tmp_path)


def test_a_money_rule_without_per_is_refused_at_load(tmp_path):
    # before: it loaded, then every document failed with an IndexError
    rules_with(tmp_path, "numeric.toml", "(?P<cur>{currency}){unit_end}(?P<per>{per})'",
               "(?P<cur>{currency}){unit_end}{per}'")
    with pytest.raises(RulesError, match=r"\[E070\].*numeric\.toml.*money.*\bper\b"):
        Pipeline(rules_dir=tmp_path)


def test_a_user_grammar_part_changes_what_is_read(tmp_path):
    # a new code segment form: lower-case letters after the first ("Qđ")
    rules_with(tmp_path, "documents.toml", "seg = '[A-ZĐÐ\\p{Lu}][\\p{L}\\d]*'", "seg = '[A-ZĐÐ\\p{Lu}a-z][\\p{L}\\d]*'")
    facts = Pipeline(rules_dir=tmp_path, person_roles=False).extract("theo Quyết định số 12/qđ-UBND ngày 1/2/2024")
    assert [f.number for f in facts if f.type == "document_ref"] == ["12/qđ-UBND"]


def test_the_bundled_rules_pass_the_load_time_checks():
    # without a user folder the patterns compile on first use; the checks a
    # user folder gets at load (every pattern compiles, with the groups its
    # extractor reads) hold for the bundled rules
    rules = load_rules(validate=True)
    patterns = [p for family in rules.patterns.values() for p in family] + rules.chrome_patterns
    patterns += [p for grammar in rules.grammars.values() for p in grammar.values()]
    assert all(isinstance(p.regex, regex.Pattern) for p in patterns)


def test_a_pattern_compiled_on_first_use_scans_as_a_compiled_one():
    lazy, compiled = load_rules(), load_rules(validate=True)
    text = "Xã có 285 hộ, chiếm 73,53%; Nghị quyết số 25-NQ/TW."
    for family, patterns in lazy.patterns.items():
        for a, b in zip(patterns, compiled.patterns[family]):
            copy = pickle.loads(pickle.dumps(a))  # a batch sends pipelines to worker processes
            assert [m.span() for m in copy.regex.finditer(text)] == [m.span() for m in b.regex.finditer(text)]


def test_rules_of_one_name_in_several_families_are_one_scan():
    """A rule written in several families ("amount.spelled" for percentage,
    area and money) must stay the same rule, or the text is scanned again
    for each copy: same pattern, flags and anchor promises."""
    from danvan_extract.grammar.rules import load_rules

    keys: dict[str, set] = {}
    for family in load_rules().patterns.values():
        for pattern in family:
            keys.setdefault(pattern.name, set()).add(pattern.scan_key)
    shared = {name for name, found in keys.items() if len(found) > 1}
    assert shared == set()
    families = [f for f in load_rules().patterns.values() if any(p.name == "amount.spelled" for p in f)]
    assert len(families) >= 2  # the case this guards is there


@pytest.mark.parametrize("src, free", [
    (r"\|[ \t]*(?P<n1>\d{1,3}(?:\.\d{3})*)(?=\n|$)", True),
    (r"\((?P<d>\d{1,2})/(?P<m>\d{1,2})\)", True),
    (r"\d+\s*ha", False),            # a letter
    (r"\p{Lu}", False),              # a property the flag widens
    (r"(.)\1", False),               # a back-reference compares any case
    (r"[@-Z]", False),               # a range spanning letters
    (r"\x41", False),                # a letter by its code
    (r"Ⅻ", False),                   # a cased numeral
    (r"(?P<a>.)(?P=a)", False),
])
def test_case_free_tells_the_patterns_a_case_flag_leaves_alone(src, free):
    assert case_free(src) is free


def test_case_free_patterns_find_the_same_with_and_without_the_flag():
    texts = [path.read_text(encoding="utf-8") for path in sorted(GOLD.glob("*.txt"))]
    free = [p for p in Pipeline().scan_patterns if case_free(p.regex.pattern)]
    assert {"count.table_cell", "percentage.table_cell"} <= {p.name for p in free}
    for p in free:
        blind, plain = regex.compile(p.regex.pattern, regex.IGNORECASE), regex.compile(p.regex.pattern)
        for text in texts + ["| 12 |\n|A| 3,5 |\n(5/3) (A/b)"]:
            assert [m.span() for m in blind.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_count_and_percentage_table_cells_share_one_scan():
    keys = {p.name: p.scan_key for p in Pipeline().scan_patterns}
    assert keys["count.table_cell"] == keys["percentage.table_cell"]


_SPELLED_PARTS = ["hai", "ba", "năm", "mười", "mươi", "lăm", "tư", "trăm", "nghìn", "triệu", "tỷ", "rưỡi", "linh",
                  "một", "Hai", "%", "phần trăm", "ha", "mẫu", "sào", "m2", "đồng", "triệu đồng", "tỷ đồng", "USD",
                  "/năm", "hộ", "người", "ngày", ",", "."]


_RULE_ONLY = Pipeline(context=False)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SPELLED_PARTS), max_size=24), st.sampled_from([" ", "  ", "\n", ""]))
def test_spelled_amount_reads_as_if_its_words_could_be_given_back(parts, gap):
    """The amount rules read a spelled number's words possessively (no unit
    opens with a number word): the matches are those of the same pattern
    allowed to give its words back, on any mix of number words and units."""
    ((source, flags),) = {(sp.regex.pattern, sp.regex.flags) for sp in _RULE_ONLY.scan_patterns
                          if sp.name == "amount.spelled"}  # (three families read it)
    assert "){0,15}+" in source and "(?>" in source
    pattern = regex.compile(source, flags)
    giving_back = regex.compile(source.replace("){0,15}+", "){0,15}").replace("(?>", "(?:"), flags)
    text = gap.join(parts) + " " + " ".join(parts[:3])
    assert ([(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            == [(m.span(), m.groupdict()) for m in giving_back.finditer(text)])
