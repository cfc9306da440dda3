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

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass
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
from .display import BORDER_COLOUR, escape
from .submission_button import SubmissionButton as SubmissionButton
from .widgets import CourseWidget, never_raise


@dataclass(frozen=True)
class Verdict:
    """What ``check()`` found: ``ok`` is True (right), False (not yet) or None (nothing to grade yet).

    It is truthy only when the answer is right, compares equal to ``ok``, and shows nothing when it is
    the last value of a notebook cell (the feedback box already says it: no stray ``True``/``False``).
    """

    ok: bool | None

    def __bool__(self) -> bool:
        return bool(self.ok)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Verdict):
            return self.ok is other.ok
        return self.ok is other if other is None or isinstance(other, bool) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.ok)

    def _ipython_display_(self) -> None:
        """Nothing to show: the question's feedback line says it."""

    def __repr__(self) -> str:
        return f"Verdict({self.ok})"


def labelled_button(description: str, tooltip: str = "", style: str = "primary") -> widgets.Button:
    """A button whose whole label shows (width follows the text) and that names itself."""
    return widgets.Button(
        description=description,
        tooltip=tooltip or description,
        button_style=style,
        layout=widgets.Layout(width="auto", align_self="flex-start"),
    )


def shuffled(items: Sequence[str], correct_order: Sequence[str], key: str) -> list[str]:
    """``items`` in an order fixed by ``key`` (the same on every run and machine) in which no item is
    where ``correct_order`` puts it, so the starting order never gives an answer away (two or more items)."""
    items = list(items)
    if len(items) < 2:
        return items
    seed = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")
    rng = random.Random(seed)
    position = {item: i for i, item in enumerate(correct_order)}
    for _ in range(1000):
        candidate = items[:]
        rng.shuffle(candidate)
        if all(position.get(item) != i for i, item in enumerate(candidate)):
            return candidate
    return items[1:] + items[:1] if items == list(correct_order) else items  # pragma: no cover - duplicates


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
        self.button = labelled_button(check_label, "Check your answer" if check_label == "Check" else check_label)
        self.button.on_click(lambda _: self._checked())
        remember(self.input, notebook, question_id, encode, decode, status=self.feedback, prompt=prompt)
        prompt_html = widgets.HTML(text_only(f"<b>{escape(prompt)}</b>"))
        self.widget = widgets.VBox(
            [prompt_html, self.input, self.button, self.feedback],
            layout=widgets.Layout(border=f"1px solid {BORDER_COLOUR}", padding="8px", margin="6px 0"),
        )
        self.widget.add_class("course-question")

    @property
    def value(self) -> Any:
        return self.input.value

    def check(self) -> Verdict:  # pragma: no cover - overridden
        raise AttributeError("each question type defines check()")

    @never_raise
    def _checked(self) -> Verdict:
        return self.check()

    def _say(self, ok: bool | None, text: str) -> Verdict:
        self.say(text, "info" if ok is None else ("ok" if ok else "warning"))
        return Verdict(ok)


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

    def check(self) -> Verdict:
        if self.value is None:
            return self._say(None, "Choose an answer first.")
        if self.value == self.correct:
            return self._say(True, f"Yes. {self.explanation}".strip())
        hint = self.hints.get(self.value, "Look again at the sentence it refers to, then try another option.")
        return self._say(False, f"Not quite. {hint}")


class TextQuestion(Question):
    """A free answer, saved as you type. The button shows a model answer and a checklist to compare
    with: a free answer is never marked right (and never green) for its length; the student judges it
    against the checklist, and the teacher grades it."""

    def __init__(
        self,
        notebook: str,
        question_id: str,
        prompt: str,
        model_answer: str = "",
        placeholder: str = "Type your answer here…",
        min_words: int = 5,
        checklist: Sequence[str] = (),
    ) -> None:
        self.model_answer = model_answer
        self.min_words = min_words
        self.checklist = [str(item) for item in checklist]
        area = widgets.Textarea(
            placeholder=placeholder,
            description="Your answer",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="95%", height="90px"),
        )
        super().__init__(
            notebook,
            question_id,
            prompt,
            area,
            check_label="Compare with the model answer" if model_answer or checklist else "Save",
        )

    def check(self) -> Verdict:
        words = len(str(self.value or "").split())
        if words < self.min_words:
            return self._say(None, f"Your answer has {words} word(s). Write at least {self.min_words}, then compare.")
        parts = ["Saved."]
        if self.model_answer:
            parts.append(f"A model answer: {self.model_answer}")
        if self.checklist:
            parts.append("Does your answer " + "; ".join(f"({i}) {c}" for i, c in enumerate(self.checklist, 1)) + "?")
        if self.model_answer or self.checklist:
            parts.append("Compare yours with it; your teacher grades free answers.")
        return self._say(None, " ".join(parts))


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
        box = widgets.FloatText(value=None, description=unit or "Number", layout=widgets.Layout(width="260px"))
        super().__init__(notebook, question_id, prompt, box)

    def check(self) -> Verdict:
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
        picker = widgets.DatePicker(value=None, description="Date", style={"description_width": "initial"})
        super().__init__(
            notebook,
            question_id,
            prompt,
            picker,
            encode=lambda d: d.isoformat() if d else None,
            decode=lambda s: date.fromisoformat(s) if s else None,
        )

    def check(self) -> Verdict:
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
        #: the items as every dropdown lists them: shuffled, never in the right order
        self.items = shuffled(items, correct_order, f"{notebook}/{question_id}")
        self.slots = [
            widgets.Dropdown(
                options=["(choose)", *self.items],
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

    def check(self) -> Verdict:
        chosen = self.value
        if "(choose)" in chosen:
            return self._say(None, f"Fill every position first ({chosen.count('(choose)')} still empty).")
        if len(set(chosen)) < len(chosen):
            return self._say(False, "An item appears twice: each item belongs in exactly one place.")
        right = sum(a == b for a, b in zip(chosen, self.correct_order))
        if right == len(chosen):
            return self._say(True, f"All {right} in the right order. {self.explanation}".strip())
        return self._say(False, f"{right} of {len(chosen)} are in the right place. Look at the dates again.")
