"""The article's date from its date line (helpers/parse/datelines.py), on invented articles."""

from __future__ import annotations

from datetime import date

import pytest

import helpers
from helpers.parse.datelines import find_dateline


@pytest.mark.parametrize(
    "text, expected",
    [
        ("MARCH 12, 2022\nThe harbour reopened today.", date(2022, 3, 12)),
        ("Harbour reopens\nFriday, January 4, 2019\n\nThe harbour reopened.", date(2019, 1, 4)),
        ("Nov. 18, 2024 | By Ann Lee\nThe harbour reopened.", date(2024, 11, 18)),
        ("OSLO, April 6, 2023 /PRNewswire/ -- The firm said it grew.", date(2023, 4, 6)),
        ("Updated: 5 January 2025 10:15 GMT\nThe harbour reopened.", date(2025, 1, 5)),
        ("Harbour news\nBy Ann Lee\nPublished 12 March 2022\nThe harbour reopened.", date(2022, 3, 12)),
        ("2021-07-09\nThe harbour reopened.", date(2021, 7, 9)),
    ],
)
def test_date_lines(text, expected):
    found = find_dateline(text)
    assert found is not None and found[0] == expected
    assert "date line" in found[1]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor signed the law on March 3, 2022.\nIt took effect.",  # a date inside a sentence
        "Harbour news\nThe ferry sank.",
        "February 30, 2021\nNo such day.",
    ],
)
def test_no_date_line(text):
    assert find_dateline(text) is None


def test_a_date_line_sets_the_reference_date_and_its_basis():
    article = helpers.parse_text("Harbour reopens\nFriday, January 4, 2019\n\nThe ferry left yesterday.")
    assert article.reference_date == date(2019, 1, 4)
    assert "line 2" in article.reference_basis
    row = article.time_expressions.set_index("text").loc["yesterday"]
    assert row["start_date"].date() == date(2019, 1, 3)


def test_only_the_first_lines_are_read():
    text = "Title\n" + "A line.\n" * 10 + "MARCH 12, 2022\nMore."
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Updated 10:15 AM EST, Tue March 5, 2024\nThe harbour reopened.", date(2024, 3, 5)),
        ("2021-03-03T10:00:00Z\nThe harbour reopened.", date(2021, 3, 3)),
    ],
)
def test_date_lines_with_clock_times(text, expected):
    assert find_dateline(text)[0] == expected
