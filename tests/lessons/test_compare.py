"""Tests for helpers.lessons.compare (notebook 5, "Compare sources"): each comparison on small texts of its
own, on the default pair, on two real texts, on a pair with nothing in common and on a hostile text; the
paraphrase exercise and the "compare two texts" app driven from Python."""

from __future__ import annotations

import dataclasses
import shutil

import pandas as pd
import pytest

import helpers
from helpers.lessons import compare
from helpers.lessons.compare import paraphrase
from helpers.notebook.display import Chart, Message, table_html
from helpers.parse.article import Article, parse_text

from ..conftest import ROOT, SEED, TEST_ARTICLES

pytestmark = pytest.mark.usefixtures("answers_dir")

FINER = ROOT / "seeds" / "001_finer_press_gaggle_2024-11-18.txt"
FINER_SOURCE = ROOT / "seeds" / "sources" / "2024-11-18_finer_press_gaggle_rio.md"
PAIR_A = TEST_ARTICLES / "pairs" / "real_state_pda4_200m.txt"
PAIR_B = TEST_ARTICLES / "pairs" / "real_state_pda11_700m.txt"
PAYLOADS = ["<img src=x", "<script>window", "<svg onload", "<b onmouseover", '<a href="javascript:', "<iframe"]


def statements(*rows: tuple[str, str, str, str, bool]) -> pd.DataFrame:
    """A statements table from (speaker_id, speaker, verb, lemma, direct) rows; the other columns filled in."""
    return pd.DataFrame(
        [
            {"speaker_id": i, "speaker": s, "attribution": "named", "verb": v, "lemma": lemma, "content": "x",
             "direct": d, "sentence_id": "1.1", "start": 0, "end": 1, "basis": "test", "negated": False}
            for i, s, v, lemma, d in rows
        ]
    )  # fmt: skip


def article(text: str, name: str, said: pd.DataFrame | None = None) -> Article:
    parsed = parse_text(text, name)
    return parsed if said is None else dataclasses.replace(parsed, statements=said)


@pytest.fixture(scope="module")
def default_pair() -> compare.Pair:
    b = FINER if FINER.exists() else FINER_SOURCE
    return compare.Pair(helpers.load_article(SEED), helpers.load_article(b))


@pytest.fixture(scope="module")
def real_pair() -> compare.Pair:
    return compare.Pair(helpers.load_article(PAIR_A), helpers.load_article(PAIR_B))


# -- content words and similarity -------------------------------------------------------------------


def test_content_words_drop_function_words_and_join_wrapped_lines():
    assert compare.content_words("The fire was lit by Russia’s\ninvasion of Ukraine.") == {
        "fire", "lit", "russia", "invasion", "ukraine"
    }  # fmt: skip
    assert compare.content_words("U.S. aid, 1,000th day") == {"u.s", "aid", "1,000th", "day"}


def test_jaccard_is_shared_over_all_different_words():
    assert compare.jaccard({"a", "b", "c"}, {"b", "c", "d"}) == 2 / 4
    assert compare.jaccard(set(), set()) == 0.0
    assert compare.jaccard({"x"}, {"x"}) == 1.0


# -- each comparison on small texts -----------------------------------------------------------------


def test_quoted_counts_direct_and_reported_per_text_and_matches_speakers_by_id():
    a = article(
        "One sentence here.", "a", statements(("kim", "Kim", "said", "say", True), ("kim", "Kim", "said", "say", False))
    )
    b = article(
        "Another sentence.",
        "b",
        statements(("kim", "Kim", "warned", "warn", False), ("lee", "Lee", "said", "say", True)),
    )
    table = compare.quoted(compare.Pair(a, b)).set_index("speaker")
    assert table.loc["Kim", ["a_direct", "a_reported", "b_direct", "b_reported", "total"]].tolist() == [1, 1, 0, 1, 3]
    assert table.loc["Kim", "in"] == "both" and table.loc["Lee", "in"] == "only B"
    assert list(table.index) == ["Kim", "Lee"]  # most statements first


def test_reporting_verbs_by_dictionary_form_without_transcript_turns():
    a = article("One.", "a", statements(("k", "Kim", "said", "say", False), ("k", "Kim", "says", "say", False)))
    b = article("Two.", "b", statements(("k", "Kim", "", "speak", True), ("l", "Lee", "warned", "warn", False)))
    table = compare.reporting_verbs(compare.Pair(a, b)).set_index("verb")
    assert table.loc["say", ["a", "b", "in", "forms"]].tolist() == [2, 0, "only A", "said, says"]
    assert table.loc["warn", "in"] == "only B"
    assert "speak" not in table.index  # a turn under a speaker label has no reporting verb


