"""Notebook 5, "Compare sources": two texts side by side, and a paraphrase checked against its source.

Table functions take a :class:`Pair` (text A, the session's article, and text B) and return pandas
DataFrames; plot functions take such a table and return a :class:`~helpers.notebook.display.Chart`, or a
:class:`~helpers.notebook.display.Message` when there is nothing to draw ("These texts share no actors").

Modules: ``words`` (content words, Jaccard), ``common`` (the pair, the notebook id), ``voices`` (who is
quoted, reporting verbs, hedges per 100 words), ``actors``, ``numbers`` (numbers and dates), ``sentences``
(closest counterparts), ``figures``, ``exercises`` (code-exercise feedback), ``paraphrase`` (the Finer
exercise, default pair only), ``app`` (:class:`CompareApp`, the "compare two texts" widget).
"""

from .actors import actor_mentions, only_one, shared_actors
from .app import CompareApp, comparison_html, seed_files
from .common import NOTEBOOK, Pair, SameTextError, load_pair, overview, show
from .exercises import check_least_covered, check_only_b
from .figures import plot_quoted, plot_shared_actors
from .numbers import numbers_and_dates
from .paraphrase import (
    confirm_question,
    left_out_question,
    model_answers,
    passages,
    side_by_side,
    wording,
    wording_question,
)
from .sentences import best_matches, closest_counterparts, coverage_summary
from .voices import hedge_rates, quoted, reporting_verbs
from .words import content_words, jaccard, words

__all__ = [
    "NOTEBOOK",
    "Pair",
    "SameTextError",
    "load_pair",
    "overview",
    "show",
    "quoted",
    "reporting_verbs",
    "hedge_rates",
    "actor_mentions",
    "shared_actors",
    "only_one",
    "numbers_and_dates",
    "closest_counterparts",
    "best_matches",
    "coverage_summary",
    "plot_quoted",
    "plot_shared_actors",
    "check_only_b",
    "check_least_covered",
    "passages",
    "side_by_side",
    "wording",
    "model_answers",
    "wording_question",
    "confirm_question",
    "left_out_question",
    "CompareApp",
    "comparison_html",
    "seed_files",
    "words",
    "content_words",
    "jaccard",
]
