"""Notebook 1, section 4: the figure of the troop estimates, by source and date (a :class:`Chart`)."""

from __future__ import annotations

import re

import pandas as pd

from ...curated import article_date
from ...notebook.display import GREY, OKABE_ITO, Chart, Message, actor_colours
from ...notebook.session import Session
from ...parse.article import Article, cite
from .troops import TROOP_SECTION, article_troop_figure, troop_estimates_table

_MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*", "h", "<", ">", "p"]


def _reference_quantity(article: Article | None) -> pd.Series | None:
    """The article's troop figure to draw as a reference line: the first one of about 10,000."""
    if article is None:
        return None
    figures = article_troop_figure(article)
    figures = figures[figures["value"] == 10000]
    return None if figures.empty else figures.iloc[0]


def _country(source_org: str) -> str:
    name = re.split(r"[:(]", source_org, maxsplit=1)[0].strip()
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _dodged_dates(table: pd.DataFrame, days: float = 1.5) -> pd.Series:
    """Move estimates from different sources on the same day a little sideways, so markers stay visible.

    Rows from the same source on the same day stay on one vertical line.
    """
    shifted = table["date"].copy()
    for _, group in table.groupby("date"):
        sources = list(dict.fromkeys(group["source_org"]))
        if len(sources) < 2:
            continue
        offsets = {s: (i - (len(sources) - 1) / 2) * days for i, s in enumerate(sources)}
        for index, row in group.iterrows():
            shifted.loc[index] = row["date"] + pd.Timedelta(days=offsets[row["source_org"]])
    return shifted


def troop_figure_alt(table: pd.DataFrame, reference: pd.Series | None) -> str:
    """Alt text for the troop-estimate figure, computed from the table."""
    plotted = table[table["on_figure"]]
    lows = plotted["estimate_low"].fillna(plotted["estimate_high"])
    sources = "; ".join(dict.fromkeys(plotted["source_org"]))
    text = (
        f"Chart of {len(plotted)} dated estimates of North Korean troops, "
        f"{plotted['date'].min():%d %b %Y} to {plotted['date'].max():%d %b %Y}, from {lows.min():,} to "
        f"{plotted['estimate_high'].max():,}. Sources: {sources}. Ranges are vertical bars; upper bounds "
        "are hollow markers."
    )
    if reference is not None:
        text += (
            f" A dashed horizontal line marks the article's figure, {reference['text']} "
            f"({cite(reference['sentence_id'])})."
        )
    undated = table[~table["on_figure"]]
    if not undated.empty:
        listed = "; ".join(f"{row.estimate_high:,} ({row.source_org})" for row in undated.itertuples())
        text += f" Not plotted, because undated: {listed}."
    return text