def test_hedge_rates_are_per_100_words():
    a = parse_text("Officials might meet soon. It could rain.", "a")  # 7 words, 2 hedges
    b = parse_text("Officials met today in the capital city.", "b")
    table = compare.hedge_rates(compare.Pair(a, b)).set_index("text")
    assert table.loc["A", "words"] == 7
    assert table.loc["A", "per_100_words"] == round(100 * len(a.hedges) / 7, 1)
    assert len(a.hedges) >= 1 and table.loc["B", "hedges"] == len(b.hedges)


def test_actor_mentions_and_the_actors_only_one_text_mentions():
    a = parse_text("Russia and Ukraine met in Geneva. Russia left.", "a")
    b = parse_text("Ukraine spoke to Germany.", "b")
    pair = compare.Pair(a, b)
    table = compare.actor_mentions(pair).set_index("actor_id")
    assert table.loc["russia", ["a_mentions", "b_mentions", "in"]].tolist() == [2, 0, "only A"]
    assert table.loc["ukraine", "in"] == "both" and table.loc["germany", "in"] == "only B"
    assert set(compare.only_one(pair)["actor_id"]) == set(table.index) - {"ukraine"}
    shared = compare.shared_actors(pair)
    assert isinstance(shared, pd.DataFrame) and list(shared["actor_id"]) == ["ukraine"]


def test_numbers_and_dates_meet_by_value():
    a = parse_text("KYIV, November 18, 2024 - Officials sent 500 tanks.", "a")
    b = parse_text("KYIV, November 18, 2024 - Five hundred tanks came, and 12 trucks.", "b")
    table = compare.numbers_and_dates(compare.Pair(a, b))
    both = table[table["in"] == "both"]
    assert "2024-11-18" in set(both["value"])
    assert set(table.loc[table["in"] == "only B", "value"]) >= {"12 trucks"}
    assert all("¶" in cell for cell in both["a"]) and all("¶" in cell for cell in both["b"])


def test_closest_counterparts_show_score_shared_words_and_what_only_a_says():
    a = parse_text("Farmers harvested wheat early. Bankers met quietly.", "a")
    b = parse_text("Rain fell. Farmers harvested barley early.", "b")
    table = compare.closest_counterparts(compare.Pair(a, b))
    first = table.iloc[0]
    assert (first["citation_b"], first["shared"], first["only_in_a"]) == ("¶1.2", "early, farmers, harvested", "wheat")
    assert first["score"] == round(3 / 5, 2)
    second = table.iloc[1]
    assert second["citation_b"] == "" and second["score"] == 0.0  # nothing shared: no counterpart
    summary = compare.coverage_summary(table).set_index("counterpart")["sentences"]
    assert summary.tolist() == [1, 0, 1]


def test_best_matches_are_sorted_and_never_zero():
    b = parse_text("Rain fell. Farmers harvested barley early. Farmers slept.", "b")
    table = compare.best_matches(b, "Farmers harvested wheat early.", top=5)
    assert list(table["citation"]) == ["¶1.2", "¶1.3"] and table["score"].is_monotonic_decreasing


# -- charts and the pair with nothing in common ----------------------------------------------------


def test_a_pair_with_nothing_in_common_gets_messages_not_empty_figures():
    a = parse_text("Farmers in Kenya harvested wheat early in the season.", "a")
    b = parse_text("The orchestra of Norway played Mahler twice.", "b")
    pair = compare.Pair(a, b)
    assert isinstance(compare.shared_actors(pair), Message)
    chart = compare.plot_shared_actors(compare.actor_mentions(pair), pair.labels)
    assert isinstance(chart, Message) and "These texts share no actors" in chart.text
    assert isinstance(compare.plot_quoted(compare.quoted(pair)), Message)
    assert (compare.closest_counterparts(pair)["score"] == 0).all()
    assert "These texts share no actors" in compare.comparison_html(pair)


def test_charts_have_alt_text_tables_and_readable_fonts(default_pair):
    for chart in (
        compare.plot_quoted(compare.quoted(default_pair), default_pair.labels),
        compare.plot_shared_actors(compare.actor_mentions(default_pair), default_pair.labels),
    ):
        assert isinstance(chart, Chart) and len(chart.alt) > 40 and not chart.table.empty
        sizes = [t.get_fontsize() for ax in chart.figure.axes for t in ax.texts + ax.get_yticklabels()]
        assert min(sizes) >= 9
        assert "<details" in chart.bundle()["data"]["text/html"]  # the table one click away


