"""Bad arguments to the Python API raise the library's own exceptions
(subclasses of DanvanError) with a message that says what to do."""

import pytest

from danvan_extract import DanvanError, InputError, Pipeline, RulesError
from danvan_extract.engines.local import run_batch
from danvan_extract.errors import GoldError
from danvan_extract.scoring.evaluate import load_gold
from danvan_extract.io.legacy import is_syllable, score


def test_rules_dir_that_is_a_file(tmp_path):
    f = tmp_path / "rules.toml"
    f.write_text("", encoding="utf-8")
    with pytest.raises(RulesError, match="is a file; pass the folder"):
        Pipeline(rules_dir=f)


def test_rules_dir_of_the_wrong_type():
    with pytest.raises(RulesError, match="must be a folder path"):
        Pipeline(12)
    with pytest.raises(DanvanError):
        Pipeline(rules_dir=["rules"])


def test_time_budget_must_be_positive():
    with pytest.raises(InputError, match="time_budget"):
        Pipeline(time_budget=0)


def test_malformed_toml_names_the_file(tmp_path):
    (tmp_path / "units.toml").write_text("[[[ not toml", encoding="utf-8")
    with pytest.raises(RulesError, match="units.toml"):
        Pipeline(rules_dir=tmp_path)


def test_rules_value_of_wrong_type_names_the_file(tmp_path):
    (tmp_path / "qualifiers.toml").write_text('qualifiers = "over"\n', encoding="utf-8")
    with pytest.raises(RulesError, match="qualifiers.toml"):
        Pipeline(rules_dir=tmp_path)


def test_run_batch_on_a_missing_folder(tmp_path):
    with pytest.raises(InputError, match="does not exist or is not a folder; pass a folder"):
        run_batch(tmp_path / "nope", tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def test_run_batch_on_a_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Có 12 xã.", encoding="utf-8")
    with pytest.raises(InputError, match="not a folder"):
        run_batch(f, tmp_path / "out.jsonl")


def test_load_gold_missing_folder(tmp_path):
    with pytest.raises(GoldError, match="does not exist"):
        load_gold(tmp_path / "nope")


def test_load_gold_bad_jsonl_names_file_and_line(tmp_path):
    (tmp_path / "a.txt").write_text("Có 12 xã.", encoding="utf-8")
    (tmp_path / "a.facts.jsonl").write_text('{"type": "count", "start": 3, "end": 8, "text": "12 xã"}\n{"type": \n',
                                            encoding="utf-8")
    with pytest.raises(GoldError, match=r"a\.facts\.jsonl:2:"):
        load_gold(tmp_path)


@pytest.mark.parametrize("which", ["txt", "facts"])
def test_load_gold_not_utf8_says_save_as_utf8(tmp_path, which):
    (tmp_path / "a.txt").write_bytes(b"\xff\xfe bad" if which == "txt" else "Có 12 xã.".encode())
    (tmp_path / "a.facts.jsonl").write_bytes(b"\xff{}\n" if which == "facts" else b"")
    with pytest.raises(GoldError, match="save it as UTF-8"):
        load_gold(tmp_path)


def test_load_gold_without_pairs(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(GoldError, match="no <name>.txt"):
        load_gold(tmp_path)


def test_every_library_error_is_a_danvan_error():
    for cls in (InputError, RulesError, GoldError):
        assert issubclass(cls, DanvanError)
    from danvan_extract.errors import ExtractionTimeout

    assert issubclass(ExtractionTimeout, DanvanError)


def test_syllable_checker():
    for word in ("Nghị", "quyết", "Trường", "đồng", "khuya", "giữa", "NGUYỄN"):
        assert is_syllable(word), word
    for word in ("Tr¦êng", "NghÞ", "café", "quyơt", "aáà", "x" * 20):
        assert not is_syllable(word), word
    assert score("Có 12 xã, NghÞ quyÕt!").total == 4
