"""Visible damage: every notebook's first call tells the student when its answers file was set aside."""

from __future__ import annotations

import pytest

import helpers
from helpers.notebook import answering
from helpers.notebook.session import NOTEBOOKS


@pytest.mark.parametrize("notebook", list(NOTEBOOKS))
def test_a_damaged_answers_file_is_reported_by_start(notebook, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path))
    monkeypatch.setattr(answering, "_STORES", {})
    (tmp_path / f"{notebook}.json").write_text("{not json", encoding="utf-8")
    helpers.start(notebook=notebook)
    shown = capsys.readouterr().out
    assert "[warning]" in shown and "moved to" in shown and "nothing is lost" in shown, shown
    assert list(tmp_path.glob(f"{notebook}.corrupt-*.json")), "the damaged file was not kept"


def test_no_warning_when_the_file_is_fine(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path))
    monkeypatch.setattr(answering, "_STORES", {})
    helpers.start(notebook="01_context")
    assert "[warning]" not in capsys.readouterr().out
