"""Notebook 1 "Context: who, what, where" (and the few helpers notebook 0 needs).

Everything here returns tables (pandas DataFrames) or widgets built from tables, so a notebook cell
calls one function and the same numbers are available to tests. Facts about the article come from
the parsed tables; background facts come only from ``seeds/curated/*.csv``, cited by fact id.

>>> import helpers, helpers.context as ctx
>>> article = helpers.load_article("seeds/000_0c51e7aa6578d068.txt")
>>> ctx.claims_and_background(article).head()   # article sentence (cited ¶) next to a background fact
>>> fig, table, alt = ctx.plot_troop_estimates(article)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from ..parse.article import Article, cite
from ..curated import fact_citation, load_table, split_list
from ..notebook.display import GREY, OKABE_ITO, actor_colours, escape, message_html, show_html
from ..notebook.display import show_table as show_table  # re-exported: notebooks call context.show_table

NOTEBOOK_START = "00_start_here"
NOTEBOOK_CONTEXT = "01_context"

#: Day 1 of Russia's full-scale war on Ukraine (facts A1: Kyiv Independent).
WAR_DAY_ONE = date(2022, 2, 24)

#: What each parsed table holds (a description of the parser, not of any article).
TABLE_DESCRIPTIONS = {
    "sentences": "every sentence, with its id (paragraph.sentence) and character offsets",
    "mentions": "each time an actor (person, state, organisation, group or place) is named",
    "quotes": "words inside quotation marks, with the speaker when the parser can tell",
    "statements": "who said, claimed or warned what: speaker, reporting verb, content, direct or not",
    "quantities": "numbers with their unit and qualifier (over, up to, nearly …)",
    "time_expressions": "dates and time words, resolved to calendar dates where possible",
    "hedges": "words that soften or qualify a claim (may, reportedly, unconfirmed …)",
}

TROOP_UNITS = ("troops", "soldiers")


# -- small display helpers ---------------------------------------------------------------------

def show_message(text: str, kind: str = "info") -> None:
    """A short message box (the text is escaped)."""
    show_html(message_html(text, kind))


def sentence_html(article: Article, sentence_id: str, mark_mentions: bool = True) -> str:
    """One sentence as a block quote with its citation; actor mentions marked (escaped HTML)."""
    rows = article.sentences[article.sentences["sentence_id"] == sentence_id]
    if rows.empty:
        return message_html(f"There is no sentence {cite(sentence_id)} in this article.", "warning")
    row = rows.iloc[0]
    start, end = int(row["start"]), int(row["end"])
    spans = []
    if mark_mentions:
        inside = article.mentions[(article.mentions["start"] >= start) & (article.mentions["end"] <= end)]
        spans = sorted(zip(inside["start"].astype(int), inside["end"].astype(int)))
    pieces, position = [], start
    for span_start, span_end in spans:
        if span_start < position:
            continue
        pieces.append(escape(article.text[position:span_start]))
        pieces.append(f"<mark>{escape(article.text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(article.text[position:end]))
    return (f'<blockquote class="course-sentence" style="border-left:4px solid #0072B2;margin:6px 0;'
            f'padding:4px 10px"><b>{escape(cite(sentence_id))}</b> {"".join(pieces)}</blockquote>')


# -- notebook 0: the course and the parser -----------------------------------------------------

def table_overview(article: Article) -> pd.DataFrame:
    """How many rows the parser found in each table, and what each table holds."""
    from ..parse.article import TABLES

    return pd.DataFrame({
        "table": list(TABLES),
        "rows": [len(article.table(name)) for name in TABLES],
        "holds": [TABLE_DESCRIPTIONS.get(name, "") for name in TABLES],
        "example_call": [f"article.{name}" for name in TABLES],
    })


def available_articles() -> pd.DataFrame:
    """Article files shipped with the course, as paths to put in ``SEED`` (relative to notebooks/)."""
    from ..paths import course_root

    rows = []
    for folder, purpose in (("seeds", "course article"), ("tests/articles", "synthetic test article")):
        for path in sorted((course_root() / folder).glob("*.txt")):
            rows.append({"SEED": f"../{folder}/{path.name}", "kind": purpose, "size_bytes": path.stat().st_size})
    return pd.DataFrame(rows, columns=["SEED", "kind", "size_bytes"])


def practice_sentence_id(article: Article, preferred: str = "4.3") -> str:
    """The sentence for the "find a sentence" exercise: ``preferred`` if it exists, else the last one."""
    ids = article.sentences["sentence_id"].tolist()
    return preferred if preferred in ids else ids[-1]


def check_sentence(article: Article, sentence_id: str, answer: object) -> bool:
    """Show whether ``answer`` is the text of sentence ``sentence_id``; return True if it is."""
    expected = article.sentence(sentence_id)
    if answer is None:
        show_message("Not answered yet: replace None in the exercise cell, run it, then run this cell again.")
        return False
    if isinstance(answer, str) and answer.strip() == expected.strip():
        show_message(f"Yes: that is {cite(sentence_id)}.", "ok")
        return True
    if isinstance(answer, str) and answer.strip() in article.sentences["text"].str.strip().tolist():
        other = article.sentences.loc[article.sentences["text"].str.strip() == answer.strip(), "sentence_id"].iloc[0]
        show_message(f"That is a sentence of the article, but it is {cite(other)}, not {cite(sentence_id)}.",
                     "warning")
        return False
    show_message(f"Not yet: the value is not the text of {cite(sentence_id)}. "
                 f"Give the id as text, e.g. article.sentence(\"{sentence_id}\").", "warning")
    return False


def first_quote_question(article: Article, notebook: str = NOTEBOOK_START):
    """ChoiceQuestion: which sentence holds the first direct quote? The answer comes from ``article.quotes``.

    Returns a message widget instead when the parser found no quote in the article.
    """
    import ipywidgets as widgets

    from ..notebook.exercises import ChoiceQuestion

    if article.quotes.empty:
        return widgets.HTML(message_html("The parser found no direct quote in this article, "
                                         "so this exercise is skipped.", "info"))
    quotes = article.quotes.sort_values("start")
    correct = str(quotes["sentence_id"].iloc[0])
    order = article.sentences["sentence_id"].tolist()
    later_quotes = [s for s in quotes["sentence_id"].tolist() if s != correct]
    indirect = article.statements.loc[~article.statements["direct"], "sentence_id"].tolist()
    candidates = [correct]
    for sid in later_quotes + [s for s in indirect if order.index(s) < order.index(correct)] + indirect + order:
        if sid not in candidates:
            candidates.append(sid)
        if len(candidates) == 4:
            break
    candidates.sort(key=order.index)
    options = [cite(s) for s in candidates]
    hints = {}
    for sid in candidates:
        if sid == correct:
            continue
        if sid in later_quotes:
            hints[cite(sid)] = "That sentence does hold a quote, but an earlier sentence has one too."
        elif sid in indirect:
            hints[cite(sid)] = ("That sentence reports what someone said in the writer's own words "
                                "(indirect speech): there are no quotation marks.")
        else:
            hints[cite(sid)] = "Look for quotation marks “…” in that sentence: there are none."
    first = quotes.iloc[0]
    who = f", attributed to {first['speaker']}" if first["speaker"] else ""
    explanation = (f"The first words in quotation marks are in {cite(correct)}{who}. "
                   f"The parser found {len(quotes)} quote(s) in all (article.quotes).")
    return ChoiceQuestion(notebook, "first_quote", "Which sentence contains the first direct quote?",
                          options, cite(correct), explanation, hints)


def expectations_question(notebook: str = NOTEBOOK_START):
    """TextQuestion: what do you expect to learn from this course?"""
    from ..notebook.exercises import TextQuestion

    return TextQuestion(notebook, "expectations",
                        "What do you expect to learn from reading one news article with data? "
                        "Name one thing you would like to check in the article.",
                        model_answer=("There is no right answer here. For example: I want to find out who is "
                                      "quoted and who is only described, and whether the numbers in the article "
                                      "match what other sources said at the time."),
                        min_words=8)


# -- notebook 1, section 1: who, what, where ---------------------------------------------------

def mention_counts(article: Article) -> pd.DataFrame:
    """Mentions per kind of actor (state, person, place …), with the number of distinct actors."""
    mentions = article.mentions
    if mentions.empty:
        return pd.DataFrame({"kind": pd.Series(dtype="str"), "mentions": pd.Series(dtype="int64"),
                             "actors": pd.Series(dtype="int64")})
    table = (mentions.groupby("kind").agg(mentions=("actor_id", "size"), actors=("actor_id", "nunique"))
             .reset_index().sort_values(["mentions", "kind"], ascending=[False, True], ignore_index=True))
    return table


def who_what_where(article: Article, kind: str | None = None) -> pd.DataFrame:
    """One row per actor: name, kind, number of mentions, and where it is first named (¶).

    ``kind`` keeps one kind only, e.g. ``"place"``.
    """
    columns = ["actor", "actor_id", "kind", "mentions", "first_named", "forms"]
    mentions = article.mentions if kind is None else article.mentions[article.mentions["kind"] == kind]
    if mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "mentions" else "str") for c in columns})
    rows = []
    for actor_id, group in mentions.sort_values("start").groupby("actor_id", sort=False):
        rows.append({"actor": group["actor"].iloc[0], "actor_id": actor_id, "kind": group["kind"].iloc[0],
                     "mentions": len(group), "first_named": cite(group["sentence_id"].iloc[0]),
                     "forms": "; ".join(dict.fromkeys(group["text"]))})
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["mentions", "actor"], ascending=[False, True], ignore_index=True)


def core_claim_id(article: Article) -> str:
    """The id of the article's first sentence, where a news report states its main claim."""
    return str(article.sentences["sentence_id"].iloc[0])


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def check_states(article: Article, answer: object) -> bool:
    """Show whether ``answer`` is ``article.mentions`` filtered to rows whose kind is "state"."""
    expected = article.mentions[article.mentions["kind"] == "state"]
    if not isinstance(answer, pd.DataFrame):
        show_message("Not yet: the answer should be a DataFrame (a filtered article.mentions).", "warning")
        return False
    if "kind" not in answer.columns:
        show_message("Not yet: keep the columns of article.mentions, including 'kind'.", "warning")
        return False
    kinds = sorted(set(answer["kind"]))
    if len(answer) == len(expected) and kinds in ([], ["state"]):
        states = expected["actor_id"].nunique()
        show_message(f"Yes: {_count(len(expected), 'mention')} of {_count(states, 'state')}.", "ok")
        return True
    if len(answer) == len(article.mentions) and len(answer) != len(expected):
        show_message("Not yet: this is still the whole table. Keep only the rows where the column 'kind' "
                     "equals \"state\".", "warning")
        return False
    show_message(f"Not yet: your table has {len(answer)} rows of kind {', '.join(kinds) or '(none)'}; "
                 "compare with article.mentions[\"kind\"].unique().", "warning")
    return False


