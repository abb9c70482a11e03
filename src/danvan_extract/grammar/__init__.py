"""The rules grammar: loading, validating and compiling rules/ (patterns, word lists as trie regexes)."""
