"""Parse news articles into cited tables for the course "Reading the news with data".

>>> import helpers
>>> article = helpers.load_article("seeds/000_0c51e7aa6578d068.txt")
>>> article.quotes  # a pandas DataFrame; every row cites its sentence (¶4.3) and offsets
"""

from .parse.article import TABLES, Article, cite, load_article, load_corpus, parse_text
from .errors import (
    ArticleEncodingError,
    ArticleError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryFileError,
    CourseError,
    EmptyArticleError,
    NoSentencesError,
)
from .parse.reading import MAX_ARTICLE_BYTES

# Submodules used as helpers.course, helpers.display, helpers.curated after a plain `import helpers`.
# (The widget modules, exercises and the topic modules, load ipywidgets: import them where needed.)
from . import course, curated, display  # noqa: E402

__all__ = [
    "Article", "TABLES", "cite", "load_article", "load_corpus", "parse_text", "MAX_ARTICLE_BYTES",
    "CourseError", "ArticleError", "ArticleNotFoundError", "EmptyArticleError", "BinaryFileError", "ArticleEncodingError",
    "ArticleTooLargeError", "NoSentencesError",
]
__version__ = "0.1.0"