# -- notebook 1, section 2: glossary -----------------------------------------------------------

def glossary_table() -> pd.DataFrame:
    """The course glossary (seeds/curated/glossary.csv): term, definition, fact ids, sources."""
    return load_table("glossary")[["term", "definition", "fact_ids", "source"]]


# -- notebook 1, section 3: claims side by side with background facts ---------------------------

@dataclass(frozen=True)
class ClaimRule:
    """How to find an article sentence in the parsed tables, and which background facts it pairs with.

    A row of ``table`` matches when ``pattern`` is found (case-insensitive) in ``column``, every
    ``(column, pattern)`` in ``where`` matches too, and, if ``same_sentence`` is given as
    ``(table, column, pattern)``, a row of that table in the same sentence matches. ``notes`` maps each
    fact id to what the background adds to or qualifies in the sentence, written from the fact's text.
    """

    topic: str
    table: str
    column: str
    pattern: str
    notes: dict[str, str]
    where: tuple[tuple[str, str], ...] = ()
    same_sentence: tuple[str, str, str] | None = None
    first_only: bool = False


CLAIM_RULES: tuple[ClaimRule, ...] = (
    ClaimRule("the decision", "sentences", "text", r"\bapproved\b",
              same_sentence=("mentions", "actor_id", "^joe_biden$"), first_only=True, notes={
                  "A3": "The decision was first reported on Sunday 17 Nov 2024 by The New York Times, citing "
                        "unnamed US officials; the White House did not formally announce it.",
                  "X6": "The authorisation was never formally announced in Nov 2024; it was reported through "
                        "anonymous officials, and a US statement acknowledging it was not found.",
              }),
    ClaimRule("1,000th day", "time_expressions", "text", r"1,?000th", where=(("kind", "^ordinal day$"),), notes={
        "A1": "The full-scale invasion began on 24 Feb 2022 (a Thursday): the day counted as day 1.",
        "A2": "Counting 24 Feb 2022 as day 1, day 1,000 was Tuesday 19 Nov 2024. On 17 and 18 Nov the war was "
              "on days 998 and 999, which fits \"approaches\". Counting 1,000 elapsed days instead gives 20 Nov.",
    }),
    ClaimRule("ATACMS", "sentences", "text", r"\bATACMS\b", first_only=True, notes={
        "B1": "ATACMS is a US surface-to-surface ballistic missile fired from HIMARS or M270, with a maximum "
              "range of about 300 km (often given as 190 or 186 miles).",
        "B2": "Ukraine received the older ~165 km version in Oct 2023; longer-range (~300 km) ATACMS were first "
              "used on 17 Apr 2024 against the Dzhankoi airfield in Crimea.",
    }),
    ClaimRule("earlier restriction", "sentences", "text", r"\bprohibited\b", first_only=True, notes={
        "B6": "The UK confirmed Storm Shadow deliveries on 11 May 2023, with Ukrainian assurances of use only on "
              "Ukrainian sovereign territory.",
        "B7": "Around 30 May 2024 the US allowed use of its weapons for \"counter-fire purposes in the Kharkiv "
              "region\"; officials said the policy on ATACMS or long-range strikes inside Russia had not changed.",
    }),
    ClaimRule("leaving office", "time_expressions", "text", r"\btwo months\b",
              same_sentence=("mentions", "actor_id", "^joe_biden$"), notes={
                  "A16": "The next president's inauguration took place on Monday 20 Jan 2025, 62 days after "
                         "19 Nov 2024.",
              }),
    ClaimRule("North Korean troops", "quantities", "unit", r"^(troops|soldiers)$", where=(("value", r"^10000(\.0)?$"),),
              notes={
                  "A10": "South Korea's NIS (18 Oct 2024): North Korea decided to send about 12,000 troops, a "
                         "decision rather than a count of troops in Kursk.",
                  "A11": "Ukraine's military intelligence (~18–19 Oct 2024): about 11,000 North Korean troops in "
                         "Russia; a first group of 2,600 headed to Kursk.",
                  "A12": "US figures changed over time: ~3,000 (23 Oct), \"around 10,000\" sent to train in "
                         "eastern Russia (28 Oct), ~8,000 in Kursk (31 Oct), \"as many as 10,000\" in Kursk "
                         "(4 Nov), most of the 10,000 fighting in Kursk (13 Nov).",
                  "X2": "Numbers differ by source and date; the fact sheet notes that the article's \"over "
                        "10,000 in Kursk\" fits US State Department figures from 4–13 Nov.",
              }),
    ClaimRule("Kursk", "mentions", "actor_id", r"^kursk$", first_only=True, notes={
        "A9": "Kursk is the Russian region Ukrainian forces entered on 6 Aug 2024; by 24 Nov 2024 Ukraine still "
              "held about 800 km² there (Reuters).",
    }),
    ClaimRule("Russia's response", "quotes", "text", r"appropriate and tangible", notes={
        "B13": "The words are attributed to Maria Zakharova of the Russian Foreign Ministry (18 Nov). Other "
               "translations give \"adequate and significant\" (Voz) and \"palpable\" (AFP).",
    }),
    ClaimRule("direct involvement", "statements", "content", r"direct involvement", where=(("speaker_id", "^russia$"),),
              notes={
                  "B8": "Putin had warned on 12 Sep 2024 that allowing such strikes would mean \"the direct "
                        "involvement of NATO countries, the United States and European countries in the war\".",
                  "B13": "Zakharova (18 Nov): use of the missiles against Russian territory \"will mean the direct "
                         "involvement of the US and its satellites in combat against Russia\".",
              }),
    ClaimRule("the Kremlin's phrase", "quotes", "text", r"oil to the fire", notes={
        "B11": "Putin's spokesman is Dmitry Peskov. A rendering of his 18 Nov remark: the outgoing administration "
               "intends \"to continue adding fuel to the fire and provoking further escalation of tensions\".",
        "B12": "The Russian original is \"подливать масло в огонь\" (literally \"pour oil on the fire\"). "
               "Outlets rendered it as \"adding fuel to the fire\", \"throw oil on the fire\", \"fuelling the "
               "fire\" and more; the article's wording is a near-literal rendering.",
    }),
    ClaimRule("no announcement", "statements", "content", r"formal announcement|speak for themselves",
              where=(("speaker_id", "^volodymyr_zelensky$"),), notes={
                  "A3": "The White House did not formally announce the decision; it was first reported by The "
                        "New York Times on 17 Nov, citing unnamed US officials.",
                  "A5": "Zelensky's evening address of 17 Nov: \"Such things are not announced. The missiles will "
                        "speak for themselves.\"",
              }),
    ClaimRule("first use in Kursk", "sentences", "text", r"\bATACMS\b",
              same_sentence=("mentions", "actor_id", "^kursk$"), notes={
                  "A4": "Reports at the time said the missiles were expected to be used first against Russian and "
                        "North Korean troops in Kursk, as a response to North Korean troops entering the fight.",
              }),
    ClaimRule("the US view", "statements", "content", r"\bdemonstrate\b", where=(("speaker_id", "^united_states$"),),
              notes={
                  "A4": "The rationale reported when the decision became known was a response to North Korean "
                        "troops entering the fight.",
              }),
    ClaimRule("Finer", "statements", "speaker_id", r"^jon_finer$", notes={
        "B9": "Jon Finer was US Deputy National Security Adviser (No. 2 at the NSC under Jake Sullivan, "
              "Jan 2021 – Jan 2025).",
        "B10": "The remark is dated 18 Nov 2024: Washington had made clear to the Russians that \"we would "
               "respond\". The fact sheet found it only in a syndicated copy of a BBC text.",
    }),
    ClaimRule("Odesa strike", "quantities", "unit", r"^people$", same_sentence=("mentions", "actor_id", "^odesa$"),
              notes={
                  "A6": "The Odesa strike was on Monday 18 Nov 2024. 10 were killed that day; the toll rose to 11 "
                        "by 20 Nov. Injured counts rose through the day (39 → 43 → 47 → 55); \"nearly 50\" "
                        "matches 47.",
                  "X1": "The injured count depends on when, and by whom, it was reported: cite a source together "
                        "with the count it gives.",
              }),
    ClaimRule("inauguration", "time_expressions", "start_date", r"^2025-01-20", where=(("kind", "^date$"),), notes={
        "A16": "The inauguration took place on Monday 20 Jan 2025.",
    }),
    ClaimRule("24 hours", "statements", "content", r"24 hours", where=(("speaker_id", "^donald_trump$"),), notes={
        "A17": "The claim dates from a CNN town hall on 10 May 2023: \"within 24 hours, that war will be settled\".",
    }),
)

