"""Notebook 1, section 4: North Korean troop estimates from sources that disagree (the table and the questions).

The estimates are the teacher's reference data (``seeds/curated/troop_estimates.csv``) about the
course article's story: for another article the section says it is skipped.
"""

from __future__ import annotations

import pandas as pd

from ...curated import known_by_article, load_table
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

    ``on_figure`` is False for rows without a date: they cannot be placed on a time axis. Estimates
    dated after the article's day are left out: a reader on that day could not have seen them.
    """
    table = known_by_article(load_table("troop_estimates")).copy()
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


def compared_scope(table: pd.DataFrame) -> str:
    """The scope with the most dated estimates (ties: the first in the table): like is compared with like."""
    dated = table[table["on_figure"]]
    counts = dated["scope"].value_counts(sort=False)
    return str(counts.idxmax())


def troop_question(session: Session) -> ChoiceQuestion | Message:
    """ChoiceQuestion: among estimates that count the same thing (one scope), which source gave the highest?

    Computed from the CSV. One option counts something else (another scope), with a hint that says so:
    section 4 teaches not to compare figures that count different things.
    """
    skipped = session.reference("Exercise 2")
    if skipped is not None:
        return skipped
    table = troop_estimates_table()
    scope = compared_scope(table)
    same = table[table["scope"] == scope]
    best = highest_estimate(same)
    correct = _estimate_label(best)
    labels = list(dict.fromkeys(_estimate_label(row) for _, row in same.iterrows()))
    hints = {}
    for _, row in same.iterrows():
        label = _estimate_label(row)
        if label != correct and label not in hints:
            hints[label] = (
                f"That source gave {row['estimate_high']:,} troops {scope}; another estimate of the same "
                f'scope is higher. Keep only this scope: troops[troops["scope"] == "{scope}"].'
            )
    others = table[(table["scope"] != scope) & table["on_figure"]].sort_values("estimate_high", ascending=False)
    for _, row in others.iterrows():
        label = _estimate_label(row)
        if label not in labels:
            labels.append(label)
            hints[label] = (
                f"That source gave {row['estimate_high']:,}, but it counts troops {row['scope']}, not troops "
                f"{scope}: a different thing, so the numbers cannot be ranked together."
            )
            break
    explanation = (
        f"{best['source_org']} gave {best['estimate_high']:,} troops {scope} (facts {best['fact_id']}), the "
        f"highest of the {len(same)} estimates that count troops {scope}. Estimates of other scopes "
        "(decided to send, in Kursk …) count other things and are not in this comparison."
    )
    return ChoiceQuestion(
        session.notebook,
        "troop_highest",
        f"Compare only estimates that count the same thing. Among the estimates of North Korean troops "
        f"{scope}, which source gave the highest number, and when?",
        sorted(labels),
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
