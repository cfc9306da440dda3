"""Sentence splitting rules and its linear time on pathological input."""

from __future__ import annotations

import time

import helpers


def test_single_letter_initial_does_not_end_a_sentence():
    sentences = helpers.parse_text("They met John F. Kennedy. He smiled.").sentences["text"].tolist()
    assert sentences == ["They met John F. Kennedy.", "He smiled."]


def test_runs_of_dots_and_marks_without_spaces_are_linear():
    for text in ("Word" + "." * 40_000, "Word" + "?!" * 20_000, "Yes" + "!?." * 13_000 + " Next one."):
        started = time.perf_counter()
        helpers.parse_text(text)
        assert time.perf_counter() - started < 2.0


def test_many_nth_day_phrases_in_one_sentence_are_linear():
    text = "The war reached its " + " ".join(f"{n}th day" for n in range(4, 4000)) + "."
    started = time.perf_counter()
    helpers.parse_text(text)
    assert time.perf_counter() - started < 2.0
