"""Shared parts of notebook 3: its id and vocabulary, the actors registry, answer ids, fact sources."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from ...curated import REFERENCE_DATE, fact_citation, load_table, split_list
from ...notebook.session import Session, is_course_seed
from ...parse.article import Article

NOTEBOOK = "03_actor_positions"
CHOOSE = "(choose)"
STANCES = ("supports the decision", "opposes the decision", "not about the decision")
ATTRIBUTIONS = {
    "named": "named, on the record",
    "institutional": "institutional (a state, body or role)",
    "anonymous": "anonymous or unconfirmed",
}
TIE = "It is a tie"
NO_SIDE = "(no side listed)"


def as_session(source: Session | Article) -> Session:
    """The session of notebook 3; an article alone (in tests or scripts) gets this notebook's id."""
    return source if isinstance(source, Session) else Session(source, NOTEBOOK)


@lru_cache(maxsize=1)
def actors_registry() -> dict[str, dict[str, str]]:
    """actors.csv by actor_id (empty if the table cannot be read: notebooks still run)."""
    try:
        table = load_table("actors")
    except Exception:  # a broken curated file must not stop the lesson
        return {}
    return {row["actor_id"].strip(): row for row in table.to_dict("records")}


def side_of(actor_id: str, kind: str) -> str:
    """The state an actor belongs to (actors.csv ``side``); a state is its own side; else ``""``."""
    row = actors_registry().get(actor_id)
    if row is not None and row.get("side", "").strip():
        return row["side"].strip()
    return actor_id if kind == "state" else ""


def side_name(side: str, fallback: str = "") -> str:
    """A side's display name: its name in actors.csv, else ``fallback``, else the id in title case."""
    if not side:
        return NO_SIDE
    row = actors_registry().get(side)
    if row is not None:
        return row["name"]
    return fallback or side.replace("_", " ").title()


def question_id(article: Article, base: str) -> str:
    """An answer id that is stable for the course article and separate for any other article."""
    return base if is_course_seed(article) else f"{base}.{article.id}"


def cited_fact_ids(article: Article) -> list[str]:
    """Fact ids this notebook cites: B11–B13, plus (course article) those behind the actor descriptions."""
    ids = ["B11", "B12", "B13"]
    if is_course_seed(article):
        registry = actors_registry()
        for actor_id in dict.fromkeys(article.mentions["actor_id"]):
            ids.extend(split_list(registry.get(actor_id, {}).get("fact_ids", "")))
    return sorted(dict.fromkeys(ids), key=lambda f: (f[0], int(f[1:]) if f[1:].isdigit() else 0))


def fact_sources(fact_ids: Iterable[str]) -> pd.DataFrame:
    """Fact id and short citation (first source, with URL) for each id, for a references section."""
    rows = []
    for fact_id in dict.fromkeys(fact_ids):
        try:
            rows.append((fact_id, fact_citation(fact_id, known_by=REFERENCE_DATE).split(": ", 1)[1]))
        except Exception:  # one unknown id must not hide the others
            rows.append((fact_id, "(not found in facts.csv)"))
    return pd.DataFrame(rows, columns=["fact_id", "source"])
