"""Shared parts of notebook 4: its id, the two course tables outside the curated schema, references."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from IPython.display import HTML

from ...curated import CuratedDataError, fact_citation, load_table
from ...notebook.display import Message, table_html
from ...notebook.session import Session
from ...paths import curated_dir

NOTEBOOK = "04_escalation"
AS_OF = "as of mid-December 2025"

#: Course tables of notebook 4 that ``helpers.curated.schema`` does not list yet: name → columns.
EXTRA_TABLES = {
    "hypotheses": ["hypothesis_id", "hypothesis", "rule"],
    "cited_facts": ["notebook", "fact_id"],
}


def read_course_table(name: str, folder: Path | str | None = None) -> pd.DataFrame:
    """Read ``seeds/curated/<name>.csv`` (one of :data:`EXTRA_TABLES`) as stripped text cells.

    Raises ``CuratedDataError`` naming the fix if the file is missing or a column is lost.
    """
    columns = EXTRA_TABLES[name]
    path = (curated_dir() if folder is None else Path(folder)) / f"{name}.csv"
    if not path.is_file():
        raise CuratedDataError(
            f"Curated table not found: {path}. Restore it from the course repository (seeds/curated/{name}.csv)."
        )
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise CuratedDataError(
            f"{path.name} could not be read ({error}). Save it again as 'CSV UTF-8 (comma delimited)'."
        ) from error
    table.columns = [str(column).strip() for column in table.columns]
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise CuratedDataError(
            f"{path.name} lacks the column(s) {', '.join(missing)}; keep the header row exactly as shipped."
        )
    return table[columns].map(str.strip)


def cited_facts(notebook: str = NOTEBOOK) -> list[str]:
    """The background facts a notebook cites outside its reveals (cited_facts.csv), in file order."""
    table = read_course_table("cited_facts")
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
