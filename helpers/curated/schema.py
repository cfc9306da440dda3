"""The shape of the curated tables in ``seeds/curated``: columns, required cells, keys, enums."""

from __future__ import annotations

import re
from datetime import date

from ..paths import COURSE_NOTEBOOKS

# The article's reference date: the day it was written, as far as the evidence shows. The article says the
# war *approaches* its 1,000th day (¶1.2; day 1,000 was 19 Nov 2024, fact A2), and it reports events of
# 18 Nov 2024: the Odesa strike with "nearly 50" injured (A6), the Kremlin's and the foreign ministry's
# reactions (B11, B13) and Finer's press gaggle in Rio (B10). Notebook 1, section 6 shows the reasoning.
REFERENCE_DATE: date = date(2024, 11, 18)

# Required columns of each table, in the order they appear in the shipped files.
COLUMNS: dict[str, list[str]] = {
    "facts": ["fact_id", "section", "fact", "sources", "confidence"],
    "actors": ["actor_id", "name", "kind", "side", "role", "description", "aliases", "fact_ids"],
    "events": [
        "event_id",
        "date",
        "date_precision",
        "actor_ids",
        "title",
        "detail",
        "fact_id",
        "source",
        "url",
        "confidence",
        "relation",
    ],
    "troop_estimates": [
        "date",
        "source_org",
        "estimate_low",
        "estimate_high",
        "scope",
        "wording",
        "fact_id",
        "citation",
        "url",
    ],
    "glossary": ["term", "definition", "fact_ids", "source"],
    "forecast_questions": [
        "question_id",
        "question",
        "window_days",
        "resolution",
        "outcome_text",
        "fact_ids",
        "source",
        "url",
        "as_of",
    ],
    "translations": [
        "quote_id",
        "speaker_id",
        "original_language",
        "original",
        "rendering",
        "outlet",
        "fact_id",
        "url",
        "note",
    ],
    "escalation_ladder": [
        "order",
        "unit",
        "first_rung",
        "last_rung",
        "threshold_after",
        "example_rungs",
        "fact_ids",
    ],
    "reference_coding": ["article_id", "sentence_id", "speaker_id", "verb", "stance", "rationale"],
    "ladder_placements": ["item_id", "label", "article_rule", "unit_order", "reasoning", "fact_ids", "confidence"],
    "ach_matrix": [
        "evidence_id",
        "kind",
        "evidence_rule",
        "label",
        "fact_ids",
        "H1",
        "H2",
        "H3",
        "reasoning",
        "confidence",
    ],
    "anchors": ["name", "keywords", "day_one", "source", "fact_ids"],
    "claim_rules": ["topic", "rule", "first_only", "fact_id", "note"],
    "hypotheses": ["hypothesis_id", "hypothesis", "rule"],
    "cited_facts": ["notebook", "fact_id"],
    "bibliography": ["source_id", "publisher", "title", "date", "url", "doi", "isbn", "fact_ids", "replaces", "note"],
    "source_pages": ["url", "title", "date", "date_kind", "publisher", "read_on", "note"],
}

TABLE_NAMES: tuple[str, ...] = tuple(COLUMNS)

# Cells that must not be empty.
REQUIRED_CELLS: dict[str, list[str]] = {
    "facts": ["fact_id", "section", "fact", "sources", "confidence"],
    "actors": ["actor_id", "name", "kind", "role", "description"],
    "events": [
        "event_id",
        "date",
        "date_precision",
        "actor_ids",
        "title",
        "fact_id",
        "source",
        "confidence",
        "relation",
    ],
    "troop_estimates": ["source_org", "scope", "wording", "fact_id", "citation"],
    "glossary": ["term", "definition", "source"],
    "forecast_questions": [
        "question_id",
        "question",
        "window_days",
        "resolution",
        "outcome_text",
        "fact_ids",
        "source",
        "url",
        "as_of",
    ],
    "translations": [
        "quote_id",
        "speaker_id",
        "original_language",
        "rendering",
        "outlet",
        "fact_id",
        "note",
    ],
    "escalation_ladder": ["order", "unit", "first_rung", "last_rung", "fact_ids"],
    "reference_coding": ["article_id", "sentence_id", "speaker_id", "verb", "stance", "rationale"],
    "ladder_placements": ["item_id", "label", "article_rule", "unit_order", "reasoning", "confidence"],
    "ach_matrix": ["evidence_id", "kind", "label", "H1", "H2", "H3", "reasoning", "confidence"],
    "anchors": ["name", "keywords", "day_one", "source", "fact_ids"],
    "claim_rules": ["topic", "rule", "first_only", "fact_id", "note"],
    "hypotheses": ["hypothesis_id", "hypothesis", "rule"],
    "cited_facts": ["notebook", "fact_id"],
    "bibliography": ["source_id", "publisher", "title", "date", "fact_ids"],
    "source_pages": ["url", "read_on"],
}

