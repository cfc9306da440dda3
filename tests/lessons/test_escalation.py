"""Tests for helpers.lessons.escalation (notebook 4): exact expectations on the course article, the
reference tables, and the widgets driven from Python the way a student would use them."""

from __future__ import annotations

import html
import json

import pandas as pd
import pytest

import helpers
from helpers.curated import CuratedDataError, load_table, split_list
from helpers.curated.rules import RuleError, find_sentences, rule_problem
from helpers.curated.schema import COLUMNS
from helpers.lessons import escalation
from helpers.lessons.escalation import outcomes
from helpers.notebook.display import Chart, Message
from helpers.notebook.scoring import brier_score
from helpers.notebook.session import Session
from helpers.paths import curated_dir

from ..conftest import SEED, TEST_ARTICLES

OTHER_ARTICLES = sorted(TEST_ARTICLES.glob("*.txt"))


@pytest.fixture
def answers(monkeypatch, tmp_path):
    """A private answers folder and no cached stores (a fresh kernel)."""
    import helpers.notebook.answering

    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path))
    helpers.notebook.answering._STORES.clear()
    yield tmp_path
    helpers.notebook.answering._STORES.clear()


@pytest.fixture(scope="module")
def article():
    return helpers.load_article(SEED)


def session_of(article) -> Session:
    return Session(article, escalation.NOTEBOOK)


# -- rules -----------------------------------------------------------------------------------------


def test_the_rules_of_notebook_4_on_the_seed(article):
    """The rules of ladder_placements.csv, ach_matrix.csv and hypotheses.csv, read by the one rule syntax."""
    assert find_sentences(article, "statements.lemma=warn") == ["4.1"]
    assert find_sentences(article, "quantities.unit=troops") == ["3.1"]
    assert find_sentences(article, "sentences.text~killed") == ["7.2"]
    assert find_sentences(article, "statements.content~24 hours") == ["8.2"]
    # alternatives, returned once each and in article order
    assert find_sentences(article, "sentences.text~power grid | sentences.text~infrastructure") == ["6.2", "7.1"]
    # whole words only: "war" does not match "warning" or "wars" on its own
    assert "4.1" not in find_sentences(article, "sentences.text~war")


@pytest.mark.parametrize("rule", ["sentences text~x", "nosuch.text~x", "sentences.nosuch=x", ""])
def test_malformed_rules_are_refused(article, rule):
    with pytest.raises(RuleError):
        find_sentences(article, rule)


def test_hypotheses_table_is_valid():
    table = escalation.hypotheses()
    assert tuple(table["hypothesis_id"]) == escalation.HYPOTHESIS_IDS
    assert all(rule_problem(rule) is None for rule in table["rule"])
    assert (table["hypothesis"] != "").all()


def test_hypotheses_table_problems_are_clear(tmp_path):
    with pytest.raises(CuratedDataError, match="not found"):
        escalation.hypotheses(tmp_path)
    (tmp_path / "hypotheses.csv").write_text("hypothesis_id,hypothesis\nH1,x\n", encoding="utf-8")
    with pytest.raises(CuratedDataError, match="rule"):
        escalation.hypotheses(tmp_path)
    (tmp_path / "hypotheses.csv").write_text("hypothesis_id,hypothesis,rule\nH2,x,sentences.text~x\n", encoding="utf-8")
    with pytest.raises(CuratedDataError, match="H1, H2, H3"):
        escalation.hypotheses(tmp_path)


def test_cited_facts_are_citable():
    facts = escalation.cited_facts()
    assert facts[:4] == ["D1", "D2", "D3", "D4"] and len(facts) >= 24 and "X2" in facts
    _assert_citable(pd.Series(["; ".join(facts)]))
    assert list(escalation.references(facts[:2])["fact_id"]) == ["D1", "D2"]


# -- ladder ----------------------------------------------------------------------------------------


def test_ladder_units_are_the_seven_of_the_csv():
    units = escalation.ladder_units()
    assert list(units["order"]) == list(range(1, 8))
    assert units.loc[0, "unit"] == "Subcrisis maneuvering" and units.loc[0, "rungs"] == "1–3"
    assert units["last_rung"].max() == 44
    assert (units["threshold_after"] != "").sum() == 6


def test_ladder_items_found_by_rule(article):
    items = escalation.ladder_items(article).set_index("item_id")
    assert items["sentence_id"].to_dict() == {
        "us_decision": "1.1",
        "russia_warning": "4.1",
        "nk_troops": "3.1",
        "odesa_strike": "7.2",
        "trump_24h": "8.2",
    }
    assert items.loc["russia_warning", "cite"] == "¶4.1"
    assert items.loc["russia_warning", "unit_order"] == 1
    assert items.loc["trump_24h", "reference_unit"] == "0. Not a step up the ladder"
    assert set(items["confidence"]) == {"interpretation"}


@pytest.mark.parametrize("path", OTHER_ARTICLES, ids=lambda p: p.stem)
def test_course_only_tables_are_empty_for_other_articles(path):
    other = helpers.load_article(path)
    assert escalation.ladder_items(other).empty
    assert escalation.ach_hypotheses(other).empty
    assert escalation.ach_evidence(other).empty
    assert list(escalation.ladder_items(other).columns) == escalation.LADDER_ITEM_COLUMNS


