"""Helpers to drive JupyterLab and Voila in Debian's Chromium with plain Playwright (sync API).

Follows /work/shared/recipes/browser-testing.md. Nothing here downloads a browser: Chromium is
Debian's binary (``shutil.which("chromium")``) launched with :data:`CHROMIUM_ARGS`.

Typical use (see ``conftest.py`` for the fixtures)::

    with LabServer(root=repo, env={"COURSE_ANSWERS_DIR": tmp}) as lab:
        open_notebook(page, lab, "notebooks/01.ipynb")     # fresh kernel, waits until idle
        seconds = run_all(page)                             # Run > Run All Cells, waits until done
        assert error_outputs(page) == []
        assert widget_count(page) > 0 and unrendered_widgets(page) == []
        screenshot(page, "01-after-run-all")
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"
SCREENSHOT_DIR = ARTIFACTS_DIR / "screenshots"

#: Debian's Chromium, headless, and kept off the network (it otherwise keeps trying to phone home).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: Settings defaults for the JupyterLab under test (written to <config>/labconfig/
#: default_setting_overrides.json, which jupyterlab_server reads for every plugin):
#: no news/update toast over the lower-right corner, and no autosave, so running a course
#: notebook in a test can never write outputs back into the repository.
LAB_SETTING_OVERRIDES: dict[str, dict[str, Any]] = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
}

STDERR_MIME = "application/vnd.jupyter.stderr"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def chromium_path() -> str | None:
    """Path of Debian's Chromium, or None when it is not installed."""
    return shutil.which("chromium")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------------------------------
# Servers
# --------------------------------------------------------------------------------------------


