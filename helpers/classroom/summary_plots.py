"""Charts of the class summary: each returns one :class:`~helpers.notebook.display.Chart`.

Labels come from students' files, so they are drawn as plain text (no mathtext: ``$`` shows as ``$``).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ..notebook.display import GREY, OKABE_ITO, Chart, empty_figure
from .common import natural_key
from .forecasts import BASELINE_FORECAST, class_mean_brier, forecast_spread
from .stances import mean_pairwise_kappa


def _plain(text: object) -> str:
    """A label from a student's file drawn as it is: ``$`` escaped (no mathtext), a leading ``_`` kept in legends."""
    label = str(text).replace("$", r"\$")
    return f" {label}" if label.startswith("_") else label


_SERIES_COLOURS = [
    OKABE_ITO[name]
    for name in ("blue", "orange", "bluish green", "reddish purple", "vermillion", "sky blue", "yellow", "black")
]


def plot_completion(completion: pd.DataFrame) -> Chart:
    """Grouped bars: percent of questions answered per student, one bar per notebook (labelled)."""
    title = "Completion per student and notebook"
    if completion.empty:
        return Chart(empty_figure(title, "No answers yet."), f"{title}: no answers yet.", completion)
    wide = completion.pivot(index="student", columns="notebook", values="percent")
    wide = wide.reindex(sorted(wide.index, key=natural_key))[sorted(wide.columns, key=natural_key)]
    students, notebooks = list(wide.index), list(wide.columns)
    fig = Figure(figsize=(max(7, 1.3 * len(students) + 2), 4))
    ax = fig.subplots()
    width = 0.8 / len(notebooks)
    for k, notebook in enumerate(notebooks):
        xs = [i + (k - (len(notebooks) - 1) / 2) * width for i in range(len(students))]
        ax.bar(
            xs,
            wide[notebook],
            width=width,
            label=_plain(notebook),
            edgecolor="black",
            linewidth=0.4,
            color=_SERIES_COLOURS[k % len(_SERIES_COLOURS)],
            hatch=["", "//", "..", "xx", "\\\\"][k % 5],
        )
    ax.set_xticks(range(len(students)), labels=[_plain(s) for s in students])
    ax.set_ylim(0, 105)
    ax.set_title(title)
    ax.set_xlabel("Student")
    ax.set_ylabel("Questions answered (% of the class's questions)")
    ax.legend(title="Notebook", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    mean = completion.groupby("student")["percent"].mean()
    listing = "; ".join(f"{s}: {mean[s]:.0f}% on average" for s in students)
    alt = (
        f"Grouped bar chart of the percentage of questions each of {len(students)} students answered in "
        f"each of {len(notebooks)} notebooks ({', '.join(notebooks)}). {listing}."
    )
    table = wide.reset_index()
    table.columns.name = None
    return Chart(fig, alt, table)


def plot_forecasts(forecasts: pd.DataFrame, questions: pd.DataFrame | None = None) -> Chart:
    """Each student's forecast per question (dots), the outcome (a cross at 0 or 1) and the 0.5 line."""
    spread = forecast_spread(forecasts, questions)
    title = "The class's forecasts and what happened"
    if forecasts.empty:
        return Chart(empty_figure(title, "No forecasts yet."), f"{title}: no forecasts yet.", spread)
    ids = list(spread["question_id"])
    students = sorted(forecasts["student"].unique(), key=natural_key)
    fig = Figure(figsize=(max(7, 1.1 * len(ids) + 3), 4))
    ax = fig.subplots()
    markers = "osD^vP*X"
    for k, student in enumerate(students):
        mine = forecasts[forecasts["student"] == student]
        offset = (k - (len(students) - 1) / 2) * 0.06
        ax.scatter(
            [ids.index(q) + offset for q in mine["question_id"]],
            mine["forecast"],
            s=40,
            marker=markers[k % len(markers)],
            color=_SERIES_COLOURS[k % len(_SERIES_COLOURS)],
            edgecolor="black",
            linewidth=0.4,
            label=_plain(student),
            zorder=3,
        )
    ax.scatter(
        range(len(ids)),
        spread["outcome"],
        marker="x",
        s=160,
        color="black",
        linewidth=2.5,
        label="outcome (1 = yes, 0 = no)",
        zorder=4,
    )
    ax.axhline(BASELINE_FORECAST, color=GREY, linestyle="--", linewidth=1, label="0.5 (no idea)")
    ax.set_xticks(range(len(ids)), labels=[_plain(q) for q in ids])
    ax.set_ylim(-0.08, 1.08)
    ax.set_title(title)
    ax.set_xlabel("Forecast question (forecast_questions.csv)")
    ax.set_ylabel("Probability given that the answer is yes")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=9)
    fig.tight_layout()
    listing = "; ".join(
        f"{q}: outcome {'yes' if o else 'no'}, "
        + (f"{n} forecasts from {lo:g} to {hi:g} (median {med:g})" if n else "no forecasts")
        for q, o, n, lo, hi, med in zip(
            spread["question_id"],
            spread["outcome"],
            spread["forecasts"],
            spread["min"],
            spread["max"],
            spread["median"],
        )
    )
    alt = f"Dot plot of {len(students)} students' forecasts for {len(ids)} questions, with the outcomes. {listing}."
    return Chart(fig, alt, spread)


