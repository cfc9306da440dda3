"""Accessibility audit (issue 11): axe-core, WCAG 2 A and AA, in Debian's Chromium.

* every course notebook after Run All in JupyterLab (light theme, then dark theme);
* both Voila apps (notebooks/app/);
* every page of the static site.

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

from .a11y import (
    BUTTONS,
    COURSE_SCOPE_LAB,
    VIEWPORTS,
    audit,
    axe_available,
    draw_every_cell,
    low_contrast,
    overlapping_choices,
    screenshots_at_both_sizes,
)
from .course_ui import NOTEBOOK_DIR, open_run_and_check, rel
from .lab import VoilaServer, error_outputs, wait_widgets
from .test_voila_and_site import APP_DIR, APPS, internal, keep_off_network, site  # noqa: F401 (site: fixture)

pytestmark = pytest.mark.browser

#: Every course notebook: notebooks/NN_*.ipynb (05 included once it exists).
LAB_NOTEBOOKS = sorted(p.stem for p in NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
#: Every Voila app: notebooks/app/*.ipynb (the main widget's selector where test_voila_and_site knows it).
VOILA_APPS = sorted(p.stem for p in APP_DIR.glob("*.ipynb"))


@pytest.fixture(autouse=True)
def _axe_installed():
    reason = axe_available()
    if reason:
        pytest.fail(reason, pytrace=False)


def set_theme(page, dark: bool) -> None:
    """Switch JupyterLab's theme (Settings > Theme) and wait until the body says so."""
    name = "JupyterLab Dark" if dark else "JupyterLab Light"
    page.evaluate("t => window.jupyterapp.commands.execute('apputils:change-theme', {theme: t})", name)
    page.wait_for_function(
        "d => document.body.dataset.jpThemeLight === (d ? 'false' : 'true')", arg=dark, timeout=30_000
    )
    page.wait_for_timeout(500)  # the theme's stylesheet is applied after the attribute changes


def first_course_widget(page) -> str:
    for selector in (".course-question", ".course-actor-explorer", ".course-timeline-explorer", ".jupyter-widgets"):
        if page.locator(selector).count():
            return selector
    return ".jp-Notebook"


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", LAB_NOTEBOOKS)
def test_notebook_accessible_in_lab(name, page, lab_server, fresh_answers):
    open_run_and_check(page, lab_server, rel(NOTEBOOK_DIR / f"{name}.ipynb"))
    draw_every_cell(page)
    problems = []
    for dark in (False, True):
        theme = "dark" if dark else "light"
        if dark:
            set_theme(page, True)
        result = audit(page, f"lab/{name}/{theme}", scope=COURSE_SCOPE_LAB)
        print(
            f"\n{name} ({theme}): course {result.serious('course')} (undecided {result.incomplete}, passes {result.passes}); JupyterLab {result.serious('host')}"
        )
        if result.serious("course"):
            problems.append(f"{theme} theme:\n{result.describe('course')}")
        if low_contrast(page, [BUTTONS]):
            problems.append(f"{theme} theme: buttons below 4.5:1: {low_contrast(page, [BUTTONS])}")
        screenshots_at_both_sizes(page, f"lab-{name}-{theme}", focus_selector=first_course_widget(page))
    set_theme(page, False)
    before = page.viewport_size
    page.set_viewport_size(VIEWPORTS["768x1024"])  # a tablet: long options wrap
    try:
        if overlapping_choices(page):
            problems.append(f"options that run into each other at 768 px: {overlapping_choices(page)}")
    finally:
        if before:
            page.set_viewport_size(before)
    assert problems == [], f"{name}: serious/critical accessibility violations in the course's output\n" + "\n".join(
        problems
    )


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
def test_site_pages_accessible(page, site):  # noqa: F811 (site is the fixture imported above)
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
