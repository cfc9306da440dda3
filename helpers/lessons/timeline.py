"""Notebook 2, "Timeline": the article's dated expressions and the sourced background, on one time axis.

>>> import helpers
>>> from helpers import timeline
>>> article = helpers.load_article("seeds/000_0c51e7aa6578d068.txt")
>>> table = timeline.timeline_table(article)        # article rows + background rows, sorted by date
>>> fig, alt = timeline.plot_timeline(table, article.reference_date)

Every string that comes from a seed is escaped before it becomes HTML. No text from a seed is drawn
inside a figure (matplotlib would read ``$…$`` as maths): the figure shows ¶ ids, the table the words.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import ipywidgets as widgets
import pandas as pd

from ..parse.article import Article, cite
from ..notebook.session import is_course_seed
from ..curated import load_table
from ..notebook.display import GREY, actor_colours, figure_bundle, message_html
from ..notebook.display import show_table as display_table
from ..notebook.display import table_html as display_table_html

#: The lanes of the timeline, top to bottom. Every other actor goes to "Others".
LANES = {"united_states": "United States", "russia": "Russia", "ukraine": "Ukraine",
         "north_korea": "North Korea"}
OTHERS = "Others"
LANE_ORDER = [*LANES.values(), OTHERS]
#: One marker shape per lane, so that the lanes differ by shape as well as by colour.
LANE_MARKERS = {"United States": "o", "Russia": "s", "Ukraine": "^", "North Korea": "D", OTHERS: "P"}
_LANE_IDS = {name: actor_id for actor_id, name in LANES.items()} | {OTHERS: "others"}

COLUMNS = ["date", "end_date", "date_precision", "label", "lane", "primary_actor", "actor_ids", "origin",
           "from_article", "event_id", "source", "url", "confidence", "relation", "basis"]
#: Background facts used in the ordering exercise for the course article (one event each, the first
#: dated to the day). The order itself is always computed from the dates.
ORDERING_FACTS = ("A1", "A9", "A10", "A15")
LABEL_WIDTH = 90
NO_EVENTS = ("No event matches this choice. Choose at least one actor and a period that holds events "
             "(the table above lists them all).")


# -- tables ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _actor_sides() -> dict[str, str]:
    """actor_id → the state it belongs to, from actors.csv (a state's side is itself)."""
    actors = load_table("actors")
    return {row.actor_id.strip(): (row.side.strip() or row.actor_id.strip())
            for row in actors.itertuples(index=False)}


def side_of(actor_id: str) -> str:
    """The state an actor belongs to (``joe_biden`` → ``united_states``); unknown ids stay as they are."""
    return _actor_sides().get(actor_id, actor_id)


def lane_of(actor_id: str) -> str:
    """The timeline lane for an actor: its state if that is one of the four main ones, else "Others"."""
    return LANES.get(side_of(actor_id), OTHERS) if actor_id else OTHERS


def shorten(text: str, start: int = 0, end: int = 0, width: int = LABEL_WIDTH) -> str:
    """``text`` cut to about ``width`` characters at word boundaries, keeping ``text[start:end]``.

    Cuts are marked with "…". Plain text: escape it before putting it in HTML.
    """
    text = " ".join(str(text).split()) if start == end == 0 else str(text)
    if len(text) <= width:
        return " ".join(text.split())
    end = max(end, start)
    spare = max(0, width - (end - start))
    left = max(0, start - spare // 2)
    right = min(len(text), end + spare - (start - left))
    left = max(0, min(left, right - width))
    while left > 0 and not text[left - 1].isspace() and left < start:
        left += 1
    while right < len(text) and not text[right].isspace() and right > end:
        right -= 1
    piece = " ".join(text[left:right].split())
    return f"{'…' if left > 0 else ''}{piece}{'…' if right < len(text) else ''}"


def datable(kind: str, basis: str, start_date) -> str:
    """How a time expression could be dated: exact, with an inferred year, counted, relative, or not at all."""
    if pd.isna(start_date):
        return "cannot be dated"
    if kind == "ordinal day":
        return "counted from a known first day"
    if kind == "relative":
        return "relative: counted from the reference date"
    if kind == "date" and "nearest" in basis:
        return "day and month written; year inferred"
    if kind in ("month", "year"):
        return f"a whole {kind}, written in full"
    return "exact: written in full"


def expressions_table(article: Article) -> pd.DataFrame:
    """The article's time expressions with their citation (¶) and how each could be dated."""
    times = article.time_expressions
    return pd.DataFrame({
        "cite": [cite(s) for s in times["sentence_id"]],
        "text": times["text"].astype(str),
        "kind": times["kind"].astype(str),
        "start_date": times["start_date"],
        "end_date": times["end_date"],
        "dated": [datable(k, b, d) for k, b, d in zip(times["kind"], times["basis"], times["start_date"])],
        "basis": times["basis"].astype(str),
    })


def _relation(start, end, reference: date | None) -> str:
    """before / same_day / after the reference date; ``spans`` for a period across it."""
    if reference is None or pd.isna(start):
        return "unknown"
    ref = pd.Timestamp(reference)
    end = start if pd.isna(end) else end
    if end < ref:
        return "before"
    if start > ref:
        return "after"
    if start == end == ref:
        return "same_day"
    return "spans"


def _precision(kind: str, start, end) -> str:
    if kind in ("month", "year"):
        return kind
    if not pd.isna(end) and end != start:
        return "period"
    return "approximate" if kind == "relative" else "day"


def article_events(article: Article) -> pd.DataFrame:
    """One row per time expression of the article that has a date, labelled with its sentence shortened.

    ``primary_actor`` is the state of the first actor named in the sentence (a rule, not a judgement);
    a sentence that names nobody goes to the "Others" lane.
    """
    times = article.time_expressions
    times = times[times["start_date"].notna()]
    sentences = article.sentences.set_index("sentence_id")
    rows = []
    for row in times.itertuples(index=False):
        sentence = sentences.loc[row.sentence_id]
        actors = list(dict.fromkeys(article.mentions.loc[article.mentions["sentence_id"] == row.sentence_id,
                                                         "actor_id"].astype(str)))
        primary = side_of(actors[0]) if actors else ""
        label = shorten(str(sentence["text"]), row.start - int(sentence["start"]), row.end - int(sentence["start"]))
        end = row.end_date if pd.notna(row.end_date) else row.start_date
        rows.append({
            "date": row.start_date, "end_date": end, "date_precision": _precision(row.kind, row.start_date, end),
            "label": label, "lane": lane_of(actors[0]) if actors else OTHERS, "primary_actor": primary,
            "actor_ids": ";".join(actors), "origin": f"article {cite(row.sentence_id)}", "from_article": True,
            "event_id": "", "source": f"the article ({article.id}), {cite(row.sentence_id)}", "url": "",
            "confidence": "as reported in the article",
            "relation": _relation(row.start_date, end, article.reference_date),
            "basis": f"“{row.text}”: {row.basis}",
        })
    return _typed(pd.DataFrame(rows, columns=COLUMNS))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in ("date", "end_date"):
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[s]")
    frame["from_article"] = frame["from_article"].astype(bool)
    for column in COLUMNS:
        if column not in ("date", "end_date", "from_article"):
            frame[column] = frame[column].astype("object").fillna("").astype(str)
    return frame[COLUMNS]


def held_back(events: pd.DataFrame) -> pd.Series:
    """True for the outcomes the course reveals in notebook 4: every ``after`` row, and the ``same_day``
    rows that come from the fact sheet's "what happened next" section (fact ids C…)."""
    return events["relation"].eq("after") | (events["relation"].eq("same_day") & events["fact_id"].str.startswith("C"))


def background_events(relations: tuple[str, ...] = ("before", "same_day"), include_outcomes: bool = False
                      ) -> pd.DataFrame:
    """Sourced background events from ``seeds/curated/events.csv``, in the timeline's columns.

    By default only events before or on the article's day, without the outcomes that notebook 4
    reveals (see :func:`held_back`); ``include_outcomes=True`` keeps them.
    """
    events = load_table("events")
    keep = events["relation"].isin(relations)
    if not include_outcomes:
        keep &= ~held_back(events)
    events = events[keep]
    rows = []
    for row in events.itertuples(index=False):
        ids = [a.strip() for a in row.actor_ids.split(";") if a.strip()]
        rows.append({
            "date": row.date, "end_date": row.date, "date_precision": row.date_precision, "label": row.title,
            "lane": lane_of(ids[0]) if ids else OTHERS, "primary_actor": side_of(ids[0]) if ids else "",
            "actor_ids": ";".join(ids), "origin": f"background {row.fact_id}", "from_article": False,
            "event_id": row.event_id, "source": row.source, "url": row.url, "confidence": row.confidence,
            "relation": row.relation, "basis": f"events.csv {row.event_id} (date precision: {row.date_precision})",
        })
    return _typed(pd.DataFrame(rows, columns=COLUMNS))


def timeline_table(article: Article, include_background: bool | None = None) -> pd.DataFrame:
    """The article's dated expressions merged with the background events, sorted by date.

    ``include_background=None`` means: only for the course article, which the background describes.
    """
    if include_background is None:
        include_background = is_course_seed(article)
    parts = [article_events(article)]
    if include_background:
        parts.append(background_events())
    parts = [part for part in parts if len(part)]
    if not parts:
        return _typed(pd.DataFrame(columns=COLUMNS))
    table = pd.concat(parts, ignore_index=True)
    return table.sort_values(["date", "from_article", "event_id", "origin"], kind="stable").reset_index(drop=True)


def held_back_events() -> pd.DataFrame:
    """The background events that :func:`background_events` leaves out by default (for notebook 4)."""
    events = background_events(("before", "same_day", "after"), include_outcomes=True)
    ids = set(load_table("events").loc[lambda e: held_back(e), "event_id"])
    return events[events["event_id"].isin(ids)].reset_index(drop=True)


def filter_table(table: pd.DataFrame, lanes=None, start=None, end=None) -> pd.DataFrame:
    """Rows in the chosen lanes whose date (or period) overlaps ``start``–``end`` (both included)."""
    keep = pd.Series(True, index=table.index)
    if lanes is not None:
        keep &= table["lane"].isin(list(lanes))
    if start is not None:
        keep &= table["end_date"].fillna(table["date"]) >= pd.Timestamp(start)
    if end is not None:
        keep &= table["date"] <= pd.Timestamp(end)
    return table[keep]


def days_to_reference(article: Article, fact_id: str) -> int | None:
    """Days from the first background event of a fact (e.g. ``"A9"``) to the article's reference date."""
    if article.reference_date is None:
        return None
    events = load_table("events")
    dates = events.loc[events["fact_id"] == fact_id, "date"]
    if dates.empty:
        return None
    return (pd.Timestamp(article.reference_date) - dates.min()).days


def sources_table(table: pd.DataFrame) -> pd.DataFrame:
    """Every background source used in a timeline table: fact id, source, URL, confidence."""
    rows = table[~table["from_article"]]
    out = rows.assign(fact_id=rows["origin"].str.replace("background ", "", regex=False))
    return (out[["fact_id", "event_id", "source", "url", "confidence"]]
            .drop_duplicates(["fact_id", "source", "url"]).reset_index(drop=True))


def show_sources(table: pd.DataFrame) -> pd.DataFrame:
    """Show the sources behind the background rows of a timeline (or say there are none); returns them."""
    sources = sources_table(table)
    if sources.empty:
        show_message("This timeline uses no background source: every row comes from the article itself.")
    else:
        show_table(sources, caption="Sources of the background events in this timeline")
    return sources


# -- showing tables -------------------------------------------------------------------------------


def table_html(table: pd.DataFrame, columns: list[str] | None = None) -> str:
    """A table as escaped HTML, dates as YYYY-MM-DD (see :func:`helpers.display.table_html`)."""
    return display_table_html(table, columns=columns)


def show_table(table: pd.DataFrame, columns: list[str] | None = None, caption: str = "") -> None:
    """Display a table in full, escaped, with an optional caption (see :func:`helpers.display.show_table`)."""
    display_table(table, f"{caption} ({len(table)} rows)" if caption else "", columns=columns)


def show_message(text: str, kind: str = "info") -> None:
    """A short message box (the text is escaped)."""
    from IPython.display import HTML, display

    display(HTML(message_html(text, kind)))


def summary_counts(article: Article) -> pd.DataFrame:
    """How many of the article's time expressions fall in each "dated" category."""
    counts = expressions_table(article)["dated"].value_counts()
    return counts.rename_axis("how it could be dated").reset_index(name="expressions")


# -- figure ---------------------------------------------------------------------------------------


def lane_colours() -> dict[str, str]:
    """Okabe–Ito colour per lane, from :func:`helpers.display.actor_colours`."""
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
    text = (f"Timeline of {len(table)} dated events from {first:%d %b %Y} to {last:%d %b %Y}, one row per actor "
            f"({'; '.join(parts)}). {n_article} hollow markers are dates taken from the article; "
            f"{len(table) - n_article} filled markers are sourced background events.")
    periods = int((table["end_date"] > table["date"]).sum())
    if periods:
        text += f" {periods} period(s) are drawn as horizontal bars."
    if reference_date is not None:
        ref = pd.Timestamp(reference_date)
        before = int((table["date"] < ref).sum())
        text += (f" A dashed vertical line marks the article's reference date, {ref:%d %b %Y}; "
                 f"{before} events lie before it.")
    return text


def plot_timeline(table: pd.DataFrame, reference_date: date | None = None,
                  title: str = "Timeline: the article's dates and the background", period=None):
    """Draw the timeline; returns ``(fig, alt)``.

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
    for (index, row), offset in zip(table.iterrows(), offsets):
        y = y_of[row["lane"]] + offset
        colour = colours[row["lane"]]
        end = row["end_date"] if pd.notna(row["end_date"]) else row["date"]
        if end > row["date"]:
            ax.plot([row["date"], end], [y, y], color=colour, linewidth=2.5, alpha=0.55,
                    solid_capstyle="butt", zorder=2)
        style = dict(marker=LANE_MARKERS[row["lane"]], markersize=8, linestyle="none", zorder=3)
        if row["from_article"]:
            style.update(markerfacecolor="white", markeredgecolor=colour, markeredgewidth=2.2, markersize=11,
                         zorder=4)
        else:
            style.update(markerfacecolor=colour, markeredgecolor="white", markeredgewidth=0.6)
        ax.plot([row["date"]], [y], **style)
    if reference_date is not None:
        ref = pd.Timestamp(reference_date)
        ax.axvline(ref, color="black", linestyle="--", linewidth=1.2, zorder=1)
        right_side = (ref - (lo - pad)) / ((hi + pad) - (lo - pad)) > 0.7
        ax.annotate(f"reference date\n{ref:%d %b %Y}", xy=(ref, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(-4 if right_side else 4, -2), textcoords="offset points",
                    ha="right" if right_side else "left", va="top", fontsize=9,
                    bbox=dict(boxstyle="round,pad=0.2", facecolor="white", edgecolor="none", alpha=0.85))
    if table.empty:
        ax.text(0.5, 0.5, "No dated event to show", transform=ax.transAxes, ha="center", va="center",
                color=GREY)
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
    handles = [Line2D([], [], marker=LANE_MARKERS[lane], color=colours[lane], linestyle="none", markersize=8,
                      label=lane) for lane in lanes]
    handles += [
        Line2D([], [], marker="o", linestyle="none", markerfacecolor=GREY, markeredgecolor=GREY, markersize=8,
               label="filled: background event\n(events.csv)"),
        Line2D([], [], marker="o", linestyle="none", markerfacecolor="white", markeredgecolor=GREY,
               markeredgewidth=2.2, markersize=10, label="hollow: date in the article"),
    ]
    if (table["end_date"] > table["date"]).any():
        handles.append(Line2D([], [], color=GREY, linewidth=2.5, alpha=0.55, label="bar: a period"))
    if reference_date is not None:
        handles.append(Line2D([], [], color="black", linestyle="--", label="article's reference date"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9)
    fig.tight_layout()
    return fig, alt_text(table if period is None else filter_table(table, None, lo, hi), reference_date)


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


def show_close_up(table: pd.DataFrame, reference_date: date | None, weeks_before: int = 6) -> pd.DataFrame:
    """Show the close-up of the weeks before the reference date (alt text and table included);
    returns the rows shown. Without a reference date or events in that window, a message instead."""
    from ..notebook.display import show_figure

    period = zoom_period(reference_date, weeks_before)
    rows = filter_table(table, None, *period) if period else table.iloc[0:0]
    if rows.empty:
        show_message("No close-up: the article has no reference date or no dated event in the weeks before it.")
        return rows
    title = f"Close-up: {period[0]:%d %b} to {period[1]:%d %b %Y}"
    fig, alt = plot_timeline(rows, reference_date, title=title, period=period)
    show_figure(fig, alt=alt, table=figure_table(rows))
    return rows


def _html_output(markup: str, plain: str) -> dict:
    return {"output_type": "display_data", "metadata": {}, "data": {"text/html": markup, "text/plain": plain}}


# -- widget ---------------------------------------------------------------------------------------


def _months(table: pd.DataFrame) -> list[tuple[str, pd.Timestamp]]:
    if table.empty:
        return []
    first = table["date"].min().to_period("M")
    last = table["end_date"].fillna(table["date"]).max().to_period("M")
    return [(f"{p:%b %Y}", p.to_timestamp()) for p in pd.period_range(first, last, freq="M")]


class TimelineExplorer:
    """Filter the timeline by actor lane and by period; the figure and the count redraw on change.

    ``.actor`` (SelectMultiple of lanes), ``.period`` (SelectionRangeSlider of months), ``.count``,
    ``.output`` and ``.widget``; ``.update()`` redraws and returns the filtered table (also in
    ``.filtered``). A problem never raises: it shows a message.
    """

    def __init__(self, article: Article, table: pd.DataFrame | None = None,
                 include_background: bool | None = None) -> None:
        self.article = article
        self.table = timeline_table(article, include_background) if table is None else table
        self.filtered = self.table.iloc[0:0]
        lanes = [lane for lane in LANE_ORDER if lane in set(self.table["lane"])]
        self.actor = widgets.SelectMultiple(options=lanes, value=tuple(lanes), description="Actors",
                                            rows=max(2, len(lanes)), layout=widgets.Layout(width="260px"))
        months = _months(self.table) or [("no dates", None)]
        self.period = widgets.SelectionRangeSlider(options=months, index=(0, len(months) - 1),
                                                   description="Period", continuous_update=False,
                                                   layout=widgets.Layout(width="520px"))
        if self.table.empty:
            self.actor.disabled = self.period.disabled = True
        self.count = widgets.HTML()
        self.output = widgets.Output()
        self.widget = widgets.VBox([widgets.HBox([self.actor, self.period]), self.count, self.output])
        self.widget.add_class("course-timeline-explorer")
        self.actor.observe(lambda _: self.update(), names="value")
        self.period.observe(lambda _: self.update(), names="value")
        self.update()

    def _say(self, text: str, kind: str = "info") -> None:
        self.count.value = ""
        self.output.outputs = (_html_output(message_html(text, kind), text),)

    def update(self) -> pd.DataFrame:
        """Filter, redraw and return the filtered table (an empty one shows a kind message)."""
        try:
            self.filtered = self.table.iloc[0:0]
            if self.table.empty:
                self._say("This article has no dated time expression, so there is no timeline to filter.")
                return self.filtered
            if not self.actor.value:
                self._say("No actor is selected. Select at least one (Ctrl- or Cmd-click to choose several).")
                return self.filtered
            start, end = self.period.value
            end = (pd.Timestamp(end) + pd.offsets.MonthEnd(0)) if end is not None else None
            self.filtered = filter_table(self.table, self.actor.value, start, end)
            if self.filtered.empty:
                self._say(NO_EVENTS)
                return self.filtered
            self.count.value = (f"<b>{len(self.filtered)}</b> of {len(self.table)} events shown "
                                f"({int(self.filtered['from_article'].sum())} from the article).")
            fig, alt = plot_timeline(self.filtered, self.article.reference_date,
                                     title=f"Timeline, {start:%b %Y} to {end:%b %Y}", period=(start, end))
            shown = self.filtered[["date", "end_date", "lane", "label", "origin"]]
            self.output.outputs = (figure_bundle(fig, alt, shown),)
        except Exception as error:  # a widget callback never raises
            self._say(f"The timeline could not be drawn ({type(error).__name__}: {error}).", "warning")
        return self.filtered

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


# -- exercises ------------------------------------------------------------------------------------


def _item_text(row) -> str:
    if row["from_article"]:
        return f"“{row['label']}” ({row['origin']})"
    return f"{row['label']} ({row['origin']})"


def ordering_rows(article: Article, table: pd.DataFrame | None = None, size: int = 6) -> pd.DataFrame:
    """The events chosen for the ordering exercise, by rule, one per date.

    Course article: the first day-precision background event of each fact in ``ORDERING_FACTS`` plus
    the article's dates written as a date or counted from a known first day. Other articles: their
    own single-day dates (at most ``size``). Fewer than 3 distinct dates gives an empty table.
    """
    table = timeline_table(article) if table is None else table
    point = table["end_date"].eq(table["date"]) & table["date_precision"].eq("day")
    exact = table["basis"].str.contains("written in full|nearest|day [0-9,]+ of", regex=True)
    article_rows = table[table["from_article"] & point & exact]
    if not table["from_article"].all():
        background = table[~table["from_article"] & point]
        picks = [background[background["origin"] == f"background {fact}"].head(1) for fact in ORDERING_FACTS]
        chosen = pd.concat([*picks, article_rows])
    else:
        chosen = table[table["from_article"] & point]
    chosen = chosen.sort_values("date", kind="stable").drop_duplicates("date")
    if len(chosen) > size:
        chosen = chosen.iloc[[round(i * (len(chosen) - 1) / (size - 1)) for i in range(size)]]
    if len(chosen) < 3:
        return chosen.iloc[0:0]
    return chosen.reset_index(drop=True)


def ordering_items(article: Article, table: pd.DataFrame | None = None) -> tuple[list[str], list[str]]:
    """``(items, correct_order)`` for :class:`helpers.exercises.OrderQuestion`; empty lists if too few dates.

    The correct order is computed from the dates; the items are listed alphabetically (and never
    already in the right order).
    """
    rows = ordering_rows(article, table)
    correct = [_item_text(row) for _, row in rows.iterrows()]
    items = sorted(correct)
    if items == correct and len(items) > 1:
        items = items[1:] + items[:1]
    return items, correct


def ordering_explanation(article: Article, table: pd.DataFrame | None = None) -> str:
    """The dates behind the ordering exercise, as plain text."""
    rows = ordering_rows(article, table)
    return "The dates: " + "; ".join(f"{row['origin']}: {row['date']:%d %b %Y}" for _, row in rows.iterrows()) + "."


def undatable_choice(article: Article) -> dict | None:
    """Parts of a ChoiceQuestion "which expression cannot be dated?": options, correct, explanation,
    hints. ``None`` if the article lacks either an undatable or a dated expression."""
    table = expressions_table(article)
    table = table.assign(option=[f"“{t}” ({c})" for t, c in zip(table["text"], table["cite"])])
    table = table.drop_duplicates("option")
    undated = table[table["dated"] == "cannot be dated"]
    dated = table[table["dated"] != "cannot be dated"]
    if undated.empty or dated.empty:
        return None
    vague = undated[undated["kind"] == "vague"]
    answer = (vague if len(vague) else undated).iloc[0]
    others = dated.drop_duplicates("dated").head(3)
    options = sorted([answer["option"], *others["option"]])
    hints = {row["option"]: f"That one was dated to {row['start_date']:%d %b %Y} ({row['dated']}): {row['basis']}."
             for _, row in others.iterrows()}
    explanation = (f"{answer['option']} cannot be dated (the parser says: {answer['basis']}). The text gives "
                   f"no day, month or count to work from, so any date for it would be a guess.")
    return {"options": options, "correct": answer["option"], "explanation": explanation, "hints": hints}


def reflection_prompt(article: Article) -> str:
    """A reflection question built from the article's own undatable expressions."""
    table = expressions_table(article)
    undated = table.loc[table["dated"] == "cannot be dated", "text"]
    undated = undated[~undated.str.lower().duplicated()].head(3)
    if len(undated):
        words = ", ".join(f"“{w}”" for w in undated)
        return (f"The article uses time words that cannot be dated, such as {words}. Pick one. What would you "
                f"need to know to date it, where could you look it up, and how does leaving it undated change "
                f"what a reader understands?")
    return ("Every time expression in this article could be dated. Which date depends most on the parser's "
            "choices (an inferred year, a count from the reference date), and how would you check it?")


# -- the notebook's questions (each returns the question, or None after a polite message) ---------

NOTEBOOK = "02_timeline"


def reference_note(article: Article) -> str:
    """One sentence: the article's reference date and how it was found (plain text)."""
    if article.reference_date is None:
        return f"No reference date: {article.reference_basis}."
    return f"Reference date: {article.reference_date:%A %d %B %Y}. How it was found: {article.reference_basis}"


def ordering_question(article: Article, table: pd.DataFrame | None = None):
    """Exercise: put 5–6 events in time order (an OrderQuestion), or a message if there are too few dates."""
    from ..notebook.exercises import OrderQuestion

    items, correct = ordering_items(article, table)
    if not items:
        show_message("The ordering exercise needs at least three events with different, exact dates; this "
                     "article's timeline has fewer, so the exercise is skipped.")
        return None
    return OrderQuestion(NOTEBOOK, "order", "Put these events in time order, earliest first.", items, correct,
                         explanation=ordering_explanation(article, table))


def days_question(article: Article, fact_id: str = "A9"):
    """Exercise: days from a background event (default: the Kursk incursion, fact A9) to the reference date."""
    from ..notebook.session import skip_message
    from ..notebook.exercises import NumberQuestion

    answer = days_to_reference(article, fact_id) if is_course_seed(article) else None
    if answer is None:
        skip_message("The day-count exercise")
        return None
    return NumberQuestion(NOTEBOOK, f"days_{fact_id}", f"How many days are there from the background event of "
                          f"fact {fact_id} to the article's reference date?", answer, unit="days",
                          explanation=f"{answer} days: the reference date minus the event's date, in days.")


def undatable_question(article: Article):
    """Exercise: which time expression cannot be dated? (ChoiceQuestion), or a message if none fits."""
    from ..notebook.exercises import ChoiceQuestion

    parts = undatable_choice(article)
    if parts is None:
        show_message("This article does not have both a dated and an undatable time expression, so this "
                     "exercise is skipped.")
        return None
    return ChoiceQuestion(NOTEBOOK, "undatable", "Which of these time expressions from the article cannot be "
                          "given a date?", **parts)


def reflection_question(article: Article):
    """Exercise: a short written reflection on undatable time words (TextQuestion)."""
    from ..notebook.exercises import TextQuestion

    return TextQuestion(NOTEBOOK, "reflection", reflection_prompt(article), min_words=20, model_answer=(
        "A vague word only places something before or after the article. To date it I would look for the "
        "event it refers to in other reporting (with a source and date), and say so if I cannot find it. "
        "Left undated, it can make old events sound new, or new ones sound settled."))
