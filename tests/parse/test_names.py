"""Rules of the name recogniser (helpers/parse/names.py), each on a small invented text."""

from __future__ import annotations

import pytest

import helpers


def actors(text: str) -> dict[str, str]:
    mentions = helpers.parse_text(text).mentions
    return dict(zip(mentions["text"], mentions["kind"]))


def test_middle_initial_and_suffix_make_a_person():
    found = actors("Officials met Robert K. Hale Jr. in the morning. Later, Ann B. Ostrova spoke.")
    assert found.get("Robert K. Hale Jr.") == "person" or found.get("Robert K. Hale") == "person"
    assert found["Ann B. Ostrova"] == "person"


def test_descriptor_before_a_name_makes_a_person():
    assert actors("The club hired coach Tomas Verhoek last year.")["Tomas Verhoek"] == "person"


def test_apposition_after_a_name_makes_a_person():
    assert actors("Ann Moorfield, a judge in the case, left early.")["Ann Moorfield"] == "person"


def test_surname_used_alone_links_back_to_the_full_name():
    mentions = helpers.parse_text("Delia Varga won the race. Varga trained for years.").mentions
    ids = mentions.groupby("actor_id")["text"].apply(list).to_dict()
    assert ["Delia Varga", "Varga"] in ids.values()


def test_capitalised_words_without_evidence_are_not_people():
    assert "Cotton Tree" not in actors("The match was played at Cotton Tree on a warm day.")


def test_institution_words_make_organisations_across_of_and_for():
    found = actors("The Office of Coastal Safety and the Bureau for Rural Roads met the Northfield Water Agency.")
    assert found["Office of Coastal Safety"] == "organisation"
    assert found["Bureau for Rural Roads"] == "organisation"
    assert found["Northfield Water Agency"] == "organisation"


def test_acronym_defined_in_parentheses_names_the_institution():
    mentions = helpers.parse_text("The Lakeside Research Institute (LRI) published data. The LRI said more.").mentions
    assert set(mentions.loc[mentions["text"] == "LRI", "actor"]) == {"Lakeside Research Institute"}


def test_acronym_of_a_thing_is_not_an_actor():
    assert "QRTS" not in actors("It bought the Quick Rail Transit System (QRTS) and the QRTS opened.")


def test_one_word_subject_of_a_reporting_verb_is_an_organisation():
    assert actors("Sales rose, Brambleco said on Monday.")["Brambleco"] == "organisation"


def test_all_caps_byline_is_read_as_a_name():
    text = "PRESS NOTE\n\nMARIA J. SOLVEIG, MINISTER OF WATER\n\nThe ministry opened a plant."
    assert actors(text).get("MARIA J. SOLVEIG") == "person"


def test_title_line_and_date_line_do_not_merge_into_a_name():
    text = "Talks with Minister Ostrova\n\nReadout\n\nMay 3, 2024\n\nThey met."
    assert not any("\n" in t for t in helpers.parse_text(text).mentions["text"])


def test_the_president_links_to_the_president_named_before():
    mentions = helpers.parse_text("President Ana Ruiz arrived. Later the President spoke to staff.").mentions
    assert set(mentions.loc[mentions["text"] == "the President", "actor"]) == {"Ana Ruiz"}


def test_title_chain_names_the_person_not_the_state():
    found = actors("Chairperson President Jane Doe of Ruritania said the talks would go on.")
    assert found.get("Jane Doe") == "person"


@pytest.mark.parametrize("opening", ["We’ve", "I'm", "They’re", "It’s", "We’ll"])
def test_a_contracted_pronoun_opening_a_sentence_is_not_a_name(opening):
    article = helpers.parse_text(f"The ministry spoke. {opening} announced recently a new package of aid.")
    assert opening not in article.mentions["text"].tolist()
