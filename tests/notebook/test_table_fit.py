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
