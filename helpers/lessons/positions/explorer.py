"""The actor explorer: pick an actor, see every sentence that mentions it and what it said."""

from __future__ import annotations

from collections import Counter

import ipywidgets as widgets
import pandas as pd

from ...curated import split_list
from ...notebook.display import PAGE_HEIGHT, article_html, scroll_box_html
from ...notebook.session import Session, is_course_seed
from ...notebook.widgets import CourseWidget, never_raise
from ...parse.article import Article
from ...templates import render
from .common import actors_registry, as_session
from .mentions import mention_counts
from .statements import statements_table


class ActorExplorer(CourseWidget):
    """Pick an actor; see every sentence that mentions it highlighted, and a summary line.

    ``.actor`` is the Dropdown (values are actor ids), ``.summary`` (the status line) and ``.view``
    are HTML widgets, ``.widget`` holds them all. ``.show(actor_id)`` does what choosing does.
    """

    def __init__(self, source: Session | Article) -> None:
        super().__init__()
        self.article = as_session(source).article
        counts = mention_counts(self.article)
        options = [
            (f"{a} ({m} mention{'s' if m != 1 else ''})", i)
            for a, m, i in zip(counts["actor"], counts["mentions"], counts["actor_id"])
        ]
        self.actor = widgets.Dropdown(
            options=options,
            value=options[0][1] if options else None,
            description="Actor:",
            layout=widgets.Layout(width="420px"),
        )
        self.summary = self.status
        self.view = widgets.HTML()  # the article scrolls inside scroll_box_html, which the keyboard can reach
        self.widget = widgets.VBox([self.actor, self.summary, self.view])
        self.widget.add_class("course-actor-explorer")
        self.actor.observe(lambda change: self.show(change["new"]), names="value")
        self.show(self.actor.value)

    def sentence_ids(self, actor_id: str) -> list[str]:
        """The sentences that mention the actor, in article order."""
        rows = self.article.mentions[self.article.mentions["actor_id"] == actor_id]
        return list(dict.fromkeys(rows["sentence_id"]))

    @never_raise
    def show(self, actor_id: str | None) -> None:
        """Highlight the actor's sentences and summarise them."""
        if actor_id is None:
            self.say("The parser found no actor in this article.", "info")
            self.view.value = scroll_box_html(article_html(self.article), "The article", PAGE_HEIGHT)
            return
        mentions = self.article.mentions[self.article.mentions["actor_id"] == actor_id]
        sentence_ids = self.sentence_ids(actor_id)
        marks = [(int(s), int(e)) for s, e in zip(mentions["start"], mentions["end"])]
        self.summary.value = self._summary_html(actor_id, mentions, sentence_ids)
        self.view.value = scroll_box_html(
            article_html(self.article, highlight=sentence_ids, marks=marks), "The article", PAGE_HEIGHT
        )

    def _summary_html(self, actor_id: str, mentions: pd.DataFrame, sentence_ids: list[str]) -> str:
        forms = Counter(mentions["form"])
        said = statements_table(self.article)
        said = said[said["speaker_id"] == actor_id]
        return render(
            "positions_actor_summary.html",
            actor=str(mentions["actor"].iloc[0]) if len(mentions) else actor_id,
            mentions=len(mentions),
            sentences=len(sentence_ids),
            forms=", ".join(f"{count} as {form}" for form, count in forms.most_common()),
            statements=said.to_dict("records"),
            registry=self._registry(actor_id),
        )

    def _registry(self, actor_id: str) -> dict[str, str] | None:
        """The actor's role, description and facts from actors.csv (course article only)."""
        row = actors_registry().get(actor_id) if is_course_seed(self.article) else None
        if row is None:
            return None
        role = str(row.get("role", "")).strip()
        return {
            "role": role if role.lower() != str(row.get("kind", "")).lower() else "",
            "description": row["description"],
            "facts": ", ".join(split_list(row.get("fact_ids", ""))),
        }
