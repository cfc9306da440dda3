"""Student copies: the course notebooks without solutions or outputs, with seeds and helpers, zipped."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..paths import course_root
from .common import ClassroomError

#: Cells with one of these tags never reach students: reference solutions and notes for teachers.
HIDDEN_TAGS = ("solution", "teacher")
#: A markdown cell that starts like this is a note for teachers, tagged or not (docs/teachers.md has its content).
TEACHER_NOTE_START = "> **For teachers"

STUDENT_EXTRAS = ("requirements.txt", "environment.yml", "pyproject.toml", "LICENSE", "LICENSE-CONTENT.md")
_IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.egg-info")


def for_students(cell) -> bool:
    """False for a cell students must not see: tagged ``solution`` or ``teacher``, or a "For teachers" note."""
    if any(tag in HIDDEN_TAGS for tag in cell.get("metadata", {}).get("tags", [])):
        return False
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else str(source)
    return not (cell.get("cell_type") == "markdown" and source.lstrip().startswith(TEACHER_NOTE_START))


def student_cells(nb):
    """The notebook with only the cells students see (see :func:`for_students`); changes ``nb`` in place."""
    nb.cells = [cell for cell in nb.cells if for_students(cell)]
    return nb


def _strip_notebook(path: Path):
    """The notebook without solutions, teachers' notes and outputs (kernelspec kept)."""
    import nbformat
    from nbconvert.preprocessors import ClearOutputPreprocessor

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as error:
        raise ClassroomError(
            f"{path} is not a readable notebook ({error}). Open it in JupyterLab and save it again."
        ) from error
    resources: dict = {}
    nb = student_cells(nb)
    nb, resources = ClearOutputPreprocessor(enabled=True).preprocess(nb, resources)
    nb.metadata.pop("widgets", None)
    return nb


STUDENT_README = """# Reading the news with data: student copy

These are the course notebooks without the reference solutions. Open `notebooks/00_start_here.ipynb`
in JupyterLab (or the first notebook your teacher names) and run the cells from the top.

On your own computer: `python -m venv .venv`, activate it, then
`pip install -r requirements.txt` and `pip install -e .` in this folder, then `jupyter lab`.

Your answers are saved as you type (in the `answers/` folder of the course). When you are done, press the
"Save my submission" button at the end of a notebook and hand in the two files it names.
"""


def make_student_copies(out_dir: Path | str | None = None, notebooks_dir: Path | str | None = None) -> Path:
    """Write ``<out>/student/`` (notebooks without solutions, teachers' notes or outputs, seeds, helpers) and ``<out>/student.zip``.

    Only the notebooks directly in ``notebooks_dir`` are copied (not ``instructor/`` or ``app/``).
    Returns the zip path. Raises ClassroomError if there is no notebook.
    """
    import nbformat

    out_dir = course_root() / "dist" if out_dir is None else out_dir
    notebooks_dir = course_root() / "notebooks" if notebooks_dir is None else notebooks_dir

    out_dir, notebooks_dir = Path(out_dir), Path(notebooks_dir)
    sources = sorted(notebooks_dir.glob("*.ipynb"))
    if not sources:
        raise ClassroomError(f"There is no notebook in {notebooks_dir}; nothing to copy.")
    stripped = {path.name: _strip_notebook(path) for path in sources}  # all read before anything is deleted
    target = out_dir / "student"
    if target.exists():
        shutil.rmtree(target)
    (target / "notebooks").mkdir(parents=True)
    for name, nb in stripped.items():
        nbformat.write(nb, target / "notebooks" / name)
    seeds = notebooks_dir.resolve().parent / "seeds"  # the seeds next to the notebooks, else the course's
    shutil.copytree(seeds if seeds.is_dir() else course_root() / "seeds", target / "seeds", ignore=_IGNORED)
    shutil.copytree(course_root() / "helpers", target / "helpers", ignore=_IGNORED)
    for name in STUDENT_EXTRAS:
        if (course_root() / name).is_file():
            shutil.copy2(course_root() / name, target / name)
    (target / "README.md").write_text(STUDENT_README, encoding="utf-8")
    archive = shutil.make_archive(str(out_dir / "student"), "zip", root_dir=out_dir, base_dir="student")
    return Path(archive)
