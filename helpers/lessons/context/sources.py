"""Notebook 1, section 2 and the references: the glossary and the background facts, cited by id."""

from __future__ import annotations

import re

import pandas as pd

from ...curated import fact_citation, load_table


def glossary_table() -> pd.DataFrame:
    """The course glossary (seeds/curated/glossary.csv): term, definition, fact ids, sources."""
    return load_table("glossary")[["term", "definition", "fact_ids", "source"]]


def facts_by_id() -> dict[str, dict]:
    """Every row of facts.csv, by fact id."""
    facts = load_table("facts")
    return {row["fact_id"].strip(): row for row in facts.to_dict("records")}


def fact_source(fact_id: str) -> str:
    """The first source of a fact, as ``helpers.curated.fact_citation`` gives it, without the 'facts X:' prefix."""
    return re.sub(r"^facts [A-Z]\d+:\s*", "", fact_citation(fact_id))
