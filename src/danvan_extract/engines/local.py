"""Batch extraction over a folder: one JSONL line per input document, in a
stable order, never aborting on one bad file.

Memory stays flat whatever the number of documents: inputs are listed
lazily (folder by folder, sorted), at most a small window of documents is
in flight between the worker processes and the writer, and each line is
written and flushed as soon as it is its turn.  A file larger than
``large_file_bytes`` is read and extracted block by block (blocks end at a
line break) in the main process and its line is written piece by piece,
so a 50 MB article never sits in memory whole.

Each worker process loads the rules once.  An interrupted run leaves at
most one partial last line, which ``resume`` cuts off before carrying on.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from ..io.listing import count_inputs, pending_inputs
from ..scan.budget import time_budget_seconds
from .document import LARGE_FILE_BYTES, Result, extract_file, failed_result, large_encoding, line_result, pipeline_for
from ..errors import E_DOCUMENT, E_INPUT_FOLDER, E_LIST_INPUT, E_WORKER_DIED, E_WORKERS, InputError
from ..extractors.base.context import DEFAULT_BUDGET
from ..io.output import Output, done_ids
from .workers import die_with_parent
from ..nlp import load_models
from ..io.streaming import stream_document

# Documents handed to a worker at once, and chunks in flight per worker.
_CHUNK = 8
_WINDOW_PER_WORKER = 4

_WORKER = None


@dataclass
class Summary:
    documents: int = 0
    skipped: int = 0
    failed: int = 0
    facts: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    characters: int = 0


def _init_worker(rules_dir: Optional[str], html: bool, time_budget: float = DEFAULT_BUDGET,
                 parent: Optional[int] = None) -> None:
    global _WORKER
    if parent is not None:
        die_with_parent(parent)
    pipeline_for(rules_dir, time_budget)  # the rules are loaded once per worker process
    _WORKER = (rules_dir, html, time_budget)


# Patterns compile, and the gazetteer loads, on first use: one short text of
# the common kinds of fact warms a pipeline up.
_WARM_UP_TEXT = ("Năm 2024, xã có 285 hộ, chiếm 73,53%, được hỗ trợ 4,22 tỷ đồng cho 29,168 ha "
                 "theo Nghị quyết số 12-NQ/TU ngày 15/3/2024. Đồng chí Bí thư Huyện ủy cho biết.")


_WARM_UP_SECONDS = 1.0  # at most, for a rules folder with a runaway pattern


def _warm_up(rules_dir: Optional[str], time_budget: float) -> None:
    """Build this process's pipeline, run it once and load the NER and
    part-of-speech models, before forking the workers, so that each of them
    does not pay the first use again and they share those pages.  A
    warm-up that fails (a user's rule over its budget) is only not warm:
    the documents report their own errors."""
    pipeline = pipeline_for(rules_dir, time_budget)
    budget, pipeline.time_budget = pipeline.time_budget, min(pipeline.time_budget, _WARM_UP_SECONDS)
    try:
        pipeline.extract(_WARM_UP_TEXT)
    except Exception:  # noqa: BLE001 - never the batch's failure
        pass
    finally:
        pipeline.time_budget = budget
    try:  # (the models load whatever the warm-up text gave)
        load_models()
    except Exception:  # noqa: BLE001
        pass
    # A forked worker's collector would otherwise touch every object it
    # inherited and copy the pages they sit on (CPython's advice for fork);
    # the pool unfreezes them when it closes.
    gc.collect()
    gc.freeze()


def process_file(args: tuple[str, str]) -> Result:
    """Read and extract one file in a worker: its line and what the summary counts."""
    path_str, doc_id = args
    rules_dir, html, time_budget = _WORKER
    return line_result(*extract_file(path_str, doc_id, html=html, rules_dir=rules_dir, time_budget=time_budget))


def _process_chunk(items: list[tuple[str, str]]) -> list[Result]:
    return [process_file(item) for item in items]


def run_batch(
    root: Path,
    out: Path,
    *,
    workers: int = 1,
    resume: bool = False,
    rules_dir: Optional[str] = None,
    html: bool = False,
    progress: Optional[Callable[[int, int], None]] = None,
    large_file_bytes: int = LARGE_FILE_BYTES,
    time_budget: float = DEFAULT_BUDGET,
) -> Summary:
    """Extract every ``*.txt`` (and ``*.html`` with ``html``) under ``root`` into ``out``."""
    start = time.perf_counter()
    root = Path(root)
    if not root.is_dir():
        raise InputError(E_INPUT_FOLDER.format(root=root))
    try:
        os.scandir(root).close()
    except OSError as exc:
        raise InputError(E_LIST_INPUT.format(root=root, reason=exc.strerror or exc)) from None
    if workers < 1:
        raise InputError(E_WORKERS.format(workers=workers))
    time_budget = time_budget_seconds(time_budget)
    # Load the rules here first: a bad rules folder is one clear error, not
    # a pool whose workers die in their initializer and are restarted forever.
    from ..grammar.rules import load_rules

    load_rules(rules_dir)
    suffixes = (".txt", ".html", ".htm") if html else (".txt",)
    total = count_inputs(root, suffixes) if progress else 0
    summary = Summary()

    with Output(out) as fh:  # locked first: --resume reads and cuts only our own file
        if resume:
            skip = done_ids(out)
        else:
            skip = set()
            fh.truncate()
        todo = pending_inputs(root, suffixes, skip, summary)
        results = _ordered_results(todo, workers, (rules_dir, html, time_budget), large_file_bytes)
        for result in results:
            if isinstance(result, _Large):
                doc = _stream_large(result, fh, rules_dir, time_budget)
                line_chars, facts, failed = doc
            else:
                line, line_chars, facts, failed = result
                fh.write(line + "\n")
                fh.flush()
            summary.documents += 1
            summary.characters += line_chars
            summary.failed += failed
            summary.facts.update(facts)
            if progress:
                progress(summary.documents + summary.skipped, total)
    summary.seconds = time.perf_counter() - start
    return summary


@dataclass
class _Large:
    path: str
    doc_id: str
    encoding: str
    stray: tuple = ()  # byte offsets of bytes that are not UTF-8


def _ordered_results(
    items: Iterable[tuple[str, str]], workers: int, settings: tuple, limit: int
) -> Iterator[Result | _Large]:
    """Results in input order; large files come back as :class:`_Large` markers.
    ``settings``: (rules_dir, html, time_budget), as the workers load them."""
    html = settings[1]
    if workers <= 1:
        _init_worker(*settings)
        for path, doc_id in items:
            enc = large_encoding(path, html, limit)
            yield _Large(path, doc_id, enc[0], tuple(enc[1])) if enc else process_file((path, doc_id))
        return
    with _Workers(workers, settings) as pool:
        window: deque = deque()
        chunk: list[tuple[str, str]] = []

        def flush_chunk() -> None:
            if chunk:
                window.append(pool.submit(list(chunk)))
                chunk.clear()

        for path, doc_id in items:
            enc = large_encoding(path, html, limit)
            if enc:
                flush_chunk()
                window.append(_Large(path, doc_id, enc[0], tuple(enc[1])))
            else:
                chunk.append((path, doc_id))
                if len(chunk) >= _CHUNK:
                    flush_chunk()
            while len(window) > workers * _WINDOW_PER_WORKER:
                yield from pool.drain(window.popleft(), window)
        flush_chunk()
        while window:
            yield from pool.drain(window.popleft(), window)


class _Pending:
    """A chunk of documents handed to the pool, and its future."""

    def __init__(self, items: list[tuple[str, str]], future):
        self.items = items
        self.future = future


class _Workers:
    """A process pool that outlives a worker's death.

    When a worker process dies (killed for memory, a crash in native code),
    the pool is rebuilt and the chunk that was being read is redone one
    document at a time, alone in the pool, so only the document that kills
    a worker gets an error line; the chunks in flight are handed out again
    after it (run beside it, the chunk that killed the pool would kill it
    again and blame the document being redone).  The batch goes on.
    """

    def __init__(self, workers: int, settings: tuple):
        self.workers = workers
        self.initargs = (*settings, os.getpid())
        self.ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
        if self.ctx.get_start_method() == "fork":
            rules_dir, _, time_budget = settings
            _warm_up(rules_dir, time_budget)  # forked workers start with it warm
        try:
            self.pool = self._new_pool()
        except BaseException:
            gc.unfreeze()  # (no pool, no __exit__ to undo the warm-up's freeze)
            raise

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self.ctx, initializer=_init_worker,
                                   initargs=self.initargs)

    def _restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    def _resubmit(self, window: deque) -> None:
        for entry in window:
            if isinstance(entry, _Pending):
                entry.future = self.pool.submit(_process_chunk, entry.items)

    def submit(self, items: list[tuple[str, str]]) -> _Pending:
        return _Pending(items, self.pool.submit(_process_chunk, items))

    def drain(self, entry, window: deque) -> Iterator[Result | _Large]:
        """The results of ``entry`` (in order); ``window`` is what is still in flight."""
        if isinstance(entry, _Large):
            yield entry
            return
        broken = False
        try:
            yield from entry.future.result()
            return
        except BrokenProcessPool:
            self._restart()
            broken = True
        except Exception:  # noqa: BLE001 - redone below, one document at a time
            pass
        for item in entry.items:  # one at a time: find the document that fails
            try:
                yield from self.pool.submit(_process_chunk, [item]).result()
            except BrokenProcessPool:
                self._restart()
                broken = True
                yield failed_result(*item, E_WORKER_DIED)
            except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
                yield failed_result(*item, E_DOCUMENT.format(kind=type(exc).__name__, message=exc))
        if broken:  # the chunks in flight died with the pool
            self._resubmit(window)

    def __enter__(self) -> "_Workers":
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.pool.shutdown(wait=exc[0] is None, cancel_futures=exc[0] is not None)
        finally:
            gc.unfreeze()


def _stream_large(item: _Large, fh: Output, rules_dir: Optional[str],
                  time_budget: float = DEFAULT_BUDGET) -> tuple[int, Counter, bool]:
    pipeline = pipeline_for(rules_dir, time_budget)  # this process's, warmed up before the workers forked
    return stream_document(Path(item.path), item.doc_id, item.encoding, pipeline, fh, stray=item.stray)
