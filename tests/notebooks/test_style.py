"""Every course notebook is built to docs/notebook-style.md and committed clean."""

from __future__ import annotations

import re

import pytest

from .common import NOTEBOOKS, read

REQUIRED_HEADINGS = ["Overview", "Prerequisites", "Summary", "What's next", "Resources and references", "Questionnaire"]


def test_there_are_six_notebooks():
    assert [p.name[:2] for p in NOTEBOOKS] == ["00", "01", "02", "03", "04", "05"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_follows_the_style_guide(path):
    nb = read(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "parameters" in code[0].metadata.get("tags", []), "first code cell must be tagged 'parameters'"
    if path.stem == "05_compare_sources":  # two texts: A (the course article) and B (the Finer transcript)
        assert re.fullmatch(
            r'SEED_A = "\.\./seeds/000_0c51e7aa6578d068\.txt"\nSEED_B = "\.\./seeds/001_[^"]+\.txt"\s*', code[0].source
        )
    else:
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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebook_id_is_written_once(path):
    """The session carries the notebook id: it appears in the start call only, and it is the file's name."""
    source = "\n".join(c.source for c in read(path).cells if c.cell_type == "code")
    assert re.findall(r'notebook="([\w-]+)"', source) == [path.stem]
    assert "is_course_seed" not in source and "skip_message" not in source, "cells need no if-guards"
