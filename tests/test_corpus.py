"""Runs every extractor family's example corpus (kept as data beside the
extractors): each example must yield its facts, each negative none of its
types.  Add cases to the TOML files, not here."""

import tomllib
from pathlib import Path

import pytest

import danvan_extract.extractors as extractors_pkg

CORPUS_DIR = Path(extractors_pkg.__file__).parent / "corpus"


def _cases(kind):
    """Every case of ``kind``; a case with ``xfail = "reason"`` is a known
    failure, run as a strict xfail (it must keep failing until fixed)."""
    for path in sorted(CORPUS_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data.get(kind, [])):
            # a known failure: `xfail = "reason"` in the case, run as a strict xfail
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
            yield pytest.param(case, id=f"{path.stem}-{kind}-{i}", marks=marks)


def _agrees(expected: dict, fact) -> bool:
    """Every expected field agrees; ``absent = [...]`` names fields that
    must be null (TOML has no null)."""
    got = fact.model_dump()
    if any(got.get(key) is not None for key in expected.get("absent", [])):
        return False
    for key, want in expected.items():
        if key == "absent":
            continue
        have = got.get(key)
        if isinstance(want, float) and isinstance(have, (int, float)):
            if abs(have - want) > 1e-6 * max(1.0, abs(want)):
                return False
        elif have != want:
            return False
    return True


@pytest.mark.parametrize("case", list(_cases("example")))
def test_example_yields_expected_facts(pipeline, case):
    facts = pipeline.extract(case["text"])
    for expected in case["facts"]:
        assert any(_agrees(expected, f) for f in facts), (
            f"expected {expected}\n got {[f.model_dump(exclude_none=True) for f in facts]}"
        )


@pytest.mark.parametrize("case", list(_cases("negative")))
def test_negative_yields_nothing(pipeline, case):
    """No fact of the case's ``types``; with ``spans = [...]``, none whose
    text is one of them (the text may hold other facts of those types)."""
    spans = case.get("spans")
    facts = [f for f in pipeline.extract(case["text"])
             if f.type in case["types"] and (spans is None or f.text in spans)]
    assert facts == [], [f.model_dump(exclude_none=True) for f in facts]


def test_every_fact_names_its_rule(pipeline):
    for case in _cases("example"):
        if case.marks:
            continue
        for f in pipeline.extract(case.values[0]["text"]):
            assert f.rule, f
