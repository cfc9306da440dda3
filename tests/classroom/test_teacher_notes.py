"""Notes for teachers stay out of the student copy and the site; their content is in docs/teachers.md."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from helpers import classroom
from helpers.classroom.student import for_students, student_cells

from ..conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
TEACHERS = ROOT / "docs" / "teachers.md"
NOTE = "> **For teachers.** Exercise 4's answer is 19 November."


def _course(folder: Path) -> Path:
    notebooks = folder / "notebooks"
    notebooks.mkdir(parents=True)
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 0. Tiny\n\n| Use case | Completion time |\n|---|---|\n| x | 5 minutes |"),
        nbformat.v4.new_markdown_cell(NOTE),  # recognised by its start, without a tag
        nbformat.v4.new_markdown_cell("Timing notes", metadata={"tags": ["teacher"]}),
        nbformat.v4.new_markdown_cell("Ask your teacher: the note *For teachers* is not here."),
        nbformat.v4.new_code_cell("x = 1"),
    ]
    nbformat.write(nb, notebooks / "00_tiny.ipynb")
    return notebooks


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (nbformat.v4.new_markdown_cell(NOTE), False),
        (nbformat.v4.new_markdown_cell("  \n" + NOTE), False),
        (nbformat.v4.new_markdown_cell("x", metadata={"tags": ["teacher"]}), False),
        (nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["solution"]}), False),
        (nbformat.v4.new_markdown_cell("Students read this. > **For teachers.** quoted mid-text"), True),
        (nbformat.v4.new_code_cell("# > **For teachers.** in a code comment"), True),
        (nbformat.v4.new_markdown_cell("x", metadata={"tags": ["parameters"]}), True),
    ],
)
def test_which_cells_students_see(cell, shown):
    assert for_students(cell) is shown


def test_student_copy_drops_teacher_notes(tmp_path):
    classroom.make_student_copies(tmp_path / "dist", _course(tmp_path / "course"))
    copy = nbformat.read(tmp_path / "dist" / "student" / "notebooks" / "00_tiny.ipynb", as_version=4)
    sources = [cell.source for cell in copy.cells]
    assert NOTE not in sources and "Timing notes" not in sources
    assert "Ask your teacher: the note *For teachers* is not here." in sources and "x = 1" in sources


def test_site_uses_the_student_copy(tmp_path):
    classroom.build_site(tmp_path / "site", _course(tmp_path / "course"))
    page = (tmp_path / "site" / "00_tiny.html").read_text(encoding="utf-8")
    assert "Ask your teacher" in page
    assert "19 November" not in page and "Timing notes" not in page


def _teacher_notes(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [cell.source for cell in nb.cells if cell.cell_type == "markdown" and "For teachers" in cell.source[:40]]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_course_notebooks_keep_their_notes_from_students(path):
    nb = nbformat.read(path, as_version=4)
    kept = student_cells(nb).cells
    assert not [cell.source[:60] for cell in kept if "For teachers" in cell.source[:40]]


def _section(text: str, heading: str) -> str:
    match = re.search(rf"^### {re.escape(heading)}.*?$(.*?)(?=^##)", text, re.M | re.S)
    return match.group(1) if match else ""


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{5,}", text.lower()))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_note_for_teachers_is_in_the_guide(path):
    """docs/teachers.md has a section per notebook, under "Notes from the notebooks", with the note's content."""
    guide = TEACHERS.read_text(encoding="utf-8")
    notes_part = guide.split("## Notes from the notebooks", 1)
    assert len(notes_part) == 2, "docs/teachers.md lacks the section '## Notes from the notebooks'"
    for note in _teacher_notes(path):
        section = _section(notes_part[1], path.stem)
        assert section, f"docs/teachers.md has no '### {path.stem}' under 'Notes from the notebooks'"
        missing = _words(note) - _words(section)
        # the guide may reword a little; most of the note's words must be there
        assert len(missing) <= len(_words(note)) // 5, f"{path.stem}: the guide lacks {sorted(missing)[:20]}"
