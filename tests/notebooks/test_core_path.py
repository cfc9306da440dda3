"""Every notebook states its core-path time, estimated by one rule (tests/notebooks/core_path.py), at most 45 min."""

from __future__ import annotations

import re

import nbformat
import pytest

from .common import NOTEBOOKS, read
from .core_path import core_path, stated_minutes

LIMIT = 45


def _nb(*cells: tuple[str, str, list[str]]) -> nbformat.NotebookNode:
    made = []
    for kind, source, tags in cells:
        cell = nbformat.v4.new_markdown_cell(source) if kind == "md" else nbformat.v4.new_code_cell(source)
        cell.metadata["tags"] = tags
        made.append(cell)
    return nbformat.v4.new_notebook(cells=made)


def test_reading_code_and_exercises_are_counted():
    words = " ".join(["word"] * 300)
    nb = _nb(
        ("md", "## 1. A section\n\n" + words, []),
        ("code", "x = 1", []),
        ("md", "### Exercise 1: order (7 min)", []),
        ("md", "### Exercise 2: pick one", []),
    )
    path = core_path(nb)
    assert (path.code_cells, path.exercises, path.exercise_minutes) == (1, 2, 7 + 5)
    assert path.words == 300 + 3 + 5 + 4  # the headings are read too
    assert path.minutes == 16  # 312 words = 2.08 min, + 1 code cell + 12 exercise minutes, rounded up


def test_optional_sections_solutions_teacher_notes_and_references_are_not_on_the_core_path():
    words = " ".join(["word"] * 1500)
    nb = _nb(
        ("md", "## 1. Core\n\nshort", []),
        ("md", "## 2. Going further (optional)\n\n" + words, []),
        ("code", "y = 2", []),
        ("md", "### Exercise 9: deep dive", []),
        ("md", "## 3. Back on the path", []),
        ("code", "answer = 3", ["solution"]),
        ("md", "> **For teachers.** " + words, []),
        ("md", "## Resources and references\n\n" + words, []),
    )
    path = core_path(nb)
    assert (path.code_cells, path.exercises) == (0, 0)
    assert path.words < 20


def test_a_questionnaire_on_the_core_path_costs_a_minute_a_question():
    core = _nb(("md", "## Questionnaire\n\n1. One?\n2. Two?\n3. Three?", []))
    optional = _nb(("md", "## Questionnaire (optional, for homework)\n\n1. One?\n2. Two?\n3. Three?", []))
    assert core_path(core).exercise_minutes == 3
    assert core_path(optional).exercise_minutes == 0


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_header_states_the_estimated_core_path_and_it_fits_a_lesson(path):
    nb = read(path)
    estimate = core_path(nb).minutes
    stated = stated_minutes(nb)
    assert stated is not None, "Prerequisites must say 'Time to learn: NN minutes'"
    assert estimate <= stated < estimate + 5, (
        f"{path.name}: the core path is estimated at {estimate} min ({core_path(nb)}); the notebook says {stated}"
    )
    assert stated <= LIMIT, f"{path.name}: core path {estimate} min; mark sections '(optional)' to fit {LIMIT}"
    header = nb.cells[0].source
    assert re.search(rf"\|\s*{stated} minutes( core path)?\s*\|", header), "the header's completion time must agree"
