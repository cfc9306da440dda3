"""Curated data: the teacher-editable CSV tables in ``seeds/curated`` (facts, events, actors, …).

``load_table`` reads one table as a DataFrame; ``validate_curated`` lists every problem (file, row,
column, fix); ``fact_citation`` cites a fact id, with the page's own headline and date where
``source_pages`` has them (``page_label``);
``known_by_article`` and ``cites_outcome`` keep notebooks 0-3 to what was known on the article's day. The tables' shape is in ``schema``.
"""

from .cutoff import after_article, article_date, cites_outcome, is_outcome_fact, known_by_article
from .load import fact_citation, load_table, source_pages, split_list
from .pages import page_label
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
    "page_label",
    "source_pages",
    "split_list",
    "validate_curated",
]
