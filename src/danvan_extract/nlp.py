"""underthesea, wrapped and imported lazily so the rule-only path starts fast.

Only small windows around role triggers are sent to the NER model; over
whole articles it is far too slow for batch use.
"""

from __future__ import annotations

from functools import lru_cache

from .errors import E_NO_UNDERTHESEA, DependencyError


@lru_cache(maxsize=1)
def _ner():
    try:
        from underthesea import ner
    except ImportError as exc:  # pragma: no cover - underthesea is a dependency
        raise DependencyError(E_NO_UNDERTHESEA) from exc
    return ner


@lru_cache(maxsize=4096)
def person_tokens(window: str) -> frozenset[str]:
    """Syllables that underthesea's NER tags as part of a person (B-PER/I-PER)."""
    out = set()
    for token in _ner()(window):
        word, tag = token[0], token[-1]
        if tag.endswith("PER"):
            out.update(word.split())
    return frozenset(out)


def looks_like_person(name: str, window: str) -> bool:
    """True when the NER model tags every syllable of ``name`` in ``window`` as a person."""
    tagged = person_tokens(window)
    return bool(tagged) and all(part in tagged for part in name.split())
