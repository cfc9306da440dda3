"""No outcome before notebook 4: notebooks 00-03, as students get them, show nothing dated after the article.

Notebook 4 asks students to forecast what happened after the article, then reveals it. If an earlier
notebook shows a fact of the fact sheet's "what happened next" section (ids C1, C2, …) or any date
after the article's day (``REFERENCE_DATE``, 18 Nov 2024), the forecast is spoiled.

The slow test runs the student copy of each notebook (no ``solution`` cells) and scans every output
(text/plain, text/html), the saved widget state (descriptions, options, values) and the markdown cells.
Dates that the article itself looks ahead to are allowed: they were in the text a reader had.
"""

from __future__ import annotations

import json
import re
from datetime import date

import nbformat
import pandas as pd
import pytest

from helpers.curated import REFERENCE_DATE, is_outcome_fact, load_table
from helpers.lessons.context import war_day_to_date
from helpers.parse.article import load_article

from ..conftest import ROOT
from .common import read, run_notebook, student_copy

EARLY = [path for path in sorted((ROOT / "notebooks").glob("0[0-3]_*.ipynb"))]
SEED = ROOT / "seeds" / "000_0c51e7aa6578d068.txt"

MONTHS = {
    m.lower(): i
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
MONTHS |= {name[:3]: number for name, number in list(MONTHS.items())} | {"sept": 9}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
ISO = re.compile(r"(?<!\d)(?P<year>20\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)")
DAY_MONTH_YEAR = re.compile(r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>20\d\d)\b", re.I)
MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>20\d\d)\b", re.I)
#: A fact id C1 … C99, not part of a longer word, a hex colour (#C0C0C0) or a number (C1.5).
FACT_ID = re.compile(r"(?<![\w#&/-])C(?P<n>\d{1,2})(?![\w.]\d|\w)")
#: Inline SVG (path data such as "C12 4") and base64 images are not text a reader sees.
NOT_TEXT = re.compile(r"<svg\b.*?</svg>|data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+", re.S | re.I)


def outcome_ids() -> set[str]:
    """The fact ids of section C in ``seeds/curated/facts.csv``."""
    return {fid for fid in load_table("facts")["fact_id"].str.strip() if is_outcome_fact(fid)}


def allowed_dates() -> set[date]:
    """Dates after the article's day that a reader of the article could know on that day.

    - every date the article's own time expressions point to ("its 1,000th day", "January 20th",
      "in two months", …), as the parser resolves them;
    - day 1,000 counted both ways (notebook 1, section 5 teaches both): 19 and 20 Nov 2024;
    - the inauguration, fixed in advance for 20 Jan 2025 (fact A16).
    """
    times = load_article(SEED).time_expressions
    found = {pd.Timestamp(d).date() for d in pd.concat([times["start_date"], times["end_date"]]).dropna()}
    return found | {war_day_to_date(1000), war_day_to_date(1000, inclusive=False), date(2025, 1, 20)}


