"""Number rules of helpers/parse/quantities.py not covered in test_quantities_dates.py; invented sentences."""

from __future__ import annotations

from datetime import date

import helpers

from .linear import assert_linear


def quantities(text: str) -> list[tuple[str, float, str, str]]:
    table = helpers.parse_text(text, reference_date=date(2023, 6, 16)).quantities
    return list(zip(table["text"], table["value"], table["unit"], table["qualifier"]))


def test_a_range_is_one_number():
    assert quantities("Rescuers found between 36 and 40 people.") == [
        ("between 36 and 40 people", 36.0, "people", "between")
    ]


def test_a_money_range_keeps_its_currency():
    assert quantities("The bridge costs between $5 million and $7 million.") == [
        ("between $5 million and $7 million", 5e6, "US dollars", "between")
    ]


def test_years_and_clock_times_are_not_numbers():
    assert quantities("The 1987 storm hit at 4:30 a.m. and again at 0100 UTC.") == []


def test_approximate_percent_in_words():
    assert quantities("Prices fell around five percent.") == [("around five percent", 5.0, "percent", "around")]


def test_ordinals_are_linear_when_numbers_are_many():
    assert_linear(lambda n: "The first 5 boats came. " * (n // 24), helpers.parse_text, 24_000)


def test_a_preposition_is_not_a_unit():
    assert quantities("It was the fourth since March.")[0][2] == ""


def test_compound_number_words_and_bare_vague_amounts():
    found = quantities("Forty-two were hurt. Hundreds fled.")
    assert [(t.split()[0], v) for t, v, _, _ in found] == [("Forty-two", 42.0), ("Hundreds", 200.0)]


def test_unit_abbreviations_on_the_digits():
    found = quantities("The lava ran 10km and cost $2m.")
    assert [(t, v, u) for t, v, u, _ in found] == [("10km", 10.0, "km"), ("$2m", 2e6, "US dollars")]


def test_codes_are_not_numbers():
    assert quantities("COVID-19 and K2-18b spread in the 1990s.") == []


def test_one_in_five():
    assert quantities("One in five homes flooded.")[0][:2] == ("One", 1.0)
