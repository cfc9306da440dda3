"""One place that finds the course folder (the folder holding ``seeds/`` and ``notebooks/``).

The package reads curated data from ``seeds/curated/`` next to it. Run from a wheel installed
elsewhere, set ``COURSE_ROOT`` to the course folder; when the data cannot be found, every reader
raises :class:`~helpers.errors.CourseDataMissingError` instead of silently parsing differently.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import CourseDataMissingError

PACKAGE_DIR = Path(__file__).resolve().parent
COURSE_SEED_ID = "000_0c51e7aa6578d068"
#: Every notebook of the course, by id, with its short title (answers files, curated tables and tests use these ids).
COURSE_NOTEBOOKS: dict[str, str] = {
    "00_start_here": "Start here",
    "01_context": "Context",
    "02_timeline": "Timeline",
    "03_actor_positions": "Actor positions",
    "04_escalation": "Escalation questions",
    "05_compare_sources": "Compare sources",
}


def course_root() -> Path:
    """The course folder: ``$COURSE_ROOT`` if set, else the folder that holds this package."""
    configured = os.environ.get("COURSE_ROOT")
    return Path(configured).expanduser().resolve() if configured else PACKAGE_DIR.parent


def curated_dir() -> Path:
    """``seeds/curated`` of the course folder."""
    return course_root() / "seeds" / "curated"


def curated_file(name: str) -> Path:
    """A curated CSV by file name; a clear error if the course data is not where the package expects it."""
    path = curated_dir() / name
    if not path.is_file():
        raise CourseDataMissingError(
            f"the course data file {path} is missing, so the parser cannot run as the course expects.",
            fix="Run the course from its folder (the one with seeds/ and notebooks/), or set the "
            "environment variable COURSE_ROOT to that folder.",
        )
    return path


def default_seed() -> Path:
    """The course article."""
    return course_root() / "seeds" / f"{COURSE_SEED_ID}.txt"
