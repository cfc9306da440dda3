"""Driving the course notebooks' widgets in the browser the way a student does.

Shared by test_course_notebooks.py, test_hostile_browser.py and test_voila_and_site.py. Every
``use_*`` function clicks/types like a student, waits for the page to change (never a fixed sleep)
and returns what changed plus the round-trip time in seconds (from the action that should update
the page to the moment the page shows the update).

The widgets are found by the CSS classes the helpers give them (``add_class`` in helpers/*.py):
``course-question`` (every exercise), ``course-timeline-explorer``, ``course-actor-explorer``;
feedback is a ``.course-message`` (``helpers.notebook.display.message_html``).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from .lab import (
    REPO_ROOT,
    error_outputs,
    model_widget_outputs,
    open_notebook,
    run_all,
    unrendered_widgets,
    wait_widgets,
)

NOTEBOOK_DIR = REPO_ROOT / "notebooks"
COURSE_NOTEBOOKS = ["00_start_here", "01_context", "02_timeline", "03_actor_positions", "04_escalation"]
COURSE_SEED = REPO_ROOT / "seeds" / "000_0c51e7aa6578d068.txt"

#: How long a widget callback may take to show its result before a test gives up (ms). Generous:
#: the machine is shared; the measured times are reported separately.
UPDATE_TIMEOUT = 20_000

# Texts are read with textContent, not innerText: JupyterLab 4.6 renders notebooks with
# ``content-visibility: auto`` (windowingMode "contentVisibility"), and the innerText of a cell
# outside the viewport is empty although the cell is there.


@dataclass
class RunResult:
    open_s: float  # page load + kernel start
    run_s: float  # Run All until the kernel is idle and every cell has run
    ready_s: float  # from page.goto to every widget rendered (open + run all + rendering)
    expected_widgets: int  # widget views the kernel displayed (notebook model)
    rendered_widgets: int  # widget views in the DOM (incl. views inside Output widgets)


@dataclass
class Interaction:
    round_trip_s: float
    before: object = None
    after: object = None
    details: dict = field(default_factory=dict)


def open_run_and_check(
    page, server, path: str, ready_timeout: float = 60_000, require_widgets: bool = True
) -> RunResult:
    """Open ``path`` on a fresh kernel, Run All, wait until every widget is rendered; assert no
    error output and no unrendered widget. The expected widget count is read from the notebook
    model (what the kernel displayed), so no number is kept by hand."""
    t0 = time.monotonic()
    t_open = open_notebook(page, server, path)
    t_run = run_all(page)
    errors = error_outputs(page)
    assert errors == [], f"{path}: error outputs after Run All:\n" + "\n-----\n".join(errors)
    expected = model_widget_outputs(page)
    if require_widgets:
        assert expected >= 1, f"{path}: the kernel displayed no widget at all"
    rendered = wait_widgets(page, minimum=expected, timeout=ready_timeout) if expected else 0
    ready = time.monotonic() - t0
    assert unrendered_widgets(page) == [], unrendered_widgets(page)
    assert rendered >= expected
    return RunResult(t_open, t_run, ready, expected, rendered)


def scroll_to(locator, block: str = "start") -> None:
    """Scroll ``locator`` into the notebook's viewport and wait until its position is stable.

    With ``content-visibility: auto`` the cells above change height as they are drawn, so one
    scrollIntoView can land off target: repeat (each after two animation frames) until the element
    stays put inside the window (at most 10 rounds)."""
    locator.wait_for(state="attached")
    locator.evaluate(
        """async (el, block) => {
        const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        let last = null;
        for (let i = 0; i < 10; i++) {
            el.scrollIntoView({block});
            await frames();
            const top = Math.round(el.getBoundingClientRect().top);
            if (top === last && top >= 0 && top < window.innerHeight) return;
            last = top;
        }
    }""",
        block,
    )


def notebook_path(name: str) -> Path:
    return NOTEBOOK_DIR / f"{name}.ipynb"


def rel(path: Path) -> str:
    return Path(path).resolve().relative_to(REPO_ROOT).as_posix()


# --------------------------------------------------------------------------------------------
# small waiting helpers
# --------------------------------------------------------------------------------------------


def text_of(locator) -> str:
    """textContent with collapsed whitespace; '' when the element does not exist."""
    if locator.count() == 0:
        return ""
    return re.sub(r"\s+", " ", locator.first.text_content() or "").strip()


def wait_text_change(
    page, element, selector: str, before: str, timeout: float = UPDATE_TIMEOUT, must_contain: str = ""
) -> str:
    """Wait until the joined textContent of ``selector`` inside ``element`` (an ElementHandle) is
    non-empty and differs from ``before`` (and contains ``must_contain``); return it."""
    js = (
        "([root, sel, before, must]) => { const t = [...root.querySelectorAll(sel)]"
        ".map(e => e.textContent).join(' | ').replace(/\\s+/g, ' ').trim();"
        " return t !== '' && t !== before && t.includes(must) ? t : false; }"
    )
    handle = page.wait_for_function(js, arg=[element, selector, before, must_contain], timeout=timeout, polling=20)
    return handle.json_value()


def joined_text(element, selector: str) -> str:
    return element.evaluate(
        "(root, sel) => [...root.querySelectorAll(sel)].map(e => e.textContent).join(' | ')"
        ".replace(/\\s+/g, ' ').trim()",
        selector,
    )


def question_with(page, inner_selector: str):
    """The first ``.course-question`` that contains ``inner_selector`` (a Locator)."""
    return page.locator(".course-question").filter(has=page.locator(inner_selector)).first


def question_with_button(page, label: str):
    return page.locator(".course-question").filter(has=page.get_by_role("button", name=label)).first


# --------------------------------------------------------------------------------------------
# exercises (helpers/exercises.py)
# --------------------------------------------------------------------------------------------


def radio_labels(question) -> list[str]:
    return [t.replace("\xa0", " ").strip() for t in question.locator(".widget-radio-box label").all_text_contents()]


def answer_choice_question(
    page, question, option: int | str = 0, check_label: str = "Check", timeout: float = UPDATE_TIMEOUT
) -> Interaction:
    """Click a radio option's label (by index or text), then the Check button; wait until the
    feedback text changes. ``details["classes"]`` holds the feedback's classes (``course-ok`` for
    a right answer, ``course-warning`` for a wrong one)."""
    scroll_to(question)
    labels = radio_labels(question)
    assert len(labels) >= 2, f"a ChoiceQuestion needs at least 2 options, found {labels}"
    index = labels.index(option) if isinstance(option, str) else option % len(labels)
    choice = question.locator(".widget-radio-box label").nth(index)
    choice.click()
    choice.locator("input:checked").wait_for(timeout=UPDATE_TIMEOUT)
    root = question.element_handle()
    before = joined_text(root, ".course-message")
    t0 = time.perf_counter()
    question.get_by_role("button", name=check_label).click()
    after = wait_text_change(page, root, ".course-message", before, timeout=timeout)
    rt = time.perf_counter() - t0
    kinds = root.evaluate("r => [...r.querySelectorAll('.course-message')].map(e => e.className)")
    return Interaction(rt, before, after, {"option": labels[index], "classes": kinds})


def answer_date_question(page, question, iso_date: str, check_label: str = "Check") -> Interaction:
    """Type a date into a DatePicker (``input[type=date]``), then Check; wait for the feedback."""
    scroll_to(question)
    box = question.locator("input[type=date]")
    box.fill(iso_date)
    box.press("Tab")  # blur: the picker syncs its value on change
    root = question.element_handle()
    before = joined_text(root, ".course-message")
    t0 = time.perf_counter()
    question.get_by_role("button", name=check_label).click()
    after = wait_text_change(page, root, ".course-message", before)
    rt = time.perf_counter() - t0
    kinds = root.evaluate("r => [...r.querySelectorAll('.course-message')].map(e => e.className)")
    return Interaction(rt, before, after, {"classes": kinds})


# --------------------------------------------------------------------------------------------
# 02 timeline: TimelineExplorer
# --------------------------------------------------------------------------------------------

_COUNT_RE = re.compile(r"(\d+)\s+of\s+(\d+)\s+events shown")


def use_timeline_explorer(page, prefer: str = "Russia") -> Interaction:
    """Keep a single actor lane with taps only (no Ctrl-click): "None", then the lane's checkbox; wait
    until the count text and the figure (img src) both changed."""
    explorer = page.locator(".course-timeline-explorer").first
    scroll_to(explorer)
    boxes = explorer.locator(".course-lane-filter .widget-checkbox")
    values = [t.strip() for t in boxes.all_text_contents()]
    checked = explorer.locator(".course-lane-filter input[type=checkbox]").evaluate_all("a => a.map(e => e.checked)")
    assert len(values) >= 2, f"the actor filter needs at least two lanes, has {values}"
    assert all(checked), "every lane is ticked at first"
    target = prefer if prefer in values else values[0]
    root = explorer.element_handle()
    count_before = joined_text(root, ".widget-html-content")
    src_before = root.evaluate("r => { const i = r.querySelector('.widget-output img'); return i ? i.src : ''; }")
    t0 = time.perf_counter()
    explorer.locator(".course-lane-filter").get_by_role("button", name="None").click()
    page.wait_for_function(
        "r => [...r.querySelectorAll('.course-lane-filter input[type=checkbox]')].every(e => !e.checked)",
        arg=root,
        timeout=UPDATE_TIMEOUT,
        polling=20,
    )
    explorer.locator(".course-lane-filter").get_by_label(target, exact=True).check()
    page.wait_for_function(
        "([r, c, s]) => { const i = r.querySelector('.widget-output img');"
        " const t = [...r.querySelectorAll('.widget-html-content')].map(e => e.textContent).join(' | ')"
        ".replace(/\\s+/g, ' ').trim();"
        " return i && i.src && i.src !== s && t !== '' && t !== c && /events shown/.test(t); }",
        arg=[root, count_before, src_before],
        timeout=UPDATE_TIMEOUT,
        polling=20,
    )
    rt = time.perf_counter() - t0
    count_after = joined_text(root, ".widget-html-content")
    selected = explorer.locator(".course-lane-filter .widget-checkbox").evaluate_all(
        "a => a.filter(e => e.querySelector('input').checked).map(e => e.textContent.trim())"
    )
    img = explorer.locator(".widget-output img").first
    return Interaction(
        rt,
        count_before,
        count_after,
        {
            "lane": target,
            "lanes": values,
            "selected": selected,
            "alt": img.get_attribute("alt") or "",
            "src_changed": True,
        },
    )


def parse_count(text: str) -> tuple[int, int]:
    m = _COUNT_RE.search(text)
    assert m, f"no 'N of M events shown' in {text!r}"
    return int(m[1]), int(m[2])


# --------------------------------------------------------------------------------------------
# 03 actor positions: ActorExplorer, StanceCoder
# --------------------------------------------------------------------------------------------


def highlighted_sentences(explorer) -> list[str]:
    return explorer.evaluate("r => [...r.querySelectorAll('.course-highlight')].map(e => e.dataset.sentence)")


def use_actor_explorer(page, option_label: str) -> Interaction:
    """Choose ``option_label`` in the actor dropdown; wait until the highlighted sentences (and
    the summary) changed."""
    explorer = page.locator(".course-actor-explorer").first
    scroll_to(explorer)
    select = explorer.locator(".widget-dropdown select").first
    root = explorer.element_handle()
    before = highlighted_sentences(root)
    summary_before = joined_text(root, ".course-actor-summary")
    t0 = time.perf_counter()
    select.select_option(label=option_label)
    page.wait_for_function(
        "([r, s]) => { const t = [...r.querySelectorAll('.course-actor-summary')]"
        ".map(e => e.textContent).join(' | ').replace(/\\s+/g, ' ').trim(); return t !== '' && t !== s; }",
        arg=[root, summary_before],
        timeout=UPDATE_TIMEOUT,
        polling=20,
    )
    rt = time.perf_counter() - t0
    after = highlighted_sentences(root)
    return Interaction(rt, before, after, {"summary": joined_text(root, ".course-actor-summary")})


def dropdown_labels(select) -> list[str]:
    return select.evaluate("s => [...s.options].map(o => o.textContent)")


def use_stance_coder(page, compare_label: str = "Compare with the reference coding") -> Interaction:
    """Choose a stance in the first statement's dropdown, press Compare; wait for the message."""
    coder = question_with_button(page, compare_label)
    scroll_to(coder)
    first = coder.locator(".widget-dropdown select").first
    labels = dropdown_labels(first)
    assert len(labels) >= 2, labels
    first.select_option(index=1)
    root = coder.element_handle()
    before = joined_text(root, ".course-message")
    t0 = time.perf_counter()
    coder.get_by_role("button", name=compare_label).click()
    after = wait_text_change(page, root, ".course-message", before)
    rt = time.perf_counter() - t0
    return Interaction(rt, before, after, {"stance": labels[1]})


