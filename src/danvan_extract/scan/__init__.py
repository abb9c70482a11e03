"""Scanning under a time budget: anchored pattern matching and what a valid budget is.

A pattern whose every match begins with a digit, at a line start, or with
one of a known set of words does not need the regex engine to try it at
every character.  One cheap pass per document finds those anchor
positions (digit runs, line starts, and every anchor word of every
pattern (its key: :func:`.promises.anchor_key`), in a single combined scan), and each
anchored pattern is then tried with ``match`` at its anchors only.

The result is exactly what ``pattern.finditer(text)`` gives, provided the
anchor promise holds: every match starts at an anchor.  Tests check that
equality for every bundled rule on the gold articles, the example corpora
and generated text.  A pattern without a promise is scanned in full.

Every pattern runs under the document's time budget, so no pattern can
hang a batch: a full scan with the ``regex`` module's ``timeout``; the
calls at anchors under one SIGALRM timer set to the deadline where the
process allows it (:class:`.alarm.Alarm`), else each with the ``timeout``.  The
anchor scan itself is a trie of literals, linear by construction.

- ``characters``: the rules' white space and the not-a-letter class anchor words start after
- ``promises``: anchor promises (:class:`Anchors`, their word keys) and the patterns that carry them
- ``index``: the anchor index of a pipeline's patterns (word trie, promises by number, cached helpers)
- ``positions``: one document's anchor positions (digit runs, numbers, lines, words), found lazily
- ``document``: one document's scans at those positions, or in full, under its deadline
- ``alarm``: the deadline as a SIGALRM timer around pattern runs, one session per document
- ``budget``: what a valid time budget is, and the clock of the stages written in Python
"""
