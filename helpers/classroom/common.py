"""What the classroom modules share: the error, the course's notebook conventions, answer helpers."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import pandas as pd

from ..curated import load_table
from ..errors import CourseError
from ..notebook.session import NOTEBOOKS

#: Where the course notebooks store forecasts (question ids = forecast_questions.csv ``question_id``).
FORECAST_NOTEBOOK = "04_escalation"
#: Where the stance codes are stored, as ``stance.<sentence_id>.<verb>`` (see helpers.lessons.positions.StanceCoder).
STANCE_NOTEBOOK = "03_actor_positions"
STANCES = ("supports the decision", "opposes the decision", "not about the decision")
NOT_CHOSEN = "(choose)"


class ClassroomError(CourseError):
    """A classroom task cannot be done; the message says why and what to do."""


def natural_key(text: Any) -> tuple:
    """Sort key that puts ``stance.4.10`` after ``stance.4.2`` and ``q10`` after ``q2``."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", str(text)))


def is_answered(value: Any) -> bool:
    """True if ``value`` is a real answer (not empty, not "(choose)", not a list of empties)."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() not in ("", NOT_CHOSEN)
    if isinstance(value, (list, tuple)):
        return any(is_answered(item) for item in value)
    if isinstance(value, dict):
        return any(is_answered(item) for item in value.values())
    return True


def format_value(value: Any) -> str:
    """An answer as plain text for people (templates escape it)."""
    if not is_answered(value):
        return "(no answer)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return "; ".join(format_value(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def forecast_questions() -> pd.DataFrame:
    """forecast_questions.csv with ``outcome`` as 0/1 (from ``resolution`` yes/no)."""
    table = load_table("forecast_questions")
    table["outcome"] = (table["resolution"].str.strip().str.lower() == "yes").astype(int)
    return table


@lru_cache(maxsize=1)
def _forecast_texts() -> dict[str, str]:
    """Question id -> question text from forecast_questions.csv (empty if it cannot be read)."""
    try:
        table = load_table("forecast_questions")
    except CourseError:
        return {}
    return dict(zip(table["question_id"], table["question"]))


def describe_question(notebook: str, question_id: str) -> str | None:
    """A readable prompt for ids whose text is known from their convention, else None."""
    if notebook == FORECAST_NOTEBOOK and question_id in _forecast_texts():
        return f"Forecast (probability from 0 to 1): {_forecast_texts()[question_id]}"
    match = re.fullmatch(r"stance\.(\d+\.\d+)\.(.+)", question_id)
    if match:
        return f"Stance toward the decision of the statement in ¶{match[1]} (reporting verb '{match[2]}')"
    return None


def is_course_question(notebook: str, question_id: str) -> bool:
    """False for answers the course never asks for: a notebook that is not a course notebook, or a forecast
    id (``q<number>``) that is not in forecast_questions.csv."""
    if notebook not in NOTEBOOKS:
        return False
    if notebook == FORECAST_NOTEBOOK and re.fullmatch(r"q\d+", question_id):
        return question_id in _forecast_texts()
    return True
