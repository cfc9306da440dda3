"""article.sentence() takes 4.3, "4.3" and "¶4.3", and says what exists when the id is wrong."""

from __future__ import annotations

import pytest

import helpers
from helpers.errors import CourseError

TEXT = "One. Two.\n\nThree. Four. Five.\n\n" + " ".join(f"S{n}." for n in range(1, 12)) + "\n"


@pytest.fixture(scope="module")
def article() -> helpers.Article:
    return helpers.parse_text(TEXT, "demo")


@pytest.mark.parametrize("wanted", ["2.3", 2.3, "¶2.3", " ¶ 2.3 ", "2,3", "para 2.3"])
def test_the_forms_people_write_find_the_sentence(article, wanted) -> None:
    assert article.sentence(wanted) == "Five."


def test_a_two_digit_sentence_number_as_text(article) -> None:
    assert article.sentence("3.10") == "S10."
    assert article.sentence(3.1) == "S1."


@pytest.mark.parametrize(
    ("wanted", "says"),
    [
        ("2.9", "paragraph 2 has sentences 2.1–2.3"),
        (2.9, "paragraph 2 has sentences 2.1–2.3"),
        ("2.0", "paragraph 2 has sentences 2.1–2.3"),
        ("9.1", "no paragraph 9 in demo: it has paragraphs 1–3"),
        ("abc", "'abc' is not a sentence id; demo has paragraphs 1–3"),
        (0, "0 is not a sentence id"),
        (None, "None is not a sentence id"),
        (True, "True is not a sentence id"),
        (2, "2 is a paragraph, not a sentence: paragraph 2 has sentences 2.1–2.3"),
        ("¶2", "paragraph 2 has sentences 2.1–2.3"),
    ],
)
def test_bad_ids_say_what_exists(article, wanted, says) -> None:
    with pytest.raises(CourseError) as caught:
        article.sentence(wanted)
    assert says in str(caught.value)
    assert "article.sentence(" in str(caught.value)  # and how to write it


def test_a_float_that_loses_a_digit_gets_a_tip(article) -> None:
    with pytest.raises(CourseError, match="write '4.10' in quotes"):
        article.sentence(3.99)
