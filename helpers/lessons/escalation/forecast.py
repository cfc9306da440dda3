"""Forecast, lock, reveal (Exercise 4) and the Brier score by hand (Exercise 5).

Forecasts are saved and locked in the answers file before anything is revealed; locked forecasts
stay locked after a kernel restart. Outcomes come from ``forecast_questions.csv``, as of mid-December 2025.
"""

from __future__ import annotations

import functools

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from ...curated import load_table
from ...notebook.answers import AnswerStore, AnswerStoreError
from ...notebook.display import GREY, OKABE_ITO, Chart, Message, table_html
from ...notebook.exercises import remember, store_for, store_warning
from ...notebook.scoring import brier_baseline, brier_score, brier_table
from ...notebook.session import Session
from ...notebook.widgets import CourseWidget, never_raise
from ...templates import render
from .common import AS_OF

_SKIPPED = "Forecast, then reveal (section 5)"
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


def plot_forecasts(table: pd.DataFrame) -> Chart:
    """Forecast against outcome per question (a ``brier_table``: question_id, forecast, outcome, squared_error)."""
    table = table.reset_index(drop=True)
    figure = Figure(figsize=(8, 0.55 * len(table) + 1.8))
    ax = figure.subplots()
    y = list(range(len(table)))[::-1]
    for position, row in zip(y, table.itertuples(index=False)):
        ax.plot([row.forecast, row.outcome], [position, position], color=GREY, linewidth=2, zorder=1)
        high, low = max(row.forecast, row.outcome), min(row.forecast, row.outcome)
        ax.text(
            high + 0.03 if high < 0.9 else low - 0.03,
            position + 0.18,
            f"error² {row.squared_error:.2f}",
            fontsize=8,
            ha="left" if high < 0.9 else "right",
        )
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
    ax.set_yticklabels(table["question_id"])
    ax.set_xlim(-0.08, 1.08)
    ax.set_ylim(-0.8, len(table) - 0.2)
    ax.set_xlabel("Probability (0 = sure it will not happen, 1 = sure it will)")
    ax.set_ylabel("Question")
    ax.set_title("Your forecasts against what happened:\nthe longer the grey line, the bigger the miss")
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=3, fontsize=9)
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


def forecast_exercise(session: Session) -> ForecastExercise | Message:
    """Exercise 4 for the course article, or the message that section 5 is skipped."""
    return session.reference(_SKIPPED) or ForecastExercise(session)


def forecast_chart(session: Session) -> Chart | Message:
    """The chart of the locked forecasts against what happened, or a message saying when it appears."""
    skipped = session.reference("The forecast chart (section 5)")
    if skipped is not None:
        return skipped
    questions = forecast_questions()
    ids = list(questions["question_id"].astype(str))
    store = store_for(session.notebook)
    forecasts = saved_forecasts(store, ids)
    if not forecasts or not all(store.is_locked(qid) for qid in ids):
        return Message(
            "The chart appears once you have locked your forecasts and pressed "
            "“Reveal what happened”. Then run this cell again.",
            "info",
        )
    return plot_forecasts(forecast_table(questions, forecasts)[CHART_COLUMNS])


