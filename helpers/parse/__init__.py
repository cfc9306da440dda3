"""Parsing: an article's text becomes cited tables (see :class:`~helpers.parse.article.Article`).

One module per step, in the order :func:`~helpers.parse.article.parse_text` runs them:
``reading`` (bytes to text), ``sentences``, ``lexicon`` + ``mentions`` (who is named),
``statements`` (quotes and who said what), ``quantities``, ``timex`` (time expressions), ``hedges``.
"""

from .article import TABLES, Article, cite, load_article, load_corpus, parse_text

__all__ = ["TABLES", "Article", "cite", "load_article", "load_corpus", "parse_text"]
