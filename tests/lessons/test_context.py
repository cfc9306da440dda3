"""helpers.lessons.context: notebook 1 (context) and the helpers of notebook 0 (start here).

Exact expectations on the course seed; other articles must give empty or smaller tables, never errors.
Widgets are driven the way a student would: set ``.input.value``, click ``.button``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

import helpers
from helpers.curated import REFERENCE_DATE, CuratedDataError, load_table
from helpers.lessons import context as ctx
from helpers.lessons.context import claims as claims_module
from helpers.lessons.context import troops as troops_module
from helpers.notebook import answering
from helpers.notebook.display import Chart, Message
from helpers.notebook.session import Session

from ..conftest import ROOT, SEED, TEST_ARTICLES

EXPECTED_CLAIMS = Path(__file__).with_name("claims_course_article.csv")

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def other_articles():
    return {path.stem: helpers.load_article(path) for path in sorted(TEST_ARTICLES.glob("*.txt"))}


@pytest.fixture(scope="module")
def claims(seed_article):
    return ctx.claims_and_background(seed_article)


@pytest.fixture
def course(seed_article):
    """Notebook 1's session on the course article (built directly: nothing is displayed)."""
    return Session(seed_article, "01_context")


@pytest.fixture
def other(other_articles):
    return Session(other_articles["synthetic_harbour_strike"], "01_context")


def pairs(table: pd.DataFrame) -> set[tuple[str, str]]:
    return set(zip(table["sentence_id"], table["fact_id"]))


# -- claims side by side with background facts --------------------------------------------------


def test_claims_table_has_the_documented_columns(claims):
    assert list(claims.columns) == [
        "sentence_id",
        "citation",
        "topic",
        "article_says",
        "matched",
        "fact_id",
        "background",
        "adds_or_qualifies",
        "source",
        "confidence",
    ]
    assert (claims["citation"] == "¶" + claims["sentence_id"]).all()
    assert not claims.duplicated(["sentence_id", "fact_id"]).any()


@pytest.mark.parametrize(
    "sentence_id, fact_ids",
    [
        ("1.2", {"A1", "A2"}),  # "its 1,000th day"
        ("3.1", {"A10", "A11", "A12", "X2"}),  # "over 10,000 North Korean troops"
        ("3.1", {"A9"}),  # first mention of the Kursk region
        ("7.2", {"A6", "X1"}),  # Odesa: 10 killed, nearly 50 injured
        ("4.3", {"B11", "B12"}),  # "adding oil to the fire"
        ("4.1", {"B13"}),  # "appropriate and tangible"
        ("6.2", {"B9", "B10"}),  # Jon Finer
        ("5.1", {"A3", "A5"}),  # no formal announcement / "speak for themselves"
        ("8.2", {"A17"}),  # Trump's 24 hours
        ("8.1", {"A16"}),  # January 20th
        ("2.1", {"B1", "B2"}),  # ATACMS, first mention
        ("5.2", {"A4"}),  # ATACMS first used in Kursk
    ],
)
def test_claims_pair_the_seed_sentences_with_their_facts(claims, sentence_id, fact_ids):
    assert {(sentence_id, fid) for fid in fact_ids} <= pairs(claims)


def test_the_1000th_day_row(claims, seed_article):
    row = claims[(claims["sentence_id"] == "1.2") & (claims["fact_id"] == "A2")].iloc[0]
    assert row["citation"] == "¶1.2"
    assert row["matched"] == "its 1,000th day"
    assert row["article_says"] == seed_article.sentence("1.2")
    assert row["background"].startswith("Day 1,000 = Tuesday 19 Nov 2024")
    assert "kyivindependent.com" in row["source"]
    assert row["confidence"] == "computed + checked"


def test_claims_follow_the_article_order_and_quote_facts_verbatim(claims, seed_article):
    order = seed_article.sentences["sentence_id"].tolist()
    positions = [order.index(s) for s in claims["sentence_id"]]
    assert positions == sorted(positions)
    facts = load_table("facts").set_index("fact_id")
    for row in claims.itertuples():
        assert row.background == facts.loc[row.fact_id, "fact"]
        assert row.confidence == facts.loc[row.fact_id, "confidence"]
        assert row.article_says == seed_article.sentence(row.sentence_id)
        assert row.adds_or_qualifies and row.source


