"""The batch output file: opened once, locked against a second run, and
never left with a torn line when writing fails (a full disk)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional, TextIO

from ..errors import E_OUTPUT, E_OUTPUT_DIR, E_OUTPUT_LOCKED, OutputError

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: no lock
    fcntl = None


class Output:
    """A JSONL output opened for appending and locked for this run only.

    A write that fails (no space, quota, I/O error) cuts the torn last line
    off, closes the file and raises :class:`OutputError`; every line left in
    the file is whole, so ``--resume`` carries on from there.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.fh: Optional[TextIO] = None
        if self.path.is_dir():
            raise OutputError(E_OUTPUT_DIR.format(path=self.path))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # "a", not "w": truncating before the lock is held would wipe
            # the lines of a run that is writing this file now
            self.fh = self.path.open("a", encoding="utf-8")
        except OSError as exc:
            raise OutputError(E_OUTPUT.format(path=self.path, reason=exc.strerror or exc, after="")) from None
        if fcntl is not None:
            try:
                fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                self.fh.close()
                raise OutputError(E_OUTPUT_LOCKED.format(path=self.path)) from None

    def truncate(self) -> None:
        """Start the file afresh (a run without ``--resume``)."""
        if self.path.is_file():  # not a device such as /dev/null
            self._guard(lambda: (self.fh.seek(0), self.fh.truncate(0)))

    def write(self, text: str) -> None:
        self._guard(lambda: self.fh.write(text))

    def flush(self) -> None:
        self._guard(self.fh.flush)

    def close(self) -> None:
        if self.fh is not None:
            fh, self.fh = self.fh, None
            try:
                fh.close()  # also releases the lock
            except OSError as exc:
                cut_torn_tail(self.path)
                raise self._failed(exc) from None

    def __enter__(self) -> "Output":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _guard(self, action) -> None:
        try:
            action()
        except OSError as exc:
            fh, self.fh = self.fh, None
            try:
                fh.close()
            except OSError:
                pass  # the unwritten rest of the buffer: cut below
            cut_torn_tail(self.path)
            raise self._failed(exc) from None

    def _failed(self, exc: OSError) -> OutputError:
        after = "; every line written before it is whole: run again with --resume to go on"
        return OutputError(E_OUTPUT.format(path=self.path, reason=exc.strerror or exc, after=after))


def cut_torn_tail(path: Path) -> None:
    """Cut the file at ``path`` after its last line break (drop a torn line)."""
    if not Path(path).is_file():
        return
    try:
        with open(path, "r+b") as fh:
            size = fh.seek(0, os.SEEK_END)
            pos = size
            while pos > 0:
                step = min(pos, 1 << 16)
                fh.seek(pos - step)
                block = fh.read(step)
                k = block.rfind(b"\n")
                if k >= 0:
                    pos = pos - step + k + 1
                    break
                pos -= step
            if pos < size:
                fh.truncate(pos)
    except OSError:
        pass


def done_ids(out: Path) -> set[str]:
    """doc_ids already written to ``out``; a torn last line is cut off."""
    if not out.exists():
        return set()
    ids = set()
    good_end = 0
    with out.open("rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break  # torn by an interrupt: redo that document
            try:
                ids.add(json.loads(line)["doc_id"])
            except (ValueError, KeyError, TypeError):
                break  # a damaged line: keep what came before it
            good_end += len(line)
    if good_end < out.stat().st_size:
        with out.open("r+b") as fh:
            fh.truncate(good_end)
    return ids
