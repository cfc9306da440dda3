"""Tests for helpers.lessons.timeline (notebook 2): tables, figure, explorer widget and exercises."""

from __future__ import annotations

from datetime import date

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

import helpers
from helpers.lessons import timeline
from helpers.lessons.timeline import table as table_module
from helpers.notebook.display import Chart, Message, table_html
from helpers.notebook.session import Session
from tests.conftest import TEST_ARTICLES

pytestmark = pytest.mark.usefixtures("answers_dir")


def session_for(article) -> Session:
    """Notebook 2's session on an article (built directly: nothing is displayed)."""
    return Session(article, "02_timeline")


def build(article):
    """The timeline table the way notebook 2 builds it: dated rows, sorted, then merged with the background."""
    times = article.time_expressions
    resolved = times[times["start_date"].notna()].sort_values("start_date")
    return timeline.timeline_table(
        timeline.article_events(article, resolved), timeline.background_for(session_for(article))
    )


@pytest.fixture(scope="module")
def seed_table(seed_article):
    return build(seed_article)


def _no_dates_article():
    return helpers.parse_text(
        "A short invented note.\n\nThe committee met and talked for a while.\n", article_id="no_dates"
    )


# -- tables ---------------------------------------------------------------------------------------


def test_article_events_on_the_seed(seed_article):
    events = timeline.article_events(seed_article)
    by_origin = dict(zip(events["origin"], events["date"]))
    assert by_origin["article ¶1.2"] == pd.Timestamp("2024-11-19")
    assert by_origin["article ¶8.1"] == pd.Timestamp("2025-01-20")
    assert events["from_article"].all()
    assert list(events.columns) == timeline.COLUMNS
    # vague expressions ("previously", "recent") are never given a date
    assert not events["basis"].str.contains("vague").any()
    row = events.set_index("origin").loc["article ¶8.1"]
    assert row["lane"] == "United States" and "January 20th" in row["label"]
    assert row["relation"] == "after"
    # "approaches its 1,000th day": day 1,000 (19 Nov) comes after the article's day (18 Nov, notebook 1)
    assert events.set_index("origin").loc["article ¶1.2", "relation"] == "after"


def test_labels_are_shortened_sentences(seed_article):
    events = timeline.article_events(seed_article)
    assert (events["label"].str.len() <= table_module.LABEL_WIDTH + 2).all()
    for label, origin in zip(events["label"], events["origin"]):
        words = label.strip("…")
        assert words in " ".join(seed_article.sentence(origin.split("¶")[1]).split())


def test_shorten_keeps_the_expression():
    text = "word " * 40 + "on January 20th" + " word" * 40
    start = text.index("January")
    short = timeline.shorten(text, start, start + len("January 20th"), width=40)
    assert "January 20th" in short and short.startswith("…") and short.endswith("…")
    assert timeline.shorten("Short.") == "Short."


def test_expressions_table_classifies(seed_article):
    table = timeline.expressions_table(seed_article)
    dated = dict(zip(table["text"], table["dated"]))
    assert dated["previously"] == "cannot be dated"
    assert dated["its 1,000th day"] == "counted from a known first day"
    assert dated["January 20th"] == "day and month written; year inferred"
    assert dated["in two months"] == "relative: counted from the reference date"
    assert table["cite"].str.startswith("¶").all()


def test_background_holds_back_the_outcomes():
    background = timeline.background_events()
    assert set(background["relation"]) <= {"before", "same_day"}
    assert "E038" not in set(background["event_id"])  # first ATACMS strike (C1): forecast in notebook 4
    assert "E030" in set(background["event_id"])  # the Odesa strike (A6), on the article's day, stays
    assert "E036" not in set(background["event_id"])  # day 1,000 (A2) is the day after the article
    assert "E015" not in set(background["event_id"])  # before the article, but it rests on an outcome (C2)
    assert not background["origin"].str.contains(r"\bC\d", regex=True).any()
    held = timeline.held_back_events()
    assert {"E015", "E038", "E039", "E051"} <= set(held["event_id"])
    assert not set(held["event_id"]) & set(background["event_id"])


