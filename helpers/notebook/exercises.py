"""Answer widgets for exercises. Every answer is saved as it changes and restored on reopening.

All exercise classes share one shape: build with a notebook name and a question id, display the
object (or its ``.widget``), read ``.value``, call ``.check()`` for feedback. Tests drive them the
way a student would: set ``.value`` on the input widget, ``.click()`` the button. Each question's prompt
is saved with its answer, so a submission shows what was asked.

:mod:`~helpers.notebook.answering` ties each widget to the answers file (per student where several share a
server); :class:`~helpers.notebook.submission_button.SubmissionButton` exports the answers to hand in. Both are
importable from here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import ipywidgets as widgets

from ..templates import text_only
from .answering import NamePrompt as NamePrompt
from .answering import answer_per_student as answer_per_student
from .answering import current_student as current_student
from .answering import remember as remember
from .answering import set_student as set_student
from .answering import store_for as store_for
from .answering import store_warning as store_warning
from .display import escape
from .submission_button import SubmissionButton as SubmissionButton
from .widgets import CourseWidget, never_raise


class Question(CourseWidget):
    """Base class: a prompt, an input widget, a Check button and a feedback line (``status``)."""

    def __init__(
        self,
        notebook: str,
        question_id: str,
        prompt: str,
        input_widget: widgets.Widget,
        encode=lambda v: v,
        decode=lambda v: v,
        check_label: str = "Check",
    ) -> None:
        super().__init__()
        self.notebook = notebook
        self.question_id = question_id
        self.input = input_widget
        self.feedback = self.status
        self.button = widgets.Button(description=check_label, button_style="primary", tooltip="Check your answer")
        self.button.on_click(lambda _: self._checked())
        remember(self.input, notebook, question_id, encode, decode, status=self.feedback, prompt=prompt)
        prompt_html = widgets.HTML(text_only(f"<b>{escape(prompt)}</b>"))
        self.widget = widgets.VBox(
            [prompt_html, self.input, self.button, self.feedback],
            layout=widgets.Layout(border="1px solid #ddd", padding="8px", margin="6px 0"),
        )
        self.widget.add_class("course-question")

    @property
    def value(self) -> Any:
        return self.input.value

    def check(self) -> bool | None:  # pragma: no cover - overridden
        raise AttributeError("each question type defines check()")

    @never_raise
    def _checked(self) -> bool | None:
        return self.check()

    def _say(self, ok: bool | None, text: str) -> bool | None:
        self.say(text, "info" if ok is None else ("ok" if ok else "warning"))
        return ok


class ChoiceQuestion(Question):
    """Pick one option; feedback explains why, for the right and for each wrong option."""

    def __init__(
        self,
        notebook: str,
        question_id: str,
        prompt: str,
        options: Sequence[str],
        correct: str,
        explanation: str = "",
        hints: dict[str, str] | None = None,
    ) -> None:
        if correct not in options:
            raise ValueError(f"the correct answer {correct!r} is not among the options")
        self.correct = correct
        self.explanation = explanation
        self.hints = hints or {}
        choice = widgets.RadioButtons(options=list(options), value=None, layout=widgets.Layout(width="auto"))
        super().__init__(notebook, question_id, prompt, choice)

    def check(self) -> bool | None:
        if self.value is None:
            return self._say(None, "Choose an answer first.")
        if self.value == self.correct:
            return self._say(True, f"Yes. {self.explanation}".strip())
        hint = self.hints.get(self.value, "Look again at the sentence it refers to, then try another option.")
        return self._say(False, f"Not quite. {hint}")


class TextQuestion(Question):
    """A free answer, saved as you type. The button reveals a model answer to compare with."""

    def __init__(
        self,
        notebook: str,
        question_id: str,
        prompt: str,
        model_answer: str = "",
        placeholder: str = "Type your answer here…",
        min_words: int = 5,
    ) -> None:
        self.model_answer = model_answer
        self.min_words = min_words
        area = widgets.Textarea(placeholder=placeholder, layout=widgets.Layout(width="95%", height="90px"))
        super().__init__(
            notebook, question_id, prompt, area, check_label="Compare with a model answer" if model_answer else "Save"
        )

    def check(self) -> bool | None:
        words = len(str(self.value or "").split())
        if words < self.min_words:
            return self._say(None, f"Your answer has {words} word(s). Write at least {self.min_words}, then compare.")
        if self.model_answer:
            return self._say(True, f"Saved. One possible answer: {self.model_answer}")
        return self._say(True, "Saved.")


class NumberQuestion(Question):
    """A number, checked within a tolerance."""

    def __init__(
        self,
        notebook: str,
        question_id: str,
        prompt: str,
        answer: float,
        tolerance: float = 0.0,
        explanation: str = "",
        unit: str = "",
    ) -> None:
        self.answer = answer
        self.tolerance = tolerance
        self.explanation = explanation
        self.unit = unit
        box = widgets.FloatText(value=None, description=unit, layout=widgets.Layout(width="260px"))
        super().__init__(notebook, question_id, prompt, box)

    def check(self) -> bool | None:
        if self.value is None:
            return self._say(None, "Type a number first.")
        if abs(float(self.value) - self.answer) <= self.tolerance:
            return self._say(True, f"Yes. {self.explanation}".strip())
        direction = "too high" if self.value > self.answer else "too low"
        return self._say(False, f"Not yet: {self.value:g} is {direction}. Check your steps and try again.")


class DateQuestion(Question):
    """A calendar date, e.g. the article's date worked out from "its 1,000th day"."""

    def __init__(
        self,
        notebook: str,
        question_id: str,
        prompt: str,
        answer: date,
        explanation: str = "",
        near_misses: dict[date, str] | None = None,
    ) -> None:
        self.answer = answer
        self.explanation = explanation
        self.near_misses = near_misses or {}
        picker = widgets.DatePicker(value=None)
        super().__init__(
            notebook,
            question_id,
            prompt,
            picker,
            encode=lambda d: d.isoformat() if d else None,
            decode=lambda s: date.fromisoformat(s) if s else None,
        )

    def check(self) -> bool | None:
        if self.value is None:
            return self._say(None, "Pick a date first.")
        if self.value == self.answer:
            return self._say(True, f"Yes: {self.answer:%A %d %B %Y}. {self.explanation}".strip())
        if self.value in self.near_misses:
            return self._say(False, f"Close. {self.near_misses[self.value]}")
        gap = (self.value - self.answer).days
        return self._say(False, f"Not yet: that is {abs(gap)} day(s) {'late' if gap > 0 else 'early'}.")


