"""Time expressions, resolved to dates against the article's reference date where that is honest."""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..paths import curated_file
from .lexicon import SMALL_NUMBERS, trie_regex
from .timex_filters import plausible

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
).split("|")
# Title case or capitals ("MARCH 12, 2022"); never lower case, so the modal "may" is no month.
_MONTH = "(?:" + "|".join(v for m in _MONTH_NAMES for v in (m, m.upper()) if len(v) > 3 or v == m) + r")\.?"
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_UNITS = {
    "day": 1,
    "days": 1,
    "week": 7,
    "weeks": 7,
    "month": 30,
    "months": 30,
    "year": 365,
    "years": 365,
    "hour": 0,
    "hours": 0,
    "minute": 0,
    "minutes": 0,
}
_COUNT_WORDS = {
    **SMALL_NUMBERS,
    "a": 1,
    "an": 1,
}
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
_UNIT = r"(?:days?|weeks?|months?|years?|hours?|minutes?)"
# Wider vocabulary for durations and periods ("the past few decades", "33 Earth days", "last season").
_ANY_COUNT = (
    r"(?:\d+(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|a\s+few|few|several|"
    r"many|a\s+couple\s+of|couple\s+of|a|an|one\s+and\s+a\s+half)"
)
_LONG_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|years?|decades?|"
    r"centuries|century|seasons?|terms?)"
)
_QUALIFIER = (
    r"(?:more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|nearly|almost|about|"
    r"around|over|under|some|roughly|approximately|just|only)"
)
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
_HOLIDAY = (
    r"(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year(?:['’]s)?(?:\s+(?:Day|Eve))?|Easter(?:\s+(?:Sunday|Monday))?|"
    r"Thanksgiving(?:\s+Day)?|Halloween|Hanukkah|Ramadan|Boxing\s+Day|Valentine['’]s\s+Day|"
    r"(?:Labou?r|Memorial|Independence|Veterans|Remembrance|Anzac|Australia|Canada|Victory|May)\s+Day)"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("date", re.compile(rf"\b(?:(?:on\s+)?{_WEEKDAY},?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b")),
    ("date", re.compile(rf"\b(?:(?:on\s+)?{_WEEKDAY},?\s+)?(?P<d>{_DAY})\s+(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b")),
    ("date", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    ("month", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b")),
    ("date", re.compile(rf"\b(?:(?:on\s+)?{_WEEKDAY},?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?!\s*[:.]\d)")),
    ("date", re.compile(rf"\b(?:(?:on\s+)?{_WEEKDAY},?\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})\b")),
    ("year", re.compile(rf"\b(?:[Ii]n|[Ss]ince|by|until|of|during|from|before|after) (?P<y>{_YEAR})\b")),
    ("ordinal day", re.compile(r"\b(?:(?:its|the|their)\s+)?(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?:st|nd|rd|th)\s+day\b")),
    (
        "relative",
        re.compile(rf"\bwithin\s+the\s+(?:next|coming|past|last)\s+(?:(?P<n>{_COUNT})\s+)?(?P<u>{_UNIT})\b", re.I),
    ),
    ("relative", re.compile(rf"\b(?:{_QUALIFIER}\s+)?(?P<n>{_COUNT})\s+(?P<u>{_UNIT})\s+ago\b", re.I)),
    ("relative", re.compile(rf"\bin\s+(?P<n>{_COUNT})\s+(?P<u>{_UNIT})\b", re.I)),
    ("duration", re.compile(rf"\b(?:within|for|over|after)\s+(?P<n>{_COUNT})\s+(?P<u>{_UNIT})\b", re.I)),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today|tomorrow|tonight)\b", re.I)),
    ("relative", re.compile(r"\b(?:(?:earlier|later)\s+)?(?P<rel>(?:last|this|next) (?:week|month|year))\b", re.I)),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?:on\s+)?the\s+{_PART_OF_DAY}\s+of\s+)?(?:(?:on|last|next|this|early|late)\s+)?"
            rf"(?P<wd>{_WEEKDAY})(?:\s+(?:to|into)\s+{_WEEKDAY})?(?:\s+{_PART_OF_DAY})?\b"
        ),
    ),
    ("vague", re.compile(r"\b(?P<vague>recent|recently|previously|earlier|soon|lately|formerly|currently)\b", re.I)),
    # --- added: bare months and years, periods, durations, parts of the day, clock times, holidays ---
    (
        "month only",
        re.compile(
            rf"\b(?:(?P<part>early|late|mid)[\s-]+)?(?:(?P<which>last|this|next)\s+)?"
            rf"(?P<m>{_FULL_MONTH}|{_FULL_MONTH.upper()})\b(?!\s+\d|\s+[A-Z][a-z])",
            0,
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?<![\w$€£.,/])(?<![A-Za-z.]-)(?<![A-Za-z]\d-)(?P<y>{_YEAR})(?![\w/]|-[A-Za-z]|[.,]\d|\s*%|\s+per\s*cent)"
        ),
    ),
    (
        "anaphoric",
        re.compile(
            r"\b(?P<det>the\s+same|that|the\s+previous|the\s+following|the\s+next|the)\s+"
            r"(?P<u>day|night|morning|evening|week|month|year)(?P<dir>\s+(?:before|after|earlier|later))?\b",
            re.I,
        ),
    ),
    (
        "period",
        re.compile(
            rf"\b(?:{_QUALIFIER}\s+)?(?:(?P<det>the|that|this|these|those|its|their|his|her|our)\s+)?"
            rf"(?:(?P<rel>last|past|next|coming|previous|following|first|final|upcoming|remaining|recent)\s+(?!an?\s))?"
            rf"(?:(?P<n>{_ANY_COUNT})\s+)?(?:(?:Earth|calendar|business|working|straight|consecutive|full|"
            rf"long|whole|entire|short)\s+)?(?P<u>{_LONG_UNIT})(?P<dir>\s+(?:ago|ahead|earlier|later|before|after|running))?\b",
            re.I,
        ),
    ),
    (
        "part of day",
        re.compile(
            rf"\b(?:(?P<which>this|last|yesterday|tomorrow|every|early\s+this|late\s+last|late)\s+)"
            rf"(?P<part>{_PART_OF_DAY})\b|\b(?P<over>overnight|pre-dawn|midnight|dawn)\b",
            re.I,
        ),
    ),
    (
        "clock",
        re.compile(
            r"\b(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?:[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b)"
            r"(?:\s+(?:local\s+time|[A-Z]{2,4}\b))?|\b(?:[01]?\d|2[0-3]):[0-5]\d\b(?:\s+(?:local\s+time|[A-Z]{2,4}\b))?"
            r"|\b(?:[01]\d|2[0-3])[0-5]\d\s+(?:UTC|GMT)\b|\b24/7\b"
        ),
    ),
    (
        "holiday",
        re.compile(rf"(?:\bthe\s+(?:long\s+)?weekend\s+of\s+)?\b(?P<h>{_HOLIDAY})\b|\b(?:in\s+)?the\s+new\s+year\b"),
    ),
    (
        "season",
        re.compile(r"\b(?:(?:this|last|next|early|late|the|in)\s+)(?P<s>spring|summer|autumn|fall|winter)\b", re.I),
    ),
    (
        "relative",
        re.compile(
            r"\b(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+"
            r"(?P<rel>(?:the|this|next|last)\s+(?:week|month|year))\b",
            re.I,
        ),
    ),
    ("year", re.compile(rf"\b(?:[Mm]id|[Ee]arly|[Ll]ate)-(?P<y>{_YEAR})\b")),
    ("decade", re.compile(r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<y>1[89]\d0|20\d0)s\b")),
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
            Anchor(
                row["name"],
                tuple(k.strip() for k in row["keywords"].split(";") if k.strip()),
                date.fromisoformat(row["day_one"]),
                row["source"],
            )
            for row in csv.DictReader(handle)
        ]