def test_merged_table_is_sorted_and_has_the_invasion(seed_table):
    assert seed_table["date"].is_monotonic_increasing
    invasion = seed_table[seed_table["origin"] == "background A1"]
    assert list(invasion["date"]) == [pd.Timestamp("2022-02-24")]
    assert invasion["lane"].iloc[0] == "Russia"
    assert set(seed_table["lane"]) <= set(timeline.LANE_ORDER)
    assert seed_table.loc[~seed_table["from_article"], "url"].str.startswith("http").all()
    assert seed_table["from_article"].sum() == 4


def test_other_articles_get_no_background():
    harbour = helpers.load_article(TEST_ARTICLES / "synthetic_harbour_strike.txt")
    table = build(harbour)
    assert table["from_article"].all() and len(table) >= 1
    assert build(_no_dates_article()).empty
    assert timeline.background_for(session_for(harbour)).empty
    assert isinstance(timeline.show_background(session_for(harbour), table), Message)


def test_days_to_reference(seed_article):
    # from the article's day (18 Nov 2024, notebook 1, section 6), not the parser's day 1,000
    assert timeline.article_date(seed_article) == date(2024, 11, 18)
    assert timeline.days_to_reference(seed_article, "A9") == (date(2024, 11, 18) - date(2024, 8, 6)).days == 104


def test_article_date_of_another_article_is_the_parsers(seed_article):
    other = helpers.parse_text("It happened on 12 May 2023 in Oslo.", article_id="other")
    assert timeline.article_date(other) == other.reference_date
    assert timeline.article_date(seed_article) != seed_article.reference_date  # day 1,000 vs the day before


def test_table_html_escapes_seed_text():
    article = helpers.parse_text('<img src=x onerror="alert(1)"> met on 12 May 2023 in Oslo.', article_id="evil")
    markup = table_html(build(article))
    assert "<img" not in markup and "&lt;img" in markup


# -- figure ---------------------------------------------------------------------------------------


def test_plot_has_title_labels_and_alt_text(seed_article, seed_table):
    chart = timeline.plot_timeline(seed_table, timeline.article_date(seed_article))
    assert isinstance(chart, Chart) and len(chart.table) == len(seed_table)
    fig, alt = chart.figure, chart.alt
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() == "Date" and ax.get_ylabel()
    assert [t.get_text() for t in ax.get_yticklabels()] == timeline.LANE_ORDER
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("hollow" in t for t in legend) and any("filled" in t for t in legend)
    assert "18 Nov 2024" in alt and f"{len(seed_table)} dated events" in alt and "hollow" in alt


def test_lanes_differ_by_shape_and_colour():
    colours = timeline.lane_colours()
    assert len(set(colours.values())) == len(timeline.LANE_ORDER)
    assert len(set(timeline.LANE_MARKERS.values())) == len(timeline.LANE_ORDER)
    assert colours["Russia"] == helpers.notebook.display.actor_colours(["russia"])["russia"]


def test_plot_empty_table_runs():
    chart = timeline.plot_timeline(build(_no_dates_article()))
    assert chart.figure.axes[0].get_title() and "empty" in chart.alt


def test_close_up_is_a_chart_or_a_message(seed_article, seed_table):
    chart = timeline.plot_close_up(seed_table, seed_article.reference_date)
    assert isinstance(chart, Chart) and chart.table["date"].min() >= pd.Timestamp("2024-10-08")
    assert isinstance(timeline.plot_close_up(seed_table, None), Message)


def _numbers_drawn(chart: Chart) -> dict[int, object]:
    """The number texts beside the markers (gid ``event-number-N``), by number."""
    from matplotlib.text import Text

    found = {}
    for text in chart.figure.findobj(Text):
        gid = text.get_gid() or ""
        if gid.startswith("event-number-"):
            found[int(gid.rsplit("-", 1)[1])] = text
    return found


def _rendered(chart: Chart):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(chart.figure)
    canvas.draw()
    return canvas.get_renderer()


