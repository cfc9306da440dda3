"""Filters on a time-expression match that a pattern alone cannot express ("about 2000 people" is no
year, "May" after "may" is no month, "USA Today" is no day); each looks only a few words around the
match, so the cost stays linear."""

from __future__ import annotations

import re

_BEFORE_MONTH = frozenset(
    "in since until till by of during from through before after and or to early late mid last this next between".split()
)
_QUALIFIER_WORDS = frozenset("about around nearly almost over than least most some roughly approximately".split())
_EVENT_PLURALS = frozenset(
    "elections games olympics finals midterms polls talks riots protests attacks floods "
    "fires wildfires negotiations hearings primaries races championships awards".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W{1,3}$")
_WORD_AFTER = re.compile(r"\s+([a-z][a-z-]*)")


def plausible(kind: str, match: re.Match[str]) -> bool:
    """Filters that a pattern alone cannot express (kept cheap: they look a few words around)."""
    text, groups = match.string, match.groupdict()
    if kind == "month only":
        if groups["m"].lower() in ("may", "march") and not (groups["part"] or groups["which"]):
            before = _WORD_BEFORE.search(text, max(0, match.start() - 16), match.start())
            return before is not None and before.group(1).lower() in _BEFORE_MONTH
        return True
    if kind == "year" and not match.group().startswith(groups["y"]):
        return True  # "in 2015": the preposition already says it is a year
    if kind == "year":
        before = _WORD_BEFORE.search(text, max(0, match.start() - 16), match.start())
        word = before.group(1).lower() if before else ""
        if word in _QUALIFIER_WORDS or (
            before is not None and word == "to" and text[max(0, before.start() - 3) : before.start()] == "up "
        ):
            return False  # "about 2000 people", "up to 2000"
        after = _WORD_AFTER.match(text, match.end(), match.end() + 30)
        word = after.group(1) if after is not None else ""
        return not (len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in _EVENT_PLURALS)
    if kind == "relative" and match.group() == "Today":  # "USA Today": part of a name mid-sentence
        previous = text[max(0, match.start() - 2) : match.start()]
        return not (previous.endswith(" ") and match.start() >= 2 and text[match.start() - 2].isupper())
    if kind == "anaphoric":
        return groups["det"].lower() != "the" or bool(groups["dir"])
    if kind == "period":
        if groups["n"] or groups["rel"] or groups["dir"]:
            return True
        det = (groups["det"] or "").lower()
        if det in ("this", "these", "those", "that") or (det == "the" and groups["u"].lower() == "weekend"):
            return True
        before = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
        return (
            not det
            and groups["u"].lower().endswith("s")
            and before is not None
            and before.group(1).lower() in ("for", "over", "in", "within", "after")
        )
    if kind == "season" and groups["s"].lower() == "fall":
        return match.group().split()[0].lower() in ("this", "last", "next", "early", "late")
    return True
