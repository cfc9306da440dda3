"""Students' names: kept as written (any script) for people, compared without case, made safe for files.

"Ana García", "Zoë Łukasz-Müller" and "李明" stay as they are in submissions and tables; only a file name
is reduced (:func:`helpers.notebook.answers.safe_name`). "Ana" and "ana" are one student; "Zoë" and
"Zoé" are two.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from ..notebook.answers import AnswerStoreError

NO_NAME = "(no name)"
MAX_NAME_LENGTH = 100


def person_name(name: Any, what: str = "student name") -> str:
    """``name`` as shown to people: NFC, control and format characters (e.g. bidi overrides) removed,
    runs of white space made one space, at most 100 characters.

    Raises AnswerStoreError if ``name`` is not text or nothing is left.
    """
    if not isinstance(name, str):
        raise AnswerStoreError(f"The {what} must be text, not {type(name).__name__}.")
    visible = "".join(
        " " if char.isspace() else char
        for char in unicodedata.normalize("NFC", name)
        if char.isspace() or unicodedata.category(char)[0] != "C"
    )
    cleaned = " ".join(visible.split())[:MAX_NAME_LENGTH].strip()
    if not cleaned:
        raise AnswerStoreError(f"The {what} {name!r} is empty.")
    return cleaned


def shown_name(name: Any) -> str:
    """:func:`person_name`, or "(no name)" for a missing or unusable name (files may be edited by hand)."""
    try:
        return person_name(name)
    except AnswerStoreError:
        return NO_NAME


def name_key(name: str) -> str:
    """What two names must share to be the same student: NFKC and case-folded."""
    return unicodedata.normalize("NFKC", name).casefold()
