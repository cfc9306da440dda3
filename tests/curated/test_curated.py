"""Tests for the curated tables in seeds/curated and helpers/curated.py."""

from __future__ import annotations

import csv
import re
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from helpers.curated import (  # noqa: E402
    TABLE_NAMES,
    CuratedDataError,
    fact_citation,
    load_table,
    validate_curated,
)
from helpers.paths import curated_dir  # noqa: E402

FACTS_MD = Path(__file__).resolve().parents[3] / "shared" / "facts.md"
ARTICLE = REPO / "seeds" / "000_0c51e7aa6578d068.txt"

EXPECTED_CODING = [
    ("3.2", "unnamed_sources", "suggest"),
    ("4.1", "russia", "condemned"),
    ("4.1", "russia_foreign_ministry", "warning"),
    ("4.2", "russia", "views"),
    ("4.3", "vladimir_putin_spokesman", "accused"),
    ("5.1", "volodymyr_zelensky", "suggested"),
    ("5.1", "volodymyr_zelensky", "stating"),
    ("6.1", "united_states", "sees"),
    ("6.2", "jon_finer", "emphasized"),
    ("8.2", "donald_trump", "promised"),
    ("8.2", "donald_trump", "claimed"),
    ("9.1", "volodymyr_zelensky", "indicated"),
]
STANCES = {"supports the decision", "opposes the decision", "not about the decision"}
#: Facts whose copies on mirror hosts were replaced by the original's address (checked host by host in
#: test_citations.py).
REPLACED_COPIES = {"C11", "C12", "D10", "D12"}


def expected_fact_ids() -> set[str]:
    ids = {f"A{i}" for i in range(1, 18)} | {f"B{i}" for i in range(1, 16)}
    ids |= {f"C{i}" for i in range(1, 27)} | {f"D{i}" for i in range(1, 17)}
    return ids | {f"X{i}" for i in range(1, 8)}


# ---------------------------------------------------------------- shipped data


def test_shipped_data_is_valid() -> None:
    assert validate_curated() == []


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_every_table_loads_and_has_rows(name: str) -> None:
    frame = load_table(name)
    assert len(frame) > 0


