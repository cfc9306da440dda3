"""Every course notebook: built to the style guide, and runs on every test article and as a student copy.

nbval (``make test``) runs each notebook on the course seed; these tests run each one again with a
cell that sets ``SEED`` to another article, and with the ``solution`` cells removed.
"""

from __future__ import annotations

import json
import re
import time

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import ROOT, TEST_ARTICLES

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
ARTICLES = sorted(TEST_ARTICLES.glob("*.txt"))
REQUIRED_HEADINGS = ["Overview", "Prerequisites", "Summary", "What's next", "Resources and references",
                     "Questionnaire"]
# Markup from tests/articles/hostile_markup.txt that must never reach HTML unescaped.
PAYLOADS = ["<img src=x", "<script>window", "<svg onload", "<b onmouseover", '<a href="javascript:', "<iframe",
            "<style>body"]


def read(path):
    return nbformat.read(path, as_version=4)


def test_there_are_five_notebooks():
    assert [p.name[:2] for p in NOTEBOOKS] == ["00", "01", "02", "03", "04"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_follows_the_style_guide(path):
    nb = read(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "parameters" in code[0].metadata.get("tags", []), "first code cell must be tagged 'parameters'"
    assert re.fullmatch(r'SEED = "\.\./seeds/000_0c51e7aa6578d068\.txt"\s*', code[0].source)
    for heading in REQUIRED_HEADINGS:
        assert re.search(rf"^#+ .*{re.escape(heading)}", markdown, re.M | re.I), f"missing section {heading}"
    assert "For teachers" in markdown
    assert re.search(r"Time to learn", markdown)
    assert len(set(re.findall(r"Exercise (\d+)", markdown))) >= 3, "at least three exercises"
    assert any("solution" in c.metadata.get("tags", []) for c in code), "reference solutions tagged 'solution'"
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, "commit notebooks without outputs"


def run_notebook(nb, tmp_path, monkeypatch) -> tuple[nbformat.NotebookNode, float]:
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    started = time.perf_counter()
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=False, store_widget_state=True,
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    return nb, time.perf_counter() - started


def with_seed(nb, seed_path):
    index = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell(f"SEED = {str(seed_path)!r}"))
    return nb


def html_outputs(nb) -> str:
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            parts.append(str(output.get("data", {}).get("text/html", "")))
    parts.append(json.dumps(nb.metadata.get("widgets", {})))
    return "\n".join(parts)


@pytest.mark.slow
@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_another_article(path, article, tmp_path, monkeypatch):
    nb, _ = run_notebook(with_seed(read(path), article), tmp_path, monkeypatch)
    text = html_outputs(nb)
    for payload in PAYLOADS:
        assert payload not in text, f"unescaped seed markup {payload!r} reached HTML in {path.name}"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_student_copy_runs_without_solutions(path, tmp_path, monkeypatch):
    nb = read(path)
    nb.cells = [c for c in nb.cells if "solution" not in c.metadata.get("tags", [])]
    _, seconds = run_notebook(nb, tmp_path, monkeypatch)
    assert seconds < 30, f"{path.name} took {seconds:.1f} s"
