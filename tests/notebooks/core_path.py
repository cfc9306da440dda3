"""How long a notebook's core path takes a 16-year-old: an estimate a teacher can check by hand.

The rule (docs/notebook-style.md, "Time"):
- reading: the words of the markdown cells on the core path at 150 words a minute;
- code: a minute per code cell on the core path (run it, read its 2-4 lines and the table or figure it shows);
- exercises: the minutes stated in each exercise heading, "### Exercise 2: ... (6 min)", else 5;
- questionnaire: a minute per numbered question, unless its section is marked optional.

Not on the core path: sections whose heading says "optional", cells tagged ``solution`` (not in the
student copy), the "For teachers" note, "Resources and references" (a list to look things up in).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import nbformat

WORDS_PER_MINUTE = 150
MINUTES_PER_CODE_CELL = 1
DEFAULT_EXERCISE_MINUTES = 5
NOT_READ = ("resources and references",)

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$", re.M)
_EXERCISE = re.compile(r"^#{2,4}\s+.*\bExercise\s+\d+\b.*$", re.M)
_STATED_MINUTES = re.compile(r"\((\d+)\s*min(?:utes)?\)")
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_QUESTION = re.compile(r"^\s*\d+\.\s", re.M)
_TIME_TO_LEARN = re.compile(r"Time to learn:\s*(\d+)\s*minutes", re.I)


@dataclass(frozen=True)
class CorePath:
    words: int
    code_cells: int
    exercise_minutes: int
    exercises: int

    @property
    def minutes(self) -> int:
        """Whole minutes, rounded up."""
        reading = self.words / WORDS_PER_MINUTE
        return math.ceil(reading + self.code_cells * MINUTES_PER_CODE_CELL + self.exercise_minutes)


def _is_teacher_note(cell: nbformat.NotebookNode) -> bool:
    return "teacher" in cell.metadata.get("tags", []) or cell.source.lstrip().startswith("> **For teachers")


def core_path(nb: nbformat.NotebookNode) -> CorePath:
    """Words, code cells and exercise minutes on the core path of ``nb``."""
    words = code = exercise_minutes = exercises = 0
    in_questionnaire = False
    skipping_level = 0  # heading level of the optional section being skipped, 0 when on the core path
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "markdown":
            heading = _HEADING.search(cell.source)
            if heading and cell.source.lstrip().startswith("#"):
                level, title = len(heading.group(1)), heading.group(2).lower()
                if skipping_level and level <= skipping_level:
                    skipping_level = 0
                if not skipping_level and ("optional" in title or title.strip() in NOT_READ):
                    skipping_level = level
                if level <= 2:
                    in_questionnaire = "questionnaire" in title
        if skipping_level or "solution" in tags or _is_teacher_note(cell):
            continue
        if cell.cell_type == "code":
            if "parameters" not in tags:
                code += 1
            continue
        if cell.cell_type != "markdown":
            continue
        words += len(_WORD.findall(re.sub(r"\(([^)]*)\)\[", "", re.sub(r"\]\([^)]*\)", "]", cell.source))))
        for line in _EXERCISE.findall(cell.source):
            stated = _STATED_MINUTES.search(line)
            exercise_minutes += int(stated.group(1)) if stated else DEFAULT_EXERCISE_MINUTES
            exercises += 1
        if in_questionnaire:
            exercise_minutes += len(_QUESTION.findall(cell.source))
    return CorePath(words, code, exercise_minutes, exercises)


def stated_minutes(nb: nbformat.NotebookNode) -> int | None:
    """The "Time to learn: NN minutes" the notebook states, or None."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and (found := _TIME_TO_LEARN.search(cell.source)):
            return int(found.group(1))
    return None
