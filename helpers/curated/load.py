"""Read one curated table into a DataFrame, with dates and numbers converted, and cite facts."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd

from ..paths import curated_dir
from .pages import with_page
from .schema import COLUMNS, DATE_COLUMNS, INTEGER_COLUMNS, TABLE_NAMES, URL_IN_TEXT, CuratedDataError


def split_list(value: str) -> list[str]:
    """Split a ';'-separated cell into its non-empty, stripped parts."""
    return [part.strip() for part in str(value).split(";") if part.strip()]


def _folder(folder: Path | str | None) -> Path:
    return curated_dir() if folder is None else Path(folder)


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

    ``name`` is one of ``TABLE_NAMES``; ``folder`` defaults to ``seeds/curated`` of the course.
    Empty date or number cells become NaT / <NA>. Raises ``CuratedDataError``
    for an unknown name, a missing file, a lost column or a cell that cannot be converted.
    """
    frame = _read_raw(name, folder)
    missing = [column for column in COLUMNS[name] if column not in frame.columns]
    if missing:
        raise CuratedDataError(
            f"{name}.csv lacks the column(s) {', '.join(missing)}; keep the header row exactly as shipped "
            f"(run `python -m helpers check seeds/` to see every problem)."
        )
    for column in DATE_COLUMNS.get(name, []):
        frame = _convert(
            frame,
            name,
            column,
            "dates in YYYY-MM-DD form",
            lambda text: pd.to_datetime(text, format="%Y-%m-%d", errors="coerce"),
        )
    for column in INTEGER_COLUMNS.get(name, []):
        frame = _convert(
            frame,
            name,
            column,
            "whole numbers",
            lambda text: pd.to_numeric(text.str.replace(",", "", regex=False), errors="coerce"),
        )
        if column in frame.columns:
            frame[column] = frame[column].astype("Int64")
    return frame


def _convert(
    frame: pd.DataFrame, name: str, column: str, what: str, convert: Callable[[pd.Series], pd.Series]
) -> pd.DataFrame:
    """Convert one text column (empty cells become missing); name the rows that do not convert."""
    if column not in frame.columns:
        return frame
    text = frame[column].str.strip()
    converted = convert(text.where(text != ""))
    bad = frame.index[(text != "") & converted.isna()]
    if len(bad):
        rows = ", ".join(str(i + 2) for i in bad)
        raise CuratedDataError(
            f"{name}.csv, column '{column}': rows {rows} are not {what}. "
            "Run helpers.curated.validate_curated() for details."
        )
    frame[column] = converted
    return frame


def source_pages(folder: Path | str | None = None) -> dict[str, dict[str, str]]:
    """Each address in ``source_pages.csv`` with its row (title, date, date_kind, publisher, note).

    A curated folder from before the table existed has no headlines to add: {} (the checker reports it).
    """
    if not (_folder(folder) / "source_pages.csv").is_file():
        return {}
    return {row["url"].strip(): row for row in load_table("source_pages", folder).to_dict("records")}


def _source_segments(sources: str) -> list[str]:
    return [part.strip() for part in re.split(r";\s", sources) if part.strip()]


def fact_citation(fact_id: str, folder: Path | str | None = None, known_by: date | None = None) -> str:
    """Return a short citation such as 'facts B7: LBC (Reuters), "US officials: …", 31 May 2024, https://…'.

    Uses the first source listed for the fact in facts.csv, skipping
    computations; a source given as 'Outlet (as A1)' or 'see A13' is
    resolved to the URL listed for that outlet under the other fact.
    The page's own headline and date (``source_pages.csv``) are added where the citation lacks them (with
    ``known_by``, only for pages dated on or before that day: notebooks 0-3 pass the article's day).
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
    source = with_page(source, source_pages(folder), known_by)
    level = row["confidence"].strip()
    lowered = level.lower()
    flag = "" if lowered.startswith(("checked", "computed")) else f" [{level}]"
    return f"facts {key}: {source}{flag}"
