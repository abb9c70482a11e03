"""A match's groups read by their numbers, found once per pattern: the
regex module makes ``groupindex`` anew for every look-up of a group by
name, which costs more than the rest of the look-up."""

from __future__ import annotations

from operator import itemgetter
from typing import Callable, Optional

import regex


# rx.groupindex by pattern (a plain dict: an lru_cache look-up costs more
# than the rest of a group look-up).
_GROUP_NUMBERS: dict[regex.Pattern, dict[str, int]] = {}


def group_numbers(rx: regex.Pattern) -> dict[str, int]:
    """``rx.groupindex``, made once per pattern: the regex module makes it
    anew for every look-up of a group by name (and for ``groupdict``)."""
    found = _GROUP_NUMBERS.get(rx)
    if found is None:
        if len(_GROUP_NUMBERS) >= 4096:  # patterns of many rule sets
            _GROUP_NUMBERS.clear()
        found = _GROUP_NUMBERS[rx] = rx.groupindex
    return found


def group(m: regex.Match, name: str) -> Optional[str]:
    """``m.groupdict().get(name)``: what group ``name`` read, None when the
    pattern has no such group or it took no part."""
    i = (_GROUP_NUMBERS.get(m.re) or group_numbers(m.re)).get(name)
    return None if i is None else m.group(i)


def group_span(m: regex.Match, name: str) -> tuple[int, int]:
    """``m.span(name)``, the group found by its number (a look-up by name
    costs the regex module ten times more)."""
    return m.span(group_numbers(m.re)[name])


def has_group(m: regex.Match, name: str) -> bool:
    """True when ``m``'s pattern has a group ``name``."""
    return name in group_numbers(m.re)


def group_reader(*names: str) -> Callable[[regex.Match], tuple[Optional[str], ...]]:
    """A function giving ``(group(m, name) for name in names)`` as a tuple
    (at least two names): one call for all, the groups' numbers found once
    per pattern (a look-up by name per group costs several times more)."""
    getters: dict[regex.Pattern, Callable] = {}

    def read(m: regex.Match) -> tuple[Optional[str], ...]:
        get = getters.get(m.re)
        if get is None:
            if len(getters) >= 4096:  # patterns of many rule sets
                getters.clear()
            index = m.re.groupindex
            # a name the pattern lacks reads the None put after its groups
            get = getters[m.re] = itemgetter(*[index[n] - 1 if n in index else -1 for n in names])
        return get((*m.groups(), None))

    return read
