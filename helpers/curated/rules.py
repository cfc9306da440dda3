"""The one rule syntax of the curated data: how a CSV row points at sentences of the parsed article.

A rule is written in a spreadsheet cell and read against the article's tables:

- ``statements.lemma=warn``: a row of ``statements`` whose ``lemma`` equals "warn" (ignoring case);
- ``sentences.text~power grid``: a row whose ``text`` contains the words "power grid" (ignoring case,
  whole words, any white space between them);
- ``sentences.text~/approv(ed|al)/``: a row whose ``text`` matches the regular expression (ignoring case);
- ``A & B``: a sentence where A and B both hold (each may match a different table);
- ``A | B``: a sentence where A holds or B holds (``&`` binds tighter than ``|``).

:func:`find_sentences` returns the ids of the matching sentences in article order;
:func:`matching_rows` the rows of the rule's first table that make it hold in one sentence;
:func:`rule_problem` says what is wrong with a malformed rule (``None`` if it is well formed).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..parse.article import COLUMNS, Article

_CONDITION = re.compile(r"^\s*(\w+)\.(\w+)\s*([=~])\s*(.+?)\s*$")
FORM = "table.column=value, table.column~words or table.column~/regex/, joined by ' & ' or ' | '"


class RuleError(ValueError):
    """A rule that cannot be read; the message names the rule and the fix."""


@lru_cache(maxsize=512)
def _parse(rule: str) -> tuple[tuple[tuple[str, str, str, re.Pattern[str] | str], ...], ...]:
    """``rule`` as alternatives of conditions ``(table, column, operator, pattern or value)``."""
    alternatives = []
    for alternative in str(rule).split(" | "):
        conditions = []
        for part in alternative.split(" & "):
            match = _CONDITION.match(part)
            if not match:
                raise RuleError(f"the rule {part!r} is not of the form {FORM}.")
            table, column, operator, value = match.groups()
            if table not in COLUMNS:
                raise RuleError(f"the rule {part!r} names no parsed table; use one of: {', '.join(COLUMNS)}.")
            if column not in COLUMNS[table]:
                raise RuleError(
                    f"the rule {part!r} names no column of {table}; use one of: {', '.join(COLUMNS[table])}."
                )
            pattern: re.Pattern[str] | str = value
            if operator == "~":
                if len(value) > 1 and value.startswith("/") and value.endswith("/"):
                    try:
                        pattern = re.compile(value[1:-1], re.IGNORECASE)
                    except re.error as error:
                        raise RuleError(f"the rule {part!r} has a broken regular expression ({error}).") from None
                else:
                    words = re.escape(value).replace(r"\ ", r"\s+")
                    pattern = re.compile(r"(?<!\w)" + words + r"(?!\w)", re.IGNORECASE)
            conditions.append((table, column, operator, pattern))
        alternatives.append(tuple(conditions))
    return tuple(alternatives)


def rule_problem(rule: str) -> str | None:
    """What is wrong with ``rule`` (for the curated-data check), or ``None``."""
    try:
        _parse(rule)
    except RuleError as error:
        return str(error)
    return None


def _sentences_where(
    article: Article, table_name: str, column: str, operator: str, pattern: re.Pattern[str] | str
) -> set[str]:
    table = article.table(table_name)
    if table.empty:
        return set()
    cells = table[column].map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v))
    if isinstance(pattern, str):
        hits = cells.str.casefold() == pattern.casefold()
    else:
        hits = cells.map(lambda value: bool(pattern.search(value))).astype(bool)
    return set(table.loc[hits, "sentence_id"].astype(str))


def find_sentences(article: Article, rule: str) -> list[str]:
    """Ids of the sentences that match ``rule``, in article order. A malformed rule raises RuleError."""
    found: set[str] = set()
    for conditions in _parse(rule):
        matching: set[str] | None = None
        for condition in conditions:
            ids = _sentences_where(article, *condition)
            matching = ids if matching is None else matching & ids
        found |= matching or set()
    order = {sid: number for number, sid in enumerate(article.sentences["sentence_id"])}
    return sorted(found, key=lambda sid: order.get(sid, len(order)))


def _holds(row: pd.Series, column: str, operator: str, pattern: re.Pattern[str] | str) -> bool:
    value = row[column]
    cell = "" if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT else str(value)
    if isinstance(pattern, str):
        return cell.casefold() == pattern.casefold()
    return bool(pattern.search(cell))


def matching_rows(article: Article, rule: str, sentence_id: str) -> pd.DataFrame:
    """Rows of the rule's first table, in sentence ``sentence_id``, that meet all of that table's
    conditions in some alternative (what a student is shown as "the words that matched").

    In text order where the table has offsets. A malformed rule raises RuleError.
    """
    alternatives = _parse(rule)
    table_name = alternatives[0][0][0]
    table = article.table(table_name)
    table = table[table["sentence_id"].astype(str) == str(sentence_id)]
    if "start" in table.columns:
        table = table.sort_values("start", kind="stable")

    def meets(row: pd.Series) -> bool:
        for conditions in alternatives:
            own = [c for c in conditions if c[0] == table_name]
            if own and all(_holds(row, column, operator, pattern) for _, column, operator, pattern in own):
                return True
        return False

    keep = [meets(row) for _, row in table.iterrows()]
    return table[keep] if keep else table
