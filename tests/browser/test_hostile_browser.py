"""Every course notebook on the hostile article, in JupyterLab, in Chromium: nothing from the
article may run as code in the browser.

tests/articles/hostile_markup.txt carries HTML/JS payloads; each one, if it ever ran, would set a
``window`` flag (``window.__xss_img`` …). For every notebook a copy is written into the git-ignored
test-artifacts/hostile/ folder (inside the Lab root) with one cell after the ``parameters`` cell
that sets ``SEED`` to the hostile article. The copy is opened on a fresh kernel, run, and used like
a student would (the main widget, hovering and clicking over the article's text and any link).
After every step: no flag is set, no error output, no live element from the payload in the outputs
(``<script>``, ``<iframe>``, ``on…=`` handlers, ``javascript:`` links, the ``<style>`` that would
hide the page), and the page is still visible. The payload must also be *shown*, escaped, as text:
otherwise a notebook that silently skipped the article would pass.

``test_detectors_catch_live_payload`` proves the detectors work: it displays the payload unescaped
(``IPython.display.HTML``) and expects the flag and the dangerous elements to be found.
"""

from __future__ import annotations

import functools
import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell

from .course_ui import (
    COURSE_NOTEBOOKS,
    answer_choice_question,
    dropdown_labels,
    highlighted_sentences,
    notebook_path,
    open_run_and_check,
    question_with,
    rel,
    scroll_to,
    use_actor_explorer,
    use_stance_coder,
    use_timeline_explorer,
)
from .lab import (
    ARTIFACTS_DIR,
    REPO_ROOT,
    element_screenshot,
    error_outputs,
    js_flags,
    open_notebook,
    run_all,
    screenshot,
)

pytestmark = pytest.mark.browser

HOSTILE_SEED = REPO_ROOT / "tests" / "articles" / "hostile_markup.txt"
HOSTILE_DIR = ARTIFACTS_DIR / "hostile"
FLAGS = ["__xss_img", "__xss_quote", "__xss_script", "__xss_svg", "__xss_hover", "__xss_js", "__xss_iframe"]

#: Pieces of the payload as they read when escaped and shown as text. Rendered as markup, none of
#: them would appear in the text of the page (tags and attributes are not text).
PAYLOAD_TEXT = ["onerror=", "<script>", "<svg onload", "onmouseover=", "javascript:", "<iframe srcdoc"]

#: Notebooks that never display the article's sentences (only parsed pieces): what they must show
#: of the hostile article instead (notebook 02 lists its time expressions, from ¶2.1 and ¶3.1, the
#: sentences that carry the <img> and <svg>/<b onmouseover> payloads).
SHOWS_NO_SENTENCE = {"02_timeline": ["January 20th", "within 24 hours"]}

# Live elements a payload would create inside outputs (the course's own figures are plain <img>).
_JS_DANGEROUS = """() => {
  const roots = [...document.querySelectorAll(
    '.jp-OutputArea-output, .widget-html-content, .jp-RenderedHTMLCommon')];
  const found = [];
  const sel = 'script, iframe, svg[onload], [onerror], [onload], [onmouseover], [onclick], a[href^="javascript:" i], style';
  for (const r of roots) for (const e of r.querySelectorAll(sel)) {
    // matplotlib/pandas never emit these; an inline <style> is dangerous only if it comes from the seed
    if (e.tagName === 'STYLE' && !/display\\s*:\\s*none/.test(e.textContent)) continue;
    found.push(e.outerHTML.slice(0, 200));
  }
  return [...new Set(found)];
}"""

_JS_PAYLOAD_SHOWN = """(pieces) => {
  const texts = [...document.querySelectorAll('.jp-OutputArea-output')].map(e => e.textContent);
  return pieces.filter(p => texts.some(t => t.includes(p)));
}"""


def dangerous_elements(page) -> list[str]:
    return page.evaluate(_JS_DANGEROUS)


def payload_shown(page) -> list[str]:
    """The payload pieces that appear as text in some output."""
    return page.evaluate(_JS_PAYLOAD_SHOWN, PAYLOAD_TEXT)


