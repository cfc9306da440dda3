"""How sure does the article sound? Hedge cues, each sentence's certainty category, layers of uncertainty.

The rule: a sentence with a *speculative* cue (a modal, possibility, evidential or uncertainty hedge
that does not merely name a source) is speculative; otherwise a sentence that attributes its claim
(a statement, or a cue such as "according to") is reported; otherwise it is "unhedged": stated without a hedge or a source. That is how the article *presents* it, not
proof that anyone confirmed it (the course article's ¶1.1 is unhedged, but the decision was never announced:
fact X6; :func:`beside_fact` shows the two together).
Works on any article. No text from a seed is drawn inside a figure (matplotlib reads ``$…$`` as maths).
"""

from __future__ import annotations

import re

import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ...curated import load_table
from ...curated.rules import find_sentences
from ...notebook.display import OKABE_ITO, Chart, Message, article_html, table_html
from ...notebook.session import Session
from ...parse.article import Article, cite
from ...templates import text_only

#: The three certainty categories, from most to least certain-sounding.
CATEGORIES = ("unhedged", "reported", "speculative")
CATEGORY_MEANING = {
    "unhedged": "stated without a hedge or a source: the article presents it as settled, which is not the "
    "same as confirmed or checked",
    "reported": "an attributed claim: someone said, warned or claimed it (or it is 'according to' "
    "someone), and the article passes it on",
    "speculative": "a modal, possibility, evidential or uncertainty hedge: may, might, could, "
    "potentially, unconfirmed reports, unclear …",
}
#: Hedge kinds (from ``article.hedges``) that make a sentence speculative. Approximators ("nearly
#: 50") make a number approximate, not the claim speculative: they are listed but do not count.
SPECULATIVE_KINDS = ("modal", "possibility", "evidential", "uncertainty")
#: Evidential cues that only name who says something ("according to officials"): they make a sentence
#: reported, not speculative. Other evidential cues ("unconfirmed reports", "indications") weaken it.
ATTRIBUTION_CUES = re.compile(r"^(?:according to|reportedly|allegedly|sources? (?:say|said|suggest))$", re.IGNORECASE)
CATEGORY_COLOURS = {
    "unhedged": OKABE_ITO["blue"],
    "reported": OKABE_ITO["orange"],
    "speculative": OKABE_ITO["reddish purple"],
}
CATEGORY_HATCHES = {"unhedged": "", "reported": "//", "speculative": ".."}
CERTAINTY_COLUMNS = ["sentence_id", "cite", "paragraph", "category", "cues", "cue_kinds", "attributed_to", "text"]

#: What each kind of hedge, or a quantity's qualifier, tells a reader.
LAYER_MEANING = {
    "evidential": ("who says so", "the claim is passed on from a source; the words show how solid it is"),
    "modal": ("how sure", "something could happen, not that it will"),
    "possibility": ("how sure", "a possibility, not a fact"),
    "uncertainty": ("how sure", "the article says it does not know"),
    "approximator": ("how much", "an approximate number"),
}
QUALIFIER_MEANING = {
    "up to": "an upper limit: the most it could be, not an estimate",
    "as many as": "an upper limit: the most it could be, not an estimate",
    "over": "a lower limit: at least this many",
    "more than": "a lower limit: at least this many",
    "nearly": "approximate, a little under",
    "almost": "approximate, a little under",
    "about": "approximate",
    "around": "approximate",
}


def cue_role(kind: str, cue: str) -> str:
    """What a hedge cue does to its sentence: "names a source", "speculative", or its kind (e.g. approximator)."""
    if ATTRIBUTION_CUES.match(cue):
        return "names a source"
    return "speculative" if kind in SPECULATIVE_KINDS else kind


def hedge_cues(article: Article) -> pd.DataFrame:
    """``article.hedges`` in reading order, with a ``role`` column (:func:`cue_role`)."""
    cues = article.hedges.reset_index(drop=True)
    cues["role"] = [cue_role(kind, cue) for kind, cue in zip(cues["kind"], cues["cue"])]
    return cues


