"""Notebook 0 "Start here": the parser's tables, the shipped articles and the first exercises."""

from __future__ import annotations

import pandas as pd

from ...notebook.display import Message
from ...notebook.exercises import ChoiceQuestion, TextQuestion
from ...notebook.freshness import checks_fresh_answers
from ...parse.article import TABLES, Article, cite
from ...paths import course_root

NOTEBOOK_START = "00_start_here"

#: What each parsed table holds (a description of the parser, not of any article).
TABLE_DESCRIPTIONS = {
    "sentences": "every sentence, with its id (paragraph.sentence) and character offsets",
    "mentions": "each time an actor (person, state, organisation, group or place) is named",
    "quotes": "words inside quotation marks, with the speaker when the parser can tell",
    "statements": "who said, claimed or warned what: speaker, reporting verb, content, direct or not",
    "quantities": "numbers with their unit and qualifier (over, up to, nearly …)",
    "time_expressions": "dates and time words, resolved to calendar dates where possible",
    "hedges": "words that soften or qualify a claim (may, reportedly, unconfirmed …)",
}


def table_overview(article: Article) -> pd.DataFrame:
    """How many rows the parser found in each table, and what each table holds."""
    return pd.DataFrame(
        {
            "table": list(TABLES),
            "rows": [len(article.table(name)) for name in TABLES],
            "holds": [TABLE_DESCRIPTIONS.get(name, "") for name in TABLES],
            "example_call": [f"article.{name}" for name in TABLES],
        }
    )


def available_articles() -> pd.DataFrame:
    """Article files shipped with the course, as paths to put in ``SEED`` (relative to notebooks/)."""
    rows = []
    for folder, purpose in (("seeds", "course article"), ("tests/articles", "synthetic test article")):
        for path in sorted((course_root() / folder).glob("*.txt")):
            rows.append({"SEED": f"../{folder}/{path.name}", "kind": purpose, "size_bytes": path.stat().st_size})
    return pd.DataFrame(rows, columns=["SEED", "kind", "size_bytes"])


def practice_sentence_id(article: Article, preferred: str = "4.3") -> str:
    """The sentence for the "find a sentence" exercise: ``preferred`` if it exists, else the last one."""
    ids = article.sentences["sentence_id"].tolist()
    return preferred if preferred in ids else ids[-1]


@checks_fresh_answers
def check_sentence(article: Article, sentence_id: str, answer: object) -> Message:
    """Whether ``answer`` is the text of sentence ``sentence_id``, as a message (kind "ok" if it is)."""
    expected = article.sentence(sentence_id)
    if answer is None:
        return Message("Not answered yet: replace None in the exercise cell, run it, then run this cell again.")
    texts = article.sentences["text"].str.strip()
    if isinstance(answer, str) and answer.strip() == expected.strip():
        return Message(f"Yes: that is {cite(sentence_id)}.", "ok")
    if isinstance(answer, str) and answer.strip() in texts.tolist():
        other = article.sentences.loc[texts == answer.strip(), "sentence_id"].iloc[0]
        return Message(
            f"That is a sentence of the article, but it is {cite(other)}, not {cite(sentence_id)}.", "warning"
        )
    return Message(
        f"Not yet: the value is not the text of {cite(sentence_id)}. "
        f'Give the id as text, e.g. article.sentence("{sentence_id}").',
        "warning",
    )


def _quote_candidates(article: Article, correct: str) -> tuple[list[str], list[str], list[str]]:
    """Up to four sentence ids for the first-quote question (the answer first found), later quotes, indirect."""
    order = article.sentences["sentence_id"].tolist()
    later_quotes = [s for s in article.quotes.sort_values("start")["sentence_id"].tolist() if s != correct]
    indirect = article.statements.loc[~article.statements["direct"], "sentence_id"].tolist()
    candidates = [correct]
    for sid in later_quotes + [s for s in indirect if order.index(s) < order.index(correct)] + indirect + order:
        if sid not in candidates:
            candidates.append(sid)
        if len(candidates) == 4:
            break
    candidates.sort(key=order.index)
    return candidates, later_quotes, indirect


def first_quote_question(article: Article, notebook: str = NOTEBOOK_START) -> ChoiceQuestion | Message:
    """ChoiceQuestion: which sentence holds the first direct quote? The answer comes from ``article.quotes``.

    Returns a message instead when the parser found no quote in the article.
    """
    if article.quotes.empty:
        return Message("The parser found no direct quote in this article, so this exercise is skipped.")
    quotes = article.quotes.sort_values("start")
    correct = str(quotes["sentence_id"].iloc[0])
    candidates, later_quotes, indirect = _quote_candidates(article, correct)
    hints = {}
    for sid in candidates:
        if sid == correct:
            continue
        if sid in later_quotes:
            hints[cite(sid)] = "That sentence does hold a quote, but an earlier sentence has one too."
        elif sid in indirect:
            hints[cite(sid)] = (
                "That sentence reports what someone said in the writer's own words "
                "(indirect speech): there are no quotation marks."
            )
        else:
            hints[cite(sid)] = "Look for quotation marks “…” in that sentence: there are none."
    first = quotes.iloc[0]
    who = f", attributed to {first['speaker']}" if first["speaker"] else ""
    explanation = (
        f"The first words in quotation marks are in {cite(correct)}{who}. "
        f"The parser found {len(quotes)} quote(s) in all (article.quotes)."
    )
    return ChoiceQuestion(
        notebook,
        "first_quote",
        "Which sentence contains the first direct quote?",
        [cite(s) for s in candidates],
        cite(correct),
        explanation,
        hints,
    )


def expectations_question(notebook: str = NOTEBOOK_START) -> TextQuestion:
    """TextQuestion: what do you expect to learn from this course?"""
    return TextQuestion(
        notebook,
        "expectations",
        "What do you expect to learn from reading one news article with data? "
        "Name one thing you would like to check in the article.",
        model_answer=(
            "There is no right answer here. For example: I want to find out who is "
            "quoted and who is only described, and whether the numbers in the article "
            "match what other sources said at the time."
        ),
        min_words=8,
    )