# -- the default pair and two real texts --------------------------------------------------------------


def test_default_pair_finer_speaks_in_both(default_pair):
    table = compare.quoted(default_pair).set_index("speaker")
    assert table.loc["Jon Finer", "in"] == "both"
    verbs = compare.reporting_verbs(default_pair).set_index("verb")
    assert verbs.loc["emphasize", "in"] == "only A"  # the article's verb for him
    dates = compare.numbers_and_dates(default_pair)
    assert "2024-11-19" in set(dates.loc[dates["in"] == "both", "value"])  # "its 1,000th day" and "tomorrow"


def test_two_real_texts_share_actors_and_numbers(real_pair):
    shared = compare.shared_actors(real_pair)
    assert isinstance(shared, pd.DataFrame) and "ukraine" in set(shared["actor_id"])
    assert len(compare.closest_counterparts(real_pair)) == len(real_pair.a.sentences)
    assert (compare.closest_counterparts(real_pair)["score"] > 0).any()
    assert not compare.numbers_and_dates(real_pair).empty
    assert isinstance(compare.plot_shared_actors(compare.actor_mentions(real_pair), real_pair.labels), Chart)


def test_the_same_text_twice_is_a_clear_error(tmp_path):
    session = helpers.start(SEED, notebook=compare.NOTEBOOK)
    copy = tmp_path / "copy.txt"
    shutil.copy(SEED, copy)
    with pytest.raises(compare.SameTextError, match="same text"):
        compare.load_pair(session, copy)


# -- hostile text: every table escaped ---------------------------------------------------------------


def test_hostile_text_is_escaped_everywhere():
    pair = compare.Pair(helpers.load_article(TEST_ARTICLES / "hostile_markup.txt"), helpers.load_article(SEED))
    pieces = [compare.comparison_html(pair)]
    pieces += [table_html(f(pair)) for f in (compare.quoted, compare.closest_counterparts, compare.numbers_and_dates)]
    chart = compare.plot_shared_actors(compare.actor_mentions(pair), pair.labels)
    pieces.append(chart.bundle()["data"]["text/html"] if isinstance(chart, Chart) else chart._repr_html_())
    text = "\n".join(pieces)
    assert "&lt;img src=x" in text or "&lt;script&gt;" in text
    for payload in PAYLOADS:
        assert payload not in text


# -- the paraphrase exercise ---------------------------------------------------------------------------


def test_paraphrase_passages_are_found_in_the_texts(default_pair):
    found = paraphrase.passages(default_pair)
    assert found is not None
    assert "Finer" in found.article[1] and "emphasized" in found.article[1]
    assert "not confirming any decisions" in found.confirm[1]
    assert "fire was lit" in found.fire[1]
    table = compare.wording(default_pair)
    assert isinstance(table, pd.DataFrame)
    words = table.set_index("word")["in_transcript"]
    assert words["emphasized"] == "no" and words["washington"] == "no" and words["respond"] == "yes"
    model = compare.model_answers(default_pair)
    assert isinstance(model, pd.DataFrame)
    answers = model.set_index("question")["model_answer"]
    assert "not confirming" in answers["confirm"] and "lit" in answers["left_out"]


def test_paraphrase_exercise_skips_any_other_pair(real_pair):
    for result in (
        compare.side_by_side(real_pair),
        compare.wording(real_pair),
        compare.model_answers(real_pair),
        compare.wording_question(real_pair),
        compare.confirm_question(real_pair),
        compare.left_out_question(real_pair),
    ):
        assert isinstance(result, Message) and "default pair" in result.text


def test_confirm_question_driven_like_a_student(default_pair):
    question = compare.confirm_question(default_pair)
    assert not isinstance(question, Message)
    question.input.value = paraphrase.CONFIRM_OPTIONS[0]
    question.button.click()
    assert "Not quite" in question.status.value
    question.input.value = paraphrase.CONFIRM_OPTIONS[1]
    question.button.click()
    assert "Yes." in question.status.value and "confirming" in question.status.value
    store = helpers.notebook.answering.store_for(compare.NOTEBOOK)
    assert store.get("paraphrase.confirm") == paraphrase.CONFIRM_OPTIONS[1]


