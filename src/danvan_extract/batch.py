"""Batch extraction over a folder: one JSONL line per input document, in a
stable order, never aborting on one bad file.

Each worker process loads the rules once.  Lines are written whole and
flushed, so an interrupted run leaves at most one partial last line, which
``resume`` drops before carrying on.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

from .decoding import read_text
from .errors import InputError
from .records import Document

_WORKER = None


@dataclass
class Summary:
    documents: int = 0
    skipped: int = 0
    failed: int = 0
    facts: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    characters: int = 0


def iter_inputs(root: Path, suffixes: tuple[str, ...] = (".txt",)) -> list[Path]:
    """Every input file under ``root`` (recursive), sorted for a stable order.

    Broken links and unreadable folders are still listed, so they get their
    error line; symlink loops are not followed.
    """
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=None):
        dirnames.sort()
        for name in filenames + [d for d in dirnames if d.endswith(suffixes)]:
            if name.endswith(suffixes):
                found.append(Path(dirpath) / name)
    return sorted(found, key=lambda p: str(p.relative_to(root)))


def doc_id_of(path: Path, root: Path) -> str:
    rel = str(path.relative_to(root))
    for suffix in (".txt", ".html", ".htm"):
        if rel.endswith(suffix):
            return rel[: -len(suffix)]
    return rel


def _init_worker(rules_dir: Optional[str], html: bool) -> None:
    global _WORKER
    from .pipeline import Pipeline

    _WORKER = (Pipeline(rules_dir), html)


def process_file(args: tuple[str, str]) -> tuple[str, int]:
    """Read and extract one file in a worker; returns (JSON line, characters)."""
    path_str, doc_id = args
    pipeline, html = _WORKER
    text, errors = read_text(Path(path_str), html=html)
    if text is None:
        doc = Document(doc_id=doc_id, errors=errors)
        return doc.model_dump_json(exclude_none=True), 0
    doc = pipeline.extract_document(text, doc_id)
    doc.errors = errors + doc.errors
    return doc.model_dump_json(exclude_none=True), len(text)


def done_ids(out: Path) -> set[str]:
    """doc_ids already written to ``out``; a torn last line is cut off."""
    if not out.exists():
        return set()
    data = out.read_bytes()
    cut = data.rfind(b"\n") + 1
    if cut < len(data):
        with out.open("r+b") as fh:
            fh.truncate(cut)
    ids = set()
    for line in data[:cut].splitlines():
        try:
            ids.add(json.loads(line)["doc_id"])
        except (ValueError, KeyError):
            continue
    return ids


def run_batch(
    root: Path,
    out: Path,
    *,
    workers: int = 1,
    resume: bool = False,
    rules_dir: Optional[str] = None,
    html: bool = False,
    progress: Optional[Callable[[int, int], None]] = None,
) -> Summary:
    """Extract every ``*.txt`` (and ``*.html`` with ``html``) under ``root`` into ``out``."""
    start = time.perf_counter()
    if not Path(root).is_dir():
        raise InputError(f"input folder {root} does not exist or is not a folder; pass a folder of *.txt files")
    suffixes = (".txt", ".html", ".htm") if html else (".txt",)
    inputs = [(str(p), doc_id_of(p, root)) for p in iter_inputs(root, suffixes)]
    summary = Summary()
    skip = done_ids(out) if resume else set()
    todo = [item for item in inputs if item[1] not in skip]
    summary.skipped = len(inputs) - len(todo)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a" if resume else "w", encoding="utf-8") as fh:
        for i, (line, chars) in enumerate(_map(todo, workers, rules_dir, html), 1):
            fh.write(line + "\n")
            fh.flush()
            doc = json.loads(line)
            summary.documents += 1
            summary.characters += chars
            summary.failed += bool(doc["errors"])
            summary.facts.update(f["type"] for f in doc["facts"])
            if progress:
                progress(i, len(todo))
    summary.seconds = time.perf_counter() - start
    return summary


def _map(items: list, workers: int, rules_dir: Optional[str], html: bool) -> Iterator[tuple[str, int]]:
    if workers <= 1 or len(items) < 2:
        _init_worker(rules_dir, html)
        yield from map(process_file, items)
        return
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(rules_dir, html)) as pool:
        # imap keeps input order, so the output equals the --workers 1 output
        yield from pool.imap(process_file, items, chunksize=max(1, min(64, len(items) // (workers * 8) or 1)))
