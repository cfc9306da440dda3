"""Direct quotes and attributed statements: who said what, with which verb."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .attribution import last_person
from .mentions import Mention
from .names import TITLE_WORDS
from .speakers import TAIL, document_owner, passive_agent, phrase_after, role_before, title_before
from .subjects import first_conjunct, object_of_role, subject_before_apposition
from .verbs import AS_VERBS, NEGATION, NOUN_LEMMAS, QUOTE_VERBS, VERB_LEMMAS, VERBS

_PARTICIPLE = re.compile(r"ing$")
# Words allowed between a subject and its verb ("Russia has strongly condemned").
_GAP = re.compile(
    r"^\)?(?:,(?=\s+(?:has|have|had|also|then|later)\b))?(?:\s+(?:government|administration|authorities|leadership|military|army|cabinet|parliament|presidency|movement|rebels|militia|forces|"
    r"report|study|investigation|inquiry|review|statement))?"
    r"(?:\s*,[^,.;:]{1,80},)?(?:\s+(?:has|have|had|also|strongly|repeatedly|publicly|previously|already|firmly|"
    r"initially|officially|privately|recently|formally|finally|eventually|separately|jointly|allegedly|"
    r"apparently|originally|ultimately|personally|immediately|earlier|"
    r"again|is|was|are|were|been|being|would|will|did|does|do|not|then|later|quickly|sharply|openly|flatly|"
    r"explicitly|reportedly|once|further|subsequently|swiftly|angrily|(?:went|goes|going)\s+on\s+to))*\s+$"
)
_COORDINATED = re.compile(r"(?:,\s*|\s+)(?:and|but|or)(?:\s+(?:has|have|had|also|then|later|further))*\s+$")
_AFTER_COMMA = re.compile(r"^\s*,\s*$|^\s*,?\s+(?:while|before|after|and)\s+$")
_PRONOUN = re.compile(r"(?:^|\s)(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)$")
_CONTENT_STOP = re.compile(r",\s+(?:though|although|but|while|whereas|with|as|even as)\b|;\s")
_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"))
_QUOTE_TRIM = ".,;: "


@dataclass
class Quote:
    start: int
    end: int
    speaker: Mention | None


@dataclass
class Statement:
    speaker_id: str
    speaker: str
    attribution: str
    verb: str
    lemma: str
    start: int
    end: int
    direct: bool = False
    basis: str = ""
    negated: bool = False
    verb_start: int = -1


def find_quotes(text: str, paragraph_ends: list[int]) -> list[tuple[int, int]]:
    """Spans of the words inside quotation marks (marks and trailing ``.,`` left out).

    A quote never runs past its paragraph; an opening mark without a closing one is ignored.
    """
    spans = []
    for opening, closing in _QUOTE_PAIRS:
        position = 0
        while True:
            start = text.find(opening, position)
            if start < 0:
                break
            index = bisect.bisect_left(paragraph_ends, start + 1)
            limit = paragraph_ends[index] if index < len(paragraph_ends) else len(text)
            line_end = text.find("\n", limit)  # a closing mark after a no-break space still belongs here
            limit = line_end if line_end >= 0 else len(text)
            end = text.find(closing, start + 1, limit)
            if end < 0:
                position = start + 1
                continue
            inner_start, inner_end = start + 1, end
            while inner_end > inner_start and text[inner_end - 1] in _QUOTE_TRIM:
                inner_end -= 1
            while inner_start < inner_end and text[inner_start] == " ":
                inner_start += 1
            if inner_end > inner_start:
                spans.append((inner_start, inner_end))
            position = end + 1
    return sorted(spans)


def find_statements(
    text: str,
    sentence_spans: list[tuple[int, int]],
    mentions: list[Mention],
    quotes: list[tuple[int, int]],
) -> list[tuple[int, Statement]]:
    """Attributed statements, as (sentence index, statement)."""
    starts = [m.start for m in mentions]
    quote_starts = [q[0] for q in quotes]
    results: list[tuple[int, Statement]] = []
    for index, (s_start, s_end) in enumerate(sentence_spans):
        in_sentence: list[tuple[Statement, re.Match[str]]] = []
        for verb in VERBS.finditer(text, s_start, s_end):
            if _inside_quote(verb.start(), quotes, quote_starts):
                continue
            lemma = VERB_LEMMAS[verb.group()]
            if lemma in AS_VERBS and not re.search(r"\bas\b", text[verb.end() : min(s_end, verb.end() + 120)]):
                continue
            if lemma in QUOTE_VERBS and not _quote_after(verb.end(), s_end, quotes, quote_starts):
                if not (lemma == "call" and re.match(r"\s+(?:for|on)\b", text[verb.end() : verb.end() + 5])):
                    continue
            if lemma == "credit" and not re.search(r"\bwith\b", text[verb.end() : verb.end() + 60]):
                continue
            if lemma in NOUN_LEMMAS and not (
                re.search(r"[’']s\s+$", text[max(s_start, verb.start() - 4) : verb.start()])
                and re.match(r"\s+that\b", text[verb.end() : verb.end() + 6])
            ):
                continue
            if lemma == "read" and not _DOCUMENT_NEAR.search(text, max(s_start, verb.start() - 40), verb.end() + 60):
                continue
            if lemma == "rule" and re.match(r"\s+(?:out|over|by)\b", text[verb.end() : verb.end() + 6]):
                continue
            if lemma == "per" and not re.match(r"\s+(?:the\s+)?[A-Z]", text[verb.end() : verb.end() + 7]):
                continue
            speaker = _speaker(text, s_start, verb, mentions, starts, in_sentence, results)
            if speaker is None:
                continue
            negated = NEGATION.search(text, max(s_start, verb.start() - 30), verb.start()) is not None
            speaker_id, name, attribution, basis = speaker
            if lemma == "rule" and not _quote_after(verb.end(), s_end, quotes, quote_starts):
                if attribution != "named" and not re.search(r"(?i)court|judge|tribunal", name):
                    continue
            statement = Statement(
                speaker_id,
                name,
                attribution,
                basis=basis,
                verb=verb.group(),
                lemma=lemma,
                start=verb.end(),
                end=s_end,
                negated=negated,
                verb_start=verb.start(),
            )
            in_sentence.append((statement, verb))
        for number, (statement, verb) in enumerate(in_sentence):
            limit = s_end
            if number + 1 < len(in_sentence):
                limit = _clause_start(text, in_sentence[number + 1], mentions, starts, verb.end())
            _set_content(text, statement, limit)
            if statement.start == statement.end:  # "…, officials said." reports what came before
                comma = text.rfind(",", s_start, verb.start())
                before_quote = bisect.bisect_left(quote_starts, verb.start()) - 1
                if before_quote >= 0 and re.fullmatch(
                    r"[\s.,!?]*[\"”’']?\s*", text[quotes[before_quote][1] : verb.start()]
                ):  # '"…" said Jane Roe per ABC': the quote before the verb
                    statement.start, statement.end = quotes[before_quote]
                elif comma > s_start:
                    statement.start, statement.end = s_start, comma
            if statement.start == statement.end and text[s_start:s_end].rstrip().endswith(":"):
                results.append((index, statement))  # "… issued the following statement:" introduces a quote
                continue
            if statement.start == statement.end:
                continue  # a reporting verb with nothing reported ("…, reports suggest.")
            first_quote = bisect.bisect_left(quote_starts, statement.start)
            statement.direct = first_quote < len(quotes) and quotes[first_quote][0] < statement.end
            results.append((index, statement))
    return results


def _quote_after(position: int, limit: int, quotes: list[tuple[int, int]], quote_starts: list[int]) -> bool:
    index = bisect.bisect_left(quote_starts, position)
    return index < len(quotes) and quotes[index][0] < limit


def _inside_quote(position: int, quotes: list[tuple[int, int]], quote_starts: list[int]) -> bool:
    index = bisect.bisect_right(quote_starts, position) - 1
    return index >= 0 and quotes[index][0] <= position < quotes[index][1]


def _speaker(text, s_start, verb, mentions, starts, in_sentence, earlier):
    """(speaker_id, speaker, attribution, basis) for the verb, or None if nobody can be named."""
    before = bisect.bisect_left(starts, verb.start()) - 1
    lemma = VERB_LEMMAS[verb.group()]
    if lemma in ("according to", "attributable to", "per"):
        found = _after_preposition(text, verb, mentions, starts, s_start)
        if found is None and lemma != "per":
            found = phrase_after(text, verb.end(), mentions, starts, _from_mention)
        return found
    if lemma in NOUN_LEMMAS:  # "President Biden's announcement that …"
        owner_end = text.rfind("s", s_start, verb.start()) - 1
        if before >= 0 and mentions[before].end == owner_end:
            return _from_mention(mentions[before], "owner of the announcement")
        return None
    agent = passive_agent(text, verb.end(), mentions, starts, _from_mention)
    if agent is not None:
        return agent
    owner = document_owner(text, s_start, verb.start(), mentions, starts, _from_mention)
    if owner is not None:
        return owner
    if before >= 0 and mentions[before].end > s_start and not object_of_role(text, mentions[before]):
        mention = mentions[before]
        if _GAP.match(text[mention.end : verb.start()]):
            owner = _owner_of_complement(text, mentions, before, s_start)
            return _from_mention(owner or first_conjunct(text, mentions, before, s_start), "named before verb")
    subject = subject_before_apposition(text, s_start, verb.start(), mentions, starts)
    if subject is not None:
        return _from_mention(subject, "named before verb")
    gap_start = s_start if not in_sentence else in_sentence[-1][1].end()
    head = text[max(s_start, verb.start() - 60) : verb.start()]
    if in_sentence and (_COORDINATED.search(head) or (_PARTICIPLE.search(verb.group()) and re.search(r",\s*$", head))):
        previous = in_sentence[-1][0]
        return previous.speaker_id, previous.speaker, previous.attribution, previous.basis
    window = max(s_start, verb.start() - 40)
    pronoun = _PRONOUN.search(TAIL.sub("", text[window : verb.start()].rstrip()))
    if pronoun and _GAP.match(" " + text[verb.start() - 1 : verb.start()]):
        person = last_person(text, mentions, before, s_start, window + pronoun.start("pronoun"))
        if person is not None:
            return _from_mention(person, "pronoun -> previous person")
        return None
    anonymous = role_before(text, s_start, verb.start()) or title_before(text, s_start, verb.start())
    if anonymous is not None:
        return anonymous
    after = bisect.bisect_left(starts, verb.end())
    if after < len(mentions) and (
        _TITLES_GAP.fullmatch(text, verb.end(), mentions[after].start)
        or mentions[after].actor.kind == "person"
        and _DESCRIBED_GAP.fullmatch(text, verb.end(), mentions[after].start)
    ):
        if lemma in _INVERTED and re.search(r"[,”\"]\s*$", text[gap_start : verb.start()]):
            return _from_mention(_head_of_phrase(text, mentions, after), "named after verb")
    if (
        _PARTICIPLE.search(verb.group())
        and before >= 0
        and mentions[before].start >= s_start
        and re.search(r",\s*$", head)
    ):
        first = bisect.bisect_left(starts, s_start)
        subject = _head_of_phrase(text, mentions, first)
        if re.fullmatch(r"(?:[A-Z][\w.]*\s+|the\s+|The\s+|of\s+){0,6}", text[s_start : mentions[first].start]):
            if subject.actor.kind in ("person", "organisation", "state", "group"):
                return _from_mention(subject, "subject of the sentence")
    return None


_TITLES_GAP = re.compile(
    r"\s+(?:(?:" + "|".join(sorted(map(re.escape, TITLE_WORDS), key=len, reverse=True)) + r"|of|the)\s+){0,4}"
)
#: '"…," tweeted former thinktank executive Jane Roe': lower-case descriptors before a person's name.
_DESCRIBED_GAP = re.compile(
    r"\s+(?:the\s+|an?\s+)?(?:(?!(?:to|by|with|for|from|about|on|at|in|after|before|close|near|and|or)\s)"
    r"[a-z][\w-]*\s+){1,4}"
)
_DOCUMENT_NEAR = re.compile(r"\b(?:statement|ruling|judgment|judgement|letter|decision|opinion|order|text|report)\b")
#: Verbs that may come before their speaker ("…," said Hale).
_INVERTED = frozenset(
    "say add tell write ask continue explain note conclude reply remark comment state read tweet "
    "insist warn argue recall observe".split()
)


def _head_of_phrase(text: str, mentions: list[Mention], index: int) -> Mention:
    """In "US Secretary of State Jane Roe" or "UCL astronomer Jane Roe", the person the phrase names."""
    head = mentions[index]
    for following in mentions[index + 1 : index + 4]:
        if not re.fullmatch(r"[’']?s?\s+(?:[A-Za-z][\w-]*\s+){0,4}", text[head.end : following.start]) or re.search(
            r"\b(?:and|or|said|says|told)\b", text[head.end : following.start]
        ):
            break
        head = following
        if following.actor.kind == "person":
            return following
    return mentions[index] if head.actor.kind != "person" else head


def _after_preposition(text, verb, mentions, starts, s_start):
    """ "according to Reuters", "attributable to Spokesperson Jane Roe", "according to him"."""
    after = bisect.bisect_left(starts, verb.end())
    if after < len(mentions) and re.fullmatch(
        r"\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?(?:[A-Z][\w.]*\s+){0,3}", text[verb.end() : mentions[after].start]
    ):
        return _from_mention(_head_of_phrase(text, mentions, after), "named after verb")
    if (
        after < len(mentions)
        and re.fullmatch(r"\s+(?:[A-Za-z][\w.-]*\s+){1,4}", text[verb.end() : mentions[after].start])
        and mentions[after].actor.kind == "person"
        and re.match(r"[\s.,;:]", text[mentions[after].end : mentions[after].end + 1] or ".")
    ):
        return _from_mention(mentions[after], "named after verb")
    if re.match(r"\s+(?:him|her)\b", text[verb.end() : verb.end() + 5]):
        before = bisect.bisect_left(starts, verb.start()) - 1
        person = last_person(text, mentions, before, s_start, verb.start())
        if person is not None:
            return _from_mention(person, "pronoun -> previous person")
    return None


def _owner_of_complement(text, mentions, index, s_start):
    """In "Yvette Cooper of the Labour Party added", the speaker is Cooper, not the party."""
    if index < 1:
        return None
    previous = mentions[index - 1]
    if (
        previous.start >= s_start
        and previous.actor.kind == "person"
        and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[previous.end : mentions[index].start])
    ):
        return previous
    return None


def _from_mention(mention: Mention, basis: str) -> tuple[str, str, str, str]:
    """A person named by name is on the record; a role ("Putin’s spokesman") speaks for an institution."""
    actor = mention.actor
    if mention.form == "role noun":
        return actor.actor_id, actor.name, "anonymous", "role noun"
    by_role = mention.form == "role" or "’s " in actor.name or "'s " in actor.name
    attribution = "named" if actor.kind == "person" and not by_role else "institutional"
    return actor.actor_id, actor.name, attribution, basis


def _clause_start(text, following, mentions, starts, floor) -> int:
    """Where the clause of the next statement in the sentence begins (its subject, or 'and')."""
    statement, verb = following
    position = verb.start()
    index = bisect.bisect_left(starts, position) - 1
    if index >= 0 and mentions[index].start >= floor and _GAP.match(text[mentions[index].end : position]):
        position = mentions[index].start
    head = text[floor:position]
    joint = re.search(r"(?:,?\s+(?:and|but|or|with)(?:\s+(?:has|have|had|its|the))*\s*|,\s*)$", head)
    if joint:
        position = floor + joint.start()
    return max(position, floor)


def _set_content(text: str, statement: Statement, limit: int) -> None:
    start, end = statement.start, limit
    stop = _CONTENT_STOP.search(text, start, end)
    if stop:
        end = stop.start()
    lead = re.match(r"\s*(?:that\s+|:\s*|,\s*)?", text[start : min(end, start + 12)])
    start += lead.end() if lead else 0
    while end > start and (text[end - 1] in " ,;:" or (text[end - 1] == "." and text[end - 2 : end] != "..")):
        end -= 1
    statement.start, statement.end = start, max(start, end)
