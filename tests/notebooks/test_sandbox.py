"""Student copies run, never reach the network and never write outside the project's own folders.

Each notebook runs here as ``make student`` hands it out (no ``solution`` cells: nbval runs the teacher's
version), under an audit hook.

An audit hook (PEP 578) is installed in the kernel before anything else runs; it records every socket
call and every file opened for writing. Allowed places: the answers folder, temporary files, and the
caches of matplotlib, IPython and Jupyter.
"""

from __future__ import annotations

import json
import os
import tempfile

import nbformat
import pytest
from nbclient import NotebookClient

from ..conftest import ROOT
from .common import NOTEBOOKS, student_copy

HOOK = r"""
import os, sys, json
_AUDIT = {"network": [], "writes": []}
def _audit(event, args):
    if event.startswith(("socket.connect", "socket.getaddrinfo", "socket.sendto", "urllib.Request")):
        _AUDIT["network"].append([event, repr(args)[:200]])
    elif event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        path, mode, flags = args[0], args[1], args[2]
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND))
        if writing:
            _AUDIT["writes"].append(os.path.abspath(os.fsdecode(path)))
sys.addaudithook(_audit)
"""
REPORT = 'print("AUDIT:" + json.dumps(_AUDIT))'


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_stays_offline_and_inside_its_folders(path, tmp_path, monkeypatch):
    answers = tmp_path / "answers"
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(answers))
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mpl"))
    nb = student_copy(nbformat.read(path, as_version=4))
    nb.cells.insert(0, nbformat.v4.new_code_cell(HOOK))
    nb.cells.append(nbformat.v4.new_code_cell(REPORT))
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
    ).execute()
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    audit = json.loads(text.split("AUDIT:", 1)[1])
    assert audit["network"] == [], audit["network"]
    home = os.path.expanduser("~")
    allowed = [
        str(answers),
        str(tmp_path),
        tempfile.gettempdir(),
        "/dev/null",
        os.path.join(home, ".cache"),
        os.path.join(home, ".ipython"),
        os.path.join(home, ".local", "share", "jupyter"),
        str(ROOT / "answers"),
        str(ROOT / "dist"),
        str(ROOT / "site"),
    ]
    outside = [p for p in audit["writes"] if not any(p == a or p.startswith(a + os.sep) for a in allowed)]
    assert outside == [], f"{path.name} wrote outside the allowed folders: {outside}"


def test_the_audit_catches_a_write_and_a_connection(tmp_path):
    """The check itself can fail: a notebook that writes into the repo and opens a socket is caught."""
    target = ROOT / "test-artifacts" / "sandbox-probe.txt"
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(HOOK),
            nbformat.v4.new_code_cell(
                f"import socket\nopen({str(target)!r}, 'w').close()\n"
                "try:\n    socket.create_connection(('127.0.0.1', 9), timeout=0.2)\nexcept OSError:\n    pass"
            ),
            nbformat.v4.new_code_cell(REPORT),
        ]
    )
    target.parent.mkdir(exist_ok=True)
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    audit = json.loads("".join(o.get("text", "") for o in nb.cells[-1].outputs).split("AUDIT:", 1)[1])
    assert str(target) in audit["writes"]
    assert any(event.startswith("socket.") for event, _ in audit["network"])
    target.unlink()
