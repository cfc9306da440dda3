"""The class summary: every student's answers in one table, completion, and what was left out.

The functions take the long table of :func:`load_class` and return DataFrames; forecasts are scored in
:mod:`.forecasts`, stance codes compared in :mod:`.stances`, and charts drawn in :mod:`.summary_plots`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..notebook.answers import AnswerStoreError
from .bundles import collect_submissions
from .common import FORECAST_NOTEBOOK, STANCE_NOTEBOOK, ClassroomError, is_answered, natural_key
from .names import name_key, shown_name


def _one_name_per_student(names: pd.Series) -> pd.Series:
    """Names as shown, with every spelling of one student (same :func:`name_key`) shown as the first seen."""
    shown = names.map(shown_name)
    first: dict[str, str] = {}
    for name in shown:
        first.setdefault(name_key(name), name)
    return shown.map(lambda name: first[name_key(name)])


def load_class(folder: Path | str) -> pd.DataFrame:
    """All submissions under ``folder``, keeping the latest answer per student, notebook and question.

    Same columns and ``attrs`` as :func:`helpers.classroom.bundles.collect_submissions`, plus
    ``attrs["root"]`` and ``attrs["duplicates"]`` (older answers dropped).
    """
    try:
        table = collect_submissions(folder)
    except AnswerStoreError as error:
        raise ClassroomError(f"{error} Set SUBMISSIONS to the folder where you put the students' files.") from error
    attrs = dict(table.attrs)
    table["student"] = _one_name_per_student(table["student"])
    before = len(table)
    table = (table.sort_values("saved", kind="stable", na_position="first")
             .drop_duplicates(["student", "notebook", "question_id"], keep="last")
             .sort_values(["student", "notebook", "question_id"], kind="stable").reset_index(drop=True))
    table.attrs = {**attrs, "root": Path(folder).expanduser(), "duplicates": before - len(table)}
    return table


def class_overview(answers: pd.DataFrame) -> str:
    """One sentence: how many students, notebooks, answers and unreadable files."""
    skipped = len(answers.attrs.get("skipped", []))
    return (f"{answers['student'].nunique()} students, {answers['notebook'].nunique()} notebooks, "
            f"{int(answers['value'].map(is_answered).sum())} answers; {skipped} file(s) could not be read"
            f"{' (listed at the end)' if skipped else ''}; {answers.attrs.get('duplicates', 0)} older "
            "duplicate answer(s) replaced by the latest.")


def completion_table(answers: pd.DataFrame) -> pd.DataFrame:
    """Answered questions per student and notebook.

    ``questions`` is the number of different questions anyone in the class answered in that notebook
    (the notebooks define no fixed list), so ``percent`` = answered / questions × 100.
    Columns: student, notebook, answered, questions, percent; one row per student × notebook.
    """
    done = answers[answers["value"].map(is_answered)]
    columns = ["student", "notebook", "answered", "questions", "percent"]
    if done.empty:
        return pd.DataFrame(columns=columns)
    questions = done.groupby("notebook")["question_id"].nunique()
    counts = done.groupby(["student", "notebook"])["question_id"].nunique()
    students = sorted(answers["student"].unique(), key=natural_key)
    rows = []
    for student in students:
        for notebook in sorted(questions.index, key=natural_key):
            answered = int(counts.get((student, notebook), 0))
            total = int(questions[notebook])
            rows.append([student, notebook, answered, total, round(100 * answered / total, 1)])
    return pd.DataFrame(rows, columns=columns)


def skipped_files(answers: pd.DataFrame) -> pd.DataFrame:
    """The files that could not be read, relative to the submissions folder, with the reason."""
    rows = [[_relative(path, answers.attrs.get("root")), reason] for path, reason in answers.attrs.get("skipped", [])]
    return pd.DataFrame(rows, columns=["file", "reason"])


def _relative(path: Path, root: Path | None) -> str:
    """``path`` relative to the submissions folder when it is inside it."""
    try:
        return str(Path(path).relative_to(root)) if root else str(path)
    except ValueError:
        return str(path)


def ignored_parts(answers: pd.DataFrame) -> pd.DataFrame:
    """What was read but ignored in a file (e.g. another student's name inside a bundle), with the file."""
    rows = [[_relative(path, answers.attrs.get("root")), note] for path, note in answers.attrs.get("notes", [])]
    return pd.DataFrame(rows, columns=["file", "ignored"])


def invalid_answers(forecasts: pd.DataFrame, codes: pd.DataFrame) -> pd.DataFrame:
    """Forecasts that are not probabilities and stance codes that are not stances (left out of the scores)."""
    rows = [[s, FORECAST_NOTEBOOK, q, repr(v)] for s, q, v in forecasts.attrs.get("invalid", [])]
    rows += [[s, STANCE_NOTEBOOK, q, repr(v)] for s, q, v in codes.attrs.get("invalid", [])]
    return pd.DataFrame(rows, columns=["student", "notebook", "question_id", "value"])