def test_markers_are_numbered_like_the_table(seed_article, seed_table):
    chart = timeline.plot_timeline(seed_table, seed_article.reference_date)
    table = chart.table
    assert list(table["no."]) == list(range(1, len(seed_table) + 1))
    assert list(table["date"]) == list(seed_table["date"])  # no. n is row n of the table
    drawn = _numbers_drawn(chart)
    in_figure = set(table.loc[table["in figure"] == "yes", "no."])
    assert set(drawn) == in_figure and len(in_figure) >= len(table) / 2
    assert all(drawn[n].get_text() == str(n) for n in drawn)
    import matplotlib.dates as mdates

    for n, text in drawn.items():
        row = table.loc[table["no."] == n].iloc[0]
        x = text.xy[0]
        when = pd.Timestamp(mdates.num2date(x)) if isinstance(x, float) else pd.Timestamp(x)
        assert when.date() == row["date"].date(), n  # the number sits at its event's date
    # every event outside the figure is said to be earlier or later than the window, and is
    xmin, xmax = (pd.Timestamp(mdates.num2date(x)).tz_localize(None) for x in chart.figure.axes[0].get_xlim())
    for _, row in table[table["in figure"] != "yes"].iterrows():
        end = row["end_date"] if pd.notna(row["end_date"]) else row["date"]
        assert (row["in figure"] == "earlier" and end < xmin) or (row["in figure"] == "later" and row["date"] > xmax)


def test_crowded_events_get_numbers_that_do_not_collide(seed_article, seed_table):
    """11 events on 17-19 Nov once stacked unlabelled on one date: now every number has its own place."""
    for chart in (
        timeline.plot_timeline(seed_table, seed_article.reference_date),
        timeline.plot_close_up(seed_table, seed_article.reference_date),
    ):
        renderer = _rendered(chart)
        numbers = _numbers_drawn(chart)
        assert len(numbers) >= 10 and all(text.get_text() == str(n) for n, text in numbers.items())
        boxes = {n: text.get_window_extent(renderer) for n, text in numbers.items()}
        items = sorted(boxes.items())
        for i, (a, box_a) in enumerate(items):
            for b, box_b in items[i + 1 :]:
                assert not box_a.overlaps(box_b), f"numbers {a} and {b} overlap"
                same_row = abs(box_a.y0 - box_b.y0) < 2
                assert not (same_row and abs(box_a.x0 - box_b.x0) < 12), f"numbers {a} and {b} share a place"


def test_main_figure_opens_on_the_weeks_around_the_article(seed_article, seed_table):
    import matplotlib.dates as mdates

    ref = pd.Timestamp(seed_article.reference_date)
    chart = timeline.plot_timeline(seed_table, seed_article.reference_date)
    xmin, xmax = (pd.Timestamp(mdates.num2date(x)).tz_localize(None) for x in chart.figure.axes[0].get_xlim())
    assert xmin < ref < xmax
    assert pd.Timedelta(weeks=3) <= xmax - xmin <= pd.Timedelta(weeks=11)  # weeks, not 2021-2026
    inside = seed_table[(seed_table["date"] >= xmin) & (seed_table["date"] <= xmax)]
    assert len(inside) > len(seed_table) / 2  # where most events sit
    window = timeline.default_window(seed_table, seed_article.reference_date)
    assert window is not None and window[0] <= ref <= window[1]
    # events outside the window are counted under the figure and in the alt text, with their numbers
    earlier = chart.table.loc[chart.table["in figure"] == "earlier", "no."]
    notes = [t.get_text() for t in chart.figure.texts]
    assert any(f"{len(earlier)} earlier (no. 1–{earlier.max()})" in t for t in notes), notes
    assert f"{len(earlier)} earlier event(s), numbers 1–{earlier.max()}, are only in the table" in chart.alt
    assert "Each marker carries its number in the table" in chart.alt and "weeks where most events sit" in chart.alt


def test_no_window_when_there_is_no_crowd():
    spread = helpers.parse_text(
        "It began on 1 May 2020. It grew on 3 June 2021. It ended on 9 July 2022. It was remembered on 2 March 2023.",
        article_id="spread",
    )
    table = build(spread)
    assert timeline.default_window(table, None) is None
    chart = timeline.plot_timeline(table)
    assert set(chart.table["in figure"]) == {"yes"} and set(_numbers_drawn(chart)) == {1, 2, 3, 4}
    assert chart.figure.texts == [] and "The figure shows" not in chart.alt


def test_timeline_titles_say_what_to_look_for(seed_article, seed_table, monkeypatch):
    chart = timeline.plot_timeline(seed_table, seed_article.reference_date)
    title = chart.figure.axes[0].get_title()
    shown = int((chart.table["in figure"] == "yes").sum())
    assert title == (
        f"Where the events crowd: {shown} of {len(seed_table)} around the article's date (19 Nov 2024); "
        "numbers match the table"
    )
    close_up = timeline.plot_close_up(seed_table, seed_article.reference_date)
    assert "who acted, in what order?" in close_up.figure.axes[0].get_title()
    from helpers.lessons.timeline import explorer as explorer_module

    titles = []
    real = explorer_module.plot_timeline
    monkeypatch.setattr(explorer_module, "plot_timeline", lambda *a, **k: titles.append(k["title"]) or real(*a, **k))
    timeline.TimelineExplorer(seed_table, seed_article.reference_date)
    assert titles and titles[-1].endswith(": which lane is busiest, and when?")


