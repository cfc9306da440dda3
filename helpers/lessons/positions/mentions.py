"""Who is mentioned, how often and with whom: mention tables, their charts and Exercise 1."""

from __future__ import annotations

from itertools import combinations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ...notebook.display import GREY, Chart, actor_colours, empty_figure
from ...notebook.exercises import ChoiceQuestion
from ...notebook.session import Session
from ...parse.article import Article, cite
from .common import TIE, question_id, side_name, side_of

COUNT_COLUMNS = ["actor_id", "actor", "kind", "mentions", "sentences", "adjective", "first"]


def mention_counts(article: Article) -> pd.DataFrame:
    """Mentions per actor, most first (ties in order of first appearance).

    Columns: actor_id, actor, kind, mentions, sentences (distinct sentences), adjective
    (how many of the mentions are adjectives such as "Russian"), first (citation of the first mention).
    """
    mentions = article.mentions
    if mentions.empty:
        return pd.DataFrame(
            {
                c: pd.Series(dtype="int64" if c in ("mentions", "sentences", "adjective") else "object")
                for c in COUNT_COLUMNS
            }
        )
    rows = []
    for actor_id, group in mentions.groupby("actor_id", sort=False):
        rows.append(
            {
                "actor_id": actor_id,
                "actor": group["actor"].iloc[0],
                "kind": group["kind"].iloc[0],
                "mentions": len(group),
                "sentences": group["sentence_id"].nunique(),
                "adjective": int((group["form"] == "adjective").sum()),
                "first": cite(group["sentence_id"].iloc[0]),
            }
        )
    table = pd.DataFrame(rows).sort_values("mentions", ascending=False, kind="stable")
    return table.reset_index(drop=True)[COUNT_COLUMNS]


def mention_forms(article: Article) -> pd.DataFrame:
    """How each actor is mentioned: one column per form (name, title, adjective, capital, …), plus total."""
    mentions = article.mentions
    if mentions.empty:
        return pd.DataFrame(columns=["actor", "total"])
    order = list(mention_counts(article)["actor"])
    table = pd.crosstab(mentions["actor"], mentions["form"]).reindex(order)
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    return table.reset_index().rename(columns={"index": "actor"})


def actor_overview(article: Article) -> pd.DataFrame:
    """The static companion of the actor explorer: mentions, sentences and statements per actor."""
    counts = mention_counts(article)
    spoken = article.statements["speaker_id"].value_counts()
    counts["statements"] = [int(spoken.get(actor_id, 0)) for actor_id in counts["actor_id"]]
    return counts[["actor", "kind", "mentions", "sentences", "statements", "first"]]


def sentences_by_actor(article: Article) -> dict[str, list[str]]:
    """Sentence ids that mention each actor, in article order, keyed by actor name."""
    found: dict[str, list[str]] = {}
    for actor, sentence_id in zip(article.mentions["actor"], article.mentions["sentence_id"]):
        ids = found.setdefault(actor, [])
        if sentence_id not in ids:
            ids.append(sentence_id)
    return found


def cooccurrence(article: Article, top: int | None = None) -> pd.DataFrame:
    """Square table: in how many sentences two actors are both mentioned.

    Rows and columns are actor names in the order of :func:`mention_counts` (only the first ``top``
    if given). The diagonal is the number of sentences that mention the actor at all.
    """
    order = list(mention_counts(article)["actor"])[:top]
    sentences = {actor: set(ids) for actor, ids in sentences_by_actor(article).items()}
    data = [[len(sentences[a] & sentences[b]) for b in order] for a in order]
    return pd.DataFrame(data, index=pd.Index(order, name="actor"), columns=order, dtype="int64")


def cooccurrence_pairs(article: Article) -> pd.DataFrame:
    """Every pair of actors mentioned in the same sentence at least once, most shared sentences first.

    Columns: actor_a, actor_b, sentences, cited (the sentences, e.g. "¶1.1, ¶4.2").
    """
    order = list(mention_counts(article)["actor"])
    by_actor = sentences_by_actor(article)
    sentence_order = {sid: n for n, sid in enumerate(article.sentences["sentence_id"])}
    rows = []
    for a, b in combinations(order, 2):
        shared = sorted(set(by_actor[a]) & set(by_actor[b]), key=lambda sid: sentence_order.get(sid, 0))
        if shared:
            rows.append((a, b, len(shared), ", ".join(cite(s) for s in shared)))
    table = pd.DataFrame(rows, columns=["actor_a", "actor_b", "sentences", "cited"])
    return table.sort_values("sentences", ascending=False, kind="stable").reset_index(drop=True)


