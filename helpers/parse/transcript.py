"""Transcripts: front matter, speaker labels (``MR. FINER:``, ``Q``), stage marks and hard line wraps.

A text with at least two speaker-label lines is read as a transcript: each turn runs from its label
to the next one, and every sentence in it is attributed to the labelled speaker. A journalist's
``Q`` is "reporter". A label names only what it says: ``MR. FINER`` becomes "Jon Finer" only if the
text (or its front matter title) introduces a Jon Finer, otherwise "Finer"; nothing is guessed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from .lexicon import Lexicon
from .mentions import slug
from .sentences import Span

#: A speaker label at the start of a line: upper-case words and a colon (``MS. JEAN-PIERRE:``).
_LABEL = re.compile(
    r"(?m)^(?P<label>[A-Z][A-Z’'.-]*(?:[ \t\u00a0]+[A-Z][A-Z’'.-]*){0,4}):(?=[ \t\u00a0]|$)[ \t\u00a0]*"
)
#: A journalist's question: a lone ``Q`` (``Q:``, or ``Q`` followed by spaces) at the start of a line.
_QUESTION = re.compile(r"(?m)^(?P<label>Q)(?::|(?=[ \t\u00a0]|$))[ \t\u00a0]*")
_HONORIFICS = frozenset({"MR.", "MS.", "MRS.", "MISS", "DR.", "MR", "MS", "MRS", "DR"})
#: A whole sentence that is a stage mark: ``(Inaudible.)``, ``(In progress.)``, ``(Laughter.)``.
_MARK = re.compile(r"\((?:[A-Za-z][\w-]*[ \t]*){1,4}\.?\)[.]?")
_FRONT = re.compile(r"---[ \t]*\n(?P<body>(?:[A-Za-z_][\w-]*:.*\n)(?:(?:[ \t]+.*|[A-Za-z_][\w-]*:.*|)\n)*?)---[ \t]*\n")
_ESCAPES = {"n": "\n", "t": "\t", "_": "\u00a0", " ": " ", '"': '"', "\\": "\\", "/": "/"}
REPORTER = "reporter"
#: The ``basis`` of a statement that a speaker label attributes.
LABEL_BASIS = "speaker label"


@dataclass(frozen=True)
class FrontMatter:
    """The ``---`` block at the top of a scraped text: where the body starts, and its title and date."""

    end: int
    title: str = ""
    date: date | None = None
    date_text: str = ""


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: the label's span, where the words start, and where the turn ends."""

    label: str
    label_start: int
    label_end: int
    words_start: int
    end: int
    speaker_id: str
    speaker: str
    attribution: str


@dataclass
class Transcript:
    """The turns of a transcript whose hard line wraps are joined (``text``, same length as the input)."""

    text: str
    turns: list[Turn] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [turn.label_start for turn in self.turns]

    def turn_at(self, position: int) -> Turn | None:
        """The turn whose words contain ``position`` (None before the first label)."""
        index = bisect.bisect_right(self._starts, position) - 1
        if index < 0 or position < self.turns[index].words_start:
            return None
        return self.turns[index]

    def is_mark(self, text: str, span: Span) -> bool:
        """Is the sentence at ``span`` only a stage mark such as ``(Inaudible.)``?"""
        return is_mark(text[span.start : span.end])


def read_front_matter(text: str) -> FrontMatter | None:
    """A YAML-style front matter block (``---`` … ``---``) at the very top, or None."""
    match = _FRONT.match(text)
    if match is None:
        return None
    fields = _fields(match.group("body"))
    title = _unquote(fields.get("title", ""))
    raw_date = _unquote(fields.get("date", ""))
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", raw_date.strip())
    day = None
    if found:
        try:
            day = date(*map(int, found.groups()))
        except ValueError:
            day = None
    return FrontMatter(match.end(), title=title, date=day, date_text=raw_date.strip())


def _fields(body: str) -> dict[str, str]:
    """``key: value`` lines, with indented continuation lines kept (joined by a newline)."""
    fields: dict[str, str] = {}
    key = ""
    for line in body.split("\n"):
        top = re.match(r"([A-Za-z_][\w-]*):[ \t]*(.*)$", line)
        if top and not line[:1].isspace():
            key = top.group(1)
            fields[key] = top.group(2)
        elif key and line.strip():
            fields[key] += "\n" + line
    return fields


