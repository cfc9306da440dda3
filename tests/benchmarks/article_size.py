"""How long each course notebook takes to run on articles of growing size (real news texts repeated).

The article size limit (``helpers.MAX_ARTICLE_BYTES``) is set from this: the largest article for which
every notebook runs in under 30 s on the 2-core course machine. Run: ``python tests/benchmarks/article_size.py
[KB ...]``. Prints one row per (size, notebook); the machine is shared, so read the figures as a guide.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("0*.ipynb"))
SOURCES = sorted((ROOT / "tests" / "articles").glob("real_*.txt"))


def article_of(kilobytes: int) -> str:
    """Real reporting, repeated paragraph by paragraph until the text reaches ``kilobytes``."""
    pieces = [p.read_text(encoding="utf-8") for p in SOURCES]
    text, n = "", 0
    while len(text.encode("utf-8")) < kilobytes * 1000:
        text += pieces[n % len(pieces)] + "\n\n"
        n += 1
    return text


def run(path: Path, seed: Path, answers: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell(f"SEED = {str(seed)!r}"))
    os.environ["COURSE_ANSWERS_DIR"] = str(answers)
    os.environ["MPLBACKEND"] = "Agg"
    started = time.perf_counter()
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
    ).execute()
    return time.perf_counter() - started


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for kilobytes in sizes:
            seed = Path(folder) / f"article_{kilobytes}kb.txt"
            seed.write_text(article_of(kilobytes), encoding="utf-8")
            for path in NOTEBOOKS:
                seconds = run(path, seed, Path(folder) / "answers")
                print(f"{kilobytes:>6} KB  {path.stem:<22} {seconds:6.1f} s", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10, 100, 300])
