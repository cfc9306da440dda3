"""Notebook 1, references: every fact id the notebook's tables cite, with its source and confidence."""

from __future__ import annotations

import pandas as pd

from ...curated import is_outcome_fact, split_list
from .claims import load_claim_rules
from .sources import fact_source, facts_by_id, glossary_table


def fact_ids_used() -> list[str]:
    """Every fact id this notebook's tables cite (claim rules, glossary, troop estimates), in fact-sheet order.

    Outcome facts (section C) are left out: notebook 4 reveals them.
    """
    from .troops import troop_estimates_table

    ids = {fid for rule in load_claim_rules() for fid in rule.notes}
    ids |= {fid for cell in glossary_table()["fact_ids"] for fid in split_list(cell)}
    ids |= set(troop_estimates_table()["fact_id"].str.strip())
    ids = {fid for fid in ids if not is_outcome_fact(fid)}
    order = list(facts_by_id())
    return sorted(ids, key=lambda fid: order.index(fid) if fid in order else len(order))


def references_table(fact_ids: list[str] | None = None) -> pd.DataFrame:
    """Fact id, first source (with URL where the fact sheet gives one) and confidence, for each fact."""
    facts = facts_by_id()
    ids = fact_ids_used() if fact_ids is None else list(fact_ids)
    return pd.DataFrame(
        [
            {"fact_id": fid, "source": fact_source(fid), "confidence": facts[fid]["confidence"]}
            for fid in ids
            if fid in facts
        ],
        columns=["fact_id", "source", "confidence"],
    )
