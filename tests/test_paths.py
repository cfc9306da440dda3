"""One place finds the course folder; without the curated data the parser fails clearly, never silently."""

from __future__ import annotations

import pytest

import helpers
from helpers.errors import CourseDataMissingError
from helpers.parse.lexicon import default_lexicon
from helpers.paths import course_root, curated_file

from .conftest import ROOT, SEED


def test_the_course_folder_is_the_one_that_holds_the_package(monkeypatch):
    monkeypatch.delenv("COURSE_ROOT", raising=False)
    assert course_root() == ROOT


def test_course_root_can_be_set_for_an_installed_package(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_ROOT", str(tmp_path))
    assert course_root() == tmp_path.resolve()


def test_missing_curated_data_is_a_clear_error_not_a_different_result(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_ROOT", str(tmp_path))
    default_lexicon.cache_clear()
    try:
        with pytest.raises(CourseDataMissingError, match="COURSE_ROOT") as raised:
            helpers.parse_text(SEED.read_text(encoding="utf-8"))
        assert "actors.csv" in str(raised.value) or "anchors.csv" in str(raised.value)
        with pytest.raises(CourseDataMissingError, match="anchors.csv"):
            curated_file("anchors.csv")
    finally:
        default_lexicon.cache_clear()
