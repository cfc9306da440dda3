"""The :class:`Article`: an article's text and the tables parsed from it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from ..errors import ArticleError, ArticleTooLargeError, NoSentencesError
from ..paths import course_root
from .attribution import quote_speakers
from .datelines import find_dateline
from .hedges import find_hedges
from .lexicon import Lexicon, default_lexicon
from .mentions import find_mentions
from .quantities import find_quantities
from .reading import MAX_TEXT_CHARS, normalise_text, read_article_file
from .sentence_ids import find_sentence
from .sentences import paragraph_spans, sentence_spans
from .statements import find_quotes, find_statements
from .timex import TimeExpression, find_time_expressions, read_anchors, resolve, resolve_ordinal_day
from .timex_resolve import resolve_anaphora
from .transcript import read_front_matter, read_transcript
from .turns import label_mentions, quote_in_turn, turn_paragraphs, turn_statements, within

COLUMNS = {
    "sentences": ["sentence_id", "paragraph", "text", "start", "end"],
    "mentions": ["actor_id", "actor", "kind", "form", "text", "sentence_id", "start", "end"],
    "quotes": ["text", "speaker_id", "speaker", "sentence_id", "start", "end", "attribution", "basis"],
    "statements": [
        "speaker_id",
        "speaker",
        "attribution",
        "verb",
        "lemma",
        "content",
        "direct",
        "sentence_id",
        "start",
        "end",
        "basis",
        "negated",
    ],
    "quantities": ["text", "value", "unit", "qualifier", "sentence_id", "start", "end"],
    "time_expressions": ["text", "kind", "start_date", "end_date", "basis", "sentence_id", "start", "end"],
    "hedges": ["cue", "kind", "sentence_id", "start", "end"],
}
TABLES = tuple(COLUMNS)
_DATELINE_CHARS = 300


@dataclass
class Article:
    """One parsed article. Every table row cites a sentence (``sentence_id`` like ``"3.2"``) and
    character offsets such that ``article.text[start:end] == row.text``.

    ``kind`` is ``"transcript"`` when the text has speaker labels (``MR. FINER:``, ``Q``): then every sentence
    of a turn is a direct statement of its speaker (``basis == "speaker label"``), and ``text`` has the
    hard line wraps joined. ``title`` comes from a front matter block (``---`` … ``---``), which is not text.
    """

    id: str
    text: str
    reference_date: date | None
    reference_basis: str
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    statements: pd.DataFrame
    quantities: pd.DataFrame
    time_expressions: pd.DataFrame
    hedges: pd.DataFrame
    source: str = ""
    title: str = ""
    kind: str = "article"

    def table(self, name: str) -> pd.DataFrame:
        """A table by name (``"quotes"``); a clear error lists the names if it is misspelt."""
        if name not in COLUMNS:
            raise ArticleError(f"there is no table called {name!r}.", fix=f"Choose one of: {', '.join(TABLES)}.")
        return getattr(self, name)

    def sentence(self, sentence_id: str | float) -> str:
        """The text of one sentence, by its id: ``"4.3"``, ``4.3`` or ``"¶4.3"``."""
        found = find_sentence(self.sentences, sentence_id, self.id)
        return str(self.sentences.loc[self.sentences["sentence_id"] == found, "text"].iloc[0])

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, name))} {name}" for name in TABLES)
        return f"<Article {self.id!r}: {counts}>"


def cite(sentence_id: str) -> str:
    """How the course cites a sentence: ``"¶3.2"``."""
    return f"¶{sentence_id}"


def load_article(path: str | Path, *, reference_date: date | None = None) -> Article:
    """Read and parse one article file. The id is the file name without ``.txt``."""
    path = Path(path)
    text = read_article_file(path)
    return parse_text(text, article_id=path.stem, reference_date=reference_date, source=str(path))


def load_corpus(folder: str | Path = "seeds") -> dict[str, Article]:
    """Every ``*.txt`` article in a folder, by id (sorted by file name)."""
    folder = Path(folder)
    if not folder.is_dir() and not folder.is_absolute():  # e.g. "seeds" from inside notebooks/
        in_course = course_root() / folder
        folder = in_course if in_course.is_dir() else folder
    if not folder.is_dir():
        raise ArticleError(
            f"{folder} is not a folder.", fix="Give the folder that holds the .txt articles, e.g. 'seeds'."
        )
    articles = {path.stem: load_article(path) for path in sorted(folder.glob("*.txt"))}
    if not articles:
        raise ArticleError(f"{folder} holds no .txt article.", fix="Save each article as a UTF-8 .txt file in it.")
    return articles


def parse_text(
    text: str,
    article_id: str = "article",
    *,
    reference_date: date | None = None,
    lexicon: Lexicon | None = None,
    source: str = "",
) -> Article:
    """Parse an article's text into tables. Raises a :class:`~helpers.errors.ArticleError` subclass
    with a clear message for empty, binary-looking, too large or sentence-less text."""
    where = source or article_id
    if not isinstance(text, str):
        raise ArticleError(
            f"expected the article's text as a string, got {type(text).__name__}.",
            source=where,
            fix="Use load_article(path) for files, or decode bytes first.",
        )
    if len(text) > MAX_TEXT_CHARS:
        raise ArticleTooLargeError(
            f"the text has {len(text):,} characters; the parser's limit is {MAX_TEXT_CHARS:,}.",
            source=where,
            fix="Split it into one article per file.",
        )
    text = normalise_text(text, source=where)
    lexicon = lexicon or default_lexicon()
    front = read_front_matter(text)  # a scraped text's "---" block is metadata, not words of the text
    if front is not None:
        text = text[front.end :]
        if not text.strip():
            raise NoSentencesError(
                "the text holds only its front matter (the block between '---' lines), no words after it.",
                source=where,
                fix="Check that the file holds the article's words below the front matter.",
            )
    transcript = read_transcript(text, lexicon, front.title if front else "")
    if transcript is not None:
        text = transcript.text  # hard line wraps joined; offsets unchanged

    spans: list[tuple[int, int]] = []
    sentence_rows = []
    paragraph_number = 0
    paragraphs = turn_paragraphs(text, transcript) if transcript else paragraph_spans(text)
    for paragraph in paragraphs:
        in_paragraph = sentence_spans(text, paragraph)
        if transcript is not None:
            in_paragraph = [span for span in in_paragraph if not transcript.is_mark(text, span)]
        if not in_paragraph:
            continue
        paragraph_number += 1
        for number, span in enumerate(in_paragraph, 1):
            spans.append((span.start, span.end))
            sentence_rows.append(
                (f"{paragraph_number}.{number}", paragraph_number, text[span.start : span.end], span.start, span.end)
            )
    if not spans:
        raise NoSentencesError(
            "no sentence found: the text has no letters or digits.",
            source=where,
            fix="Check that the file holds the article's words.",
        )
    starts = [s for s, _ in spans]
    ids = [row[0] for row in sentence_rows]

    def sentence_of(position: int) -> str:
        return ids[max(0, bisect.bisect_right(starts, position) - 1)]

    # Time first: the reference date comes from a dateline or an anchored "Nth day".
    candidates = _by_sentence(find_time_expressions(text, 0, len(text)), spans)
    if reference_date is None and front is not None and front.date is not None:
        reference_date = front.date
        given_basis = f"the date in the text's front matter (date: {front.date_text})"
    else:
        given_basis = ""
    reference, basis = _reference_date(text, spans, candidates, reference_date)
    basis = given_basis or basis
    anchors = read_anchors()
    time_rows = []
    for (s_start, s_end), found in zip(spans, candidates):
        sentence_text = text[s_start:s_end] if any(item[2] == "ordinal day" for item in found) else ""
        for start, end, kind, match in found:
            expression = None
            if kind == "ordinal day":
                expression = resolve_ordinal_day(match, sentence_text, anchors)
                if expression is None:
                    expression = TimeExpression(start, end, kind, None, None, "no known event to count days from")
            else:
                kind, first, last, why = resolve(kind, match, reference)
                expression = TimeExpression(start, end, kind, first, last, why)
            time_rows.append(
                (
                    text[start:end],
                    expression.kind,
                    expression.start_date,
                    expression.end_date,
                    expression.basis,
                    sentence_of(start),
                    start,
                    end,
                )
            )
    time_rows = resolve_anaphora(time_rows)  # "the same day", "the previous day": from the last day named
    date_spans = [
        (row[6], row[7])
        for row in time_rows
        if row[1] in ("date", "month", "year", "ordinal day", "clock", "weekday", "month only")
    ]

    mentions = find_mentions(text, lexicon)
    if transcript is not None:  # labels and stage marks are not sentences: what lies in them is dropped
        mentions = [m for m in mentions if within(m.start, spans)]
        time_rows = [row for row in time_rows if within(row[6], spans)]
    mention_rows = [
        (
            m.actor.actor_id,
            m.actor.name,
            m.actor.kind,
            m.form,
            text[m.start : m.end],
            sentence_of(m.start),
            m.start,
            m.end,
        )
        for m in mentions
    ]
    if transcript is not None:
        mention_rows = sorted(mention_rows + label_mentions(transcript, spans, ids), key=lambda row: row[6])

    paragraph_ends = sorted({row[1]: row[4] for row in sentence_rows}.values())
    quote_spans = find_quotes(text, paragraph_ends)
    statements = find_statements(text, spans, mentions, quote_spans)
    reported = statements
    if transcript is not None:
        statements = turn_statements(transcript, spans, statements)
    statement_rows = [
        (
            st.speaker_id,
            st.speaker,
            st.attribution,
            st.verb,
            st.lemma,
            text[st.start : st.end],
            st.direct,
            ids[index],
            st.start,
            st.end,
            st.basis,
            st.negated,
        )
        for index, st in statements
    ]
    paragraph_of = [row[1] for row in sentence_rows]
    speakers = quote_speakers(text, quote_spans, reported, spans, paragraph_of, mentions)
    if transcript is not None:
        speakers = [quote_in_turn(transcript, start, found) for (start, _), found in zip(quote_spans, speakers)]
    quote_rows = [
        (text[q_start:q_end], speaker_id, speaker, sentence_of(q_start), q_start, q_end, attribution, how)
        for (q_start, q_end), (speaker_id, speaker, attribution, how) in zip(quote_spans, speakers)
    ]

    quantity_rows = [
        (text[q.start : q.end], q.value, q.unit, q.qualifier, sentence_of(q.start), q.start, q.end)
        for q in find_quantities(text, spans, date_spans)
        if transcript is None or within(q.start, spans)
    ]

    hedge_rows = [
        (text[h0:h1], kind, sentence_of(h0), h0, h1)
        for h0, h1, kind in find_hedges(text)
        if transcript is None or within(h0, spans)
    ]

    return Article(
        id=article_id,
        text=text,
        reference_date=reference,
        reference_basis=basis,
        sentences=_frame("sentences", sentence_rows),
        mentions=_frame("mentions", mention_rows),
        quotes=_frame("quotes", quote_rows),
        statements=_frame("statements", statement_rows),
        quantities=_frame("quantities", quantity_rows),
        time_expressions=_frame("time_expressions", time_rows),
        hedges=_frame("hedges", hedge_rows),
        source=source,
        title=front.title if front else "",
        kind="transcript" if transcript else "article",
    )


_DTYPES = {
    "start": "int64",
    "end": "int64",
    "paragraph": "int64",
    "value": "float64",
    "direct": "bool",
    "negated": "bool",
    "start_date": "datetime64[s]",
    "end_date": "datetime64[s]",
}


def _frame(name: str, rows: list[tuple]) -> pd.DataFrame:
    """Build a table column by column, with fixed dtypes (also when it is empty)."""
    columns = COLUMNS[name]
    data = list(zip(*rows)) if rows else [()] * len(columns)
    return pd.DataFrame(
        {
            column: pd.array(values, dtype=_DTYPES.get(column, "object"))
            if column in _DTYPES and "date" not in column
            else (
                pd.to_datetime(pd.Series(values, dtype="object")) if "date" in column else pd.array(values, dtype="str")
            )
            for column, values in zip(columns, data)
        },
        columns=columns,
    )


def _by_sentence(found: list[tuple], spans: list[tuple[int, int]]) -> list[list[tuple]]:
    """Group (start, end, …) matches by the sentence they lie in; drop any that cross a sentence end."""
    groups: list[list[tuple]] = [[] for _ in spans]
    starts = [s for s, _ in spans]
    for item in found:
        index = bisect.bisect_right(starts, item[0]) - 1
        if index >= 0 and item[1] <= spans[index][1]:
            groups[index].append(item)
    return groups


def _reference_date(text, spans, candidates, given):
    """The date the article's relative expressions count from, and why."""
    if given is not None:
        return given, f"given by the user: {given:%d %b %Y}"
    dateline = find_dateline(text)
    if dateline is not None:
        return dateline
    for _span, found in zip(spans, candidates):
        for start, _end, kind, match in found:
            if kind == "date" and start < _DATELINE_CHARS and re.search(r"\d{4}", match.group()):
                _, first, _, _ = resolve(kind, match, None)
                if first is not None:
                    return first, f"the dateline near the top of the article: '{match.group()}'"
    anchors = read_anchors()
    for (s_start, s_end), found in zip(spans, candidates):
        sentence_text = text[s_start:s_end] if any(item[2] == "ordinal day" for item in found) else ""
        for _start, _end, kind, match in found:
            if kind == "ordinal day":
                expression = resolve_ordinal_day(match, sentence_text, anchors)
                if expression is not None:
                    return expression.start_date, (
                        f"the article carries no date; it says '{match.group()}', and "
                        f"{expression.basis} gives {expression.start_date:%a %d %b %Y}. Relative expressions "
                        f"are counted from that day."
                    )
    return None, 'the article carries no date, so relative expressions ("next year") stay unresolved'