def test_timeline_text_is_at_least_9_points_and_colours_are_okabe_ito(seed_article, seed_table):
    from matplotlib.text import Text

    from helpers.notebook.display import OKABE_ITO

    charts = [
        timeline.plot_timeline(seed_table, seed_article.reference_date),
        timeline.plot_close_up(seed_table, seed_article.reference_date),
        timeline.plot_timeline(build(_no_dates_article())),
    ]
    for chart in charts:
        small = [(t.get_text(), t.get_fontsize()) for t in chart.figure.findobj(Text) if t.get_text().strip()]
        assert small and [s for s in small if s[1] < 9] == []
    assert set(timeline.lane_colours().values()) <= set(OKABE_ITO.values())


# -- explorer widget ------------------------------------------------------------------------------


def test_explorer_filters_by_actor(seed_article, seed_table):
    explorer = timeline.TimelineExplorer(seed_table, seed_article.reference_date)
    assert len(explorer.filtered) == len(seed_table)
    explorer.actor.value = ("Russia",)
    assert len(explorer.filtered) > 0 and set(explorer.filtered["lane"]) == {"Russia"}
    assert f"<b>{len(explorer.filtered)}</b> of {len(seed_table)}" in explorer.count.value
    data = explorer.output.outputs[0]["data"]
    assert "alt=" in data["text/html"] and "image/png" in data


def test_explorer_empty_choices_show_a_kind_message(seed_article, seed_table):
    explorer = timeline.TimelineExplorer(seed_table, seed_article.reference_date)
    months = [value for _, value in explorer.period.options]
    busy = set(seed_table["date"].dt.to_period("M").dt.to_timestamp())
    quiet = next(month for month in months if month not in busy and month < pd.Timestamp("2024-11-01"))
    explorer.period.value = (quiet, quiet)
    assert explorer.filtered.empty
    assert "No event matches" in explorer.status.value and explorer.output.outputs == ()
    explorer.period.index = (0, len(months) - 1)
    explorer.actor.value = ()
    assert "No actor is selected" in explorer.status.value
    explorer.actor.value = ("Russia",)
    assert explorer.status.value == "" and explorer.output.outputs


def test_lane_filter_is_a_checkbox_per_lane_with_all_and_none():
    """Touch screens: one tap per actor (no Ctrl-click); a tuple set at once redraws once."""
    import ipywidgets as widgets

    from helpers.lessons.timeline.explorer import LaneFilter

    lanes = LaneFilter(["Russia", "Ukraine", "United States"])
    calls = []
    lanes.observe(lambda: calls.append(lanes.value))
    assert all(isinstance(box, widgets.Checkbox) for box in lanes.boxes.values())
    assert [box.description for box in lanes.boxes.values()] == ["Russia", "Ukraine", "United States"]
    assert lanes.value == ("Russia", "Ukraine", "United States")
    lanes.boxes["Ukraine"].value = False  # one tap
    assert calls == [("Russia", "United States")]
    lanes.value = ("Ukraine",)
    assert calls[-1] == ("Ukraine",) and len(calls) == 2
    lanes.none_button.click()
    assert lanes.value == () and len(calls) == 3
    lanes.all_button.click()
    assert lanes.value == ("Russia", "Ukraine", "United States")
    lanes.disabled = True
    assert lanes.disabled and lanes.all_button.disabled
    with pytest.raises(ValueError, match="no lane"):
        lanes.value = ("Atlantis",)


def test_explorer_redraws_when_a_lane_is_ticked(seed_article, seed_table):
    explorer = timeline.TimelineExplorer(seed_table, seed_article.reference_date)
    explorer.actor.none_button.click()
    assert "No actor is selected" in explorer.status.value
    explorer.actor.boxes["Russia"].value = True
    assert set(explorer.filtered["lane"]) == {"Russia"} and explorer.output.outputs


