"""What the forecast reveal shows: the questions and outcomes, the chart, and fact C9 after them.

Outcomes come from ``forecast_questions.csv``, as of mid-December 2025.
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory

from ...curated import fact_citation, load_table, page_label, source_pages
from ...notebook.answers import AnswerStore
from ...notebook.display import GREY, OKABE_ITO, Chart, Message, table_html
from ...notebook.scoring import brier_score, brier_table
from ...notebook.session import Session
from ...templates import text_only
from .common import AS_OF

_SKIPPED = "Forecast, then reveal (section 5)"
#: The fact shown after the outcomes: the president-elect's own view of the decision.
AFTERWARDS_FACT = "C9"


CHART_COLUMNS = ["question_id", "forecast", "outcome", "squared_error", "baseline_squared_error"]


def forecast_questions() -> pd.DataFrame:
    """The forecast questions (forecast_questions.csv) with ``outcome`` as 1 (yes) or 0 (no)."""
    table = load_table("forecast_questions")
    table["outcome"] = (table["resolution"].str.strip().str.lower() == "yes").astype(int)
    return table


def forecast_questions_view(session: Session) -> HTML | Message:
    """The questions as a table (course article), or the message that section 5 is skipped."""
    return session.reference(_SKIPPED) or HTML(
        table_html(
            forecast_questions(),
            caption="Six questions about what came next",
            columns=["question_id", "question", "window_days"],
        )
    )


def saved_forecasts(store: AnswerStore, question_ids: list[str]) -> dict[str, float]:
    """The saved forecasts (what the score uses), by question id."""
    values = {}
    for qid in question_ids:
        saved = store.get(qid)
        if saved is not None:
            values[qid] = float(saved)
    return values


def forecast_table(questions: pd.DataFrame, forecasts: dict[str, float]) -> pd.DataFrame:
    """Forecasts against outcomes: a ``brier_table`` plus question, outcome text, facts and source."""
    outcomes = dict(zip(questions["question_id"].astype(str), questions["outcome"].astype(int)))
    table = brier_table(forecasts, outcomes)
    extra = questions.rename(columns={"question_id": "qid"})
    extra["qid"] = extra["qid"].astype(str)
    merged = table.merge(
        extra[["qid", "question", "resolution", "outcome_text", "fact_ids", "source", "url", "as_of"]],
        left_on="question_id",
        right_on="qid",
        how="left",
    )
    return merged.drop(columns="qid")


#: Text sizes of the forecast chart, in points: at least 9 where it is shown at its natural width.
CHART_PT = 10
#: Width of the forecast chart in inches (at 100 dpi): fits a 768 px tablet page (about 620 px wide) without shrinking.
CHART_WIDTH = 6.2


def plot_forecasts(table: pd.DataFrame) -> Chart:
    """Forecast against outcome per question (a ``brier_table``: question_id, forecast, outcome, squared_error).

    Each question's error sits in its own column right of the plot, and the y labels say the outcome,
    so no label shares space with a dot, a line or another label, whatever the forecasts are.
    """
    table = table.reset_index(drop=True)
    figure = Figure(figsize=(CHART_WIDTH, 0.5 * len(table) + 2.3))
    ax = figure.subplots()
    y = list(range(len(table)))[::-1]
    column = blended_transform_factory(ax.transAxes, ax.transData)
    for position, row in zip(y, table.itertuples(index=False)):
        ax.plot([row.forecast, row.outcome], [position, position], color=GREY, linewidth=2, zorder=1)
        ax.text(1.03, position, f"{row.squared_error:.2f}", transform=column, ha="left", va="center", fontsize=CHART_PT)
    ax.text(1.03, len(table) - 0.5, "error²", transform=column, ha="left", va="center", fontsize=CHART_PT)
    ax.scatter(table["forecast"], y, s=70, color=OKABE_ITO["blue"], marker="o", label="your forecast", zorder=3)
    ax.scatter(
        table["outcome"],
        y,
        s=90,
        color=OKABE_ITO["black"],
        marker="D",
        label="what happened (0 = no, 1 = yes)",
        zorder=2,
    )
    ax.axvline(0.5, color=OKABE_ITO["orange"], linestyle="--", linewidth=1, label="coin flip (0.5)")
    ax.set_yticks(y)
    ax.set_yticklabels(
        [f"{qid} ({'yes' if int(outcome) else 'no'})" for qid, outcome in zip(table["question_id"], table["outcome"])],
        fontsize=CHART_PT,
    )
    ax.tick_params(axis="x", labelsize=CHART_PT)
    ax.set_xlim(-0.08, 1.08)
    ax.set_ylim(-0.7, len(table) - 0.2)
    ax.set_xlabel("Probability (0 = sure it will not happen,\n1 = sure it will)", fontsize=CHART_PT)
    ax.set_ylabel("Question (what happened)", fontsize=CHART_PT)
    ax.set_title("Your forecasts against what happened:\nthe longer the grey line, the bigger the miss", fontsize=12)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(-0.02, -0.25), ncol=2, fontsize=CHART_PT)
    figure.tight_layout()
    score = brier_score(list(table["forecast"]), list(table["outcome"]))
    worst = table.loc[table["squared_error"].idxmax()]
    alt = (
        f"Dot chart of {len(table)} forecasts: for each question a blue dot at the forecast probability and a "
        f"black diamond at the outcome (0 or 1), joined by a grey line whose length is the error. "
        f"Brier score {score:.3f}; the largest error is on {worst['question_id']} "
        f"(forecast {worst['forecast']:.2f}, outcome {int(worst['outcome'])})."
    )
    return Chart(figure, alt, table)


def afterwards_html(fact_id: str = AFTERWARDS_FACT) -> str:
    """What came after the outcomes, shown only with them: fact C9 (Trump's view of the decision), escaped."""
    facts = load_table("facts").set_index("fact_id")
    if fact_id not in facts.index:
        return ""
    return text_only(
        "<p><b>Afterwards: the president-elect's view.</b> "
        f"{html.escape(str(facts.loc[fact_id, 'fact']))} <small>(fact {html.escape(fact_id)}; "
        f"{html.escape(fact_citation(fact_id))})</small></p>"
        "<p><small>Compare it with ¶8.2 of the article (his promise to end the war within 24 hours). Does it "
        "change which hypothesis of section 4 you find most likely, or only what came next?</small></p>"
    )


def reveal_row(row: dict) -> dict:
    """One revealed question: the answer in bold, the rest of the outcome text, a safe link whose text gives
    the page's own headline and date where they are on record."""
    answer = str(row["resolution"]).strip().capitalize()
    text = str(row["outcome_text"])
    said = text[len(answer) + 1 :] if text.startswith(answer + ".") else " " + text
    label = page_label(str(row["url"]), source_pages())
    return {
        **row,
        "source": f"{row['source']}, {label}" if label else row["source"],
        "answer": answer,
        "said": said,
        "as_of": row["as_of"] or AS_OF,
        "link": str(row["url"]).startswith(("http://", "https://")),
    }
