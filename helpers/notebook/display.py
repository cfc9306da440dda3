"""Showing things safely: escaped HTML, the article with sentence ids, figures with alt text.

Text from a seed is untrusted: everything here passes it through :func:`escape` before it
becomes HTML, because JupyterLab runs ``<img onerror=…>`` found in widget HTML. And text stays
text: the outermost element of every piece of HTML built here carries
:data:`~helpers.templates.TEXT_ONLY_CLASSES`, so MathJax never turns "$5 and $10" into maths.
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ..templates import TEXT_ONLY_CLASSES, text_only

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Okabe & Ito's palette, safe for the common kinds of colour blindness.
OKABE_ITO = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "bluish green": "#009E73",
    "reddish purple": "#CC79A7",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
}
_FIXED_COLOURS = {
    "united_states": OKABE_ITO["blue"],
    "russia": OKABE_ITO["vermillion"],
    "ukraine": OKABE_ITO["bluish green"],
    "north_korea": OKABE_ITO["reddish purple"],
}
_OTHER_COLOURS = [OKABE_ITO[name] for name in ("orange", "sky blue", "black")]
GREY = "#8C8C8C"


def escape(text: object) -> str:
    """HTML-escape anything (quotes included) so that it shows as text and never runs."""
    return html.escape("" if text is None else str(text), quote=True)


def actor_colours(actor_ids: Iterable[str]) -> dict[str, str]:
    """A fixed, colour-blind-safe colour per actor; the US, Russia, Ukraine and North Korea keep theirs."""
    colours: dict[str, str] = {}
    spare = iter(_OTHER_COLOURS)
    for actor_id in actor_ids:
        if actor_id in colours:
            continue
        colours[actor_id] = _FIXED_COLOURS.get(actor_id) or next(spare, GREY)
    return colours


#: Colours that follow JupyterLab's theme (light and dark); the fallbacks are the light theme's values,
#: for pages without JupyterLab's stylesheet. Text on background measures >= 4.5:1 in both themes
#: (tests/browser/test_widget_contrast.py); the coloured left border and the icon carry the kind.
TEXT_COLOUR = "var(--jp-content-font-color1, rgba(0, 0, 0, 0.87))"
MUTED_TEXT_COLOUR = "inherit"  # sentence ids: the colour of the text they mark (on a highlight too)
PANEL_BACKGROUND = "var(--jp-layout-color2, #eeeeee)"
BORDER_COLOUR = "var(--jp-border-color1, #bdbdbd)"
#: Per kind: (word said to screen readers and shown as the icon's title, border colour, SVG path of a
#: 16x16 icon drawn in currentColor). Icons are SVG, not emoji: Debian's Chromium has no emoji font.
MESSAGE_KINDS = {
    "info": ("Note", "var(--jp-info-color1, #00bcd4)", "M7 7h2v5H7zM7 4h2v2H7z"),
    "ok": ("Done", "var(--jp-success-color1, #4caf50)", "M6.2 11.6 2.6 8l1.4-1.4 2.2 2.2L12 3l1.4 1.4z"),
    "warning": ("Check this", "var(--jp-warn-color1, #ff9800)", "M7 3h2v6H7zM7 11h2v2H7z"),
    "error": (
        "Problem",
        "var(--jp-error-color1, #f44336)",
        "M4.4 3 8 6.6 11.6 3 13 4.4 9.4 8l3.6 3.6-1.4 1.4L8 9.4 4.4 13 3 11.6 6.6 8 3 4.4z",
    ),
}


def icon_svg(kind: str) -> str:
    """A small inline SVG icon for a message kind, named for screen readers (no emoji font needed)."""
    word, colour, path = MESSAGE_KINDS.get(kind, MESSAGE_KINDS["info"])
    return (
        f'<svg class="course-icon" role="img" aria-label="{word}:" width="16" height="16" viewBox="0 0 16 16" '
        f'style="vertical-align:-3px;margin-right:4px;color:{colour};flex:none">'
        f'<title>{word}</title><path fill="currentColor" d="{path}"/></svg>'
    )


def message_html(text: str, kind: str = "info") -> str:
    """A short message box. ``kind`` is info, ok, warning or error; the icon's name says it too, not just colour."""
    kind = kind if kind in MESSAGE_KINDS else "info"
    border = MESSAGE_KINDS[kind][1]
    return (
        f'<div class="course-message course-{escape(kind)} {TEXT_ONLY_CLASSES}" role="status" '
        f'style="background:{PANEL_BACKGROUND};color:{TEXT_COLOUR};'
        f'border-left:4px solid {border};padding:6px 10px;margin:4px 0">{icon_svg(kind)}{escape(text)}</div>'
    )


