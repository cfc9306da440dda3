"""Numbers with their units and qualifiers: "over 10,000 … troops", "nearly 50"."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import SMALL_NUMBERS, trie_regex

QUALIFIERS = (
    "more than",
    "less than",
    "fewer than",
    "as many as",
    "as few as",
    "at least",
    "at most",
    "up to",
    "an estimated",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "over",
    "under",
    "some",
    "within",
    "estimated",
)
_WORD_NUMBERS = {
    **SMALL_NUMBERS,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
    "a thousand": 1000,
    "a dozen": 12,
    "dozens of": 24,
    "thirteen": 13,
    "fourteen": 14,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozens": 24,
    "dozen": 12,
    "hundreds of": 200,
    "thousands of": 2000,
    "tens of thousands": 20000,
    "hundreds of thousands": 200000,
    "millions of": 2e6,
    "a couple": 2,
    "couple": 2,
    "half": 0.5,
    "a quarter": 0.25,
    "a third": 1 / 3,
    "two-thirds": 2 / 3,
    "three-quarters": 0.75,
    "hundreds": 200,
    "thousands": 2000,
    "millions": 2e6,
    "scores of": 40,
}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
#: Unit abbreviations written onto the digits ("10km", "2m", "5kg"); k, m and mn scale money.
_ABBREVIATIONS = (
    "km",
    "kg",
    "mm",
    "cm",
    "ft",
    "mph",
    "kmh",
    "lb",
    "lbs",
    "kW",
    "kWh",
    "MW",
    "GW",
    "ha",
    "mn",
    "m",
    "k",
    "g",
    "t",
    "l",
    "ml",
    "mi",
)
#: Ordinals that count ("our eleventh drawdown"); only after a determiner, so "might first use" is no number.
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
}
_ORDINAL = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hat)\s+(?:only\s+)?(?P<n>"
    + "|".join(_ORDINALS)
    + r"|\d+(?:st|nd|rd|th))\b(?!\s+(?:day|of\s+(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)))"
)
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
_CURRENCY = {"$": "US dollars", "€": "euros", "£": "pounds"}
_STOP_UNITS = frozenset(
    "and or of to in on at by for from the a an as than with per that which who is are was were has have had "
    "will would could may might since after before until into over under about during against among between "
    "through last next this these those it its their his her".split()
)
_QUALIFIER = "|".join(q.replace(" ", r"\s+") for q in QUALIFIERS)
_WORDS = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)).replace(" ", r"\s+")
_QUALIFIER_BEFORE = re.compile(rf"\b(?P<qualifier>{_QUALIFIER})\s+$", re.IGNORECASE)
_NUMBER = re.compile(
    rf"(?P<currency>[$€£])?"
    rf"(?:(?P<digits>(?<![\w.,/-])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.,/-])\d+(?:\.\d+)?)"
    rf"|(?P<word>\b(?:{_WORDS})\b)(?:-(?P<ones>{'|'.join(_ONES)})\b)?)"
    rf"(?:\s*(?P<mult>thousand|million|billion|trillion|bn)\b"
    rf"|(?<=\d)(?P<abbr>(?-i:{'|'.join(sorted(_ABBREVIATIONS, key=len, reverse=True))}))\b)?"
    rf"(?P<percent>\s*%|\s+per\s*cent\b|\s+percent\b)?"
    rf"(?![\w.,]\d|\w|[’']s\b)",
    re.IGNORECASE,
)
# Cheap scans for where a number can start; the full pattern then runs only there.
_DIGIT_START = re.compile(r"[$€£]?(?<![\w.,/-])\d")
# Case variants in a trie instead of re.IGNORECASE: about twice as fast in Python's regex engine.
_WORD_VARIANTS = {v.replace(" ", "_") for w in _WORD_NUMBERS for v in (w, w.capitalize(), w.upper())}
_WORD_START = re.compile(r"\b(?:" + trie_regex(sorted(_WORD_VARIANTS)).replace("_", r"\s+") + r")\b")
_UNIT = re.compile(
    r"\s+(?:(?:[A-Z][\w-]*|[A-Z]\.|more|additional|extra|new|other|further)\s+){0,3}(?P<unit>[a-z][a-z-]+)\b"
)


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    unit: str
    qualifier: str


def find_quantities(text: str, spans: list[tuple[int, int]], skip: list[tuple[int, int]]) -> list[Quantity]:
    """Quantities in each sentence span, in text order, leaving out numbers inside ``skip`` spans (dates).

    One pass over the whole text; a unit never comes from another sentence.
    """
    skip = sorted(skip)
    skip_starts = [s for s, _ in skip]
    starts = [s for s, _ in spans]
    found: list[Quantity] = []
    last_sentence = -1
    starts_at = sorted(
        {m.start() for m in _DIGIT_START.finditer(text)} | {m.start() for m in _WORD_START.finditer(text)}
    )
    previous_end = -1
    for position in starts_at:
        if position < previous_end:
            continue
        match = _NUMBER.match(text, position)
        if match is None:
            continue
        previous_end = match.end()
        sentence = bisect.bisect_right(starts, match.start()) - 1
        if sentence < 0 or match.end() > spans[sentence][1]:
            continue
        s_start, s_end = spans[sentence]
        k = bisect.bisect_right(skip_starts, match.start()) - 1
        if k >= 0 and skip[k][0] <= match.start() < skip[k][1]:
            continue
        if match.group("word"):
            if match.group("word").lower() == "one" and (
                re.search(
                    r"\b(?:[Nn]o|[Aa]ny|[Ee]very|[Ee]ach|[Tt]his|[Tt]hat|[Ww]hich)\s+$",
                    text[max(0, position - 8) : position],
                )
                or not re.match(r"[ -]+(?:of\b|in\s+\w|[a-z]{3,})", text[match.end() : match.end() + 12])
                or re.match(r"\s+(?:another|day|time)\b", text[match.end() : match.end() + 10])
            ):
                continue
            value = float(_WORD_NUMBERS[re.sub(r"\s+", " ", match.group("word").lower())])
            if match.group("ones") and value in (20, 30, 40, 50, 60, 70, 80, 90):
                value += _ONES[match.group("ones").lower()]  # "forty-two"
        else:
            value = float(match.group("digits").replace(",", ""))
        if match.group("mult"):
            value *= _MULTIPLIERS[match.group("mult").lower()]
        unit, unit_end = _unit(text, match, s_end)
        abbreviation = match.group("abbr")
        if abbreviation and abbreviation in ("k", "m", "mn") and match.group("currency"):
            value *= 1e3 if abbreviation == "k" else 1e6  # "$2m", "£40k"
        elif abbreviation:
            unit, unit_end = abbreviation, 0  # "10km"
        if (
            match.group("word")
            and not unit_end
            and re.match(r"\s+(?:of|and|or|to)\b", text[match.end() : match.end() + 5]) is None
            and not re.match(r"-\w", text[match.end() : match.end() + 2])
            and match.group("word").lower() in ("half",)
        ):
            continue  # "half" alone ("half the team") is a share, kept only with "of" or a noun
        before = _QUALIFIER_BEFORE.search(text, max(s_start, match.start() - 16), match.start())
        qualifier = re.sub(r"\s+", " ", before.group("qualifier").lower()) if before else ""
        if qualifier == "within" and not unit:
            qualifier = ""
        if not unit and found and sentence == last_sentence:
            unit = found[-1].unit  # "killed 10 people and injured nearly 50": 50 people
        span_start = before.start() if before and qualifier else match.start()
        found.append(Quantity(span_start, unit_end or match.end(), value, unit, qualifier))
        last_sentence = sentence
    found = _join_ranges(text, found)
    taken_starts = [q.start for q in found]  # in text order and disjoint: one bisect finds any overlap
    for match in _ORDINAL.finditer(text):
        n0, n1 = match.span("n")
        sentence = bisect.bisect_right(starts, n0) - 1
        k = bisect.bisect_right(skip_starts, n0) - 1
        t = bisect.bisect_left(taken_starts, n1) - 1
        if sentence < 0 or (k >= 0 and skip[k][0] <= n0 < skip[k][1]) or (t >= 0 and found[t].end > n0):
            continue
        word = match.group("n").lower()
        value = float(_ORDINALS[word]) if word in _ORDINALS else float(re.sub(r"\D", "", word))
        unit, unit_end = _unit(text, _FakeMatch(n1), spans[sentence][1])
        found.append(Quantity(n0, n1, value, unit, "ordinal"))
    found.sort(key=lambda q: q.start)
    return found


_BETWEEN = re.compile(r"\b[Bb]etween\s+$")
_AND = re.compile(r"\s+and\s+")


def _join_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "between 36 and 40 people" is one quantity: value the lower bound, qualifier "between", unit of the second."""
    joined: list[Quantity] = []
    for q in found:
        if joined:
            first = joined[-1]
            between = _BETWEEN.search(text, max(0, first.start - 9), first.start)
            if not first.qualifier and _AND.fullmatch(text, first.end, q.start) and between is not None:
                start = between.start()
                joined[-1] = Quantity(start, q.end, first.value, q.unit or first.unit, "between")
                continue
        joined.append(q)
    return joined


class _FakeMatch:
    """Stands in for a number match when looking for the unit after an ordinal."""

    def __init__(self, end: int) -> None:
        self._end = end

    def end(self) -> int:
        return self._end

    def group(self, name: str) -> None:
        return None


def _unit(text: str, match: re.Match[str] | _FakeMatch, limit: int) -> tuple[str, int]:
    if match.group("percent"):
        return "percent", 0
    currency = match.group("currency")
    if currency:
        return _CURRENCY[currency], 0
    unit = _UNIT.match(text, match.end(), limit)
    if unit is None or unit.group("unit") in _STOP_UNITS:
        return "", 0
    return unit.group("unit"), unit.end()
