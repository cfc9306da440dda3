"""Forecasts against what happened: each student's Brier score and the class's spread per question."""

from __future__ import annotations

import pandas as pd

from .common import FORECAST_NOTEBOOK, forecast_questions, is_answered, natural_key

#: Always saying this scores 0.25 (the baseline every forecast is compared with).
BASELINE_FORECAST = 0.5


def forecast_table(
    answers: pd.DataFrame, notebook: str = FORECAST_NOTEBOOK, questions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per student and forecast question answered with a probability from 0 to 1.

    Columns: student, question_id, forecast, outcome, squared_error, locked.
    Values that are not probabilities are left out and listed in ``attrs["invalid"]``
    as (student, question_id, value) triples.
    """
    questions = forecast_questions() if questions is None else questions
    outcomes = dict(zip(questions["question_id"], questions["outcome"]))
    rows, invalid = [], []
    chosen = answers[(answers["notebook"] == notebook) & answers["question_id"].isin(outcomes)]
    for row in chosen.itertuples(index=False):
        if not is_answered(row.value):
            continue
        value = row.value
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            invalid.append((row.student, row.question_id, value))
            continue
        outcome = int(outcomes[row.question_id])
        rows.append(
            [row.student, row.question_id, float(value), outcome, (float(value) - outcome) ** 2, bool(row.locked)]
        )
    table = pd.DataFrame(rows, columns=["student", "question_id", "forecast", "outcome", "squared_error", "locked"])
    table = table.sort_values(["student", "question_id"], key=lambda s: s.map(natural_key), kind="stable")
    table = table.reset_index(drop=True)
    table.attrs["invalid"] = invalid
    return table


def forecast_scores(forecasts: pd.DataFrame) -> pd.DataFrame:
    """Each student's Brier score (mean squared error over the questions they answered).

    Columns: student, questions, locked, brier, baseline (the score of always saying 0.5 on the
    same questions: 0.25), better_than_baseline.
    """
    columns = ["student", "questions", "locked", "brier", "baseline", "better_than_baseline"]
    if forecasts.empty:
        return pd.DataFrame(columns=columns)
    forecasts = forecasts.assign(baseline_error=(BASELINE_FORECAST - forecasts["outcome"]) ** 2)
    grouped = forecasts.groupby("student", sort=False)
    table = pd.DataFrame(
        {
            "questions": grouped["question_id"].count(),
            "locked": grouped["locked"].sum().astype(int),
            "brier": grouped["squared_error"].mean(),
            "baseline": grouped["baseline_error"].mean(),
        }
    ).reset_index()
    table["better_than_baseline"] = table["brier"] < table["baseline"]
    return table[columns]


def class_mean_brier(scores: pd.DataFrame) -> float:
    """The mean of the students' Brier scores (each student counts once); NaN with no scores."""
    return float(scores["brier"].mean()) if len(scores) else float("nan")


def forecast_message(scores: pd.DataFrame) -> str:
    """One sentence: the class mean Brier score against the 0.25 of always saying 0.5."""
    if scores.empty:
        return "No student has made a forecast yet."
    mean = class_mean_brier(scores)
    verdict = "better than" if mean < 0.25 else ("the same as" if mean == 0.25 else "worse than")
    return (
        f"Class mean Brier score {mean:.3f} over {len(scores)} students: {verdict} always saying 0.5 "
        f"(0.25). {int(scores['better_than_baseline'].sum())} of {len(scores)} students beat 0.25."
    )


def forecast_spread(forecasts: pd.DataFrame, questions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per question: the outcome and the class's forecasts (n, min, median, mean, max)."""
    questions = forecast_questions() if questions is None else questions
    stats = forecasts.groupby("question_id")["forecast"].agg(["count", "min", "median", "mean", "max"])
    table = questions[["question_id", "question", "outcome"]].merge(
        stats.reset_index().rename(columns={"count": "forecasts"}), on="question_id", how="left"
    )
    table["forecasts"] = table["forecasts"].fillna(0).astype(int)
    return table