def test_ladder_placements_table_is_valid():
    placements = escalation.ladder_placements()
    assert placements["item_id"].is_unique
    assert placements["unit_order"].between(0, 7).all()
    assert set(placements["confidence"]) == {"interpretation"}
    _assert_citable(placements["fact_ids"])


def test_ladder_reasoning_uses_only_rung_titles_from_the_csv():
    titles = {
        part.split(":", 1)[1].strip().split(" (")[0]
        for cell in escalation.ladder_units()["example_rungs"]
        for part in split_list(cell)
        if ":" in part
    }
    assert "Solemn and formal declarations" in titles and "Spasm or insensate war" in titles
    for reasoning in escalation.ladder_placements()["reasoning"]:
        for quoted in pd.Series([reasoning]).str.findall(r'"([^"]+)"').iloc[0]:
            thresholds = set(escalation.ladder_units()["threshold_after"])
            assert quoted in titles | thresholds | {"central sanctuary"}, quoted


def test_ladder_reveal_compares_with_the_reference(article, answers):
    exercise = escalation.LadderExercise(session_of(article))
    exercise.dropdowns["us_decision"].value = 2  # same as the reference
    exercise.dropdowns["russia_warning"].value = 3  # reference 1: two units apart
    exercise.dropdowns["odesa_strike"].value = 3  # reference 2: one unit apart
    exercise.dropdowns["trump_24h"].value = 1  # reference: not a step up
    exercise.reveal_button.click()
    table = exercise.compare().set_index("item_id")
    assert table["agreement"].to_dict() == {
        "us_decision": "same unit",
        "russia_warning": "2 units apart",
        "nk_troops": "not placed",
        "odesa_strike": "1 unit apart",
        "trump_24h": "different: one of you says it is not a step up",
    }
    assert table.loc["russia_warning", "difference"] == 2
    assert pd.isna(table.loc["nk_troops", "difference"])
    assert "You placed 4 of 5 items; 1 match" in exercise.status.value
    assert "Solemn and formal declarations" in exercise.result.value
    assert "interpretation" in exercise.result.value
    # the choices were saved, under one id per item
    saved = json.loads((answers / "04_escalation.json").read_text())["answers"]
    assert saved["ladder.russia_warning"]["value"] == 3


def test_ladder_choices_restore_after_restart(article, answers):
    import helpers.notebook.answering

    escalation.LadderExercise(session_of(article)).dropdowns["nk_troops"].value = 5
    helpers.notebook.answering._STORES.clear()
    assert escalation.LadderExercise(session_of(article)).dropdowns["nk_troops"].value == 5


def test_ladder_widget_escapes_text(answers):
    items = pd.DataFrame(
        [
            {
                "item_id": "x",
                "label": "<b>bold</b>",
                "sentence_id": "1.1",
                "cite": "¶1.1",
                "text": "<img src=x onerror=alert(1)>",
                "article_rule": "",
                "unit_order": 1,
                "reference_unit": "",
                "reasoning": "<script>bad()</script>",
                "fact_ids": "D4",
                "confidence": "interpretation",
            }
        ]
    )
    exercise = escalation.LadderExercise(session_of(helpers.parse_text("A sentence.")), items=items)
    exercise.reveal_button.click()
    html = exercise.widget.children[1].children[0].value + exercise.result.value
    assert "<img" not in html and "<script>" not in html and "&lt;img" in html


# -- certainty --------------------------------------------------------------------------------------


def test_certainty_table_on_the_seed(article):
    table = escalation.certainty_table(article).set_index("sentence_id")
    assert len(table) == len(article.sentences)
    assert table.loc["3.2", "category"] == "speculative"
    assert table.loc["3.2", "cues"].split("; ") == ["Unconfirmed reports suggest", "may"]
    assert table.loc["3.2", "cite"] == "¶3.2"
    assert table.loc["4.3", "category"] == "reported"  # accused, no hedge
    assert table.loc["4.3", "attributed_to"] == "Putin's spokesman"
    assert table.loc["7.2", "category"] == "unhedged"  # only an approximator
    assert table.loc["7.2", "cues"] == "nearly"
    assert table.loc["1.1", "category"] == "unhedged" and table.loc["1.1", "cues"] == ""
    assert table["category"].value_counts().to_dict() == {"speculative": 8, "unhedged": 7, "reported": 5}
    assert "confirmed" not in escalation.CATEGORIES  # "stated without a hedge" is not "confirmed"


def test_according_to_is_reported_not_speculative():
    table = escalation.certainty_table(helpers.load_article(TEST_ARTICLES / "synthetic_harbour_strike.txt"))
    row = table.set_index("sentence_id").loc["5.2"]
    assert row["category"] == "reported" and row["cues"] == "According to; nearly"


