"""Notebook 00 points at what a student copy has: the course path lists every notebook, and the example
articles exist in seeds/ (tests/ is not in the student copy). Its Exercise 3 promises a return in notebook 04."""

from __future__ import annotations

import re

import nbformat
import pytest

from ..conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
START = NOTEBOOKS / "00_start_here.ipynb"


def _markdown(path) -> str:
    return "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")


def seed_paths(text: str) -> list[str]:
    """Every ``SEED = "…"`` path written in ``text``."""
    return re.findall(r'SEED = "([^"]+)"', text)


def test_seed_paths_are_found():
    text = 'SEED = "../seeds/a.txt"\nor `SEED = "../tests/articles/b.txt"`'
    assert seed_paths(text) == ["../seeds/a.txt", "../tests/articles/b.txt"]


def test_the_articles_named_in_00_are_in_the_student_copy():
    paths = seed_paths(_markdown(START))
    assert len(paths) >= 2, "00 §7 should name the course article and at least one other article"
    for path in paths:
        assert path.startswith("../seeds/"), f"{path} is not in the student copy (only seeds/ is)"
        assert (NOTEBOOKS / path).resolve().is_file(), f"00 names {path}, which does not exist"
    assert any("000_" not in path for path in paths), "00 §7 should name an article other than the course's"


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.stem)
def test_the_course_path_lists_every_notebook(path):
    path_section = _markdown(START).split("## 2. The learning path", 1)[1].split("\n## ", 1)[0]
    assert f"]({path.name})" in path_section


def test_exercise_3_of_00_comes_back_in_04():
    start = _markdown(START)
    assert "notebook 04" in start.split("### Exercise 3", 1)[1].split("\n## ", 1)[0]
    closing = nbformat.read(NOTEBOOKS / "04_escalation.ipynb", as_version=4)
    sources = [c.source for c in closing.cells]
    assert "escalation.earlier_expectation()" in sources
    assert any("Exercise 3" in s and "notebook 00" in s for s in sources)
