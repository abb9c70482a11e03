"""Compiled patterns kept between processes, as Python keeps compiled modules.

Parsing and compiling the rules' patterns is most of a cold start: both
engines parse in Python.  A compiled pattern is a pattern, its flags and a
list of instruction codes, so the codes of every pattern compiled here
are written to one file in the user's cache folder when the process ends,
and the next process builds its patterns from them without parsing.

- ``regex`` patterns are kept as their pickling protocol gives them
  (``copyreg``: the constructor and its arguments, no parse on load).
- Standard-library ``re`` patterns are kept as the arguments
  ``re._compiler.compile`` hands to ``_sre.compile`` (Python 3.11 to
  3.13 build them alike).  An interpreter where that call differs is
  noticed at once (the built pattern is checked against ``re.compile``'s)
  and its patterns are then compiled as usual, never kept.

The texts of the long alternations built from word lists (a trie each)
and the rules files as parsed are kept the same way, keyed by a digest of
their words or bytes.

The file is keyed by the Python and ``regex`` versions and by a digest of
the code that builds the kept texts; an entry by the pattern and its
flags (or a digest of its words or bytes), so an edited rule is a new
entry.  The file is
``marshal`` data (as ``.pyc`` files are) in a folder only its user writes:
``$DANVAN_CACHE_DIR``, else the platform's user cache folder; ``DANVAN_CACHE_DIR=off``
(or empty) keeps nothing.  A missing, unreadable or damaged file only
means patterns are compiled as usual.  A batch worker forked by
``multiprocessing`` saves what it compiled when it ends, as a process does.
"""

from __future__ import annotations

import atexit
import copy
import copyreg
import hashlib
import marshal
import os
import re
import sys
import tempfile
import threading
import tomllib
import unicodedata
from pathlib import Path
from typing import Callable, Optional

import regex

_DISABLED = ("", "0", "off", "no", "false")
# entries beyond this (a user who edits rules often): keep only this process's
_MAX_ENTRIES = 20_000


def cache_dir() -> Optional[Path]:
    """The folder of the pattern file, or None when caching is off."""
    chosen = os.environ.get("DANVAN_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in _DISABLED else Path(chosen)
    import platformdirs  # (only where no folder is given)
    return Path(platformdirs.user_cache_dir("danvan-extract", appauthor=False))


# the engines a kept pattern was compiled by
_PREFIX = f"patterns-py{sys.version_info[0]}{sys.version_info[1]}-regex{regex.__version__}-"


def _file_name() -> str:
    return f"{_PREFIX}{_makers_digest()}.marshal"


def _makers_digest() -> str:
    """A digest of the code that makes the kept texts and values (this
    module, the trie builder): a change there starts a new file."""
    here = Path(__file__).parent
    digest = hashlib.blake2b(digest_size=6)
    for name in ("pattern_cache.py", "alternation.py"):
        try:
            digest.update((here / name).read_bytes())
        except OSError:  # (no source beside the module: its name stands for it)
            digest.update(name.encode())
    return digest.hexdigest()


# what ``regex`` patterns are unpickled with (their copyreg reducer's callable)
_REGEX_CONSTRUCTOR = copyreg.dispatch_table[regex.Pattern](regex.compile("a"))[0]


def _regex_arguments(compiled: regex.Pattern) -> tuple:
    return copyreg.dispatch_table[regex.Pattern](compiled)[1]


def _std_arguments(pattern: str, flags: int) -> Optional[tuple]:
    """The arguments ``re`` compiles ``pattern`` into, or None where this
    interpreter builds its patterns otherwise."""
    try:
        from re import _compiler, _parser
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # (the codes are int subclasses with names, which marshal does not write)
        return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex,
                tuple(indexgroup))
    except re.error:  # the pattern's own fault: re.compile says so
        raise
    except Exception:  # another interpreter's internals: compile as usual
        return None


def _std_build(pattern: str, arguments: tuple) -> re.Pattern:
    import _sre
    return _sre.compile(pattern, *arguments)


