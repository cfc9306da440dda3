"""Tests for helpers.lessons.positions (notebook 3, "Actor positions"): tables on the seed, and the two
widgets driven from Python the way a student would use them."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import helpers
from helpers.lessons import positions
from helpers.lessons.positions import CHOOSE, NOTEBOOK, STANCES, ActorExplorer, StanceCoder
from helpers.notebook import answering
from helpers.notebook.display import Chart, Message
from helpers.notebook.session import Session

from ..conftest import TEST_ARTICLES

SUPPORTS, OPPOSES, NOT_ABOUT = STANCES

# The reference coding of the course article (seeds/curated/reference_coding.csv), by question id.
REFERENCE = {
    "stance.3.2.suggest": NOT_ABOUT,
    "stance.4.1.condemned": OPPOSES,
    "stance.4.1.warning": OPPOSES,
    "stance.4.2.views": OPPOSES,
    "stance.4.3.accused": OPPOSES,
    "stance.5.1.suggested": NOT_ABOUT,
    "stance.5.1.stating": SUPPORTS,
    "stance.6.1.sees": SUPPORTS,
    "stance.6.2.emphasized": SUPPORTS,
    "stance.8.2.promised": NOT_ABOUT,
    "stance.8.2.claimed": NOT_ABOUT,
    "stance.9.1.indicated": NOT_ABOUT,
}

pytestmark = pytest.mark.usefixtures("answers_dir")


def highlighted(html_text: str) -> list[str]:
    """Sentence ids that article_html highlighted."""
    return re.findall(r'class="course-sentence course-highlight" data-sentence="([^"]+)"', html_text)


def marked(html_text: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", html_text)


# -- tables -------------------------------------------------------------------------------------


def test_mention_counts_top_rows(seed_article):
    counts = positions.mention_counts(seed_article)
    top = counts.head(3)
    assert list(top["actor_id"]) == ["united_states", "russia", "ukraine"]
    assert list(top["mentions"]) == [11, 11, 10]
    assert list(top["sentences"]) == [10, 11, 10]
    assert counts["mentions"].sum() == len(seed_article.mentions) == 55
    assert counts["mentions"].is_monotonic_decreasing
    # adjectives such as "Russian" count for Russia
    assert counts.set_index("actor_id").loc["russia", "adjective"] == 3


def test_mention_forms_adds_up(seed_article):
    forms = positions.mention_forms(seed_article).set_index("actor")
    assert forms.loc["Russia", "total"] == 11
    assert forms.loc["Russia", "adjective"] == 3
    assert forms.drop(columns="total").sum(axis=1).equals(forms["total"])


def test_actor_overview_counts_statements(seed_article):
    overview = positions.actor_overview(seed_article).set_index("actor")
    assert overview.loc["Volodymyr Zelensky", "statements"] == 3
    assert overview.loc["Ukraine", "statements"] == 0
    assert overview["statements"].sum() == 11  # 12 statements, one by unnamed sources (not an actor)


def test_cooccurrence_is_symmetric_with_sentences_on_the_diagonal(seed_article):
    table = positions.cooccurrence(seed_article)
    assert table.shape == (16, 16)
    assert (table.to_numpy() == table.to_numpy().T).all()
    assert table.loc["Russia", "Russia"] == 11
    assert table.loc["Russia", "Ukraine"] == 7
    assert table.loc["United States", "Russia"] == 4
    assert positions.cooccurrence(seed_article, top=3).shape == (3, 3)


def test_cooccurrence_pairs(seed_article):
    pairs = positions.cooccurrence_pairs(seed_article)
    first = pairs.iloc[0]
    assert (first["actor_a"], first["actor_b"], first["sentences"]) == ("Russia", "Ukraine", 7)
    assert first["cited"] == "¶1.1, ¶1.2, ¶2.1, ¶5.2, ¶6.2, ¶7.1, ¶9.1"
    assert pairs["sentences"].is_monotonic_decreasing


def test_statements_table(seed_article):
    table = positions.statements_table(seed_article)
    assert len(table) == 12
    assert list(table.columns[:6]) == ["citation", "speaker", "verb", "content", "direct", "attribution"]
    row = table[table["verb"] == "accused"].iloc[0]
    assert row["citation"] == "¶4.3"
    assert row["speaker"] == "Putin's spokesman"
    assert bool(row["direct"]) is True
    assert table["direct"].sum() == 3
    assert table["speaker"].value_counts().iloc[0] == 3


def test_statements_by_side(seed_article):
    table = positions.statements_by_side(seed_article)
    assert len(table) == 12
    assert table["side"].value_counts().to_dict() == {
        "Russia": 4,
        "United States": 4,
        "Ukraine": 3,
        "(no side listed)": 1,
    }
    assert list(dict.fromkeys(table["side"])) == ["Russia", "Ukraine", "United States", "(no side listed)"]


def test_attribution_summary(seed_article):
    summary = positions.attribution_summary(seed_article).set_index("attribution")
    assert summary["statements"].to_dict() == {"named": 6, "institutional": 5, "anonymous": 1}
    assert summary.loc["named", "share"] == 50.0


def test_hedged_sourcing(seed_article):
    hedges = positions.hedged_sourcing(seed_article)
    assert list(hedges["citation"]) == ["¶3.2", "¶5.2"]
    assert hedges["cue"].iloc[0] == "Unconfirmed reports suggest"


def test_translation_variants_include_the_article(seed_article):
    variants = positions.translation_variants(seed_article)
    oil = variants[variants["rendering"] == "adding oil to the fire"]
    assert len(oil) == 1
    assert oil["article_citation"].iloc[0] == "¶4.3"
    assert oil["fact_id"].iloc[0] == "B12"
    peskov = positions.translation_variants(seed_article, "vladimir_putin_spokesman")
    assert len(peskov) == 8 and set(peskov["original"]) == {"подливать масло в огонь"}
    zakharova = positions.translation_variants(seed_article, "russia_foreign_ministry")
    assert set(zakharova["original"]) == {""}
    assert "¶4.1" in set(zakharova["article_citation"])


def test_translation_overview(seed_article):
    overview = positions.translation_overview(seed_article).set_index("fact_id")
    assert overview.loc["B12", "article_citation"] == "¶4.3"
    assert overview.loc["B12", "other_renderings"] == 7
    assert overview.loc["B12", "different_wordings"] == 7
    assert overview.loc["B13", "different_wordings"] == 3
    assert overview.loc["B13", "original"] == "(not given in the fact sheet)"


def test_other_article_has_no_course_rows():
    other = helpers.load_article(TEST_ARTICLES / "synthetic_harbour_strike.txt")
    variants = positions.translation_variants(other)
    assert not variants["outlet"].str.startswith("this article").any()
    assert (variants["article_citation"] == "").all()


# -- figures --------------------------------------------------------------------------------------


CHARTS = {
    "mentions": lambda article: positions.plot_mention_counts(positions.mention_counts(article)),
    "cooccurrence": lambda article: positions.plot_cooccurrence(positions.cooccurrence(article, top=8)),
    "attribution": lambda article: positions.plot_attribution(positions.attribution_summary(article)),
}


@pytest.mark.parametrize("name", list(CHARTS))
def test_figures_have_alt_text_labels_and_table(seed_article, name):
    chart = CHARTS[name](seed_article)
    assert isinstance(chart, Chart)
    ax = chart.figure.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert len(chart.alt) > 40 and isinstance(chart.table, pd.DataFrame) and len(chart.table)


def test_mention_chart_labels_every_bar(seed_article):
    chart = positions.plot_mention_counts(positions.mention_counts(seed_article))
    labels = [text.get_text() for text in chart.figure.axes[0].texts]
    assert labels == [str(n) for n in chart.table["mentions"]]
    assert "United States 11, Russia 11, Ukraine 10" in chart.alt


def test_mention_chart_takes_a_groupby_of_mentions(seed_article):
    """The notebook's own pandas (group the mentions, sort) gives the chart the same bars."""
    mentions = seed_article.mentions
    counts = (
        mentions.groupby(["actor_id", "actor", "kind"], sort=False)
        .size()
        .rename("mentions")
        .reset_index()
        .sort_values("mentions", ascending=False, kind="stable")
    )
    chart = positions.plot_mention_counts(counts)
    assert list(chart.table["actor"]) == list(positions.mention_counts(seed_article)["actor"])


