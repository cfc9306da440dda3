"""Notebook 2, the exercises: order events, count days, spot the undatable expression, reflect."""

from __future__ import annotations

import pandas as pd

from ...notebook.display import Message
from ...notebook.exercises import ChoiceQuestion, NumberQuestion, OrderQuestion, TextQuestion
from ...notebook.session import Session
from ...parse.article import Article
from .table import days_to_reference, expressions_table

#: Background facts used in the ordering exercise for the course article (one event each, the first
#: dated to the day). The order itself is always computed from the dates.
ORDERING_FACTS = ("A1", "A9", "A10", "A15")


def _item_text(row) -> str:
    if row["from_article"]:
        return f"“{row['label']}” ({row['origin']})"
    return f"{row['label']} ({row['origin']})"


def ordering_rows(table: pd.DataFrame, size: int = 6) -> pd.DataFrame:
    """The events chosen for the ordering exercise, by rule, one per date.

    Course article: the first day-precision background event of each fact in ``ORDERING_FACTS`` plus
    the article's dates written as a date or counted from a known first day. Other articles: their
    own single-day dates (at most ``size``). Fewer than 3 distinct dates gives an empty table.
    """
    point = table["end_date"].eq(table["date"]) & table["date_precision"].eq("day")
    exact = table["basis"].str.contains("written in full|nearest|day [0-9,]+ of", regex=True)
    article_rows = table[table["from_article"] & point & exact]
    if not table["from_article"].all():
        background = table[~table["from_article"] & point]
        picks = [background[background["origin"] == f"background {fact}"].head(1) for fact in ORDERING_FACTS]
        chosen = pd.concat([*picks, article_rows])
    else:
        chosen = table[table["from_article"] & point]
    chosen = chosen.sort_values("date", kind="stable").drop_duplicates("date")
    if len(chosen) > size:
        chosen = chosen.iloc[[round(i * (len(chosen) - 1) / (size - 1)) for i in range(size)]]
    if len(chosen) < 3:
        return chosen.iloc[0:0]
    return chosen.reset_index(drop=True)


def ordering_items(table: pd.DataFrame) -> tuple[list[str], list[str]]:
    """``(items, correct_order)`` for :class:`helpers.notebook.exercises.OrderQuestion`; empty lists if too few dates.

    The correct order is computed from the dates; the items are listed so that **none** stands in its
    right place (:func:`derange`), so picking the options in the order they are listed scores nothing.
    """
    rows = ordering_rows(table)
    correct = [_item_text(row) for _, row in rows.iterrows()]
    return derange(correct), correct


def derange(correct: list[str]) -> list[str]:
    """``correct`` listed alphabetically, then shuffled so that no item keeps its position in ``correct``.

    Deterministic (the same list every run); for one item there is no other order, so it is returned as is.
    """
    items = sorted(correct)
    size = len(items)
    for _ in range(size * size):
        fixed = [i for i in range(size) if items[i] == correct[i]]
        if not fixed or size < 2:
            break
        i = fixed[0]
        j = (i + 1) % size
        items[i], items[j] = items[j], items[i]
    return items


def ordering_explanation(table: pd.DataFrame) -> str:
    """The dates behind the ordering exercise, as plain text."""
    rows = ordering_rows(table)
    return "The dates: " + "; ".join(f"{row['origin']}: {row['date']:%d %b %Y}" for _, row in rows.iterrows()) + "."


def undatable_choice(article: Article) -> dict | None:
    """Parts of a ChoiceQuestion "which expression cannot be dated?": options, correct, explanation,
    hints. ``None`` if the article lacks either an undatable or a dated expression."""
    table = expressions_table(article)
    table = table.assign(option=[f"“{t}” ({c})" for t, c in zip(table["text"], table["cite"])])
    table = table.drop_duplicates("option")
    undated = table[table["dated"] == "cannot be dated"]
    dated = table[table["dated"] != "cannot be dated"]
    if undated.empty or dated.empty:
        return None
    vague = undated[undated["kind"] == "vague"]
    answer = (vague if len(vague) else undated).iloc[0]
    others = dated.drop_duplicates("dated").head(3)
    options = sorted([answer["option"], *others["option"]])
    hints = {
        row["option"]: f"That one was dated to {row['start_date']:%d %b %Y} ({row['dated']}): {row['basis']}."
        for _, row in others.iterrows()
    }
    explanation = (
        f"{answer['option']} cannot be dated (the parser says: {answer['basis']}). The text gives "
        f"no day, month or count to work from, so any date for it would be a guess."
    )
    return {"options": options, "correct": answer["option"], "explanation": explanation, "hints": hints}


