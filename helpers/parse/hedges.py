"""Hedges: words that mark a claim as uncertain, reported, possible or approximate."""

from __future__ import annotations

import re

from .lexicon import trie_regex

_NUMBER_AHEAD = (
    r"(?=\s+(?:US|A|C)?[$€£]?\d|\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|half|a\s+(?:dozen|hundred|thousand|"
    r"million|quarter|third|half)|dozens|hundreds|thousands|millions|a\s+third)\b)"
)
_BE = ("is", "are", "was", "were", "be", "been", "being")

HEDGE_CUES: dict[str, tuple[str, ...]] = {
    "evidential": (
        # "according to" names its source: the gold of ../shared/corpus does not count it as a hedge, but the
        # certainty lesson (helpers.lessons.escalation) reads it as "reported", so it stays here as evidential.
        r"according to",
        r"unconfirmed reports? (?:suggests?|says?|indicates?|claims?)",
        r"reportedly",
        r"allegedly",
        r"alleged",
        r"reports (?:suggest|indicate|claim)",
        r"indications?",
        r"apparently",
        r"purportedly",
        r"rumou?rs?",
        r"unconfirmed",
        r"suspected",
        r"speculation",
        r"speculated",
        r"reported(?=\s+to\b)",
        r"it is (?:believed|understood|thought)",
        r"sources? (?:say|said|suggest)",
        *(
            rf"{be} (?:widely |also |still |now )?(?:expected|believed|thought|said|understood|rumou?red)(?=\s+to\b)"
            for be in _BE
        ),
    ),
    "modal": (r"may(?!\s+\d)", r"might", r"could"),
    "possibility": (
        r"potential",
        r"potentially",
        r"possibly",
        r"possible",
        r"perhaps",
        r"maybe",
        r"likely",
        r"unlikely",
        r"probably",
        r"presumably",
        r"seemingly",
        r"conceivably",
        r"arguably",
        r"seems? to",
        r"seemed to",
        r"appears? to",
        r"appeared to",
        r"sounds? like",
        r"looks? like",
        # a speaker's own belief ("I think"): a possibility, in the lessons' kinds
        r"i (?:don[’']t |do not |didn[’']t )?(?:think|believe|guess|suspect|reckon)",
        r"we (?:don[’']t |do not )?(?:think|believe|suspect)",
    ),
    "approximator": (
        r"nearly",
        r"almost",
        r"approximately",
        r"roughly",
        rf"about{_NUMBER_AHEAD}",
        rf"around{_NUMBER_AHEAD}",
        r"some(?=\s+\d)",
        r"an estimated",
        r"estimated",
    ),
    "uncertainty": (
        r"unclear",
        r"uncertain",
        r"unknown",
        r"remains to be seen",
        r"not (?:yet )?clear",
        r"unverified",
        r"questions remain",
    ),
}

# To tell a found cue's kind, match it against each cue cut before its closing look-ahead ("about(?=…)" → "about").
_KIND_OF = [
    (kind, re.compile(re.split(r"\(\?[=!]", cue)[0], re.IGNORECASE))
    for kind, cues in HEDGE_CUES.items()
    for cue in cues
]
_KIND_OF_WORD = {cue: kind for kind, cues in HEDGE_CUES.items() for cue in cues if cue.isalpha()}
_HEDGES = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(sorted((cue for cues in HEDGE_CUES.values() for cue in cues), key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)


# Where a cue can start: the first word of every cue, in its usual cases (a fast scan); the full
# pattern then runs only there.
def _first_letters(cue: str) -> str:
    """The letters every match of ``cue`` starts with ("rumou?rs?" → "rumo")."""
    found = re.match(r"[a-z]+", cue)
    letters = found.group() if found else ""
    return letters[:-1] if cue[len(letters) :].startswith("?") else letters


_FIRST_WORDS = {_first_letters(cue) for cues in HEDGE_CUES.values() for cue in cues}
_STARTS = re.compile(
    r"\b(?:" + trie_regex(sorted({v for w in _FIRST_WORDS for v in (w, w.capitalize(), w.upper())})) + ")"
)


_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being)\b[^.;:!?]{0,30}$")


def find_hedges(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each hedge cue in ``text[start:end]``."""
    end = len(text) if end is None else end
    found: list[tuple[int, int, str]] = []
    previous_end = -1
    for candidate in _STARTS.finditer(text, start, end):
        if candidate.start() < previous_end:
            continue
        match = _HEDGES.match(text, candidate.start(), end)
        if match is None:
            continue
        previous_end = match.end()
        cue = match.group()
        if cue == "May":  # the month, capitalised mid-sentence
            continue
        if cue.lower() == "reported" and not _BE_BEFORE.search(text, max(start, match.start() - 40), match.start()):
            continue  # "was … reported to be" hedges; "officials reported to the minister" does not
        kind = _KIND_OF_WORD.get(cue.lower()) or next(kind for kind, pattern in _KIND_OF if pattern.fullmatch(cue))
        found.append((match.start(), match.end(), kind))
    return found
