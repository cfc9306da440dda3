"""Notebooks carry the metadata JupyterLab writes itself, so they open without unsaved changes.

When the kernel connects, JupyterLab replaces ``metadata.language_info`` with the kernel's own
(ipykernel's ``IPythonKernel.language_info``) and ``kernelspec`` with the kernel's spec; any
difference marks the notebook modified at once. tests/browser/test_open_clean.py checks it in the
browser; this test checks the stored metadata without one. ``version`` is the Python version of the
kernel (``platform.python_version()``): it is compared where the course's Python runs (CI sets
COURSE_REQUIRE_BROWSER=1), since a notebook stamped on one patch release opens modified on another.
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def kernel_language_info() -> dict:
    from ipykernel.ipkernel import IPythonKernel

    return dict(IPythonKernel.language_info)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_notebook_metadata_is_what_jupyterlab_writes(path):
    metadata = nbformat.read(path, as_version=4).metadata
    assert metadata.get("kernelspec") == KERNELSPEC
    stored = dict(metadata.get("language_info") or {})
    expected = kernel_language_info()
    if os.environ.get("COURSE_REQUIRE_BROWSER") != "1":
        stored.pop("version", None)
        expected.pop("version", None)
    assert stored == expected, (
        f"{path.name}: language_info {stored} differs from the kernel's {expected}; JupyterLab would mark "
        "the notebook modified on opening"
    )
