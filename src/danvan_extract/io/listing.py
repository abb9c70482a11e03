"""Listing a folder's inputs lazily, in a stable order, with their document ids."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Optional, TypeVar

from .decoding import printable_name

T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), lazily."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def iter_inputs(root: Path, suffixes: tuple[str, ...] = (".txt",)) -> Iterator[Path]:
    """Every input file under ``root``, depth first, names sorted in each folder.

    Lazy: nothing is held but the listing of the current folders, and no
    recursion, so any depth of nesting is fine.  Broken links, symlink loops
    and folders named like inputs ("x.txt") are still yielded, so they get
    their error line; so is a subfolder that cannot be listed (permission,
    a path too long), whose line says why; links to folders are not followed.
    """
    listing = _listing(root)
    if listing is None:
        return
    stack = [iter(listing)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if entry.name.endswith(suffixes):
            yield Path(entry.path)
        if is_dir:
            inner = _listing(Path(entry.path))
            if inner is None:
                if not entry.name.endswith(suffixes):
                    yield UnlistedFolder(entry.path)  # gets a line saying why
            else:
                stack.append(iter(inner))


class UnlistedFolder(type(Path())):
    """A folder :func:`iter_inputs` could not list; it gets an error line."""


def _listing(folder: Path) -> Optional[list]:
    """The entries of ``folder`` sorted by name, or None if it cannot be listed."""
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError:
        return None


def count_inputs(root: Path, suffixes: tuple[str, ...] = (".txt",)) -> int:
    """How many files :func:`iter_inputs` will yield (for a progress bar)."""
    return sum(1 for _ in iter_inputs(root, suffixes))


def pending_inputs(root: Path, suffixes: tuple[str, ...], skip: set[str], summary) -> Iterator[tuple[str, str]]:
    """(path, doc_id) of every input not in ``skip`` (those already written,
    counted in ``summary.skipped``), lazily, in input order; every engine
    reads its inputs through this."""
    for path in iter_inputs(root, suffixes):
        doc_id = doc_id_of(path, root)
        if doc_id in skip:
            summary.skipped += 1
            continue
        yield str(path), doc_id


def doc_id_of(path: Path, root: Path) -> str:
    """The document id: the path under ``root`` without its suffix; bytes of
    a name that are not UTF-8 are written ``\\xNN`` (see :func:`printable_name`)."""
    rel = printable_name(path.relative_to(root).as_posix())
    for suffix in (".txt", ".html", ".htm"):
        if rel.endswith(suffix):
            return rel[: -len(suffix)]
    return rel + "/" if isinstance(path, UnlistedFolder) else rel
