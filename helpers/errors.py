"""Exceptions that the course shows to people: each says what is wrong and what to do."""

from __future__ import annotations


class CourseError(ValueError):
    """Base class for every error the helpers package raises on purpose."""


class ArticleError(CourseError):
    """An article (seed) cannot be read or parsed. The message names the file and the fix."""

    def __init__(self, problem: str, *, source: str = "", fix: str = "") -> None:
        self.problem = problem
        self.source = source
        self.fix = fix
        where = f"{source}: " if source else ""
        message = f"{where}{problem}"
        if fix:
            message += f" {fix}"
        super().__init__(message)


class ArticleNotFoundError(ArticleError, FileNotFoundError):
    """There is no article at that path (or it is a folder)."""


class EmptyArticleError(ArticleError):
    """The file or text is empty or holds only white space."""


class BinaryFileError(ArticleError):
    """The file looks like binary data (an image, a PDF, a zip…), not text."""


class ArticleEncodingError(ArticleError):
    """The bytes are not in an encoding the course reads (UTF-8, or UTF-16 with a BOM)."""


class ArticleTooLargeError(ArticleError):
    """The file is larger than any news article should be."""


class NoSentencesError(ArticleError):
    """The text holds no sentence: no letters or digits at all."""


class CourseDataMissingError(CourseError):
    """The curated course data (``seeds/curated/``) is not where the package looks for it."""

    def __init__(self, problem: str, *, fix: str = "") -> None:
        self.problem = problem
        self.fix = fix
        super().__init__(f"{problem} {fix}".strip())
