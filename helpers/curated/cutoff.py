"""What a reader could know on the article's day: outcome facts (section C) and rows dated after it.

Notebooks 0-3 show only what was known by :data:`~helpers.curated.schema.REFERENCE_DATE`; the
outcomes (facts C…, events after the article) wait for notebook 4, where students forecast them first.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pandas as pd

from ..paths import COURSE_SEED_ID
from .load import split_list
from .schema import REFERENCE_DATE

#: A fact id of the fact sheet's "what happened next" section (C1 … C99).
OUTCOME_FACT = re.compile(r"^C\d{1,2}$")


def article_date(article: Any) -> date | None:
    """The day an article was written: for the course article :data:`REFERENCE_DATE` (18 Nov 2024, worked
    out from the article's own clues in notebook 1), for another article the parser's reference date."""
    return REFERENCE_DATE if article.id == COURSE_SEED_ID else article.reference_date


def is_outcome_fact(fact_id: str) -> bool:
    """True for a fact of section C ("what happened next"): ``"C1"`` yes, ``"A2"`` no."""
    return bool(OUTCOME_FACT.match(str(fact_id).strip()))


def cites_outcome(fact_ids: str) -> bool:
    """True if a ``;``-separated list of fact ids names an outcome fact (``"A9;C2"`` → True)."""
    return any(is_outcome_fact(fid) for fid in split_list(fact_ids))


def after_article(day: object, reference: date = REFERENCE_DATE) -> bool:
    """True if ``day`` (a date, Timestamp or ISO string) lies after the article's day; False if empty."""
    if day is None or (not isinstance(day, str) and pd.isna(day)) or str(day).strip() == "":
        return False
    return pd.Timestamp(day).date() > reference


def known_by_article(table: pd.DataFrame, date_column: str = "date", reference: date = REFERENCE_DATE) -> pd.DataFrame:
    """The rows of ``table`` not dated after the article's day (rows without a date stay)."""
    keep = [not after_article(day, reference) for day in table[date_column]]
    return table[keep]
