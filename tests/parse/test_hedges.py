"""One invented sentence per hedge rule (helpers/parse/hedges.py)."""

from __future__ import annotations

import pytest

from helpers.parse.hedges import find_hedges


def cues(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], kind) for a, b, kind in find_hedges(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The mayor paid around US$30 million.", [("around", "approximator")]),
        ("Around five percent of the herd fell ill.", [("Around", "approximator")]),
        ("She arrived about two hours late.", [("about", "approximator")]),
        ("He talked about the plan.", []),  # "about" with no quantity is no approximator
        ("A suspected arson damaged the mill.", [("suspected", "evidential")]),
        ("The alleged bribe was small.", [("alleged", "evidential")]),
        ("Some reports suggest a second ship.", [("reports suggest", "evidential")]),
        ("Speculation grew about the coach.", [("Speculation", "evidential")]),
        ("The bridge is expected to reopen.", [("is expected", "evidential")]),
        ("The pilot was on Sunday reported to be safe.", [("reported", "evidential")]),
        ("Clerks reported to the judge.", []),  # reporting to someone is no hedge
        ("The shop seems to be closed.", [("seems to", "possibility")]),
        ("It sounds like thunder.", [("sounds like", "possibility")]),
        ("A storm could conceivably hit.", [("could", "modal"), ("conceivably", "possibility")]),
        ("I think the ferry left.", [("I think", "possibility")]),
        ("I don't think it rained.", [("I don't think", "possibility")]),
        ("Questions remain about the fire.", [("Questions remain", "uncertainty")]),
        ("The river may have flooded.", [("may", "modal")]),
        ("The figure was probably low.", [("probably", "possibility")]),
        ("The plant reportedly shut.", [("reportedly", "evidential")]),
    ],
)
def test_hedge_rules(text, expected):
    assert cues(text) == expected


def test_according_to_is_kept_as_evidential_for_the_certainty_lesson():
    assert cues("According to the mayor, the dam held.") == [("According to", "evidential")]


def test_the_month_may_is_no_modal():
    assert cues("The fair opens in May.") == []
