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


# --- 3. a subfolder that cannot be read ----------------------------------------


def test_unreadable_subfolder_gets_an_error_line(tmp_path):
    import tempfile

    from .test_inputs import _as_nobody

    base = Path(tempfile.mkdtemp(prefix="danvan-perm-"))
    try:
        os.chmod(base, 0o777)
        folder, out = base / "in", base / "o.jsonl"
        (folder / "locked").mkdir(parents=True)
        (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
        (folder / "locked" / "b.txt").write_text(SENTENCE, encoding="utf-8")
        for p in (folder, folder / "a.txt", folder / "locked" / "b.txt"):
            os.chmod(p, 0o755)
        os.chmod(folder / "locked", 0)
        if os.geteuid() == 0:
            code = _as_nobody(lambda: _run(folder, out).exit_code)
        else:
            code = _run(folder, out).exit_code
        assert code == 1
        docs = _lines(out)
        assert [d["doc_id"] for d in docs] == ["a", "locked/"]
        assert docs[1]["errors"] == ["locked/: cannot list this folder, its files were not read: Permission denied"]
    finally:
        os.chmod(base / "in" / "locked", 0o755)
        import shutil

        shutil.rmtree(base, ignore_errors=True)


# --- 14. deeply nested folders -------------------------------------------------


def _remove_chain(folder: Path, depth: int) -> None:
    """Remove ``d/d/.../x.txt`` bottom-up (shutil.rmtree recurses too deep)."""
    fds = [os.open(folder, os.O_RDONLY)]
    for _ in range(depth):
        fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
    os.unlink("x.txt", dir_fd=fds[-1])
    for i in range(depth, 0, -1):
        os.close(fds[i])
        os.rmdir("d", dir_fd=fds[i - 1])
    os.close(fds[0])


@pytest.mark.parametrize("depth", [1000, 2100])
def test_thousand_nested_folders(tmp_path, depth):
    folder = tmp_path / "in"
    os.makedirs(folder)
    fd = os.open(folder, os.O_RDONLY)
    try:  # build the chain relative to each level: a full path can be over PATH_MAX
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            nxt = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nxt
        with open(os.open("x.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "w", encoding="utf-8") as fh:
            fh.write(SENTENCE)
    finally:
        os.close(fd)
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    try:
        result = _run(folder, out)
    finally:
        _remove_chain(folder, depth)
    docs = _lines(out)
    assert len(docs) == 2 and docs[0]["doc_id"] == "a" and 285 in _values(docs[0])
    if len(str(folder)) + 2 * depth < 4000:  # read at any depth, no RecursionError
        assert result.exit_code == 0
        assert docs[1]["doc_id"] == "d/" * depth + "x" and 285 in _values(docs[1])
    else:  # the folder whose path is too long to list gets its line, saying so
        assert result.exit_code == 1
        assert docs[1]["doc_id"].startswith("d/d/d/") and docs[1]["doc_id"].endswith("/")
        assert "cannot list this folder" in docs[1]["errors"][0]


# --- 2. UTF-32, and UTF-16 without a BOM -----------------------------------------

WIDE = {
    "utf-32 LE BOM": lambda s: s.encode("utf-32"),  # native order, with BOM
    "utf-32 BE BOM": lambda s: b"\x00\x00\xfe\xff" + s.encode("utf-32-be"),
    "utf-16 LE no BOM": lambda s: s.encode("utf-16-le"),
    "utf-16 BE no BOM": lambda s: s.encode("utf-16-be"),
}


@pytest.mark.parametrize("name", list(WIDE))
def test_wide_encodings_give_the_facts(name, tmp_path, pipeline):
    from danvan_extract.decoding import read_text

    path = tmp_path / "doc.txt"
    path.write_bytes(WIDE[name](SENTENCE))
    text, errors = read_text(path)
    assert errors == [] and text == SENTENCE
    assert {285, 73.53} <= {f.value for f in pipeline.extract(text) if hasattr(f, "value")}


def test_large_utf32_file_is_streamed_as_utf32(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_bytes(((SENTENCE + "\n") * 40).encode("utf-32"))
    batch.run_batch(folder, tmp_path / "o.jsonl", large_file_bytes=100)
    (doc,) = _lines(tmp_path / "o.jsonl")
    assert doc["errors"] == [] and sum(f["type"] == "count" for f in doc["facts"]) == 40


def test_nul_bytes_that_are_not_utf16_are_still_binary():
    from danvan_extract.decoding import decode_bytes

    assert decode_bytes(b"ab\x00\x00cd\x00e\x00" * 10)[1] == ["binary file (contains NUL bytes), not text"]
    assert decode_bytes(SENTENCE.encode("utf-16-le") + b"\x00")[1][0].startswith("binary file")
