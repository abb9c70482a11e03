"""Every row of the README's "Bad input and what happens" table names a test
that exists (and, for a parametrized case, an id the test file defines)."""

import importlib
import re

from .conftest import ROOT


def _rows():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Bad input and what happens", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"`tests/(test_\w+)\.py::(test_\w+)(?:\[([^\]]+)\])?`", section)


def test_table_has_a_row_per_bad_input():
    assert len(_rows()) >= 30


def test_every_row_names_an_existing_test():
    for module, func, case in _rows():
        mod = importlib.import_module(f"tests.{module}")
        assert callable(getattr(mod, func, None)), f"{module}::{func}"
        if case:
            source = (ROOT / "tests" / f"{module}.py").read_text(encoding="utf-8")
            assert f'"{case}' in source or f"'{case}" in source, f"{module}::{func}[{case}]"
