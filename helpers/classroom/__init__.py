"""The classroom side of the course: student copies, submissions, the class summary, the static site.

Command line (what ``make student``, ``make submission`` and ``make site`` run)::

    python -m helpers.classroom student | submission | site
"""

from .core import *  # noqa: F403
