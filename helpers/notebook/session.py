"""The first call in every notebook: ``session = start(SEED, notebook="01_context")``.

:func:`start` loads the article, sets up figures, shows course errors as a message instead of a
traceback and returns a :class:`Session`. The session carries the notebook id (the one place it is
written in a notebook) and knows whether the course article is loaded, so a section that needs the
teacher's reference data says so itself (:meth:`Session.reference`): no cell needs an ``if``.

Where several students share one server (Voila: every visitor gets a kernel on the same server and
the same answers folder) the answers are kept per student: under ``$JUPYTERHUB_USER`` when a hub
logged the student in, otherwise under the name the student types before the first answer
(:class:`~helpers.notebook.answering.NamePrompt`). ``start`` detects Voila (:func:`in_voila`);
``per_user=True``/``False`` overrides that.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import CourseError
from ..parse.article import Article, load_article
from ..paths import COURSE_NOTEBOOKS, COURSE_SEED_ID, course_root, default_seed
from ..templates import TEXT_ONLY_CLASSES
from .display import BORDER_COLOUR, OKABE_ITO, Message, escape

#: Every notebook of the course, by id (the answers file is ``answers/<id>.json``); kept in helpers.paths.
NOTEBOOKS = COURSE_NOTEBOOKS


class UnknownNotebookError(CourseError):
    """A notebook id that is not in :data:`NOTEBOOKS`."""


def check_notebook(notebook: str) -> str:
    """Return ``notebook`` if it is a course notebook id; a clear error otherwise."""
    if notebook not in NOTEBOOKS:
        raise UnknownNotebookError(
            f"{notebook!r} is not a notebook of this course. Use one of: {', '.join(NOTEBOOKS)}."
        )
    return notebook


def resolve_seed(seed: str | Path) -> Path:
    """Find the article: as given, else relative to the course folder (so copies in dist/ work too)."""
    path = Path(seed)
    if path.exists() or path.is_absolute():
        return path
    root = course_root()
    for base in (root, root / "notebooks"):
        candidate = (base / path).resolve()
        if candidate.exists():
            return candidate
    return path


@dataclass
class Session:
    """One notebook's run: the parsed article and the notebook it belongs to."""

    article: Article
    notebook: str
    per_user: bool = False

    @property
    def student(self) -> str | None:
        """Whose answers this session keeps (per-student mode; None until the student is known)."""
        if not self.per_user:
            return None
        from .answering import current_student

        return current_student()

    @property
    def is_course_article(self) -> bool:
        """True for the course's own article, the one the curated reference data describes."""
        return is_course_seed(self.article)

    def reference(self, what: str) -> Message | None:
        """``None`` if the reference data applies; else a message that ``what`` is skipped.

        Lesson functions that need the teacher's reference data return this message instead of
        their result, so the notebook cell shows it and the run goes on.
        """
        if self.is_course_article:
            return None
        return skipped(what)

    @property
    def store(self) -> Any:
        """This notebook's answers file (an :class:`~helpers.notebook.answers.AnswerStore`)."""
        from .answering import store_for

        return store_for(self.notebook)


def start(seed: str | Path | None = None, notebook: str = "00_start_here", per_user: bool | None = None) -> Session:
    """Load the article for a notebook and prepare the session.

    A problem with the article (empty, not UTF-8, too large…) is shown as a short message, not a
    traceback, and stops the run there.

    ``per_user``: keep each student's answers apart on a shared server (see the module's text);
    None (the default) turns it on in Voila only.
    """
    from . import accessibility, freshness

    check_notebook(notebook)
    install_friendly_errors()
    freshness.watch()
    accessibility.install(force=True)
    style_figures()
    article = load_article(resolve_seed(seed if seed is not None else default_seed()))
    _show_card(article, notebook)
    if per_user is None:
        per_user = in_voila()
    if per_user:
        _answer_per_student()
    else:
        _show_store_warning(notebook)
    return Session(article, notebook, per_user)


def _show_store_warning(notebook: str) -> None:
    """Tell the student, at the top of the notebook, when its answers file had to be set aside."""
    from IPython.display import display

    from .answering import store_for
    from .answers import AnswerStoreError

    try:
        warning = store_for(notebook).warning
    except AnswerStoreError as error:
        warning = str(error)
    if warning:
        display(Message(warning, "warning"))


#: Variables Voila sets in the environment of the kernels it starts (voila 0.5: handler.py and
#: voila_kernel_manager.py), whether a visitor's page started the kernel or it was preheated.
VOILA_VARIABLES = ("VOILA_KERNEL_ID", "VOILA_REQUEST_URL", "VOILA_BASE_URL", "VOILA_SERVER_URL", "VOILA_APP_PORT")