def test_the_odesa_and_troop_rows_say_what_matched(claims):
    odesa = claims[claims["fact_id"] == "A6"].iloc[0]
    assert odesa["matched"] == "10 people; nearly 50"
    troops = claims[claims["fact_id"] == "A10"].iloc[0]
    assert troops["matched"] == "over 10,000 North Korean troops"


def test_claims_on_the_course_article_are_unchanged(claims):
    """The table the course showed before the rules moved to claim_rules.csv (kept as the expectation)."""
    expected = pd.read_csv(EXPECTED_CLAIMS, dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(claims.astype(str).reset_index(drop=True), expected)


def test_claim_rules_cite_only_usable_facts():
    facts = load_table("facts").set_index("fact_id")
    for rule in ctx.load_claim_rules():
        assert rule.notes, rule.topic
        for fact_id in rule.notes:
            assert fact_id in facts.index, fact_id
            level = facts.loc[fact_id, "confidence"].lower()
            assert level not in ("unverified", "not verifiable", "interpretation"), fact_id


def test_claims_are_found_by_content_not_by_sentence_number(seed_article):
    """Drop the first paragraph: its rows disappear and the others move to their new ids."""
    text = seed_article.text.split("\n", 1)[1]
    shorter = helpers.parse_text(text, article_id="shorter")
    table = ctx.claims_and_background(shorter)
    assert "A2" not in set(table["fact_id"])  # the "1,000th day" sentence is gone
    assert ("2.1", "A10") in pairs(table)  # the troops sentence is now ¶2.1
    assert ("6.2", "A6") in pairs(table)  # the Odesa sentence is now ¶6.2
    assert shorter.sentence("2.1").startswith("The timing of this decision")


def test_claims_on_other_articles_are_empty_but_well_formed(other_articles):
    for article in other_articles.values():
        table = ctx.claims_and_background(article)
        assert list(table.columns) == claims_module.CLAIMS_COLUMNS
        assert table.empty or set(table["sentence_id"]) <= set(article.sentences["sentence_id"])


def test_sentences_without_background(seed_article, claims):
    missing = ctx.sentences_without_background(seed_article, claims)
    assert missing["citation"].tolist() == ["¶3.2", "¶9.1"]
    assert list(ctx.claims_overview(claims).columns) == [
        "citation",
        "topic",
        "fact_id",
        "what the background adds or qualifies",
        "confidence",
    ]


# -- who, what, where ------------------------------------------------------------------------------


def test_mention_counts_add_up(seed_article):
    counts = ctx.mention_counts(seed_article)
    assert counts["mentions"].sum() == len(seed_article.mentions)
    assert counts.iloc[0]["kind"] == "state"
    assert set(counts["kind"]) == set(seed_article.mentions["kind"])


def test_who_what_where_cites_first_mentions(seed_article):
    table = ctx.who_what_where(seed_article)
    assert len(table) == seed_article.mentions["actor_id"].nunique()
    assert table["mentions"].sum() == len(seed_article.mentions)
    places = ctx.who_what_where(seed_article, kind="place").set_index("actor_id")
    assert places.loc["kursk", "first_named"] == "¶3.1"
    assert places.loc["odesa", "first_named"] == "¶7.2"
    finer = table.set_index("actor_id").loc["jon_finer"]
    assert finer["first_named"] == "¶6.2" and finer["kind"] == "person"


def test_who_what_where_on_an_article_without_places(other_articles):
    places = ctx.who_what_where(other_articles["synthetic_crlf_bom"], kind="place")
    assert places.empty and "first_named" in places.columns


def test_core_claim_and_sentence_html(seed_article):
    assert ctx.core_claim_id(seed_article) == "1.1"
    markup = ctx.sentence_html(seed_article, "1.1")
    assert "¶1.1" in markup and "<mark>Joe Biden</mark>" in markup
    assert "warning" in ctx.sentence_html(seed_article, "99.9")


def test_sentence_html_escapes_seed_markup():
    article = helpers.parse_text('Joe Biden said "<img src=x onerror=alert(1)>" today.', article_id="hostile")
    markup = ctx.sentence_html(article, "1.1")
    assert "<img" not in markup and "&lt;img src=x" in markup


def test_check_states(seed_article):
    states = seed_article.mentions[seed_article.mentions["kind"] == "state"]
    message = ctx.check_states(seed_article, states)
    assert message.kind == "ok" and "Yes" in message.text
    message = ctx.check_states(seed_article, seed_article.mentions)
    assert message.kind == "warning" and "whole table" in message.text
    assert ctx.check_states(seed_article, None).kind == "warning"


# -- glossary and references -----------------------------------------------------------------------


def test_glossary_table():
    glossary = ctx.glossary_table()
    assert list(glossary.columns) == ["term", "definition", "fact_ids", "source"]
    atacms = glossary.set_index("term").loc["ATACMS"]
    assert "300 km" in atacms["definition"] and atacms["fact_ids"] == "B1;B2;X3"
    assert {"Storm Shadow / SCALP-EG", "Kursk region", "ballistic missile", "cruise missile"} <= set(glossary["term"])


def test_references_cover_every_fact_the_notebook_uses():
    references = ctx.references_table()
    used = set(ctx.fact_ids_used())
    assert set(references["fact_id"]) == used
    assert {"A1", "A2", "A10", "A11", "A12", "X2", "B13"} <= used
    a1 = references.set_index("fact_id").loc["A1", "source"]
    assert a1 == (
        'Kyiv Independent, "Ukraine marks 1,000 days of war", https://kyivindependent.com/ukraine-marks-1000-days-war/'
    )


def test_show_table_escapes_cells():
    from helpers.notebook.display import table_html

    html = table_html(pd.DataFrame({"text": ["<script>alert(1)</script>"]}), caption="<b>x</b>")
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;x" in html


# -- troop estimates -------------------------------------------------------------------------------


def test_troop_table_has_the_nis_row_and_marks_undated_rows():
    table = ctx.troop_estimates_table()
    assert list(table.columns) == troops_module.TROOP_COLUMNS
    nis = table[
        (table["source_org"] == "South Korea: National Intelligence Service (NIS)") & (table["estimate_high"] == 12000)
    ].iloc[0]
    assert nis["date"] == pd.Timestamp("2024-10-18")
    assert nis["estimate_low"] == 12000 and nis["scope"] == "decided to send" and nis["fact_id"] == "A10"
    undated = table[~table["on_figure"]]
    assert undated["date"].isna().all() and len(undated) == 1
    assert undated.iloc[0]["estimate_high"] == 15000
    assert table["date"].dropna().is_monotonic_increasing


def test_article_troop_figure(seed_article, other_articles):
    figures = ctx.article_troop_figure(seed_article)
    assert figures["text"].tolist() == ["over 10,000 North Korean troops", "up to 100,000 soldiers"]
    assert figures.iloc[0]["sentence_id"] == "3.1"
    assert ctx.article_troop_figure(other_articles["synthetic_harbour_strike"]).empty


def test_troop_figure_has_title_labels_reference_line_and_alt(course):
    import matplotlib.pyplot as plt

    chart = ctx.plot_troop_estimates(course)
    assert isinstance(chart, Chart)
    fig, table, alt = chart.figure, chart.table, chart.alt
    try:
        assert fig.get_suptitle() == (
            "North Korean troops for Russia: do the sources agree, and do the estimates grow over time?"
        )
        assert fig.axes[0].get_ylabel() == "Number of troops"
        assert fig.get_supxlabel().startswith("Date of the estimate")
        assert len(fig.axes) == 1  # no estimate after the article's day (18 Nov 2024): one time window
        assert table["date"].max() <= pd.Timestamp(REFERENCE_DATE)
        flat_lines = [tuple(line.get_ydata()) for line in fig.axes[0].lines]
        assert (10000, 10000) in flat_lines  # the article's figure
        legend_labels = [text.get_text() for text in fig.legends[0].get_texts()]
        for source in table.loc[table["on_figure"], "source_org"].unique():
            assert source in legend_labels and source in alt
        assert "over 10,000 North Korean troops (¶3.1)" in alt
        assert "Not plotted, because undated: 15,000 (United States: White House (via ABC))" in alt
        assert table.equals(ctx.troop_estimates_table())
    finally:
        plt.close(fig)


def test_troop_section_is_skipped_for_another_article(other):
    for result in (
        ctx.plot_troop_estimates(other),
        ctx.troop_question(other),
        ctx.why_disagree_question(other),
        ctx.day_1000_question(other),
        ctx.show_ordinal_day(other),
        ctx.compare_with_parser(other),
        ctx.show_claims(other, ctx.claims_and_background(other.article)),
    ):
        assert isinstance(result, Message) and "skipped" in result.text
    troops = ctx.troop_estimates(other)
    assert troops.empty and list(troops.columns) == troops_module.TROOP_COLUMNS


def test_highest_estimate_is_the_undated_white_house_figure():
    best = ctx.highest_estimate()
    assert best["source_org"] == "United States: White House (via ABC)"
    assert best["estimate_high"] == 15000 and pd.isna(best["date"])


def test_troop_question_compares_like_with_like(answers_dir, course):
    """Exercise 2 ranks estimates of one scope only; the option that counts something else says so."""
    question = ctx.troop_question(course)
    assert "in Russia" in question.widget.children[0].value  # the scope is named in the prompt
    assert question.correct == "United States: Pentagon (Ryder), 4 Nov 2024"  # 11,000–12,000 in Russia
    options = list(question.input.options)
    assert question.correct in options and len(options) == 4
    assert set(question.hints) == set(options) - {question.correct}  # one specific hint per wrong option
    assert len(set(question.hints.values())) == len(question.hints)

    question.button.click()
    assert "Choose an answer first" in question.feedback.value
    question.input.value = "South Korea: National Intelligence Service (NIS), 18 Oct 2024"  # 12,000 decided to send
    question.button.click()
    assert "Not quite" in question.feedback.value and "decided to send" in question.feedback.value
    assert "a different thing" in question.feedback.value
    question.input.value = "United States (earlier US estimate, cited with Austin's 23 Oct remark), 23 Oct 2024"
    question.button.click()
    assert "3,000 troops in Russia" in question.feedback.value
    question.input.value = question.correct
    question.button.click()
    assert "Yes" in question.feedback.value and "12,000 troops in Russia" in question.feedback.value

    saved = json.loads((answers_dir / "01_context.json").read_text(encoding="utf-8"))
    assert saved["answers"]["troop_highest"]["value"] == question.correct
    answering._STORES.clear()
    assert ctx.troop_question(course).input.value == question.correct  # restored on reopening


def test_why_disagree_question(answers_dir, course):
    question = ctx.why_disagree_question(course)
    question.input.value = "dates differ"
    question.button.click()
    assert "Write at least 15" in question.feedback.value
    question.input.value = (
        "They were made on different dates, they count different things such as troops in "
        "Kursk or in Russia, and different agencies count"
    )
    question.button.click()
    feedback = question.feedback.value
    assert "model answer" in feedback.lower() and "different dates" in feedback  # the model answer is shown


# -- the date from "its 1,000th day" ---------------------------------------------------------------


def test_war_day_to_date():
    assert ctx.war_day_to_date(1000) == date(2024, 11, 19)
    assert ctx.war_day_to_date(1000, inclusive=False) == date(2024, 11, 20)
    assert ctx.war_day_to_date(1) == date(2022, 2, 24)
    assert ctx.war_day_to_date(999) == date(2024, 11, 18)
    assert (pd.Timestamp("2022-02-24") + pd.Timedelta(days=999)).date() == ctx.war_day_to_date(1000)
    for bad in (0, -3, 1.5, True):
        with pytest.raises(ValueError):
            ctx.war_day_to_date(bad)


def test_ordinal_day_and_the_parser_agree(seed_article):
    rows = ctx.ordinal_day_rows(seed_article)
    assert rows["text"].tolist() == ["its 1,000th day"] and rows.iloc[0]["sentence_id"] == "1.2"
    assert ctx.ordinal_day_number(seed_article) == 1000
    assert ctx.war_day_to_date(1000) == seed_article.reference_date


def test_conventions_table():
    table = ctx.conventions_table(1000)
    assert table["date"].tolist() == ["Tuesday 19 November 2024", "Wednesday 20 November 2024"]
    assert "days=999" in table.iloc[0]["python"] and "days=1000" in table.iloc[1]["python"]


def test_check_day_1000():
    right = ctx.check_day_1000(pd.Timestamp("2024-11-19"))
    assert right.kind == "ok" and "Yes" in right.text
    elapsed = ctx.check_day_1000(date(2024, 11, 20))
    assert elapsed.kind == "warning" and "elapsed" in elapsed.text
    assert "Not answered" in ctx.check_day_1000(None).text
    assert "not a date" in ctx.check_day_1000("not a date").text


def test_compare_with_parser(course):
    table = ctx.compare_with_parser(course).set_index("what")
    assert table.loc["computed here", "value"] == "2024-11-19" and table.loc["same date?", "value"] == "True"


def test_day_1000_question_feedback(answers_dir, course):
    question = ctx.day_1000_question(course)
    question.input.value = date(2024, 11, 20)
    question.button.click()
    assert "Close" in question.feedback.value and "elapsed" in question.feedback.value
    question.input.value = date(2024, 11, 18)
    question.button.click()
    assert "day 999" in question.feedback.value
    question.input.value = date(2024, 12, 1)
    question.button.click()
    assert "12 day(s) late" in question.feedback.value
    question.input.value = date(2024, 11, 19)
    question.button.click()
    assert "Yes: Tuesday 19 November 2024" in question.feedback.value
    saved = json.loads((answers_dir / "01_context.json").read_text(encoding="utf-8"))
    assert saved["answers"]["day_1000"]["value"] == "2024-11-19"


# -- notebook 0 helpers ----------------------------------------------------------------------------


def test_table_overview_counts_every_table(seed_article):
    overview = ctx.table_overview(seed_article)
    assert overview["table"].tolist() == list(helpers.TABLES)
    for row in overview.itertuples():
        assert row.rows == len(seed_article.table(row.table)) and row.holds


def test_first_quote_question_on_the_seed(seed_article, answers_dir):
    question = ctx.first_quote_question(seed_article)
    assert question.correct == "¶4.1"
    assert list(question.input.options) == ["¶3.2", "¶4.1", "¶4.3", "¶5.1"]
    question.input.value = "¶3.2"
    question.button.click()
    assert "Not quite" in question.feedback.value and "indirect" in question.feedback.value
    question.input.value = "¶5.1"
    question.button.click()
    assert "earlier sentence" in question.feedback.value
    question.input.value = "¶4.1"
    question.button.click()
    assert "Yes" in question.feedback.value and "Russian foreign ministry" in question.feedback.value
    saved = json.loads((answers_dir / "00_start_here.json").read_text(encoding="utf-8"))
    assert saved["answers"]["first_quote"]["value"] == "¶4.1"


def test_first_quote_question_is_computed_for_other_articles(other_articles, answers_dir):
    for article in other_articles.values():
        question = ctx.first_quote_question(article)
        if article.quotes.empty:
            continue
        first = article.quotes.sort_values("start").iloc[0]["sentence_id"]
        assert question.correct == f"¶{first}" and question.correct in question.input.options
    no_quotes = helpers.parse_text("A plain sentence. Another plain sentence.", article_id="plain")
    message = ctx.first_quote_question(no_quotes)
    assert isinstance(message, Message) and "no direct quote" in message.text


def test_expectations_question(answers_dir):
    question = ctx.expectations_question()
    question.input.value = "I want to check who is quoted and whether the numbers match other sources"
    question.button.click()
    assert "model answer" in question.feedback.value.lower()


def test_practice_sentence_and_check_sentence(seed_article, other_articles):
    assert ctx.practice_sentence_id(seed_article) == "4.3"
    assert ctx.practice_sentence_id(other_articles["synthetic_crlf_bom"]) == "3.2"
    assert ctx.check_sentence(seed_article, "4.3", seed_article.sentence("4.3")).kind == "ok"
    other = ctx.check_sentence(seed_article, "4.3", seed_article.sentence("4.2"))
    assert other.kind == "warning" and "¶4.2, not ¶4.3" in other.text
    assert "Not answered" in ctx.check_sentence(seed_article, "4.3", None).text
    assert ctx.check_sentence(seed_article, "4.3", "anything").kind == "warning"


def test_available_articles_resolve_from_the_notebooks_folder():
    table = ctx.available_articles()
    assert f"../seeds/{SEED.name}" in table["SEED"].tolist()
    for seed in table["SEED"]:
        assert (ROOT / "notebooks" / seed).resolve().is_file()


# -- the general rules, on small invented articles ------------------------------------------------

INVENTED = (
    "Joe Biden approved the plan on Monday. Officials said over 10,000 North Korean troops were in Kursk. "
    "In Odesa, 10 people were killed."
)


def test_claim_rules_find_invented_sentences_by_content():
    article = helpers.parse_text(INVENTED, article_id="invented")
    table = ctx.claims_and_background(article)
    topics = dict(zip(table["topic"], table["sentence_id"]))
    assert topics.get("the decision") == "1.1"
    assert topics.get("North Korean troops") == "1.2"
    troops = table[table["topic"] == "North Korean troops"].iloc[0]
    assert troops["matched"] == "over 10,000 North Korean troops"


def test_a_claim_rule_from_a_csv(tmp_path):
    path = tmp_path / "claim_rules.csv"
    path.write_text(
        "topic,rule,first_only,fact_id,note\n"
        "odesa,quantities.unit=people & mentions.actor_id=odesa,no,A6,the toll rose later\n",
        encoding="utf-8",
    )
    rules = ctx.load_claim_rules(path)
    article = helpers.parse_text("In Odesa, 10 people were killed. Elsewhere 5 people were hurt.", article_id="o")
    table = ctx.claims_and_background(article, rules)
    assert table[["sentence_id", "fact_id", "matched"]].values.tolist() == [["1.1", "A6", "10 people"]]


@pytest.mark.parametrize(
    "text, problem",
    [
        ("topic,rule,fact_id,note\nx,sentences.text~a,A1,n\n", "first_only"),
        ("topic,rule,first_only,fact_id,note\nx,sentences.txt~a,no,A1,n\n", "row 2, column 'rule'"),
        ("topic,rule,first_only,fact_id,note\nx,sentences.text~a,no,A1,\n", "note"),
        ("topic,rule,first_only,fact_id,note\nx,sentences.text~a,no,A1,n\nx,sentences.text~b,no,A2,n\n", "same rule"),
    ],
)
def test_bad_claim_rules_name_the_file_and_the_fix(tmp_path, text, problem):
    path = tmp_path / "claim_rules.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CuratedDataError, match="claim_rules.csv") as error:
        ctx.load_claim_rules(path)
    assert problem in str(error.value)


def test_mentions_rules_on_an_invented_article():
    article = helpers.parse_text("Joe Biden met Vladimir Putin. Joe Biden left.", article_id="people")
    table = ctx.who_what_where(article).set_index("actor_id")
    assert table.loc["joe_biden", "mentions"] == 2 and table.loc["joe_biden", "first_named"] == "¶1.1"
    counts = ctx.mention_counts(article).set_index("kind")
    assert counts.loc["person", "mentions"] == 3 and counts.loc["person", "actors"] == 2
    assert ctx.core_claim_id(article) == "1.1"


def test_first_quote_rule_on_an_invented_article(answers_dir):
    article = helpers.parse_text(
        'The minister spoke. He said: "We will respond." Later he said "Never."', article_id="quotes"
    )
    question = ctx.first_quote_question(article)
    assert question.correct == "¶1.2"


# -- what a reader could know on the article's day -------------------------------------------------


def test_glossary_leaves_outcomes_for_notebook_4():
    shown = ctx.glossary_table()
    assert "Oreshnik" not in set(shown["term"])  # first used on 21 Nov 2024 (fact C6)
    assert not any(fid.startswith("C") for cell in shown["fact_ids"] for fid in cell.split(";") if fid)
    assert "Oreshnik" in set(ctx.glossary_table(include_outcomes=True)["term"])  # kept for notebook 4
    assert not shown["definition"].str.contains("2025").any()


def test_references_and_troops_hold_no_outcome():
    assert not any(fid.startswith("C") for fid in ctx.fact_ids_used())
    troops = ctx.troop_estimates_table()
    assert troops["date"].dropna().max() <= pd.Timestamp(REFERENCE_DATE)
    assert "A13" not in set(troops["fact_id"])  # the Apr 2025 estimate waits for notebook 4


def test_dating_clues_bound_the_day_from_both_sides(course):
    clues = ctx.dating_clues(course)
    assert set(clues["fact_id"]) == {"A2", "A6", "B10", "B11", "B13"}
    assert clues.set_index("fact_id").loc["A2", "citation"] == "¶1.2"
    assert set(clues["written …"]) == {"before", "on or after"}


def test_dating_clues_skip_another_article(other):
    assert isinstance(ctx.dating_clues(other), Message)
    assert isinstance(ctx.written_on_question(other), Message)


def test_written_on_question(answers_dir, course):
    question = ctx.written_on_question(course)
    assert question.answer == REFERENCE_DATE == date(2024, 11, 18)
    question.input.value = date(2024, 11, 19)
    question.button.click()
    assert "approaches" in question.feedback.value
    question.input.value = date(2024, 11, 18)
    question.button.click()
    assert "Monday 18 November 2024" in question.feedback.value


def test_the_ordinal_day_table_does_not_give_exercise_4_away(course, monkeypatch):
    shown = []
    monkeypatch.setattr("helpers.lessons.context.dating.show_table", lambda table, **kw: shown.append((table, kw)))
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: None)
    ctx.show_ordinal_day(course)
    table, options = shown[0]
    assert "start_date" not in options["columns"]


