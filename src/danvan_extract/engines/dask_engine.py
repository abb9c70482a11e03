"""Batch extraction on a Dask cluster, with the same output as on one machine.

The client lists the input folder (in the order of the local engine), cuts
the list into partitions of ``partition_size`` documents and hands them to
the workers, a bounded window at a time; each worker extracts its
partition with the same code as the local engine
(:func:`~danvan_extract.engines.document.line_of_file`) and sends back the
JSONL lines (and, for ``--format parquet``, the partition's fact table as
Parquet bytes).  The client writes the lines in input order, so the JSONL
file is byte for byte the one ``--engine local`` writes, and the Parquet
parts ``part-00000.parquet``... in the same order.

What a worker needs: the package installed (same version), read access to
the input files at the same path as the client (a shared or network file
system), and nothing else: a ``--rules`` folder is sent to the workers with
the task graph and written to a temporary folder once per worker process.

Faults: a worker that dies mid-run has its partitions recomputed elsewhere
by Dask (results not yet written are held only as futures, so nothing is
lost or written twice); a partition that keeps failing (a document that
kills every worker it lands on) is redone one document at a time, and only
the culprit gets an error line, worded as the local engine words it.

Dask is imported only here, and only when a function of this module runs.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
import uuid
from collections import deque
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from ..io.listing import batches, count_inputs, doc_id_of, iter_inputs, pending_inputs
from ..io.output import done_ids
from .local import Summary
from ..errors import (E_DOCUMENT, E_INPUT_FOLDER, E_NO_DASK, E_NO_SCHEDULER, E_NO_WORKERS, E_PARTITION, E_TABLE_DIR,
                      E_WORKER_DIED, E_WORKER_IMPORT, E_WORKER_VERSION, E_WORKERS, DanvanError, InputError)
from .document import (
    LARGE_FILE_BYTES,
    Result,
    extract_file,
    failed_result,
    large_encoding,
    line_of_file,
    rules_bundle,
    rules_dir_of_bundle,
)
from ..records import Document

# Documents a task: at ~4 kB a news article, 64 are ~0.2 s of work, which keeps
# Dask's per-task cost (~10 ms on a worker) near 5 %.
DEFAULT_PARTITION_SIZE = 64
DEFAULT_WORKERS = 2
CONNECT_TIMEOUT = 5.0  # seconds to reach the scheduler
WORKERS_TIMEOUT = 60.0  # seconds to wait for a first worker to join
RETRIES = 2  # a task that raises is retried this often (a dying worker is handled by the scheduler)
_WINDOW_PER_THREAD = 4  # partitions in flight per worker thread
PART_NAME = "part-{:05d}.parquet"



class ClusterError(DanvanError):
    """The Dask cluster cannot be used: unreachable, no workers, or workers
    without the package."""


def _require_dask() -> None:
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ClusterError(E_NO_DASK) from exc


def _suffixes(html: bool) -> tuple[str, ...]:
    return (".txt", ".html", ".htm") if html else (".txt",)


# --- what runs on a worker -------------------------------------------------


def _bundle(bundle: Optional[dict]) -> Optional[dict]:
    """Identity: a task holding the rules bundle (recomputable if its worker dies)."""
    return bundle


def _run_partition(items: list[tuple[str, str]], bundle: Optional[dict], html: bool, large_file_bytes: int,
                   table: bool) -> tuple[list[Result], Optional[bytes]]:
    """Extract a partition: its lines (line, characters, facts per type, has
    errors) in order, and with ``table`` its fact table as Parquet bytes."""
    rules_dir = rules_dir_of_bundle(bundle)
    results = [line_of_file(path, doc_id, html=html, rules_dir=rules_dir, large_file_bytes=large_file_bytes)
               for path, doc_id in items]
    return results, (parquet_bytes([r[0] for r in results]) if table else None)


def parquet_bytes(lines: Iterable[str]) -> bytes:
    """The fact table (:mod:`danvan_extract.io.tables` columns and schema) of
    these JSONL lines, as the bytes of one Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..io.tables import arrow_schema, to_dataframe

    df = to_dataframe([json.loads(line) for line in lines])
    table = pa.Table.from_pandas(df, schema=arrow_schema(), preserve_index=False)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def _probe(module: str) -> Callable[[], str]:
    """A check run on every worker; built here so that it is sent by value
    (it must run on a worker that cannot import this package)."""

    def probe() -> str:
        import importlib

        try:
            mod = importlib.import_module(module)
        except Exception as exc:  # noqa: BLE001 - reported to the client
            return f"missing: {type(exc).__name__}: {exc}"
        return "ok " + str(getattr(mod, "__version__", "?"))

    return probe


