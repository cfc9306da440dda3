"""Names the lexicon does not know: people and organisations recognised by their shape.

A *run* is a sequence of capitalised words on one line ("Brad Tronc", "Office of Foreign Assets
Control", "U.S. Treasury Department"). A run becomes

- an **organisation** when its last word is an institution word ("Department", "University",
  "Agency", …), when it is an acronym ("NASA"), or when an acronym is defined after it in
  parentheses; "University of Montreal" and "Department of Health and Human Services" join their
  parts across "of"/"for"/"and";
- a **person** when it looks like a name (2–4 name words, no institution or function word) *and*
  something in the text says so: a middle initial or suffix (``Antony J. Blinken``, ``Jr.``), a
  lower-case descriptor just before it (``coach Brad Tronc``), a possessive owner (``BBC's Jane
  Roe``), an apposition after it (``Ann Moore, a judge``), a reporting verb next to it, or its
  surname used alone elsewhere (``Tronc said``);
- a one-word **organisation** when it is the subject of a reporting verb ("Woolworths said").

Everything else (places, events, headlines) is left out: a missing actor is better than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .name_shapes import media_end, person_evidence_around, single_word_organisation

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
_DOMAIN = r"(?:\.(?:com|org|net|co|au|uk|ru|io|info|news))+"
_WORD = rf"[{UPPER}][{UPPER}{LOWER}0-9-]*{_DOMAIN}(?![\w.])|(?:[{UPPER}]\.){{2,}}|[{UPPER}]\.(?=[ \t])|(?:Jr|Sr|St|Mt)\.|[{UPPER}](?:[{UPPER}{LOWER}0-9&–-]|[’'](?=[{UPPER}{LOWER}]{{2}}))*[{UPPER}{LOWER}0-9]|[{UPPER}]"
_PARTICLE = r"(?:bin|ibn|al|el|van|von|de|da|di|du|der|den|dos|das|la|le)"
_RUN = re.compile(rf"(?<![\w.’'-])(?:{_WORD})(?:[ \t]{{1,2}}(?:{_PARTICLE}[ \t]+)?(?:{_WORD}))*(?![\w-])(?![’']\w\w)")
_JOIN = re.compile(r"[ \t]+(?:of|for|and|on|of the|for the|&)[ \t]+")
_ACRONYM_AFTER = re.compile(rf"[ \t]*\((?P<acronym>[{UPPER}][{UPPER}0-9&]{{1,7}})\)")

#: Last words that make a capitalised run an institution.
ORG_HEADS = frozenset(
    """Department Ministry Agency Administration Council Group Committee Office Service Services Command
    Parliament Senate Treasury University College Institute Center Centre Association Organization
    Organisation Union Party Court Commission Bank Company Corporation Corp Inc Ltd LLC Foundation Fund
    Authority Bureau Board Force Forces Army Navy Police Assembly Congress Coalition Federation League
    Network News Times Post Journal Press Herald Telegraph Tribune Magazine Library Holdings Airlines Media
    Guard Society Academy Hospital Club Industries Laboratory Laboratories Paper Cabinet Government
    Secretariat Directorate Inspectorate Prosecutor's Movement Front Brigade Brigades Battalion Regiment
    Division Corps Alliance Institution Observatory Program Programme Project Council Tribunal Registry
    Chamber Commons Lords Reserve Exchange Trust Partners Studios Motors House Centers Centres Pentagon""".split()
)
#: Title and role words: a run is split at them ("Foreign Minister Dmytro Kuleba" → "Dmytro Kuleba").
TITLE_WORDS = frozenset(
    """President President-elect Vice Prime Minister Premier Chancellor Secretary Secretary-General Senator
    Sen. Representative Representatives Rep. Governor Gov. General Gen. Admiral Adm. Colonel Col. Commander
    Mayor Speaker Ambassador Judge Justice King Queen Prince Princess Crown Pope Sheikh Mr Mr. Mrs Mrs. Ms
    Ms. Dr Dr. Prof Prof. Professor Deputy Press Foreign Defence Defense Interior Finance Health Home
    Chief Acting Former Assistant Attorney Spokesperson Spokesman Spokeswoman Coach Chairman Chairwoman
    Chairperson Chair Director Lord Lady Sir Dame Officer Captain Sergeant Lieutenant Major Member MP MPs
    Envoy Special Minister-President Emir Ayatollah Rapporteur High Commissioner Commissioner Executive
    Chief State Sheriff Marshal Inspector Superintendent Detective Rev. Reverend Father Bishop Archbishop
    Cardinal Patriarch Rabbi Imam CEO Founder Head Leader Lt. Capt. Sgt. Cmdr. Brig. Gov Pres.""".split()
)
#: Capitalised words that begin sentences or headlines but are not names.
FUNCTION_WORDS = frozenset(
    """The A An In On At For But And Or Nor So Yet This That These Those It Its He She They We I You His Her
    Their Our My Your After Before When While Where Why How What Which Who Whom Whose According Speaking
    However Meanwhile Also As If Since With Without By From To Of Under Over Some Many Most All Both Each
    Every No Not One Two Three Four Five Six Seven Eight Nine Ten Other Another Such Only Even Just Then
    Now Today Tomorrow Yesterday Tonight Here There Because Although Though Unlike Despite During Until
    Upon Into Among Between Across Against Following Per Via Amid Around About Near Beyond Thus Therefore
    Still Already More Less Much First Last Next New Recent Several Few Any Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August September October
    November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Image Photo Read Readout Statement
    Click See Watch Listen Note Update Breaking Earlier Later Once Instead Indeed Overall Finally Further
    Additionally Moreover Yes Okay OK Please Let Do Does Did Is Are Was Were Be Has Have Had Will Would
    Can Could Should Must May Might Shall Those""".split()
) | frozenset(  # contractions that start sentences in speech: "We’ve announced", "I’m not confirming"
    f"{word}{mark}{ending}"
    for word in "I We You They He She It That There Here What Who Let".split()
    for mark in "’'"
    for ending in ("ve", "re", "ll", "d", "m", "s")
)
#: Acronyms that are not actors.
NOT_ACRONYM_ACTORS = frozenset(
    """UTC GMT BST CET EST EDT PST AM PM A.M. P.M. TV GDP COVID SARS MERS HIV AIDS DNA RNA CEO CFO CTO MP MPs
    PhD ID OK USB AI IT PR VIP FAQ PDF URL UK US USA EU UN RSVP AD BC CE BCE KM KG MW GW PPE ICU ER NB PS
    NGO NGOs LGBT LGBTQ MRI CT GPS SMS AKA ETA TBA TBD DIY ASAP OMG RIP II III IV VI VII VIII IX XI XII
    FY Q1 Q2 Q3 Q4 MPH KPH NHS""".split()
)
#: Lower-case words before a name that do not describe the person ("in New York").
_NOT_DESCRIPTORS = frozenset(
    """the a an and or of to in on at by for with from that as than into onto near over under across between
    via outside inside within without about against during before after since until through toward towards
    is are was were be been being has have had do does did will would can could should may might must
    not no yes but so if when while where who whom whose which what this these those their his her its our
    my your some any each every all both either neither per including like unlike upon amid among around
    said says told tell asked added noted""".split()
)


#: Common nouns that speak as a group ("Officials said"): speakers, but not named actors.
_ROLE_NOUNS = frozenset(
    """officials police residents witnesses experts analysts critics authorities scientists researchers
    reports sources doctors prosecutors investigators rescuers protesters lawmakers others many some most
    both everyone nobody survivors relatives neighbours neighbors officers soldiers troops staff workers
    employees students teachers parents fans players voters locals observers diplomats spokespeople""".split()
)


#: A lower-case word that describes a person before their name ("coach", "astronomer", "national").
_DESCRIPTOR = re.compile(
    rf"[{LOWER}-]+(?:er|or|ist|ian|ant|ent|man|woman|person|ee|ée|é|al|ive|ic|ary|crat|ate)|coach|chief|expert|"
    r"judge|envoy|aide|head|boss|star|lawyer|veteran|deputy|wife|husband|son|daughter|mother|father|brother|"
    r"sister|cousin|friend|partner|colleague|rival|fiancé|fiancée|candidate|staff|hero|pilot|chef|nurse|surgeon"
)
#: Institution words that name an actor on their own ("the House", "Parliament").
_LONE_HEADS = frozenset("House Senate Congress Parliament Treasury Pentagon Cabinet Bundestag Knesset Duma".split())


#: "a Woolworths spokesperson": the word before speaks for an organisation.
_SPOKESPERSON_AFTER = re.compile(r"[ \t]+(?:spokes(?:person|man|woman)|representative|executive)\b")
_REPORTING_SHORT = r"(?:said|says|told|added|noted|explained|announced|stated|warned|commented|argued)\b"


@dataclass(frozen=True)
class Name:
    """One recognised name: its span, the text the parser shows, and what kind of actor it is."""

    start: int
    end: int
    name: str
    kind: str  # "person" or "organisation"
    basis: str


def shadow_text(text: str) -> str:
    """The text with ALL-CAPS lines in title case ("ANTONY J. BLINKEN" → "Antony J. Blinken"), same length."""
    if not re.search(rf"[{UPPER}]{{3,}}[ \t]+[{UPPER}]{{3,}}", text):
        return text
    parts = []
    for line in text.split("\n"):
        letters = [ch for ch in line if ch.isalpha()]
        if len(letters) >= 6 and all(ch.isupper() for ch in letters):
            titled = line.title()
            line = titled if len(titled) == len(line) else line
        parts.append(line)
    return "\n".join(parts)


def find_names(text: str, is_alias: Callable[[str], bool], verb_after: Callable[[int], bool]) -> list[Name]:
    """Names in ``text`` (see the module docstring). ``is_alias(word)`` says if the lexicon knows a word;
    ``verb_after(position)`` says if a reporting verb follows at ``position``."""
    shadow = shadow_text(text)
    _ALONE_CACHE.clear()
    runs = _runs(shadow)
    words_lower = None
    names: list[Name] = []
    defined: dict[str, str] = {}
    not_actor_acronyms: set[str] = set()
    last_person: int | None = None
    for start, end, joined in runs:
        tokens = _tokens(shadow, start, end)
        acronym = _ACRONYM_AFTER.match(shadow, end)
        org = _organisation(shadow, tokens, joined, acronym is not None)
        media = media_end(shadow, end) if len(tokens) <= 2 and not joined else -1
        if org is None and media > 0 and shadow[start:end] not in FUNCTION_WORDS and not is_alias(shadow[start:end]):
            org = (start, media)
        if org is not None:
            o_start, o_end = org
            name = shadow[o_start:o_end]
            names.append(Name(o_start, o_end, name, "organisation", "institution word"))
            if acronym:
                defined[acronym.group("acronym")] = name
            continue
        if acronym and len(tokens) >= 2:  # "Army Tactical Missile System (ATACMS)": a thing, not an actor
            not_actor_acronyms.add(acronym.group("acronym"))
        listed = (
            last_person is not None and re.fullmatch(r",[ \t]+(?:and[ \t]+)?", shadow[last_person:start]) is not None
        )
        for p_start, p_end, basis in _persons(shadow, tokens, is_alias, verb_after, listed):
            names.append(Name(p_start, p_end, shadow[p_start:p_end], "person", basis))
            last_person = p_end
        if len(tokens) == 1:
            t_start, t_end = tokens[0]
            word = shadow[t_start:t_end]
            if re.search(_DOMAIN + "$", word):  # "Znak.com", "News.com.au": a news site
                names.append(Name(t_start, t_end, word, "organisation", "web address"))
            elif (
                (_is_acronym(word) or word in defined)
                and word not in not_actor_acronyms
                and not is_alias(word)
                and (len(word) <= 4 or verb_after(t_end) or word in defined)
                and not re.match(r"[ \t]?[-‑–/]?\d|[-‑–/]", shadow[t_end : t_end + 2])
            ):
                names.append(Name(t_start, t_end, defined.get(word, word), "organisation", "acronym"))
            elif (
                word not in FUNCTION_WORDS
                and word not in TITLE_WORDS
                and not is_alias(word)
                and word[-1].isalpha()
                and (
                    verb_after(t_end)
                    or _SPOKESPERSON_AFTER.match(shadow, t_end)
                    or single_word_organisation(shadow, t_start, t_end)
                )
            ):
                if words_lower is None:
                    words_lower = set(re.findall(rf"\b[{LOWER}]+\b", text))
                if word.lower() not in words_lower and word.lower() not in _ROLE_NOUNS:
                    basis = (
                        "subject of a reporting verb"
                        if verb_after(t_end)
                        else single_word_organisation(shadow, t_start, t_end) or "has a spokesperson"
                    )
                    names.append(Name(t_start, t_end, word, "organisation", basis))
    names = [n for n in names if not (n.basis == "acronym" and n.name in not_actor_acronyms)]
    return _back_references(shadow, names)


def _runs(text: str) -> list[tuple[int, int, bool]]:
    """Capitalised runs as (start, end, joined); "of/for/and" join two runs into one institution name
    ("University of Montreal", "Department of Health and Human Services", "Food and Agriculture Organization")."""
    merged: list[tuple[int, int, bool]] = []
    for match in _RUN.finditer(text):
        start, end = match.span()
        if merged:
            p_start, p_end, joined = merged[-1]
            gap = _JOIN.fullmatch(text, p_end, start)
            if gap is not None and text[start:end].split()[0] not in FUNCTION_WORDS:
                joint = text[p_end:start].strip()
                left_words = text[p_start:p_end].split()
                left_head = any(w in ORG_HEADS for w in left_words)
                right_head = _last_word(text, start, end) in ORG_HEADS
                if joint == "and" and text[start:end].split()[0] in ORG_HEADS:
                    pass
                elif (left_head and (joint != "and" or joined)) or (
                    right_head and joint == "and" and len(left_words) == 1
                ):
                    merged[-1] = (p_start, end, True)
                    continue
        merged.append((start, end, False))
    return merged


def _last_word(text: str, start: int, end: int) -> str:
    words = text[start:end].split()
    return words[-1] if words else ""


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


def _organisation(text: str, tokens: list[tuple[int, int]], joined: bool, defines: bool) -> tuple[int, int] | None:
    """The span of the institution named by a run, or None if the run is not one."""
    words = [text[a:b] for a, b in tokens]
    first = 0
    while first < len(words) - 1 and words[first] in FUNCTION_WORDS:
        first += 1
    words, tokens = words[first:], tokens[first:]
    if words[0] in FUNCTION_WORDS:
        return None
    headed = words[-1] in ORG_HEADS or (joined and any(w in ORG_HEADS for w in words))
    if not headed and not (defines and len(words) >= 2 and any(w in ORG_HEADS for w in words)):
        return None
    if len(words) == 1 and (
        words[0] not in _LONE_HEADS or _sentence_start(text, tokens[0][0]) and not _capital_context(text, tokens[0][0])
    ):
        return None  # a lone "Department" is a common noun written with a capital
    return tokens[0][0], tokens[-1][1]


def _capital_context(text: str, start: int) -> bool:
    return bool(re.search(r"\b[Tt]he[ \t]+$", text[max(0, start - 5) : start]))


def _is_acronym(word: str) -> bool:
    bare = word.replace(".", "").replace("&", "")
    return (
        2 <= len(bare) <= 6
        and bare.isupper()
        and word.title() not in FUNCTION_WORDS
        and bare.isalpha()
        and word not in NOT_ACRONYM_ACTORS
        and bare not in NOT_ACRONYM_ACTORS
    )


def _is_name_word(word: str, is_alias) -> bool:
    if word in FUNCTION_WORDS or word in TITLE_WORDS or word in ORG_HEADS or is_alias(word):
        return False
    if re.fullmatch(rf"[{UPPER}]\.", word) or word in ("Jr.", "Sr.", "II", "III", "IV"):
        return True
    return bool(
        re.fullmatch(
            rf"[{UPPER}][{LOWER}’'-]*[{LOWER}]|[{UPPER}][{LOWER}]*[{UPPER}][{LOWER}]+|[{UPPER}]['’][{UPPER}][{LOWER}]+"
            rf"|[{UPPER}][{LOWER}]+-[{UPPER}][{LOWER}]+",
            word,
        )
    )


def _persons(text: str, tokens, is_alias, verb_after, listed: bool = False) -> list[tuple[int, int, str]]:
    """Person names inside one run: the part after the last title word, if it looks like a name."""
    words = [text[a:b] for a, b in tokens]
    cut = 0
    for i, word in enumerate(words):
        if (
            word in TITLE_WORDS
            or word in FUNCTION_WORDS
            or is_alias(word)
            or word.isupper()
            and len(word) > 1
            and "." not in word
        ):
            cut = i + 1
    part = tokens[cut:]
    while part and text[part[-1][0] : part[-1][1]] in ("Jr.", "Sr.") and len(part) == 1:
        part = []
    if not 2 <= len(part) <= 4:
        return []
    names = [text[a:b] for a, b in part]
    if not all(_is_name_word(w, is_alias) for w in names) or re.fullmatch(rf"[{UPPER}]\.", names[-1]):
        return []
    start, end = part[0][0], part[-1][1]
    titled = cut > 0 and words[cut - 1] in TITLE_WORDS
    basis = _person_evidence(text, start, end, names, verb_after, titled)
    if not basis and listed and cut == 0:
        basis = "listed after a person"
    return [(start, end, basis)] if basis else []


def _person_evidence(text: str, start: int, end: int, names: list[str], verb_after, titled: bool) -> str:
    if titled:
        return "title before the name"
    if any(re.fullmatch(r"[A-Z]\.|Jr\.|Sr\.", w) for w in names[1:]):
        return "initial or suffix"
    before = text[max(0, start - 30) : start]
    descriptor = re.search(rf"(?:^|[\s(])(?P<word>[{LOWER}][{LOWER}-]+)[ \t]+$", before)
    if (
        descriptor
        and _DESCRIPTOR.fullmatch(descriptor.group("word"))
        and descriptor.group("word") not in _NOT_DESCRIPTORS
    ):
        return "descriptor before the name"
    if re.search(r"[’']s[ \t]+$", before):
        return "possessive owner before the name"
    if re.search(r"\b(?:said|says|told|according to)[ \t]+$", before):
        return "named after a reporting verb"
    if re.match(rf",[ \t]+(?:a|an|the|who|whose|{_descriptor_word()})\b", text[end : end + 40]):
        return "apposition after the name"
    if verb_after(end):
        return "subject of a reporting verb"
    if len(names) <= 3 and re.match(
        rf"[ \t]+of[ \t]+the[ \t]+[{UPPER}][\w.]*(?:[ \t]+[{UPPER}][\w.]*)*"
        rf"(?:[ \t]+{_REPORTING_SHORT})",
        text[end : end + 80],
    ):
        return "affiliation after the name"
    if len(names[-1]) > 2 and _surname_alone_elsewhere(text, names[-1]):
        return "surname used alone"
    return person_evidence_around(text, start, end)


def _descriptor_word() -> str:
    return rf"[{LOWER}][{LOWER}-]+(?:[ \t]+(?:of|for|at|to|in)\b)"


_ALONE_CACHE: dict[tuple[int, str], bool] = {}


def _surname_alone_elsewhere(text: str, surname: str) -> bool:
    """Is ``surname`` used somewhere without a capitalised word before it ("Tronc said")? Cached per text."""
    key = (id(text), surname)
    if key not in _ALONE_CACHE:
        if len(_ALONE_CACHE) > 5000:
            _ALONE_CACHE.clear()
        _ALONE_CACHE[key] = any(
            not re.search(rf"[{UPPER}][\w.’'-]*[ \t]+$", text[max(0, m.start() - 30) : m.start()])
            for m in re.finditer(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-])", text)
        )
    return _ALONE_CACHE[key]


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?\n:"


def _back_references(text: str, names: list[Name]) -> list[Name]:
    """A defined acronym ("UCL") and a person's surname ("Tronc") used alone name the same actor."""
    return names