def test_provenance_table_says_what_is_missing(seed_article):
    table = ctx.provenance_table(seed_article).set_index("what a reader should know")["what the text gives"]
    assert set(table) == {"not given"}


def test_provenance_table_reads_a_byline_and_a_link():
    article = helpers.parse_text(
        "By Ana Garcia\nKYIV, 18 November 2024 - Officials said on Monday that talks would resume. "
        "Read more at https://example.org/story.\n",
        article_id="byline",
    )
    table = ctx.provenance_table(article).set_index("what a reader should know")["what the text gives"]
    assert table["author"] == "Ana Garcia"
    assert table["original link"].startswith("https://example.org/story")
    assert table["date published"] == "18 Nov 2024"


def test_provenance_question_has_a_hint_per_wrong_option(answers_dir, course):
    question = ctx.provenance_question(course)
    wrong = [o for o in question.input.options if o != question.correct]
    assert set(question.hints) == set(wrong) and len(set(question.hints.values())) == len(wrong)


def test_judgement_items_separate_judgement_from_fact(seed_article):
    items = {phrase: (where, answer) for phrase, where, answer, _ in ctx.judgement_items(seed_article)}
    assert items["marking a significant escalation"] == ("¶1.1", "the writer's judgement (an interpretation)")
    assert items["represents a major shift in US policy"][1].startswith("the writer's judgement")
    assert items["The development comes at a complex political moment"][1].startswith("the writer's judgement")
    assert items["A strike on Odesa killed 10 people and injured nearly 50"][1].startswith("reported fact")


