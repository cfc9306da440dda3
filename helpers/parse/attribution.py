"""Who speaks: pronouns, role nouns and the speakers of direct quotes.

Every speaker comes with a ``basis`` saying how it was found; when no rule applies the quote is
left ``"unattributed"`` (a wrong speaker is worse than none).
"""

from __future__ import annotations

import bisect
import re

from .mentions import Mention

#: Unnamed speakers: plural sources ("officials said") and role nouns ("a senior official said").
ANONYMOUS = re.compile(
    r"(?P<who>(?:(?:[A-Z][\w-]*|[a-z]+)\s+){0,2}(?:(?P<plural>reports|sources|officials|diplomats|analysts|experts|"
    r"observers|media|insiders|commentators|critics|witnesses|residents|activists|opponents|supporters|police|"
    r"authorities|investigators|prosecutors|rescuers|doctors|scientists|researchers)|spokesperson|spokesman|"
    r"spokeswoman|official|source|mother|father|judge|prosecutor|witness|resident|doctor|lawyer|police officer|"
    r"officer|survivor|neighbou?r|relative|analyst|expert|diplomat|aide|minister|statement))$"
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z0-9]|\n")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|with|by|of|from|for|at|about|on|against|than|and|like|toward|towards)\s+(?:[a-z]+\s+)?$"
)
_LOOKBACK = 700


def last_person(text: str, mentions: list[Mention], before: int, s_start: int, position: int) -> Mention | None:
    """The person a pronoun at ``position`` most likely refers to.

    In the pronoun's own sentence, the last person named before it who is not a possessive owner
    ("Mohammad's admission") nor the object of a preposition ("speaking to Jane Roe"); otherwise the
    first such person of the nearest earlier sentence that names one (its subject, usually).
    """
    sentence: list[Mention] = []
    boundary = position
    for index in range(before, -1, -1):
        mention = mentions[index]
        if mention.end > position:
            continue
        if position - mention.end > _LOOKBACK:
            break
        if _SENTENCE_BREAK.search(text, mention.end, boundary):
            if sentence:
                return sentence[-1]
            boundary = mention.end
        if mention.actor.kind != "person" or _possessive(text, mention) or _after_preposition(text, mention):
            continue
        if mention.start >= s_start and mention.end <= position and boundary == position:
            return mention
        sentence.append(mention)
    return sentence[-1] if sentence else None


def _possessive(text: str, mention: Mention) -> bool:
    return text[mention.end : mention.end + 2] in ("’s", "'s")


def _after_preposition(text: str, mention: Mention) -> bool:
    return _PREPOSITION_BEFORE.search(text, max(0, mention.start - 28), mention.start) is not None


