"""Parse news articles into cited tables for the course "Reading the news with data".

>>> import helpers
>>> article = helpers.load_article("seeds/000_0c51e7aa6578d068.txt")
>>> article.quotes  # a pandas DataFrame; every row cites its sentence (¶4.3) and offsets
"""

# helpers.curated and helpers.notebook after a plain `import helpers`; helpers.start begins a notebook.
# (helpers.lessons and the widget modules load ipywidgets: import them where needed.)
from . import curated as curated
from . import notebook as notebook
from .errors import (
    ArticleEncodingError,
    ArticleError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryFileError,
    CourseDataMissingError,
    CourseError,
    EmptyArticleError,
    NoSentencesError,
)
from .notebook.session import start  # noqa: E402
from .parse.article import TABLES, Article, cite, load_article, load_corpus, parse_text
from .parse.reading import MAX_ARTICLE_BYTES

__all__ = [
    "Article",
    "TABLES",
    "cite",
    "load_article",
    "load_corpus",
    "parse_text",
    "MAX_ARTICLE_BYTES",
    "CourseError",
    "ArticleError",
    "ArticleNotFoundError",
    "EmptyArticleError",
    "BinaryFileError",
    "ArticleEncodingError",
    "ArticleTooLargeError",
    "NoSentencesError",
    "CourseDataMissingError",
    "start",
]
__version__ = "0.1.0"
