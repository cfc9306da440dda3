"""Classroom tools: the class summary on a synthetic class, submissions, student copies, the site, the apps.

The expected numbers below are worked out by hand from tests/submissions/make_submissions.py (never taken
from the code under test). Outcomes of forecast_questions.csv q1..q6: yes, yes, yes, yes, no, no = 1,1,1,1,0,0.
Reference stances of the 12 statements (reference_coding.csv, article order), S/O/N = supports/opposes/not
about the decision: 3.2 N, 4.1condemned O, 4.1warning O, 4.2 O, 4.3 O, 5.1suggested N, 5.1stating S, 6.1 S,
6.2 S, 8.2promised N, 8.2claimed N, 9.1 N  ->  counts S 3, O 4, N 5.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from markupsafe import escape
from nbclient import NotebookClient

from helpers import classroom
from helpers.classroom import ClassroomError, collect_submissions
from helpers.classroom.site import index_html, site_js_installed
from helpers.classroom.site_layout import page_label
from helpers.notebook.answers import AnswerStore
from helpers.notebook.display import Chart

from ..conftest import ROOT

SUBMISSIONS = ROOT / "tests" / "submissions"
sys.path.insert(0, str(SUBMISSIONS))
import make_submissions  # noqa: E402  (the generator of the synthetic class)

S, O, N = classroom.STANCES


@pytest.fixture(scope="module")
def answers(tmp_path_factory) -> pd.DataFrame:
    folder = tmp_path_factory.mktemp("class")
    make_submissions.write(folder)
    return classroom.load_class(folder)


# -- the synthetic class ------------------------------------------------------------------------


def test_committed_submissions_are_what_the_script_writes(tmp_path):
    make_submissions.write(tmp_path)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.json"))
    committed = sorted(p.relative_to(SUBMISSIONS) for p in SUBMISSIONS.rglob("*.json"))
    assert made == committed and len(made) == 26
    for relative in made:
        assert (tmp_path / relative).read_bytes() == (SUBMISSIONS / relative).read_bytes(), relative


def test_conventions_match_the_course_modules():
    from helpers.lessons import escalation, positions

    assert classroom.STANCE_NOTEBOOK == positions.NOTEBOOK
    assert tuple(classroom.STANCES) == tuple(positions.STANCES)
    assert classroom.FORECAST_NOTEBOOK == escalation.NOTEBOOK


def test_the_reference_ids_are_the_stance_coder_ids(seed_article):
    from helpers.lessons import positions

    coder_ids = set(positions.StanceCoder(seed_article).dropdowns)
    assert set(classroom.reference_stances().index) == coder_ids == set(make_submissions.STANCE_IDS)


def test_broken_file_is_listed_not_fatal(answers):
    skipped = classroom.skipped_files(answers)
    assert skipped.to_dict("records") == [
        {"file": "fatima/03_actor_positions.json", "reason": "damaged: not valid JSON"}
    ]
    assert sorted(answers["student"].unique()) == ["ana", "ben", "carla", "dev", "emil", "fatima"]
    assert "1 file(s) could not be read" in classroom.class_overview(answers)


def test_completion_by_hand(answers):
    # Questions anyone answered: start_here 2, context 3, timeline 5 (order.1-3, undatable, reflection),
    # 03_actor_positions 13 (12 stances + actors.most_sentences), 04_escalation 7 (q1-q6 + deterrence).
    # dev's "expectations" is "" and his 7th stance "(choose)": neither counts. emil's q4 "70%" counts as answered.
    table = classroom.completion_table(answers)
    answered = table.pivot(index="student", columns="notebook", values="answered")
    expected = {  # start_here, context, timeline, 03, 04
        "ana": [2, 3, 5, 13, 7],
        "ben": [2, 3, 5, 13, 6],
        "carla": [2, 2, 0, 12, 7],
        "dev": [1, 3, 3, 6, 6],
        "emil": [2, 0, 0, 12, 4],
        "fatima": [2, 3, 5, 0, 0],
    }
    order = ["00_start_here", "01_context", "02_timeline", "03_actor_positions", "04_escalation"]
    assert {s: answered.loc[s, order].tolist() for s in expected} == expected
    questions = table.groupby("notebook")["questions"].first()
    assert questions[order].tolist() == [2, 3, 5, 13, 7]
    percent = table.set_index(["student", "notebook"])["percent"]
    assert percent["dev", "03_actor_positions"] == round(100 * 6 / 13, 1) == 46.2
    assert percent["emil", "04_escalation"] == round(100 * 4 / 7, 1) == 57.1


def test_forecasts_by_hand(answers):
    forecasts = classroom.forecast_table(answers)
    # emil's q4 is the text "70%": left out and listed.
    assert forecasts.attrs["invalid"] == [("emil", "q4", "70%")]
    scores = classroom.forecast_scores(forecasts).set_index("student")
    # ana  0.9 0.8 0.6 0.7 0.2 0.3: .01+.04+.16+.09+.04+.09 = .43 / 6 = 0.071667
    # ben  0.5 x6: each .25 -> 0.25 (exactly the baseline, so not better)
    # carla 0.2 0.3 0.1 0.4 0.8 0.6: .64+.49+.81+.36+.64+.36 = 3.30 / 6 = 0.55
    # dev  1.0 0.9 0.5 0.8 0.0 0.1: 0+.01+.25+.04+0+.01 = .31 / 6 = 0.051667
    # emil 0.7 0.6 0.4 (q1-q3 only): .09+.16+.36 = .61 / 3 = 0.203333
    hand = {"ana": 0.43 / 6, "ben": 0.25, "carla": 3.30 / 6, "dev": 0.31 / 6, "emil": 0.61 / 3}
    assert list(scores.index) == list(hand)
    for student, value in hand.items():
        assert scores.loc[student, "brier"] == pytest.approx(value, abs=1e-12)
        assert scores.loc[student, "baseline"] == pytest.approx(0.25)
    assert scores["questions"].tolist() == [6, 6, 6, 6, 3]
    assert scores["locked"].tolist() == [6, 6, 6, 6, 0]
    assert scores["better_than_baseline"].tolist() == [True, False, False, True, True]
    # class mean = (0.071667 + 0.25 + 0.55 + 0.051667 + 0.203333) / 5 = 1.126667 / 5 = 0.225333
    assert classroom.class_mean_brier(scores.reset_index()) == pytest.approx(1.126667 / 5, abs=1e-6)
    assert "0.225" in classroom.forecast_message(scores.reset_index())


def test_forecast_spread_by_hand(answers):
    spread = classroom.forecast_spread(classroom.forecast_table(answers)).set_index("question_id")
    # q1: 0.9, 0.5, 0.2, 1.0, 0.7 -> n 5, min 0.2, median 0.7, max 1.0; q4: 0.7 0.5 0.4 0.8 -> median 0.6
    assert spread.loc["q1", ["forecasts", "min", "median", "max"]].tolist() == [5, 0.2, 0.7, 1.0]
    assert spread.loc["q4", "forecasts"] == 4 and spread.loc["q4", "median"] == pytest.approx(0.6)
    assert spread["outcome"].tolist() == [1, 1, 1, 1, 0, 0]


def test_stance_against_reference_by_hand(answers):
    codes = classroom.stance_codes(answers)
    assert list(codes.columns) == ["ana", "ben", "carla", "dev", "emil"]  # fatima's file is broken
    assert codes["dev"].notna().sum() == 6  # the 7th was reset to "(choose)"
    table = classroom.stance_agreement(codes).set_index("student")
    # ana = reference: 12/12, kappa 1.
    # ben: S on 5.1suggested and 8.2promised (reference N): 10/12; ben S5 O4 N3 vs ref S3 O4 N5:
    #   chance = 5*3 + 4*4 + 3*5 = 46 (of 144); kappa = (10*12 - 46) / (144 - 46) = 74/98.
    # carla: all O: 4/12; chance = 12*4 = 48; kappa = (4*12 - 48) / (144 - 48) = 0.
    # dev: first 6 items N N O O O N vs ref N O O O O N: 5/6; dev N3 O3, ref N2 O4: chance = 3*2 + 3*4 = 18;
    #   kappa = (5*6 - 18) / (36 - 18) = 12/18.
    # emil: S and O swapped: 5/12 (the N's); emil S4 O3 N5: chance = 4*3 + 3*4 + 5*5 = 49;
    #   kappa = (5*12 - 49) / (144 - 49) = 11/95.
    hand = {
        "ana": (12, 100.0, 1.0),
        "ben": (12, 1000 / 12, 74 / 98),
        "carla": (12, 400 / 12, 0.0),
        "dev": (6, 500 / 6, 12 / 18),
        "emil": (12, 500 / 12, 11 / 95),
    }
    for student, (n, agreement, kappa) in hand.items():
        assert table.loc[student, "statements"] == n
        assert table.loc[student, "agreement_pct"] == pytest.approx(agreement)
        assert table.loc[student, "kappa"] == pytest.approx(kappa)


def test_pairwise_kappa_by_hand(answers):
    pairs = classroom.pairwise_kappa(classroom.stance_codes(answers))
    kappa = {(a, b): k for a, b, k in zip(pairs["student_a"], pairs["student_b"], pairs["kappa"])}
    # Pairs with ana are the reference values above. Others:
    # ben-carla: carla all O, ben O4: chance 12*4 = 48, agreements 4 -> (48-48)/(144-48) = 0.
    # ben-dev (dev's 6): ben N O O O O S, dev N N O O O N: 4/6; ben N1 O4 S1, dev N3 O3: chance 3+12 = 15;
    #   (4*6-15)/(36-15) = 9/21.
    # ben-emil: agree only on 3.2, 8.2claimed, 9.1: 3/12; ben S5 O4 N3, emil S4 O3 N5: chance 20+12+15 = 47;
    #   (3*12-47)/(144-47) = -11/97.
    # carla-dev: 3/6, chance O 6*3 = 18 -> 0.   carla-emil: 3/12, chance 12*3 = 36 -> 0.
    # dev-emil: dev N N O O O N, emil N S S S S N: 2/6; dev N3 O3, emil N2 S4: chance 6; (12-6)/(36-6) = 1/5.
    hand = {
        ("ana", "ben"): 74 / 98,
        ("ana", "carla"): 0.0,
        ("ana", "dev"): 12 / 18,
        ("ana", "emil"): 11 / 95,
        ("ben", "carla"): 0.0,
        ("ben", "dev"): 9 / 21,
        ("ben", "emil"): -11 / 97,
        ("carla", "dev"): 0.0,
        ("carla", "emil"): 0.0,
        ("dev", "emil"): 1 / 5,
    }
    assert kappa.keys() == hand.keys()
    for pair, value in hand.items():
        assert kappa[pair] == pytest.approx(value), pair
    # mean of the 10: (0.755102 + 0 + 0.666667 + 0.115789 + 0 + 0.428571 - 0.113402 + 0 + 0 + 0.2) / 10
    assert classroom.mean_pairwise_kappa(pairs) == pytest.approx(2.052727 / 10, abs=1e-6)
    assert classroom.pairwise_kappa(classroom.stance_codes(answers), min_items=7).shape[0] == 6  # no dev pairs


def test_invalid_answers_are_listed(answers):
    table = classroom.invalid_answers(classroom.forecast_table(answers), classroom.stance_codes(answers))
    assert table.to_dict("records") == [
        {"student": "emil", "notebook": "04_escalation", "question_id": "q4", "value": "'70%'"}
    ]


def test_figures_have_alt_text_with_the_numbers(answers):
    forecasts = classroom.forecast_table(answers)
    scores = classroom.forecast_scores(forecasts)
    codes = classroom.stance_codes(answers)
    agreement, pairs = classroom.stance_agreement(codes), classroom.pairwise_kappa(codes)
    figures = [
        classroom.plot_completion(classroom.completion_table(answers)),
        classroom.plot_forecasts(forecasts),
        classroom.plot_brier(scores),
        classroom.plot_stance_agreement(agreement, pairs),
    ]
    for chart in figures:
        assert isinstance(chart, Chart)
        axes = chart.figure.axes[0]
        assert axes.get_title() and axes.get_xlabel() and axes.get_ylabel()
        assert len(chart.alt) > 40 and not chart.table.empty
    assert "carla 0.550 over 6 question(s)" in figures[2].alt
    # q5: ana 0.2, ben 0.5, carla 0.8, dev 0.0 (emil stopped at q4) -> median (0.2 + 0.5) / 2 = 0.35
    assert "q5: outcome no, 4 forecasts from 0 to 0.8 (median 0.35)" in figures[1].alt
    assert "ben 0.76 (83% on 12 statements)" in figures[3].alt


def test_empty_class_gives_messages_not_errors(tmp_path):
    empty = classroom.load_class(tmp_path)
    forecasts, codes = classroom.forecast_table(empty), classroom.stance_codes(empty)
    scores = classroom.forecast_scores(forecasts)
    agreement, pairs = classroom.stance_agreement(codes), classroom.pairwise_kappa(codes)
    for chart in (
        classroom.plot_completion(classroom.completion_table(empty)),
        classroom.plot_forecasts(forecasts),
        classroom.plot_brier(scores),
        classroom.plot_stance_agreement(agreement, pairs),
    ):
        assert "no " in chart.alt.lower()
    assert classroom.forecast_message(scores) == "No student has made a forecast yet."
    assert classroom.stance_message(agreement, pairs) == "No student has coded a statement yet."


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ClassroomError, match="does not exist.*Set SUBMISSIONS"):
        classroom.load_class(tmp_path / "nowhere")


def test_conflicting_answers_are_listed_not_settled_by_saved_times(tmp_path):
    old = make_submissions.answers_file("04_escalation", "ana", {"q1": 0.1, "q2": 0.3}, day=1, locked=True)
    new = make_submissions.answers_file("04_escalation", "ana", {"q1": 0.9, "q2": 0.3}, day=9)
    new["answers"]["q1"]["saved"] = "2099-01-01T00:00:00+00:00"  # a student can write any time here
    odd = make_submissions.answers_file("04_escalation", "$\\alpha$ <b>x</b>", {"q1": 0.5}, day=2)
    for name, data in (("a/old.json", old), ("b/new.json", new), ("c/odd.json", odd)):
        (tmp_path / name).parent.mkdir()
        (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
    table = classroom.load_class(tmp_path)
    assert table.attrs["duplicates"] == 1  # q2: the same 0.3 in both files counts once, and is not locked
    assert table[["student", "question_id", "value", "locked"]].values.tolist() == [
        ["$\\alpha$ <b>x</b>", "q1", 0.5, False],
        ["ana", "q2", 0.3, False],
    ]
    conflicts = classroom.conflicting_answers(table)
    assert conflicts[["student", "question_id", "file", "value"]].values.tolist() == [
        ["ana", "q1", "a/old.json", "0.1"],
        ["ana", "q1", "b/new.json", "0.9"],
    ]
    assert "1 answer(s) given differently in two files, left out (listed at the end)" in classroom.class_overview(table)
    assert classroom.forecast_table(table).query("student == 'ana'")["question_id"].tolist() == ["q2"]
    classroom.plot_brier(classroom.forecast_scores(classroom.forecast_table(table))).figure.savefig(tmp_path / "f.png")


def test_labels_from_files_are_not_mathtext(tmp_path):
    hostile = ["$\\frac{$", "$x^{$", "_hidden", "a$b$c$"]
    for k, name in enumerate(hostile):
        (tmp_path / str(k)).mkdir()
        forecasts = make_submissions.answers_file("04_escalation", name, {"q1": 0.5, "q2": 0.4}, day=1)
        stances = make_submissions.answers_file(
            "03_actor_positions", name, dict.fromkeys(make_submissions.STANCE_IDS, S), day=1
        )
        (tmp_path / str(k) / "f.json").write_text(json.dumps(forecasts), encoding="utf-8")
        (tmp_path / str(k) / "s.json").write_text(json.dumps(stances), encoding="utf-8")
    odd = make_submissions.answers_file("$\\frac{$", "$\\frac{$", {"x": "y"}, day=1)
    (tmp_path / "odd.json").write_text(json.dumps(odd), encoding="utf-8")
    table = classroom.load_class(tmp_path)
    forecasts, codes = classroom.forecast_table(table), classroom.stance_codes(table)
    charts = [
        classroom.plot_completion(classroom.completion_table(table)),
        classroom.plot_forecasts(forecasts),
        classroom.plot_brier(classroom.forecast_scores(forecasts)),
        classroom.plot_stance_agreement(classroom.stance_agreement(codes), classroom.pairwise_kappa(codes)),
    ]
    for chart in charts:
        chart.figure.savefig(tmp_path / "chart.png")  # mathtext would raise ValueError on "$\\frac{$"
        shown = {t.get_text() for ax in chart.figure.axes for t in ax.get_xticklabels()}
        legend = chart.figure.axes[0].get_legend()
        shown |= {t.get_text() for t in legend.get_texts()} if legend else set()
        assert shown & {"\\$\\frac{\\$", " _hidden"}, shown
    assert "$\\frac{$" in charts[2].alt


def _answers_text(**changes) -> str:
    data = make_submissions.answers_file("04_escalation", "ana", {"q1": 0.7}, day=1)
    return json.dumps({**data, **changes})


@pytest.mark.timeout(120)
def test_hostile_files_are_listed_and_the_summary_completes(tmp_path):
    root, outside = tmp_path / "class", tmp_path / "elsewhere"
    (root / "ana").mkdir(parents=True)
    outside.mkdir()
    (root / "ana" / "04_escalation.json").write_text(_answers_text(), encoding="utf-8")
    (outside / "secret.json").write_text(_answers_text(student="eve"), encoding="utf-8")
    hostile = {
        "twice.json": _answers_text()[:-1] + ', "student": "mallory"}',
        "big.json": _answers_text(padding="x" * 2_100_000),
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "nested.json": _answers_text(answers={"q1": {"value": json.loads("[" * 40 + "]" * 40)}}),
        "nan.json": _answers_text(answers={"q1": {"value": float("nan")}}),
        "types.json": _answers_text(answers={"q1": {"value": 0.1, "saved": 5}}),
        "nameless_bundle.json": json.dumps(
            {"format": "news-course-submission", "version": 1, "student": 3, "notebooks": [json.loads(_answers_text())]}
        ),
    }
    for name, text in hostile.items():
        (root / name).write_text(text, encoding="utf-8")
    os.mkfifo(root / "fifo.json")  # reading it would block for ever
    (root / "folder.json").mkdir()  # a folder: walked, not read
    (root / "link.json").symlink_to(outside / "secret.json")
    (root / "linked_folder").symlink_to(outside, target_is_directory=True)  # not entered
    table = classroom.load_class(root)
    reasons = dict(classroom.skipped_files(table).itertuples(index=False))
    assert reasons == {
        "big.json": "rejected: larger than 2 MB",
        "deep.json": "rejected: nested more than 32 levels deep",
        "fifo.json": "rejected: not a regular file",
        "link.json": "rejected: it is a link to a file outside the submissions folder",
        "nameless_bundle.json": "rejected: it names no student",
        "nan.json": "rejected: NaN is not a JSON number",
        "nested.json": "rejected: nested more than 32 levels deep",
        "twice.json": "rejected: the key 'student' appears twice in one object",
        "types.json": "a 'saved' time in it is not text",
    }
    assert set(table["student"]) == {"ana"} and table["value"].tolist() == [0.7]
    assert "9 file(s) could not be read" in classroom.class_overview(table)


def test_questions_the_course_does_not_ask_are_listed_and_not_counted(tmp_path):
    files = {
        "ana/04.json": ("04_escalation", "ana", {"q1": 0.9, "q99": 0.5, "deterrence": "yes"}),
        "ana/fake.json": ("99_fake", "ana", {"x": "y"}),
        "ben/04.json": ("04_escalation", "ben", {"q1": 0.2}),
    }
    for name, (notebook, student, answers) in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        data = make_submissions.answers_file(notebook, student, answers, day=1)
        (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
    table = classroom.load_class(tmp_path)
    assert classroom.unknown_questions(table)[["student", "notebook", "question_id"]].values.tolist() == [
        ["ana", "04_escalation", "q99"],
        ["ana", "99_fake", "x"],
    ]
    completion = classroom.completion_table(table).set_index("student")
    assert completion["questions"].tolist() == [2, 2] and completion["answered"].tolist() == [2, 1]


def test_a_bundle_counts_only_for_its_own_student(tmp_path):
    own = make_submissions.answers_file("04_escalation", "ana", {"q1": 0.9}, day=1)
    forged = make_submissions.answers_file("01_context", "ben", {"why_disagree": "ana wrote this"}, day=1)
    bundle = {
        "format": "news-course-submission",
        "version": 1,
        "student": "Ana",
        "created": None,
        "notebooks": [own, forged],
    }
    (tmp_path / "ana_submission.json").write_text(json.dumps(bundle), encoding="utf-8")
    table = classroom.load_class(tmp_path)
    assert set(table["student"]) == {"Ana"} and len(table) == 2
    notes = classroom.ignored_parts(table).to_dict("records")
    assert notes == [
        {"file": "ana_submission.json", "ignored": "notebook #2 in it names 'ben', not 'Ana': counted for 'Ana' only"}
    ]


# -- questions remember their prompt -------------------------------------------------------------


def test_question_prompts_are_saved_with_answers(answers_dir):
    from helpers.notebook.exercises import ChoiceQuestion, OrderQuestion

    question = ChoiceQuestion("nb", "pick", "Which <b>one</b>?", ["a", "b"], "a")
    assert not answers_dir.exists()  # opening a notebook writes nothing
    question.input.value = "b"
    order = OrderQuestion("nb", "order", "Order them", ["x", "y"], ["x", "y"])
    order.slots[0].value = "y"
    data = json.loads((answers_dir / "nb.json").read_text(encoding="utf-8"))
    assert data["questions"] == {"pick": "Which <b>one</b>?", "order.1": "Order them (position 1)"}
    assert data["answers"]["pick"]["value"] == "b"


# -- submissions ---------------------------------------------------------------------------------


def _student_answers(folder: Path) -> None:
    store = AnswerStore("04_escalation", folder)
    store.set("q1", 0.7)
    store.lock("q1")
    text = AnswerStore("00_start_here", folder)
    text.describe("expectations", "What do you <i>expect</i>?")
    text.set("expectations", "<img src=x onerror=alert(1)> & more")
    text.set("empty", "")


def test_export_submission_html_and_json(tmp_path):
    _student_answers(tmp_path / "answers")
    result = classroom.export_submission("Ana María", tmp_path / "answers", tmp_path / "out", today=date(2025, 3, 9))
    assert result.html_path == tmp_path / "out" / "Ana_María_2025-03-09_submission.html"
    assert result.json_path == tmp_path / "out" / "Ana_María_2025-03-09_submission.json"
    assert result.notebooks == ["00_start_here", "04_escalation"] and result.skipped == []
    page = result.html_path.read_text(encoding="utf-8")
    assert "<img src=x" not in page and "<i>expect" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; more" in page
    assert "What do you &lt;i&gt;expect&lt;/i&gt;?" in page
    assert "Will Ukraine fire ATACMS" in page  # forecast prompt from forecast_questions.csv
    assert re.search(r"<td>0\.7</td><td>[^<]+</td><td><span class='locked'>🔒 locked 20", page)
    assert "(no answer)" in page
    # The teacher's summary reads the submission file as it is.
    collected = collect_submissions(tmp_path / "out")
    assert collected.attrs["skipped"] == []
    assert set(collected["student"]) == {"Ana María"}
    assert collected.set_index("question_id").loc["q1", ["value", "locked"]].tolist() == [0.7, True]
    assert collected.attrs["questions"]["00_start_here"]["expectations"] == "What do you <i>expect</i>?"


def test_export_submission_without_answers_or_name(tmp_path, monkeypatch):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    with pytest.raises(ClassroomError, match="no answers yet"):
        classroom.export_submission("ana", tmp_path / "missing", tmp_path / "out")
    (tmp_path / "answers").mkdir()
    (tmp_path / "answers" / "nb.json").write_bytes(b"{broken")
    with pytest.raises(ClassroomError, match="no answers yet.*nb.json could not be read"):
        classroom.export_submission("ana", tmp_path / "answers", tmp_path / "out")
    _student_answers(tmp_path / "answers")
    with pytest.raises(ClassroomError, match="Say whose answers"):
        classroom.export_submission(None, tmp_path / "answers", tmp_path / "out")
    monkeypatch.setenv("JUPYTERHUB_USER", "jovyan-ana")
    result = classroom.export_submission(None, tmp_path / "answers", tmp_path / "out")
    assert result.student == "jovyan-ana"
    assert [p.name for p, _ in result.skipped] == ["nb.json"]
    assert (tmp_path / "answers" / "nb.json").read_bytes() == b"{broken"  # left as it was


HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


def test_submission_page_escapes_names_answers_and_prompts():
    data = {
        "format": "news-course-answers",
        "version": 1,
        "notebook": HOSTILE[1],
        "student": HOSTILE[0],
        "updated": HOSTILE[1],
        "answers": {HOSTILE[0]: {"value": HOSTILE[1], "saved": HOSTILE[0]}},
        "locked": {HOSTILE[0]: HOSTILE[1]},
        "questions": {HOSTILE[0]: HOSTILE[1]},
    }
    bundle = {"student": HOSTILE[0], "created": HOSTILE[1], "notebooks": [data]}
    page = classroom.submission_html(bundle, [(Path(HOSTILE[1]), HOSTILE[0])])
    assert "<script>" not in page and "<img" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4
    assert page.count("&lt;img src=x onerror=alert(1)&gt;") >= 5


def test_site_index_escapes_titles_and_links():
    pages = [classroom.Page("x' onmouseover='alert(1).html", HOSTILE[0], HOSTILE[1], 1.0)]
    index = index_html(pages)
    assert "<script>" not in index and "<img" not in index and "' onmouseover" not in index
    assert "&lt;script&gt;alert(1)&lt;/script&gt;</a>" in index
    assert "(&lt;img src=x onerror=alert(1)&gt;)" in index


@pytest.mark.parametrize(
    ("name", "file_name"), [("Ana García", "Ana_García"), ("李明", "李明"), ("Zoë Łukasz-Müller", "Zoë_Łukasz-Müller")]
)
def test_submission_keeps_the_real_name(tmp_path, name, file_name):
    _student_answers(tmp_path / "answers")
    result = classroom.export_submission(name, tmp_path / "answers", tmp_path / "out", today=date(2025, 3, 9))
    assert result.student == name
    assert result.json_path.name == f"{file_name}_2025-03-09_submission.json"
    bundle = json.loads(result.json_path.read_text(encoding="utf-8"))
    assert bundle["student"] == name and {data["student"] for data in bundle["notebooks"]} == {name}
    assert f"Answers of {name}</h1>" in result.html_path.read_text(encoding="utf-8")
    assert set(classroom.load_class(tmp_path / "out")["student"]) == {name}


def test_names_are_compared_without_case_but_with_accents(tmp_path):
    for folder, name, notebook in (
        ("1", "Ana", "00_start_here"),
        ("2", "ana", "01_context"),
        ("3", "Zoë", "00_start_here"),
        ("4", "Zoé", "00_start_here"),
        ("5", "李明", "00_start_here"),
        ("6", "ＡＮＡ", "02_timeline"),
    ):
        (tmp_path / folder).mkdir()
        data = make_submissions.answers_file(notebook, name, {"expectations": "yes"}, day=1)
        (tmp_path / folder / f"{notebook}.json").write_text(json.dumps(data), encoding="utf-8")
    table = classroom.load_class(tmp_path)
    assert sorted(set(table["student"])) == ["Ana", "Zoé", "Zoë", "李明"]
    assert classroom.completion_table(table).set_index("student")["answered"].groupby(level=0).sum()["Ana"] == 3
    assert classroom.NO_NAME not in set(table["student"])


def test_submission_command_line(tmp_path, capsys):
    _student_answers(tmp_path / "answers")
    code = classroom.main(
        ["submission", "--student", "bo", "--answers", str(tmp_path / "answers"), "--out", str(tmp_path / "out")]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "bo_" in printed and printed.count(str(tmp_path / "out")) == 2
    assert len(list((tmp_path / "out").glob("bo_*_submission.*"))) == 2
    code = classroom.main(["submission", "--student", "bo", "--answers", str(tmp_path / "none")])
    captured = capsys.readouterr()
    assert code == 2 and captured.err.startswith("error: There are no answers yet") and "Traceback" not in captured.err


def test_submission_name_from_the_environment(tmp_path, monkeypatch, capsys):
    _student_answers(tmp_path / "answers")
    monkeypatch.setenv("STUDENT", 'Zoë "Z" ; 李明')
    assert classroom.main(["submission", "--answers", str(tmp_path / "answers"), "--out", str(tmp_path / "out")]) == 0
    bundle = json.loads(next((tmp_path / "out").glob("*.json")).read_text(encoding="utf-8"))
    assert bundle["student"] == 'Zoë "Z" ; 李明'


def test_submission_button(answers_dir, tmp_path):
    from helpers.notebook.exercises import SubmissionButton

    button = SubmissionButton("00_start_here", out_dir=tmp_path / "out")
    button.name.value = "ana"
    assert button.submit() is None  # nothing answered yet: a message, no exception
    assert "no answers yet" in button.status.value and not (tmp_path / "out").exists()
    _student_answers(answers_dir)
    button.name.value = ""
    button.button.click()
    assert "Say whose answers" in button.status.value
    button.name.value = "ana"
    button.button.click()
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(written) == 2 and all(name.startswith("ana_") for name in written)
    assert str(tmp_path / "out") in button.status.value and "course-ok" in button.status.value
    links = dict(re.findall(r'<a download="([^"]+)" href="data:[a-z/]+;base64,([^"]+)"', button.status.value))
    assert sorted(links) == written
    for name, data in links.items():  # the links download exactly the files written
        assert base64.b64decode(data) == (tmp_path / "out" / name).read_bytes()
    other = SubmissionButton("03_actor_positions", out_dir=tmp_path / "out")
    other.name.value = "ana"
    assert other.submit() is not None and "has no answers yet" in other.status.value
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    broken = SubmissionButton("00_start_here", out_dir=blocked)
    broken.name.value = "ana"
    assert broken.submit() is None and "Nothing was saved" in broken.status.value
    assert blocked.read_text() == "not a folder"


# -- kernel restart --------------------------------------------------------------------------------


def test_answers_survive_a_kernel_restart(tmp_path):
    from jupyter_client import KernelManager

    cell = (
        "from helpers.notebook.exercises import ChoiceQuestion\n"
        "q = ChoiceQuestion('restart_nb', 'q1', 'Pick', ['red', 'blue'], 'red')\n"
        "print('VALUE', q.value)"
    )
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(env={**__import__("os").environ, "COURSE_ANSWERS_DIR": str(tmp_path)}, cwd=str(tmp_path))
    try:
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)

        def run(code: str) -> str:
            out: list[str] = []
            reply = client.execute_interactive(
                code,
                timeout=60,
                output_hook=lambda m: out.append(m["content"].get("text", "")) if m["msg_type"] == "stream" else None,
            )
            assert reply["content"]["status"] == "ok", reply["content"]
            return "".join(out)

        assert "VALUE None" in run(cell)
        run("q.input.value = 'blue'")
        client.stop_channels()
        manager.restart_kernel(now=True)
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        assert "VALUE blue" in run(cell)
        client.stop_channels()
    finally:
        manager.shutdown_kernel(now=True)


# -- student copies ----------------------------------------------------------------------------


def _tiny_course(folder: Path) -> Path:
    notebooks = folder / "notebooks"
    (notebooks / "instructor").mkdir(parents=True)
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 0. Tiny\n\n| Use case | Completion time |\n|---|---|\n| x | 5 minutes |"),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("secret = 42", metadata={"tags": ["solution"]}),
        nbformat.v4.new_code_cell(
            "print(x)", execution_count=3, outputs=[nbformat.v4.new_output("stream", text="1\n")]
        ),
    ]
    nbformat.write(nb, notebooks / "00_tiny.ipynb")
    nbformat.write(nb, notebooks / "instructor" / "summary.ipynb")
    return notebooks


def test_student_copy_of_a_small_notebook(tmp_path):
    archive = classroom.make_student_copies(tmp_path / "dist", _tiny_course(tmp_path / "course"))
    copy = nbformat.read(tmp_path / "dist" / "student" / "notebooks" / "00_tiny.ipynb", as_version=4)
    assert [c.source for c in copy.cells[1:]] == ["x = 1", "print(x)"]
    assert copy.cells[2].outputs == [] and copy.cells[2].execution_count is None
    assert copy.metadata.kernelspec.name == "python3"
    assert not (tmp_path / "dist" / "student" / "notebooks" / "instructor").exists()
    names = zipfile.ZipFile(archive).namelist()
    assert "student/notebooks/00_tiny.ipynb" in names
    assert "student/seeds/000_0c51e7aa6578d068.txt" in names and "student/helpers/notebook/answers.py" in names
    assert not any("__pycache__" in name or "instructor" in name for name in names)
    with pytest.raises(ClassroomError, match="no notebook"):
        classroom.make_student_copies(tmp_path / "dist", tmp_path / "empty")


@pytest.mark.slow
def test_student_copies_of_the_course_run(tmp_path, monkeypatch):
    sources = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert sources, "no course notebook to copy"
    archive = classroom.make_student_copies(tmp_path / "dist")
    folder = tmp_path / "dist" / "student" / "notebooks"
    assert sorted(p.name for p in folder.glob("*.ipynb")) == [p.name for p in sources]
    assert (tmp_path / "dist" / "student" / "seeds" / "curated" / "forecast_questions.csv").is_file()
    assert archive.stat().st_size > 10_000
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    for path in sorted(folder.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        assert nb.metadata.kernelspec.name == "python3"
        for cell in nb.cells:
            assert "solution" not in cell.metadata.get("tags", []), path.name
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, path.name
    # the student copies run under nbval, as the course notebooks do
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval-lax",
            "--nbval-current-env",
            "-q",
            "-p",
            "no:cacheprovider",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout and "failed" not in result.stdout


# -- static site -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_static_site(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path / "must-stay-empty"))
    pages = classroom.build_site(tmp_path / "site")
    sources = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    assert [p.file for p in pages] == [f"{s.stem}.html" for s in sources]
    assert not (tmp_path / "must-stay-empty").exists()  # answers went to a temporary folder
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r"href='([^']+)'", index)
    assert links == [p.file for p in pages]
    for link, source in zip(links, sources):
        assert not link.startswith(("/", "http")) and (tmp_path / "site" / link).is_file()
        page = (tmp_path / "site" / link).read_text(encoding="utf-8")
        assert "Traceback" not in page, link
        solutions = [
            line.strip()
            for cell in nbformat.read(source, as_version=4).cells
            if "solution" in cell.metadata.get("tags", [])
            for line in cell.source.splitlines()
            if len(line.strip()) > 15 and not line.strip().startswith("#")
        ]
        visible = html.unescape(re.sub(r"<[^>]+>", "", page))  # code is highlighted token by token
        shown = [line for line in solutions if line in visible]
        assert shown == [], f"{link} shows reference solutions: {shown}"
        for target in re.findall(r'href="([^"#:]+)(?:#[^"]*)?"', page):  # relative links inside the site
            if not target.startswith(("/", "http", "mailto")) and "unpkg" not in target:
                assert (tmp_path / "site" / target).exists(), f"{link} links to {target}, which is not in the site"
        images = re.findall(r"<img\b[^>]*>", page)
        assert all(re.search(r'alt=\\?"[^"\\]+', tag) for tag in images), f"an image without alt text in {link}"
        if "show_figure" in source.read_text(encoding="utf-8"):  # notebooks with figures show them with alt
            assert images, link
        assert "application/vnd.jupyter.widget-state+json" in page, link
        title = classroom.notebook_title(nbformat.read(source, as_version=4))[0]
        assert title and f">{escape(page_label(link, title))}</a>" in index  # numbered once: "00 Start here: …"
        if os.environ.get("CI") or site_js_installed():  # make test installs it; CI must test it
            assert 'src="static/require.js"' in page and "static/embed-amd.js" in page, link
            assert not re.search(r'<script[^>]*\bsrc="(?:https?:)?//', page), f"{link} loads a script from elsewhere"
            assert not re.search(r"jsdelivr|unpkg\.com", page), f"{link} loads widget code from a CDN"
    if os.environ.get("CI") or site_js_installed():
        assert (tmp_path / "site" / "static" / "embed-amd.js").stat().st_size > 1_000_000
        assert (tmp_path / "site" / "static" / "require.js").is_file()


def test_site_without_the_widget_javascript_pins_its_version(tmp_path, monkeypatch):
    from nbconvert import HTMLExporter

    from helpers.classroom import site as site_module

    bare = tmp_path / "site_js"
    bare.mkdir()
    (bare / "package.json").write_text((site_module.SITE_JS / "package.json").read_text(encoding="utf-8"))
    monkeypatch.setattr(site_module, "SITE_JS", bare)
    assert not site_module.site_js_installed()
    settings = site_module.widget_assets(tmp_path / "out")
    assert not (tmp_path / "out" / "static").exists()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    nb.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {"state": {}, "version_major": 2, "version_minor": 0}
    }
    body, _ = HTMLExporter(template_name="lab", **settings).from_notebook_node(nb)
    version = json.loads((bare / "package.json").read_text())["dependencies"]["@jupyter-widgets/html-manager"]
    assert f"html-manager@{version}/dist/embed-amd.js" in body and "html-manager@*" not in body


def test_site_reports_a_failing_notebook(tmp_path):
    notebooks = _tiny_course(tmp_path / "course")
    bad = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# 1. Bad"), nbformat.v4.new_code_cell("1 / 0")]
    )
    nbformat.write(bad, notebooks / "01_bad.ipynb")
    with pytest.raises(ClassroomError, match="01_bad.ipynb: ZeroDivisionError"):
        classroom.build_site(tmp_path / "site", notebooks)
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "00_tiny.html" in index and "01_bad" not in index and "5 minutes" in index
    assert classroom.main(["site", "--notebooks", str(tmp_path / "nothing"), "--out", str(tmp_path / "s")]) == 2


# -- instructor notebook and the Voila apps ------------------------------------------------------------


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks" / "app").glob("*.ipynb")), ids=lambda p: p.stem)
def test_app_notebooks_run(path, tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path))
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        allow_errors=False,
        store_widget_state=True,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    views = [
        o
        for c in nb.cells
        for o in c.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]
    assert views, "the app shows its widget"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


def test_instructor_notebook_reads_the_synthetic_class(tmp_path):
    path = ROOT / "notebooks" / "instructor" / "class_summary.ipynb"
    nb = nbformat.read(path, as_version=4)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert "parameters" in first_code.metadata.tags
    assert first_code.source == 'SUBMISSIONS = "../../tests/submissions"'
    assert (path.parent / "../../tests/submissions").resolve() == SUBMISSIONS
    NotebookClient(
        nb, timeout=120, kernel_name="python3", allow_errors=False, resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    text = "\n".join(str(o.get("data", {}).get("text/html", "")) for c in nb.cells for o in c.get("outputs", []))
    assert "Class mean Brier score 0.225" in text
    assert "fatima/03_actor_positions.json" in text
    assert "<img src=x" not in text  # fatima's hostile answer never reaches HTML as markup
    assert len(re.findall(r'<img src="data:image/png;base64,[^"]+" alt="[^"]+', text)) == 4


@pytest.mark.slow
def test_voila_serves_the_apps(tmp_path):
    """What `make app` runs: Voila renders both apps with their widgets and no error."""
    import os
    import socket
    import subprocess
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "TMPDIR": str(tmp_path), "COURSE_ANSWERS_DIR": str(tmp_path / "answers")}
    server = subprocess.Popen(
        [sys.executable, "-m", "voila", "notebooks/app", "--no-browser", f"--port={port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "Voila did not start"
                time.sleep(0.5)
        for name in ("actor_explorer", "forecast"):
            page = urllib.request.urlopen(f"http://127.0.0.1:{port}/voila/render/{name}.ipynb", timeout=90)
            text = page.read().decode("utf-8")
            assert page.status == 200 and "Traceback" not in text, name
            assert "application/vnd.jupyter.widget-view+json" in text, name
    finally:
        server.terminate()
        server.wait(timeout=30)
