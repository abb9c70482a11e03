"""Scanning under a time budget: anchored pattern matching and what a valid budget is."""
