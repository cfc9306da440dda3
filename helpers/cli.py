"""Command line: ``python -m helpers show FILE --table quotes`` and ``python -m helpers check seeds/``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from .errors import CourseError
from .parse.article import TABLES, load_article


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show", help="print one table of one article")
    show.add_argument("file", help="an article, e.g. seeds/000_0c51e7aa6578d068.txt")
    show.add_argument("--table", default="sentences", choices=TABLES)
    show.add_argument("--format", default="text", choices=("text", "csv", "json"))
    check = commands.add_parser("check", help="validate every article in a folder and the curated data")
    check.add_argument("folder", nargs="?", default="seeds")
    args = parser.parse_args(argv)
    try:
        if args.command == "show":
            return _show(args.file, args.table, args.format)
        return _check(Path(args.folder))
    except (CourseError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _show(file: str, table: str, fmt: str) -> int:
    frame = load_article(file).table(table)
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        print(frame.to_json(orient="records", date_format="iso", force_ascii=False, indent=1))
    else:
        with pd.option_context("display.max_rows", None, "display.max_colwidth", 80, "display.width", 200):
            print(frame.to_string(index=False))
    return 0


def _check(folder: Path) -> int:
    if not folder.is_dir():
        print(f"error: {folder} is not a folder. Give the folder that holds the articles, e.g. seeds/", file=sys.stderr)
        return 2
    problems: list[str] = []
    files = sorted(folder.glob("*.txt"))
    if not files:
        problems.append(f"{folder}: no .txt article found. Save each article as a UTF-8 .txt file there.")
    for path in files:
        try:
            article = load_article(path)
        except CourseError as error:
            problems.append(str(error))
            continue
        problems.extend(offset_problems(article))
        print(
            f"ok  {path}: {len(article.sentences)} sentences, {len(article.mentions)} mentions, "
            f"{len(article.quotes)} quotes, {len(article.statements)} statements"
        )
    curated = folder / "curated"
    if curated.is_dir():
        from .curated import validate_curated

        found = validate_curated(curated)
        problems.extend(found)
        if not found:
            print(f"ok  {curated}: curated data is valid")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    print(f"{len(files)} article(s) checked, {len(problems)} problem(s)")
    return 1 if problems else 0


def offset_problems(article) -> list[str]:
    """Rows whose offsets do not point at their text (should never happen; the check proves it)."""
    problems = []
    for name in TABLES:
        frame = article.table(name)
        column = {"statements": "content", "hedges": "cue"}.get(name, "text")
        for row in frame.itertuples(index=False):
            if article.text[row.start : row.end] != getattr(row, column):
                problems.append(f"{article.id}: {name} row at {row.start}-{row.end} does not match its text")
    return problems


if __name__ == "__main__":
    sys.exit(main())
