"""Every course notebook in JupyterLab, in Chromium, as a student uses it.

For each notebook: a fresh kernel, Run All, no error output, every widget the kernel displayed is
rendered, then the notebook's main widget is used (a click, a selection, a slider) and the page must
change as the notebook promises. Times are measured in the browser and recorded with ``timings``
(printed at the end and written to test-artifacts/browser-timings.json):

* ``ready`` — from opening the page to every widget rendered after Run All (target < 8 s);
* ``round_trip`` — from the student's action to the updated output on the page (target < 0.3 s).

The asserted bounds are loose (30 s and 3 s) so a loaded CI machine does not flake; the real
numbers are in docs/performance.md. Answers go to the session's temporary answers folder
(``COURSE_ANSWERS_DIR``), emptied before each test (``fresh_answers``), never to answers/.

The same page, right after Run All and before the student's action (so the audit sees what a
student sees first, every control still enabled), also gets the accessibility audit of
test_accessibility.py's notebooks (``a11y.audit_notebook_in_lab``: axe-core and the buttons'
contrast in the light and dark themes, choice options at 768 px); its problems fail the test at the
end, named "accessibility audit in JupyterLab", after the course-use checks have run. Each notebook
is opened once for both.
"""

from __future__ import annotations

import functools
import time

import pytest

from .a11y import audit_notebook_in_lab
from .course_ui import (
    COURSE_NOTEBOOKS,
    COURSE_SEED,
    NOTEBOOK_DIR,
    answer_choice_question,
    answer_date_question,
    dropdown_labels,
    notebook_path,
    open_run_and_check,
    parse_count,
    question_with,
    radio_labels,
    rel,
    scroll_to,
    use_actor_explorer,
    use_forecast,
    use_stance_coder,
    use_timeline_explorer,
)
from .lab import REPO_ROOT, element_screenshot, error_outputs, screenshot

pytestmark = pytest.mark.browser


#: The CSS selector of each notebook's main widget (for the screenshot).
MAIN_WIDGET = {
    "00_start_here": ".course-question:has(.widget-radio-box)",
    "01_context": ".course-question:has(input[type=date])",
    "02_timeline": ".course-timeline-explorer",
    "03_actor_positions": ".course-actor-explorer",
    "04_escalation": ".course-question:has(.widget-slider)",
    "05_compare_sources": ".course-question:has(.widget-radio-box)",
}


#: Notebooks whose main interaction answers a question (so an answers file must appear).
SAVES_ANSWERS = {"00_start_here", "01_context", "03_actor_positions", "04_escalation", "05_compare_sources"}


def answers_snapshot() -> dict[str, float]:
    """Files in the repository's answers/ folder with their modification times (never written by
    these tests: the kernels get COURSE_ANSWERS_DIR)."""
    folder = REPO_ROOT / "answers"
    return {p.name: p.stat().st_mtime for p in folder.rglob("*")} if folder.exists() else {}


@functools.cache
def actor_oracle(seed: str) -> list[tuple[str, tuple[str, ...]]]:
    """(dropdown label, sentence ids to highlight) per actor, computed with the helpers' own
    ActorExplorer outside any kernel: what the page must show after choosing that actor."""
    import helpers
    from helpers.lessons import positions

    explorer = positions.ActorExplorer(helpers.load_article(seed))
    return [(label, tuple(explorer.sentence_ids(actor_id))) for label, actor_id in explorer.actor.options]


def _norm(label: str) -> str:
    return label.replace("\xa0", " ").strip()  # ipywidgets draws option spaces as &nbsp;


# --------------------------------------------------------------------------------------------
# the main interaction per notebook; each returns the round trip in seconds (or a dict of named
# round trips with a "round_trip" entry)
# --------------------------------------------------------------------------------------------


@functools.cache
def first_quote_oracle(seed: str) -> tuple[tuple[str, ...], str]:
    """(options, correct option) of notebook 00's first ChoiceQuestion, from the helpers."""
    import helpers
    import helpers.lessons.context

    question = helpers.lessons.context.first_quote_question(helpers.load_article(seed))
    return tuple(question.input.options), question.correct


