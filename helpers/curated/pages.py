"""What a cited web page says about itself: its headline and its date (``source_pages.csv``).

A citation in the fact sheet often names only the outlet and the address (``LBC (Reuters), https://…``).
``source_pages.csv`` (read by :func:`helpers.curated.load.source_pages`) records, for such an address, the
headline and date read on the page itself; never a title made from the words of the address. ``with_page``
puts them into a citation that lacks them.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .schema import URL_IN_TEXT

#: ``Publisher, "Title"`` (optionally ``Publisher (agency), "Title"`` or just ``"Title"``) at the start of a
#: citation: the form the fact sheet uses when it gives an article's title. A quotation later in the text
#: (``Kyiv Independent ("maximum range …")``) is a quoted phrase, not a title.
QUOTED_TITLE = re.compile(r"^(?:[^\"“(,;]+(?:\([^)]*\))?,\s*)?[\"“](?P<title>[^\"”]+)[\"”]")
#: The source's own date in the citation text, as a field of it (``Politico, 5 Jan 2021``, ``published 17 Nov
#: 2024``, ``CNN live 11 Jul 2023``); a date inside a remark (``dated ~18–19 Oct 2024``, ``lifted on 11 Mar
#: 2025``) is the date of an event, not of the source.
STATED_DATE = re.compile(
    r"(?:^|, |published |live )(\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4})\b"
)
#: A title cut short by the fact sheet (``"West marks 1,000 days…"``) is not the article's title.
TRUNCATED = ("…", "...")
#: How the page's date is shown beside its title: "published" needs no word.
DATE_WORDS = {"published": "", "updated": "updated ", "aired": "aired ", "on sale": "on sale "}


def title_in(text: str) -> str | None:
    """The full title a citation text gives (``Outlet, "Title", …``), or None (none, or cut short)."""
    match = QUOTED_TITLE.match(text.strip())
    if not match or match["title"].rstrip().endswith(TRUNCATED):
        return None
    return match["title"].strip()


def stated_date(text: str) -> str | None:
    """The source's date as a citation text states it (``5 Jan 2021``), or None."""
    match = STATED_DATE.search(text)
    return match[1] if match else None


def _day(stated: str) -> date:
    """``5 Jan 2021`` or ``5 January 2021`` as a date."""
    day, month, year = stated.split()
    return datetime.strptime(f"{day} {month[:3]} {year}", "%d %b %Y").date()


def page_date(row: dict[str, str]) -> str:
    """The page's date as a reader sees it: ``19 Nov 2024``, ``updated 1 Mar 2025``, or ''."""
    if not row["date"].strip():
        return ""
    day = date.fromisoformat(row["date"].strip())
    return f"{DATE_WORDS.get(row['date_kind'].strip(), '')}{day.day} {day:%b %Y}"


def page_label(
    url: str,
    pages: dict[str, dict[str, str]],
    *,
    title: bool = True,
    when: bool = True,
    known_by: date | None = None,
) -> str:
    """The page's headline in the fact sheet's straight quotation marks and its date (``"…", 31 May 2024``),
    or '' if the page is not on record.

    With ``known_by`` (notebooks 0-3 pass the article's day), a page that is undated or dated later gives
    '': its headline may tell what happened next.
    """
    row = pages.get(url.strip().rstrip(".,;)"))
    if row is None:
        return ""
    if known_by is not None and (not row["date"].strip() or date.fromisoformat(row["date"].strip()) > known_by):
        return ""
    parts = [f'"{row["title"].strip()}"' if title and row["title"].strip() else "", page_date(row) if when else ""]
    return ", ".join(part for part in parts if part)


def with_page(citation: str, pages: dict[str, dict[str, str]], known_by: date | None = None) -> str:
    """``citation`` with the headline and date of its first address put before it, where it lacks them.

    ``LBC (Reuters), https://…`` becomes ``LBC (Reuters), "US officials: …", 31 May 2024, https://…``.
    A citation that already gives a title or a date keeps its own; ``known_by`` as in :func:`page_label`,
    where a date the citation states counts for an undated page.
    """
    match = URL_IN_TEXT.search(citation)
    if match is None:
        return citation
    own_date = stated_date(citation)
    if known_by is not None and own_date is not None and _day(own_date) <= known_by:
        known_by = None  # the citation itself dates the page before the article
    label = page_label(match[0], pages, title=title_in(citation) is None, when=own_date is None, known_by=known_by)
    if not label:
        return citation
    head = citation[: match.start()].rstrip().rstrip(",")
    prefix = f"{head}, " if head else ""
    return f"{prefix}{label}, {citation[match.start() :]}"
