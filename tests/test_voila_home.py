"""The Voilà home page (`make app`) introduces the apps instead of listing files, and escapes what it lists."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import ROOT

START = ROOT / "jupyter_config" / "start-voila"
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _voila(app_dir: Path | None = None) -> Iterator[str]:
    port = _free_port()
    env = dict(os.environ)
    if app_dir is not None:
        env["COURSE_APP_DIR"] = str(app_dir)
    proc = subprocess.Popen(
        [str(START), sys.executable, f"--port={port}", "--no-browser", "--Voila.ip=127.0.0.1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                if proc.poll() is not None:
                    raise AssertionError(proc.stderr.read().decode() if proc.stderr else "voila exited") from None
                time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.read().decode()


def test_home_page_introduces_each_app_and_links_to_it():
    apps = sorted(p.name for p in (ROOT / "notebooks" / "app").glob("*.ipynb"))
    with _voila() as url:
        status, html = _get(url)
        assert status == 200
        assert "Reading the news with data" in html
        assert "Forecasts" in html and "Actor explorer" in html
        assert "Select items to open with" not in html, "Voilà's bare file list is back"
        for name in apps:
            assert f'/voila/render/{name}?"' in html, f"no link to {name}"
        status, page = _get(url + f"voila/render/{apps[0]}")
        assert status == 200 and "Traceback" not in page


def test_home_page_escapes_file_names(tmp_path):
    hostile = "<img src=x onerror=alert(1)>.ipynb"
    shutil.copy(ROOT / "notebooks" / "app" / "forecast.ipynb", tmp_path / hostile)
    with _voila(tmp_path) as url:
        _, html = _get(url)
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;.ipynb" in html
