"""Names of actors the parser knows: a world gazetteer plus the course's curated registry."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..paths import curated_file

PACKAGE_DIR = Path(__file__).resolve().parent
GAZETTEER_CSV = PACKAGE_DIR / "data" / "gazetteer.csv"

KINDS = ("person", "state", "organisation", "group", "place")

#: Phrases that contain an alias but are not that actor ("Latin America" is not the United States).
NOT_ACTORS = (
    "Latin America",
    "Latin American",
    "South America",
    "South American",
    "North America",
    "North American",
    "Central America",
    "Central American",
    "Native American",
    "New Mexico",
    "New Mexican",
    "Northern Ireland",
    "Indian Ocean",
    "Niger Delta",
    "Georgia State",
    "Russian roulette",
    "French fries",
)


@dataclass(frozen=True)
class Actor:
    """One actor as the parser reports it."""

    actor_id: str
    name: str
    kind: str


@dataclass
class Lexicon:
    """Surface forms (``"Kremlin"``, ``"North Korean"``) mapped to actors, and a fast regex over them."""

    aliases: dict[str, Actor] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)

    def add(self, alias: str, actor: Actor, form: str = "name") -> None:
        alias = alias.strip()
        if not alias:
            return
        self.aliases[alias] = actor
        self.forms[alias] = form
        self.actors.setdefault(actor.actor_id, actor)

    def pattern(self) -> re.Pattern[str]:
        """A regex that finds any alias on word boundaries, longest alias first."""
        if not hasattr(self, "_pattern"):
            body = trie_regex([*self.aliases, *NOT_ACTORS]) if self.aliases else r"(?!x)x"
            self._pattern = re.compile(rf"(?<![\w])(?:{body})(?![\w]|[’']\w\w)")
        return self._pattern

    def person_by_name(self, name: str) -> Actor | None:
        actor = self.aliases.get(name)
        return actor if actor is not None and actor.kind == "person" else None


#: Number words from one to twelve (quantities and time expressions both count with them).
SMALL_NUMBERS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


def trie_regex(words: dict[str, object] | list[str]) -> str:
    """Build a regex alternation as a trie, so matching costs little per character."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True
    return _trie_to_regex(trie)


def _trie_to_regex(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _trie_to_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends_here else body


def read_gazetteer(path: Path = GAZETTEER_CSV) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_registry(path: Path | None = None) -> list[dict[str, str]]:
    """The curated actor registry (``seeds/curated/actors.csv``); a clear error if it is missing."""
    path = path if path is not None else curated_file("actors.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def build_lexicon(gazetteer: list[dict[str, str]], registry: list[dict[str, str]]) -> Lexicon:
    """Gazetteer rows first; the curated registry adds aliases and overrides display names."""
    lexicon = Lexicon()
    names = {row["actor_id"]: row for row in registry}
    for row in gazetteer:
        curated = names.get(row["actor_id"])
        name = curated["name"] if curated and curated.get("name") else row["actor"]
        kind = curated["kind"] if curated and curated.get("kind") in KINDS else row["kind"]
        lexicon.add(row["alias"], Actor(row["actor_id"], name, kind), row.get("form", "name"))
    for row in registry:
        actor = Actor(row["actor_id"], row.get("name") or row["actor_id"], row.get("kind") or "group")
        lexicon.actors[actor.actor_id] = actor
        for alias in (row.get("aliases") or "").split(";"):
            if alias.strip() and alias.strip() not in lexicon.aliases:
                lexicon.add(alias, actor, "name")
    return lexicon


@lru_cache(maxsize=4)
def default_lexicon(registry_path: str | None = None) -> Lexicon:
    """The world gazetteer plus the curated registry in ``seeds/curated/actors.csv``."""
    registry = read_registry(Path(registry_path)) if registry_path else read_registry()
    return build_lexicon(read_gazetteer(), registry)