def interact_00(page) -> float:
    options, correct = first_quote_oracle(str(COURSE_SEED))
    question = question_with(page, ".widget-radio-box")
    assert tuple(radio_labels(question)) == options, (radio_labels(question), options)
    wrong = answer_choice_question(page, question, option=next(o for o in options if o != correct))
    assert any("course-warning" in c for c in wrong.details["classes"]), wrong.details
    right = answer_choice_question(page, question, option=correct)
    assert any("course-ok" in c for c in right.details["classes"]), right.details
    assert right.after.strip() and right.after != wrong.after
    return right.round_trip_s


def interact_01(page) -> float:
    question = question_with(page, "input[type=date]")
    wrong = answer_date_question(page, question, "2024-11-01")
    assert any("course-warning" in c for c in wrong.details["classes"]), wrong.details
    # day 1,000 of the full-scale war (day 1 = 24 Feb 2022, facts A1) is 19 Nov 2024
    right = answer_date_question(page, question, "2024-11-19")
    assert any("course-ok" in c for c in right.details["classes"]), right.details
    assert "2024" in right.after
    return right.round_trip_s


def interact_02(page) -> float:
    result = use_timeline_explorer(page, prefer="Russia")
    shown_before, total = parse_count(result.before)
    shown_after, total_after = parse_count(result.after)
    assert shown_before == total, result.before  # everything is selected at first
    assert total_after == total and 0 < shown_after < total, (result.before, result.after)
    assert result.details["selected"] == [result.details["lane"]], result.details
    assert result.details["alt"].strip(), "the redrawn figure has no alt text"
    return result.round_trip_s


def interact_03(page) -> float:
    oracle = actor_oracle(str(COURSE_SEED))
    select = page.locator(".course-actor-explorer .widget-dropdown select").first
    labels = [_norm(t) for t in dropdown_labels(select)]
    assert labels == [label for label, _ in oracle], "dropdown differs from helpers' ActorExplorer"
    first_ids = set(oracle[0][1])
    # the first actor whose sentences differ from the one shown at first
    target = next(i for i, (_, ids) in enumerate(oracle) if set(ids) != first_ids)
    result = use_actor_explorer(page, dropdown_labels(select)[target])
    assert set(result.before) == first_ids, (result.before, oracle[0])
    assert result.after == list(oracle[target][1]), (result.after, oracle[target])
    assert set(result.after) != set(result.before)
    assert oracle[target][0].split(" (")[0] in result.details["summary"]

    stance = use_stance_coder(page)
    assert stance.after, "no message after Compare"
    assert "1 of" in stance.after, stance.after  # one statement coded so far
    return result.round_trip_s


def interact_04(page) -> float:
    result = use_forecast(page)
    assert result.before != result.after, "the slider did not move"
    states = result.details["states_after"]
    assert states and all(s["disabled"] for s in states), states
    # the moved value reached the kernel: the lock message lists it
    assert result.after in result.details["lock_message"], result.details["lock_message"]
    assert "mid-December 2025" in result.details["text"]
    assert "Brier score" in result.details["text"]
    return {"round_trip": result.round_trip_s, "round_trip_lock": result.details["lock_round_trip_s"]}


def interact_05(page) -> float:
    """Exercise 4 of notebook 05: did Finer confirm the decision? (the options come from the helpers)."""
    from helpers.lessons.compare.paraphrase import CONFIRM_OPTIONS

    question = question_with(page, ".widget-radio-box")
    assert tuple(radio_labels(question)) == CONFIRM_OPTIONS, radio_labels(question)
    wrong = answer_choice_question(page, question, option=CONFIRM_OPTIONS[0])
    assert any("course-warning" in c for c in wrong.details["classes"]), wrong.details
    right = answer_choice_question(page, question, option=CONFIRM_OPTIONS[1])
    assert any("course-ok" in c for c in right.details["classes"]), right.details
    assert "not confirming any decisions" in right.after, right.after
    return right.round_trip_s


def tables_wider_than_the_page(page) -> list[str]:
    """The header rows of course tables that scroll sideways (each table is scrolled into view first:
    JupyterLab does not lay out cells off screen)."""
    wide = []
    for table in page.locator(".course-table").all():
        table.scroll_into_view_if_needed()
        found = table.evaluate(
            "e => e.scrollWidth > e.clientWidth + 1 ? [...e.querySelectorAll('th')].map(t => t.textContent).join(' | ') : null"
        )
        if found is not None:
            wide.append(found)
    return wide


