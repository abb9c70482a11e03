"""Reading one input file into text, or a clear reason why not.

UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when its NUL
bytes show the byte order), UTF-32 with BOM and Windows-1258 are decoded;
the legacy font encodings TCVN3 (ABC) and VNI are recognised and converted
(:mod:`danvan_extract.io.legacy`, tables in ``rules/encodings``), also when such
a file was already read as Latin-1 and saved as UTF-8.  Bytes that read as
Vietnamese in none of these are reported as an unknown encoding.
HTML is reduced to its text with the standard library's HTML parser.
Offsets of the facts refer to the decoded (converted and, for HTML,
extracted) text.
"""

from __future__ import annotations

import codecs
import os
from html.parser import HTMLParser
from pathlib import Path
from typing import Optional

from . import legacy
from ..errors import (E_BINARY_CONTROLS, E_BINARY_NUL, E_CANNOT_READ, E_EMPTY_BOM, E_EMPTY_FILE, E_EMPTY_SPACE,
                     E_FOLDER_UNLISTABLE, E_FOLDER_VANISHED, E_IS_DIRECTORY, E_LINE, E_NO_TEXT_IN_HTML, E_STRAY_BYTES,
                     E_UNDECODABLE, E_UNKNOWN_ENCODING)

_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
               "section", "article", "header", "footer", "blockquote", "figcaption", "figure", "title", "nav"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg"}


def printable_name(name: str) -> str:
    """``name`` as a valid Unicode string: a file name's bytes that are not
    UTF-8 (held by Python as lone surrogates) are written as ``\\xNN``
    ("caf\\xe9" for the Latin-1 bytes ``caf\xe9``).  Stable across runs and
    the identity for every name that is valid UTF-8."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def decode_bytes(data: bytes) -> tuple[Optional[str], list[str]]:
    """Decode ``data``; returns (text, errors) with text None on failure."""
    if not data:
        return None, [E_EMPTY_FILE]
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        if not data.strip():
            return None, [E_EMPTY_BOM]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00
        return _decode_wide(data, "utf-32")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_wide(data, "utf-16")
    if b"\x00" in data:
        wide = _utf16_without_bom(data)
        if wide is not None:
            return _decode_wide(data, wide)
        return None, [E_BINARY_NUL]
    controls = sum(data.count(bytes([b])) for b in _CONTROL_BYTES)
    if controls > max(2, len(data) // 20):
        return None, [E_BINARY_CONTROLS.format(controls=controls, size=len(data))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        stray = scan_utf8([data], keep_text=True)
        if stray is None:
            return _decode_8bit(data)
        text, bad = stray
        if not text.strip():
            return None, [E_EMPTY_SPACE]
        return text, [stray_bytes_message(bad)]
    if not text.strip():
        return None, [E_EMPTY_SPACE]
    repaired = legacy.repair_misdecoded(text)
    return (repaired.text if repaired else text), []


# Most stray bytes a UTF-8 file may hold before it is judged another encoding.
MAX_STRAY_BYTES = 1000


def scan_utf8(chunks, keep_text: bool = False):
    """UTF-8 with a few stray bytes: (text or None, byte offsets of the bad
    sequences), each sequence decoding to one U+FFFD as ``errors="replace"``
    does; None when the bytes are valid UTF-8, or not mostly UTF-8 (fewer
    than 10 bytes of valid multi-byte letters per bad sequence, or more than
    ``MAX_STRAY_BYTES`` of them): such files are another encoding."""
    bad: list[int] = []
    pieces: list[str] = []
    extra = 0  # bytes beyond one per character in the valid multi-byte letters
    offset = 0  # of ``buf`` in the file
    carry = b""
    for data in _with_end(chunks):
        final = not data
        buf = memoryview(carry + data)
        pos = 0
        while True:
            try:
                text, used = codecs.utf_8_decode(buf[pos:], "strict", final)
            except UnicodeDecodeError as exc:
                good = codecs.utf_8_decode(buf[pos:pos + exc.start], "strict", True)[0]
                extra += exc.start - len(good)
                bad.append(offset + pos + exc.start)
                if keep_text:
                    pieces += (good, "\ufffd")
                pos += exc.end
                if len(bad) > MAX_STRAY_BYTES:
                    return None
                continue
            extra += used - len(text)
            if keep_text:
                pieces.append(text)
            pos += used
            break
        offset += pos
        carry = bytes(buf[pos:])
    if not bad or len(bad) * 10 > extra:
        return None
    return ("".join(pieces) if keep_text else None), bad


def _with_end(chunks):
    yield from chunks
    yield b""


def stray_bytes_message(bad: list[int]) -> str:
    """The error entry of a UTF-8 file with stray bytes, naming where they are."""
    shown = ", ".join(str(b) for b in bad[:10]) + (f" and {len(bad) - 10} more" if len(bad) > 10 else "")
    return E_STRAY_BYTES.format(n=len(bad), where=shown)


def _decode_wide(data: bytes, codec: str) -> tuple[Optional[str], list[str]]:
    """UTF-16 or UTF-32 (with its BOM, or a named byte order)."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        how = "despite its byte-order mark" if codec in ("utf-16", "utf-32") else "though it looks like it"
        return None, [E_UNDECODABLE.format(codec=codec.upper(), how=how, problem=exc)]
    if not text.strip():
        return None, [E_EMPTY_SPACE]
    return text.lstrip("\ufeff"), []


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """"utf-16-le"/"utf-16-be" when ``data`` reads as UTF-16 text without a
    BOM: an even length, NUL bytes in at least a quarter of one byte
    position (the high byte of every ASCII character) and next to none at
    the other."""
    if len(data) % 2:
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= half / 4 and even * 20 <= odd:
        return "utf-16-le"
    if even >= half / 4 and odd * 20 <= even:
        return "utf-16-be"
    return None


