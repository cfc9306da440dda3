"""Transcripts: speaker labels, the reporter's Q, stage marks, hard wraps and front matter; each rule on its own
small text, then the real White House transcript."""

from __future__ import annotations

from datetime import date

import pytest

import helpers
from helpers.cli import offset_problems
from helpers.parse.transcript import LABEL_BASIS, is_mark, is_transcript, read_front_matter

from ..conftest import ROOT, SEED
from .linear import assert_linear

FINER = ROOT / "seeds" / "sources" / "2024-11-18_finer_press_gaggle_rio.md"


def speakers_of(article: helpers.Article) -> dict[str, str]:
    """sentence text -> the speaker the speaker label gives it."""
    turns = article.statements[article.statements["basis"] == LABEL_BASIS]
    return dict(zip(turns["content"], turns["speaker"]))


# ---------------------------------------------------------------------------------------- labels


def test_each_sentence_of_a_turn_belongs_to_the_labelled_speaker() -> None:
    article = helpers.parse_text(
        "MS. JEAN-PIERRE:  Good afternoon. We have two announcements.\n\n"
        "SENATOR SMITH:  I disagree. The bill failed.\n\n"
        "THE PRESIDENT:  Thank you all.\n"
    )
    assert article.kind == "transcript"
    assert speakers_of(article) == {
        "Good afternoon.": "Jean-Pierre",
        "We have two announcements.": "Jean-Pierre",
        "I disagree.": "Senator Smith",
        "The bill failed.": "Senator Smith",
        "Thank you all.": "the President",
    }
    statements = article.statements[article.statements["basis"] == LABEL_BASIS]
    assert statements["direct"].all() and (statements["attribution"] == "named").all()
    assert offset_problems(article) == []


def test_labels_are_not_part_of_any_sentence() -> None:
    article = helpers.parse_text("MR. ROE:  Yes. It is.\n\nMR. DOE:  No.\n")
    assert article.sentences["text"].tolist() == ["Yes.", "It is.", "No."]
    labels = article.mentions[article.mentions["form"] == "speaker label"]
    assert labels["text"].tolist() == ["MR. ROE", "MR. DOE"]
    assert labels["sentence_id"].tolist() == ["1.1", "2.1"]
    assert labels["actor"].tolist() == ["Roe", "Doe"]


def test_a_surname_label_takes_the_full_name_only_if_the_text_introduces_it() -> None:
    introduced = helpers.parse_text("Remarks by Jane Roe.\n\nMR. ROE:  Hello.\n\nQ  Why?\n")
    assert speakers_of(introduced)["Hello."] == "Jane Roe"
    two_names = helpers.parse_text("Jane Roe and Ann Roe spoke.\n\nMS. ROE:  Hello.\n\nQ  Why?\n")
    assert speakers_of(two_names)["Hello."] == "Roe"  # which Roe is unknown: never guess


def test_words_before_the_first_label_have_no_speaker() -> None:
    article = helpers.parse_text("Rio de Janeiro, Brazil\n\nMR. ROE:  Hello.\n\nQ  Why?\n")
    assert article.sentences["text"].tolist()[0] == "Rio de Janeiro, Brazil"
    assert "Rio de Janeiro, Brazil" not in speakers_of(article)


def test_a_label_without_a_blank_line_before_it_still_starts_a_turn() -> None:
    article = helpers.parse_text("MR. ROE:  We will see\nQ:  Really?\nMR. ROE:  Yes.\n")
    assert speakers_of(article) == {"We will see": "Roe", "Really?": "reporter", "Yes.": "Roe"}


def test_a_label_alone_on_its_line_speaks_the_lines_below() -> None:
    article = helpers.parse_text("THE PRESIDENT:\nWe will respond.\n\nQ:\nWhen?\n")
    assert speakers_of(article) == {"We will respond.": "the President", "When?": "reporter"}


def test_an_answer_label_that_names_nobody_stays_unattributed() -> None:
    article = helpers.parse_text('Q:  Will you run?\n\nA:  I said "never" and I meant it.\n')
    assert speakers_of(article) == {"Will you run?": "reporter"}
    assert article.quotes["attribution"].tolist() == ["unattributed"]
    assert article.mentions[article.mentions["form"] == "speaker label"]["text"].tolist() == ["Q"]


