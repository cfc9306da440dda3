"""The README's layout table names every folder of the package and every parser module, so a newcomer
finds each one in a single hop (the old table left seven modules out)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
LAYOUT = README[README.index("## Project layout") :]


def test_every_package_folder_is_in_the_layout_table() -> None:
    folders = [p.name for p in (ROOT / "helpers").iterdir() if p.is_dir() and (p / "__init__.py").exists()]
    assert folders, "no package folders found"
    missing = [name for name in folders if f"`helpers/{name}/`" not in LAYOUT]
    assert missing == [], f"add these folders to the README's project layout: {missing}"


def test_every_parser_module_is_named() -> None:
    modules = [p.stem for p in (ROOT / "helpers" / "parse").glob("*.py") if not p.stem.startswith("_")]
    missing = [name for name in modules if f"`{name}`" not in LAYOUT]
    assert missing == [], f"name these parser modules in the README's project layout: {missing}"


def test_every_path_the_layout_points_at_exists() -> None:
    import re

    for path in re.findall(r"`((?:helpers|docs|notebooks|seeds|tests)/[\w./-]+)`", LAYOUT):
        assert (ROOT / path).exists(), f"the README points at {path}, which does not exist"