def quote_speakers(
    text: str,
    quotes: list[tuple[int, int]],
    statements: list,
    spans: list[tuple[int, int]],
    paragraph_of: list[int],
    mentions: list[Mention],
) -> list[tuple[str, str, str, str]]:
    """(speaker_id, speaker, attribution, basis) for each quote span, in order."""
    starts = [s for s, _ in spans]
    by_sentence: dict[int, list] = {}
    for index, statement in statements:
        by_sentence.setdefault(index, []).append(statement)
    mention_starts = [m.start for m in mentions]
    results: list[tuple[str, str, str, str]] = []
    # (paragraph, quote end, speaker, whether the quote is its whole paragraph)
    previous: tuple[int, int, tuple[str, str, str, str], bool] | None = None
    for q_start, q_end in quotes:
        first = max(0, bisect.bisect_right(starts, q_start) - 1)
        last = max(0, bisect.bisect_right(starts, max(q_start, q_end - 1)) - 1)
        found = _in_sentences(text, q_start, q_end, [by_sentence.get(i, []) for i in range(first, last + 1)], quotes)
        paragraph = paragraph_of[first]
        if found is None and previous is not None and previous[0] == paragraph and previous[2][0]:
            lo = bisect.bisect_left(mention_starts, previous[1])
            hi = bisect.bisect_left(mention_starts, q_start)
            between = mentions[lo:hi]
            own = [i for i, m in enumerate(between) if m.actor.actor_id == previous[2][0]]
            if own:  # "UCL astronomer Jane Roe": mentions that describe the speaker do not interrupt
                between = between[own[-1] + 1 :]
            others = [m for m in between if m.actor.actor_id != previous[2][0] and not _inside(m.start, quotes)]
            if not others:
                found = (*previous[2][:3], "continued quote in the paragraph")
        if found is None and first > 0:
            s0, s1 = spans[first - 1]
            intro_like = text[s0:s1].rstrip().endswith(":") or (
                paragraph_of[first - 1] != paragraph
                and _INTRODUCES.search(text, s0, s1)
                and _opens_paragraph(text, q_start)
            )
            if intro_like and by_sentence.get(first - 1):
                group = by_sentence[first - 1]
                fallback = group[-1] if text[s0:s1].rstrip().endswith(":") else group[0]
                intro = next((st for st in group if st.lemma == "issue statement"), fallback)
                found = (intro.speaker_id, intro.speaker, intro.attribution, "introducing sentence")
        if (
            found is None
            and previous is not None
            and previous[2][0]
            and previous[0] == paragraph - 1
            and _opens_paragraph(text, q_start)
            and previous[3]
        ):
            found = (*previous[2][:3], "quoted paragraph after a quoted paragraph")
        found = found or ("", "", "unattributed", "unattributed")
        results.append(found)
        whole = _opens_paragraph(text, q_start) and _closes_paragraph(text, q_end)
        previous = (paragraph_of[last], q_end, found, whole)
    return results


#: A sentence that announces the quotation after it ("… issued the following statement").
_INTRODUCES = re.compile(r"\bthe following\b|\bsaid in a statement\b|\bin a statement\b")


def _opens_paragraph(text: str, position: int) -> bool:
    """Is the quote at ``position`` the start of its paragraph (only an opening mark before it)?"""
    line_start = text.rfind("\n", 0, position) + 1
    return re.fullmatch(r"\s*[\"“‘'«]\s*", text[line_start:position]) is not None


def _closes_paragraph(text: str, position: int) -> bool:
    line_end = text.find("\n", position)
    return (
        re.fullmatch(r"[\s.,!?]*[\"”’'»][\s.]*", text[position : line_end if line_end >= 0 else len(text)]) is not None
    )


def _inside(position: int, quotes: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(quotes, (position, float("inf"))) - 1
    return index >= 0 and quotes[index][0] <= position < quotes[index][1]


def _in_sentences(text: str, q_start: int, q_end: int, groups: list[list], quotes) -> tuple[str, str, str, str] | None:
    """A statement of the quote's own sentence(s): the verb just after the quote, else the nearest before it."""
    candidates = [st for group in groups for st in group if st.speaker and not _inside(st.verb_start, quotes)]
    after = [
        st
        for st in candidates
        if st.verb_start >= q_end
        and len(text[q_end : st.verb_start]) <= 80
        and not re.search(r"[\"“”]", re.sub(r"^[\s.,;:!?]*[\"”’']", "", text[q_end : st.verb_start]))
        and not re.search(r"\b(?:while|whereas|but|and|as|when)\b", text[q_end : st.verb_start])
    ]
    if after:
        st = min(after, key=lambda st: st.verb_start)
        return st.speaker_id, st.speaker, st.attribution, st.basis
    before = [
        st
        for st in candidates
        if st.verb_start < q_start
        and not re.search(
            r"(?:—|–|\(|,)\s*(?:which|who|that)\b[^—–()]*$", text[max(0, st.verb_start - 80) : st.verb_start]
        )
    ]
    if before:
        st = max(before, key=lambda st: st.verb_start)
        return st.speaker_id, st.speaker, st.attribution, st.basis
    return None
