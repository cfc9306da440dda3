"""Content words and the similarity of two sentences: the transparent measure notebook 5 teaches.

A sentence's **content words** are its words in lower case, without the small function words
(``the``, ``of``, ``that``…) listed in :data:`STOPWORDS`. Two sentences are as similar as the share of
content words they have in common: the Jaccard index, shared words ÷ all different words of the two.
No stemming: "respond" and "responds" count as different words, which students can see in the table.
"""

from __future__ import annotations

import re

#: Function words that carry little content: articles, pronouns, auxiliaries, prepositions, conjunctions.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most
    my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves s t d ll m re ve don didn doesn isn wasn aren weren won
    wouldn shouldn couldn hasn haven hadn mr mrs ms dr q us
    """.split()
)

_WORD = re.compile(r"(?:[a-z]\.){2,}|[0-9]+(?:[,.][0-9]+)*(?:st|nd|rd|th)?(?![a-z])|[a-z0-9]+(?:[-'][a-z0-9]+)*")


def one_line(text: str) -> str:
    """Text on one line, for showing: hard line wraps and runs of spaces become one space; nothing else changes."""
    return " ".join(str(text).split())


def normalise(text: str) -> str:
    """Text on one line: hard line wraps and runs of spaces become one space; curly apostrophes straight."""
    return " ".join(str(text).replace("\u2019", "'").replace("\u2018", "'").split())


def words(text: str) -> list[str]:
    """Every word of ``text`` in lower case, in order (numbers count; "Russia's" → "russia", "U.S." → "u.s")."""
    found = _WORD.findall(normalise(text).lower())
    return [w.rstrip(".") if "." in w else w[:-2] if w.endswith("'s") else w for w in found]


def content_words(text: str) -> set[str]:
    """The different content words of ``text``: its words without :data:`STOPWORDS`."""
    return {w for w in words(text) if w not in STOPWORDS and not w.startswith(("i'", "we'", "it'", "that'"))}


def jaccard(first: set[str], second: set[str]) -> float:
    """Shared ÷ all different words (0 when both are empty): 1 means the same words, 0 none in common."""
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def word_count(text: str) -> int:
    """How many words ``text`` has (the denominator of "per 100 words")."""
    return len(words(text))
