"""The ``danvan-extract`` command: extract, evaluate, schema."""

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
    output: Path = typer.Option(..., "-o", "--output", help="Output JSONL, one line per document."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    resume: bool = typer.Option(False, "--resume", help="Skip documents already in OUTPUT."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="Extra rules folder read on top of the bundled one."),
    html: bool = typer.Option(False, "--html", help="Also read *.html and strip markup before extraction."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar (default: on a terminal)."),
) -> None:
    """Extract facts from every article under INPUT_DIR into OUTPUT."""
    from .batch import run_batch

    if not input_dir.is_dir():
        err.print(f"[red]error:[/red] {input_dir} is not a folder")
        raise typer.Exit(2)
    show = sys.stderr.isatty() if progress is None else progress
    if show:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), console=err) as bar:
            task = bar.add_task("extracting", total=None)
            summary = run_batch(input_dir, output, workers=workers, resume=resume,
                                rules_dir=str(rules) if rules else None, html=html,
                                progress=lambda i, n: bar.update(task, completed=i, total=n))
    else:
        summary = run_batch(input_dir, output, workers=workers, resume=resume,
                            rules_dir=str(rules) if rules else None, html=html)
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


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output line (a Document)."""
    from .records import Document

    typer.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
