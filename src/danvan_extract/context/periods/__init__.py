"""Time expressions and the period each one states (:func:`find.find_times`).

- ``values``: the :class:`TimeMention` record and what a dated form's match means as a start and an end
- ``forms``: the table of dated forms (pattern, period, kind, what a window must hold)
- ``windows``: the stretches around a text's years where dated forms are tried; listed years
- ``starts``: where the whole-text scans can start (their opening words)
- ``undated``: times written without a year of their own and the year they take
- ``joins``: times read together once found ("và", ranges, "từ ... đến nay", months named again)
- ``comparisons``: bases and refs of comparisons; effective dates
- ``find``: :func:`find_times`, which runs the scans in order
"""