def _unquote(value: str) -> str:
    """A YAML scalar: plain, 'single-quoted' or "double-quoted" (with ``\\u2019`` and line-end escapes)."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return re.sub(r"\s*\n\s*", " ", value[1:-1]).replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        inner = re.sub(r"\\\n[ \t]*", "", value[1:-1])  # an escaped line end joins without a space
        inner = re.sub(r"[ \t]*\n[ \t]*", " ", inner)
        return re.sub(r"\\(u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|.)", _unescape, inner)
    return re.sub(r"\s*\n\s*", " ", value)


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] in "ux" and len(code) > 1:
        return chr(int(code[1:], 16))
    return _ESCAPES.get(code, code)


def label_lines(text: str) -> list[re.Match[str]]:
    """Speaker labels at the start of lines, in text order."""
    by_start = {match.start(): match for match in _LABEL.finditer(text)}
    by_start.update({match.start(): match for match in _QUESTION.finditer(text)})  # "Q:" is the reporter
    return [by_start[start] for start in sorted(by_start)]


def is_transcript(text: str) -> bool:
    """Does the text hold at least two speaker-label lines?"""
    return len(label_lines(text)) >= 2


def read_transcript(text: str, lexicon: Lexicon, title: str = "") -> Transcript | None:
    """The transcript's turns, or None if ``text`` is not a transcript (fewer than two labels)."""
    labels = label_lines(text)
    if len(labels) < 2:
        return None
    joined = join_hard_wraps(text, {match.start() for match in labels})
    full_names = introduced_names(f"{title}\n{text}")
    named: dict[str, tuple[str, str, str]] = {}
    turns = []
    for number, match in enumerate(labels):
        end = labels[number + 1].start() if number + 1 < len(labels) else len(text)
        label = match.group("label")
        if label not in named:
            named[label] = name_speaker(label, full_names, lexicon)
        speaker_id, speaker, attribution = named[label]
        turns.append(
            Turn(label, match.start(), match.start() + len(label), match.end(), end, speaker_id, speaker, attribution)
        )
    return Transcript(joined, turns)


def join_hard_wraps(text: str, label_starts: set[int]) -> str:
    """Replace each line break inside a paragraph by a space (offsets stay the same).

    A break is kept where a blank line, or a line starting with a speaker label, follows or precedes.
    """
    chars = list(text)
    for match in re.finditer(r"\n", text):
        before = text.rfind("\n", 0, match.start()) + 1
        if not text[before : match.start()].strip():
            continue
        following_end = text.find("\n", match.end())
        following = text[match.end() : following_end if following_end >= 0 else len(text)]
        if following.strip() and match.end() not in label_starts:
            chars[match.start()] = " "
    return "".join(chars)


def name_speaker(label: str, full_names: dict[str, set[str]], lexicon: Lexicon) -> tuple[str, str, str]:
    """(speaker_id, speaker, attribution) for a label: ``Q`` is the reporter, ``MR. FINER`` Finer.

    A surname label becomes a full name only if the text names exactly one "First Surname"
    (``full_names`` from :func:`introduced_names`).
    """
    if label == "Q":
        return REPORTER, REPORTER, "anonymous"
    if len(label.rstrip(".")) == 1:  # "A:" answers an interview's Q, but who answers the label does not say
        return "", "", "unattributed"
    words = label.split()
    if words[0] in _HONORIFICS and len(words) > 1:
        surname = " ".join(_title_case(word) for word in words[1:])
        firsts = full_names.get(surname, set())
        full = f"{next(iter(firsts))} {surname}" if len(firsts) == 1 else None
        if full is not None:
            actor = lexicon.person_by_name(full)
            return (actor.actor_id, actor.name, "named") if actor else (slug(full), full, "named")
        return slug(surname), surname, "named"
    if words[0] == "THE" and len(words) > 1:
        role = "the " + " ".join(_title_case(word) for word in words[1:])
        return slug(role), role, "named"
    name = " ".join(_title_case(word) for word in words)
    return slug(name), name, "named"


def _title_case(word: str) -> str:
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


_FULL_NAME = re.compile(r"(?<![\w.])(?=([A-Z][a-z]+(?:[ \t\u00a0]+[A-Z]\.)?)[ \t\u00a0\n]+([A-Z][a-z][\w’'-]*)\b)")


def introduced_names(text: str) -> dict[str, set[str]]:
    """Surname -> the first names ("Jon", "Jon A.") the text puts before it, in one pass."""
    names: dict[str, set[str]] = {}
    for match in _FULL_NAME.finditer(text):
        first, surname = match.group(1), match.group(2)
        if first.split()[0] not in _NOT_FIRST_NAMES:
            names.setdefault(surname, set()).add(first)
    return names


#: Capitalised words that come before a surname but are not first names ("Secretary Blinken").
_NOT_FIRST_NAMES = frozenset(
    "Mr Mrs Ms Dr Secretary President Senator Minister Advisor Adviser Ambassador General Governor Deputy "
    "Spokesperson Director Chancellor Prime Vice Chief Representative Rep Sen Gov Judge The A An And Thanks "
    "Thank Dear Said Says Told".split()
)


def is_mark(sentence: str) -> bool:
    """Is the whole sentence a stage mark such as ``(Inaudible.)`` or ``(Laughter.)``?"""
    return _MARK.fullmatch(sentence.strip()) is not None
