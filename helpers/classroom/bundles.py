"""Submission bundles, and reading a class's answers files and bundles into one long table.

A *submission* bundles the answers files (:mod:`helpers.notebook.answers`) of several notebooks for one
student::

    {"format": "news-course-submission", "version": 1, "student": "ana",
     "created": "2025-01-02T09:00:00+00:00", "notebooks": [<answers file>, ...]}

``collect_submissions`` reads both kinds of file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..notebook.answers import AnswerStoreError, format_problem, now_iso
from .names import person_name

BUNDLE_FORMAT = "news-course-submission"
BUNDLE_VERSION = 1
SUBMISSION_COLUMNS = ["student", "notebook", "question_id", "value", "saved", "locked"]


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
    return {"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION, "student": name,
            "created": created or now_iso(), "notebooks": notebooks}


def _bundle_files(data: dict) -> list[dict]:
    """The answers files inside a submission bundle, or AnswerStoreError saying what is wrong."""
    if data.get("version") != BUNDLE_VERSION:
        raise AnswerStoreError(
            f"it uses submission version {data.get('version')!r}, but this course reads version {BUNDLE_VERSION}"
        )
    files = data.get("notebooks")
    if not isinstance(files, list) or not files:
        raise AnswerStoreError("its 'notebooks' section is empty or damaged")
    for index, file_data in enumerate(files, 1):
        problem = format_problem(file_data)
        if problem is not None:
            raise AnswerStoreError(f"notebook #{index} in it is damaged: {problem}")
    student = data.get("student")
    return [{**file_data, "student": file_data.get("student") or student} for file_data in files]


def read_answers_file(path: Path | str) -> list[dict]:
    """The answers files in ``path`` (one, or several for a submission bundle).

    Raises AnswerStoreError with a short reason if the file cannot be used.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise AnswerStoreError(f"cannot be read ({exc})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AnswerStoreError("damaged: not valid JSON") from exc
    if isinstance(data, dict) and data.get("format") == BUNDLE_FORMAT:
        return _bundle_files(data)
    problem = format_problem(data)
    if problem is not None:
        raise AnswerStoreError(problem)
    return [data]


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
        rows.append({"student": student, "notebook": notebook, "question_id": question_id,
                     "value": entry.get("value"), "saved": entry.get("saved"), "locked": question_id in locked})
    return rows


def collect_submissions(folder: Path | str) -> pd.DataFrame:
    """Read every answers ``*.json`` (or submission bundle) under ``folder`` into one long table.

    Columns: student, notebook, question_id, value (object), saved (UTC datetime),
    locked (bool). ``student`` comes from the file, or else from the first
    sub-folder name. Hidden files and folders (names starting with ".") are
    ignored. Files that cannot be read are listed in ``df.attrs["skipped"]`` as
    ``(path, reason)`` pairs; the prompt texts found are in
    ``df.attrs["questions"]`` as ``{notebook: {question_id: prompt}}``.
    """
    root = Path(folder).expanduser()
    if not root.is_dir():
        raise AnswerStoreError(f"The submissions folder {root} does not exist or is not a folder.")
    rows: list[dict] = []
    skipped: list[tuple[Path, str]] = []
    questions: dict[str, dict[str, str]] = {}
    for path in sorted(root.rglob("*.json")):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        try:
            files = read_answers_file(path)
        except AnswerStoreError as exc:
            skipped.append((path, str(exc)))
            continue
        for data in files:
            rows.extend(_submission_rows(data, path, root))
            notebook = data.get("notebook") or path.stem
            questions.setdefault(notebook, {}).update(data.get("questions", {}))
    table = pd.DataFrame(rows, columns=SUBMISSION_COLUMNS)
    table["value"] = pd.Series([row["value"] for row in rows], index=table.index, dtype=object)
    table["saved"] = pd.to_datetime(table["saved"], utc=True, format="ISO8601", errors="coerce")
    table["locked"] = table["locked"].astype(bool)
    table = table.sort_values(["student", "notebook", "question_id"], kind="stable").reset_index(drop=True)
    table.attrs["skipped"] = skipped
    table.attrs["questions"] = questions
    return table
