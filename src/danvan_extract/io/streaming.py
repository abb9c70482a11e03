"""Very large documents, block by block, in bounded memory.

The text is decoded incrementally and cut into blocks that end at a line
break (paragraph by paragraph); each block is extracted on its own and its
facts, with offsets shifted to the whole document, are written out at once.
The output line is the same JSON a small document gets, written in pieces.
"""

from __future__ import annotations

import codecs
import json
from collections import Counter
from pathlib import Path
from typing import Iterator, Optional, TextIO

from .decoding import printable_name, scan_utf8, stray_bytes_message
from ..errors import E_EMPTY_FILE, E_FAILED_AFTER, E_LINE, E_READ_PAST, DanvanError, OutputError

BLOCK_CHARS = 1 << 20  # about a megabyte of text per block
_SNIFF_BYTES = 1 << 20


def streamable_encoding(path: Path) -> Optional[str]:
    """The codec to stream ``path`` with: UTF-8 (with or without BOM), UTF-16
    or UTF-32 with BOM.  None when the file is not plainly one of them
    (binary, legacy encodings): such a file is read whole, where those are
    handled.  UTF-8 with a few stray bytes is streamed too (see :func:`sniff`)."""
    found = sniff(path)
    return found[0] if found else None


def sniff(path: Path) -> Optional[tuple[str, list[int]]]:
    """(codec, byte offsets of stray bytes) to stream ``path`` with, or None.

    A UTF-8 file with a few bytes that are not UTF-8 (one bad byte in 50 MB)
    is streamed with those bytes read as U+FFFD, and their offsets reported,
    rather than read whole and refused.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(4)
            if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
                return "utf-32", []
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return "utf-16", []
            encoding = "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
            fh.seek(0)
            decoder = codecs.getincrementaldecoder("utf-8")()
            while True:
                data = fh.read(_SNIFF_BYTES)
                if not data:
                    decoder.decode(b"", final=True)
                    return encoding, []
                if b"\x00" in data:
                    return None
                try:
                    decoder.decode(data)
                except UnicodeDecodeError:
                    break
            fh.seek(0)
            stray = scan_utf8(iter(lambda: fh.read(_SNIFF_BYTES), b""))
    except OSError:
        return None
    return (encoding, stray[1]) if stray else None


def iter_blocks(src: TextIO, block_chars: Optional[int] = None) -> Iterator[tuple[int, str]]:
    """(offset, block) pairs covering the whole text; blocks end after a
    line break, or at a space when a single line runs longer than 4 blocks."""
    block_chars = block_chars or BLOCK_CHARS
    offset = 0
    carry = ""
    while True:
        data = src.read(block_chars)
        if not data:
            if carry:
                yield offset, carry
            return
        buf = carry + data
        cut = buf.rfind("\n") + 1
        if cut == 0:
            if len(buf) < 4 * block_chars:
                carry = buf
                continue
            cut = buf.rfind(" ") + 1 or len(buf)
        yield offset, buf[:cut]
        offset += cut
        carry = buf[cut:]


def stream_document(path: Path, doc_id: str, encoding: str, pipeline, out: TextIO,
                    block_chars: Optional[int] = None, stray: tuple[int, ...] = ()) -> tuple[int, Counter, bool]:
    """Extract ``path`` block by block and write its JSONL line to ``out``.

    Returns (characters, facts per type, whether the document had an error).
    A failure part-way keeps the facts already written and names the reason.
    ``stray``: byte offsets of bytes that are not UTF-8 (read as U+FFFD, reported).
    """
    name = printable_name(path.name)
    facts: Counter = Counter()
    chars = 0
    errors: list[str] = []
    out.write('{"doc_id":' + json.dumps(doc_id, ensure_ascii=False) + ',"facts":[')
    first = True
    try:
        with path.open("r", encoding=encoding, newline="", errors="replace" if stray else "strict") as src:
            for offset, block in iter_blocks(src, block_chars):
                pieces = []
                for fact in pipeline.extract(block):
                    fact = fact.model_copy(update={"start": fact.start + offset, "end": fact.end + offset})
                    pieces.append(fact.model_dump_json(exclude_none=True))
                    facts[fact.type] += 1
                if pieces:
                    out.write(("" if first else ",") + ",".join(pieces))
                    first = False
                    out.flush()
                chars = offset + len(block)
    except OutputError:
        raise  # writing failed, not reading: the batch stops with a clear error
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(E_LINE.format(name=name, message=E_READ_PAST.format(chars=chars, problem=exc)))
    except DanvanError as exc:
        errors.append(E_LINE.format(name=name, message=E_FAILED_AFTER.format(
            kind=type(exc).__name__, chars=chars, problem=exc)))
    if chars == 0 and not errors:
        errors.append(E_LINE.format(name=name, message=E_EMPTY_FILE))
    if stray:
        errors.insert(0, E_LINE.format(name=name, message=stray_bytes_message(list(stray))))
    out.write('],"errors":' + json.dumps(errors, ensure_ascii=False) + "}\n")
    out.flush()
    return chars, facts, bool(errors)
