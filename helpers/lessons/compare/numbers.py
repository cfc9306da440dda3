"""The numbers and dates each text gives, matched by value so that "1,000" and "a thousand" meet."""

from __future__ import annotations

import pandas as pd

from ...parse.article import Article, cite
from .common import Pair, in_which
from .words import one_line


def _number_key(value: float, unit: str) -> str:
    return f"{value:,.10g} {unit}".strip()


def _found(article: Article) -> list[tuple[str, str, str, str]]:
    """(kind, key, as written, citation) for every quantity and dated time expression of one text."""
    rows = []
    for value, unit, text, sentence_id in zip(
        article.quantities["value"],
        article.quantities["unit"],
        article.quantities["text"],
        article.quantities["sentence_id"],
    ):
        if pd.isna(value):
            continue
        rows.append(("number", _number_key(float(value), str(unit or "")), one_line(text), cite(sentence_id)))
    times = article.time_expressions
    for start, end, text, sentence_id in zip(
        times["start_date"], times["end_date"], times["text"], times["sentence_id"]
    ):
        if pd.isna(start):
            continue  # "recently", a clock time: no calendar date to compare
        key = f"{start:%Y-%m-%d}" if pd.isna(end) or end == start else f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"
        rows.append(("date", key, one_line(text), cite(sentence_id)))
    return rows


def numbers_and_dates(pair: Pair) -> pd.DataFrame:
    """Each number (value and unit) and calendar date either text gives, and where each text gives it.

    Columns: kind (number or date), value (the number with its unit, or the date as YYYY-MM-DD),
    a (how A writes it, with citations), b (the same for B), in (``both``, ``only A``, ``only B``).
    Values both texts give come first.
    """
    columns = ["kind", "value", "a", "b", "in"]
    rows: dict[tuple[str, str], dict[str, list[str]]] = {}
    for side, article in (("a", pair.a), ("b", pair.b)):
        for kind, key, text, citation in _found(article):
            places = rows.setdefault((kind, key), {"a": [], "b": []})
            places[side].append(f"{text} {citation}")
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(
        [
            {"kind": kind, "value": key, "a": "; ".join(places["a"]), "b": "; ".join(places["b"])}
            for (kind, key), places in rows.items()
        ]
    )
    table["in"] = [in_which(bool(a), bool(b)) for a, b in zip(table["a"], table["b"])]
    table["_group"] = table["in"].map({"both": 0, "only A": 1, "only B": 2})
    table = table.sort_values(["_group", "kind"], kind="stable")
    return table.reset_index(drop=True)[columns]
