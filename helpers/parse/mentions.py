"""Find every mention of an actor: names, adjectives, capitals, titles, roles and possessives."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import Actor, Lexicon, trie_regex
from .names import find_names
from .speakers import role_span
from .verbs import SPEECH_AFTER_NAME, VERBS

# Titles written before a person's name ("President Joe Biden", "Mr. Finer").
TITLES = (
    "President-elect",
    "President",
    "Vice President",
    "Prime Minister",
    "Premier",
    "Chancellor",
    "Foreign Minister",
    "Defence Minister",
    "Defense Minister",
    "Minister",
    "Secretary of State",
    "Secretary of Defence",
    "Secretary of Defense",
    "Secretary-General",
    "Secretary General",
    "Secretary",
    "Senator",
    "Sen.",
    "Representative",
    "Rep.",
    "Governor",
    "Gov.",
    "General",
    "Gen.",
    "Admiral",
    "Adm.",
    "Colonel",
    "Col.",
    "Commander",
    "Mayor",
    "Speaker",
    "Ambassador",
    "Judge",
    "Justice",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Sheikh",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Prof",
    "Prof.",
)
# Lower-case roles written before a name ("national security adviser Jon Finer").
ROLES = (
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press secretary",
    "adviser",
    "advisor",
    "minister",
    "secretary",
    "envoy",
    "ambassador",
    "director",
    "chief",
    "commander",
    "official",
    "analyst",
    "professor",
    "correspondent",
    "chairman",
    "chairwoman",
    "leader",
    "president",
    "governor",
    "mayor",
    "general",
    "lawmaker",
    "senator",
    "diplomat",
    "negotiator",
)
_NAME_TOKEN = r"(?!(?:Mr|Mrs|Ms|Dr|Prof)\b)(?:[A-Z][\w-]*(?:[’'][A-Z][\w-]*)?|[A-Z]\.)"
_NAME = rf"{_NAME_TOKEN}(?:[ \t]+(?:{_NAME_TOKEN}|de|van|von|bin|al-\w+)){{0,3}}"
_TITLE_RE = trie_regex(list(TITLES))
_PERSON = re.compile(
    rf"\b(?:{_TITLE_RE}|{trie_regex(list(ROLES))}(?:[ \t]+{_TITLE_RE})?)[ \t]+(?P<name>{_NAME})(?![\w])"
)
# Words that follow a title but are not names ("General Assembly", "President of …").
_NOT_NAMES = frozenset(
    "Assembly Staff Council House Department Ministry Office Court Election Administration Government "
    "Committee Affairs Board Secretariat Elect Obama's Trump's".split()
)
# "<owner>’s spokesman": an actor known by a role, not a name.
_OWNED_ROLES = re.compile(
    r"(?:[’']s)\s+(?P<role>spokesman|spokeswoman|spokesperson|press secretary|foreign minister|"
    r"defen[cs]e minister|ambassador|envoy|chief of staff|(?:[a-z]+\s+){1,2}officer)\b"
)
#: "a Woolworths spokesperson": an organisation's spokesperson without a possessive.
_ORG_ROLES = re.compile(r"\s+(?P<role>spokesman|spokeswoman|spokesperson)\b")
#: "the Trump administration": a person's government.
_ADMINISTRATION = re.compile(r"[ \t]+administration\b")
# "its foreign ministry", "Russia’s defence ministry", "the Russian foreign ministry".
_MINISTRY = re.compile(r"\b(?P<which>[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior) [Mm]inistry\b")
_PLACE = re.compile(r"(?<![\w])(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?) (?:region|oblast|province)(?![\w])")


@dataclass
class Mention:
    actor: Actor
    start: int
    end: int
    form: str  # name, adjective, capital, institution, title, role, surname, place


def slug(text: str) -> str:
    """``"Jon Finer"`` → ``"jon_finer"``: a readable id for actors the registry does not know."""
    value = re.sub(r"[^0-9a-z]+", "_", text.lower().replace("’", "").replace("'", "")).strip("_")
    return value or "unknown"


def find_mentions(text: str, lexicon: Lexicon) -> list[Mention]:
    """All actor mentions in ``text``, non-overlapping, in text order (longest match wins)."""
    candidates: list[Mention] = []
    persons = _find_titled_persons(text, lexicon, candidates)
    candidates.extend(_find_aliases(text, lexicon))
    candidates.extend(_find_surnames(text, lexicon, persons))
    candidates.extend(_find_places(text, lexicon))
    mentions = _resolve_overlaps(candidates)
    mentions = _add_names(text, lexicon, mentions, persons)
    mentions.extend(_find_titles_alone(text, mentions))
    mentions = _resolve_overlaps(mentions)
    mentions = _attach_roles(text, mentions)
    mentions.extend(_find_ministries(text, mentions))
    mentions.extend(_find_role_speakers(text, mentions))
    mentions = _resolve_overlaps(mentions)
    for mention in mentions:  # the curated registry names actors the rules found
        mention.actor = lexicon.actors.get(mention.actor.actor_id, mention.actor)
    return mentions


def _find_titled_persons(text: str, lexicon: Lexicon, out: list[Mention]) -> dict[str, Actor]:
    persons: dict[str, Actor] = {}
    for match in _PERSON.finditer(text):
        name = match.group("name")
        tokens = name.split()
        while tokens and tokens[-1] in _NOT_NAMES:
            tokens.pop()
        if not tokens or tokens[0] in _NOT_NAMES or lexicon.aliases.get(tokens[0]) and len(tokens) == 1:
            known = lexicon.person_by_name(tokens[0]) if tokens else None
            if known is None:
                continue
        name = " ".join(tokens)
        actor = lexicon.person_by_name(name) or lexicon.person_by_name(tokens[-1])
        if actor is None:
            actor = persons.get(name) or Actor(slug(name), name, "person")
        persons[name] = actor
        if len(tokens) > 1:
            persons.setdefault(tokens[-1], actor)
        start = match.start("name")
        out.append(Mention(actor, start, start + len(name), "title"))
    return persons


def _add_names(text: str, lexicon: Lexicon, mentions: list[Mention], persons: dict[str, Actor]) -> list[Mention]:
    """Add the people and organisations :mod:`names` recognises; an institution's full name wins
    over a place or adjective inside it ("Saudi Press Agency"), a person's name over nothing."""

    def is_alias(word: str) -> bool:
        return word in lexicon.aliases

    def verb_after(position: int) -> bool:
        return SPEECH_AFTER_NAME.match(text, position, min(len(text), position + 60)) is not None

    found = find_names(text, is_alias, verb_after)
    if not found:
        return mentions
    starts = [m.start for m in mentions]
    new: list[Mention] = []
    organisations: dict[str, Actor] = {}
    for name in found:
        low = bisect.bisect_left(starts, name.start - 80)
        high = bisect.bisect_left(starts, name.end, low)
        inside = [m for m in mentions[low:high] if m.end > name.start]
        if name.kind == "person":
            if inside:
                continue
            actor = (
                lexicon.person_by_name(name.name)
                or persons.get(name.name)
                or Actor(slug(name.name), name.name, "person")
            )
            persons[name.name] = actor
            persons.setdefault(name.name.split()[-1], actor)
            new.append(Mention(actor, name.start, name.end, "name"))
            continue
        if any(
            (m.actor.kind == "person" and name.basis != "institution word") or m.start < name.start or m.end > name.end
            for m in inside
        ):
            continue
        surname_of = persons.get(name.name) if name.basis == "subject of a reporting verb" else None
        actor = (
            surname_of
            or lexicon.aliases.get(name.name)
            or organisations.get(name.name)
            or Actor(slug(name.name), name.name, "organisation")
        )
        organisations[name.name] = actor
        new.append(Mention(actor, name.start, name.end, "surname" if surname_of else "name"))
    kept_spans = sorted((m.start, m.end) for m in new if m.actor.kind == "organisation")
    span_starts = [a for a, _ in kept_spans]
    result = []
    for m in mentions:
        k = bisect.bisect_right(span_starts, m.start) - 1
        covered = [(a, b) for a, b in kept_spans[max(0, k - 3) : k + 1] if a <= m.start and m.end <= b]
        if not any((a, b) != (m.start, m.end) for a, b in covered):
            result.append(m)
    result.extend(new)
    result.extend(_find_surnames(text, lexicon, {k: v for k, v in persons.items() if " " not in k}))
    return _resolve_overlaps(result)