INTERACT = {
    "00_start_here": interact_00,
    "01_context": interact_01,
    "02_timeline": interact_02,
    "03_actor_positions": interact_03,
    "04_escalation": interact_04,
    "05_compare_sources": interact_05,
}


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", [*COURSE_NOTEBOOKS, "05_compare_sources"])
def test_course_notebook_in_lab(name, page, lab_server, fresh_answers, timings):
    repo_answers_before = answers_snapshot()
    path = notebook_path(name)
    assert path.exists(), f"course notebook {path} is missing (README lists it)"
    run = open_run_and_check(page, lab_server, rel(path))
    timings("open", run.open_s)
    timings("run_all", run.run_s)
    timings("ready", run.ready_s)

    t0 = time.perf_counter()
    a11y_problems = audit_notebook_in_lab(page, name)  # asserted at the end, after the course-use checks
    timings("a11y_audit", time.perf_counter() - t0)

    measured = INTERACT[name](page)
    if not isinstance(measured, dict):
        measured = {"round_trip": measured}
    for key, seconds in measured.items():
        timings(key, seconds)
    round_trip = measured["round_trip"]
    assert error_outputs(page) == [], error_outputs(page)

    assert tables_wider_than_the_page(page) == [], "a course table needs horizontal scrolling at 1280 px"

    main = page.locator(MAIN_WIDGET[name]).first
    scroll_to(main)
    screenshot(page, name)
    element_screenshot(main, f"{name}-main-widget", max_height=860)
    print(
        f"\n{name}: open {run.open_s:.2f} s, run all {run.run_s:.2f} s, widgets ready "
        f"{run.ready_s:.2f} s ({run.rendered_widgets} views, {run.expected_widgets} displayed), "
        f"round trip {round_trip * 1000:.0f} ms"
    )
    assert page.page_errors == [], page.page_errors
    if name in SAVES_ANSWERS:
        assert list(fresh_answers.iterdir()), "no answer was saved to the test's answers folder"
    assert answers_snapshot() == repo_answers_before, "the repository's answers/ folder changed"
    assert a11y_problems == [], (
        f"{name}: accessibility audit in JupyterLab: serious/critical accessibility violations in the course's output\n"
        + "\n".join(a11y_problems)
    )


def test_every_course_notebook_is_used_and_audited():
    """Every notebooks/NN_*.ipynb has its interaction here, so test_course_notebook_in_lab opens it,
    uses it and runs its accessibility audit (a new notebook cannot go unaudited)."""
    on_disk = sorted(p.stem for p in NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
    missing = [name for name in on_disk if name not in INTERACT]
    assert missing == [], (
        f"course notebooks with no interaction in INTERACT (test_course_notebooks.py), so neither used nor "
        f"audited in JupyterLab: {missing}"
    )


@pytest.mark.timeout(240)
def test_interaction_check_fails_when_the_kernel_is_gone(page, lab_server, fresh_answers):
    """The "page changed" checks need the kernel's answer: with the kernel shut down after Run All,
    clicking an option and Check changes nothing on the page, and the check times out."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    open_run_and_check(page, lab_server, rel(notebook_path("00_start_here")))
    question = question_with(page, ".widget-radio-box")
    assert lab_server.delete_sessions() == 1
    page.locator(".jp-NotebookPanel .jp-Toolbar-kernelName").filter(has_text="No Kernel").wait_for()
    with pytest.raises(PlaywrightTimeout):
        answer_choice_question(page, question, option=0, timeout=3_000)
    assert question.locator(".course-message").count() == 0


def test_the_table_width_check_can_fail(page):
    """A table with a long unbreakable cell scrolls sideways in an 800 px box: the check names it."""
    wide = "x" * 400
    page.set_content(
        '<div style="width:800px"><div class="course-table" style="max-width:100%;overflow-x:auto">'
        f"<table><thead><tr><th>source</th></tr></thead><tbody><tr><td>{wide}</td></tr></tbody></table></div>"
        '<div class="course-table" style="max-width:100%;overflow-x:auto"><table><tr><td>short</td></tr></table></div></div>'
    )
    assert tables_wider_than_the_page(page) == ["source"]
