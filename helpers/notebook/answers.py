"""Per-student answers files: save every answer at once, atomically, never lose one.

One JSON file per notebook (optionally inside a per-student folder, see :func:`student_folder`)::

    {"format": "news-course-answers", "version": 1,
     "notebook": "forecasts", "student": "ana", "updated": "2025-01-01T12:00:00+00:00",
     "answers": {"q1": {"value": 0.7, "saved": "2025-01-01T12:00:00+00:00"}},
     "locked": {"q1": "2025-01-01T12:05:00+00:00"},
     "questions": {"q1": "Will Ukraine fire ATACMS at targets inside Russia within 7 days?"}}

``questions`` (the prompt text of each answered question) is optional: files
without it, written by earlier versions, are read as before.

``student`` is the student's name as written (any script); the folder name is made safe for a file
system. A store may also wait for a name (``ask_name=True``, used where several students share one
server, as in Voila): it reads nothing and saves nothing until :meth:`AnswerStore.set_student`.

A file that cannot be read as ours is moved aside (never deleted) and the
store starts empty, with a message in ``AnswerStore.warning``.

Submission bundles (the answers files of several notebooks for one student) and reading a class's
files are in :mod:`helpers.classroom.bundles`.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: no advisory locks, saving still works
    fcntl = None  # type: ignore[assignment]

from ..paths import course_root
from .answer_files import AnswerLockedError as AnswerLockedError
from .answer_files import AnswerStoreError as AnswerStoreError
from .answer_files import name_key as name_key
from .answer_files import safe_name as safe_name
from .answer_files import student_folder as student_folder
from .answer_files import student_name as student_name
from .answer_files import write_json_atomically as write_json_atomically
from .answer_files import write_text_atomically as write_text_atomically

ANSWERS_DIR_ENV = "COURSE_ANSWERS_DIR"
FILE_FORMAT = "news-course-answers"
FILE_VERSION = 1


def default_answers_dir() -> Path:
    """Folder for answers files: ``$COURSE_ANSWERS_DIR`` if set, else ``<repo>/answers``."""
    configured = os.environ.get(ANSWERS_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return course_root() / "answers"


def now_iso() -> str:
    """Current UTC time as an ISO 8601 string (seconds precision)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json_value(value: Any, question_id: str, where: str = "the answer") -> Any:
    """Return ``value`` as plain JSON data (tuples become lists) or raise AnswerStoreError."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise AnswerStoreError(
                f"Cannot save {where} for question {question_id!r}: {value!r} is not a finite number."
            )
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_json_value(item, question_id, where) for item in value]
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise AnswerStoreError(
                    f"Cannot save {where} for question {question_id!r}: dictionary keys must be "
                    f"text, but one key is {type(key).__name__}."
                )
            result[key] = _json_value(item, question_id, where)
        return result
    raise AnswerStoreError(
        f"Cannot save {where} for question {question_id!r}: a value of type "
        f"{type(value).__name__} cannot be stored. Use text, numbers, True/False, None, "
        "or lists/dicts of those."
    )


def _check_question_id(question_id: str) -> str:
    """Return ``question_id`` if it is non-empty text, else raise AnswerStoreError."""
    if not isinstance(question_id, str) or not question_id.strip():
        raise AnswerStoreError(f"A question id must be non-empty text, got {question_id!r}.")
    return question_id


def format_problem(data: Any, notebook: str | None = None) -> str | None:
    """Say why ``data`` is not a valid answers file (for ``notebook`` if given), or None if it is."""
    if not isinstance(data, dict):
        return "it is not a course answers file"
    if data.get("format") != FILE_FORMAT:
        return "it is not a course answers file"
    if data.get("version") != FILE_VERSION:
        return f"it uses answers-file version {data.get('version')!r}, but this course reads version {FILE_VERSION}"
    if notebook is not None and data.get("notebook") != notebook:
        return f"it holds answers for notebook {data.get('notebook')!r}, not {notebook!r}"
    answers = data.get("answers")
    if not isinstance(answers, dict) or not all(
        isinstance(entry, dict) and "value" in entry for entry in answers.values()
    ):
        return "its 'answers' section is damaged"
    locked = data.get("locked", {})
    if not isinstance(locked, dict):
        return "its 'locked' section is damaged"
    questions = data.get("questions", {})
    if not isinstance(questions, dict) or not all(isinstance(text, str) for text in questions.values()):
        return "its 'questions' section is damaged"
    return None


def _aside_path(path: Path) -> Path:
    """A free ``<name>.corrupt-<UTC timestamp>[-N].json`` path next to ``path``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.stem}.corrupt-{stamp}.json")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.corrupt-{stamp}-{counter}.json")
        counter += 1
    return candidate