# --------------------------------------------------------------------------------------------
# 04 escalation: ForecastExercise
# --------------------------------------------------------------------------------------------


def slider_states(forecast) -> list[dict]:
    """Per slider: readout text and whether it is disabled (ipywidgets sets ``disabled`` on the
    noUiSlider target)."""
    return forecast.evaluate("""r => [...r.querySelectorAll('.widget-slider')].map(s => {
        const t = s.querySelector('.noUi-target');
        const ro = s.querySelector('.widget-readout');
        return {readout: ro ? ro.textContent.trim() : '',
                disabled: !!(t && t.hasAttribute('disabled')),
                editable: !!(ro && ro.isContentEditable)}; })""")


def move_slider(page, forecast, index: int = 0, presses: int = 3) -> tuple[str, str]:
    """Focus a noUiSlider handle and press ArrowRight ``presses`` times; wait for the readout to
    change. Returns (readout before, readout after)."""
    handle = forecast.locator(".noUi-handle").nth(index)
    scroll_to(handle)
    before = slider_states(forecast.element_handle())[index]["readout"]
    handle.focus()
    for _ in range(presses):
        handle.press("ArrowRight")
    root = forecast.element_handle()
    page.wait_for_function(
        "([r, i, b]) => { const ro = r.querySelectorAll('.widget-slider .widget-readout')[i];"
        " return ro && ro.textContent.trim() !== b; }",
        arg=[root, index, before],
        timeout=UPDATE_TIMEOUT,
        polling=20,
    )
    # Every key press is its own change: wait until the readout has stopped moving (unchanged for
    # 400 ms), so that no late change reaches the kernel after the next click.
    page.wait_for_function(
        "([r, i]) => { const ro = r.querySelectorAll('.widget-slider .widget-readout')[i];"
        " const now = ro ? ro.textContent.trim() : ''; const t = performance.now();"
        " if (window.__slider_last !== now) { window.__slider_last = now; window.__slider_since = t; return false; }"
        " return t - window.__slider_since > 400; }",
        arg=[root, index],
        timeout=UPDATE_TIMEOUT,
        polling=50,
    )
    return before, slider_states(root)[index]["readout"]


