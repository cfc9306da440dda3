"""Scores for forecasts (Brier) and for agreement between two raters (kappa).

Pure functions: plain sequences or mappings in, numbers or DataFrames out.
Invalid input raises ``ValueError`` with a message saying what to fix.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence

import pandas as pd

BRIER_TABLE_COLUMNS = ["question_id", "forecast", "outcome", "squared_error", "baseline_squared_error"]


# -- validation ---------------------------------------------------------------


def _as_list(values: Sequence, name: str) -> list:
    """Return ``values`` as a list; refuse text and mappings, which are easy mistakes."""
    if isinstance(values, (str, bytes)):
        raise ValueError(f"{name} must be a list of values, not a single piece of text ({values!r}).")
    if isinstance(values, Mapping):
        raise ValueError(f"{name} must be a list, not a dict; use brier_table() for dicts keyed by question.")
    try:
        return list(values)
    except TypeError:
        raise ValueError(f"{name} must be a list of values, got {type(values).__name__}.") from None


def _check_lengths(first: list, second: list, first_name: str, second_name: str) -> None:
    """Raise ValueError unless both lists are non-empty and equally long."""
    if not first or not second:
        raise ValueError(f"{first_name} and {second_name} must not be empty.")
    if len(first) != len(second):
        raise ValueError(
            f"{first_name} and {second_name} must have the same length "
            f"(got {len(first)} {first_name} and {len(second)} {second_name})."
        )


def _probability(value: object, label: str) -> float:
    """Return ``value`` as a float in [0, 1] or raise ValueError naming ``label``."""
    if isinstance(value, (bool, str, bytes)) or not hasattr(value, "__float__"):
        raise ValueError(f"{label} is {value!r}; a forecast must be a number between 0 and 1.")
    number = float(value)
    if math.isnan(number) or not 0.0 <= number <= 1.0:
        hint = f" (did you mean {number / 100:g}?)" if 1 < number <= 100 else ""
        raise ValueError(f"{label} is {value!r}; probabilities must be between 0 and 1, e.g. 0.7 for 70%{hint}.")
    return number


def _outcome(value: object, label: str) -> int:
    """Return ``value`` as 0 or 1 (bools allowed) or raise ValueError naming ``label``."""
    if isinstance(value, (str, bytes)) or value not in (0, 1):
        raise ValueError(f"{label} is {value!r}; outcomes must be 0 or 1 (or False/True).")
    return int(value)


def _rating(value: object, label: str) -> Hashable:
    """Return ``value`` if it is a usable category, else raise ValueError naming ``label``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise ValueError(f"{label} is missing; every item needs a category from both raters.")
    if not isinstance(value, Hashable):
        raise ValueError(f"{label} is {value!r}; categories must be simple values such as text.")
    return value


def _ratings(a: Sequence, b: Sequence) -> tuple[list, list]:
    """Validate two raters' category lists (equal, non-zero length; no missing values)."""
    first, second = _as_list(a, "ratings a"), _as_list(b, "ratings b")
    _check_lengths(first, second, "ratings a", "ratings b")
    first = [_rating(value, f"rating #{i + 1} from rater a") for i, value in enumerate(first)]
    second = [_rating(value, f"rating #{i + 1} from rater b") for i, value in enumerate(second)]
    return first, second


# -- forecasts ------------------------------------------------------------------


def brier_score(forecasts: Sequence[float], outcomes: Sequence[int | bool]) -> float:
    """Mean squared difference between probabilities and 0/1 outcomes (0 best, 1 worst)."""
    probs, results = _as_list(forecasts, "forecasts"), _as_list(outcomes, "outcomes")
    _check_lengths(probs, results, "forecasts", "outcomes")
    probs = [_probability(p, f"forecast #{i + 1}") for i, p in enumerate(probs)]
    results = [_outcome(o, f"outcome #{i + 1}") for i, o in enumerate(results)]
    return math.fsum((p - o) ** 2 for p, o in zip(probs, results)) / len(probs)


def brier_baseline(outcomes: Sequence[int | bool]) -> float:
    """Brier score of always forecasting 0.5 (the "no idea" baseline)."""
    results = _as_list(outcomes, "outcomes")
    if not results:
        raise ValueError("outcomes must not be empty.")
    return brier_score([0.5] * len(results), results)


