"""The class's free-text answers, side by side: one table per question, every student's words, escaped.

Free text is what a teacher grades by reading (docs/rubric.md): the written exercises of notebooks 00-04
(their ids are listed in ``FREE_TEXT_QUESTIONS``) and every reason box (ids ending in ``.reason``: the
reasons saved with forecasts, ladder placements and stance codes). A teacher can add other ids.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..notebook.display import escape, message_html, table_html
from ..templates import text_only
from .common import describe_question, format_value, is_answered, natural_key

#: The written (TextQuestion) exercises, by notebook. For another article an id gets ``.<article id>`` added.
FREE_TEXT_QUESTIONS: dict[str, tuple[str, ...]] = {
    "00_start_here": ("expectations",),
    "01_context": ("why_disagree",),
    "02_timeline": ("reflection",),
    "03_actor_positions": ("translation.which_is_the_quote",),
    "04_escalation": ("look_back",),
}
REASON_SUFFIX = ".reason"
FREE_TEXT_COLUMNS = ["notebook", "question_id", "question", "student", "answer", "locked"]


def is_free_text(notebook: str, question_id: str, extra: Iterable[str] = ()) -> bool:
    """True for a written answer: a reason box, a listed written exercise, or one of ``extra`` (ids)."""
    if question_id.endswith(REASON_SUFFIX) or question_id in set(extra):
        return True
    return any(
        question_id == base or question_id.startswith(base + ".") for base in FREE_TEXT_QUESTIONS.get(notebook, ())
    )


def _prompt(answers: pd.DataFrame, notebook: str, question_id: str) -> str:
    """The question's text as the students saw it (saved with their answers), else as the course names it."""
    saved = answers.attrs.get("questions", {}).get(notebook, {}).get(question_id)
    return saved or describe_question(notebook, question_id) or question_id


def free_text_answers(answers: pd.DataFrame, extra: Iterable[str] = ()) -> pd.DataFrame:
    """One row per student and written answer (empty answers left out), in course order.

    ``answers`` is :func:`~helpers.classroom.load_class`'s table. Columns: notebook, question_id, question
    (its prompt), student, answer (the text), locked (True for a reason locked with its forecasts).
    """
    extra = tuple(extra)
    keep = [
        is_free_text(str(nb), str(qid), extra) and is_answered(value)
        for nb, qid, value in zip(answers["notebook"], answers["question_id"], answers["value"])
    ]
    chosen = answers[pd.Series(keep, index=answers.index, dtype=bool)]
    rows = [
        {
            "notebook": row.notebook,
            "question_id": row.question_id,
            "question": _prompt(answers, str(row.notebook), str(row.question_id)),
            "student": row.student,
            "answer": format_value(row.value),
            "locked": bool(row.locked),
        }
        for row in chosen.itertuples(index=False)
    ]
    table = pd.DataFrame(rows, columns=FREE_TEXT_COLUMNS)
    order = table.apply(
        lambda r: (natural_key(r["notebook"]), natural_key(r["question_id"]), natural_key(r["student"])), axis=1
    )
    return table.iloc[sorted(range(len(table)), key=lambda i: order.iloc[i])].reset_index(drop=True)


def free_text_view(answers: pd.DataFrame, extra: Iterable[str] = ()) -> str:
    """HTML: per written question, its text and every student's answer side by side (all of it escaped)."""
    table = free_text_answers(answers, extra)
    if table.empty:
        return message_html("No written answers yet (reasons, reflections, the look back).", "info")
    parts = []
    for (notebook, question_id), group in table.groupby(["notebook", "question_id"], sort=False):
        heading = f"{escape(notebook)} · <code>{escape(question_id)}</code>: {escape(group['question'].iloc[0])}"
        shown = group[["student", "answer"]].assign(locked=group["locked"].map({True: "locked", False: ""}).astype(str))
        caption = f"{len(group)} answer(s)"
        parts.append(f"<h4>{heading}</h4>" + table_html(shown, caption=caption))
    return text_only("".join(parts))
