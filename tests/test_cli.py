"""The command line: batch over a folder with bad files, evaluate, schema."""

import json
import os
import shutil
import unicodedata

import pytest
from typer.testing import CliRunner

from danvan_extract.views.cli import app
from danvan_extract.records import Document

from .conftest import GOLD

runner = CliRunner()


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese files use it: base letters plus tone marks."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            try:
                out += unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in "\u0300\u0301\u0303\u0309\u0323")).encode("cp1258")
                out += "".join(m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323").encode("cp1258")
            except UnicodeEncodeError:
                out += unicodedata.normalize("NFD", ch).encode("cp1258")
    return out


@pytest.fixture()
def messy_dir(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    for src in sorted(GOLD.glob("*.txt"))[:2]:
        shutil.copy(src, d / src.name)
    (d / "sub" / "bom.txt").write_bytes("\ufeffHuyện có 285 mô hình.".encode("utf-8"))
    (d / "sub" / "utf16.txt").write_bytes("Có 12 xã đạt chuẩn.".encode("utf-16"))
    (d / "sub" / "cp1258.txt").write_bytes(_cp1258("Có 12 xã đạt chuẩn."))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (d / "dir.txt").mkdir()
    os.symlink("loop_b.txt", d / "loop_a.txt")
    os.symlink("loop_a.txt", d / "loop_b.txt")
    return d


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_batch_never_aborts_and_reports_each_bad_file(messy_dir, tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(messy_dir), "-o", str(out), "--no-progress"])
    assert result.exit_code == 1, result.output  # some documents failed
    docs = {d["doc_id"]: d for d in _lines(out)}
    assert len(docs) == 10
    for bad in ("empty", "binary", "dir", "loop_a", "loop_b"):
        assert docs[bad]["facts"] == [] and docs[bad]["errors"], bad
    for good in ("sub/bom", "sub/utf16", "sub/cp1258"):
        assert docs[good]["errors"] == [] and docs[good]["facts"], good
    assert docs["sub/bom"]["facts"][0]["value"] == 285
    for line in _lines(out):
        Document.model_validate(line)


def test_workers_give_identical_output_and_resume_skips(messy_dir, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    runner.invoke(app, ["extract", str(messy_dir), "-o", str(one), "--no-progress"])
    runner.invoke(app, ["extract", str(messy_dir), "-o", str(two), "--workers", "2", "--no-progress"])
    assert one.read_bytes() == two.read_bytes()
    # a torn last line (an interrupted run) is dropped and redone
    data = one.read_bytes().splitlines(keepends=True)
    torn = tmp_path / "torn.jsonl"
    torn.write_bytes(b"".join(data[:3]) + data[3][:20])
    runner.invoke(app, ["extract", str(messy_dir), "-o", str(torn), "--resume", "--no-progress"])
    assert sorted(torn.read_bytes().splitlines()) == sorted(one.read_bytes().splitlines())


def test_facts_from_batch_match_library(messy_dir, tmp_path, pipeline):
    out = tmp_path / "o.jsonl"
    runner.invoke(app, ["extract", str(messy_dir), "-o", str(out), "--no-progress"])
    doc = next(d for d in _lines(out) if d["doc_id"].startswith("000"))
    text = (messy_dir / (doc["doc_id"] + ".txt")).read_text(encoding="utf-8")
    assert doc["facts"] == [json.loads(f.model_dump_json(exclude_none=True)) for f in pipeline.extract(text)]
    for f in doc["facts"]:
        assert text[f["start"] : f["end"]] == f["text"]


def test_evaluate_prints_table_and_errors():
    result = runner.invoke(app, ["evaluate", str(GOLD), "--errors"])
    assert result.exit_code == 0, result.output
    for row in ("percentage", "count", "ratio", "area", "money", "document_ref", "person_role", "count[mô hình]", "overall"):
        assert row in result.output
    assert "strict" in result.output and "lenient" in result.output


def test_evaluate_json_and_pred(tmp_path):
    out = tmp_path / "p.jsonl"
    runner.invoke(app, ["extract", str(GOLD), "-o", str(out), "--no-progress"])
    a = json.loads(runner.invoke(app, ["evaluate", str(GOLD), "--json"]).output)
    b = json.loads(runner.invoke(app, ["evaluate", str(GOLD), "--json", "--pred", str(out)]).output)
    assert a == b
    assert a["lenient"]["percentage"]["f1"] > 0.9


def test_schema_is_json_schema():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.output)
    assert schema["title"] == "Document"
    assert "facts" in schema["properties"]


def test_missing_input_folder_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2


def test_bad_rules_folder_is_one_clear_error_even_with_workers(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "units.toml").write_text("[[[ broken", encoding="utf-8")
    for workers in ("1", "2"):
        result = runner.invoke(app, ["extract", str(GOLD), "-o", str(tmp_path / "o.jsonl"), "--no-progress",
                                     "--workers", workers, "--rules", str(tmp_path / "rules")])
        assert result.exit_code == 2, result.output
        assert "units.toml" in result.output
