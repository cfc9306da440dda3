"""Broken and odd seeds: a clear message or a correct run, the kernel never dies, no answers file touched.

A seed that cannot be read fails in the notebook's first call (``helpers.start``), which is the same in
every notebook: one notebook proves it. So do seeds whose only oddity is how the bytes are stored (UTF-16,
a BOM, CRLF): once read, they are the course article. Seeds with odd *content* run through every notebook.
"""

from __future__ import annotations

import codecs

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from ..conftest import ROOT, SEED
from .common import NOTEBOOKS, with_seed

SEED_TEXT = SEED.read_text(encoding="utf-8")
# name -> (bytes, expected error class name or None for a correct run)
BROKEN = {
    "empty": (b"", "EmptyArticleError"),
    "whitespace": (b" \n\t\r\n   \n", "EmptyArticleError"),
    "binary": (bytes(range(256)) * 8, "BinaryFileError"),
    "latin1": ("Le ministère a dit « non » à l'été.".encode("latin-1"), "ArticleEncodingError"),
    "utf16": (SEED_TEXT.encode("utf-16"), None),
    "bom": (codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"), None),
    "crlf": (SEED_TEXT.replace("\n", "\r\n").encode("utf-8"), None),
    "huge": (None, "ArticleTooLargeError"),  # 50 MB, written on demand
    "long_line": (("The war went on and " * 10_500 + "ended.").encode("utf-8"), None),
    "unbalanced": ('He said “this never ends. Russia said "no. Ukraine said yes.”\n“Open'.encode("utf-8"), None),
    "numbers": (b"1 2 3\n4,000 50%\n\n2024 2025", None),
    "missing": (None, "ArticleNotFoundError"),  # a mistyped SEED path: no file is written
    "emoji_rtl": ("🚀 Ukraine 🇺🇦 said “🚀”.\nقالت روسيا إن الرد سيكون مناسبا. אוקראינה אמרה כן.".encode("utf-8"), None),
}


@pytest.fixture(scope="module")
def broken_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken-seeds")
    for name, (content, _) in BROKEN.items():
        path = folder / f"{name}.txt"
        if name == "missing":
            continue
        if content is None:
            with open(path, "wb") as handle:
                handle.truncate(50 * 1024 * 1024)
        else:
            path.write_bytes(content)
    return folder


ODD_CONTENT = ["long_line", "unbalanced", "numbers", "emoji_rtl"]
CASES = [(NOTEBOOKS[0], name) for name in BROKEN if name not in ODD_CONTENT] + [
    (path, name) for name in ODD_CONTENT for path in NOTEBOOKS
]


@pytest.mark.slow
@pytest.mark.parametrize(("path", "name"), CASES, ids=lambda v: getattr(v, "stem", v))
def test_notebook_on_a_broken_seed(path, name, broken_dir, tmp_path, monkeypatch):
    answers = tmp_path / "answers"
    answers.mkdir()
    existing = answers / f"{path.stem}.json"
    existing.write_text(
        '{"format": "news-course-answers", "version": 1, "notebook": "%s", "answers": {}, "locked": {}}' % path.stem
    )
    before = existing.read_bytes()
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(answers))
    nb = with_seed(nbformat.read(path, as_version=4), broken_dir / f"{name}.txt")
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
    )
    expected = BROKEN[name][1]
    if expected is None:
        client.execute()
    else:
        with pytest.raises(CellExecutionError) as raised:
            client.execute()
        assert raised.value.ename == expected
        shown = [o for c in nb.cells for o in c.get("outputs", []) if "course-error" in str(o.get("data", {}))]
        assert shown, "the error is shown as a course message"
        assert "Traceback" not in str(shown)
    assert existing.read_bytes() == before
    assert sorted(p.name for p in answers.iterdir()) == [existing.name]
