"""Why now? Heuer's Analysis of Competing Hypotheses for the course article (Exercise 3).

The hypotheses come from ``seeds/curated/hypotheses.csv``, the evidence and the teacher's reference
marks from ``ach_matrix.csv``; both point at the article's sentences by rule
(:func:`helpers.curated.rules.find_sentences`), never by a hard-coded sentence id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from ...curated import CuratedDataError, load_table, split_list
from ...curated.rules import find_sentences
from ...notebook.display import Message, table_html
from ...notebook.exercises import remember, store_warning
from ...notebook.scoring import better_than_chance
from ...notebook.session import Session, is_course_seed
from ...notebook.widgets import CourseWidget, never_raise
from ...parse.article import Article, cite
from ...templates import render, text_only

#: The hypothesis columns of ach_matrix.csv (hypotheses.csv must list the same ids). Three hypotheses and
#: at most six pieces of evidence keep the matrix to 18 choices, about ten minutes for a 16-year-old.
HYPOTHESIS_IDS = ("H1", "H2", "H3")
MAX_EVIDENCE = 6
MARKS = {"C": "consistent", "I": "inconsistent", "N": "not applicable"}
MARK_OPTIONS = [("–", ""), ("C", "C"), ("I", "I"), ("N", "N")]
HYPOTHESIS_COLUMNS = ["hypothesis_id", "hypothesis", "sentence_ids", "grounded_in"]
EVIDENCE_COLUMNS = [
    "evidence_id",
    "kind",
    "source",
    "evidence",
    "text",
    "fact_ids",
    *HYPOTHESIS_IDS,
    "reasoning",
    "confidence",
]


def hypotheses(folder: Path | str | None = None) -> pd.DataFrame:
    """The three "why now?" hypotheses (hypotheses.csv): hypothesis_id, hypothesis, rule.

    H3 is Russia's reading of the decision, so that the matrix does not frame it from the US side only.
    """
    table = load_table("hypotheses", folder)
    if tuple(table["hypothesis_id"]) != HYPOTHESIS_IDS:
        raise CuratedDataError(
            f"hypotheses.csv must list the hypotheses {', '.join(HYPOTHESIS_IDS)} in this "
            "order, one per row (they are the columns of ach_matrix.csv)."
        )
    return table


def ach_hypotheses(article: Article) -> pd.DataFrame:
    """The hypotheses with the article's sentences that suggest each (found by rule).

    Empty (same columns) for any article other than the course's own.
    """
    if not is_course_seed(article):
        return pd.DataFrame(columns=HYPOTHESIS_COLUMNS)
    rows = []
    for row in hypotheses().itertuples(index=False):
        ids = find_sentences(article, row.rule)
        rows.append(
            {
                "hypothesis_id": row.hypothesis_id,
                "hypothesis": row.hypothesis,
                "sentence_ids": "; ".join(ids),
                "grounded_in": ", ".join(cite(sid) for sid in ids),
            }
        )
    return pd.DataFrame(rows, columns=HYPOTHESIS_COLUMNS)


def ach_evidence(article: Article, folder: Path | str | None = None) -> pd.DataFrame:
    """Evidence rows of the ACH matrix: the article's sentences (found by rule) and background facts.

    Each row carries the teacher's reference marks (C, I or N per hypothesis) and reasoning from
    ach_matrix.csv. Empty (same columns) for any article other than the course's own. Raises
    CuratedDataError if ach_matrix.csv has more than ``MAX_EVIDENCE`` rows.
    """
    if not is_course_seed(article):
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    table = load_table("ach_matrix", folder)
    if len(table) > MAX_EVIDENCE:
        raise CuratedDataError(
            f"ach_matrix.csv has {len(table)} pieces of evidence; keep at most {MAX_EVIDENCE}, the six that "
            "tell the hypotheses apart best, so that the exercise fits the lesson."
        )
    rows = []
    for row in table.map(str.strip).to_dict("records"):
        if row["kind"] == "article":
            ids = find_sentences(article, row["evidence_rule"])
            if not ids:
                continue
            source, text = cite(ids[0]), article.sentence(ids[0])
        else:
            source, text = "facts " + ", ".join(split_list(row["fact_ids"])), row["label"]
        rows.append(
            {
                "evidence_id": row["evidence_id"],
                "kind": row["kind"],
                "source": source,
                "evidence": row["label"],
                "text": text,
                "fact_ids": row["fact_ids"],
                **{h: row[h] for h in HYPOTHESIS_IDS},
                "reasoning": row["reasoning"],
                "confidence": row["confidence"],
            }
        )
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def ach_reference_marks(evidence: pd.DataFrame) -> dict[tuple[str, str], str]:
    """The reference matrix as ``{(evidence_id, hypothesis_id): "C" | "I" | "N"}``."""
    return {(row["evidence_id"], h): row[h] for row in evidence.to_dict("records") for h in HYPOTHESIS_IDS}


def ach_scores(
    marks: Mapping[tuple[str, str], str],
    hypothesis_ids: Sequence[str] = HYPOTHESIS_IDS,
    evidence_ids: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Count each hypothesis's marks. Heuer: the hypothesis with the fewest inconsistencies survives.

    ``marks`` maps (evidence_id, hypothesis_id) to "C", "I", "N" or "" (not marked). Columns:
    hypothesis_id, inconsistent, consistent, not_applicable, unmarked, survives (True for the
    hypotheses with the fewest "I" marks; all False if nothing is marked).
    """
    if evidence_ids is None:
        evidence_ids = list(dict.fromkeys(e for e, _ in marks))
    rows = []
    for hypothesis_id in hypothesis_ids:
        values = [str(marks.get((e, hypothesis_id), "") or "").upper() for e in evidence_ids]
        rows.append(
            {
                "hypothesis_id": hypothesis_id,
                "inconsistent": values.count("I"),
                "consistent": values.count("C"),
                "not_applicable": values.count("N"),
                "unmarked": sum(value not in MARKS for value in values),
            }
        )
    table = pd.DataFrame(rows, columns=["hypothesis_id", "inconsistent", "consistent", "not_applicable", "unmarked"])
    marked = table[["inconsistent", "consistent", "not_applicable"]].sum(axis=1) > 0
    fewest = table.loc[marked, "inconsistent"].min() if marked.any() else None
    table["survives"] = marked & (table["inconsistent"] == fewest) if fewest is not None else False
    return table.astype(
        {"inconsistent": int, "consistent": int, "not_applicable": int, "unmarked": int, "survives": bool}
    )


