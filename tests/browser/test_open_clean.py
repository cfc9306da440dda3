"""Every notebook opens in JupyterLab without unsaved changes (issue 11: no "save changes?" prompt).

JupyterLab writes the kernel's ``language_info`` and ``kernelspec`` into the notebook's metadata when
the kernel connects; if the saved metadata differs, the notebook is marked modified at once (a dot
on its tab) although the student changed nothing. For each notebook of the course, the apps and
the instructor's folder: open it on a fresh kernel, wait until the kernel is idle, and check that
neither the tab nor the document model is dirty.

``test_the_dirty_check_can_fail`` opens two copies of 00 (test-artifacts/a11y/probe-*.ipynb, git-ignored):
one with the kernel's full ``language_info`` must open clean, one with another Python version must not
(so the check above can fail: it is what a notebook saved on another patch release does).
"""

from __future__ import annotations

import copy
import json

import nbformat
import pytest

from .lab import ARTIFACTS_DIR, REPO_ROOT, open_notebook

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "notebooks").rglob("*.ipynb"))
NOTEBOOKS = [p for p in NOTEBOOKS if ".ipynb_checkpoints" not in p]

_DIRTY_JS = """() => {
  const app = window.jupyterapp;
  const w = app && app.shell && app.shell.currentWidget;
  const tab = document.querySelector('#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current');
  return {tab: !!(tab && tab.classList.contains('jp-mod-dirty')),
          model: !!(w && w.context && w.context.model && w.context.model.dirty),
          language_info: w && w.context && w.context.model ? w.context.model.getMetadata('language_info') : null};
}"""


def dirty_after_open(page, lab_server, path: str) -> dict:
    open_notebook(page, lab_server, path)
    page.wait_for_timeout(1500)  # the kernel info and spec arrive after idle; let JupyterLab write them
    return page.evaluate(_DIRTY_JS)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("path", NOTEBOOKS)
def test_notebook_opens_clean(path, page, lab_server, fresh_answers):
    state = dirty_after_open(page, lab_server, path)
    saved = nbformat.read(REPO_ROOT / path, as_version=4).metadata.get("language_info")
    assert not state["tab"] and not state["model"], (
        f"{path} opens with unsaved changes: JupyterLab rewrote language_info {saved} as {state['language_info']}"
    )


def kernel_language_info() -> dict:
    from ipykernel.ipkernel import IPythonKernel

    return dict(IPythonKernel.language_info)


@pytest.mark.timeout(300)
def test_the_dirty_check_can_fail(page, lab_server, fresh_answers):
    """The kernel's own language_info opens clean; another version is rewritten and marks the notebook modified.
    Written to test-artifacts/a11y/open-clean.json."""
    source = nbformat.read(REPO_ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    full = kernel_language_info()
    probes = {"full": full, "other_version": {**full, "version": "3.0.0"}}
    folder = ARTIFACTS_DIR / "a11y"
    folder.mkdir(parents=True, exist_ok=True)
    results = {}
    for name, info in probes.items():
        nb = copy.deepcopy(source)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        nb.metadata["language_info"] = info
        path = folder / f"probe-{name}.ipynb"
        nbformat.write(nb, path)
        state = dirty_after_open(page, lab_server, path.relative_to(REPO_ROOT).as_posix())
        results[name] = {"language_info": info, "dirty": state["tab"] or state["model"]}
    (folder / "open-clean.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    assert results["full"]["dirty"] is False, results
    assert results["other_version"]["dirty"] is True, f"the check did not see a rewritten language_info: {results}"