def _dates(text: str) -> list[tuple[date, str]]:
    found = []
    for pattern in (ISO, DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            month = match["month"]
            number = int(month) if month.isdigit() else MONTHS[month.lower()]
            try:
                found.append((date(int(match["year"]), number, int(match["day"])), match.group()))
            except ValueError:
                continue
    return found


def find_outcomes(text: str, reference: date, allowed: set[date], ids: set[str]) -> list[str]:
    """Every outcome fact id (one of ``ids``) and every date after ``reference`` not in ``allowed``,
    each with a little context so a failure says where to look."""
    text = NOT_TEXT.sub(" ", text)
    hits = []
    for match in FACT_ID.finditer(text):
        if match.group() in ids:
            hits.append(f"fact {match.group()}: …{text[max(0, match.start() - 60) : match.end() + 20]}…")
    for day, words in _dates(text):
        if day > reference and day not in allowed:
            hits.append(f"date {words!r} after {reference}")
    return hits


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """What a student sees: markdown cells, text and HTML outputs, and the strings of the widget state."""
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            parts += [str(data.get("text/plain", "")), str(data.get("text/html", "")), str(output.get("text", ""))]
    parts.append(json.dumps(nb.metadata.get("widgets", {}), ensure_ascii=False))
    return "\n".join(parts)


@pytest.mark.slow
@pytest.mark.parametrize("path", EARLY, ids=lambda p: p.stem)
def test_no_outcome_before_notebook_4(path, tmp_path, monkeypatch):
    nb, _ = run_notebook(student_copy(read(path)), tmp_path, monkeypatch)
    hits = find_outcomes(notebook_text(nb), REFERENCE_DATE, allowed_dates(), outcome_ids())
    assert hits == [], f"{path.name} shows what happened after the article:\n" + "\n".join(hits)


# -- the scan itself can fail -------------------------------------------------------------------------

IDS = {"C1", "C2", "C6"}
REF = date(2024, 11, 18)


def test_a_planted_glossary_row_is_caught():
    glossary = pd.DataFrame(
        [
            {"term": "ATACMS", "definition": "A US ballistic missile.", "fact_ids": "B1"},
            {
                "term": "Oreshnik",
                "definition": "A Russian missile first used on 21 Nov 2024 against Dnipro.",
                "fact_ids": "C6;X4",
            },
        ]
    )
    hits = find_outcomes(glossary.to_html(), REF, set(), IDS)
    assert any(hit.startswith("fact C6") for hit in hits)
    assert any("21 Nov 2024" in hit for hit in hits)
    assert find_outcomes(glossary.iloc[:1].to_html(), REF, set(), IDS) == []


@pytest.mark.parametrize(
    "text",
    [
        "2025-04-26",
        "26 Apr 2025",
        "Saturday 26 April 2025",
        "April 26, 2025",
        "on 19 November 2024",
        "2024-11-19 00:00:00",
        "21st Nov 2024",
    ],
)
def test_dates_after_the_article_are_caught(text):
    assert find_outcomes(text, REF, set(), IDS) != []


@pytest.mark.parametrize(
    "text", ["18 Nov 2024", "2024-11-18", "6 Aug 2024", "November 4, 2024", "20 Jan 2025", "2024-02-30"]
)
def test_dates_known_on_the_day_pass(text):
    assert find_outcomes(text, REF, {date(2025, 1, 20)}, IDS) == []


@pytest.mark.parametrize("text", ["facts C1, C2", "(C2)", "fact_ids: C6;X4", "<td>C1</td>", '"C2"'])
def test_outcome_ids_are_caught(text):
    assert find_outcomes(text, REF, set(), IDS) != []


@pytest.mark.parametrize(
    "text",
    [
        "color:#C0C1C2",
        "C12 is not a fact here",
        "C-SPAN",
        "Section C",
        "C1.5 ratio",
        "ABC1",
        "&#C1;",
        '<svg><path d="M0 0 C1 2 3 4"/></svg>',
    ],
)
def test_look_alikes_are_not_ids(text):
    assert find_outcomes(text, REF, set(), IDS) == []


def test_the_article_and_the_calendar_give_the_allowed_dates():
    allowed = allowed_dates()
    assert date(2024, 11, 19) in allowed and date(2024, 11, 20) in allowed  # day 1,000, both counts
    assert date(2024, 11, 21) not in allowed  # Oreshnik (C6): not in the article


def test_the_real_glossary_with_its_outcome_rows_would_be_caught():
    """The shipped glossary still holds the Oreshnik row for notebook 4: shown in full, the scan fails."""
    from helpers.lessons.context import glossary_table

    ids, allowed = outcome_ids(), allowed_dates()
    assert find_outcomes(glossary_table(include_outcomes=True).to_html(), REFERENCE_DATE, allowed, ids)
    assert find_outcomes(glossary_table().to_html(), REFERENCE_DATE, allowed, ids) == []
