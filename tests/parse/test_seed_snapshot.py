"""Exact expectations on the course seed: if the parser drifts, these fail."""

from __future__ import annotations

from datetime import date

import pandas as pd

import helpers
from helpers.parse.article import COLUMNS

from ..conftest import SEED


def rows(frame: pd.DataFrame, *columns: str) -> list[tuple]:
    return [tuple(row) for row in frame[list(columns)].itertuples(index=False)]


def test_seed_is_the_shared_original_byte_for_byte():
    shared = SEED.parents[2] / "shared" / "seeds" / SEED.name
    if shared.exists():
        assert SEED.read_bytes() == shared.read_bytes()
    assert SEED.stat().st_size == 2879


def test_paragraphs_and_sentences(seed_article):
    sentences = seed_article.sentences
    assert len(sentences) == 20
    assert sentences["paragraph"].nunique() == 10
    assert sentences.groupby("paragraph").size().tolist() == [2, 2, 2, 3, 2, 2, 2, 2, 2, 1]
    assert sentences["sentence_id"].tolist()[:5] == ["1.1", "1.2", "2.1", "2.2", "3.1"]
    # a closing quote ends a sentence: fire.” belongs to 4.3, the next sentence starts a paragraph
    assert seed_article.sentence("4.3") == "Putin’s spokesman accused the US of “adding oil to the fire.”"
    assert seed_article.sentence("5.1").endswith("stating they will “speak for themselves.”")
    assert seed_article.sentence("7.2") == "A strike on Odesa killed 10 people and injured nearly 50."


def test_abbreviations_do_not_end_sentences():
    article = helpers.parse_text("The U.S. government agreed. Mr. Smith left at 5 p.m. on Friday. It ended.")
    assert article.sentences["text"].tolist() == [
        "The U.S. government agreed.",
        "Mr. Smith left at 5 p.m. on Friday.",
        "It ended.",
    ]
    article = helpers.parse_text("Aid came from the U.S. The talks went on.")
    assert len(article.sentences) == 2


def test_three_direct_quotes_with_speakers(seed_article):
    assert rows(seed_article.quotes, "text", "speaker_id", "sentence_id") == [
        ("appropriate and tangible", "russia_foreign_ministry", "4.1"),
        ("adding oil to the fire", "vladimir_putin_spokesman", "4.3"),
        ("speak for themselves", "volodymyr_zelensky", "5.1"),
    ]
    assert seed_article.quotes["speaker"].tolist() == [
        "Russian foreign ministry",
        "Putin's spokesman",
        "Volodymyr Zelensky",
    ]


def test_every_reported_statement_with_its_speaker(seed_article):
    assert rows(seed_article.statements, "sentence_id", "speaker_id", "verb", "direct", "attribution") == [
        ("3.2", "unnamed_sources", "suggest", False, "anonymous"),
        ("4.1", "russia", "condemned", False, "institutional"),
        ("4.1", "russia_foreign_ministry", "warning", True, "institutional"),
        ("4.2", "russia", "views", False, "institutional"),
        ("4.3", "vladimir_putin_spokesman", "accused", True, "institutional"),
        ("5.1", "volodymyr_zelensky", "suggested", False, "named"),
        ("5.1", "volodymyr_zelensky", "stating", True, "named"),
        ("6.1", "united_states", "sees", False, "institutional"),
        ("6.2", "jon_finer", "emphasized", False, "named"),
        ("8.2", "donald_trump", "promised", False, "named"),
        ("8.2", "donald_trump", "claimed", False, "named"),
        ("9.1", "volodymyr_zelensky", "indicated", False, "named"),
    ]
    content = dict(zip(seed_article.statements["verb"], seed_article.statements["content"]))
    assert content["condemned"] == "the move"
    assert content["warning"] == "of an “appropriate and tangible” response"
    assert content["promised"] == "to end US involvement in foreign wars"
    assert content["claimed"] == "he could end the Ukraine conflict within 24 hours"
    assert content["suggested"] == "there might be no formal announcement about the missiles"
    assert content["emphasized"].startswith("Washington would respond to the presence of North Korean forces")


