"""The article's own date, from a date line near the top ("MARCH 12, 2022", "Friday, January 4, 2019",
"Nov. 18, 2024 | By …", "WASHINGTON, April 6, 2023 /PRNewswire/ --").

A date line is a line among the first few whose words, apart from the date, are only a label
("Updated:"), a place ("WASHINGTON, "), a byline after a separator, or a separator starting the
story ("--", "—", "|"). A date inside a sentence ("Biden signed it on March 3, 2022.") is not one.
"""

from __future__ import annotations

import re
from datetime import date

from .timex import MONTHS

MAX_LINES = 6
MAX_CHARS = 800

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+)"
_DATE = re.compile(
    rf"(?P<wd>{_WEEKDAY})?(?:(?P<m1>{_MONTH})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH}),?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<mo3>[01]\d)-(?P<d3>[0-3]\d))(?![\d-])",
    re.IGNORECASE,
)
# What may stand before the date on its line: nothing, a label, a place ("WASHINGTON, D.C., "), a byline.
_PREFIX = re.compile(
    r"\s*(?:(?:(?:Last\s+)?Updated|(?:First\s+)?Published|Posted|Dated?|Released|Issued|Filed)\s*(?:on\s*)?:?\s*"
    r"(?:\d{1,2}[:.]\d\d\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4})?,?\s*)?"
    r"|[A-Z][\w.'’ -]{0,40},\s*(?:[A-Z][\w.]{0,15},\s*)?"
    r"|By\s+[^|\n]{1,60}[|•·]\s*"
    r"|[(\[]\s*)?",
)
# What may follow it: the end of the line, a separator, a clock time, a wire-service tag, a byline.
_SUFFIX = re.compile(
    r"\s*(?:$|[|•·—–(\[)\]]|--?|/|,?\s*(?:at\s+)?\d{1,2}[:.]\d\d|T\d|\s*(?:at|by|By)\b|\.\s*$)",
)


def _date_of(match: re.Match[str]) -> date | None:
    """The calendar date a :data:`_DATE` match names, or None if there is no such day."""
    g = match.groupdict()
    try:
        if g["y3"]:
            return date(int(g["y3"]), int(g["mo3"]), int(g["d3"]))
        month_name, day, year = (g["m1"], g["d1"], g["y1"]) if g["m1"] else (g["m2"], g["d2"], g["y2"])
        return date(int(year), MONTHS[month_name.rstrip(".").lower()], int(day))
    except (ValueError, KeyError):
        return None


def find_dateline(text: str) -> tuple[date, str] | None:
    """(date, basis) from a date line among the first lines of ``text``, or None.

    Only the first :data:`MAX_LINES` non-empty lines within :data:`MAX_CHARS` characters are read,
    so the cost does not grow with the article.
    """
    head = text[:MAX_CHARS]
    seen = 0
    for line in head.split("\n"):
        if not line.strip():
            continue
        seen += 1
        if seen > MAX_LINES:
            break
        for match in _DATE.finditer(line):
            if _PREFIX.fullmatch(line, 0, match.start()) is None:
                continue
            if _SUFFIX.match(line, match.end()) is None:
                continue
            found = _date_of(match)
            if found is not None:
                where = "the first line" if seen == 1 else f"line {seen}"
                return found, f"the date line ({where} of the article): '{match.group().strip()}'"
    return None
