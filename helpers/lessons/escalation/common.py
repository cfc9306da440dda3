"""Shared parts of notebook 4: its id, the facts it cites, references."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from ...curated import fact_citation, load_table
from ...notebook.display import Message, table_html
from ...notebook.session import Session

NOTEBOOK = "04_escalation"
AS_OF = "as of mid-December 2025"


def cited_facts(notebook: str = NOTEBOOK) -> list[str]:
    """The background facts a notebook cites outside its reveals (cited_facts.csv), in file order."""
    table = load_table("cited_facts")
    return list(dict.fromkeys(table.loc[table["notebook"] == notebook, "fact_id"]))


def references(fact_ids: list[str]) -> pd.DataFrame:
    """One row per fact id: fact_id and the short citation from facts.csv (source, URL, confidence)."""
    return pd.DataFrame({"fact_id": fact_ids, "citation": [fact_citation(f) for f in fact_ids]})


def troop_estimates_view(session: Session) -> HTML | Message:
    """The sourced troop estimates (troop_estimates.csv) as a table, or the message that it is skipped."""
    return session.reference("The table of sourced troop estimates") or HTML(
        table_html(
            load_table("troop_estimates"),
            caption="North Korean troops in Russia: estimates and their sources",
            columns=["date", "source_org", "estimate_low", "estimate_high", "scope", "fact_id"],
        )
    )
