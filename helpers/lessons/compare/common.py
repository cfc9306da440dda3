"""Shared parts of notebook 5: its id, the pair of texts, and the labels A and B."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ...errors import CourseError
from ...notebook.display import Message, show_table
from ...notebook.session import Session, resolve_seed
from ...parse.article import Article, load_article
from .words import normalise, word_count

NOTEBOOK = "05_compare_sources"


class SameTextError(CourseError):
    """Text A and text B are the same file: there is nothing to compare."""


@dataclass
class Pair:
    """The two texts compared: ``a`` (the session's article) and ``b``."""

    a: Article
    b: Article

    @property
    def labels(self) -> tuple[str, str]:
        """How tables name the texts: ``A (<id>)`` and ``B (<id>)``."""
        return f"A ({self.a.id})", f"B ({self.b.id})"


def load_pair(source: Session | Article, seed_b: str | Path) -> Pair:
    """Text A from the session, text B read and parsed from ``seed_b`` (a path, or relative to the course)."""
    a = source.article if isinstance(source, Session) else source
    b = load_article(resolve_seed(seed_b))
    if normalise(a.text) == normalise(b.text):
        raise SameTextError(
            f"Text A ({a.id}) and text B ({b.id}) are the same text. Set SEED_B to a different file and run again."
        )
    return Pair(a, b)


def overview(pair: Pair) -> pd.DataFrame:
    """One row per text: label, id, sentences, paragraphs, words, actors, statements, reference date."""
    rows = []
    for label, article in zip(("A", "B"), (pair.a, pair.b)):
        rows.append(
            {
                "text": label,
                "id": article.id,
                "sentences": len(article.sentences),
                "paragraphs": int(article.sentences["paragraph"].nunique()),
                "words": word_count(article.text),
                "actors": int(article.mentions["actor_id"].nunique()),
                "statements": len(article.statements),
                "reference_date": f"{article.reference_date:%d %B %Y}" if article.reference_date else "unknown",
            }
        )
    return pd.DataFrame(rows)


def show(result: pd.DataFrame | Message, *, caption: str = "", columns: list[str] | None = None) -> None:
    """Show a table (escaped, :func:`~helpers.notebook.display.show_table`) or the message that replaces it."""
    from IPython.display import display

    if isinstance(result, pd.DataFrame):
        show_table(result, caption=caption, columns=columns)
    else:
        display(result)


def in_which(in_a: bool, in_b: bool) -> str:
    """``both``, ``only A`` or ``only B``."""
    return "both" if in_a and in_b else ("only A" if in_a else "only B")


def nothing_shared(what: str, pair: Pair) -> Message:
    """The message shown instead of an empty figure: ``These texts share no <what>``."""
    return Message(f"These texts share no {what}: {pair.a.id} (A) and {pair.b.id} (B) have none in common.", "info")
