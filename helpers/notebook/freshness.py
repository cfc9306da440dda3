"""Does a check grade what the student's exercise cell just computed?

A check cell such as ``context.check_day_1000(my_day_1000)`` receives the value, not the cell that
made it. If the exercise cell stopped with an error, ``my_day_1000`` still holds the value of an
earlier run (or does not exist), and the check would grade that. :func:`watch` (called by
``helpers.start``) follows every cell the kernel runs: the top-level names a cell assigns, and
whether it finished. :func:`checks_fresh_answers` wraps a check function: when a name passed to it
was last assigned by a cell that failed, the check says so instead of grading.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from .display import Message

F = TypeVar("F", bound=Callable[..., Any])

#: name -> execution count of the failed cell that should have (re)assigned it
FAILED: dict[str, int | None] = {}
_STATE: dict[str, Any] = {"current": "", "watching": False}


def _nodes(source: str) -> list[ast.AST]:
    """Every node of a cell's code (none if it does not parse)."""
    try:
        return list(ast.walk(ast.parse(source)))
    except SyntaxError:
        return []


def assigned_names(source: str) -> set[str]:
    """Top-level names a cell assigns (``x = …``, ``x += …``, ``x: int = …``, ``for x in …``, ``import x``)."""
    names: set[str] = set()
    for node in _nodes(source):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return names


def called_with(source: str, function: str) -> set[str]:
    """Names passed as arguments to calls of ``function`` (``f(x)`` or ``module.f(x)``) in ``source``."""
    names: set[str] = set()
    for node in _nodes(source):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if called == function:
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    names.update(n.id for n in ast.walk(arg) if isinstance(n, ast.Name))
    return names


def before_cell(info: Any) -> None:
    _STATE["current"] = getattr(info, "raw_cell", "") or ""


def after_cell(result: Any) -> None:
    """Record which names the cell that just ran assigned, and whether it failed."""
    source = getattr(getattr(result, "info", None), "raw_cell", "") or ""
    failed = getattr(result, "error_in_exec", None) is not None or getattr(result, "error_before_exec", None)
    for name in assigned_names(source):
        if failed:
            FAILED[name] = getattr(result, "execution_count", None)
        else:
            FAILED.pop(name, None)


def watch() -> None:
    """Follow every cell the kernel runs from now on (once per kernel)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is always there in a notebook
        return
    shell = get_ipython()
    if shell is None or _STATE["watching"]:
        return
    shell.events.register("pre_run_cell", before_cell)
    shell.events.register("post_run_cell", after_cell)
    _STATE["watching"] = True


def stale_message(names: set[str] | list[str]) -> Message | None:
    """A warning when one of ``names`` was last assigned by a cell that stopped with an error."""
    stale = sorted(name for name in names if name in FAILED)
    if not stale:
        return None
    listed = ", ".join(f"`{name}`" for name in stale)
    return Message(
        f"The exercise cell that sets {listed} stopped with an error, so {listed} still holds an older value "
        "(or none). Fix that cell and run it again, then run this check.",
        "warning",
    )


def checks_fresh_answers(check: F) -> F:
    """Wrap a check function: if the running cell passes it a variable whose exercise cell failed,
    return :func:`stale_message` instead of grading an old value."""

    @functools.wraps(check)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        message = stale_message(called_with(_STATE["current"], check.__name__))
        return message if message is not None else check(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
