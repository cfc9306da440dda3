"""Checks on helpers/parse/data/gazetteer.csv, the actor gazetteer used by the parser.

These tests read the CSV directly (no import from ``helpers``) so they stay
independent of the parser implementation.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

GAZETTEER = Path(__file__).resolve().parents[2] / "helpers" / "parse" / "data" / "gazetteer.csv"

HEADER = ["alias", "actor_id", "actor", "kind", "form"]
KINDS = {"state", "organisation", "group"}
FORMS = {"name", "adjective", "capital", "institution"}
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")

# States that deliberately have no `capital` row, with the reason.
STATES_WITHOUT_CAPITAL = {
    "monaco": "city-state: the capital is also 'Monaco', kept once as a name row",
    "singapore": "city-state: the capital is also 'Singapore', kept once as a name row",
    "seychelles": "capital 'Victoria' is a common first name / place name",
    "jamaica": "capital 'Kingston' is a common place name (UK, Canada, US)",
    "guyana": "capital 'Georgetown' is a common place name (Washington DC, Penang...)",
    "bulgaria": "capital 'Sofia' is a common first name",
    "antigua_and_barbuda": "capital 'St. John's' is ambiguous (Newfoundland, churches, colleges)",
    "grenada": "capital 'St. George's' is ambiguous (churches, hospitals, universities)",
}

# The four non-member states required on top of the 193 UN members.
NON_UN_STATES = {"vatican", "palestine", "taiwan", "kosovo"}

# Aliases that must NOT be in the gazetteer, with the reason they were left out.
ABSENT_ALIASES = {
    "us": "lowercase pronoun",
    "Us": "sentence-initial pronoun",
    "Male": "English word (capital of Maldives is kept as 'Malé')",
    "Victoria": "first name / many places",
    "West": "too vague; only 'Western allies/countries/nations...' are kept",
    "the West": "article forms are not aliases",
    "The West": "article forms are not aliases",
    "Kingston": "many places",
    "Georgetown": "many places",
    "Sofia": "first name",
    "St. John's": "many places",
    "St. George's": "many places",
    "San Jose": "San Jose, California (accented 'San José' is kept for Costa Rica)",
    "Korea": "ambiguous between North and South Korea",
    "Korean": "ambiguous between North and South Korea",
    "Congo": "ambiguous between the two Congos",
    "Congolese": "ambiguous between the two Congos",
    "Macedonia": "also the Greek region",
    "Macedonian": "also Greek/ancient Macedonian",
    "Holland": "common surname (e.g. Tom Holland)",
    "PNG": "image file format",
    "Peking": "historical; matches inside 'Peking University' etc.",
    "Delhi": "the metonym is 'New Delhi'",
    "The Hague": "used as a metonym for the ICC/ICJ as often as for the Netherlands",
    "Emirates": "airline name",
    "Persia": "historical name",
    "Persian": "mostly 'Persian Gulf' / language",
    "AU": "ambiguous (gold, astronomical unit, Australia)",
    "CAR": "ordinary word in all-caps text",
    "IS": "ordinary word in all-caps text",
    "Amnesty": "ordinary word at sentence start",
    "Wagner": "surname / composer",
    "Tel Aviv": "not the capital",
    "eSwatini": "lowercase initial",
}

# alias -> (actor_id, kind, form or None)
SPOT_CHECKS = {
    "US": ("united_states", "state", "name"),
    "U.S.": ("united_states", "state", "name"),
    "Washington": ("united_states", "state", "capital"),
    "American": ("united_states", "state", "adjective"),
    "White House": ("united_states", "state", "institution"),
    "Pentagon": ("united_states", "state", "institution"),
    "State Department": ("united_states", "state", "institution"),
    "Russia": ("russia", "state", "name"),
    "Russian": ("russia", "state", "adjective"),
    "Moscow": ("russia", "state", "capital"),
    "Kremlin": ("russia", "state", "institution"),
    "Ukraine": ("ukraine", "state", "name"),
    "Ukrainian": ("ukraine", "state", "adjective"),
    "Kyiv": ("ukraine", "state", "capital"),
    "Kiev": ("ukraine", "state", "capital"),
    "North Korea": ("north_korea", "state", "name"),
    "North Korean": ("north_korea", "state", "adjective"),
    "Pyongyang": ("north_korea", "state", "capital"),
    "DPRK": ("north_korea", "state", "name"),
    "South Korean": ("south_korea", "state", "adjective"),
    "Seoul": ("south_korea", "state", "capital"),
    "Britain": ("united_kingdom", "state", "name"),
    "British": ("united_kingdom", "state", "adjective"),
    "Downing Street": ("united_kingdom", "state", "institution"),
    "France": ("france", "state", "name"),
    "French": ("france", "state", "adjective"),
    "Élysée": ("france", "state", "institution"),
    "Elysee": ("france", "state", "institution"),
    "Türkiye": ("turkey", "state", "name"),
    "Turkey": ("turkey", "state", "name"),
    "Côte d'Ivoire": ("ivory_coast", "state", "name"),
    "Czechia": ("czech_republic", "state", "name"),
    "Burma": ("myanmar", "state", "name"),
    "NATO": ("nato", "organisation", "name"),
    "FBI": ("fbi", "organisation", "name"),
    "EU": ("european_union", "organisation", "name"),
    "U.N.": ("united_nations", "organisation", "name"),
    "Security Council": ("un_security_council", "organisation", "name"),
    "MI6": ("mi6", "organisation", "name"),
    "Wagner Group": ("wagner_group", "group", "name"),
    "Hamas": ("hamas", "group", "name"),
    "Western allies": ("western_allies", "group", "name"),
    "NATO allies": ("western_allies", "group", "name"),
}


@pytest.fixture(scope="module")
def raw_rows() -> list[list[str]]:
    with GAZETTEER.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


@pytest.fixture(scope="module")
def rows(raw_rows) -> list[dict[str, str]]:
    return [dict(zip(HEADER, r)) for r in raw_rows[1:]]


@pytest.fixture(scope="module")
def by_alias(rows) -> dict[str, dict[str, str]]:
    return {r["alias"]: r for r in rows}


def test_file_is_utf8_without_bom():
    data = GAZETTEER.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    data.decode("utf-8")


def test_header(raw_rows):
    assert raw_rows[0] == HEADER


def test_pandas_reads_it(raw_rows):
    df = pd.read_csv(GAZETTEER, dtype=str, keep_default_na=False)
    assert list(df.columns) == HEADER
    assert len(df) == len(raw_rows) - 1


def test_every_row_has_five_non_empty_fields(raw_rows):
    bad = [(i, r) for i, r in enumerate(raw_rows[1:], start=2) if len(r) != 5 or not all(f.strip() for f in r)]
    assert not bad


def test_kinds_forms_and_ids(rows):
    assert {r["kind"] for r in rows} <= KINDS
    assert {r["form"] for r in rows} <= FORMS
    bad_ids = sorted({r["actor_id"] for r in rows if not ID_RE.match(r["actor_id"])})
    assert not bad_ids


def test_row_count_in_expected_range(rows):
    assert 700 <= len(rows) <= 1000


def test_aliases_unique_and_stripped(rows):
    aliases = [r["alias"] for r in rows]
    dupes = sorted({a for a in aliases if aliases.count(a) > 1})
    assert not dupes
    assert all(a == a.strip() for a in aliases)
    assert all("  " not in a for a in aliases)


def test_aliases_start_with_uppercase_or_digit(rows):
    bad = [r["alias"] for r in rows if not (r["alias"][0].isupper() or r["alias"][0].isdigit())]
    assert not bad


def test_one_display_name_and_kind_per_actor(rows):
    names: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        names[r["actor_id"]].add(r["actor"])
        kinds[r["actor_id"]].add(r["kind"])
    assert {k: v for k, v in names.items() if len(v) != 1} == {}
    assert {k: v for k, v in kinds.items() if len(v) != 1} == {}


def test_sorted_by_actor_form_alias(rows):
    keys = [(r["actor_id"], r["form"], r["alias"]) for r in rows]
    assert keys == sorted(keys)


def test_state_coverage(rows):
    states = {r["actor_id"] for r in rows if r["kind"] == "state"}
    assert len(states) >= 197
    assert NON_UN_STATES <= states


def test_every_state_has_name_and_capital(rows):
    forms: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["kind"] == "state":
            forms[r["actor_id"]].add(r["form"])
    no_name = sorted(s for s, f in forms.items() if "name" not in f)
    assert not no_name
    no_capital = {s for s, f in forms.items() if "capital" not in f}
    # Exact equality keeps the exception list honest in both directions.
    assert no_capital == set(STATES_WITHOUT_CAPITAL)


def test_organisations_have_only_name_rows(rows):
    bad = [r["alias"] for r in rows if r["kind"] != "state" and r["form"] != "name"]
    assert not bad


@pytest.mark.parametrize("alias, expected", sorted(SPOT_CHECKS.items()))
def test_spot_checks(by_alias, alias, expected):
    assert alias in by_alias, alias
    row = by_alias[alias]
    actor_id, kind, form = expected
    assert row["actor_id"] == actor_id
    assert row["kind"] == kind
    assert row["form"] == form


def test_western_allies_display(by_alias):
    assert by_alias["Western allies"]["actor"] == "Western allies"
    for alias in ("Western countries", "Western nations"):
        assert by_alias[alias]["actor_id"] == "western_allies"


def test_core_display_names(by_alias):
    expected = {
        "US": "United States",
        "Russia": "Russia",
        "Ukraine": "Ukraine",
        "North Korea": "North Korea",
        "UK": "United Kingdom",
        "NATO": "NATO",
        "EU": "European Union",
        "UN": "United Nations",
    }
    assert {a: by_alias[a]["actor"] for a in expected} == expected


@pytest.mark.parametrize("alias", sorted(ABSENT_ALIASES))
def test_absent_aliases(by_alias, alias):
    assert alias not in by_alias, f"{alias!r} must be absent: {ABSENT_ALIASES[alias]}"
