"""Notebook 4, "Escalation questions": Kahn's ladder, signals, hedged claims, competing hypotheses, forecasts.

Table functions take a parsed article and return a pandas DataFrame; plot functions take a table
and return a :class:`~helpers.notebook.display.Chart`. Parts that need the teacher's reference data
(ladder placements, the ACH matrix, the forecast outcomes) take the session and return the skip
message for any article other than the course's own. Curated rows point at the article's sentences
with the course's one rule syntax (:func:`helpers.curated.rules.find_sentences`).

Modules: ``ladder`` (Kahn's ladder, :class:`LadderExercise`), ``signals`` (threats as signals),
``certainty`` (hedges and certainty), ``ach`` (:class:`ACHMatrix`), ``forecast``
(:class:`ForecastExercise`, Brier score), ``brier`` (Exercise 5), ``closing`` (the end of the course: the
full timeline, a look back at notebook 00, the checklist), ``common`` (notebook id, extra tables, references).
"""

from .ach import (
    HYPOTHESIS_IDS,
    MARKS,
    ACHMatrix,
    ach_evidence,
    ach_hypotheses,
    ach_matrix,
    ach_reference_marks,
    ach_scores,
    evidence_view,
    hypotheses,
    hypotheses_view,
)
from .brier import check_brier, practice_forecasts
from .certainty import (
    CATEGORIES,
    CATEGORY_MEANING,
    beside_fact,
    certainty_counts,
    certainty_table,
    hedge_cues,
    hedge_layers,
    hedges_view,
    plot_certainty,
)
from .closing import earlier_expectation, full_timeline, look_back_question
from .common import AS_OF, NOTEBOOK, cited_facts, references, troop_estimates_view
from .forecast import (
    REVEALED,
    ForecastExercise,
    forecast_chart,
    forecast_exercise,
    question_label,
    reason_id,
    reset_forecasts,
    window_start,
)
from .ladder import (
    LADDER_ITEM_COLUMNS,
    LadderExercise,
    ladder_exercise,
    ladder_items,
    ladder_items_view,
    ladder_options,
    ladder_placements,
    ladder_units,
    plot_ladder,
    unit_label,
)
from .outcomes import afterwards_html, forecast_questions, forecast_questions_view, plot_forecasts
from .signals import deterrence_question, signal_statements

__all__ = [
    "NOTEBOOK",
    "AS_OF",
    "cited_facts",
    "references",
    "troop_estimates_view",
    "ladder_units",
    "unit_label",
    "ladder_options",
    "plot_ladder",
    "ladder_placements",
    "ladder_items",
    "ladder_items_view",
    "ladder_exercise",
    "LadderExercise",
    "LADDER_ITEM_COLUMNS",
    "signal_statements",
    "deterrence_question",
    "CATEGORIES",
    "CATEGORY_MEANING",
    "hedge_cues",
    "certainty_table",
    "certainty_counts",
    "plot_certainty",
    "hedge_layers",
    "hedges_view",
    "HYPOTHESIS_IDS",
    "MARKS",
    "hypotheses",
    "ach_hypotheses",
    "ach_evidence",
    "ach_reference_marks",
    "ach_scores",
    "hypotheses_view",
    "evidence_view",
    "ach_matrix",
    "ACHMatrix",
    "forecast_questions",
    "forecast_questions_view",
    "plot_forecasts",
    "forecast_exercise",
    "forecast_chart",
    "ForecastExercise",
    "REVEALED",
    "reason_id",
    "reset_forecasts",
    "window_start",
    "question_label",
    "afterwards_html",
    "beside_fact",
    "full_timeline",
    "earlier_expectation",
    "look_back_question",
    "practice_forecasts",
    "check_brier",
]