def reflection_prompt(article: Article) -> str:
    """A reflection question built from the article's own undatable expressions.

    The answer of the undatable-expression exercise (:func:`undatable_choice`) is never named, so the
    prompt under it gives nothing away.
    """
    table = expressions_table(article)
    parts = undatable_choice(article)
    if parts is not None:
        table = table[[f"“{t}” ({c})" != parts["correct"] for t, c in zip(table["text"], table["cite"])]]
        answer_text = parts["correct"].split("”")[0].lstrip("“").lower()
        table = table[table["text"].str.lower() != answer_text]
    undated = table.loc[table["dated"] == "cannot be dated", "text"]
    undated = undated[~undated.str.lower().duplicated()].head(3)
    if len(undated):
        words = ", ".join(f"“{w}”" for w in undated)
        return (
            f"Besides the answer to Exercise 3, the article uses other time words that cannot be dated, "
            f"such as {words}. Pick one. What would you "
            f"need to know to date it, where could you look it up, and how does leaving it undated change "
            f"what a reader understands?"
        )
    return (
        "Think of the time word you chose in Exercise 3, or any date in the timeline. Which date depends most on the parser's "
        "choices (an inferred year, a count from the reference date), and how would you check it?"
    )


def ordering_question(session: Session, table: pd.DataFrame) -> OrderQuestion | Message:
    """Exercise: put 5–6 events of ``table`` in time order, or a message if there are too few dates."""
    items, correct = ordering_items(table)
    if not items:
        return Message(
            "The ordering exercise needs at least three events with different, exact dates; this "
            "article's timeline has fewer, so the exercise is skipped."
        )
    return OrderQuestion(
        session.notebook,
        "order",
        "Put these events in time order, earliest first.",
        items,
        correct,
        explanation=ordering_explanation(table),
    )


def days_question(session: Session, fact_id: str = "A9") -> NumberQuestion | Message:
    """Exercise: days from a background event (default: the Kursk incursion, fact A9) to the reference date."""
    skipped = session.reference("The day-count exercise")
    answer = days_to_reference(session.article, fact_id) if skipped is None else None
    if answer is None:
        return skipped or Message("The day-count exercise needs the article's reference date; it is skipped.")
    # Both counting conventions of notebook 1, section 5 are right: the difference of the two dates
    # (``answer``) or that plus one, counting the first and the last day (inclusive).
    return NumberQuestion(
        session.notebook,
        f"days_{fact_id}",
        f"How many days are there from the background event of fact {fact_id} to the article's day? "
        "Either way of counting from notebook 1 is accepted: say in your code which one you used.",
        answer + 0.5,
        tolerance=0.5,
        unit="days",
        explanation=(
            f"The article's day minus the event's date is {answer} days (elapsed days, what pandas gives). "
            f'Counting both the first and the last day, as in "day 1, day 2, …", gives {answer + 1}. '
            "Both are right, as long as you say which you counted."
        ),
    )


def undatable_question(session: Session) -> ChoiceQuestion | Message:
    """Exercise: which time expression cannot be dated? (ChoiceQuestion), or a message if none fits."""
    parts = undatable_choice(session.article)
    if parts is None:
        return Message(
            "This article does not have both a dated and an undatable time expression, so this exercise is skipped."
        )
    return ChoiceQuestion(
        session.notebook,
        "undatable",
        "Which of these time expressions from the article cannot be given a date?",
        **parts,
    )


def reflection_question(session: Session) -> TextQuestion:
    """Exercise: a short written reflection on undatable time words (TextQuestion)."""
    return TextQuestion(
        session.notebook,
        "reflection",
        reflection_prompt(session.article),
        min_words=20,
        model_answer=(
            "A vague word only places something before or after the article. To date it I would look for the "
            "event it refers to in other reporting (with a source and date), and say so if I cannot find it. "
            "Left undated, it can make old events sound new, or new ones sound settled."
        ),
    )