_TITLE_ALONE = re.compile(
    r"\b[Tt]he (?P<title>President|Secretary|Prime Minister|Chancellor|Premier|Governor|Mayor|Minister)\b(?! of\b|[-’'])"
)


def _find_titles_alone(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "the President" names the person the article calls President; else an actor "the President"."""
    holders: dict[str, Actor] = {}
    titled = [m for m in mentions if m.actor.kind == "person" and m.form in ("title", "name")]
    found = []
    next_titled = 0
    for match in _TITLE_ALONE.finditer(text):
        title = match.group("title")
        while next_titled < len(titled) and titled[next_titled].start <= match.start():
            m = titled[next_titled]
            next_titled += 1
            before = re.search(
                r"\b(President|Secretary|Prime Minister|Chancellor|Premier|Governor|Mayor|Minister)"
                r"[ \t]+(?:of State[ \t]+)?$",
                text[max(0, m.start - 40) : m.start],
            )
            if before:
                holders[before.group(1)] = m.actor
        actor = holders.get(title) or Actor(slug("the " + title), "the " + title, "person")
        found.append(Mention(actor, match.start(), match.end(), "title"))
    return found


def _find_aliases(text: str, lexicon: Lexicon) -> list[Mention]:
    found = []
    for match in lexicon.pattern().finditer(text):
        alias = match.group()
        if alias not in lexicon.aliases:  # a blocking phrase such as "Latin America"
            continue
        found.append(Mention(lexicon.aliases[alias], match.start(), match.end(), lexicon.forms[alias]))
    return found


def _find_surnames(text: str, lexicon: Lexicon, persons: dict[str, Actor]) -> list[Mention]:
    names = {name: actor for name, actor in persons.items() if name not in lexicon.aliases}
    if not names:
        return []
    pattern = re.compile(
        r"(?<![\w])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w])"
    )
    return [Mention(names[m.group()], m.start(), m.end(), "surname") for m in pattern.finditer(text)]


def _find_places(text: str, lexicon: Lexicon) -> list[Mention]:
    found = []
    for match in _PLACE.finditer(text):
        name = match.group("name")
        known = lexicon.aliases.get(name)
        if known is not None and known.kind != "place":
            continue
        actor = known or Actor(slug(name), match.group(), "place")
        found.append(Mention(actor, match.start(), match.end(), "place"))
    return found


def _resolve_overlaps(candidates: list[Mention]) -> list[Mention]:
    ordered = sorted(candidates, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in ordered:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _attach_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """Turn ``Putin`` + ``’s spokesman`` into one mention of the actor "Putin’s spokesman"."""
    result = []
    for mention in mentions:
        match = _OWNED_ROLES.match(text, mention.end, min(len(text), mention.end + 40))
        if match is None and mention.actor.kind == "organisation":
            match = _ORG_ROLES.match(text, mention.end, min(len(text), mention.end + 20))
        if match is None and mention.actor.kind == "person" and _ADMINISTRATION.match(text, mention.end):
            end = _ADMINISTRATION.match(text, mention.end).end()  # type: ignore[union-attr]
            name = mention.actor.name.split()[-1] + " administration"
            result.append(Mention(Actor(slug(name), name, "organisation"), mention.start, end, "institution"))
            continue
        if match is None or mention.actor.kind not in ("person", "state", "organisation"):
            result.append(mention)
            continue
        role = match.group("role")
        owner = mention.actor.name.split()[-1] if mention.actor.kind == "person" else mention.actor.name
        joint = "'s " if text[mention.end : mention.end + 1] in "’'" else " "
        actor = Actor(f"{mention.actor.actor_id}_{slug(role)}", f"{owner}{joint}{role}", "person")
        result.append(Mention(actor, mention.start, match.end(), "role"))
    return result


#: Role nouns that name documents, not actors ("reports suggest").
_NOT_ROLE_ACTORS = re.compile(r"(?i)(?:reports?|statement|sources?)$")


def _find_role_speakers(text: str, mentions: list[Mention]) -> list[Mention]:
    """Unnamed speakers as actors: "Officials said", "Residents there told", "the government asked".
    A phrase that holds a named actor ("the Russian government") is left to that actor."""
    found = []
    ends = sorted(m.end for m in mentions)
    for verb in VERBS.finditer(text):
        floor = max(0, verb.start() - 80)
        line = max(floor - 1, *(text.rfind(p, floor, verb.start()) for p in ("\n", ". ", "? ", "! ")))
        span = role_span(text, line + 1, verb.start())
        if span is None:
            continue
        start, end, plural = span
        phrase = text[start:end]
        if _NOT_ROLE_ACTORS.search(phrase) or "\n" in phrase:
            continue
        index = bisect.bisect_right(ends, start)
        if index < len(ends) and ends[index] <= end + 0 and ends[index] > start:
            continue
        name = re.sub(r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Ss]ome)\s+", "", phrase)
        name = name[0].upper() + name[1:]
        actor_id = "unnamed_sources" if plural else "unnamed_" + slug(name)
        found.append(Mention(Actor(actor_id, name, "group"), start, end, "role noun"))
    return found


def _find_ministries(text: str, mentions: list[Mention]) -> list[Mention]:
    """Ministries belong to the state named just before them: "its foreign ministry" → Russia's."""
    states = [m for m in mentions if m.actor.kind == "state"]
    ends = [m.end for m in states]
    found = []
    for match in _MINISTRY.finditer(text):
        index = bisect.bisect_right(ends, match.start()) - 1
        if index < 0 or match.start() - states[index].end > 200:
            continue
        owner = states[index]
        between = text[owner.end : match.start()]
        if "\n" in between or re.search(r"[.!?]\s", between):
            continue
        which = match.group("which").lower()
        start = match.start()
        if re.fullmatch(r"(?:[’']s)?\s+", between):
            start = owner.start
        prefix = re.search(r"(?:\b[Ii]ts|\b[Tt]heir)\s+$", text[max(0, start - 8) : start])
        if prefix:
            start -= len(prefix.group())
        actor = Actor(
            f"{owner.actor.actor_id}_{slug(which)}_ministry",
            f"{which.capitalize()} ministry of {owner.actor.name}",
            "organisation",
        )
        found.append(Mention(actor, start, match.end(), "institution"))
    return found