def test_figures_for_an_article_without_actors():
    article = helpers.parse_text("Nothing happened here today. The weather was fine.")
    chart = positions.plot_mention_counts(positions.mention_counts(article))
    assert chart.table.empty and "no actor" in chart.alt
    assert positions.cooccurrence_pairs(article).empty


# -- the actor explorer --------------------------------------------------------------------------


def test_explorer_highlights_exactly_the_actors_sentences(seed_article):
    explorer = ActorExplorer(seed_article)
    assert explorer.actor.value == "united_states"
    for actor_id in ["russia", "jon_finer", "north_korea", "volodymyr_zelensky"]:
        explorer.actor.value = actor_id
        rows = seed_article.mentions[seed_article.mentions["actor_id"] == actor_id]
        assert highlighted(explorer.view.value) == list(dict.fromkeys(rows["sentence_id"]))
        assert marked(explorer.view.value) == [helpers.notebook.display.escape(t) for t in rows["text"]]
    explorer.actor.value = "russia"
    assert "11 mentions in 11 sentences" in explorer.summary.value


def test_explorer_summary_lists_statements_and_registry(seed_article):
    explorer = ActorExplorer(seed_article)
    explorer.actor.value = "vladimir_putin_spokesman"
    summary = explorer.summary.value
    assert "1 mention in 1 sentence" in summary
    assert "¶4.3" in summary and "accused" in summary
    assert "Dmitry Peskov" in summary and "B11, B12" in summary
    assert explorer.widget.children == (explorer.actor, explorer.summary, explorer.view)