def hostile_copy(name: str) -> str:
    """Write test-artifacts/hostile/<name>.ipynb: the notebook with ``SEED = <hostile article>``
    inserted right after its ``parameters`` cell. Returns the path relative to the Lab root."""
    source = notebook_path(name)
    assert source.exists(), f"course notebook {source} is missing"
    nb = nbformat.read(source, as_version=4)
    index = next(
        (i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])),
        None,
    )
    assert index is not None, f"{name} has no cell tagged 'parameters'"
    nb.cells.insert(index + 1, new_code_cell(f"SEED = {str(HOSTILE_SEED)!r}  # hostile article (browser test)"))
    HOSTILE_DIR.mkdir(parents=True, exist_ok=True)
    target = HOSTILE_DIR / f"{name}.ipynb"
    nbformat.write(nb, target)
    return rel(target)


def assert_safe(page, step: str) -> None:
    flags = {k: v for k, v in js_flags(page, FLAGS).items() if v is not None}
    assert flags == {}, f"after {step}: payload ran in the browser: {flags}"
    bad = dangerous_elements(page)
    assert bad == [], f"after {step}: live payload elements in outputs: {bad}"
    errors = error_outputs(page)
    assert errors == [], f"after {step}: error outputs:\n" + "\n-----\n".join(errors)
    assert page.locator(".jp-NotebookPanel").first.is_visible(), f"after {step}: the notebook is hidden"
    assert page.page_errors == [], f"after {step}: {page.page_errors}"


@functools.cache
def hostile_actor_oracle() -> list[tuple[str, tuple[str, ...]]]:
    import helpers
    from helpers.lessons import positions

    explorer = positions.ActorExplorer(helpers.load_article(str(HOSTILE_SEED)))
    return [(label, tuple(explorer.sentence_ids(actor_id))) for label, actor_id in explorer.actor.options]


# --------------------------------------------------------------------------------------------
# the student's steps, per notebook; each returns a short description of what it did
# --------------------------------------------------------------------------------------------


def use_first_question(page) -> str:
    if page.locator(".course-question .widget-radio-box").count():
        result = answer_choice_question(page, question_with(page, ".widget-radio-box"), option=0)
        assert result.after, "no feedback after Check"
        return f"answered a ChoiceQuestion ({result.details['option']!r}) → {result.after[:80]!r}"
    return "no ChoiceQuestion on this article"


def use_main_widget(page, name: str) -> list[str]:
    done = []
    if (
        name == "02_timeline"
        and page.locator(".course-timeline-explorer .course-lane-filter input[type=checkbox]").count() >= 2
    ):
        result = use_timeline_explorer(page)
        done.append(f"timeline: lane {result.details['lane']} → {result.after!r}")
    elif name == "02_timeline":
        # no dated event on this article: the explorer must say so (a message, not an error)
        explorer = page.locator(".course-timeline-explorer").first
        assert explorer.count() == 1, "the timeline explorer is missing"
        message = explorer.locator(".course-message").first.text_content() or ""
        assert "no dated" in message.lower() or "no event" in message.lower(), message
        done.append(f"timeline explorer (disabled) says {message.strip()[:80]!r}")
        done.append(use_first_question(page))
    elif name == "03_actor_positions":
        oracle = hostile_actor_oracle()
        explorer = page.locator(".course-actor-explorer").first
        select = explorer.locator(".widget-dropdown select").first
        labels = [t.replace("\xa0", " ") for t in dropdown_labels(select)]
        assert labels == [label for label, _ in oracle], (labels, oracle)
        # the actor named inside the <svg> payload, then Joe Biden (from the <img> quote sentence)
        for wanted in ("Evil", "Joe Biden"):
            index = next((i for i, (label, _) in enumerate(oracle) if label.startswith(wanted)), 0)
            current = select.evaluate("s => s.selectedIndex")
            if current == index:  # already shown: go elsewhere first, so the choice is a change
                use_actor_explorer(page, dropdown_labels(select)[(index + 1) % len(labels)])
            result = use_actor_explorer(page, dropdown_labels(select)[index])
            assert highlighted_sentences(explorer.element_handle()) == list(oracle[index][1])
            done.append(f"actor {oracle[index][0]!r}: highlighted {result.after}")
            assert_safe(page, f"choosing the actor {oracle[index][0]!r}")
        if (
            page.locator(".course-question")
            .filter(has=page.get_by_role("button", name="Compare with the reference coding"))
            .count()
        ):
            stance = use_stance_coder(page)
            done.append(f"stance coder → {stance.after[:80]!r}")
    else:
        done.append(use_first_question(page))
    return done


