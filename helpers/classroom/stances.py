"""Stance coding: each student against the reference coding, and every pair of students (Cohen's kappa)."""

from __future__ import annotations

from itertools import combinations

import pandas as pd

from ..curated import load_table
from ..notebook.scoring import cohen_kappa, percent_agreement
from ..paths import COURSE_SEED_ID
from .common import STANCE_NOTEBOOK, STANCES, is_answered, natural_key


def stance_codes(answers: pd.DataFrame, notebook: str = STANCE_NOTEBOOK) -> pd.DataFrame:
    """Stance codes as a table: one row per statement (question id), one column per student.

    Only the three stances count; "(choose)" and other values are left empty (NaN),
    and values that are not stances are listed in ``attrs["invalid"]``.
    """
    chosen = answers[(answers["notebook"] == notebook) & answers["question_id"].str.startswith("stance.")]
    valid = chosen[chosen["value"].isin(STANCES)].drop_duplicates(["student", "question_id"], keep="last")
    invalid = [
        (r.student, r.question_id, r.value)
        for r in chosen.itertuples(index=False)
        if is_answered(r.value) and r.value not in STANCES
    ]
    table = valid.pivot(index="question_id", columns="student", values="value") if len(valid) else pd.DataFrame()
    if len(table):
        table = table.reindex(sorted(table.index, key=natural_key))
        table = table[sorted(table.columns, key=natural_key)]
        table.columns.name = None
    table.attrs["invalid"] = invalid
    return table


def reference_stances(article_id: str = COURSE_SEED_ID) -> pd.Series:
    """The teacher's reference coding (reference_coding.csv) keyed by the stance question id.

    Ids follow helpers.positions.StanceCoder: ``stance.<sentence_id>.<verb in lower case>``; a second
    statement with the same sentence and verb gets ``.2`` (file order).
    """
    coding = load_table("reference_coding")
    coding = coding[coding["article_id"].str.strip() == article_id]
    ids: list[str] = []
    seen: dict[str, int] = {}
    for sentence_id, verb in zip(coding["sentence_id"], coding["verb"]):
        base = f"stance.{sentence_id.strip()}.{verb.strip().lower()}"
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}.{seen[base]}")
    return pd.Series(list(coding["stance"].str.strip()), index=ids, name="reference")


def _compare(a: pd.Series, b: pd.Series) -> tuple[int, float, float]:
    """Items both coded, percent agreement and Cohen's kappa (NaN if none in common)."""
    both = pd.concat([a, b], axis=1, join="inner").dropna()
    if both.empty:
        return 0, float("nan"), float("nan")
    first, second = list(both.iloc[:, 0]), list(both.iloc[:, 1])
    return len(both), percent_agreement(first, second), cohen_kappa(first, second)


def stance_agreement(codes: pd.DataFrame, reference: pd.Series | None = None) -> pd.DataFrame:
    """Each student against the reference coding, on the statements both coded.

    Columns: student, statements (coded and in the reference), agreement_pct, kappa.
    """
    reference = reference_stances() if reference is None else reference
    rows = []
    for student in codes.columns:
        n, agreement, kappa = _compare(codes[student], reference)
        rows.append([student, n, agreement, kappa])
    return pd.DataFrame(rows, columns=["student", "statements", "agreement_pct", "kappa"])


def pairwise_kappa(codes: pd.DataFrame, min_items: int = 3) -> pd.DataFrame:
    """Cohen's kappa for every pair of students on the statements both coded (at least ``min_items``).

    Columns: student_a, student_b, statements, agreement_pct, kappa.
    """
    rows = []
    for first, second in combinations(codes.columns, 2):
        n, agreement, kappa = _compare(codes[first], codes[second])
        if n >= min_items:
            rows.append([first, second, n, agreement, kappa])
    return pd.DataFrame(rows, columns=["student_a", "student_b", "statements", "agreement_pct", "kappa"])


def mean_pairwise_kappa(pairs: pd.DataFrame) -> float:
    """The mean of the pairwise kappas (a simple stand-in for Fleiss' kappa); NaN with no pairs."""
    return float(pairs["kappa"].mean()) if len(pairs) else float("nan")


def stance_message(agreement: pd.DataFrame, pairs: pd.DataFrame) -> str:
    """One sentence: mean kappa with the reference and between students."""
    scored = agreement.dropna(subset=["kappa"])
    if scored.empty:
        return "No student has coded a statement yet."
    between = (
        f"; between pairs of students it is {mean_pairwise_kappa(pairs):.2f} ({len(pairs)} pairs)"
        if len(pairs)
        else "; no two students coded enough of the same statements to compare"
    )
    return (
        f"Mean Cohen's kappa with the reference coding: {scored['kappa'].mean():.2f} "
        f"({len(scored)} students){between}. 1 is perfect agreement, 0 is what chance would give."
    )
