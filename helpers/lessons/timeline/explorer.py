"""Notebook 2, the explorer: filter the timeline by actor lane and by period; the figure redraws."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from datetime import date

import ipywidgets as widgets
import pandas as pd

from ...notebook.widgets import CourseWidget, never_raise
from ...templates import text_only
from .figure import plot_timeline
from .table import LANE_ORDER, filter_table

NO_EVENTS = (
    "No event matches this choice. Choose at least one actor and a period that holds events "
    "(the table above lists them all)."
)


def _months(table: pd.DataFrame) -> list[tuple[str, pd.Timestamp]]:
    if table.empty:
        return []
    first = table["date"].min().to_period("M")
    last = table["end_date"].fillna(table["date"]).max().to_period("M")
    return [(f"{p:%b %Y}", p.to_timestamp()) for p in pd.period_range(first, last, freq="M")]


class LaneFilter:
    """A checkbox per actor lane (a tap each, on a touch screen; no Ctrl-click), with "All" and "None".

    ``.value`` is the tuple of ticked lanes in their order (settable, one change for the whole tuple),
    ``.disabled`` greys every control, ``.observe(callback)`` runs ``callback()`` after each change;
    ``.widget`` is what the notebook shows.
    """

    def __init__(self, lanes: Iterable[str], description: str = "Actors") -> None:
        self.lanes = list(lanes)
        self.boxes = {
            lane: widgets.Checkbox(value=True, description=lane, indent=False, layout=widgets.Layout(width="auto"))
            for lane in self.lanes
        }
        self.all_button = widgets.Button(description="All", tooltip="Tick every actor", layout={"width": "auto"})
        self.none_button = widgets.Button(description="None", tooltip="Untick every actor", layout={"width": "auto"})
        self._callbacks: list[Callable[[], None]] = []
        self._quiet = False
        for box in self.boxes.values():
            box.observe(self._changed, names="value")
        self.all_button.on_click(lambda _: self._set(self.lanes))
        self.none_button.on_click(lambda _: self._set(()))
        self.widget = widgets.VBox(
            [
                widgets.HTML(text_only(f"<b>{html.escape(description)}</b> (tick one or more)")),
                widgets.HBox(list(self.boxes.values()), layout=widgets.Layout(flex_flow="row wrap")),
                widgets.HBox([self.all_button, self.none_button]),
            ]
        )
        self.widget.add_class("course-lane-filter")

    @property
    def value(self) -> tuple[str, ...]:
        return tuple(lane for lane in self.lanes if self.boxes[lane].value)

    @value.setter
    def value(self, lanes: Iterable[str]) -> None:
        self._set(lanes)

    @property
    def disabled(self) -> bool:
        return all(box.disabled for box in self.boxes.values())

    @disabled.setter
    def disabled(self, flag: bool) -> None:
        for control in [*self.boxes.values(), self.all_button, self.none_button]:
            control.disabled = flag

    def observe(self, callback: Callable[[], None]) -> None:
        self._callbacks.append(callback)

    def _set(self, lanes: Iterable[str]) -> None:
        wanted = set(lanes)
        unknown = wanted - set(self.lanes)
        if unknown:
            raise ValueError(f"no lane {sorted(unknown)}; the lanes are {self.lanes}")
        self._quiet = True
        try:
            for lane, box in self.boxes.items():
                box.value = lane in wanted
        finally:
            self._quiet = False
        self._changed()

    def _changed(self, _change: object = None) -> None:
        if not self._quiet:
            for callback in self._callbacks:
                callback()


class TimelineExplorer(CourseWidget):
    """Filter a timeline table by actor lane and by period; the figure and the count redraw on change.

    ``.actor`` (a :class:`LaneFilter`: a checkbox per lane), ``.period`` (SelectionRangeSlider of months), ``.count``,
    ``.output`` and ``.widget``; ``.update()`` redraws and returns the filtered table (also in
    ``.filtered``). A problem never raises: it shows a message in the status line.
    """

    def __init__(self, table: pd.DataFrame, reference_date: date | None = None) -> None:
        super().__init__()
        self.table = table
        self.reference_date = reference_date
        self.filtered = self.table.iloc[0:0]
        lanes = [lane for lane in LANE_ORDER if lane in set(self.table["lane"])]
        self.actor = LaneFilter(lanes)
        months = _months(self.table) or [("no dates", None)]
        self.period = widgets.SelectionRangeSlider(
            options=months,
            index=(0, len(months) - 1),
            description="Period",
            continuous_update=False,
            layout=widgets.Layout(width="520px"),
        )
        if self.table.empty:
            self.actor.disabled = self.period.disabled = True
        self.count = widgets.HTML()
        self.output = widgets.Output()
        self.widget = widgets.VBox([self.actor.widget, self.period, self.count, self.status, self.output])
        self.widget.add_class("course-timeline-explorer")
        self.actor.observe(self._changed)
        self.period.observe(self._changed, names="value")
        self.update()

    @never_raise
    def _changed(self, _change: object = None) -> None:
        self.update()

    def _empty(self, text: str) -> pd.DataFrame:
        """Clear the count and the figure and say why nothing is shown."""
        self.count.value = ""
        self.output.outputs = ()
        self.say(text)
        return self.filtered

    @never_raise
    def update(self) -> pd.DataFrame:
        """Filter, redraw and return the filtered table (an empty one shows a kind message)."""
        self.filtered = self.table.iloc[0:0]
        if self.table.empty:
            return self._empty("This article has no dated time expression, so there is no timeline to filter.")
        if not self.actor.value:
            return self._empty("No actor is selected. Tick at least one (or press All).")
        start, end = self.period.value
        end = (pd.Timestamp(end) + pd.offsets.MonthEnd(0)) if end is not None else None
        self.filtered = filter_table(self.table, self.actor.value, start, end)
        if self.filtered.empty:
            return self._empty(NO_EVENTS)
        self.status.value = ""
        self.count.value = text_only(
            f"<b>{len(self.filtered)}</b> of {len(self.table)} events shown "
            f"({int(self.filtered['from_article'].sum())} from the article)."
        )
        chart = plot_timeline(
            self.filtered,
            self.reference_date,
            title=f"Your choice, {start:%b %Y} to {end:%b %Y}: which lane is busiest, and when?",
            period=(start, end),
        )
        self.output.outputs = (chart.bundle(),)
        return self.filtered
