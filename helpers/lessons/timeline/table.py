"""Notebook 2, the timeline table: the article's dated expressions and the sourced background, one row each.

Every row keeps where it comes from (``origin``), its source and confidence. Text from a seed is
plain text here; :func:`helpers.notebook.display.show_table` escapes it when it is shown.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pandas as pd

from ...curated import REFERENCE_DATE, article_date, cites_outcome, load_table, page_label, source_pages
from ...notebook.display import Message, show_html, show_table, table_details_html
from ...notebook.session import Session
from ...parse.article import Article, cite

BACKGROUND_SECTION = "The background timeline"
#: The lanes of the timeline, top to bottom. Every other actor goes to "Others".
LANES = {"united_states": "United States", "russia": "Russia", "ukraine": "Ukraine", "north_korea": "North Korea"}
OTHERS = "Others"
LANE_ORDER = [*LANES.values(), OTHERS]
#: One marker shape per lane, so that the lanes differ by shape as well as by colour.
LANE_MARKERS = {"United States": "o", "Russia": "s", "Ukraine": "^", "North Korea": "D", OTHERS: "P"}
_LANE_IDS = {name: actor_id for actor_id, name in LANES.items()} | {OTHERS: "others"}

COLUMNS = [
    "date",
    "end_date",
    "date_precision",
    "label",
    "lane",
    "primary_actor",
    "actor_ids",
    "origin",
    "from_article",
    "event_id",
    "source",
    "url",
    "confidence",
    "relation",
    "basis",
]
LABEL_WIDTH = 90


@lru_cache(maxsize=1)
def _actor_sides() -> dict[str, str]:
    """actor_id → the state it belongs to, from actors.csv (a state's side is itself)."""
    actors = load_table("actors")
    return {row.actor_id.strip(): (row.side.strip() or row.actor_id.strip()) for row in actors.itertuples(index=False)}


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
    return pd.DataFrame(
        {
            "cite": [cite(s) for s in times["sentence_id"]],
            "text": times["text"].astype(str),
            "kind": times["kind"].astype(str),
            "start_date": times["start_date"],
            "end_date": times["end_date"],
            "dated": [datable(k, b, d) for k, b, d in zip(times["kind"], times["basis"], times["start_date"])],
            "basis": times["basis"].astype(str),
        }
    )


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


def article_events(article: Article, times: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per dated time expression (``times``: rows of ``article.time_expressions``, by default
    every row with a date), labelled with its sentence shortened around the expression.

    ``primary_actor`` is the state of the first actor named in the sentence (a rule, not a judgement);
    a sentence that names nobody goes to the "Others" lane.
    """
    times = article.time_expressions if times is None else times
    times = times[times["start_date"].notna()]
    sentences = article.sentences.set_index("sentence_id")
    rows = []
    for row in times.itertuples(index=False):
        sentence = sentences.loc[row.sentence_id]
        actors = list(
            dict.fromkeys(
                article.mentions.loc[article.mentions["sentence_id"] == row.sentence_id, "actor_id"].astype(str)
            )
        )
        primary = side_of(actors[0]) if actors else ""
        label = shorten(str(sentence["text"]), row.start - int(sentence["start"]), row.end - int(sentence["start"]))
        end = row.end_date if pd.notna(row.end_date) else row.start_date
        rows.append(
            {
                "date": row.start_date,
                "end_date": end,
                "date_precision": _precision(row.kind, row.start_date, end),
                "label": label,
                "lane": lane_of(actors[0]) if actors else OTHERS,
                "primary_actor": primary,
                "actor_ids": ";".join(actors),
                "origin": f"article {cite(row.sentence_id)}",
                "from_article": True,
                "event_id": "",
                "source": f"the article ({article.id}), {cite(row.sentence_id)}",
                "url": "",
                "confidence": "as reported in the article",
                "relation": _relation(row.start_date, end, article_date(article)),
                "basis": f"“{row.text}”: {row.basis}",
            }
        )
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
    """True for the outcomes the course reveals in notebook 4: every ``after`` row, and every row that
    cites the fact sheet's "what happened next" section (fact ids C…), whatever its date."""
    return events["relation"].eq("after") | events["fact_id"].map(cites_outcome)


#: Tables longer than this show their first rows, with the rest folded underneath.
FOLD_AFTER = 12


def show_folded(table: pd.DataFrame, *, caption: str = "", columns: list[str] | None = None, head: int = 8) -> None:
    """Show a table; if it has more than :data:`FOLD_AFTER` rows, its first ``head`` rows and the whole
    table folded underneath ("Show all N rows"), so a long table does not stand in the main flow."""
    table = table if columns is None else table[columns]
    if len(table) <= FOLD_AFTER:
        show_table(table, caption=caption)
        return
    show_table(table.head(head), caption=f"{caption}: the first {head} rows".strip(": "))
    full = table.copy()
    for column in full.columns:
        if pd.api.types.is_datetime64_any_dtype(full[column]):
            full[column] = full[column].dt.strftime("%Y-%m-%d").fillna("")
    show_html(table_details_html(full, summary=f"Show all rows of {caption or 'the table'}"))


def background_events(
    relations: tuple[str, ...] = ("before", "same_day"), include_outcomes: bool = False
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
        rows.append(
            {
                "date": row.date,
                "end_date": row.date,
                "date_precision": row.date_precision,
                "label": row.title,
                "lane": lane_of(ids[0]) if ids else OTHERS,
                "primary_actor": side_of(ids[0]) if ids else "",
                "actor_ids": ";".join(ids),
                "origin": f"background {row.fact_id}",
                "from_article": False,
                "event_id": row.event_id,
                "source": row.source,
                "url": row.url,
                "confidence": row.confidence,
                "relation": row.relation,
                "basis": f"events.csv {row.event_id} (date precision: {row.date_precision})",
            }
        )
    return _typed(pd.DataFrame(rows, columns=COLUMNS))


def background_for(session: Session) -> pd.DataFrame:
    """:func:`background_events` for the course article, which they describe; no row for another article."""
    events = background_events()
    return events if session.reference(BACKGROUND_SECTION) is None else events.iloc[0:0]


def show_background(session: Session, background: pd.DataFrame) -> Message | None:
    """Show the background events; for another article, the message that they are skipped."""
    skipped = session.reference(BACKGROUND_SECTION)
    if skipped is not None:
        return skipped
    show_folded(
        background,
        columns=["date", "date_precision", "label", "lane", "origin", "source", "confidence"],
        caption=f"Background events before or on the article's day (events.csv, {len(background)} rows)",
    )
    return None


def timeline_table(article_rows: pd.DataFrame, background: pd.DataFrame | None = None) -> pd.DataFrame:
    """The article's dated rows merged with the background rows, sorted by date (background first on a tie)."""
    parts = [part for part in (article_rows, background) if part is not None and len(part)]
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
    """Days from the first background event of a fact (e.g. ``"A9"``) to the article's date (:func:`article_date`)."""
    reference = article_date(article)
    if reference is None:
        return None
    events = load_table("events")
    dates = events.loc[events["fact_id"] == fact_id, "date"]
    if dates.empty:
        return None
    return (pd.Timestamp(reference) - dates.min()).days


def sources_table(table: pd.DataFrame) -> pd.DataFrame:
    """Every background source used in a timeline table: fact id, source (with the page's headline and date
    where on record), URL, confidence."""
    rows = table[~table["from_article"]]
    pages = source_pages()
    labels = [page_label(url, pages, known_by=REFERENCE_DATE) for url in rows["url"]]
    out = rows.assign(
        fact_id=rows["origin"].str.replace("background ", "", regex=False),
        source=[f"{source}, {label}" if label else source for source, label in zip(rows["source"], labels)],
    )
    return (
        out[["fact_id", "event_id", "source", "url", "confidence"]]
        .drop_duplicates(["fact_id", "source", "url"])
        .reset_index(drop=True)
    )


def show_sources(table: pd.DataFrame) -> Message | None:
    """Show the sources behind the background rows of a timeline, or say there are none."""
    sources = sources_table(table)
    if sources.empty:
        return Message("This timeline uses no background source: every row comes from the article itself.")
    show_table(sources, caption=f"Sources of the background events in this timeline ({len(sources)} rows)")
    return None


def summary_counts(article: Article) -> pd.DataFrame:
    """How many of the article's time expressions fall in each "dated" category."""
    counts = expressions_table(article)["dated"].value_counts()
    return counts.rename_axis("how it could be dated").reset_index(name="expressions")


def reference_note(article: Article) -> Message:
    """The article's reference date and how it was found; for the course article also the day it was
    written (:func:`article_date`), when that differs from the day the parser counts from."""
    if article.reference_date is None:
        return Message(f"No reference date: {article.reference_basis}.")
    note = f"The parser counts from {article.reference_date:%A %d %B %Y}. How it was found: {article.reference_basis}"
    written = article_date(article)
    if written is not None and written != article.reference_date:
        note += (
            f" But the article says the war 'approaches' that day, and it reports events of the day before: "
            f"the course dates the article to {written:%A %d %B %Y} (notebook 1, section 6), and this notebook "
            "uses that date as the article's day."
        )
    return Message(note)
