"""Forecast, lock, reveal (Exercise 4) and the Brier score by hand (Exercise 5).

Forecasts and their reasons are saved and locked in the answers file before anything is revealed;
locked forecasts stay locked after a kernel restart. Locking asks for a confirmation; until the reveal the
lock can be undone (forecasts and reasons only). Each question's window opens on the article's reference
date (``REFERENCE_DATE``). Outcomes come from ``forecast_questions.csv``, as of mid-December 2025; after
them, the reveal shows fact C9 (what the president-elect said about the decision afterwards).
"""

from __future__ import annotations

import functools
import html
import json
from datetime import date

import ipywidgets as widgets
import pandas as pd

from ...curated import REFERENCE_DATE
from ...notebook.answers import AnswerStore, AnswerStoreError, now_iso
from ...notebook.display import Chart, Message, message_html
from ...notebook.exercises import remember, store_for, store_warning
from ...notebook.scoring import brier_baseline, brier_score
from ...notebook.session import Session
from ...notebook.widgets import CourseWidget, never_raise
from ...templates import render, text_only
from .common import AS_OF
from .outcomes import (
    CHART_COLUMNS,
    afterwards_html,
    forecast_questions,
    forecast_table,
    plot_forecasts,
    reveal_row,
    saved_forecasts,
)

_SKIPPED = "Forecast, then reveal (section 5)"
#: The answer id that records the reveal (saved and locked when the outcomes are first shown).
REVEALED = "forecasts_revealed"


def reason_id(question_id: str) -> str:
    """The answer id of a forecast's reason ("q1" → "q1.reason")."""
    return f"{question_id}.reason"


def window_start(day: date = REFERENCE_DATE) -> str:
    """The day every forecast window opens, as text ("18 Nov 2024"): the article's reference date."""
    return f"{day.day} {day:%b %Y}"


def question_label(qid: str, question: str, window: object) -> str:
    """One question's heading, escaped: id, text and its window in days from the reference date."""
    return text_only(
        f"<b>{html.escape(qid)}.</b> {html.escape(str(question))} "
        f"<small>(window: {html.escape(str(window))} days from {window_start()}, the article's day; "
        "lock before discussing anything after it)</small>"
    )


def unlock_answers(store: AnswerStore, question_ids: list[str], forget: tuple[str, ...] = ()) -> None:
    """Remove the locks of ``question_ids`` (values kept) and the answers in ``forget``; nothing else changes.

    AnswerStore has no public unlock yet, so this edits the file under the store's own lock, the way
    ``AnswerStore.lock`` does.
    """
    with store._file_lock():
        data = json.loads(json.dumps(store._refresh()))
        for qid in (*question_ids, *forget):
            data["locked"].pop(qid, None)
        for qid in forget:
            data["answers"].pop(qid, None)
        store._save(data, now_iso())


