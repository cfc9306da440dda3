"""Sentence splitting rules and its linear time on pathological input."""

from __future__ import annotations

import pytest

import helpers

from .linear import assert_linear


def test_single_letter_initial_does_not_end_a_sentence():
    sentences = helpers.parse_text("They met John F. Kennedy. He smiled.").sentences["text"].tolist()
    assert sentences == ["They met John F. Kennedy.", "He smiled."]


@pytest.mark.parametrize(
    "build",
    [lambda n: "Word" + "." * n, lambda n: "Word" + "?!" * (n // 2), lambda n: "Yes" + "!?." * (n // 3) + " Next one."],
    ids=["dots", "marks", "mixed"],
)
def test_runs_of_dots_and_marks_without_spaces_are_linear(build):
    assert_linear(build, helpers.parse_text, 10_000)


def test_many_nth_day_phrases_in_one_sentence_are_linear():
    def build(n: int) -> str:
        return "The war reached its " + " ".join(f"{k}th day" for k in range(4, 4 + n // 8)) + "."

    assert_linear(build, helpers.parse_text, 8_000)
