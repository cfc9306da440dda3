"""Notebook 2, the timeline figure: one lane per main actor, article dates hollow, background filled.

No text from a seed is drawn inside a figure (matplotlib would read ``$…$`` as maths): the figure
shows markers, the folded table behind it the words.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pandas as pd

from ...notebook.display import GREY, Chart, Message, actor_colours
from .table import _LANE_IDS, LANE_MARKERS, LANE_ORDER, filter_table


def lane_colours() -> dict[str, str]:
    """Okabe–Ito colour per lane, from :func:`helpers.notebook.display.actor_colours`."""
    colours = actor_colours([_LANE_IDS[lane] for lane in LANE_ORDER])
    return {lane: colours[_LANE_IDS[lane]] for lane in LANE_ORDER}


def _stack_offsets(table: pd.DataFrame, gap_days: float) -> list[float]:
    """Small vertical offsets so that events close in time in one lane do not hide each other."""
    offsets = [0.0] * len(table)
    positions = {index: n for n, index in enumerate(table.index)}
    for _, lane in table.groupby("lane", sort=False):
        lane = lane.sort_values("date", kind="stable")
        groups: list[list] = []
        for index, when in zip(lane.index, lane["date"]):
            if groups and (when - groups[-1][0][1]).days <= gap_days:
                groups[-1].append((index, when))
            else:
                groups.append([(index, when)])
        for group in groups:
            step = min(0.25, 0.8 / max(1, len(group) - 1)) if len(group) > 1 else 0
            for k, (index, _) in enumerate(group):
                offsets[positions[index]] = (k - (len(group) - 1) / 2) * step
    return offsets


def alt_text(table: pd.DataFrame, reference_date: date | None = None) -> str:
    """A description of the timeline for people who cannot see it."""
    if table.empty:
        return "An empty timeline: no dated event to show."
    first, last = table["date"].min(), table["end_date"].fillna(table["date"]).max()
    lanes = table["lane"].value_counts()
    parts = [f"{lane}: {lanes[lane]}" for lane in LANE_ORDER if lane in lanes]
    n_article = int(table["from_article"].sum())
    text = (
        f"Timeline of {len(table)} dated events from {first:%d %b %Y} to {last:%d %b %Y}, one row per actor "
        f"({'; '.join(parts)}). {n_article} hollow markers are dates taken from the article; "
        f"{len(table) - n_article} filled markers are sourced background events."
    )
    periods = int((table["end_date"] > table["date"]).sum())
    if periods:
        text += f" {periods} period(s) are drawn as horizontal bars."
    if reference_date is not None:
        ref = pd.Timestamp(reference_date)
        before = int((table["date"] < ref).sum())
        text += (
            f" A dashed vertical line marks the article's reference date, {ref:%d %b %Y}; "
            f"{before} events lie before it."
        )
    return text


def plot_timeline(
    table: pd.DataFrame,
    reference_date: date | None = None,
    title: str = "Timeline: the article's dates and the background",
    period=None,
) -> Chart:
    """Draw the timeline; returns a :class:`Chart` (figure, alt text, and the table behind it).

    One lane per main actor, colour and marker shape per lane; article dates hollow, background
    events filled; periods as bars; a dashed line at the reference date. ``period`` = (start, end)
    limits the x axis.
    """
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    lanes = [lane for lane in LANE_ORDER if lane in set(table["lane"])] or LANE_ORDER[:1]
    fig = Figure(figsize=(10, max(3.2, 1.5 + 0.7 * len(lanes))))
    ax = fig.subplots()
    y_of = {lane: len(lanes) - 1 - n for n, lane in enumerate(lanes)}
    colours = lane_colours()
    if period is not None:
        lo, hi = pd.Timestamp(period[0]), pd.Timestamp(period[1])
    elif len(table):
        lo, hi = table["date"].min(), table["end_date"].fillna(table["date"]).max()
        if reference_date is not None:
            lo, hi = min(lo, pd.Timestamp(reference_date)), max(hi, pd.Timestamp(reference_date))
    else:
        lo = hi = pd.Timestamp(reference_date or date.today())
    span = max((hi - lo).days, 30)
    pad = timedelta(days=max(3, span * 0.03))
    offsets = _stack_offsets(table, gap_days=span / 70)
    for (_, row), offset in zip(table.iterrows(), offsets):
        y = y_of[row["lane"]] + offset
        colour = colours[row["lane"]]
        end = row["end_date"] if pd.notna(row["end_date"]) else row["date"]
        if end > row["date"]:
            ax.plot(
                [row["date"], end], [y, y], color=colour, linewidth=2.5, alpha=0.55, solid_capstyle="butt", zorder=2
            )
        style: dict[str, Any] = dict(marker=LANE_MARKERS[row["lane"]], markersize=8, linestyle="none", zorder=3)
        if row["from_article"]:
            style.update(markerfacecolor="white", markeredgecolor=colour, markeredgewidth=2.2, markersize=11, zorder=4)
        else:
            style.update(markerfacecolor=colour, markeredgecolor="white", markeredgewidth=0.6)
        ax.plot([row["date"]], [y], **style)
    if reference_date is not None:
        ref = pd.Timestamp(reference_date)
        ax.axvline(ref, color="black", linestyle="--", linewidth=1.2, zorder=1)
        right_side = (ref - (lo - pad)) / ((hi + pad) - (lo - pad)) > 0.7
        ax.annotate(
            f"reference date\n{ref:%d %b %Y}",
            xy=(ref, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(-4 if right_side else 4, -2),
            textcoords="offset points",
            ha="right" if right_side else "left",
            va="top",
            fontsize=9,
            bbox=dict(boxstyle="round,pad=0.2", facecolor="white", edgecolor="none", alpha=0.85),
        )
    if table.empty:
        ax.text(0.5, 0.5, "No dated event to show", transform=ax.transAxes, ha="center", va="center", color=GREY)
        lanes = []
    ax.set_yticks([y_of[lane] for lane in lanes], lanes)
    ax.set_ylim(-0.6, len(lanes) - 0.4 + 0.5)
    ax.set_xlim(lo - pad, hi + pad)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_xlabel("Date")
    ax.set_ylabel("Main actor (lane)")
    ax.set_title(title)
    handles = [
        Line2D([], [], marker=LANE_MARKERS[lane], color=colours[lane], linestyle="none", markersize=8, label=lane)
        for lane in lanes
    ]
    handles += [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markerfacecolor=GREY,
            markeredgecolor=GREY,
            markersize=8,
            label="filled: background event\n(events.csv)",
        ),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markerfacecolor="white",
            markeredgecolor=GREY,
            markeredgewidth=2.2,
            markersize=10,
            label="hollow: date in the article",
        ),
    ]
    if (table["end_date"] > table["date"]).any():
        handles.append(Line2D([], [], color=GREY, linewidth=2.5, alpha=0.55, label="bar: a period"))
    if reference_date is not None:
        handles.append(Line2D([], [], color="black", linestyle="--", label="article's reference date"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9)
    fig.tight_layout()
    shown = table if period is None else filter_table(table, None, lo, hi)
    return Chart(fig, alt_text(shown, reference_date), figure_table(shown))


def zoom_period(reference_date: date | None, weeks_before: int = 6, days_after: int = 3) -> tuple | None:
    """From ``weeks_before`` weeks before the reference date to ``days_after`` days after it: a close-up
    of the crowded weeks just before the article. ``None`` without a reference date."""
    if reference_date is None:
        return None
    ref = pd.Timestamp(reference_date)
    return ref - pd.Timedelta(weeks=weeks_before), ref + pd.Timedelta(days=days_after)


def figure_table(table: pd.DataFrame) -> pd.DataFrame:
    """The table behind a timeline figure: what each marker is, and where it comes from."""
    return table[["date", "end_date", "lane", "label", "origin", "source"]].reset_index(drop=True)


def plot_close_up(table: pd.DataFrame, reference_date: date | None, weeks_before: int = 6) -> Chart | Message:
    """The close-up of the weeks before the reference date, as a :class:`Chart`. Without a reference
    date or events in that window, a message instead."""
    period = zoom_period(reference_date, weeks_before)
    rows = filter_table(table, None, *period) if period else table.iloc[0:0]
    if period is None or rows.empty:
        return Message("No close-up: the article has no reference date or no dated event in the weeks before it.")
    title = f"Close-up: {period[0]:%d %b} to {period[1]:%d %b %Y}"
    return plot_timeline(rows, reference_date, title=title, period=period)