def _same(built, compiled) -> bool:
    return (built.pattern == compiled.pattern and built.flags == compiled.flags
            and built.groups == compiled.groups and dict(built.groupindex) == dict(compiled.groupindex))


class PatternStore:
    """Compiled patterns by engine, pattern and flags: those of the cache
    file (built on first use) and those compiled by this process."""

    def __init__(self, folder: Optional[Path]):
        self.path = folder / _file_name() if folder is not None else None
        self._kept: Optional[dict] = None  # the file's entries, read on first use
        self._built: dict = {}  # patterns built or compiled by this process, by key
        self._new: dict = {}  # entries this process compiled
        self._used: set = set()
        self.misses = 0  # patterns and texts this process had to compile or build
        self._lock = threading.Lock()
        self._exit_hook = False
        self.std_keepable = True  # False once this interpreter's ``re`` proved different
        self._std_checked = False  # (the first pattern built from its arguments is compared with re.compile's)
        self._forked = False  # a forked child's: its exit hook is set up again on its first new entry

    def forked(self) -> None:
        """Set up again in a forked child: the parent's lock and exit hook
        are not the child's."""
        self._lock = threading.Lock()
        self._exit_hook = False
        self._forked = True

    def _entries(self) -> dict:
        if self._kept is None:
            self._kept = self._read()
        return self._kept

    def _read(self) -> dict:
        if self.path is None:
            return {}
        try:
            data = marshal.loads(self.path.read_bytes())
        except Exception:  # absent, unreadable or damaged: compile as usual
            return {}
        return data if isinstance(data, dict) else {}

    def regex(self, pattern: str, flags: int = 0) -> regex.Pattern:
        """``regex.compile(pattern, flags)``, from the cache when it holds it."""
        key = ("regex", pattern, int(flags), int(regex.DEFAULT_VERSION))
        return self._memo(key, lambda: self._from_file(key, lambda arguments: _REGEX_CONSTRUCTOR(*arguments))
                          or self._compile_regex(key, pattern, flags))

    def _compile_regex(self, key: tuple, pattern: str, flags: int) -> regex.Pattern:
        compiled = regex.compile(pattern, flags)
        self.misses += 1
        if self.path is not None:
            self._keep(key, _regex_arguments(compiled))
        return compiled

    def std(self, pattern: str, flags: int = 0) -> re.Pattern:
        """``re.compile(pattern, flags)``, from the cache when it holds it."""
        flags = int(flags)
        key = ("re", pattern, flags)
        return self._memo(key, lambda: (self._from_file(key, lambda arguments: _std_build(pattern, arguments))
                                        if self.std_keepable else None) or self._compile_std(key, pattern, flags))

    def _memo(self, key: tuple, build: Callable[[], object]):
        """What this process built for ``key`` (building it the first time)."""
        built = self._built.get(key)
        if built is None:
            built = self._built[key] = build()
        return built

    def _from_file(self, key: tuple, construct: Callable[[object], object]):
        """``construct`` applied to the file's entry for ``key``; None when the
        file holds none or a damaged one (it is then compiled again)."""
        arguments = self._entries().get(key)
        if arguments is None:
            return None
        try:
            built = construct(arguments)
        except Exception:
            return None
        self._used.add(key)
        return built

    def _compile_std(self, key: tuple, pattern: str, flags: int) -> re.Pattern:
        self.misses += 1
        if self.path is None or not self.std_keepable:
            return re.compile(pattern, flags)
        arguments = _std_arguments(pattern, flags)
        try:
            built = _std_build(pattern, arguments) if arguments is not None else None
            if built is not None and not self._std_checked:
                self._std_checked = _same(built, re.compile(pattern, flags))
                built = built if self._std_checked else None
        except Exception:
            built = None
        if built is None:  # not this interpreter's way: compile as usual, keep nothing
            self.std_keepable = False
            return re.compile(pattern, flags)
        self._keep(key, arguments)
        return built

    def text(self, kind: str, words: frozenset, build: Callable[[frozenset], str]) -> str:
        """``build(words)``, a pattern's text built from a word list, from the
        cache when it holds it (keyed by a digest of the words)."""
        return self.value(kind, "\n".join(sorted(words)).encode(), lambda: build(words))

    def value(self, kind: str, material: bytes, build: Callable[[], object]):
        """``build()``, a value made from ``material`` alone (a word list, a
        rules file's bytes), from the cache when it holds it (keyed by a
        digest of ``material``).  The value is shared: not to be changed."""
        key = (kind, hashlib.blake2b(material, digest_size=16).digest())
        return self._memo(key, lambda: self._read_or_build(key, build))

    def _read_or_build(self, key: tuple, build: Callable[[], object]):
        kept = self._from_file(key, lambda value: value)
        if kept is not None:  # (an empty value is a value)
            return kept
        built = build()
        self.misses += 1
        if self.path is not None:
            self._keep(key, built)
        return built

    def _keep(self, key: tuple, arguments) -> None:
        try:
            marshal.dumps(arguments)
        except ValueError:  # not marshal data (a TOML date): not kept
            return
        with self._lock:
            self._new[key] = arguments
            if not self._exit_hook:
                self._exit_hook = True
                atexit.register(self.save)
                if self._forked:
                    # A worker forked by multiprocessing ends with os._exit:
                    # no exit hook runs there, its finalizers do.
                    from multiprocessing import util
                    util.Finalize(self, self.save, exitpriority=0)

    def save(self) -> None:
        """Write this process's new entries to the cache file (merged with
        what other processes wrote meanwhile); any failure keeps nothing."""
        if self.path is None or not self._new:
            return
        with self._lock:
            new, self._new = self._new, {}
        try:
            merged = {**self._read(), **new}
            if len(merged) > _MAX_ENTRIES:
                merged = {k: v for k, v in merged.items() if k in self._used or k in new}
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(marshal.dumps(merged))
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
            for stale in self.path.parent.glob(_PREFIX + "*.marshal"):  # (made by older code)
                if stale != self.path:
                    stale.unlink(missing_ok=True)
        except Exception:  # a cache: a read-only or full disk costs only the next cold start
            pass


