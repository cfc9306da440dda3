"""Linear time without a clock limit: the parser's time on a pathological input of size n is compared with
its time on the same input of size 4n, in one run. Linear work grows about 4x, quadratic work 16x; a busy
machine slows both sides alike, so the ratio holds where a time limit would fail (absolute timings live in
``make bench``)."""

from __future__ import annotations

import time
from collections.abc import Callable

#: Linear code measures about 4x (n log n a little more); quadratic code 16x.
MAX_GROWTH = 8.0


def growth(build: Callable[[int], str], parse: Callable[[str], object], n: int, repeats: int = 5) -> float:
    """How many times longer ``parse`` takes on ``build(4 * n)`` than on ``build(n)``.

    The two sizes are timed in turns (small, large, small, ...) and the best time of each is kept, so a
    burst of load from other processes has to hit every one of the ``repeats`` rounds to move the ratio."""
    small, large = build(n), build(4 * n)
    parse(small)  # warm caches (the lexicon is built once per process)
    best = {"small": float("inf"), "large": float("inf")}
    for _ in range(repeats):
        for name, text in (("small", small), ("large", large)):
            started = time.perf_counter()
            parse(text)
            best[name] = min(best[name], time.perf_counter() - started)
    return best["large"] / max(best["small"], 1e-4)


def assert_linear(build: Callable[[int], str], parse: Callable[[str], object], n: int) -> None:
    ratio = growth(build, parse, n)
    assert ratio < MAX_GROWTH, f"4x the input took {ratio:.1f}x the time: not linear"
