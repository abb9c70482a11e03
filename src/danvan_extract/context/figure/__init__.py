"""The context of each figure, one step per module: the bounds of its
sentence and clause (``clauses``), its period, its place and its
subject (``subject`` and one module per kind of figure); ``context.attach``
runs them over a document."""