# Columns (or combinations of columns) whose values must be unique.
UNIQUE_KEYS: dict[str, list[str]] = {
    "facts": ["fact_id"],
    "actors": ["actor_id"],
    "events": ["event_id"],
    "troop_estimates": ["date", "source_org", "scope"],
    "glossary": ["term"],
    "forecast_questions": ["question_id"],
    "translations": ["quote_id"],
    "escalation_ladder": ["order"],
    "reference_coding": ["article_id", "sentence_id", "speaker_id", "verb"],
    "ladder_placements": ["item_id"],
    "ach_matrix": ["evidence_id"],
    "anchors": ["name"],
    "claim_rules": ["topic", "fact_id"],
    "hypotheses": ["hypothesis_id"],
    "cited_facts": ["notebook", "fact_id"],
    "bibliography": ["source_id"],
    "source_pages": ["url"],
}

# Allowed values of enumerated columns.
ENUMS: dict[str, dict[str, list[str]]] = {
    "facts": {"section": ["A", "B", "C", "D", "X"]},
    "actors": {"kind": ["person", "state", "organisation", "group", "place"]},
    "events": {
        "date_precision": ["day", "month", "approximate"],
        "relation": ["before", "same_day", "after"],
    },
    "forecast_questions": {"resolution": ["yes", "no"]},
    "reference_coding": {
        "stance": ["supports the decision", "opposes the decision", "not about the decision"],
    },
    "ladder_placements": {"unit_order": [str(n) for n in range(8)], "confidence": ["interpretation"]},
    "ach_matrix": {
        "kind": ["article", "fact"],
        "H1": ["C", "I", "N"],
        "H2": ["C", "I", "N"],
        "H3": ["C", "I", "N"],
        "confidence": ["interpretation"],
    },
    "claim_rules": {"first_only": ["yes", "no"]},
    "hypotheses": {"hypothesis_id": ["H1", "H2", "H3"]},
    "cited_facts": {"notebook": list(COURSE_NOTEBOOKS)},
    "source_pages": {"date_kind": ["published", "updated", "aired", "on sale"]},
}

DATE_COLUMNS: dict[str, list[str]] = {"events": ["date"], "troop_estimates": ["date"], "anchors": ["day_one"]}

INTEGER_COLUMNS: dict[str, list[str]] = {
    "troop_estimates": ["estimate_low", "estimate_high"],
    "forecast_questions": ["window_days"],
    "escalation_ladder": ["order", "first_rung", "last_rung"],
    "ladder_placements": ["unit_order"],
}

# Columns holding one fact id, and columns holding several separated by ';'.
FACT_ID_COLUMNS: dict[str, list[str]] = {
    "events": ["fact_id"],
    "troop_estimates": ["fact_id"],
    "translations": ["fact_id"],
    "claim_rules": ["fact_id"],
    "cited_facts": ["fact_id"],
}
FACT_IDS_COLUMNS: dict[str, list[str]] = {
    "actors": ["fact_ids"],
    "glossary": ["fact_ids"],
    "forecast_questions": ["fact_ids"],
    "escalation_ladder": ["fact_ids"],
    "ladder_placements": ["fact_ids"],
    "ach_matrix": ["fact_ids"],
    "anchors": ["fact_ids"],
    "bibliography": ["fact_ids"],
}

# Tables that may not cite "interpretation" rows (teaching suggestions, not facts).
NO_INTERPRETATION = {"events", "troop_estimates", "forecast_questions", "translations"}

URL_COLUMNS: dict[str, list[str]] = {
    "events": ["url"],
    "troop_estimates": ["url"],
    "forecast_questions": ["url"],
    "translations": ["url"],
    "bibliography": ["url"],
    "source_pages": ["url"],
}

#: Columns holding a rule in the syntax of :mod:`helpers.curated.rules` (checked by the validator).
RULE_COLUMNS: dict[str, list[str]] = {
    "ladder_placements": ["article_rule"],
    "ach_matrix": ["evidence_rule"],
    "claim_rules": ["rule"],
    "hypotheses": ["rule"],
}

UNNAMED_SOURCES = "unnamed_sources"
SNAKE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
FACT_ID = re.compile(r"^[A-DX][0-9]+$")
SENTENCE_ID = re.compile(r"^[0-9]+\.[0-9]+$")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
URL_IN_TEXT = re.compile(r"https?://\S+")
MAX_TITLE = 80
#: A publication date in bibliography.csv: a year, a month or a day.
PARTIAL_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
DOI = re.compile(r"^10\.[0-9]{4,9}/\S+$")


class CuratedDataError(ValueError):
    """A curated table is missing, unknown or cannot be converted."""
