"""The class summary says which file gave which answers, and which answers of a file were left out."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import classroom


def write(path: Path, student: str, notebook: str, answers: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    saved = "2025-03-03T10:00:00+00:00"
    data = {
        "format": "news-course-answers",
        "version": 1,
        "notebook": notebook,
        "student": student,
        "updated": saved,
        "answers": {key: {"value": value, "saved": saved} for key, value in answers.items()},
        "locked": {},
    }
    path.write_text(json.dumps(data), encoding="utf-8")


def test_each_file_with_what_was_counted_and_what_was_left_out(tmp_path):
    write(tmp_path / "ana" / "00_start_here.json", "Ana", "00_start_here", {"first_quote": "¶4.1"})
    write(tmp_path / "ana" / "01_context.json", "Ana", "01_context", {"day_1000": "2024-11-19"})
    write(tmp_path / "ana" / "04_escalation.json", "Ana", "04_escalation", {"q99": 0.5})  # no such forecast
    write(tmp_path / "ana_again" / "01_context.json", "Ana", "01_context", {"day_1000": "2024-11-18"})
    table = classroom.answers_by_file(classroom.load_class(tmp_path)).set_index("file")
    assert table.loc["ana/00_start_here.json", "counted"] == 1
    assert table.loc["ana/01_context.json", "counted"] == 0
    assert table.loc["ana/01_context.json", "left out: differs in another file"] == 1
    assert table.loc["ana/04_escalation.json", "left out: not asked"] == 1
    assert table.loc["ana/04_escalation.json", "counted"] == 0
    assert table.loc["ana_again/01_context.json", "left out: differs in another file"] == 1
    assert set(table["student"]) == {"Ana"}


def test_the_same_answer_in_two_files_counts_from_one(tmp_path):
    write(tmp_path / "a" / "00_start_here.json", "Ben", "00_start_here", {"first_quote": "¶4.1"})
    write(tmp_path / "b" / "00_start_here.json", "Ben", "00_start_here", {"first_quote": "¶4.1"})
    table = classroom.answers_by_file(classroom.load_class(tmp_path))
    assert table["counted"].sum() == 1
