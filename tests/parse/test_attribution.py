"""Speaker rules (helpers/parse/statements.py and attribution.py), each on a small invented text."""

from __future__ import annotations

import helpers


def quotes(text: str) -> list[tuple[str, str]]:
    table = helpers.parse_text(text).quotes
    return list(zip(table["speaker"], table["basis"]))


def statements(text: str):
    return helpers.parse_text(text).statements


def test_speaker_named_before_the_verb():
    assert quotes('Maria Lopez said, "We will rebuild the bridge."') == [("Maria Lopez", "named before verb")]


def test_speaker_named_after_the_verb():
    text = 'Hale Okafor won. "It was a hard race," said Okafor after the finish.'
    assert quotes(text)[0][0] == "Hale Okafor"


def test_speaker_after_the_quote():
    text = 'Coach Dana Pike spoke. "We were tired by the end", Pike said.'
    assert quotes(text)[0][0] == "Dana Pike"


def test_pronoun_after_a_quote_is_the_previous_person():
    text = 'Irma Castell, a judge, read the ruling. "The law is clear on this point," she said.'
    assert quotes(text) == [("Irma Castell", "pronoun -> previous person")]


def test_pronoun_skips_possessives_and_objects_of_prepositions():
    text = (
        'Lena Brook, a senator, called coach Tom Reyes\'s plan "reckless." '
        'Speaking to reporter Omar Vale, she said, "It must stop."'
    )
    assert quotes(text)[1][0] == "Lena Brook"


def test_next_quote_in_the_paragraph_continues_the_speaker():
    text = '"We came to win," Coach Dana Pike said. "The team played well today."'
    assert [q[1] for q in quotes(text)] == ["named before verb", "continued quote in the paragraph"]
    assert quotes(text)[1][0] == "Dana Pike"


def test_introducing_sentence_names_the_speaker():
    text = 'Minister Ivo Brandt issued the following statement:\n\n"Our thoughts are with the families tonight."'
    assert quotes(text) == [("Ivo Brandt", "introducing sentence")]


def test_quote_with_nobody_to_name_is_unattributed():
    assert quotes('The banner read "No more delays for the bridge project".') == [("", "unattributed")]


def test_role_noun_speaker():
    table = statements("A senior official said the talks had stalled.")
    assert table["basis"].tolist() == ["role noun"] and table["attribution"].tolist() == ["anonymous"]


def test_according_to_names_the_speaker_after_it():
    table = statements("The vote was close, according to Brambleville Herald reporters.")
    assert "according to" in table["verb"].tolist()


def test_speaker_of_the_complement_is_the_person_not_the_party():
    table = statements("Lara Quist of the Green Party added that the plan was late.")
    assert table["speaker"].tolist() == ["Lara Quist"]


def test_negated_statement_is_marked():
    table = statements("Mayor Ben Alder has not confirmed the figures.")
    assert table["negated"].tolist() == [True]
    assert statements("Mayor Ben Alder confirmed the figures.")["negated"].tolist() == [False]


def test_wider_reporting_verbs_have_lemmas():
    table = statements("Senator Eva Holt highlighted the costs. Holt affirmed her support.")
    assert list(zip(table["verb"], table["lemma"])) == [("highlighted", "highlight"), ("affirmed", "affirm")]


def test_participle_takes_the_subject_of_the_sentence():
    table = statements('Minister Ivo Brandt posted a message online blaming the storm, saying "the roads are shut."')
    assert set(table["speaker"]) == {"Ivo Brandt"}


def test_according_to_at_a_sentence_start_and_before_a_described_person():
    table = statements(
        "According to the Lakeside Water Agency, sales fell. The game was hard, according to assistant coach Ben Alder."
    )
    assert table.loc[table["lemma"] == "according to", "speaker"].tolist() == ["Lakeside Water Agency", "Ben Alder"]
