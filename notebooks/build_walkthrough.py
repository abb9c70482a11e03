"""Write notebooks/walkthrough.ipynb from the cells below and execute it
(outputs saved), so the stored notebook always shows a real run.

    python notebooks/build_walkthrough.py          # from the repository root

CI does not need this script: tests/test_notebook.py executes the stored
notebook itself.  Edit the cells here, not in the .ipynb.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
NOTEBOOK = HERE / "walkthrough.ipynb"

CELLS = [
    ("md", """# danvan-extract: a walk-through

This notebook uses the installed `danvan_extract` package on the bundled
gold articles (`../gold`):

1. extract the facts of one article with the library, and see them highlighted;
2. batch over `gold/` and load the one-fact-a-row table with pandas;
3. score the batch against the gold annotations, with a bar chart of F1 per type;
4. list the resolutions and other documents cited across the corpus;
5. the same facts from inside a spaCy pipeline.

It is executed in CI (`tests/test_notebook.py`), so every output below comes
from the current code."""),
    ("code", """import json
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import danvan_extract
from danvan_extract import Pipeline

# the notebook runs from notebooks/; the gold articles sit next to it
ROOT = next(p for p in (Path.cwd(), *Path.cwd().parents) if (p / "gold").is_dir())
GOLD = ROOT / "gold" / "seeds"
pd.set_option("display.max_colwidth", 60)
print("danvan_extract", danvan_extract.__version__, "| gold articles:", len(sorted(GOLD.glob("*.txt"))))"""),
    ("md", """## 1. One article

`Pipeline()` loads the rules once; `extract(text)` returns Pydantic records
with exact offsets into the text as given (`text == article[start:end]`)."""),
    ("code", """pipeline = Pipeline()
path = sorted(GOLD.glob("*.txt"))[0]
article = path.read_text(encoding="utf-8")
facts = pipeline.extract(article)
assert all(article[f.start:f.end] == f.text for f in facts)

graded = [f for f in facts if f.type in danvan_extract.records.GRADED_TYPES]
print(f"{path.name}: {len(article)} characters, {len(facts)} facts ({len(graded)} of the graded types)")
print(graded[0].model_dump_json(exclude_none=True))"""),
    ("code", """pd.DataFrame([{"type": f.type, "text": f.text, "start": f.start, "end": f.end, "rule": f.rule}
              for f in graded]).head(12)"""),
    ("md", """The same facts highlighted by type (hover a highlight for its fields).
`danvan-extract show FILE -o page.html` writes this view as a page, with a
table of every fact beside the article."""),
    ("code", """from danvan_extract.views.html_view import FactView

cut = article.index("\\n", 1200)  # the first paragraphs
FactView(article[:cut], [f for f in facts if f.end <= cut])"""),
    ("md", """## 2. Batch over `gold/`

`run_batch` is what `danvan-extract extract gold -o facts.jsonl` runs: one
JSON line per document.  `tables.write_table` turns it into the flat table
that `--format parquet` writes."""),
    ("code", """from danvan_extract.engines.local import run_batch
from danvan_extract.io.tables import write_table

work = Path(tempfile.mkdtemp(prefix="danvan-"))
summary = run_batch(GOLD, work / "facts.jsonl", workers=1)
rows = write_table(work / "facts.jsonl", work / "facts.parquet", "parquet")
table = pd.read_parquet(work / "facts.parquet")
print(f"{summary.documents} documents, {summary.failed} with errors, {rows} facts")
table.groupby("type").size().rename("facts").to_frame().T"""),
    ("code", """table[table.type == "count"][["doc_id", "text", "value", "noun", "qualifier"]].head(8)"""),
    ("md", """### Figures in context: by province and year

