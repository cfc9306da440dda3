"""Notebook 1, section 2 and the references: the glossary and the background facts, cited by id."""

from __future__ import annotations

import re

import pandas as pd

from ...curated import REFERENCE_DATE, cites_outcome, fact_citation, load_table


def glossary_table(include_outcomes: bool = False) -> pd.DataFrame:
    """The course glossary (seeds/curated/glossary.csv): term, definition, fact ids, sources.

    Terms that rest on what happened after the article (a section C fact, e.g. Oreshnik) wait for
    notebook 4; ``include_outcomes=True`` keeps them.
    """
    table = load_table("glossary")[["term", "definition", "fact_ids", "source"]]
    if include_outcomes:
        return table
    return table[~table["fact_ids"].map(cites_outcome)].reset_index(drop=True)


def facts_by_id() -> dict[str, dict]:
    """Every row of facts.csv, by fact id."""
    facts = load_table("facts")
    return {row["fact_id"].strip(): row for row in facts.to_dict("records")}


def fact_source(fact_id: str) -> str:
    """The first source of a fact, as ``helpers.curated.fact_citation`` gives it, without the 'facts X:' prefix."""
    return re.sub(r"^facts [A-Z]\d+:\s*", "", fact_citation(fact_id, known_by=REFERENCE_DATE))
