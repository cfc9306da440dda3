"""The article's day (REFERENCE_DATE) and what a reader could know on it."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd
import pytest

from helpers.curated import (
    REFERENCE_DATE,
    after_article,
    article_date,
    cites_outcome,
    is_outcome_fact,
    known_by_article,
    load_table,
    split_list,
)
from helpers.parse.article import load_article, parse_text
from helpers.paths import COURSE_SEED_ID, default_seed


def test_the_article_is_dated_to_the_day_before_day_1000():
    """¶1.2 "approaches its 1,000th day" (day 1,000 = 19 Nov 2024, A2); it reports events of 18 Nov (A6, B10, B11, B13)."""
    assert REFERENCE_DATE == date(2024, 11, 18)
    facts = load_table("facts").set_index("fact_id")["fact"]
    assert "19 Nov 2024" in facts["A2"] and "18 Nov 2024" in facts["A6"] and "18 Nov 2024" in facts["B10"]


def test_article_date_is_the_curated_day_only_for_the_course_article():
    course = load_article(default_seed())
    assert course.id == COURSE_SEED_ID and article_date(course) == REFERENCE_DATE
    assert course.reference_date == date(2024, 11, 19)  # the parser counts to day 1,000
    other = parse_text("Talks resumed on 3 March 2023 in Geneva.", article_id="other")
    assert article_date(other) == other.reference_date


@pytest.mark.parametrize(
    ("fact_id", "outcome"), [("C1", True), ("C25", True), (" C2 ", True), ("A2", False), ("C", False), ("CX1", False)]
)
def test_is_outcome_fact(fact_id, outcome):
    assert is_outcome_fact(fact_id) is outcome


def test_cites_outcome():
    assert cites_outcome("A9;C2") and not cites_outcome("A9;X5") and not cites_outcome("")


def test_after_article_and_known_by_article():
    assert after_article("2024-11-19") and not after_article("2024-11-18") and not after_article(None)
    assert not after_article(pd.NaT)
    table = pd.DataFrame({"date": pd.to_datetime(["2024-11-04", "2025-04-26", None]), "n": [1, 2, 3]})
    assert list(known_by_article(table)["n"]) == [1, 3]


def _leading_date(fact: str) -> date | None:
    """The date a section C fact starts with ("19 Nov 2024: …" or "14–15 Dec 2025: …"), as the README says."""
    match = re.match(r"(?:\d{1,2}[–-])?(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})", fact)
    return pd.Timestamp(f"{match[1]} {match[2]} {match[3]}").date() if match else None


def test_no_forecast_question_resolves_before_a_reader_could_answer_it():
    """Every "yes" outcome happened after the article's day, inside the question's window."""
    facts = load_table("facts").set_index("fact_id")["fact"]
    for row in load_table("forecast_questions").to_dict("records"):
        assert int(row["window_days"]) >= 1
        if row["resolution"] != "yes":
            continue
        dates = [_leading_date(facts[f]) for f in split_list(row["fact_ids"]) if is_outcome_fact(f)]
        first = min(d for d in dates if d is not None)
        assert REFERENCE_DATE < first <= REFERENCE_DATE + timedelta(days=int(row["window_days"])), row


def test_the_check_would_catch_the_old_reference_date():
    """With the old date (19 Nov 2024, day 1,000), q1 and q2 resolved on the article's own day."""
    facts = load_table("facts").set_index("fact_id")["fact"]
    assert _leading_date(facts["C1"]) == _leading_date(facts["C2"]) == date(2024, 11, 19)
    assert not date(2024, 11, 19) < _leading_date(facts["C1"])


def test_q5_window_ends_24_hours_after_the_inauguration():
    q5 = load_table("forecast_questions").set_index("question_id").loc["q5"]
    assert REFERENCE_DATE + timedelta(days=int(q5["window_days"])) == date(2025, 1, 21)


def test_events_relations_follow_the_reference_date():
    events = load_table("events")
    for day, relation in zip(events["date"], events["relation"]):
        expected = "before" if day.date() < REFERENCE_DATE else "same_day" if day.date() == REFERENCE_DATE else "after"
        assert relation == expected, (day, relation)


def test_actor_descriptions_say_only_what_was_known_on_the_article_day():
    """The actor explorer (notebook 3) shows these: no outcome fact, no year after the article."""
    actors = load_table("actors")
    for row in actors.to_dict("records"):
        assert not cites_outcome(row["fact_ids"]), row["actor_id"]
        assert not re.search(r"\bC\d{1,2}\b", row["description"]), row["actor_id"]
        # a day in 2025 would be an outcome; "due to take office in January 2025" was scheduled (A16)
        assert not re.search(r"\b\d{1,2} [A-Z][a-z]+ 2025\b", row["description"]), row["actor_id"]
