"""Resolving time expressions to calendar dates against the article's reference date.

Rules (kept simple and stated in each row's ``basis``):
- a day and month without a year ("December 30") takes the year that puts it nearest the reference date;
- a weekday ("on Monday") is the most recent such day on or before the reference date (news reports
  the past), unless the words around it point ahead ("next Monday", "will meet on Monday"): then the
  first such day on or after it;
- a month without a year ("in May", "last November") is the nearest such month (or, with "last"/"next",
  the one before/after the reference month);
- anaphoric days ("the same day", "the previous day", "that day") count from the last single day
  named before them in the text (see :func:`resolve_anaphora`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .timex import _COUNT_WORDS, _UNITS, MONTHS

_WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_FUTURE = re.compile(
    r"(?:\b(?:will|shall|is to|are to|scheduled|(?:is|are) due|plans? to|planned to|expected to|"
    r"set to|upcoming|going to|would)|['’]ll)\b"
)
_HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "new year day": (1, 1),
    "halloween": (10, 31),
    "boxing day": (12, 26),
    "valentine's day": (2, 14),
    "anzac day": (4, 25),
    "canada day": (7, 1),
    "australia day": (1, 26),
    "may day": (5, 1),
}


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
        tried = [_try_date(reference.year + k, month, day_number) for k in (-1, 0, 1)]
        candidates = [c for c in tried if c is not None]
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
        return _resolve_weekday(match, reference)
    if kind == "month only":
        return _resolve_month(match, reference)
    if kind == "part of day":
        return _resolve_part_of_day(match, reference)
    if kind == "holiday":
        return _resolve_holiday(match, reference)
    if kind == "decade":
        first = int(match.group("y"))
        return "decade", date(first, 1, 1), date(first + 9, 12, 31), "a whole decade"
    if kind == "period":
        return "period", None, None, "a length or stretch of time, not one calendar date"
    if kind == "anaphoric":
        return "anaphoric", None, None, "refers to a time named earlier: not dated here"
    if kind == "clock":
        return "clock", None, None, "a time of day: finer than a date"
    if kind == "season":
        return "season", None, None, "a season: its months depend on the hemisphere"
    if kind == "vague":
        return "vague", None, None, "vague: no date can be given"
    return kind, None, None, "not resolved"


def _context_before(match: re.Match[str], width: int = 120) -> str:
    """The words of the same sentence before the match (at most ``width`` characters)."""
    text = match.string[max(0, match.start() - width) : match.start()]
    cut = max(text.rfind(". "), text.rfind("\n"), text.rfind("? "), text.rfind("! "))
    return text[cut + 1 :]


def _resolve_weekday(match: re.Match[str], reference: date | None):
    if reference is None:
        return "weekday", None, None, "a weekday, and the article's date is unknown"
    wanted = _WEEKDAY_NUMBER[match.group("wd").lower()]
    words = match.group().lower()
    back = (reference.weekday() - wanted) % 7
    ref = f"{reference:%a %d %b %Y}"
    if words.startswith("last"):
        day = reference - timedelta(days=back or 7)
        return "weekday", day, day, f"the last {match.group('wd')} before the reference date {ref}"
    if words.startswith("next") or _FUTURE.search(_context_before(match)):
        day = reference + timedelta(days=(wanted - reference.weekday()) % 7)
        return "weekday", day, day, f"the words point ahead: the first {match.group('wd')} on or after {ref}"
    day = reference - timedelta(days=back)
    return "weekday", day, day, f"the most recent {match.group('wd')} on or before the reference date {ref}"


def _resolve_month(match: re.Match[str], reference: date | None):
    if reference is None:
        return "month only", None, None, "a month without a year, and the article's date is unknown"
    month = MONTHS[match.group("m").lower()]
    which = (match.group("which") or "").lower()
    if which == "last":
        year = reference.year if month < reference.month else reference.year - 1
        why = "the last such month before"
    elif which == "next":
        year = reference.year if month > reference.month else reference.year + 1
        why = "the next such month after"
    else:
        year = min(
            (reference.year - 1, reference.year, reference.year + 1),
            key=lambda y: abs((y - reference.year) * 12 + month - reference.month),
        )
        why = "the such month nearest"
    last = calendar.monthrange(year, month)[1]
    return "month only", date(year, month, 1), date(year, month, last), f"{why} the reference date {reference:%d %b %Y}"


def _resolve_part_of_day(match: re.Match[str], reference: date | None):
    words = match.group().lower()
    if reference is None or words.startswith("every") or not match.group("part"):
        return "part of day", None, None, "a part of a day with no single date"
    shift = -1 if words.startswith(("last", "yesterday", "late last")) else 1 if words.startswith("tomorrow") else 0
    day = reference + timedelta(days=shift)
    return "part of day", day, day, f"reference date {reference:%d %b %Y} {shift:+d} day(s)"


def _resolve_holiday(match: re.Match[str], reference: date | None):
    if reference is None:
        return "holiday", None, None, "a holiday, and the article's date is unknown"
    name = re.sub(r"\s+", " ", (match.group("h") or "").lower()).replace("’", "'").replace("years", "year's")
    if not name:  # "the new year"
        day = date(reference.year + 1, 1, 1)
        return "holiday", day, day, f"the new year after the reference date {reference:%d %b %Y}"
    if name not in _HOLIDAYS:
        return "holiday", None, None, "a holiday whose date moves from year to year"
    month, day_number = _HOLIDAYS[name]
    best = min(
        (date(reference.year + k, month, day_number) for k in (-1, 0, 1)), key=lambda c: abs((c - reference).days)
    )
    return "holiday", best, best, f"the one nearest the reference date {reference:%d %b %Y}"


_SHIFT_WORDS = {"previous": -1, "before": -1, "earlier": -1, "following": 1, "next": 1, "after": 1, "later": 1}


def resolve_anaphora(rows: list[tuple]) -> list[tuple]:
    """Date "the same day", "the previous day", "that day"… from the last single day named before them.

    ``rows`` are time-expression rows ``(text, kind, start_date, end_date, basis, sentence_id, start, end)``
    in text order; resolved rows are returned as new tuples, the others unchanged. Right after a day and a
    comma ("on Tuesday, the day after the flood") the expression is that same day.
    """
    last: tuple | None = None  # (text, day, end offset, sentence id) of the last single day named
    out = []
    for row in rows:
        text, kind, first, final = row[0], row[1], row[2], row[3]
        if kind == "anaphoric" and last is not None and re.search(r"\b(?:day|night|morning|evening)\b", text, re.I):
            words = text.lower().split()
            shift = next((_SHIFT_WORDS[w] for w in words if w in _SHIFT_WORDS), 0)
            if len(row) > 7 and 0 <= row[6] - last[2] <= 2 and row[5] == last[3]:  # "on Tuesday, the day after …"
                shift = 0
            day = last[1] + timedelta(days=shift)
            basis = f"{shift:+d} day(s) from '{last[0]}' ({last[1]:%d %b %Y}), the last day named before it"
            row = (text, kind, day, day, basis, *row[5:])
            last = (text, day, row[7] if len(row) > 7 else -10, row[5] if len(row) > 7 else None)
        elif first is not None and first == final and kind not in ("vague", "ordinal day"):
            last = (text, first, row[7] if len(row) > 7 else -10, row[5] if len(row) > 7 else None)
        out.append(row)
    return out


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
        shift = {"last": -1, "this": 0, "next": 1, "the": 0}[which]
        start, end = _calendar_unit(reference, unit, shift)
        which = "the same" if which in ("this", "the") else which
        return "relative", start, end, f"{which} {unit} as counted from the reference date {ref}"
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
        first = (
            _add(reference.replace(day=1), abs(shift), "month", 1 if shift >= 0 else -1)
            if shift
            else reference.replace(day=1)
        )
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
