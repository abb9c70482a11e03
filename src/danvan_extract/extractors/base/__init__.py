"""What every extractor shares, one module per job:

- ``candidates``: the candidate fact an extractor proposes, and field values with their spans
- ``context``: the normalized text of one document and what the rules ask of it (numbers, scans,
  page chrome, sentences, the word before a position)
- ``matching``: asking the regex engine only where a pattern can match (bounded look-ahead,
  partial-match openings, the string tests before a pattern)
- ``groups``: a match's groups read by number
- ``grammar_attributes``: an extractor's patterns as attributes compiled on first use
- ``lexicons``: the word sets shared by the numeric extractors, composed of the mixins:
  ``qualifiers`` (the qualifier of a number), ``counted_nouns`` (the counted noun after it),
  ``designation`` (whether it names something rather than counting)
"""
