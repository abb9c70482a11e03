"""An extractor's patterns as attributes, each compiled on first use."""

from __future__ import annotations

from ...scan.promises import ScanPattern


class GrammarAttributes:
    """An extractor whose attributes are patterns of its grammar, each
    compiled on first use (compiling is most of a cold start, and a text
    meets few of them); then a plain attribute."""

    def _grammar_attributes(self, grammar: dict[str, ScanPattern], names: dict[str, str]) -> None:
        """Attribute ``attr`` is ``grammar[name].regex``, for each ``attr: name`` of ``names``."""
        self._pending_patterns = {attr: grammar[name] for attr, name in names.items()}

    def __getattr__(self, attr: str):
        # only called for an attribute not set yet
        pending = self.__dict__.get("_pending_patterns")
        if pending is None or attr not in pending:
            raise AttributeError(attr)
        rx = pending[attr].regex
        setattr(self, attr, rx)
        return rx
