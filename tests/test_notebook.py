"""The walk-through notebook runs top to bottom on the current code."""


import pytest

from .conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"


def _outputs(nb, kind):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if kind(o)]


def test_stored_notebook_is_executed():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code), "store the notebook executed (notebooks/build_walkthrough.py)"
    assert not _outputs(nb, lambda o: o.output_type == "error")


def test_notebook_executes(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    client = nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    assert not _outputs(nb, lambda o: o.output_type == "error")
    # the bar chart of F1 per type was drawn, and the evaluation and citation tables shown
    assert _outputs(nb, lambda o: "image/png" in o.get("data", {}))
    text = "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in _outputs(nb, lambda o: True))
    assert "lenient f1" in text and "overall" in text
    assert "mentions" in text and "Nghị quyết" in text
    html = "".join(o.get("data", {}).get("text/html", "") for o in _outputs(nb, lambda o: True))
    assert 'data-fact-type="percentage"' in html
