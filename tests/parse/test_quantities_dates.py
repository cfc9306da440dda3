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


def numbers(text: str) -> list[tuple[str, float]]:
    table = helpers.parse_text(text).quantities
    return list(zip(table["text"], table["value"]))


def test_number_words_at_sentence_start_and_teens():
    assert ("Fifteen members", 15.0) in numbers("Fifteen members voted. Seventeen abstained.")
    assert any(value == 17.0 for _, value in numbers("Fifteen members voted. Seventeen abstained."))


def test_bare_number_words_count():
    values = [v for _, v in numbers("The blast injured four and killed 20.")]
    assert values == [4.0, 20.0]


def test_hyphenated_number_words_count():
    assert [v for _, v in numbers("A ten-storey block and a 12-roll pack.")] == [10.0, 12.0]


def test_ordinals_after_a_determiner_count_but_adverbs_do_not():
    assert [v for _, v in numbers("It was our eleventh drawdown and the 32nd package.")] == [11.0, 32.0]
    assert numbers("They might first use the money.") == []


def test_vague_amounts():
    found = [t for t, _ in numbers("Dozens were hurt, hundreds of homes burned and tens of thousands fled.")]
    assert any(t.startswith("Dozens") for t in found) and any("hundreds of" in t for t in found)
    assert any("tens of thousands" in t for t in found)
