"""`make bench`: parse throughput, `import helpers` time and notebook run times, as medians.

Usage: python tests/benchmarks/bench.py [--runs N] [--examples N] [--no-notebooks]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_0c51e7aa6578d068.txt"
sys.path.insert(0, str(ROOT))


def median_time(function, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def parse_throughput(runs: int) -> list[dict]:
    import helpers

    text = SEED.read_text(encoding="utf-8").rstrip("\n")
    helpers.parse_text(text)  # warm up: the lexicon is built once per process
    rows = []
    for factor in (1, 10, 100, 1000):
        big = "\n".join([text] * factor)
        seconds = median_time(
            lambda big=big, factor=factor: helpers.parse_text(big, article_id=f"x{factor}"),
            runs if factor < 1000 else max(3, runs // 2),
        )
        megabytes = len(big.encode("utf-8")) / 1e6
        rows.append(
            {
                "copies": factor,
                "MB": round(megabytes, 3),
                "seconds": round(seconds, 4),
                "MB_per_s": round(megabytes / seconds, 2),
                "ms_per_copy": round(1000 * seconds / factor, 3),
            }
        )
    return rows


#: Worst cases seen before (issue 13): each must parse in under 0.1 s per 10 KB.
PATHOLOGICAL = {
    "run of dots, 40 KB": "Word" + "." * 40_000,
    "run of ?!, 40 KB": "Word" + "?!" * 20_000,
    "many 'Nth day' in one sentence, ~130 KB": "The war reached its "
    + " ".join(f"{n}th day" for n in range(4, 12_000))
    + ".",
    "capitalised words, ~55 KB": " ".join(["Alpha Beta"] * 5_000) + ".",
    "unclosed quotes, 40 KB": '"a' * 20_000,
    "'said ?!' without spaces, 40 KB (found by the search)": ("said ?!" * 5_715)[:40_000],
}


def pathological(runs: int) -> list[dict]:
    import helpers

    rows = []
    for name, text in PATHOLOGICAL.items():
        seconds = median_time(lambda text=text: helpers.parse_text(text), max(1, runs // 2))
        per_10kb = seconds / (len(text) / 10_000)
        rows.append(
            {"case": name, "seconds": round(seconds, 3), "s_per_10KB": round(per_10kb, 4), "ok": per_10kb < 0.1}
        )
    return rows


#: Pieces that stressed the parser before: sentence ends, quotes, names, number and time words.
TOKENS = [
    ".",
    "?!",
    "...",
    '"',
    "“",
    "”",
    "Mr.",
    "U.S.",
    "J.",
    "said",
    "Alpha",
    "Beta Gamma",
    "the last",
    "May",
    "Monday",
    "4th day",
    "1,000",
    "nearly",
    "5 people",
    "between",
    "according to",
    "(WHO)",
    ",",
    " ",
    "\n\n",
]


def pathological_search(examples: int) -> dict:
    """Hypothesis looks for the slowest mix of :data:`TOKENS`, repeated to 10 KB; the worst seconds per 10 KB."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    import helpers

    worst = {"s_per_10KB": 0.0, "sample": ""}

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12), st.sampled_from(["", " "]))
    def probe(pieces: list[str], joiner: str) -> None:
        unit = joiner.join(pieces) or "."
        text = (unit * (1 + 10_000 // len(unit)))[:10_000]
        started = time.perf_counter()
        try:
            helpers.parse_text(text)
        except helpers.ArticleError:
            return  # no sentence in it: refused at once
        seconds = time.perf_counter() - started
        if seconds > worst["s_per_10KB"]:
            worst.update(s_per_10KB=round(seconds, 4), sample=unit[:60])

    probe()
    return {**worst, "examples": examples, "ok": worst["s_per_10KB"] < 0.1}


def import_time(runs: int) -> float:
    def once() -> None:
        subprocess.run([sys.executable, "-c", "import helpers"], cwd=ROOT, check=True)

    floor = median_time(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), runs)
    return median_time(once, runs) - floor


# Libraries whose import a notebook cannot avoid: the floor imports every one the notebook loaded.
HEAVY = ("helpers", "pandas", "numpy", "matplotlib", "ipywidgets", "IPython.display", "PIL")
LOADED = (
    "import sys, json\n"
    f"print('LOADED:' + json.dumps(sorted(m for m in sys.modules if m.startswith({HEAVY!r}) and '._' not in m)))"
)


def notebook_times(runs: int) -> list[dict]:
    """Each notebook against a floor notebook that only imports what the notebook loaded (kernel start
    and imports: the part a notebook cannot avoid)."""
    import nbformat
    from nbclient import NotebookClient

    def run(nb) -> None:
        NotebookClient(
            nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
        ).execute()

    rows = []
    for path in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")):
        probe = nbformat.read(path, as_version=4)
        probe.cells.append(nbformat.v4.new_code_cell(LOADED))
        run(probe)
        loaded = json.loads("".join(o.get("text", "") for o in probe.cells[-1].outputs).split("LOADED:", 1)[1])
        floor = nbformat.v4.new_notebook(
            cells=[
                nbformat.v4.new_code_cell(
                    f"import importlib\nfor name in {loaded!r}:\n    importlib.import_module(name)"
                )
            ]
        )
        floor.metadata = probe.metadata
        full = median_time(lambda path=path: run(nbformat.read(path, as_version=4)), runs)
        base = median_time(lambda floor=floor: run(nbformat.reads(nbformat.writes(floor), as_version=4)), runs)
        rows.append(
            {
                "notebook": path.name,
                "seconds": round(full, 2),
                "imports_only": round(base, 2),
                "ratio": round(full / base, 2),
            }
        )
    return rows


def machine() -> str:
    import os

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-notebooks", action="store_true")
    parser.add_argument("--examples", type=int, default=200, help="mixes the hypothesis search tries")
    parser.add_argument("--json", type=Path, default=ROOT / ".bench" / "results.json")
    args = parser.parse_args()

    results = {
        "machine": machine(),
        "parse": parse_throughput(args.runs),
        "import_helpers_s": round(import_time(args.runs), 3),
    }
    print(f"Machine: {results['machine']}\n")
    print("| copies of the seed | MB | median s | MB/s | ms per copy |\n|---:|---:|---:|---:|---:|")
    for row in results["parse"]:
        print(f"| {row['copies']} | {row['MB']} | {row['seconds']} | {row['MB_per_s']} | {row['ms_per_copy']} |")
    per_copy = [row["ms_per_copy"] for row in results["parse"][1:]]
    results["linear"] = max(per_copy) / min(per_copy) < 1.5
    print(
        f"\nLinear growth (ms per copy varies < 1.5x from 10x to 1000x): {results['linear']} "
        f"({min(per_copy)}–{max(per_copy)} ms per copy)"
    )
    print(f"`import helpers`: {results['import_helpers_s']} s (above a bare interpreter start)")
    results["pathological"] = pathological(args.runs)
    print("\n| pathological input | median s | s per 10 KB | under 0.1 s/10 KB |\n|---|---:|---:|---|")
    for row in results["pathological"]:
        print(f"| {row['case']} | {row['seconds']} | {row['s_per_10KB']} | {row['ok']} |")
    results["search"] = pathological_search(args.examples)
    found = results["search"]
    print(
        f"\nHypothesis search, {found['examples']} mixes of stress tokens at 10 KB: worst {found['s_per_10KB']} s "
        f"per 10 KB (under 0.1: {found['ok']}) on {found['sample']!r}"
    )
    if not args.no_notebooks:
        results["notebooks"] = notebook_times(max(1, args.runs // 2))
        print("\n| notebook | median s | imports-only floor s | ratio |\n|---|---:|---:|---:|")
        for row in results["notebooks"]:
            print(f"| {row['notebook']} | {row['seconds']} | {row['imports_only']} | {row['ratio']} |")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1))
    print(f"\nSaved to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
