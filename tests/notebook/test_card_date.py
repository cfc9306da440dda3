"""The article card at the top of each notebook: the parser's date, the course article's day, no answer given away."""

from __future__ import annotations

import helpers
from helpers.notebook.session import card_date
from helpers.paths import default_seed

from ..conftest import TEST_ARTICLES


def test_course_article_card_gives_the_article_day_and_the_parsers_date():
    article = helpers.load_article(default_seed())
    line = card_date(article, "02_timeline")
    assert "18 November 2024" in line and "19 November 2024" in line
    assert line.index("18 November 2024") < line.index("Parser")


def test_the_notebook_that_asks_for_the_date_does_not_show_it():
    article = helpers.load_article(default_seed())
    line = card_date(article, "01_context")
    assert "November" not in line and "section 6" in line


def test_another_article_shows_only_the_parsers_date_escaped():
    article = helpers.load_article(TEST_ARTICLES / "hostile_markup.txt")
    line = card_date(article, "01_context")
    assert line.startswith("<b>Parser's reference date:</b>")
    assert "<script" not in line.lower() and "article's day" not in line