CLAIMS_COLUMNS = ["sentence_id", "citation", "topic", "article_says", "matched", "fact_id", "background",
                  "adds_or_qualifies", "source", "confidence"]


def _as_text(values: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.strftime("%Y-%m-%d").fillna("")
    return values.astype("object").map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v))


def _matches(table: pd.DataFrame, column: str, pattern: str) -> pd.Series:
    if column not in table.columns or table.empty:
        return pd.Series(False, index=table.index)
    compiled = re.compile(pattern, re.IGNORECASE)
    return _as_text(table[column]).map(lambda value: bool(compiled.search(value))).astype(bool)


def _matched_text(table_name: str, row: pd.Series) -> str:
    if table_name == "sentences":
        return ""
    if table_name == "statements":
        return f"{row['speaker']}: {row['verb']} {row['content']}"
    return str(row["text"])


def _rule_hits(article: Article, rule: ClaimRule) -> list[tuple[str, str]]:
    """(sentence_id, matched words) for one rule, in the order of the article."""
    table = article.table(rule.table)
    mask = _matches(table, rule.column, rule.pattern)
    for column, pattern in rule.where:
        mask &= _matches(table, column, pattern)
    if rule.same_sentence is not None:
        other_name, other_column, other_pattern = rule.same_sentence
        other = article.table(other_name)
        sentences = set(other.loc[_matches(other, other_column, other_pattern), "sentence_id"])
        mask &= table["sentence_id"].isin(sentences)
    hits = table[mask]
    if "start" in hits.columns:
        hits = hits.sort_values("start")
    found: dict[str, list[str]] = {}
    for _, row in hits.iterrows():
        words = _matched_text(rule.table, row)
        found.setdefault(str(row["sentence_id"]), [])
        if words and words not in found[str(row["sentence_id"])]:
            found[str(row["sentence_id"])].append(words)
    pairs = [(sid, "; ".join(words)) for sid, words in found.items()]
    return pairs[:1] if rule.first_only else pairs


