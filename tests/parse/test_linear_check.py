"""The linear-time check itself can fail: quadratic work on 4x the input is caught."""

from __future__ import annotations

import pytest

from .linear import assert_linear


def quadratic(text: str) -> int:
    return sum(text.count(text[i]) for i in range(0, len(text), 4))  # each step scans the whole text


def test_quadratic_work_is_caught():
    with pytest.raises(AssertionError, match="not linear"):
        assert_linear(lambda n: "ab" * (n // 2), quadratic, 10_000)


def test_linear_work_passes():
    assert_linear(lambda n: "ab" * (n // 2), lambda text: text.count("a"), 400_000)
