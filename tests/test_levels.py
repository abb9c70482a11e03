"""The registry of level words (rules/levels.toml) holds together."""

from danvan_extract.grammar import levels

_CLASS_OF_RANK = {1: "xã", 2: "huyện", 3: "tỉnh", 4: "tỉnh"}


def test_each_short_form_stands_for_a_written_level_word():
    full = set(levels.WRITTEN) - set(levels.SHORT)
    assert levels.SHORT and all(word in full for word in levels.SHORT.values())


def test_a_class_agrees_with_its_rank():
    for word, rank in levels.RANK.items():
        assert levels.LEVEL_CLASS.get(word) == _CLASS_OF_RANK.get(rank), word


def test_initials_are_one_letter_and_a_dot():
    assert levels.INITIALS and all(len(s) == 2 and s[0].isalpha() and s[1] == "." for s in levels.INITIALS)


def test_no_word_is_cut_short_by_a_shorter_one_listed_before_it():
    # the written words are tried in order as one alternation: "tp" before "tp." would read "tp" in "tp. Vinh"
    written = levels.WRITTEN
    for i, word in enumerate(written):
        assert not any(later.startswith(word) for later in written[i + 1:]), word


def test_vietnamese_units_leave_out_foreign_levels_and_the_nation():
    assert "bang" in levels.RANK and "bang" not in levels.VIETNAMESE_UNITS
    assert "quốc gia" in levels.RANK and "quốc gia" not in levels.WRITTEN
    assert set(levels.VIETNAMESE_CLASSED) <= set(levels.LEVEL_CLASS)


def test_numbered_and_plain_units_are_level_words_of_vietnamese_units():
    assert levels.NUMBERED and levels.NUMBERED <= set(levels.VIETNAMESE_UNITS)
    assert set(levels.PLAIN_UNITS) < set(levels.VIETNAMESE_UNITS)
    # a word that is also a common noun ("bản": a copy) is never read alone as a unit
    assert "bản" in levels.VIETNAMESE_UNITS and "bản" not in levels.PLAIN_UNITS