def _facts_by_id() -> dict[str, dict]:
    facts = load_table("facts")
    return {row["fact_id"].strip(): row for row in facts.to_dict("records")}


def fact_source(fact_id: str) -> str:
    """The first source of a fact, as ``helpers.curated.fact_citation`` gives it, without the 'facts X:' prefix."""
    return re.sub(r"^facts [A-Z]\d+:\s*", "", fact_citation(fact_id))


def claims_and_background(article: Article, rules: tuple[ClaimRule, ...] = CLAIM_RULES) -> pd.DataFrame:
    """Article sentences (found in the parsed tables, cited ¶) next to the background facts they relate to.

    One row per (sentence, fact). A rule that finds nothing in the article simply adds no row, so the
    table works for any article (for other articles it is usually empty).
    """
    facts = _facts_by_id()
    order = {sid: number for number, sid in enumerate(article.sentences["sentence_id"])}
    rows, seen = [], set()
    for rule_number, rule in enumerate(rules):
        for sentence_id, matched in _rule_hits(article, rule):
            for fact_number, (fact_id, note) in enumerate(rule.notes.items()):
                if (sentence_id, fact_id) in seen or fact_id not in facts:
                    continue
                seen.add((sentence_id, fact_id))
                fact = facts[fact_id]
                rows.append({
                    "sentence_id": sentence_id, "citation": cite(sentence_id), "topic": rule.topic,
                    "article_says": article.sentence(sentence_id), "matched": matched, "fact_id": fact_id,
                    "background": fact["fact"], "adds_or_qualifies": note, "source": fact_source(fact_id),
                    "confidence": fact["confidence"],
                    "_order": (order.get(sentence_id, len(order)), rule_number, fact_number),
                })
    if not rows:
        return pd.DataFrame({column: pd.Series(dtype="str") for column in CLAIMS_COLUMNS})
    table = pd.DataFrame(rows).sort_values("_order", kind="stable", ignore_index=True)
    return table[CLAIMS_COLUMNS]