#: What a store waiting for a name says when asked to save.
ASK_NAME = (
    "Type your name in the box at the top of the page and press “Start” first: on this shared app "
    "your answers are saved under your name, so they stay yours."
)


class AnswerStore:
    """The saved answers of one notebook (and optionally one student).

    Every change is written to disk immediately. Each call re-reads the file, so
    two stores for the same notebook never overwrite each other's answers.

    With ``student`` the file is ``<folder>/<student_folder(student)>/<notebook>.json`` and the
    name as written is kept inside it. With ``ask_name=True`` and no ``student`` the store waits
    for :meth:`set_student`: until then it reads as empty and refuses to save (``ASK_NAME``).
    """

    def __init__(
        self,
        notebook: str,
        folder: Path | str | None = None,
        student: str | None = None,
        *,
        ask_name: bool = False,
    ) -> None:
        self.notebook = safe_name(notebook, "notebook name")
        self.base = Path(folder).expanduser() if folder is not None else default_answers_dir()
        self.student: str | None = None
        self.path = self.base / f"{self.notebook}.json"
        self.warning: str | None = None
        self._blocked: str | None = None
        self._prompts: dict[str, str] = {}
        self._listeners: list[Callable[[], None]] = []
        self.awaiting_name = ask_name and student is None
        if student is not None:
            self._use_student(student)
        self._data = self._load()

    def _use_student(self, name: str) -> None:
        folder = student_folder(name)
        self.student = student_name(name)
        self.path = self.base / folder / f"{self.notebook}.json"

    def set_student(self, name: str) -> None:
        """Give a store that waits for a name its student: it reads that student's file from now on,
        and every callback given to :meth:`when_student_set` runs (widgets restore their answers).

        Naming the same student again does nothing; another name raises AnswerStoreError (one page,
        one student: reload the page to answer as someone else).
        """
        if not self.awaiting_name:
            if self.student is not None and name_key(student_name(name)) == name_key(self.student):
                return
            raise AnswerStoreError(
                f"This page already keeps the answers of {self.student or 'this notebook'}. "
                "To answer as someone else, reload the page."
            )
        self._use_student(name)
        self.awaiting_name = False
        self.warning = None
        self._blocked = None
        self._data = self._load()
        for callback in list(self._listeners):
            callback()

    def when_student_set(self, callback: Callable[[], None]) -> None:
        """Run ``callback()`` once the store knows its student (now, nothing runs)."""
        if self.awaiting_name:
            self._listeners.append(callback)

    # -- reading -----------------------------------------------------------

    def _empty(self) -> dict:
        """File content of a store with no answers yet."""
        return {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "notebook": self.notebook,
            "student": self.student,
            "updated": None,
            "answers": {},
            "locked": {},
        }

    def _add_warning(self, message: str) -> None:
        """Append ``message`` to ``self.warning``."""
        self.warning = message if not self.warning else f"{self.warning}\n{message}"

    def _load(self) -> dict:
        """Read the file; move a corrupt or foreign one aside and start empty."""
        if self.awaiting_name:
            return self._empty()
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return self._empty()
        except OSError as exc:
            self._blocked = (
                f"Your answers file {self.path} could not be read ({exc}). Nothing will be saved "
                "until this is fixed, so the file is not overwritten. Check its permissions."
            )
            self._add_warning(self._blocked)
            return self._empty()
        self._blocked = None
        problem: str | None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            problem = "it is damaged (not valid JSON)"
        else:
            problem = format_problem(data, self.notebook)
        if problem is None and not self._owned(data):
            self._blocked = (
                f"The answers file {self.path} belongs to {data.get('student')!r}, not to "
                f"{self.student!r}, so it is neither shown nor changed. Show this message to your teacher."
            )
            self._add_warning(self._blocked)
            return self._empty()
        if problem is None:
            data.setdefault("locked", {})
            return data
        self._move_aside(problem)
        return self._empty()

    def _owned(self, data: dict) -> bool:
        """False if the file names another student than this store's (it is never read or written)."""
        owner = data.get("student")
        if self.student is None or owner is None:
            return True
        try:
            return name_key(student_name(owner)) == name_key(self.student)
        except AnswerStoreError:
            return False

    def _move_aside(self, problem: str) -> None:
        """Rename the unreadable file to a ``.corrupt-<time>.json`` name and explain."""
        target = _aside_path(self.path)
        try:
            os.rename(self.path, target)
        except OSError as exc:
            self._blocked = (
                f"Your answers file {self.path} could not be used because {problem}, and it could "
                f"not be moved aside ({exc}). Nothing will be saved until it is moved or renamed."
            )
            self._add_warning(self._blocked)
            return
        self._add_warning(
            f"Your answers file {self.path} could not be used because {problem}. It was moved to "
            f"{target} so nothing is lost, and a fresh answers file will be started. "
            "Show your teacher if you need the old answers back."
        )

    def _refresh(self) -> dict:
        """Reload from disk (another store may have saved meanwhile) and return the data."""
        self._data = self._load()
        return self._data

    # -- public API ----------------------------------------------------------

    def get(self, question_id: str, default: Any = None) -> Any:
        """The saved value for ``question_id``, or ``default`` if there is none."""
        entry = self._refresh()["answers"].get(question_id)
        return default if entry is None else entry["value"]

    def all(self) -> dict[str, Any]:
        """All saved answers as ``{question_id: value}``."""
        return {qid: entry["value"] for qid, entry in self._refresh()["answers"].items()}

    def is_locked(self, question_id: str) -> bool:
        """True if ``question_id`` has been locked."""
        return question_id in self._refresh()["locked"]

    def set(self, question_id: str, value: Any) -> None:
        """Save ``value`` for ``question_id`` now (tuples are stored as lists).

        Raises AnswerLockedError if the question is locked, AnswerStoreError if
        the value cannot be stored or the file cannot be written.
        """
        _check_question_id(question_id)
        clean_value = _json_value(value, question_id)
        with self._file_lock():
            data = self._refresh()
            locked_at = data["locked"].get(question_id)
            if locked_at is not None:
                raise AnswerLockedError(
                    f"Your answer to {question_id!r} was locked at {locked_at}; a locked answer cannot be changed."
                )
            updated = json.loads(json.dumps(data))
            now = now_iso()
            updated["answers"][question_id] = {"value": clean_value, "saved": now}
            if question_id in self._prompts:
                updated.setdefault("questions", {})[question_id] = self._prompts[question_id]
            self._save(updated, now)

    def describe(self, question_id: str, prompt: str) -> None:
        """Remember the prompt text of ``question_id``, saved in ``questions`` with its answer.

        Nothing is written for a question with no answer yet (opening a notebook creates no
        file); an answer saved earlier without this prompt gets it now. Locked questions too.
        """
        _check_question_id(question_id)
        if not isinstance(prompt, str):
            raise AnswerStoreError(f"The prompt of question {question_id!r} must be text.")
        self._prompts[question_id] = prompt
        if not self._needs_prompt(self._refresh(), question_id, prompt):
            return
        with self._file_lock():
            data = self._refresh()
            if not self._needs_prompt(data, question_id, prompt):
                return
            updated = json.loads(json.dumps(data))
            updated.setdefault("questions", {})[question_id] = prompt
            self._save(updated, updated.get("updated") or now_iso())

    @staticmethod
    def _needs_prompt(data: dict, question_id: str, prompt: str) -> bool:
        """True if ``question_id`` has an answer or a lock but not this prompt saved with it."""
        saved = question_id in data["answers"] or question_id in data["locked"]
        return saved and data.get("questions", {}).get(question_id) != prompt

    def questions(self) -> dict[str, str]:
        """Prompt text per question id: the saved ones, and those described since."""
        return {**self._refresh().get("questions", {}), **self._prompts}

    def lock(self, question_id: str) -> None:
        """Lock ``question_id`` so later ``set`` calls are refused (no-op if already locked)."""
        _check_question_id(question_id)
        with self._file_lock():
            data = self._refresh()
            if question_id in data["locked"]:
                return
            updated = json.loads(json.dumps(data))
            now = now_iso()
            updated["locked"][question_id] = now
            self._save(updated, now)

    def export(self) -> dict:
        """The full file content as a dict (``updated`` is None before the first save)."""
        return json.loads(json.dumps(self._refresh()))

    @contextmanager
    def _file_lock(self) -> Iterator[None]:
        """Hold an exclusive lock on the sidecar ``.<name>.lock`` file, so that reloading and saving
        is one step: two kernels saving answers of the same notebook never drop each other's."""
        if self.awaiting_name:
            raise AnswerStoreError(ASK_NAME)
        if fcntl is None or self._blocked:
            yield
            return
        lock_path = self.path.with_name(f".{self.path.name}.lock")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise AnswerStoreError(
                f"Could not save answers to {self.path} ({exc}). Check that the folder exists and is "
                "writable, then try again."
            ) from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield
        finally:
            os.close(handle)

    def _save(self, data: dict, now: str) -> None:
        """Write ``data`` atomically and keep it as the in-memory state."""
        if self._blocked:
            raise AnswerStoreError(self._blocked)
        data["updated"] = now
        data["student"] = self.student
        write_json_atomically(self.path, data)
        self._data = data

    def __repr__(self) -> str:
        return f"AnswerStore(notebook={self.notebook!r}, student={self.student!r}, path={str(self.path)!r})"
