"""Exercise 5: a Brier score by hand, on made-up forecasts."""

from __future__ import annotations

import pandas as pd

from ...notebook.display import Message
from ...notebook.freshness import checks_fresh_answers
from ...notebook.scoring import brier_baseline, brier_score


def practice_forecasts() -> pd.DataFrame:
    """Made-up forecasts for practice (not about any article): forecast probability and 0/1 outcome."""
    return pd.DataFrame({"question": ["A", "B", "C", "D"], "forecast": [0.9, 0.6, 0.3, 0.5], "outcome": [1, 0, 0, 1]})


@checks_fresh_answers
def check_brier(practice: pd.DataFrame, answer: object) -> Message:
    """Whether ``answer`` is the Brier score of the practice forecasts, as a message."""
    try:
        expected = brier_score(list(practice["forecast"]), list(practice["outcome"]))
        if answer is None:
            return Message("Replace None with your calculation, then run both cells again.", "info")
        given = float(answer)  # type: ignore[arg-type]  # a student's value: a TypeError is caught below
        if abs(given - expected) < 1e-9:
            return Message(
                f"Yes: {expected:.4f}. Lower is better; always saying 0.5 would score "
                f"{brier_baseline(list(practice['outcome'])):.2f}.",
                "ok",
            )
        return Message(f"Not yet: {given:.4f}. Square each (forecast − outcome) first, then take the mean.", "warning")
    except (TypeError, ValueError, KeyError) as error:
        return Message(f"This could not be checked: {error}", "warning")