def reset_forecasts(store: AnswerStore, question_ids: list[str] | None = None) -> None:
    """For teachers: unlock a student's forecasts and reasons and forget the reveal; other answers stay.

    ``store`` is the student's answers of notebook 04 (``AnswerStore("04_escalation", folder)``).
    """
    ids = list(forecast_questions()["question_id"].astype(str)) if question_ids is None else question_ids
    unlock_answers(store, [key for qid in ids for key in (qid, reason_id(qid))], forget=(REVEALED,))


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
    """Forecast, lock, then reveal: one slider and one reason box per question, saved in the answers file.

    Locking takes two steps: ``.lock_button`` asks, ``.confirm_button`` locks (``.cancel_button`` does not).
    Until the reveal, ``.unlock_button`` undoes the lock of the forecasts and reasons only (every other
    answer of the notebook stays). ``.reveal_button`` shows the outcomes and records the reveal, after which
    only the teacher can unlock (:func:`reset_forecasts`). Also ``.sliders`` and ``.reasons`` (question id →
    widget), ``.result`` (HTML) and ``.widget``. Locks survive a kernel restart.
    """

    def __init__(self, session: Session, questions: pd.DataFrame | None = None) -> None:
        super().__init__()
        notebook = session.notebook
        self.course_questions = questions is None
        self.questions = (forecast_questions() if questions is None else questions).reset_index(drop=True)
        self.store = store_for(notebook)
        self.result = widgets.HTML()
        self.sliders: dict[str, widgets.FloatSlider] = {}
        self.reasons: dict[str, widgets.Textarea] = {}
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
            reason = widgets.Textarea(
                placeholder="Why this probability? What did a reader know on the article's day?",
                layout=widgets.Layout(width="95%", height="3.2em"),
            )
            remember(
                reason, notebook, reason_id(qid), status=self.status, prompt=f"Reason for the forecast: {row.question}"
            )
            self.sliders[qid], self.reasons[qid] = slider, reason
            rows.append(
                widgets.VBox([widgets.HTML(question_label(qid, row.question, row.window_days)), slider, reason])
            )
        self.lock_button = widgets.Button(
            description="Lock my forecasts…",
            icon="lock",
            button_style="danger",
            tooltip="Asks you to confirm, then saves and locks every forecast and reason.",
            layout=widgets.Layout(width="auto"),
        )
        self.confirm_button = widgets.Button(description="Yes, lock them", button_style="danger")
        self.cancel_button = widgets.Button(description="Not yet")
        self.confirm_text = widgets.HTML()
        self.confirm_box = widgets.VBox(
            [self.confirm_text, widgets.HBox([self.confirm_button, self.cancel_button])],
            layout=widgets.Layout(display="none", border="1px solid #d55e00", padding="6px"),
        )
        self.unlock_button = widgets.Button(
            description="Unlock (before the reveal only)",
            icon="unlock",
            tooltip="Unlock your forecasts and reasons; your other answers stay. Not possible after the reveal.",
            layout=widgets.Layout(width="auto"),
        )
        self.reveal_button = widgets.Button(
            description="Reveal what happened", icon="eye", button_style="primary", layout=widgets.Layout(width="auto")
        )
        self.lock_button.on_click(lambda _: self.ask_to_lock())
        self.confirm_button.on_click(lambda _: self.lock())
        self.cancel_button.on_click(lambda _: self.cancel_lock())
        self.unlock_button.on_click(lambda _: self.unlock())
        self.reveal_button.on_click(lambda _: self.reveal())
        self.widget = widgets.VBox(
            [
                store_warning(notebook),
                *rows,
                widgets.HBox([self.lock_button, self.unlock_button, self.reveal_button]),
                self.confirm_box,
                self.status,
                self.result,
            ],
            layout=widgets.Layout(border="1px solid #ddd", padding="8px"),
        )
        self.widget.add_class("course-question")
        self._show_state()
        self.store.when_student_set(self._show_state)
        if self.is_locked:
            self.say("Your forecasts are locked (saved earlier). Press “Reveal what happened”.", "info")

    @property
    def is_locked(self) -> bool:
        """True when every question is locked in the answers file."""
        try:
            return bool(self.sliders) and all(self.store.is_locked(qid) for qid in self.sliders)
        except AnswerStoreError:
            return False

    @property
    def is_revealed(self) -> bool:
        """True once the outcomes were shown (recorded in the answers file, so a restart keeps it)."""
        try:
            return bool(self.store.get(REVEALED))
        except AnswerStoreError:
            return False

    def _show_state(self) -> None:
        """Buttons and inputs as the answers file says: open, locked, or locked and revealed."""
        locked, revealed = self.is_locked, self.is_revealed
        waiting = self.store.awaiting_name  # a shared server: nothing can be answered before the name
        for qid in self.sliders:
            self.sliders[qid].disabled = locked or waiting
            self.reasons[qid].disabled = locked or waiting
        self.lock_button.disabled = locked or waiting
        self.unlock_button.disabled = not locked or revealed or waiting
        self.confirm_box.layout.display = "none"

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
    def ask_to_lock(self) -> None:
        """First step of locking: list the forecasts (and missing reasons) and ask to confirm."""
        listed = ", ".join(f"{qid} {slider.value:.2f}" for qid, slider in self.sliders.items())
        missing = [qid for qid, box in self.reasons.items() if not box.value.strip()]
        note = f" No reason yet for {', '.join(missing)}: a reason is what your teacher reads." if missing else ""
        self.confirm_text.value = message_html(
            f"Lock these forecasts? {listed}.{note} After the reveal they can never change.", "warning"
        )
        self.confirm_box.layout.display = "flex"

    @never_raise
    def cancel_lock(self) -> None:
        """Close the confirmation without locking."""
        self.confirm_box.layout.display = "none"
        self.say("Nothing was locked. Change your forecasts, then press “Lock my forecasts…” again.", "info")

    @never_raise
    def lock(self) -> bool:
        """Save every slider's value and reason and lock them; the inputs become read-only."""
        for qid, slider in self.sliders.items():
            try:
                if not self.store.is_locked(qid):
                    self.store.set(qid, float(slider.value))
                    self.store.lock(qid)
                if not self.store.is_locked(reason_id(qid)):
                    self.store.set(reason_id(qid), self.reasons[qid].value)  # saves its prompt too, even if empty
                    self.store.lock(reason_id(qid))
            except AnswerStoreError as error:
                self.say(str(error), "warning")
                return False
        self._show_state()
        listed = ", ".join(f"{qid} {value:.2f}" for qid, value in self.forecasts().items())
        self.say(f"Locked: {listed}. Now press “Reveal what happened”. Until then, “Unlock” undoes the lock.", "ok")
        return True

    @never_raise
    def unlock(self) -> bool:
        """Undo the lock before the reveal: forecasts and reasons only; every other answer stays."""
        if self.is_revealed:
            self.say(
                "You have seen what happened, so your forecasts stay locked: otherwise the score would "
                "measure hindsight. Ask your teacher if you need to start again.",
                "info",
            )
            return False
        unlock_answers(self.store, [key for qid in self.sliders for key in (qid, reason_id(qid))])
        self._show_state()
        self.say("Unlocked: change your forecasts or reasons, then lock them again before the reveal.", "info")
        return True

    def table(self) -> pd.DataFrame:
        """Forecasts against outcomes (see :func:`forecast_table`)."""
        return forecast_table(self.questions, self.forecasts())

    @never_raise
    def reveal(self) -> pd.DataFrame | None:
        """After locking: show what happened per question, the Brier score and the coin-flip baseline."""
        if not self.is_locked:
            self.say(
                "First lock your forecasts with “Lock my forecasts…”. Revealing first would let you "
                "change them after seeing the answers, and then the score would not measure anything.",
                "info",
            )
            return None
        table = self.table()
        if table.empty:
            self.say("No saved forecasts were found to score.", "warning")
            return None
        if not self.is_revealed:
            self.store.set(REVEALED, True)
            self.store.lock(REVEALED)
        self._show_state()
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
            "ok" if verdict == "better than" else "warning",
        )
        self.result.value = render(
            "reveal_forecast.html",
            score=score,
            baseline=baseline,
            verdict=verdict,
            rows=[reveal_row(row) for row in table.to_dict("records")],
            chart=plot_forecasts(table[CHART_COLUMNS]).bundle()["data"]["text/html"],
            course_questions=self.course_questions,
            as_of=AS_OF,
        ) + (afterwards_html() if self.course_questions else "")
        return table
