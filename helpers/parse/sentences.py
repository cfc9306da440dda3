"""Split an article into paragraphs and sentences, keeping character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end with a full stop but do not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gen lt col maj capt sgt cmdr adm sen rep gov pres rev hon
    inc ltd co corp bros no nos vol fig approx est dept univ vs etc al cf
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft""".split()
)

# After "U.S." (and other dotted initialisms) a new sentence starts only if one of these follows.
SENTENCE_STARTERS = frozenset(
    """The This That These Those It He She They We I You There Here But And However Yet So
    In On At For If When While After Before A An Its His Her Their Our""".split()
)

_END = re.compile(r"(?<![.!?])[.!?]++[\"”’'»)\]]*+(?=\s)")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_OPENERS = "\"“‘'«([–—-"


@dataclass(frozen=True)
class Span:
    """A piece of text by its character offsets: ``text[start:end]``."""

    start: int
    end: int


def paragraph_spans(text: str) -> list[Span]:
    """Paragraphs are separated by blank lines; if there are none, each line is a paragraph."""
    separator = re.compile(r"\n[ \t\f\v]*\n\s*") if re.search(r"\n[ \t\f\v]*\n", text) else re.compile(r"\n")
    spans: list[Span] = []
    position = 0
    for match in separator.finditer(text):
        _append_stripped(text, position, match.start(), spans)
        position = match.end()
    _append_stripped(text, position, len(text), spans)
    return spans


def _append_stripped(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


def sentence_spans(text: str, paragraph: Span) -> list[Span]:
    """Sentences inside one paragraph. Closing quotes (``fire.”``) stay with their sentence."""
    spans: list[Span] = []
    start = paragraph.start
    segment = text[paragraph.start : paragraph.end]
    for match in _END.finditer(segment):
        end = paragraph.start + match.end()
        next_char = _next_visible(text, end, paragraph.end)
        if next_char is None:
            break
        if not _starts_sentence(next_char):
            continue
        if "." in match.group() and not any(ch in "!?" for ch in match.group()):
            if _is_abbreviation(text, paragraph.start + match.start(), end, paragraph.end):
                continue
        _append_stripped(text, start, end, spans)
        start = end
    _append_stripped(text, start, paragraph.end, spans)
    return [span for span in spans if _has_word(text, span)]


def _next_visible(text: str, position: int, limit: int) -> str | None:
    while position < limit and text[position].isspace():
        position += 1
    return text[position] if position < limit else None


def _starts_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPENERS or (char.isalpha() and not char.islower())


def _is_abbreviation(text: str, dot: int, after: int, limit: int) -> bool:
    """Is the word that ends at ``dot`` an abbreviation such as ``Mr.``, ``J.`` or ``U.S.``?"""
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start : dot + 1].lstrip(_OPENERS)
    bare = word.rstrip(".").lower()
    if bare in ABBREVIATIONS:
        return True
    if len(bare) == 1 and bare.isalpha():
        return True
    if _DOTTED.match(word):
        begin = _skip_space(text, after, limit)
        following = re.match(r"[^\s]+", text[begin : min(limit, begin + 40)])
        next_word = following.group().strip("\"“‘'«(,;:") if following else ""
        return next_word not in SENTENCE_STARTERS
    return False


def _skip_space(text: str, position: int, limit: int) -> int:
    while position < limit and text[position].isspace():
        position += 1
    return position


def _has_word(text: str, span: Span) -> bool:
    return any(ch.isalnum() for ch in text[span.start : span.end])
