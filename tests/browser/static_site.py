"""Building the static site (``python -m helpers.classroom site --out DIR``) and serving a folder on
127.0.0.1 with ``python -m http.server``, for the ``site`` fixtures in conftest.py.

The site is built once per session (it runs every course notebook: ~20 s); the tests that read it
share that build, and a test that changes files gets a served copy (``site_copy``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .lab import REPO_ROOT, free_port


def site_command_available() -> str | None:
    """None when ``python -m helpers.classroom site`` exists, else why not."""
    try:
        out = subprocess.run(
            [sys.executable, "-m", "helpers.classroom", "site", "--help"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"`python -m helpers.classroom site --help` could not run: {error}"
    if out.returncode != 0 or "--out" not in out.stdout:
        return (
            f"`python -m helpers.classroom site --help` exited {out.returncode} without an --out option: "
            f"{(out.stderr or out.stdout).strip()[-300:]}"
        )
    return None


def build_site(root: Path) -> tuple[Path, float, str]:
    """Build the site into ``root/site`` with IPython, matplotlib, Jupyter runtime and answers folders
    of its own under ``root``; returns (site folder, build seconds, build log). Asserts it built."""
    out = root / "site"
    env = dict(os.environ)
    for name in ("ipython", "mpl", "runtime", "answers"):
        (root / name).mkdir()
    env.update(
        IPYTHONDIR=str(root / "ipython"),
        MPLCONFIGDIR=str(root / "mpl"),
        JUPYTER_RUNTIME_DIR=str(root / "runtime"),
        COURSE_ANSWERS_DIR=str(root / "answers"),
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    t0 = time.perf_counter()
    built = subprocess.run(
        [sys.executable, "-m", "helpers.classroom", "site", "--out", str(out)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=200,
    )
    build_s = time.perf_counter() - t0
    assert built.returncode == 0, f"site build failed ({built.returncode}):\n{built.stdout}\n{built.stderr[-3000:]}"
    assert (out / "index.html").exists(), built.stdout
    return out, build_s, built.stdout


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve ``folder`` with ``python -m http.server`` on a free loopback port; yields the base URL
    (ending in ``/``) once index.html answers 200, and stops the server afterwards."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "index.html", timeout=5) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            assert server.poll() is None, "http.server exited"
            assert time.monotonic() < deadline, "http.server did not answer within 30 s"
            time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
