"""The real texts shipped in seeds/ are the published bytes, and seeds/README.md gives their provenance."""

from __future__ import annotations

import hashlib
import re

import pytest

import helpers
from helpers.cli import offset_problems

from ..conftest import ROOT

SEEDS = ROOT / "seeds"
README = SEEDS / "README.md"
SHIPPED = sorted(path for path in SEEDS.glob("*.txt") if not path.name.startswith("000_"))


def listed_checksums() -> dict[str, str]:
    """file name -> SHA-256 from the README's checksum table."""
    return dict(re.findall(r"^\| `([^`]+\.txt)` \| `([0-9a-f]{64})` \|$", README.read_text(encoding="utf-8"), re.M))


def test_every_shipped_text_has_a_listed_checksum() -> None:
    assert SHIPPED, "seeds/ should ship real texts besides the course article"
    assert sorted(listed_checksums()) == [path.name for path in SHIPPED]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_the_checksum_holds(path) -> None:
    assert hashlib.sha256(path.read_bytes()).hexdigest() == listed_checksums()[path.name]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_the_readme_gives_publisher_url_and_licence(path) -> None:
    row = next(
        line
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith(f"| `{path.name}` | ") and "http" in line
    )
    cells = [cell.strip() for cell in row.strip("|").split(" | ")]
    assert len(cells) == 6 and all(cells)
    assert re.search(r"https://\S+", cells[4])
    assert re.search(r"public domain|CC BY", cells[5])


def test_the_transcript_is_the_primary_source_byte_for_byte() -> None:
    primary = SEEDS / "sources" / "2024-11-18_finer_press_gaggle_rio.md"
    copy = next(path for path in SHIPPED if "finer" in path.name)
    assert copy.read_bytes() == primary.read_bytes()
    assert "sources/README.md" in README.read_text(encoding="utf-8")


def test_wikinews_texts_carry_the_cc_by_attribution() -> None:
    text = README.read_text(encoding="utf-8")
    for path in SHIPPED:
        if "wikinews" in path.name:
            assert "Wikinews contributors" in text and "CC BY 2.5" in text


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_each_shipped_text_parses_with_statements(path) -> None:
    article = helpers.load_article(path)
    assert len(article.sentences) > 5 and len(article.statements) > 0
    assert offset_problems(article) == []