#: A scrolling box as tall as most of the window (a Chromebook's 768 px or a tablet's 1024 px), never tiny.
PAGE_HEIGHT = "max(320px, 70vh)"


def scroll_box_html(markup: str, label: str, max_height: str = "420px") -> str:
    """``markup`` in a box that scrolls when it is long and that the keyboard can reach and scroll
    (``tabindex=0``, a named region): a scrolling ``Layout(overflow="auto")`` can do neither."""
    return (
        f'<div class="course-scroll {TEXT_ONLY_CLASSES}" tabindex="0" role="region" aria-label="{escape(label)}" '
        f'style="max-height:{max_height};overflow:auto;border:1px solid {BORDER_COLOUR};padding:4px 8px">{markup}</div>'
    )


def figure_html(fig, alt: str, caption: str = "") -> str:
    """A matplotlib figure as an ``<img>`` with alt text (and an optional caption)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    caption_html = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return (
        f'<figure class="course-figure {TEXT_ONLY_CLASSES}" style="margin:0"><img src="data:image/png;base64,{data}" '
        f'alt="{escape(alt)}" style="max-width:100%">{caption_html}</figure>'
    )


def empty_figure(title: str, text: str):
    """A small titled figure that says there is nothing to plot (instead of an empty chart)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 2.5))
    ax = fig.subplots()
    ax.set_title(title)
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def figure_bundle(fig, alt: str, table: pd.DataFrame | None = None, caption: str = "") -> dict:
    """A figure as a display-data output: HTML ``<img>`` with alt text (+ the folded table), PNG, plain text.

    Use it where a figure goes into an ``Output`` widget (``output.outputs = (bundle,)``).
    """
    import matplotlib.pyplot as plt

    html_text = figure_html(fig, alt, caption)
    png = html_text.split("base64,", 1)[1].split('"', 1)[0]
    if table is not None:
        html_text += table_details_html(table)
    plt.close(fig)
    return {
        "output_type": "display_data",
        "metadata": {"image/png": {"alt": alt}},
        "data": {"text/html": html_text, "image/png": png, "text/plain": f"[Figure] {alt}"},
    }


def show_figure(fig, alt: str, table: pd.DataFrame | None = None, caption: str = "") -> None:
    """Display a figure with alt text, and the table behind it (folded) so no one needs the picture."""
    from IPython.display import display

    bundle = figure_bundle(fig, alt, table, caption)
    display(bundle["data"], raw=True, metadata=bundle["metadata"])


def table_details_html(table: pd.DataFrame, summary: str = "The table behind this figure") -> str:
    """A folded ``<details>`` block with the table (pandas escapes the cells)."""
    return (
        f'<details class="{TEXT_ONLY_CLASSES}"><summary>{escape(summary)} ({len(table)} rows)</summary>'
        f"{table.to_html(index=False, escape=True, border=0)}</details>"
    )


def article_html(
    article, highlight: Iterable[str] = (), marks: Iterable[tuple[int, int]] = (), show_ids: bool = True
) -> str:
    """The article as HTML: paragraphs, each sentence tagged ``¶p.s``.

    ``highlight``: sentence ids to emphasise (bold, shaded and marked ▶, so not by colour alone).
    ``marks``: character spans (``start``, ``end``) to wrap in ``<mark>``, e.g. an actor's mentions.
    """
    highlight = set(highlight)
    spans = sorted(marks)
    parts: list[str] = [
        f'<div class="course-article {TEXT_ONLY_CLASSES}" style="line-height:1.6;overflow-wrap:anywhere">'
    ]
    current_paragraph = None
    for row in article.sentences.itertuples(index=False):
        if row.paragraph != current_paragraph:
            if current_paragraph is not None:
                parts.append("</p>")
            parts.append(f'<p data-paragraph="{row.paragraph}">')
            current_paragraph = row.paragraph
        body = _marked(article.text, row.start, row.end, spans)
        label = f'<sup style="color:{MUTED_TEXT_COLOUR}">¶{escape(row.sentence_id)}</sup>&nbsp;' if show_ids else ""
        if row.sentence_id in highlight:
            parts.append(
                f'<span class="course-sentence course-highlight" data-sentence="{escape(row.sentence_id)}" '
                f'style="background:var(--jp-warn-color3, #ffe0b2);color:#1a1a1a;font-weight:600">▶ {label}{body}</span> '
            )
        else:
            parts.append(
                f'<span class="course-sentence" data-sentence="{escape(row.sentence_id)}">{label}{body}</span> '
            )
    parts.append("</p></div>")
    return "".join(parts)