def test_actor_mentions(seed_article):
    mentions = seed_article.mentions
    assert len(mentions) == 55
    assert mentions["actor_id"].value_counts().to_dict() == {
        "united_states": 11,
        "russia": 11,
        "ukraine": 10,
        "north_korea": 4,
        "donald_trump": 4,
        "joe_biden": 2,
        "kursk": 2,
        "vladimir_putin": 2,
        "volodymyr_zelensky": 2,
        "france": 1,
        "united_kingdom": 1,
        "western_allies": 1,
        "russia_foreign_ministry": 1,
        "vladimir_putin_spokesman": 1,
        "jon_finer": 1,
        "odesa": 1,
    }
    found = set(rows(mentions, "sentence_id", "text", "actor_id"))
    for expected in [
        ("2.2", "Biden", "joe_biden"),  # possessive: Biden’s decision
        ("2.1", "Russian", "russia"),  # adjective
        ("3.1", "North Korean", "north_korea"),
        ("6.2", "Washington", "united_states"),  # capital as government
        ("8.1", "White House", "united_states"),  # institution
        ("4.3", "Putin’s spokesman", "vladimir_putin_spokesman"),  # role
        ("4.1", "its foreign ministry", "russia_foreign_ministry"),
        ("6.2", "Jon Finer", "jon_finer"),  # introduced by a role
        ("3.1", "Kursk region", "kursk"),
        ("2.1", "Western allies", "western_allies"),
    ]:
        assert expected in found, expected
    kinds = dict(zip(mentions["actor_id"], mentions["kind"]))
    assert kinds["joe_biden"] == "person" and kinds["russia"] == "state" and kinds["kursk"] == "place"
    assert kinds["russia_foreign_ministry"] == "organisation" and kinds["western_allies"] == "group"


def test_quantities_with_qualifiers(seed_article):
    assert rows(seed_article.quantities, "text", "value", "unit", "qualifier", "sentence_id") == [
        ("two months", 2.0, "months", "", "2.2"),
        ("over 10,000 North Korean troops", 10000.0, "troops", "over", "3.1"),
        ("up to 100,000 soldiers", 100000.0, "soldiers", "up to", "3.2"),
        ("10 people", 10.0, "people", "", "7.2"),
        ("nearly 50", 50.0, "people", "nearly", "7.2"),
        ("within 24 hours", 24.0, "hours", "within", "8.2"),
    ]


def test_hedges(seed_article):
    assert rows(seed_article.hedges, "sentence_id", "cue", "kind") == [
        ("1.2", "potential", "possibility"),
        ("3.2", "Unconfirmed reports suggest", "evidential"),
        ("3.2", "may", "modal"),
        ("4.2", "potential", "possibility"),
        ("5.1", "might", "modal"),
        ("5.2", "indications", "evidential"),
        ("5.2", "might", "modal"),
        ("5.2", "potentially", "possibility"),
        ("7.2", "nearly", "approximator"),
        ("8.2", "could", "modal"),
        ("9.2", "unclear", "uncertainty"),
        ("10.1", "could", "modal"),
        ("10.1", "potentially", "possibility"),
        ("10.1", "potential", "possibility"),
    ]


def test_reference_date_and_resolved_times(seed_article):
    assert seed_article.reference_date == date(2024, 11, 19)
    assert "1,000th day" in seed_article.reference_basis and "24 Feb 2022" in seed_article.reference_basis
    table = seed_article.time_expressions
    resolved = {
        row.text: (
            row.kind,
            None if pd.isna(row.start_date) else row.start_date.date(),
            None if pd.isna(row.end_date) else row.end_date.date(),
        )
        for row in table.itertuples()
    }
    assert resolved == {
        "its 1,000th day": ("ordinal day", date(2024, 11, 19), date(2024, 11, 19)),
        "previously": ("vague", None, None),
        "in two months": ("relative", date(2025, 1, 19), date(2025, 1, 19)),
        "recent": ("vague", None, None),
        "Recent": ("vague", None, None),
        "January 20th": ("date", date(2025, 1, 20), date(2025, 1, 20)),
        "within 24 hours": ("duration", None, None),
        "within the next year": ("relative", date(2024, 11, 19), date(2025, 11, 19)),
    }
    assert len(table) == 9
    assert (table["basis"].str.len() > 0).all()  # every date says how it was found


def test_a_dateline_sets_the_reference_date():
    article = helpers.parse_text("KYIV, November 18, 2024 - Officials met yesterday. Talks resume next week.")
    assert article.reference_date == date(2024, 11, 18)
    times = dict(zip(article.time_expressions["text"], article.time_expressions["start_date"]))
    assert times["yesterday"] == pd.Timestamp("2024-11-17")
    assert times["next week"] == pd.Timestamp("2024-11-25")


def test_without_a_date_relative_times_stay_empty():
    article = helpers.parse_text("Officials met yesterday. The vote is on March 3.")
    assert article.reference_date is None
    assert article.time_expressions["start_date"].isna().all()


def test_every_table_has_the_documented_columns(seed_article):
    for name, columns in COLUMNS.items():
        assert list(seed_article.table(name).columns) == columns
    assert seed_article.sentences.dtypes["start"] == "int64"
    assert str(seed_article.time_expressions.dtypes["start_date"]).startswith("datetime64")


def test_cite_and_sentence_lookup(seed_article):
    assert helpers.cite("3.2") == "¶3.2"
    assert seed_article.sentence("3.2").startswith("Unconfirmed reports suggest")
