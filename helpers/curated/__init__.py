"""Curated data: the teacher-editable CSV tables in ``seeds/curated`` (facts, events, actors, …).

``load_table`` reads one table as a DataFrame; ``validate_curated`` lists every problem (file, row,
column, fix); ``fact_citation`` cites a fact id;
``known_by_article`` and ``cites_outcome`` keep notebooks 0-3 to what was known on the article's day. The tables' shape is in ``schema``.
"""

from .cutoff import after_article, article_date, cites_outcome, is_outcome_fact, known_by_article
from .load import fact_citation, load_table, split_list
from .schema import REFERENCE_DATE, TABLE_NAMES, CuratedDataError
from .validate import validate_curated

__all__ = [
    "REFERENCE_DATE",
    "after_article",
    "article_date",
    "cites_outcome",
    "is_outcome_fact",
    "known_by_article",
    "TABLE_NAMES",
    "CuratedDataError",
    "fact_citation",
    "load_table",
    "split_list",
    "validate_curated",
]
