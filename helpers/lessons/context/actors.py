"""Notebook 1, section 1 "Who, what, where": the actors an article names, and its core claim."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from ...notebook.display import Message, escape, message_html
from ...notebook.freshness import checks_fresh_answers
from ...parse.article import Article, cite
from ...templates import TEXT_ONLY_CLASSES


def sentence_html(article: Article, sentence_id: str, mark_mentions: bool = True) -> str:
    """One sentence as a block quote with its citation; actor mentions marked (escaped HTML)."""
    rows = article.sentences[article.sentences["sentence_id"] == sentence_id]
    if rows.empty:
        return message_html(f"There is no sentence {cite(sentence_id)} in this article.", "warning")
    row = rows.iloc[0]
    start, end = int(row["start"]), int(row["end"])
    spans = []
    if mark_mentions:
        inside = article.mentions[(article.mentions["start"] >= start) & (article.mentions["end"] <= end)]
        spans = sorted(zip(inside["start"].astype(int), inside["end"].astype(int)))
    pieces, position = [], start
    for span_start, span_end in spans:
        if span_start < position:
            continue
        pieces.append(escape(article.text[position:span_start]))
        pieces.append(f"<mark>{escape(article.text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(article.text[position:end]))
    return (
        f'<blockquote class="course-sentence {TEXT_ONLY_CLASSES}" style="border-left:4px solid #0072B2;margin:6px 0;'
        f'padding:4px 10px"><b>{escape(cite(sentence_id))}</b> {"".join(pieces)}</blockquote>'
    )


def show_sentence(article: Article, sentence_id: str) -> HTML:
    """:func:`sentence_html` as something a notebook cell displays."""
    return HTML(sentence_html(article, sentence_id))


def mention_counts(article: Article) -> pd.DataFrame:
    """Mentions per kind of actor (state, person, place …), with the number of distinct actors."""
    mentions = article.mentions
    if mentions.empty:
        return pd.DataFrame(
            {"kind": pd.Series(dtype="str"), "mentions": pd.Series(dtype="int64"), "actors": pd.Series(dtype="int64")}
        )
    return (
        mentions.groupby("kind")
        .agg(mentions=("actor_id", "size"), actors=("actor_id", "nunique"))
        .reset_index()
        .sort_values(["mentions", "kind"], ascending=[False, True], ignore_index=True)
    )


def who_what_where(article: Article, kind: str | None = None) -> pd.DataFrame:
    """One row per actor: name, kind, number of mentions, and where it is first named (¶).

    ``kind`` keeps one kind only, e.g. ``"place"``.
    """
    columns = ["actor", "actor_id", "kind", "mentions", "first_named", "forms"]
    mentions = article.mentions if kind is None else article.mentions[article.mentions["kind"] == kind]
    if mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "mentions" else "str") for c in columns})
    rows = []
    for actor_id, group in mentions.sort_values("start").groupby("actor_id", sort=False):
        rows.append(
            {
                "actor": group["actor"].iloc[0],
                "actor_id": actor_id,
                "kind": group["kind"].iloc[0],
                "mentions": len(group),
                "first_named": cite(group["sentence_id"].iloc[0]),
                "forms": "; ".join(dict.fromkeys(group["text"])),
            }
        )
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["mentions", "actor"], ascending=[False, True], ignore_index=True)


def core_claim_id(article: Article) -> str:
    """The id of the article's first sentence, where a news report states its main claim."""
    return str(article.sentences["sentence_id"].iloc[0])


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@checks_fresh_answers
def check_states(article: Article, answer: object) -> Message:
    """Whether ``answer`` is ``article.mentions`` filtered to rows whose kind is "state" (kind "ok" if so)."""
    expected = article.mentions[article.mentions["kind"] == "state"]
    if not isinstance(answer, pd.DataFrame):
        return Message("Not yet: the answer should be a DataFrame (a filtered article.mentions).", "warning")
    if "kind" not in answer.columns:
        return Message("Not yet: keep the columns of article.mentions, including 'kind'.", "warning")
    kinds = sorted(set(answer["kind"]))
    if len(answer) == len(expected) and kinds in ([], ["state"]):
        states = expected["actor_id"].nunique()
        return Message(f"Yes: {_count(len(expected), 'mention')} of {_count(states, 'state')}.", "ok")
    if len(answer) == len(article.mentions) and len(answer) != len(expected):
        return Message(
            "Not yet: this is still the whole table. Keep only the rows where the column 'kind' equals \"state\".",
            "warning",
        )
    return Message(
        f"Not yet: your table has {len(answer)} rows of kind {', '.join(kinds) or '(none)'}; "
        'compare with article.mentions["kind"].unique().',
        "warning",
    )