def brier_table(forecasts: Mapping[str, float], outcomes: Mapping[str, int | bool]) -> pd.DataFrame:
    """One row per question id found in both mappings, sorted by question id.

    Columns: question_id, forecast, outcome, squared_error, baseline_squared_error
    (the last is the squared error of forecasting 0.5).
    """
    if not isinstance(forecasts, Mapping) or not isinstance(outcomes, Mapping):
        raise ValueError("brier_table() needs two dicts keyed by question id; use brier_score() for lists.")
    rows = []
    for question_id in sorted(set(forecasts) & set(outcomes), key=str):
        forecast = _probability(forecasts[question_id], f"the forecast for {question_id!r}")
        outcome = _outcome(outcomes[question_id], f"the outcome for {question_id!r}")
        rows.append(
            {
                "question_id": question_id,
                "forecast": forecast,
                "outcome": outcome,
                "squared_error": (forecast - outcome) ** 2,
                "baseline_squared_error": (0.5 - outcome) ** 2,
            }
        )
    table = pd.DataFrame(rows, columns=BRIER_TABLE_COLUMNS)
    return table.astype({"forecast": float, "outcome": int, "squared_error": float, "baseline_squared_error": float})


# -- agreement ------------------------------------------------------------------


def percent_agreement(a: Sequence[str], b: Sequence[str]) -> float:
    """Percentage (0-100) of items on which the two raters chose the same category."""
    first, second = _ratings(a, b)
    matches = sum(x == y for x, y in zip(first, second))
    return 100.0 * matches / len(first)


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa for two raters on nominal categories: (p_o - p_e) / (1 - p_e).

    p_o is the observed share of agreement, p_e the agreement expected by chance
    from each rater's category shares. Special case: if p_e == 1 (both raters
    used one and the same category for every item) kappa is undefined (0/0);
    we return 1.0 when p_o == 1, else 0.0. Categories are compared exactly
    ("Yes" and "yes" differ).
    """
    first, second = _ratings(a, b)
    n = len(first)
    agreements = sum(x == y for x, y in zip(first, second))
    counts_a, counts_b = Counter(first), Counter(second)
    # Exact integer arithmetic: p_o = agreements / n, p_e = chance / n**2.
    chance = sum(count * counts_b.get(category, 0) for category, count in counts_a.items())
    if chance == n * n:
        return 1.0 if agreements == n else 0.0
    return (agreements * n - chance) / (n * n - chance)


def _sorted_labels(values: list) -> list:
    """Labels in natural order, or by their text if they cannot be compared."""
    try:
        return sorted(values)
    except TypeError:
        return sorted(values, key=str)


def agreement_table(a: Sequence[str], b: Sequence[str], labels: Sequence[str] | None = None) -> pd.DataFrame:
    """Confusion matrix of counts: rows are rater a's categories, columns rater b's.

    ``labels`` fixes the order (and may include unused categories); it must
    contain every category either rater used.
    """
    first, second = _ratings(a, b)
    used = set(first) | set(second)
    if labels is None:
        order = _sorted_labels(list(used))
    else:
        order = _as_list(labels, "labels")
        if len(set(order)) != len(order):
            raise ValueError("labels must not contain the same category twice.")
        missing = [label for label in _sorted_labels(list(used)) if label not in set(order)]
        if missing:
            raise ValueError(f"labels is missing categories the raters used: {missing!r}. Add them to labels.")
    counts = Counter(zip(first, second))
    table = pd.DataFrame(
        [[counts.get((row, column), 0) for column in order] for row in order],
        index=pd.Index(order, name="rater_a"),
        columns=pd.Index(order, name="rater_b"),
        dtype=int,
    )
    return table


# -- feedback -------------------------------------------------------------------


def brier_verdict(score: float, baseline: float) -> tuple[str, str]:
    """``(verdict, message kind)`` for a Brier score against the coin-flip baseline: "better than"
    is "ok", "the same as" is "info", "worse than" is "warning" (a poor score is never shown as good)."""
    if score < baseline - 1e-12:
        return "better than", "ok"
    if abs(score - baseline) <= 1e-12:
        return "the same as", "info"
    return "worse than", "warning"


def better_than_chance(agree: int, marked: int, chance: float, alpha: float = 0.05) -> bool:
    """True when ``agree`` matches out of ``marked`` would rarely happen by guessing (one-sided binomial
    test at ``alpha``, each match with probability ``chance``): a matrix filled at random is not "good"."""
    if marked <= 0:
        return False
    if not 0.0 < chance < 1.0:
        raise ValueError(f"chance is {chance!r}; it must be a probability between 0 and 1 (e.g. 1/3 for 3 marks).")
    tail = math.fsum(math.comb(marked, k) * chance**k * (1 - chance) ** (marked - k) for k in range(agree, marked + 1))
    return tail < alpha