def _documents_partition(items: list[tuple[str, str]], bundle: Optional[dict], html: bool,
                         large_file_bytes: int) -> list[Document]:
    rules_dir = rules_dir_of_bundle(bundle)
    docs = []
    for path, doc_id in items:
        if large_encoding(path, html, large_file_bytes):
            line = line_of_file(path, doc_id, html=html, rules_dir=rules_dir, large_file_bytes=large_file_bytes)[0]
            docs.append(Document.model_validate_json(line))
        else:
            docs.append(extract_file(path, doc_id, html=html, rules_dir=rules_dir)[0])
    return docs


def _frame_of(docs: list[Document]):
    from ..io.tables import to_dataframe

    return to_dataframe(docs)


# --- the API -------------------------------------------------------------


def _items(paths: Optional[Iterable[str | Path]], root: str | Path, html: bool) -> list[tuple[str, str]]:
    root = Path(root)
    if paths is None:
        if not root.is_dir():
            raise InputError(E_INPUT_FOLDER.format(root=root))
        paths = iter_inputs(root, _suffixes(html))
    return [(str(p), doc_id_of(Path(p), root)) for p in paths]


def documents_bag(paths: Optional[Iterable[str | Path]], root: str | Path, rules_dir: str | Path | None = None,
                  html: bool = False, partition_size: int = DEFAULT_PARTITION_SIZE,
                  large_file_bytes: int = LARGE_FILE_BYTES):
    """A :class:`dask.bag.Bag` of :class:`Document`, one per input, in input order.

    ``paths``: the input files (None: every input under ``root``, as the
    batch lists them); ``doc_id`` is the path under ``root`` without suffix.
    Runs on whatever scheduler is active (``distributed.Client`` ...).
    """
    _require_dask()
    import dask
    import dask.bag as db

    from ..grammar.rules import load_rules

    if partition_size < 1:
        raise InputError(E_PARTITION.format(value=partition_size))
    load_rules(rules_dir)  # a bad rules folder fails here, not on the workers
    items = _items(paths, root, html)
    bundle = dask.delayed(rules_bundle(rules_dir), pure=True, traverse=False)
    bag = db.from_sequence(items, partition_size=partition_size) if items else db.from_sequence([], npartitions=1)
    return bag.map_partitions(_documents_partition, bundle, html, large_file_bytes)


def facts_dataframe(paths: Optional[Iterable[str | Path]], root: str | Path, rules_dir: str | Path | None = None,
                    html: bool = False, partition_size: int = DEFAULT_PARTITION_SIZE,
                    large_file_bytes: int = LARGE_FILE_BYTES):
    """A :class:`dask.dataframe.DataFrame`, one row a fact, with the columns
    and dtypes of :func:`danvan_extract.io.tables.to_dataframe`; partitions in
    input order (one per partition of :func:`documents_bag`)."""
    bag = documents_bag(paths, root, rules_dir=rules_dir, html=html, partition_size=partition_size,
                        large_file_bytes=large_file_bytes)
    import dask
    import dask.dataframe as dd

    from ..io.tables import to_dataframe

    parts = [dask.delayed(_frame_of)(part) for part in bag.to_delayed()]
    # the dtypes of tables.to_dataframe, not Dask's own string conversion
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_delayed(parts, meta=to_dataframe([]), verify_meta=False)


@contextlib.contextmanager
def connect(scheduler: Optional[str] = None, *, workers: int = DEFAULT_WORKERS,
            connect_timeout: float = CONNECT_TIMEOUT) -> Iterator:
    """A ``distributed.Client``: to ``scheduler`` ("tcp://host:port"), or to a
    new local cluster of ``workers`` processes with one thread each (closed
    on exit).  An unreachable scheduler is a :class:`ClusterError`."""
    _require_dask()
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=connect_timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            reason = "" if "timed out" in reason.lower() else f" ({reason})"
            raise ClusterError(E_NO_SCHEDULER.format(scheduler=scheduler, seconds=connect_timeout,
                                                     reason=reason)) from None
        with client:
            yield client
        return
    if workers < 1:
        raise InputError(E_WORKERS.format(workers=workers))
    import dask

    # Dask's statistical profiler samples the task thread every 10 ms: ~10 % of the time here.
    with dask.config.set({"distributed.worker.profile.enabled": False}), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                         dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster:
        with Client(cluster, set_as_default=False) as client:
            yield client