@pytest.mark.parametrize("path", [SEED, *OTHER_ARTICLES], ids=lambda p: p.stem)
def test_certainty_chart_matches_its_table(path):
    other = helpers.load_article(path)
    certainty = escalation.certainty_table(other)
    chart = escalation.plot_certainty(certainty.groupby(["paragraph", "category"]).size().unstack(fill_value=0))
    counts = chart.table
    assert counts.equals(escalation.certainty_counts(certainty))
    assert counts["total"].sum() == len(other.sentences)
    assert (counts[list(escalation.CATEGORIES)].sum(axis=1) == counts["total"]).all()
    assert f"{counts['speculative'].sum()} speculative" in chart.alt
    ax = chart.figure.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


def test_hedge_layers_of_the_seed(article):
    layers = escalation.hedge_layers(article)
    own = layers.loc[layers["sentence_id"] == "3.2"]
    assert list(own["layer"]) == ["who says so", "how sure", "how much"]
    assert list(own["words"]) == ["Unconfirmed reports suggest", "may", "up to 100,000 soldiers"]


def test_hedges_view_escapes_seed_text():
    hostile = helpers.parse_text('<img src=x onerror=alert(1)> may strike. Officials said "<b>no</b>."')
    page = escalation.hedges_view(escalation.certainty_table(hostile), hostile).data
    assert "<img src=x" not in page and "&lt;img" in page and "<mark>may</mark>" in page


def test_signal_statements_of_the_seed(article):
    table = escalation.signal_statements(article)
    assert list(table["cite"]) == ["¶4.1", "¶6.2", "¶8.2"]


# -- ACH -------------------------------------------------------------------------------------------


def test_ach_hypotheses_are_grounded_in_the_article(article):
    table = escalation.ach_hypotheses(article).set_index("hypothesis_id")
    assert list(table.index) == ["H1", "H2", "H3"]
    assert table["grounded_in"].to_dict() == {"H1": "¶3.1, ¶6.2", "H2": "¶2.2, ¶8.1", "H3": "¶4.2, ¶4.3"}
    assert "Russia's reading" in table.loc["H3", "hypothesis"]


def test_ach_evidence_and_reference_matrix(article):
    evidence = escalation.ach_evidence(article)
    assert list(evidence["evidence_id"]) == ["E1", "E3", "E7", "F1", "F2", "F3"]
    assert len(evidence) * len(escalation.HYPOTHESIS_IDS) <= 18  # at most 3 hypotheses x 6 pieces of evidence
    assert evidence.set_index("evidence_id")["source"].to_dict()["E7"] == "¶4.2"
    assert evidence.set_index("evidence_id")["source"].to_dict()["F2"] == "facts A3, A15"
    marks = escalation.ach_reference_marks(evidence)
    assert set(marks.values()) <= {"C", "I", "N"}
    scores = escalation.ach_scores(marks).set_index("hypothesis_id")
    assert scores["inconsistent"].to_dict() == {"H1": 0, "H2": 0, "H3": 1}
    assert scores["consistent"].to_dict() == {"H1": 3, "H2": 2, "H3": 1}
    assert scores["survives"].to_dict() == {"H1": True, "H2": True, "H3": False}


def test_ach_matrix_table_is_valid():
    table = pd.read_csv(curated_dir() / "ach_matrix.csv", dtype=str, keep_default_na=False)
    assert list(table.columns) == COLUMNS["ach_matrix"]
    assert table["evidence_id"].is_unique
    assert set(table["kind"]) == {"article", "fact"}
    assert (table.loc[table["kind"] == "article", "evidence_rule"] != "").all()
    assert (table.loc[table["kind"] == "fact", "fact_ids"] != "").all()
    assert set(table["confidence"]) == {"interpretation"}
    _assert_citable(table["fact_ids"])
    cited = {f for cell in table["fact_ids"] for f in split_list(cell)}
    assert not {f for f in cited if f.startswith("C")}, "the ACH evidence must be known on the article's day"


def test_ach_scores_exact():
    marks = {
        ("E1", "H1"): "C",
        ("E1", "H2"): "I",
        ("E1", "H3"): "",
        ("E2", "H1"): "I",
        ("E2", "H2"): "I",
        ("E2", "H3"): "C",
    }
    scores = escalation.ach_scores(marks).set_index("hypothesis_id")
    assert scores.to_dict("index") == {
        "H1": {"inconsistent": 1, "consistent": 1, "not_applicable": 0, "unmarked": 0, "survives": False},
        "H2": {"inconsistent": 2, "consistent": 0, "not_applicable": 0, "unmarked": 0, "survives": False},
        "H3": {"inconsistent": 0, "consistent": 1, "not_applicable": 0, "unmarked": 1, "survives": True},
    }
    assert not escalation.ach_scores({("E1", "H1"): ""})["survives"].any()


def test_ach_widget_scores_a_marking(article, answers):
    matrix = escalation.ACHMatrix(session_of(article))
    assert len(matrix.dropdowns) == 6 * 3
    matrix.score_button.click()
    assert "Mark at least one cell first" in matrix.status.value
    for (evidence_id, hypothesis_id), dropdown in matrix.dropdowns.items():
        dropdown.value = "I" if (evidence_id, hypothesis_id) in {("E1", "H2"), ("F1", "H2"), ("E7", "H1")} else "C"
    matrix.score_button.click()
    mine = matrix.scores().set_index("hypothesis_id")
    assert mine["inconsistent"].to_dict() == {"H1": 1, "H2": 2, "H3": 0}
    assert mine["survives"].to_dict() == {"H1": False, "H2": False, "H3": True}
    assert "Fewest inconsistencies in your matrix: H3." in matrix.status.value
    assert "reference I" in matrix.result.value
    saved = json.loads((answers / "04_escalation.json").read_text())["answers"]
    assert saved["ach.E1.H2"]["value"] == "I"


