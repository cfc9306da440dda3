"""Notebook 2, the timeline figure: one lane per main actor, article dates hollow, background filled.

Every marker carries a number, the ``no.`` column of the table returned with the figure, so the
figure can be read without the table and checked against it. No text from a seed is drawn inside
a figure (matplotlib would read ``$…$`` as maths): the figure shows numbers, the table the words.

Without a ``period``, the figure opens on the weeks around the article's reference date where most
events sit (:func:`default_window`); the events outside that window are counted in a note under
the figure and stay in the table (``in figure`` = ``earlier`` / ``later``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pandas as pd

from ...notebook.display import GREY, Chart, Message, actor_colours
from .table import _LANE_IDS, LANE_MARKERS, LANE_ORDER, filter_table

#: Width of the window the main figure opens on (weeks), when the events span more than that.
WINDOW_WEEKS = 8
#: Font size of every text in the figure (points): never below 9.
FONT_PT = 9
#: Height of one row of markers in a lane (points) and the gap between lanes (rows).
_ROW_PT = 14.0
_LANE_GAP = 0.7
#: Horizontal room of a marker with its number (points): marker, gap, digits.
_MARKER_PT = 6.0
_DIGIT_PT = 5.6
_NUMBER_GAP_PT = 3.0


def lane_colours() -> dict[str, str]:
    """Okabe–Ito colour per lane, from :func:`helpers.notebook.display.actor_colours`."""
    colours = actor_colours([_LANE_IDS[lane] for lane in LANE_ORDER])
    return {lane: colours[_LANE_IDS[lane]] for lane in LANE_ORDER}


def _ends(table: pd.DataFrame) -> pd.Series:
    return table["end_date"].fillna(table["date"])


def default_window(
    table: pd.DataFrame, reference_date: date | None = None, weeks: int = WINDOW_WEEKS
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The ``weeks``-wide window where most events sit, holding the reference date if there is one.

    ``None`` when everything fits in about that width anyway, when no such window holds at least
    half of the events, or when there is no event: then the figure shows the whole span. The window is trimmed to its first and last event (and the
    reference date, with a few days around it).
    """
    if table.empty:
        return None
    dates = table["date"]
    ref = pd.Timestamp(reference_date) if reference_date is not None else None
    width = pd.Timedelta(weeks=weeks)
    first, last = dates.min(), _ends(table).max()
    if ref is not None:
        first, last = min(first, ref), max(last, ref)
    if last - first <= width * 1.25:
        return None
    if ref is not None:
        # windows that hold the reference date: starting at an event before it, or ending at one after it
        starts = {ref - width, ref} | {d for d in dates if ref - width <= d <= ref}
        starts |= {d - width for d in dates if ref <= d <= ref + width}
    else:
        starts = set(dates)
    counts = {s: int(((dates >= s) & (dates <= s + width)).sum()) for s in starts}
    best = max(counts.values())
    if best < 2 or 2 * best < len(dates):
        return None  # no crowd: the whole span tells more
    # ties: the window whose middle is nearest the reference date (or the latest one)
    centre = ref if ref is not None else last
    start = min((s for s, n in counts.items() if n == best), key=lambda s: (abs(s + width / 2 - centre), -s.value))
    inside = dates[(dates >= start) & (dates <= start + width)]
    lo, hi = (inside.min(), inside.max()) if len(inside) else (start, start + width)
    if ref is not None:
        # a little room before the article's day; after it only the next day (a date the article may look
        # ahead to, such as day 1,000): the window says nothing about days no reader had seen yet
        lo, hi = min(lo, ref - pd.Timedelta(days=3)), max(hi, ref + pd.Timedelta(days=1))
    return lo, hi


def _where(table: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp) -> list[str]:
    """``yes`` for an event drawn in [lo, hi] (a period that reaches into it counts), else earlier/later."""
    out = []
    for start, end in zip(table["date"], _ends(table)):
        out.append("earlier" if end < lo else "later" if start > hi else "yes")
    return out


