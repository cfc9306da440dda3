"""Check every curated table: each problem names the file, the spreadsheet row and the column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from .load import _folder, _read_raw, split_list
from .rules import rule_problem
from .schema import (
    COLUMNS,
    DATE_COLUMNS,
    DOI,
    ENUMS,
    FACT_ID,
    FACT_ID_COLUMNS,
    FACT_IDS_COLUMNS,
    INTEGER_COLUMNS,
    ISO_DATE,
    MAX_TITLE,
    NO_INTERPRETATION,
    PARTIAL_DATE,
    REFERENCE_DATE,
    REQUIRED_CELLS,
    RULE_COLUMNS,
    SENTENCE_ID,
    SNAKE_ID,
    TABLE_NAMES,
    UNIQUE_KEYS,
    UNNAMED_SOURCES,
    URL_COLUMNS,
    URL_IN_TEXT,
    CuratedDataError,
)


def _where(name: str, row: int, column: str) -> str:
    return f"{name}.csv, row {row}, column '{column}'"


def _check_dates(name: str, frame: pd.DataFrame, problems: list[str]) -> None:
    for column in DATE_COLUMNS.get(name, []):
        if column not in frame.columns:
            continue
        for i, value in enumerate(frame[column], start=2):
            value = value.strip()
            if not value:
                continue
            ok = bool(ISO_DATE.match(value))
            if ok:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    ok = False
            if not ok:
                problems.append(
                    f"{_where(name, i, column)}: {value!r} is not a valid date; "
                    "write it as YYYY-MM-DD, e.g. 2024-11-18 (for a month only, use the 1st and "
                    "set date_precision to 'month')."
                )


def _check_integers(name: str, frame: pd.DataFrame, problems: list[str]) -> None:
    for column in INTEGER_COLUMNS.get(name, []):
        if column not in frame.columns:
            continue
        for i, value in enumerate(frame[column], start=2):
            value = value.strip().replace(",", "")
            if value and not value.isdigit():
                problems.append(
                    f"{_where(name, i, column)}: {value!r} is not a whole number; type digits only, e.g. 10000."
                )


def _load_raw_tables(folder: Path, problems: list[str]) -> dict[str, pd.DataFrame]:
    tables: dict[str, pd.DataFrame] = {}
    for name in TABLE_NAMES:
        try:
            tables[name] = _read_raw(name, folder)
        except CuratedDataError as exc:
            problems.append(f"{name}.csv, row 1, column '(file)': {exc}")
    return tables


def _check_structure(name: str, frame: pd.DataFrame, problems: list[str]) -> bool:
    """Check columns, empty cells, uniqueness and enums; False if columns are missing."""
    missing = [col for col in COLUMNS[name] if col not in frame.columns]
    for column in missing:
        problems.append(
            f"{name}.csv, row 1 (header), column '{column}': the column is missing; "
            f"add a column named '{column}' to the header row."
        )
    if missing:
        return False
    for column in REQUIRED_CELLS[name]:
        for i, value in enumerate(frame[column], start=2):
            if not value.strip():
                problems.append(f"{_where(name, i, column)}: the cell is empty; fill it in.")
    key = UNIQUE_KEYS[name]
    seen: dict[tuple[str, ...], int] = {}
    for i, values in enumerate(frame[key].itertuples(index=False, name=None), start=2):
        values = tuple(v.strip() for v in values)
        if not any(values):
            continue
        if values in seen:
            shown = " + ".join(key)
            problems.append(
                f"{_where(name, i, key[0])}: duplicate {shown} {' / '.join(values)!r} "
                f"(first used in row {seen[values]}); make it unique or delete one of the rows."
            )
        else:
            seen[values] = i
    for column, allowed in ENUMS.get(name, {}).items():
        for i, value in enumerate(frame[column], start=2):
            if value.strip() and value.strip() not in allowed:
                problems.append(
                    f"{_where(name, i, column)}: {value!r} is not allowed; use one of: {', '.join(allowed)}."
                )
    _check_dates(name, frame, problems)
    _check_integers(name, frame, problems)
    return True


def _fact_has_url(facts: pd.DataFrame, fact_id: str) -> bool:
    match = facts.loc[facts["fact_id"].str.strip() == fact_id, "sources"]
    return bool(len(match)) and bool(URL_IN_TEXT.search(match.iloc[0]))


def _check_fact_refs(name: str, frame: pd.DataFrame, confidence: dict[str, str], problems: list[str]) -> None:
    multi = FACT_IDS_COLUMNS.get(name, [])
    for column in FACT_ID_COLUMNS.get(name, []) + multi:
        for i, value in enumerate(frame[column], start=2):
            ids = split_list(value) if column in multi else ([value.strip()] if value.strip() else [])
            for fid in ids:
                if fid not in confidence:
                    problems.append(
                        f"{_where(name, i, column)}: fact id {fid!r} is not in facts.csv; "
                        "use an id from facts.csv (e.g. A1, B12, C6, X2)."
                    )
                    continue
                level = confidence[fid].strip().lower()
                if level in ("unverified", "not verifiable"):
                    problems.append(
                        f"{_where(name, i, column)}: fact {fid} is marked {confidence[fid]!r} in "
                        "facts.csv and must not be used as a fact; remove it or find a source first."
                    )
                elif level == "interpretation" and name in NO_INTERPRETATION:
                    problems.append(
                        f"{_where(name, i, column)}: fact {fid} is a teaching suggestion "
                        "('interpretation'), not a fact; cite a checked fact instead."
                    )


def _check_urls(name: str, frame: pd.DataFrame, facts: pd.DataFrame | None, problems: list[str]) -> None:
    for column in URL_COLUMNS.get(name, []):
        for i, value in enumerate(frame[column], start=2):
            value = value.strip()
            if value and not value.startswith(("http://", "https://")):
                problems.append(
                    f"{_where(name, i, column)}: {value!r} is not a web address; "
                    "it must start with http:// or https://."
                )
            if not value and name == "events" and facts is not None:
                fid = frame["fact_id"].iloc[i - 2].strip()
                if _fact_has_url(facts, fid):
                    problems.append(
                        f"{_where(name, i, column)}: the cell is empty; copy the first URL "
                        f"given for fact {fid} in facts.csv."
                    )


def _check_table_rules(name: str, frame: pd.DataFrame, actor_ids: set[str] | None, problems: list[str]) -> None:
    """Checks that only apply to one table (speakers are skipped if actors.csv is unusable)."""
    if name == "facts":
        for i, (fid, section) in enumerate(zip(frame["fact_id"], frame["section"]), start=2):
            fid = fid.strip()
            if fid and not FACT_ID.match(fid):
                problems.append(
                    f"{_where(name, i, 'fact_id')}: {fid!r} is not a fact id; "
                    "use a section letter and a number, e.g. A1 or X3."
                )
            elif fid and section.strip() and fid[0] != section.strip():
                problems.append(
                    f"{_where(name, i, 'section')}: section {section!r} does not match fact id {fid!r}; use {fid[0]!r}."
                )
    if name == "actors":
        states = set(frame.loc[frame["kind"].str.strip() == "state", "actor_id"].str.strip())
        for i, (aid, side) in enumerate(zip(frame["actor_id"], frame["side"]), start=2):
            if aid.strip() and not SNAKE_ID.match(aid.strip()):
                problems.append(
                    f"{_where(name, i, 'actor_id')}: {aid!r} is not a valid id; use lower-case "
                    "letters, digits and underscores, starting with a letter (e.g. jon_finer)."
                )
            if side.strip() and side.strip() not in states:
                problems.append(
                    f"{_where(name, i, 'side')}: {side!r} is not the actor_id of a state in "
                    "actors.csv; use a state's actor_id (e.g. russia) or leave it empty."
                )
    if name == "events":
        for i, ids in enumerate(frame["actor_ids"], start=2):
            for aid in split_list(ids):
                if not SNAKE_ID.match(aid):
                    problems.append(
                        f"{_where(name, i, 'actor_ids')}: {aid!r} is not a valid actor id; use "
                        "lower-case snake_case ids separated by ';' (e.g. joe_biden;ukraine)."
                    )
        for i, title in enumerate(frame["title"], start=2):
            if len(title.strip()) > MAX_TITLE:
                problems.append(
                    f"{_where(name, i, 'title')}: the title has {len(title.strip())} characters; "
                    f"shorten it to {MAX_TITLE} or fewer and move the rest to 'detail'."
                )
        for i, (day, relation) in enumerate(zip(frame["date"], frame["relation"]), start=2):
            try:
                when = date.fromisoformat(day.strip())
            except ValueError:
                continue
            expected = "before" if when < REFERENCE_DATE else "same_day" if when == REFERENCE_DATE else "after"
            if relation.strip() in ENUMS["events"]["relation"] and relation.strip() != expected:
                problems.append(
                    f"{_where(name, i, 'relation')}: {relation!r} does not match the date {day}; "
                    f"use {expected!r} (the article's reference date is {REFERENCE_DATE.isoformat()})."
                )
    if name == "troop_estimates":
        for i, (low, high) in enumerate(zip(frame["estimate_low"], frame["estimate_high"]), start=2):
            low_s, high_s = low.strip().replace(",", ""), high.strip().replace(",", "")
            if not low_s and not high_s:
                problems.append(
                    f"{_where(name, i, 'estimate_high')}: both estimates are empty; "
                    "give at least one number (estimate_high alone for 'up to' figures)."
                )
            elif low_s.isdigit() and high_s.isdigit() and int(low_s) > int(high_s):
                problems.append(
                    f"{_where(name, i, 'estimate_low')}: {low} is larger than estimate_high {high}; "
                    "swap the two numbers."
                )
    if name == "escalation_ladder":
        for i, (first, last) in enumerate(zip(frame["first_rung"], frame["last_rung"]), start=2):
            if first.strip().isdigit() and last.strip().isdigit() and int(first) > int(last):
                problems.append(
                    f"{_where(name, i, 'first_rung')}: first_rung {first} is after last_rung {last}; "
                    "swap the two numbers."
                )
    if name in ("reference_coding", "translations") and actor_ids is not None:
        column = "speaker_id"
        for i, speaker in enumerate(frame[column], start=2):
            speaker = speaker.strip()
            if speaker and speaker not in actor_ids and speaker != UNNAMED_SOURCES:
                problems.append(
                    f"{_where(name, i, column)}: {speaker!r} is not an actor_id in actors.csv; "
                    f"add the actor to actors.csv or use an existing id (or {UNNAMED_SOURCES!r})."
                )
    if name == "reference_coding":
        for i, sid in enumerate(frame["sentence_id"], start=2):
            if sid.strip() and not SENTENCE_ID.match(sid.strip()):
                problems.append(
                    f"{_where(name, i, 'sentence_id')}: {sid!r} is not a sentence id; "
                    "write paragraph.sentence, e.g. 4.3."
                )


def isbn_is_valid(isbn: str) -> bool:
    """An ISBN-10 or ISBN-13 (hyphens and spaces allowed) whose check digit is right."""
    digits = isbn.replace("-", "").replace(" ", "").upper()
    if len(digits) == 13 and digits.isdigit():
        return sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits)) % 10 == 0
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] == "X"):
        values = [int(d) for d in digits[:9]] + [10 if digits[9] == "X" else int(digits[9])]
        return sum(v * (10 - i) for i, v in enumerate(values)) % 11 == 0
    return False


def _check_bibliography(frame: pd.DataFrame, problems: list[str]) -> None:
    """Every cited source: a date (year, month or day), and an address: a web URL, a DOI or an ISBN."""
    name = "bibliography"
    for i, row in enumerate(frame.to_dict("records"), start=2):
        when = row["date"].strip()
        if when and not PARTIAL_DATE.match(when):
            problems.append(
                f"{_where(name, i, 'date')}: {when!r} is not a publication date; write YYYY, YYYY-MM or YYYY-MM-DD."
            )
        doi, isbn = row["doi"].strip(), row["isbn"].strip()
        if not (row["url"].strip() or doi or isbn):
            problems.append(
                f"{_where(name, i, 'url')}: the source has no address; give the original URL, or a DOI or an "
                "ISBN for a book or paper."
            )
        if doi and not DOI.match(doi):
            problems.append(
                f"{_where(name, i, 'doi')}: {doi!r} is not a DOI; write it as 10.xxxx/…, without https://doi.org/."
            )
        if isbn and not isbn_is_valid(isbn):
            problems.append(f"{_where(name, i, 'isbn')}: {isbn!r} is not a valid ISBN-10 or ISBN-13 (check digit).")


def _check_source_pages(frame: pd.DataFrame, problems: list[str]) -> None:
    """Each page: a headline or a date read on it, full dates, a kind for every date, the day it was read."""
    name = "source_pages"
    for i, row in enumerate(frame.to_dict("records"), start=2):
        when, kind = row["date"].strip(), row["date_kind"].strip()
        if not (row["title"].strip() or when):
            problems.append(
                f"{_where(name, i, 'title')}: the row gives neither a headline nor a date; record what the page "
                "shows, or delete the row."
            )
        for column, value in (("date", when), ("read_on", row["read_on"].strip())):
            if value and not ISO_DATE.match(value):
                problems.append(f"{_where(name, i, column)}: {value!r} is not a date; write YYYY-MM-DD.")
        if bool(when) != bool(kind):
            problems.append(
                f"{_where(name, i, 'date_kind')}: give a date kind (published, updated, aired, on sale) with a "
                "date, and none without one."
            )


def validate_curated(folder: Path | str | None = None) -> list[str]:
    """Check every curated table and return a list of problems (empty = valid).

    Each problem names the file, the row as a spreadsheet shows it (the
    header is row 1) and the column, and says how to fix it.
    """
    base = _folder(folder)
    problems: list[str] = []
    tables = _load_raw_tables(base, problems)
    complete = {name: frame for name, frame in tables.items() if _check_structure(name, frame, problems)}

    facts = complete.get("facts")
    confidence: dict[str, str] = {}
    if facts is not None:
        confidence = {fid.strip(): conf for fid, conf in zip(facts["fact_id"], facts["confidence"])}
    actors = complete.get("actors")
    actor_ids = set(actors["actor_id"].str.strip()) if actors is not None else None

    for name, frame in complete.items():
        if facts is not None and name != "facts":
            _check_fact_refs(name, frame, confidence, problems)
        _check_urls(name, frame, facts, problems)
        _check_table_rules(name, frame, actor_ids, problems)
        _check_rules(name, frame, problems)
        if name == "bibliography":
            _check_bibliography(frame, problems)
        if name == "source_pages":
            _check_source_pages(frame, problems)
    return problems


def _check_rules(name: str, frame: pd.DataFrame, problems: list[str]) -> None:
    """Every rule cell must be readable (empty cells are left to REQUIRED_CELLS)."""
    for column in RULE_COLUMNS.get(name, []):
        if column not in frame.columns:
            continue
        for i, rule in enumerate(frame[column], start=2):
            problem = rule_problem(rule) if rule.strip() else None
            if problem:
                problems.append(f"{_where(name, i, column)}: {problem}")
