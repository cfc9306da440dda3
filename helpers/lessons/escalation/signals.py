"""Schelling's threats as signals: the statements that threaten, warn or promise, and Exercise 1."""

from __future__ import annotations

import pandas as pd

from ...notebook.exercises import ChoiceQuestion
from ...notebook.session import Session
from ...parse.article import Article, cite

#: Reporting verbs (lemmas) that make a statement a possible signal.
SIGNAL_LEMMAS = ("warn", "threaten", "promise", "vow", "pledge")
#: Words in a statement's content that say someone would respond.
RESPONSE_WORDS = r"\b(?:respon\w*|retaliat\w*)\b"


def signal_statements(article: Article) -> pd.DataFrame:
    """Statements that threaten, warn, promise or say someone would respond: possible signals.

    Columns: cite, speaker, verb, content (the parsed words, in the speaker's own words where direct).
    """
    statements = article.statements
    lemmas = statements["lemma"].astype(str).str.lower().isin(SIGNAL_LEMMAS)
    respond = statements["content"].astype(str).str.contains(RESPONSE_WORDS, case=False, regex=True)
    chosen = statements.loc[lemmas | respond]
    return pd.DataFrame(
        {
            "cite": [cite(s) for s in chosen["sentence_id"]],
            "speaker": chosen["speaker"].values,
            "verb": chosen["verb"].values,
            "content": chosen["content"].values,
        },
        columns=["cite", "speaker", "verb", "content"],
    )


def deterrence_question(session: Session) -> ChoiceQuestion:
    """Exercise 1: is an imagined threat deterrence or compellence (Schelling, fact D16)?"""
    deterrence = "Deterrence: A tries to stop B from doing something"
    compellence = "Compellence: A tries to make B do something"
    brute = "Brute force: A simply takes what it wants, without bargaining"
    return ChoiceQuestion(
        session.notebook,
        "deter_or_compel",
        "Imagine that country A tells country B: “If your troops cross the river, we will strike back.” "
        "In Schelling's terms, what is A doing?",
        [deterrence, compellence, brute],
        deterrence,
        explanation="The threat asks B not to act, and nothing happens if B stays where it is: that is "
        "deterrence (fact D16). Compellence would be “we will keep striking until you pull back”.",
        hints={
            compellence: "Does A want B to do something new, or to refrain from something? Look at "
            "what happens if B does nothing.",
            brute: "A has not used force yet: it is threatening, which is bargaining with “the power "
            "to hurt” (fact D16).",
        },
    )
