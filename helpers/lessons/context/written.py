"""Notebook 1, sections 6-8: when was this written, who published it, and which words are the writer's own.

- :func:`dating_clues`: the article's sentences that tell when it was written, each beside the
  background fact that dates it (found by the claim rules, never by a fixed sentence number);
- :func:`show_dating_clues` shows them;
- :func:`written_on_question`: on which day was the article written?
- :func:`provenance_table`: outlet, author, date and link, as far as the text gives them;
- :func:`show_judgement_questions`: is a phrase reported fact or the writer's own judgement?
"""

from __future__ import annotations

import re
from datetime import timedelta

import pandas as pd

from ...curated import REFERENCE_DATE
from ...notebook.display import Message, show_table
from ...notebook.exercises import ChoiceQuestion, DateQuestion
from ...notebook.session import Session
from ...parse.article import Article, cite
from ...parse.datelines import find_dateline
from .claims import claims_and_background

WRITTEN_SECTION = "The dating section"
#: What each background fact says about the day the article was written (facts.csv ids).
CLUES: dict[str, tuple[str, str]] = {
    "A2": ("before", "The war approaches day 1,000 but has not reached it: written before day 1,000."),
    "A6": ("on or after", 'The Odesa strike was on 18 Nov 2024; "nearly 50" injured matches the count of that day.'),
    "B11": ("on or after", "The Kremlin spokesman's remark was made on 18 Nov 2024."),
    "B13": ("on or after", "The foreign ministry's warning was made on 18 Nov 2024."),
    "B10": ("on or after", "Finer spoke at a press gaggle in Rio de Janeiro on 18 Nov 2024 (White House transcript)."),
}


def dating_clues(session: Session) -> pd.DataFrame | Message:
    """The sentences that date the article: citation, the words, the fact, and what it says about the date."""
    skipped = session.reference(WRITTEN_SECTION)
    if skipped is not None:
        return skipped
    claims = claims_and_background(session.article)
    rows = claims[claims["fact_id"].isin(list(CLUES))].drop_duplicates("fact_id")
    order = {fid: i for i, fid in enumerate(CLUES)}
    rows = rows.assign(_order=rows["fact_id"].map(order)).sort_values("_order")
    return pd.DataFrame(
        {
            "citation": rows["citation"],
            "the article says": rows["matched"],
            "fact_id": rows["fact_id"],
            "written …": [CLUES[fid][0] for fid in rows["fact_id"]],
            "why": [CLUES[fid][1] for fid in rows["fact_id"]],
        }
    ).reset_index(drop=True)


def show_dating_clues(session: Session) -> Message | None:
    """Show :func:`dating_clues` as a table (long text wraps); the skip message for another article."""
    clues = dating_clues(session)
    if isinstance(clues, Message):
        return clues
    show_table(clues, caption="Clues to the day the article was written")
    return None


def written_on_question(session: Session) -> DateQuestion | Message:
    """DateQuestion: on which day was the article most likely written? (the course's reference date)"""
    skipped = session.reference(WRITTEN_SECTION)
    if skipped is not None:
        return skipped
    right = REFERENCE_DATE
    near = {
        right + timedelta(days=1): (
            f"{right + timedelta(days=1):%d %b %Y} is day 1,000 itself. The article says the war "
            '"approaches" day 1,000, so it had not reached it yet.'
        ),
        right - timedelta(days=1): (
            f"On {right - timedelta(days=1):%d %b %Y} the Odesa strike, the Kremlin's remark and Finer's press "
            "gaggle had not happened yet, and the article reports all three."
        ),
    }
    explanation = (
        f"{right:%A %d %B %Y}: not before, because the article reports events of that day (the Odesa strike, "
        "the Kremlin's and the foreign ministry's reactions, Finer's remarks: facts A6, B10, B11, B13); not "
        'after, because the war only "approaches" day 1,000 (fact A2). It may have been published late that '
        "day or the next; without a dateline we cannot be sure."
    )
    return DateQuestion(
        session.notebook, "written_on", "On which day was the article most likely written?", right, explanation, near
    )


def provenance_table(article: Article) -> pd.DataFrame:
    """What the article's text says about who published it: outlet, author, date, link ("not given" if nothing)."""
    text = article.text
    head = text[:400]
    byline = re.search(r"^\s*By ([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})", head, re.M)
    link = re.search(r"https?://\S+", text)
    dateline = find_dateline(text)
    missing = "not given"
    return pd.DataFrame(
        {
            "what a reader should know": ["outlet (who published it)", "author", "date published", "original link"],
            "what the text gives": [
                missing,
                byline.group(1) if byline else missing,
                f"{dateline[0]:%d %b %Y}" if dateline else missing,
                link.group() if link else missing,
            ],
        }
    )


