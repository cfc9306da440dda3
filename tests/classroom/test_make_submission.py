"""`make submission STUDENT=…` hands the name to the program through the environment, unaltered: never
pasted into a shell line (a name is untrusted text), never expanded by make."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NAMES = ['Zoë "Ana" O\'Brien; touch PWNED $(id) $$HOME `id`', "Nguyễn Thị Minh Khai", "محمد"]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


@pytest.fixture
def fake_python(tmp_path: Path) -> Path:
    """Stands in for .venv/bin/python: records its arguments and $STUDENT."""
    script = tmp_path / "fake-python"
    script.write_text(
        f"#!{sys.executable}\nimport json, os, sys\n"
        "print(json.dumps({'args': sys.argv[1:], 'student': os.environ.get('STUDENT', '')}))\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def run_make(fake_python: Path, tmp_path: Path, *arguments: str, env: dict[str, str] | None = None) -> dict:
    import json

    completed = subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "submission", "STAMP=", f"PY={fake_python}", *arguments],
        cwd=tmp_path,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout)


@pytest.mark.parametrize("name", NAMES)
def test_the_name_on_the_command_line_arrives_unaltered(fake_python: Path, tmp_path: Path, name: str) -> None:
    seen = run_make(fake_python, tmp_path, f"STUDENT={name}")
    assert seen == {"args": ["-m", "helpers.classroom", "submission"], "student": name}
    assert not (tmp_path / "PWNED").exists()


def test_the_name_from_the_environment_arrives_unaltered(fake_python: Path, tmp_path: Path) -> None:
    seen = run_make(fake_python, tmp_path, env={"STUDENT": NAMES[0]})
    assert seen["student"] == NAMES[0]
    assert not (tmp_path / "PWNED").exists()