def claims_overview(table: pd.DataFrame) -> pd.DataFrame:
    """A compact view of :func:`claims_and_background`: citation, topic, fact ids, what the background adds."""
    columns = ["citation", "topic", "fact_id", "adds_or_qualifies", "confidence"]
    return table[columns].rename(columns={"adds_or_qualifies": "what the background adds or qualifies"})


def sentences_without_background(article: Article, table: pd.DataFrame) -> pd.DataFrame:
    """Sentences holding a quantity or a statement that no background fact in ``table`` is paired with."""
    with_claims = set(article.quantities["sentence_id"]) | set(article.statements["sentence_id"])
    covered = set(table["sentence_id"]) if not table.empty else set()
    missing = [sid for sid in article.sentences["sentence_id"] if sid in with_claims and sid not in covered]
    return pd.DataFrame({"citation": [cite(s) for s in missing],
                         "text": [article.sentence(s) for s in missing]}, columns=["citation", "text"])


# -- notebook 1, section 4: North Korean troop estimates ---------------------------------------

TROOP_COLUMNS = ["date", "source_org", "estimate_low", "estimate_high", "scope", "wording", "fact_id",
                 "citation", "url", "on_figure"]
_MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*", "h", "<", ">", "p"]


def troop_estimates_table() -> pd.DataFrame:
    """North Korean troop estimates by source and date (seeds/curated/troop_estimates.csv).

    ``on_figure`` is False for rows without a date: they cannot be placed on a time axis.
    """
    table = load_table("troop_estimates").copy()
    table["on_figure"] = table["date"].notna()
    return table.sort_values("date", kind="stable", na_position="last", ignore_index=True)[TROOP_COLUMNS]


def article_troop_figure(article: Article) -> pd.DataFrame:
    """The article's own troop figures: quantities whose unit is troops or soldiers (may be empty)."""
    quantities = article.quantities
    return quantities[quantities["unit"].isin(TROOP_UNITS)].reset_index(drop=True)


def _reference_quantity(article: Article | None) -> pd.Series | None:
    """The article's troop figure to draw as a reference line: the first one of about 10,000."""
    if article is None:
        return None
    figures = article_troop_figure(article)
    figures = figures[figures["value"] == 10000]
    return None if figures.empty else figures.iloc[0]


def _country(source_org: str) -> str:
    name = re.split(r"[:(]", source_org, maxsplit=1)[0].strip()
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _dodged_dates(table: pd.DataFrame, days: float = 1.5) -> pd.Series:
    """Move estimates from different sources on the same day a little sideways, so markers stay visible.

    Rows from the same source on the same day stay on one vertical line.
    """
    shifted = table["date"].copy()
    for _, group in table.groupby("date"):
        sources = list(dict.fromkeys(group["source_org"]))
        if len(sources) < 2:
            continue
        offsets = {s: (i - (len(sources) - 1) / 2) * days for i, s in enumerate(sources)}
        for index, row in group.iterrows():
            shifted.loc[index] = row["date"] + pd.Timedelta(days=offsets[row["source_org"]])
    return shifted


