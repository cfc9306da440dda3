"""Who said what, and who is the source: statement tables, the attribution chart and Exercise 2."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ...notebook.display import OKABE_ITO, Chart, Message
from ...notebook.freshness import checks_fresh_answers
from ...parse.article import Article, cite
from .common import ATTRIBUTIONS, NO_SIDE, side_name, side_of

_ATTRIBUTION_COLOURS = {
    "named": OKABE_ITO["blue"],
    "institutional": OKABE_ITO["orange"],
    "anonymous": OKABE_ITO["reddish purple"],
}


def statements_table(article: Article) -> pd.DataFrame:
    """Who said what: one row per reported statement, in article order.

    Columns: citation (¶4.3), speaker, verb, content, direct (the words are in quotation marks),
    attribution (named / institutional / anonymous), speaker_id, sentence_id.
    """
    st = article.statements
    return pd.DataFrame(
        {
            "citation": [cite(s) for s in st["sentence_id"]],
            **{column: st[column].astype(object).to_numpy() for column in ("speaker", "verb", "content")},
            "direct": st["direct"].astype(bool).to_numpy(),
            **{column: st[column].astype(object).to_numpy() for column in ("attribution", "speaker_id", "sentence_id")},
        }
    )


def statements_by_side(article: Article) -> pd.DataFrame:
    """The statements grouped by the side their speaker belongs to (actors.csv ``side``), each in the
    article's own words. Sides appear in the order of their first statement; unknown last.

    Columns: side, citation, speaker, verb, content, direct.
    """
    table = statements_table(article)
    kinds = dict(zip(article.mentions["actor_id"], article.mentions["kind"]))
    table.insert(0, "side", [side_name(side_of(s, kinds.get(s, ""))) for s in table["speaker_id"]])
    first = {name: n for n, name in reversed(list(enumerate(table["side"])))}
    table["_order"] = [(s == NO_SIDE, first[s]) for s in table["side"]]
    table = table.sort_values("_order", kind="stable").drop(columns="_order")
    return table[["side", "citation", "speaker", "verb", "content", "direct"]].reset_index(drop=True)


def attribution_summary(article: Article) -> pd.DataFrame:
    """Statements per kind of attribution (always the three kinds, even at zero).

    Columns: attribution, meaning, statements, share (percent of all statements), speakers.
    """
    st = article.statements
    total = len(st)
    rows = []
    for kind, meaning in ATTRIBUTIONS.items():
        subset = st[st["attribution"] == kind]
        rows.append(
            {
                "attribution": kind,
                "meaning": meaning,
                "statements": len(subset),
                "share": round(100 * len(subset) / total, 1) if total else 0.0,
                "speakers": "; ".join(dict.fromkeys(subset["speaker"])),
            }
        )
    return pd.DataFrame(rows)


def hedged_sourcing(article: Article) -> pd.DataFrame:
    """Evidential hedges: cues that say a claim is reported, unconfirmed or only indicated.

    Columns: citation, cue, sentence (the whole sentence, to read the claim in context).
    """
    hedges = article.hedges[article.hedges["kind"] == "evidential"]
    return pd.DataFrame(
        {
            "citation": [cite(s) for s in hedges["sentence_id"]],
            "cue": hedges["cue"].astype(object).to_numpy(),
            "sentence": [article.sentence(s) for s in hedges["sentence_id"]],
        }
    )


def plot_attribution(summary: pd.DataFrame) -> Chart:
    """Bar chart of statements per kind of attribution, from an :func:`attribution_summary` table."""
    figure = Figure(figsize=(7, 2.8))
    ax = figure.subplots()
    positions = list(range(len(summary)))[::-1]
    bars = ax.barh(
        positions,
        summary["statements"],
        color=[_ATTRIBUTION_COLOURS[k] for k in summary["attribution"]],
        edgecolor="black",
        linewidth=0.4,
    )
    ax.set_yticks(positions, labels=list(summary["meaning"]))
    largest = max(1, int(summary["statements"].max()))
    for bar, count, share in zip(bars, summary["statements"], summary["share"]):
        ax.text(
            bar.get_width() + largest * 0.01 + 0.05,
            bar.get_y() + bar.get_height() / 2,
            f"{count} ({share:g}%)",
            va="center",
        )
    ax.set_xlim(0, largest * 1.3 + 0.4)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Who is the source?\nWhich kind of attribution dominates the article?")
    ax.set_xlabel("Statements")
    ax.set_ylabel("Attribution")
    figure.tight_layout()
    listing = ", ".join(f"{m}: {c}" for m, c in zip(summary["meaning"], summary["statements"]))
    alt = f"Bar chart of the {int(summary['statements'].sum())} statements in the article by attribution: {listing}."
    return Chart(figure, alt, summary)


@checks_fresh_answers
def check_speaker_counts(article: Article, answer: object) -> Message:
    """Feedback for Exercise 2 (statements per speaker), as a message. Never raises."""
    return Message(*speaker_counts_feedback(article, answer))


def speaker_counts_feedback(article: Article, answer: object) -> tuple[str, str]:
    """(text, kind) saying whether ``answer`` is the statements per speaker, largest first."""
    expected = article.statements["speaker"].value_counts()
    if expected.empty:
        return ("This article has no attributed statements, so there is nothing to count here.", "info")
    if answer is None:
        return ("Not done yet: replace None with your pandas code, run the cell, then run this one.", "info")
    try:
        if isinstance(answer, pd.DataFrame):
            numeric = answer.select_dtypes("number")
            if numeric.shape[1] != 1:
                return ("Your result is a table with several columns; keep one count per speaker.", "warning")
            if "speaker" in answer.columns:
                answer = pd.Series(numeric.iloc[:, 0].to_numpy(), index=answer["speaker"].to_numpy())
            else:
                answer = numeric.iloc[:, 0]
        if not isinstance(answer, pd.Series):
            return (
                f"Your result is a {type(answer).__name__}; a pandas Series (speaker → count) is expected.",
                "warning",
            )
        got = {str(k): int(v) for k, v in answer.items()}
    except Exception as error:  # a student's unexpected result: explain, do not crash
        return (f"Could not read your result ({error}). A Series of counts per speaker is expected.", "warning")
    want = {str(k): int(v) for k, v in expected.items()}
    if got != want:
        missing = sorted(set(want) - set(got))
        hint = f" Missing speakers: {', '.join(missing)}." if missing else ""
        return (
            f"Not yet: the counts differ from the statements table ({len(want)} speakers, "
            f"{sum(want.values())} statements).{hint}",
            "warning",
        )
    values = list(answer.to_numpy())
    if values != sorted(values, reverse=True):
        return ("The counts are right; now sort them, largest first.", "info")
    return (
        f"Yes: {len(want)} speakers, {sum(want.values())} statements; {expected.index[0]} has the most "
        f"({int(expected.iloc[0])}).",
        "ok",
    )
