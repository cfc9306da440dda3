"""Every course notebook runs on other articles, and as a student copy.

nbval (``make test``) runs each notebook as committed on the course seed; each run here proves
something that run does not:
- the hostile article: no seed markup reaches HTML unescaped;
- the synthetic article (another topic, no curated reference data): sections that need the
  reference data say so and the rest runs;
- three real news texts (tests/articles/real_*): the notebooks run on reporting nobody wrote for them.
The student copy (no ``solution`` cells) runs in tests/notebooks/test_sandbox.py, under the audit hook.
"""

from __future__ import annotations

import pytest

from .common import ARTICLES, NOTEBOOKS, PAYLOADS, html_outputs, read, run_notebook, with_seed

# Windows line endings and a BOM are a matter of reading the file: tests/parse covers them, and
# tests/notebooks/test_broken_seeds.py runs one notebook on them.
RUN_ON = [path for path in ARTICLES if path.stem != "synthetic_crlf_bom"]


@pytest.mark.slow
@pytest.mark.parametrize("article", RUN_ON, ids=lambda p: p.stem)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_another_article(path, article, tmp_path, monkeypatch):
    nb, _ = run_notebook(with_seed(read(path), article), tmp_path, monkeypatch)
    text = html_outputs(nb)
    for payload in PAYLOADS:
        assert payload not in text, f"unescaped seed markup {payload!r} reached HTML in {path.name}"
    if path.stem == "05_compare_sources":  # its paraphrase exercise needs the default pair: it must say so
        assert "This exercise is for the default pair" in text
    elif path.stem != "00_start_here":  # 01-04 use the teacher's reference data somewhere: they must say so
        assert "exists only for the course article" in text