def troop_figure_alt(table: pd.DataFrame, reference: pd.Series | None) -> str:
    """Alt text for the troop-estimate figure, computed from the table."""
    plotted = table[table["on_figure"]]
    lows = plotted["estimate_low"].fillna(plotted["estimate_high"])
    sources = "; ".join(dict.fromkeys(plotted["source_org"]))
    text = (f"Chart of {len(plotted)} dated estimates of North Korean troops, "
            f"{plotted['date'].min():%d %b %Y} to {plotted['date'].max():%d %b %Y}, from {lows.min():,} to "
            f"{plotted['estimate_high'].max():,}. Sources: {sources}. Ranges are vertical bars; upper bounds "
            "are hollow markers.")
    if reference is not None:
        text += (f" A dashed horizontal line marks the article's figure, {reference['text']} "
                 f"({cite(reference['sentence_id'])}).")
    undated = table[~table["on_figure"]]
    if not undated.empty:
        listed = "; ".join(f"{row.estimate_high:,} ({row.source_org})" for row in undated.itertuples())
        text += f" Not plotted, because undated: {listed}."
    return text


def _time_windows(dates: pd.Series, gap_days: int = 60) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Split the dates where they jump by more than ``gap_days``, so a lone later point gets its own panel."""
    ordered = sorted(pd.Timestamp(d) for d in dates.dropna().unique())
    windows, first, last = [], ordered[0], ordered[0]
    for day in ordered[1:]:
        if (day - last).days > gap_days:
            windows.append((first, last))
            first = day
        last = day
    windows.append((first, last))
    return windows


def plot_troop_estimates(article: Article | None = None):
    """Plot the dated troop estimates over time; return ``(fig, table, alt)``.

    Colour shows the country of the source and the marker shape the source itself (so colour is never
    the only cue). A low–high range is a vertical line; an upper bound only ("as many as") is a hollow
    marker. With ``article``, a dashed line marks the article's own figure from ``article.quantities``
    and a dotted line the article's date. A long gap in time is shown as a break between two panels.
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    table = troop_estimates_table()
    plotted = table[table["on_figure"]].copy()
    plotted["x"] = _dodged_dates(plotted)
    colours = actor_colours(_country(s) for s in plotted["source_org"])
    sources = list(dict.fromkeys(plotted["source_org"]))
    markers = {s: _MARKERS[i % len(_MARKERS)] for i, s in enumerate(sources)}
    reference = _reference_quantity(article)
    # The article's date only means something here if the article gives a troop figure too.
    article_day = (pd.Timestamp(article.reference_date)
                   if reference is not None and article is not None and article.reference_date else None)

    days = plotted["date"] if article_day is None else pd.concat([plotted["date"], pd.Series([article_day])])
    windows = _time_windows(days)
    widths = [max((last - first).days, 7) + 8 for first, last in windows]
    fig, axes = plt.subplots(1, len(windows), figsize=(10, 6.4), sharey=True, squeeze=False,
                             gridspec_kw={"width_ratios": widths, "wspace": 0.06})
    axes = list(axes[0])
    for ax, (first, last) in zip(axes, windows):
        ax.set_xlim(first - pd.Timedelta(days=4), last + pd.Timedelta(days=4))
        inside = plotted[(plotted["date"] >= first) & (plotted["date"] <= last)]
        if inside.empty:
            continue
        for row in inside.itertuples():
            colour = colours[_country(row.source_org)]
            high = float(row.estimate_high)
            upper_only = pd.isna(row.estimate_low)
            if not upper_only and row.estimate_low != row.estimate_high:
                y = (float(row.estimate_low) + high) / 2
                ax.errorbar(row.x, y, yerr=high - y, color=colour, linewidth=2.5, capsize=7, capthick=2.5,
                            linestyle="none")
            else:
                y = high
            ax.plot(row.x, y, marker=markers[row.source_org], markersize=10, linestyle="none",
                    markeredgecolor=colour, markeredgewidth=2, markerfacecolor="white" if upper_only else colour)
        if reference is not None:
            ax.axhline(reference["value"], color=OKABE_ITO["black"], linestyle="--", linewidth=1.2)
        if article_day is not None and first - pd.Timedelta(days=4) <= article_day <= last + pd.Timedelta(days=4):
            ax.axvline(article_day, color=GREY, linestyle=":", linewidth=1.5)
            ax.annotate(f"article's date\n{article_day:%d %b %Y}", xy=(article_day, 0.02),
                        xycoords=("data", "axes fraction"), xytext=(-4, 0), textcoords="offset points",
                        ha="right", fontsize=9, color="#444444")
        span = (last - first).days
        if span > 10:
            ax.xaxis.set_major_locator(mdates.DayLocator(interval=7))
        else:
            ax.set_xticks(sorted(inside["date"].unique()))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
        ax.grid(axis="y", alpha=0.3)
    for left, right in zip(axes[:-1], axes[1:]):
        left.spines["right"].set_visible(False)
        right.spines["left"].set_visible(False)
        right.tick_params(axis="y", left=False)
        for ax, x in ((left, 1.0), (right, 0.0)):
            ax.plot([x, x], [-0.02, 0.02], transform=ax.transAxes, color="black", clip_on=False, linewidth=1)
            ax.text(x, -0.005, "//", transform=ax.transAxes, ha="center", va="center", fontsize=10)
    if reference is not None:
        words = " ".join(str(part) for part in (reference["qualifier"], f"{reference['value']:,.0f}") if part)
        axes[0].annotate(f"the article ({cite(reference['sentence_id'])}): {words}",
                         xy=(0.01, reference["value"]), xycoords=("axes fraction", "data"), xytext=(0, -5),
                         textcoords="offset points", ha="left", va="top", fontsize=9)

    handles = [Line2D([], [], marker=markers[s], linestyle="none", markersize=8, markeredgewidth=1.5,
                      markeredgecolor=colours[_country(s)], markerfacecolor=colours[_country(s)], label=s)
               for s in sources]
    handles.append(Line2D([], [], marker="o", linestyle="none", markersize=8, markeredgewidth=1.5,
                          markeredgecolor=GREY, markerfacecolor="white", label="hollow marker: upper bound only"))
    handles.append(Line2D([], [], color=GREY, linewidth=2.5, marker="_", markersize=12, markeredgewidth=2.5,
                          label="vertical bar: range from low to high"))
    fig.legend(handles=handles, loc="lower center", ncol=2, fontsize=8.5, frameon=False,
               title="Source (marker shape) · country of the source (colour)", title_fontsize=9,
               bbox_to_anchor=(0.5, -0.01))
    fig.suptitle("North Korean troops for Russia: estimates by source and date", fontweight="bold")
    fig.supxlabel("Date of the estimate (estimates from the same day are spread slightly sideways)", fontsize=10,
                  y=0.265)
    axes[0].set_ylabel("Number of troops")
    axes[0].set_ylim(0, max(float(plotted["estimate_high"].max()),
                            float(reference["value"]) if reference is not None else 0.0) * 1.12)
    axes[0].yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    fig.subplots_adjust(left=0.09, right=0.98, top=0.92, bottom=0.36)
    return fig, table, troop_figure_alt(table, reference)