def certainty_table(article: Article) -> pd.DataFrame:
    """One row per sentence: is it "unhedged" (stated without a hedge or a source), "reported" or "speculative"?

    See the module's rule. ``cues`` lists every hedge cue in the sentence ("; "-separated),
    approximators included; ``attributed_to`` the speakers of its statements.
    """
    cues = hedge_cues(article)
    statements = article.statements
    rows = []
    for sentence in article.sentences.itertuples(index=False):
        sid = sentence.sentence_id
        own = cues.loc[cues["sentence_id"] == sid].sort_values("start")
        speakers = list(dict.fromkeys(statements.loc[statements["sentence_id"] == sid, "speaker"]))
        if (own["role"] == "speculative").any():
            category = "speculative"
        elif speakers or (own["role"] == "names a source").any():
            category = "reported"
        else:
            category = "unhedged"
        rows.append(
            {
                "sentence_id": sid,
                "cite": cite(sid),
                "paragraph": int(sentence.paragraph),
                "category": category,
                "cues": "; ".join(own["cue"]),
                "cue_kinds": "; ".join(dict.fromkeys(own["kind"])),
                "attributed_to": "; ".join(speakers),
                "text": sentence.text,
            }
        )
    return pd.DataFrame(rows, columns=CERTAINTY_COLUMNS)


def certainty_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """Sentences per paragraph and category, from a :func:`certainty_table` or from its counts
    (``certainty.groupby(["paragraph", "category"]).size().unstack()``).

    Columns: paragraph, unhedged, reported, speculative, total (a category that is absent counts 0).
    """
    if "category" in counts.columns:
        counts = pd.crosstab(counts["paragraph"], counts["category"])
    elif "paragraph" in counts.columns:
        counts = counts.set_index("paragraph")
    counts = counts.reindex(columns=list(CATEGORIES), fill_value=0).fillna(0).sort_index()
    counts["total"] = counts.sum(axis=1)
    counts = counts.rename_axis(index="paragraph", columns=None).reset_index()
    return counts.astype({column: int for column in ["paragraph", *CATEGORIES, "total"]})


