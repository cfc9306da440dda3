"""Answer widgets for exercises. Every answer is saved as it changes and restored on reopening.

All exercise classes share one shape: build with a notebook name and a question id, display the
object (or its ``.widget``), read ``.value``, call ``.check()`` for feedback. Tests drive them the
way a student would: set ``.value`` on the input widget, ``.click()`` the button. Each question's prompt
is saved with its answer, so a submission shows what was asked.

:class:`SubmissionButton` exports the student's answers (see ``helpers.classroom.export_submission``).

Where several students share one server (Voila), answers are kept per student
(:func:`answer_per_student`, called by ``helpers.start``): under the hub user's name, or under the
name a student types in :class:`NamePrompt` before the first answer. Until then every answer
widget is read-only and nothing is read or saved.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..paths import course_root
from ..templates import text_only
from .answers import (
    ASK_NAME,
    AnswerLockedError,
    AnswerStore,
    AnswerStoreError,
    default_answers_dir,
    name_key,
    student_folder,
    student_name,
)
from .display import escape, message_html
from .widgets import CourseWidget, never_raise

_STORES: dict[tuple[str, str, bool], AnswerStore] = {}


@dataclass
class Answering:
    """Whose answers this kernel keeps: one file per notebook (``per_user`` False, the default), or one
    per notebook and student (``per_user`` True; ``student`` None until the student is known)."""

    per_user: bool = False
    student: str | None = None


_WHO = Answering()


def answer_per_student(student: str | None = None) -> None:
    """From now on keep answers per student: under ``student`` (e.g. ``$JUPYTERHUB_USER``) or, if None,
    under the name the student types in :class:`NamePrompt`; nothing is saved before that."""
    _WHO.per_user = True
    if student is not None:
        set_student(student)


def set_student(name: str) -> str:
    """The student answering on this page (per-student mode): every store of this kernel switches to
    that student's files. Returns the name as kept; raises AnswerStoreError for an unusable name or
    once another student was named (reload the page to answer as someone else)."""
    real = student_name(name)
    student_folder(real)  # says clearly if nothing usable is left for a folder name
    if _WHO.student is not None:
        if name_key(real) != name_key(_WHO.student):
            raise AnswerStoreError(
                f"This page already keeps the answers of {_WHO.student}. To answer as someone else, reload the page."
            )
        return _WHO.student
    _WHO.student = real
    for (_notebook, _folder, per_user), store in list(_STORES.items()):
        if per_user:
            store.set_student(real)
    return real


def current_student() -> str | None:
    """The student whose answers this kernel keeps (per-student mode), or None."""
    return _WHO.student if _WHO.per_user else None


def store_for(notebook: str) -> AnswerStore:
    """The answers file of one notebook (one shared object per notebook, answers folder and mode)."""
    key = (notebook, str(default_answers_dir()), _WHO.per_user)
    if key not in _STORES:
        _STORES[key] = (
            AnswerStore(notebook, student=_WHO.student, ask_name=True) if _WHO.per_user else AnswerStore(notebook)
        )
    return _STORES[key]


def store_warning(notebook: str) -> widgets.HTML:
    """A message widget that is empty unless the answers file had to be set aside."""
    store = store_for(notebook)
    shown = widgets.HTML()

    def show() -> None:
        shown.value = message_html(store.warning, "warning") if store.warning else ""

    show()
    store.when_student_set(show)
    return shown


class NamePrompt(CourseWidget):
    """ "Your name" and a Start button: asked before the first answer where several students share one
    server without a login (Voila). The answers are then kept under that name; until then the answer
    widgets are read-only. ``.name``, ``.button``, ``.status``; ``.submit()`` does what a click does."""

    def __init__(self) -> None:
        super().__init__()
        self.name = widgets.Text(
            description="Your name:", placeholder="e.g. Ana García", layout=widgets.Layout(width="320px")
        )
        self.button = widgets.Button(description="Start", button_style="primary", tooltip="Answer under this name")
        self.button.on_click(lambda _: self.submit())
        intro = widgets.HTML(
            text_only(
                "<b>Who is answering?</b> Type your name and press Start before you answer. Your answers "
                "are saved under your name, apart from everyone else's on this app; use the same name "
                "next time to find them again."
            )
        )
        self.widget = widgets.VBox(
            [intro, widgets.HBox([self.name, self.button]), self.status],
            layout=widgets.Layout(border="1px solid #ddd", padding="8px", margin="6px 0"),
        )
        self.widget.add_class("course-name-prompt")
        if _WHO.student is not None:
            self._started()

    @never_raise
    def submit(self) -> str | None:
        """Answer as the typed name from now on; returns it (None, with the reason shown, if unusable)."""
        try:
            set_student(self.name.value)
        except AnswerStoreError as error:
            self.say(str(error), "warning")
            return None
        self._started()
        return _WHO.student

    def _started(self) -> None:
        self.name.value = _WHO.student or ""
        self.name.disabled = self.button.disabled = True
        self.say(f"Your answers are saved as {_WHO.student}. To answer as someone else, reload the page.", "ok")


def remember(
    widget: widgets.ValueWidget,
    notebook: str,
    question_id: str,
    encode=lambda value: value,
    decode=lambda value: value,
    status: widgets.HTML | None = None,
    prompt: str | None = None,
) -> widgets.ValueWidget:
    """Restore ``widget.value`` from the answers file and save every change to it.

    ``prompt`` (the question's text) is saved with the answer. A locked answer restores as
    read-only. If saving fails the student sees why, in ``status``.
    """
    store = store_for(notebook)
    restoring = False
    if prompt is not None:
        try:
            store.describe(question_id, prompt)
        except AnswerStoreError as error:
            if status is not None:
                status.value = message_html(str(error), "warning")
    saved = store.get(question_id)
    if saved is not None:
        try:
            widget.value = decode(saved)
        except Exception:  # an answer from an older version of the question: keep the file, skip it
            pass
    if store.is_locked(question_id) or store.awaiting_name:
        widget.disabled = True

    def restore() -> None:  # the student gave their name: show their saved answer
        nonlocal restoring
        restoring = True
        try:
            saved = store.get(question_id)
            if saved is not None:
                widget.value = decode(saved)
        except Exception:  # as above: an answer the widget cannot show stays in the file
            pass
        finally:
            restoring = False
        widget.disabled = store.is_locked(question_id)

    store.when_student_set(restore)

    def save(change: dict) -> None:
        if restoring:
            return
        try:
            store.set(question_id, encode(change["new"]))
        except (AnswerLockedError, AnswerStoreError) as error:
            if status is not None:
                status.value = message_html(str(error), "warning")

    widget.observe(save, names="value")
    return widget


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


def _download_link(path: Path, mime: str) -> str:
    """A link that downloads the file's bytes (embedded, so it works in Voila without a file browser)."""
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (
        f'<a download="{escape(path.name)}" href="data:{mime};base64,{data}" '
        f'style="margin-right:1em">⬇ Download {escape(path.name)}</a>'
    )


class SubmissionButton:
    """Save the student's answers (every notebook found) as one HTML page and one JSON file to hand in.

    ``.name`` (Text, filled from ``$JUPYTERHUB_USER`` on a hub), ``.button``, ``.status`` (HTML) and
    ``.widget``. ``.submit()`` does what a click does and returns the paths written (or None);
    it never raises: a problem is shown in ``.status``.
    """

    def __init__(self, notebook: str, out_dir: Path | str | None = None) -> None:
        self.notebook = notebook
        self.out_dir = out_dir
        self.name = widgets.Text(
            value=os.environ.get("JUPYTERHUB_USER", ""),
            description="Your name:",
            placeholder="e.g. Ana Garcia",
            layout=widgets.Layout(width="320px"),
        )
        self.button = widgets.Button(
            description="Save my submission",
            button_style="success",
            icon="download",
            tooltip="Write your answers to a file you can hand in",
            layout=widgets.Layout(width="auto"),
        )
        self.status = widgets.HTML()
        self.button.on_click(lambda _: self.submit())
        if _WHO.per_user:  # a shared server: hand in only the answers of the student on this page
            self.name.value = _WHO.student or ""
            self.name.disabled = True
            store_for(notebook).when_student_set(lambda: setattr(self.name, "value", _WHO.student or ""))
        intro = widgets.HTML(
            text_only(
                "<b>Hand in your work.</b> Type your name, then press the button: your answers "
                "from every notebook are written to a web page you can read and a JSON file for "
                "your teacher."
            )
        )
        self.widget = widgets.VBox(
            [intro, widgets.HBox([self.name, self.button]), self.status],
            layout=widgets.Layout(border="1px solid #ddd", padding="8px", margin="6px 0"),
        )
        self.widget.add_class("course-submission")

    def submit(self) -> tuple[Path, Path] | None:
        """Export now; show the file paths (or why it failed) in ``.status``."""
        try:
            from ..classroom import export_submission

            if _WHO.per_user:
                if _WHO.student is None:
                    raise AnswerStoreError(ASK_NAME)
                own = student_folder(_WHO.student)
                out_dir = Path(self.out_dir) if self.out_dir is not None else course_root() / "dist" / "submission"
                result = export_submission(_WHO.student, answers_dir=default_answers_dir() / own, out_dir=out_dir / own)
            else:
                result = export_submission(self.name.value, out_dir=self.out_dir)
        except Exception as error:  # never raise in a widget callback
            self.status.value = message_html(f"Nothing was saved: {error}", "warning")
            return None
        note = (
            ""
            if self.notebook in result.notebooks
            else (f" This notebook ({self.notebook}) has no answers yet, so only the others are included.")
        )
        skipped = "".join(f" Not included: {path.name} ({reason})." for path, reason in result.skipped)
        self.status.value = text_only(
            message_html(
                f"Saved the answers of {result.student} from {len(result.notebooks)} notebook(s) "
                f"({', '.join(result.notebooks)}) to {result.html_path} (to read) and {result.json_path} "
                f"(for your teacher). Download both with the links below (or, in JupyterLab's file browser, "
                f"right-click each file and choose Download), then hand them in.{note}{skipped}",
                "ok",
            )
            + " ".join(
                _download_link(path, kind)
                for path, kind in ((result.html_path, "text/html"), (result.json_path, "application/json"))
            )
        )
        return result.html_path, result.json_path

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