# -------------------------------------------------------------------------------------- questions


@pytest.mark.parametrize("marker", ["Q", "Q:", "Q\u00a0\u00a0"])
def test_a_lone_q_is_the_reporter(marker: str) -> None:
    article = helpers.parse_text(f"{marker}  Can you confirm it?\n\nMR. ROE:  No.\n")
    assert speakers_of(article) == {"Can you confirm it?": "reporter", "No.": "Roe"}
    row = article.statements[article.statements["speaker"] == "reporter"].iloc[0]
    assert row["attribution"] == "anonymous" and row["speaker_id"] == "reporter"


def test_a_word_starting_with_q_is_not_a_question_marker() -> None:
    assert not is_transcript("Qatar said no.\nQuite so.\n")


def test_statements_reported_inside_a_turn_keep_their_own_speaker() -> None:
    article = helpers.parse_text("Q  The Kremlin said the decision was dangerous.\n\nMR. ROE:  No comment.\n")
    rows = article.statements[["speaker", "basis"]].values.tolist()
    assert rows[0] == ["reporter", LABEL_BASIS]
    assert ["Russia", "named before verb"] in rows


# ------------------------------------------------------------------------------------ stage marks


@pytest.mark.parametrize("mark", ["(Inaudible.)", "(In progress.)", "(Laughter.)", "(Applause.)"])
def test_a_stage_mark_alone_is_not_a_sentence(mark: str) -> None:
    assert is_mark(mark)
    article = helpers.parse_text(f"MR. ROE:  {mark}\n\nWe begin.\n\nQ    {mark}  Can you hear me?\n")
    assert article.sentences["text"].tolist() == ["We begin.", "Can you hear me?"]
    assert speakers_of(article) == {"We begin.": "Roe", "Can you hear me?": "reporter"}


def test_a_mark_inside_a_sentence_stays() -> None:
    assert not is_mark("We discussed (inaudible) the plan.")
    article = helpers.parse_text("MR. ROE:  We discussed (inaudible) the plan.\n\nQ  Why?\n")
    assert article.sentences["text"].tolist()[0] == "We discussed (inaudible) the plan."


def test_a_turn_of_only_marks_has_no_sentence_and_no_label_mention() -> None:
    article = helpers.parse_text("Q    (Inaudible.)\n\nMR. ROE:  Sorry, I can't hear you.\n")
    assert article.mentions[article.mentions["form"] == "speaker label"]["text"].tolist() == ["MR. ROE"]


# -------------------------------------------------------------------------------------- hard wraps


def test_hard_wrapped_lines_join_into_one_paragraph() -> None:
    text = "MR. ROE:  We expect the\nPresident will attend. He will\nspeak.\n\nA new paragraph.\n\nQ  Why?\n"
    article = helpers.parse_text(text)
    assert article.sentences["text"].tolist()[:3] == [
        "We expect the President will attend.",
        "He will speak.",
        "A new paragraph.",
    ]
    assert article.sentences["paragraph"].tolist() == [1, 1, 2, 3]
    assert len(article.text) == len(text)  # a wrap becomes a space: offsets stay those of the file


def test_an_ordinary_article_keeps_its_line_breaks() -> None:
    article = helpers.parse_text("First line of a poem\nsecond line.\n\nAnother paragraph.\n")
    assert article.kind == "article"
    assert article.sentences["text"].tolist()[0] == "First line of a poem\nsecond line."


# ----------------------------------------------------------------------------------- front matter


FRONT = "---\ndate: '2024-11-18'\ntitle: \"Remarks by Jane\\\n  \\ Roe on the G20\\_Summit\u2019s \\u2019end\"\n---\n"


