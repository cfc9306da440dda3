"""The one widget base of the course: a box with a status line, and callbacks that never raise.

Every interactive piece (explorers, exercises, the forecast) derives from :class:`CourseWidget`:
it builds ``self.widget`` (an ipywidgets container), says things with :meth:`CourseWidget.say`, and
wraps each callback in :func:`never_raise`, so a student sees a message, never a traceback.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import ipywidgets as widgets

from .display import message_html

F = TypeVar("F", bound=Callable[..., Any])

TROUBLE = (
    "Something went wrong ({error}). Run the cell above again; if it keeps happening, "
    "show this message to your teacher."
)


class CourseWidget:
    """Base class: ``self.widget`` is what the notebook shows; ``self.status`` its message line."""

    widget: widgets.Widget

    def __init__(self) -> None:
        self.status = widgets.HTML()

    def say(self, text: str, kind: str = "info") -> None:
        """Show a message (info, ok, warning or error) in the status line."""
        self.status.value = message_html(text, kind)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        from .accessibility import install

        install()  # names for the controls ipywidgets leaves unnamed (once per kernel)
        display(self.widget)


def never_raise(callback: F) -> F:
    """Wrap a :class:`CourseWidget` method so that an error becomes a message in its status line."""

    @functools.wraps(callback)
    def wrapper(self: CourseWidget, *args: Any, **kwargs: Any) -> Any:
        try:
            return callback(self, *args, **kwargs)
        except Exception as error:  # a callback must never raise into the notebook
            self.say(TROUBLE.format(error=f"{type(error).__name__}: {error}"), "error")
            return None

    return wrapper  # type: ignore[return-value]
