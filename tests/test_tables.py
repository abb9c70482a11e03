"""Flat fact tables: `extract --format csv|parquet`, `table`, and pandas loading them as is."""

import json
import shutil

import pytest
from typer.testing import CliRunner

from danvan_extract.views.cli import app
from danvan_extract.io.tables import column_names, facts_to_rows

from .conftest import GOLD

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
runner = CliRunner()


@pytest.fixture(scope="module")
def articles():
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt"))}


def _jsonl_facts(path):
    return [(d["doc_id"], f) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
            for d in [json.loads(line)] for f in d["facts"]]


def _check_table(df, jsonl, articles):
    facts = _jsonl_facts(jsonl)
    assert len(facts) > 0
    assert len(df) == len(facts)
    assert list(df.columns) == column_names()
    assert str(df["start"].dtype) == "int64" and str(df["end"].dtype) == "int64"
    for col in ("value", "hectares", "amount", "numerator"):
        assert pd.api.types.is_float_dtype(df[col]), col
    for row in df.itertuples(index=False):
        assert row.text == articles[row.doc_id][row.start:row.end]
    # rows follow the JSONL, and each type's own fields land in their columns
    assert list(df["type"]) == [f["type"] for _, f in facts]
    for (doc_id, fact), row in zip(facts, df.to_dict("records")):
        assert row["doc_id"] == doc_id
        if fact["type"] == "person_role":
            assert json.loads(row["roles"]) == fact["roles"]
        if fact["type"] in ("percentage", "area", "money") or fact["type"] == "count":
            assert row["value"] == pytest.approx(fact["value"])
        if fact["type"] == "document_ref":
            assert row["number"] == fact["number"]
        if fact["type"] not in ("person_role",):
            assert pd.isna(row["person"])


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_extract_format(tmp_path, articles, fmt):
    out = tmp_path / f"facts.{fmt}"
    result = runner.invoke(app, ["extract", str(GOLD), "-o", str(out), "--format", fmt, "--no-progress"])
    assert result.exit_code == 0, result.output
    jsonl = tmp_path / "facts.jsonl"
    assert out.exists() and jsonl.exists()
    df = pd.read_parquet(out) if fmt == "parquet" else pd.read_csv(out)
    _check_table(df, jsonl, articles)
    if fmt == "parquet":
        assert str(df["year"].dtype) == "Int64"
        assert set(df["type"]) >= {"percentage", "count", "ratio", "area", "money", "document_ref", "person_role"}


def test_resume_reads_the_jsonl_beside_the_table(tmp_path, articles):
    src = tmp_path / "in"
    shutil.copytree(GOLD, src, ignore=shutil.ignore_patterns("*.jsonl", "*.md"))
    out = tmp_path / "facts.parquet"
    first = sorted(src.glob("*.txt"))[0]
    keep = first.read_text(encoding="utf-8")
    first.unlink()
    assert runner.invoke(app, ["extract", str(src), "-o", str(out), "--format", "parquet", "--no-progress"]).exit_code == 0
    n_before = len(pd.read_parquet(out))
    first.write_text(keep, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "-o", str(out), "--format", "parquet", "--resume", "--no-progress"])
    assert result.exit_code == 0, result.output
    df = pd.read_parquet(out)
    assert len(df) > n_before
    _check_table(df, tmp_path / "facts.jsonl", articles)


def test_table_command(tmp_path, articles):
    jsonl = tmp_path / "facts.jsonl"
    assert runner.invoke(app, ["extract", str(GOLD), "-o", str(jsonl), "--no-progress"]).exit_code == 0
    for name in ("t.parquet", "t.csv"):
        result = runner.invoke(app, ["table", str(jsonl), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        df = pd.read_parquet(tmp_path / name) if name.endswith("parquet") else pd.read_csv(tmp_path / name)
        _check_table(df, jsonl, articles)


def test_bad_format_and_names(tmp_path):
    r = runner.invoke(app, ["extract", str(GOLD), "-o", str(tmp_path / "x.xlsx"), "--format", "xlsx"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["extract", str(GOLD), "-o", str(tmp_path / "x.jsonl"), "--format", "csv"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["table", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "t.csv")])
    assert r.exit_code == 2


def test_missing_pandas_is_a_clear_error(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name in ("pandas", "pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    r = runner.invoke(app, ["extract", str(GOLD), "-o", str(tmp_path / "x.parquet"), "--format", "parquet"])
    assert r.exit_code == 2
    assert "danvan-extract[tables]" in r.output
    assert not (tmp_path / "x.jsonl").exists()


def test_rows_from_records(pipeline):
    from danvan_extract import Document

    text = "Đồng chí Nguyễn Xuân Dậu, Trưởng Ban Dân vận Huyện ủy. Huyện có 285 mô hình, chiếm 73,53%."
    doc = Document(doc_id="d", facts=pipeline.extract(text))
    rows = facts_to_rows([doc])
    assert len(rows) == len(doc.facts)
    for row, fact in zip(rows, doc.facts):
        assert set(row) == set(column_names())
        assert (row["type"], row["start"], row["end"]) == (fact.type, fact.start, fact.end)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_tables_are_written_in_chunks_with_one_schema(tmp_path, fmt):
    from danvan_extract.io.tables import read_jsonl, to_dataframe, write_table

    jsonl = tmp_path / "facts.jsonl"
    runner.invoke(app, ["extract", str(GOLD), "-o", str(jsonl), "--no-progress"])
    chunked, whole = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    n1 = write_table(jsonl, chunked, fmt, chunk_documents=1)  # one document a chunk
    n2 = write_table(jsonl, whole, fmt, chunk_documents=1000)
    read = pd.read_parquet if fmt == "parquet" else pd.read_csv
    a, b = read(chunked), read(whole)
    assert n1 == n2 == len(a) == len(to_dataframe(read_jsonl(jsonl))) > 0
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_an_empty_batch_gives_an_empty_table_with_its_columns(tmp_path, fmt):
    from danvan_extract.io.tables import write_table

    jsonl = tmp_path / "empty.jsonl"
    jsonl.write_text("", encoding="utf-8")
    out = tmp_path / f"t.{fmt}"
    assert write_table(jsonl, out, fmt) == 0
    df = pd.read_parquet(out) if fmt == "parquet" else pd.read_csv(out)
    assert len(df) == 0 and list(df.columns) == column_names()


def test_unknown_table_format_is_a_library_error(tmp_path):
    from danvan_extract.errors import InputError
    from danvan_extract.io.tables import write_table

    with pytest.raises(InputError, match="csv or parquet"):
        write_table(tmp_path / "x.jsonl", tmp_path / "x.xlsx", "xlsx")
