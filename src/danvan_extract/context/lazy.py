"""Module patterns compiled on their first use (:mod:`..grammar.lazy`,
where the extractors find them without importing the context)."""

from ..grammar.lazy import Deferred, deferred, settle

__all__ = ["Deferred", "deferred", "settle"]
