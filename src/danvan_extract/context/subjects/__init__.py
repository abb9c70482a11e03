"""The subject of a figure: the noun phrase naming what it counts,
measures or shares, as FACTS.md "Context" defines it.

Rules over the clause around the figure: a count's noun and the words
that define it; a percentage's "tỷ lệ ..." phrase or the noun phrase
before its verb ("đồng bào dân tộc thiểu số chiếm trên 88%"), else the
subject of the figure it is a share of; money's and area's noun phrase
before the verb, else the purpose or land after the unit.  Returns pieces
of the normalized text (spans), joined later as written.  The ``holes``
each function takes (the place, time and figure mentions no subject
takes) are sorted spans.

- ``vocabulary``: the word sets and limits the others share (stating words, generic nouns, classifiers)
- ``edges``: the edges of a noun phrase: what it drops at its start and end, the cut around holes, its word limit
- ``verbs``: predicates, the verbs that tell figures apart, tense words, the verbs of giving
- ``lists``: lists and their items: the next item, an item after a comma, where a list starts
- ``rightward``: a noun phrase read rightward, and where the list it runs through ends
- ``leftward``: the noun phrase before a figure, and a rate's "tỷ lệ ..." phrase
- ``money``: money phrases: a sum's noun and giving verb, a priced item, generic names of a sum
- ``clauses``: the noun clause after a figure, the predicate after a place, what a percentage is of
- ``distinctions``: a distinguishing verb, a breakdown's label, an average, a quoted or "Về" topic
- ``land``: land and area phrases: what an area is of, its verb, an area that is part of a total
- ``tables``: table labels: a figure's column heading and row label
- ``members``: member counts: the members a body's count counts, and their groups
"""
