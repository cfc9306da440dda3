"""The one rule syntax of the curated data (helpers.curated.rules), each form on a small article."""

from __future__ import annotations

import pytest

import helpers
from helpers.curated import validate_curated
from helpers.curated.rules import RuleError, find_sentences, matching_rows, rule_problem

TEXT = (
    "Russia warned of a response. The power  grid failed overnight.\n\n"
    'President Joe Biden approved the plan. Ukraine said "thank you" to Washington.'
)


@pytest.fixture(scope="module")
def article():
    return helpers.parse_text(TEXT, "rules")


def test_equals_compares_a_whole_cell_ignoring_case(article):
    assert find_sentences(article, "mentions.actor_id=RUSSIA") == ["1.1"]
    assert find_sentences(article, "mentions.actor_id=russ") == []


def test_words_match_whole_words_and_any_white_space(article):
    assert find_sentences(article, "sentences.text~power grid") == ["1.2"]
    assert find_sentences(article, "sentences.text~powe") == []


def test_a_regex_between_slashes(article):
    assert find_sentences(article, "sentences.text~/approv(ed|al)/") == ["2.1"]


def test_and_needs_both_in_one_sentence_or_takes_either(article):
    assert find_sentences(article, "sentences.text~approved & mentions.actor_id=joe_biden") == ["2.1"]
    assert find_sentences(article, "sentences.text~approved & mentions.actor_id=russia") == []
    assert find_sentences(article, "sentences.text~approved | mentions.actor_id=russia") == ["1.1", "2.1"]


@pytest.mark.parametrize(
    ("rule", "says"),
    [
        ("text approved", "is not of the form"),
        ("tweets.text~x", "names no parsed table"),
        ("sentences.words~x", "names no column of sentences"),
        ("sentences.text~/(unclosed/", "broken regular expression"),
    ],
)
def test_a_malformed_rule_says_what_is_wrong(article, rule, says):
    assert says in (rule_problem(rule) or "")
    with pytest.raises(RuleError, match=says):
        find_sentences(article, rule)


def test_the_validator_names_a_broken_rule_cell(tmp_path):
    import shutil

    from helpers.paths import curated_dir

    shutil.copytree(curated_dir(), tmp_path / "curated")
    path = tmp_path / "curated" / "ach_matrix.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    column = header.index("evidence_rule")
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split(",")
        if len(cells) > column and cells[column].strip():
            cells[column] = "sentences.nonsense~x"
            lines[number - 1] = ",".join(cells)
            break
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = validate_curated(tmp_path / "curated")
    assert any(f"ach_matrix.csv, row {number}, column 'evidence_rule'" in p and "no column" in p for p in problems)


def test_matching_rows_are_the_rows_of_the_first_table_that_make_the_rule_hold(article):
    rows = matching_rows(article, "mentions.actor_id=ukraine | mentions.actor_id=united_states", "2.2")
    assert list(rows["actor_id"]) == ["ukraine", "united_states"]  # in text order, both alternatives
    rows = matching_rows(article, "mentions.actor_id=ukraine & sentences.text~thank you", "2.2")
    assert list(rows["actor_id"]) == ["ukraine"]  # the condition on another table does not filter this one
    assert matching_rows(article, "mentions.actor_id=russia", "2.2").empty
    with pytest.raises(RuleError):
        matching_rows(article, "mentions.nosuch=x", "2.2")