def plot_certainty(counts: pd.DataFrame) -> Chart:
    """Stacked bars: per paragraph, how many sentences are unhedged, reported or speculative.

    ``counts`` is anything :func:`certainty_counts` reads. Colours are Okabe–Ito and each category
    has its own hatch, so the chart does not rely on colour alone.
    """
    counts = certainty_counts(counts)
    figure = Figure(figsize=(8, 4))
    ax = figure.subplots()
    bottom = pd.Series(0, index=counts.index)
    for category in CATEGORIES:
        ax.bar(
            counts["paragraph"].astype(str),
            counts[category],
            bottom=bottom,
            label=category,
            color=CATEGORY_COLOURS[category],
            hatch=CATEGORY_HATCHES[category],
            edgecolor="white",
        )
        bottom = bottom + counts[category]
    ax.set_xlabel("Paragraph (¶)")
    ax.set_ylabel("Number of sentences")
    ax.set_title("How sure does the article sound?\nLook for paragraphs that are mostly speculative")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(title="Category", frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    figure.tight_layout()
    totals = {category: int(counts[category].sum()) for category in CATEGORIES}
    speculative = [str(p) for p, n in zip(counts["paragraph"], counts["speculative"]) if n]
    where = (
        f"Speculative sentences are in paragraph(s) {', '.join(speculative)}."
        if speculative
        else "No sentence is speculative."
    )
    alt = (
        f"Stacked bar chart of the {int(counts['total'].sum())} sentences of the article, "
        f"one bar per paragraph ({len(counts)} paragraphs): {totals['unhedged']} stated without a "
        f"hedge (unhedged), {totals['reported']} reported, {totals['speculative']} speculative. {where}"
    )
    return Chart(figure, alt, counts)


def hedge_layers(article: Article) -> pd.DataFrame:
    """The "layers" of uncertainty in each sentence that stacks two or more of them.

    A layer is a hedge (who says so, how sure, how much) or a quantity whose qualifier makes it a
    limit ("up to 100,000"). Columns: sentence_id, cite, layer, words, kind, meaning.
    """
    rows = []
    for sentence in article.sentences.itertuples(index=False):
        sid = sentence.sentence_id
        layers = []
        for hedge in article.hedges.loc[article.hedges["sentence_id"] == sid].itertuples(index=False):
            layer, meaning = LAYER_MEANING.get(hedge.kind, ("other", ""))
            layers.append((hedge.start, layer, hedge.cue, hedge.kind, meaning))
        for quantity in article.quantities.loc[article.quantities["sentence_id"] == sid].itertuples(index=False):
            qualifier = str(quantity.qualifier or "").lower()
            if qualifier in QUALIFIER_MEANING and not any(
                start <= quantity.start < start + len(words) for start, _, words, _, _ in layers
            ):
                layers.append(
                    (quantity.start, "how much", quantity.text, f"quantity: {qualifier}", QUALIFIER_MEANING[qualifier])
                )
        if len(layers) >= 2 and any(layer[3] in SPECULATIVE_KINDS for layer in layers):
            for _, layer, words, kind, meaning in sorted(layers):
                rows.append(
                    {
                        "sentence_id": sid,
                        "cite": cite(sid),
                        "layer": layer,
                        "words": words,
                        "kind": kind,
                        "meaning": meaning,
                    }
                )
    return pd.DataFrame(rows, columns=["sentence_id", "cite", "layer", "words", "kind", "meaning"])


def hedges_view(certainty: pd.DataFrame, article: Article) -> HTML:
    """The article with every hedge cue marked and the speculative sentences (of ``certainty``) highlighted."""
    speculative = list(certainty.loc[certainty["category"] == "speculative", "sentence_id"])
    marks = list(zip(article.hedges["start"], article.hedges["end"]))
    legend = (
        "<p><small>▶ and bold: a speculative sentence · <mark>marked</mark>: a hedge cue "
        f"({len(marks)} cues, {len(speculative)} speculative sentences)</small></p>"
    )
    return HTML(text_only(legend + article_html(article, highlight=speculative, marks=marks)))


def beside_fact(session: Session, rule: str = "sentences.text~has approved", fact_id: str = "X6") -> HTML | Message:
    """A sentence found by ``rule``, its certainty label, and a background fact that qualifies it.

    For the course article: ¶1.1 ("Biden has approved …", unhedged) beside caveat X6 (the decision was
    never formally announced, only reported through anonymous officials). Another article: the skip message.
    """
    skipped = session.reference("The unhedged sentence beside the fact sheet (section 3)")
    if skipped is not None:
        return skipped
    ids = find_sentences(session.article, rule)
    if not ids:
        return Message(f"No sentence of this article matches {rule!r}, so there is nothing to compare.", "info")
    table = certainty_table(session.article).set_index("sentence_id")
    facts = load_table("facts").set_index("fact_id")
    if fact_id not in facts.index:
        return Message(f"Fact {fact_id} is not in facts.csv; restore seeds/curated/facts.csv.", "warning")
    sid = ids[0]
    rows = pd.DataFrame(
        [
            {
                "what": "The article",
                "cite": cite(sid),
                "label": table.loc[sid, "category"],
                "text": table.loc[sid, "text"],
            },
            {
                "what": "The fact sheet",
                "cite": fact_id,
                "label": f"fact ({facts.loc[fact_id, 'confidence']})",
                "text": facts.loc[fact_id, "fact"],
            },
        ]
    )
    return HTML(table_html(rows, caption=f"{cite(sid)} as the article states it, and fact {fact_id}"))
