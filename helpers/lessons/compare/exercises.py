"""Feedback for the notebook's two code exercises, computed from the pair of texts. Never raises."""

from __future__ import annotations

import pandas as pd

from ...notebook.display import Message
from ...notebook.freshness import checks_fresh_answers
from .actors import actor_mentions
from .common import Pair
from .sentences import closest_counterparts

NOT_YET = "Not done yet: replace None with your pandas code, run the cell, then run this one."


@checks_fresh_answers
def check_only_b(pair: Pair, answer: object) -> Message:
    """Exercise 1: ``answer`` should be the rows of the actors table whose ``in`` is ``only B``."""
    want = actor_mentions(pair)
    want = want[want["in"] == "only B"]
    if answer is None:
        return Message(NOT_YET, "info")
    if not isinstance(answer, pd.DataFrame) or "actor_id" not in answer.columns:
        return Message(
            f"Your result is a {type(answer).__name__} without an actor_id column; keep the rows of the `actors` table.",
            "warning",
        )
    got, expected = set(answer["actor_id"]), set(want["actor_id"])
    if got == expected:
        if not expected:
            return Message("Right: text B mentions no actor that text A does not mention.", "ok")
        names = ", ".join(want["actor"].head(5))
        return Message(f"Yes: {len(expected)} actors appear only in text B, among them {names}.", "ok")
    extra, missing = got - expected, expected - got
    parts = []
    if extra:
        parts.append(f"{len(extra)} row(s) that text A mentions too (their `in` is not 'only B')")
    if missing:
        parts.append(f"{len(missing)} actor(s) only B mentions are missing")
    return Message(f"Not yet: your table has {'; '.join(parts)}. Compare the `in` column with 'only B'.", "warning")


@checks_fresh_answers
def check_least_covered(pair: Pair, answer: object, rows: int = 5) -> Message:
    """Exercise 2: ``answer`` should be the ``rows`` sentences of A with the lowest scores, lowest first."""
    table = closest_counterparts(pair)
    if answer is None:
        return Message(NOT_YET, "info")
    if not isinstance(answer, pd.DataFrame) or "score" not in answer.columns:
        return Message("A table with the `score` column is expected: sort the `counterparts` table.", "warning")
    want = sorted(table["score"])[:rows]
    got = list(answer["score"])
    if len(got) != min(rows, len(table)):
        return Message(f"Your table has {len(got)} rows; keep the first {rows} (`.head({rows})`).", "warning")
    if got != sorted(got):
        return Message("These rows are not sorted lowest score first: use `ascending=True`.", "warning")
    if got != want:
        return Message(f"Not yet: the lowest scores are {', '.join(f'{s:g}' for s in want)}.", "warning")
    first = answer.iloc[0]
    return Message(
        f"Yes. The sentence of A least covered by B is {first['citation_a']} (score {first['score']:g}); "
        "read it and its only_in_a words: that is what A says and B does not.",
        "ok",
    )
