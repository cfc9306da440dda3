"""Notebook 4, "Escalation questions": Kahn's ladder, hedged claims, competing hypotheses, forecasts.

Every function takes a parsed :class:`~helpers.article.Article` (or nothing) and returns a small
table (a pandas DataFrame), or a figure with its alt text and table, so a notebook cell is one call.

* ``ladder_units()``, ``plot_ladder()``: Herman Kahn's escalation ladder, simplified to the 7 units
  of ``seeds/curated/escalation_ladder.csv`` (facts D1–D4).
* ``certainty_table(article)``, ``plot_certainty(article)``, ``hedge_layers(article)``: is each
  sentence stated as fact, reported, or speculative? Works on any article.
* ``ladder_items``, ``ach_hypotheses``, ``ach_evidence``: items found in the course article by rule
  (never by a hard-coded sentence id), with the teacher's reference answers from
  ``seeds/curated/ladder_placements.csv`` and ``ach_matrix.csv``. These exist only for the course
  article: for any other article they return empty tables.
* Widgets: :class:`LadderExercise`, :class:`ACHMatrix`, :class:`ForecastExercise`. Each can be
  driven from Python (set ``.value`` on a dropdown or slider, ``.click()`` a button); their
  callbacks never raise, they show a message.

Article rules
-------------
A rule names a parsed table, a column and a value: ``statements.lemma=warn`` (equal, ignoring case)
or ``sentences.text~killed`` (contains these words, ignoring case). Alternatives are separated by
`` | ``. :func:`find_by_rule` returns the ids of the sentences whose rows match, in article order.

No text from a seed is drawn inside a figure (matplotlib would read ``$…$`` as maths); figures show
¶ ids and counts, the tables behind them hold the words.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from ..notebook.answers import AnswerStoreError
from ..parse.article import TABLES, Article, cite
from ..notebook.session import is_course_seed
from ..paths import curated_dir
from ..curated import CuratedDataError, fact_citation, load_table, split_list
from ..notebook.display import show_table as display_table
from ..notebook.display import table_html as display_table_html
from ..notebook.display import (GREY, OKABE_ITO, article_html, escape, figure_html, message_html, show_figure,
                      table_details_html)
from ..notebook.exercises import ChoiceQuestion, remember, store_for, store_warning
from ..notebook.scoring import brier_baseline, brier_score, brier_table

NOTEBOOK = "04_escalation"
AS_OF = "as of mid-December 2025"

#: The three certainty categories, from most to least certain-sounding.
CATEGORIES = ("confirmed", "reported", "speculative")
CATEGORY_MEANING = {
    "confirmed": "stated as fact: no hedge and no attribution (the article presents it as settled, "
                 "which is not the same as checked)",
    "reported": "an attributed claim: someone said, warned or claimed it (or it is 'according to' "
                "someone), and the article passes it on",
    "speculative": "a modal, possibility, evidential or uncertainty hedge: may, might, could, "
                   "potentially, unconfirmed reports, unclear …",
}
#: Hedge kinds (from ``article.hedges``) that make a sentence speculative. Approximators ("nearly
#: 50") make a number approximate, not the claim speculative: they are listed but do not count.
SPECULATIVE_KINDS = ("modal", "possibility", "evidential", "uncertainty")
#: Evidential cues that only name who says something ("according to officials"): they make a sentence
#: reported, not speculative. Other evidential cues ("unconfirmed reports", "indications") weaken it.
ATTRIBUTION_CUES = re.compile(r"^(?:according to|reportedly|allegedly|sources? (?:say|said|suggest))$",
                              re.IGNORECASE)
CATEGORY_COLOURS = {"confirmed": OKABE_ITO["blue"], "reported": OKABE_ITO["orange"],
                    "speculative": OKABE_ITO["reddish purple"]}
CATEGORY_HATCHES = {"confirmed": "", "reported": "//", "speculative": ".."}

#: What each kind of hedge, or a quantity's qualifier, tells a reader.
LAYER_MEANING = {
    "evidential": ("who says so", "the claim is passed on from a source; the words show how solid it is"),
    "modal": ("how sure", "something could happen, not that it will"),
    "possibility": ("how sure", "a possibility, not a fact"),
    "uncertainty": ("how sure", "the article says it does not know"),
    "approximator": ("how much", "an approximate number"),
}
QUALIFIER_MEANING = {
    "up to": "an upper limit: the most it could be, not an estimate",
    "as many as": "an upper limit: the most it could be, not an estimate",
    "over": "a lower limit: at least this many",
    "more than": "a lower limit: at least this many",
    "nearly": "approximate, a little under",
    "almost": "approximate, a little under",
    "about": "approximate",
    "around": "approximate",
}

NOT_ON_LADDER = 0
CHOOSE_UNIT = -1
MARKS = {"C": "consistent", "I": "inconsistent", "N": "not applicable"}
MARK_OPTIONS = [("–", ""), ("C", "C"), ("I", "I"), ("N", "N")]

#: The four "why now?" hypotheses for the course article. ``rule`` finds the article's sentences that
#: suggest each one (see :func:`find_by_rule`); the wording of the hypotheses is the course's own.
HYPOTHESES = (
    ("H1", "A response to North Korean troops joining Russia's war",
     "sentences.text~North Korean forces | quantities.unit=troops"),
    ("H2", "Acting before the change of US administration",
     "sentences.text~leave office | time_expressions.text~January 20th"),
    ("H3", "A response to Russian strikes on Ukraine's infrastructure",
     "sentences.text~infrastructure | sentences.text~power grid"),
    ("H4", "Strengthening Ukraine's position before expected negotiations",
     "sentences.text~negotiate | sentences.text~cannot win"),
)
HYPOTHESIS_IDS = tuple(h[0] for h in HYPOTHESES)

#: Background facts this notebook cites outside the forecast reveal (whose outcomes cite their own).
CITED_FACTS = ["D1", "D2", "D3", "D4", "D5", "D6", "D8", "D9", "D10", "D12", "D14", "D15", "D16", "A3", "A4",
               "A6", "A7", "A12", "A15", "A16", "A17", "B10", "B13", "X2"]

LADDER_PLACEMENT_COLUMNS = ["item_id", "label", "article_rule", "unit_order", "reasoning", "fact_ids",
                            "confidence"]
ACH_MATRIX_COLUMNS = ["evidence_id", "kind", "evidence_rule", "label", "fact_ids", *HYPOTHESIS_IDS,
                      "reasoning", "confidence"]
LADDER_ITEM_COLUMNS = ["item_id", "label", "sentence_id", "cite", "text", "article_rule", "unit_order",
                       "reference_unit", "reasoning", "fact_ids", "confidence"]
HYPOTHESIS_COLUMNS = ["hypothesis_id", "hypothesis", "sentence_ids", "grounded_in"]
EVIDENCE_COLUMNS = ["evidence_id", "kind", "source", "evidence", "text", "fact_ids", *HYPOTHESIS_IDS,
                    "reasoning", "confidence"]
CERTAINTY_COLUMNS = ["sentence_id", "cite", "paragraph", "category", "cues", "cue_kinds", "attributed_to",
                     "text"]

__all__ = [
    "NOTEBOOK", "AS_OF", "CATEGORIES", "show_table", "table_html", "CATEGORY_MEANING", "HYPOTHESES", "MARKS",
    "find_by_rule", "ladder_units", "ladder_options", "unit_label", "plot_ladder", "ladder_placements",
    "ladder_items", "certainty_table", "certainty_counts", "plot_certainty", "hedge_layers",
    "signal_statements", "hedges_html", "deterrence_question", "CITED_FACTS", "ach_hypotheses",
    "ach_evidence", "ach_reference_marks", "ach_scores",
    "forecast_questions", "plot_forecasts", "practice_forecasts", "check_brier", "references",
    "LadderExercise", "ACHMatrix", "ForecastExercise",
]


# -- small tools ------------------------------------------------------------------------------------


def _safe(callback: Callable) -> Callable:
    """Wrap a widget callback so that it shows a message instead of raising."""

    @functools.wraps(callback)
    def wrapper(self, *args, **kwargs):
        try:
            return callback(self, *args, **kwargs)
        except Exception as error:  # a callback must never raise into the notebook
            self._say(f"Something went wrong ({type(error).__name__}: {error}). Run the cell above "
                      "again; if it keeps happening, show this message to your teacher.", "error")
            return None

    return wrapper


def _remember(widget: widgets.ValueWidget, notebook: str, question_id: str, prompt: str,
              **kwargs) -> widgets.ValueWidget:
    """``helpers.exercises.remember`` with the question's prompt (it appears in the student's submission)."""
    return remember(widget, notebook, question_id, prompt=prompt, **kwargs)


def _read_reference(name: str, columns: list[str], folder: Path | str | None = None) -> pd.DataFrame:
    """Read one of this notebook's reference tables (text cells) and check its columns."""
    path = (curated_dir() if folder is None else Path(folder)) / f"{name}.csv"
    if not path.is_file():
        raise CuratedDataError(f"Reference table not found: {path}. Restore it from the course repository.")
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    table.columns = [str(column).strip() for column in table.columns]
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise CuratedDataError(f"{path.name} lacks the column(s) {', '.join(missing)}; keep the header row "
                               "exactly as shipped.")
    return table[columns].map(str.strip)


