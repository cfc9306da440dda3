"""The class summary's free-text view: every student's written answers, per question, side by side, escaped."""

from __future__ import annotations

import re

import nbformat
import pytest

from helpers import classroom
from helpers.notebook.answers import AnswerStore

from ..conftest import ROOT

HOSTILE = "<img src=x onerror=alert(1)> $5 and $10"


@pytest.fixture
def answers(tmp_path):
    """Two students' answers folders: written answers, a reason, a choice and a forecast."""
    for student, words in (("Ana", "They count different things."), ("Ben", HOSTILE)):
        context = AnswerStore("01_context", tmp_path / student, student=student)
        context.describe("why_disagree", "Why do the sources give different numbers?")
        context.set("why_disagree", words)
        context.set("troop_highest", "South Korea's NIS: 100,000")  # a choice: not free text
        escalation = AnswerStore("04_escalation", tmp_path / student, student=student)
        escalation.set("q1", 0.7)
        escalation.set("q1.reason", f"{student}: the decision was reported on 17 Nov (A3).")
        escalation.lock("q1.reason")
        escalation.set("look_back", "")  # an empty answer is left out
    return classroom.load_class(tmp_path)


def test_which_answers_are_free_text():
    assert classroom.is_free_text("04_escalation", "q1.reason")
    assert classroom.is_free_text("04_escalation", "ladder.us_decision.reason")
    assert classroom.is_free_text("02_timeline", "reflection")
    assert classroom.is_free_text("03_actor_positions", "translation.which_is_the_quote.other_article")
    assert not classroom.is_free_text("04_escalation", "q1")
    assert not classroom.is_free_text("01_context", "troop_highest")
    assert not classroom.is_free_text("02_timeline", "reflections")
    assert classroom.is_free_text("01_context", "troop_highest", extra=["troop_highest"])


def test_free_text_answers_side_by_side(answers):
    table = classroom.free_text_answers(answers)
    assert list(zip(table["notebook"], table["question_id"], table["student"])) == [
        ("01_context", "why_disagree", "Ana"),
        ("01_context", "why_disagree", "Ben"),
        ("04_escalation", "q1.reason", "Ana"),
        ("04_escalation", "q1.reason", "Ben"),
    ]
    assert table.loc[0, "question"] == "Why do the sources give different numbers?"
    assert table.loc[1, "answer"] == HOSTILE
    assert table["locked"].tolist() == [False, False, True, True]


def test_free_text_view_escapes_everything(answers):
    page = classroom.free_text_view(answers)
    assert "<img src" not in page and "&lt;img src=x" in page
    assert "tex2jax_ignore" in page  # $5 and $10 are not read as maths
    assert page.count("<h4>") == 2 and "2 answer(s)" in page and "locked" in page
    assert "100,000" not in page  # choices stay out
    empty = classroom.free_text_view(answers.iloc[0:0])
    assert "No written answers yet" in empty


def test_every_written_exercise_of_the_course_is_listed():
    """A TextQuestion added to a lesson without its id in FREE_TEXT_QUESTIONS would vanish from the view."""
    listed = {base for bases in classroom.FREE_TEXT_QUESTIONS.values() for base in bases}
    found = set()
    for path in (ROOT / "helpers" / "lessons").rglob("*.py"):
        for call in re.findall(r"TextQuestion\(\s*[^,]+,\s*([^,]+),", path.read_text(encoding="utf-8")):
            literal = re.search(r'"([\w.]+)"', call)
            if literal:
                found.add(literal.group(1))
    assert found and found <= listed, f"add {sorted(found - listed)} to FREE_TEXT_QUESTIONS"


def test_the_instructor_notebook_shows_the_free_text_view():
    nb = nbformat.read(ROOT / "notebooks" / "instructor" / "class_summary.ipynb", as_version=4)
    assert any("classroom.free_text_view(answers)" in cell.source for cell in nb.cells)
