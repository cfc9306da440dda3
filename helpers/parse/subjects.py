"""Where the subject of a reporting verb is, when it is not the actor just before the verb.

"Jane Roe, a rapporteur for …, cautioned", "The Board and the Tax Office (FTO) said", "a judge in Texas ruled".
"""

from __future__ import annotations

import bisect
import re

from .mentions import Mention
from .speakers import TAIL

_ROLE_OF = re.compile(
    r"\b(?:judge|official|spokes(?:person|man|woman)|court|officials|residents|sources|police)\s+(?:in|from|at)\s+(?:the\s+)?$"
)


#: A head of at most 260 characters, plus room for a run of auxiliaries before the verb ("has also").
_LONGEST_HEAD = 400


def subject_before_apposition(text, s_start, verb_start, mentions, starts) -> Mention | None:
    """ "Jane Roe, a rapporteur for the Office of … who had investigated the case, cautioned": the subject
    named near the start of the sentence (after an opening phrase such as "In a report, "), before a long
    apposition that ends with a comma."""
    if verb_start - s_start > _LONGEST_HEAD:  # checked first: in one endless "sentence" the head grows per verb
        return None
    head = TAIL.sub("", text[s_start:verb_start].rstrip())
    if not head.endswith(",") or len(head) > 260:
        return None
    first = bisect.bisect_left(starts, s_start)
    for subject in mentions[first : first + 3]:
        if subject.start >= verb_start:
            break
        if not _OPENING.fullmatch(text, s_start, subject.start):
            continue
        rest = head[subject.end - s_start :]
        if _APPOSITION.fullmatch(rest) or (subject.actor.kind == "person" and _DESCRIBING_APPOSITION.fullmatch(rest)):
            return subject if subject.actor.kind in ("person", "organisation", "group") else None
    return None


_OPENING = re.compile(
    r"(?:(?:In|On|At|During|After|Before|Speaking|Writing)\b[^,;:!?\"“”]{0,60},\s+)?(?:[A-Z][\w.’'-]*\s+|the\s+|The\s+){0,5}"
)
_APPOSITION = re.compile(r",\s+(?:a|an|the|who|whose|which|[a-z][\w-]*\s+of)\b[^;:.!?\"“”]*,")
#: ", retail expert from Queensland University of Technology,": a lower-case description of a person.
_DESCRIBING_APPOSITION = re.compile(r",\s+(?:[a-z][\w-]*\s+){1,3}(?:of|from|at|for|with)\b[^;:.!?\"“”]*,")


def object_of_role(text: str, mention: Mention) -> bool:
    """ "a federal judge in Texas ruled": Texas is where the speaker is, not the speaker."""
    return _ROLE_OF.search(text, max(0, mention.start - 30), mention.start) is not None


def first_conjunct(text: str, mentions: list[Mention], index: int, s_start: int) -> Mention:
    """In "The Committee and the Federal Security Service (FSB) said", the subject begins with the Committee."""
    while index > 0 and mentions[index - 1].start >= s_start:
        gap = text[mentions[index - 1].end : mentions[index].start]
        if re.fullmatch(r"\s*\(", gap):
            index -= 1
            continue
        if re.fullmatch(r"\s+and\s+(?:the\s+)?", gap) and not re.search(
            r"\b(?:of|between|with|by|to|for|from|on|in|at)\s+(?:the\s+)?$",
            text[max(s_start, mentions[index - 1].start - 20) : mentions[index - 1].start],
        ):
            index -= 1
            continue
        break
    return mentions[index]
