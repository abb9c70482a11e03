"""The public API: extract(), Pipeline, records, errors, rules."""

import json

import pytest

import danvan_extract
from danvan_extract import DanvanError, Document, InputError, Pipeline, RulesError, extract
from danvan_extract.records import FACT_LIST_ADAPTER
from danvan_extract.grammar.rules import SCHEMAS, bundled_rules_dir, load_rules


def test_extract_returns_records():
    facts = extract("Huyện có 285 mô hình, chiếm 73,53%.")
    assert [(f.type, f.text) for f in facts] == [("count", "285 mô hình"), ("percentage", "73,53%")]


def test_json_round_trip_is_exact():
    facts = extract("Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Bộ Chính trị; hiến trên 36.618 m2; 4,22 tỷ đồng")
    doc = Document(doc_id="x", facts=facts)
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert FACT_LIST_ADAPTER.validate_json(json.dumps([f.model_dump() for f in facts])) == facts


@pytest.mark.parametrize("bad", [b"bytes", None, 12, ["a"]])
def test_bad_arguments_raise_library_errors(bad):
    with pytest.raises(InputError, match="str"):
        extract(bad)
    assert issubclass(InputError, DanvanError)


def test_unknown_rules_folder_is_a_clear_error(tmp_path):
    with pytest.raises(RulesError, match="does not exist"):
        Pipeline(tmp_path / "missing")


def test_every_rules_file_loads_and_validates():
    for name in SCHEMAS:
        assert (bundled_rules_dir() / name).is_file(), name
    rules = load_rules()
    assert rules.lexicon("counted_nouns") and rules.lexicon("surnames")
    assert all(p for p in rules.patterns.values())


def test_unknown_key_in_rules_is_rejected(tmp_path):
    (tmp_path / "qualifiers.toml").write_text('[qualifiers]\nbogus = ["x"]\n', encoding="utf-8")
    with pytest.raises(RulesError, match="bogus"):
        load_rules(tmp_path)


def test_user_rules_extend_lexicons(tmp_path):
    (tmp_path / "lexicons").mkdir()
    base = Pipeline()
    # A spelled number counts a one-syllable noun only from the lexicon.
    text = "Có 7 xuồng và hai xuồng."
    assert not any(f.text == "hai xuồng" for f in base.extract(text))
    (tmp_path / "lexicons" / "counted_nouns.txt").write_text("xuồng\n", encoding="utf-8")
    custom = Pipeline(tmp_path)
    assert any(f.text == "hai xuồng" for f in custom.extract(text))


def test_public_names():
    for name in danvan_extract.__all__:
        assert getattr(danvan_extract, name) is not None


def test_ner_window_signal():
    """The statistical signal: underthesea's NER on a small window."""
    from danvan_extract.nlp import looks_like_person

    assert looks_like_person("Nguyễn Xuân Dậu", "Đồng chí Nguyễn Xuân Dậu, Trưởng Ban Dân vận Huyện ủy cho biết")
    assert not looks_like_person("Dân vận", "Đồng chí Nguyễn Xuân Dậu, Trưởng Ban Dân vận Huyện ủy cho biết")


def test_extract_gives_the_facts_of_extract_document_paragraph_by_paragraph():
    """``extract()`` skips the context analysis of a text without figures
    (only the article's fields would come of it): every paragraph of the
    gold articles, and each article whole, gives the same facts both ways."""
    from pathlib import Path

    gold = Path(__file__).resolve().parent.parent / "gold"
    articles = [p.read_text(encoding="utf-8") for p in sorted(gold.glob("*/*.txt"))]
    texts = articles + [line for a in articles for line in a.split("\n") if line.strip()]
    pipeline = Pipeline()
    without_figures = 0
    for text in texts:
        facts = pipeline.extract(text)
        assert facts == pipeline.extract_document(text, "x").facts, text[:80]
        without_figures += not any(f.type in ("percentage", "count", "ratio", "area", "money") for f in facts)
    assert without_figures > 100  # the short cut is taken, and checked
