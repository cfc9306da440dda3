"""Time expressions, resolved to dates against the article's reference date where that is honest."""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..paths import curated_file
from .lexicon import trie_regex


MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30, "year": 365, "years": 365,
          "hour": 0, "hours": 0, "minute": 0, "minutes": 0}
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
_UNIT = r"(?:days?|weeks?|months?|years?|hours?|minutes?)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("date", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b")),
    ("date", re.compile(rf"\b(?P<d>{_DAY})\s+(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b")),
    ("date", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    ("month", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b")),
    ("date", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?!\s*[:.]\d)")),
    ("date", re.compile(rf"\b(?P<d>{_DAY})\s+(?P<m>{_MONTH})\b")),
    ("year", re.compile(rf"\b(?:[Ii]n|[Ss]ince|by|until|of|during|from|before|after) (?P<y>{_YEAR})\b")),
    ("ordinal day", re.compile(r"\b(?:(?:its|the|their)\s+)?(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?:st|nd|rd|th)\s+day\b")),
    ("relative", re.compile(rf"\bwithin\s+the\s+(?:next|coming|past|last)\s+(?:(?P<n>{_COUNT})\s+)?(?P<u>{_UNIT})\b", re.I)),
    ("relative", re.compile(rf"\b(?P<n>{_COUNT})\s+(?P<u>{_UNIT})\s+ago\b", re.I)),
    ("relative", re.compile(rf"\bin\s+(?P<n>{_COUNT})\s+(?P<u>{_UNIT})\b", re.I)),
    ("duration", re.compile(rf"\b(?:within|for|over|after)\s+(?P<n>{_COUNT})\s+(?P<u>{_UNIT})\b", re.I)),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today|tomorrow|tonight)\b", re.I)),
    ("relative", re.compile(r"\b(?P<rel>(?:last|this|next) (?:week|month|year))\b", re.I)),
    ("weekday", re.compile(r"\b(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("vague", re.compile(r"\b(?P<vague>recent|recently|previously|earlier|soon|lately|formerly|currently)\b", re.I)),
]


@dataclass
class TimeExpression:
    start: int
    end: int
    kind: str
    start_date: date | None
    end_date: date | None
    basis: str


@dataclass(frozen=True)
class Anchor:
    """Day 1 of a long event (a war), so that "its 1,000th day" can be dated."""

    name: str
    keywords: tuple[str, ...]
    day_one: date
    source: str


def read_anchors(path: Path | None = None) -> list[Anchor]:
    """Day-one anchors (``seeds/curated/anchors.csv``); a clear error if the file is missing."""
    path = path if path is not None else curated_file("anchors.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [
            Anchor(row["name"], tuple(k.strip() for k in row["keywords"].split(";") if k.strip()),
                   date.fromisoformat(row["day_one"]), row["source"])
            for row in csv.DictReader(handle)
        ]


_MONTH_WORDS = frozenset(MONTHS)
_UNIT_WORDS = frozenset(_UNITS)
_VAGUE = frozenset("recent recently previously earlier soon lately formerly currently".split())
_DAYS = frozenset("yesterday today tomorrow tonight".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# For each pattern (by index in _PATTERNS): which tokens trigger it, and how far to look back/forward.
_PLAN: list[tuple[str, int, int]] = [
    ("month", 24, 30), ("month", 24, 30), ("year", 0, 12), ("month", 24, 30), ("month", 24, 30),
    ("month", 24, 30), ("year", 24, 0), ("ordinal", 30, 24), ("within", 0, 60), ("unit", 40, 24),
    ("unit", 40, 2), ("unit", 40, 2), ("day", 0, 0), ("period", 24, 0), ("weekday", 24, 0), ("vague", 0, 0),
]
_TRIGGER_WORDS = sorted({variant for word in _MONTH_WORDS | _UNIT_WORDS | _VAGUE | _DAYS | _WEEKDAYS | {"within"}
                         for variant in (word, word.capitalize(), word.upper())})
# One scan finds every word that can start or end a time expression; everything else is skipped.
# (Case variants instead of re.IGNORECASE: several times faster in Python's regex engine.)
_TRIGGERS = re.compile(r"\b(?:" + trie_regex(_TRIGGER_WORDS) + r")\b|\d+(?:st|nd|rd|th)\b|\b\d{4}\b")

def _trigger(token: str) -> str | None:
    lower = token.lower()
    if token[0].isdigit():
        if len(token) == 4 and token.isdigit():
            return "year"
        return "ordinal" if lower.endswith(("st", "nd", "rd", "th")) else None
    if lower in _MONTH_WORDS:
        return "month"
    if lower in _UNIT_WORDS:
        return "unit"
    if lower in _VAGUE:
        return "vague"
    if lower in _DAYS:
        return "day"
    if lower in _WEEKDAYS:
        return "weekday"
    if lower == "within":
        return "within"
    return None


def find_time_expressions(text: str, start: int, end: int) -> list[tuple[int, int, str, re.Match[str]]]:
    """Time expressions in ``text[start:end]``, longest first where they overlap.

    Each pattern runs only in a small window around the words that can start or end it (month
    names, years, units…), so the cost grows with the text, not with the number of patterns.
    """
    triggers: dict[str, list[tuple[int, int]]] = {}
    for token in _TRIGGERS.finditer(text, start, end):
        kind = _trigger(token.group())
        if kind is not None:
            triggers.setdefault(kind, []).append(token.span())
        if token.group().lower() in ("week", "month", "year"):  # they also end "last week"
            triggers.setdefault("period", []).append(token.span())
    found: dict[tuple[int, int, str], tuple[int, int, str, re.Match[str]]] = {}
    for (kind, pattern), (trigger, back, forward) in zip(_PATTERNS, _PLAN):
        for token_start, token_end in triggers.get(trigger, []):
            lo, hi = max(start, token_start - back), min(end, token_end + forward)
            for match in pattern.finditer(text, lo, hi):
                if match.start() <= token_start and match.end() >= token_end:
                    found[(match.start(), match.end(), kind)] = (match.start(), match.end(), kind, match)
    ordered = sorted(found.values(), key=lambda item: (item[0], -(item[1] - item[0]), _KIND_ORDER[item[2]]))
    kept: list[tuple[int, int, str, re.Match[str]]] = []
    for item in ordered:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


_KIND_ORDER = {kind: index for index, kind in reversed(list(enumerate(kind for kind, _ in _PATTERNS)))}


_ANCHOR_CACHE: list = [None, None, None]


def _matching_anchors(sentence: str, anchors: list[Anchor]) -> list[Anchor]:
    """The anchors whose keywords all occur in the sentence; one search per sentence, not per "Nth day"."""
    if _ANCHOR_CACHE[0] is not sentence or _ANCHOR_CACHE[1] is not anchors:
        found = [a for a in anchors if all(re.search(rf"\b{re.escape(k)}", sentence) for k in a.keywords)]
        _ANCHOR_CACHE[:] = [sentence, anchors, found]
    return _ANCHOR_CACHE[2]


def resolve_ordinal_day(match: re.Match[str], sentence: str, anchors: list[Anchor]) -> TimeExpression | None:
    number = int(match.group("n").replace(",", ""))
    for anchor in _matching_anchors(sentence, anchors):
        if True:
            day = anchor.day_one + timedelta(days=number - 1)
            basis = (f"day {number:,} of {anchor.name}, counting {anchor.day_one:%d %b %Y} as day 1 "
                     f"({anchor.source})")
            return TimeExpression(match.start(), match.end(), "ordinal day", day, day, basis)
    return None


def resolve(kind: str, match: re.Match[str], reference: date | None) -> tuple[str, date | None, date | None, str]:
    """(kind, start_date, end_date, basis) for one expression."""
    groups = match.groupdict()
    if kind == "date" and groups.get("mo"):
        day = date(int(groups["y"]), int(groups["mo"]), int(groups["d"]))
        return "date", day, day, "written in full"
    if kind == "date":
        month = MONTHS[groups["m"].rstrip(".").lower()]
        day_number = int(re.sub(r"\D", "", groups["d"]))
        if groups.get("y"):
            return "date", *_safe_date(int(groups["y"]), month, day_number, "written in full")
        if reference is None:
            return "date", None, None, "day and month without a year, and no reference date"
        candidates = [_try_date(reference.year + k, month, day_number) for k in (-1, 0, 1)]
        candidates = [c for c in candidates if c is not None]
        if not candidates:
            return "date", None, None, "not a real calendar date"
        best = min(candidates, key=lambda c: abs((c - reference).days))
        return "date", best, best, f"year chosen as the one nearest the reference date {reference:%d %b %Y}"
    if kind == "month":
        month = MONTHS[groups["m"].rstrip(".").lower()]
        year = int(groups["y"])
        last = calendar.monthrange(year, month)[1]
        return "month", date(year, month, 1), date(year, month, last), "a whole month"
    if kind == "year":
        year = int(groups["y"])
        return "year", date(year, 1, 1), date(year, 12, 31), "a whole year"
    if kind in ("relative", "duration"):
        return _resolve_relative(kind, match, reference)
    if kind == "weekday":
        return "weekday", None, None, "a weekday without a date: which week is not stated"
    if kind == "vague":
        return "vague", None, None, "vague: no date can be given"
    return kind, None, None, "not resolved"


def _resolve_relative(kind: str, match: re.Match[str], reference: date | None):
    groups = match.groupdict()
    text = match.group().lower()
    if kind == "duration":
        return "duration", None, None, "a length of time with no stated start"
    if reference is None:
        return "relative", None, None, "relative to the article's date, which is unknown"
    ref = f"{reference:%d %b %Y}"
    if groups.get("rel"):
        rel = groups["rel"].lower()
        offsets = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
        if rel in offsets:
            day = reference + timedelta(days=offsets[rel])
            return "relative", day, day, f"reference date {ref} {offsets[rel]:+d} day(s)"
        which, unit = rel.split()
        shift = {"last": -1, "this": 0, "next": 1}[which]
        start, end = _calendar_unit(reference, unit, shift)
        return "relative", start, end, f"the {unit} {which} relative to the reference date {ref}"
    count = _count(groups.get("n"))
    unit = groups["u"].lower()
    if unit.startswith(("hour", "minute")):
        return "relative", None, None, "hours or minutes: finer than the reference date"
    if text.startswith("within"):
        end = _add(reference, count, unit, +1) if "past" not in text and "last" not in text else reference
        start = reference if end == _add(reference, count, unit, +1) else _add(reference, count, unit, -1)
        return "relative", min(start, end), max(start, end), f"{count} {unit} from the reference date {ref}"
    sign = -1 if text.endswith("ago") else +1
    day = _add(reference, count, unit, sign)
    word = "before" if sign < 0 else "after"
    return "relative", day, day, f"{count} {unit} {word} the reference date {ref}"


def _count(value: str | None) -> int:
    if not value:
        return 1
    return int(value) if value.isdigit() else _COUNT_WORDS[value.lower()]


def _add(day: date, count: int, unit: str, sign: int) -> date:
    if unit.startswith("month"):
        month_index = day.month - 1 + sign * count
        year, month = day.year + month_index // 12, month_index % 12 + 1
        return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    if unit.startswith("year"):
        year = day.year + sign * count
        return date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))
    return day + timedelta(days=sign * count * _UNITS[unit])


def _calendar_unit(reference: date, unit: str, shift: int) -> tuple[date, date]:
    if unit == "year":
        year = reference.year + shift
        return date(year, 1, 1), date(year, 12, 31)
    if unit == "month":
        first = _add(reference.replace(day=1), abs(shift), "month", 1 if shift >= 0 else -1) if shift else reference.replace(day=1)
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
    monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=shift)
    return monday, monday + timedelta(days=6)


def _try_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int, basis: str) -> tuple[date | None, date | None, str]:
    value = _try_date(year, month, day)
    if value is None:
        return None, None, "not a real calendar date"
    return value, value, basis