# -- forecasts -------------------------------------------------------------------------------------

FORECASTS = {"q1": 0.9, "q2": 0.3, "q3": 0.5, "q4": 0.6, "q5": 0.2, "q6": 0.1}


def test_forecast_then_reveal(answers):
    exercise = escalation.ForecastExercise(session_of(helpers.parse_text("A sentence.")))
    assert list(exercise.sliders) == list(FORECASTS)
    assert all((s.min, s.max, s.step) == (0.0, 1.0, 0.05) for s in exercise.sliders.values())
    for qid, value in FORECASTS.items():
        exercise.sliders[qid].value = value
    # reveal before lock: a kind message, nothing revealed
    exercise.reveal_button.click()
    assert "First lock your forecasts" in exercise.status.value
    assert exercise.result.value == ""
    # lock: sliders disabled, store locked
    exercise.lock_button.click()
    exercise.confirm_button.click()
    assert all(slider.disabled for slider in exercise.sliders.values())
    assert exercise.lock_button.disabled
    store = helpers.notebook.exercises.store_for("04_escalation")
    assert all(store.is_locked(qid) for qid in FORECASTS)
    # reveal: outcomes, sources, date, score against the hand-computed value
    exercise.reveal_button.click()
    outcomes = {"q1": 1, "q2": 1, "q3": 1, "q4": 1, "q5": 0, "q6": 0}
    by_hand = ((0.9 - 1) ** 2 + (0.3 - 1) ** 2 + (0.5 - 1) ** 2 + (0.6 - 1) ** 2 + 0.2**2 + 0.1**2) / 6
    assert by_hand == pytest.approx(0.16)
    assert brier_score(list(FORECASTS.values()), list(outcomes.values())) == pytest.approx(by_hand)
    assert "Your Brier score: 0.160" in exercise.status.value
    assert "would score 0.250" in exercise.status.value and "better than" in exercise.status.value
    html = exercise.result.value
    questions = escalation.forecast_questions()
    for row in questions.itertuples():
        assert row.outcome_text[4:] in html_text(html)
        assert row.url in html_text(html)
    assert "Yes.</b> Yes." not in html and "No.</b> No." not in html and "<b>Yes.</b> On 19 Nov" in html
    assert "as of mid-December 2025" in html and "lower is better" in html
    assert 'alt="' in html and "The table behind this figure" in html
    table = exercise.table()
    assert table["forecast"].tolist() == list(FORECASTS.values())
    assert table["outcome"].tolist() == list(outcomes.values())


def test_locked_forecasts_survive_a_restart(answers):
    import helpers.notebook.answering

    first = escalation.ForecastExercise(session_of(helpers.parse_text("A sentence.")))
    for qid, value in FORECASTS.items():
        first.sliders[qid].value = value
    first.lock_button.click()
    first.confirm_button.click()
    path = answers / "04_escalation.json"
    before = path.read_bytes()

    helpers.notebook.answering._STORES.clear()  # a kernel restart
    again = escalation.ForecastExercise(session_of(helpers.parse_text("A sentence.")))
    assert {qid: s.value for qid, s in again.sliders.items()} == FORECASTS
    assert all(s.disabled for s in again.sliders.values())
    assert again.is_locked and again.lock_button.disabled
    again.sliders["q1"].value = 0.05  # a student (or a script) tries anyway
    assert path.read_bytes() == before
    assert again.sliders["q1"].value == 0.9  # snaps back to the locked value
    assert "locked" in again.status.value
    again.reveal_button.click()
    assert "Your Brier score: 0.160" in again.status.value


def test_unmoved_sliders_lock_at_one_half(answers):
    exercise = escalation.ForecastExercise(session_of(helpers.parse_text("A sentence.")))
    exercise.lock()
    assert exercise.forecasts() == {qid: 0.5 for qid in FORECASTS}
    exercise.reveal()
    assert "Your Brier score: 0.250" in exercise.status.value and "the same as" in exercise.status.value


def test_forecast_chart(answers):
    table = pd.DataFrame(
        {
            "question_id": ["q1", "q2"],
            "forecast": [0.8, 0.4],
            "outcome": [1, 0],
            "squared_error": [0.04, 0.16],
            "baseline_squared_error": [0.25, 0.25],
        }
    )
    chart = escalation.plot_forecasts(table)
    assert "Brier score 0.100" in chart.alt and "q2" in chart.alt
    assert chart.table.equals(table)


def test_callbacks_never_raise(answers, monkeypatch):
    exercise = escalation.ForecastExercise(session_of(helpers.parse_text("A sentence.")))

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(exercise.store, "lock", broken)
    exercise.lock_button.click()  # must not raise
    exercise.confirm_button.click()
    assert "Something went wrong" in exercise.status.value or "disk full" in exercise.status.value