def test_explorer_without_dates():
    explorer = timeline.TimelineExplorer(build(_no_dates_article()))
    assert explorer.filtered.empty and explorer.actor.disabled
    assert "no dated time expression" in explorer.status.value


def test_explorer_is_a_course_widget_that_never_raises(seed_article, seed_table, monkeypatch):
    from helpers.lessons.timeline import explorer as explorer_module
    from helpers.notebook.widgets import CourseWidget

    explorer = timeline.TimelineExplorer(seed_table, seed_article.reference_date)
    assert isinstance(explorer, CourseWidget)
    monkeypatch.setattr(explorer_module, "plot_timeline", lambda *a, **k: 1 / 0)
    explorer.actor.value = ("Russia",)
    assert "ZeroDivisionError" in explorer.status.value


# -- exercises ------------------------------------------------------------------------------------


def test_ordering_items_are_sorted_by_date(seed_article, seed_table):
    items, correct = timeline.ordering_items(seed_table)
    assert sorted(items) == sorted(correct) and items != correct and 5 <= len(items) <= 6
    rows = timeline.ordering_rows(seed_table)
    assert rows["date"].is_monotonic_increasing and rows["date"].is_unique
    assert list(rows["origin"]) == [
        "background A1",
        "background A9",
        "background A10",
        "background A15",
        "article ¶1.2",
        "article ¶8.1",
    ]


def test_ordering_items_never_start_in_the_right_place(seed_table):
    """Choosing the options in the order they are listed scores nothing (it once scored 3 of 6)."""
    items, correct = timeline.ordering_items(seed_table)
    assert sum(a == b for a, b in zip(items, correct)) == 0


@pytest.mark.parametrize(
    "correct",
    [["a", "b"], ["a", "b", "c"], ["c", "a", "b"], ["b", "a", "d", "c", "e", "f"], list("abcdefg"), ["z", "y", "x"]],
)
def test_derange_moves_every_item(correct):
    items = timeline.derange(correct)
    assert sorted(items) == sorted(correct)
    assert all(a != b for a, b in zip(items, correct))
    assert timeline.derange(correct) == items  # the same list every run


def test_ordering_falls_back_politely():
    harbour = helpers.load_article(TEST_ARTICLES / "synthetic_harbour_strike.txt")
    assert timeline.ordering_items(build(harbour)) == ([], [])
    assert isinstance(timeline.ordering_question(session_for(harbour), build(harbour)), Message)
    assert timeline.ordering_items(build(_no_dates_article())) == ([], [])
    many = helpers.parse_text(
        "It began on 1 May 2020. It grew on 3 June 2021. It ended on 9 July 2022. It was remembered on 2 March 2023.",
        article_id="many",
    )
    items, correct = timeline.ordering_items(build(many))
    assert len(correct) == 4 and correct[0].endswith("(article ¶1.1)")


def test_order_question_feedback(seed_article, seed_table, answers_dir):
    question = timeline.ordering_question(session_for(seed_article), seed_table)
    for slot, item in zip(question.slots, question.correct_order):
        slot.value = item
    question.button.click()
    assert "All 6 in the right order" in question.feedback.value
    question.slots[0].value, question.slots[1].value = question.correct_order[1], question.correct_order[0]
    question.button.click()
    assert "4 of 6 are in the right place" in question.feedback.value
    assert (answers_dir / "02_timeline.json").exists()


def test_days_question(seed_article):
    """Both counting conventions of notebook 1 are accepted: 104 elapsed days, or 105 counting both ends."""
    question = timeline.days_question(session_for(seed_article))
    for right in (104, 105):
        question.input.value = right
        question.button.click()
        assert "Yes" in question.feedback.value and "104" in question.feedback.value
    for wrong in (103, 106):
        question.input.value = wrong
        question.button.click()
        assert "Not yet" in question.feedback.value
    assert isinstance(
        timeline.days_question(session_for(helpers.load_article(TEST_ARTICLES / "synthetic_crlf_bom.txt"))), Message
    )


def test_undatable_question(seed_article):
    question = timeline.undatable_question(session_for(seed_article))
    assert question.correct == "“previously” (¶2.1)"
    question.input.value = "“January 20th” (¶8.1)"
    question.button.click()
    assert "Not quite" in question.feedback.value and "20 Jan 2025" in question.feedback.value
    question.input.value = question.correct
    question.button.click()
    assert "Yes" in question.feedback.value
    # Every expression in this article has a date: nothing to ask, a message instead of a question.
    dated = helpers.parse_text(
        "LONDON, 3 March 2024. The mayor said on 2 March 2024 that the bridge would reopen on 10 March 2024.\n",
        article_id="all_dated",
    )
    assert dated.time_expressions["start_date"].notna().all()
    assert isinstance(timeline.undatable_question(session_for(dated)), Message)


