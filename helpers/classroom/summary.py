"""The class summary: every student's answers in one table, completion, and what was left out.

The functions take the long table of :func:`load_class` and return DataFrames; forecasts are scored in
:mod:`.forecasts`, stance codes compared in :mod:`.stances`, and charts drawn in :mod:`.summary_plots`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..notebook.answers import AnswerStoreError
from .bundles import collect_submissions
from .common import (
    FORECAST_NOTEBOOK,
    STANCE_NOTEBOOK,
    ClassroomError,
    format_value,
    is_answered,
    is_course_question,
    natural_key,
)
from .names import name_key, shown_name


def _one_name_per_student(names: pd.Series) -> pd.Series:
    """Names as shown, with every spelling of one student (same :func:`name_key`) shown as the first seen."""
    shown = names.map(shown_name)
    first: dict[str, str] = {}
    for name in shown:
        first.setdefault(name_key(name), name)
    return shown.map(lambda name: first[name_key(name)])


_ANSWER = ["student", "notebook", "question_id"]


def _one_answer_each(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """One row per student, notebook and question; answers given differently in several files are taken out.

    Files say when they were saved, but students can edit that, so no time decides between two answers:
    they are returned as conflicts for the teacher. The same answer in several files counts once (locked
    only if locked in every file). Returns the table, the conflicts and how many copies were dropped.
    """
    same = table["value"].map(lambda value: json.dumps(value, sort_keys=True))
    differing = same.groupby([table[c] for c in _ANSWER]).transform("nunique") > 1
    conflicts = table[differing].sort_values([*_ANSWER, "file"], key=lambda s: s.map(natural_key), kind="stable")
    kept = table[~differing].assign(locked=table[~differing].groupby(_ANSWER)["locked"].transform("all"))
    before = len(kept)
    kept = (
        kept.sort_values("file", kind="stable")
        .drop_duplicates(_ANSWER, keep="first")
        .sort_values(_ANSWER, kind="stable")
        .reset_index(drop=True)
    )
    return kept, conflicts.reset_index(drop=True), before - len(kept)


def load_class(folder: Path | str) -> pd.DataFrame:
    """All submissions under ``folder``: one answer per student, notebook and question.

    Same columns and ``attrs`` as :func:`helpers.classroom.bundles.collect_submissions`, plus
    ``attrs["root"]``, ``attrs["duplicates"]`` (copies of the same answer dropped), ``attrs["conflicts"]``
    (answers given differently in several files, left out: see :func:`conflicting_answers`) and
    ``attrs["unknown"]`` (answers to questions the course does not ask, left out: see :func:`unknown_questions`).
    """
    try:
        table = collect_submissions(folder)
    except AnswerStoreError as error:
        raise ClassroomError(f"{error} Set SUBMISSIONS to the folder where you put the students' files.") from error
    attrs = dict(table.attrs)
    table["student"] = _one_name_per_student(table["student"])
    known = pd.Series(
        [
            is_course_question(notebook, question_id)
            for notebook, question_id in zip(table["notebook"], table["question_id"])
        ],
        index=table.index,
        dtype=bool,
    )
    unknown = table[~known][["student", "notebook", "question_id", "file"]]
    table, conflicts, duplicates = _one_answer_each(table[known])
    table.attrs = {
        **attrs,
        "root": Path(folder).expanduser(),
        "duplicates": duplicates,
        "conflicts": conflicts.to_dict("records"),
        "unknown": unknown.to_dict("records"),
    }
    return table


def conflicting_answers(answers: pd.DataFrame) -> pd.DataFrame:
    """Answers a student gave differently in several files (left out of everything): one row per file."""
    rows = [
        [r["student"], r["notebook"], r["question_id"], r["file"], format_value(r["value"]), r["saved"]]
        for r in answers.attrs.get("conflicts", [])
    ]
    return pd.DataFrame(rows, columns=["student", "notebook", "question_id", "file", "value", "saved"])


def unknown_questions(answers: pd.DataFrame) -> pd.DataFrame:
    """Answers to questions the course does not ask (left out of everything, completion included)."""
    return pd.DataFrame(answers.attrs.get("unknown", []), columns=["student", "notebook", "question_id", "file"])


def answers_by_file(answers: pd.DataFrame) -> pd.DataFrame:
    """Which file gave which answers: per file, the student, its notebooks, the answers counted from it
    and those left out (given differently in another file, or to questions the course does not ask).

    An answer handed in the same in several files is counted from the first file (by name) only.
    """
    rows: dict[str, dict] = {}

    def row(file: str, student: str) -> dict:
        return rows.setdefault(
            file,
            {"file": file, "student": student, "notebooks": set(), "counted": 0, "conflicting": 0, "unknown": 0},
        )

    for file, student, notebook in zip(answers["file"], answers["student"], answers["notebook"]):
        entry = row(str(file), str(student))
        entry["notebooks"].add(str(notebook))
        entry["counted"] += 1
    for kind in ("conflicts", "unknown"):
        for record in answers.attrs.get(kind, []):
            entry = row(str(record["file"]), str(record["student"]))
            entry["notebooks"].add(str(record["notebook"]))
            entry["conflicting" if kind == "conflicts" else "unknown"] += 1
    table = pd.DataFrame(
        [{**r, "notebooks": ", ".join(sorted(r["notebooks"]))} for r in rows.values()],
        columns=["file", "student", "notebooks", "counted", "conflicting", "unknown"],
    )
    table = table.rename(columns={"conflicting": "left out: differs in another file", "unknown": "left out: not asked"})
    return table.sort_values("file", key=lambda s: s.map(natural_key), kind="stable").reset_index(drop=True)


def class_overview(answers: pd.DataFrame) -> str:
    """One sentence: how many students, notebooks, answers, unreadable files and conflicting answers."""
    skipped = len(answers.attrs.get("skipped", []))
    conflicts = len({(r["student"], r["notebook"], r["question_id"]) for r in answers.attrs.get("conflicts", [])})
    return (
        f"{answers['student'].nunique()} students, {answers['notebook'].nunique()} notebooks, "
        f"{int(answers['value'].map(is_answered).sum())} answers; {skipped} file(s) could not be read"
        f"{' (listed at the end)' if skipped else ''}; {conflicts} answer(s) given differently in two files, "
        f"left out{' (listed at the end)' if conflicts else ''}; {answers.attrs.get('duplicates', 0)} "
        "answer(s) handed in twice the same, counted once."
    )


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