def use_forecast(
    page, lock_label: str = "Lock my forecasts", reveal_label: str = "Reveal what happened"
) -> Interaction:
    """Move the first slider, Lock and confirm (sliders become disabled), Reveal (outcomes appear)."""
    forecast = question_with_button(page, lock_label)
    scroll_to(forecast)
    root = forecast.element_handle()
    states0 = slider_states(root)
    assert states0 and not any(s["disabled"] for s in states0), states0
    before, after = move_slider(page, forecast, 0, 3)

    status_before = joined_text(root, ".course-message")
    t0 = time.perf_counter()
    forecast.get_by_role("button", name=lock_label).click()
    forecast.get_by_role("button", name="Yes, lock them").click()  # locking asks for a confirmation first
    page.wait_for_function(
        "r => { const t = [...r.querySelectorAll('.widget-slider .noUi-target')];"
        " return t.length > 0 && t.every(e => e.hasAttribute('disabled')); }",
        arg=root,
        timeout=UPDATE_TIMEOUT,
        polling=20,
    )
    lock_rt = time.perf_counter() - t0
    lock_message = wait_text_change(page, root, ".course-message", status_before, must_contain="Locked")

    result_before = root.evaluate("r => r.textContent")
    assert "mid-December 2025" not in result_before
    t1 = time.perf_counter()
    forecast.get_by_role("button", name=reveal_label).click()
    page.wait_for_function(
        "r => r.textContent.includes('mid-December 2025')", arg=root, timeout=UPDATE_TIMEOUT, polling=20
    )
    reveal_rt = time.perf_counter() - t1
    return Interaction(
        reveal_rt,
        before,
        after,
        {
            "lock_round_trip_s": lock_rt,
            "lock_message": lock_message,
            "states_after": slider_states(root),
            "text": root.evaluate("r => r.textContent"),
        },
    )
