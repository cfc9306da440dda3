"""One quote, many translations: outlets' English renderings of the same Russian words (facts B12, B13).

The renderings come from ``seeds/curated/translations.csv``, which describes the course article:
the ``*_view`` functions and :func:`translation_question` return the skip message for any other article.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from ...curated import load_table
from ...notebook.display import Message, table_html
from ...notebook.exercises import TextQuestion
from ...notebook.session import Session, is_course_seed
from ...parse.article import Article, cite
from .common import actors_registry, question_id

OVERVIEW_COLUMNS = [
    "speaker",
    "other_renderings",
    "different_wordings",
    "original",
    "article_rendering",
    "article_citation",
    "fact_id",
]


def _normalise(text: str) -> str:
    return " ".join(str(text).casefold().replace("’", "'").strip(" .,“”\"'").split())


def _article_quote_citation(article: Article, rendering: str) -> str:
    """The citation of a quote in the article with exactly these words, or ``""``."""
    wanted = _normalise(rendering)
    for text, sentence_id in zip(article.quotes["text"], article.quotes["sentence_id"]):
        if _normalise(text) == wanted:
            return cite(sentence_id)
    return ""


def translation_variants(article: Article, speaker_id: str | None = None) -> pd.DataFrame:
    """English renderings of the same words spoken in another language, by outlet (translations.csv, facts A5, B12, B13).

    ``article_citation`` is where the article itself uses the rendering, found in ``article.quotes``
    (e.g. ¶4.3). Rows describing the course article are left out for any other article.
    Columns: speaker, original, rendering, outlet, article_citation, fact_id, url, note, quote_id, speaker_id.
    """
    table = load_table("translations")
    if speaker_id is not None:
        table = table[table["speaker_id"] == speaker_id]
    if not is_course_seed(article):
        table = table[~table["outlet"].str.startswith("this article")]
    registry = actors_registry()
    return pd.DataFrame(
        {
            "speaker": [registry.get(s, {}).get("name", s) for s in table["speaker_id"]],
            **{column: table[column].to_numpy(object) for column in ("original", "rendering", "outlet")},
            "article_citation": [_article_quote_citation(article, r) for r in table["rendering"]],
            **{
                column: table[column].to_numpy(object)
                for column in ("fact_id", "url", "note", "quote_id", "speaker_id")
            },
        }
    )


def translation_overview(article: Article) -> pd.DataFrame:
    """One row per quoted speaker: how many outside renderings translations.csv lists, how many
    different wordings there are, whether the Russian original is known, and the article's own
    rendering with its citation (found in ``article.quotes``)."""
    variants = translation_variants(article)
    rows = []
    for _, group in variants.groupby("speaker_id", sort=False):
        in_article = group[group["article_citation"] != ""]
        originals = [o for o in dict.fromkeys(group["original"]) if str(o).strip()]
        rows.append(
            {
                "speaker": group["speaker"].iloc[0],
                "other_renderings": int((~group["outlet"].str.startswith("this article")).sum()),
                "different_wordings": group["rendering"].map(_normalise).nunique(),
                "original": originals[0] if originals else "(not given in the fact sheet)",
                "article_rendering": in_article["rendering"].iloc[0] if len(in_article) else "",
                "article_citation": in_article["article_citation"].iloc[0] if len(in_article) else "",
                "fact_id": "; ".join(dict.fromkeys(group["fact_id"])),
            }
        )
    return pd.DataFrame(rows, columns=OVERVIEW_COLUMNS)


def translation_overview_view(session: Session) -> HTML | Message:
    """The overview as a table (course article), or the message that this section is skipped."""
    return session.reference("The translation comparison") or HTML(
        table_html(translation_overview(session.article), caption="Quotes translated into English, and how")
    )


def translation_variants_view(session: Session, speaker_id: str, caption: str, columns: list[str]) -> HTML | Message:
    """One speaker's renderings as a table (course article), or the message that this part is skipped."""
    return session.reference("The translation comparison") or HTML(
        table_html(translation_variants(session.article, speaker_id), caption=caption, columns=columns)
    )


def translation_question(session: Session) -> TextQuestion | Message:
    """Exercise 3: which English version is "the quote"? A free answer with a model answer (facts B12, B13)."""
    skipped = session.reference("Exercise 3 (translations)")
    if skipped is not None:
        return skipped
    model = (
        'The Russian words (fact B12) are an idiom that literally means "pour oil on the fire". '
        '"Adding fuel to the fire" is the usual English idiom, so it reads as an ordinary figure of speech; '
        '"oil" keeps the Russian image and sounds more unusual, and "throw" sounds more forceful than '
        '"add". None of the English versions is the quote: each is one outlet\'s translation. A careful '
        "reader names the speaker, the original language and the outlet, and does not build an argument "
        "on a single English word. For the foreign ministry's words the fact sheet gives no Russian "
        'original (B13), so we cannot check which of "appropriate and tangible", "adequate and '
        'significant" or "palpable" is closest.'
    )
    return TextQuestion(
        session.notebook,
        question_id(session.article, "translation.which_is_the_quote"),
        "Exercise 3. The outlets translated the same Russian words differently. Which version "
        'would you call "the quote"? What changes in tone between the renderings, and how '
        "should an article show that it is quoting a translation?",
        model_answer=model,
    )