_MONTH_WORDS = frozenset(MONTHS)
_UNIT_WORDS = frozenset(_UNITS)
_LONG_UNIT_WORDS = frozenset(
    "nights night weekend weekends fortnight fortnights decade decades century centuries season seasons seconds".split()
)
_PART_WORDS = frozenset("morning afternoon evening night overnight dawn midnight".split())
_HOLIDAY_WORDS = frozenset("christmas easter thanksgiving halloween hanukkah ramadan".split())
_SEASON_WORDS = frozenset("spring summer autumn fall winter".split())
_VAGUE = frozenset("recent recently previously earlier soon lately formerly currently".split())
_DAYS = frozenset("yesterday today tomorrow tonight".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# For each pattern (by index in _PATTERNS): which tokens trigger it, and how far to look back/forward.
_PLAN: list[tuple[str, int, int]] = [
    ("month", 36, 30),
    ("month", 24, 30),
    ("year", 0, 12),
    ("month", 24, 30),
    ("month", 36, 30),
    ("month", 24, 30),
    ("year", 24, 0),
    ("ordinal", 30, 24),
    ("within", 0, 60),
    ("unit", 56, 24),
    ("unit", 40, 2),
    ("unit", 40, 2),
    ("day", 0, 0),
    ("period", 32, 0),
    ("weekday", 24, 30),
    ("vague", 0, 0),
    ("month", 16, 12),
    ("year", 0, 14),
    ("anaphor", 24, 10),
    ("longunit", 60, 12),
    ("part", 16, 0),
    ("clock", 0, 20),
    ("holiday", 40, 16),
    ("season", 12, 0),
    ("period", 48, 0),
    ("year", 6, 0),
    ("year", 16, 0),
]
_TRIGGER_WORDS = sorted(
    {
        variant
        for word in (
            _MONTH_WORDS
            | _UNIT_WORDS
            | _VAGUE
            | _DAYS
            | _WEEKDAYS
            | {"within"}
            | _LONG_UNIT_WORDS
            | _PART_WORDS
            | _HOLIDAY_WORDS
            | _SEASON_WORDS
        )
        for variant in (word, word.capitalize(), word.upper())
    }
)
# One scan finds every word that can start or end a time expression; everything else is skipped.
# (Case variants instead of re.IGNORECASE: several times faster in Python's regex engine.)
_TRIGGERS = re.compile(
    r"\b(?:" + trie_regex(_TRIGGER_WORDS) + r")\b|\b\d+(?:st|nd|rd|th)\b"
    r"|\b\d{1,2}(?::\d\d)?\s?[aApP]\.?[mM]\b|\b\d{1,2}:\d\d\b|\b\d{4}\s(?:UTC|GMT)\b|\b24/7\b"
    r"|\b\d{4}s?\b"
)


def _triggers(token: str) -> list[str]:
    """The kinds of trigger a token is: "month", "unit", "clock"… (a word can be several)."""
    lower = token.lower()
    if token[0].isdigit():
        if token[:4].isdigit() and (len(token) == 4 or token[4:] == "s"):
            return ["year"]
        if lower.endswith(("st", "nd", "rd", "th")):
            return ["ordinal"]
        return ["clock"]
    kinds = []
    for kind, words in (
        ("month", _MONTH_WORDS),
        ("unit", _UNIT_WORDS),
        ("vague", _VAGUE),
        ("day", _DAYS),
        ("weekday", _WEEKDAYS),
        ("part", _PART_WORDS),
        ("holiday", _HOLIDAY_WORDS),
        ("season", _SEASON_WORDS),
    ):
        if lower in words:
            kinds.append(kind)
    if lower == "within":
        kinds.append("within")
    if lower in _UNIT_WORDS or lower in _LONG_UNIT_WORDS:
        kinds.append("longunit")
    if lower in ("week", "month", "year"):  # they also end "last week"
        kinds.append("period")
    if lower in ("day", "night", "morning", "evening", "week", "month", "year"):
        kinds.append("anaphor")
    if lower in ("day", "year"):  # "Labour Day", "the new year"
        kinds.append("holiday")
    return kinds


_PERIOD_GATE = re.compile(
    r"(?:\d|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"\w+ty|hundred|half|few|several|many|of|last|past|next|coming|previous|following|first|"
    r"final|upcoming|remaining|recent|the|that|this|these|those|its|their|his|her|our|earth|"
    r"calendar|business|working|straight|consecutive|full|long|whole|entire|short|for|over|in|"
    r"within|after))\s+$",
    re.I,
)
_DIRECTION_AFTER = re.compile(r"\s+(?:ago|ahead|earlier|later|before|after|running)\b", re.I)


def find_time_expressions(text: str, start: int, end: int) -> list[tuple[int, int, str, re.Match[str]]]:
    """Time expressions in ``text[start:end]``, longest first where they overlap.

    Each pattern runs only in a small window around the words that can start or end it (month
    names, years, units…), so the cost grows with the text, not with the number of patterns.
    """
    triggers: dict[str, list[tuple[int, int]]] = {}
    for token in _TRIGGERS.finditer(text, start, end):
        for kind in _triggers(token.group()):
            triggers.setdefault(kind, []).append(token.span())
    found: dict[tuple[int, int, str], tuple[int, int, str, re.Match[str]]] = {}
    for (kind, pattern), (trigger, back, forward) in zip(_PATTERNS, _PLAN):
        for token_start, token_end in triggers.get(trigger, []):
            lo, hi = max(start, token_start - back), min(end, token_end + forward)
            if trigger == "longunit" and not (
                _PERIOD_GATE.search(text, max(lo, token_start - 16), token_start)
                or _DIRECTION_AFTER.match(text, token_end, hi)
            ):
                continue  # a period needs a count, "last"/"the"… or "ago"/"ahead" right by its unit (a cheap test first)
            for match in pattern.finditer(text, lo, hi):
                if match.start() <= token_start and match.end() >= token_end and plausible(kind, match):
                    found[(match.start(), match.end(), kind)] = (match.start(), match.end(), kind, match)
    ordered = sorted(found.values(), key=lambda item: (item[0], -(item[1] - item[0]), _KIND_ORDER[item[2]]))
    kept: list[tuple[int, int, str, re.Match[str]]] = []
    for item in ordered:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


_KIND_ORDER: dict[str, float] = {
    kind: index for index, kind in reversed(list(enumerate(kind for kind, _ in _PATTERNS)))
}
_KIND_ORDER["part of day"] = _KIND_ORDER["period"] - 0.5  # "last night" is a night, not a stretch of time


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
            basis = f"day {number:,} of {anchor.name}, counting {anchor.day_one:%d %b %Y} as day 1 ({anchor.source})"
            return TimeExpression(match.start(), match.end(), "ordinal day", day, day, basis)
    return None


def resolve(kind: str, match: re.Match[str], reference: date | None) -> tuple[str, date | None, date | None, str]:
    """(kind, start_date, end_date, basis) for one expression (see :mod:`.timex_resolve`)."""
    from .timex_resolve import resolve as _resolve

    return _resolve(kind, match, reference)
