"""Notebook 1, section 5: the article's date from "its 1,000th day", counted two ways."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd

from ...notebook.display import Message, show_table
from ...notebook.exercises import DateQuestion
from ...notebook.freshness import checks_fresh_answers
from ...notebook.session import Session
from ...parse.article import Article

#: Day 1 of Russia's full-scale war on Ukraine (facts A1: Kyiv Independent).
WAR_DAY_ONE = date(2022, 2, 24)
DAY_SECTION = "The day-counting section"


def war_day_to_date(n: int, day_one: date = WAR_DAY_ONE, inclusive: bool = True) -> date:
    """The calendar date of day ``n`` of the war.

    ``inclusive=True`` counts ``day_one`` itself as day 1 (the press convention, facts A2):
    day 1,000 = 24 Feb 2022 + 999 days = 19 Nov 2024. ``inclusive=False`` adds ``n`` elapsed days
    (24 Feb 2022 + 1,000 days = 20 Nov 2024).
    """
    if isinstance(n, bool) or int(n) != n or n < 1:
        raise ValueError(f"n must be a whole number of days, 1 or more (got {n!r}).")
    return day_one + timedelta(days=int(n) - 1 if inclusive else int(n))


def ordinal_day_rows(article: Article) -> pd.DataFrame:
    """The article's "Nth day" expressions (``article.time_expressions`` with kind "ordinal day")."""
    times = article.time_expressions
    return times[times["kind"] == "ordinal day"].reset_index(drop=True)


def ordinal_day_number(article: Article) -> int | None:
    """The N of the first "Nth day" in the article (1000 for "its 1,000th day"), or None."""
    rows = ordinal_day_rows(article)
    if rows.empty:
        return None
    digits = re.search(r"\d[\d,]*", rows["text"].iloc[0])
    return int(digits.group().replace(",", "")) if digits else None


def conventions_table(n: int = 1000, day_one: date = WAR_DAY_ONE) -> pd.DataFrame:
    """Both ways of counting day ``n``: inclusive (day one is day 1) and elapsed days."""
    rows = []
    for inclusive, how, days in (
        (True, f"inclusive: {day_one:%d %b %Y} is day 1", n - 1),
        (False, f"elapsed: {n:,} days after {day_one:%d %b %Y}", n),
    ):
        day = war_day_to_date(n, day_one, inclusive)
        rows.append(
            {
                "convention": how,
                "python": f'pd.Timestamp("{day_one}") + pd.Timedelta(days={days})',
                "date": f"{day:%A %d %B %Y}",
            }
        )
    return pd.DataFrame(rows)


@checks_fresh_answers
def check_day_1000(answer: object, n: int = 1000) -> Message:
    """Whether ``answer`` (a Timestamp or date) is day ``n`` counted the inclusive way (kind "ok" if so)."""
    if answer is None:
        return Message(
            "Not answered yet: replace None in the exercise cell with your calculation, run it, then "
            "run this cell again."
        )
    try:
        given = pd.Timestamp(answer).date()
    except (TypeError, ValueError):
        return Message(f"Not yet: {answer!r} is not a date. Use pd.Timestamp(…) + pd.Timedelta(days=…).", "warning")
    right = war_day_to_date(n)
    if given == right:
        return Message(
            f"Yes: {right:%A %d %B %Y}. Day 1 is 24 Feb 2022, so day {n:,} is {n - 1:,} days later (facts A1, A2).",
            "ok",
        )
    if given == war_day_to_date(n, inclusive=False):
        return Message(
            f"Close: {given:%d %b %Y} counts {n:,} elapsed days. If 24 Feb 2022 is day 1, day 2 is one "
            f"day later, so day {n:,} is {n - 1:,} days later (facts A2).",
            "warning",
        )
    gap = (given - right).days
    return Message(f"Not yet: {given:%d %b %Y} is {abs(gap)} day(s) {'late' if gap > 0 else 'early'}.", "warning")


def day_1000_question(session: Session, n: int = 1000) -> DateQuestion | Message:
    """DateQuestion: on which date was day ``n`` of the war? Near misses explain the two conventions."""
    skipped = session.reference("The date question")
    if skipped is not None:
        return skipped

    right = war_day_to_date(n)
    elapsed = war_day_to_date(n, inclusive=False)
    near = {
        elapsed: (
            f"{elapsed:%d %b %Y} is {n:,} elapsed days after 24 Feb 2022. The press counts 24 Feb 2022 as "
            f"day 1 (inclusive), so day {n:,} comes one day earlier (facts A2)."
        ),
        right - timedelta(days=1): (
            f"That is day {n - 1:,}, one day before day {n:,}: if 24 Feb 2022 is day 1, how many days do you "
            f"add to reach day {n:,}? (Section 6 comes back to this day.)"
        ),
    }
    explanation = (
        f"Day 1 is 24 Feb 2022 (facts A1); add {n - 1:,} days to get day {n:,}. Kyiv Independent, "
        "AP, Reuters and the EU marked this date as the 1,000th day (facts A2)."
    )
    return DateQuestion(
        session.notebook, "day_1000", f"On which date was day {n:,} of the full-scale war?", right, explanation, near
    )


def show_ordinal_day(session: Session) -> Message | None:
    """Show the article's "Nth day" rows and their sentence; a skip message for another article."""
    skipped = session.reference(DAY_SECTION)
    if skipped is not None:
        return skipped
    from IPython.display import display

    from .actors import show_sentence

    rows = ordinal_day_rows(session.article)
    # The parser's date for it is the answer of Exercise 4: it is shown after the exercise (compare_with_parser).
    show_table(rows, columns=["text", "kind", "sentence_id"], caption='The "Nth day" in the article')
    if not rows.empty:
        display(show_sentence(session.article, rows["sentence_id"].iloc[0]))
    return None


def compare_with_parser(session: Session) -> Message | pd.DataFrame:
    """The date computed from the article's "Nth day" next to the parser's reference date."""
    skipped = session.reference(DAY_SECTION)
    if skipped is not None:
        return skipped
    article = session.article
    number = ordinal_day_number(article)
    computed = war_day_to_date(number) if number is not None else None
    return pd.DataFrame(
        {
            "what": ["computed here", "parser's reference date", "same date?", "how the parser got it"],
            "value": [
                str(computed),
                str(article.reference_date),
                str(computed == article.reference_date),
                article.reference_basis,
            ],
        }
    )
