"""Batch at scale: large files streamed block by block, lazy listing,
interrupt and resume."""

import io
import json
import os
import signal
import subprocess
import sys
import time

from hypothesis import given, settings, strategies as st

from danvan_extract.io import streaming
from danvan_extract.engines.local import run_batch
from danvan_extract.io.listing import iter_inputs
from danvan_extract.records import Document

from .conftest import GOLD


def _articles() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt")))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n", max_size=300), st.integers(min_value=1, max_value=40))
def test_blocks_cover_the_text_and_end_at_line_breaks(text, size):
    blocks = list(streaming.iter_blocks(io.StringIO(text, newline=""), size))
    assert "".join(b for _, b in blocks) == text
    offset = 0
    for start, block in blocks:
        assert start == offset and block
        offset += len(block)
    for _, block in blocks[:-1]:
        # a line break ends a block, unless one line ran longer than 4 blocks
        assert block.endswith("\n") or "\n" not in block


def test_large_file_streamed_gives_the_same_facts(tmp_path, monkeypatch, pipeline):
    text = _articles() * 3
    src = tmp_path / "in"
    src.mkdir()
    (src / "big.txt").write_text(text, encoding="utf-8")
    (src / "small.txt").write_text("Có 12 xã đạt chuẩn.", encoding="utf-8")
    monkeypatch.setattr(streaming, "BLOCK_CHARS", 20_000)  # several blocks
    streamed, whole = tmp_path / "s.jsonl", tmp_path / "w.jsonl"
    run_batch(src, streamed, large_file_bytes=10_000)
    run_batch(src, whole)
    s_lines = streamed.read_text(encoding="utf-8").splitlines()
    w_lines = whole.read_text(encoding="utf-8").splitlines()
    assert len(s_lines) == len(w_lines) == 2
    big = Document.model_validate_json(s_lines[0])
    assert big.doc_id == "big" and not big.errors
    for f in big.facts:
        assert text[f.start : f.end] == f.text
    # Blocks end at line breaks, so the facts are those of the whole text;
    # their context is read block by block (a time or place stated in an
    # earlier block does not carry), so it is compared apart.
    context = {"subject", "location", "period"}

    def bare(line: str) -> list[dict]:
        return [{k: v for k, v in f.items() if k not in context} for f in json.loads(line)["facts"]]

    assert [bare(line) for line in s_lines] == [bare(line) for line in w_lines]
    assert s_lines[1] == w_lines[1]
    assert len(big.facts) == len(pipeline.extract(text))


def test_large_utf16_and_invalid_utf8_files(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    body = "Huyện có 285 mô hình, chiếm 73,53%.\n" * 400
    (src / "a16.txt").write_bytes(body.encode("utf-16"))
    (src / "b1258.txt").write_bytes(body.encode("utf-8")[:-30] + b"\xff\xfe trailing")
    monkeypatch.setattr(streaming, "BLOCK_CHARS", 1000)
    out = tmp_path / "o.jsonl"
    run_batch(src, out, large_file_bytes=1000)
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["doc_id"] for d in docs] == ["a16", "b1258"]
    assert not docs[0]["errors"] and sum(f["type"] == "count" for f in docs[0]["facts"]) == 400
    # not valid UTF-8: read whole by the ordinary path (which decodes or reports it)
    assert docs[1]["facts"] or docs[1]["errors"]


