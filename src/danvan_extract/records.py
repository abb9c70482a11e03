"""Fact records (Pydantic v2), one model per fact type of FACTS.md.

Every fact carries ``start``/``end`` offsets into the caller's original
string and ``text == input[start:end]``.  ``rule`` names the rule that
produced it (provenance); gold files leave it out.
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

Qualifier = Literal["exact", "over", "under", "approx", "nearly"]
Number = Union[int, float]

GRADED_TYPES = ("percentage", "count", "ratio", "area", "money", "document_ref", "person_role")


class FactBase(BaseModel):
    """Fields shared by every fact."""

    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    rule: Optional[str] = None


class NumericFact(FactBase):
    qualifier: Qualifier = "exact"


class Percentage(NumericFact):
    type: Literal["percentage"] = "percentage"
    value: float
    value_max: Optional[float] = None


class Count(NumericFact):
    type: Literal["count"] = "count"
    value: Number
    noun: Optional[str] = None
    value_max: Optional[Number] = None


class Ratio(NumericFact):
    type: Literal["ratio"] = "ratio"
    numerator: Number
    denominator: Number
    noun: Optional[str] = None


class Area(NumericFact):
    type: Literal["area"] = "area"
    value: float
    value_max: Optional[float] = None
    unit: str
    hectares: float
    hectares_max: Optional[float] = None
    subject: Optional[str] = None


class Money(NumericFact):
    type: Literal["money"] = "money"
    value: float
    value_max: Optional[float] = None
    unit: str
    amount: float
    amount_max: Optional[float] = None
    currency: str = "VND"
    per: Optional[str] = None


class DocumentRef(FactBase):
    type: Literal["document_ref"] = "document_ref"
    number: str
    doc_type: Optional[str] = None
    issuer_code: Optional[str] = None
    year: Optional[int] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    title: Optional[str] = None


class PersonRole(FactBase):
    type: Literal["person_role"] = "person_role"
    person: str
    roles: list[str]
    honorific: Optional[str] = None


class Extra(FactBase):
    """Ungraded facts (dates, durations, measures...) kept for context and masking."""

    type: Literal["date", "duration", "measure", "year", "ordinal", "location", "organization"]
    value: Optional[Union[Number, str]] = None
    unit: Optional[str] = None
    qualifier: Optional[Qualifier] = None


Fact = Annotated[
    Union[Percentage, Count, Ratio, Area, Money, DocumentRef, PersonRole, Extra],
    Field(discriminator="type"),
]
FACT_ADAPTER: TypeAdapter = TypeAdapter(Fact)
FACT_LIST_ADAPTER: TypeAdapter = TypeAdapter(list[Fact])


class Document(BaseModel):
    """The result for one input document: its facts and any errors."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    facts: list[Fact] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)


def parse_fact(data: dict) -> FactBase:
    """Validate one fact dict (e.g. a gold JSONL line) into its record type."""
    return FACT_ADAPTER.validate_python(data)