def test_reflection_question(seed_article):
    question = timeline.reflection_question(session_for(seed_article))
    question.input.value = "too short"
    question.button.click()
    assert "at least" in question.feedback.value
    prompt = timeline.reflection_prompt(seed_article)
    # Exercise 3's answer ("previously") is never named right under it; other undatable words are
    assert timeline.undatable_choice(seed_article)["correct"] == "“previously” (¶2.1)"
    assert "previously" not in prompt and "“recent”" in prompt


# -- the general rules, on small invented articles ------------------------------------------------


def test_lane_and_relation_rules_on_an_invented_article():
    article = helpers.parse_text("Vladimir Putin spoke on 12 May 2023. Nobody came on 1 June 2023.", article_id="lanes")
    rows = timeline.article_events(article).set_index("origin")
    assert rows.loc["article ¶1.1", "lane"] == "Russia"  # the first actor named decides the lane
    assert rows.loc["article ¶1.2", "lane"] == timeline.OTHERS  # nobody named: "Others"
    assert rows.loc["article ¶1.1", "date"] == pd.Timestamp("2023-05-12")


def test_only_the_rows_given_become_events():
    article = helpers.parse_text("It began on 1 May 2020. It ended on 9 July 2022.", article_id="given")
    times = article.time_expressions
    first = times[times["text"].str.contains("May")]
    assert timeline.article_events(article, first)["origin"].tolist() == ["article ¶1.1"]


def test_filter_table_keeps_overlapping_periods():
    article = helpers.parse_text("It began on 1 May 2020. It ended on 9 July 2022.", article_id="filter")
    table = build(article)
    kept = timeline.filter_table(table, None, "2021-01-01", "2022-12-31")
    assert kept["date"].tolist() == [pd.Timestamp("2022-07-09")]


def test_datable_rule():
    assert timeline.datable("vague", "", pd.NaT) == "cannot be dated"
    assert timeline.datable("date", "year nearest the reference date", pd.Timestamp("2024-01-20")).startswith(
        "day and month"
    )
    assert timeline.datable("relative", "", pd.Timestamp("2024-01-20")).startswith("relative")


def test_long_tables_are_folded(monkeypatch):
    shown: list[tuple[str, object]] = []
    monkeypatch.setattr(table_module, "show_table", lambda table, caption="": shown.append(("table", table)))
    monkeypatch.setattr(table_module, "show_html", lambda markup: shown.append(("html", markup)))
    long = pd.DataFrame({"n": range(30), "date": pd.date_range("2024-01-01", periods=30)})
    timeline.show_folded(long, caption="Thirty rows")
    assert [kind for kind, _ in shown] == ["table", "html"]
    assert len(shown[0][1]) == 8  # the head in the main flow
    assert "<details" in shown[1][1] and "2024-01-30" in shown[1][1] and "00:00:00" not in shown[1][1]
    shown.clear()
    timeline.show_folded(long.head(5), caption="Five rows")
    assert [kind for kind, _ in shown] == ["table"] and len(shown[0][1]) == 5  # short tables stay whole


def test_the_sources_table_names_pages_by_their_headline_only_up_to_the_articles_day(seed_table):
    """Notebook 2's table of background sources adds a page's own headline and date (source_pages.csv) to its
    outlet, for pages dated on or before the article's day; the timeline shows nothing after that day."""
    from helpers.curated import REFERENCE_DATE, source_pages

    pages = source_pages()
    sources = timeline.sources_table(seed_table)
    background = seed_table[~seed_table["from_article"]]
    labelled = 0
    for row in background.drop_duplicates("url").itertuples():
        shown = sources.loc[sources["url"] == row.url, "source"].iloc[0]
        page = pages.get(row.url)
        if page and page["date"] and page["date"] <= REFERENCE_DATE.isoformat():
            labelled += 1
            assert shown.startswith(f"{row.source}, ") and page["date"][:4] in shown, shown
        else:
            assert shown == row.source, shown
    assert labelled >= 1