def plot_mention_counts(counts: pd.DataFrame) -> Chart:
    """Horizontal bar chart of mentions per actor, from a table with actor_id, actor, kind, mentions.

    The rows are drawn in the table's order, first at the top. Bars are coloured by the state an
    actor belongs to (actors.csv ``side``; grey where none is listed), and every bar carries its
    count, so nothing depends on colour alone.
    """
    title = "Mentions per actor"
    if counts.empty:
        figure = empty_figure(title, "The parser found no actor in this article.")
        return Chart(figure, f"{title}: the parser found no actor in the article.", counts)
    sides = [side_of(a, k) for a, k in zip(counts["actor_id"], counts["kind"])]
    palette = actor_colours([s for s in sides if s])
    figure = Figure(figsize=(8, max(2.5, 0.38 * len(counts) + 1.2)))
    ax = figure.subplots()
    positions = list(range(len(counts)))[::-1]  # the first row at the top
    bars = ax.barh(
        positions,
        counts["mentions"],
        color=[palette[s] if s else GREY for s in sides],
        edgecolor="black",
        linewidth=0.4,
    )
    ax.set_yticks(positions, labels=list(counts["actor"]))
    largest = int(counts["mentions"].max())
    for bar, count in zip(bars, counts["mentions"]):
        ax.text(bar.get_width() + largest * 0.01 + 0.05, bar.get_y() + bar.get_height() / 2, str(count), va="center")
    ax.set_xlim(0, largest * 1.1 + 0.4)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(f"Who does the article talk about most?\n{title}, most mentioned at the top")
    ax.set_xlabel('Mentions (names, titles, adjectives such as "Russian", capitals)')
    ax.set_ylabel("Actor")
    names = {s: side_name(s, _actor_name(counts, s)) for s in dict.fromkeys(sides)}
    handles = [
        Patch(facecolor=palette[s] if s else GREY, edgecolor="black", linewidth=0.4, label=names[s]) for s in names
    ]
    ax.legend(
        handles=handles,
        title="Side (actors.csv)",
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        fontsize=9,
        title_fontsize=9,
        frameon=False,
    )
    figure.tight_layout()
    listing = ", ".join(f"{a} {m}" for a, m in zip(counts["actor"], counts["mentions"]))
    alt = f"Horizontal bar chart of mentions per actor in the article, most mentioned at the top: {listing}."
    return Chart(figure, alt, counts)


def _actor_name(counts: pd.DataFrame, actor_id: str) -> str:
    match = counts.loc[counts["actor_id"] == actor_id, "actor"]
    return str(match.iloc[0]) if len(match) else ""


def plot_cooccurrence(table: pd.DataFrame) -> Chart:
    """Heatmap of a square :func:`cooccurrence` table (shared sentences), with numbers in every cell."""
    title = "Actors mentioned in the same sentence"
    if table.empty:
        figure = empty_figure(title, "The parser found no actor in this article.")
        return Chart(figure, f"{title}: the parser found no actor in the article.", table.reset_index())
    n = len(table)
    figure = Figure(figsize=(1.0 * n + 3, 0.8 * n + 2))
    ax = figure.subplots()
    values = table.to_numpy()
    image = ax.imshow(values, cmap="cividis", vmin=0, vmax=max(1, values.max()))
    ax.set_xticks(range(n), labels=list(table.columns), rotation=40, ha="right")
    ax.set_yticks(range(n), labels=list(table.index))
    ax.spines[:].set_visible(False)
    for i in range(n):
        for j in range(n):
            value = values[i, j]
            ax.text(
                j,
                i,
                str(value),
                ha="center",
                va="center",
                fontsize=10,
                color="white" if value < values.max() * 0.5 else "black",
                fontweight="bold" if i == j else "normal",
            )
    ax.set_title(f"Which actors are named together?\n{title} (brighter = more)")
    ax.set_xlabel("Actor")
    ax.set_ylabel("Actor")
    figure.colorbar(image, ax=ax, label="Sentences", shrink=0.8)
    figure.tight_layout()
    pairs = [(values[i, j], i, table.index[i], table.columns[j]) for i, j in combinations(range(n), 2) if values[i, j]]
    pairs.sort(key=lambda pair: -pair[0])  # stable: ties stay in table order
    strongest = "; ".join(f"{a} and {b} share {s} sentences" for s, _, a, b in pairs[:3])
    alt = (
        f"Heatmap of {n} actors by {n} actors, each cell giving the number of sentences that mention "
        f"both (the diagonal: sentences that mention the actor at all). Most shared: {strongest or 'none'}."
    )
    return Chart(figure, alt, table.reset_index())


def _sentence_hint(counts: pd.DataFrame, option: str) -> str:
    """A hint for one wrong option of Exercise 1, from the counts (never naming the right answer)."""
    if option == TIE:
        top = counts[counts["mentions"] == counts["mentions"].max()]
        if len(top) > 1:
            names = " and ".join(top["actor"].head(2))
            return (
                f"{names} tie on mentions ({int(top['mentions'].iloc[0])} each), but the question asks about "
                "different sentences. Count the distinct sentence ids for each actor."
            )
        return "No two actors share the top count of different sentences. Count the distinct sentence ids again."
    row = counts[counts["actor"] == option].iloc[0]
    mentions, sentences = int(row["mentions"]), int(row["sentences"])
    if mentions > sentences:
        return (
            f"{option} has {mentions} mentions but appears in only {sentences} different sentences: some "
            "sentences name it more than once. Count sentences, not mentions."
        )
    return f"{option} appears in {sentences} different sentences. Check the others: does one appear in more?"


def sentences_question(session: Session) -> ChoiceQuestion:
    """Exercise 1: which actor appears in the most different sentences? (The answer comes from the tables.)"""
    article = session.article
    counts = mention_counts(article)
    options = list(counts["actor"].head(4))
    correct = TIE
    if not counts.empty:
        most = counts["sentences"].max()
        leaders = list(counts.loc[counts["sentences"] == most, "actor"])
        if len(leaders) == 1:
            correct = leaders[0]
            if correct not in options:
                options.append(correct)
        explanation = (
            "Count the distinct sentence ids in article.mentions for each actor: "
            + ", ".join(f"{a} {s}" for a, s in zip(counts["actor"].head(5), counts["sentences"].head(5)))
            + ". Several mentions in one sentence count once."
        )
    else:
        explanation = "The parser found no actor in this article."
    options.append(TIE)
    hints = {option: _sentence_hint(counts, option) for option in options if option != correct}
    return ChoiceQuestion(
        session.notebook,
        question_id(article, "actors.most_sentences"),
        "Exercise 1. Which actor appears in the most different sentences? (A sentence that names an actor "
        "twice counts once.)",
        options,
        correct,
        explanation,
        hints,
    )