def _time_windows(dates: pd.Series, gap_days: int = 60) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Split the dates where they jump by more than ``gap_days``, so a lone later point gets its own panel."""
    ordered = sorted(pd.Timestamp(d) for d in dates.dropna().unique())
    windows, first, last = [], ordered[0], ordered[0]
    for day in ordered[1:]:
        if (day - last).days > gap_days:
            windows.append((first, last))
            first = day
        last = day
    windows.append((first, last))
    return windows


def plot_troop_estimates(session: Session) -> Chart | Message:
    """The dated troop estimates over time, as a :class:`Chart` (a skip message for another article).

    Colour shows the country of the source and the marker shape the source itself (so colour is never
    the only cue). A low–high range is a vertical line; an upper bound only ("as many as") is a hollow
    marker. With ``article``, a dashed line marks the article's own figure from ``article.quantities``
    and a dotted line the article's date. A long gap in time is shown as a break between two panels.
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    skipped = session.reference(TROOP_SECTION)
    if skipped is not None:
        return skipped
    article = session.article
    table = troop_estimates_table()
    plotted = table[table["on_figure"]].copy()
    plotted["x"] = _dodged_dates(plotted)
    colours = actor_colours(_country(s) for s in plotted["source_org"])
    sources = list(dict.fromkeys(plotted["source_org"]))
    markers = {s: _MARKERS[i % len(_MARKERS)] for i, s in enumerate(sources)}
    reference = _reference_quantity(article)
    # The article's date only means something here if the article gives a troop figure too.
    written = article_date(article) if article is not None else None
    article_day = pd.Timestamp(written) if reference is not None and written else None

    days = plotted["date"] if article_day is None else pd.concat([plotted["date"], pd.Series([article_day])])
    windows = _time_windows(days)
    widths = [max((last - first).days, 7) + 8 for first, last in windows]
    fig, axes = plt.subplots(
        1,
        len(windows),
        figsize=(10, 6.4),
        sharey=True,
        squeeze=False,
        gridspec_kw={"width_ratios": widths, "wspace": 0.06},
    )
    panels = list(axes[0])
    for ax, (first, last) in zip(panels, windows):
        ax.set_xlim(first - pd.Timedelta(days=4), last + pd.Timedelta(days=4))
        inside = plotted[(plotted["date"] >= first) & (plotted["date"] <= last)]
        if inside.empty:
            continue
        for row in inside.itertuples():
            colour = colours[_country(row.source_org)]
            high = float(row.estimate_high)
            upper_only = pd.isna(row.estimate_low)
            if not upper_only and row.estimate_low != row.estimate_high:
                y = (float(row.estimate_low) + high) / 2
                ax.errorbar(
                    row.x, y, yerr=high - y, color=colour, linewidth=2.5, capsize=7, capthick=2.5, linestyle="none"
                )
            else:
                y = high
            ax.plot(
                row.x,
                y,
                marker=markers[row.source_org],
                markersize=10,
                linestyle="none",
                markeredgecolor=colour,
                markeredgewidth=2,
                markerfacecolor="white" if upper_only else colour,
            )
        if reference is not None:
            ax.axhline(reference["value"], color=OKABE_ITO["black"], linestyle="--", linewidth=1.2)
        if article_day is not None and first - pd.Timedelta(days=4) <= article_day <= last + pd.Timedelta(days=4):
            ax.axvline(article_day, color=GREY, linestyle=":", linewidth=1.5)
            ax.annotate(
                f"article's date\n{article_day:%d %b %Y}",
                xy=(article_day, 0.02),
                xycoords=("data", "axes fraction"),
                xytext=(-4, 0),
                textcoords="offset points",
                ha="right",
                fontsize=9,
                color="#444444",
            )
        span = (last - first).days
        if span > 10:
            ax.xaxis.set_major_locator(mdates.DayLocator(interval=7))
        else:
            ax.set_xticks(sorted(inside["date"].unique()))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
        ax.grid(axis="y", alpha=0.3)
    for left, right in zip(panels[:-1], panels[1:]):
        left.spines["right"].set_visible(False)
        right.spines["left"].set_visible(False)
        right.tick_params(axis="y", left=False)
        for ax, x in ((left, 1.0), (right, 0.0)):
            ax.plot([x, x], [-0.02, 0.02], transform=ax.transAxes, color="black", clip_on=False, linewidth=1)
            ax.text(x, -0.005, "//", transform=ax.transAxes, ha="center", va="center", fontsize=10)
    if reference is not None:
        words = " ".join(str(part) for part in (reference["qualifier"], f"{reference['value']:,.0f}") if part)
        panels[0].annotate(
            f"the article ({cite(reference['sentence_id'])}): {words}",
            xy=(0.01, reference["value"]),
            xycoords=("axes fraction", "data"),
            xytext=(0, -5),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize=9,
        )

    handles = [
        Line2D(
            [],
            [],
            marker=markers[s],
            linestyle="none",
            markersize=8,
            markeredgewidth=1.5,
            markeredgecolor=colours[_country(s)],
            markerfacecolor=colours[_country(s)],
            label=s,
        )
        for s in sources
    ]
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markersize=8,
            markeredgewidth=1.5,
            markeredgecolor=GREY,
            markerfacecolor="white",
            label="hollow marker: upper bound only",
        )
    )
    handles.append(
        Line2D(
            [],
            [],
            color=GREY,
            linewidth=2.5,
            marker="_",
            markersize=12,
            markeredgewidth=2.5,
            label="vertical bar: range from low to high",
        )
    )
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=2,
        fontsize=9,
        frameon=False,
        title="Source (marker shape) · country of the source (colour)",
        title_fontsize=9,
        bbox_to_anchor=(0.5, -0.01),
    )
    fig.suptitle(
        "North Korean troops for Russia: do the sources agree, and do the estimates grow over time?", fontweight="bold"
    )
    fig.supxlabel(
        "Date of the estimate (estimates from the same day are spread slightly sideways)", fontsize=10, y=0.265
    )
    panels[0].set_ylabel("Number of troops")
    panels[0].set_ylim(
        0,
        max(float(plotted["estimate_high"].max()), float(reference["value"]) if reference is not None else 0.0) * 1.12,
    )
    panels[0].yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    fig.subplots_adjust(left=0.09, right=0.98, top=0.92, bottom=0.36)
    plt.close(fig)
    return Chart(fig, troop_figure_alt(table, reference), table)