def plot_brier(scores: pd.DataFrame) -> Chart:
    """Bars: each student's Brier score, the class mean and the 0.25 baseline (lower is better)."""
    title = "Brier score per student (lower is better)"
    if scores.empty:
        return Chart(empty_figure(title, "No forecasts yet."), f"{title}: no forecasts yet.", scores)
    mean = class_mean_brier(scores)
    fig = Figure(figsize=(max(6, 0.9 * len(scores) + 3), 3.8))
    ax = fig.subplots()
    colours = [
        OKABE_ITO["bluish green"] if better else OKABE_ITO["vermillion"] for better in scores["better_than_baseline"]
    ]
    bars = ax.bar(range(len(scores)), scores["brier"], color=colours, edgecolor="black", linewidth=0.4)
    for bar, value in zip(bars, scores["brier"]):
        ax.text(bar.get_x() + bar.get_width() / 2, value + 0.01, f"{value:.3f}", ha="center", va="bottom", fontsize=9)
    ax.axhline(0.25, color="black", linestyle="--", linewidth=1, label="always 0.5: 0.25")
    ax.axhline(mean, color=OKABE_ITO["blue"], linestyle=":", linewidth=2, label=f"class mean: {mean:.3f}")
    ax.set_xticks(range(len(scores)), labels=[_plain(s) for s in scores["student"]])
    ax.set_ylim(0, max(0.3, float(scores["brier"].max()) + 0.08))
    ax.set_title(title)
    ax.set_xlabel("Student (green: better than always saying 0.5; vermillion: not)")
    ax.set_ylabel("Brier score (0 best, 1 worst)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    listing = "; ".join(
        f"{s} {b:.3f} over {n} question(s)" for s, b, n in zip(scores["student"], scores["brier"], scores["questions"])
    )
    alt = (
        f"Bar chart of Brier scores: {listing}. Class mean {mean:.3f}; always forecasting 0.5 scores 0.25. "
        f"{int(scores['better_than_baseline'].sum())} of {len(scores)} students beat that baseline."
    )
    return Chart(fig, alt, scores)


def plot_stance_agreement(agreement: pd.DataFrame, pairs: pd.DataFrame) -> Chart:
    """Bars: each student's kappa with the reference coding, and the mean kappa between students."""
    title = "Stance coding: agreement with the reference (Cohen's kappa)"
    scored = agreement.dropna(subset=["kappa"])
    if scored.empty:
        return Chart(empty_figure(title, "No stance codes yet."), f"{title}: no stance codes yet.", agreement)
    mean = mean_pairwise_kappa(pairs)
    fig = Figure(figsize=(max(8, 0.9 * len(scored) + 4), 3.8))
    ax = fig.subplots()
    bars = ax.bar(range(len(scored)), scored["kappa"], color=OKABE_ITO["blue"], edgecolor="black", linewidth=0.4)
    for bar, value in zip(bars, scored["kappa"]):
        ax.text(bar.get_x() + bar.get_width() / 2, max(value, 0) + 0.02, f"{value:.2f}", ha="center", fontsize=9)
    ax.axhline(0, color="black", linewidth=0.8)
    if pd.notna(mean):
        ax.axhline(
            mean,
            color=OKABE_ITO["orange"],
            linestyle="--",
            linewidth=2,
            label=f"mean kappa between students: {mean:.2f}",
        )
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    ax.set_xticks(range(len(scored)), labels=[_plain(s) for s in scored["student"]])
    ax.set_ylim(min(-0.2, float(scored["kappa"].min()) - 0.1), 1.1)
    ax.set_title(title)
    ax.set_xlabel("Student")
    ax.set_ylabel("Kappa (1 perfect, 0 chance)")
    fig.tight_layout()
    listing = "; ".join(
        f"{s} {k:.2f} ({a:.0f}% on {n} statements)"
        for s, k, a, n in zip(scored["student"], scored["kappa"], scored["agreement_pct"], scored["statements"])
    )
    between = f" Mean kappa between pairs of students: {mean:.2f}." if pd.notna(mean) else ""
    alt = f"Bar chart of each student's Cohen's kappa with the reference stance coding: {listing}.{between}"
    return Chart(fig, alt, agreement)
