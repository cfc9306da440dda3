"""Each sentence of A with its closest counterpart in B, by shared content words (Jaccard)."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from ...parse.article import Article, cite
from .common import Pair
from .words import content_words, jaccard, one_line

COLUMNS = ["citation_a", "sentence_a", "citation_b", "sentence_b", "score", "shared", "only_in_a"]


def _sentence_words(article: Article) -> list[tuple[str, str, set[str]]]:
    return [
        (str(sid), one_line(text), content_words(text))
        for sid, text in zip(article.sentences["sentence_id"], article.sentences["text"])
    ]


def closest_counterparts(pair: Pair) -> pd.DataFrame:
    """For every sentence of A, the sentence of B that shares the largest part of its content words.

    score = shared content words ÷ all different content words of the two sentences (0 to 1, two
    decimals); ties go to B's earlier sentence. Columns: citation_a, sentence_a, citation_b,
    sentence_b (empty when no sentence of B shares a word), score, shared (the shared words),
    only_in_a (A's content words that appear nowhere in B: what A says that B does not).
    """
    b_sentences = _sentence_words(pair.b)
    index: dict[str, list[int]] = defaultdict(list)  # word → B sentences that use it (no all-pairs loop)
    for number, (_, _, found) in enumerate(b_sentences):
        for word in found:
            index[word].append(number)
    rows = []
    for sid, text, found in _sentence_words(pair.a):
        candidates = sorted({n for word in found for n in index.get(word, ())})
        best, best_score = None, 0.0
        for number in candidates:
            score = jaccard(found, b_sentences[number][2])
            if score > best_score:
                best, best_score = number, score
        if best is None:
            rows.append([cite(sid), text, "", "", 0.0, "", ", ".join(sorted(found))])
            continue
        b_sid, b_text, b_found = b_sentences[best]
        missing = sorted(word for word in found if word not in index)
        rows.append(
            [
                cite(sid),
                text,
                cite(b_sid),
                b_text,
                round(best_score, 2),
                ", ".join(sorted(found & b_found)),
                ", ".join(missing),
            ]
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def best_matches(article_b: Article, sentence: str, top: int = 3) -> pd.DataFrame:
    """The ``top`` sentences of ``article_b`` closest to one sentence, best first (score > 0 only).

    Columns: citation, sentence, score, shared.
    """
    found = content_words(sentence)
    rows = []
    for sid, text, words in _sentence_words(article_b):
        score = jaccard(found, words)
        if score > 0:
            rows.append([cite(sid), text, round(score, 2), ", ".join(sorted(found & words)), score])
    table = pd.DataFrame(rows, columns=["citation", "sentence", "score", "shared", "_exact"])
    table = table.sort_values("_exact", ascending=False, kind="stable").head(top)
    return table.drop(columns="_exact").reset_index(drop=True)


def coverage_summary(table: pd.DataFrame) -> pd.DataFrame:
    """How many sentences of A have a close, a loose or no counterpart in B, from :func:`closest_counterparts`.

    Bands: close (score ≥ 0.3), loose (0 < score < 0.3), none (no shared content word).
    Columns: counterpart, sentences.
    """
    bands = [
        ("close (score 0.3 or more)", table["score"] >= 0.3),
        ("loose (score above 0, below 0.3)", (table["score"] > 0) & (table["score"] < 0.3)),
        ("none (no shared content word)", table["score"] == 0),
    ]
    return pd.DataFrame([(name, int(mask.sum())) for name, mask in bands], columns=["counterpart", "sentences"])
