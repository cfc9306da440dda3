"""The classroom side of the course: student copies, submissions, the class summary, the static site.

Command line (what ``make student``, ``make submission`` and ``make site`` run)::

    python -m helpers.classroom student | submission | site

The class-summary functions (``load_class``, ``completion_table``, ``forecast_scores``, ``stance_agreement``,
``pairwise_kappa``…) return DataFrames; the ``plot_*`` functions return one
:class:`~helpers.notebook.display.Chart`. Bad input raises :class:`ClassroomError`, whose message says what
to do; the command line prints it.
"""

from .bundles import BUNDLE_FORMAT, BUNDLE_VERSION, collect_submissions, make_bundle, read_answers_file
from .cli import main
from .common import (
    FORECAST_NOTEBOOK,
    NOT_CHOSEN,
    STANCE_NOTEBOOK,
    STANCES,
    ClassroomError,
    describe_question,
    forecast_questions,
    is_answered,
    is_course_question,
)
from .forecasts import (
    BASELINE_FORECAST,
    class_mean_brier,
    forecast_message,
    forecast_scores,
    forecast_spread,
    forecast_table,
)
from .names import NO_NAME, name_key, person_name
from .site import Page, build_site, notebook_title
from .stances import (
    mean_pairwise_kappa,
    pairwise_kappa,
    reference_stances,
    stance_agreement,
    stance_codes,
    stance_message,
)
from .student import make_student_copies
from .submission import Submission, export_submission, submission_html
from .summary import (
    answers_by_file,
    class_overview,
    completion_table,
    conflicting_answers,
    ignored_parts,
    invalid_answers,
    load_class,
    skipped_files,
    unknown_questions,
)
from .summary_plots import plot_brier, plot_completion, plot_forecasts, plot_stance_agreement
from .summary_text import FREE_TEXT_QUESTIONS, free_text_answers, free_text_view, is_free_text

__all__ = [
    "BASELINE_FORECAST",
    "BUNDLE_FORMAT",
    "BUNDLE_VERSION",
    "ClassroomError",
    "FORECAST_NOTEBOOK",
    "FREE_TEXT_QUESTIONS",
    "NOT_CHOSEN",
    "NO_NAME",
    "Page",
    "STANCES",
    "STANCE_NOTEBOOK",
    "Submission",
    "answers_by_file",
    "build_site",
    "class_mean_brier",
    "class_overview",
    "collect_submissions",
    "completion_table",
    "conflicting_answers",
    "describe_question",
    "export_submission",
    "forecast_message",
    "forecast_questions",
    "forecast_scores",
    "forecast_spread",
    "forecast_table",
    "free_text_answers",
    "free_text_view",
    "ignored_parts",
    "invalid_answers",
    "is_answered",
    "is_course_question",
    "is_free_text",
    "load_class",
    "main",
    "make_bundle",
    "make_student_copies",
    "mean_pairwise_kappa",
    "name_key",
    "notebook_title",
    "pairwise_kappa",
    "person_name",
    "plot_brier",
    "plot_completion",
    "plot_forecasts",
    "plot_stance_agreement",
    "read_answers_file",
    "reference_stances",
    "skipped_files",
    "stance_agreement",
    "stance_codes",
    "stance_message",
    "submission_html",
    "unknown_questions",
]
