"""The ``danvan-extract`` command: extract, evaluate, schema, table, show."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Structured facts from Vietnamese government news.")
err = Console(stderr=True)

_BUDGET = typer.Option(60.0, "--time-budget", metavar="SECONDS",
                       help="Seconds of pattern matching one document may take before it is skipped with an "
                            "error naming the slowest rule (inf: no limit).")


def _fail(message: str) -> None:
    """One clear line on stderr, exit 2."""
    from rich.markup import escape

    err.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
    raise typer.Exit(2)


@app.command()
def extract(
    input_dir: Path = typer.Argument(..., metavar="INPUT_DIR", help="Folder of articles (*.txt, searched recursively)."),
    output: Path = typer.Option(..., "-o", "--output", metavar="OUTPUT", help="Output: JSONL, one line per document (with --format csv|parquet: the fact table, and the JSONL is written beside it as OUTPUT with suffix .jsonl)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, metavar="N", help="Worker processes."),
    resume: bool = typer.Option(False, "--resume", help="Skip documents already in OUTPUT."),
    rules: Optional[Path] = typer.Option(None, "--rules", metavar="DIR", help="Extra rules folder read on top of the bundled one."),
    html: bool = typer.Option(False, "--html", help="Also read *.html and strip markup before extraction."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar (default: on a terminal)."),
    time_budget: float = _BUDGET,
    fmt: str = typer.Option("jsonl", "--format", metavar="FORMAT", help="jsonl | csv | parquet. csv/parquet: OUTPUT gets a flat one-fact-a-row table and the per-document JSONL (errors; what --resume reads) goes to OUTPUT with suffix .jsonl, e.g. facts.parquet + facts.jsonl."),
    engine: str = typer.Option("local", "--engine", metavar="ENGINE", help="local (a process pool on this machine) | dask (a Dask cluster: same output). With dask every option above applies, except that --format parquet makes OUTPUT a folder of part-*.parquet files (one table for pandas.read_parquet) and --workers is the size of the local cluster started when --scheduler is not given."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="URL", help="dask: the scheduler to use, tcp://HOST:PORT (default: start a local cluster of --workers processes). Its workers need the package installed and the input files at the same path."),
    partition_size: int = typer.Option(64, "--partition-size", min=1, metavar="N", help="dask: documents per task (aim at 0.2 s of work or more: Dask costs ~10 ms a task)."),
) -> None:
    """Extract facts from every article under INPUT_DIR into OUTPUT."""
    from ..engines.local import run_batch
    from ..errors import DanvanError

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
    options = dict(workers=workers, resume=resume, rules_dir=str(rules) if rules else None, html=html,
                   time_budget=time_budget)
    if engine == "dask":  # the same lines; a Parquet table is written by the workers, part by part
        from ..engines.dask_engine import run_dask as run_batch

        options.pop("time_budget")
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
        _fail(str(exc))
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
        from ..io.tables import write_table

        try:
            rows = write_table(output, table_out, fmt)
        except OSError as exc:
            _fail(f"cannot write {table_out}: {exc.strerror or exc}")
        err.print(f"{fmt} table: {table_out} ({rows} rows); per-document JSONL: {output}")
    if summary.failed:
        err.print(f"[yellow]{summary.failed} document(s) could not be processed; see their 'errors' in {output}[/yellow]")
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(..., metavar="GOLD_DIR", help="Folder of <name>.txt + <name>.facts.jsonl."),
    pred: Optional[Path] = typer.Option(None, "--pred", metavar="FACTS", help="Score this batch output instead of running the pipeline."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    errors: bool = typer.Option(False, "--errors", help="List misses, false positives and attribute errors."),
    rules: Optional[Path] = typer.Option(None, "--rules", metavar="DIR", help="Extra rules folder."),
    time_budget: float = _BUDGET,
) -> None:
    """Score the pipeline (or --pred) against gold annotations."""
    from ..errors import DanvanError
    from ..scoring.evaluate import format_errors, format_report, load_doc_info, load_gold, score

    try:
        docs = load_gold(gold_dir)
        gold_infos = load_doc_info(gold_dir)
    except DanvanError as exc:
        _fail(str(exc))
    infos: dict[str, dict] = {}
    if pred is not None:
        predicted = {}
        for line in pred.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                predicted[d["doc_id"]] = d["facts"]
                infos[d["doc_id"]] = d
        triples = [(doc_id, facts, predicted.get(doc_id, [])) for doc_id, _, facts in docs]
    else:
        from ..pipeline import Pipeline

        try:
            pipeline = Pipeline(rules, time_budget=time_budget)
        except DanvanError as exc:
            _fail(str(exc))
        triples = []
        for doc_id, text, facts in docs:
            document = pipeline.extract_document(text, doc_id)
            if document.errors:
                _fail(f"{doc_id}: {document.errors[0]}")
            triples.append((doc_id, facts, [f.model_dump() for f in document.facts]))
            infos[doc_id] = document.model_dump(mode="json", exclude={"facts", "errors"})
    report = score(triples, [(gold_infos[d], infos.get(d, {})) for d, _, _ in docs if d in gold_infos])
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
    from ..io.tables import TablesUnavailable, require_pandas

    try:
        require_pandas()
    except TablesUnavailable as exc:
        from rich.markup import escape

        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2)


@app.command()
def table(
    facts: Path = typer.Argument(..., metavar="FACTS", help="Batch output JSONL (from `extract`)."),
    output: Path = typer.Option(..., "-o", "--output", metavar="OUTPUT", help="Table to write: *.csv or *.parquet."),
    fmt: Optional[str] = typer.Option(None, "--format", metavar="FORMAT", help="csv | parquet (default: from OUTPUT's suffix)."),
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
    from ..io.tables import write_table

    try:
        rows = write_table(facts, output, fmt)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    err.print(f"{fmt} table: {output} ({rows} rows)")


@app.command()
def show(
    file: Path = typer.Argument(..., metavar="FILE", help="One article (*.txt, or *.html with --html)."),
    output: Path = typer.Option(..., "-o", "--output", metavar="PAGE", help="HTML page to write."),
    html: bool = typer.Option(False, "--html", help="FILE is HTML: strip markup before extraction."),
    rules: Optional[Path] = typer.Option(None, "--rules", metavar="DIR", help="Extra rules folder."),
    graded_only: bool = typer.Option(False, "--graded-only", help="Leave out the ungraded helper types (date, year, ...)."),
    time_budget: float = _BUDGET,
) -> None:
    """Render FILE as an HTML page with every fact highlighted by type."""
    from ..io.decoding import printable_name, read_text
    from ..errors import DanvanError
    from .html_view import render_page
    from ..pipeline import Pipeline

    if not file.is_file():
        err.print(f"[red]error:[/red] {file} is not a file")
        raise typer.Exit(2)
    text, errors = read_text(file, html=html)
    if text is None:
        err.print(f"[red]error:[/red] {file}: {'; '.join(errors)}")
        raise typer.Exit(1)
    try:
        facts = Pipeline(rules, extras=not graded_only, time_budget=time_budget).extract(text)
    except DanvanError as exc:
        _fail(str(exc))
    if output.is_dir():
        _fail(f"output {output} is a folder; name a file (e.g. {output}/page.html)")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(render_page(text, facts, title=printable_name(file.name)), encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    err.print(f"{output}: {len(facts)} facts highlighted; open {output.resolve().as_uri()} in a browser")


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output line (a Document)."""
    from ..records import Document

    typer.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
