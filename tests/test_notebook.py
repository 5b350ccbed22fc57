"""The example notebook (docs/example.ipynb) runs top to bottom in a fresh Jupyter kernel against the seeded graph,
with no network: the kernel attaches to this session's embedded store, as a notebook attaches to a running
`kg serve`."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from graph.settings import Settings
from graph.store import GraphStore

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "example.ipynb"


def test_the_example_notebook_runs_against_the_seeded_graph(seeded_store: GraphStore, store_settings: Settings,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_NEO4J_URI", raising=False)
    monkeypatch.setenv("KG_DATA_DIR", str(store_settings.data_dir))
    monkeypatch.setenv("KG_NEO4J_DATABASE", seeded_store.database)
    monkeypatch.setenv("KG_LOG_LEVEL", "WARNING")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    outputs = {i: "".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
                          for o in cell.get("outputs", []))
               for i, cell in enumerate(notebook.cells) if cell.cell_type == "code"}
    assert not [o for cell in notebook.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    text = "\n".join(outputs.values())
    stats = seeded_store.run("graph_counts_by_label")
    assert f"{next(r['count'] for r in stats if r['label'] == 'Document')} documents" in text
    assert "org:kigam" in text and "firm:sk-ecoplant" in text  # the lithium answer, as a table
    assert "DEVELOPS" in text and "facts about Kazakhstan stated by the end of 2015" in text
