"""Accessibility audit (issue 11): axe-core, WCAG 2 A and AA, in Debian's Chromium.

* every course notebook after Run All in JupyterLab (light theme, then dark theme): run by
  test_course_notebooks.py::test_course_notebook_in_lab in the page it has opened and run, with
  :func:`a11y.audit_notebook_in_lab` (so each notebook is opened once);
* every Voila app (notebooks/app/);
* every page of the static site (built once per session by the ``site`` fixture of conftest.py).

The course must cause **0 serious or critical violations**: in JupyterLab and Voila the course's
part is what it displays (the output areas); JupyterLab's and Voila's own interface are reported
(printed and written to test-artifacts/axe-report.json) but not asserted. On the static site the
pages' outputs are the course's and are asserted the same way; the rest of each page is reported.

Screenshots at 1366x768 and 768x1024 of each notebook, app and page go to
test-artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

import time
import urllib.parse

import pytest

from .a11y import BUTTONS, COURSE_SCOPE_LAB, audit, axe_available, low_contrast, screenshots_at_both_sizes
from .lab import VoilaServer, error_outputs, wait_widgets
from .test_voila_and_site import APP_DIR, APPS, internal, keep_off_network

pytestmark = pytest.mark.browser

#: Every Voila app: notebooks/app/*.ipynb (the main widget's selector where test_voila_and_site knows it).
VOILA_APPS = sorted(p.stem for p in APP_DIR.glob("*.ipynb"))


@pytest.fixture(autouse=True)
def _axe_installed():
    reason = axe_available()
    if reason:
        pytest.fail(reason, pytrace=False)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("app", VOILA_APPS)
def test_voila_app_accessible(app, page, tmp_path):
    path = APP_DIR / f"{app}.ipynb"
    answers = tmp_path / "answers"
    answers.mkdir()
    keep_off_network(page)
    with VoilaServer(path, env={"COURSE_ANSWERS_DIR": str(answers)}) as voila:
        page.goto(voila.url, wait_until="domcontentloaded", timeout=120_000)
        page.locator(APPS.get(app, ".jupyter-widgets")).first.wait_for(timeout=90_000)
        wait_widgets(page, minimum=1, timeout=60_000)
        assert error_outputs(page) == []
        prompt = page.locator(".course-name-prompt")
        if prompt.count():  # a shared app asks for a name first; the audit sees the controls enabled
            prompt.first.locator("input").fill("Ana García")
            prompt.first.get_by_role("button", name="Start").click()
            prompt.first.locator("input:disabled").wait_for(timeout=30_000)  # the name is taken
            page.wait_for_function(
                "() => [...document.querySelectorAll('.noUi-target')].every(t => !t.hasAttribute('disabled'))",
                timeout=30_000,
            )
        page.wait_for_timeout(500)  # the accessibility script runs 200 ms after the page last changed
        result = audit(page, f"voila/{app}", scope=COURSE_SCOPE_LAB)
        print(f"\nvoila {app}: course {result.serious('course')}; Voila {result.serious('host')}")
        buttons = low_contrast(page, [BUTTONS])
        screenshots_at_both_sizes(page, f"voila-{app}", full_page=True)
    assert not result.serious("course"), f"voila {app}:\n{result.describe('course')}"
    assert not buttons, f"voila {app}: buttons below 4.5:1: {buttons}"


@pytest.mark.timeout(400)
def test_site_pages_accessible(page, site):
    keep_off_network(page)
    page.goto(site["base"] + "index.html", wait_until="load")
    hrefs = ["index.html"] + [
        h for h in page.evaluate("() => [...document.links].map(a => a.getAttribute('href'))") if internal(h)
    ]
    problems = []
    for href in dict.fromkeys(hrefs):
        url = urllib.parse.urljoin(site["base"], href)
        page.goto(url, wait_until="load")
        if href != "index.html":
            try:
                page.locator(".jupyter-widgets").first.wait_for(timeout=20_000)
            except Exception:
                pass
        time.sleep(0.2)  # noqa: ASYNC251 - let the widget manager finish drawing (no assertion on time)
        # the index is the course's own page; on the notebook pages the outputs are the course's
        scope = None if href == "index.html" else COURSE_SCOPE_LAB
        result = audit(page, f"site/{href}", scope=scope)
        print(f"\nsite {href}: course {result.serious('course')}; page frame {result.serious('host')}")
        if result.serious("course"):
            problems.append(f"{href}:\n{result.describe('course')}")
        screenshots_at_both_sizes(page, f"site-{href.replace('/', '_')}", full_page=True)
    assert problems == [], "static site: serious/critical violations\n" + "\n".join(problems)


def test_audit_sees_a_violation(page):
    """The audit can fail: a button without a name inside an output area is a critical violation
    of the course's; the same button outside it counts for the host."""
    page.set_content(
        "<!doctype html><html lang='en'><head><title>t</title></head><body><main>"
        "<div class='jp-OutputArea-output'><button></button></div><p>frame</p><button></button></main></body></html>"
    )
    result = audit(page, "self-test", scope=COURSE_SCOPE_LAB)
    assert result.serious("course") == {"button-name": 1}
    assert result.serious("host") == {"button-name": 1}
