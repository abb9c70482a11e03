"""The README's per-type examples still come out of the pipeline as shown,
the public API has docstrings, and the new modules' doctests pass."""

import doctest
import json
import re

import pytest

import danvan_extract
from danvan_extract.io import tables
from danvan_extract.views import html_view, spacy_component
from danvan_extract.registry import GRADED_TYPES

from .conftest import ROOT

BLOCK = re.compile(r"<!-- EXAMPLES:START.*?-->(.*?)<!-- EXAMPLES:END -->", re.S)
EXAMPLE = re.compile(r"### `(\w+)`\n\n> (.+?)\n\n```json\n(.*?)\n```", re.S)


def _examples():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = BLOCK.search(readme)
    assert block, "README.md lost its EXAMPLES block"
    return [(t, sentence, json.loads(js)) for t, sentence, js in EXAMPLE.findall(block.group(1))]


def test_one_example_per_graded_type():
    assert [t for t, _, _ in _examples()] == list(GRADED_TYPES)


@pytest.mark.parametrize("fact_type,sentence,expected", _examples(), ids=lambda v: v if isinstance(v, str) and len(v) < 20 else None)
def test_readme_example(pipeline, fact_type, sentence, expected):
    got = [f.model_dump(mode="json", exclude_none=True) for f in pipeline.extract(sentence) if f.type == fact_type]
    assert got == [expected]
    assert sentence[expected["start"]:expected["end"]] == expected["text"]


PUBLIC = [
    danvan_extract.extract,
    danvan_extract.Pipeline,
    danvan_extract.Pipeline.extract,
    danvan_extract.Pipeline.extract_document,
    danvan_extract.Pipeline.extract_many,
    danvan_extract.Document,
    danvan_extract.Percentage,
    danvan_extract.Count,
    danvan_extract.Ratio,
    danvan_extract.Area,
    danvan_extract.Money,
    danvan_extract.DocumentRef,
    danvan_extract.PersonRole,
    tables.facts_to_rows,
    tables.write_table,
    tables.to_dataframe,
    html_view.render_page,
    spacy_component.make_danvan_facts,
    spacy_component.blank_vi,
]


@pytest.mark.parametrize("obj", PUBLIC, ids=lambda o: getattr(o, "__qualname__", None))
def test_public_api_has_docstrings(obj):
    assert (obj.__doc__ or "").strip()  # its own, not inherited


@pytest.mark.parametrize("module", [tables, html_view, spacy_component, danvan_extract], ids=lambda m: m.__name__)
def test_doctests(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0
