"""Load and check the curated tables in ``seeds/curated``.

The tables are plain CSV files that teachers edit in a spreadsheet.
``load_table`` reads one of them into a pandas DataFrame with dates and
numbers converted; ``validate_curated`` lists every problem it finds, each
naming the file, the spreadsheet row and the column, and saying how to fix it.
``fact_citation`` turns a fact id into a short citation for notebooks.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

__all__ = [
    "CURATED_DIR",
    "REFERENCE_DATE",
    "TABLE_NAMES",
    "CuratedDataError",
    "fact_citation",
    "load_table",
    "split_list",
    "validate_curated",
]

CURATED_DIR: Path = Path(__file__).resolve().parent.parent / "seeds" / "curated"

# The article's reference date: day 1,000 of the full-scale war (fact A2).
REFERENCE_DATE: date = date(2024, 11, 19)

# Required columns of each table, in the order they appear in the shipped files.
COLUMNS: dict[str, list[str]] = {
    "facts": ["fact_id", "section", "fact", "sources", "confidence"],
    "actors": ["actor_id", "name", "kind", "side", "role", "description", "aliases", "fact_ids"],
    "events": [
        "event_id", "date", "date_precision", "actor_ids", "title", "detail",
        "fact_id", "source", "url", "confidence", "relation",
    ],
    "troop_estimates": [
        "date", "source_org", "estimate_low", "estimate_high", "scope",
        "wording", "fact_id", "citation", "url",
    ],
    "glossary": ["term", "definition", "fact_ids", "source"],
    "forecast_questions": [
        "question_id", "question", "window_days", "resolution", "outcome_text",
        "fact_ids", "source", "url", "as_of",
    ],
    "translations": [
        "quote_id", "speaker_id", "original_language", "original", "rendering",
        "outlet", "fact_id", "url", "note",
    ],
    "escalation_ladder": [
        "order", "unit", "first_rung", "last_rung", "threshold_after", "example_rungs", "fact_ids",
    ],
    "reference_coding": ["article_id", "sentence_id", "speaker_id", "verb", "stance", "rationale"],
    "ladder_placements": ["item_id", "label", "article_rule", "unit_order", "reasoning", "fact_ids", "confidence"],
    "ach_matrix": ["evidence_id", "kind", "evidence_rule", "label", "fact_ids", "H1", "H2", "H3", "H4",
                   "reasoning", "confidence"],
    "anchors": ["name", "keywords", "day_one", "source", "fact_ids"],
}

TABLE_NAMES: tuple[str, ...] = tuple(COLUMNS)

# Cells that must not be empty.
REQUIRED_CELLS: dict[str, list[str]] = {
    "facts": ["fact_id", "section", "fact", "sources", "confidence"],
    "actors": ["actor_id", "name", "kind", "role", "description"],
    "events": [
        "event_id", "date", "date_precision", "actor_ids", "title",
        "fact_id", "source", "confidence", "relation",
    ],
    "troop_estimates": ["source_org", "scope", "wording", "fact_id", "citation"],
    "glossary": ["term", "definition", "source"],
    "forecast_questions": [
        "question_id", "question", "window_days", "resolution", "outcome_text",
        "fact_ids", "source", "url", "as_of",
    ],
    "translations": [
        "quote_id", "speaker_id", "original_language", "rendering", "outlet", "fact_id", "note",
    ],
    "escalation_ladder": ["order", "unit", "first_rung", "last_rung", "fact_ids"],
    "reference_coding": ["article_id", "sentence_id", "speaker_id", "verb", "stance", "rationale"],
    "ladder_placements": ["item_id", "label", "article_rule", "unit_order", "reasoning", "confidence"],
    "ach_matrix": ["evidence_id", "kind", "label", "H1", "H2", "H3", "H4", "reasoning", "confidence"],
    "anchors": ["name", "keywords", "day_one", "source", "fact_ids"],
}

# Columns (or combinations of columns) whose values must be unique.
UNIQUE_KEYS: dict[str, list[str]] = {
    "facts": ["fact_id"],
    "actors": ["actor_id"],
    "events": ["event_id"],
    "troop_estimates": ["date", "source_org", "scope"],
    "glossary": ["term"],
    "forecast_questions": ["question_id"],
    "translations": ["quote_id"],
    "escalation_ladder": ["order"],
    "reference_coding": ["article_id", "sentence_id", "speaker_id", "verb"],
    "ladder_placements": ["item_id"],
    "ach_matrix": ["evidence_id"],
    "anchors": ["name"],
}

# Allowed values of enumerated columns.
ENUMS: dict[str, dict[str, list[str]]] = {
    "facts": {"section": ["A", "B", "C", "D", "X"]},
    "actors": {"kind": ["person", "state", "organisation", "group", "place"]},
    "events": {
        "date_precision": ["day", "month", "approximate"],
        "relation": ["before", "same_day", "after"],
    },
    "forecast_questions": {"resolution": ["yes", "no"]},
    "reference_coding": {
        "stance": ["supports the decision", "opposes the decision", "not about the decision"],
    },
    "ladder_placements": {"unit_order": [str(n) for n in range(8)], "confidence": ["interpretation"]},
    "ach_matrix": {"kind": ["article", "fact"], "H1": ["C", "I", "N"], "H2": ["C", "I", "N"],
                   "H3": ["C", "I", "N"], "H4": ["C", "I", "N"], "confidence": ["interpretation"]},
}

DATE_COLUMNS: dict[str, list[str]] = {"events": ["date"], "troop_estimates": ["date"], "anchors": ["day_one"]}

INTEGER_COLUMNS: dict[str, list[str]] = {
    "troop_estimates": ["estimate_low", "estimate_high"],
    "forecast_questions": ["window_days"],
    "escalation_ladder": ["order", "first_rung", "last_rung"],
    "ladder_placements": ["unit_order"],
}

# Columns holding one fact id, and columns holding several separated by ';'.
FACT_ID_COLUMNS: dict[str, list[str]] = {
    "events": ["fact_id"],
    "troop_estimates": ["fact_id"],
    "translations": ["fact_id"],
}
FACT_IDS_COLUMNS: dict[str, list[str]] = {
    "actors": ["fact_ids"],
    "glossary": ["fact_ids"],
    "forecast_questions": ["fact_ids"],
    "escalation_ladder": ["fact_ids"],
    "ladder_placements": ["fact_ids"],
    "ach_matrix": ["fact_ids"],
    "anchors": ["fact_ids"],
}

# Tables that may not cite "interpretation" rows (teaching suggestions, not facts).
NO_INTERPRETATION = {"events", "troop_estimates", "forecast_questions", "translations"}

URL_COLUMNS: dict[str, list[str]] = {
    "events": ["url"],
    "troop_estimates": ["url"],
    "forecast_questions": ["url"],
    "translations": ["url"],
}

UNNAMED_SOURCES = "unnamed_sources"
SNAKE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
FACT_ID = re.compile(r"^[A-DX][0-9]+$")
SENTENCE_ID = re.compile(r"^[0-9]+\.[0-9]+$")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
URL_IN_TEXT = re.compile(r"https?://\S+")
MAX_TITLE = 80


class CuratedDataError(ValueError):
    """A curated table is missing, unknown or cannot be converted."""


def split_list(value: str) -> list[str]:
    """Split a ';'-separated cell into its non-empty, stripped parts."""
    return [part.strip() for part in str(value).split(";") if part.strip()]


def _folder(folder: Path | str | None) -> Path:
    return CURATED_DIR if folder is None else Path(folder)


def _read_raw(name: str, folder: Path | str | None = None) -> pd.DataFrame:
    """Read a table as text only (every cell a string, empty cells as '')."""
    if name not in COLUMNS:
        valid = ", ".join(TABLE_NAMES)
        raise CuratedDataError(f"Unknown curated table {name!r}. Valid names: {valid}.")
    path = _folder(folder) / f"{name}.csv"
    if not path.is_file():
        raise CuratedDataError(
            f"Curated table not found: {path}. Restore it from the course repository "
            f"(seeds/curated/{name}.csv) or pass the folder that holds it."
        )
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise CuratedDataError(
            f"{path.name} could not be read ({exc}). Save it again as 'CSV UTF-8 (comma delimited)'."
        ) from exc
    frame.columns = [str(col).strip() for col in frame.columns]
    return frame


def load_table(name: str, folder: Path | str | None = None) -> pd.DataFrame:
    """Load one curated table with dates as datetime64 and counts as integers.

    ``name`` is one of ``TABLE_NAMES``; ``folder`` defaults to ``CURATED_DIR``.
    Empty date or number cells become NaT / <NA>. Raises ``CuratedDataError``
    for an unknown name, a missing file or a cell that cannot be converted.
    """
    frame = _read_raw(name, folder)
    for column in DATE_COLUMNS.get(name, []):
        frame = _convert(frame, name, column, "dates in YYYY-MM-DD form",
                         lambda text: pd.to_datetime(text, format="%Y-%m-%d", errors="coerce"))
    for column in INTEGER_COLUMNS.get(name, []):
        frame = _convert(frame, name, column, "whole numbers",
                         lambda text: pd.to_numeric(text.str.replace(",", "", regex=False), errors="coerce"))
        if column in frame.columns:
            frame[column] = frame[column].astype("Int64")
    return frame


def _convert(frame: pd.DataFrame, name: str, column: str, what: str, convert) -> pd.DataFrame:
    """Convert one text column (empty cells become missing); name the rows that do not convert."""
    if column not in frame.columns:
        return frame
    text = frame[column].str.strip()
    converted = convert(text.where(text != ""))
    bad = frame.index[(text != "") & converted.isna()]
    if len(bad):
        rows = ", ".join(str(i + 2) for i in bad)
        raise CuratedDataError(f"{name}.csv, column '{column}': rows {rows} are not {what}. "
                               "Run helpers.curated.validate_curated() for details.")
    frame[column] = converted
    return frame


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
                    "write it as YYYY-MM-DD, e.g. 2024-11-19 (for a month only, use the 1st and "
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
                    f"{_where(name, i, column)}: {value!r} is not a whole number; "
                    "type digits only, e.g. 10000."
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
                    f"{_where(name, i, column)}: {value!r} is not allowed; "
                    f"use one of: {', '.join(allowed)}."
                )
    _check_dates(name, frame, problems)
    _check_integers(name, frame, problems)
    return True


def _fact_has_url(facts: pd.DataFrame, fact_id: str) -> bool:
    match = facts.loc[facts["fact_id"].str.strip() == fact_id, "sources"]
    return bool(len(match)) and bool(URL_IN_TEXT.search(match.iloc[0]))


def _check_fact_refs(
    name: str, frame: pd.DataFrame, confidence: dict[str, str], problems: list[str]
) -> None:
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


def _check_table_rules(
    name: str, frame: pd.DataFrame, actor_ids: set[str] | None, problems: list[str]
) -> None:
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
                    f"{_where(name, i, 'section')}: section {section!r} does not match fact id "
                    f"{fid!r}; use {fid[0]!r}."
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
    return problems


def _source_segments(sources: str) -> list[str]:
    return [part.strip() for part in re.split(r";\s", sources) if part.strip()]


def fact_citation(fact_id: str, folder: Path | str | None = None) -> str:
    """Return a short citation such as 'facts A2: Kyiv Independent, https://…'.

    Uses the first source listed for the fact in facts.csv, skipping
    computations; a source given as 'Outlet (as A1)' or 'see A13' is
    resolved to the URL listed for that outlet under the other fact.
    Facts that are not plainly checked get their confidence in brackets.
    """
    facts = load_table("facts", folder)
    by_id = {fid.strip(): row for fid, row in zip(facts["fact_id"], facts.to_dict("records"))}
    key = fact_id.strip()
    if key not in by_id:
        raise CuratedDataError(f"Unknown fact id {fact_id!r}; use an id from facts.csv (e.g. A1, C6).")
    row = by_id[key]
    segments = [seg for seg in _source_segments(row["sources"]) if "`" not in seg]
    source = segments[0] if segments else row["sources"].strip()
    if not URL_IN_TEXT.search(source):
        as_ref = re.match(r"^(.*?)\s*\(as ([A-DX][0-9]+)\)$", source)
        see_ref = re.match(r"^see ([A-DX][0-9]+)$", source)
        if as_ref and as_ref.group(2) in by_id:
            outlet, ref = as_ref.groups()
            for seg in _source_segments(by_id[ref]["sources"]):
                if seg.startswith(outlet) and URL_IN_TEXT.search(seg):
                    source = seg
                    break
        elif see_ref and see_ref.group(1) in by_id:
            ref_segments = _source_segments(by_id[see_ref.group(1)]["sources"])
            source = ref_segments[0] if ref_segments else source
    level = row["confidence"].strip()
    lowered = level.lower()
    flag = "" if lowered.startswith(("checked", "computed")) else f" [{level}]"
    return f"facts {key}: {source}{flag}"
