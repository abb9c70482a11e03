"""Flat tables of facts, one fact a row, for pandas (CSV or Parquet).

Columns: ``doc_id, type, text, start, end, rule``, then the union of every
fact type's own fields (from the models in :mod:`danvan_extract.records`, in
a stable order), ``None`` where a field does not apply to the row's type.
Lists (``person_role`` ``roles``) are stored as JSON strings.  The ungraded
types (``date``, ``year``...) carry a text ``value`` ("2013-06-03"); it goes
to the ``value_text`` column so that ``value`` stays numeric.

>>> rows = facts_to_rows([{"doc_id": "a", "facts": [{"type": "count", "start": 0,
...     "end": 6, "text": "12 hộ", "value": 12, "noun": "hộ"}]}])
>>> {k: rows[0][k] for k in ("doc_id", "type", "value", "noun", "roles")}
{'doc_id': 'a', 'type': 'count', 'value': 12, 'noun': 'hộ', 'roles': None}
"""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path
from typing import Any, Iterable, Iterator, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ..errors import E_FIELD_NOT_IN_SCHEMA, E_NO_PANDAS, E_TABLE_FORMAT, DependencyError, InputError, InternalError
from ..records import MODELS
from .listing import batches

FORMATS = ("jsonl", "csv", "parquet")
LEADING = ("doc_id", "type", "text", "start", "end", "rule")
# Nested context fields are flattened into these columns.
FLATTENED = {
    "location": {"name": "location_name", "level": "location_level", "province": "province", "code": "location_code",
                 "new_code": "location_new_code"},
    "period": {"start": "period_start", "end": "period_end"},
}


class TablesUnavailable(DependencyError):
    """pandas or pyarrow is not installed."""


def _fact_models() -> list[type[BaseModel]]:
    """The record model of every registered type, each once, in registry order."""
    return list(dict.fromkeys(MODELS.values()))


def _kinds(annotation: Any) -> set[str]:
    """The plain kinds an annotation allows: int, float, str, bool, list."""
    origin = get_origin(annotation)
    if origin is Literal:
        return {"str"}
    if origin in (Union, types.UnionType):
        return set().union(*(_kinds(a) for a in get_args(annotation)))
    if origin in (list, typing.List):
        return {"list"}
    if annotation is type(None):
        return set()
    return {getattr(annotation, "__name__", "str")}


def _columns() -> dict[str, str]:
    """Field columns after LEADING, in a stable order, with their kind.

    Kinds: ``int``, ``float``, ``str``, ``json`` (lists).  A field that some
    type declares as a number and another as text (``value``) is a number
    column with a ``<name>_text`` companion for the text values.
    """
    allowed: dict[str, set[str]] = {}
    for model in _fact_models():
        for name, info in model.model_fields.items():
            if name in LEADING or name in FLATTENED:
                continue
            allowed.setdefault(name, set()).update(_kinds(info.annotation))
    cols: dict[str, str] = {}
    for name, kinds in allowed.items():
        if "list" in kinds:
            cols[name] = "json"
        elif kinds and kinds <= {"int"}:
            cols[name] = "int"
        elif kinds & {"int", "float"}:
            cols[name] = "float"
        else:
            cols[name] = "str"
    for name, kinds in allowed.items():
        if kinds & {"int", "float"} and "str" in kinds:
            cols[f"{name}_text"] = "str"
    for parts in FLATTENED.values():
        cols.update({column: "str" for column in parts.values()})
    return cols


COLUMNS: dict[str, str] = _columns()


def column_names() -> list[str]:
    """Every column of the table, in order."""
    return list(LEADING) + list(COLUMNS)


def facts_to_rows(documents: Iterable[Union[dict, BaseModel]]) -> list[dict]:
    """One row dict per fact of ``documents`` (batch-output dicts or
    :class:`~danvan_extract.records.Document`), in document then fact order."""
    rows = []
    for doc in documents:
        if isinstance(doc, BaseModel):
            doc = doc.model_dump(mode="json")
        for fact in doc.get("facts", []):
            if isinstance(fact, BaseModel):
                fact = fact.model_dump(mode="json")
            row = {name: None for name in column_names()}
            row["doc_id"] = doc["doc_id"]
            for key, value in fact.items():
                kind = COLUMNS.get(key)
                if key in LEADING:
                    row[key] = value
                elif key in FLATTENED:
                    for part, column in FLATTENED[key].items():
                        row[column] = (value or {}).get(part)
                elif kind == "json":
                    row[key] = None if value is None else json.dumps(value, ensure_ascii=False)
                elif kind in ("int", "float") and isinstance(value, str):
                    row[f"{key}_text"] = value
                elif kind is not None:
                    row[key] = value
                else:
                    raise InternalError(E_FIELD_NOT_IN_SCHEMA.format(key=key))
            rows.append(row)
    return rows