def test_judgement_questions_give_feedback(answers_dir, course):
    questions = ctx.judgement_questions(course)
    assert len(questions) == 5
    first = questions[0]
    first.input.value = "reported fact (a source could confirm or refute it)"
    first.button.click()
    assert "Not quite" in first.feedback.value and "weigh" in first.feedback.value
    first.input.value = first.correct
    first.button.click()
    assert "Yes" in first.feedback.value


def test_judgement_items_only_for_phrases_in_the_text():
    article = helpers.parse_text("Officials said the plan marks a new phase.\n", article_id="plain")
    assert ctx.judgement_items(article) == []


def test_notebook_1_teaches_dating_provenance_and_judgement():
    import nbformat

    from tests.conftest import ROOT

    nb = nbformat.read(ROOT / "notebooks" / "01_context.ipynb", as_version=4)
    markdown = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    code = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    for heading in ("## 6. When was this written?", "## 7. Who published this?", "## 8. Reported fact or the writer"):
        assert heading in markdown
    for call in (
        "context.show_dating_clues(session)",
        "context.written_on_question(session)",
        "context.provenance_table(article)",
        "context.provenance_question(session)",
        "context.show_judgement_questions(session)",
    ):
        assert call in code
    # Exercise 4's answer is not given above it, nor in the notes a student sees
    before = markdown.split("### Exercise 4")[0]
    assert "999" not in before and "19 Nov" not in before and "19 November" not in before


def test_show_dating_clues(course, other, monkeypatch):
    shown = []
    monkeypatch.setattr("helpers.lessons.context.written.show_table", lambda table, **kw: shown.append(table))
    assert ctx.show_dating_clues(course) is None and len(shown[0]) == 5
    assert isinstance(ctx.show_dating_clues(other), Message)
