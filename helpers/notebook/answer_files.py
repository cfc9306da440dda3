"""Answers files on disk: one student's folder name (safe for any file system, any script kept) and
atomic writes (temp file, fsync, rename; group-readable, so a teacher in the group can collect them).
:mod:`helpers.notebook.answers` builds the answers store on these."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

_MAX_NAME_BYTES = 120


class AnswerStoreError(ValueError):
    """An answer could not be saved or read; the message says what to do."""


class AnswerLockedError(AnswerStoreError):
    """The question was locked (e.g. a forecast, before the reveal) and cannot change."""


def safe_name(name: str, what: str = "name") -> str:
    """Return ``name`` usable as one file or folder name: letters and digits of every script are kept.

    The text is NFKC-normalised; runs of anything but letters, marks, digits, ``_``, ``.`` and ``-``
    (spaces, path separators, control characters, punctuation) become ``_``, and the result is cut to
    at most 120 bytes of UTF-8. Raises AnswerStoreError if nothing usable is left (``""``, ``"??"``, ``".."``).
    """
    if not isinstance(name, str):
        raise AnswerStoreError(f"The {what} must be text, not {type(name).__name__}.")
    kept = "".join(
        char if char in "_.-" or unicodedata.category(char)[0] in "LMN" else " "
        for char in unicodedata.normalize("NFKC", name)
    )
    cleaned = "_".join(kept.split()).strip("._-")
    while len(cleaned.encode("utf-8")) > _MAX_NAME_BYTES:
        cleaned = cleaned[:-1].rstrip("._-")
    if not cleaned:
        raise AnswerStoreError(
            f"The {what} {name!r} is empty once unusual characters are removed. "
            "Use letters, digits, '-', '_' or '.', for example 'ana_garcia'."
        )
    return cleaned


def student_name(name: Any) -> str:
    """``name`` as written, for people and inside files (see :func:`helpers.classroom.names.person_name`)."""
    from ..classroom.names import person_name

    return person_name(name)


def name_key(name: str) -> str:
    """What two names must share to be one student (NFKC, case-folded)."""
    from ..classroom import names

    return names.name_key(name)


def student_folder(name: str) -> str:
    """The folder that holds one student's answers files: :func:`safe_name` of the name, plus a short
    fingerprint of the name whenever making it safe changed it.

    "ana" and "李明" are their own folder names; "Ana García" is ``Ana_García-<8 hex digits>``, so it
    never shares a folder with "Ana_García" or "Ana.García", and two names cut to the same 120 bytes
    stay apart. Case is kept ("Ana" and "ana" are two folders; the class summary counts them as one
    student), and a case-insensitive file system may give them one folder, which is allowed.
    Raises AnswerStoreError for a name with nothing usable in it.
    """
    real = student_name(name)
    folder = safe_name(real, "student name")
    if folder == real:
        return folder
    digest = hashlib.sha256(name_key(real).encode("utf-8")).hexdigest()[:8]
    return f"{folder}-{digest}"


def _fsync_folder(folder: Path) -> None:
    """Best effort: flush the folder entry so a rename survives a power cut (POSIX only)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _file_mode() -> int:
    """The mode of a newly saved file: what the umask allows (like any other file), but always readable
    by the owner's group (0640 at least), so a teacher in the group can collect it."""
    umask = 0o022
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            umask = next((int(line.split()[1], 8) for line in status if line.startswith("Umask:")), umask)
    except (OSError, ValueError):
        pass
    return (0o666 & ~umask) | 0o640


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` via temp file + fsync + ``os.replace``.

    On any failure the temp file is removed, ``path`` is left as it was,
    and AnswerStoreError is raised.
    """
    temp_path: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as handle:
            temp_path = Path(handle.name)
            handle.write(text)
            handle.flush()
            if hasattr(os, "fchmod"):  # POSIX
                os.fchmod(handle.fileno(), _file_mode())
            os.fsync(handle.fileno())
        os.replace(temp_path, path)
    except BaseException as exc:
        if temp_path is not None:
            try:
                temp_path.unlink(missing_ok=True)
            except OSError:
                pass
        if isinstance(exc, Exception):
            raise AnswerStoreError(
                f"Could not save answers to {path} ({exc}). The answers already saved there are "
                "unchanged. Check that the folder exists, is writable and the disk is not full, "
                "then try again."
            ) from exc
        raise
    _fsync_folder(path.parent)


def write_json_atomically(path: Path, data: dict) -> None:
    """Write ``data`` as JSON to ``path`` atomically (see :func:`write_text_atomically`)."""
    write_text_atomically(path, json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