def test_explorer_without_registry_for_other_articles():
    other = helpers.load_article(TEST_ARTICLES / "synthetic_crlf_bom.txt")
    explorer = ActorExplorer(other)
    explorer.actor.value = "united_states"
    assert "Registry" not in explorer.summary.value
    assert highlighted(explorer.view.value) == ["2.1"]


def test_explorer_escapes_seed_text():
    article = helpers.parse_text('President Joe Biden said "<img src=x onerror=alert(1)>" today.')
    explorer = ActorExplorer(article)
    explorer.actor.value = "joe_biden"
    page = explorer.summary.value + explorer.view.value
    assert "&lt;img" in explorer.view.value
    assert "<img src=x" not in page
    assert "onerror=alert(1)>" not in page


def test_explorer_callback_never_raises(seed_article, monkeypatch):
    explorer = ActorExplorer(seed_article)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(explorer, "_summary_html", broken)
    explorer.actor.value = "russia"
    assert "Something went wrong" in explorer.summary.value and "boom" in explorer.summary.value


def test_explorer_with_no_actors():
    article = helpers.parse_text("Nothing happened here today.")
    explorer = ActorExplorer(article)
    assert explorer.actor.value is None
    assert "no actor" in explorer.summary.value


# -- the stance coder ----------------------------------------------------------------------------


def test_stance_coder_ids_are_stable(seed_article):
    coder = StanceCoder(seed_article)
    assert list(coder.dropdowns) == list(REFERENCE)
    assert all(d.value == CHOOSE for d in coder.dropdowns.values())
    assert coder.dropdowns["stance.4.3.accused"].options == (CHOOSE, *STANCES)


def test_stance_coder_perfect_agreement(seed_article):
    coder = StanceCoder(seed_article)
    for qid, stance in REFERENCE.items():
        coder.dropdowns[qid].value = stance
    coder.compare_button.click()
    result = coder.result.value
    assert "12 of 12 statements: 100.0% agreement, Cohen&#x27;s kappa 1.00" in result
    assert "No disagreements" in result


def test_stance_coder_some_wrong(seed_article):
    coder = StanceCoder(seed_article)
    for qid, stance in REFERENCE.items():
        coder.dropdowns[qid].value = stance
    coder.dropdowns["stance.5.1.stating"].value = NOT_ABOUT  # reference: supports
    coder.dropdowns["stance.3.2.suggest"].value = OPPOSES  # reference: not about
    coder.compare_button.click()
    result = coder.result.value
    # 10 of 12 agree. Chance agreement: yours (opposes 5, supports 2, not about 5) against the
    # reference (opposes 4, supports 3, not about 5): (5*4 + 2*3 + 5*5) / 144 = 51/144.
    # kappa = (10/12 - 51/144) / (1 - 51/144) = (120 - 51) / (144 - 51) = 69/93 = 0.742
    assert "10 of 12 statements: 83.3% agreement, Cohen&#x27;s kappa 0.74" in result
    assert helpers.notebook.scoring.cohen_kappa(
        [coder.dropdowns[q].value for q in REFERENCE], list(REFERENCE.values())
    ) == pytest.approx(69 / 93)
    # the two disagreements, with the reference coder's rationale
    assert result.count("<tr><td>¶") == 2
    assert "Borderline" not in result
    assert "speak for themselves" in result and "100,000 soldiers" in result


def test_stance_coder_incomplete_is_kind(seed_article):
    coder = StanceCoder(seed_article)
    for qid in list(REFERENCE)[:9]:
        coder.dropdowns[qid].value = REFERENCE[qid]
    result = coder.compare()
    assert "You have coded 9 of 12 statements" in result
    assert "¶8.2, ¶9.1" in result
    assert "kappa" not in result


