"""Submission bundles, and reading a class's answers files and bundles into one long table.

A *submission* bundles the answers files (:mod:`helpers.notebook.answers`) of several notebooks for one
student::

    {"format": "news-course-submission", "version": 1, "student": "ana",
     "created": "2025-01-02T09:00:00+00:00", "notebooks": [<answers file>, ...]}

``collect_submissions`` reads both kinds of file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from ..notebook.answers import AnswerStoreError, format_problem, now_iso
from .names import name_key, person_name, shown_name
from .reading import load_json_file

BUNDLE_FORMAT = "news-course-submission"
BUNDLE_VERSION = 1
SUBMISSION_COLUMNS = ["student", "notebook", "question_id", "value", "saved", "locked", "file"]


def make_bundle(files: list[dict], student: str, created: str | None = None) -> dict:
    """A submission: the answers files of several notebooks, each stamped with ``student`` (the real name).

    Raises AnswerStoreError if a file is not a valid answers file or the name is empty.
    """
    name = person_name(student)
    notebooks = []
    for data in files:
        problem = format_problem(data)
        if problem is not None:
            raise AnswerStoreError(f"Cannot bundle an answers file because {problem}.")
        notebooks.append({**json.loads(json.dumps(data)), "student": name})
    return {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "student": name,
        "created": created or now_iso(),
        "notebooks": notebooks,
    }


def answers_file_problem(data: Any) -> str | None:
    """Why ``data`` is not an answers file the class summary can use (strict on types), or None."""
    problem = format_problem(data)
    if problem is not None:
        return problem
    for field in ("notebook", "student", "updated"):
        if data.get(field) is not None and not isinstance(data[field], str):
            return f"its '{field}' is not text"
    if any(
        entry.get("saved") is not None and not isinstance(entry["saved"], str) for entry in data["answers"].values()
    ):
        return "a 'saved' time in it is not text"
    if not all(isinstance(when, str) for when in data.get("locked", {}).values()):
        return "its 'locked' section is damaged"
    return None


def _bundle_files(data: dict) -> tuple[list[dict], list[str]]:
    """The answers files inside a submission bundle, all counted for the bundle's student, and notes on
    inner files that name someone else (that name is ignored). AnswerStoreError says what is wrong."""
    if data.get("version") != BUNDLE_VERSION:
        raise AnswerStoreError(
            f"it uses submission version {data.get('version')!r}, but this course reads version {BUNDLE_VERSION}"
        )
    try:
        student = person_name(data.get("student"))
    except AnswerStoreError as exc:
        raise AnswerStoreError("rejected: it names no student") from exc
    files = data.get("notebooks")
    if not isinstance(files, list) or not files:
        raise AnswerStoreError("its 'notebooks' section is empty or damaged")
    notes = []
    for index, file_data in enumerate(files, 1):
        problem = answers_file_problem(file_data)
        if problem is not None:
            raise AnswerStoreError(f"notebook #{index} in it is damaged: {problem}")
        inner = file_data.get("student")
        if inner is not None and name_key(shown_name(inner)) != name_key(student):
            notes.append(f"notebook #{index} in it names {inner!r}, not {student!r}: counted for {student!r} only")
    return [{**file_data, "student": student} for file_data in files], notes


def read_submission_file(path: Path | str, root: Path | str | None = None) -> tuple[list[dict], list[str]]:
    """The answers files in ``path`` (one, or several for a submission bundle) and notes on what was ignored.

    The file is read strictly (:func:`helpers.classroom.reading.load_json_file`; ``root`` is the folder it
    must be in). Raises AnswerStoreError with a short reason if the file cannot be used.
    """
    data = load_json_file(path, root)
    if isinstance(data, dict) and data.get("format") == BUNDLE_FORMAT:
        return _bundle_files(data)
    problem = answers_file_problem(data)
    if problem is not None:
        raise AnswerStoreError(problem)
    return [data], []


def read_answers_file(path: Path | str) -> list[dict]:
    """The answers files in ``path`` (one, or several for a submission bundle); see :func:`read_submission_file`."""
    return read_submission_file(path)[0]


def _submission_rows(data: dict, path: Path, root: Path) -> list[dict]:
    """Long-format rows (one per question) for one parsed answers file."""
    student = data.get("student")
    relative = path.relative_to(root)
    if not student and len(relative.parts) > 1:
        student = relative.parts[0]
    notebook = data.get("notebook") or path.stem
    answers = data["answers"]
    locked = data.get("locked", {})
    rows = []
    for question_id in sorted(set(answers) | set(locked)):
        entry = answers.get(question_id, {})
        rows.append(
            {
                "student": student,
                "notebook": notebook,
                "question_id": question_id,
                "value": entry.get("value"),
                "saved": entry.get("saved"),
                "locked": question_id in locked,
                "file": str(relative),
            }
        )
    return rows


def _json_files(root: Path) -> list[Path]:
    """Every ``*.json`` under ``root``, not in hidden folders and not hidden; linked folders are not entered."""
    found = []
    for folder, subfolders, names in os.walk(root, followlinks=False):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        found += [Path(folder) / name for name in names if name.endswith(".json") and not name.startswith(".")]
    return sorted(found)


def collect_submissions(folder: Path | str) -> pd.DataFrame:
    """Read every answers ``*.json`` (or submission bundle) under ``folder`` into one long table.

    Columns: student, notebook, question_id, value (object), saved (UTC datetime), locked (bool), file
    (relative to ``folder``). ``student`` comes from the file (a bundle's own student for everything in it),
    or else from the first sub-folder name. Hidden files and folders (names starting with ".") are ignored.
    Files that cannot be read are listed in ``df.attrs["skipped"]`` as ``(path, reason)`` pairs, parts of
    files that were ignored in ``df.attrs["notes"]`` as ``(path, note)``; the prompt texts found are in
    ``df.attrs["questions"]`` as ``{notebook: {question_id: prompt}}``.
    """
    root = Path(folder).expanduser()
    if not root.is_dir():
        raise AnswerStoreError(f"The submissions folder {root} does not exist or is not a folder.")
    rows: list[dict] = []
    skipped: list[tuple[Path, str]] = []
    notes: list[tuple[Path, str]] = []
    questions: dict[str, dict[str, str]] = {}
    for path in _json_files(root):
        try:
            files, file_notes = read_submission_file(path, root)
        except AnswerStoreError as exc:
            skipped.append((path, str(exc)))
            continue
        notes += [(path, note) for note in file_notes]
        for data in files:
            rows.extend(_submission_rows(data, path, root))
            notebook = data.get("notebook") or path.stem
            questions.setdefault(notebook, {}).update(data.get("questions", {}))
    table = pd.DataFrame(rows, columns=SUBMISSION_COLUMNS)
    table["value"] = pd.Series([row["value"] for row in rows], index=table.index, dtype=object)
    table["saved"] = pd.to_datetime(table["saved"], utc=True, format="ISO8601", errors="coerce")
    table["locked"] = table["locked"].astype(bool)
    table = table.sort_values(["student", "notebook", "question_id"], kind="stable").reset_index(drop=True)
    table.attrs.update(skipped=skipped, notes=notes, questions=questions)
    return table
