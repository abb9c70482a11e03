"""underthesea, wrapped and imported lazily so the rule-only path starts fast.

Only small windows around role triggers are sent to the NER model; over
whole articles it is far too slow for batch use.
"""

from __future__ import annotations

from functools import lru_cache

from .errors import E_NO_UNDERTHESEA, DependencyError


@lru_cache(maxsize=2)
def _model(name: str):
    """underthesea's ``ner`` or ``pos_tag``, imported on first use."""
    try:
        import underthesea
    except ImportError as exc:  # pragma: no cover - underthesea is a dependency
        raise DependencyError(E_NO_UNDERTHESEA) from exc
    return getattr(underthesea, name)


def load_models() -> None:
    """Load the NER and part-of-speech models now (a parent process does,
    so that the workers it forks share them instead of each loading its own)."""
    _model("ner")("Ông Nguyễn Văn An")
    _model("pos_tag")("cán bộ")


def _ner():
    return _model("ner")


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


def _pos():
    return _model("pos_tag")


@lru_cache(maxsize=4096)
def first_word_tag(window: str) -> tuple[str, int]:
    """(underthesea's part-of-speech tag of the first word of ``window``, its
    length in characters); ("", 0) for no word.  Meant for a few words, not
    whole texts."""
    tagged = _pos()(window)
    if not tagged:
        return "", 0
    return tagged[0][-1], len(tagged[0][0])


def first_word_is_noun(window: str) -> tuple[bool, int]:
    """(whether underthesea tags the first word of ``window`` a common noun,
    its length in characters).  Meant for a few words, not whole texts."""
    tag, size = first_word_tag(window)
    return tag in ("N", "Nc", "Nu"), size