def test_front_matter_is_metadata_not_text() -> None:
    front = read_front_matter(FRONT + "Body.\n")
    assert front is not None and front.date == date(2024, 11, 18)
    assert front.title == "Remarks by Jane Roe on the G20\u00a0Summit\u2019s \u2019end"
    article = helpers.parse_text(FRONT + "MS. ROE:  Hello today.\n\nQ  Why?\n")
    assert "title" not in article.text and article.title == front.title
    assert article.reference_date == date(2024, 11, 18) and "front matter" in article.reference_basis
    assert speakers_of(article)["Hello today."] == "Jane Roe"  # the title introduces her
    today = article.time_expressions[article.time_expressions["text"] == "today"]
    assert today["start_date"].dt.date.tolist() == [date(2024, 11, 18)]


def test_a_given_reference_date_beats_the_front_matter() -> None:
    article = helpers.parse_text(FRONT + "Body text.\n", reference_date=date(2020, 1, 2))
    assert article.reference_date == date(2020, 1, 2)


def test_a_dash_line_that_is_not_front_matter_stays_text() -> None:
    assert read_front_matter("---\nJust a rule.\n---\nText.\n") is None
    article = helpers.parse_text("---\nJust a rule.\n---\nText.\n")
    assert "Just a rule." in article.text


def test_front_matter_alone_is_a_clear_error() -> None:
    with pytest.raises(helpers.ArticleError, match="only its front matter"):
        helpers.parse_text("---\ntitle: x\n---\n\n")


# -------------------------------------------------------------------------------- not a transcript


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON: The talks ended on Monday.\n\nThe minister said they would resume.\n",
        "Officials said:\n\nThe plan is final.\n",
        "UPDATE: a correction.\n",
    ],
)
def test_an_article_with_one_colon_line_is_not_a_transcript(text: str) -> None:
    assert not is_transcript(text)
    article = helpers.parse_text(text)
    assert article.kind == "article"
    assert (article.statements["basis"] != LABEL_BASIS).all()


def test_the_course_article_is_not_a_transcript() -> None:
    assert helpers.load_article(SEED).kind == "article"


def test_many_turns_parse_in_linear_time() -> None:
    def build(n: int) -> str:
        turn = "MR. ROE:  We will\nsee. (Inaudible.)\n\nQ  Why, Jane Roe?\n\n"
        return (turn * (n // len(turn) + 1))[:n]

    assert_linear(build, helpers.parse_text, 10_000)


# ---------------------------------------------------------------------------- the real transcript


@pytest.fixture(scope="module")
def finer() -> helpers.Article:
    return helpers.load_article(FINER)


def test_finer_does_not_confirm_and_it_is_finer_who_says_so(finer: helpers.Article) -> None:
    assert finer.kind == "transcript"
    rows = finer.statements[finer.statements["content"].str.contains("not confirming any")]
    assert rows["basis"].tolist() == [LABEL_BASIS]
    assert rows["speaker"].tolist() == ["Jon Finer"] and rows["speaker_id"].tolist() == ["jon_finer"]


def test_the_fuel_on_the_fire_question_is_the_reporters(finer: helpers.Article) -> None:
    said = finer.statements[finer.statements["content"].str.contains("The Kremlin said this morning")]
    assert said[["speaker", "basis"]].values.tolist() == [["reporter", LABEL_BASIS]]
    answer = finer.statements[finer.statements["content"].str.startswith("I will say, with regard to the comments")]
    assert answer["speaker"].tolist() == ["Jon Finer"]


def test_the_transcript_has_no_label_or_mark_sentences(finer: helpers.Article) -> None:
    texts = finer.sentences["text"]
    assert not texts.str.contains(r"^(?:MR\. FINER|Q\b)").any()
    assert not texts.map(is_mark).any()
    assert not texts.str.contains("\n").any()
    assert finer.reference_date == date(2024, 11, 18) and "Jon Finer" in finer.title
    assert offset_problems(finer) == []


def test_every_turn_sentence_is_finer_or_the_reporter(finer: helpers.Article) -> None:
    turns = finer.statements[finer.statements["basis"] == LABEL_BASIS]
    assert set(turns["speaker"]) == {"Jon Finer", "reporter"}
    spoken = set(turns["sentence_id"])
    assert set(finer.sentences["sentence_id"]) - spoken == {"1.1"}  # the place line before the first label
