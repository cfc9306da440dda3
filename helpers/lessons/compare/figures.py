"""The notebook's two charts: who speaks in each text, and the actors both texts mention.

Each takes a table from this package and returns a :class:`~helpers.notebook.display.Chart` (figure, alt
text, the table behind it), or a :class:`~helpers.notebook.display.Message` when there is nothing to draw.
Text A is blue, text B orange (Okabe–Ito); reported speech and text B are also hatched, so colour is never
the only cue.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ...notebook.display import OKABE_ITO, Chart, Message

COLOURS = {"a": OKABE_ITO["blue"], "b": OKABE_ITO["orange"]}
TOP = 12


def _height(rows: int) -> float:
    return max(2.8, 0.45 * rows + 1.8)


def plot_quoted(table: pd.DataFrame, labels: tuple[str, str] = ("A", "B")) -> Chart | Message:
    """Statements per speaker, one panel per text (each with its own scale, since texts differ in length):
    direct quotes solid, reported speech hatched. From a :func:`~helpers.lessons.compare.quoted` table."""
    if table.empty:
        return Message("Neither text has a statement with a speaker, so there is no one to compare.", "info")
    shown = table.head(TOP)
    figure = Figure(figsize=(9, _height(len(shown))))
    axes = figure.subplots(1, 2, sharey=True)
    rows = list(range(len(shown)))[::-1]
    for ax, side, label in zip(axes, ("a", "b"), labels):
        direct, reported = shown[f"{side}_direct"], shown[f"{side}_reported"]
        colour = COLOURS[side]
        ax.barh(rows, direct, color=colour, edgecolor="black", linewidth=0.4, label="direct")
        ax.barh(
            rows, reported, left=direct, color="white", edgecolor=colour, hatch="///", linewidth=1.0, label="reported"
        )
        largest = max(1, int((direct + reported).max()))
        for row, d, r in zip(rows, direct, reported):
            ax.text(d + r + largest * 0.02, row, f"{d} + {r}" if d and r else str(d + r), va="center", fontsize=9)
        ax.set_xlim(0, largest * 1.3 + 0.5)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(label, fontsize=10)
        ax.set_xlabel("Statements")
        ax.legend(loc="lower right", fontsize=9)
    axes[0].set_yticks(rows, labels=list(shown["speaker"]))
    figure.suptitle("Who speaks in each text?\nLook for speakers with a bar on one side only", fontweight="bold")
    figure.tight_layout()
    listing = "; ".join(
        f"{s}: A {ad} direct, {ar} reported; B {bd} direct, {br} reported"
        for s, ad, ar, bd, br in zip(
            shown["speaker"], shown["a_direct"], shown["a_reported"], shown["b_direct"], shown["b_reported"]
        )
    )
    alt = f"Two bar charts of statements per speaker, text {labels[0]} and text {labels[1]}: {listing}."
    return Chart(figure, alt, table)


def plot_shared_actors(table: pd.DataFrame, labels: tuple[str, str] = ("A", "B")) -> Chart | Message:
    """Each actor both texts mention, as a share of each text's actor mentions (so a long and a short text
    compare), with the count. From an :func:`~helpers.lessons.compare.actor_mentions` table.

    When the texts share no actor it returns the message "These texts share no actors", not an empty chart.
    """
    shared = table[table["in"] == "both"].head(TOP).copy()
    if shared.empty:
        return Message(
            f"These texts share no actors: no actor that {labels[0]} mentions is mentioned in {labels[1]}. "
            "The actors table lists who each text is about.",
            "info",
        )
    for side in ("a", "b"):
        total = int(table[f"{side}_mentions"].sum())
        shared[f"{side}_share"] = [round(100 * n / total, 1) for n in shared[f"{side}_mentions"]]
    figure = Figure(figsize=(9, _height(len(shared))))
    ax = figure.subplots()
    rows = list(range(len(shared)))[::-1]
    width = 0.38
    for offset, side, label, hatch in ((width / 2, "a", labels[0], ""), (-width / 2, "b", labels[1], "..")):
        y = [r + offset for r in rows]
        shares, counts = shared[f"{side}_share"], shared[f"{side}_mentions"]
        ax.barh(
            y, shares, height=width, color=COLOURS[side], edgecolor="black", linewidth=0.4, hatch=hatch, label=label
        )
        for yy, share, count in zip(y, shares, counts):
            ax.text(share + 0.3, yy, f"{share:g}% ({count})", va="center", fontsize=9)
    ax.set_yticks(rows, labels=list(shared["actor"]))
    ax.set_xlim(0, float(shared[["a_share", "b_share"]].to_numpy().max()) * 1.3 + 1)
    ax.set_xlabel("Share of the text's actor mentions (%), with the number of mentions")
    ax.set_title("Actors both texts mention\nDoes one text give an actor a bigger share?")
    ax.legend(loc="lower right", fontsize=9)
    figure.tight_layout()
    listing = "; ".join(
        f"{n}: A {sa:g}% ({a}), B {sb:g}% ({b})"
        for n, a, b, sa, sb in zip(
            shared["actor"], shared["a_mentions"], shared["b_mentions"], shared["a_share"], shared["b_share"]
        )
    )
    alt = (
        f"Bar chart of the {len(shared)} actors both texts mention, as a share of each text's actor mentions, "
        f"text {labels[0]} and text {labels[1]}: {listing}."
    )
    return Chart(figure, alt, shared.reset_index(drop=True))
