"""Regexes matching any of a list of literal words, built as tries.

Used by the rules loader, the anchor index and the extractors.  A trie
over a long lexicon takes a while to build: the texts are kept between
processes with the compiled patterns (:mod:`.pattern_cache`).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .pattern_cache import kept_text


def alternation(words) -> str:
    """A regex matching any of the literal ``words``, preferring the longest.

    Built as a trie ("b(?:ộ trưởng|í thư)" rather than "bộ trưởng|bí thư"),
    so the engine tests each shared prefix once instead of once per word:
    on long lexicons this is several times faster, and it matches exactly
    what the longest-first alternation of the same words matches.
    """
    return kept_text("alternation", words, _trie_of)


def _trie_of(words: frozenset) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return _trie_pattern(trie) if trie else "(?!)"


def _trie_pattern(node: dict) -> str:
    groups: dict[str, list[str]] = {}
    for ch in sorted(k for k in node if k):
        groups.setdefault(ch.lower(), []).append(ch)
    branches = []
    for chars in groups.values():
        if len(chars) > 1:
            # "Trưởng ban"/"trưởng Ban": case variants would make a
            # case-insensitive match stop in the wrong branch, so list
            # their suffixes flat, longest first, as a plain alternation.
            # (ties in a fixed order: the same words give the same text in every process)
            suffixes = sorted({c + rest for c in chars for rest in _words_below(node[c])}, key=lambda w: (-len(w), w))
            branches.append("(?:" + "|".join(_escape(w) for w in suffixes) + ")")
            continue
        ch = chars[0]
        child = node[ch]
        # follow a chain of single children as one literal run
        run = _escaped(ch)
        while len(child) == 1 and "" not in child:
            (nxt, child), = child.items()
            run += _escaped(nxt)
        branches.append(run + _trie_pattern(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        # the word may end here; longer words are tried first (greedy "?")
        return (body if len(branches) > 1 else f"(?:{body})") + "?"
    return body


@lru_cache(maxsize=None)
def _escaped(ch: str) -> str:
    """``regex.escape`` of one character (it escapes character by character;
    a trie escapes thousands of them: a cold start cost)."""
    return regex.escape(ch)


def _escape(word: str) -> str:
    return "".join(map(_escaped, word))


def _words_below(node: dict) -> list[str]:
    out = [""] if "" in node else []
    for ch, child in node.items():
        if ch:
            out.extend(ch + rest for rest in _words_below(child))
    return out


def word_alternation(words) -> str:
    """Like :func:`alternation`, but any run of white space between words."""
    return alternation(words).replace("\\ ", "\\s+")
