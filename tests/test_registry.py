"""The registry of fact types agrees with the records, the rules files, the
extractors and what the pipeline emits."""

from pathlib import Path
from typing import get_args

import pytest

from danvan_extract import Pipeline
from danvan_extract.extractors import build_extractors
from danvan_extract.views.html_view import COLORS
from danvan_extract.records import MODELS, Extra
from danvan_extract.registry import EXTRA_TYPES, GRADED_TYPES, ROWS, RULE_SECTIONS, TYPES
from danvan_extract.grammar.rules import NumericFile, load_rules
from danvan_extract.io.tables import column_names

GOLD = Path(__file__).resolve().parent.parent / "gold"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.name)
def test_each_row_names_fields_its_model_has(row):
    fields = MODELS[row.name].model_fields
    assert "type" in fields
    for name, _ in row.keys:
        assert name in fields, name
    for name in (*row.as_written, *row.as_written_lower):
        assert name in fields, name
    if row.numeric:
        assert "qualifier" in fields and "subject" in fields
    if row.graded:
        assert row.keys, "a graded type needs key fields to be scored"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.name)
def test_each_model_accepts_its_type_name(row):
    assert row.name in get_args(MODELS[row.name].model_fields["type"].annotation)


def test_the_extra_literal_is_the_registry_s_extra_rows():
    assert set(Extra.model_fields["type"].annotation.__args__) == set(EXTRA_TYPES)


def test_rule_sections_are_the_numeric_file_s_families():
    families = {name for name, f in NumericFile.model_fields.items() if name not in ("refs", "words", "reader", "reader_anchor")}
    assert set(RULE_SECTIONS) == families
    assert set(load_rules().patterns) == set(RULE_SECTIONS)


def test_every_row_with_an_extractor_is_built():
    built = {type(ex).__name__ for ex in build_extractors(load_rules())}
    assert built == {row.extractor.split(":")[1] for row in ROWS if row.extractor}
    without = {type(ex).__name__ for ex in build_extractors(load_rules(), person_roles=False)}
    assert "PersonRoleExtractor" not in without


def test_the_pipeline_emits_every_registered_type_and_no_other():
    pipeline = Pipeline(context=False)
    seen = set()
    for path in sorted(GOLD.glob("*/*.txt")):
        seen |= {f.type for f in pipeline.extract(path.read_text(encoding="utf-8"))}
    assert seen == set(TYPES)


def test_graded_types_come_first_and_have_colours_and_columns():
    names = [row.name for row in ROWS]
    assert names[: len(GRADED_TYPES)] == list(GRADED_TYPES)
    assert set(COLORS) == set(TYPES) and len(set(COLORS.values())) == len(COLORS)
    columns = set(column_names())
    for row in ROWS:
        for name in MODELS[row.name].model_fields:
            assert name in columns or name in ("location", "period"), (row.name, name)


def test_fact_record_is_the_union_adapter_s_record():
    # fact_record validates with the one model of the fact's type (a cold
    # start saving); it must give what the discriminated union gives
    from pydantic import ValidationError

    from danvan_extract.records import FACT_ADAPTER, fact_record

    pipeline = Pipeline()
    seen = set()
    for path in sorted(GOLD.glob("*/*.txt"))[:20]:
        for fact in pipeline.extract(path.read_text(encoding="utf-8")):
            data = fact.model_dump()
            got, want = fact_record(data), FACT_ADAPTER.validate_python(data)
            assert type(got) is type(want) and got == want
            seen.add(fact.type)
    assert {"count", "percentage", "person_role", "document_ref"} <= seen
    for bad in ({"type": "count", "start": -1, "end": 2, "text": "x", "value": 1}, {"type": "nope", "start": 0}):
        for validate in (fact_record, FACT_ADAPTER.validate_python):
            with pytest.raises(ValidationError):
                validate(bad)