# -- code exercise ---------------------------------------------------------------------------------


def test_check_brier_messages():
    practice = escalation.practice_forecasts()
    right = escalation.check_brier(practice, ((practice["forecast"] - practice["outcome"]) ** 2).mean())
    assert right.kind == "ok" and "Yes: 0.1775" in right.text
    assert "Replace None" in escalation.check_brier(practice, None).text
    assert escalation.check_brier(practice, 0.5).kind == "warning"
    assert escalation.check_brier(practice, "a lot").kind == "warning"


# -- helpers ---------------------------------------------------------------------------------------


def _assert_citable(cells: pd.Series) -> None:
    """Every fact id exists in facts.csv and is not unverified or not verifiable."""
    facts = load_table("facts").set_index("fact_id")["confidence"].str.lower()
    for cell in cells:
        for fact_id in split_list(cell):
            assert fact_id in facts.index, fact_id
            assert facts[fact_id] not in ("unverified", "not verifiable"), fact_id


def html_text(page: str) -> str:
    """The text of escaped HTML, entities decoded (Jinja2 and html.escape spell quotes differently)."""
    return html.unescape(page)


def test_ach_reveal_escapes_every_cell(answers):
    hostile = "<img src=x onerror=alert(1)>"
    evidence = pd.DataFrame(
        [
            {
                "evidence_id": "E1",
                "kind": "article",
                "source": "¶1.1",
                "evidence": hostile,
                "text": hostile,
                "fact_ids": "",
                "H1": "C",
                "H2": "I",
                "H3": "N",
                "reasoning": '<a href="javascript:x()">y</a>',
                "confidence": "interpretation",
            }
        ]
    )
    matrix = escalation.ACHMatrix(session_of(helpers.parse_text("A sentence.")), evidence=evidence)
    matrix.dropdowns[("E1", "H1")].value = "C"
    matrix.score_button.click()
    page = matrix.result.value + "".join(getattr(w, "value", "") for w in matrix.widget.children[2].children)
    assert "<img src" not in page and "<a href" not in page and "&lt;img" in page


# -- the course's reference data: skipped for any other article -------------------------------------


@pytest.mark.parametrize("path", OTHER_ARTICLES, ids=lambda p: p.stem)
def test_reference_sections_are_skipped_for_other_articles(path, answers):
    other = session_of(helpers.load_article(path))
    for shown in (
        escalation.ladder_items_view(other),
        escalation.ladder_exercise(other),
        escalation.hypotheses_view(other),
        escalation.evidence_view(other),
        escalation.ach_matrix(other),
        escalation.forecast_questions_view(other),
        escalation.forecast_exercise(other),
        escalation.forecast_chart(other),
        escalation.troop_estimates_view(other),
    ):
        assert isinstance(shown, Message) and "skipped" in shown.text


def test_reference_sections_for_the_course_article(article, answers):
    course = session_of(article)
    assert isinstance(escalation.ladder_exercise(course), escalation.LadderExercise)
    assert isinstance(escalation.ach_matrix(course), escalation.ACHMatrix)
    assert "estimate_high" in escalation.troop_estimates_view(course).data
    assert "¶3.1, ¶6.2" in escalation.hypotheses_view(course).data
    chart = escalation.forecast_chart(course)
    assert isinstance(chart, Message) and "once you have locked" in chart.text
    exercise = escalation.forecast_exercise(course)
    exercise.lock()
    chart = escalation.forecast_chart(course)
    assert isinstance(chart, Chart) and list(chart.table["forecast"]) == [0.5] * 6


def test_plot_ladder_takes_the_units():
    units = escalation.ladder_units()
    chart = escalation.plot_ladder(units.head(3))
    assert "rungs in 3 units" in chart.alt and len(chart.table) == 3


# -- the general rules, on a small invented article -------------------------------------------------

SMALL = """Russia warned on Monday that it would respond to any attack.

Ukraine and Russia met in Geneva. President Joe Biden said the talks were "useful".

Unconfirmed reports suggest Russia may send 5,000 more troops. According to officials, nearly 40 people were hurt."""


@pytest.fixture(scope="module")
def small():
    return helpers.parse_text(SMALL)


def test_small_cue_roles(small):
    cues = escalation.hedge_cues(small)
    assert list(cues["role"]) == ["speculative", "speculative", "names a source", "approximator"]


def test_small_certainty_rule(small):
    table = escalation.certainty_table(small).set_index("sentence_id")
    assert table["category"].to_dict() == {
        "1.1": "reported",
        "2.1": "unhedged",
        "2.2": "reported",
        "3.1": "speculative",
        "3.2": "reported",
    }
    assert table.loc["2.2", "attributed_to"] == "Joe Biden"
    assert table.loc["3.2", "cues"] == "According to; nearly"
    counts = escalation.certainty_counts(escalation.certainty_table(small))
    assert counts.to_dict("list") == {
        "paragraph": [1, 2, 3],
        "unhedged": [0, 1, 0],
        "reported": [1, 1, 1],
        "speculative": [0, 0, 1],
        "total": [1, 2, 2],
    }


