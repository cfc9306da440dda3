"""Notebook 3, "Actor positions": who is mentioned, who speaks, how they are sourced and quoted.

Every function takes a parsed :class:`~helpers.article.Article` and returns a small table
(a pandas DataFrame) or a figure with its alt text and table, so a notebook cell is one call.
Background data (actor descriptions, translations, the reference stance coding) comes from
``seeds/curated`` and is used only for the course article (:func:`helpers.course.is_course_seed`).

Two widgets live here: :class:`ActorExplorer` (pick an actor, see the sentences that mention it)
and :class:`StanceCoder` (code each statement's stance, compare with the teacher's coding).
Both can be driven from Python (set ``.value``, call ``.click()``), and their callbacks never raise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import combinations

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ..parse.article import Article, cite
from ..notebook.session import is_course_seed
from ..paths import COURSE_SEED_ID
from ..curated import fact_citation, load_table, split_list
from ..notebook.display import GREY, OKABE_ITO, actor_colours, empty_figure, escape, message_html, show_table
from ..notebook.exercises import ChoiceQuestion, TextQuestion, remember, store_warning
from ..notebook.scoring import agreement_table, cohen_kappa, percent_agreement

NOTEBOOK = "03_actor_positions"
CHOOSE = "(choose)"
STANCES = ("supports the decision", "opposes the decision", "not about the decision")
ATTRIBUTIONS = {
    "named": "named, on the record",
    "institutional": "institutional (a state, body or role)",
    "anonymous": "anonymous or unconfirmed",
}
TIE = "It is a tie"

__all__ = [
    "NOTEBOOK", "STANCES", "ATTRIBUTIONS", "mention_counts", "mention_forms", "actor_overview",
    "cooccurrence", "cooccurrence_pairs", "statements_table", "statements_by_side", "attribution_summary", "hedged_sourcing",
    "translation_variants", "translation_overview", "plot_mention_counts", "plot_cooccurrence",
    "plot_attribution", "show_table", "question_id", "sentences_question", "translation_question",
    "check_speaker_counts", "fact_sources", "cited_fact_ids", "ActorExplorer", "StanceCoder",
]


# -- curated data -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _actors_registry() -> dict[str, dict[str, str]]:
    """actors.csv by actor_id (empty if the table cannot be read: notebooks still run)."""
    try:
        table = load_table("actors")
    except Exception:  # a broken curated file must not stop the lesson
        return {}
    return {row["actor_id"].strip(): row for row in table.to_dict("records")}


def _side_of(actor_id: str, kind: str) -> str:
    """The state an actor belongs to (actors.csv ``side``); a state is its own side; else ``""``."""
    row = _actors_registry().get(actor_id)
    if row is not None and row.get("side", "").strip():
        return row["side"].strip()
    return actor_id if kind == "state" else ""


def question_id(article: Article, base: str) -> str:
    """An answer id that is stable for the course article and separate for any other article."""
    return base if is_course_seed(article) else f"{base}.{article.id}"


# -- mentions ---------------------------------------------------------------------------------


def mention_counts(article: Article) -> pd.DataFrame:
    """Mentions per actor, most first (ties in order of first appearance).

    Columns: actor_id, actor, kind, mentions, sentences (distinct sentences), adjective
    (how many of the mentions are adjectives such as "Russian"), first (citation of the first mention).
    """
    columns = ["actor_id", "actor", "kind", "mentions", "sentences", "adjective", "first"]
    mentions = article.mentions
    if mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("mentions", "sentences", "adjective")
                                          else "object") for c in columns})
    rows = []
    for order, (actor_id, group) in enumerate(mentions.groupby("actor_id", sort=False)):
        rows.append({
            "actor_id": actor_id, "actor": group["actor"].iloc[0], "kind": group["kind"].iloc[0],
            "mentions": len(group), "sentences": group["sentence_id"].nunique(),
            "adjective": int((group["form"] == "adjective").sum()),
            "first": cite(group["sentence_id"].iloc[0]), "_order": order,
        })
    table = pd.DataFrame(rows).sort_values(["mentions", "_order"], ascending=[False, True], kind="stable")
    return table.drop(columns="_order").reset_index(drop=True)[columns]


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


def _sentences_by_actor(article: Article) -> dict[str, list[str]]:
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
    order = list(mention_counts(article)["actor"])
    if top is not None:
        order = order[:top]
    sentences = {actor: set(ids) for actor, ids in _sentences_by_actor(article).items()}
    data = [[len(sentences[a] & sentences[b]) for b in order] for a in order]
    table = pd.DataFrame(data, index=pd.Index(order, name="actor"), columns=order, dtype="int64")
    return table


def cooccurrence_pairs(article: Article) -> pd.DataFrame:
    """Every pair of actors mentioned in the same sentence at least once, most shared sentences first.

    Columns: actor_a, actor_b, sentences, cited (the sentences, e.g. "¶1.1, ¶4.2").
    """
    columns = ["actor_a", "actor_b", "sentences", "cited"]
    order = list(mention_counts(article)["actor"])
    by_actor = _sentences_by_actor(article)
    sentence_order = {sid: n for n, sid in enumerate(article.sentences["sentence_id"])}
    rows = []
    for a, b in combinations(order, 2):
        shared = sorted(set(by_actor[a]) & set(by_actor[b]), key=sentence_order.get)
        if shared:
            rows.append((a, b, len(shared), ", ".join(cite(s) for s in shared)))
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values("sentences", ascending=False, kind="stable").reset_index(drop=True)


# -- statements and sourcing ------------------------------------------------------------------


def statements_table(article: Article) -> pd.DataFrame:
    """Who said what: one row per reported statement, in article order.

    Columns: citation (¶4.3), speaker, verb, content, direct (the words are in quotation marks),
    attribution (named / institutional / anonymous), speaker_id, sentence_id.
    """
    st = article.statements
    table = pd.DataFrame({
        "citation": [cite(s) for s in st["sentence_id"]],
        "speaker": st["speaker"].astype(object).to_numpy(),
        "verb": st["verb"].astype(object).to_numpy(),
        "content": st["content"].astype(object).to_numpy(),
        "direct": st["direct"].astype(bool).to_numpy(),
        "attribution": st["attribution"].astype(object).to_numpy(),
        "speaker_id": st["speaker_id"].astype(object).to_numpy(),
        "sentence_id": st["sentence_id"].astype(object).to_numpy(),
    })
    return table


def statements_by_side(article: Article) -> pd.DataFrame:
    """The statements grouped by the side their speaker belongs to (actors.csv ``side``), each in the
    article's own words. Sides appear in the order of their first statement; unknown last.

    Columns: side, citation, speaker, verb, content, direct.
    """
    table = statements_table(article)
    kinds = dict(zip(article.mentions["actor_id"], article.mentions["kind"]))
    sides = [_side_of(s, kinds.get(s, "")) for s in table["speaker_id"]]
    names = {side: (_actors_registry().get(side, {}).get("name") or side.replace("_", " ").title())
             for side in sides if side}
    table.insert(0, "side", [names[s] if s else "(no side listed)" for s in sides])
    first = {name: n for n, name in reversed(list(enumerate(table["side"])))}
    table["_order"] = [(s == "(no side listed)", first[s]) for s in table["side"]]
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
        speakers = list(dict.fromkeys(subset["speaker"]))
        rows.append({
            "attribution": kind, "meaning": meaning, "statements": len(subset),
            "share": round(100 * len(subset) / total, 1) if total else 0.0,
            "speakers": "; ".join(speakers),
        })
    return pd.DataFrame(rows)


def hedged_sourcing(article: Article) -> pd.DataFrame:
    """Evidential hedges: cues that say a claim is reported, unconfirmed or only indicated.

    Columns: citation, cue, sentence (the whole sentence, to read the claim in context).
    """
    hedges = article.hedges[article.hedges["kind"] == "evidential"]
    return pd.DataFrame({
        "citation": [cite(s) for s in hedges["sentence_id"]],
        "cue": hedges["cue"].astype(object).to_numpy(),
        "sentence": [article.sentence(s) for s in hedges["sentence_id"]],
    })


# -- translations (course article only) -------------------------------------------------------


def _normalise(text: str) -> str:
    return " ".join(str(text).casefold().replace("’", "'").strip(" .,“”\"'").split())


def _article_quote_citation(article: Article, rendering: str) -> str:
    """The citation of a quote in the article with exactly these words, or ``""``."""
    wanted = _normalise(rendering)
    for text, sentence_id in zip(article.quotes["text"], article.quotes["sentence_id"]):
        if _normalise(text) == wanted:
            return cite(sentence_id)
    return ""


def translation_variants(article: Article, speaker_id: str | None = None) -> pd.DataFrame:
    """English renderings of the same Russian words, by outlet (translations.csv, facts B12, B13).

    ``article_citation`` is where the article itself uses the rendering, found in ``article.quotes``
    (e.g. ¶4.3). Rows describing the course article are left out for any other article.
    Columns: speaker, original, rendering, outlet, article_citation, fact_id, url, note, quote_id, speaker_id.
    """
    table = load_table("translations")
    if speaker_id is not None:
        table = table[table["speaker_id"] == speaker_id]
    if not is_course_seed(article):
        table = table[~table["outlet"].str.startswith("this article")]
    registry = _actors_registry()
    return pd.DataFrame({
        "speaker": [registry.get(s, {}).get("name", s) for s in table["speaker_id"]],
        "original": table["original"].to_numpy(object),
        "rendering": table["rendering"].to_numpy(object),
        "outlet": table["outlet"].to_numpy(object),
        "article_citation": [_article_quote_citation(article, r) for r in table["rendering"]],
        "fact_id": table["fact_id"].to_numpy(object),
        "url": table["url"].to_numpy(object),
        "note": table["note"].to_numpy(object),
        "quote_id": table["quote_id"].to_numpy(object),
        "speaker_id": table["speaker_id"].to_numpy(object),
    })


def translation_overview(article: Article) -> pd.DataFrame:
    """One row per quoted speaker: how many outside renderings translations.csv lists, how many
    different wordings there are, whether the Russian original is known, and the article's own
    rendering with its citation (found in ``article.quotes``)."""
    variants = translation_variants(article)
    rows = []
    for speaker_id, group in variants.groupby("speaker_id", sort=False):
        in_article = group[group["article_citation"] != ""]
        originals = [o for o in dict.fromkeys(group["original"]) if str(o).strip()]
        rows.append({
            "speaker": group["speaker"].iloc[0],
            "other_renderings": int((~group["outlet"].str.startswith("this article")).sum()),
            "different_wordings": group["rendering"].map(_normalise).nunique(),
            "russian_original": originals[0] if originals else "(not given in the fact sheet)",
            "article_rendering": in_article["rendering"].iloc[0] if len(in_article) else "",
            "article_citation": in_article["article_citation"].iloc[0] if len(in_article) else "",
            "fact_id": "; ".join(dict.fromkeys(group["fact_id"])),
        })
    return pd.DataFrame(rows, columns=["speaker", "other_renderings", "different_wordings", "russian_original",
                                       "article_rendering", "article_citation", "fact_id"])


def cited_fact_ids(article: Article) -> list[str]:
    """Fact ids this notebook cites: B11–B13, plus (course article) those behind the actor descriptions."""
    ids = ["B11", "B12", "B13"]
    if is_course_seed(article):
        registry = _actors_registry()
        for actor_id in mention_counts(article)["actor_id"]:
            ids.extend(split_list(registry.get(actor_id, {}).get("fact_ids", "")))
    return sorted(dict.fromkeys(ids), key=lambda f: (f[0], int(f[1:]) if f[1:].isdigit() else 0))


def fact_sources(fact_ids: Iterable[str]) -> pd.DataFrame:
    """Fact id and short citation (first source, with URL) for each id, for a references section."""
    rows = []
    for fact_id in dict.fromkeys(fact_ids):
        try:
            rows.append((fact_id, fact_citation(fact_id).split(": ", 1)[1]))
        except Exception:
            rows.append((fact_id, "(not found in facts.csv)"))
    return pd.DataFrame(rows, columns=["fact_id", "source"])


# -- figures ----------------------------------------------------------------------------------


def plot_mention_counts(article: Article) -> tuple[Figure, str, pd.DataFrame]:
    """Horizontal bar chart of mentions per actor, with its alt text and the table behind it.

    Bars are coloured by the state an actor belongs to (actors.csv ``side``; grey where none is
    listed), and every bar carries its count, so nothing depends on colour alone.
    """
    table = mention_counts(article)
    title = "Mentions per actor"
    if table.empty:
        fig = empty_figure(title, "The parser found no actor in this article.")
        return fig, f"{title}: the parser found no actor in the article {article.id}.", table
    sides = [_side_of(a, k) for a, k in zip(table["actor_id"], table["kind"])]
    palette = actor_colours([s for s in sides if s])
    colours = [palette[s] if s else GREY for s in sides]
    height = max(2.5, 0.38 * len(table) + 1.2)
    fig = Figure(figsize=(8, height))
    ax = fig.subplots()
    positions = list(range(len(table)))[::-1]  # the largest at the top
    bars = ax.barh(positions, table["mentions"], color=colours, edgecolor="black", linewidth=0.4)
    ax.set_yticks(positions, labels=list(table["actor"]))
    largest = int(table["mentions"].max())
    for bar, count in zip(bars, table["mentions"]):
        ax.text(bar.get_width() + largest * 0.01 + 0.05, bar.get_y() + bar.get_height() / 2, str(count),
                va="center")
    ax.set_xlim(0, largest * 1.1 + 0.4)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(f"{title} in the article")
    ax.set_xlabel("Mentions (names, titles, adjectives such as \"Russian\", capitals)")
    ax.set_ylabel("Actor")
    names = {s: _side_name(s, table) for s in dict.fromkeys(sides)}
    handles = [Patch(facecolor=palette[s] if s else GREY, edgecolor="black", linewidth=0.4, label=names[s])
               for s in names]
    ax.legend(handles=handles, title="Side (actors.csv)", loc="upper left", bbox_to_anchor=(1.01, 1),
              fontsize=9, title_fontsize=9, frameon=False)
    fig.tight_layout()
    listing = ", ".join(f"{a} {m}" for a, m in zip(table["actor"], table["mentions"]))
    alt = (f"Horizontal bar chart of mentions per actor in the article {article.id}, most mentioned at the "
           f"top: {listing}.")
    return fig, alt, table


def _side_name(side: str, table: pd.DataFrame) -> str:
    if not side:
        return "no side listed"
    row = _actors_registry().get(side)
    if row is not None:
        return row["name"]
    match = table.loc[table["actor_id"] == side, "actor"]
    return str(match.iloc[0]) if len(match) else side.replace("_", " ").title()


def plot_cooccurrence(article: Article, top: int = 8) -> tuple[Figure, str, pd.DataFrame]:
    """Heatmap of shared sentences among the ``top`` most mentioned actors, numbers in every cell."""
    table = cooccurrence(article, top=top)
    title = "Actors mentioned in the same sentence"
    if table.empty:
        fig = empty_figure(title, "The parser found no actor in this article.")
        return fig, f"{title}: the parser found no actor in the article {article.id}.", table.reset_index()
    n = len(table)
    fig = Figure(figsize=(1.0 * n + 3, 0.8 * n + 2))
    ax = fig.subplots()
    values = table.to_numpy()
    image = ax.imshow(values, cmap="cividis", vmin=0, vmax=max(1, values.max()))
    ax.set_xticks(range(n), labels=list(table.columns), rotation=40, ha="right")
    ax.set_yticks(range(n), labels=list(table.index))
    ax.spines[:].set_visible(False)
    for i in range(n):
        for j in range(n):
            value = values[i, j]
            dark = value < values.max() * 0.5
            ax.text(j, i, str(value), ha="center", va="center", fontsize=10,
                    color="white" if dark else "black", fontweight="bold" if i == j else "normal")
    ax.set_title(title)
    ax.set_xlabel("Actor")
    ax.set_ylabel("Actor")
    fig.colorbar(image, ax=ax, label="Sentences", shrink=0.8)
    fig.tight_layout()
    pairs = cooccurrence_pairs(article)
    pairs = pairs[pairs["actor_a"].isin(table.index) & pairs["actor_b"].isin(table.index)].head(3)
    strongest = "; ".join(f"{a} and {b} share {s} sentences" for a, b, s in
                          zip(pairs["actor_a"], pairs["actor_b"], pairs["sentences"]))
    alt = (f"Heatmap of {n} actors by {n} actors, each cell giving the number of sentences that mention "
           f"both (the diagonal: sentences that mention the actor at all). Most shared: {strongest or 'none'}.")
    return fig, alt, table.reset_index()


_ATTRIBUTION_COLOURS = {"named": OKABE_ITO["blue"], "institutional": OKABE_ITO["orange"],
                        "anonymous": OKABE_ITO["reddish purple"]}


def plot_attribution(article: Article) -> tuple[Figure, str, pd.DataFrame]:
    """Bar chart of statements per kind of attribution, with alt text and the table behind it."""
    table = attribution_summary(article)
    fig = Figure(figsize=(7, 2.8))
    ax = fig.subplots()
    positions = list(range(len(table)))[::-1]
    bars = ax.barh(positions, table["statements"], color=[_ATTRIBUTION_COLOURS[k] for k in table["attribution"]],
                   edgecolor="black", linewidth=0.4)
    ax.set_yticks(positions, labels=list(table["meaning"]))
    largest = max(1, int(table["statements"].max()))
    for bar, count, share in zip(bars, table["statements"], table["share"]):
        ax.text(bar.get_width() + largest * 0.01 + 0.05, bar.get_y() + bar.get_height() / 2,
                f"{count} ({share:g}%)", va="center")
    ax.set_xlim(0, largest * 1.3 + 0.4)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Who is the source? Statements by kind of attribution")
    ax.set_xlabel("Statements")
    ax.set_ylabel("Attribution")
    fig.tight_layout()
    listing = ", ".join(f"{m}: {c}" for m, c in zip(table["meaning"], table["statements"]))
    alt = f"Bar chart of the {int(table['statements'].sum())} statements in the article {article.id} by attribution: {listing}."
    return fig, alt, table


# -- display and exercises --------------------------------------------------------------------


def sentences_question(article: Article, notebook: str = NOTEBOOK) -> ChoiceQuestion:
    """Exercise: which actor appears in the most different sentences? (The answer comes from the tables.)"""
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
        explanation = ("Count the distinct sentence ids in article.mentions for each actor: "
                       + ", ".join(f"{a} {s}" for a, s in zip(counts["actor"].head(5), counts["sentences"].head(5)))
                       + ". Several mentions in one sentence count once.")
    else:
        explanation = "The parser found no actor in this article."
    options.append(TIE)
    hints = {option: "Not the most mentions: count the different sentences (¶ ids) in which the actor appears."
             for option in options if option != correct}
    return ChoiceQuestion(notebook, question_id(article, "actors.most_sentences"),
                          "Exercise 1. Which actor appears in the most different sentences (not the most mentions)?",
                          options, correct, explanation, hints)


def translation_question(article: Article, notebook: str = NOTEBOOK) -> TextQuestion:
    """Exercise: which English version is "the quote"? A free answer with a model answer (facts B12, B13)."""
    model = ("The Russian words (fact B12) are an idiom that literally means \"pour oil on the fire\". "
             "\"Adding fuel to the fire\" is the usual English idiom, so it reads as an ordinary figure of speech; "
             "\"oil\" keeps the Russian image and sounds more unusual, and \"throw\" sounds more forceful than "
             "\"add\". None of the English versions is the quote: each is one outlet's translation. A careful "
             "reader names the speaker, the original language and the outlet, and does not build an argument "
             "on a single English word. For the foreign ministry's words the fact sheet gives no Russian "
             "original (B13), so we cannot check which of \"appropriate and tangible\", \"adequate and "
             "significant\" or \"palpable\" is closest.")
    return TextQuestion(notebook, question_id(article, "translation.which_is_the_quote"),
                        "Exercise 3. The outlets translated the same Russian words differently. Which version "
                        "would you call \"the quote\"? What changes in tone between the renderings, and how "
                        "should an article show that it is quoting a translation?",
                        model_answer=model)


def check_speaker_counts(article: Article, answer: object) -> None:
    """Feedback for Exercise 2 (statements per speaker). Shows a message; never raises."""
    from IPython.display import HTML, display

    display(HTML(message_html(*_speaker_counts_feedback(article, answer))))


def _speaker_counts_feedback(article: Article, answer: object) -> tuple[str, str]:
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
            return (f"Your result is a {type(answer).__name__}; a pandas Series (speaker → count) is expected.",
                    "warning")
        got = {str(k): int(v) for k, v in answer.items()}
    except Exception as error:  # a student's unexpected result: explain, do not crash
        return (f"Could not read your result ({error}). A Series of counts per speaker is expected.", "warning")
    want = {str(k): int(v) for k, v in expected.items()}
    if got != want:
        missing = sorted(set(want) - set(got))
        hint = f" Missing speakers: {', '.join(missing)}." if missing else ""
        return (f"Not yet: the counts differ from the statements table ({len(want)} speakers, "
                f"{sum(want.values())} statements).{hint}", "warning")
    values = list(answer.to_numpy())
    if values != sorted(values, reverse=True):
        return ("The counts are right; now sort them, largest first.", "info")
    top = expected.index[0]
    return (f"Yes: {len(want)} speakers, {sum(want.values())} statements; {top} has the most "
            f"({int(expected.iloc[0])}).", "ok")


# -- widgets ----------------------------------------------------------------------------------


class ActorExplorer:
    """Pick an actor; see every sentence that mentions it highlighted, and a summary line.

    ``.actor`` is the Dropdown (values are actor ids), ``.summary`` and ``.view`` are HTML widgets,
    ``.widget`` holds them all. ``.show(actor_id)`` does what choosing in the dropdown does.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self.counts = mention_counts(article)
        options = [(f"{a} ({m} mention{'s' if m != 1 else ''})", i)
                   for a, m, i in zip(self.counts["actor"], self.counts["mentions"], self.counts["actor_id"])]
        self.actor = widgets.Dropdown(options=options, value=options[0][1] if options else None,
                                      description="Actor:", layout=widgets.Layout(width="420px"))
        self.summary = widgets.HTML()
        self.view = widgets.HTML(layout=widgets.Layout(max_height="420px", overflow="auto",
                                                       border="1px solid #ddd", padding="4px 8px"))
        self.widget = widgets.VBox([self.actor, self.summary, self.view])
        self.widget.add_class("course-actor-explorer")
        self.actor.observe(lambda change: self.show(change["new"]), names="value")
        self.show(self.actor.value)

    def sentence_ids(self, actor_id: str) -> list[str]:
        """The sentences that mention the actor, in article order."""
        rows = self.article.mentions[self.article.mentions["actor_id"] == actor_id]
        return list(dict.fromkeys(rows["sentence_id"]))

    def show(self, actor_id: str | None) -> None:
        """Highlight the actor's sentences and summarise; a problem becomes a message, not an error."""
        try:
            if actor_id is None:
                self.summary.value = message_html("The parser found no actor in this article.", "info")
                self.view.value = _article_view(self.article)
                return
            mentions = self.article.mentions[self.article.mentions["actor_id"] == actor_id]
            sentence_ids = self.sentence_ids(actor_id)
            marks = list(zip(mentions["start"], mentions["end"]))
            self.summary.value = self._summary_html(actor_id, mentions, sentence_ids)
            self.view.value = _article_view(self.article, sentence_ids, marks)
        except Exception as error:  # never raise in a widget callback
            self.summary.value = message_html(f"Could not show this actor: {error}", "error")

    def _summary_html(self, actor_id: str, mentions: pd.DataFrame, sentence_ids: list[str]) -> str:
        name = str(mentions["actor"].iloc[0]) if len(mentions) else actor_id
        n, k = len(mentions), len(sentence_ids)
        forms = Counter(mentions["form"])
        form_text = ", ".join(f"{count} as {form}" for form, count in forms.most_common())
        parts = [f"<b>{escape(name)}</b>: {n} mention{'s' if n != 1 else ''} in {k} sentence"
                 f"{'s' if k != 1 else ''} ({escape(form_text)}), highlighted ▶ below; "
                 f"the words that name the actor are marked."]
        said = statements_table(self.article)
        said = said[said["speaker_id"] == actor_id]
        if len(said):
            items = "".join(
                f"<li>{escape(c)} <i>{escape(v)}</i>: {escape(t)}"
                f"{' <small>(direct quote)</small>' if d else ''}</li>"
                for c, v, t, d in zip(said["citation"], said["verb"], said["content"], said["direct"]))
            parts.append(f"<br>Statements by this actor ({len(said)}):<ul style='margin:2px 0'>{items}</ul>")
        else:
            parts.append("<br>Statements by this actor: none (mentioned, not quoted or reported).")
        if is_course_seed(self.article):
            row = _actors_registry().get(actor_id)
            if row is not None:
                ids = ", ".join(split_list(row.get("fact_ids", "")))
                role = str(row.get("role", "")).strip()
                role_text = f"{escape(role)}. " if role and role.lower() != str(row.get("kind", "")).lower() else ""
                parts.append(f"<br><b>Registry (actors.csv):</b> {role_text}"
                             f"{escape(row['description'])} <small>(facts {escape(ids)})</small>")
        return "<div class='course-actor-summary'>" + "".join(parts) + "</div>"

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def _article_view(article: Article, highlight: Iterable[str] = (),
                        marks: Iterable[tuple[int, int]] = ()) -> str:
    from ..notebook.display import article_html

    return article_html(article, highlight=highlight, marks=[(int(s), int(e)) for s, e in marks])


