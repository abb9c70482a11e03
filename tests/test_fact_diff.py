"""scripts/fact_diff.py: what it reports as a difference between two runs."""

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parent.parent / "scripts" / "fact_diff.py"
_spec = importlib.util.spec_from_file_location("fact_diff", _PATH)
fact_diff = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fact_diff)


def _fact(start, end, **fields):
    return {"type": "count", "start": start, "end": end, "text": "x" * (end - start), **fields}


def test_identical_documents_have_no_difference():
    doc = {"doc_id": "a", "title": "T", "facts": [_fact(0, 3, value=3)], "errors": []}
    assert fact_diff.diff_document(doc, dict(doc)) == []


def test_changed_added_and_removed_facts_and_fields_are_listed():
    before = {"doc_id": "a", "title": "T", "facts": [_fact(0, 3, value=3, noun="hộ"), _fact(5, 7, value=2)]}
    after = {"doc_id": "a", "title": "U", "facts": [_fact(0, 3, value=3, noun="hộ dân"), _fact(9, 11, value=4)]}
    lines = fact_diff.diff_document(before, after)
    assert lines[0] == "  document title: 'T' -> 'U'"
    assert any(line.startswith("  ~ count 0-3") and "noun: 'hộ' -> 'hộ dân'" in line for line in lines)
    assert any(line.startswith("  - ") and '"start": 5' in line for line in lines)
    assert any(line.startswith("  + ") and '"start": 9' in line for line in lines)
    assert len(lines) == 4


def test_the_texts_are_the_gold_articles():
    paths = fact_diff.texts(["gold/seeds", "gold/dev"])
    assert len(paths) == len(set(paths)) >= 45 and all(p.endswith(".txt") for p in paths)
