"""Notebook 2 "Timeline": one module per job, the public names gathered here.

``table`` (the article's dated rows and the background, merged), ``figure`` (the timeline as a
:class:`~helpers.notebook.display.Chart`), ``explorer`` (the filter widget), ``exercises``.

>>> import helpers
>>> from helpers.lessons import timeline
>>> session = helpers.start("seeds/000_0c51e7aa6578d068.txt", notebook="02_timeline")
>>> rows = timeline.article_events(session.article)
>>> table = timeline.timeline_table(rows, timeline.background_for(session))
>>> timeline.plot_timeline(table, timeline.article_date(session.article))
"""

from .exercises import (
    ORDERING_FACTS,
    days_question,
    derange,
    ordering_explanation,
    ordering_items,
    ordering_question,
    ordering_rows,
    reflection_prompt,
    reflection_question,
    undatable_choice,
    undatable_question,
)
from .explorer import NO_EVENTS, TimelineExplorer
from .figure import alt_text, default_window, figure_table, lane_colours, plot_close_up, plot_timeline, zoom_period
from .table import (
    COLUMNS,
    LANE_MARKERS,
    LANE_ORDER,
    LANES,
    OTHERS,
    article_date,
    article_events,
    background_events,
    background_for,
    datable,
    days_to_reference,
    expressions_table,
    filter_table,
    held_back,
    held_back_events,
    lane_of,
    reference_note,
    shorten,
    show_background,
    show_folded,
    show_sources,
    side_of,
    sources_table,
    summary_counts,
    timeline_table,
)

__all__ = [
    "COLUMNS",
    "LANES",
    "LANE_MARKERS",
    "LANE_ORDER",
    "NO_EVENTS",
    "ORDERING_FACTS",
    "OTHERS",
    "TimelineExplorer",
    "alt_text",
    "article_date",
    "article_events",
    "background_events",
    "background_for",
    "datable",
    "days_question",
    "days_to_reference",
    "derange",
    "default_window",
    "expressions_table",
    "figure_table",
    "filter_table",
    "held_back",
    "held_back_events",
    "lane_colours",
    "lane_of",
    "ordering_explanation",
    "ordering_items",
    "ordering_question",
    "ordering_rows",
    "plot_close_up",
    "plot_timeline",
    "reference_note",
    "reflection_prompt",
    "reflection_question",
    "shorten",
    "show_background",
    "show_folded",
    "show_sources",
    "side_of",
    "sources_table",
    "summary_counts",
    "timeline_table",
    "undatable_choice",
    "undatable_question",
    "zoom_period",
]