def test_small_layers_and_signals(small):
    layers = escalation.hedge_layers(small)
    assert list(layers.loc[layers["sentence_id"] == "3.1", "layer"]) == ["who says so", "how sure"]
    assert list(escalation.signal_statements(small)["cite"]) == ["¶1.1"]
    page = escalation.hedges_view(escalation.certainty_table(small), small).data
    assert "1 speculative sentences" in page and "<mark>may</mark>" in page


# -- forecasts: two-step lock, undo before the reveal, reasons, the window, C9 after the reveal -------


def _other_answers(session: Session) -> None:
    """Answers of notebook 4 that are not forecasts: a ladder unit and an ACH mark."""
    store = helpers.notebook.exercises.store_for(session.notebook)
    store.set("ladder.us_decision", 2)
    store.set("ach.E1.H1", "C")


def test_locking_asks_first_and_can_be_cancelled(answers):
    exercise = escalation.ForecastExercise(session_of(helpers.parse_text("A sentence.")))
    exercise.sliders["q1"].value = 0.8
    exercise.lock_button.click()
    assert exercise.confirm_box.layout.display == "flex" and not exercise.is_locked
    assert "q1 0.80" in exercise.confirm_text.value and "No reason yet for q1" in exercise.confirm_text.value
    exercise.cancel_button.click()
    assert exercise.confirm_box.layout.display == "none" and not exercise.is_locked
    assert not exercise.sliders["q1"].disabled
    exercise.lock_button.click()
    exercise.confirm_button.click()
    assert exercise.is_locked and exercise.confirm_box.layout.display == "none"


def test_unlock_before_the_reveal_keeps_every_other_answer(answers):
    session = session_of(helpers.parse_text("A sentence."))
    _other_answers(session)
    exercise = escalation.ForecastExercise(session)
    assert exercise.unlock_button.disabled  # nothing to undo yet
    exercise.lock_button.click()
    exercise.confirm_button.click()
    assert not exercise.unlock_button.disabled
    exercise.unlock_button.click()
    assert not exercise.is_locked and not exercise.sliders["q2"].disabled
    exercise.sliders["q2"].value = 0.35
    saved = json.loads((answers / "04_escalation.json").read_text())
    assert saved["answers"]["q2"]["value"] == 0.35
    assert saved["answers"]["ladder.us_decision"]["value"] == 2 and saved["answers"]["ach.E1.H1"]["value"] == "C"
    assert not any(key.startswith("q") for key in saved["locked"])


def test_after_the_reveal_only_the_teacher_can_unlock(answers):
    import helpers.notebook.answering

    session = session_of(helpers.parse_text("A sentence."))
    _other_answers(session)
    exercise = escalation.ForecastExercise(session)
    exercise.lock_button.click()
    exercise.confirm_button.click()
    exercise.reveal_button.click()
    assert exercise.is_revealed and exercise.unlock_button.disabled
    assert exercise.unlock() is False and exercise.is_locked
    helpers.notebook.answering._STORES.clear()  # a kernel restart keeps the reveal
    again = escalation.ForecastExercise(session)
    assert again.is_revealed and again.unlock_button.disabled and again.is_locked
    # the teacher's reset: forecasts open again, the reveal forgotten, every other answer kept
    escalation.reset_forecasts(again.store)
    saved = json.loads((answers / "04_escalation.json").read_text())
    assert escalation.REVEALED not in saved["answers"] and not saved["locked"]
    assert saved["answers"]["q1"]["value"] == 0.5 and saved["answers"]["ach.E1.H1"]["value"] == "C"
    fresh = escalation.ForecastExercise(session)
    assert not fresh.is_locked and not fresh.sliders["q1"].disabled


def test_reasons_are_saved_locked_and_restored(answers):
    import helpers.notebook.answering

    exercise = escalation.ForecastExercise(session_of(helpers.parse_text("A sentence.")))
    exercise.reasons["q1"].value = "The decision was reported on 17 Nov (A3); ¶5.2 says Kursk first."
    saved = json.loads((answers / "04_escalation.json").read_text())
    reason = escalation.reason_id("q1")
    assert saved["answers"][reason]["value"].startswith("The decision")
    assert saved["questions"][reason].startswith("Reason for the forecast: Will Ukraine fire ATACMS")
    exercise.lock_button.click()
    exercise.confirm_button.click()
    assert exercise.reasons["q1"].disabled and exercise.store.is_locked(reason)
    helpers.notebook.answering._STORES.clear()
    again = escalation.ForecastExercise(session_of(helpers.parse_text("A sentence.")))
    assert again.reasons["q1"].value.startswith("The decision") and again.reasons["q1"].disabled
    assert escalation.reason_id("q6") in again.store.export()["locked"]  # an empty reason is locked too


def test_ladder_reasons_are_saved(article, answers):
    exercise = escalation.LadderExercise(session_of(article))
    assert set(exercise.reasons) == set(exercise.dropdowns)
    exercise.dropdowns["us_decision"].value = 1
    exercise.reasons["us_decision"].value = "A permission, not yet a strike."
    exercise.reveal_button.click()
    assert "have no reason yet" in exercise.status.value
    saved = json.loads((answers / "04_escalation.json").read_text())
    assert saved["answers"]["ladder.us_decision.reason"]["value"] == "A permission, not yet a strike."
    assert saved["questions"]["ladder.us_decision.reason"].startswith("Reason for the ladder unit of")


