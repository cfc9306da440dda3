"""`make lab` opens the start notebook with nothing in the way (issue 11).

JupyterLab is started exactly as ``make lab`` starts it, through ``jupyter_config/start-lab`` (see
:class:`~tests.browser.lab.CourseLabServer`), with a private, empty HOME and Jupyter folders, like a
clean clone. The browser goes to the server's own address, as the browser opened by ``make lab``
does, and must land on notebooks/00_start_here.ipynb: the only tab, active, its kernel started
without a "Select kernel" dialog, no news or update toast, and a file browser without the build and
cache folders.
"""

from __future__ import annotations

import json
import os
import re
import urllib.request
from fnmatch import fnmatch
from pathlib import Path

import nbformat
import pytest

from .lab import (
    REPO_ROOT,
    START_NOTEBOOK,
    CourseLabServer,
    screenshot,
    wait_kernel_idle,
)

pytestmark = pytest.mark.browser

#: What the file browser must never list (the ContentsManager.hide_globs of jupyter_config/).
HIDDEN = [
    ".venv",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    "build",
    "dist",
    "site",
    "test-artifacts",
    "*.egg-info",
]
#: Folders made (empty) for the test when a clean checkout does not have them yet, so that hiding
#: them is really tested; removed afterwards only if still empty.
MADE_FOR_THE_TEST = ["build", "dist", "site", "__pycache__", "test-artifacts"]
#: What the student must still see at the top of the file browser.
VISIBLE = ["notebooks", "README.md"]

TABS_JS = """() => [...document.querySelectorAll('#jp-main-dock-panel .lm-TabBar-tab')].map(t => ({
  label: t.querySelector('.lm-TabBar-tabLabel').textContent.trim(),
  current: t.classList.contains('lm-mod-current'),
}))"""
TOASTS_JS = "() => [...document.querySelectorAll('.Toastify__toast')].map(t => t.innerText)"
DIALOGS_JS = "() => [...document.querySelectorAll('.jp-Dialog')].map(d => d.innerText)"
LISTING_JS = "() => [...document.querySelectorAll('.jp-DirListing-content .jp-DirListing-itemText')].map(e => e.textContent.trim())"


def _get_json(server: CourseLabServer, path: str):
    request = urllib.request.Request(server.url + path, headers={"Authorization": f"token {server.token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _hidden(name: str) -> bool:
    return any(fnmatch(name, pattern) for pattern in HIDDEN)


@pytest.fixture(scope="module")
def repo_folders():
    made = []
    for name in MADE_FOR_THE_TEST:
        path = REPO_ROOT / name
        if not path.exists():
            path.mkdir()
            made.append(path)
    try:
        yield [p.name for p in REPO_ROOT.iterdir()]
    finally:
        for path in made:
            try:
                path.rmdir()
            except OSError:  # something else wrote into it meanwhile: leave it
                pass


@pytest.fixture(scope="module")
def course_lab(_require_chromium, answers_dir, repo_folders):
    with CourseLabServer(env={"COURSE_ANSWERS_DIR": str(answers_dir)}) as server:
        yield server


def test_every_notebook_names_the_python3_kernel():
    """Without a kernelspec JupyterLab asks "Select kernel" before the student can start."""
    notebooks = sorted((REPO_ROOT / "notebooks").rglob("*.ipynb"))
    notebooks = [p for p in notebooks if ".ipynb_checkpoints" not in p.parts]
    assert notebooks
    for path in notebooks:
        spec = nbformat.read(path, as_version=4).metadata.get("kernelspec", {})
        assert spec.get("name") == "python3", f"{path.relative_to(REPO_ROOT)}: kernelspec {spec}"
        assert spec.get("language") == "python" and spec.get("display_name"), path


@pytest.mark.timeout(180)
def test_make_lab_opens_the_start_notebook_with_nothing_in_the_way(page, course_lab, repo_folders):
    page.goto(course_lab.start_url(), wait_until="domcontentloaded")
    page.wait_for_url(re.compile(rf"/lab/tree/{re.escape(START_NOTEBOOK)}"), timeout=30_000)
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook", timeout=60_000)
    wait_kernel_idle(page)  # the kernel started by itself: no "Select kernel" dialog answered
    page.wait_for_timeout(1_500)  # the news question comes once the settings are loaded
    screenshot(page, "lab-opening")

    # The start notebook is the only tab, and the active one (no Launcher).
    assert page.evaluate(TABS_JS) == [{"label": Path(START_NOTEBOOK).name, "current": True}]
    # No "Would you like to get notified about official Jupyter news?" toast, nor any other.
    assert page.evaluate(TOASTS_JS) == []
    # No dialog: not "Select kernel", not anything else.
    assert page.evaluate(DIALOGS_JS) == []
    assert "Python 3" in page.locator(".jp-NotebookPanel .jp-Toolbar-kernelName").first.inner_text()

    # The settings that keep the news away are the repository's (none in the private config folder).
    settings = _get_json(course_lab, "/lab/api/settings/@jupyterlab/apputils-extension:notification")
    defaults = settings["schema"]["properties"]  # overrides arrive as the schema's defaults
    assert defaults["fetchNews"]["default"] == "false"
    assert defaults["checkForUpdates"]["default"] is False

    # The file browser at the top of the repository lists the course, not the build folders.
    page.locator(".jp-BreadCrumbs-home").first.click()
    page.wait_for_function(
        f"() => ({LISTING_JS})().includes('notebooks')",
        timeout=15_000,
    )
    listed = page.evaluate(LISTING_JS)
    assert set(VISIBLE) <= set(listed), listed
    assert [name for name in listed if _hidden(name)] == []
    on_disk = [name for name in repo_folders if _hidden(name)]
    assert {"test-artifacts", "build", "dist", "site"} <= set(on_disk)  # so hiding them was tested
    # ...and the contents API agrees (what any other client of the server sees).
    names = [item["name"] for item in course_lab.api("GET", "contents")["content"]]
    assert [name for name in names if _hidden(name)] == [], names


def test_start_lab_script_is_what_the_config_describes():
    """The script and its config files are in the repository, executable, and valid JSON."""
    script = REPO_ROOT / "jupyter_config" / "start-lab"
    assert os.access(script, os.X_OK)
    server = json.loads((REPO_ROOT / "jupyter_config" / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert server["LabApp"]["default_url"] == f"/lab/tree/{START_NOTEBOOK}"
    assert (REPO_ROOT / START_NOTEBOOK).is_file()
    for pattern in HIDDEN:
        assert pattern in server["ContentsManager"]["hide_globs"], pattern
