"""Shared fixtures: the repository root, the course seed and the test articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0c51e7aa6578d068.txt"
TEST_ARTICLES = ROOT / "tests" / "articles"


@pytest.fixture
def answers_dir(monkeypatch, tmp_path):
    """Each test saves answers in its own empty folder (never the real answers/), with no cached stores."""
    from helpers.notebook import answering

    folder = tmp_path / "answers"
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(folder))
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    answering._STORES.clear()
    yield folder
    answering._STORES.clear()


@pytest.fixture(scope="session")
def seed_article():
    import helpers

    return helpers.load_article(SEED)
