"""Place mentions in a text and the administrative units they name.

- find: every place mention in a text (:func:`find_places`), the scans in order
- record: the :class:`PlaceMention` record and the cheap way to make one
- patterns: the level-word patterns, the address chain's gap, comparison and plural words
- starts: where each scan can start, and cheap tests of where a pattern cannot match
- names: a name's end after its level word, its figures, its level; gazetteer look-ups
- without_level: units named without their level word (lists, brackets, head lines,
  datelines, line openers, table rows, branches)
- provinces: each mention's province and code from its chain, the text and the map's era
- neighbours: a province taken from the mentions around one
"""

