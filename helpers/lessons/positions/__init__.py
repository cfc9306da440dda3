"""Notebook 3, "Actor positions": who is mentioned, who speaks, how they are sourced and quoted.

Table functions take a parsed article and return a pandas DataFrame; plot functions take such a
table and return a :class:`~helpers.notebook.display.Chart`. Background data (actor descriptions,
translations, the reference stance coding) comes from ``seeds/curated`` and describes the course
article only: the functions that need it take the session and return the skip message otherwise.

Modules: ``mentions`` (who is mentioned, with whom), ``statements`` (who said what, attribution),
``translations`` (one quote, many renderings), ``explorer`` (:class:`ActorExplorer`), ``stance``
(:class:`StanceCoder`, coding and agreement), ``common`` (vocabulary, actors registry, sources).
"""

from .common import ATTRIBUTIONS, CHOOSE, NOTEBOOK, STANCES, TIE, cited_fact_ids, fact_sources, question_id
from .explorer import ActorExplorer
from .mentions import (
    actor_overview,
    cooccurrence,
    cooccurrence_pairs,
    mention_counts,
    mention_forms,
    plot_cooccurrence,
    plot_mention_counts,
    sentences_question,
)
from .stance import StanceCoder
from .statements import (
    attribution_summary,
    check_speaker_counts,
    hedged_sourcing,
    plot_attribution,
    speaker_counts_feedback,
    statements_by_side,
    statements_table,
)
from .translations import (
    translation_overview,
    translation_overview_view,
    translation_question,
    translation_variants,
    translation_variants_view,
)

__all__ = [
    "NOTEBOOK",
    "CHOOSE",
    "STANCES",
    "ATTRIBUTIONS",
    "TIE",
    "question_id",
    "fact_sources",
    "cited_fact_ids",
    "mention_counts",
    "mention_forms",
    "actor_overview",
    "cooccurrence",
    "cooccurrence_pairs",
    "plot_mention_counts",
    "plot_cooccurrence",
    "sentences_question",
    "statements_table",
    "statements_by_side",
    "attribution_summary",
    "hedged_sourcing",
    "plot_attribution",
    "check_speaker_counts",
    "speaker_counts_feedback",
    "translation_variants",
    "translation_overview",
    "translation_overview_view",
    "translation_variants_view",
    "translation_question",
    "ActorExplorer",
    "StanceCoder",
]
