"""Direct quotes and attributed statements: who said what, with which verb."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import trie_regex
from .mentions import Mention

# Reporting verbs in the forms the parser accepts. "sees"/"views" count only in "sees X as Y".
_VERB_STEMS = {
    "say": "say says said saying", "tell": "tell tells told telling",
    "warn": "warn warns warned warning", "accuse": "accuse accuses accused accusing",
    "suggest": "suggest suggests suggested suggesting", "state": "states stated stating",
    "emphasize": "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising",
    "promise": "promise promises promised promising", "claim": "claim claims claimed claiming",
    "indicate": "indicate indicates indicated indicating", "condemn": "condemn condemns condemned condemning",
    "announce": "announce announces announced announcing", "add": "added adding",
    "note": "noted noting", "insist": "insist insists insisted insisting", "deny": "deny denies denied denying",
    "argue": "argue argues argued arguing", "vow": "vow vows vowed vowing",
    "threaten": "threaten threatens threatened threatening", "declare": "declare declares declared declaring",
    "stress": "stresses stressed stressing", "confirm": "confirm confirms confirmed confirming",
    "acknowledge": "acknowledge acknowledges acknowledged acknowledging",
    "pledge": "pledge pledges pledged pledging", "urge": "urge urges urged urging",
    "criticise": "criticise criticises criticised criticising criticize criticizes criticized criticizing",
    "welcome": "welcomed welcoming", "describe": "describe describes described describing",
    "reply": "replied", "respond": "responded", "explain": "explain explains explained explaining",
    "view": "views viewed", "see": "sees saw",
}
VERB_LEMMAS = {form: lemma for lemma, forms in _VERB_STEMS.items() for form in forms.split()}
_VERBS = re.compile(r"\b(?<![’'-])(?:" + trie_regex(sorted(VERB_LEMMAS)) + r")\b(?![’'-])")
_AS_VERBS = {"see", "view", "describe"}
_PARTICIPLE = re.compile(r"ing$")
# Words allowed between a subject and its verb ("Russia has strongly condemned").
_GAP = re.compile(
    r"^(?:\s+(?:government|administration|authorities|leadership|military|army|cabinet|parliament|presidency))?"
    r"(?:\s*,[^,.;:]{1,80},)?(?:\s+(?:has|have|had|also|strongly|repeatedly|publicly|previously|already|firmly|"
    r"again|is|was|are|were|been|being|would|will|did|does|do|not|then|later|quickly|sharply|openly|flatly|"
    r"explicitly|reportedly|once|further|subsequently|swiftly|angrily))*\s+$"
)
_COORDINATED = re.compile(r"(?:,\s*|\s+)(?:and|but|or)(?:\s+(?:has|have|had|also|then|later|further))*\s+$")
_AFTER_COMMA = re.compile(r"^\s*,\s*$|^\s*,?\s+(?:while|before|after|and)\s+$")
_PRONOUN = re.compile(r"(?:^|\s)(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)$")
_ANONYMOUS = re.compile(
    r"(?P<who>(?:(?:[A-Z][\w-]*|[a-z]+)\s+){0,2}(?:reports|sources|officials|diplomats|analysts|experts|"
    r"observers|media|insiders|commentators|critics|witnesses|residents|activists|opponents|supporters))$"
)
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
        for verb in _VERBS.finditer(text, s_start, s_end):
            if _inside_quote(verb.start(), quotes, quote_starts):
                continue
            lemma = VERB_LEMMAS[verb.group()]
            if lemma in _AS_VERBS and not re.search(r"\bas\b", text[verb.end() : min(s_end, verb.end() + 120)]):
                continue
            speaker = _speaker(text, s_start, verb, mentions, starts, in_sentence, results)
            if speaker is None:
                continue
            statement = Statement(*speaker, verb=verb.group(), lemma=lemma, start=verb.end(), end=s_end)
            in_sentence.append((statement, verb))
        for number, (statement, verb) in enumerate(in_sentence):
            limit = s_end
            if number + 1 < len(in_sentence):
                limit = _clause_start(text, in_sentence[number + 1], mentions, starts, verb.end())
            _set_content(text, statement, limit)
            if statement.start == statement.end:  # "…, officials said." reports what came before
                comma = text.rfind(",", s_start, verb.start())
                if comma > s_start:
                    statement.start, statement.end = s_start, comma
            if statement.start == statement.end:
                continue  # a reporting verb with nothing reported ("…, reports suggest.")
            first_quote = bisect.bisect_left(quote_starts, statement.start)
            statement.direct = first_quote < len(quotes) and quotes[first_quote][0] < statement.end
            results.append((index, statement))
    return results


def _inside_quote(position: int, quotes: list[tuple[int, int]], quote_starts: list[int]) -> bool:
    index = bisect.bisect_right(quote_starts, position) - 1
    return index >= 0 and quotes[index][0] <= position < quotes[index][1]


def _speaker(text, s_start, verb, mentions, starts, in_sentence, earlier):
    """(speaker_id, speaker, attribution) for the verb, or None if nobody can be named."""
    before = bisect.bisect_left(starts, verb.start()) - 1
    if before >= 0 and mentions[before].end > s_start:
        mention = mentions[before]
        if _GAP.match(text[mention.end : verb.start()]):
            return _from_mention(mention)
    gap_start = s_start if not in_sentence else in_sentence[-1][1].end()
    head = text[max(s_start, verb.start() - 60) : verb.start()]
    if in_sentence and (_COORDINATED.search(head) or (_PARTICIPLE.search(verb.group()) and re.search(r",\s*$", head))):
        previous = in_sentence[-1][0]
        return previous.speaker_id, previous.speaker, previous.attribution
    pronoun = _PRONOUN.search(text[max(s_start, verb.start() - 40) : verb.start()].rstrip() + "")
    if pronoun and _GAP.match(" " + text[verb.start() - 1 : verb.start()]):
        person = _last_person(mentions, before, s_start, earlier)
        if person is not None:
            return _from_mention(person)
    anonymous = _ANONYMOUS.search(text[max(s_start, verb.start() - 60) : verb.start()].rstrip())
    if anonymous and text[max(s_start, verb.start() - 60) : verb.start()].endswith(" "):
        who = anonymous.group("who")
        return "unnamed_sources", who[0].upper() + who[1:], "anonymous"
    after = bisect.bisect_left(starts, verb.end())
    if after < len(mentions) and re.fullmatch(r"\s+", text[verb.end() : mentions[after].start] or "x"):
        if mentions[after].start < verb.end() + 3 and re.search(r"[,”\"]\s*$", text[gap_start : verb.start()]):
            return _from_mention(mentions[after])
    return None


def _last_person(mentions: list[Mention], before: int, s_start: int, earlier) -> Mention | None:
    for mention in reversed(mentions[: before + 1]):
        if mention.actor.kind == "person":
            return mention
    return None


def _from_mention(mention: Mention) -> tuple[str, str, str]:
    """A person named by name is on the record; a role ("Putin’s spokesman") speaks for an institution."""
    actor = mention.actor
    by_role = mention.form == "role" or "’s " in actor.name or "'s " in actor.name
    attribution = "named" if actor.kind == "person" and not by_role else "institutional"
    return actor.actor_id, actor.name, attribution


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
