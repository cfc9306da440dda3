"""Speaker rules of helpers/parse/speakers.py and the sentence shapes of statements.py, each on a small
invented text of its own."""

from __future__ import annotations

import helpers


def statements(text: str) -> list[tuple[str, str, str]]:
    table = helpers.parse_text(text).statements
    return list(zip(table["speaker"], table["lemma"], table["basis"]))


def speakers_of(text: str, lemma: str) -> list[str]:
    return [speaker for speaker, found, _ in statements(text) if found == lemma]


def quotes(text: str) -> list[tuple[str, str]]:
    table = helpers.parse_text(text).quotes
    return list(zip(table["speaker"], table["basis"]))


def test_capitalised_role_noun_with_an_adverb_before_the_verb():
    assert speakers_of("Residents there told the press the water was cut.", "tell") == ["Residents"]
    assert speakers_of("Officials said three people died.", "say") == ["Officials"]


def test_role_noun_phrase_leaves_out_the_verb_and_object_before_it():
    found = statements("Neighbours told the press the officers claimed to be seeking a bomb.")
    assert ("Officers", "claim", "role noun") in found


def test_role_noun_with_an_auxiliary_before_the_verb():
    assert speakers_of("Lakeside sources have ascribed the blast to a gas leak.", "ascribe") == ["Lakeside sources"]


def test_according_to_a_lower_case_institution():
    found = speakers_of("Rescuers, according to the emergencies ministry, found ten survivors.", "according to")
    assert found == ["The emergencies ministry"]


def test_according_to_a_document_names_its_publisher():
    text = "According to a poll published by Brambleville Herald, most voters favoured the plan."
    assert speakers_of(text, "according to") == ["Brambleville Herald"]


def test_according_to_a_document_with_a_lower_case_owner():
    text = "According to a whistle-blower complaint, the mayor misused his office."
    assert speakers_of(text, "according to") == ["Whistle-blower"]


def test_according_to_a_described_organisation():
    assert speakers_of("Prices rose by 4%, according to nonprofit RAND.", "according to") == ["RAND"]


def test_agent_of_a_passive_reporting_verb_speaks():
    text = 'Governor Ada Lind was told by Fire Chief Omar Pell of "at least forty people trapped".'
    assert speakers_of(text, "tell") == ["Omar Pell"]
    assert quotes(text)[0][0] == "Omar Pell"


def test_owner_of_a_statement_that_reads():
    text = 'Judge Ada Lind heard the case. Part of Lind\'s statement reads "the law is plain".'
    assert speakers_of(text, "read") == ["Ada Lind"]


def test_reads_is_a_reporting_verb_only_near_a_document():
    assert speakers_of("Ada Lind reads the news every morning.", "read") == []


def test_inverted_reads_with_a_titled_owner():
    text = 'Judge Ada Lind ruled on Friday. "The law is plain," reads Judge Lind\'s ruling.'
    assert quotes(text)[0][0] == "Ada Lind"


def test_ruled_reports_a_judge_but_not_ruled_out():
    assert speakers_of("Judge Ada Lind ruled the ban was unlawful.", "rule") == ["Ada Lind"]
    assert speakers_of("Judge Ada Lind ruled out a retrial.", "rule") == []


def test_place_after_a_role_noun_is_not_the_speaker():
    found = speakers_of("A federal judge in Ruritania ruled the ban was unlawful.", "rule")
    assert found == ["A federal judge"]


def test_coordinated_subject_with_a_defined_acronym_starts_with_the_first():
    text = "The Audit Board and the Federal Tax Office (FTO) said the accounts were false."
    assert speakers_of(text, "say") == ["Audit Board"]


def test_pronoun_before_went_on_to_say():
    text = 'Mayor Ana Ruiz spoke first. She went on to say, "We are ready."'
    assert speakers_of(text, "say") == ["Ana Ruiz"]


def test_pronoun_before_continued_by_noting():
    text = "Mayor Ana Ruiz spoke first. She continued by noting that the roads were shut."
    assert speakers_of(text, "note") == ["Ana Ruiz"]


def test_called_for_reports_without_a_quote():
    assert speakers_of("Mayor Ben Alder called for calm.", "call") == ["Ben Alder"]
    assert speakers_of("Mayor Ben Alder called his wife.", "call") == []