class ForecastExercise(CourseWidget):
    """Forecast, lock, then reveal: one slider per question, saved and locked in the answers file.

    ``.sliders`` (question id → FloatSlider), ``.lock_button``, ``.reveal_button``, ``.result`` (HTML)
    and ``.widget``. Locked forecasts stay locked after a kernel restart: the sliders come back
    disabled with their values, and the scores use the saved values.
    """

    def __init__(self, session: Session, questions: pd.DataFrame | None = None) -> None:
        super().__init__()
        notebook = session.notebook
        self.course_questions = questions is None
        self.questions = (forecast_questions() if questions is None else questions).reset_index(drop=True)
        self.store = store_for(notebook)
        self.result = widgets.HTML()
        self.sliders: dict[str, widgets.FloatSlider] = {}
        rows = []
        for row in self.questions.itertuples(index=False):
            qid = str(row.question_id)
            slider = widgets.FloatSlider(
                value=0.5,
                min=0.0,
                max=1.0,
                step=0.05,
                readout_format=".2f",
                continuous_update=False,
                description=qid,
                layout=widgets.Layout(width="420px"),
            )
            remember(
                slider,
                notebook,
                qid,
                encode=float,
                decode=float,
                status=self.status,
                prompt=f"Forecast (probability 0–1): {row.question}",
            )
            slider.observe(functools.partial(self._keep_locked, qid), names="value")
            self.sliders[qid] = slider
            label = render("escalation_question.html", qid=qid, question=row.question, window=row.window_days)
            rows.append(widgets.VBox([widgets.HTML(label), slider]))
        self.lock_button = widgets.Button(
            description="Lock my forecasts",
            icon="lock",
            button_style="warning",
            tooltip="Save and lock all forecasts. This cannot be undone.",
            layout=widgets.Layout(width="auto"),
        )
        self.reveal_button = widgets.Button(
            description="Reveal what happened", icon="eye", button_style="primary", layout=widgets.Layout(width="auto")
        )
        self.lock_button.on_click(lambda _: self.lock())
        self.reveal_button.on_click(lambda _: self.reveal())
        self.widget = widgets.VBox(
            [
                store_warning(notebook),
                *rows,
                widgets.HBox([self.lock_button, self.reveal_button]),
                self.status,
                self.result,
            ],
            layout=widgets.Layout(border="1px solid #ddd", padding="8px"),
        )
        self.widget.add_class("course-question")
        if self.is_locked:
            self.lock_button.disabled = True
            self.say("Your forecasts are locked (saved earlier). Press “Reveal what happened”.", "info")

    @property
    def is_locked(self) -> bool:
        """True when every question is locked in the answers file."""
        try:
            return bool(self.sliders) and all(self.store.is_locked(qid) for qid in self.sliders)
        except AnswerStoreError:
            return False

    @never_raise
    def _keep_locked(self, qid: str, change: dict) -> None:
        """A locked slider snaps back to its saved value (the answers file never changes)."""
        if not self.store.is_locked(qid):
            return
        saved = self.store.get(qid)
        if saved is not None and change["new"] != saved:
            self.sliders[qid].value = float(saved)
            self.say(f"Your forecast for {qid} is locked at {float(saved):.2f}; it cannot change now.", "info")

    def forecasts(self) -> dict[str, float]:
        """The saved forecasts (what the score uses), by question id."""
        return saved_forecasts(self.store, list(self.sliders))

    @never_raise
    def lock(self) -> bool:
        """Save every slider's value and lock it; the sliders become read-only."""
        for qid, slider in self.sliders.items():
            if not self.store.is_locked(qid):
                try:
                    self.store.set(qid, float(slider.value))
                    self.store.lock(qid)
                except AnswerStoreError as error:
                    self.say(str(error), "warning")
                    return False
            slider.disabled = True
        self.lock_button.disabled = True
        listed = ", ".join(f"{qid} {value:.2f}" for qid, value in self.forecasts().items())
        self.say(f"Locked: {listed}. These can no longer change. Now press “Reveal what happened”.", "ok")
        return True

    def table(self) -> pd.DataFrame:
        """Forecasts against outcomes (see :func:`forecast_table`)."""
        return forecast_table(self.questions, self.forecasts())

    @never_raise
    def reveal(self) -> pd.DataFrame | None:
        """After locking: show what happened per question, the Brier score and the coin-flip baseline."""
        if not self.is_locked:
            self.say(
                "First lock your forecasts with “Lock my forecasts”. Revealing first would let you "
                "change them after seeing the answers, and then the score would not measure anything.",
                "info",
            )
            return None
        table = self.table()
        if table.empty:
            self.say("No saved forecasts were found to score.", "warning")
            return None
        score = brier_score(list(table["forecast"]), list(table["outcome"]))
        baseline = brier_baseline(list(table["outcome"]))
        verdict = (
            "better than"
            if score < baseline - 1e-12
            else "the same as"
            if abs(score - baseline) <= 1e-12
            else "worse than"
        )
        self.say(
            f"Your Brier score: {score:.3f}. Always answering 50% would score {baseline:.3f}, so you did "
            f"{verdict} a coin flip.",
            "ok",
        )
        self.result.value = render(
            "reveal_forecast.html",
            score=score,
            baseline=baseline,
            verdict=verdict,
            rows=[_reveal_row(row) for row in table.to_dict("records")],
            chart=plot_forecasts(table[CHART_COLUMNS]).bundle()["data"]["text/html"],
            course_questions=self.course_questions,
            as_of=AS_OF,
        )
        return table


def _reveal_row(row: dict) -> dict:
    """One revealed question: the answer in bold, the rest of the outcome text, a safe link."""
    answer = str(row["resolution"]).strip().capitalize()
    text = str(row["outcome_text"])
    said = text[len(answer) + 1 :] if text.startswith(answer + ".") else " " + text
    return {
        **row,
        "answer": answer,
        "said": said,
        "as_of": row["as_of"] or AS_OF,
        "link": str(row["url"]).startswith(("http://", "https://")),
    }


def practice_forecasts() -> pd.DataFrame:
    """Made-up forecasts for practice (not about any article): forecast probability and 0/1 outcome."""
    return pd.DataFrame({"question": ["A", "B", "C", "D"], "forecast": [0.9, 0.6, 0.3, 0.5], "outcome": [1, 0, 0, 1]})


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