_STORE: Optional[PatternStore] = None


def store() -> PatternStore:
    """The process's pattern store (its folder read from the environment once)."""
    global _STORE
    if _STORE is None:
        _STORE = PatternStore(cache_dir())
    return _STORE


def _after_fork() -> None:
    if _STORE is not None:
        _STORE.forked()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


def compile_regex(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile``, kept between processes."""
    return store().regex(pattern, flags)


def kept_text(kind: str, words, build: Callable[[frozenset], str]) -> str:
    """``build(words)`` (a pattern's text from a word list), kept between processes."""
    return store().text(kind, frozenset(words), build)


def parsed_toml(path: Path) -> dict:
    """A TOML file parsed, its strings in NFC, kept between processes (by a
    digest of its bytes); a fresh copy, the caller's to change.  Raises
    ``tomllib.TOMLDecodeError`` and ``OSError`` as ``tomllib.load`` does."""
    raw = path.read_bytes()
    parsed = store().value("toml", raw, lambda: _nfc_tree(tomllib.loads(raw.decode())))
    try:
        return marshal.loads(marshal.dumps(parsed))
    except ValueError:  # (a date or time: TOML has them, marshal does not)
        return copy.deepcopy(parsed)


def _nfc_tree(obj):
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    if isinstance(obj, list):
        return [_nfc_tree(x) for x in obj]
    if isinstance(obj, dict):
        return {unicodedata.normalize("NFC", k): _nfc_tree(v) for k, v in obj.items()}
    return obj


def compile_std(pattern: str, flags: int = 0) -> re.Pattern:
    """The standard library's ``re.compile``, kept between processes."""
    return store().std(pattern, flags)
