"""Notebook 1, section 3: the article's sentences side by side with the background facts.

Which sentence pairs with which fact is data: ``seeds/curated/claim_rules.csv``, one row per
(topic, fact), each with a rule in the one rule syntax of :mod:`helpers.curated.rules`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ...curated import CuratedDataError
from ...curated.rules import find_sentences, matching_rows, rule_problem
from ...notebook.display import Message, show_table
from ...notebook.session import Session
from ...parse.article import Article, cite
from ...paths import curated_file
from ..timeline.table import show_folded
from .actors import show_sentence
from .sources import fact_source, facts_by_id

RULE_COLUMNS = ["topic", "rule", "first_only", "fact_id", "note"]
CLAIMS_COLUMNS = [
    "sentence_id",
    "citation",
    "topic",
    "article_says",
    "matched",
    "fact_id",
    "background",
    "adds_or_qualifies",
    "source",
    "confidence",
]
CLAIMS_SECTION = "The claims-and-background table"


@dataclass(frozen=True)
class ClaimRule:
    """A topic: the rule that finds its sentences, and what each background fact adds (fact id → note)."""

    topic: str
    rule: str
    notes: dict[str, str]
    first_only: bool = False


def load_claim_rules(path: Path | str | None = None) -> tuple[ClaimRule, ...]:
    """The claim rules of ``seeds/curated/claim_rules.csv``, in file order (rows of a topic grouped).

    A missing file, a missing column, an empty cell, a malformed rule or two rules for one topic
    raise :class:`~helpers.curated.CuratedDataError` naming the file and row.
    """
    path = Path(path) if path is not None else curated_file("claim_rules.csv")
    if not path.is_file():
        raise CuratedDataError(
            f"claim_rules.csv not found: {path}. Restore it from the course repository (seeds/curated/claim_rules.csv)."
        )
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame.columns = [str(column).strip() for column in frame.columns]
    missing = [column for column in RULE_COLUMNS if column not in frame.columns]
    if missing:
        raise CuratedDataError(
            f"{path.name} lacks the column(s) {', '.join(missing)}; the header row must be {','.join(RULE_COLUMNS)}."
        )
    rules: dict[str, ClaimRule] = {}
    for row_number, row in enumerate(frame.to_dict("records"), start=2):
        row = {key: str(value).strip() for key, value in row.items()}
        empty = [column for column in ("topic", "rule", "fact_id", "note") if not row[column]]
        if empty:
            raise CuratedDataError(f"{path.name}, row {row_number}: the cell(s) {', '.join(empty)} are empty.")
        problem = rule_problem(row["rule"])
        if problem:
            raise CuratedDataError(f"{path.name}, row {row_number}, column 'rule': {problem}")
        if row["first_only"] not in ("yes", "no", ""):
            raise CuratedDataError(f"{path.name}, row {row_number}, column 'first_only': write yes or no.")
        topic = rules.get(row["topic"])
        if topic is None:
            topic = rules[row["topic"]] = ClaimRule(row["topic"], row["rule"], {}, row["first_only"] == "yes")
        elif topic.rule != row["rule"]:
            raise CuratedDataError(
                f"{path.name}, row {row_number}: topic {row['topic']!r} has another rule in "
                "an earlier row; every row of a topic must have the same rule."
            )
        topic.notes[row["fact_id"]] = row["note"]
    return tuple(rules.values())


def _matched_text(article: Article, rule: str, sentence_id: str) -> str:
    """The words that matched in ``sentence_id``: rows of the rule's first table that meet all of its
    conditions on that table ('' when that table is ``sentences``)."""
    table_name = rule.strip().split(".", 1)[0]
    if table_name == "sentences":
        return ""
    rows = matching_rows(article, rule, sentence_id)
    if table_name == "statements":
        texts = [f"{r['speaker']}: {r['verb']} {r['content']}" for _, r in rows.iterrows()]
    else:
        texts = [str(text) for text in rows["text"]]
    return "; ".join(dict.fromkeys(texts))


def claims_and_background(article: Article, rules: tuple[ClaimRule, ...] | None = None) -> pd.DataFrame:
    """Article sentences (found by the claim rules, cited ¶) next to the background facts they relate to.

    One row per (sentence, fact). A rule that finds nothing in the article adds no row, so the table
    works for any article (for other articles it is usually empty).
    """
    rules = load_claim_rules() if rules is None else rules
    facts = facts_by_id()
    order = {sid: number for number, sid in enumerate(article.sentences["sentence_id"])}
    rows, seen = [], set()
    for rule_number, rule in enumerate(rules):
        hits = find_sentences(article, rule.rule)
        for sentence_id in hits[:1] if rule.first_only else hits:
            matched = _matched_text(article, rule.rule, sentence_id)
            for fact_number, (fact_id, note) in enumerate(rule.notes.items()):
                if (sentence_id, fact_id) in seen or fact_id not in facts:
                    continue
                seen.add((sentence_id, fact_id))
                rows.append(
                    {
                        "sentence_id": sentence_id,
                        "citation": cite(sentence_id),
                        "topic": rule.topic,
                        "article_says": article.sentence(sentence_id),
                        "matched": matched,
                        "fact_id": fact_id,
                        "background": facts[fact_id]["fact"],
                        "adds_or_qualifies": note,
                        "source": fact_source(fact_id),
                        "confidence": facts[fact_id]["confidence"],
                        "_order": (order.get(sentence_id, len(order)), rule_number, fact_number),
                    }
                )
    if not rows:
        return pd.DataFrame({column: pd.Series(dtype="str") for column in CLAIMS_COLUMNS})
    table = pd.DataFrame(rows).sort_values("_order", kind="stable", ignore_index=True)
    return table[CLAIMS_COLUMNS]


def claims_overview(table: pd.DataFrame) -> pd.DataFrame:
    """A compact view of :func:`claims_and_background`: citation, topic, fact ids, what the background adds."""
    columns = ["citation", "topic", "fact_id", "adds_or_qualifies", "confidence"]
    return table[columns].rename(columns={"adds_or_qualifies": "what the background adds or qualifies"})


def show_claims(session: Session, claims: pd.DataFrame) -> Message | None:
    """Show the compact claims table; for another article, the message that the section is skipped."""
    skipped = session.reference(CLAIMS_SECTION)
    if skipped is not None:
        return skipped
    show_folded(claims_overview(claims), caption=f"The article's sentences and the background ({len(claims)} rows)")
    return None


def show_topic(article: Article, rows: pd.DataFrame) -> Message | None:
    """Show one topic's sentence (actors marked), then its rows; a message if ``rows`` is empty."""
    if rows.empty:
        return Message("No row: no rule found this topic in the article you chose.")
    from IPython.display import display

    display(show_sentence(article, rows["sentence_id"].iloc[0]))
    show_table(
        rows,
        columns=["matched", "fact_id", "background", "source", "confidence"],
        caption=f"Topic: {rows['topic'].iloc[0]}",
    )
    return None


def rule_for(topic: str) -> pd.DataFrame:
    """The rows of claim_rules.csv for one topic: the rule, and each fact id with its note."""
    rule = next((r for r in load_claim_rules() if r.topic == topic), None)
    if rule is None:
        return pd.DataFrame(columns=["rule", "first_only", "fact_id", "note"])
    return pd.DataFrame(
        [
            {"rule": rule.rule, "first_only": "yes" if rule.first_only else "no", "fact_id": fid, "note": note}
            for fid, note in rule.notes.items()
        ]
    )


def sentences_without_background(article: Article, table: pd.DataFrame) -> pd.DataFrame:
    """Sentences holding a quantity or a statement that no background fact in ``table`` is paired with."""
    with_claims = set(article.quantities["sentence_id"]) | set(article.statements["sentence_id"])
    covered = set(table["sentence_id"]) if not table.empty else set()
    missing = [sid for sid in article.sentences["sentence_id"] if sid in with_claims and sid not in covered]
    return pd.DataFrame(
        {"citation": [cite(s) for s in missing], "text": [article.sentence(s) for s in missing]},
        columns=["citation", "text"],
    )