def test_credited_reports_only_with_with():
    assert speakers_of("Mayor Ana Ruiz credited the volunteers with saving the town.", "credit") == ["Ana Ruiz"]
    assert speakers_of("Mayor Ana Ruiz credited the account.", "credit") == []


def test_possessive_announcement_that():
    text = "Mayor Ben Alder welcomed Governor Ada Lind's announcement that the bridge would reopen."
    assert speakers_of(text, "announcement") == ["Ada Lind"]


def test_adverb_between_subject_and_verb():
    assert speakers_of("Russia initially denied all claims of a leak.", "deny") == ["Russia"]


def test_document_noun_between_subject_and_verb():
    assert speakers_of("A NATO report eventually concluded the strike was deliberate.", "conclude") == ["NATO"]


def test_subject_before_a_long_apposition():
    text = (
        "Ada Lind, a rapporteur for the Office of the High Commissioner for Water who had studied the case, "
        "cautioned that justice takes time."
    )
    assert speakers_of(text, "caution") == ["Ada Lind"]


def test_voiced_is_a_reporting_verb_and_telling_continues_it():
    text = 'Since then, a senator, Ben Alder, has voiced support, telling the Herald: "It is time."'
    found = statements(text)
    assert [s for s, lemma, _ in found if lemma in ("voice", "tell")] == ["Ben Alder", "Ben Alder"]
    assert quotes(text)[0][0] == "Ben Alder"


def test_verb_after_a_quote_in_a_new_clause_does_not_claim_it():
    text = (
        'Mayor Ana Ruiz was told by Fire Chief Omar Pell of "forty people trapped", while Deputy Mayor Ben Alder indicated '
        "sixty were missing."
    )
    assert quotes(text)[0][0] == "Omar Pell"


def test_introducing_sentence_without_a_colon():
    text = (
        "Today, Secretary Ada Lind issued the following statement in response to the report.\n\n"
        "\u201cThe report is welcome.\u201d\n\n\u201cWe will act on it.\u201d"
    )
    assert quotes(text) == [
        ("Ada Lind", "introducing sentence"),
        ("Ada Lind", "quoted paragraph after a quoted paragraph"),
    ]


def test_quote_closing_after_a_no_break_space():
    text = 'Ana Ruiz said via radio: "We hold \'the line.\'\u00a0"\n\n"Omar Pell left," said Ben Alder.'
    table = helpers.parse_text(text).quotes
    assert table["text"].tolist()[0].startswith("We hold")
    assert table["speaker"].tolist() == ["Ana Ruiz", "Ben Alder"]


def test_inverted_verb_before_a_described_person():
    text = '"We must act," tweeted former thinktank executive Ken Gudmund. "It is late."'
    assert quotes(text) == [
        ("Ken Gudmund", "named after verb"),
        ("Ken Gudmund", "continued quote in the paragraph"),
    ]


def test_inverted_verb_before_a_person_close_to_someone_is_not_theirs():
    text = '"We must act," said a source close to Governor Ada Lind.'
    assert quotes(text)[0][0] != "Ada Lind"


def test_quote_before_an_inverted_verb_with_per():
    text = '"You would minimise the panic" said Mayor Ana Ruiz per Brambleville Herald.'
    assert speakers_of(text, "say") == ["Ana Ruiz"]


def test_continued_quote_past_a_mention_that_describes_the_speaker():
    text = '"The planet is habitable," said UCL astronomer Angelo Tsarra. "It is the best candidate."'
    assert [speaker for speaker, _ in quotes(text)] == ["Angelo Tsarra", "Angelo Tsarra"]


def test_movement_between_a_group_and_its_verb():
    assert speakers_of("The Yemen-based Hamas movement claimed responsibility.", "claim") == ["Hamas"]


def test_title_without_a_name_speaks_for_its_office():
    text = "In the statement, U.S. Treasury Secretary said the sanctions would bite."
    assert statements(text) == [("U.S. Treasury Secretary", "say", "title without a name")]


def test_subject_after_an_opening_phrase_and_before_a_description():
    text = (
        "In a Herald report, Dr Gary Morton, retail expert from Queensland University of Technology, "
        "said the stores fill the stock every night."
    )
    assert speakers_of(text, "say") == ["Gary Morton"]


def test_opening_phrase_may_hold_a_web_address():
    text = (
        "In a Doro.com report, Dr Gary Morton, retail expert from Queensland University of Technology, "
        "said the stores fill the stock every night."
    )
    assert speakers_of(text, "say") == ["Gary Morton"]
