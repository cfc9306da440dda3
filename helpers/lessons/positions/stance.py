"""Coding stance (Exercise 4): code each statement, then compare with the teacher's reference coding."""

from __future__ import annotations

from collections import Counter

import ipywidgets as widgets

from ...curated import load_table
from ...notebook.display import message_html, table_html
from ...notebook.exercises import remember, store_warning
from ...notebook.scoring import agreement_table, cohen_kappa, percent_agreement
from ...notebook.session import Session
from ...notebook.widgets import CourseWidget, never_raise
from ...parse.article import Article
from ...templates import render, text_only
from .common import CHOOSE, STANCES, as_session, question_id
from .statements import statements_table


class StanceCoder(CourseWidget):
    """Code each statement's stance toward the US decision, then compare with the reference coding.

    ``.dropdowns`` maps a stable question id (``stance.4.3.accused``) to its Dropdown and ``.reasons``
    to the student's saved reason (``stance.4.3.accused.reason``); ``.rows`` is
    the statements table with that id; ``.compare_button`` fills ``.result`` (the status line);
    ``.widget`` holds it all. Every choice is saved in the session's answers file. For an article
    other than the course article the dropdowns still work, but there is no reference to compare with.
    """

    def __init__(self, source: Session | Article) -> None:
        super().__init__()
        self.session = as_session(source)
        self.article = self.session.article
        self.rows = statements_table(self.article)
        self.rows["question_id"] = self._question_ids()
        self.result = self.status
        self.dropdowns: dict[str, widgets.Dropdown] = {}
        self.reasons: dict[str, widgets.Textarea] = {}
        lines = []
        for row in self.rows.itertuples(index=False):
            dropdown = widgets.Dropdown(
                options=[CHOOSE, *STANCES],
                value=CHOOSE,
                description=f"Stance in {row.citation}",
                style={"description_width": "0px"},  # the statement beside it says it; screen readers hear it
                layout=widgets.Layout(width="220px"),
            )
            remember(
                dropdown,
                self.session.notebook,
                row.question_id,
                status=self.result,
                prompt=f"Stance of {row.citation} {row.speaker} {row.verb}: {row.content}",
            )
            self.dropdowns[row.question_id] = dropdown
            reason = widgets.Textarea(
                placeholder="Your reason: which words of the statement decide it?",
                description=f"Reason for {row.citation}",
                style={"description_width": "0px"},
                layout=widgets.Layout(width="95%", height="2.6em"),
            )
            remember(
                reason,
                self.session.notebook,
                f"{row.question_id}.reason",
                status=self.result,
                prompt=f"Reason for the stance of {row.citation} {row.speaker} {row.verb}",
            )
            self.reasons[row.question_id] = reason
            label = widgets.HTML(
                render("positions_statement.html", **row._asdict()), layout=widgets.Layout(flex="1 1 auto")
            )
            lines.append(widgets.HBox([dropdown, label], layout=widgets.Layout(align_items="center")))
            lines.append(reason)
        self.compare_button = widgets.Button(
            description="Compare with the reference coding",
            button_style="primary",
            layout=widgets.Layout(width="280px"),
        )
        self.compare_button.on_click(lambda _: self.compare())
        intro = widgets.HTML(
            text_only(
                "<b>Exercise 4.</b> For each statement, choose its stance toward the US decision "
                "to allow long-range strikes into Russia."
            )
        )
        if not lines:
            lines = [widgets.HTML(message_html("The parser found no reported statement in this article.", "info"))]
        self.widget = widgets.VBox(
            [store_warning(self.session.notebook), intro, *lines, self.compare_button, self.result],
            layout=widgets.Layout(border="1px solid #ddd", padding="8px", margin="6px 0"),
        )
        self.widget.add_class("course-question")

    def _question_ids(self) -> list[str]:
        ids: list[str] = []
        seen: Counter[str] = Counter()
        for sentence_id, verb in zip(self.rows["sentence_id"], self.rows["verb"]):
            base = question_id(self.article, f"stance.{sentence_id}.{str(verb).lower()}")
            seen[base] += 1
            ids.append(base if seen[base] == 1 else f"{base}.{seen[base]}")
        return ids

    @property
    def values(self) -> dict[str, str]:
        """The current choice per question id."""
        return {qid: dropdown.value for qid, dropdown in self.dropdowns.items()}

    def reference(self) -> dict[str, tuple[str, str]]:
        """Question id → (reference stance, rationale), for statements the reference coding covers."""
        if not self.session.is_course_article:
            return {}
        coding = load_table("reference_coding")
        coding = coding[coding["article_id"] == self.article.id]
        lookup = {
            (s.strip(), p.strip(), v.strip().lower()): (st.strip(), r)
            for s, p, v, st, r in zip(
                coding["sentence_id"], coding["speaker_id"], coding["verb"], coding["stance"], coding["rationale"]
            )
        }
        found = {}
        for row in self.rows.itertuples(index=False):
            key = (row.sentence_id, row.speaker_id, str(row.verb).lower())
            if key in lookup:
                found[row.question_id] = lookup[key]
        return found

    @never_raise
    def compare(self) -> str:
        """Fill ``.result`` with the comparison (or a kind message) and return its HTML."""
        self.result.value = self._comparison_html()
        return self.result.value

    def _comparison_html(self) -> str:
        skipped = self.session.reference("The comparison with the reference coding")
        if skipped is not None:
            return message_html(
                skipped.text + " Your choices are saved: compare them with a classmate's instead.", "info"
            )
        if not self.dropdowns:
            return message_html("There are no statements to code in this article.", "info")
        open_rows = [
            row for row in self.rows.itertuples(index=False) if self.dropdowns[row.question_id].value == CHOOSE
        ]
        if open_rows:
            cited = ", ".join(dict.fromkeys(row.citation for row in open_rows))
            return message_html(
                f"You have coded {len(self.rows) - len(open_rows)} of {len(self.rows)} statements so far. Choose a "
                f"stance for the remaining {len(open_rows)} ({cited}), then press the button again. There is no "
                "wrong first guess: the comparison is a starting point for discussion.",
                "info",
            )
        reference = self.reference()
        if not reference:
            return message_html("None of the parsed statements appears in the reference coding.", "warning")
        rows = [row for row in self.rows.itertuples(index=False) if row.question_id in reference]
        yours = [self.dropdowns[row.question_id].value for row in rows]
        theirs = [reference[row.question_id][0] for row in rows]
        matches = sum(a == b for a, b in zip(yours, theirs))
        left_out = len(self.rows) - len(rows)
        note = f" ({left_out} parsed statement(s) have no reference coding and are left out.)" if left_out else ""
        message = message_html(
            f"You agree with the reference coding on {matches} of {len(rows)} statements: "
            f"{percent_agreement(yours, theirs):.1f}% agreement, Cohen's kappa {cohen_kappa(yours, theirs):.2f}.{note}",
            "ok" if matches == len(rows) else "info",
        )
        agreement = agreement_table(yours, theirs, labels=STANCES)
        agreement = agreement.rename_axis("your coding ↓ / reference →").rename_axis(columns=None).reset_index()
        disagreements = [
            {
                "citation": row.citation,
                "speaker": row.speaker,
                "verb": row.verb,
                "yours": a,
                "reason": self.reasons[row.question_id].value.strip(),
                "reference": b,
                "rationale": reference[row.question_id][1],
            }
            for row, a, b in zip(rows, yours, theirs)
            if a != b
        ]
        return render(
            "reveal_stance.html", message=message, agreement=table_html(agreement), disagreements=disagreements
        )