def test_files_are_utf8_with_header_and_no_bom() -> None:
    for name in TABLE_NAMES:
        raw = (curated_dir() / f"{name}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), name
        raw.decode("utf-8")


def test_facts_ids_are_exactly_the_fact_sheet_rows() -> None:
    facts = load_table("facts")
    assert set(facts["fact_id"]) == expected_fact_ids()
    assert len(facts) == len(expected_fact_ids())
    assert set(facts.loc[facts["section"] == "X", "confidence"]) == {"caveat"}
    assert not facts["fact"].str.contains(r"\*\*", regex=True).any()
    a14 = facts.set_index("fact_id").loc["A14"]
    assert a14["confidence"] == "unverified"


def test_events_spot_checks() -> None:
    events = load_table("events")
    invasion = events[events["date"] == pd.Timestamp("2022-02-24")]
    assert list(invasion["fact_id"]) == ["A1"]
    inauguration = events[events["date"] == pd.Timestamp("2025-01-20")]
    assert "A16" in set(inauguration["fact_id"])
    assert events["date"].dtype.kind == "M"
    assert events["title"].str.len().max() <= 80
    assert 40 <= len(events) <= 80
    assert not events["fact_id"].isin(["A14", "B3", "C26"]).any()
    # The article was written on 18 Nov 2024, the day before day 1,000 (REFERENCE_DATE).
    day_1000 = events[events["date"] == pd.Timestamp("2024-11-19")]
    assert set(day_1000["relation"]) == {"after"}
    article_day = events[events["date"] == pd.Timestamp("2024-11-18")]
    assert set(article_day["relation"]) == {"same_day"} and "A6" in set(article_day["fact_id"])


def test_troop_estimates_spot_checks() -> None:
    troops = load_table("troop_estimates")
    nis = troops[
        (troops["date"] == pd.Timestamp("2024-10-18"))
        & troops["source_org"].str.contains("NIS")
        & (troops["estimate_low"] == 12000)
    ]
    assert len(nis) == 1
    assert nis.iloc[0]["estimate_high"] == 12000
    assert nis.iloc[0]["fact_id"] == "A10"
    ryder = troops[troops["source_org"].str.contains("Ryder")]
    assert list(ryder["estimate_low"]) == [11000]
    assert list(ryder["estimate_high"]) == [12000]
    assert str(troops["estimate_low"].dtype) == "Int64"


def test_forecast_spot_checks() -> None:
    questions = load_table("forecast_questions").set_index("question_id")
    assert list(questions.index) == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert questions.loc["q1", "resolution"] == "yes"
    assert questions.loc["q5", "resolution"] == "no"
    assert questions.loc["q6", "resolution"] == "no"
    assert set(questions["as_of"]) == {"mid-December 2025"}
    assert questions.loc["q1", "window_days"] == 7


def test_reference_coding_has_exactly_the_parser_statements() -> None:
    coding = load_table("reference_coding")
    rows = list(zip(coding["sentence_id"], coding["speaker_id"], coding["verb"]))
    assert rows == EXPECTED_CODING
    assert set(coding["stance"]) <= STANCES
    assert set(coding["article_id"]) == {"000_0c51e7aa6578d068"}


def test_reference_coding_verbs_are_in_their_sentences() -> None:
    paragraphs = ARTICLE.read_text(encoding="utf-8").splitlines()
    coding = load_table("reference_coding")
    for sentence_id, verb in zip(coding["sentence_id"], coding["verb"]):
        paragraph, sentence = (int(part) for part in sentence_id.split("."))
        # Split after . ! ? (optionally followed by a closing quote), not inside "U.S.".
        parts = re.split(r"(?<=[.!?][”\"]) |(?<=[a-z0-9][.!?]) ", paragraphs[paragraph - 1])
        assert verb in parts[sentence - 1].split(), (sentence_id, verb)


def test_escalation_ladder_covers_44_rungs() -> None:
    ladder = load_table("escalation_ladder").sort_values("order")
    assert list(ladder["order"]) == list(range(1, 8))
    assert ladder["first_rung"].iloc[0] == 1
    assert ladder["last_rung"].iloc[-1] == 44
    assert (ladder["first_rung"].iloc[1:].to_numpy() == ladder["last_rung"].iloc[:-1].to_numpy() + 1).all()


def test_translations_keep_the_article_renderings() -> None:
    translations = load_table("translations")
    article = translations[translations["outlet"].str.startswith("this article")]
    assert set(article["rendering"]) == {"adding oil to the fire", "appropriate and tangible", "speak for themselves"}
    zelensky = translations[translations["speaker_id"] == "volodymyr_zelensky"]
    assert len(zelensky) >= 3 and set(zelensky["fact_id"]) == {"A5"}  # a translation too
    zakharova = translations[translations["fact_id"] == "B13"]
    assert set(zakharova["original"]) == {""}


def test_fact_citation() -> None:
    citation = fact_citation("A2")
    assert citation.startswith("facts A2: Kyiv Independent")
    assert "https://" in citation
    assert fact_citation("A14").endswith("[unverified]")
    with pytest.raises(CuratedDataError):
        fact_citation("Z99")


# ------------------------------------------------------- cross-check facts.md


def test_facts_match_the_shared_fact_sheet() -> None:
    if not FACTS_MD.is_file():
        pytest.skip(f"shared fact sheet not found at {FACTS_MD} (only present in the authoring workspace)")
    sheet = FACTS_MD.read_text(encoding="utf-8")
    sheet_ids = set(re.findall(r"^\| ([A-D][0-9]+) \|", sheet, flags=re.M))
    facts = load_table("facts")
    assert set(facts.loc[facts["section"] != "X", "fact_id"]) == sheet_ids
    # URLs the fact sheet does not list are originals put in place of its copies: see
    # tests/curated/test_citations.py::test_urls_new_to_the_fact_sheet_are_originals_of_its_copies.
    bibliography = " ".join(" ".join(row) for row in load_table("bibliography").astype(str).values.tolist())
    for fact_id, sources in zip(facts["fact_id"], facts["sources"]):
        for url in re.findall(r"https?://\S+", sources):
            assert url in sheet or url in bibliography or fact_id in REPLACED_COPIES, (fact_id, url)


def test_cited_urls_come_from_the_fact_sheet() -> None:
    facts_text = " ".join(load_table("facts")["sources"])
    for name in ("events", "troop_estimates", "forecast_questions", "translations"):
        for url in load_table(name)["url"]:
            if url:
                assert url in facts_text, (name, url)


# ------------------------------------------------------------ broken copies


def copy_data(tmp_path: Path) -> Path:
    for name in TABLE_NAMES:
        shutil.copy(curated_dir() / f"{name}.csv", tmp_path / f"{name}.csv")
    return tmp_path


def edit_cell(folder: Path, name: str, data_row: int, column: str, value: str) -> None:
    """Set one cell; data_row 0 is the first row under the header (spreadsheet row 2)."""
    path = folder / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0].keys())
    rows[data_row][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def assert_reported(problems: list[str], *parts: str) -> None:
    assert any(all(part in problem for part in parts) for problem in problems), problems


def test_copy_of_shipped_data_is_valid(tmp_path: Path) -> None:
    assert validate_curated(copy_data(tmp_path)) == []


def test_dropped_column_is_reported(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    frame = pd.read_csv(folder / "glossary.csv", dtype=str, keep_default_na=False)
    frame.drop(columns=["definition"]).to_csv(folder / "glossary.csv", index=False)
    assert_reported(validate_curated(folder), "glossary.csv", "row 1", "'definition'", "missing")


def test_bad_date_is_reported(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_cell(folder, "events", 2, "date", "2024-13-45")
    assert_reported(validate_curated(folder), "events.csv", "row 4", "'date'", "YYYY-MM-DD")
    with pytest.raises(CuratedDataError):
        load_table("events", folder)


def test_unknown_fact_id_is_reported(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_cell(folder, "forecast_questions", 0, "fact_ids", "C1;C99")
    assert_reported(validate_curated(folder), "forecast_questions.csv", "row 2", "'fact_ids'", "C99")


def test_unverified_fact_is_reported(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_cell(folder, "glossary", 0, "fact_ids", "B1;A14")
    assert_reported(validate_curated(folder), "glossary.csv", "row 2", "'fact_ids'", "A14")


def test_duplicate_id_is_reported(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_cell(folder, "actors", 1, "actor_id", "joe_biden")
    assert_reported(validate_curated(folder), "actors.csv", "row 3", "'actor_id'", "duplicate")


def test_bad_enum_is_reported(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_cell(folder, "reference_coding", 0, "stance", "neutral")
    edit_cell(folder, "forecast_questions", 1, "resolution", "maybe")
    problems = validate_curated(folder)
    assert_reported(problems, "reference_coding.csv", "row 2", "'stance'", "supports the decision")
    assert_reported(problems, "forecast_questions.csv", "row 3", "'resolution'", "yes, no")


def test_unknown_speaker_and_bad_url_are_reported(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_cell(folder, "reference_coding", 3, "speaker_id", "dmitry_peskov")
    edit_cell(folder, "events", 0, "url", "www.example.org")
    problems = validate_curated(folder)
    assert_reported(problems, "reference_coding.csv", "row 5", "'speaker_id'", "actors.csv")
    assert_reported(problems, "events.csv", "row 2", "'url'", "http")


def test_missing_file_is_reported(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "translations.csv").unlink()
    assert_reported(validate_curated(folder), "translations.csv", "not found")
    with pytest.raises(CuratedDataError, match="translations.csv"):
        load_table("translations", folder)


def test_unknown_table_name_lists_valid_names() -> None:
    with pytest.raises(CuratedDataError) as info:
        load_table("nope")
    assert isinstance(info.value, ValueError)
    for name in TABLE_NAMES:
        assert name in str(info.value)


def test_reference_answers_and_anchors_are_validated(tmp_path):
    import shutil

    from helpers.curated import load_table, validate_curated

    assert set(load_table("ach_matrix")[["H1", "H2", "H3"]].stack()) <= {"C", "I", "N"}
    assert load_table("anchors")["day_one"].iloc[0] == pd.Timestamp("2022-02-24")
    assert (load_table("ladder_placements")["confidence"] == "interpretation").all()
    folder = tmp_path / "curated"
    shutil.copytree(curated_dir(), folder)
    ladder = folder / "ladder_placements.csv"
    ladder.write_text(ladder.read_text(encoding="utf-8").replace(",interpretation", ",fact", 1), encoding="utf-8")
    anchors = folder / "anchors.csv"
    anchors.write_text(anchors.read_text(encoding="utf-8").replace("2022-02-24", "24/02/2022"), encoding="utf-8")
    problems = validate_curated(folder)
    assert any("ladder_placements.csv" in p and "confidence" in p for p in problems), problems
    assert any("anchors.csv" in p and "day_one" in p for p in problems), problems


def test_load_table_names_the_rows_that_do_not_convert(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_cell(folder, "events", 1, "date", "24/02/2022")
    edit_cell(folder, "troop_estimates", 0, "estimate_low", "about 12000")
    with pytest.raises(CuratedDataError, match=r"events.csv, column 'date': rows 3 are not dates in YYYY-MM-DD"):
        load_table("events", folder)
    with pytest.raises(CuratedDataError, match=r"troop_estimates.csv, column 'estimate_low': rows 2 are not whole"):
        load_table("troop_estimates", folder)
