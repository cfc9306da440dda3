"""The classroom side of the course: student copies, submissions, the class summary, the static site.

Command line (what ``make student``, ``make submission`` and ``make site`` run)::

    python -m helpers.classroom student    [--notebooks notebooks] [--out dist]
    python -m helpers.classroom submission [--student NAME] [--answers answers] [--out dist/submission]
    python -m helpers.classroom site       [--notebooks notebooks] [--out site]

The class-summary functions (``load_class``, ``completion_table``, ``forecast_scores``,
``stance_agreement``, ``pairwise_kappa``…) take the long table of ``helpers.answers.collect_submissions``
and return DataFrames; the ``plot_*`` functions return ``(figure, alt text, table behind it)``.
Bad input raises :class:`ClassroomError`, whose message says what to do; the command line prints it.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from ..notebook.answers import (
    AnswerStoreError,
    collect_submissions,
    default_answers_dir,
    make_bundle,
    read_answers_file,
    safe_name,
    write_text_atomically,
)
from ..paths import COURSE_SEED_ID, course_root
from ..curated import load_table
from ..notebook.display import GREY, OKABE_ITO, empty_figure, escape, message_html
from ..errors import CourseError
from ..notebook.scoring import cohen_kappa, percent_agreement

#: Where the course notebooks store forecasts (question ids = forecast_questions.csv ``question_id``).
FORECAST_NOTEBOOK = "04_escalation"
#: Where the stance codes are stored, as ``stance.<sentence_id>.<verb>`` (see helpers.positions.StanceCoder).
STANCE_NOTEBOOK = "03_actor_positions"
STANCES = ("supports the decision", "opposes the decision", "not about the decision")
NOT_CHOSEN = "(choose)"
BASELINE_FORECAST = 0.5
NO_NAME = "(no name)"
STUDENT_EXTRAS = ("requirements.txt", "environment.yml", "pyproject.toml", "LICENSE", "LICENSE-CONTENT.md")
_IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.egg-info")


class ClassroomError(CourseError):
    """A classroom task cannot be done; the message says why and what to do."""


# -- small utilities ---------------------------------------------------------------------------


def _natural_key(text: str) -> tuple:
    """Sort key that puts ``stance.4.10`` after ``stance.4.2`` and ``q10`` after ``q2``."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", str(text)))