# C0 control bytes that never occur in text files (tab, line ends, form feed,
# vertical tab and escape/substitute are allowed).
_CONTROL_BYTES = [b for b in range(32) if b not in (9, 10, 11, 12, 13, 26, 27)]


def _decode_8bit(data: bytes) -> tuple[Optional[str], list[str]]:
    """Bytes that are not UTF-8: Windows-1258, TCVN3 or VNI, whichever reads as Vietnamese."""
    best, readings = legacy.best_reading(data)
    if best is None:
        cp1258 = next((r for r in readings if r.encoding == "cp1258"), None)
        evidence = max(r.score.total for r in readings)
        if cp1258 is not None and evidence < legacy.MIN_EVIDENCE:
            best = cp1258  # too few accented words to judge: keep Windows-1258
        else:
            tried = ", ".join(f"{r.encoding} {r.score.valid}/{r.score.total}" for r in readings)
            return None, [E_UNKNOWN_ENCODING.format(tried=tried)]
    if not best.text.strip():
        return None, [E_EMPTY_SPACE]
    return best.text, []


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS and self.skip:
            self.skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page, one block a line."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return "\n".join(line for line in lines if line)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in text)


def folder_problem(path: Path) -> str:
    """The error line of a folder the batch could not list."""
    name = printable_name(path.name)
    try:
        os.scandir(path).close()
    except OSError as exc:
        return E_LINE.format(name=f"{name}/", message=E_FOLDER_UNLISTABLE.format(reason=exc.strerror or exc))
    return E_LINE.format(name=f"{name}/", message=E_FOLDER_VANISHED)


def read_text(path: Path, *, html: bool = False) -> tuple[Optional[str], list[str]]:
    """Text of the file at ``path`` (errors name the reason, never raise)."""
    name = printable_name(path.name)
    try:
        if path.is_dir():
            return None, [E_LINE.format(name=name, message=E_IS_DIRECTORY)]
        data = path.read_bytes()
    except OSError as exc:
        return None, [E_LINE.format(name=name, message=E_CANNOT_READ.format(reason=exc.strerror or exc))]
    text, errors = decode_bytes(data)
    if text is not None and html and (path.suffix.lower() in (".html", ".htm") or looks_like_html(text)):
        text = html_to_text(text)
        if not text.strip():
            return None, [E_LINE.format(name=name, message=E_NO_TEXT_IN_HTML)]
    return text, [E_LINE.format(name=name, message=e) for e in errors]