def test_the_window_opens_on_the_reference_date(answers):
    from datetime import date

    from helpers.curated import REFERENCE_DATE

    assert escalation.window_start(date(2024, 11, 18)) == "18 Nov 2024"
    opening = escalation.window_start(REFERENCE_DATE)
    exercise = escalation.ForecastExercise(session_of(helpers.parse_text("A sentence.")))
    labels = [box.children[0].value for box in exercise.widget.children[1:7]]
    assert all(f"days from {opening}, the article's day" in label for label in labels)
    label = escalation.question_label("q<1>", "<img src=x> $5", "<7>")
    assert "<img" not in label and "&lt;img" in label and "&lt;7&gt;" in label and "tex2jax_ignore" in label


def test_the_notebook_states_the_reference_date_for_the_forecasts():
    from datetime import timedelta

    import nbformat

    from helpers.curated import REFERENCE_DATE

    from ..conftest import ROOT

    nb = nbformat.read(ROOT / "notebooks" / "04_escalation.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    day = f"{REFERENCE_DATE.day} {REFERENCE_DATE:%B %Y}"
    later = REFERENCE_DATE + timedelta(days=1)
    assert f"after {day}" in text and f"On the article's day, {day}" in text
    assert f"{later.day} {later:%B %Y}, the article's day" not in text


def test_a_score_worse_than_a_coin_flip_is_not_green(answers):
    exercise = escalation.ForecastExercise(session_of(helpers.parse_text("A sentence.")))
    for qid, value in {"q1": 0.0, "q2": 0.0, "q3": 0.0, "q4": 0.0, "q5": 1.0, "q6": 1.0}.items():
        exercise.sliders[qid].value = value
    exercise.lock()
    exercise.reveal()
    assert "worse than" in exercise.status.value and "course-warning" in exercise.status.value
    assert "course-ok" not in exercise.status.value


def test_trumps_view_comes_only_after_the_reveal(article, answers):
    fact = load_table("facts").set_index("fact_id").loc["C9", "fact"]
    course = session_of(article)
    exercise = escalation.forecast_exercise(course)
    assert exercise.result.value == ""
    page = "".join(getattr(w, "value", "") for w in exercise.widget.children if hasattr(w, "value"))
    assert "vehemently" not in page
    exercise.lock()
    exercise.reveal()
    assert html_text(html.escape(fact)) in html_text(exercise.result.value)
    assert "fact C9" in exercise.result.value


# -- certainty: unhedged beside the fact sheet --------------------------------------------------------


def test_the_unhedged_first_sentence_beside_fact_x6(article):
    page = escalation.beside_fact(session_of(article)).data
    assert "¶1.1" in page and "unhedged" in page and "X6" in page
    assert "never formally announced" in page and "has approved" in page
    other = escalation.beside_fact(session_of(helpers.load_article(OTHER_ARTICLES[0])))
    assert isinstance(other, Message) and "skipped" in other.text


# -- the end of the course ---------------------------------------------------------------------------


def test_the_full_timeline_waits_for_the_reveal(article, answers):
    from helpers.curated import REFERENCE_DATE

    course = session_of(article)
    before = escalation.full_timeline(course)
    assert isinstance(before, Message) and "Reveal what happened" in before.text
    exercise = escalation.forecast_exercise(course)
    exercise.lock()
    exercise.reveal()
    chart = escalation.full_timeline(course)
    assert isinstance(chart, Chart)
    assert (chart.table["date"] > pd.Timestamp(REFERENCE_DATE)).any()  # what came next is on it now
    other = escalation.full_timeline(session_of(helpers.load_article(OTHER_ARTICLES[0])))
    assert isinstance(other, Message) and "skipped" in other.text


def test_the_look_back_shows_the_answer_of_notebook_00(answers):
    empty = escalation.earlier_expectation().data
    assert "did not answer it" in empty
    helpers.notebook.exercises.store_for("00_start_here").set("expectations", "Check <b>the troops</b> $5")
    shown = escalation.earlier_expectation().data
    assert "&lt;b&gt;the troops&lt;/b&gt;" in shown and "<b>the troops" not in shown and "tex2jax_ignore" in shown
    question = escalation.look_back_question(session_of(helpers.parse_text("A sentence.")))
    assert question.question_id == "look_back" and question.notebook == "04_escalation"


def test_notebook_4_ends_the_course():
    import re

    import nbformat

    from ..conftest import ROOT

    nb = nbformat.read(ROOT / "notebooks" / "04_escalation.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in nb.cells)
    for link in re.findall(r"\]\(([\w.-]+\.ipynb)\)", text):
        assert (ROOT / "notebooks" / link).is_file(), f"04 links to {link}, which does not exist"
    assert "05_compare_sources.ipynb" in text
    for call in ("escalation.full_timeline(session)", "escalation.earlier_expectation()", "look_back_question"):
        assert call in text
    checklist = next(c.source for c in nb.cells if c.source.startswith("### A checklist"))
    assert len(re.findall(r"^\d+\. \*\*", checklist, re.M)) >= 8
    order = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("#")]
    assert order.index("## 7. The end of the course") > order.index("## 5. Forecast, then reveal")


# -- figures readable at tablet width, each chart once ----------------------------------------------


def _texts(chart: Chart) -> list:
    """The visible, non-empty text artists of a chart (titles, labels, tick labels, legend, annotations)."""
    import matplotlib.text

    return [t for t in chart.figure.findobj(matplotlib.text.Text) if t.get_visible() and t.get_text().strip()]


def _natural_width(chart: Chart) -> int:
    """The chart's width in pixels as the course saves it (100 dpi, tight box)."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    chart.figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return Image.open(io.BytesIO(buffer.getvalue())).size[0]


FORECAST_CASES = {
    "coin flips": dict.fromkeys(FORECASTS, 0.5),
    "sure and right or wrong": {"q1": 1.0, "q2": 0.0, "q3": 0.95, "q4": 0.02, "q5": 1.0, "q6": 0.0},
    "near the coin flip": {"q1": 0.45, "q2": 0.55, "q3": 0.5, "q4": 0.6, "q5": 0.4, "q6": 0.5},
    "mixed": FORECASTS,
    "sure of yes where it was no": {"q1": 0.9, "q2": 0.95, "q3": 0.92, "q4": 0.9, "q5": 0.95, "q6": 0.9},
}


@pytest.mark.parametrize("forecasts", FORECAST_CASES.values(), ids=list(FORECAST_CASES))
def test_forecast_chart_labels_never_touch(forecasts):
    """No text of the forecast chart overlaps another text or a dot, whatever the forecasts."""
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from helpers.notebook.session import style_figures

    questions = escalation.forecast_questions()
    table = outcomes.forecast_table(questions, forecasts)[outcomes.CHART_COLUMNS]
    with mpl.rc_context():
        style_figures()  # the sizes a notebook draws with
        chart = escalation.plot_forecasts(table)
        canvas = FigureCanvasAgg(chart.figure)
        canvas.draw()  # places every text (the legend's too) where the saved image has it
    renderer = canvas.get_renderer()
    # each text with a 2 px margin: touching labels read as one
    boxes = [(t.get_text(), t.get_window_extent(renderer).padded(2)) for t in _texts(chart)]
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1 :]:
            assert not box_a.overlaps(box_b), f"{a!r} overlaps {b!r}"
    ax = chart.figure.axes[0]
    points = [ax.transData.transform((x, y)) for c in ax.collections for x, y in c.get_offsets()]
    radius = 6  # pixels: the markers are 70-90 points² (about 8-10 px wide)
    for text, box in boxes:
        grown = box.padded(radius)
        assert not any(grown.contains(x, y) for x, y in points), f"{text!r} sits on a dot"


def test_forecast_chart_fits_a_tablet_page_with_readable_text():
    """At 768 px a page has about 620 px for a figure: the chart fits it at its size, text at 9 pt or more."""
    questions = escalation.forecast_questions()
    chart = escalation.plot_forecasts(outcomes.forecast_table(questions, FORECASTS)[outcomes.CHART_COLUMNS])
    assert _natural_width(chart) <= 620
    assert min(t.get_fontsize() for t in _texts(chart)) >= 9


def test_ladder_text_is_at_least_9_points():
    chart = escalation.plot_ladder(escalation.ladder_units())
    small = sorted({(t.get_fontsize(), t.get_text()) for t in _texts(chart) if t.get_fontsize() < 9})
    assert small == [], f"ladder text under 9 pt: {small}"


def test_notebook_4_shows_the_forecast_chart_once(answers):
    """The reveal shows the chart; the notebook does not draw it a second time in a cell of its own."""
    import re

    import nbformat

    from ..conftest import ROOT

    exercise = escalation.ForecastExercise(session_of(helpers.parse_text("A sentence.")))
    exercise.lock()
    exercise.reveal()
    assert len(re.findall(r"<img\b", exercise.result.value)) == 1
    nb = nbformat.read(ROOT / "notebooks" / "04_escalation.ipynb", as_version=4)
    code = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    assert "forecast_exercise(" in code
    assert "forecast_chart(" not in code and "plot_forecasts(" not in code


def test_the_reveal_names_each_source_page_by_its_own_headline_and_date():
    """A revealed question's source link gives the page's headline and date where source_pages.csv has them
    (q5's Kyiv Independent report), and stays the outlet alone where it has none."""
    pages = helpers.curated.source_pages()
    rows = {row["question_id"]: row for row in load_table("forecast_questions").to_dict("records")}
    shown = {qid: outcomes.reveal_row(row)["source"] for qid, row in rows.items()}
    recorded = [qid for qid, row in rows.items() if pages.get(row["url"], {}).get("title")]
    assert recorded, "no forecast source has a recorded headline"
    for qid in recorded:
        page = pages[rows[qid]["url"]]
        assert shown[qid].startswith(rows[qid]["source"] + ', "' + page["title"] + '"'), shown[qid]
    for qid, row in rows.items():
        if row["url"] not in pages:
            assert shown[qid] == row["source"]
