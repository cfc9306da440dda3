"""The classroom command line (what ``make student``, ``make submission`` and ``make site`` run)::

    python -m helpers.classroom student    [--notebooks notebooks] [--out dist]
    python -m helpers.classroom submission [--student NAME] [--answers answers] [--out dist/submission]
    python -m helpers.classroom site       [--notebooks notebooks] [--out site]

The student's name can also come from the environment variable ``STUDENT`` (what ``make submission
STUDENT="Ana García"`` sets), so it never has to be pasted into a shell line. A problem is printed as one
line (``error: …``) with exit status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from ..errors import CourseError
from ..paths import course_root
from .site import build_site, site_js_installed
from .student import make_student_copies
from .submission import export_submission

#: Environment variable with the student's name for ``submission`` (``make`` exports ``STUDENT=…``).
STUDENT_ENV = "STUDENT"


def _size(path: Path) -> str:
    """A file or folder size for people (kB or MB)."""
    total = path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return f"{total / 1e6:.1f} MB" if total >= 1e5 else f"{total / 1e3:.0f} kB"


def main(argv: list[str] | None = None) -> int:
    """Run one classroom task; a problem is printed as one line, with exit status 2."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers.classroom", description="Student copies, a submission, or the static site."
    )
    tasks = parser.add_subparsers(dest="task", required=True)
    student = tasks.add_parser("student", help="student copies in dist/student and dist/student.zip")
    student.add_argument("--notebooks", default=str(course_root() / "notebooks"))
    student.add_argument("--out", default="dist")
    submission = tasks.add_parser("submission", help="one student's answers as HTML and JSON")
    submission.add_argument(
        "--student",
        default=os.environ.get(STUDENT_ENV) or None,
        help=f"the student's name (default: ${STUDENT_ENV}, then $JUPYTERHUB_USER)",
    )
    submission.add_argument("--answers", default=None, help="answers folder (default: $COURSE_ANSWERS_DIR or answers/)")
    submission.add_argument("--out", default="dist/submission")
    site = tasks.add_parser("site", help="run the notebooks and write them as a static web site")
    site.add_argument("--notebooks", default=str(course_root() / "notebooks"))
    site.add_argument("--out", default="site")
    args = parser.parse_args(argv)
    try:
        if args.task == "student":
            archive = make_student_copies(args.out, args.notebooks)
            copies = sorted((archive.parent / "student" / "notebooks").glob("*.ipynb"))
            print(
                f"Wrote {len(copies)} student notebooks to {archive.parent / 'student'} and {archive} ({_size(archive)})."
            )
        elif args.task == "submission":
            result = export_submission(args.student, args.answers, args.out)
            print(
                f"Wrote the answers of {result.student} ({', '.join(result.notebooks)}):\n"
                f"  {result.html_path}  (to read)\n  {result.json_path}  (for the teacher's class summary)"
            )
            for path, reason in result.skipped:
                print(f"  not included: {path} ({reason})", file=sys.stderr)
        else:
            started = time.perf_counter()
            pages = build_site(args.out, args.notebooks)
            print(
                f"Wrote {len(pages)} pages and index.html to {args.out} ({_size(Path(args.out))}) "
                f"in {time.perf_counter() - started:.0f} s."
            )
            if not site_js_installed():
                print(
                    "note: the pages load their widget JavaScript from the jsDelivr CDN, so widgets need the "
                    "internet; for a site that works offline run `npm ci --prefix helpers/classroom/site_js` "
                    "(make site does) and build again.",
                    file=sys.stderr,
                )
    except (CourseError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0
