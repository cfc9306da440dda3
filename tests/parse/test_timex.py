"""One invented sentence per time-expression rule (helpers/parse/timex.py, timex_resolve.py)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

import helpers
from helpers.parse.timex import find_time_expressions

from .linear import assert_linear

REF = date(2023, 6, 16)  # a Friday


def times(text: str, reference: date | None = REF) -> dict[str, tuple[str, date | None]]:
    table = helpers.parse_text(text, reference_date=reference).time_expressions
    return {
        row.text: (row.kind, None if pd.isna(row.start_date) else row.start_date.date()) for row in table.itertuples()
    }


def test_capitalised_date_and_date_with_weekday():
    found = times("The dam was opened on JUNE 2, 2021 and closed on Tuesday, May 3, 2022.")
    assert found["JUNE 2, 2021"] == ("date", date(2021, 6, 2))
    assert found["on Tuesday, May 3, 2022"] == ("date", date(2022, 5, 3))


@pytest.mark.parametrize(
    "text, expression, kind, day",
    [
        ("The mill reopens in September.", "September", "month only", date(2023, 9, 1)),
        ("The mill closed last October.", "last October", "month only", date(2022, 10, 1)),
        ("Work starts in early July.", "early July", "month only", date(2023, 7, 1)),
        ("The vote was held in May.", "May", "month only", date(2023, 5, 1)),
        ("The 1987 flood was worse.", "1987", "year", date(1987, 1, 1)),
    ],
)
def test_months_and_years_without_a_day(text, expression, kind, day):
    assert times(text)[expression] == (kind, day)


def test_may_without_a_preposition_is_not_a_month():
    assert "May" not in times("May the best team win.")


def test_a_year_before_a_plural_noun_or_after_a_qualifier_is_a_number():
    article = helpers.parse_text("The club has 2000 members and about 1900 fans.", reference_date=REF)
    assert article.time_expressions.empty
    assert article.quantities["value"].tolist() == [2000.0, 1900.0]


@pytest.mark.parametrize(
    "text, expression, day",
    [
        ("The ferry sank on Monday.", "on Monday", date(2023, 6, 12)),
        ("The ferry sank on Friday.", "on Friday", date(2023, 6, 16)),  # the article's own weekday: that day
        ("The ferry sank last Friday.", "last Friday", date(2023, 6, 9)),
        ("The inquiry will open on Monday.", "on Monday", date(2023, 6, 19)),  # future tense: the next one
        ("The inquiry opens next Tuesday.", "next Tuesday", date(2023, 6, 20)),
        ("Rain fell on Wednesday night.", "on Wednesday night", date(2023, 6, 14)),
        ("Rain fell on the night of Monday to Tuesday.", "on the night of Monday to Tuesday", date(2023, 6, 12)),
    ],
)
def test_weekdays(text, expression, day):
    assert times(text)[expression] == ("weekday", day)


def test_weekday_without_a_reference_date_stays_open():
    assert times("The ferry sank on Monday.", None)["on Monday"] == ("weekday", None)


@pytest.mark.parametrize(
    "text, expression, day",
    [
        ("The mill closed on June 2. The same day, the dam broke.", "The same day", date(2023, 6, 2)),
        ("The mill closed on June 2. The previous day, the dam broke.", "The previous day", date(2023, 6, 1)),
        ("The mill closed on June 2. Its owner left the day before.", "the day before", date(2023, 6, 1)),
        ("The mill closed on Monday. In a meeting that day, staff wept.", "that day", date(2023, 6, 12)),
        ("The mill closed on June 2. The following day, the dam broke.", "The following day", date(2023, 6, 3)),
    ],
)
def test_anaphoric_days_count_from_the_last_day_named(text, expression, day):
    assert times(text)[expression] == ("anaphoric", day)


def test_an_anaphoric_day_with_no_day_before_it_stays_open():
    kind, day = times("The same day, the dam broke.")["The same day"]
    assert kind == "anaphoric" and day is None


@pytest.mark.parametrize(
    "text, expression",
    [
        ("Prices rose in the last five years.", "the last five years"),
        ("The road was shut for more than a year.", "more than a year"),
        ("They argued for years.", "years"),
        ("Talks go on in the coming days.", "the coming days"),
        ("A year there lasts 33 Earth days.", "33 Earth days"),
        ("We face hard choices in the years ahead.", "the years ahead"),
        ("The rain lasted two weeks.", "two weeks"),
        ("It scored in that last ten minutes.", "that last ten minutes"),
        ("Few storms hit in the past few decades.", "the past few decades"),
    ],
)
def test_periods_and_durations(text, expression):
    assert times(text)[expression] == ("period", None)


def test_a_bare_noun_of_time_is_not_a_period():
    assert times("The season was long.") == {}


@pytest.mark.parametrize(
    "text, expression, day",
    [
        ("The shop was robbed this morning.", "this morning", date(2023, 6, 16)),
        ("The shop was robbed last night.", "last night", date(2023, 6, 15)),
        ("Stock arrives every night.", "every night", None),
        ("Snow fell overnight.", "overnight", None),
    ],
)
def test_parts_of_the_day(text, expression, day):
    assert times(text)[expression] == ("part of day", day)


@pytest.mark.parametrize(
    "text, expression",
    [
        ("The quake struck at 6:15 a.m. local time.", "6:15 a.m. local time"),
        ("The quake struck at 6am.", "6am"),
        ("The quake struck at 0100 UTC.", "0100 UTC"),
        ("Crews worked 24/7.", "24/7"),
    ],
)
def test_clock_times_are_time_expressions_not_numbers(text, expression):
    article = helpers.parse_text(text, reference_date=REF)
    assert dict(zip(article.time_expressions["text"], article.time_expressions["kind"]))[expression] == "clock"
    assert article.quantities.empty


def test_holidays_and_the_new_year():
    found = times("Shops close at Christmas and reopen in the new year.", date(2023, 12, 1))
    assert found["Christmas"] == ("holiday", date(2023, 12, 25))
    assert found["in the new year"] == ("holiday", date(2024, 1, 1))


def test_seasons_are_found_but_not_dated():
    assert times("The port expands this summer.")["this summer"] == ("season", None)


def test_earlier_this_month_and_the_end_of_the_year():
    found = times("Rates rose earlier this month and will fall by the end of the year.")
    assert found["earlier this month"] == ("relative", date(2023, 6, 1))
    assert found["the end of the year"] == ("relative", date(2023, 1, 1))


def test_approximate_ago():
    assert times("The virus was found about two months ago.")["about two months ago"] == ("relative", date(2023, 4, 16))


@pytest.mark.parametrize(
    "junk", ["9" * 40_000, "." * 40_000, "?!" * 20_000, "Monday " * 6_000, "the last " * 5_000, "May " * 10_000]
)
def test_time_expressions_are_linear_on_long_runs(junk):
    def build(n: int) -> str:
        return (junk * (1 + n // len(junk)))[:n]

    assert_linear(build, lambda text: find_time_expressions(text, 0, len(text)), 10_000)


def test_today_inside_a_name_is_not_a_time():
    assert "Today" not in times("The story ran in USA Today last week.")


def test_day_of_month_with_of():
    assert times("The port shut on the 5th of June.")["5th of June"] == ("date", date(2023, 6, 5))


def test_both_years_of_a_year_range():
    found = helpers.parse_text("The 2014-2016 drought ended.", reference_date=REF).time_expressions
    assert found["text"].tolist() == ["2014", "2016"]


def test_a_day_in_apposition_is_that_same_day():
    found = times("A man died on Tuesday, the day after the storm.")
    assert found["the day after"] == ("anaphoric", date(2023, 6, 13))


def test_due_to_does_not_point_ahead():
    assert times("The match on Saturday was called off due to rain.")["on Saturday"] == ("weekday", date(2023, 6, 10))


def test_mid_year_decades_and_the_weekend():
    found = times("Prices peaked in mid-2021, as in the 1990s, and fell over the weekend.")
    assert found["mid-2021"] == ("year", date(2021, 1, 1))
    assert found["the 1990s"] == ("decade", date(1990, 1, 1))
    assert found["over the weekend"] == ("period", None)


def test_anaphoric_days_chain():
    found = times("The mill closed on June 2. The previous day, staff left. The same day, the dam broke.")
    assert found["The same day"] == ("anaphoric", date(2023, 6, 1))


def test_a_year_after_to_is_a_year_but_up_to_is_a_number():
    found = helpers.parse_text("The plan ran from 2010 to 2015. It hired up to 2000 staff.", reference_date=REF)
    assert found.time_expressions["text"].tolist() == ["from 2010", "2015"]
    assert found.quantities["value"].tolist() == [2000.0]


def test_the_verb_last_is_not_part_of_a_period():
    assert times("The truce might not last a year.") == {"a year": ("period", None)}
