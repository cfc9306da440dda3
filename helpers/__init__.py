"""Parse news articles into cited tables for the course "Reading the news with data".

>>> import helpers
>>> article = helpers.load_article("seeds/000_0c51e7aa6578d068.txt")
>>> article.quotes  # a pandas DataFrame; every row cites its sentence (¶4.3) and offsets
"""

from .article import TABLES, Article, cite, load_article, load_corpus, parse_text
from .errors import (
    ArticleEncodingError,
    ArticleError,
    ArticleTooLargeError,
    BinaryFileError,
    CourseError,
    EmptyArticleError,
    NoSentencesError,
)
from .reading import MAX_ARTICLE_BYTES

__all__ = [
    "Article", "TABLES", "cite", "load_article", "load_corpus", "parse_text", "MAX_ARTICLE_BYTES",
    "CourseError", "ArticleError", "EmptyArticleError", "BinaryFileError", "ArticleEncodingError",
    "ArticleTooLargeError", "NoSentencesError",
]
__version__ = "0.1.0"