def diagnostic_rows(marks: Mapping[tuple[str, str], str], evidence_ids: Sequence[str]) -> list[str]:
    """Evidence ids whose full row is marked and not the same for every hypothesis."""
    diagnostic = []
    for e in evidence_ids:
        values = [marks.get((e, h), "") for h in HYPOTHESIS_IDS]
        if all(v in MARKS for v in values) and len(set(values)) > 1:
            diagnostic.append(e)
    return diagnostic


_SKIPPED = "The competing-hypotheses matrix (section 4)"


def hypotheses_view(session: Session) -> HTML | Message:
    """The hypotheses and the sentences that suggest each, or the message that section 4 is skipped."""
    return session.reference(_SKIPPED) or HTML(
        table_html(
            ach_hypotheses(session.article),
            caption="Three hypotheses, and the sentences that suggest each",
            columns=["hypothesis_id", "hypothesis", "grounded_in"],
        )
    )


def evidence_view(session: Session) -> HTML | Message:
    """The evidence of the matrix, or the message that section 4 is skipped."""
    return session.reference(_SKIPPED) or HTML(
        table_html(
            ach_evidence(session.article),
            caption="The evidence: sentences of the article and background facts",
            columns=["evidence_id", "source", "text", "fact_ids"],
        )
    )


def ach_matrix(session: Session) -> ACHMatrix | Message:
    """Exercise 3 for the course article, or the message that section 4 is skipped."""
    return session.reference(_SKIPPED) or ACHMatrix(session)


