"""Shapes around a capitalised word that say what it names: a company, a news outlet, a person.

Used by :mod:`names`; each function looks only at a short window around the word.
"""

from __future__ import annotations

import re

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"

#: Lower-case nouns that describe an organisation ("supermarket Ocado", "Gazprombank, a lender").
ORG_NOUNS = (
    r"bank|company|firm|retailer|broadcaster|newspaper|site|website|carrier|airline|manufacturer|producer|"
    r"maker|chain|supermarket|outlet|network|startup|start-up|brand|nonprofit|non-profit|charity|publication|"
    r"daily|lender|insurer|operator|conglomerate|giant|automaker|carmaker|developer|distributor|supplier|"
    r"wholesaler|broadcasters|tabloid|weekly|agency|group|organi[sz]ation|think tank|thinktank|union|party|"
    r"militia|club|team|university|school|hospital|magazine|platform|app|service|exchange|fund|watchdog"
)
_ORG_BEFORE = re.compile(rf"(?:^|[\s(])(?:{ORG_NOUNS})[ \t]+$")
_ORG_APPOSITION = re.compile(
    rf"[ \t]*[,—–][ \t]+(?:(?:a|an|the|[{UPPER}][\w.]*[’']s)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?(?:{ORG_NOUNS})\b|"
    r"which[ \t]+(?:makes|owns|produces|operates|runs|sells|publishes|manufactures)\b)"
)
_CAMEL = re.compile(rf"(?!(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Du|O)[{UPPER}])[{UPPER}][{LOWER}]+[{UPPER}][{LOWER}]+")
_MEDIA_AFTER = re.compile(r"[ \t]+(?:magazine|newspaper|news agency|TV|television|radio|channel)\b")
_PERSON_BEFORE = (
    (
        re.compile(r"\b(?:led|headed|founded|chaired|coached|written|directed|hosted|run)[ \t]+by[ \t]+$"),
        "agent after 'by'",
    ),
    (re.compile(r"(?:Image|Photo|Picture|Credit|Photograph)s?[ \t]*:[ \t]*$"), "credit line"),
    (
        re.compile(r"\b(?i:a|an|the|his|her|their|its)[ \t]+[\w-]+(?:[ \t]+[\w-]+)?,[ \t]+$"),
        "apposition before the name",
    ),
)
_OF_ACRONYM = re.compile(rf"[ \t]+of[ \t]+(?:the[ \t]+)?[{UPPER}]{{2,6}}\b(?![’'.-])")


def single_word_organisation(text: str, start: int, end: int) -> str:
    """Why the one capitalised word at ``start:end`` names an organisation, or ``""``."""
    word = text[start:end]
    if _ORG_BEFORE.search(text, max(0, start - 30), start):
        return "organisation noun before the name"
    if _ORG_APPOSITION.match(text, end, min(len(text), end + 70)):
        return "organisation noun in apposition"
    if _CAMEL.fullmatch(word):
        return "mixed-case brand name"
    return ""


def media_end(text: str, end: int) -> int:
    """Where "Time magazine" or "Rossiya TV" ends, if a media noun follows the name; else -1."""
    match = _MEDIA_AFTER.match(text, end, min(len(text), end + 20))
    return match.end() if match else -1


def person_evidence_around(text: str, start: int, end: int) -> str:
    """Evidence that a 2–4 word name names a person, from the words just around it."""
    before = text[max(0, start - 30) : start]
    for pattern, basis in _PERSON_BEFORE:
        if pattern.search(before):
            if basis == "apposition before the name" and text[end : end + 1] not in (",", "."):
                continue
            return basis
    if _OF_ACRONYM.match(text, end, min(len(text), end + 16)):
        return "affiliation after the name"
    return ""
