"""Which actors each text mentions, and the ones only one of them mentions."""

from __future__ import annotations

import pandas as pd

from ...notebook.display import Message
from .common import Pair, in_which, nothing_shared


def actor_mentions(pair: Pair) -> pd.DataFrame:
    """Every actor either text mentions, with its mentions in each (matched by actor id).

    Columns: actor_id, actor, kind, a_mentions, b_mentions, in (``both``, ``only A``, ``only B``).
    Actors in both texts first, then only A, then only B; most mentioned first within each.
    """
    columns = ["actor_id", "actor", "kind", "a_mentions", "b_mentions", "in"]
    rows: dict[str, dict[str, object]] = {}
    for side, article in (("a", pair.a), ("b", pair.b)):
        for actor_id, actor, kind in zip(
            article.mentions["actor_id"], article.mentions["actor"], article.mentions["kind"]
        ):
            row = rows.setdefault(
                str(actor_id),
                {"actor_id": str(actor_id), "actor": str(actor), "kind": str(kind), "a_mentions": 0, "b_mentions": 0},
            )
            row[f"{side}_mentions"] += 1  # type: ignore[operator]
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(list(rows.values()))
    table["in"] = [in_which(a > 0, b > 0) for a, b in zip(table["a_mentions"], table["b_mentions"])]
    order = {"both": 0, "only A": 1, "only B": 2}
    table["_group"] = table["in"].map(order)
    table["_total"] = -(table["a_mentions"] + table["b_mentions"])
    table = table.sort_values(["_group", "_total"], kind="stable")
    return table.reset_index(drop=True)[columns]


def shared_actors(pair: Pair) -> pd.DataFrame | Message:
    """The actors both texts mention, or the message "These texts share no actors" when there are none."""
    table = actor_mentions(pair)
    shared = table[table["in"] == "both"].reset_index(drop=True)
    return nothing_shared("actors", pair) if shared.empty else shared


def only_one(pair: Pair) -> pd.DataFrame:
    """The actors only one of the two texts mentions (``in`` is ``only A`` or ``only B``)."""
    table = actor_mentions(pair)
    return table[table["in"] != "both"].reset_index(drop=True)
