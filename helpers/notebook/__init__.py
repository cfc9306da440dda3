"""Notebook support: the session every notebook starts, display conventions, widgets, answers.

- ``session``: :func:`start` (the first call of every notebook) and the notebook ids.
- ``display``: :func:`show_table`, :class:`Chart` (figure + alt text + table), :class:`Message`, escaping.
- ``exercises``: the answer widgets (choice, text, number, date, order) and the hand-in button.
- ``answers``: the per-student answers file, saved atomically on every change.
- ``scoring``: Brier scores and agreement (Cohen's kappa).
"""

from .display import Chart, Message, show_table
from .session import NOTEBOOKS, Session, start

__all__ = ["NOTEBOOKS", "Chart", "Message", "Session", "show_table", "start"]
