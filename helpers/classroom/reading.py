"""Reading one JSON file handed in by a student, strictly: nothing in it is trusted.

Only a regular file inside the submissions folder (symbolic links resolved), of at most 2 MB, nested at most
32 levels deep, with no key twice in one object, is read. Anything else raises AnswerStoreError with a short
reason that the class summary lists.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from ..notebook.answers import AnswerStoreError

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 32


class _NotJson(ValueError):
    """NaN or Infinity, which Python's json accepts but JSON does not."""


class _DuplicateKey(ValueError):
    """A JSON object has the same key twice (which one counts would be up to the parser)."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    """``object_pairs_hook`` for json.loads: refuse an object that repeats a key."""
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen.add(key)
    return dict(pairs)


def _no_constant(name: str) -> Any:
    """``parse_constant`` for json.loads: NaN and Infinity are not JSON numbers."""
    raise _NotJson(name)


def depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (a number or text is 0), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            deepest = max(deepest, level)
            continue
        deepest = max(deepest, level + 1)
        stack.extend((child, level + 1) for child in children)
    return deepest


def _checked_path(path: Path, root: Path | None) -> Path:
    """``path`` with symbolic links resolved, if it is a regular file (inside ``root``); checked before opening."""
    try:
        resolved = path.resolve(strict=True)
        info = os.stat(resolved)
    except (OSError, RuntimeError) as exc:
        raise AnswerStoreError(f"cannot be read ({exc})") from exc
    if root is not None and not resolved.is_relative_to(root.resolve()):
        raise AnswerStoreError("rejected: it is a link to a file outside the submissions folder")
    if not stat.S_ISREG(info.st_mode):
        raise AnswerStoreError("rejected: not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise AnswerStoreError(f"rejected: larger than {MAX_FILE_BYTES // 1_000_000} MB")
    return resolved


def _read_bytes(path: Path) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes of a regular file (checked again once open)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except OSError as exc:
        raise AnswerStoreError(f"cannot be read ({exc})") from exc
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise AnswerStoreError("rejected: not a regular file")
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(handle, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise AnswerStoreError(f"cannot be read ({exc})") from exc
    finally:
        os.close(handle)
    if size > MAX_FILE_BYTES:
        raise AnswerStoreError(f"rejected: larger than {MAX_FILE_BYTES // 1_000_000} MB")
    return b"".join(chunks)


def load_json_file(path: Path | str, root: Path | str | None = None) -> Any:
    """The JSON data in ``path``, read strictly (see the module docstring).

    ``root``: the folder the file must be in once symbolic links are resolved.
    """
    resolved = _checked_path(Path(path), None if root is None else Path(root))
    raw = _read_bytes(resolved)
    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except _NotJson as exc:
        raise AnswerStoreError(f"rejected: {exc.args[0]} is not a JSON number") from exc
    except _DuplicateKey as exc:
        raise AnswerStoreError(f"rejected: the key {exc.args[0]!r} appears twice in one object") from exc
    except RecursionError as exc:
        raise AnswerStoreError(f"rejected: nested more than {MAX_DEPTH} levels deep") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AnswerStoreError("damaged: not valid JSON") from exc
    if depth(data) > MAX_DEPTH:
        raise AnswerStoreError(f"rejected: nested more than {MAX_DEPTH} levels deep")
    return data