Every numeric fact carries `subject`, `location` and `period`; the table
flattens them into columns, so figures can be compared across provinces
and years.  Below, the dev articles too: how many figures each province
has per year (the period's start year), and a chart."""),
    ("code", """summary_dev = run_batch(ROOT / "gold" / "dev", work / "dev.jsonl", workers=1)
write_table(work / "dev.jsonl", work / "dev.parquet", "parquet")
figures = pd.concat([table, pd.read_parquet(work / "dev.parquet")])
figures = figures[figures.type.isin(["percentage", "count", "ratio", "area", "money"])].copy()
figures["year"] = figures.period_start.str[:4]
pivot = figures.pivot_table(index="province", columns="year", values="text", aggfunc="count", fill_value=0)
pivot"""),
    ("code", """ax = pivot.sum(axis=1).sort_values().plot.barh(figsize=(6, 5), title="figures per province (seeds + dev)")
ax.set_xlabel("numeric facts with a located province");"""),
    ("md", """## 3. Evaluation against the gold annotations

`evaluate.score` takes `(doc_id, gold facts, predicted facts)` triples; the
report holds precision, recall and F1 per type, strict (same span) and
lenient (overlapping span), plus attribute accuracy.  The five gold
articles are also the development set of the rules, so these are not
held-out scores."""),
    ("code", """from danvan_extract.scoring.evaluate import format_report, load_gold, score

predicted = {}
for line in (work / "facts.jsonl").read_text(encoding="utf-8").splitlines():
    doc = json.loads(line)
    predicted[doc["doc_id"]] = doc["facts"]
gold = load_gold(GOLD)
report = score([(doc_id, gold_facts, predicted.get(doc_id, [])) for doc_id, _, gold_facts in gold])
print(format_report(report))"""),
    ("code", """scores = report.as_dict()
evaluation = pd.DataFrame(
    {"gold": {row: scores["lenient"][row]["gold"] for row in report.rows()},
     "pred": {row: scores["lenient"][row]["pred"] for row in report.rows()}}
    | {f"{mode} {key}": {row: scores[mode][row][key] for row in report.rows()}
       for mode in ("strict", "lenient") for key in ("precision", "recall", "f1")}
)
evaluation"""),
    ("code", """rows_ = [r for r in report.rows() if r != "overall"]
x = range(len(rows_))
fig, ax = plt.subplots(figsize=(9, 3.8))
ax.bar([i - 0.2 for i in x], [scores["strict"][r]["f1"] for r in rows_], width=0.4, label="strict")
ax.bar([i + 0.2 for i in x], [scores["lenient"][r]["f1"] for r in rows_], width=0.4, label="lenient")
ax.set_xticks(list(x), rows_, rotation=30, ha="right")
ax.set_ylim(0, 1.18)
ax.set_ylabel("F1")
ax.set_title("F1 per fact type on gold/")
ax.legend(ncol=2, loc="upper center")
fig.tight_layout()
plt.show()"""),
    ("md", """## 4. Resolutions and other documents cited across the corpus

Each `document_ref` mention is one row of the table; grouping by the
canonical `number` gives how often each document is cited, and in how many
articles.  Date and issuer are read per mention, so a document cited with
its date once and bare later still shows the date."""),
    ("code", """refs = table[table.type == "document_ref"]
cited = (refs.groupby("number")
         .agg(doc_type=("doc_type", "first"),
              issuer_code=("issuer_code", "first"),
              date=("date", lambda s: s.dropna().iloc[0] if s.notna().any() else None),
              year=("year", "max"),
              mentions=("text", "size"),
              articles=("doc_id", "nunique"))
         .sort_values(["mentions", "number"], ascending=[False, True]))
print(f"{len(refs)} mentions of {len(cited)} documents; resolutions (Nghị quyết): "
      f"{(cited.doc_type == 'Nghị quyết').sum()}")
cited"""),
    ("md", """## 5. From spaCy

The `danvan_facts` component (registered through the `spacy_factories`
entry point) sets `doc.spans["facts"]` and `doc._.facts`.  `blank_vi()` is
`spacy.blank("vi")` with spaCy's rule-based tokenizer, so it needs neither
`pyvi` nor a model download."""),
    ("code", """from danvan_extract.views.spacy_component import blank_vi

nlp = blank_vi()
nlp.add_pipe("danvan_facts")
doc = nlp("Đồng chí Nguyễn Xuân Dậu, Trưởng Ban Dân vận Huyện ủy cho biết huyện có 285 mô hình, chiếm 73,53%.")
[(span.label_, span.text) for span in doc.spans["facts"]]"""),
    ("code", """import shutil

shutil.rmtree(work, ignore_errors=True)  # the batch output of section 2"""),
]


def build() -> nbformat.NotebookNode:
    """The notebook (not executed) from CELLS."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for kind, source in CELLS:
        cell = nbformat.v4.new_markdown_cell(source) if kind == "md" else nbformat.v4.new_code_cell(source)
        nb.cells.append(cell)
    for i, cell in enumerate(nb.cells):  # stable ids keep diffs small
        cell["id"] = f"cell-{i:02d}"
    return nb


def main() -> int:
    nb = build()
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
    nbformat.validate(nb)
    nbformat.write(nb, NOTEBOOK)
    print(f"wrote {NOTEBOOK}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