class OrderQuestion(Question):
    """Put items in order with one dropdown per position; feedback counts the right places."""

    def __init__(
        self,
        notebook: str,
        question_id: str,
        prompt: str,
        items: Sequence[str],
        correct_order: Sequence[str],
        explanation: str = "",
    ) -> None:
        if sorted(items) != sorted(correct_order):
            raise ValueError("items and correct_order must hold the same entries")
        self.correct_order = list(correct_order)
        self.explanation = explanation
        self.slots = [
            widgets.Dropdown(
                options=["(choose)", *items],
                value="(choose)",
                description=f"{number}.",
                layout=widgets.Layout(width="95%"),
            )
            for number in range(1, len(items) + 1)
        ]
        self._combined = widgets.VBox(self.slots)
        self._combined.value = None  # not a ValueWidget; saved through each slot below
        Question.__init__(self, notebook, question_id, prompt, widgets.HTML(""))
        self.widget.children = (self.widget.children[0], self._combined, *self.widget.children[2:])
        for number, slot in enumerate(self.slots, 1):
            remember(
                slot, notebook, f"{question_id}.{number}", status=self.feedback, prompt=f"{prompt} (position {number})"
            )

    @property
    def value(self) -> list[str]:
        return [slot.value for slot in self.slots]

    def check(self) -> bool | None:
        chosen = self.value
        if "(choose)" in chosen:
            return self._say(None, f"Fill every position first ({chosen.count('(choose)')} still empty).")
        if len(set(chosen)) < len(chosen):
            return self._say(False, "An item appears twice: each item belongs in exactly one place.")
        right = sum(a == b for a, b in zip(chosen, self.correct_order))
        if right == len(chosen):
            return self._say(True, f"All {right} in the right order. {self.explanation}".strip())
        return self._say(False, f"{right} of {len(chosen)} are in the right place. Look at the dates again.")
