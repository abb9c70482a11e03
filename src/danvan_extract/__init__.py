"""danvan-extract: structured, verifiable facts from Vietnamese government
and party news.

>>> from danvan_extract import extract
>>> [f.text for f in extract("Huyện có 285 mô hình, chiếm 73,53%.")]
['285 mô hình', '73,53%']
"""

from .errors import DanvanError, InputError, RulesError
from .pipeline import Pipeline, extract
from .records import (
    Area,
    Count,
    Document,
    DocumentRef,
    Fact,
    Money,
    Percentage,
    PersonRole,
    Ratio,
)

__all__ = [
    "extract",
    "Pipeline",
    "Document",
    "Fact",
    "Percentage",
    "Count",
    "Ratio",
    "Area",
    "Money",
    "DocumentRef",
    "PersonRole",
    "DanvanError",
    "InputError",
    "RulesError",
]
__version__ = "0.1.0"