def highest_estimate(table: pd.DataFrame | None = None) -> pd.Series:
    """The row with the highest estimate (ties: the most recent); dated or not."""
    table = troop_estimates_table() if table is None else table
    ranked = table.sort_values(["estimate_high", "date"], ascending=[False, False], na_position="last",
                               kind="stable")
    return ranked.iloc[0]


def _estimate_label(row: pd.Series) -> str:
    when = f"{row['date'].day} {row['date']:%b %Y}" if pd.notna(row["date"]) else "no date given"
    return f"{row['source_org']}, {when}"


def troop_question(notebook: str = NOTEBOOK_CONTEXT):
    """ChoiceQuestion: which source gave the highest estimate, and when? Computed from the CSV."""
    from ..notebook.exercises import ChoiceQuestion

    table = troop_estimates_table()
    best = highest_estimate(table)
    ranked = table.sort_values(["estimate_high", "date"], ascending=[False, False], na_position="last")
    labels = list(dict.fromkeys(_estimate_label(row) for _, row in ranked.iterrows()))
    correct = _estimate_label(best)
    options = [correct] + [label for label in labels if label != correct][:3]
    latest = table.loc[table["date"].idxmax()]
    if _estimate_label(latest) not in options:
        options[-1] = _estimate_label(latest)
    options.sort()
    dated = table[table["on_figure"]]
    top_dated = dated[dated["estimate_high"] == dated["estimate_high"].max()]
    tied = "; ".join(f"{_estimate_label(row)} ({row['scope']})" for _, row in top_dated.iterrows())
    undated_note = (" It has no date in the fact sheet, so it is in the table but not on the figure: "
                    "the highest number is the least documented one." if pd.isna(best["date"]) else "")
    explanation = (f"{best['source_org']} gave {best['estimate_high']:,} (scope: {best['scope']}; facts "
                   f"{best['fact_id']}).{undated_note} The highest dated figure is {dated['estimate_high'].max():,}: "
                   f"{tied}.")
    hints = {}
    for _, row in table.iterrows():
        label = _estimate_label(row)
        if label in options and label != correct and label not in hints:
            same = table[table.apply(_estimate_label, axis=1) == label]
            given = " and ".join(f"{v:,} ({scope})" for v, scope in zip(same["estimate_high"], same["scope"]))
            hints[label] = (f"That source gave {given}. Sort the table by estimate_high and look at every "
                            "row, including the ones not on the figure.")
    return ChoiceQuestion(notebook, "troop_highest",
                          "In the table of estimates, which source gave the highest number, and when?",
                          options, correct, explanation, hints)


def why_disagree_question(notebook: str = NOTEBOOK_CONTEXT):
    """TextQuestion: why do the troop estimates differ? With a model answer."""
    from ..notebook.exercises import TextQuestion

    return TextQuestion(notebook, "why_disagree",
                        "Why do the sources give different numbers of North Korean troops? Give at least two reasons.",
                        model_answer=("They were given on different dates over several weeks, and the number of "
                                      "troops could change in that time. They count different things: troops "
                                      "North Korea decided to send, troops in Russia, or troops in Kursk only. "
                                      "And the counters differ (South Korean, Ukrainian and US officials), each "
                                      "with their own sources and methods. Some figures are upper bounds (\"as "
                                      "many as\") and one has no date at all."),
                        min_words=15)


# -- notebook 1, section 5: the date from "its 1,000th day" ------------------------------------