class ACHMatrix(CourseWidget):
    """Analysis of Competing Hypotheses: mark each cell C, I or N (saved); score and compare."""

    def __init__(self, session: Session, evidence: pd.DataFrame | None = None) -> None:
        super().__init__()
        notebook = session.notebook
        self.hypotheses = hypotheses()
        self.evidence = ach_evidence(session.article) if evidence is None else evidence.reset_index(drop=True)
        self.result = widgets.HTML()
        self.dropdowns: dict[tuple[str, str], widgets.Dropdown] = {}
        texts = dict(zip(self.hypotheses["hypothesis_id"], self.hypotheses["hypothesis"]))
        cells: list[widgets.Widget] = [widgets.HTML(text_only("<b>Evidence</b>"))] + [
            widgets.HTML(render("escalation_hypotheses.html", header=True, hypothesis_id=h, hypothesis=texts[h]))
            for h in HYPOTHESIS_IDS
        ]
        for row in self.evidence.itertuples(index=False):
            cells.append(
                widgets.HTML(
                    render("escalation_evidence.html", evidence_id=row.evidence_id, source=row.source, text=row.text)
                )
            )
            for h in HYPOTHESIS_IDS:
                dropdown = widgets.Dropdown(
                    options=MARK_OPTIONS,
                    value="",
                    layout=widgets.Layout(width="70px"),
                    tooltip=f"{row.evidence_id} × {h}",
                )
                remember(
                    dropdown,
                    notebook,
                    f"ach.{row.evidence_id}.{h}",
                    status=self.status,
                    prompt=f"ACH mark (C, I or N): evidence {row.evidence_id} ({row.evidence}) against {h} "
                    f"({texts[h]})",
                )
                self.dropdowns[(row.evidence_id, h)] = dropdown
                cells.append(dropdown)
        legend = widgets.HTML(
            render("escalation_hypotheses.html", header=False, hypotheses=self.hypotheses.to_dict("records"))
        )
        grid = widgets.GridBox(
            cells,
            layout=widgets.Layout(
                grid_template_columns=f"minmax(260px, 1fr) repeat({len(HYPOTHESIS_IDS)}, 80px)",
                grid_gap="4px 8px",
                align_items="center",
            ),
        )
        self.score_button = widgets.Button(description="Score my matrix", button_style="primary")
        self.score_button.on_click(lambda _: self.score())
        self.widget = widgets.VBox(
            [store_warning(notebook), legend, grid, self.score_button, self.status, self.result],
            layout=widgets.Layout(border="1px solid #ddd", padding="8px"),
        )
        self.widget.add_class("course-question")

    @property
    def evidence_ids(self) -> list[str]:
        return list(self.evidence["evidence_id"])

    def marks(self) -> dict[tuple[str, str], str]:
        """The student's marks: {(evidence_id, hypothesis_id): "C" | "I" | "N" | ""}."""
        return {key: dropdown.value for key, dropdown in self.dropdowns.items()}

    def scores(self) -> pd.DataFrame:
        """The student's counts per hypothesis (see :func:`ach_scores`)."""
        return ach_scores(self.marks(), HYPOTHESIS_IDS, self.evidence_ids)

    def reference_scores(self) -> pd.DataFrame:
        """The reference matrix's counts per hypothesis."""
        return ach_scores(ach_reference_marks(self.evidence), HYPOTHESIS_IDS, self.evidence_ids)

    @never_raise
    def score(self) -> pd.DataFrame | None:
        """Count inconsistencies per hypothesis, for the student and the reference, and show both."""
        if self.evidence.empty:
            self.say("There is no matrix for this article.", "info")
            return None
        marks, reference_marks = self.marks(), ach_reference_marks(self.evidence)
        if not any(value in MARKS for value in marks.values()):
            self.say("Mark at least one cell first (C, I or N). Start with the evidence you find strongest.", "info")
            self.result.value = ""
            return None
        mine, reference = self.scores(), self.reference_scores()
        unmarked = int(mine["unmarked"].sum())
        marked = sum(value in MARKS for value in marks.values())
        agree = sum(marks[key] == reference_marks[key] for key in marks if marks[key] in MARKS)
        fair = better_than_chance(agree, marked, 1 / len(MARKS))
        self.say(
            f"Fewest inconsistencies in your matrix: {', '.join(mine.loc[mine['survives'], 'hypothesis_id'])}. "
            + (f"{unmarked} cells are still unmarked. " if unmarked else "")
            + f"{agree} of your {marked} marks agree with the reference; guessing would agree with about "
            + f"{marked / len(MARKS):.0f}"
            + ("." if fair else ", so look again at the evidence that disproves a hypothesis.")
            + " Heuer's advice: judge by what disproves a hypothesis, not by how much fits it.",
            "ok" if fair else "warning",
        )
        table = mine[["hypothesis_id", "inconsistent", "consistent"]].rename(
            columns={"hypothesis_id": "id", "inconsistent": "your I", "consistent": "your C"}
        )
        table["reference I"] = reference["inconsistent"].values
        table["reference C"] = reference["consistent"].values
        table.insert(1, "hypothesis", list(self.hypotheses["hypothesis"]))
        rows = [
            {
                **row,
                "cells": [{"reference": row[h], "yours": marks.get((row["evidence_id"], h))} for h in HYPOTHESIS_IDS],
            }
            for row in self.evidence.to_dict("records")
        ]
        self.result.value = render(
            "reveal_ach.html",
            scores=table_html(table),
            hypothesis_ids=HYPOTHESIS_IDS,
            rows=rows,
            agree=sum(marks[key] == reference_marks[key] for key in marks if marks[key] in MARKS),
            marked=sum(value in MARKS for value in marks.values()),
            yours=", ".join(diagnostic_rows(marks, self.evidence_ids)),
            reference=", ".join(diagnostic_rows(reference_marks, self.evidence_ids)),
        )
        return table
