"""Context of figures: what (subject), where (location), when (period),
and the article's own title, date and place (FACTS.md "Context")."""

from .attach import DocumentContext, analyse

__all__ = ["DocumentContext", "analyse"]