def war_day_to_date(n: int, day_one: date = WAR_DAY_ONE, inclusive: bool = True) -> date:
    """The calendar date of day ``n`` of the war.

    ``inclusive=True`` counts ``day_one`` itself as day 1 (the press convention, facts A2):
    day 1,000 = 24 Feb 2022 + 999 days = 19 Nov 2024. ``inclusive=False`` adds ``n`` elapsed days
    (24 Feb 2022 + 1,000 days = 20 Nov 2024).
    """
    if isinstance(n, bool) or int(n) != n or n < 1:
        raise ValueError(f"n must be a whole number of days, 1 or more (got {n!r}).")
    return day_one + timedelta(days=int(n) - 1 if inclusive else int(n))


def ordinal_day_rows(article: Article) -> pd.DataFrame:
    """The article's "Nth day" expressions (``article.time_expressions`` with kind "ordinal day")."""
    times = article.time_expressions
    return times[times["kind"] == "ordinal day"].reset_index(drop=True)


def ordinal_day_number(article: Article) -> int | None:
    """The N of the first "Nth day" in the article (1000 for "its 1,000th day"), or None."""
    rows = ordinal_day_rows(article)
    if rows.empty:
        return None
    digits = re.search(r"\d[\d,]*", rows["text"].iloc[0])
    return int(digits.group().replace(",", "")) if digits else None


def conventions_table(n: int = 1000, day_one: date = WAR_DAY_ONE) -> pd.DataFrame:
    """Both ways of counting day ``n``: inclusive (day one is day 1) and elapsed days."""
    rows = []
    for inclusive, how, days in ((True, f"inclusive: {day_one:%d %b %Y} is day 1", n - 1),
                                 (False, f"elapsed: {n:,} days after {day_one:%d %b %Y}", n)):
        day = war_day_to_date(n, day_one, inclusive)
        rows.append({"convention": how, "python": f"pd.Timestamp(\"{day_one}\") + pd.Timedelta(days={days})",
                     "date": f"{day:%A %d %B %Y}"})
    return pd.DataFrame(rows)


def check_day_1000(answer: object, n: int = 1000) -> bool:
    """Show whether ``answer`` (a Timestamp or date) is day ``n`` counted the inclusive way."""
    if answer is None:
        show_message("Not answered yet: replace None in the exercise cell with your calculation, run it, then "
                     "run this cell again.")
        return False
    try:
        given = pd.Timestamp(answer).date()
    except (TypeError, ValueError):
        show_message(f"Not yet: {answer!r} is not a date. Use pd.Timestamp(…) + pd.Timedelta(days=…).", "warning")
        return False
    right = war_day_to_date(n)
    if given == right:
        show_message(f"Yes: {right:%A %d %B %Y}. Day 1 is 24 Feb 2022, so day {n:,} is {n - 1:,} days later "
                     "(facts A1, A2).", "ok")
        return True
    if given == war_day_to_date(n, inclusive=False):
        show_message(f"Close: {given:%d %b %Y} counts {n:,} elapsed days. If 24 Feb 2022 is day 1, day 2 is one "
                     f"day later, so day {n:,} is {n - 1:,} days later (facts A2).", "warning")
        return False
    gap = (given - right).days
    show_message(f"Not yet: {given:%d %b %Y} is {abs(gap)} day(s) {'late' if gap > 0 else 'early'}.", "warning")
    return False


def day_1000_question(notebook: str = NOTEBOOK_CONTEXT, n: int = 1000):
    """DateQuestion: on which date was day ``n`` of the war? Near misses explain the two conventions."""
    from ..notebook.exercises import DateQuestion

    right = war_day_to_date(n)
    elapsed = war_day_to_date(n, inclusive=False)
    near = {
        elapsed: (f"{elapsed:%d %b %Y} is {n:,} elapsed days after 24 Feb 2022. The press counts 24 Feb 2022 as "
                  f"day 1 (inclusive), so day {n:,} comes one day earlier (facts A2)."),
        right - timedelta(days=1): (f"That is day {n - 1:,}, one day before day {n:,}. Facts A2: on 18 Nov 2024 "
                                    "the war was on day 999, which is why the article says it \"approaches\" "
                                    "day 1,000."),
    }
    explanation = (f"Day 1 is 24 Feb 2022 (facts A1); add {n - 1:,} days to get day {n:,}. Kyiv Independent, "
                   "AP, Reuters and the EU marked this date as the 1,000th day (facts A2).")
    return DateQuestion(notebook, "day_1000", f"On which date was day {n:,} of the full-scale war?",
                        right, explanation, near)


# -- references --------------------------------------------------------------------------------

def fact_ids_used() -> list[str]:
    """Every fact id this notebook's tables cite (claim rules, glossary, troop estimates), in fact-sheet order."""
    ids = {fid for rule in CLAIM_RULES for fid in rule.notes}
    ids |= {fid for cell in load_table("glossary")["fact_ids"] for fid in split_list(cell)}
    ids |= set(load_table("troop_estimates")["fact_id"].str.strip())
    order = list(_facts_by_id())
    return sorted(ids, key=lambda fid: order.index(fid) if fid in order else len(order))


def references_table(fact_ids: list[str] | None = None) -> pd.DataFrame:
    """Fact id, first source (with URL where the fact sheet gives one) and confidence, for each fact."""
    facts = _facts_by_id()
    ids = fact_ids_used() if fact_ids is None else list(fact_ids)
    return pd.DataFrame([{"fact_id": fid, "source": fact_source(fid), "confidence": facts[fid]["confidence"]}
                         for fid in ids if fid in facts], columns=["fact_id", "source", "confidence"])

