"""Running course notebooks in tests: read, set SEED, run with nbclient, collect HTML outputs."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from ..conftest import ROOT, TEST_ARTICLES

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
ARTICLES = sorted(TEST_ARTICLES.glob("*.txt"))
# Markup from tests/articles/hostile_markup.txt that must never reach HTML unescaped.
PAYLOADS = [
    "<img src=x",
    "<script>window",
    "<svg onload",
    "<b onmouseover",
    '<a href="javascript:',
    "<iframe",
    "<style>body",
]


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def student_copy(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook as ``make student`` hands it out: without the cells tagged ``solution``."""
    nb.cells = [c for c in nb.cells if "solution" not in c.metadata.get("tags", [])]
    return nb


def with_seed(nb: nbformat.NotebookNode, seed_path: Path | str) -> nbformat.NotebookNode:
    """Insert ``SEED = <path>`` after the parameters cell, as a teacher would (``SEED_A`` in a notebook that
    compares two texts: the article becomes text A)."""
    index = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    name = "SEED_A" if re.match(r"SEED_A\b", nb.cells[index].source) else "SEED"
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell(f"{name} = {str(seed_path)!r}"))
    return nb


def run_notebook(
    nb: nbformat.NotebookNode, tmp_path: Path, monkeypatch, **client
) -> tuple[nbformat.NotebookNode, float]:
    """Run in a fresh kernel with answers in ``tmp_path``; returns the executed notebook and seconds."""
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    started = time.perf_counter()
    options = {
        "timeout": 120,
        "kernel_name": "python3",
        "allow_errors": False,
        "store_widget_state": True,
        "resources": {"metadata": {"path": str(ROOT / "notebooks")}},
        **client,
    }
    NotebookClient(nb, **options).execute()
    return nb, time.perf_counter() - started


def html_outputs(nb: nbformat.NotebookNode) -> str:
    parts = [
        str(output.get("data", {}).get("text/html", "")) for cell in nb.cells for output in cell.get("outputs", [])
    ]
    parts.append(json.dumps(nb.metadata.get("widgets", {})))
    return "\n".join(parts)