def in_voila() -> bool:
    """True in a kernel that Voila started (a shared app: every visitor has a kernel on one server)."""
    return any(os.environ.get(name) for name in VOILA_VARIABLES)


def _answer_per_student() -> None:
    """Keep answers per student: the hub's user, else ask for a name (shown here, before any question)."""
    from .answering import NamePrompt, answer_per_student
    from .answers import AnswerStoreError

    hub_user = os.environ.get("JUPYTERHUB_USER", "").strip()
    try:
        answer_per_student(hub_user or None)
    except AnswerStoreError:  # a hub name that makes no folder name: ask the student instead
        hub_user = ""
        answer_per_student(None)
    if not hub_user:
        from IPython.display import display

        display(NamePrompt())


def is_course_seed(article: Article) -> bool:
    """True for the course's own article, the one the curated reference data describes."""
    return article.id == COURSE_SEED_ID


def skipped(what: str) -> Message:
    """The message shown in place of a section that needs the course article's reference data."""
    return Message(
        f"{what} uses the teacher's reference data, which exists only for the course article "
        f"({COURSE_SEED_ID}). This section is skipped for the article you chose.",
        "info",
    )


def style_figures() -> None:
    """Colour-blind-safe colours and readable sizes for every matplotlib figure; tables shown as text.

    pandas then gives every table it shows the classes that stop MathJax (text stays text).
    """
    import matplotlib as mpl

    pd.set_option("display.html.use_mathjax", False)
    from cycler import cycler

    mpl.rcParams.update(
        {
            "axes.prop_cycle": cycler(color=list(OKABE_ITO.values())),
            "figure.figsize": (8, 4),
            "figure.dpi": 100,
            "font.size": 11,
            "axes.titlesize": 13,
            "axes.titleweight": "bold",
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )


def install_friendly_errors() -> None:
    """In IPython, show a CourseError as a message box with its fix, without a traceback."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is always there in a notebook
        return
    shell = get_ipython()
    if shell is None:
        return

    def handler(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: Any = None) -> list[str]:
        from IPython.display import display

        display(Message(friendly_error(value), "error"))
        return [f"{etype.__name__}: {value}"]

    shell.set_custom_exc((CourseError, NameError), handler)


def friendly_error(error: BaseException) -> str:
    """What a student reads for a course error (its own text) or a name that does not exist yet."""
    if isinstance(error, NameError) and not isinstance(error, CourseError):
        name = getattr(error, "name", None) or str(error)
        return (
            f"`{name}` does not exist yet. Run the cell that sets it (above this one) first; if that cell "
            "stopped with an error, fix it and run it again. Check the spelling too."
        )
    return str(error)


#: Notebook 01 asks students to date the course article from its clues: its card must not give the answer.
_DATES_THE_ARTICLE = "01_context"


def card_date(article: Article, notebook: str) -> str:
    """The date line of the article card (escaped HTML).

    The parser's reference date and its basis; for the course article also the day the course works out
    (18 Nov 2024, :func:`helpers.curated.article_date`), except in the notebook that asks for it."""
    from ..curated.cutoff import article_date

    parsed = f"{article.reference_date:%d %B %Y}" if article.reference_date else "unknown"
    line = f"<b>Parser's reference date:</b> {escape(parsed)} <small>({escape(article.reference_basis)})</small>"
    if article.id != COURSE_SEED_ID:
        return line
    if notebook == _DATES_THE_ARTICLE:
        return "<b>The article's date:</b> you work it out in section 6 of this notebook."
    day = article_date(article)
    return f"<b>The article's day:</b> {escape(f'{day:%d %B %Y}')} (worked out in notebook 1, section 6) · {line}"


def _show_card(article: Article, notebook: str) -> None:
    from IPython.display import HTML, display

    display(
        HTML(
            f'<div class="course-card {TEXT_ONLY_CLASSES}" style="border:1px solid {BORDER_COLOUR};padding:6px 10px;margin:4px 0">'
            f"<b>Article:</b> {escape(article.id)} · {len(article.sentences)} sentences in "
            f"{article.sentences['paragraph'].nunique()} paragraphs · {len(article.mentions)} actor mentions · "
            f"{len(article.quotes)} quotes<br>{card_date(article, notebook)}</div>"
        )
    )


def skip_message(what: str) -> None:
    """Display :func:`skipped` (for code that has not moved to :meth:`Session.reference` yet)."""
    from IPython.display import display

    display(skipped(what))
