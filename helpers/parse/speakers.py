"""Speakers that are not a named actor just before the verb: role nouns, documents and passive agents.

Each rule returns ``(speaker_id, speaker, attribution, basis)`` or ``None`` when it cannot tell.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .mentions import Mention

Speaker = tuple[str, str, str, str]

_PLURAL_WORDS = """reports sources officials diplomats analysts experts observers media insiders commentators critics
    witnesses residents activists opponents supporters police authorities investigators prosecutors rescuers doctors
    scientists researchers officers lawmakers legislators protesters organisers organizers spokespeople
    representatives economists engineers astronomers historians locals members""".split()
_SINGULAR_WORDS = """spokesperson spokesman spokeswoman official source mother father judge prosecutor witness resident
    doctor lawyer officer survivor neighbour neighbor relative analyst expert diplomat aide minister statement
    government ministry agency department company website team committee""".split()
_PLURAL = "|".join(_PLURAL_WORDS)
_SINGULAR = "|".join(_SINGULAR_WORDS) + r"|spokes(?:person|man|woman) for [A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}"
#: The last words a role-noun subject can end with: a cheap test before the regex.
_HEADS = frozenset(_PLURAL_WORDS + _SINGULAR_WORDS)
#: Unnamed speakers: plural sources ("officials said") and role nouns ("a senior official said").
ANONYMOUS = re.compile(
    rf"(?P<who>(?:(?:[A-Z][\w.-]*|[a-z][\w-]*)\s+){{0,3}}(?:(?P<plural>(?i:{_PLURAL}))|(?:{_SINGULAR})))$"
)
#: Words between a role noun and its verb ("Residents there have told").
TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|further|there|here|too|later|then|previously|reportedly|repeatedly|"
    r"publicly|already|again|would|will|did|do|does|not|now|(?:went|goes|going)\s+on\s+to|continued\s+(?:to|by)))+$"
)
#: Words that cannot belong to the noun phrase of a speaker: it starts after the last of them.
_NOT_IN_PHRASE = frozenset(
    """and but or nor while whereas that which who when as if because so since although though than then
    also further said says told reported reports claimed added noted according to of in on at by for with
    from into during after before despite there here is are was were be been has have had do does did
    will would can could should may might must not""".split()
)
_DETERMINERS = frozenset("the a an its their his her our some many several".split())
_DOCUMENT = (
    r"report|poll|study|survey|statement|analysis|investigation|complaint|release|press release|letter|"
    r"ruling|filing|document|post|tweet|memo|assessment|review|audit|article|interview"
)
#: "according to a poll published by NBC News", "according to a report from ABC".
_DOCUMENT_BY = re.compile(
    rf"\s+(?:the|a|an|its|their|his|her)\s+(?:[\w.-]+\s+){{0,3}}?(?:{_DOCUMENT})s?\s+"
    r"(?:(?:published|released|issued|commissioned|conducted|carried out|compiled)\s+)?(?:by|from|of|in)\s+"
    r"(?:the\s+)?$"
)
#: "according to a whistle-blower complaint": the lower-case owner of the document speaks.
_DOCUMENT_OWNER = re.compile(rf"\s+(?:the|a|an)\s+(?P<who>[a-z][\w-]*)\s+(?:{_DOCUMENT})\b(?!\s+(?:by|from|of|in)\b)")
#: "according to the emergencies ministry", "according to a Woolworths spokesperson".
_PHRASE_AFTER = re.compile(
    rf"\s+(?P<who>(?:the|a|an|its|their)\s+(?:[\w.-]+\s+){{0,3}}?(?:(?i:{_PLURAL})|{_SINGULAR}))\b(?![\w’'-])"
)
#: "X's statement reads", "the judge's ruling says": the owner of the document speaks.
_OWNER_DOCUMENT = re.compile(rf"[’']s\s+(?:(?:[a-z]+)\s+)?(?:{_DOCUMENT})\s+$")


def _first_kept(words: list[str]) -> int:
    """Index of the first word of the speaker's noun phrase (determiner included, verbs left out)."""
    for index in range(len(words) - 2, -1, -1):
        if words[index].lower() in _NOT_IN_PHRASE or words[index].endswith("ly"):
            return index + 1
        if words[index].lower() in _DETERMINERS:
            return index
    return 0


def _clean(who: str) -> str:
    words = who.split()
    phrase = " ".join(words[_first_kept(words) :])
    return phrase[0].upper() + phrase[1:]


def _role(who: str, plural: bool, basis: str) -> Speaker:
    name = _clean(who)
    if plural:
        return "unnamed_sources", name, "anonymous", basis
    return "unnamed_" + re.sub(r"\W+", "_", name.lower()).strip("_"), name, "anonymous", basis


#: "a federal judge in Ruritania": the place after a role noun is left out of the subject.
_PLACE_AFTER = re.compile(r"\s+(?:in|from|at)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}$")