_RULE = re.compile(r"^\s*(\w+)\.(\w+)\s*([=~])\s*(.+?)\s*$")


def find_by_rule(article: Article, rule: str) -> list[str]:
    """Ids of the sentences whose rows in a parsed table match ``rule``, in article order.

    ``statements.lemma=warn``: the ``lemma`` column equals "warn" (ignoring case).
    ``sentences.text~killed``: the ``text`` column contains the word(s) "killed" (ignoring case).
    Alternatives are joined with `` | ``. A malformed rule raises ``ValueError`` naming the fix.
    """
    found: set[str] = set()
    for part in str(rule).split(" | "):
        match = _RULE.match(part)
        if not match:
            raise ValueError(f"the rule {part!r} is not of the form table.column=value or table.column~words.")
        table_name, column, operator, value = match.groups()
        if table_name not in TABLES:
            raise ValueError(f"the rule {part!r} names no parsed table; use one of: {', '.join(TABLES)}.")
        table = article.table(table_name)
        if column not in table.columns:
            raise ValueError(f"the rule {part!r} names no column of {table_name}; use one of: "
                             f"{', '.join(table.columns)}.")
        cells = table[column].astype(str)
        if operator == "=":
            hits = cells.str.casefold() == value.casefold()
        else:
            pattern = r"(?<!\w)" + re.escape(value).replace(r"\ ", r"\s+") + r"(?!\w)"
            hits = cells.str.contains(pattern, case=False, regex=True)
        found.update(table.loc[hits.fillna(False).astype(bool), "sentence_id"].astype(str))
    order = {sid: number for number, sid in enumerate(article.sentences["sentence_id"])}
    return sorted(found, key=lambda sid: order.get(sid, len(order)))


def show_table(table: pd.DataFrame, columns: list[str] | None = None) -> None:
    """Display a table in full, escaped (see :func:`helpers.display.show_table`)."""
    display_table(table, columns=columns)


def table_html(table: pd.DataFrame, columns: list[str] | None = None) -> str:
    """A table as escaped HTML (see :func:`helpers.display.table_html`)."""
    return display_table_html(table, columns=columns)


# -- Kahn's ladder ----------------------------------------------------------------------------------


def ladder_units() -> pd.DataFrame:
    """The 7 units of Kahn's ladder (escalation_ladder.csv) with a ``rungs`` column like "4–9"."""
    table = load_table("escalation_ladder").sort_values("order").reset_index(drop=True)
    table.insert(2, "rungs", [f"{first}–{last}" for first, last in zip(table["first_rung"], table["last_rung"])])
    return table[["order", "unit", "rungs", "threshold_after", "example_rungs", "fact_ids", "first_rung",
                  "last_rung"]]


def unit_label(order: int | None, units: pd.DataFrame | None = None) -> str:
    """A unit's label ("2. Traditional crises (rungs 4–9)"), or the course's "not a step up" option."""
    if order is None or (isinstance(order, float) and math.isnan(order)) or int(order) == CHOOSE_UNIT:
        return "(not placed)"
    if int(order) == NOT_ON_LADDER:
        return "0. Not a step up the ladder"
    units = ladder_units() if units is None else units
    row = units.loc[units["order"] == int(order)]
    if row.empty:
        return f"unit {int(order)} (unknown)"
    return f"{int(order)}. {row['unit'].iloc[0]} (rungs {row['rungs'].iloc[0]})"


def ladder_options(units: pd.DataFrame | None = None) -> list[tuple[str, int]]:
    """Dropdown options: "(choose a unit)", the course's "not a step up the ladder", then the 7 units."""
    units = ladder_units() if units is None else units
    return [("(choose a unit)", CHOOSE_UNIT), (unit_label(NOT_ON_LADDER), NOT_ON_LADDER),
            *[(unit_label(order, units), int(order)) for order in units["order"]]]