def check_workers(client, module: str = "danvan_extract", timeout: float = WORKERS_TIMEOUT) -> int:
    """Wait for a first worker, check that every worker imports ``module``
    at this client's version; returns the number of worker threads."""
    from .. import __version__

    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise ClusterError(E_NO_WORKERS.format(address=client.scheduler.address, seconds=timeout)) from None
    found = client.run(_probe(module), on_error="return")
    missing = {w: r for w, r in found.items() if not (isinstance(r, str) and r.startswith("ok "))}
    if missing:
        worker, reason = sorted(missing.items())[0]
        raise ClusterError(E_WORKER_IMPORT.format(missing=len(missing), found=len(found), module=module,
                                                  worker=worker, reason=reason))
    other = {w: r[3:] for w, r in found.items() if r[3:] != __version__}
    if module == "danvan_extract" and other:
        worker, version = sorted(other.items())[0]
        raise ClusterError(E_WORKER_VERSION.format(worker=worker, version=version, client=__version__))
    return max(1, sum(client.nthreads().values()))


def run_dask(
    root: Path,
    out: Path,
    *,
    scheduler: Optional[str] = None,
    client=None,
    workers: int = DEFAULT_WORKERS,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    resume: bool = False,
    rules_dir: Optional[str] = None,
    html: bool = False,
    progress: Optional[Callable[[int, int], None]] = None,
    large_file_bytes: int = LARGE_FILE_BYTES,
    table_dir: Optional[Path] = None,
    connect_timeout: float = CONNECT_TIMEOUT,
    workers_timeout: float = WORKERS_TIMEOUT,
) -> Summary:
    """Extract every ``*.txt`` (and ``*.html`` with ``html``) under ``root``
    into ``out`` on a Dask cluster: the same lines in the same order as
    :func:`danvan_extract.engines.local.run_batch`, and the same :class:`Summary`.

    The cluster: ``client`` (an existing ``distributed.Client``), else
    ``scheduler`` ("tcp://host:port"), else a local cluster of ``workers``
    processes.  ``table_dir``: also write the fact table there as a Parquet
    dataset (``part-00000.parquet``..., one file per partition, in order).
    ``resume`` skips the documents already in ``out``, as locally.
    A scheduler not reached in ``connect_timeout`` seconds, or without a
    worker after ``workers_timeout``, is a :class:`ClusterError`.
    """
    start = time.perf_counter()
    root, out = Path(root), Path(out)
    if not root.is_dir():
        raise InputError(E_INPUT_FOLDER.format(root=root))
    if partition_size < 1:
        raise InputError(E_PARTITION.format(value=partition_size))
    from ..grammar.rules import load_rules

    load_rules(rules_dir)  # a bad rules folder is one clear error here, not on every worker
    bundle = rules_bundle(rules_dir)
    if table_dir is not None:
        from ..io.tables import require_pandas

        require_pandas()
        table_dir = Path(table_dir)
        if table_dir.exists() and not table_dir.is_dir():
            raise InputError(E_TABLE_DIR.format(path=table_dir))
    suffixes = _suffixes(html)
    total = count_inputs(root, suffixes) if progress else 0
    skip = done_ids(out) if resume else set()
    summary = Summary()
    out.parent.mkdir(parents=True, exist_ok=True)


    # After a resume the table is rebuilt from the whole JSONL at the end.
    worker_tables = table_dir is not None and not skip
    cm = contextlib.nullcontext(client) if client is not None else connect(
        scheduler, workers=workers, connect_timeout=connect_timeout)
    with cm as cl:
        threads = check_workers(cl, timeout=workers_timeout)
        if table_dir is not None:
            _clear_parts(table_dir)
        runner = _Runner(cl, bundle, html, large_file_bytes, worker_tables, window=max(2, threads * _WINDOW_PER_THREAD))
        with out.open("a" if resume else "w", encoding="utf-8") as fh:
            for index, (results, parquet) in enumerate(runner.run(batches(pending_inputs(root, suffixes, skip, summary), partition_size))):
                for line, chars, facts, failed in results:
                    fh.write(line + "\n")
                    summary.documents += 1
                    summary.characters += chars
                    summary.failed += bool(failed)
                    summary.facts.update(facts)
                fh.flush()
                if worker_tables:
                    (table_dir / PART_NAME.format(index)).write_bytes(parquet)
                if progress:
                    progress(summary.documents + summary.skipped, total)
    if table_dir is not None and not worker_tables:
        write_dataset(out, table_dir, partition_size)
    elif worker_tables and not any(table_dir.glob("part-*.parquet")):
        (table_dir / PART_NAME.format(0)).write_bytes(parquet_bytes([]))  # no documents: still a table
    summary.seconds = time.perf_counter() - start
    return summary


