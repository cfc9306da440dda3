"""Notebook 1, section 4: North Korean troop estimates from sources that disagree (the table and the questions).

The estimates are the teacher's reference data (``seeds/curated/troop_estimates.csv``) about the
course article's story: for another article the section says it is skipped.
"""

from __future__ import annotations

import pandas as pd

from ...curated import load_table
from ...curated.schema import COLUMNS
from ...notebook.display import Message, show_table
from ...notebook.exercises import ChoiceQuestion, TextQuestion
from ...notebook.session import Session
from ...parse.article import Article

NOTEBOOK_CONTEXT = "01_context"
TROOP_SECTION = "The troop-estimate section"
TROOP_UNITS = ("troops", "soldiers")
#: The curated columns, plus whether the row is drawn on the figure.
TROOP_COLUMNS = [*COLUMNS["troop_estimates"], "on_figure"]


def troop_estimates_table() -> pd.DataFrame:
    """North Korean troop estimates by source and date (seeds/curated/troop_estimates.csv).

    ``on_figure`` is False for rows without a date: they cannot be placed on a time axis.
    """
    table = load_table("troop_estimates").copy()
    table["on_figure"] = table["date"].notna()
    return table.sort_values("date", kind="stable", na_position="last", ignore_index=True)[TROOP_COLUMNS]


def troop_estimates(session: Session) -> pd.DataFrame:
    """The estimates for the course article; for another article the same columns with no row."""
    table = troop_estimates_table()
    return table if session.reference(TROOP_SECTION) is None else table.iloc[0:0]


def article_troop_figure(article: Article) -> pd.DataFrame:
    """The article's own troop figures: quantities whose unit is troops or soldiers (may be empty)."""
    quantities = article.quantities
    return quantities[quantities["unit"].isin(TROOP_UNITS)].reset_index(drop=True)


def show_estimates(session: Session, troops: pd.DataFrame, columns: list[str], caption: str) -> Message | None:
    """Show some columns of the estimates; for another article, the message that the section is skipped."""
    skipped = session.reference(TROOP_SECTION)
    if skipped is not None:
        return skipped
    show_table(troops, columns=columns, caption=f"{caption} ({len(troops)} rows)")
    return None


def highest_estimate(table: pd.DataFrame | None = None) -> pd.Series:
    """The row with the highest estimate (ties: the most recent); dated or not."""
    table = troop_estimates_table() if table is None else table
    ranked = table.sort_values(["estimate_high", "date"], ascending=[False, False], na_position="last", kind="stable")
    return ranked.iloc[0]


def _estimate_label(row: pd.Series) -> str:
    when = f"{row['date'].day} {row['date']:%b %Y}" if pd.notna(row["date"]) else "no date given"
    return f"{row['source_org']}, {when}"


def _troop_options(table: pd.DataFrame, correct: str) -> list[str]:
    """The answer and three other sources, always with the most recent estimate among them (sorted)."""
    ranked = table.sort_values(["estimate_high", "date"], ascending=[False, False], na_position="last")
    labels = list(dict.fromkeys(_estimate_label(row) for _, row in ranked.iterrows()))
    options = [correct] + [label for label in labels if label != correct][:3]
    latest = table.loc[table["date"].idxmax()]
    if _estimate_label(latest) not in options:
        options[-1] = _estimate_label(latest)
    return sorted(options)


def troop_question(session: Session) -> ChoiceQuestion | Message:
    """ChoiceQuestion: which source gave the highest estimate, and when? Computed from the CSV."""
    skipped = session.reference("Exercise 2")
    if skipped is not None:
        return skipped
    table = troop_estimates_table()
    best = highest_estimate(table)
    correct = _estimate_label(best)
    options = _troop_options(table, correct)
    dated = table[table["on_figure"]]
    top_dated = dated[dated["estimate_high"] == dated["estimate_high"].max()]
    tied = "; ".join(f"{_estimate_label(row)} ({row['scope']})" for _, row in top_dated.iterrows())
    undated_note = (
        " It has no date in the fact sheet, so it is in the table but not on the figure: "
        "the highest number is the least documented one."
        if pd.isna(best["date"])
        else ""
    )
    explanation = (
        f"{best['source_org']} gave {best['estimate_high']:,} (scope: {best['scope']}; facts "
        f"{best['fact_id']}).{undated_note} The highest dated figure is {dated['estimate_high'].max():,}: "
        f"{tied}."
    )
    hints = {}
    for _, row in table.iterrows():
        label = _estimate_label(row)
        if label in options and label != correct and label not in hints:
            same = table[table.apply(_estimate_label, axis=1) == label]
            given = " and ".join(f"{v:,} ({scope})" for v, scope in zip(same["estimate_high"], same["scope"]))
            hints[label] = (
                f"That source gave {given}. Sort the table by estimate_high and look at every "
                "row, including the ones not on the figure."
            )
    return ChoiceQuestion(
        session.notebook,
        "troop_highest",
        "In the table of estimates, which source gave the highest number, and when?",
        options,
        correct,
        explanation,
        hints,
    )


def why_disagree_question(session: Session) -> TextQuestion | Message:
    """TextQuestion: why do the troop estimates differ? With a model answer."""
    skipped = session.reference("Exercise 3")
    if skipped is not None:
        return skipped
    return TextQuestion(
        session.notebook,
        "why_disagree",
        "Why do the sources give different numbers of North Korean troops? Give at least two reasons.",
        model_answer=(
            "They were given on different dates over several weeks, and the number of "
            "troops could change in that time. They count different things: troops "
            "North Korea decided to send, troops in Russia, or troops in Kursk only. "
            "And the counters differ (South Korean, Ukrainian and US officials), each "
            'with their own sources and methods. Some figures are upper bounds ("as '
            'many as") and one has no date at all.'
        ),
        min_words=15,
    )
