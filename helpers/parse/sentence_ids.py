"""Read a sentence id the way people write it (``4.3``, ``"4.3"``, ``"¶4.3"``), or explain what exists."""

from __future__ import annotations

import re

import pandas as pd

from ..errors import ArticleError

_ID = re.compile(r"\s*(?:¶|§|p(?:ara(?:graph)?)?\.?)?\s*(\d+)\s*[.,]\s*(\d+)\s*")
_PARAGRAPH_ONLY = re.compile(r"\s*(?:¶|§)?\s*(\d+)\s*")
HOW = "Write it as article.sentence('4.3') (paragraph 4, sentence 3); 4.3 and '¶4.3' work too."


def find_sentence(sentences: pd.DataFrame, wanted: object, article_id: str = "the article") -> str:
    """The id (``"4.3"``) of the sentence ``wanted`` names; an :class:`ArticleError` says what exists."""
    ids = [str(value) for value in sentences["sentence_id"]]
    by_paragraph: dict[int, list[str]] = {}
    for sentence_id in ids:
        by_paragraph.setdefault(int(sentence_id.split(".")[0]), []).append(sentence_id)
    paragraphs = f"paragraphs 1–{max(by_paragraph)}" if by_paragraph else "no paragraphs"
    text = _as_text(wanted)
    match = _ID.fullmatch(text) if text is not None else None
    if match is None:
        only = _PARAGRAPH_ONLY.fullmatch(text) if text is not None else None
        if only is not None and int(only.group(1)) in by_paragraph:
            number = int(only.group(1))
            raise ArticleError(
                f"{wanted!r} is a paragraph, not a sentence: paragraph {number} has sentences "
                f"{_range(by_paragraph[number])}.",
                fix=f"Write article.sentence('{by_paragraph[number][0]}') for its first sentence.",
            )
        raise ArticleError(f"{wanted!r} is not a sentence id; {article_id} has {paragraphs}.", fix=HOW)
    paragraph, number = int(match.group(1)), int(match.group(2))
    sentence_id = f"{paragraph}.{number}"
    if sentence_id in ids:
        return sentence_id
    if paragraph not in by_paragraph:
        raise ArticleError(f"there is no paragraph {paragraph} in {article_id}: it has {paragraphs}.", fix=HOW)
    tip = " (a number like 4.10 reads as 4.1: write '4.10' in quotes)" if isinstance(wanted, float) else ""
    raise ArticleError(
        f"there is no sentence {sentence_id} in {article_id}: paragraph {paragraph} has sentences "
        f"{_range(by_paragraph[paragraph])}{tip}.",
        fix=HOW,
    )


def _as_text(wanted: object) -> str | None:
    if isinstance(wanted, bool):
        return None
    if isinstance(wanted, float):
        return repr(wanted) if wanted == wanted and abs(wanted) != float("inf") else None
    if isinstance(wanted, (int, str)):
        return str(wanted)
    return None


def _range(ids: list[str]) -> str:
    return ids[0] if len(ids) == 1 else f"{ids[0]}–{ids[-1]}"
