"""Shared fixtures: the repository root, the course seed and the test articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0c51e7aa6578d068.txt"
TEST_ARTICLES = ROOT / "tests" / "articles"


@pytest.fixture(scope="session")
def seed_article():
    import helpers

    return helpers.load_article(SEED)