def _clear_parts(table_dir: Path) -> None:
    table_dir.mkdir(parents=True, exist_ok=True)
    for old in table_dir.glob("part-*.parquet"):
        old.unlink()


def write_dataset(jsonl: Path, table_dir: Path, partition_documents: int = DEFAULT_PARTITION_SIZE) -> int:
    """The fact table of batch output ``jsonl`` as a Parquet dataset in
    ``table_dir`` (on this machine); returns the number of parts."""
    _clear_parts(table_dir)
    index = 0
    with open(jsonl, encoding="utf-8") as fh:
        for part in batches((line for line in fh if line.strip()), max(partition_documents, 256)):
            (table_dir / PART_NAME.format(index)).write_bytes(parquet_bytes(part))
            index += 1
    if index == 0:
        (table_dir / PART_NAME.format(0)).write_bytes(parquet_bytes([]))
        index = 1
    return index


class _Runner:
    """Partitions submitted a window at a time, results yielded in order."""

    def __init__(self, client, bundle: Optional[dict], html: bool, large_file_bytes: int, table: bool, window: int,
                 fn: Callable = _run_partition):
        self.client = client
        self.fn = fn
        self.args = (html, large_file_bytes)
        self.table = table
        self.window = window
        self.token = uuid.uuid4().hex[:12]
        self.rules = (client.submit(_bundle, bundle, key=f"danvan-rules-{self.token}", pure=False)
                      if bundle is not None else None)

    def run(self, partitions: Iterable[list[tuple[str, str]]]) -> Iterator[tuple[list, Optional[bytes]]]:
        pending: deque = deque()
        try:
            for index, items in enumerate(partitions):
                pending.append((items, self._submit(items, f"danvan-part-{self.token}-{index}", self.table)))
                while len(pending) >= self.window:
                    yield self._result(*pending.popleft())
            while pending:
                yield self._result(*pending.popleft())
        finally:
            if pending:  # interrupted: stop the work in flight
                self.client.cancel([future for _, future in pending])
            if self.rules is not None:
                self.rules.release()

    def _submit(self, items: list[tuple[str, str]], key: str, table: bool):
        return self.client.submit(self.fn, items, self.rules, *self.args, table, key=key,
                                  retries=RETRIES, pure=False)

    def _result(self, items: list[tuple[str, str]], future) -> tuple[list, Optional[bytes]]:
        try:
            return future.result()
        except Exception:  # noqa: BLE001 - redone below, one document at a time
            if self.client.status not in ("running", "connecting"):
                raise  # the client lost its scheduler: nothing to redo
        finally:
            future.release()
        # One document at a time: only the document that fails gets an error line.
        singles = [self._single(item) for item in items]
        results = [r for item, single in zip(items, singles) for r in self._single_result(item, single, retry=True)]
        return results, (parquet_bytes([r[0] for r in results]) if self.table else None)

    def _single(self, item: tuple[str, str]):
        return self._submit([item], f"danvan-doc-{self.token}-{uuid.uuid4().hex[:12]}", False)

    def _single_result(self, item: tuple[str, str], single, retry: bool) -> list:
        """The result of one document's task, or its error line when it failed."""
        from distributed import KilledWorker

        path, doc_id = item
        try:
            return single.result()[0]
        except KilledWorker:
            if retry:
                # A healthy document queued on the worker that another one
                # killed dies with it: alone, it is only lost if it kills too.
                return self._single_result(item, self._single(item), retry=False)
            return [failed_result(path, doc_id, E_WORKER_DIED)]
        except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
            return [failed_result(path, doc_id, E_DOCUMENT.format(kind=type(exc).__name__, message=exc))]
        finally:
            single.release()
