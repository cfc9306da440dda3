"""Who speaks in each text, with which reporting verbs, and how much each hedges."""

from __future__ import annotations

import pandas as pd

from .common import Pair, in_which
from .words import word_count


def quoted(pair: Pair) -> pd.DataFrame:
    """Who is quoted and how often in each text: one row per speaker (matched across texts by speaker id).

    Columns: speaker, a_direct, a_reported, b_direct, b_reported (statements in quotation marks, and
    paraphrased; in a transcript every sentence under a speaker's label is a direct statement), total, in (``both``, ``only A``, ``only B``). Most statements first.
    """
    rows: dict[str, dict[str, object]] = {}
    for side, article in (("a", pair.a), ("b", pair.b)):
        for speaker_id, speaker, direct in zip(
            article.statements["speaker_id"], article.statements["speaker"], article.statements["direct"]
        ):
            row = rows.setdefault(
                str(speaker_id),
                {"speaker": str(speaker), "a_direct": 0, "a_reported": 0, "b_direct": 0, "b_reported": 0},
            )
            row[f"{side}_{'direct' if bool(direct) else 'reported'}"] += 1  # type: ignore[operator]
    columns = ["speaker", "a_direct", "a_reported", "b_direct", "b_reported", "total", "in"]
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(list(rows.values()))
    table["total"] = table[["a_direct", "a_reported", "b_direct", "b_reported"]].sum(axis=1)
    table["in"] = [
        in_which(a_d + a_r > 0, b_d + b_r > 0)
        for a_d, a_r, b_d, b_r in zip(table["a_direct"], table["a_reported"], table["b_direct"], table["b_reported"])
    ]
    return table.sort_values("total", ascending=False, kind="stable").reset_index(drop=True)[columns]


def reporting_verbs(pair: Pair) -> pd.DataFrame:
    """Which reporting verbs each text uses (by dictionary form: "said" and "says" are both "say").

    Columns: verb, a, b (statements with that verb in each text), in, forms (the forms as written).
    A transcript's turns (words under a speaker label, with no verb) are not counted: no one chose a verb.
    """
    columns = ["verb", "a", "b", "in", "forms"]
    counts: dict[str, dict[str, object]] = {}
    for side, article in (("a", pair.a), ("b", pair.b)):
        for lemma, verb in zip(article.statements["lemma"], article.statements["verb"]):
            if not str(verb).strip():
                continue
            row = counts.setdefault(str(lemma), {"verb": str(lemma), "a": 0, "b": 0, "forms": {}})
            row[side] += 1  # type: ignore[operator]
            row["forms"][str(verb).lower()] = None  # type: ignore[index]
    if not counts:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(list(counts.values()))
    table["in"] = [in_which(a > 0, b > 0) for a, b in zip(table["a"], table["b"])]
    table["forms"] = [", ".join(forms) for forms in table["forms"]]
    table["_total"] = table["a"] + table["b"]
    table = table.sort_values(["_total", "verb"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True)[columns]


def hedge_rates(pair: Pair) -> pd.DataFrame:
    """Hedges per 100 words in each text, so that a long and a short text can be compared.

    Columns: text (A or B), id, words, hedges, per_100_words (rounded to 0.1), cues (the commonest, with counts).
    """
    rows = []
    for label, article in (("A", pair.a), ("B", pair.b)):
        total = word_count(article.text)
        cues = article.hedges["cue"].str.lower().value_counts()
        rows.append(
            {
                "text": label,
                "id": article.id,
                "words": total,
                "hedges": len(article.hedges),
                "per_100_words": round(100 * len(article.hedges) / total, 1) if total else 0.0,
                "cues": ", ".join(f"{cue} ({count})" for cue, count in cues.head(5).items()),
            }
        )
    return pd.DataFrame(rows)
