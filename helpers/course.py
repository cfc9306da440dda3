"""The first call in every notebook: load the article, set up figures, explain errors kindly."""

from __future__ import annotations

from pathlib import Path

from .parse.article import Article, load_article
from .display import OKABE_ITO, escape, message_html
from .errors import CourseError

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = REPO_ROOT / "seeds" / "000_0c51e7aa6578d068.txt"
COURSE_SEED_ID = DEFAULT_SEED.stem


def resolve_seed(seed: str | Path) -> Path:
    """Find the article: as given, else relative to the course folder (so copies in dist/ work too)."""
    path = Path(seed)
    if path.exists() or path.is_absolute():
        return path
    for base in (REPO_ROOT, REPO_ROOT / "notebooks"):
        candidate = (base / path).resolve()
        if candidate.exists():
            return candidate
    return path


def start(seed: str | Path = DEFAULT_SEED, notebook: str = "") -> Article:
    """Load the article for a notebook and prepare the session.

    A problem with the article (empty, not UTF-8, too large…) is shown as a short message, not a
    traceback, and stops the run there.
    """
    install_friendly_errors()
    style_figures()
    article = load_article(resolve_seed(seed))
    _show_card(article, notebook)
    return article


def is_course_seed(article: Article) -> bool:
    """True for the course's own article, the one the curated reference data describes."""
    return article.id == COURSE_SEED_ID


def skip_message(what: str) -> None:
    """Say politely that a section needs the course's own article, and skip it."""
    from IPython.display import HTML, display

    display(HTML(message_html(
        f"{what} uses the teacher's reference data, which exists only for the course article "
        f"({COURSE_SEED_ID}). This section is skipped for the article you chose.", "info")))


def style_figures() -> None:
    """Colour-blind-safe colours and readable sizes for every matplotlib figure."""
    import matplotlib as mpl
    from cycler import cycler

    mpl.rcParams.update({
        "axes.prop_cycle": cycler(color=list(OKABE_ITO.values())),
        "figure.figsize": (8, 4), "figure.dpi": 100, "font.size": 11,
        "axes.titlesize": 13, "axes.titleweight": "bold", "axes.spines.top": False, "axes.spines.right": False,
    })


def install_friendly_errors() -> None:
    """In IPython, show a CourseError as a message box with its fix, without a traceback."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is always there in a notebook
        return
    shell = get_ipython()
    if shell is None:
        return

    def handler(shell, etype, value, tb, tb_offset=None):
        from IPython.display import HTML, display

        display(HTML(message_html(str(value), "error")))
        return [f"{etype.__name__}: {value}"]

    shell.set_custom_exc((CourseError,), handler)


def _show_card(article: Article, notebook: str) -> None:
    from IPython.display import HTML, display

    when = f"{article.reference_date:%d %B %Y}" if article.reference_date else "unknown"
    display(HTML(
        f'<div class="course-card" style="border:1px solid #ccc;padding:6px 10px;margin:4px 0">'
        f"<b>Article:</b> {escape(article.id)} · {len(article.sentences)} sentences in "
        f"{article.sentences['paragraph'].nunique()} paragraphs · {len(article.mentions)} actor mentions · "
        f"{len(article.quotes)} quotes<br><b>Reference date:</b> {escape(when)} "
        f"<small>({escape(article.reference_basis)})</small></div>"))