def test_inputs_are_listed_lazily_in_a_stable_order(tmp_path):
    for rel in ("b/2.txt", "b/1.txt", "a.txt", "c/d/e.txt", "skip.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    it = iter_inputs(tmp_path)
    assert iter(it) is it  # a generator, not a list
    names = [p.relative_to(tmp_path).as_posix() for p in it]
    assert names == ["a.txt", "b/1.txt", "b/2.txt", "c/d/e.txt"]


def test_killed_run_resumes_to_the_same_output(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    articles = sorted(GOLD.glob("*.txt"))
    for i in range(300):
        art = articles[i % len(articles)]
        (src / f"{i:04d}.txt").write_bytes(art.read_bytes())
    clean, killed = tmp_path / "clean.jsonl", tmp_path / "killed.jsonl"
    cmd = [sys.executable, "-m", "danvan_extract.views.cli", "extract", str(src), "--no-progress"]
    subprocess.run(cmd + ["-o", str(clean)], check=False, capture_output=True)
    proc = subprocess.Popen(cmd + ["-o", str(killed), "--workers", "2"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not killed.exists() or killed.stat().st_size < 20_000):
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # no clean-up of any kind
    proc.wait()
    written = killed.read_bytes().count(b"\n")
    assert 0 < written < 300, written
    subprocess.run(cmd + ["-o", str(killed), "--resume"], check=False, capture_output=True)
    assert killed.read_bytes() == clean.read_bytes()


def test_large_files_among_small_ones_keep_the_order_with_two_workers(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    text = _articles()
    for i in range(40):
        body = text if i % 13 == 5 else text[: 300 + i * 7]
        (src / f"{i:03d}.txt").write_text(body, encoding="utf-8")
    monkeypatch.setattr(streaming, "BLOCK_CHARS", 10_000)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch(src, one, workers=1, large_file_bytes=20_000)
    run_batch(src, two, workers=2, large_file_bytes=20_000)
    assert one.read_bytes() == two.read_bytes()
    ids = [json.loads(line)["doc_id"] for line in one.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"{i:03d}" for i in range(40)]


def test_the_pool_leaves_the_collector_as_it_found_it(tmp_path):
    """The objects frozen for the forked workers are unfrozen when the pool
    closes: a process that runs batch after batch does not keep its garbage."""
    import gc

    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.txt").write_text("Xã có 285 hộ.", encoding="utf-8")
    before = gc.get_freeze_count()
    run_batch(src, tmp_path / "out.jsonl", workers=2)
    assert gc.get_freeze_count() == before


def _batch_where_13_kills_its_worker(tmp_path, monkeypatch, slow: str = "") -> tuple:
    """A 2-worker batch of 30 one-line files in which document "13" kills
    its worker (``slow``: a document that takes half a second); the
    summary and the output lines."""
    import time

    import danvan_extract.engines.local as batch

    src = tmp_path / "in"
    src.mkdir()
    for i in range(30):
        (src / f"{i:02d}.txt").write_text(f"Xã có {i + 2} mô hình, chiếm {i},5%.", encoding="utf-8")
    real = batch.process_file

    def deadly(args):
        if args[1] == "13":
            os._exit(9)  # as if killed by the kernel: no exception, no clean-up
        if args[1] == slow:
            time.sleep(0.5)
        return real(args)

    monkeypatch.setattr(batch, "process_file", deadly)  # forked workers inherit it
    out = tmp_path / "o.jsonl"
    summary = run_batch(src, out, workers=2)
    return summary, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_a_worker_that_dies_costs_one_document_not_the_batch(tmp_path, monkeypatch):
    summary, docs = _batch_where_13_kills_its_worker(tmp_path, monkeypatch)
    assert [d["doc_id"] for d in docs] == [f"{i:02d}" for i in range(30)]
    assert summary.failed == 1
    assert "worker process died" in docs[13]["errors"][0] and docs[13]["facts"] == []
    for d in docs[:13] + docs[14:]:
        assert not d["errors"] and len(d["facts"]) == 2


def test_a_document_redone_after_a_worker_died_is_not_blamed_for_another_death(tmp_path, monkeypatch):
    # "03" is still running when the chunk holding "13" kills its worker, so
    # its chunk is redone one document at a time; the chunk of "13" must not
    # run beside it then (it would kill the pool again while "03" runs).
    summary, docs = _batch_where_13_kills_its_worker(tmp_path, monkeypatch, slow="03")
    assert [d["doc_id"] for d in docs if d["errors"]] == ["13"] and summary.failed == 1


def test_the_warm_up_before_forking_never_fails_a_batch_and_keeps_the_budget(monkeypatch):
    from danvan_extract.engines import local
    from danvan_extract.engines.document import pipeline_for

    hopeless = pipeline_for(None, 1e-9)  # every extraction runs out of time
    loaded = []
    monkeypatch.setattr(local, "load_models", lambda: loaded.append(True))
    local._warm_up(None, 1e-9)  # no error: the workers will report their own
    assert hopeless.time_budget == 1e-9
    assert loaded == [True]  # the models are loaded before forking all the same

    pipeline = pipeline_for(None, 30.0)
    seen = []
    monkeypatch.setattr(pipeline, "extract", lambda text: seen.append(pipeline.time_budget))
    local._warm_up(None, 30.0)
    assert seen == [local._WARM_UP_SECONDS] and pipeline.time_budget == 30.0
