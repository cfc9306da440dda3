"""Turn the bytes of a seed file into clean text, or explain why not."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import (
    ArticleEncodingError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryFileError,
    EmptyArticleError,
)

#: The largest article file the course opens, in bytes. A long news feature is ~50 KB; at 500 KB every
#: notebook still runs in under 30 s on the 2-core course machine (notebook 04, the slowest: 13 s at
#: 500 KB, 33 s at 1 MB; measured with tests/benchmarks/article_size.py).
MAX_ARTICLE_BYTES = 500_000
#: The ceiling for text handed to ``parse_text`` directly (the parser alone reads ~1 MB/s).
MAX_TEXT_CHARS = 10_000_000
WHY_THE_LIMIT = "the notebooks could not show a longer text in under 30 seconds"

ENCODINGS_TRIED = "UTF-8, UTF-8 with a byte-order mark, UTF-16 with a byte-order mark"

_SAVE_AS_UTF8 = "Open it in a text editor and save it as plain text with the encoding 'UTF-8'."


def read_article_file(path: str | Path) -> str:
    """Read a seed file and return its text, normalised (see :func:`normalise_text`)."""
    path = Path(path)
    if not path.exists():
        raise ArticleNotFoundError(
            "no such file.", source=str(path), fix="Check the name and that the file is in the seeds folder."
        )
    if path.is_dir():
        raise ArticleNotFoundError(
            "this is a folder, not an article.",
            source=str(path),
            fix="Give the path of one .txt file, or use load_corpus(folder).",
        )
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise ArticleTooLargeError(
            f"the file is {size:,} bytes; the limit for one article is {MAX_ARTICLE_BYTES:,} bytes "
            f"({MAX_ARTICLE_BYTES // 1000} KB), because {WHY_THE_LIMIT}.",
            source=str(path),
            fix="Is this really one news article? Split it into one file per article.",
        )
    return decode_article_bytes(path.read_bytes(), source=str(path))


def decode_article_bytes(data: bytes, source: str = "<bytes>") -> str:
    """Decode bytes as UTF-8 (BOM allowed) or BOM-marked UTF-16; refuse binary data."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleTooLargeError(
            f"the text is {len(data):,} bytes; the limit for one article is {MAX_ARTICLE_BYTES:,} bytes "
            f"({MAX_ARTICLE_BYTES // 1000} KB), because {WHY_THE_LIMIT}.",
            source=source,
            fix="Split it into one file per article.",
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleEncodingError(
                f"the file starts like UTF-16 text but byte {exc.start} is broken (tried {ENCODINGS_TRIED}).",
                source=source,
                fix=_SAVE_AS_UTF8,
            ) from None
        return normalise_text(text, source=source)
    if b"\x00" in data[:65536]:
        raise BinaryFileError(
            "the file holds NUL bytes, so it is binary data (an image, a PDF, a Word file…), not plain text.",
            source=source,
            fix="Copy the article's words into a plain .txt file saved as UTF-8.",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise ArticleEncodingError(
            f"the file is not UTF-8 text: byte 0x{bad} at position {exc.start} cannot be read "
            f"(tried {ENCODINGS_TRIED}). It may be Latin-1 or Windows-1252.",
            source=source,
            fix=_SAVE_AS_UTF8,
        ) from None
    return normalise_text(text, source=source)


def normalise_text(text: str, source: str = "<text>") -> str:
    """Remove a BOM, turn Windows (CRLF) and old Mac (CR) line ends into LF; refuse empty text.

    All offsets in an :class:`~helpers.article.Article` refer to this normalised text.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyArticleError(
            "the article is empty (or holds only spaces and blank lines).",
            source=source,
            fix="Paste the article's text into the file and save it.",
        )
    control = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\t\f\v")
    if control > 0.1 * min(len(text), 65536):
        raise BinaryFileError(
            f"{control} control characters in the first part of the text: this looks like binary data, not an article.",
            source=source,
            fix="Copy the article's words into a plain .txt file saved as UTF-8.",
        )
    return text