def is_answered(value: Any) -> bool:
    """True if ``value`` is a real answer (not empty, not "(choose)", not a list of empties)."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() not in ("", NOT_CHOSEN)
    if isinstance(value, (list, tuple)):
        return any(is_answered(item) for item in value)
    if isinstance(value, dict):
        return any(is_answered(item) for item in value.values())
    return True


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Set environment variables (inherited by kernels started inside) and restore them after."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


# -- questions: prompt text for ids that have none saved ---------------------------------------


def forecast_questions() -> pd.DataFrame:
    """forecast_questions.csv with ``outcome`` as 0/1 (from ``resolution`` yes/no)."""
    table = load_table("forecast_questions")
    table["outcome"] = (table["resolution"].str.strip().str.lower() == "yes").astype(int)
    return table


@lru_cache(maxsize=1)
def _forecast_texts() -> dict[str, str]:
    """Question id -> question text from forecast_questions.csv (empty if it cannot be read)."""
    try:
        table = load_table("forecast_questions")
    except CourseError:
        return {}
    return dict(zip(table["question_id"], table["question"]))


def describe_question(notebook: str, question_id: str) -> str | None:
    """A readable prompt for ids whose text is known from their convention, else None."""
    if notebook == FORECAST_NOTEBOOK and question_id in _forecast_texts():
        return f"Forecast (probability from 0 to 1): {_forecast_texts()[question_id]}"
    match = re.fullmatch(r"stance\.(\d+\.\d+)\.(.+)", question_id)
    if match:
        return (f"Stance toward the decision of the statement in ¶{match[1]} "
                f"(reporting verb '{match[2]}')")
    return None


# -- submissions (student side) --------------------------------------------------------------


@dataclass
class Submission:
    """What ``export_submission`` wrote."""

    html_path: Path
    json_path: Path
    student: str
    notebooks: list[str]
    skipped: list[tuple[Path, str]]


def _answer_files(folder: Path, student: str | None) -> list[Path]:
    """The answers files of one student: ``folder/*.json`` and ``folder/<student>/*.json``."""
    candidates = sorted(folder.glob("*.json"))
    if student:
        candidates += sorted((folder / safe_name(student, "student name")).glob("*.json"))
    return [path for path in candidates if ".corrupt-" not in path.name and not path.name.startswith(".")]


def _read_student_answers(folder: Path, student: str | None) -> tuple[list[dict], list[tuple[Path, str]]]:
    """Readable answers files with at least one answer, and the files that could not be read."""
    files, skipped = [], []
    for path in _answer_files(folder, student):
        try:
            found = read_answers_file(path)
        except AnswerStoreError as error:
            skipped.append((path, str(error)))
            continue
        files += [data for data in found if data["answers"] or data.get("locked")]
    return files, skipped


def _student_name(given: str | None, files: list[dict]) -> str:
    """The name for the submission: given, else $JUPYTERHUB_USER, else the one name in the files."""
    for candidate in (given, os.environ.get("JUPYTERHUB_USER")):
        if candidate and candidate.strip():
            return candidate.strip()
    names = {data.get("student") for data in files if data.get("student")}
    if len(names) == 1:
        return names.pop()
    raise ClassroomError(
        "Say whose answers these are: type your name next to the button, or run "
        "`make submission STUDENT=\"Ana Garcia\"` (or `python -m helpers.classroom submission --student NAME`)."
    )


def export_submission(student: str | None = None, answers_dir: Path | str | None = None,
                      out_dir: Path | str | None = None, today: date | None = None) -> Submission:
    """Write ``<student>_<date>_submission.html`` (readable) and ``….json`` (raw answers of all notebooks).

    Raises ClassroomError if there are no answers yet or no student name is known.
    """
    folder = Path(answers_dir).expanduser() if answers_dir is not None else default_answers_dir()
    target = Path(out_dir).expanduser() if out_dir is not None else course_root() / "dist" / "submission"
    files, skipped = _read_student_answers(folder, student) if folder.is_dir() else ([], [])
    if not files:
        problems = "".join(f" {path.name} could not be read: {reason}." for path, reason in skipped)
        raise ClassroomError(
            f"There are no answers yet in {folder}. Answer at least one question in a notebook first "
            f"(answers are saved as you type), then try again.{problems}"
        )
    name = _student_name(student, files)
    try:
        bundle = make_bundle(sorted(files, key=lambda d: _natural_key(d["notebook"])), name)
    except AnswerStoreError as error:
        raise ClassroomError(str(error)) from error
    stem = f"{bundle['student']}_{(today or date.today()).isoformat()}_submission"
    json_path, html_path = target / f"{stem}.json", target / f"{stem}.html"
    try:
        write_text_atomically(json_path, json.dumps(bundle, ensure_ascii=False, indent=2) + "\n")
        write_text_atomically(html_path, submission_html(bundle, skipped))
    except AnswerStoreError as error:
        raise ClassroomError(str(error)) from error
    return Submission(html_path, json_path, bundle["student"], [d["notebook"] for d in bundle["notebooks"]], skipped)


def _format_value(value: Any) -> str:
    """An answer as plain text for people (not yet escaped)."""
    if not is_answered(value):
        return "(no answer)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return "; ".join(_format_value(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def submission_html(bundle: dict, skipped: list[tuple[Path, str]] = ()) -> str:
    """One self-contained HTML page: per notebook, each question's text and the answer. All escaped."""
    student = escape(bundle["student"])
    parts = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Answers of {student}</title>",
             "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
             "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 8px;"
             "text-align:left;vertical-align:top}.locked{font-weight:bold}</style></head><body>",
             f"<h1>Answers of {student}</h1>",
             f"<p>Exported {escape(bundle['created'])} (UTC) from the course <i>Reading the news with data</i>. "
             f"The raw answers are in the JSON file with the same name.</p>"]
    for data in bundle["notebooks"]:
        notebook = data["notebook"]
        prompts = data.get("questions", {})
        ids = sorted(set(data["answers"]) | set(data.get("locked", {})), key=_natural_key)
        parts.append(f"<h2>Notebook {escape(notebook)}</h2><p>Last saved {escape(data.get('updated') or '-')} "
                     f"(UTC) · {sum(is_answered(data['answers'].get(q, {}).get('value')) for q in ids)} "
                     "answered</p><table><thead><tr><th>Question</th><th>Answer</th><th>Saved (UTC)</th>"
                     "<th>Locked</th></tr></thead><tbody>")
        for question_id in ids:
            entry = data["answers"].get(question_id, {})
            prompt = prompts.get(question_id) or describe_question(notebook, question_id) or ""
            locked_at = data.get("locked", {}).get(question_id)
            locked = f"<span class='locked'>🔒 locked {escape(locked_at)}</span>" if locked_at else "no"
            parts.append(f"<tr><td>{escape(prompt)} <small>({escape(question_id)})</small></td>"
                         f"<td>{escape(_format_value(entry.get('value')))}</td>"
                         f"<td>{escape(entry.get('saved') or '-')}</td><td>{locked}</td></tr>")
        parts.append("</tbody></table>")
    if skipped:
        items = "".join(f"<li>{escape(path.name)}: {escape(reason)}</li>" for path, reason in skipped)
        parts.append(f"<h2>Files that could not be read</h2><ul>{items}</ul>")
    parts.append("</body></html>\n")
    return "".join(parts)


# -- the class summary (teacher side) --------------------------------------------------------


def _display_name(name: Any) -> str:
    """A student name safe for tables and figure labels (files may be edited by hand)."""
    try:
        return safe_name(name, "student name")
    except AnswerStoreError:
        return NO_NAME


def load_class(folder: Path | str) -> pd.DataFrame:
    """All submissions under ``folder``, keeping the latest answer per student, notebook and question.

    Same columns and ``attrs`` as :func:`helpers.answers.collect_submissions`, plus
    ``attrs["root"]`` and ``attrs["duplicates"]`` (older answers dropped).
    """
    try:
        table = collect_submissions(folder)
    except AnswerStoreError as error:
        raise ClassroomError(f"{error} Set SUBMISSIONS to the folder where you put the students' files.") from error
    attrs = dict(table.attrs)
    table["student"] = table["student"].map(_display_name)
    before = len(table)
    table = (table.sort_values("saved", kind="stable", na_position="first")
             .drop_duplicates(["student", "notebook", "question_id"], keep="last")
             .sort_values(["student", "notebook", "question_id"], kind="stable").reset_index(drop=True))
    table.attrs = {**attrs, "root": Path(folder).expanduser(), "duplicates": before - len(table)}
    return table


def show_table(table: pd.DataFrame, caption: str = "") -> None:
    """Show a table with :func:`helpers.display.show_table` (numbers rounded to 3 places), or say it is empty."""
    from ..notebook.display import show_table as show

    if table.empty:
        show_message(f"{caption}: nothing to show." if caption else "Nothing to show.")
        return
    show(table.round(3), caption=caption)


def show_message(text: str, kind: str = "info") -> None:
    """Show a short message box (the text is escaped)."""
    from IPython.display import HTML, display

    display(HTML(message_html(text, kind)))


def class_overview(answers: pd.DataFrame) -> str:
    """One sentence: how many students, notebooks, answers and unreadable files."""
    skipped = len(answers.attrs.get("skipped", []))
    return (f"{answers['student'].nunique()} students, {answers['notebook'].nunique()} notebooks, "
            f"{int(answers['value'].map(is_answered).sum())} answers; {skipped} file(s) could not be read"
            f"{' (listed at the end)' if skipped else ''}; {answers.attrs.get('duplicates', 0)} older "
            "duplicate answer(s) replaced by the latest.")


def completion_table(answers: pd.DataFrame) -> pd.DataFrame:
    """Answered questions per student and notebook.

    ``questions`` is the number of different questions anyone in the class answered in that notebook
    (the notebooks define no fixed list), so ``percent`` = answered / questions × 100.
    Columns: student, notebook, answered, questions, percent; one row per student × notebook.
    """
    done = answers[answers["value"].map(is_answered)]
    columns = ["student", "notebook", "answered", "questions", "percent"]
    if done.empty:
        return pd.DataFrame(columns=columns)
    questions = done.groupby("notebook")["question_id"].nunique()
    counts = done.groupby(["student", "notebook"])["question_id"].nunique()
    students = sorted(answers["student"].unique(), key=_natural_key)
    rows = []
    for student in students:
        for notebook in sorted(questions.index, key=_natural_key):
            answered = int(counts.get((student, notebook), 0))
            total = int(questions[notebook])
            rows.append([student, notebook, answered, total, round(100 * answered / total, 1)])
    return pd.DataFrame(rows, columns=columns)


_SERIES_COLOURS = [OKABE_ITO[name] for name in ("blue", "orange", "bluish green", "reddish purple",
                                                "vermillion", "sky blue", "yellow", "black")]


def plot_completion(completion: pd.DataFrame) -> tuple[Figure, str, pd.DataFrame]:
    """Grouped bars: percent of questions answered per student, one bar per notebook (labelled)."""
    title = "Completion per student and notebook"
    if completion.empty:
        return empty_figure(title, "No answers yet."), f"{title}: no answers yet.", completion
    wide = completion.pivot(index="student", columns="notebook", values="percent")
    wide = wide.reindex(sorted(wide.index, key=_natural_key))[sorted(wide.columns, key=_natural_key)]
    students, notebooks = list(wide.index), list(wide.columns)
    fig = Figure(figsize=(max(7, 1.3 * len(students) + 2), 4))
    ax = fig.subplots()
    width = 0.8 / len(notebooks)
    for k, notebook in enumerate(notebooks):
        xs = [i + (k - (len(notebooks) - 1) / 2) * width for i in range(len(students))]
        ax.bar(xs, wide[notebook], width=width, label=notebook, edgecolor="black", linewidth=0.4,
               color=_SERIES_COLOURS[k % len(_SERIES_COLOURS)], hatch=["", "//", "..", "xx", "\\\\"][k % 5])
    ax.set_xticks(range(len(students)), labels=students)
    ax.set_ylim(0, 105)
    ax.set_title(title)
    ax.set_xlabel("Student")
    ax.set_ylabel("Questions answered (% of the class's questions)")
    ax.legend(title="Notebook", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    mean = completion.groupby("student")["percent"].mean()
    listing = "; ".join(f"{s}: {mean[s]:.0f}% on average" for s in students)
    alt = (f"Grouped bar chart of the percentage of questions each of {len(students)} students answered in "
           f"each of {len(notebooks)} notebooks ({', '.join(notebooks)}). {listing}.")
    table = wide.reset_index()
    table.columns.name = None
    return fig, alt, table


# forecasts


def forecast_table(answers: pd.DataFrame, notebook: str = FORECAST_NOTEBOOK,
                   questions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per student and forecast question answered with a probability from 0 to 1.

    Columns: student, question_id, forecast, outcome, squared_error, locked.
    Values that are not probabilities are left out and listed in ``attrs["invalid"]``
    as (student, question_id, value) triples.
    """
    questions = forecast_questions() if questions is None else questions
    outcomes = dict(zip(questions["question_id"], questions["outcome"]))
    rows, invalid = [], []
    chosen = answers[(answers["notebook"] == notebook) & answers["question_id"].isin(outcomes)]
    for row in chosen.itertuples(index=False):
        if not is_answered(row.value):
            continue
        value = row.value
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            invalid.append((row.student, row.question_id, value))
            continue
        outcome = int(outcomes[row.question_id])
        rows.append([row.student, row.question_id, float(value), outcome, (float(value) - outcome) ** 2,
                     bool(row.locked)])
    table = pd.DataFrame(rows, columns=["student", "question_id", "forecast", "outcome", "squared_error", "locked"])
    table = table.sort_values(["student", "question_id"], key=lambda s: s.map(_natural_key), kind="stable")
    table = table.reset_index(drop=True)
    table.attrs["invalid"] = invalid
    return table


def forecast_scores(forecasts: pd.DataFrame) -> pd.DataFrame:
    """Each student's Brier score (mean squared error over the questions they answered).

    Columns: student, questions, locked, brier, baseline (the score of always saying 0.5 on the
    same questions: 0.25), better_than_baseline.
    """
    columns = ["student", "questions", "locked", "brier", "baseline", "better_than_baseline"]
    if forecasts.empty:
        return pd.DataFrame(columns=columns)
    forecasts = forecasts.assign(baseline_error=(BASELINE_FORECAST - forecasts["outcome"]) ** 2)
    grouped = forecasts.groupby("student", sort=False)
    table = pd.DataFrame({
        "questions": grouped["question_id"].count(),
        "locked": grouped["locked"].sum().astype(int),
        "brier": grouped["squared_error"].mean(),
        "baseline": grouped["baseline_error"].mean(),
    }).reset_index()
    table["better_than_baseline"] = table["brier"] < table["baseline"]
    return table[columns]


def class_mean_brier(scores: pd.DataFrame) -> float:
    """The mean of the students' Brier scores (each student counts once); NaN with no scores."""
    return float(scores["brier"].mean()) if len(scores) else float("nan")


def forecast_message(scores: pd.DataFrame) -> str:
    """One sentence: the class mean Brier score against the 0.25 of always saying 0.5."""
    if scores.empty:
        return "No student has made a forecast yet."
    mean = class_mean_brier(scores)
    verdict = "better than" if mean < 0.25 else ("the same as" if mean == 0.25 else "worse than")
    return (f"Class mean Brier score {mean:.3f} over {len(scores)} students: {verdict} always saying 0.5 "
            f"(0.25). {int(scores['better_than_baseline'].sum())} of {len(scores)} students beat 0.25.")


def forecast_spread(forecasts: pd.DataFrame, questions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per question: the outcome and the class's forecasts (n, min, median, mean, max)."""
    questions = forecast_questions() if questions is None else questions
    stats = forecasts.groupby("question_id")["forecast"].agg(["count", "min", "median", "mean", "max"])
    table = questions[["question_id", "question", "outcome"]].merge(
        stats.reset_index().rename(columns={"count": "forecasts"}), on="question_id", how="left")
    table["forecasts"] = table["forecasts"].fillna(0).astype(int)
    return table


def plot_forecasts(forecasts: pd.DataFrame, questions: pd.DataFrame | None = None) -> tuple[Figure, str, pd.DataFrame]:
    """Each student's forecast per question (dots), the outcome (a cross at 0 or 1) and the 0.5 line."""
    spread = forecast_spread(forecasts, questions)
    title = "The class's forecasts and what happened"
    if forecasts.empty:
        return empty_figure(title, "No forecasts yet."), f"{title}: no forecasts yet.", spread
    ids = list(spread["question_id"])
    students = sorted(forecasts["student"].unique(), key=_natural_key)
    fig = Figure(figsize=(max(7, 1.1 * len(ids) + 3), 4))
    ax = fig.subplots()
    markers = "osD^vP*X"
    for k, student in enumerate(students):
        mine = forecasts[forecasts["student"] == student]
        offset = (k - (len(students) - 1) / 2) * 0.06
        ax.scatter([ids.index(q) + offset for q in mine["question_id"]], mine["forecast"], s=40,
                   marker=markers[k % len(markers)], color=_SERIES_COLOURS[k % len(_SERIES_COLOURS)],
                   edgecolor="black", linewidth=0.4, label=student, zorder=3)
    ax.scatter(range(len(ids)), spread["outcome"], marker="x", s=160, color="black", linewidth=2.5,
               label="outcome (1 = yes, 0 = no)", zorder=4)
    ax.axhline(BASELINE_FORECAST, color=GREY, linestyle="--", linewidth=1, label="0.5 (no idea)")
    ax.set_xticks(range(len(ids)), labels=ids)
    ax.set_ylim(-0.08, 1.08)
    ax.set_title(title)
    ax.set_xlabel("Forecast question (forecast_questions.csv)")
    ax.set_ylabel("Probability given that the answer is yes")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=9)
    fig.tight_layout()
    listing = "; ".join(
        f"{q}: outcome {'yes' if o else 'no'}, " + (f"{n} forecasts from {lo:g} to {hi:g} (median {med:g})"
                                                  if n else "no forecasts")
        for q, o, n, lo, hi, med in zip(spread["question_id"], spread["outcome"], spread["forecasts"],
                                        spread["min"], spread["max"], spread["median"]))
    alt = f"Dot plot of {len(students)} students' forecasts for {len(ids)} questions, with the outcomes. {listing}."
    return fig, alt, spread


def plot_brier(scores: pd.DataFrame) -> tuple[Figure, str, pd.DataFrame]:
    """Bars: each student's Brier score, the class mean and the 0.25 baseline (lower is better)."""
    title = "Brier score per student (lower is better)"
    if scores.empty:
        return empty_figure(title, "No forecasts yet."), f"{title}: no forecasts yet.", scores
    mean = class_mean_brier(scores)
    fig = Figure(figsize=(max(6, 0.9 * len(scores) + 3), 3.8))
    ax = fig.subplots()
    colours = [OKABE_ITO["bluish green"] if better else OKABE_ITO["vermillion"]
               for better in scores["better_than_baseline"]]
    bars = ax.bar(range(len(scores)), scores["brier"], color=colours, edgecolor="black", linewidth=0.4)
    for bar, value in zip(bars, scores["brier"]):
        ax.text(bar.get_x() + bar.get_width() / 2, value + 0.01, f"{value:.3f}", ha="center", va="bottom", fontsize=9)
    ax.axhline(0.25, color="black", linestyle="--", linewidth=1, label="always 0.5: 0.25")
    ax.axhline(mean, color=OKABE_ITO["blue"], linestyle=":", linewidth=2, label=f"class mean: {mean:.3f}")
    ax.set_xticks(range(len(scores)), labels=list(scores["student"]))
    ax.set_ylim(0, max(0.3, float(scores["brier"].max()) + 0.08))
    ax.set_title(title)
    ax.set_xlabel("Student (green: better than always saying 0.5; vermillion: not)")
    ax.set_ylabel("Brier score (0 best, 1 worst)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    listing = "; ".join(f"{s} {b:.3f} over {n} question(s)"
                        for s, b, n in zip(scores["student"], scores["brier"], scores["questions"]))
    alt = (f"Bar chart of Brier scores: {listing}. Class mean {mean:.3f}; always forecasting 0.5 scores 0.25. "
           f"{int(scores['better_than_baseline'].sum())} of {len(scores)} students beat that baseline.")
    return fig, alt, scores


# stance coding


def stance_codes(answers: pd.DataFrame, notebook: str = STANCE_NOTEBOOK) -> pd.DataFrame:
    """Stance codes as a table: one row per statement (question id), one column per student.

    Only the three stances count; "(choose)" and other values are left empty (NaN),
    and values that are not stances are listed in ``attrs["invalid"]``.
    """
    chosen = answers[(answers["notebook"] == notebook) & answers["question_id"].str.startswith("stance.")]
    valid = chosen[chosen["value"].isin(STANCES)].drop_duplicates(["student", "question_id"], keep="last")
    invalid = [(r.student, r.question_id, r.value) for r in chosen.itertuples(index=False)
               if is_answered(r.value) and r.value not in STANCES]
    table = valid.pivot(index="question_id", columns="student", values="value") if len(valid) else pd.DataFrame()
    if len(table):
        table = table.reindex(sorted(table.index, key=_natural_key))
        table = table[sorted(table.columns, key=_natural_key)]
        table.columns.name = None
    table.attrs["invalid"] = invalid
    return table


def reference_stances(article_id: str = COURSE_SEED_ID) -> pd.Series:
    """The teacher's reference coding (reference_coding.csv) keyed by the stance question id.

    Ids follow helpers.positions.StanceCoder: ``stance.<sentence_id>.<verb in lower case>``; a second
    statement with the same sentence and verb gets ``.2`` (file order).
    """
    coding = load_table("reference_coding")
    coding = coding[coding["article_id"].str.strip() == article_id]
    ids, seen = [], {}
    for sentence_id, verb in zip(coding["sentence_id"], coding["verb"]):
        base = f"stance.{sentence_id.strip()}.{verb.strip().lower()}"
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}.{seen[base]}")
    return pd.Series(list(coding["stance"].str.strip()), index=ids, name="reference")


def _compare(a: pd.Series, b: pd.Series) -> tuple[int, float, float]:
    """Items both coded, percent agreement and Cohen's kappa (NaN if none in common)."""
    both = pd.concat([a, b], axis=1, join="inner").dropna()
    if both.empty:
        return 0, float("nan"), float("nan")
    first, second = list(both.iloc[:, 0]), list(both.iloc[:, 1])
    return len(both), percent_agreement(first, second), cohen_kappa(first, second)


def stance_agreement(codes: pd.DataFrame, reference: pd.Series | None = None) -> pd.DataFrame:
    """Each student against the reference coding, on the statements both coded.

    Columns: student, statements (coded and in the reference), agreement_pct, kappa.
    """
    reference = reference_stances() if reference is None else reference
    rows = []
    for student in codes.columns:
        n, agreement, kappa = _compare(codes[student], reference)
        rows.append([student, n, agreement, kappa])
    return pd.DataFrame(rows, columns=["student", "statements", "agreement_pct", "kappa"])


def pairwise_kappa(codes: pd.DataFrame, min_items: int = 3) -> pd.DataFrame:
    """Cohen's kappa for every pair of students on the statements both coded (at least ``min_items``).

    Columns: student_a, student_b, statements, agreement_pct, kappa.
    """
    rows = []
    for first, second in combinations(codes.columns, 2):
        n, agreement, kappa = _compare(codes[first], codes[second])
        if n >= min_items:
            rows.append([first, second, n, agreement, kappa])
    return pd.DataFrame(rows, columns=["student_a", "student_b", "statements", "agreement_pct", "kappa"])


def mean_pairwise_kappa(pairs: pd.DataFrame) -> float:
    """The mean of the pairwise kappas (a simple stand-in for Fleiss' kappa); NaN with no pairs."""
    return float(pairs["kappa"].mean()) if len(pairs) else float("nan")


def stance_message(agreement: pd.DataFrame, pairs: pd.DataFrame) -> str:
    """One sentence: mean kappa with the reference and between students."""
    scored = agreement.dropna(subset=["kappa"])
    if scored.empty:
        return "No student has coded a statement yet."
    between = (f"; between pairs of students it is {mean_pairwise_kappa(pairs):.2f} ({len(pairs)} pairs)"
               if len(pairs) else "; no two students coded enough of the same statements to compare")
    return (f"Mean Cohen's kappa with the reference coding: {scored['kappa'].mean():.2f} "
            f"({len(scored)} students){between}. 1 is perfect agreement, 0 is what chance would give.")


def plot_stance_agreement(agreement: pd.DataFrame, pairs: pd.DataFrame) -> tuple[Figure, str, pd.DataFrame]:
    """Bars: each student's kappa with the reference coding, and the mean kappa between students."""
    title = "Stance coding: agreement with the reference (Cohen's kappa)"
    scored = agreement.dropna(subset=["kappa"])
    if scored.empty:
        return empty_figure(title, "No stance codes yet."), f"{title}: no stance codes yet.", agreement
    mean = mean_pairwise_kappa(pairs)
    fig = Figure(figsize=(max(8, 0.9 * len(scored) + 4), 3.8))
    ax = fig.subplots()
    bars = ax.bar(range(len(scored)), scored["kappa"], color=OKABE_ITO["blue"], edgecolor="black", linewidth=0.4)
    for bar, value in zip(bars, scored["kappa"]):
        ax.text(bar.get_x() + bar.get_width() / 2, max(value, 0) + 0.02, f"{value:.2f}", ha="center", fontsize=9)
    ax.axhline(0, color="black", linewidth=0.8)
    if pd.notna(mean):
        ax.axhline(mean, color=OKABE_ITO["orange"], linestyle="--", linewidth=2,
                   label=f"mean kappa between students: {mean:.2f}")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    ax.set_xticks(range(len(scored)), labels=list(scored["student"]))
    ax.set_ylim(min(-0.2, float(scored["kappa"].min()) - 0.1), 1.1)
    ax.set_title(title)
    ax.set_xlabel("Student")
    ax.set_ylabel("Kappa (1 perfect, 0 chance)")
    fig.tight_layout()
    listing = "; ".join(f"{s} {k:.2f} ({a:.0f}% on {n} statements)" for s, k, a, n in
                        zip(scored["student"], scored["kappa"], scored["agreement_pct"], scored["statements"]))
    between = f" Mean kappa between pairs of students: {mean:.2f}." if pd.notna(mean) else ""
    alt = f"Bar chart of each student's Cohen's kappa with the reference stance coding: {listing}.{between}"
    return fig, alt, agreement


def skipped_files(answers: pd.DataFrame) -> pd.DataFrame:
    """The files that could not be read, relative to the submissions folder, with the reason."""
    root = answers.attrs.get("root")
    rows = []
    for path, reason in answers.attrs.get("skipped", []):
        try:
            shown = str(Path(path).relative_to(root)) if root else str(path)
        except ValueError:
            shown = str(path)
        rows.append([shown, reason])
    return pd.DataFrame(rows, columns=["file", "reason"])


def invalid_answers(forecasts: pd.DataFrame, codes: pd.DataFrame) -> pd.DataFrame:
    """Forecasts that are not probabilities and stance codes that are not stances (left out above)."""
    rows = [[s, FORECAST_NOTEBOOK, q, repr(v)] for s, q, v in forecasts.attrs.get("invalid", [])]
    rows += [[s, STANCE_NOTEBOOK, q, repr(v)] for s, q, v in codes.attrs.get("invalid", [])]
    return pd.DataFrame(rows, columns=["student", "notebook", "question_id", "value"])


# -- student copies ----------------------------------------------------------------------------


def _strip_notebook(path: Path):
    """The notebook without cells tagged ``solution`` and without outputs (kernelspec kept)."""
    import nbformat
    from nbconvert.preprocessors import ClearOutputPreprocessor, TagRemovePreprocessor

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as error:
        raise ClassroomError(f"{path} is not a readable notebook ({error}). Open it in JupyterLab and save it again.") from error
    resources: dict = {}
    nb, resources = TagRemovePreprocessor(enabled=True, remove_cell_tags=["solution"]).preprocess(nb, resources)
    nb, resources = ClearOutputPreprocessor(enabled=True).preprocess(nb, resources)
    nb.metadata.pop("widgets", None)
    return nb


STUDENT_README = """# Reading the news with data: student copy

These are the course notebooks without the reference solutions. Open `notebooks/00_start_here.ipynb`
in JupyterLab (or the first notebook your teacher names) and run the cells from the top.

On your own computer: `python -m venv .venv`, activate it, then
`pip install -r requirements.txt` and `pip install -e .` in this folder, then `jupyter lab`.

Your answers are saved as you type (in the `answers/` folder of the course). When you are done, press the
"Save my submission" button at the end of a notebook and hand in the two files it names.
"""


def make_student_copies(out_dir: Path | str | None = None,
                        notebooks_dir: Path | str | None = None) -> Path:
    """Write ``<out>/student/`` (notebooks without solutions or outputs, seeds, helpers) and ``<out>/student.zip``.

    Only the notebooks directly in ``notebooks_dir`` are copied (not ``instructor/`` or ``app/``).
    Returns the zip path. Raises ClassroomError if there is no notebook.
    """
    import nbformat

    out_dir = course_root() / "dist" if out_dir is None else out_dir
    notebooks_dir = course_root() / "notebooks" if notebooks_dir is None else notebooks_dir

    out_dir, notebooks_dir = Path(out_dir), Path(notebooks_dir)
    sources = sorted(notebooks_dir.glob("*.ipynb"))
    if not sources:
        raise ClassroomError(f"There is no notebook in {notebooks_dir}; nothing to copy.")
    stripped = {path.name: _strip_notebook(path) for path in sources}  # all read before anything is deleted
    target = out_dir / "student"
    if target.exists():
        shutil.rmtree(target)
    (target / "notebooks").mkdir(parents=True)
    for name, nb in stripped.items():
        nbformat.write(nb, target / "notebooks" / name)
    seeds = notebooks_dir.resolve().parent / "seeds"  # the seeds next to the notebooks, else the course's
    shutil.copytree(seeds if seeds.is_dir() else course_root() / "seeds", target / "seeds", ignore=_IGNORED)
    shutil.copytree(course_root() / "helpers", target / "helpers", ignore=_IGNORED)
    for name in STUDENT_EXTRAS:
        if (course_root() / name).is_file():
            shutil.copy2(course_root() / name, target / name)
    (target / "README.md").write_text(STUDENT_README, encoding="utf-8")
    archive = shutil.make_archive(str(out_dir / "student"), "zip", root_dir=out_dir, base_dir="student")
    return Path(archive)


# -- static site -------------------------------------------------------------------------------


@dataclass
class Page:
    """One notebook rendered for the site."""

    file: str
    title: str
    time: str
    seconds: float


def notebook_title(nb) -> tuple[str, str]:
    """The notebook's first ``# `` heading and its "Completion time" (or "Time to learn")."""
    title, minutes = "", ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        if not title:
            found = re.search(r"^#\s+(.+)$", cell.source, re.M)
            title = found[1].strip() if found else ""
        if not minutes:
            lines = [line for line in cell.source.splitlines() if line.startswith("|")]
            if len(lines) >= 3 and "Completion time" in lines[0]:
                header = [c.strip() for c in lines[0].strip("|").split("|")]
                values = [c.strip() for c in lines[2].strip("|").split("|")]
                minutes = dict(zip(header, values)).get("Completion time", "")
            found = re.search(r"Time to learn\W*(\d+\s*min\w*)", cell.source)
            minutes = minutes or (found[1] if found else "")
    return title, minutes


def _index_html(pages: list[Page]) -> str:
    rows = "".join(f"<li><a href='{html.escape(p.file, quote=True)}'>{escape(p.title)}</a> "
                   f"<small>({escape(p.time or 'time not given')})</small></li>" for p in pages)
    built = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<title>Reading the news with data</title><style>body{font-family:sans-serif;max-width:50em;"
            "margin:2em auto;padding:0 1em;line-height:1.5}</style></head><body>"
            "<h1>Reading the news with data</h1><p>The course notebooks, run and saved as web pages. "
            "Widgets here are snapshots: to answer the exercises, open the notebooks in JupyterLab.</p>"
            f"<ol>{rows}</ol><p><small>Built {built}.</small></p></body></html>\n")


_NOTEBOOK_LINK = re.compile(r'href="(\d\d_[\w-]+)\.ipynb(#[^"]*)?"')


def _link_pages(body: str) -> str:
    """Links between course notebooks (``01_context.ipynb``) point at their pages (``01_context.html``)."""
    return _NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)


def build_site(out_dir: Path | str | None = None, notebooks_dir: Path | str | None = None,
               timeout: int = 120) -> list[Page]:
    """Run every ``[0-9]*.ipynb`` course notebook and write it as HTML (lab template) plus ``index.html``.

    Widget state is embedded. Answers go to a temporary folder, never to the real ``answers/``.
    Raises ClassroomError naming each notebook that failed (the others are still written).
    """
    import nbformat

    out_dir = course_root() / "site" if out_dir is None else out_dir
    notebooks_dir = course_root() / "notebooks" if notebooks_dir is None else notebooks_dir
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import CellExecutionError, ExecutePreprocessor

    out_dir, notebooks_dir = Path(out_dir), Path(notebooks_dir)
    sources = sorted(notebooks_dir.glob("[0-9]*.ipynb"))
    if not sources:
        raise ClassroomError(f"There is no course notebook (00_….ipynb) in {notebooks_dir}.")
    out_dir.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    pages, failures = [], []
    with tempfile.TemporaryDirectory() as scratch, _environment(COURSE_ANSWERS_DIR=scratch, MPLBACKEND="Agg"):
        for path in sources:
            nb = nbformat.read(path, as_version=4)
            started = time.perf_counter()
            try:
                ExecutePreprocessor(timeout=timeout, kernel_name="python3", store_widget_state=True).preprocess(
                    nb, {"metadata": {"path": str(notebooks_dir)}})
            except CellExecutionError as error:
                failures.append(f"{path.name}: {error.ename}: {error.evalue}")
                continue
            seconds = time.perf_counter() - started
            body, _ = exporter.from_notebook_node(nb)
            body = _link_pages(body)
            name = f"{path.stem}.html"
            (out_dir / name).write_text(body, encoding="utf-8")
            title, minutes = notebook_title(nb)
            pages.append(Page(name, title or path.stem, minutes, seconds))
    (out_dir / "index.html").write_text(_index_html(pages), encoding="utf-8")
    if failures:
        raise ClassroomError("These notebooks failed to run, so the site lacks them: " + "; ".join(failures))
    return pages


# -- command line ------------------------------------------------------------------------------


def _size(path: Path) -> str:
    total = path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return f"{total / 1e6:.1f} MB" if total >= 1e5 else f"{total / 1e3:.0f} kB"


def main(argv: list[str] | None = None) -> int:
    """Run one classroom task; a problem is printed as one line, with exit status 2."""
    parser = argparse.ArgumentParser(prog="python -m helpers.classroom", description=__doc__.split("\n")[0])
    tasks = parser.add_subparsers(dest="task", required=True)
    student = tasks.add_parser("student", help="student copies in dist/student and dist/student.zip")
    student.add_argument("--notebooks", default=str(course_root() / "notebooks"))
    student.add_argument("--out", default="dist")
    submission = tasks.add_parser("submission", help="one student's answers as HTML and JSON")
    submission.add_argument("--student", default=None, help="the student's name (default: $JUPYTERHUB_USER)")
    submission.add_argument("--answers", default=None, help="answers folder (default: $COURSE_ANSWERS_DIR or answers/)")
    submission.add_argument("--out", default="dist/submission")
    site = tasks.add_parser("site", help="run the notebooks and write them as a static web site")
    site.add_argument("--notebooks", default=str(course_root() / "notebooks"))
    site.add_argument("--out", default="site")
    args = parser.parse_args(argv)
    try:
        if args.task == "student":
            archive = make_student_copies(args.out, args.notebooks)
            copies = sorted((archive.parent / "student" / "notebooks").glob("*.ipynb"))
            print(f"Wrote {len(copies)} student notebooks to {archive.parent / 'student'} and {archive} ({_size(archive)}).")
        elif args.task == "submission":
            result = export_submission(args.student, args.answers, args.out)
            print(f"Wrote the answers of {result.student} ({', '.join(result.notebooks)}):\n"
                  f"  {result.html_path}  (to read)\n  {result.json_path}  (for the teacher's class summary)")
            for path, reason in result.skipped:
                print(f"  not included: {path} ({reason})", file=sys.stderr)
        else:
            started = time.perf_counter()
            pages = build_site(args.out, args.notebooks)
            print(f"Wrote {len(pages)} pages and index.html to {args.out} ({_size(Path(args.out))}) "
                  f"in {time.perf_counter() - started:.0f} s.")
    except (CourseError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