def iter_jsonl(path: str | Path) -> Iterator[dict]:
    """The documents of a batch output file (one JSON object a line), lazily."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def read_jsonl(path: str | Path) -> list[dict]:
    """The documents of a batch output file, all at once."""
    return list(iter_jsonl(path))


def require_pandas():
    """Import pandas and pyarrow, or raise :class:`TablesUnavailable`."""
    try:
        import pandas
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise TablesUnavailable(E_NO_PANDAS) from exc
    return pandas


def to_dataframe(documents: Iterable[Union[dict, BaseModel]]):
    """A pandas DataFrame of the facts of ``documents`` with stable dtypes:
    ``start``/``end`` int64, integer fields nullable Int64, numbers float64,
    text columns object (``None`` where empty)."""
    pd = require_pandas()
    df = pd.DataFrame(facts_to_rows(documents), columns=column_names())
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    for name, kind in COLUMNS.items():
        if kind == "int":
            df[name] = df[name].astype("Int64")
        elif kind == "float":
            df[name] = df[name].astype("float64")
        else:
            df[name] = df[name].astype(object)
    return df


def arrow_schema():
    """The Parquet schema of the table (fixed, so every chunk agrees)."""
    import pyarrow as pa

    kinds = {"int": pa.int64(), "float": pa.float64(), "str": pa.string(), "json": pa.string()}
    fields = [pa.field(name, pa.int64() if name in ("start", "end") else pa.string()) for name in LEADING]
    fields += [pa.field(name, kinds[kind]) for name, kind in COLUMNS.items()]
    return pa.schema(fields)


# A cell a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1", "@SUM").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(df):
    """``df`` with every text cell that starts like a formula prefixed with
    ``'`` (the OWASP advice for CSV injection); for CSV only, Parquet keeps
    the values as they are."""
    import pandas as pd

    df = df.copy()
    for col in df.columns:
        if df[col].dtype == object or pd.api.types.is_string_dtype(df[col]):
            df[col] = df[col].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v)
    return df


def write_table(jsonl_path: str | Path, out_path: str | Path, fmt: str, chunk_documents: int = 2000) -> int:
    """Convert batch output ``jsonl_path`` to a ``csv`` or ``parquet`` table at
    ``out_path``, ``chunk_documents`` documents at a time (memory stays flat
    however large the batch); returns the number of rows (facts)."""
    if fmt not in ("csv", "parquet"):
        raise InputError(E_TABLE_FORMAT.format(fmt=fmt))
    require_pandas()
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    rows = 0
    if fmt == "csv":
        with out_path.open("w", encoding="utf-8", newline="") as fh:
            header = True
            for chunk in batches(iter_jsonl(jsonl_path), chunk_documents):
                df = csv_safe(to_dataframe(chunk))
                df.to_csv(fh, index=False, header=header)
                header = False
                rows += len(df)
            if header:  # no documents: still a table with its columns
                to_dataframe([]).to_csv(fh, index=False)
        return rows
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()

    def table_of(docs: list[dict]):
        return pa.Table.from_pandas(to_dataframe(docs), schema=schema, preserve_index=False)

    # the first chunk's schema carries pandas' metadata (nullable Int64 ...)
    writer = None
    try:
        for chunk in batches(iter_jsonl(jsonl_path), chunk_documents):
            table = table_of(chunk)
            if writer is None:
                writer = pq.ParquetWriter(out_path, table.schema)
            writer.write_table(table)
            rows += table.num_rows
        if writer is None:  # no documents: still a table with its columns
            pq.write_table(table_of([]), out_path)
    finally:
        if writer is not None:
            writer.close()
    return rows