def test_stance_coder_saves_and_restores(seed_article, answers_dir):
    coder = StanceCoder(seed_article)
    coder.dropdowns["stance.4.3.accused"].value = OPPOSES
    answering._STORES.clear()
    again = StanceCoder(seed_article)
    assert again.dropdowns["stance.4.3.accused"].value == OPPOSES
    assert again.dropdowns["stance.6.1.sees"].value == CHOOSE
    assert list(answers_dir.iterdir())


def test_stance_coder_other_article_has_no_reference():
    other = helpers.load_article(TEST_ARTICLES / "synthetic_harbour_strike.txt")
    coder = StanceCoder(other)
    assert len(coder.dropdowns) == 8
    assert all(qid.endswith(".synthetic_harbour_strike") for qid in coder.dropdowns)
    for dropdown in coder.dropdowns.values():
        dropdown.value = SUPPORTS
    coder.compare_button.click()
    assert "exists only for the course article" in coder.result.value


def test_stance_coder_escapes_seed_text():
    article = helpers.parse_text('President Joe Biden said "<img src=x onerror=alert(1)>" today.')
    coder = StanceCoder(article)
    labels = "".join(
        box.children[1].value for box in coder.widget.children if hasattr(box, "children") and len(box.children) == 2
    )
    assert "&lt;img" in labels and "<img src=x" not in labels


def test_stance_coder_compare_never_raises(seed_article, monkeypatch):
    coder = StanceCoder(seed_article)
    monkeypatch.setattr(coder, "_comparison_html", lambda: 1 / 0)
    coder.compare_button.click()
    assert "Something went wrong" in coder.result.value


# -- exercises -----------------------------------------------------------------------------------


def test_sentences_question_answer_comes_from_the_tables(seed_article):
    question = positions.sentences_question(Session(seed_article, NOTEBOOK))
    assert question.correct == "Russia"
    assert question.question_id == "actors.most_sentences"
    question.input.value = "United States"
    assert not question.check()
    question.input.value = "Russia"
    assert question.check()


def test_sentences_question_hints_are_specific_and_give_nothing_away(seed_article):
    question = positions.sentences_question(Session(seed_article, NOTEBOOK))
    assert "not the most mentions" not in question.widget.children[0].value
    wrong = [o for o in question.input.options if o != question.correct]
    assert set(question.hints) == set(wrong)
    assert len(set(question.hints.values())) == len(wrong)  # one hint per wrong option
    assert "11 mentions but appears in only 10" in question.hints["United States"]
    assert "tie on mentions" in question.hints[positions.TIE]
    assert not any("Russia appears" in hint for hint in question.hints.values())  # the answer is never named


def test_zelensky_is_quoted_in_translation_too(seed_article):
    variants = positions.translation_variants(seed_article, "volodymyr_zelensky")
    assert "¶5.1" in set(variants["article_citation"]) and set(variants["fact_id"]) == {"A5"}
    overview = positions.translation_overview(seed_article).set_index("fact_id")
    assert overview.loc["A5", "article_rendering"] == "speak for themselves"


def test_sentences_question_tie():
    other = helpers.load_article(TEST_ARTICLES / "synthetic_harbour_strike.txt")
    question = positions.sentences_question(Session(other, NOTEBOOK))
    assert question.correct == positions.TIE


def test_speaker_counts_feedback(seed_article):
    statements = positions.statements_table(seed_article)
    feedback = positions.speaker_counts_feedback
    assert feedback(seed_article, statements["speaker"].value_counts())[1] == "ok"
    assert feedback(seed_article, None)[1] == "info"
    assert feedback(seed_article, statements.groupby("speaker").size())[1] == "info"  # right, not sorted
    assert feedback(seed_article, statements["verb"].value_counts())[1] == "warning"
    assert feedback(seed_article, 42)[1] == "warning"
    frame = statements["speaker"].value_counts().reset_index()
    assert feedback(seed_article, frame)[1] == "ok"


def test_stance_coder_takes_the_session(seed_article, answers_dir):
    coder = StanceCoder(Session(seed_article, "03_actor_positions"))
    coder.dropdowns["stance.4.3.accused"].value = OPPOSES
    assert (answers_dir / "03_actor_positions.json").exists()


# -- the course's reference data: skipped for any other article -------------------------------------


