"""The ``danvan-extract`` command: extract, evaluate, schema, table, show."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Structured facts from Vietnamese government news.")
err = Console(stderr=True)


@app.command()
def extract(
    input_dir: Path = typer.Argument(..., help="Folder of articles (*.txt, searched recursively)."),
    output: Path = typer.Option(..., "-o", "--output", help="Output: JSONL, one line per document (with --format csv|parquet: the fact table, and the JSONL is written beside it as OUTPUT with suffix .jsonl)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    resume: bool = typer.Option(False, "--resume", help="Skip documents already in OUTPUT."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="Extra rules folder read on top of the bundled one."),
    html: bool = typer.Option(False, "--html", help="Also read *.html and strip markup before extraction."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar (default: on a terminal)."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl | csv | parquet. csv/parquet: OUTPUT gets a flat one-fact-a-row table and the per-document JSONL (errors; what --resume reads) goes to OUTPUT with suffix .jsonl, e.g. facts.parquet + facts.jsonl."),
    engine: str = typer.Option("local", "--engine", help="local (a process pool on this machine) | dask (a Dask cluster: same output). With dask every option above applies, except that --format parquet makes OUTPUT a folder of part-*.parquet files (one table for pandas.read_parquet) and --workers is the size of the local cluster started when --scheduler is not given."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="dask: the scheduler to use, tcp://HOST:PORT (default: start a local cluster of --workers processes). Its workers need the package installed and the input files at the same path."),
    partition_size: int = typer.Option(64, "--partition-size", min=1, help="dask: documents per task (aim at 0.2 s of work or more: Dask costs ~10 ms a task)."),
) -> None:
    """Extract facts from every article under INPUT_DIR into OUTPUT."""
    from .batch import run_batch
    from .errors import DanvanError

    if engine not in ("local", "dask"):
        err.print(f"[red]error:[/red] --engine must be local or dask, not {engine!r}")
        raise typer.Exit(2)
    if scheduler and engine != "dask":
        err.print("[red]error:[/red] --scheduler needs --engine dask")
        raise typer.Exit(2)
    if not input_dir.is_dir():
        err.print(f"[red]error:[/red] {input_dir} is not a folder")
        raise typer.Exit(2)
    table_out, output = _table_target(output, fmt)
    show = sys.stderr.isatty() if progress is None else progress
    options = dict(workers=workers, resume=resume, rules_dir=str(rules) if rules else None, html=html)
    if engine == "dask":  # the same lines; a Parquet table is written by the workers, part by part
        from .engines.dask_engine import run_dask as run_batch

        options.update(scheduler=scheduler, partition_size=partition_size,
                       table_dir=table_out if fmt == "parquet" else None)
    try:
        if show:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                          TimeRemainingColumn(), console=err) as bar:
                task = bar.add_task("extracting", total=None)
                summary = run_batch(input_dir, output, **options,
                                    progress=lambda i, n: bar.update(task, completed=i, total=n))
        else:
            summary = run_batch(input_dir, output, **options)
    except DanvanError as exc:
        from rich.markup import escape

        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)  # one line, brackets kept
        raise typer.Exit(2)
    table = Table(title=f"danvan-extract: {output}", show_header=True)
    table.add_column("documents")
    table.add_column("skipped (resume)")
    table.add_column("with errors")
    table.add_column("facts")
    table.add_column("seconds")
    table.add_row(str(summary.documents), str(summary.skipped), str(summary.failed),
                  str(sum(summary.facts.values())), f"{summary.seconds:.2f}")
    err.print(table)
    err.print("facts per type: " + ", ".join(f"{t} {n}" for t, n in sorted(summary.facts.items())))
    if table_out is not None and engine == "dask" and fmt == "parquet":
        err.print(f"parquet dataset: {table_out}/part-*.parquet; per-document JSONL: {output}")
    elif table_out is not None:
        from .tables import write_table

        rows = write_table(output, table_out, fmt)
        err.print(f"{fmt} table: {table_out} ({rows} rows); per-document JSONL: {output}")
    if summary.failed:
        err.print(f"[yellow]{summary.failed} document(s) could not be processed; see their 'errors' in {output}[/yellow]")
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(..., help="Folder of <name>.txt + <name>.facts.jsonl."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score this batch output instead of running the pipeline."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    errors: bool = typer.Option(False, "--errors", help="List misses, false positives and attribute errors."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="Extra rules folder."),
) -> None:
    """Score the pipeline (or --pred) against gold annotations."""
    from .errors import DanvanError
    from .evaluate import format_errors, format_report, load_gold, score

    try:
        docs = load_gold(gold_dir)
    except DanvanError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)
    if pred is not None:
        predicted = {}
        for line in pred.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                predicted[d["doc_id"]] = d["facts"]
        triples = [(doc_id, facts, predicted.get(doc_id, [])) for doc_id, _, facts in docs]
    else:
        from .pipeline import Pipeline

        pipeline = Pipeline(rules)
        triples = [(doc_id, facts, [f.model_dump() for f in pipeline.extract(text)]) for doc_id, text, facts in docs]
    report = score(triples)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(format_report(report))
    if errors:
        typer.echo("")
        typer.echo(format_errors(report))


def _table_target(output: Path, fmt: str) -> tuple[Optional[Path], Path]:
    """(table path or None, JSONL path) for ``extract --format``; exits 2 on bad use."""
    if fmt not in ("jsonl", "csv", "parquet"):
        err.print(f"[red]error:[/red] --format must be jsonl, csv or parquet, not {fmt!r}")
        raise typer.Exit(2)
    if fmt == "jsonl":
        return None, output
    _need_tables()
    jsonl = output.with_suffix(".jsonl")
    if jsonl == output:
        err.print(f"[red]error:[/red] with --format {fmt}, OUTPUT is the table; give it a .{fmt} name, not .jsonl")
        raise typer.Exit(2)
    return output, jsonl


def _need_tables() -> None:
    from .tables import TablesUnavailable, require_pandas

    try:
        require_pandas()
    except TablesUnavailable as exc:
        from rich.markup import escape

        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2)


@app.command()
def table(
    facts: Path = typer.Argument(..., help="Batch output JSONL (from `extract`)."),
    output: Path = typer.Option(..., "-o", "--output", help="Table to write: *.csv or *.parquet."),
    fmt: Optional[str] = typer.Option(None, "--format", help="csv | parquet (default: from OUTPUT's suffix)."),
) -> None:
    """Convert a batch output JSONL to a flat one-fact-a-row CSV or Parquet table."""
    fmt = fmt or output.suffix.lstrip(".").lower()
    if fmt not in ("csv", "parquet"):
        err.print("[red]error:[/red] give OUTPUT a .csv or .parquet name, or --format csv|parquet")
        raise typer.Exit(2)
    if not facts.is_file():
        err.print(f"[red]error:[/red] {facts} is not a file")
        raise typer.Exit(2)
    _need_tables()
    from .tables import write_table

    rows = write_table(facts, output, fmt)
    err.print(f"{fmt} table: {output} ({rows} rows)")


@app.command()
def show(
    file: Path = typer.Argument(..., help="One article (*.txt, or *.html with --html)."),
    output: Path = typer.Option(..., "-o", "--output", help="HTML page to write."),
    html: bool = typer.Option(False, "--html", help="FILE is HTML: strip markup before extraction."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="Extra rules folder."),
    graded_only: bool = typer.Option(False, "--graded-only", help="Leave out the ungraded helper types (date, year, ...)."),
) -> None:
    """Render FILE as an HTML page with every fact highlighted by type."""
    from .decoding import read_text
    from .html_view import render_page
    from .pipeline import Pipeline

    if not file.is_file():
        err.print(f"[red]error:[/red] {file} is not a file")
        raise typer.Exit(2)
    text, errors = read_text(file, html=html)
    if text is None:
        err.print(f"[red]error:[/red] {file}: {'; '.join(errors)}")
        raise typer.Exit(1)
    facts = Pipeline(rules, extras=not graded_only).extract(text)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render_page(text, facts, title=file.name), encoding="utf-8")
    err.print(f"{output}: {len(facts)} facts highlighted")


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output line (a Document)."""
    from .records import Document

    typer.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
