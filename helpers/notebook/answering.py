"""Whose answers a kernel keeps and where: one answers store per notebook, tied to each answer widget
(:func:`remember`). Where several students share one server (Voila), answers are kept per student
(:func:`answer_per_student`, called by ``helpers.start``): under the hub user's name, or under the name a
student types in :class:`NamePrompt` before the first answer. Until then every answer widget is
read-only and nothing is read or saved.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..templates import text_only
from .answers import (
    AnswerLockedError,
    AnswerStore,
    AnswerStoreError,
    default_answers_dir,
    name_key,
    student_folder,
    student_name,
)
from .display import BORDER_COLOUR, message_html
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
            layout=widgets.Layout(border=f"1px solid {BORDER_COLOUR}", padding="8px", margin="6px 0"),
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
