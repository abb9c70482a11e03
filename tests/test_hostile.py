"""Issue #14: nothing a folder, a file or a user can throw stops a batch or
silently loses a document.  One test (or a few) per numbered item."""

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from danvan_extract import batch
from danvan_extract.cli import app

runner = CliRunner()

SENTENCE = "Thực hiện Nghị quyết số 25-NQ/TW, có 285 mô hình, chiếm 73,53%."


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _run(folder: Path, out: Path, *extra: str):
    return runner.invoke(app, ["extract", str(folder), "-o", str(out), "--no-progress", *extra])


def _values(doc: dict) -> set:
    return {f.get("value") for f in doc["facts"]}


# --- 1. file names that are not UTF-8 --------------------------------------


@pytest.mark.parametrize("workers", ["1", "2"])
def test_file_name_that_is_not_utf8(tmp_path, workers):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (b"a.txt", b"caf\xe9.txt", b"z.txt"):
        (folder / os.fsdecode(name)).write_text(SENTENCE, encoding="utf-8")
    (folder / os.fsdecode(b"bad\xff.txt")).write_bytes(b"")  # and an error naming it
    out = tmp_path / "o.jsonl"
    result = _run(folder, out, "--workers", workers)
    assert result.exit_code == 1, result.output
    docs = _lines(out)
    assert [d["doc_id"] for d in docs] == ["a", "bad\\xff", "caf\\xe9", "z"]
    assert docs[1]["errors"] == ["bad\\xff.txt: empty file"]
    assert all(285 in _values(d) for d in docs if d["doc_id"] != "bad\\xff")
    # stable across runs: --resume after losing the last lines finishes the batch
    out.write_text("".join(line + "\n" for line in out.read_text(encoding="utf-8").splitlines()[:2]),
                   encoding="utf-8")
    result = _run(folder, out, "--workers", workers, "--resume")
    assert [d["doc_id"] for d in _lines(out)] == ["a", "bad\\xff", "caf\\xe9", "z"]


def test_large_file_with_a_name_that_is_not_utf8(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"l\xe0rge.txt")).write_text((SENTENCE + "\n") * 50, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    batch.run_batch(folder, out, large_file_bytes=100)
    (doc,) = _lines(out)
    assert doc["doc_id"] == "l\\xe0rge" and len(doc["facts"]) >= 150
