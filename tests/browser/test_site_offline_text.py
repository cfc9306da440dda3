"""The static site teaches without widgets: with JavaScript off, every exercise's question text and its
options are on the page (a static copy built from the widget state); with the widgets rendered, the
copy is hidden, so nothing shows twice.

The expected text is read from the widget state embedded in each page (what the widget itself would
show), not from the static copy. The site is built once per session by the ``site`` fixture of conftest.py.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from .lab import screenshot
from .test_voila_and_site import keep_off_network

pytestmark = pytest.mark.browser

_VIEW = re.compile(r'<script type="application/vnd\.jupyter\.widget-view\+json">\s*(\{.*?\})\s*</script>', re.S)
_STATE = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json">\s*(.*?)</script>', re.S)


def _text(markup: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def exercises(page_html: str) -> list[dict]:
    """Each displayed exercise (a ``course-question`` box): its prompt and the options of its choices."""
    state = json.loads(_STATE.search(page_html).group(1).replace("<\\/", "</"))["state"]

    def walk(model_id: str, found: dict) -> None:
        model = state.get(model_id, {})
        values = model.get("state", {})
        if model.get("model_name") == "HTMLModel" and not found["prompt"] and _text(values.get("value", "")):
            found["prompt"] = _text(values["value"])
        if model.get("model_name") == "RadioButtonsModel":
            found["options"] += [re.sub(r"\s+", " ", o).strip() for o in values.get("_options_labels", [])]
        for child in values.get("children", []):
            walk(child.removeprefix("IPY_MODEL_"), found)

    result = []
    for view in _VIEW.findall(page_html):
        model_id = json.loads(view)["model_id"]
        if "course-question" in state.get(model_id, {}).get("state", {}).get("_dom_classes", []):
            found: dict = {"id": model_id, "prompt": "", "options": []}
            walk(model_id, found)
            result.append(found)
    return result


_SHOWN = """(id) => { const box = document.querySelector(`.course-static[data-model-id="${id}"]`);
  return box && box.checkVisibility() ? box.innerText.replace(/\\s+/g, ' ') : null; }"""


@pytest.mark.timeout(300)
def test_questions_readable_without_javascript(browser, site):
    pages = sorted(p.name for p in site["dir"].glob("[0-9]*.html"))
    assert pages, "the site has no page"
    context = browser.new_context(viewport={"width": 768, "height": 1024}, java_script_enabled=False)
    page = context.new_page()
    problems, counts = [], []
    try:
        for name in pages:
            questions = exercises((site["dir"] / name).read_text(encoding="utf-8"))
            counts.append(f"{name}: {len(questions)}")
            page.goto(site["base"] + name, wait_until="load")
            assert page.evaluate("() => document.querySelectorAll('.widget-subarea').length") == 0
            for question in questions:
                shown = page.evaluate(_SHOWN, question["id"])
                if shown is None:
                    problems.append(f"{name}: no visible static copy of the exercise {question['prompt'][:60]!r}")
                    continue
                bare = re.sub(r"\s+", "", shown)  # markup may or may not put spaces between its pieces
                missing = [t for t in [question["prompt"], *question["options"]] if re.sub(r"\s+", "", t) not in bare]
                if missing:
                    problems.append(f"{name}: not shown without JavaScript: {missing}")
                if "in JupyterLab" not in shown:
                    problems.append(f"{name}: {question['prompt'][:40]!r} does not say where to answer")
        screenshot(page, "site-no-javascript-768")
    finally:
        context.close()
    print("\nexercises per page: " + "; ".join(counts))
    assert sum(int(c.rsplit(" ", 1)[1]) for c in counts) >= 10, counts
    assert problems == [], "\n".join(problems)


@pytest.mark.timeout(120)
def test_static_copy_hidden_once_widgets_render(page, site):
    keep_off_network(page)  # the widget JavaScript is the site's own
    name = "01_context.html"
    questions = exercises((site["dir"] / name).read_text(encoding="utf-8"))
    page.goto(site["base"] + name, wait_until="load")
    page.wait_for_function(
        f"() => document.querySelectorAll('.course-question').length >= {len(questions)}", timeout=30_000
    )
    assert questions
    shown = [q["prompt"][:40] for q in questions if page.evaluate(_SHOWN, q["id"]) is not None]
    assert shown == [], f"static copies still visible next to their rendered widget: {shown}"
    first = page.locator(".course-question").first
    assert questions[0]["prompt"][:30] in first.inner_text().replace("\n", " ")


_FIGURES = """() => [...document.querySelectorAll('figure.course-figure img')].map(i => {
  const box = i.closest('figure');
  return {alt: i.alt.slice(0, 50), shown: i.getBoundingClientRect().width, natural: i.naturalWidth,
          fits: box.scrollWidth <= box.clientWidth + 1, reachable: box.tabIndex >= 0,
          page: document.documentElement.scrollWidth <= window.innerWidth + 1};
})"""


@pytest.mark.timeout(300)
def test_figures_keep_their_size_at_tablet_width(browser, site):
    """At 768 px no figure is shrunk (its text stays the size it was drawn at, 9 pt or more): a figure
    wider than the page scrolls sideways inside its own box, which the keyboard can reach."""
    context = browser.new_context(viewport={"width": 768, "height": 1024}, java_script_enabled=False)
    page = context.new_page()
    problems, seen = [], 0
    try:
        for name in sorted(p.name for p in site["dir"].glob("[0-9]*.html")):
            page.goto(site["base"] + name, wait_until="load")
            for figure in page.evaluate(_FIGURES):
                seen += 1
                if figure["shown"] < figure["natural"] - 1:
                    problems.append(
                        f"{name}: {figure['alt']!r} shrunk to {figure['shown']:.0f} of {figure['natural']} px"
                    )
                if not figure["fits"] and not figure["reachable"]:
                    problems.append(f"{name}: {figure['alt']!r} scrolls but the keyboard cannot reach it")
                if not figure["page"]:
                    problems.append(f"{name}: the page itself scrolls sideways")
    finally:
        context.close()
    assert seen >= 5, f"only {seen} figures found"
    assert problems == [], "\n".join(problems)
