"""Tests for helpers.notebook.scoring: hand-computed values, clear errors, properties."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.notebook.scoring import (
    agreement_table,
    brier_baseline,
    brier_score,
    brier_table,
    cohen_kappa,
    percent_agreement,
)

# -- Brier score ------------------------------------------------------------------


def test_brier_hand_computed():
    # (0.9 - 1)^2 = 0.01, (0.2 - 0)^2 = 0.04 -> mean 0.025
    assert brier_score([0.9, 0.2], [1, 0]) == pytest.approx(0.025)


def test_brier_accepts_bools_and_extremes():
    assert brier_score([1.0, 0.0], [True, False]) == 0.0
    assert brier_score([0.0, 1.0], [1, 0]) == 1.0


def test_brier_baseline_is_quarter():
    # (0.5 - 1)^2 = (0.5 - 0)^2 = 0.25 for every question
    assert brier_baseline([1, 0, 0, 1, 1]) == 0.25
    assert brier_baseline([True]) == 0.25


@pytest.mark.parametrize(
    ("forecasts", "outcomes", "message"),
    [
        ([0.5], [1, 0], "same length"),
        ([], [], "must not be empty"),
        ([1.5], [1], "between 0 and 1"),
        ([70], [1], "did you mean 0.7"),
        ([-0.1], [0], "between 0 and 1"),
        ([float("nan")], [0], "between 0 and 1"),
        (["0.5"], [1], "must be a number"),
        ([0.5], [2], "0 or 1"),
        ([0.5], ["yes"], "0 or 1"),
        ("0.5", [1], "not a single piece of text"),
        ({"q1": 0.5}, [1], "brier_table"),
    ],
)
def test_brier_invalid_inputs(forecasts, outcomes, message):
    with pytest.raises(ValueError, match=message):
        brier_score(forecasts, outcomes)


def test_brier_error_names_position():
    with pytest.raises(ValueError, match=r"forecast #2 is 1\.2"):
        brier_score([0.3, 1.2], [0, 1])


def test_brier_baseline_rejects_empty():
    with pytest.raises(ValueError, match="must not be empty"):
        brier_baseline([])


def test_brier_table_rows_and_values():
    table = brier_table({"q2": 0.2, "q1": 0.9, "only_forecast": 0.5}, {"q1": True, "q2": 0, "only_outcome": 1})
    assert list(table.columns) == [
        "question_id",
        "forecast",
        "outcome",
        "squared_error",
        "baseline_squared_error",
    ]
    assert table["question_id"].tolist() == ["q1", "q2"]
    assert table["forecast"].tolist() == [0.9, 0.2]
    assert table["outcome"].tolist() == [1, 0]
    assert table["squared_error"].tolist() == pytest.approx([0.01, 0.04])
    assert table["baseline_squared_error"].tolist() == [0.25, 0.25]
    assert table["squared_error"].mean() == pytest.approx(brier_score([0.9, 0.2], [1, 0]))


def test_brier_table_empty_when_no_common_ids():
    table = brier_table({"a": 0.5}, {"b": 1})
    assert table.empty
    assert list(table.columns)[0] == "question_id"


def test_brier_table_invalid_value_names_question():
    with pytest.raises(ValueError, match="'q1'"):
        brier_table({"q1": 2.0}, {"q1": 1})
    with pytest.raises(ValueError, match="dicts"):
        brier_table([0.5], [1])


# -- agreement ------------------------------------------------------------------


def test_percent_agreement_hand_computed():
    # 3 of 4 items match
    assert percent_agreement(["y", "y", "n", "n"], ["y", "n", "n", "n"]) == 75.0
    assert percent_agreement(["a"], ["b"]) == 0.0


def test_kappa_small_worked_example():
    # a = y y n n, b = y n n n
    # p_o = 3/4 = 0.75
    # a: y 2/4, n 2/4; b: y 1/4, n 3/4
    # p_e = 0.5*0.25 + 0.5*0.75 = 0.5
    # kappa = (0.75 - 0.5) / (1 - 0.5) = 0.5
    assert cohen_kappa(["y", "y", "n", "n"], ["y", "n", "n", "n"]) == pytest.approx(0.5)


def test_kappa_textbook_example():
    # Classic example (e.g. Wikipedia, "Cohen's kappa"): 50 items,
    # both yes 20, a yes / b no 5, a no / b yes 10, both no 15.
    # p_o = (20 + 15) / 50 = 0.7
    # a yes 25/50 = 0.5, b yes 30/50 = 0.6
    # p_e = 0.5*0.6 + 0.5*0.4 = 0.5 -> kappa = (0.7 - 0.5) / 0.5 = 0.4
    a = ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert percent_agreement(a, b) == pytest.approx(70.0)


def test_kappa_perfect_and_chance_and_worse():
    assert cohen_kappa(["a", "b", "c"], ["a", "b", "c"]) == 1.0
    # a = y n, b = n y: p_o = 0, p_e = 0.5 -> kappa = -1
    assert cohen_kappa(["y", "n"], ["n", "y"]) == -1.0


def test_kappa_degenerate_single_category():
    # p_e == 1: both raters used one identical category throughout -> 1.0 by convention
    assert cohen_kappa(["y", "y", "y"], ["y", "y", "y"]) == 1.0
    # Different single categories: p_e = 0, p_o = 0 -> ordinary formula gives 0.0
    assert cohen_kappa(["y", "y"], ["n", "n"]) == 0.0


@pytest.mark.parametrize("func", [percent_agreement, cohen_kappa, agreement_table])
def test_agreement_invalid_inputs(func):
    with pytest.raises(ValueError, match="same length"):
        func(["a", "b"], ["a"])
    with pytest.raises(ValueError, match="must not be empty"):
        func([], [])
    with pytest.raises(ValueError, match="rating #2 from rater b is missing"):
        func(["a", "b"], ["a", None])


def test_agreement_table_counts():
    table = agreement_table(["y", "y", "n", "n"], ["y", "n", "n", "n"])
    expected = pd.DataFrame(
        [[2, 0], [1, 1]],
        index=pd.Index(["n", "y"], name="rater_a"),
        columns=pd.Index(["n", "y"], name="rater_b"),
    )
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)
    assert table.to_numpy().sum() == 4


def test_agreement_table_with_labels_order_and_unused():
    table = agreement_table(["y", "n"], ["y", "y"], labels=["y", "n", "maybe"])
    assert table.index.tolist() == ["y", "n", "maybe"]
    assert table.columns.tolist() == ["y", "n", "maybe"]
    assert table.loc["y", "y"] == 1
    assert table.loc["n", "y"] == 1
    assert table.loc["maybe"].sum() == 0


def test_agreement_table_labels_missing_category():
    with pytest.raises(ValueError, match="missing categories.*'maybe'"):
        agreement_table(["y", "maybe"], ["y", "y"], labels=["y", "n"])


# -- properties -------------------------------------------------------------------

probabilities = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
categories = st.sampled_from(["yes", "no", "maybe"])


@st.composite
def forecast_pairs(draw):
    n = draw(st.integers(min_value=1, max_value=30))
    forecasts = draw(st.lists(probabilities, min_size=n, max_size=n))
    outcomes = draw(st.lists(st.sampled_from([0, 1, True, False]), min_size=n, max_size=n))
    return forecasts, outcomes


@st.composite
def rating_pairs(draw):
    n = draw(st.integers(min_value=1, max_value=30))
    a = draw(st.lists(categories, min_size=n, max_size=n))
    b = draw(st.lists(categories, min_size=n, max_size=n))
    return a, b


@given(forecast_pairs())
def test_brier_between_zero_and_one(pair):
    assert 0.0 <= brier_score(*pair) <= 1.0


@given(rating_pairs())
def test_kappa_at_most_one(pair):
    assert cohen_kappa(*pair) <= 1.0


@given(rating_pairs())
def test_kappa_symmetric(pair):
    a, b = pair
    assert cohen_kappa(a, b) == cohen_kappa(b, a)


@given(st.lists(categories, min_size=1, max_size=30))
def test_agreement_with_itself(ratings):
    assert percent_agreement(ratings, ratings) == 100.0
    assert cohen_kappa(ratings, ratings) == 1.0


@given(rating_pairs())
def test_agreement_table_diagonal_matches_percent(pair):
    a, b = pair
    table = agreement_table(a, b)
    diagonal = sum(table.loc[label, label] for label in table.index)
    assert table.to_numpy().sum() == len(a)
    assert 100.0 * diagonal / len(a) == pytest.approx(percent_agreement(a, b))