def role_span(text: str, start: int, verb_start: int) -> tuple[int, int, bool] | None:
    """(start, end, plural) of a role-noun subject just before the verb at ``verb_start``, if any."""
    head = text[max(start, verb_start - 70) : verb_start]
    if not head.endswith((" ", "\t")):
        return None
    offset = verb_start - len(head)
    head = TAIL.sub("", head.rstrip())
    place = _PLACE_AFTER.search(head)
    if place is not None:
        head = head[: place.start()]
    if head[head.rfind(" ") + 1 :].lower() not in _HEADS and "spokes" not in head:
        return None
    match = ANONYMOUS.search(head)
    if match is None:
        return None
    words = list(re.finditer(r"\S+", match.group("who")))
    first = words[_first_kept([w.group() for w in words])]
    return offset + match.start("who") + first.start(), offset + match.end("who"), match.group("plural") is not None


def role_before(text: str, s_start: int, verb_start: int) -> Speaker | None:
    """ "Officials said", "Residents there told", "FSB sources have ascribed": a role noun as the subject."""
    span = role_span(text, s_start, verb_start)
    if span is None:
        return None
    return _role(text[span[0] : span[1]], span[2], "role noun")


_TITLE_HEADS = frozenset(
    "Secretary Minister Spokesperson Spokesman Spokeswoman Ambassador Governor Mayor President Chancellor "
    "Director Commissioner Prosecutor General Chief Envoy".split()
)
_TITLE_PHRASE = re.compile(
    r"(?<![\w.’'-])(?P<who>(?:[A-Z][\w.-]*\s+)(?:(?:[A-Z][\w.-]*|of|the)\s+){0,3}(?:"
    + "|".join(sorted(_TITLE_HEADS))
    + r"))$"
)


def title_before(text: str, s_start: int, verb_start: int) -> Speaker | None:
    """ "In the statement, U.S. Treasury Secretary said": a title with no name speaks for its office."""
    head = TAIL.sub("", text[max(s_start, verb_start - 70) : verb_start].rstrip())
    if head[head.rfind(" ") + 1 :] not in _TITLE_HEADS:
        return None
    match = _TITLE_PHRASE.search(head)
    if match is None:
        return None
    words = match.group("who").split()
    while words and words[0] in ("The", "A", "An", "In", "On", "At", "But", "And", "Then", "Later"):
        words = words[1:]
    if not words:
        return None
    who = " ".join(words)
    return "title_" + re.sub(r"\W+", "_", who.lower()).strip("_"), who, "institutional", "title without a name"


def phrase_after(text: str, position: int, mentions: list[Mention], starts: list[int], from_mention) -> Speaker | None:
    """The speaker of "according to …" when no actor follows at once: a document's publisher
    ("a poll published by NBC News"), its lower-case owner ("a whistle-blower complaint") or a role
    noun phrase ("the emergencies ministry", "a Woolworths spokesperson")."""
    after = bisect.bisect_left(starts, position)
    window = text[position : position + 90]
    if after < len(mentions) and mentions[after].start - position <= 90:
        gap = text[position : mentions[after].start]
        if _DOCUMENT_BY.fullmatch(gap):
            return from_mention(mentions[after], "publisher of the document")
    phrase = _PHRASE_AFTER.match(window)
    if phrase is not None and not re.search(r"[,;:.]", phrase.group("who")):
        who = phrase.group("who")
        plural = re.search(rf"(?i:{_PLURAL})$", who) is not None
        return _role(who, plural, "role noun after the verb")
    owner = _DOCUMENT_OWNER.match(window)
    if owner is not None and owner.group("who") not in ("new", "recent", "latest", "separate", "joint", "official"):
        return _role(owner.group("who"), False, "owner of the document")
    return None


def passive_agent(text: str, verb_end: int, mentions: list[Mention], starts: list[int], from_mention) -> Speaker | None:
    """ "he was told by Minister Jane Roe": the agent after "by" speaks."""
    match = re.match(r"\s+by\s+(?:the\s+)?", text[verb_end : verb_end + 12])
    if match is None or not re.search(
        r"\b(?:was|were|been|being|is|are)\s+$", text[max(0, verb_end - 30) : verb_end - 4]
    ):
        return None
    after = bisect.bisect_left(starts, verb_end)
    if after >= len(mentions):
        return None
    gap = text[verb_end + match.end() : mentions[after].start]
    if not re.fullmatch(r"(?:[A-Z][\w.-]*\s+){0,4}", gap):
        return None
    return from_mention(mentions[after], "agent of a passive verb")


def document_owner(
    text: str, s_start: int, verb_start: int, mentions: list[Mention], starts: list[int], from_mention
) -> Speaker | None:
    """ "Judge Miller's statement reads", "the judge's ruling says": the document's owner speaks."""
    head = text[max(s_start, verb_start - 40) : verb_start]
    match = _OWNER_DOCUMENT.search(head)
    if match is None:
        return None
    owner_end = verb_start - len(head) + match.start()
    before = bisect.bisect_left(starts, owner_end) - 1
    if before >= 0 and mentions[before].end == owner_end and mentions[before].start >= s_start:
        return from_mention(mentions[before], "owner of the document")
    role = re.search(r"(?:\b[Tt]he\s+)?(?P<who>[a-z][\w-]*)$", text[max(s_start, owner_end - 30) : owner_end])
    if role is not None and ANONYMOUS.search(role.group("who")) and role.group(0)[:1] in "Tt":
        return _role(role.group(0), False, "owner of the document")
    return None
