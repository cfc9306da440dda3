"""A student's submission: every notebook's answers as one readable HTML page and one JSON bundle."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..notebook.answers import AnswerStoreError, default_answers_dir, safe_name, write_text_atomically
from ..paths import course_root
from ..templates import render
from .bundles import make_bundle, read_answers_file
from .common import ClassroomError, describe_question, format_value, is_answered, natural_key


@dataclass
class Submission:
    """What ``export_submission`` wrote."""

    html_path: Path
    json_path: Path
    student: str
    notebooks: list[str]
    skipped: list[tuple[Path, str]]


def _answer_files(folder: Path, student: str | None) -> list[Path]:
    """The answers files of one student: ``folder/*.json`` and ``folder/<student>/*.json``."""
    candidates = sorted(folder.glob("*.json"))
    try:
        own = folder / safe_name(student, "student name") if student else None
    except AnswerStoreError:
        own = None
    if own is not None:
        candidates += sorted(own.glob("*.json"))
    return [path for path in candidates if ".corrupt-" not in path.name and not path.name.startswith(".")]


def _read_student_answers(folder: Path, student: str | None) -> tuple[list[dict], list[tuple[Path, str]]]:
    """Readable answers files with at least one answer, and the files that could not be read."""
    files, skipped = [], []
    for path in _answer_files(folder, student):
        try:
            found = read_answers_file(path)
        except AnswerStoreError as error:
            skipped.append((path, str(error)))
            continue
        files += [data for data in found if data["answers"] or data.get("locked")]
    return files, skipped


def _student_name(given: str | None, files: list[dict]) -> str:
    """The name for the submission: given, else $JUPYTERHUB_USER, else the one name in the files."""
    for candidate in (given, os.environ.get("JUPYTERHUB_USER")):
        if candidate and candidate.strip():
            return candidate.strip()
    names = {str(data["student"]) for data in files if data.get("student")}
    if len(names) == 1:
        return names.pop()
    raise ClassroomError(
        "Say whose answers these are: type your name next to the button, or run "
        '`make submission STUDENT="Ana Garcia"` (or `python -m helpers.classroom submission --student NAME`).'
    )


def export_submission(
    student: str | None = None,
    answers_dir: Path | str | None = None,
    out_dir: Path | str | None = None,
    today: date | None = None,
) -> Submission:
    """Write ``<student>_<date>_submission.html`` (readable) and ``….json`` (raw answers of all notebooks).

    Raises ClassroomError if there are no answers yet or no student name is known.
    """
    folder = Path(answers_dir).expanduser() if answers_dir is not None else default_answers_dir()
    target = Path(out_dir).expanduser() if out_dir is not None else course_root() / "dist" / "submission"
    files, skipped = _read_student_answers(folder, student) if folder.is_dir() else ([], [])
    if not files:
        problems = "".join(f" {path.name} could not be read: {reason}." for path, reason in skipped)
        raise ClassroomError(
            f"There are no answers yet in {folder}. Answer at least one question in a notebook first "
            f"(answers are saved as you type), then try again.{problems}"
        )
    name = _student_name(student, files)
    try:
        bundle = make_bundle(sorted(files, key=lambda d: natural_key(d["notebook"])), name)
    except AnswerStoreError as error:
        raise ClassroomError(str(error)) from error
    try:
        file_name = safe_name(bundle["student"], "student name")
    except AnswerStoreError:
        file_name = "student"
    stem = f"{file_name}_{(today or date.today()).isoformat()}_submission"
    json_path, html_path = target / f"{stem}.json", target / f"{stem}.html"
    try:
        write_text_atomically(json_path, json.dumps(bundle, ensure_ascii=False, indent=2) + "\n")
        write_text_atomically(html_path, submission_html(bundle, skipped))
    except AnswerStoreError as error:
        raise ClassroomError(str(error)) from error
    return Submission(html_path, json_path, bundle["student"], [d["notebook"] for d in bundle["notebooks"]], skipped)


def _notebook_section(data: dict) -> dict:
    """One notebook of a bundle as the template shows it: each question's prompt, answer, time and lock."""
    notebook = data["notebook"]
    prompts = data.get("questions", {})
    locks = data.get("locked", {})
    ids = sorted(set(data["answers"]) | set(locks), key=natural_key)
    rows = [
        {
            "id": question_id,
            "prompt": prompts.get(question_id) or describe_question(notebook, question_id) or "",
            "answer": format_value(data["answers"].get(question_id, {}).get("value")),
            "saved": data["answers"].get(question_id, {}).get("saved") or "-",
            "locked": locks.get(question_id),
        }
        for question_id in ids
    ]
    answered = sum(is_answered(data["answers"].get(q, {}).get("value")) for q in ids)
    return {"name": notebook, "updated": data.get("updated") or "-", "answered": answered, "rows": rows}


def submission_html(bundle: dict, skipped: Sequence[tuple[Path, str]] = ()) -> str:
    """One self-contained HTML page: per notebook, each question's text and the answer (all escaped)."""
    return render(
        "submission.html",
        student=bundle["student"],
        created=bundle["created"],
        notebooks=[_notebook_section(data) for data in bundle["notebooks"]],
        skipped=[(Path(path).name, reason) for path, reason in skipped],
    )
