"""Name shapes (helpers/parse/name_shapes.py, names.py) and mention rules (mentions.py), each on a small
invented text of its own."""

from __future__ import annotations

import helpers


def actors(text: str) -> dict[str, tuple[str, str]]:
    """mention text -> (actor, kind)."""
    mentions = helpers.parse_text(text).mentions
    return {t: (a, k) for t, a, k in zip(mentions["text"], mentions["actor"], mentions["kind"])}


def test_web_address_names_an_organisation():
    assert actors("Doro.com claims the mine was closed.")["Doro.com"][1] == "organisation"
    assert actors("The story ran on News.com.au today.")["News.com.au"][1] == "organisation"


def test_word_before_spokesperson_names_an_organisation():
    found = actors("Sales rose, according to a Brambles spokesperson.")
    assert found["Brambles spokesperson"][0] == "Brambles spokesperson"


def test_subject_of_a_reporting_verb_after_a_parenthetical():
    assert actors("Brambles, in its March 8 media release, reported a shortage.")["Brambles"][1] == "organisation"


def test_hyphenated_surname_with_a_descriptor():
    assert actors("Medical anthropologist Mona Schick-Varga spoke.")["Mona Schick-Varga"][1] == "person"


def test_defined_acronym_that_is_also_a_word():
    found = actors("The Water Health Organization (WHO) met. Funds were cut per WHO guidelines.")
    assert "WHO" in found


def test_organisation_noun_before_a_single_name():
    assert actors("Online supermarket Ocadia limited purchases.")["Ocadia"][1] == "organisation"


def test_organisation_noun_in_apposition_and_which_makes():
    assert actors("Sanctions hit Gorobank, a lender owned by the state.")["Gorobank"][1] == "organisation"
    assert actors("Kimmel-Brant, which makes tissues, was working hard.")["Kimmel-Brant"][1] == "organisation"


def test_mixed_case_brand_name():
    assert actors("An investigation by FactRight found no such action.")["FactRight"][1] == "organisation"


def test_mixed_case_surnames_are_not_brands():
    assert "McAllister" not in actors("An investigation by McAllister found nothing.")


def test_media_noun_after_a_name():
    assert actors("In an interview with Tempo magazine, she spoke.")["Tempo magazine"][1] == "organisation"


def test_person_led_by_and_credit_line():
    assert actors("The team, led by Bjorn Bennet, used new data.")["Bjorn Bennet"][1] == "person"
    assert actors("The game was close. (Image: Patrick Gillard)")["Patrick Gillard"][1] == "person"


def test_person_in_apposition_after_a_noun_phrase():
    assert actors("A Republican, Mark Amadeo, voiced support.")["Mark Amadeo"][1] == "person"
    assert actors("He called his son, Hunter Bidwell, later.")["Hunter Bidwell"][1] == "person"


def test_person_with_an_acronym_affiliation():
    assert actors("Speaking to Martin Smithers of PBS, he said no.")["Martin Smithers"][1] == "person"


def test_people_listed_after_a_titled_person():
    found = actors("It was issued by Representatives Eliot Engle, Adam Schaff, and Elijah Cumming.")
    assert all(found[name][1] == "person" for name in ("Eliot Engle", "Adam Schaff", "Elijah Cumming"))


def test_institution_that_holds_a_person_name():
    text = "President Joe Biden spoke. The Biden-Harris Administration acted."
    assert actors(text)["Biden-Harris Administration"][1] == "organisation"


def test_person_administration_is_an_organisation():
    found = actors("President Joe Biden spoke. The Biden administration said it would act.")
    assert found["Biden administration"] == ("Biden administration", "organisation")


def test_organisation_chief_officer_is_a_role():
    found = actors("The Food Safety Organization's chief veterinary officer said it was unnecessary.")
    assert found["Food Safety Organization's chief veterinary officer"][1] == "person"


def test_role_noun_subjects_are_actors_but_reports_are_not():
    found = actors("Officials said the road was shut. Reports suggest a leak.")
    assert found["Officials"] == ("Officials", "group")
    assert "Reports" not in found


def test_role_noun_inside_a_named_actor_is_left_to_the_actor():
    found = actors("The Ruritanian government views the strike as a provocation.")
    assert "Ruritanian government" not in found
