"""docs/answer_key.md has an entry for every exercise and questionnaire item of notebooks 00-05.

The items are counted from the notebooks themselves, so adding or rewording a question without its key fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from helpers.paths import COURSE_NOTEBOOKS

from ..conftest import ROOT

KEY = ROOT / "docs" / "answer_key.md"
RUBRIC = ROOT / "docs" / "rubric.md"
NOTEBOOKS = [ROOT / "notebooks" / f"{stem}.ipynb" for stem in COURSE_NOTEBOOKS]  # every notebook id the course knows
EXERCISE = re.compile(r"^#{2,4} (?:\d+\. )?Exercise (\d+)\s*[:.]\s*(.*?)\s*$", re.M)
ITEM = re.compile(r"^(\d+)\. (.+(?:\n(?!\d+\. ).+)*)", re.M)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _title(text: str) -> str:
    """An exercise title without a trailing "(6 min)" or "(optional)"."""
    return re.sub(r"(\s*\([^()]*\))+$", "", _flat(text))


def exercises(nb) -> dict[int, str]:
    """Exercise number → title, from the markdown headings ("### Exercise 2: count the days")."""
    found: dict[int, str] = {}
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for number, title in EXERCISE.findall(cell.source):
                found[int(number)] = _title(title)
    return found


def questionnaire(nb) -> dict[int, str]:
    """Item number → question, from the markdown cell that starts with "## Questionnaire"."""
    cells = [c for c in nb.cells if c.cell_type == "markdown" and c.source.lstrip().startswith("## Questionnaire")]
    assert len(cells) == 1, "one questionnaire cell expected"
    return {int(n): _flat(text) for n, text in ITEM.findall(cells[0].source)}


def key_section(stem: str, key: str | None = None) -> str:
    key = KEY.read_text(encoding="utf-8") if key is None else key
    match = re.search(rf"^## {re.escape(stem)}\s*$(.*?)(?=^## |\Z)", key, re.M | re.S)
    return match.group(1) if match else ""


def missing_entries(nb, section: str) -> list[str]:
    """The exercises and questionnaire items of ``nb`` that ``section`` lacks or words differently."""
    missing = []
    headings = {int(n): _title(t) for n, t in re.findall(r"^### Exercise (\d+): (.*)$", section, re.M)}
    for number, title in exercises(nb).items():
        if headings.get(number, "").lower() != title.lower():
            missing.append(f"Exercise {number}: {title}")
    entries = {int(n): _flat(t) for n, t in re.findall(r"^\*\*Q(\d+)\. (.+?)\*\*\s*$", section, re.M)}
    for number, question in questionnaire(nb).items():
        if entries.get(number) != question:
            missing.append(f"Q{number}. {question}")
    return missing


def test_the_parsers_count_a_small_notebook():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("### Exercise 1: one\n\ntext"),
        nbformat.v4.new_markdown_cell("## 6. Exercise 2: two by hand (optional) (5 min)"),
        nbformat.v4.new_markdown_cell("## Questionnaire\n\n1. First?\n2. Second, long\n   and wrapped?\n3. Third?"),
    ]
    assert exercises(nb) == {1: "one", 2: "two by hand"}
    assert questionnaire(nb) == {1: "First?", 2: "Second, long and wrapped?", 3: "Third?"}
    section = key_section("00_x", "## 00_x\n\n### Exercise 1: one\n\n**Q1. First?**\nA.\n\n**Q3. Third?**\n\n## 01\n")
    assert missing_entries(nb, section) == ["Exercise 2: two by hand", "Q2. Second, long and wrapped?"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_item_has_a_key(path: Path):
    nb = nbformat.read(path, as_version=4)
    assert exercises(nb), f"{path.name}: no exercise heading found"
    assert len(questionnaire(nb)) >= 8, f"{path.name}: questionnaire not found"
    section = key_section(path.stem)
    assert section, f"docs/answer_key.md has no section '## {path.stem}'"
    assert missing_entries(nb, section) == [], "add or update these entries in docs/answer_key.md"


def test_every_key_entry_has_an_answer():
    key = KEY.read_text(encoding="utf-8")
    entries = re.split(r"^(?=\*\*Q\d+\.|### |## )", key, flags=re.M)[1:]
    entries = [entry for entry in entries if entry.startswith(("**Q", "### Exercise"))]
    assert len(entries) >= 58 + 20
    short = [entry.splitlines()[0] for entry in entries if len(entry.split()) < len(entry.splitlines()[0].split()) + 5]
    assert short == [], "these entries have no answer"


def test_the_rubric_has_three_levels():
    rubric = RUBRIC.read_text(encoding="utf-8")
    header = next(line for line in rubric.splitlines() if line.startswith("| Criterion"))
    assert [cell.strip() for cell in header.strip("|").split("|")][1:] == ["1. Beginning", "2. Developing", "3. Secure"]
    rows = [line for line in rubric.splitlines() if line.startswith("| **")]
    assert len(rows) >= 4 and all(line.count("|") == 5 for line in rows)