def test_evidence_feedback_names_the_transcript_words_used(default_pair):
    question = compare.left_out_question(default_pair)
    assert not isinstance(question, Message)
    question.input.value = "He said the fire was lit by the invasion, and the article leaves that out."
    question.button.click()
    assert "fire" in question.status.value and "invasion" in question.status.value
    question.input.value = "Something about the weather and other matters entirely."
    question.button.click()
    assert "does not yet use any word" in question.status.value
    question.input.value = "Too short."
    question.button.click()
    assert "Write at least" in question.status.value


# -- code-exercise feedback ---------------------------------------------------------------------------


def test_check_only_b(default_pair):
    actors = compare.actor_mentions(default_pair)
    assert compare.check_only_b(default_pair, None).kind == "info"
    assert compare.check_only_b(default_pair, actors[actors["in"] == "only B"]).kind == "ok"
    wrong = compare.check_only_b(default_pair, actors[actors["in"] != "both"])
    assert wrong.kind == "warning" and "text A mentions too" in wrong.text
    assert compare.check_only_b(default_pair, 3).kind == "warning"


def test_check_least_covered(default_pair):
    table = compare.closest_counterparts(default_pair)
    assert compare.check_least_covered(default_pair, table.sort_values("score").head(5)).kind == "ok"
    assert "sorted" in compare.check_least_covered(default_pair, table.sort_values("score").head(5)[::-1]).text
    assert compare.check_least_covered(default_pair, table.sort_values("score").head(3)).kind == "warning"


# -- the "compare two texts" app ------------------------------------------------------------------------


def test_app_compares_two_chosen_texts(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(PAIR_A, folder / "a.txt")
    shutil.copy(PAIR_B, folder / "b.txt")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    app = compare.CompareApp(folder, first="a.txt", second="b.txt")
    assert "Comparing a (A) with b (B)" in app.status.value and "Who is quoted" in app.view.value
    app.second.value = folder / "a.txt"
    assert "same file" in app.status.value and app.view.value == ""
    app.second.value = folder / "empty.txt"
    assert "course-error" in app.status.value and "empty" in app.status.value.lower()
    app.first.value = None
    assert "Choose two texts" in app.status.value


def test_app_lists_the_seed_files():
    names = [path.name for path in compare.seed_files()]
    assert "000_0c51e7aa6578d068.txt" in names and names == sorted(names)


# -- the notebook on other texts, and as a student copy --------------------------------------------------

NOTEBOOK_PATH = ROOT / "notebooks" / "05_compare_sources.ipynb"


def run_notebook(tmp_path, monkeypatch, seed_a=None, seed_b=None, student=False) -> str:
    """Run notebook 5 in a fresh kernel (texts set after the parameters cell, as a teacher would); its HTML."""
    import json

    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK_PATH, as_version=4)
    if student:
        nb.cells = [c for c in nb.cells if "solution" not in c.metadata.get("tags", [])]
    index = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    settings = [f"SEED_A = {str(seed_a)!r}" if seed_a else "", f"SEED_B = {str(seed_b)!r}" if seed_b else ""]
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell("\n".join(settings)))
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    NotebookClient(
        nb, timeout=120, kernel_name="python3", store_widget_state=True,
        resources={"metadata": {"path": str(ROOT / "notebooks")}},
    ).execute()  # fmt: skip
    parts = [str(o.get("data", {}).get("text/html", "")) for c in nb.cells for o in c.get("outputs", [])]
    return "\n".join([*parts, json.dumps(nb.metadata.get("widgets", {}))])


@pytest.mark.slow
def test_notebook_on_a_hostile_text_and_a_real_one(tmp_path, monkeypatch):
    text = run_notebook(tmp_path, monkeypatch, TEST_ARTICLES / "hostile_markup.txt", PAIR_B)
    for payload in PAYLOADS:
        assert payload not in text
    assert "This exercise is for the default pair" in text


@pytest.mark.slow
def test_notebook_on_two_real_texts_as_a_student_copy(tmp_path, monkeypatch):
    text = run_notebook(tmp_path, monkeypatch, PAIR_A, PAIR_B, student=True)
    assert "real_state_pda4_200m" in text and "This exercise is for the default pair" in text
    assert "Not done yet" in text  # the exercises wait for the student's code


@pytest.mark.slow
def test_notebook_on_a_pair_with_nothing_in_common(tmp_path, monkeypatch):
    text = run_notebook(tmp_path, monkeypatch, TEST_ARTICLES / "synthetic_harbour_strike.txt",
                        TEST_ARTICLES / "real_wikinews_20190915_saudi_oil_drone_attacks.txt")  # fmt: skip
    assert "These texts share no actors" in text