class _ServerProcess:
    """A server subprocess with a private HOME/Jupyter/IPython/Matplotlib/TMP folder."""

    name = "server"

    def __init__(self, env: Mapping[str, str] | None = None, startup_timeout: float = 60.0, keep_tmp: bool = False):
        self.extra_env = dict(env or {})
        self.startup_timeout = startup_timeout
        self.keep_tmp = keep_tmp
        self.port = 0
        self.tmp: Path | None = None
        self.proc: subprocess.Popen | None = None
        self.log_path: Path | None = None
        self._log_file = None
        self.log_text = ""
        self.startup_seconds = 0.0

    # -- private folders and environment ------------------------------------------------------
    def _make_env(self) -> dict[str, str]:
        assert self.tmp is not None
        d = {k: self.tmp / k for k in ("home", "config", "data", "runtime", "ipython", "mpl", "tmp")}
        for p in d.values():
            p.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        # Never inherit a token or a foreign Jupyter search path from the caller.
        for k in ("JUPYTER_TOKEN", "JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_PREFER_ENV_PATH"):
            env.pop(k, None)
        env.update(
            HOME=str(d["home"]),
            JUPYTER_CONFIG_DIR=str(d["config"]),
            # Private user data dir; the venv's <prefix>/share/jupyter (where jupyterlab_widgets
            # and voila install their labextensions) is still on the search path.
            JUPYTER_DATA_DIR=str(d["data"]),
            JUPYTER_RUNTIME_DIR=str(d["runtime"]),
            IPYTHONDIR=str(d["ipython"]),
            MPLCONFIGDIR=str(d["mpl"]),
            TMPDIR=str(d["tmp"]),
            PYTHONUNBUFFERED="1",
            PYDEVD_DISABLE_FILE_VALIDATION="1",  # silences a debugpy warning in kernel stderr
            JUPYTER_PLATFORM_DIRS="1",
        )
        env.update({k: str(v) for k, v in self.extra_env.items()})
        labconfig = d["config"] / "labconfig"
        labconfig.mkdir(parents=True, exist_ok=True)
        (labconfig / "default_setting_overrides.json").write_text(
            json.dumps(LAB_SETTING_OVERRIDES, indent=2), encoding="utf-8"
        )
        return env

    def _command(self) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _ready_url(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- lifecycle ------------------------------------------------------------------------------
    def start(self):
        if self.proc is not None:
            return self
        self.tmp = Path(tempfile.mkdtemp(prefix=f"course-{self.name}-"))
        self.port = self.port or free_port()
        env = self._make_env()
        self.log_path = self.tmp / f"{self.name}.log"
        self._log_file = open(self.log_path, "wb")
        t0 = time.monotonic()
        self.proc = subprocess.Popen(
            self._command(),
            env=env,
            cwd=str(self._cwd()),
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            self._wait_ready(t0)
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - t0
        return self

    def _cwd(self) -> Path:
        assert self.tmp is not None
        return self.tmp

    def _wait_ready(self, t0: float) -> None:
        url = self._ready_url()
        last = ""
        while time.monotonic() - t0 < self.startup_timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with code {self.proc.returncode} before answering.\n"
                    f"Command: {' '.join(self._command())}\nLog tail:\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, OSError, ConnectionError) as e:
                last = repr(e)
            time.sleep(0.25)
        raise TimeoutError(
            f"{self.name} did not answer {url.split('?')[0]} within {self.startup_timeout:.0f} s "
            f"(last error: {last}).\nLog tail:\n{self.log_tail()}"
        )

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_text
        if self.log_path is not None and self.log_path.exists():
            try:
                text = self.log_path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                pass
        return "\n".join(text.splitlines()[-lines:])

    def _before_stop(self) -> None:
        pass

    def stop(self) -> None:
        """Terminate the server (whole process group), kill it after 10 s, remove its temp folder."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                self._before_stop()
            except Exception:
                pass
            _signal_group(self.proc, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                _signal_group(self.proc, signal.SIGKILL)
                self.proc.wait(timeout=10)
        # Stragglers left in the group (kernels normally run in their own session and are shut
        # down by the server on SIGTERM).
        _signal_group(self.proc, signal.SIGKILL)
        self.log_text = self.log_tail(400)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None
        self.proc = None
        if self.tmp is not None and not self.keep_tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)  # start_new_session=True: the group id is the server's pid
    except (ProcessLookupError, PermissionError):
        pass


class LabServer(_ServerProcess):
    """JupyterLab as its own process on 127.0.0.1 with a random token.

    ``root`` is the server's root_dir (notebook paths are relative to it). ``env`` is added to
    the server's environment and so reaches the kernels (e.g. ``COURSE_ANSWERS_DIR``).
    """

    name = "jupyterlab"

    def __init__(
        self,
        root: str | os.PathLike,
        env: Mapping[str, str] | None = None,
        port: int | None = None,
        extra_args: Iterable[str] = (),
        startup_timeout: float = 60.0,
        keep_tmp: bool = False,
        page_config: Mapping[str, Any] | None = None,
    ):
        super().__init__(env=env, startup_timeout=startup_timeout, keep_tmp=keep_tmp)
        self.root = Path(root).resolve()
        self.port = port or 0
        self.token = secrets.token_hex(16)
        self.extra_args = list(extra_args)
        # Written to <private config>/labconfig/page_config.json, e.g.
        # {"disabledExtensions": {"@jupyter-widgets/jupyterlab-manager": True}}
        self.page_config = dict(page_config or {})

    def _make_env(self) -> dict[str, str]:
        env = super()._make_env()
        if self.page_config:
            path = Path(env["JUPYTER_CONFIG_DIR"]) / "labconfig" / "page_config.json"
            path.write_text(json.dumps(self.page_config, indent=2), encoding="utf-8")
        return env

    def _command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--allow-root",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--ServerApp.port_retries=0",
            f"--ServerApp.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            "--ServerApp.open_browser=False",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            # window.jupyterapp: lets tests read the notebook model (output types) and run commands
            "--LabApp.expose_app_in_browser=True",
            *self.extra_args,
        ]

    def _ready_url(self) -> str:
        return f"{self.url}/api/status?token={self.token}"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def lab_url(self, path: str = "") -> str:
        """URL that opens ``path`` (relative to root) in a reset workspace (no restored tabs)."""
        quoted = urllib.parse.quote(str(path).lstrip("/"))
        return f"{self.url}/lab/tree/{quoted}?reset&token={self.token}"

    # -- REST API ---------------------------------------------------------------------------------
    def api(self, method: str, path: str, body: Any = None, timeout: float = 30) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"{self.url}/api/{path.lstrip('/')}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
        return json.loads(raw) if raw else None

    def sessions(self) -> list[dict]:
        return self.api("GET", "sessions")

    def delete_sessions(self) -> int:
        """Delete every session (and so shut its kernel down). Returns how many there were."""
        sessions = self.sessions()
        for s in sessions:
            try:
                self.api("DELETE", f"sessions/{s['id']}")
            except urllib.error.HTTPError as e:
                if e.code != 404:
                    raise
        return len(sessions)

    def kernels(self) -> list[dict]:
        return self.api("GET", "kernels")

    def _before_stop(self) -> None:
        self.delete_sessions()


#: The script ``make lab`` runs: ``jupyter_config/start-lab PYTHON [options]`` puts the repository's
#: jupyter_config/ first on the Jupyter config path (start notebook, no news, build folders hidden).
START_LAB_SCRIPT = REPO_ROOT / "jupyter_config" / "start-lab"
#: The notebook ``make lab`` opens (LabApp.default_url in jupyter_config/jupyter_server_config.json).
START_NOTEBOOK = "notebooks/00_start_here.ipynb"


class CourseLabServer(LabServer):
    """JupyterLab started the way ``make lab`` starts it, through :data:`START_LAB_SCRIPT`.

    Only what a test needs is added to the command (no browser, 127.0.0.1, a free port, a token,
    ``--allow-root``); none of :class:`LabServer`'s test settings (no news URL, no update check, the
    settings overrides file in the private config folder) are used, so the repository's own
    configuration is what is tested. The root is the repository (the script sets it).
    """

    name = "course-lab"

    def __init__(self, env: Mapping[str, str] | None = None, startup_timeout: float = 60.0, keep_tmp: bool = False):
        super().__init__(root=REPO_ROOT, env=env, startup_timeout=startup_timeout, keep_tmp=keep_tmp)

    def _make_env(self) -> dict[str, str]:
        env = super()._make_env()
        # _ServerProcess writes the tests' settings overrides there: the repository's must do the job.
        (Path(env["JUPYTER_CONFIG_DIR"]) / "labconfig" / "default_setting_overrides.json").unlink(missing_ok=True)
        return env

    def _command(self) -> list[str]:
        return [
            "sh",
            str(START_LAB_SCRIPT),
            sys.executable,
            "--allow-root",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--ServerApp.port_retries=0",
            f"--ServerApp.token={self.token}",
            *self.extra_args,
        ]

    def start_url(self) -> str:
        """The server's own address, as ``make lab`` opens it in the browser (it redirects to the
        default URL)."""
        return f"{self.url}/?token={self.token}"


class VoilaServer(_ServerProcess):
    """Voila serving one notebook at ``.url`` (code hidden), on 127.0.0.1."""

    name = "voila"

    def __init__(
        self,
        notebook: str | os.PathLike,
        env: Mapping[str, str] | None = None,
        port: int | None = None,
        extra_args: Iterable[str] = (),
        startup_timeout: float = 60.0,
        keep_tmp: bool = False,
    ):
        super().__init__(env=env, startup_timeout=startup_timeout, keep_tmp=keep_tmp)
        self.notebook = Path(notebook).resolve()
        self.port = port or 0
        self.extra_args = list(extra_args)

    def _command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "voila",
            str(self.notebook),
            "--no-browser",
            f"--port={self.port}",
            "--Voila.ip=127.0.0.1",
            "--Voila.port_retries=0",
            *self.extra_args,
        ]

    def _cwd(self) -> Path:
        return self.notebook.parent

    def _ready_url(self) -> str:
        # A static file: answers as soon as the server listens, without starting a kernel.
        return f"http://127.0.0.1:{self.port}/voila/static/voila.js"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


# --------------------------------------------------------------------------------------------
# Notebook pages in JupyterLab (the widget/error/screenshot helpers also work on Voila pages)
# --------------------------------------------------------------------------------------------

#: The toolbar shows the kernelspec display name, "Python 3 (ipykernel)" for the venv kernel,
#: and "No Kernel" / "Kernel" before a session is connected.
KERNEL_NAME_RE = r"Python|ipykernel"

# Helpers pasted at the start of every evaluated function body (plain string: no f-string braces).
# panel(): the visible notebook panel (with ?reset there is only one); on a page without a
# notebook panel (Voila) it is document.body, so the output helpers work there too.
_JS_LIB = r"""
const STDERR_MIME = 'application/vnd.jupyter.stderr';
const notebookPanel = () => {
  const all = [...document.querySelectorAll('.jp-NotebookPanel')];
  return all.find(p => !p.classList.contains('lm-mod-hidden') && p.offsetParent !== null) || all[0] || null;
};
const panel = () => notebookPanel() || document.body;
const kernelIdle = (re) => {
  const p = notebookPanel(); if (!p) return false;
  const k = p.querySelector('.jp-Toolbar-kernelName');
  const i = p.querySelector('.jp-Notebook-ExecutionIndicator');
  return !!(k && new RegExp(re).test(k.textContent) && i && i.dataset.status === 'idle');
};
const kernelStatus = () => {
  const p = notebookPanel(); if (!p) return 'no notebook panel';
  const k = p.querySelector('.jp-Toolbar-kernelName');
  const i = p.querySelector('.jp-Notebook-ExecutionIndicator');
  return `kernel name: ${k && k.textContent} / indicator: ${i && i.dataset.status}`;
};
// The notebook model of the current tab (window.jupyterapp exists with expose_app_in_browser).
const notebookModel = () => {
  const app = window.jupyterapp;
  const w = app && app.shell && app.shell.currentWidget;
  return (notebookPanel() && w && w.content && w.content.model && w.content.model.cells)
    ? w.content.model : null;
};
// Code cells: their input prompt ('[ ]:', '[*]:', '[3]:') and whether their source is empty
// (JupyterLab does not execute empty cells: they keep '[ ]:'). The source is read from the model
// when it is available (an editor not drawn yet has no text in the DOM).
const cellState = () => {
  const p = notebookPanel();
  const cells = p ? [...p.querySelectorAll('.jp-Notebook .jp-Cell.jp-CodeCell')] : [];
  const m = notebookModel();
  const sources = m ? [...m.cells].filter(c => c.type === 'code')
                                  .map(c => c.sharedModel.getSource()) : null;
  const useModel = !!sources && sources.length === cells.length;
  return cells.map((c, i) => {
    const prompt = c.querySelector('.jp-InputArea-prompt');
    const src = c.querySelector('.jp-InputArea-editor .cm-content');
    const text = useModel ? sources[i] : (src ? src.textContent : '');
    return {prompt: prompt ? prompt.textContent.trim() : '', empty: text.trim() === ''};
  });
};
// Error outputs. JupyterLab renders outputs of type "error" exactly like stderr streams
// (.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]), so they are read from the
// notebook model (exact, needs --LabApp.expose_app_in_browser); then every stderr rendering that
// mentions Traceback/Error/Exception and is not one of those is added (stderr streams, errors
// shown inside Output widgets, which the top-level model does not list, and Voila pages).
const collectErrors = () => {
  const fromModel = [];
  const m = notebookModel();
  if (m) {
    for (const cell of m.cells) {
      const outs = cell.outputs;
      if (!outs) continue;
      for (let i = 0; i < outs.length; i++) {
        const o = outs.get(i);
        if (o.type === 'error') {
          const j = o.toJSON();
          fromModel.push((j.traceback || []).join('\n').replace(/\u001b\[[0-9;]*m/g, '')
                         || `${j.ename}: ${j.evalue}`);
        }
      }
    }
  }
  const norm = t => t.replace(/\s+/g, ' ').trim();
  const known = fromModel.map(norm);
  const fromDom = [];
  for (const el of panel().querySelectorAll(`.jp-RenderedText[data-mime-type="${STDERR_MIME}"]`)) {
    const t = el.innerText;
    if (!/Traceback|Error|Exception/.test(t)) continue;
    const n = norm(t);
    if (known.some(k => k.includes(n) || n.includes(k))) continue;
    fromDom.push(t);
  }
  return fromModel.concat(fromDom);
};
// Widget outputs. In JupyterLab 4.6 the widget renderer node (.jp-OutputArea-output) carries no
// data-mime-type; while loading it holds the text "Loading widget...", on failure "Error
// displaying widget[: model not found]", and when a view fails ipywidgets puts an error view
// (.jupyter-widgets-error-widget, "Failed to create view for ..."). Without the widget
// labextension JupyterLab falls back to the text/plain repr, e.g. "Dropdown(index=0, ...)".
const widgetState = (names) => {
  const root = panel();
  const bad = [];
  let rendered = 0, loading = 0;
  const re = new RegExp('^(' + names.join('|') + ')\\(');
  for (const el of root.querySelectorAll('.jp-OutputArea-output')) {
    const child = [...el.children].find(c => c.classList.contains('jupyter-widgets'));
    const text = el.textContent.trim();
    if (child) {
      if (!child.querySelector('.jupyter-widgets-error-widget')) rendered++;
    } else if (el.children.length === 0 && text.startsWith('Loading widget...')) {
      loading++;
      bad.push(text.slice(0, 300));
    } else if (el.children.length === 0 && text.startsWith('Error displaying widget')) {
      bad.push(text.slice(0, 300));
    } else if (el.dataset.mimeType === 'text/plain' && re.test(text)) {
      bad.push('text fallback (no widget renderer): ' + text.slice(0, 300));
    }
  }
  for (const el of root.querySelectorAll('.jupyter-widgets-error-widget')) {
    bad.push('error view: ' + (el.closest('.jupyter-widgets') || el).innerText.slice(0, 300));
  }
  return {rendered, loading, bad};
};
"""


def _js(body: str, params: str = "") -> str:
    """A JS function ``(params) => { <helpers> body }`` for page.evaluate/wait_for_function."""
    return f"({params}) => {{\n{_JS_LIB}\n{body}\n}}"


def _dialog_text(page) -> str:
    try:
        return page.evaluate(
            "() => [...document.querySelectorAll('.jp-Dialog')].map(d => d.innerText).join('\\n---\\n')"
        )
    except Exception:
        return ""


def kernel_idle(page, kernel_re: str = KERNEL_NAME_RE) -> bool:
    """True when the notebook toolbar names a Python kernel and the execution indicator is idle."""
    return bool(page.evaluate(_js("return kernelIdle(re);", "re"), kernel_re))


def wait_kernel_idle(page, timeout: float = 60_000, kernel_re: str = KERNEL_NAME_RE) -> None:
    page.wait_for_function(_js("return kernelIdle(re);", "re"), arg=kernel_re, timeout=timeout, polling=100)


def open_notebook(
    page,
    server: LabServer,
    path: str,
    timeout: float = 60_000,
    fresh_kernel: bool = True,
    kernel_re: str = KERNEL_NAME_RE,
) -> float:
    """Open ``path`` (relative to the server root) and wait until its kernel is idle.

    With ``fresh_kernel`` all existing sessions are deleted first, so the notebook gets a new
    kernel. Returns the elapsed seconds (page load + kernel start).
    """
    if fresh_kernel:
        server.delete_sessions()
    t0 = time.monotonic()
    page.goto(server.lab_url(path), wait_until="domcontentloaded", timeout=timeout)
    try:
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook", timeout=timeout)
        remaining = max(1_000, timeout - (time.monotonic() - t0) * 1000)
        wait_kernel_idle(page, timeout=remaining, kernel_re=kernel_re)
    except Exception as e:
        try:
            status = page.evaluate(_js("return kernelStatus();"))
        except Exception as e2:  # page gone
            status = repr(e2)
        raise AssertionError(
            f"Notebook {path} did not reach an idle kernel within {timeout / 1000:.0f} s "
            f"({status}). Dialogs: {_dialog_text(page) or 'none'}. Server log tail:\n"
            f"{server.log_tail(20)}"
        ) from e
    return time.monotonic() - t0


def menu(page, top: str, item: str, timeout: float = 10_000) -> None:
    """Click a main-menu entry by its labels, e.g. ``menu(page, "Run", "Run All Cells")``."""
    page.locator(".lm-MenuBar-itemLabel").filter(has_text=re.compile(rf"^\s*{re.escape(top)}\s*$")).first.click(
        timeout=timeout
    )
    page.locator(".lm-Menu-itemLabel").filter(has_text=re.compile(rf"^\s*{re.escape(item)}\s*$")).first.click(
        timeout=timeout
    )


def cell_prompts(page) -> list[str]:
    """Input prompts of the code cells, e.g. ``['[1]:', '[*]:', '[ ]:']``."""
    return page.evaluate(_js("return cellState().map(c => c.prompt);"))


def clear_all_outputs(page) -> None:
    """Edit > Clear Outputs of All Cells (also resets every execution count to ``[ ]``)."""
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(_js("return cellState().every(c => c.prompt === '[ ]:');"), timeout=10_000)


_JS_RUN_DONE = """
const cells = cellState();
if (cells.some(c => c.prompt === '[*]:')) return false;
if (!kernelIdle(re)) return false;
const numbered = c => /^\\[\\d+\\]:$/.test(c.prompt);
if (cells.every(c => c.empty || numbered(c))) return true;
// A cell raised: JupyterLab stops Run All and leaves the cells after it at '[ ]:'.
return cells.some(numbered) && collectErrors().length > 0;
"""


def run_all(page, timeout: float = 120_000, clear_first: bool = True, kernel_re: str = KERNEL_NAME_RE) -> float:
    """Run > Run All Cells, then wait until the run is over and the kernel is idle.

    The run is over when no cell shows ``[*]``, the kernel is idle, and either every non-empty
    code cell has an execution count or a cell raised (the cells after it stay ``[ ]``).
    ``clear_first`` clears all outputs and counts first, so counts saved in the notebook cannot be
    mistaken for a finished run. Returns the elapsed seconds of the run (from the menu click).
    """
    if clear_first:
        clear_all_outputs(page)
    t0 = time.monotonic()
    menu(page, "Run", "Run All Cells")
    try:
        page.wait_for_function(_js(_JS_RUN_DONE, "re"), arg=kernel_re, timeout=timeout, polling=50)
    except Exception as e:
        raise AssertionError(
            f"Run All did not finish within {timeout / 1000:.0f} s; prompts: {cell_prompts(page)}; "
            f"{page.evaluate(_js('return kernelStatus();'))}; "
            f"dialogs: {_dialog_text(page) or 'none'}"
        ) from e
    return time.monotonic() - t0


def error_outputs(page) -> list[str]:
    """Texts of the error outputs on the page (empty list = no errors).

    Exceptions (outputs of type ``error``, read from the notebook model) and any stderr output
    that mentions Traceback/Error/Exception, including inside Output widgets. Plain warnings on
    stderr without those words are ignored.
    """
    return page.evaluate(_js("return collectErrors();"))


_FALLBACK_WIDGET_NAMES = [
    "Accordion",
    "AppLayout",
    "BoundedFloatText",
    "BoundedIntText",
    "Box",
    "Button",
    "Checkbox",
    "ColorPicker",
    "Combobox",
    "DatePicker",
    "Dropdown",
    "FileUpload",
    "FloatProgress",
    "FloatRangeSlider",
    "FloatSlider",
    "FloatText",
    "GridBox",
    "GridspecLayout",
    "HBox",
    "HTML",
    "HTMLMath",
    "Image",
    "IntProgress",
    "IntRangeSlider",
    "IntSlider",
    "IntText",
    "Label",
    "Output",
    "Password",
    "Play",
    "RadioButtons",
    "Select",
    "SelectMultiple",
    "SelectionRangeSlider",
    "SelectionSlider",
    "Stack",
    "Tab",
    "TagsInput",
    "Text",
    "Textarea",
    "ToggleButton",
    "ToggleButtons",
    "TwoByTwoLayout",
    "VBox",
    "Valid",
    "interactive",
]
_WIDGET_NAMES: list[str] | None = None


def _widget_names() -> list[str]:
    """Class names whose text/plain repr marks an unrendered widget (from ipywidgets if present)."""
    global _WIDGET_NAMES
    if _WIDGET_NAMES is None:
        names = set(_FALLBACK_WIDGET_NAMES)
        try:
            import ipywidgets

            names |= {
                n
                for n in dir(ipywidgets)
                if isinstance(getattr(ipywidgets, n), type) and issubclass(getattr(ipywidgets, n), ipywidgets.DOMWidget)
            }
        except Exception:
            pass
        _WIDGET_NAMES = sorted(n for n in names if re.fullmatch(r"\w+", n))
    return _WIDGET_NAMES


def widget_state(page) -> dict:
    """``{"rendered": n, "loading": n, "bad": [texts]}`` for the widget outputs on the page."""
    return page.evaluate(_js("return widgetState(names);", "names"), _widget_names())


def widget_count(page) -> int:
    """Number of widget views rendered in outputs (including views displayed in Output widgets)."""
    return widget_state(page)["rendered"]


def unrendered_widgets(page) -> list[str]:
    """Widget outputs that show a fallback instead of a widget (empty list = all rendered).

    What ipywidgets 8.1 in JupyterLab 4.6 shows instead of a widget: "Loading widget..." (stuck),
    "Error displaying widget" / "Error displaying widget: model not found" (e.g. saved widget
    output with no live kernel state), an error view (``.jupyter-widgets-error-widget``, "Failed to
    create view for ..."), or, when the widget labextension is missing, the text/plain repr such as
    ``Dropdown(index=0, options=('a', 'b'), value='a')``.
    """
    return widget_state(page)["bad"]


def wait_widgets(page, minimum: int = 1, timeout: float = 30_000) -> int:
    """Wait until at least ``minimum`` widget views rendered and none is still loading."""
    try:
        page.wait_for_function(
            _js("const s = widgetState(a.names); return s.rendered >= a.minimum && s.loading === 0;", "a"),
            arg={"names": _widget_names(), "minimum": minimum},
            timeout=timeout,
            polling=100,
        )
    except Exception as e:
        raise AssertionError(f"Fewer than {minimum} widgets rendered: {widget_state(page)}") from e
    return widget_count(page)


def output_texts(page) -> list[str]:
    """innerText of every output on the page (including outputs inside Output widgets)."""
    return page.evaluate(_js("return [...panel().querySelectorAll('.jp-OutputArea-output')].map(e => e.innerText);"))


def screenshot(page, name: str, full_page: bool = False) -> Path:
    """Save a PNG to test-artifacts/screenshots/<name>.png (git-ignored) and return its path."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_") or "screenshot"
    path = SCREENSHOT_DIR / f"{safe}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def js_flags(page, names: Iterable[str]) -> dict[str, Any]:
    """``{name: window[name]}`` (None when unset), e.g. flags that XSS payloads would set."""
    return page.evaluate(
        "(names) => Object.fromEntries(names.map(n => [n, window[n] === undefined ? null : window[n]]))", list(names)
    )


def lab_command(page, command: str, args: dict | None = None) -> Any:
    """Run a JupyterLab command by id (e.g. ``'notebook:run-all-cells'``) via window.jupyterapp."""
    return page.evaluate("([c, a]) => window.jupyterapp.commands.execute(c, a)", [command, args or {}])


def model_widget_outputs(page) -> int:
    """How many widget views the kernel displayed, read from the notebook model (top-level outputs
    with the widget-view MIME type). The DOM must render at least this many (``widget_count``);
    computed from the run itself, so it needs no hand-kept number per notebook. 0 on a page without
    a notebook model (Voila)."""
    return page.evaluate(
        _js(
            """
const m = notebookModel(); if (!m) return 0;
let n = 0;
for (const cell of m.cells) {
  const outs = cell.outputs; if (!outs) continue;
  for (let i = 0; i < outs.length; i++) {
    const j = outs.get(i).toJSON();
    if (j.data && j.data[a]) n++;
  }
}
return n;""",
            "a",
        ),
        WIDGET_MIME,
    )


def element_screenshot(locator, name: str, max_height: int | None = None) -> Path:
    """Save a PNG of one element (e.g. a course widget) to test-artifacts/screenshots/<name>.png.

    ``max_height`` (CSS pixels) keeps only the top of a tall element; the element is scrolled to
    the top of the window first, so at most the window's height can be kept."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_") or "screenshot"
    path = SCREENSHOT_DIR / f"{safe}.png"
    if max_height is None:
        locator.scroll_into_view_if_needed()
        locator.screenshot(path=str(path))
        return path
    locator.evaluate("e => e.scrollIntoView({block: 'start'})")
    box = locator.bounding_box()
    page = locator.page
    viewport = page.viewport_size or {"height": 900}
    # inside JupyterLab, stop at the bottom of the notebook's scroll area (not the status bar)
    bottom = locator.evaluate(
        "e => { const n = e.closest('.jp-Notebook'); return n ? n.getBoundingClientRect().bottom : null; }"
    )
    top = max(box["y"], 0)
    height = min(box["height"], max_height, (bottom or viewport["height"]) - top, viewport["height"] - top)
    page.screenshot(path=str(path), clip={"x": box["x"], "y": top, "width": box["width"], "height": height})
    return path
