"""Tables fit the page: dates and sentence ids on one line, web addresses may break, headers spaced."""

from __future__ import annotations

import re

import pandas as pd

from helpers.notebook.display import table_html

URL = "https://www.example.org/2024/11/18/a-very-long-path-that-would-widen-the-table"


def _cells(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<td style="([^"]*)">([^<]*)</td>', html)


def test_dates_and_sentence_ids_stay_on_one_line():
    html = table_html(pd.DataFrame({"date": [pd.Timestamp("2024-11-18")], "cite": ["¶4.3"], "text": ["short"]}))
    styles = {text: style for style, text in _cells(html)}
    assert "white-space:nowrap" in styles["2024-11-18"]
    assert "white-space:nowrap" in styles["¶4.3"]
    assert "nowrap" not in styles["short"] and "anywhere" not in styles["short"]


def test_a_web_address_may_break_anywhere_ordinary_words_do_not():
    html = table_html(pd.DataFrame({"source": [URL, "Reuters, 18 Nov 2024"]}))
    styles = {text: style for style, text in _cells(html)}
    assert "overflow-wrap:anywhere" in styles[URL]
    assert "anywhere" not in styles["Reuters, 18 Nov 2024"]


def test_headers_are_padded_and_wrap():
    html = table_html(pd.DataFrame({"a long column name": [1], "another": [2]}))
    assert html.count("padding:4px 10px 4px 4px;white-space:normal") == 2


def test_scroll_boxes_use_the_page_height():
    """The article in the actor explorer was a fixed 418 px box, a third of a tablet's screen."""
    import helpers
    from helpers.lessons import positions
    from helpers.notebook.display import PAGE_HEIGHT
    from helpers.paths import default_seed

    explorer = positions.ActorExplorer(helpers.load_article(default_seed()))
    assert f"max-height:{PAGE_HEIGHT}" in explorer.view.value
    assert "vh" in PAGE_HEIGHT


def test_the_hand_in_message_fits_where_it_runs(monkeypatch):
    from helpers.notebook import session, submission_button

    monkeypatch.setattr(session, "in_voila", lambda: True)
    assert submission_button._file_browser_tip() == ""
    monkeypatch.setattr(session, "in_voila", lambda: False)
    assert "file browser" in submission_button._file_browser_tip()
