"""Fact records (Pydantic v2), one model per fact type of FACTS.md.

Every fact carries ``start``/``end`` offsets into the caller's original
string and ``text == input[start:end]``.  ``rule`` names the rule that
produced it (provenance); gold files leave it out.
"""

# (no postponed annotations: pydantic would evaluate each model field's
# annotation from its text, a cold start cost)

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from .registry import EXTRA_TYPES, ROWS
from .registry import GRADED_TYPES  # noqa: F401  (read from the registry; kept here for callers)

Qualifier = Literal["exact", "over", "under", "approx", "nearly"]
Number = Union[int, float]
# Models are built on first use: a process that meets three fact types does
# not pay (at its start) for the schemas of all of them.
_CONFIG = ConfigDict(extra="forbid", defer_build=True)


class FactBase(BaseModel):
    """Fields shared by every fact."""

    model_config = _CONFIG

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    rule: Optional[str] = None


_PERIOD_END = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Place(BaseModel):
    """An administrative unit: ``name`` without its level word, ``level``
    as the text calls it ("huyện"), ``province`` it lies in (as named at the
    time of the text); ``code`` the official code where the gazetteer knows
    the unit, else null; ``new_code`` the code of the unit that replaced it
    on 1 July 2025 where the official mapping gives one."""

    model_config = _CONFIG

    name: str
    level: Optional[str] = None
    province: Optional[str] = None
    code: Optional[str] = None
    new_code: Optional[str] = None


class Period(BaseModel):
    """The time a figure holds for: each end ``YYYY``, ``YYYY-MM``,
    ``YYYY-MM-DD`` or null (open)."""

    model_config = _CONFIG

    start: Optional[str] = Field(default=None, pattern=_PERIOD_END)
    end: Optional[str] = Field(default=None, pattern=_PERIOD_END)


class NumericFact(FactBase):
    """A number-bearing fact: ``qualifier`` (exact, over, under, approx,
    nearly) and its context: ``subject`` (what it counts or measures),
    ``location`` and ``period``, each null when the text does not say."""

    qualifier: Qualifier = "exact"
    subject: Optional[str] = None
    location: Optional[Place] = None
    period: Optional[Period] = None


class Percentage(NumericFact):
    """A percentage: "trên 88%" → ``value`` 88.0, ``qualifier`` over; ranges set ``value_max``."""

    type: Literal["percentage"] = "percentage"
    value: float
    value_max: Optional[float] = None


class Count(NumericFact):
    """How many of something: "285 mô hình" → ``value`` 285, ``noun`` "mô hình"."""

    type: Literal["count"] = "count"
    value: Number
    noun: Optional[str] = None
    value_max: Optional[Number] = None


class Ratio(NumericFact):
    """x out of y: "49.800/67.721 người" → ``numerator``, ``denominator``, ``noun``."""

    type: Literal["ratio"] = "ratio"
    numerator: Number
    denominator: Number
    noun: Optional[str] = None


class Area(NumericFact):
    """A land area: ``value`` and ``unit`` as written, ``hectares`` normalized."""

    type: Literal["area"] = "area"
    value: float
    value_max: Optional[float] = None
    unit: str
    hectares: float
    hectares_max: Optional[float] = None


class Money(NumericFact):
    """An amount of money: ``value``/``unit`` as written, ``amount`` in ``currency`` units, ``per`` basis."""

    type: Literal["money"] = "money"
    value: float
    value_max: Optional[float] = None
    unit: str
    amount: float
    amount_max: Optional[float] = None
    currency: str = "VND"
    per: Optional[str] = None


class DocumentRef(FactBase):
    """A reference to a document: "Nghị quyết số 25-NQ/TW" → ``number``, ``doc_type``, ``issuer_code``, ``date``..."""

    type: Literal["document_ref"] = "document_ref"
    number: str
    doc_type: Optional[str] = None
    issuer_code: Optional[str] = None
    year: Optional[int] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    title: Optional[str] = None


class PersonRole(FactBase):
    """Who holds which position: ``person``, ``roles`` (as written), ``honorific``."""

    type: Literal["person_role"] = "person_role"
    person: str
    roles: list[str]
    honorific: Optional[str] = None


class Extra(FactBase):
    """Ungraded facts (dates, durations, measures...) kept for context and masking."""

    type: Literal[EXTRA_TYPES]  # type: ignore[valid-type]  # the registry's rows with model "Extra"
    value: Optional[Union[Number, str]] = None
    unit: Optional[str] = None
    qualifier: Optional[Qualifier] = None


# The model of each fact type, as the registry names it.
MODELS: dict[str, type[FactBase]] = {row.name: globals()[row.model] for row in ROWS}
Fact = Annotated[
    Union[tuple(dict.fromkeys(MODELS.values()))],  # type: ignore[valid-type]
    Field(discriminator="type"),
]
FACT_ADAPTER: TypeAdapter = TypeAdapter(Fact, config=ConfigDict(defer_build=True))
FACT_LIST_ADAPTER: TypeAdapter = TypeAdapter(list[Fact], config=ConfigDict(defer_build=True))


class Document(BaseModel):
    """The result for one input document: its facts and any errors."""

    model_config = _CONFIG

    doc_id: str
    title: Optional[str] = None
    published: Optional[str] = Field(default=None, pattern=_PERIOD_END)
    location: Optional[Place] = None
    facts: list[Fact] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)


class DocumentInfo(BaseModel):
    """What an article says of itself: headline, publication date, main place
    (the defaults for figures without a place of their own)."""

    model_config = _CONFIG

    title: Optional[str] = None
    published: Optional[str] = Field(default=None, pattern=_PERIOD_END)
    location: Optional[Place] = None


def fact_record(data: dict) -> FactBase:
    """The record of one fact dict the package made (its ``type`` known):
    validated by that type's model alone, so the union of every model is
    not built for it."""
    model = MODELS.get(data.get("type"))
    if model is None:
        return FACT_ADAPTER.validate_python(data)
    # the model's own validator, as model_validate calls it (without its
    # keyword checks: a call less per fact)
    return model.__pydantic_validator__.validate_python(data)


def parse_fact(data: dict) -> FactBase:
    """Validate one fact dict (e.g. a gold JSONL line) into its record type."""
    return FACT_ADAPTER.validate_python(data)
