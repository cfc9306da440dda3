"""Fixtures for the browser tests: Debian's Chromium via plain Playwright, one JupyterLab per session.

Every test in tests/browser is marked ``browser``. Without Chromium the tests are skipped, unless
``COURSE_REQUIRE_BROWSER=1`` (set by CI), where its absence is a failure.

Fixtures: ``browser`` (session), ``lab_server`` (session; root = the repository, kernels get
``COURSE_ANSWERS_DIR`` = ``answers_dir``), ``answers_dir`` (session temp folder), ``fresh_answers``
(empties that folder before a test), ``page`` (function; 1280x900, collects console errors and
page errors in ``page.console_errors`` / ``page.page_errors``, saves a screenshot when the test
fails), ``timings`` (records named durations, printed at the end of the run and written to
test-artifacts/browser-timings.json), ``site`` (session: the static site built once into a temp folder
and served on 127.0.0.1; tests only read it) and ``site_copy`` (function: a served copy of that site
for a test that changes files in it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from .lab import ARTIFACTS_DIR, CHROMIUM_ARGS, REPO_ROOT, LabServer, chromium_path, screenshot
from .static_site import build_site, serve_folder, site_command_available

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

HERE = Path(__file__).resolve().parent
_TIMINGS: dict[str, dict[str, float]] = {}


def _in_this_folder(item) -> bool:
    try:
        return Path(str(item.path)).resolve().is_relative_to(HERE)
    except Exception:
        return False


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # tryfirst: add the marker before `-m "not browser"` deselects by marker.
    for item in items:
        if _in_this_folder(item):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)


def pytest_terminal_summary(terminalreporter):
    if not _TIMINGS:
        return
    terminalreporter.section("browser timings (seconds)")
    for test, values in _TIMINGS.items():
        parts = ", ".join(f"{k}={v:.3f}" for k, v in values.items())
        terminalreporter.write_line(f"{test}: {parts}")
    try:
        ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS_DIR / "browser-timings.json").write_text(json.dumps(_TIMINGS, indent=2), encoding="utf-8")
    except OSError:
        pass


@pytest.fixture(scope="session", autouse=True)
def _require_chromium():
    if chromium_path() is None:
        if os.environ.get("COURSE_REQUIRE_BROWSER") == "1":
            pytest.fail(
                "Chromium is required in CI but was not found: install Debian's chromium (apt-get install chromium)",
                pytrace=False,
            )
        pytest.skip("Debian's chromium is not installed; browser tests skipped (sudo apt-get install chromium)")


@pytest.fixture(scope="session")
def _playwright(_require_chromium):
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        yield pw
    finally:
        pw.stop()


@pytest.fixture(scope="session")
def browser(_playwright):
    b = _playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
    try:
        yield b
    finally:
        b.close()


@pytest.fixture(scope="session")
def answers_dir(tmp_path_factory) -> Path:
    """Where the kernels store answers (COURSE_ANSWERS_DIR), so tests never touch real answers."""
    return tmp_path_factory.mktemp("answers")


@pytest.fixture(scope="session")
def lab_server(_require_chromium, answers_dir):
    with LabServer(root=REPO_ROOT, env={"COURSE_ANSWERS_DIR": str(answers_dir)}) as server:
        yield server


@pytest.fixture
def fresh_answers(answers_dir) -> Path:
    """Empty the session's answers folder before a test, so answers (and locked forecasts) saved by
    an earlier test cannot change what this one sees. Use it before opening a notebook: the kernel
    of every test is new, so no kernel holds a file from before."""
    for child in answers_dir.iterdir():
        if child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    return answers_dir


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    pg = context.new_page()
    pg.console_errors = []
    pg.page_errors = []
    pg.on("console", lambda msg: pg.console_errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda err: pg.page_errors.append(str(err)))
    try:
        yield pg
    finally:
        rep = getattr(request.node, "rep_call", None)
        if rep is not None and rep.failed:
            try:
                name = "FAILED-" + re.sub(r"[^A-Za-z0-9._-]+", "_", request.node.nodeid)
                screenshot(pg, name[-150:])
            except Exception:
                pass
        context.close()


@pytest.fixture
def timings(request):
    """``timings("run_all", seconds)`` records a duration for the end-of-run summary."""
    values = _TIMINGS.setdefault(request.node.nodeid, {})

    def record(name: str, seconds: float) -> float:
        values[name] = seconds
        return seconds

    return record


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The static site (``python -m helpers.classroom site``), built once per session into a temp
    folder and served on 127.0.0.1: ``{"base": url, "dir": folder, "build_s": seconds, "log": stdout}``.
    Shared by every test that reads it: a test must not change its files (use ``site_copy``)."""
    reason = site_command_available()
    if reason:
        pytest.skip(reason)
    out, build_s, log = build_site(tmp_path_factory.mktemp("site"))
    with serve_folder(out) as base:
        yield {"base": base, "dir": out, "build_s": build_s, "log": log}


@pytest.fixture
def site_copy(site, tmp_path):
    """A copy of the session's site in the test's own folder, served on its own port, for a test that
    adds or changes files: ``{"base": url, "dir": folder}``."""
    copy = tmp_path / "site"
    shutil.copytree(site["dir"], copy)
    with serve_folder(copy) as base:
        yield {"base": base, "dir": copy}