def plot_ladder() -> tuple[Figure, str, pd.DataFrame]:
    """Kahn's 44 rungs in 7 units as a staircase, thresholds marked. Returns (figure, alt text, table)."""
    units = ladder_units()
    fig = Figure(figsize=(9, 4.8))
    ax = fig.subplots()
    for row in units.itertuples(index=False):
        first, last = int(row.first_rung), int(row.last_rung)
        ax.barh(row.order, last - first + 1, left=first - 0.5, height=0.5, color=OKABE_ITO["sky blue"],
                edgecolor=OKABE_ITO["blue"])
        ax.text(first - 0.8, row.order, f"{row.unit} ({first}–{last})", ha="right", va="center", fontsize=9,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        if row.threshold_after:
            ax.axvline(last + 0.5, color=OKABE_ITO["vermillion"], linestyle="--", linewidth=1)
            ax.text(last + 0.8, row.order + 0.5, f"threshold: “{row.threshold_after}”", fontsize=8,
                    color=OKABE_ITO["vermillion"], va="center", ha="left",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        for rung in split_list(row.example_rungs):
            number = rung.split(":", 1)[0].strip()
            if number.isdigit():
                ax.plot(int(number), row.order, marker="|", color=OKABE_ITO["black"], markersize=11)
                ax.text(int(number) + 0.3, row.order, number, ha="left", va="center", fontsize=7)
    ax.set_xlim(-22, 46)
    ax.set_ylim(0.3, 8.1)
    ax.set_xticks([1, 10, 20, 30, 40, 44])
    ax.set_yticks(list(units["order"]))
    ax.set_yticklabels([f"unit {order}" for order in units["order"]])
    ax.set_xlabel("Rung (1 = lowest, 44 = highest)")
    ax.set_ylabel("Unit (group of rungs)")
    ax.set_title("Kahn's escalation ladder (1965), simplified: 7 units, 6 thresholds")
    ax.text(-21, 7.75, "| = a rung the fact sheet names (numbers in the table)", fontsize=8, color=GREY)
    ax.spines["left"].set_visible(False)
    fig.tight_layout()
    named = "; ".join(part for cell in units["example_rungs"] for part in split_list(cell))
    alt = (f"Staircase chart of Herman Kahn's escalation ladder: {int(units['last_rung'].max())} rungs in "
           f"{len(units)} units, from {units['unit'].iloc[0]} (rungs {units['rungs'].iloc[0]}) at the bottom to "
           f"{units['unit'].iloc[-1]} (rungs {units['rungs'].iloc[-1]}) at the top. Dashed lines mark the "
           f"{int((units['threshold_after'] != '').sum())} thresholds between units. Named rungs: {named}. "
           "Source: escalation_ladder.csv, facts D1–D4.")
    table = units[["order", "unit", "rungs", "threshold_after", "example_rungs", "fact_ids"]]
    return fig, alt, table


def ladder_placements(folder: Path | str | None = None) -> pd.DataFrame:
    """The teacher's reference placements (ladder_placements.csv), ``unit_order`` as an integer."""
    table = _read_reference("ladder_placements", LADDER_PLACEMENT_COLUMNS, folder)
    table["unit_order"] = pd.to_numeric(table["unit_order"], errors="raise").astype(int)
    return table


def ladder_items(article: Article) -> pd.DataFrame:
    """The course article's events and statements to place on the ladder, each found by its rule.

    One row per placement whose rule matches (the first matching sentence), with the reference
    unit and its reasoning. Empty (same columns) for any article other than the course's own.
    """
    if not is_course_seed(article):
        return pd.DataFrame(columns=LADDER_ITEM_COLUMNS)
    units = ladder_units()
    rows = []
    for row in ladder_placements().itertuples(index=False):
        ids = find_by_rule(article, row.article_rule)
        if not ids:
            continue
        rows.append({"item_id": row.item_id, "label": row.label, "sentence_id": ids[0], "cite": cite(ids[0]),
                     "text": article.sentence(ids[0]), "article_rule": row.article_rule,
                     "unit_order": int(row.unit_order),
                     "reference_unit": unit_label(row.unit_order, units), "reasoning": row.reasoning,
                     "fact_ids": row.fact_ids, "confidence": row.confidence})
    return pd.DataFrame(rows, columns=LADDER_ITEM_COLUMNS)


# -- certainty: confirmed, reported, speculative ---------------------------------------------------


def certainty_table(article: Article) -> pd.DataFrame:
    """One row per sentence: is it stated as fact ("confirmed"), "reported" or "speculative"?

    Speculative: a modal, possibility, evidential or uncertainty hedge (``article.hedges``); an
    evidential cue that only names a source ("according to", "reportedly") does not count.
    Reported: otherwise, an attributed claim (``article.statements``, or such a cue). Confirmed: neither.
    ``cues`` lists every hedge cue in the sentence ("; "-separated), approximators included.
    """
    hedges = article.hedges
    statements = article.statements
    rows = []
    for sentence in article.sentences.itertuples(index=False):
        sid = sentence.sentence_id
        own = hedges.loc[hedges["sentence_id"] == sid].sort_values("start")
        kinds = list(own["kind"])
        speakers = list(dict.fromkeys(statements.loc[statements["sentence_id"] == sid, "speaker"]))
        attributed = [cue for cue in own["cue"] if ATTRIBUTION_CUES.match(cue)]
        if any(kind in SPECULATIVE_KINDS and not ATTRIBUTION_CUES.match(cue)
               for kind, cue in zip(kinds, own["cue"])):
            category = "speculative"
        elif speakers or attributed:
            category = "reported"
        else:
            category = "confirmed"
        rows.append({"sentence_id": sid, "cite": cite(sid), "paragraph": int(sentence.paragraph),
                     "category": category, "cues": "; ".join(own["cue"]),
                     "cue_kinds": "; ".join(dict.fromkeys(kinds)), "attributed_to": "; ".join(speakers),
                     "text": sentence.text})
    return pd.DataFrame(rows, columns=CERTAINTY_COLUMNS)


def certainty_counts(article: Article) -> pd.DataFrame:
    """Sentences per paragraph and category: columns paragraph, confirmed, reported, speculative, total."""
    table = certainty_table(article)
    counts = (pd.crosstab(table["paragraph"], table["category"])
              .reindex(columns=list(CATEGORIES), fill_value=0)
              .reindex(sorted(table["paragraph"].unique()), fill_value=0))
    counts["total"] = counts.sum(axis=1)
    counts = counts.reset_index().rename_axis(columns=None)
    return counts.astype({column: int for column in ["paragraph", *CATEGORIES, "total"]})


def plot_certainty(article: Article) -> tuple[Figure, str, pd.DataFrame]:
    """Stacked bars: per paragraph, how many sentences are confirmed, reported or speculative.

    Returns (figure, alt text, table). Colours are Okabe–Ito and each category has its own hatch,
    so the chart does not rely on colour alone.
    """
    counts = certainty_counts(article)
    fig = Figure(figsize=(8, 4))
    ax = fig.subplots()
    bottom = pd.Series(0, index=counts.index)
    for category in CATEGORIES:
        ax.bar(counts["paragraph"].astype(str), counts[category], bottom=bottom, label=category,
               color=CATEGORY_COLOURS[category], hatch=CATEGORY_HATCHES[category], edgecolor="white")
        bottom = bottom + counts[category]
    ax.set_xlabel("Paragraph (¶)")
    ax.set_ylabel("Number of sentences")
    ax.set_title("How sure does the article sound? Sentences per paragraph")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(title="Category", frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    totals = {category: int(counts[category].sum()) for category in CATEGORIES}
    speculative = [str(p) for p, n in zip(counts["paragraph"], counts["speculative"]) if n]
    where = (f"Speculative sentences are in paragraph(s) {', '.join(speculative)}." if speculative
             else "No sentence is speculative.")
    alt = (f"Stacked bar chart of the {int(counts['total'].sum())} sentences of article {article.id}, "
           f"one bar per paragraph ({len(counts)} paragraphs): {totals['confirmed']} stated as fact "
           f"(confirmed), {totals['reported']} reported, {totals['speculative']} speculative. {where}")
    return fig, alt, counts


def hedge_layers(article: Article) -> pd.DataFrame:
    """The "layers" of uncertainty in each sentence that stacks two or more of them.

    A layer is a hedge (who says so, how sure, how much) or a quantity whose qualifier makes it a
    limit ("up to 100,000"). Columns: sentence_id, cite, layer, words, kind, meaning.
    """
    rows = []
    for sentence in article.sentences.itertuples(index=False):
        sid = sentence.sentence_id
        layers = []
        for hedge in article.hedges.loc[article.hedges["sentence_id"] == sid].itertuples(index=False):
            layer, meaning = LAYER_MEANING.get(hedge.kind, ("other", ""))
            layers.append((hedge.start, layer, hedge.cue, hedge.kind, meaning))
        for quantity in article.quantities.loc[article.quantities["sentence_id"] == sid].itertuples(index=False):
            qualifier = str(quantity.qualifier or "").lower()
            if qualifier in QUALIFIER_MEANING and not any(start <= quantity.start < start + len(words)
                                                          for start, _, words, _, _ in layers):
                layers.append((quantity.start, "how much", quantity.text, f"quantity: {qualifier}",
                               QUALIFIER_MEANING[qualifier]))
        speculative = [layer for layer in layers if layer[3] in SPECULATIVE_KINDS]
        if len(layers) >= 2 and speculative:
            for start, layer, words, kind, meaning in sorted(layers):
                rows.append({"sentence_id": sid, "cite": cite(sid), "layer": layer, "words": words, "kind": kind,
                             "meaning": meaning})
    return pd.DataFrame(rows, columns=["sentence_id", "cite", "layer", "words", "kind", "meaning"])


def signal_statements(article: Article) -> pd.DataFrame:
    """Statements that threaten, warn, promise or say someone would respond: possible signals.

    Columns: cite, speaker, verb, content (the parsed words, in the speaker's own words where direct).
    """
    statements = article.statements
    lemmas = statements["lemma"].astype(str).str.lower().isin(["warn", "threaten", "promise", "vow", "pledge"])
    respond = statements["content"].astype(str).str.contains(r"\b(?:respon\w*|retaliat\w*)\b", case=False,
                                                             regex=True)
    chosen = statements.loc[lemmas | respond]
    return pd.DataFrame({"cite": [cite(s) for s in chosen["sentence_id"]], "speaker": chosen["speaker"].values,
                         "verb": chosen["verb"].values, "content": chosen["content"].values},
                        columns=["cite", "speaker", "verb", "content"])


def hedges_html(article: Article) -> str:
    """The article with every hedge cue marked and the speculative sentences highlighted (escaped HTML)."""
    table = certainty_table(article)
    speculative = list(table.loc[table["category"] == "speculative", "sentence_id"])
    marks = list(zip(article.hedges["start"], article.hedges["end"]))
    legend = ("<p><small>▶ and bold: a speculative sentence · <mark>marked</mark>: a hedge cue "
              f"({len(marks)} cues, {len(speculative)} speculative sentences)</small></p>")
    return legend + article_html(article, highlight=speculative, marks=marks)


def deterrence_question(notebook: str = NOTEBOOK) -> ChoiceQuestion:
    """Exercise: is an imagined threat deterrence or compellence (Schelling, fact D16)?"""
    deterrence = "Deterrence: A tries to stop B from doing something"
    compellence = "Compellence: A tries to make B do something"
    brute = "Brute force: A simply takes what it wants, without bargaining"
    return ChoiceQuestion(
        notebook, "deter_or_compel",
        "Imagine that country A tells country B: “If your troops cross the river, we will strike back.” "
        "In Schelling's terms, what is A doing?",
        [deterrence, compellence, brute], deterrence,
        explanation="The threat asks B not to act, and nothing happens if B stays where it is: that is "
                    "deterrence (fact D16). Compellence would be “we will keep striking until you pull back”.",
        hints={compellence: "Does A want B to do something new, or to refrain from something? Look at "
                            "what happens if B does nothing.",
               brute: "A has not used force yet: it is threatening, which is bargaining with “the power "
                      "to hurt” (fact D16)."})


# -- Analysis of Competing Hypotheses --------------------------------------------------------------


def ach_hypotheses(article: Article) -> pd.DataFrame:
    """The four "why now?" hypotheses with the article's sentences that suggest each (found by rule).

    Empty (same columns) for any article other than the course's own.
    """
    if not is_course_seed(article):
        return pd.DataFrame(columns=HYPOTHESIS_COLUMNS)
    rows = []
    for hypothesis_id, hypothesis, rule in HYPOTHESES:
        ids = find_by_rule(article, rule)
        rows.append({"hypothesis_id": hypothesis_id, "hypothesis": hypothesis, "sentence_ids": "; ".join(ids),
                     "grounded_in": ", ".join(cite(sid) for sid in ids)})
    return pd.DataFrame(rows, columns=HYPOTHESIS_COLUMNS)


def ach_evidence(article: Article, folder: Path | str | None = None) -> pd.DataFrame:
    """Evidence rows of the ACH matrix: the article's sentences (found by rule) and background facts.

    Each row carries the teacher's reference marks (C, I or N per hypothesis) and reasoning from
    ach_matrix.csv. Empty (same columns) for any article other than the course's own.
    """
    if not is_course_seed(article):
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    rows = []
    for row in _read_reference("ach_matrix", ACH_MATRIX_COLUMNS, folder).to_dict("records"):
        if row["kind"] == "article":
            ids = find_by_rule(article, row["evidence_rule"])
            if not ids:
                continue
            source, text = cite(ids[0]), article.sentence(ids[0])
        else:
            source = "facts " + ", ".join(split_list(row["fact_ids"]))
            text = row["label"]
        rows.append({"evidence_id": row["evidence_id"], "kind": row["kind"], "source": source,
                     "evidence": row["label"], "text": text, "fact_ids": row["fact_ids"],
                     **{h: row[h] for h in HYPOTHESIS_IDS}, "reasoning": row["reasoning"],
                     "confidence": row["confidence"]})
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def ach_reference_marks(evidence: pd.DataFrame) -> dict[tuple[str, str], str]:
    """The reference matrix as ``{(evidence_id, hypothesis_id): "C" | "I" | "N"}``."""
    return {(row["evidence_id"], h): row[h] for row in evidence.to_dict("records") for h in HYPOTHESIS_IDS}


def ach_scores(marks: Mapping[tuple[str, str], str], hypothesis_ids=HYPOTHESIS_IDS,
               evidence_ids=None) -> pd.DataFrame:
    """Count each hypothesis's marks. Heuer: the hypothesis with the fewest inconsistencies survives.

    ``marks`` maps (evidence_id, hypothesis_id) to "C", "I", "N" or "" (not marked). Columns:
    hypothesis_id, inconsistent, consistent, not_applicable, unmarked, survives (True for the
    hypotheses with the fewest "I" marks; all False if nothing is marked).
    """
    if evidence_ids is None:
        evidence_ids = list(dict.fromkeys(e for e, _ in marks))
    rows = []
    for hypothesis_id in hypothesis_ids:
        values = [str(marks.get((e, hypothesis_id), "") or "").upper() for e in evidence_ids]
        rows.append({"hypothesis_id": hypothesis_id, "inconsistent": values.count("I"),
                     "consistent": values.count("C"), "not_applicable": values.count("N"),
                     "unmarked": sum(value not in MARKS for value in values)})
    table = pd.DataFrame(rows, columns=["hypothesis_id", "inconsistent", "consistent", "not_applicable",
                                        "unmarked"])
    marked = (table[["inconsistent", "consistent", "not_applicable"]].sum(axis=1) > 0)
    fewest = table.loc[marked, "inconsistent"].min() if marked.any() else None
    table["survives"] = marked & (table["inconsistent"] == fewest) if fewest is not None else False
    return table.astype({"inconsistent": int, "consistent": int, "not_applicable": int, "unmarked": int,
                         "survives": bool})


def _diagnostic_rows(marks: Mapping[tuple[str, str], str], evidence_ids) -> list[str]:
    """Evidence ids whose full row is marked and not the same for every hypothesis."""
    diagnostic = []
    for e in evidence_ids:
        values = [marks.get((e, h), "") for h in HYPOTHESIS_IDS]
        if all(v in MARKS for v in values) and len(set(values)) > 1:
            diagnostic.append(e)
    return diagnostic


# -- forecasts ------------------------------------------------------------------------------------


def forecast_questions() -> pd.DataFrame:
    """The forecast questions (forecast_questions.csv) with ``outcome`` as 1 (yes) or 0 (no)."""
    table = load_table("forecast_questions")
    table["outcome"] = (table["resolution"].str.strip().str.lower() == "yes").astype(int)
    return table


def plot_forecasts(table: pd.DataFrame) -> tuple[Figure, str, pd.DataFrame]:
    """Forecast against outcome per question (from a ``brier_table``). Returns (figure, alt, table)."""
    table = table.reset_index(drop=True)
    fig = Figure(figsize=(8, 0.55 * len(table) + 1.8))
    ax = fig.subplots()
    y = list(range(len(table)))[::-1]
    for position, row in zip(y, table.itertuples(index=False)):
        ax.plot([row.forecast, row.outcome], [position, position], color=GREY, linewidth=2, zorder=1)
        ax.text(max(row.forecast, row.outcome) + 0.03 if max(row.forecast, row.outcome) < 0.9 else
                min(row.forecast, row.outcome) - 0.03, position + 0.18,
                f"error² {row.squared_error:.2f}", fontsize=8,
                ha="left" if max(row.forecast, row.outcome) < 0.9 else "right")
    ax.scatter(table["forecast"], y, s=70, color=OKABE_ITO["blue"], marker="o", label="your forecast", zorder=3)
    ax.scatter(table["outcome"], y, s=90, color=OKABE_ITO["black"], marker="D", label="what happened (0 = no, 1 = yes)",
               zorder=2)
    ax.axvline(0.5, color=OKABE_ITO["orange"], linestyle="--", linewidth=1, label="coin flip (0.5)")
    ax.set_yticks(y)
    ax.set_yticklabels(table["question_id"])
    ax.set_xlim(-0.08, 1.08)
    ax.set_ylim(-0.8, len(table) - 0.2)
    ax.set_xlabel("Probability (0 = sure it will not happen, 1 = sure it will)")
    ax.set_ylabel("Question")
    ax.set_title("Your forecasts against what happened")
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=3, fontsize=9)
    fig.tight_layout()
    score = brier_score(list(table["forecast"]), list(table["outcome"]))
    worst = table.loc[table["squared_error"].idxmax()]
    alt = (f"Dot chart of {len(table)} forecasts: for each question a blue dot at the forecast probability and a "
           f"black diamond at the outcome (0 or 1), joined by a grey line whose length is the error. "
           f"Brier score {score:.3f}; the largest error is on {worst['question_id']} "
           f"(forecast {worst['forecast']:.2f}, outcome {int(worst['outcome'])}).")
    return fig, alt, table


def practice_forecasts() -> pd.DataFrame:
    """Made-up forecasts for practice (not about any article): forecast probability and 0/1 outcome."""
    return pd.DataFrame({"question": ["A", "B", "C", "D"], "forecast": [0.9, 0.6, 0.3, 0.5],
                         "outcome": [1, 0, 0, 1]})


def check_brier(practice: pd.DataFrame, answer: object) -> None:
    """Say whether ``answer`` is the Brier score of the practice forecasts (shown as a message)."""
    from IPython.display import HTML, display

    try:
        expected = brier_score(list(practice["forecast"]), list(practice["outcome"]))
        if answer is None:
            text, kind = "Replace None with your calculation, then run both cells again.", "info"
        elif abs(float(answer) - expected) < 1e-9:
            text, kind = (f"Yes: {expected:.4f}. Lower is better; always saying 0.5 would score "
                          f"{brier_baseline(list(practice['outcome'])):.2f}.", "ok")
        else:
            text, kind = (f"Not yet: {float(answer):.4f}. Square each (forecast − outcome) first, "
                          "then take the mean.", "warning")
    except (TypeError, ValueError, KeyError) as error:
        text, kind = f"This could not be checked: {error}", "warning"
    display(HTML(message_html(text, kind)))


def references(fact_ids: list[str]) -> pd.DataFrame:
    """One row per fact id: fact_id and the short citation from facts.csv (source, URL, confidence)."""
    return pd.DataFrame({"fact_id": fact_ids, "citation": [fact_citation(f) for f in fact_ids]})


# -- widgets ---------------------------------------------------------------------------------------


class _Widget:
    """Shared parts: a status line, ``_say`` and display in a notebook."""

    widget: widgets.Widget
    status: widgets.HTML

    def _say(self, text: str, kind: str = "info") -> None:
        self.status.value = message_html(text, kind)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


class LadderExercise(_Widget):
    """Place each item on a unit of the ladder (saved); a button shows the reference placement."""

    def __init__(self, article: Article, notebook: str = NOTEBOOK, items: pd.DataFrame | None = None) -> None:
        self.notebook = notebook
        self.items = ladder_items(article) if items is None else items.reset_index(drop=True)
        self.units = ladder_units()
        options = ladder_options(self.units)
        self.status = widgets.HTML()
        self.result = widgets.HTML()
        self.dropdowns: dict[str, widgets.Dropdown] = {}
        rows = []
        for row in self.items.itertuples(index=False):
            dropdown = widgets.Dropdown(options=options, value=CHOOSE_UNIT, layout=widgets.Layout(width="340px"))
            _remember(dropdown, notebook, f"ladder.{row.item_id}",
                      f"Ladder unit for: {row.label} ({row.cite})", encode=int, decode=int, status=self.status)
            self.dropdowns[row.item_id] = dropdown
            prompt = widgets.HTML(f"<b>{escape(row.label)}</b><br><small>{escape(row.cite)}: "
                                  f"{escape(row.text)}</small>", layout=widgets.Layout(width="60%"))
            rows.append(widgets.HBox([prompt, dropdown], layout=widgets.Layout(align_items="center",
                                                                               margin="4px 0")))
        self.reveal_button = widgets.Button(description="Show the reference answer", button_style="primary",
                                            layout=widgets.Layout(width="auto"))
        self.reveal_button.on_click(lambda _: self.reveal())
        self.widget = widgets.VBox([store_warning(notebook), *rows, self.reveal_button, self.status, self.result],
                                   layout=widgets.Layout(border="1px solid #ddd", padding="8px"))
        self.widget.add_class("course-question")

    def choices(self) -> dict[str, int | None]:
        """The student's unit per item (None if not placed yet)."""
        return {item: (None if d.value == CHOOSE_UNIT else int(d.value)) for item, d in self.dropdowns.items()}

    def compare(self) -> pd.DataFrame:
        """Student against reference: item_id, cite, your_unit, reference_unit, difference, agreement."""
        choices = self.choices()
        rows = []
        for row in self.items.itertuples(index=False):
            mine = choices.get(row.item_id)
            difference = None if mine is None else abs(mine - int(row.unit_order))
            if difference is None:
                agreement = "not placed"
            elif difference == 0:
                agreement = "same unit"
            elif mine == NOT_ON_LADDER or int(row.unit_order) == NOT_ON_LADDER:
                agreement = "different: one of you says it is not a step up"
            else:
                agreement = f"{difference} unit{'s' if difference > 1 else ''} apart"
            rows.append({"item_id": row.item_id, "cite": row.cite, "your_unit": unit_label(mine, self.units),
                         "reference_unit": unit_label(row.unit_order, self.units),
                         "difference": difference, "agreement": agreement})
        table = pd.DataFrame(rows, columns=["item_id", "cite", "your_unit", "reference_unit", "difference",
                                            "agreement"])
        table["difference"] = table["difference"].astype("Int64")
        return table

    @_safe
    def reveal(self) -> pd.DataFrame | None:
        """Show the reference placements with their reasoning, next to the student's choices."""
        if self.items.empty:
            self._say("There is nothing to place for this article.", "info")
            return None
        table = self.compare()
        placed = int((table["agreement"] != "not placed").sum())
        same = int((table["agreement"] == "same unit").sum())
        if placed == 0:
            self._say("You have not placed any item yet. Try first, then compare: the reference is one "
                      "reasoned reading, not the answer key.", "info")
        else:
            self._say(f"You placed {placed} of {len(table)} items; {same} match the reference unit. "
                      "Disagreement is fine if you can give a reason.", "ok")
        parts = ['<table class="course-table" style="border-collapse:collapse"><tr>'
                 "<th>Item</th><th>Your unit</th><th>Reference unit</th><th>Comparison</th>"
                 "<th>Reasoning (interpretation)</th></tr>"]
        for compared, item in zip(table.itertuples(index=False), self.items.itertuples(index=False)):
            parts.append(f'<tr style="border-top:1px solid #ddd"><td><b>{escape(item.label)}</b> '
                         f"({escape(item.cite)})</td><td>{escape(compared.your_unit)}</td>"
                         f"<td>{escape(compared.reference_unit)}</td><td>{escape(compared.agreement)}</td>"
                         f"<td>{escape(item.reasoning)} <small>[facts {escape(item.fact_ids)}; "
                         f"{escape(item.confidence)}]</small></td></tr>")
        parts.append("</table><p><small>The reference placements are a teaching judgement (fact D4 is labelled "
                     "“interpretation” in the fact sheet), not facts. Kahn's ladder is a 1965 tool "
                     "for thinking about crises between nuclear powers; using it for this war is an "
                     "analogy.</small></p>")
        self.result.value = "".join(parts)
        return table


class ACHMatrix(_Widget):
    """Analysis of Competing Hypotheses: mark each cell C, I or N (saved); score and compare."""

    def __init__(self, article: Article, notebook: str = NOTEBOOK, evidence: pd.DataFrame | None = None) -> None:
        self.notebook = notebook
        self.hypotheses = ach_hypotheses(article)
        self.evidence = ach_evidence(article) if evidence is None else evidence.reset_index(drop=True)
        self.status = widgets.HTML()
        self.result = widgets.HTML()
        self.dropdowns: dict[tuple[str, str], widgets.Dropdown] = {}
        header = [widgets.HTML("<b>Evidence</b>")] + [
            widgets.HTML(f"<b title=\"{escape(text)}\">{escape(h)}</b>") for h, text, _ in HYPOTHESES]
        cells: list[widgets.Widget] = list(header)
        for row in self.evidence.itertuples(index=False):
            cells.append(widgets.HTML(f"<b>{escape(row.evidence_id)}</b> <small>({escape(row.source)})</small> "
                                      f"{escape(row.text)}"))
            for h in HYPOTHESIS_IDS:
                dropdown = widgets.Dropdown(options=MARK_OPTIONS, value="", layout=widgets.Layout(width="70px"),
                                            tooltip=f"{row.evidence_id} × {h}")
                _remember(dropdown, notebook, f"ach.{row.evidence_id}.{h}",
                          f"ACH mark (C, I or N): evidence {row.evidence_id} ({row.evidence}) against {h} "
                          f"({dict((i, t) for i, t, _ in HYPOTHESES)[h]})", status=self.status)
                self.dropdowns[(row.evidence_id, h)] = dropdown
                cells.append(dropdown)
        legend = widgets.HTML("<small>" + " · ".join(f"<b>{escape(h)}</b>: {escape(text)}"
                                                     for h, text, _ in HYPOTHESES)
                              + "<br>C = consistent, I = inconsistent, N = not applicable (neutral)</small>")
        grid = widgets.GridBox(cells, layout=widgets.Layout(
            grid_template_columns="minmax(260px, 1fr) repeat(4, 80px)", grid_gap="4px 8px", align_items="center"))
        self.score_button = widgets.Button(description="Score my matrix", button_style="primary")
        self.score_button.on_click(lambda _: self.score())
        self.widget = widgets.VBox([store_warning(notebook), legend, grid, self.score_button, self.status,
                                    self.result], layout=widgets.Layout(border="1px solid #ddd", padding="8px"))
        self.widget.add_class("course-question")

    @property
    def evidence_ids(self) -> list[str]:
        return list(self.evidence["evidence_id"])

    def marks(self) -> dict[tuple[str, str], str]:
        """The student's marks: {(evidence_id, hypothesis_id): "C" | "I" | "N" | ""}."""
        return {key: dropdown.value for key, dropdown in self.dropdowns.items()}

    def scores(self) -> pd.DataFrame:
        """The student's counts per hypothesis (see :func:`ach_scores`)."""
        return ach_scores(self.marks(), HYPOTHESIS_IDS, self.evidence_ids)

    def reference_scores(self) -> pd.DataFrame:
        """The reference matrix's counts per hypothesis."""
        return ach_scores(ach_reference_marks(self.evidence), HYPOTHESIS_IDS, self.evidence_ids)

    @_safe
    def score(self) -> pd.DataFrame | None:
        """Count inconsistencies per hypothesis, for the student and the reference, and show both."""
        if self.evidence.empty:
            self._say("There is no matrix for this article.", "info")
            return None
        mine, reference = self.scores(), self.reference_scores()
        marks, reference_marks = self.marks(), ach_reference_marks(self.evidence)
        if not any(value in MARKS for value in marks.values()):
            self._say("Mark at least one cell first (C, I or N). Start with the evidence you find strongest.",
                      "info")
            self.result.value = ""
            return None
        survivors = ", ".join(mine.loc[mine["survives"], "hypothesis_id"])
        unmarked = int(mine["unmarked"].sum())
        self._say(f"Fewest inconsistencies in your matrix: {survivors}. "
                  + (f"{unmarked} cells are still unmarked. " if unmarked else "")
                  + "Heuer's advice: judge by what disproves a hypothesis, not by how much fits it.", "ok")
        table = mine[["hypothesis_id", "inconsistent", "consistent"]].rename(
            columns={"hypothesis_id": "id", "inconsistent": "your I", "consistent": "your C"})
        table["reference I"] = reference["inconsistent"].values
        table["reference C"] = reference["consistent"].values
        table.insert(1, "hypothesis", [text for _, text, _ in HYPOTHESES])
        agree = sum(marks[key] == reference_marks[key] for key in marks if marks[key] in MARKS)
        marked = sum(value in MARKS for value in marks.values())
        mine_diag = _diagnostic_rows(marks, self.evidence_ids)
        ref_diag = _diagnostic_rows(reference_marks, self.evidence_ids)
        parts = [table_html(table),
                 f"<p>{agree} of your {marked} marked cells agree with the reference. Diagnostic rows (marked "
                 "differently across hypotheses, so they help you choose): "
                 f"yours {escape(', '.join(mine_diag)) or 'none'}; reference {escape(', '.join(ref_diag))}.</p>",
                 "<details><summary>The reference matrix and its reasoning (interpretation)</summary>"
                 '<table class="course-table" style="border-collapse:collapse"><tr><th>Evidence</th>'
                 + "".join(f"<th>{escape(h)}</th>" for h in HYPOTHESIS_IDS) + "<th>Why</th></tr>"]
        for row in self.evidence.itertuples(index=False):
            cells = "".join(f"<td>{escape(getattr(row, h))}"
                            + (f" <small>(you: {escape(marks[(row.evidence_id, h)])})</small>"
                               if marks.get((row.evidence_id, h)) else "") + "</td>" for h in HYPOTHESIS_IDS)
            parts.append(f'<tr style="border-top:1px solid #ddd"><td><b>{escape(row.evidence_id)}</b> '
                         f"{escape(row.evidence)} <small>({escape(row.source)})</small></td>{cells}"
                         f"<td>{escape(row.reasoning)} <small>[{escape(row.confidence)}]</small></td></tr>")
        parts.append("</table></details><p><small>The reference matrix is a teaching judgement, labelled "
                     "“interpretation”. The four hypotheses are not exclusive: several can be true at "
                     "once.</small></p>")
        self.result.value = "".join(parts)
        return table


class ForecastExercise(_Widget):
    """Forecast, lock, then reveal: one slider per question, saved and locked in the answers file.

    ``.sliders`` (question id → FloatSlider), ``.lock_button``, ``.reveal_button``, ``.result`` (HTML)
    and ``.widget``. Locked forecasts stay locked after a kernel restart: the sliders come back
    disabled with their values, and the scores use the saved values.
    """

    def __init__(self, notebook: str = NOTEBOOK, questions: pd.DataFrame | None = None) -> None:
        self.notebook = notebook
        self.course_questions = questions is None
        self.questions = (forecast_questions() if questions is None else questions).reset_index(drop=True)
        self.store = store_for(notebook)
        self.status = widgets.HTML()
        self.result = widgets.HTML()
        self.sliders: dict[str, widgets.FloatSlider] = {}
        rows = []
        for row in self.questions.itertuples(index=False):
            qid = str(row.question_id)
            slider = widgets.FloatSlider(value=0.5, min=0.0, max=1.0, step=0.05, readout_format=".2f",
                                         continuous_update=False, description=qid,
                                         layout=widgets.Layout(width="420px"))
            _remember(slider, notebook, qid, f"Forecast (probability 0–1): {row.question}", encode=float,
                      decode=float, status=self.status)
            slider.observe(functools.partial(self._keep_locked, qid), names="value")
            self.sliders[qid] = slider
            rows.append(widgets.VBox([widgets.HTML(f"<b>{escape(qid)}.</b> {escape(row.question)} "
                                                   f"<small>(window: {escape(row.window_days)} days from "
                                                   "19 Nov 2024)</small>"), slider]))
        self.lock_button = widgets.Button(description="Lock my forecasts", icon="lock", button_style="warning",
                                          tooltip="Save and lock all forecasts. This cannot be undone.",
                                          layout=widgets.Layout(width="auto"))
        self.reveal_button = widgets.Button(description="Reveal what happened", icon="eye", button_style="primary",
                                            layout=widgets.Layout(width="auto"))
        self.lock_button.on_click(lambda _: self.lock())
        self.reveal_button.on_click(lambda _: self.reveal())
        self.widget = widgets.VBox([store_warning(notebook), *rows,
                                    widgets.HBox([self.lock_button, self.reveal_button]), self.status, self.result],
                                   layout=widgets.Layout(border="1px solid #ddd", padding="8px"))
        self.widget.add_class("course-question")
        if self.is_locked:
            self.lock_button.disabled = True
            self._say("Your forecasts are locked (saved earlier). Press “Reveal what happened”.", "info")

    @property
    def is_locked(self) -> bool:
        """True when every question is locked in the answers file."""
        try:
            return bool(self.sliders) and all(self.store.is_locked(qid) for qid in self.sliders)
        except AnswerStoreError:
            return False

    def _keep_locked(self, qid: str, change: dict) -> None:
        """A locked slider snaps back to its saved value (the answers file never changes)."""
        try:
            if not self.store.is_locked(qid):
                return
            saved = self.store.get(qid)
            if saved is not None and change["new"] != saved:
                self.sliders[qid].value = float(saved)
                self._say(f"Your forecast for {qid} is locked at {float(saved):.2f}; it cannot change now.", "info")
        except Exception as error:  # never raise from a callback
            self._say(f"Could not check the lock for {qid}: {error}", "warning")

    def forecasts(self) -> dict[str, float]:
        """The saved forecasts (what the score uses), by question id."""
        values = {}
        for qid in self.sliders:
            saved = self.store.get(qid)
            if saved is not None:
                values[qid] = float(saved)
        return values

    @_safe
    def lock(self) -> bool:
        """Save every slider's value and lock it; the sliders become read-only."""
        for qid, slider in self.sliders.items():
            if not self.store.is_locked(qid):
                try:
                    self.store.set(qid, float(slider.value))
                    self.store.lock(qid)
                except AnswerStoreError as error:
                    self._say(str(error), "warning")
                    return False
            slider.disabled = True
        self.lock_button.disabled = True
        forecasts = self.forecasts()
        listed = ", ".join(f"{qid} {value:.2f}" for qid, value in forecasts.items())
        self._say(f"Locked: {listed}. These can no longer change. Now press “Reveal what happened”.", "ok")
        return True

    def table(self) -> pd.DataFrame:
        """Forecasts against outcomes: a ``brier_table`` plus question, outcome text, facts and source."""
        outcomes = dict(zip(self.questions["question_id"].astype(str), self.questions["outcome"].astype(int)))
        table = brier_table(self.forecasts(), outcomes)
        extra = self.questions.rename(columns={"question_id": "qid"})
        extra["qid"] = extra["qid"].astype(str)
        merged = table.merge(extra[["qid", "question", "resolution", "outcome_text", "fact_ids", "source", "url",
                                    "as_of"]], left_on="question_id", right_on="qid", how="left")
        return merged.drop(columns="qid")

    @_safe
    def reveal(self) -> pd.DataFrame | None:
        """After locking: show what happened per question, the Brier score and the coin-flip baseline."""
        if not self.is_locked:
            self._say("First lock your forecasts with “Lock my forecasts”. Revealing first would let you "
                      "change them after seeing the answers, and then the score would not measure anything.",
                      "info")
            return None
        table = self.table()
        if table.empty:
            self._say("No saved forecasts were found to score.", "warning")
            return None
        score = brier_score(list(table["forecast"]), list(table["outcome"]))
        baseline = brier_baseline(list(table["outcome"]))
        verdict = ("better than" if score < baseline - 1e-12 else
                   "the same as" if abs(score - baseline) <= 1e-12 else "worse than")
        self._say(f"Your Brier score: {score:.3f}. Always answering 50% would score {baseline:.3f}, so you did "
                  f"{verdict} a coin flip.", "ok")
        parts = [
            f"<p><b>Your Brier score: {score:.3f}</b> (lower is better). 0 means every forecast was right and "
            f"fully confident; 1 means every one was wrong and fully confident; saying 50% to everything scores "
            f"{baseline:.2f}, the coin-flip baseline (fact D9). You did {verdict} the coin flip. One score on "
            f"{len(table)} questions says little about skill: research on forecasting uses far more (over "
            "150,000 forecasts on 199 events in fact D14).</p>",
            '<table class="course-table" style="border-collapse:collapse"><tr><th>Question</th><th>Your forecast</th>'
            "<th>What happened</th><th>Error²</th><th>Source</th></tr>"]
        for row in table.itertuples(index=False):
            link = (f'<a href="{escape(row.url)}" target="_blank" rel="noopener noreferrer">{escape(row.source)}</a>'
                    if str(row.url).startswith(("http://", "https://")) else escape(row.source))
            answer = str(row.resolution).strip().capitalize()
            text = str(row.outcome_text)
            said = (f"<b>{escape(answer)}.</b>{escape(text[len(answer) + 1:])}" if text.startswith(answer + ".")
                    else f"<b>{escape(answer)}.</b> {escape(text)}")
            parts.append(f'<tr style="border-top:1px solid #ddd"><td><b>{escape(row.question_id)}</b> '
                         f"{escape(row.question)}</td><td>{row.forecast:.2f}</td>"
                         f"<td>{said} "
                         f"<small>(facts {escape(row.fact_ids)}; {escape(row.as_of or AS_OF)})</small></td>"
                         f"<td>{row.squared_error:.2f}</td><td>{link}</td></tr>")
        parts.append("</table>")
        fig, alt, chart_table = plot_forecasts(table[["question_id", "forecast", "outcome", "squared_error",
                                                      "baseline_squared_error"]])
        parts.append(figure_html(fig, alt) + table_details_html(chart_table))
        if self.course_questions:
            parts.append("<p><b>Back to the ladder.</b> The fact sheet's teaching note (fact D4, an interpretation) "
                         "compares the Oreshnik launch with rung 18, “Spectacular show or demonstration of "
                         "force”, in unit 3 (Intense crises). Where would you have put it?</p>")
        parts.append("<p><small>All outcomes are " + escape(AS_OF) + ".</small></p>")
        self.result.value = "".join(parts)
        return table

    def show_chart(self) -> None:
        """Show the forecast-against-outcome chart, once the forecasts are locked."""
        from IPython.display import HTML, display

        if not self.is_locked or not self.forecasts():
            display(HTML(message_html("The chart appears once you have locked your forecasts and pressed "
                                      "“Reveal what happened”. Then run this cell again.", "info")))
            return
        table = self.table()
        fig, alt, chart_table = plot_forecasts(table[["question_id", "forecast", "outcome", "squared_error",
                                                      "baseline_squared_error"]])
        show_figure(fig, alt=alt, table=chart_table)
