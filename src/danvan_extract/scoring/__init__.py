"""Scoring against gold annotations: facts, attributes and context."""
