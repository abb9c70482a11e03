"""spaCy integration: the ``danvan_facts`` pipeline component.

>>> import spacy
>>> nlp = blank_vi()                      # spacy.blank("vi") without pyvi
>>> _ = nlp.add_pipe("danvan_facts")
>>> doc = nlp("Huyện có 285 mô hình, chiếm 73,53%.")
>>> [(s.label_, f.text) for s, f in zip(doc.spans["facts"], doc._.facts)]
[('count', '285 mô hình'), ('percentage', '73,53%')]

The component sets

* ``doc.spans["facts"]``: one span per fact, label = fact type.  Spans may
  overlap (a ``person_role`` can contain a number).  They are aligned to
  tokens with ``alignment_mode="expand"``: with :func:`blank_vi` (which
  splits punctuation) they are exact; with a coarser tokenizer a span can
  take in a neighbouring character ("hình,").  The exact offsets are always
  on the records.
* ``doc._.facts``: the fact records (Pydantic models, as
  :meth:`danvan_extract.Pipeline.extract` returns them), in the same order
  as the spans.

The records are stored as plain dicts in ``doc.user_data`` so that docs
survive ``Doc.to_bytes`` and ``nlp.pipe(texts, n_process=2)``; the
``facts`` extension is a getter that rebuilds the records.

The factory is registered both on import of this module (``@Language.factory``)
and through the ``spacy_factories`` entry point, so ``nlp.add_pipe("danvan_facts")``
works without importing ``danvan_extract`` first.
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import FACT_LIST_ADAPTER, FactBase

FACTORY = "danvan_facts"
SPAN_KEY = "facts"
_USER_DATA_KEY = "danvan_facts"


def _get_facts(doc: Doc) -> list[FactBase]:
    return FACT_LIST_ADAPTER.validate_python(doc.user_data.get(_USER_DATA_KEY, []))


_SPAN_FACTS_KEY = "danvan_span_facts"


def _get_span_fact(span: Span) -> Optional[FactBase]:
    """The fact record behind a span of ``doc.spans["facts"]`` (None for other spans)."""
    for start, end, label, index in span.doc.user_data.get(_SPAN_FACTS_KEY, []):
        if (start, end, label) == (span.start, span.end, span.label_):
            return _get_facts(span.doc)[index]
    return None


def _context_getter(name: str):
    def get(span: Span):
        fact = _get_span_fact(span)
        value = getattr(fact, name, None) if fact is not None else None
        return value.model_dump() if hasattr(value, "model_dump") else value
    return get


if not Doc.has_extension("facts"):
    Doc.set_extension("facts", getter=_get_facts)
if not Span.has_extension("fact"):
    Span.set_extension("fact", getter=_get_span_fact)
    # the context of a numeric fact: span._.subject, span._.location, span._.period
    for _name in ("subject", "location", "period"):
        Span.set_extension(_name, getter=_context_getter(_name))


class DanvanFacts:
    """spaCy component running a :class:`danvan_extract.Pipeline` on ``doc.text``."""

    def __init__(self, nlp: Language, name: str = FACTORY, rules_dir: Optional[str] = None,
                 person_roles: bool = True):
        from ..pipeline import Pipeline

        self.name = name
        self.rules_dir = rules_dir
        self.person_roles = person_roles
        self.pipeline = Pipeline(rules_dir, person_roles=person_roles)

    def __call__(self, doc: Doc) -> Doc:
        """Extract facts from ``doc.text``; set ``doc.spans["facts"]`` and ``doc._.facts``."""
        facts = self.pipeline.extract(doc.text)
        spans = []
        index = []  # [token start, token end, label, fact index]: plain lists survive Doc serialization
        for i, fact in enumerate(facts):
            span = doc.char_span(fact.start, fact.end, label=fact.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
                index.append([span.start, span.end, span.label_, i])
        doc.spans[SPAN_KEY] = spans
        doc.user_data[_SPAN_FACTS_KEY] = index
        doc.user_data[_USER_DATA_KEY] = [f.model_dump(mode="json") for f in facts]
        return doc


@Language.factory(
    FACTORY,
    default_config={"rules_dir": None, "person_roles": True},
    assigns=["doc._.facts"],
)
def make_danvan_facts(nlp: Language, name: str, rules_dir: Optional[str], person_roles: bool) -> DanvanFacts:
    """Create the ``danvan_facts`` component (config: ``rules_dir``, ``person_roles``)."""
    return DanvanFacts(nlp, name, rules_dir=rules_dir, person_roles=person_roles)


def blank_vi() -> Language:
    """A blank Vietnamese pipeline that works offline, without ``pyvi``.

    ``spacy.blank("vi")`` uses spaCy's Vietnamese word segmenter, which needs
    the ``pyvi`` package (the component works with it too).  This one uses
    spaCy's rule-based tokenizer with the Vietnamese punctuation rules, so
    "hình," and "73,53%" split and fact spans align exactly to tokens.
    """
    import spacy

    return spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