class StanceCoder:
    """Code each statement's stance toward the US decision, then compare with the reference coding.

    ``.dropdowns`` maps a stable question id (``stance.4.3.accused``) to its Dropdown; ``.rows`` is
    the statements table with that id; ``.compare_button`` fills ``.result``; ``.widget`` holds it all.
    Every choice is saved with :func:`helpers.exercises.remember`. For an article other than the
    course article the dropdowns still work, but there is no reference to compare with.
    """

    def __init__(self, article: Article, notebook: str = NOTEBOOK) -> None:
        self.article = article
        self.notebook = notebook
        self.rows = statements_table(article)
        self.rows["question_id"] = self._question_ids()
        self.result = widgets.HTML()
        self.dropdowns: dict[str, widgets.Dropdown] = {}
        lines = []
        for row in self.rows.itertuples(index=False):
            dropdown = widgets.Dropdown(options=[CHOOSE, *STANCES], value=CHOOSE,
                                        layout=widgets.Layout(width="220px"))
            remember(dropdown, notebook, row.question_id, status=self.result,
                     prompt=f"Stance of {row.citation} {row.speaker} {row.verb}: {row.content}")
            self.dropdowns[row.question_id] = dropdown
            quote = " <small>(direct quote)</small>" if row.direct else ""
            label = widgets.HTML(f"<b>{escape(row.citation)}</b> {escape(row.speaker)} <i>{escape(row.verb)}</i>: "
                                 f"{escape(row.content)}{quote}", layout=widgets.Layout(flex="1 1 auto"))
            lines.append(widgets.HBox([dropdown, label], layout=widgets.Layout(align_items="center")))
        self.compare_button = widgets.Button(description="Compare with the reference coding",
                                             button_style="primary", layout=widgets.Layout(width="280px"))
        self.compare_button.on_click(lambda _: self.compare())
        intro = widgets.HTML("<b>Exercise 4.</b> For each statement, choose its stance toward the US decision "
                             "to allow long-range strikes into Russia.")
        if not lines:
            lines = [widgets.HTML(message_html("The parser found no reported statement in this article.", "info"))]
        self.widget = widgets.VBox([store_warning(notebook), intro, *lines, self.compare_button, self.result],
                                   layout=widgets.Layout(border="1px solid #ddd", padding="8px", margin="6px 0"))
        self.widget.add_class("course-question")

    def _question_ids(self) -> list[str]:
        ids, seen = [], Counter()
        for sentence_id, verb in zip(self.rows["sentence_id"], self.rows["verb"]):
            base = question_id(self.article, f"stance.{sentence_id}.{str(verb).lower()}")
            seen[base] += 1
            ids.append(base if seen[base] == 1 else f"{base}.{seen[base]}")
        return ids

    @property
    def values(self) -> dict[str, str]:
        """The current choice per question id."""
        return {qid: dropdown.value for qid, dropdown in self.dropdowns.items()}

    def reference(self) -> dict[str, tuple[str, str]]:
        """Question id → (reference stance, rationale), for statements the reference coding covers."""
        if not is_course_seed(self.article):
            return {}
        coding = load_table("reference_coding")
        coding = coding[coding["article_id"] == self.article.id]
        lookup = {(s.strip(), p.strip(), v.strip().lower()): (st.strip(), r)
                  for s, p, v, st, r in zip(coding["sentence_id"], coding["speaker_id"], coding["verb"],
                                            coding["stance"], coding["rationale"])}
        found = {}
        for row in self.rows.itertuples(index=False):
            key = (row.sentence_id, row.speaker_id, str(row.verb).lower())
            if key in lookup:
                found[row.question_id] = lookup[key]
        return found

    def compare(self) -> str:
        """Fill ``.result`` with the comparison (or a kind message) and return its HTML. Never raises."""
        try:
            self.result.value = self._comparison_html()
        except Exception as error:  # never raise in a widget callback
            self.result.value = message_html(f"The comparison could not be made: {error}", "error")
        return self.result.value

    def _comparison_html(self) -> str:
        if not is_course_seed(self.article):
            return message_html(
                f"The reference coding exists only for the course article ({COURSE_SEED_ID}), so there is "
                "nothing to compare with for this article. Your choices are saved: compare them with a "
                "classmate's instead.", "info")
        if not self.dropdowns:
            return message_html("There are no statements to code in this article.", "info")
        open_rows = [row for row in self.rows.itertuples(index=False) if self.dropdowns[row.question_id].value == CHOOSE]
        if open_rows:
            cited = ", ".join(dict.fromkeys(row.citation for row in open_rows))
            done = len(self.rows) - len(open_rows)
            return message_html(
                f"You have coded {done} of {len(self.rows)} statements so far. Choose a stance for the "
                f"remaining {len(open_rows)} ({cited}), then press the button again. There is no wrong "
                "first guess: the comparison is a starting point for discussion.", "info")
        reference = self.reference()
        if not reference:
            return message_html("None of the parsed statements appears in the reference coding.", "warning")
        rows = [row for row in self.rows.itertuples(index=False) if row.question_id in reference]
        yours = [self.dropdowns[row.question_id].value for row in rows]
        theirs = [reference[row.question_id][0] for row in rows]
        agreement = percent_agreement(yours, theirs)
        kappa = cohen_kappa(yours, theirs)
        matches = sum(a == b for a, b in zip(yours, theirs))
        left_out = len(self.rows) - len(rows)
        note = f" ({left_out} parsed statement(s) have no reference coding and are left out.)" if left_out else ""
        parts = [message_html(
            f"You agree with the reference coding on {matches} of {len(rows)} statements: "
            f"{agreement:.1f}% agreement, Cohen's kappa {kappa:.2f}.{note}", "ok" if matches == len(rows) else "info")]
        parts.append("<p><small>Kappa corrects for the agreement two coders would reach by chance: 1 is perfect "
                     "agreement, 0 is no better than chance.</small></p>")
        table = agreement_table(yours, theirs, labels=STANCES)
        table.index.name = "your coding ↓ / reference →"
        table.columns.name = None
        parts.append("<p><b>Your coding (rows) against the reference coding (columns)</b></p>"
                     + table.to_html(escape=True, border=0))
        disagreements = [(row, a, b) for row, a, b in zip(rows, yours, theirs) if a != b]
        if disagreements:
            items = "".join(
                f"<tr><td>{escape(row.citation)}</td><td>{escape(row.speaker)} <i>{escape(row.verb)}</i></td>"
                f"<td>{escape(a)}</td><td>{escape(b)}</td><td>{escape(reference[row.question_id][1])}</td></tr>"
                for row, a, b in disagreements)
            parts.append("<p><b>Where you differ, and the reference coder's reason</b></p>"
                         "<table><thead><tr><th>Sentence</th><th>Statement</th><th>You</th><th>Reference</th>"
                         f"<th>Rationale</th></tr></thead><tbody>{items}</tbody></table>")
        else:
            parts.append("<p>No disagreements. Which statements were hardest to decide, and why?</p>")
        return "".join(parts)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
