"""Notebooks 0 "Start here" and 1 "Context": one module per job, the public names gathered here.

``start`` (notebook 0), ``actors`` (who, what, where), ``sources`` (glossary, fact sources),
``claims`` (sentences beside background facts, rules from ``seeds/curated/claim_rules.csv``),
``troops`` and ``troop_figure`` (estimates that disagree), ``dating`` (the date from "the Nth day"),
``references`` (every fact id the notebook cites).

>>> import helpers
>>> from helpers.lessons import context
>>> session = helpers.start("seeds/000_0c51e7aa6578d068.txt", notebook="01_context")
>>> context.claims_and_background(session.article).head()
"""

from .actors import check_states, core_claim_id, mention_counts, sentence_html, show_sentence, who_what_where
from .claims import (
    ClaimRule,
    claims_and_background,
    claims_overview,
    load_claim_rules,
    rule_for,
    sentences_without_background,
    show_claims,
    show_topic,
)
from .dating import (
    check_day_1000,
    compare_with_parser,
    conventions_table,
    day_1000_question,
    ordinal_day_number,
    ordinal_day_rows,
    show_ordinal_day,
    war_day_to_date,
)
from .references import fact_ids_used, references_table
from .sources import fact_source, glossary_table
from .start import (
    available_articles,
    check_sentence,
    expectations_question,
    first_quote_question,
    practice_sentence_id,
    table_overview,
)
from .troop_figure import plot_troop_estimates, troop_figure_alt
from .troops import (
    article_troop_figure,
    highest_estimate,
    show_estimates,
    troop_estimates,
    troop_estimates_table,
    troop_question,
    why_disagree_question,
)
from .written import (
    dating_clues,
    judgement_items,
    judgement_questions,
    provenance_question,
    provenance_table,
    show_dating_clues,
    show_judgement_questions,
    written_on_question,
)

__all__ = [
    "dating_clues",
    "judgement_items",
    "judgement_questions",
    "provenance_question",
    "provenance_table",
    "show_dating_clues",
    "show_judgement_questions",
    "written_on_question",
    "ClaimRule",
    "article_troop_figure",
    "available_articles",
    "check_day_1000",
    "check_sentence",
    "check_states",
    "claims_and_background",
    "claims_overview",
    "compare_with_parser",
    "conventions_table",
    "core_claim_id",
    "day_1000_question",
    "expectations_question",
    "fact_ids_used",
    "fact_source",
    "first_quote_question",
    "glossary_table",
    "highest_estimate",
    "load_claim_rules",
    "mention_counts",
    "ordinal_day_number",
    "ordinal_day_rows",
    "plot_troop_estimates",
    "practice_sentence_id",
    "references_table",
    "rule_for",
    "sentence_html",
    "sentences_without_background",
    "show_claims",
    "show_estimates",
    "show_ordinal_day",
    "show_sentence",
    "show_topic",
    "table_overview",
    "troop_estimates",
    "troop_estimates_table",
    "troop_figure_alt",
    "troop_question",
    "war_day_to_date",
    "who_what_where",
    "why_disagree_question",
]