def hover_and_click_article(page) -> list[str]:
    """Hover over the highlighted/marked article text and over the payload words; click the words
    that would be a javascript: link, and every link in the outputs that stays on this page."""
    done = []
    targets = page.locator(".jp-OutputArea-output .course-highlight, .jp-OutputArea-output mark")
    for i in range(min(targets.count(), 8)):
        scroll_to(targets.nth(i), block="center")
        targets.nth(i).hover()
    done.append(f"hovered {min(targets.count(), 8)} highlighted/marked spans")
    for word in ("US", "clicking", "Evil"):
        # the payload words, as whole words, where a student can see them (not in folded tables)
        hits = page.locator(".jp-OutputArea-output").get_by_text(re.compile(rf"\b{word}\b")).filter(visible=True)
        n = min(hits.count(), 4)
        for i in range(n):
            scroll_to(hits.nth(i), block="center")
            hits.nth(i).hover()
            if word == "clicking":
                hits.nth(i).click()
        done.append(f"hovered{' and clicked' if word == 'clicking' else ''} {n} × {word!r}")
    links = page.locator(".jp-OutputArea-output a[href]")
    clicked = 0
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href") or ""
        assert not href.lower().startswith("javascript:"), href
        if href.startswith("#"):  # stays on the page; external links open new tabs and are not followed
            scroll_to(links.nth(i), block="center")
            links.nth(i).click()
            clicked += 1
    done.append(f"{links.count()} link(s) in outputs, {clicked} in-page link(s) clicked")
    return done


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", COURSE_NOTEBOOKS)
def test_hostile_article_never_runs_in_the_browser(name, page, lab_server, fresh_answers, timings):
    path = hostile_copy(name)
    run = open_run_and_check(page, lab_server, path, require_widgets=False)
    timings("ready", run.ready_s)
    assert_safe(page, "Run All")
    shown = payload_shown(page)
    if name in SHOWS_NO_SENTENCE:
        # this notebook shows parsed pieces of the article, never whole sentences: its pieces of
        # the hostile article's sentences must be there instead
        for piece in SHOWS_NO_SENTENCE[name]:
            assert page.locator(".jp-OutputArea-output").get_by_text(piece, exact=False).count() >= 1, piece
    else:
        assert "onerror=" in shown, (
            f"{name}: the payload is not shown as text in any output (found only "
            f"{shown} of {PAYLOAD_TEXT}): the article was not rendered"
        )
        assert page.locator(".jp-OutputArea-output").get_by_text("onerror", exact=False).count() >= 1

    steps = use_main_widget(page, name)
    assert_safe(page, f"using the main widget ({steps})")
    steps += hover_and_click_article(page)
    assert_safe(page, "hovering and clicking over the article")
    screenshot(page, f"hostile-{name}")
    if name == "03_actor_positions":
        element_screenshot(page.locator(".course-actor-explorer").first, f"hostile-{name}-main-widget", max_height=860)
    print(
        f"\n{name} (hostile): {run.rendered_widgets} widget views; payload shown as text: {shown}; " + "; ".join(steps)
    )


@pytest.mark.timeout(240)
def test_detectors_catch_live_payload(page, lab_server, timings):
    """The same checks on a notebook that shows the seed *unescaped*: they must fire."""
    HOSTILE_DIR.mkdir(parents=True, exist_ok=True)
    target = HOSTILE_DIR / "unescaped_on_purpose.ipynb"
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}}
    )
    nb.cells = [
        new_code_cell(
            "from pathlib import Path\nfrom IPython.display import HTML\n"
            f"HTML(Path({str(HOSTILE_SEED)!r}).read_text().split(chr(10))[0])  # unescaped: must be caught"
        )
    ]
    nbformat.write(nb, target)
    timings("open", open_notebook(page, lab_server, rel(target)))
    run_all(page)
    page.wait_for_function("() => window.__xss_img === 1", timeout=10_000)
    flags = {k: v for k, v in js_flags(page, FLAGS).items() if v is not None}
    assert flags == {"__xss_img": 1}, flags
    assert any("onerror" in e for e in dangerous_elements(page)), dangerous_elements(page)
    with pytest.raises(AssertionError, match="payload ran"):
        assert_safe(page, "showing the seed unescaped")
