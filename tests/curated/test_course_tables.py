"""The three tables of course text that used to live in Python (claim rules, hypotheses, cited facts) are
validated like every other curated table: a broken row is named, never silently skipped."""

from __future__ import annotations

from pathlib import Path

from helpers.curated import validate_curated
from helpers.curated.schema import ENUMS
from helpers.notebook.session import NOTEBOOKS
from tests.curated.test_curated import assert_reported, copy_data, edit_cell


def test_cited_facts_notebooks_are_the_course_notebooks() -> None:
    assert set(ENUMS["cited_facts"]["notebook"]) == set(NOTEBOOKS)


def test_claim_rule_with_a_broken_rule_is_reported(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_cell(folder, "claim_rules", 0, "rule", "sentences.nosuch~approved")
    assert_reported(validate_curated(folder), "claim_rules.csv", "row 2", "'rule'")


def test_claim_rule_with_an_unknown_fact_is_reported(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_cell(folder, "claim_rules", 0, "fact_id", "A999")
    assert_reported(validate_curated(folder), "claim_rules.csv", "row 2", "'fact_id'", "A999")


def test_claim_rule_first_only_is_yes_or_no(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_cell(folder, "claim_rules", 1, "first_only", "sometimes")
    assert_reported(validate_curated(folder), "claim_rules.csv", "row 3", "'first_only'", "yes, no")


def test_hypothesis_id_and_rule_are_checked(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_cell(folder, "hypotheses", 0, "hypothesis_id", "H9")
    edit_cell(folder, "hypotheses", 1, "rule", "nosuchtable.text~x")
    problems = validate_curated(folder)
    assert_reported(problems, "hypotheses.csv", "row 2", "'hypothesis_id'", "H1")
    assert_reported(problems, "hypotheses.csv", "row 3", "'rule'")


def test_cited_fact_in_an_unknown_notebook_is_reported(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_cell(folder, "cited_facts", 0, "notebook", "99_nowhere")
    edit_cell(folder, "cited_facts", 1, "fact_id", "D999")
    problems = validate_curated(folder)
    assert_reported(problems, "cited_facts.csv", "row 2", "'notebook'", "04_escalation")
    assert_reported(problems, "cited_facts.csv", "row 3", "'fact_id'", "D999")


def test_load_table_names_a_lost_column(tmp_path: Path) -> None:
    import pandas as pd
    import pytest

    from helpers.curated import CuratedDataError, load_table

    folder = copy_data(tmp_path)
    frame = pd.read_csv(folder / "hypotheses.csv", dtype=str, keep_default_na=False)
    frame.drop(columns=["rule"]).to_csv(folder / "hypotheses.csv", index=False)
    with pytest.raises(CuratedDataError, match=r"hypotheses\.csv lacks the column\(s\) rule"):
        load_table("hypotheses", folder)