def _number_ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7, 9, 10]`` → ``"1–3, 7, 9–10"``."""
    parts: list[tuple[int, int]] = []
    for n in sorted(numbers):
        if parts and parts[-1][1] == n - 1:
            parts[-1] = (parts[-1][0], n)
        else:
            parts.append((n, n))
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in parts)


def _assign_rows(table: pd.DataFrame, numbers: list[int], lo: pd.Timestamp, points_per_day: float) -> dict[Any, int]:
    """Row (0 = top of its lane) for every event, so that no marker or number touches another in its lane.

    Greedy interval colouring in date order: an event takes the first row whose last occupant ends
    (its number, or its period bar) before this event's marker begins.
    """
    rows: dict[Any, int] = {}
    for _, lane in table.assign(_no=numbers).groupby("lane", sort=False):
        free_from: list[float] = []  # per row, the x (points) where it becomes free
        for index, row in lane.sort_values(["date", "_no"], kind="stable").iterrows():
            x = (max(row["date"], lo) - lo).days * points_per_day
            end = (max(_ends(lane).loc[index], lo) - lo).days * points_per_day
            right = max(end, x) + _MARKER_PT + _NUMBER_GAP_PT + _DIGIT_PT * len(str(row["_no"])) + 2
            left = x - _MARKER_PT - 1
            for r, free in enumerate(free_from):
                if free <= left:
                    free_from[r] = right
                    rows[index] = r
                    break
            else:
                free_from.append(right)
                rows[index] = len(free_from) - 1
    return rows


def alt_text(
    table: pd.DataFrame,
    reference_date: date | None = None,
    window: tuple[pd.Timestamp, pd.Timestamp] | None = None,
) -> str:
    """A description of the timeline for people who cannot see it.

    ``window``: the dates the figure shows when it does not show every event.
    """
    if table.empty:
        return "An empty timeline: no dated event to show."
    first, last = table["date"].min(), _ends(table).max()
    lanes = table["lane"].value_counts()
    parts = [f"{lane}: {lanes[lane]}" for lane in LANE_ORDER if lane in lanes]
    n_article = int(table["from_article"].sum())
    text = (
        f"Timeline of {len(table)} dated events from {first:%d %b %Y} to {last:%d %b %Y}, one row per actor "
        f"({'; '.join(parts)}). Each marker carries its number in the table (1 = earliest). "
        f"{n_article} hollow markers are dates taken from the article; "
        f"{len(table) - n_article} filled markers are sourced background events."
    )
    periods = int((table["end_date"] > table["date"]).sum())
    if periods:
        text += f" {periods} period(s) are drawn as horizontal bars."
    if window is not None:
        where = _where(table, *window)
        shown = where.count("yes")
        text += (
            f" The figure shows {window[0]:%d %b %Y} to {window[1]:%d %b %Y}, the weeks where most events sit: "
            f"{shown} of the {len(table)} events."
        )
        numbers = list(range(1, len(table) + 1))
        for side in ("earlier", "later"):
            outside = [n for n, w in zip(numbers, where) if w == side]
            if outside:
                text += f" {len(outside)} {side} event(s), numbers {_number_ranges(outside)}, are only in the table."
    if reference_date is not None:
        ref = pd.Timestamp(reference_date)
        before = int((table["date"] < ref).sum())
        text += (
            f" A dashed vertical line marks the article's reference date, {ref:%d %b %Y}; "
            f"{before} events lie before it."
        )
    return text


def default_title(table: pd.DataFrame, reference_date: date | None, shown: int) -> str:
    """What to look for: where the events crowd, and that the numbers lead to the table."""
    if table.empty:
        return "Timeline: no dated event to show"
    if reference_date is not None:
        where = f"around the article's date ({pd.Timestamp(reference_date):%d %b %Y})"
    else:
        where = "in the busiest weeks"
    if shown == len(table):
        return f"When did each actor act? All {len(table)} events; numbers match the table"
    return f"Where the events crowd: {shown} of {len(table)} {where}; numbers match the table"


def plot_timeline(
    table: pd.DataFrame,
    reference_date: date | None = None,
    title: str | None = None,
    period=None,
) -> Chart:
    """Draw the timeline; returns a :class:`Chart` (figure, alt text, and the table behind it).

    One lane per main actor, colour and marker shape per lane; article dates hollow, background
    events filled; periods as bars; a dashed line at the reference date; beside every marker its
    number, the ``no.`` column of the Chart's table. ``period`` = (start, end) limits the x axis
    (and the table) to it; without it the axis opens on :func:`default_window`, and the events
    outside it are counted under the figure (they stay in the table, ``in figure`` earlier/later).
    ``title`` defaults to one that says what to look for.
    """
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    window = None
    if period is not None:
        lo, hi = pd.Timestamp(period[0]), pd.Timestamp(period[1])
        table = filter_table(table, None, lo, hi)
    elif len(table):
        window = default_window(table, reference_date)
        if window is not None:
            lo, hi = window
        else:
            lo, hi = table["date"].min(), _ends(table).max()
            if reference_date is not None:
                lo, hi = min(lo, pd.Timestamp(reference_date)), max(hi, pd.Timestamp(reference_date))
    else:
        lo = hi = pd.Timestamp(reference_date or date.today())
    table = table.reset_index(drop=True)
    numbers = list(range(1, len(table) + 1))
    where = _where(table, lo, hi)
    drawn = table[pd.Series([w == "yes" for w in where], index=table.index, dtype=bool)]
    span = max((hi - lo).days, 14)
    pad = timedelta(days=max(2, span * 0.04))
    x_lo, x_hi = lo - pad, hi + pad

    lanes = [lane for lane in LANE_ORDER if lane in set(table["lane"])] or LANE_ORDER[:1]
    # Axes width: the figure is 10 in wide; lane names on the left and the legend on the right
    # take about 3.7 in (checked by the tests, which measure the drawn numbers).
    axes_pt = (10 - 3.7) * 72
    points_per_day = axes_pt / max(1.0, (x_hi - x_lo).days)
    rows = _assign_rows(drawn, [numbers[i] for i in drawn.index], x_lo, points_per_day) if len(drawn) else {}
    n_rows = {lane: 1 + max([rows[i] for i in drawn.index[drawn["lane"] == lane]], default=0) for lane in lanes}
    # lanes from the top; y grows upwards, so the top lane has the largest y
    tops: dict[str, float] = {}
    y = 0.0
    for lane in reversed(lanes):
        y += n_rows[lane]
        tops[lane] = y - 0.5
        y += _LANE_GAP
    y_max = y - _LANE_GAP
    height_in = max(3.6, y_max * _ROW_PT / 72 + 2.1)

    fig = Figure(figsize=(10, height_in))
    ax = fig.subplots()
    colours = lane_colours()
    for lane in lanes:
        if lane != lanes[0]:
            ax.axhline(tops[lane] + 0.5 + _LANE_GAP / 2, color="#cccccc", linewidth=0.8, zorder=0)
    for index, row in drawn.iterrows():
        y = tops[row["lane"]] - rows[index]
        colour = colours[row["lane"]]
        end = row["end_date"] if pd.notna(row["end_date"]) else row["date"]
        if end > row["date"]:
            ax.plot(
                [row["date"], end], [y, y], color=colour, linewidth=2.5, alpha=0.55, solid_capstyle="butt", zorder=2
            )
        style: dict[str, Any] = dict(marker=LANE_MARKERS[row["lane"]], markersize=8, linestyle="none", zorder=3)
        if row["from_article"]:
            style.update(markerfacecolor="white", markeredgecolor=colour, markeredgewidth=2.2, markersize=10, zorder=4)
        else:
            style.update(markerfacecolor=colour, markeredgecolor="white", markeredgewidth=0.6)
        x = max(row["date"], x_lo)
        if row["date"] >= x_lo:
            ax.plot([x], [y], **style)
        ax.annotate(
            str(numbers[index]),
            xy=(x, y),
            xytext=(_MARKER_PT + _NUMBER_GAP_PT - 2, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=FONT_PT,
            color="#222222",
            gid=f"event-number-{numbers[index]}",
            zorder=5,
        )
    if reference_date is not None:
        ref = pd.Timestamp(reference_date)
        ax.axvline(ref, color="black", linestyle="--", linewidth=1.2, zorder=1)
        share = (ref - x_lo) / (x_hi - x_lo)
        ax.annotate(
            f"reference date {ref:%d %b %Y}",
            xy=(ref, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 3),
            textcoords="offset points",
            ha="right" if share > 0.75 else "left" if share < 0.25 else "center",
            va="bottom",
            fontsize=FONT_PT,
            annotation_clip=False,
        )
    if table.empty:
        ax.text(0.5, 0.5, "No dated event to show", transform=ax.transAxes, ha="center", va="center", color=GREY)
        lanes = []
    ax.set_yticks([tops[lane] - (n_rows[lane] - 1) / 2 for lane in lanes], lanes)
    ax.set_ylim(-0.5 - 0.4, max(y_max, 1) - 0.5 + 0.4)
    ax.set_xlim(x_lo, x_hi)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(labelsize=FONT_PT + 1)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_xlabel("Date", fontsize=FONT_PT + 1)
    ax.set_ylabel("Main actor (lane)", fontsize=FONT_PT + 1)
    ax.set_title(title or default_title(table, reference_date, len(drawn)), fontsize=FONT_PT + 3, pad=16)
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
        Line2D([], [], linestyle="none", label="7: event no. 7 in the table"),
    ]
    if (table["end_date"] > table["date"]).any():
        handles.append(Line2D([], [], color=GREY, linewidth=2.5, alpha=0.55, label="bar: a period"))
    if reference_date is not None:
        handles.append(Line2D([], [], color="black", linestyle="--", label="article's reference date"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=FONT_PT)
    notes = []
    for side in ("earlier", "later"):
        outside = [n for n, w in zip(numbers, where) if w == side]
        if outside:
            notes.append(f"{len(outside)} {side} (no. {_number_ranges(outside)})")
    if notes and period is None:
        fig.text(
            0.01,
            0.01,
            f"Outside this window, in the table only: {' and '.join(notes)} events.",
            fontsize=FONT_PT,
            color="#333333",
            ha="left",
            va="bottom",
        )
        fig.tight_layout(rect=(0, 0.05, 1, 1))
    else:
        fig.tight_layout()
    return Chart(fig, alt_text(table, reference_date, window), figure_table(table, where))


def zoom_period(reference_date: date | None, weeks_before: int = 6, days_after: int = 1) -> tuple | None:
    """From ``weeks_before`` weeks before the reference date to ``days_after`` days after it: a close-up
    of the crowded weeks just before the article (one day after it by default, so that a date the article
    looks ahead to, such as day 1,000, stays in view). ``None`` without a reference date."""
    if reference_date is None:
        return None
    ref = pd.Timestamp(reference_date)
    return ref - pd.Timedelta(weeks=weeks_before), ref + pd.Timedelta(days=days_after)


def figure_table(table: pd.DataFrame, where: list[str] | None = None) -> pd.DataFrame:
    """The table behind a timeline figure: the number beside each marker (``no.``), whether the
    event is drawn (``in figure``: yes, or earlier/later than the window), what it is and where it
    comes from."""
    out = table[["date", "end_date", "lane", "label", "origin", "source"]].reset_index(drop=True)
    out.insert(0, "in figure", where if where is not None else ["yes"] * len(out))
    out.insert(0, "no.", range(1, len(out) + 1))
    return out


def plot_close_up(table: pd.DataFrame, reference_date: date | None, weeks_before: int = 6) -> Chart | Message:
    """The close-up of the weeks before the reference date, as a :class:`Chart`. Without a reference
    date or events in that window, a message instead."""
    period = zoom_period(reference_date, weeks_before)
    rows = filter_table(table, None, *period) if period else table.iloc[0:0]
    if period is None or rows.empty:
        return Message("No close-up: the article has no reference date or no dated event in the weeks before it.")
    ref = pd.Timestamp(reference_date)
    title = (
        f"The {weeks_before} weeks before the article ({period[0]:%d %b} to {ref:%d %b %Y}): who acted, in what order?"
    )
    return plot_timeline(rows, reference_date, title=title, period=period)
