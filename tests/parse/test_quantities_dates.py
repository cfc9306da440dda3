"""Planted-bug classes: year of a day-month date near New Year, and units that must not cross sentences."""

from __future__ import annotations

from datetime import date

import pandas as pd

import helpers


def test_december_date_read_in_january_is_last_year():
    article = helpers.parse_text("Talks began on December 30. They ended.", reference_date=date(2025, 1, 5))
    row = article.time_expressions.loc[article.time_expressions["text"].str.contains("December 30")].iloc[0]
    assert row["start_date"] == pd.Timestamp("2024-12-30")


def test_unit_is_not_carried_into_the_next_sentence():
    article = helpers.parse_text("The strike killed 10 people. The count rose to 12.")
    units = dict(zip(article.quantities["value"], article.quantities["unit"]))
    assert units[10.0] == "people" and units[12.0] == ""


def test_unit_is_carried_within_its_sentence():
    article = helpers.parse_text("The strike killed 10 people and injured 12.")
    assert article.quantities["unit"].tolist() == ["people", "people"]