def provenance_question(session: Session) -> ChoiceQuestion:
    """ChoiceQuestion: what should a reader do first with an article that names no outlet, author or date?"""
    right = "Search for a distinctive sentence to find the original publication, its outlet and its date."
    options = [
        "Trust it: the facts in it can be checked one by one, so who wrote it does not matter.",
        right,
        "Reject it: an article without an author must be false.",
        "Use the date the file was saved on your computer as its date.",
    ]
    hints = {
        options[0]: (
            "Checking facts one by one helps, but the outlet and date tell you how the facts were chosen, "
            "what the writer could know, and whether the text was changed since."
        ),
        options[2]: (
            "Missing details make an article harder to judge, not false. Many copies (agency texts, "
            "aggregators) lose their byline; look for the original before you decide."
        ),
        options[3]: (
            "A file's date says when it was copied, not when it was written. Notebook 1 dates this article "
            "from clues in its text instead."
        ),
    }
    explanation = (
        "A search for an exact sentence often finds the original, or copies of it, with outlet, author and "
        "date. If you cannot find them, say so when you use the article, and date it from its own clues, as "
        "section 6 does."
    )
    return ChoiceQuestion(
        session.notebook,
        "provenance",
        "This article names no outlet, no author and no date. What should a careful reader do first?",
        options,
        right,
        explanation,
        hints,
    )


#: Phrases of the course article: the writer's own judgement, or a fact reported that a source can confirm.
JUDGEMENT = "the writer's judgement (an interpretation)"
REPORTED = "reported fact (a source could confirm or refute it)"
PHRASES: list[tuple[str, str, str]] = [
    (
        "marking a significant escalation",
        JUDGEMENT,
        'Nobody is quoted: the article itself calls the decision "a significant escalation". Others could '
        "call it a response, or a limited step.",
    ),
    (
        "A strike on Odesa killed 10 people and injured nearly 50",
        REPORTED,
        "A count of victims on a known day can be checked against sources (fact A6), even though counts "
        "changed through the day (caveat X1).",
    ),
    (
        "represents a major shift in US policy",
        JUDGEMENT,
        '"Major" is the writer\'s weighing: the facts are that a restriction was lifted; how big a shift that '
        "is, is an interpretation.",
    ),
    (
        "set to return to the White House on January 20th",
        REPORTED,
        "The inauguration date was fixed in advance and can be checked (fact A16).",
    ),
    (
        "The development comes at a complex political moment",
        JUDGEMENT,
        '"Complex" is the writer\'s description of the moment, not something a source reports.',
    ),
]


def judgement_items(article: Article) -> list[tuple[str, str, str, str]]:
    """The phrases of :data:`PHRASES` found in ``article``: (phrase, citation, answer, explanation)."""
    sentences = article.sentences
    found = []
    for phrase, answer, why in PHRASES:
        hit = sentences[sentences["text"].str.contains(phrase, regex=False)]
        if not hit.empty:
            found.append((phrase, cite(hit["sentence_id"].iloc[0]), answer, why))
    return found


def judgement_questions(session: Session) -> list[ChoiceQuestion] | Message:
    """One ChoiceQuestion per phrase: reported fact or the writer's judgement? Display them one by one."""
    skipped = session.reference("The judgement exercise")
    if skipped is not None:
        return skipped
    questions = []
    for number, (phrase, where, answer, why) in enumerate(judgement_items(session.article), 1):
        other = REPORTED if answer == JUDGEMENT else JUDGEMENT
        hint = "Ask: could a source confirm or refute these words, or do they weigh and describe what happened? " + (
            "Here no source is named and the words weigh the event."
            if answer == JUDGEMENT
            else "Here the words state something that happened, on a known day."
        )
        questions.append(
            ChoiceQuestion(
                session.notebook,
                f"judgement_{number}",
                f"“{phrase}” ({where})",
                [REPORTED, JUDGEMENT],
                answer,
                why,
                {other: hint},
            )
        )
    return questions


def show_judgement_questions(session: Session) -> Message | None:
    """Display :func:`judgement_questions` one under another; the skip message for another article."""
    questions = judgement_questions(session)
    if isinstance(questions, Message):
        return questions
    from IPython.display import display

    for question in questions:
        display(question)
    return None