def test_translations_need_the_course_article(seed_article):
    other = Session(helpers.load_article(TEST_ARTICLES / "synthetic_harbour_strike.txt"), NOTEBOOK)
    for shown in (
        positions.translation_overview_view(other),
        positions.translation_question(other),
        positions.translation_variants_view(other, "russia_foreign_ministry", "x", ["rendering"]),
    ):
        assert isinstance(shown, Message) and "skipped" in shown.text
    course = Session(seed_article, NOTEBOOK)
    assert (
        "adding oil to the fire"
        in positions.translation_variants_view(course, "vladimir_putin_spokesman", "x", ["rendering"]).data
    )
    assert positions.translation_question(course).question_id == "translation.which_is_the_quote"


# -- the general rules, on a small invented article -------------------------------------------------

SMALL = """Russia warned on Monday that it would respond to any attack.

Ukraine and Russia met in Geneva. President Joe Biden said the talks were "useful".

Unconfirmed reports suggest Russia may send 5,000 more troops. According to officials, nearly 40 people were hurt."""


@pytest.fixture(scope="module")
def small():
    return helpers.parse_text(SMALL)


def test_small_mention_counts_order_and_sentences(small):
    counts = positions.mention_counts(small)
    assert list(counts["actor_id"]) == ["russia", "ukraine", "joe_biden"]  # most first, then first seen
    assert list(counts["mentions"]) == [3, 1, 1]
    assert list(counts["first"]) == ["¶1.1", "¶2.1", "¶2.2"]


def test_small_cooccurrence(small):
    table = positions.cooccurrence(small)
    assert table.loc["Russia", "Russia"] == 3 and table.loc["Russia", "Ukraine"] == 1
    assert table.loc["Joe Biden", "Russia"] == 0
    pairs = positions.cooccurrence_pairs(small)
    assert pairs.to_dict("records") == [{"actor_a": "Russia", "actor_b": "Ukraine", "sentences": 1, "cited": "¶2.1"}]
    assert "Russia and Ukraine share 1 sentences" in positions.plot_cooccurrence(table).alt


def test_small_statements_attribution_and_sides(small):
    table = positions.statements_table(small)
    assert list(table["citation"]) == ["¶1.1", "¶2.2", "¶3.1"] and table["direct"].sum() == 1
    summary = positions.attribution_summary(small).set_index("attribution")
    assert summary["statements"].to_dict() == {"named": 1, "institutional": 1, "anonymous": 1}
    assert summary.loc["named", "share"] == 33.3
    sides = positions.statements_by_side(small)
    assert list(sides["side"]) == ["Russia", "United States", "(no side listed)"]
    assert list(positions.hedged_sourcing(small)["cue"]) == ["Unconfirmed reports suggest", "According to"]


def test_small_exercise_answers_come_from_the_tables(small):
    question = positions.sentences_question(Session(small, NOTEBOOK))
    assert question.correct == "Russia" and question.question_id.startswith("actors.most_sentences.")
    counts = small.statements.groupby("speaker").size().sort_values(ascending=False)
    assert positions.check_speaker_counts(small, counts).kind == "ok"
    assert positions.check_speaker_counts(small, counts.head(2)).kind == "warning"


def test_notebook_3_says_whose_words_and_who_is_not_heard():
    import nbformat

    from tests.conftest import ROOT

    nb = nbformat.read(ROOT / "notebooks" / "03_actor_positions.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    assert "Each side in its own words" not in text and "### Each side, in the article's words" in text
    assert "no voice" in text and "fact A13" in text  # North Korea is discussed, never heard
    assert "Zelensky's words are a translation too" in text
    code = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    assert '"volodymyr_zelensky"' in code and '(statements["speaker_id"] == "north_korea").sum()' in code


def test_stance_reasons_are_saved_and_shown_beside_the_reference_rationale(seed_article, answers_dir):
    coder = StanceCoder(seed_article)
    assert set(coder.reasons) == set(coder.dropdowns)
    for qid, stance in REFERENCE.items():
        coder.dropdowns[qid].value = stance
    coder.dropdowns["stance.5.1.stating"].value = NOT_ABOUT  # reference: supports
    coder.reasons["stance.5.1.stating"].value = "He <b>never</b> names the decision"
    result = coder.compare()
    assert "He &lt;b&gt;never&lt;/b&gt; names the decision" in result  # the student's words, escaped
    assert result.index("names the decision") < result.index("speak for themselves")
    answering._STORES.clear()
    again = StanceCoder(seed_article)
    assert again.reasons["stance.5.1.stating"].value == "He <b>never</b> names the decision"
    assert again.reasons["stance.4.3.accused"].value == ""