def _marked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    pieces, position = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end or span_start < position:
            continue
        pieces.append(escape(text[position:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(text[position:end]))
    return "".join(pieces)


def table_html(table: pd.DataFrame, *, caption: str = "", columns: list[str] | None = None) -> str:
    """A table in full (long text wraps, nothing cut off), left-aligned; every header and cell escaped."""
    from ..templates import render

    table = _dates_as_days(table if columns is None else table[columns])
    rows = [
        [(text, _cell_style(text)) for text in map(_cell_text, values)]
        for values in table.itertuples(index=False, name=None)
    ]
    return render(
        "table.html",
        caption=caption,
        columns=[str(c) for c in table.columns],
        rows=rows,
        empty=message_html("No rows: the article gives nothing to show here.", "info"),
    )


_ONE_LINE = re.compile(r"\d{4}-\d{2}-\d{2}|¶\d+\.\d+")
_LONG_TOKEN = re.compile(r"\S{28,}")


def _cell_style(text: str) -> str:
    """Extra CSS for one cell so tables fit the page: a date or a sentence id stays on one line; a web
    address or another long unbroken token may break anywhere (it would widen the table otherwise)."""
    if _ONE_LINE.fullmatch(text.strip()):
        return ";white-space:nowrap"
    if _LONG_TOKEN.search(text):
        return ";overflow-wrap:anywhere"
    return ""


def _cell_text(value: object) -> str:
    """One cell as text (the template escapes it); missing values are blank."""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):  # lists and other containers
        pass
    return str(value)


def _dates_as_days(table: pd.DataFrame) -> pd.DataFrame:
    """Show datetime columns as YYYY-MM-DD (no midnight times, no NaT)."""
    dates = [c for c in table.columns if pd.api.types.is_datetime64_any_dtype(table[c])]
    if not dates:
        return table
    table = table.copy()
    for column in dates:
        table[column] = table[column].dt.strftime("%Y-%m-%d").fillna("")
    return table


def show_table(table: pd.DataFrame, *, caption: str = "", columns: list[str] | None = None) -> None:
    """Display a table in full (:func:`table_html`), with a plain-text version for places without HTML."""
    from IPython.display import display

    table = _dates_as_days(table if columns is None else table[columns])
    plain = (caption + "\n" if caption else "") + (table.to_string(index=False) if not table.empty else "(no rows)")
    display({"text/html": table_html(table, caption=caption), "text/plain": plain}, raw=True)


def show_html(markup: str) -> None:
    """Display HTML that this module built (all seed text inside it is already escaped)."""
    from IPython.display import HTML, display

    display(HTML(text_only(markup)))


@dataclass
class Message:
    """A short message box that displays itself (info, ok, warning or error)."""

    text: str
    kind: str = "info"

    def _repr_html_(self) -> str:
        return message_html(self.text, self.kind)

    def __repr__(self) -> str:
        return f"[{self.kind}] {self.text}"


@dataclass
class Chart:
    """A figure with its alt text and the table behind it: what every plot function returns.

    In a notebook it displays itself as an ``<img>`` with alt text and the table folded underneath.
    """

    figure: Figure
    alt: str
    table: pd.DataFrame
    caption: str = ""

    def bundle(self) -> dict:
        """The display-data output (for an ``Output`` widget: ``output.outputs = (chart.bundle(),)``)."""
        return figure_bundle(self.figure, self.alt, self.table, self.caption)

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> tuple[dict, dict]:
        bundle = self.bundle()
        return bundle["data"], bundle["metadata"]

    def __repr__(self) -> str:
        return f"[Figure] {self.alt}"
