"""The "compare two texts" app: pick two seeds, see the side-by-side tables (notebook 5 and its Voilà app)."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from ...errors import CourseError
from ...notebook.display import PAGE_HEIGHT, message_html, scroll_box_html, table_html
from ...notebook.widgets import CourseWidget, never_raise
from ...parse.article import load_article
from ...paths import course_root
from .actors import actor_mentions
from .common import Pair, overview
from .numbers import numbers_and_dates
from .sentences import closest_counterparts
from .voices import hedge_rates, quoted, reporting_verbs

CHOOSE = "(choose a text)"


def seed_files(folder: Path | None = None) -> list[Path]:
    """The ``.txt`` articles in ``seeds/`` (or ``folder``), sorted by file name."""
    return sorted((folder or course_root() / "seeds").glob("*.txt"))


def comparison_html(pair: Pair) -> str:
    """Every side-by-side table of the pair as one piece of HTML (every cell escaped by the table template)."""
    a_label, b_label = pair.labels
    actors = actor_mentions(pair)
    shared = actors[actors["in"] == "both"]
    parts = [table_html(overview(pair), caption=f"The two texts: {a_label} and {b_label}")]
    if shared.empty:
        parts.append(message_html("These texts share no actors.", "info"))
    parts += [
        table_html(quoted(pair), caption="Who is quoted: direct quotes and reported speech in A and in B"),
        table_html(reporting_verbs(pair), caption="Reporting verbs in A and in B"),
        table_html(hedge_rates(pair), caption="Hedges per 100 words"),
        table_html(actors, caption="Actors: mentions in A and in B, and which text mentions them"),
        table_html(numbers_and_dates(pair), caption="Numbers and dates each text gives"),
        table_html(
            closest_counterparts(pair),
            caption="Each sentence of A and its closest sentence in B (score: shared ÷ all content words)",
        ),
    ]
    return "".join(parts)


class CompareApp(CourseWidget):
    """Two dropdowns of seed files and the comparison of the two chosen texts.

    ``.first`` and ``.second`` are the Dropdowns (values are paths), ``.view`` the HTML of the tables.
    ``.compare(path_a, path_b)`` does what choosing does. Loading problems show as a message.
    """

    def __init__(self, folder: Path | None = None, first: str | None = None, second: str | None = None) -> None:
        """``first`` and ``second``: file names in the folder to start with (else its first two files)."""
        super().__init__()
        files = seed_files(folder)
        by_name = {path.name: path for path in files}
        options = [(CHOOSE, None), *((path.name, path) for path in files)]
        layout = widgets.Layout(width="480px")
        self.first = widgets.Dropdown(options=options, description="Text A:", layout=layout)
        self.second = widgets.Dropdown(options=options, description="Text B:", layout=layout)
        self.first.value = by_name.get(first or "", files[0] if files else None)
        self.second.value = by_name.get(second or "", files[1] if len(files) > 1 else None)
        self.view = widgets.HTML()  # scrolls inside scroll_box_html, which the keyboard can reach
        self.widget = widgets.VBox([self.first, self.second, self.status, self.view])
        self.widget.add_class("course-compare-app")
        for dropdown in (self.first, self.second):
            dropdown.observe(lambda _: self.compare(self.first.value, self.second.value), names="value")
        self.compare(self.first.value, self.second.value)

    @never_raise
    def compare(self, path_a: Path | None, path_b: Path | None) -> None:
        """Parse both texts and show their tables; say what to do if one is missing, the same, or unreadable."""
        if path_a is None or path_b is None:
            self.say("Choose two texts, A and B, from the lists.", "info")
            self.view.value = ""
            return
        if Path(path_a) == Path(path_b):
            self.say("Text A and text B are the same file: choose two different texts.", "warning")
            self.view.value = ""
            return
        try:
            pair = Pair(load_article(path_a), load_article(path_b))
        except CourseError as error:
            self.say(str(error), "error")
            self.view.value = ""
            return
        self.say(f"Comparing {pair.a.id} (A) with {pair.b.id} (B).", "ok")
        self.view.value = scroll_box_html(comparison_html(pair), "The two texts compared", PAGE_HEIGHT)
