"""One input file → one :class:`Document` (or its JSONL line).

The engine seam: the local process pool and the Dask workers both call
:func:`extract_file` / :func:`line_of_file`, so a document gets the same
line whichever engine ran it.  The :class:`Pipeline` is built once per
process and rules folder (:func:`pipeline_for`).

A rules folder that only the client can read travels as a
:func:`rules_bundle` (the folder's files, a small dict) and is written to a
temporary folder once per worker process (:func:`rules_dir_of_bundle`).
"""

from __future__ import annotations

import atexit
import hashlib
import io
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Optional

from ..io.decoding import printable_name, read_text
from ..errors import E_LINE, E_RULES_TOO_BIG, RulesError
from ..records import Document

# Files above this size are read block by block (see :mod:`danvan_extract.io.streaming`),
# so no file holds more than about two blocks' facts in memory at once (a
# megabyte of figure-dense text makes some 130 MB of fact records).
LARGE_FILE_BYTES = 2 * 2**20
# A rules folder shipped to workers larger than this is refused (it is sent with the task graph).
MAX_RULES_BYTES = 64 * 2**20

_PIPELINES: dict[Optional[str], object] = {}


def _key(rules_dir: str | Path | None) -> Optional[str]:
    return str(Path(rules_dir).resolve()) if rules_dir else None


def pipeline_for(rules_dir: str | Path | None = None, time_budget: float | None = None):
    """This process's :class:`Pipeline` for ``rules_dir`` and ``time_budget``
    (built on first use)."""
    key = (_key(rules_dir), time_budget)
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        from ..pipeline import Pipeline

        options = {} if time_budget is None else {"time_budget": time_budget}
        pipeline = _PIPELINES[key] = Pipeline(key[0], **options)
    return pipeline


def extract_file(path: str | Path, doc_id: str, *, html: bool = False,
                 rules_dir: str | Path | None = None, time_budget: float | None = None) -> tuple[Document, int]:
    """Read and extract one file: (its Document, characters of text read).

    Never raises for a bad file: an unreadable or undecodable file gives a
    Document with no facts and its reason in ``errors``.
    """
    if doc_id.endswith("/"):  # a folder that could not be listed
        from ..io.decoding import folder_problem

        return Document(doc_id=doc_id, errors=[folder_problem(Path(path))]), 0
    text, errors = read_text(Path(path), html=html)
    if text is None:
        return Document(doc_id=doc_id, errors=errors), 0
    doc = pipeline_for(rules_dir, time_budget).extract_document(text, doc_id)
    doc.errors = errors + doc.errors
    return doc, len(text)


def document_line(doc: Document) -> str:
    """The batch output line of ``doc`` (without its line break)."""
    return doc.model_dump_json(exclude_none=True)


Result = tuple[str, int, Counter, bool]  # (JSON line, characters, facts per type, has errors)


def line_result(doc: Document, chars: int) -> Result:
    """(line, characters, facts per type, has errors) of ``doc``: what an
    engine's writer needs, so that it never parses the line again."""
    return document_line(doc), chars, Counter(f.type for f in doc.facts), bool(doc.errors)


def failed_result(path: str | Path, doc_id: str, reason: str) -> Result:
    """:func:`line_result` of a document whose extraction could not finish
    (e.g. its worker died)."""
    name = printable_name(Path(path).name)
    return line_result(Document(doc_id=doc_id, errors=[E_LINE.format(name=name, message=reason)]), 0)


def large_encoding(path: str | Path, html: bool, limit: int) -> Optional[tuple[str, list[int]]]:
    """(encoding, offsets of stray bytes) to stream ``path`` with when it is
    larger than ``limit`` bytes, or None to read it whole.  The local pool
    and the Dask engine both ask this."""
    from ..io.streaming import sniff

    path = str(path)
    if html or path.endswith((".html", ".htm")):
        return None
    try:
        if not os.path.isfile(path) or os.path.getsize(path) <= limit:
            return None
    except OSError:
        return None
    return sniff(Path(path))


def line_of_file(path: str | Path, doc_id: str, *, html: bool = False, rules_dir: str | Path | None = None,
                 large_file_bytes: int = LARGE_FILE_BYTES) -> Result:
    """One file's output line: (line, characters, facts per type, has errors).

    A file above ``large_file_bytes`` is extracted block by block, exactly
    as the local engine streams it (the line itself is built in memory).
    """
    found = large_encoding(path, html, large_file_bytes)
    if found:
        from ..io.streaming import stream_document

        encoding, stray = found
        buf = io.StringIO()
        chars, facts, failed = stream_document(Path(path), doc_id, encoding, pipeline_for(rules_dir), buf,
                                               stray=tuple(stray))
        return buf.getvalue().rstrip("\n"), chars, facts, failed
    return line_result(*extract_file(path, doc_id, html=html, rules_dir=rules_dir))


# --- a rules folder sent to workers that cannot read it -------------------


def rules_bundle(rules_dir: str | Path | None) -> Optional[dict]:
    """The files of ``rules_dir`` as ``{"digest", "files": {relative path: bytes}}``
    (None for the bundled rules, which every installed package has)."""
    if not rules_dir:
        return None
    root = Path(rules_dir)
    if not root.is_dir():
        from ..grammar.rules import load_rules

        load_rules(root)  # raises the usual RulesError
    files: dict[str, bytes] = {}
    size = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = Path(dirpath) / name
            data = full.read_bytes()
            size += len(data)
            if size > MAX_RULES_BYTES:
                raise RulesError(E_RULES_TOO_BIG.format(root=root, mb=MAX_RULES_BYTES // 2**20))
            files[full.relative_to(root).as_posix()] = data
    digest = hashlib.sha256()
    for rel, data in sorted(files.items()):
        digest.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
    return {"digest": digest.hexdigest(), "files": files}


_MATERIALIZED: dict[str, str] = {}


def rules_dir_of_bundle(bundle: Optional[dict]) -> Optional[str]:
    """A local folder holding ``bundle``'s files, written once per process
    (removed when the process exits); None for the bundled rules."""
    if bundle is None:
        return None
    digest = bundle["digest"]
    folder = _MATERIALIZED.get(digest)
    if folder is None or not os.path.isdir(folder):
        folder = tempfile.mkdtemp(prefix=f"danvan-rules-{digest[:12]}-")
        atexit.register(shutil.rmtree, folder, True)
        for rel, data in bundle["files"].items():
            target = Path(folder, *rel.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        _MATERIALIZED[digest] = folder
    return folder
